"""Small text helpers shared by the stages: character classes, punctuation, normalisation."""

from __future__ import annotations

import re
import unicodedata

SENTENCE_END = "。！？!?"
CLAUSE_MARKS = "，,、；;：:"
BULLETS = "▪•·●○◆◇■□▶►\\-–*+"  # list-item marks, as a regex character class body
ELLIPSIS = re.compile(r"(\.{3,}|…+|。。。)$")
QUOTED = re.compile(r"[“\"「『][^”\"」』]*[”\"」』]")  # a quotation in the text
TERM_QUOTE = re.compile(r"[“「『][^”」』，,。！？；;：:]{1,10}[”」』]")  # “默会知识”, “毛细血管”: a term in quotes, no speech
AUTHOR_VIEW = re.compile(r"^(?:笔者|我们|我|本文)(?:认为|以为|主张|相信)[，,]")  # the author's own claim, no one else's words
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


_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN_SCALES = {"万": 10_000, "亿": 100_000_000}
HAN_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
HAN_NUMBER = f"[{HAN_NUMERALS}]+"


def han_number(text: str) -> int | None:
    """The value of a number written in Chinese characters (八万六千 → 86000, 一百零七 → 107,
    十二 → 12), or None where it is no well-formed number (三四, a guess; 二〇二三, a year's digits)."""
    total, section, digit, last_unit = 0, 0, None, None
    for char in text:
        if char in "零〇" and digit is None and (last_unit or total):
            continue  # 一百零七: a place left empty
        if char in _HAN_DIGITS:
            if digit is not None:
                return None  # 三四个: two digits side by side are a rough guess, not a figure
            digit = _HAN_DIGITS[char]
        elif char in _HAN_UNITS:
            unit = _HAN_UNITS[char]
            if last_unit is not None and unit >= last_unit:
                return None  # 十百 is no number
            section += (1 if digit is None else digit) * unit  # 十二: an implied 一
            digit, last_unit = None, unit
        elif char in _HAN_SCALES:
            if digit is None and section == 0:
                return None
            total += (section + (digit or 0)) * _HAN_SCALES[char]
            section, digit, last_unit = 0, None, None
        else:
            return None
    return total + section + (digit or 0) if text else None
