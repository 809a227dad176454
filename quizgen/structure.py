"""Stage 3, structure: body blocks → sections of paragraphs of sentences.

A block is a heading when the source marks it (Markdown `#`, a `## ` line, `<h1>`–`<h6>`), when
it is numbered like a heading (一、 (一) 1. 1.2 第X章 第X节) and short, or — on a page that
marks none of its headings — when it is a short stand-alone line without sentence-final
punctuation. Consecutive headings (a chapter and its
first section) make one section title. Text before the first heading is a section whose title
is None.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from .errors import InputError
from .languages import script_of
from .model import Article, Block, Language, Page, Paragraph, Section
from .text import BULLETS, cjk_count, ends_sentence, normalise

_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[)）]\s*|\d+(?:\.\d+)*[.、．]?\s"
    r"|\d+(?:\.\d+)+\s*|\d+[、.．](?!\d)|第[一二三四五六七八九十百零\d]+[章节篇部分]|[IVX]+\.\s|Chapter\s+\d+)")
_BULLET = re.compile(rf"^[{BULLETS}]\s")  # a list item, never a heading
_LEAD_IN = re.compile(r"[：:，,、；;]$")
_SENTENCE = re.compile(
    r"(.+?(?:[。！？!?]+|…{2,}|\.{3,}|(?<![.])(?<!\b\d)(?<!\b\d\d)\.(?=\s+[A-Z\"“(]|\s*$))[”’」』）)\"']*)", re.S)
MAX_HEADING_CHARS = 40
MAX_TITLE_PARTS = 3
_TABLE_ROW = re.compile(r"^\s*\|.*\|.*\|\s*$|(?:\s\|\s.*){3,}")  # | a | b | or a | b | c | d
_META_LINE = re.compile(r"^(?:作者|来源|出处|编辑|责编|记者|通讯员|摄影|DOI|文章引用|引用格式|Author|Source|Published|Updated"
                        r"|Posted|Editor|Photo)s?\s*[:：]", re.I)  # a labelled byline line, never a heading
_ASIDE = re.compile(r"[（(].{5,}[）)]")  # a line wholly in brackets: a note (（原标题：……）), not a heading
_WORDS = re.compile(r"[^\W_]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_CONTINUES = re.compile(r"[a-z]+[\s,]")
CAPTION = re.compile(r"^[（(]?(?:(?:图注|图片|图为|图源|图\s*\d*|摄影|摄|视频|来源|资料图)\s*[:：/|]|(?:图|表|Figure|Table)\s*\d+)")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|etc|No|Fig|Vol|e\.g|i\.e|[A-Z](?:\.[A-Z])*)\.$")


def structure(page: Page, *, language: str | None = None) -> Article:
    """Group a cleaned page's body into sections, paragraphs and sentences; the language is
    detected from the text unless given."""
    sections: list[Section] = []
    title: str | None = None
    paragraphs: list[Paragraph] = []
    pending_titles: list[Block] = []
    marked_only = sum(b.heading for b in page.body) >= 2  # the page marks its own headings
    for block in page.body:
        if not _WORDS.search(block.text):
            continue  # a stray bracket or dash left by a removed link
        if is_heading(block, marked_only=marked_only):
            pending_titles.append(block)
            continue
        if pending_titles:
            if paragraphs or title is not None:
                sections.append(_section(len(sections), title, paragraphs, sections))
            title, paragraphs, pending_titles = _section_title(pending_titles), [], []
        if block.table_row or _TABLE_ROW.search(block.text):
            continue  # a table row is data, not prose to ask about
        sentences = split_sentences(block.text)
        if sentences:
            paragraphs.append(Paragraph(sentences=sentences))
    if paragraphs:
        sections.append(_section(len(sections), title, paragraphs, sections))
    language = Language(language) if language else detect_language(page)
    sections = _closed(sections, language)
    script = script_of(" ".join(b.text for b in page.body[:200])) if language is Language.ZH else "Hans"
    return Article(id=_article_id(page), title=page.title, language=language, script=script,
                   sections=sections, column=page.column, author=page.author,
                   source=page.source, date=page.date, keywords=page.keywords,
                   removed=page.removed, references=page.references, aside=page.aside)


def _closed(sections: list[Section], language: Language) -> list[Section]:
    """A text with no sentence mark anywhere (a table or a list run together, unpunctuated
    notes) is still text: each paragraph ends its last sentence, so the paragraph's end gets
    the mark its writer left out. A text with any complete sentence is left as written."""
    if any(ends_sentence(s) for section in sections for p in section.paragraphs for s in p.sentences):
        return sections
    mark = "。" if language is Language.ZH else "."
    return [replace(section, paragraphs=[replace(p, sentences=p.sentences[:-1] + [p.sentences[-1] + mark])
                                         for p in section.paragraphs if p.sentences])
            for section in sections]


def _section_title(lines: list[Block]) -> str:
    """A chapter and its first section make one title ("第一章 · 第一节"). A longer run of short
    lines is a table or a list under its heading: the title is the heading the page marks."""
    marked = [b for b in lines if b.heading]
    if marked:  # beside a marked heading, a word or two unmarked is an edit link, not a title
        lines = [b for b in lines if b.heading or len(b.text.strip()) > 2]
    if len(lines) > MAX_TITLE_PARTS:
        lines = marked[-1:] if marked else lines[:1]
    return " · ".join(b.text.strip() for b in lines)


def _section(index: int, title: str | None, paragraphs: list[Paragraph],
             sections: list[Section]) -> Section:
    number = index if (sections and sections[0].title is None) or title is None else index + 1
    return Section(id=f"s{number}", title=title, paragraphs=paragraphs)


def is_heading(block: Block, *, marked_only: bool = False) -> bool:
    """Whether a body block heads a section (see the module docstring). When the page marks
    its headings (`marked_only`), an unmarked line heads a section only if it is numbered
    like a heading; other short lines there are list or table text."""
    text = block.text.strip()
    if len(text) > (80 if block.heading else MAX_HEADING_CHARS) or not text or block.table_row:
        return False
    if CAPTION.match(text) or _BULLET.match(text) or _META_LINE.match(text) or _ASIDE.fullmatch(text):
        return False
    if block.heading:
        return True
    if _LEAD_IN.search(text) or text.endswith(("。", ".", "！", "!", "……", "…")):
        return False
    if text.endswith("”") and (text.startswith("“") or re.search(r"[。！？!?…，,]”$", text)):
        return False  # a quoted line; a heading may end on a quoted word (电极材料“累坏了”)
    if text.count("。") or text.count("！"):
        return False
    return bool(_NUMBERED.match(text)) or (len(text) <= MAX_HEADING_CHARS and not marked_only)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph after 。！？!? (with closing quotes), ellipses and sentence-final
    ASCII periods (not decimals or abbreviations inside a word). Text after the last mark is a
    sentence of its own (a paragraph cut off mid-sentence keeps its fragment): a line of
    Chinese phrases separated by spaces instead of punctuation, as many blogs write, is one
    sentence."""
    text = text.strip()
    sentences, last_end = [], 0
    for match in _SENTENCE.finditer(text):
        sentences.append(match.group(1).strip())
        last_end = match.end()
    rest = text[last_end:].strip()
    if rest:
        sentences.append(rest)
    return _join_abbreviations([s for s in sentences if s])


