"""How common a word is in the language at large: wordfreq's Zipf scale (log10 of uses per
billion words: 7 for 的 or "the", 5 for 挑战 or "metal", 3 for 区块链).

An everyday word (Zipf ≥ 5) is one anyone fills in without reading the article, so it is never
an answer; a word rare in the language but frequent in the article is what the article is
about. wordfreq is the well-kept source of such counts for both languages (its data ships in
the wheel, no download). Its full tables take half a second to load, so the words at Zipf ≥ 3
are cached once per machine (quizgen.cache); a word not in them is rare.
"""

from __future__ import annotations

import math
from functools import lru_cache

from .cache import marshal_cached

FLOOR = 3.0  # words below this are not kept: all of them count as rare
EVERYDAY = 5.0  # Zipf at which a word is an everyday word


@lru_cache(maxsize=4)
def _table(language: str) -> dict[str, float]:
    def build() -> dict[str, float]:
        import wordfreq

        return {word: round(math.log10(freq) + 9, 2)
                for word, freq in wordfreq.get_frequency_dict(language, wordlist="best").items()
                if freq >= 10 ** (FLOOR - 9)}

    return marshal_cached(f"zipf-{language}-{_wordfreq_version()}", build)


@lru_cache(maxsize=1)
def _wordfreq_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wordfreq")
    except PackageNotFoundError:  # pragma: no cover - a source checkout without metadata
        return "x"


@lru_cache(maxsize=65536)
def zipf(word: str, language: str = "zh") -> float:
    """The word's Zipf frequency; a phrase not listed whole is combined from its words as
    wordfreq does (harmonic sum, and a tenth per extra word in Chinese)."""
    table = _table(language)
    key = simplified(word).casefold() if language == "zh" else word.lower()
    if key in table:
        return table[key]
    parts = _words(key, language)
    if len(parts) < 2:
        return _split_zipf(key, table, 1 if language == "zh" else 3)
    inverse = 0.0
    for part in parts:
        value = table.get(part)
        if value is None:
            return 0.0  # a rare part makes the whole rare
        inverse += 1 / 10 ** value
    penalty = len(parts) - 1 if language == "zh" else 0
    return max(0.0, round(math.log10(1 / inverse) - penalty, 2))


def _split_zipf(word: str, table: dict[str, float], shortest: int = 1) -> float:
    """A compound the tables do not list whole (公共厕所, 本质区别, which jieba keeps as one word;
    noticeboard, windowsill written closed): read as two listed words of at least `shortest`
    characters, the commonest such reading, as wordfreq combines a phrase (a tenth off in Chinese,
    as for its phrases). None found: rare (化学溶蚀, chromatophores have no listed halves)."""
    penalty = 1 if shortest == 1 else 0
    readings = [(table[word[:i]], table[word[i:]]) for i in range(shortest, len(word) - shortest + 1)
                if word[:i] in table and word[i:] in table]
    if not readings:
        return 0.0
    return max(max(0.0, round(math.log10(1 / (1 / 10 ** a + 1 / 10 ** b)) - penalty, 2)) for a, b in readings)


def _words(text: str, language: str) -> list[str]:
    if language == "zh":
        from .terms import load_jieba

        posseg, _ = load_jieba()
        return [p.word for p in posseg.lcut(text) if p.word.strip()]
    return text.split()


def simplified(text: str) -> str:
    """Traditional Chinese to Simplified with OpenCC's t2s (phrase tables, then characters):
    the one converter of the project. jieba, its tagger and wordfreq's Chinese table know
    Simplified; the article keeps its own script for display."""
    return _converter().convert(text) if text else text


def traditional(text: str) -> str:
    """Simplified to Traditional (OpenCC's s2t): only to tell the scripts apart."""
    return _converter("s2t").convert(text) if text else text


@lru_cache(maxsize=2)
def _converter(config: str = "t2s"):
    import opencc

    return opencc.OpenCC(config)
