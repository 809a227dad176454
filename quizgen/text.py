"""Small text helpers shared by the stages: character classes, punctuation, normalisation."""

from __future__ import annotations

import re
import unicodedata

SENTENCE_END = "。！？!?"
CLAUSE_MARKS = "，,、；;：:"
BULLETS = "▪•·●○◆◇■□▶►\\-–*+"  # list-item marks, as a regex character class body
ELLIPSIS = re.compile(r"(\.{3,}|…+|。。。)$")
QUOTED = re.compile(r"[“\"「『][^”\"」』]*[”\"」』]")  # a quotation in the text
CLAUSE_BREAK = re.compile(r"(?<=[，,；;])")  # where a sentence splits into clauses, marks kept
PHRASE_SPACE = re.compile(r"(?<=[\u3400-\u9fff\uff0c\u3001])[ \u3000]+(?=[\u3400-\u9fff])")  # 一句 一句: phrases spaced, not punctuated
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！",
                               "(": "（", ")": "）"})


def spaced_phrases(text: str) -> int:
    """How many spaces stand for clause marks in a line of Chinese phrases written without
    punctuation (那間書店開在巷子裡 已經有四十年 …, as many blogs write): the gaps between CJK
    characters, counted only when the phrases run six characters or more on average (a
    toolbar's 收藏 微博 分享 and a list of names are words, not phrases), in a line of thirty
    characters or more that is not a list item (▪ 2016 第二十七届 金曲奖 …)."""
    gaps = len(PHRASE_SPACE.findall(text))
    if gaps < 2 or len(text) < 30 or re.match(rf"^\s*[{BULLETS}]", text):
        return 0
    phrases = [p for p in PHRASE_SPACE.split(text) if p.strip()]
    return gaps if sum(len(p) for p in phrases) / len(phrases) >= 6 else 0


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def sentence_marks(text: str) -> int:
    """How many sentence-ending marks a block holds (ASCII periods only before a space or end)."""
    count = sum(text.count(mark) for mark in SENTENCE_END)
    return count + len(re.findall(r"[a-z\)]\.(?:\s|$)", text))


def normalise(text: str) -> str:
    """Canonical form for analysis: NFKC (full-width letters and digits to ASCII), then ASCII
    punctuation between Chinese characters to its full-width form. Display keeps the original."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"(?<=[\u3400-\u9fff\u201c\u201d）])[,;:?!()]|[,;:?!()](?=[\u3400-\u9fff\u201c])",
                  lambda m: m.group(0).translate(_HALF_TO_FULL), text)


def bigrams(text: str) -> set[str]:
    """Character bigrams of the CJK runs (and lower-cased words of other scripts)."""
    grams = set()
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
    grams.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
    return grams


def ends_sentence(text: str) -> bool:
    """True when a sentence ends with final punctuation (possibly inside closing quotes), or
    is a whole line of spaced phrases, which its writer ends with the line."""
    stripped = text.rstrip(" \u201d\u2019\"'）)】》」』")
    if stripped and _CJK.match(stripped[-1]) and spaced_phrases(stripped) >= 2:
        return True
    return bool(stripped) and stripped[-1] in SENTENCE_END + "….;；" and not ELLIPSIS.search(stripped)
