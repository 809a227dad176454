"""What differs between a Chinese and an English article, in one place.

The stages ask a language profile instead of testing the language themselves: how a term is
found in a sentence (substrings of jieba words, or whole English words), which phrases cue a
claim, how long a usable sentence is, and every word a quiz shows (stems, worksheet labels,
card labels).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .model import Language


@dataclass(frozen=True)
class Profile:
    language: Language
    cues: re.Pattern  # phrases that mark a claim
    first_person: re.Pattern  # narration rather than argument
    connective: re.Pattern  # an opening that continues rather than claims
    sentence_chars: tuple[int, int]  # a sentence worth a detail question
    claim_chars: tuple[int, int]  # a paragraph opener usable as a claim option
    chars_per_unit: float  # characters per Chinese character's worth of meaning
    wording: dict[str, str] = field(default_factory=dict)

    # --- terms in sentences (Chinese: substrings) ---
    def find(self, sentence: str, term: str) -> list[tuple[int, int, str]]:
        """(start, end, surface) of each occurrence."""
        found, at = [], sentence.find(term)
        while at >= 0:
            found.append((at, at + len(term), term))
            at = sentence.find(term, at + len(term))
        return found

    def contains(self, sentence: str, term: str) -> bool:
        return term in sentence

    def replace(self, sentence: str, term: str, make) -> str:
        """The sentence with each occurrence of the term replaced by make(surface)."""
        parts, last = [], 0
        for start, end, surface in self.find(sentence, term):
            parts += [sentence[last:start], make(surface)]
            last = end
        return "".join(parts) + sentence[last:]

    def stands_alone(self, sentence: str, term: str) -> bool:
        from .terms import stands_alone

        return stands_alone(sentence, term)

    def size(self, text: str) -> float:
        """Length in Chinese characters' worth."""
        return len(text) / self.chars_per_unit

    def similar_length(self, a: str, b: str) -> bool:
        return abs(len(a) - len(b)) <= 1

    def near_synonym(self, a: str, b: str) -> bool:
        """Options that share most of their characters read as the same answer."""
        shared = sum((Counter(a) & Counter(b)).values())  # 各种各样 / 各式各样 share three
        return shared >= max(1, min(len(a), len(b)) // 2 + (1 if min(len(a), len(b)) > 2 else 0))

    def hint(self, answer: str) -> str:
        return self.wording["hint"].format(n=len(answer))

    def starts_with_verb(self, sentence: str) -> bool:
        from .terms import tag

        pairs = tag([sentence[:12]])[0]
        return bool(pairs) and pairs[0][1] == "v" and len(pairs[0][0]) >= 2


class EnglishProfile(Profile):
    """Whole words, case-insensitive for lower-case terms; lengths in words."""

    def find(self, sentence: str, term: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0)) for m in _pattern(term).finditer(sentence)]

    def contains(self, sentence: str, term: str) -> bool:
        if term.lower() not in sentence.lower():
            return False  # the cheap test first: most terms are in few sentences
        return bool(_pattern(term).search(sentence))

    def stands_alone(self, sentence: str, term: str) -> bool:
        return self.contains(sentence, term)  # the pattern already matches whole words only

    def similar_length(self, a: str, b: str) -> bool:
        return len(a.split()) == len(b.split()) and abs(len(a) - len(b)) <= max(2, len(a) // 3)

    def near_synonym(self, a: str, b: str) -> bool:
        """Options sharing a word stem ("nuclear power" / "nuclear plants", "export" /
        "exports") read as the same answer."""
        stems = lambda text: {w.lower()[:5] for w in text.split() if len(w) > 3}  # noqa: E731
        return bool(stems(a) & stems(b)) or a.lower() == b.lower()

    def hint(self, answer: str) -> str:
        words = len(answer.split())
        return self.wording["hint_words"].format(n=words) if words > 1 else self.wording["hint"].format(n=len(answer))

    def starts_with_verb(self, sentence: str) -> bool:
        return False  # an imperative needs a tagger; the trained pipeline's tags are not used here


@lru_cache(maxsize=512)
def _pattern(term: str) -> re.Pattern:
    from .english import term_pattern

    return term_pattern(term)


ZH_WORDING = {
    "hint": "{n}字",
    "hint_items": "{n}项",
    "stem_asks": "文章提出“{title}”。根据文章，下列哪一项是作者给出的答案？",
    "stem_which": "文章“{title}”一节提出的观点是下列哪一项？",
    "stem_not": "下列哪一项不是文章“{title}”一节提出的观点？",
    "stem_thesis": "下列哪一项最能概括文章的中心论点？",
    "html_lang": "zh-CN",
    "default_title": "阅读理解练习",
    "sheet": "阅读理解练习",
    "teacher": "教师用卷",
    "teacher_title": "（教师用卷）",
    "page": '"第 " counter(page) " 页 / 共 " counter(pages) " 页"',
    "fields": "班级 姓名 学号 日期 得分",
    "colon": "：",
    "instructions": "说明：本练习共 {count} 题，满分 {total} 分。请先通读文章《{title}》，再根据文章内容作答。",
    "how_cloze": "填空题在横线上填写文章中的原词。",
    "how_choice": "选择题把正确答案的字母填在括号里。",
    "question_one": "", "question_many": "",
    "part": "{numeral}、{title}（{per} {each} 分，共 {total} 分）",
    "numerals": "一 二 三 四 五 六 七 八 九 十",
    "part_cloze": "填空题", "part_choice": "选择题", "part_argument": "内容理解与分析",
    "per_blank": "每空", "per_question": "每题",
    "key": "参考答案", "source": "出处：", "in_section": "“{title}”一节", "lead": "导语",
    "answer_sep": "；", "paren": "（{}）",
    "card_answer": "正确答案：", "card_source": "原文：", "card_why": "解析：",
    "form": "{letter} 卷",
    "check": "检查答案", "reset": "重新作答", "score": "得分：{right} / {total}（{percent}%）",
    "right": "正确", "wrong": "错误", "your_answer": "你的答案：", "blank_label": "第 {n} 空",
    "selfcheck": "自测",
}

EN_WORDING = {
    "hint": "{n} letters",
    "hint_words": "{n} words",
    "hint_items": "{n} items",
    "stem_asks": "The article asks: “{title}” Which of the following is the author’s answer?",
    "stem_which": "Which of the following points does the section “{title}” make?",
    "stem_not": "Which of the following is NOT a point made in the section “{title}”?",
    "stem_thesis": "Which of the following best states the article’s central claim?",
    "html_lang": "en",
    "default_title": "Reading Comprehension",
    "sheet": "Reading Comprehension",
    "teacher": "Teacher’s copy",
    "teacher_title": " (teacher’s copy)",
    "page": '"Page " counter(page) " of " counter(pages)',
    "fields": "Class Name No. Date Score",
    "colon": ": ",
    "instructions": "Instructions: {count} {questions}, {total} points in all. Read the article “{title}” "
                    "first, then answer from it.",
    "how_cloze": " Write the article’s own word on each blank.",
    "how_choice": " For multiple choice, write the letter of the right answer in the brackets.",
    "question_one": "question", "question_many": "questions",
    "part": "Part {numeral} {title} ({each} points {per}, {total} points)",
    "numerals": "I II III IV V VI VII VIII IX X",
    "part_cloze": "Cloze", "part_choice": "Multiple Choice", "part_argument": "Comprehension and Argument",
    "per_blank": "per blank", "per_question": "per question",
    "key": "Answer Key", "source": "Source: ", "in_section": "section “{title}”", "lead": "lead",
    "answer_sep": "; ", "paren": " ({})",
    "card_answer": "Answer: ", "card_source": "Source: ", "card_why": "Why: ",
    "form": "Form {letter}",
    "check": "Check answers", "reset": "Start again", "score": "Score: {right} / {total} ({percent}%)",
    "right": "Right", "wrong": "Wrong", "your_answer": "Your answer: ", "blank_label": "blank {n}",
    "selfcheck": "Self-check",
}

CHINESE = Profile(
    language=Language.ZH,
    cues=re.compile(r"关键|核心|必须|(?<!是否)(?<!要不要)需要(?!说明|指出|注意|强调|提醒)|只有.{0,20}才|才是|根本|本质|重要的是|"
                    r"(?<!是否)(?<!该不该)应当|(?<!是否)应该|务必"),  # not 需要说明的是 (a frame), not 是否应当 (a question asked)
    first_person=re.compile(r"我们|我|笔者|本文"),
    connective=re.compile(r"^(然而|但是|但|于是|因此|所以|而且|同时|此外|另外|总之|可见|其实|当然|"
                          r"可以预见的是|不可否认的是|从某种意义上|事实上|例如|比如|即使|由于|因为|如果|虽然)"),
    sentence_chars=(15, 90), claim_chars=(12, 60), chars_per_unit=1.0, wording=ZH_WORDING)

ENGLISH = EnglishProfile(
    language=Language.EN,
    cues=re.compile(r"\b(?:key|crucial|essential|must|need(?:s|ed)? to|only\b.{0,60}\b(?:can|will)|"
                    r"the (?:main|real|central|most important)|fundamental|should|"
                    r"above all|matters? most)\b", re.I),
    first_person=re.compile(r"\b(?:I|me|my|we|our|us)\b"),
    connective=re.compile(r"^(?:However|But|So|Thus|Therefore|Hence|Also|Moreover|Furthermore|Besides|"
                          r"In addition|Meanwhile|For example|For instance|Even if|Because|If|Although|"
                          r"Though|And|Yet|Still|Of course|In fact|Indeed)\b"),
    sentence_chars=(40, 240), claim_chars=(30, 160), chars_per_unit=2.8, wording=EN_WORDING)


def script_of(text: str) -> str:
    """"Hant" for Traditional Chinese, "Hans" for Simplified (and for text with no Chinese):
    which of the two OpenCC conversions changes fewer of its characters. A Simplified text
    keeps almost all of them under t2s and a Traditional one under s2t; counting both keeps
    the characters the scripts share (the larger part) and the odd quoted name out of it."""
    from .frequency import simplified, traditional

    sample = text[:4000]
    to_simplified = sum(a != b for a, b in zip(sample, simplified(sample)))
    to_traditional = sum(a != b for a, b in zip(sample, traditional(sample)))
    return "Hant" if to_simplified > to_traditional else "Hans"


def wording(language: Language | str, script: str | None = None) -> dict[str, str]:
    """Every word a quiz shows, in the article's own script: a Traditional Chinese article's
    worksheet says 題目 and 答案 (OpenCC's s2t over the Simplified wording)."""
    return profile(language, script).wording


@lru_cache(maxsize=1)
def _traditional_wording() -> dict[str, str]:
    from .frequency import traditional

    words = {key: traditional(value) for key, value in ZH_WORDING.items()}
    words["html_lang"] = "zh-Hant"
    return words


def profile(language: Language | str, script: str | None = None) -> Profile:
    """The language's profile; a Traditional Chinese article's (script "Hant") words its
    stems and labels in Traditional."""
    if Language(language) is Language.EN:
        return ENGLISH
    return _traditional_profile() if script == "Hant" else CHINESE


@lru_cache(maxsize=1)
def _traditional_profile() -> Profile:
    from dataclasses import replace

    return replace(CHINESE, wording=_traditional_wording())