def _join_abbreviations(sentences: list[str]) -> list[str]:
    """Undo splits after "Mr.", "e.g.", "U.S." and the like, and before a lower-case English
    word ("Great!" he said.)."""
    joined: list[str] = []
    for sentence in sentences:
        if joined and (_ABBREVIATION.search(joined[-1]) or _CONTINUES.match(sentence)):
            joined[-1] = f"{joined[-1]} {sentence}"
        else:
            joined.append(sentence)
    return joined


def _article_id(page: Page) -> str:
    digest = hashlib.sha1(normalise("\n".join(b.text for b in page.body)).encode("utf-8"))
    return digest.hexdigest()[:12]


def detect_language(page: Page) -> Language:
    """The language by each script's share of the body's start, not by its mere presence:
    Japanese when kana are a fifth or more of its Han and kana characters (Chinese prose that
    quotes a Japanese title in kana stays Chinese), Korean when hangul outnumber Han
    characters; Chinese when CJK characters are a third or more of its letters; English when
    its words are English (a fair share of them are English function words).

    Raises:
        InputError: the text is in another language (Japanese, Korean, or a Latin-script
            text with almost no English function words).
    """
    text = " ".join(b.text for b in page.body[:50])
    letters = sum(ch.isalpha() for ch in text) or 1
    han, kana, hangul = cjk_count(text), len(_KANA.findall(text)), len(_HANGUL.findall(text))
    if kana >= 10 and kana >= JAPANESE_KANA_SHARE * (kana + han):
        _unsupported(page, "like Japanese")
    if hangul / letters > 0.2 and hangul > han:
        _unsupported(page, "like Korean")
    if han / letters > 0.3:
        return Language.ZH
    from .english import FUNCTION_WORDS_EN

    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    if len(words) >= 30 and sum(w in FUNCTION_WORDS_EN for w in words) / len(words) < 0.12:
        _unsupported(page, "neither Chinese nor English")
    return Language.EN


JAPANESE_KANA_SHARE = 0.2  # Japanese prose runs 40-70% kana; Chinese quoting Japanese titles under 10%


def _unsupported(page: Page, looks: str) -> None:
    raise InputError(f"{page.name}: the text looks {looks}; quizgen reads Chinese and English "
                     "(--lang zh|en to force one)")
