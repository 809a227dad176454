"""English typeset the Chinese way, read as English.

English reading passages in Chinese exam papers and worksheets are often typed with a
Chinese input method: full-width punctuation (，．：；？！ “ ” ﹣ （ ）) and full-width spaces
inside English text, paragraphs indented with 　　, `__` separators between paragraphs, and,
where the text came out of a PDF, words glued together where a line ended (``tinyalgae``)
or split by a hyphen at the line's end (``tempera- ture``). None of it reads as English
punctuation to a sentence splitter, so such a passage used to give no sentences at all.

A block whose letters are (almost) all Latin is retypeset once, before any stage reads it:
full-width marks become their ASCII forms with English spacing (``twelve， my`` →
``twelve, my``; ``Mr．Harris`` → ``Mr. Harris``; ``3．5`` stays a decimal). Every stage and
the quiz then see the same text, so a question quotes the passage exactly as analysed.
Chinese blocks are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Block, Document
from .text import cjk_count

# full-width and CJK punctuation → ASCII, for English text
_MARKS = {"，": ",", "、": ",", "．": ".", "。": ".", "：": ":", "；": ";", "？": "?", "！": "!",
          "（": "(", "）": ")", "【": "[", "】": "]", "﹣": "-", "－": "-", "‐": "-", "‑": "-",
          "＂": '"', "＇": "'", "～": "~", "﹐": ",", "﹒": ".", "﹔": ";", "﹕": ":", "﹖": "?", "﹗": "!",
          "\u3000": " ", "\u00a0": " "}
_WIDE = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}  # full-width ASCII (Ａ, ７, ＠)
_TABLE = str.maketrans({**_WIDE, **_MARKS})
_FULL = re.compile("[" + re.escape("".join(_MARKS)) + "\uff01-\uff5e]")
_SEPARATOR = re.compile(r"\s*_{2,}\s*(?:\d+\s*_*\s*)?")  # __ between paragraphs (or a numbered gap)
_HYPHEN_BREAK = re.compile(r"\b([A-Za-z]{2,})- ([a-z]{2,})\b")
_GLUED = re.compile(r"(?<![\w./@#:-])[a-z]{7,}(?![\w/@-]|\.\w)")  # a word, not part of a URL or an address


def retypeset(document: Document) -> Document:
    """The document with its English blocks in English typesetting (see the module docstring)."""
    blocks = [_retypeset_block(b) for b in document.blocks]
    return replace(document, blocks=[b for b in blocks if b.text.strip()])


def _retypeset_block(block: Block) -> Block:
    if not english_text(block.text):
        return block
    return replace(block, text=english(block.text))


def english_text(text: str) -> bool:
    """Latin-script text: fewer than one CJK character in fifty letters (a name or a gloss)."""
    letters = sum(ch.isalpha() for ch in text)
    return letters > 0 and cjk_count(text) * 50 < letters


def english(text: str) -> str:
    """English text in English typesetting."""
    if _FULL.search(text):
        text = _ascii_marks(text)
    if "__" in text:
        text = _SEPARATOR.sub(" ", text)
    if "- " in text:
        text = _HYPHEN_BREAK.sub(_join_broken, text)
    text = _GLUED.sub(_split_glued, text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _ascii_marks(text: str) -> str:
    text = text.translate(_TABLE)
    text = re.sub(r"\s+([,.;:?!)\]])", r"\1", text)  # "word ，" → "word,"
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r"(?<=\d)([,.])\s+(?=\d{3}\b)", r"\1", text)  # 1， 000 → 1,000
    text = re.sub(r"([,;:?!])(?=[A-Za-z“\"(])", r"\1 ", text)  # "twelve，my" → "twelve, my"
    text = re.sub(r"(?<=[a-z0-9)”\"’])\.(?=[A-Z“\"(])", ". ", text)  # end.Next → end. Next; at 13:00.Volunteers
    text = re.sub(r"(?<=\d),(?=\d{4}\b)", ", ", text)  # April 11，2025 → April 11, 2025 (1，000 stays 1,000)
    text = re.sub(r"(?<=[,.?!]”)(?=[A-Za-z])", " ", text)  # “…gone，”he → “…gone,” he
    text = re.sub(r"(?<=\b[A-Z][a-z])\.(?=[A-Z])|(?<=\bMrs)\.(?=[A-Z])", ". ", text)  # Mr.Harris
    text = re.sub(r"\s*-\s*(?=[A-Za-z])(?<=[A-Za-z]-)|(?<=[A-Za-z])\s+-(?=[A-Za-z])", "-", text)
    return text


def _join_broken(match: re.Match) -> str:
    """A hyphen at a line's end (tempera- ture): joined when the whole is a word and its two
    parts are not both words (well- known stays)."""
    from .lexicon import known

    first, second = match.groups()
    joined = first + second
    if known(joined.lower()) and not (known(first.lower()) and known(second.lower())):
        return joined
    return match.group(0)


def _split_glued(match: re.Match) -> str:
    """Two words glued where a line ended (tinyalgae → tiny algae): a lower-case word that
    neither the lexicon nor wordfreq has ever seen and that cuts into two common words.
    Rare real words (bricklayer, parrotfish, overfishing) are attested and stay whole."""
    from .lexicon import known

    word = match.group(0)
    if known(word):
        return word
    best = _best_split(word)
    if best is None or word in _attested_compounds():
        return word
    return best


def _best_split(word: str) -> str | None:
    """The word cut into two common words (both in the lexicon, Zipf above 3), the most
    common pair first; None when no cut gives two."""
    from .frequency import zipf
    from .lexicon import known

    best, best_score = None, 3.0
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if len(left) < 3 and left not in _SHORT_WORDS or len(right) < 3 and right not in _SHORT_WORDS:
            continue
        score = min(zipf(left, "en"), zipf(right, "en"))
        if score > best_score and (known(left) or left in _SHORT_WORDS) and (known(right) or right in _SHORT_WORDS):
            best, best_score = f"{left} {right}", score
    return best


def _attested_compounds() -> frozenset:
    """The words wordfreq has seen that also cut into two common words (parrotfish,
    overfishing): real compounds, never glued. A small set, built once per machine from
    wordfreq's whole English list and cached."""
    from .cache import marshal_cached
    from .frequency import _wordfreq_version
    from .lexicon import known

    def build() -> frozenset:
        import wordfreq

        return frozenset(w for w in wordfreq.get_frequency_dict("en", wordlist="best")
                         if len(w) >= 7 and w.isalpha() and w.islower() and not known(w) and _best_split(w))

    return _cached(marshal_cached, f"compounds-en-{_wordfreq_version()}", build)


_LOADED: dict[str, frozenset] = {}


def _cached(loader, name: str, build) -> frozenset:
    if name not in _LOADED:
        _LOADED[name] = loader(name, build)
    return _LOADED[name]


_SHORT_WORDS = frozenset("a an as at be by do go he if in is it me my no of on or so to up us we".split())
