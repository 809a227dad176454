"""The term a Chinese article defines, blanked in its definition: 所谓____，是指……; ……，这叫____.

An article with no choice item gets one blank. Blind raters kept about one in four of the
blanks the span finder offered there (rate79-94): mostly an everyday compound of the sentence
(玻璃幕墙, 公共服务, 中年妇女) that anyone fills from the phrase, or that another word fits. A
term the article itself defines is what its reader is meant to learn, and the definition beside
the blank pins it down: 在高楼之间来回反射……这叫____ has one fill for a reader of the article.
Epithets (形象地称为“固体水库”, 人称“琴痴”) are left alone: a nickname is trivia to raters.
"""

from __future__ import annotations

import re

from ..model import Article, Question, Skill
from .build import Slot, cloze

_TERM = r"[\u4e00-\u9fffA-Za-z0-9]{2,8}"
# (pattern, group of the term): the term after the naming verb, or before 是指 at the start
_NAMING = r"(?:称为|称之为|叫做|叫作|命名为|概括为|归纳为)"
_END = r"(?=[，,。；;：:]|$)"  # the term closes its clause: not 被称为“提琴小镇”的地方
_DEFINITIONS = [re.compile(p) for p in (
    rf"^(?:所谓的?)?[“「]?(?P<term>{_TERM})[”」]?[，,]?(?:是指|指的是|就是指)",  # 所谓数字鸿沟，是指……
    rf"(?:这|这种|这一|这个|此)[\u4e00-\u9fff]{{0,6}}(?:就)?(?:被)?(?:叫|{_NAMING})[“「]?(?P<term>{_TERM})[”」]?{_END}",  # 这叫防松标记
    rf"把[^，,。；;]{{2,40}}?{_NAMING}[“「](?P<term>{_TERM})[”」]{_END}",  # 生态学上把……的过程称为“群落演替”
    rf"(?:学上|学界|学家|研究者|研究人员)[^。；;]{{0,30}}?(?:被)?{_NAMING}[“「](?P<term>{_TERM})[”」]{_END}",
    rf"[，,](?:称为|叫做|叫作|名为)[“「](?P<term>{_TERM})[”」]{_END}",  # ……兑换凭证，称为“交子”
    rf"就是所谓的[“「](?P<term>{_TERM})[”」]{_END}",
    rf"用[“「](?P<term>{_TERM})[”」]来?(?:表示|衡量|描述|计量)",  # 盐业中常用“波美度”来表示卤水的浓度
    rf"(?:指标|概念|术语|原理)(?:是|叫|称为)[“「](?P<term>{_TERM})[”」]{_END}",  # 一个常用指标是“年等效满负荷利用小时数”
    rf"[“「](?P<term>{_TERM})[”」](?:现象|效应|原理|定律)[：:]",  # 不少红树植物具有“胎生”现象：……
    rf"^(?P<term>{_TERM})(?:[（(][^）)]{{1,12}}[）)])?(?:就)?是一种",  # 互花米草是一种外来入侵植物
)]
_RARE_GENUS = 3.0  # "X是一种……" names a thing by its kind: only where X is rare (手机是一种…… defines nothing to learn)
# Not a thing's nickname (盐被称为“百味之首”, 坎儿井……被称为“地下长城”): a named thing called
# something else is an epithet; a process, a phenomenon or a method given a name is a term.
_EPITHET = re.compile(r"形象地|形象的|戏称|私下|人称|美誉|之称|外号|绰号|昵称|雅称|誉为|俗称|爱称|亲切地")
_EXAMPLE = re.compile(r"^(?:比如|例如|譬如|再如|又如|像|这样|这|那)")  # 比如C30混凝土是指……这样测得: an example, or what leans on
# the sentence before, swallowed into the blank (rate99)
MAX_COMMONNESS = 4.0  # wordfreq Zipf: a defined word commoner than this (交子 3.7, 方法 5.6) is no term to learn
MIN_CONTEXT = 12  # characters of definition beside the blank


def defined_term_blank(article: Article, slots: list[Slot], scores: dict[int, float], lang,
                       hint: bool = True) -> Question | None:
    """The best-ranked sentence that defines a term, with the term blanked, or None."""
    found = [(slot, term) for slot in slots if slot.order in scores
             for term in [defined_term(slot.text, article.title or "")] if term]
    if not found:
        return None
    slot, term = max(found, key=lambda pair: (pair[0].text.startswith(("所谓", pair[1])), scores[pair[0].order], -pair[0].order))
    shown = "{{c1::%s%s}}" % (term, "::" + lang.hint(term) if hint else "")
    return cloze(slot, slot.text.replace(term, shown, 1), [term], Skill.TERM)


def defined_term(sentence: str, title: str = "") -> str | None:
    """The term the sentence defines (所谓数字鸿沟，是指…… → 数字鸿沟), if it is one to ask."""
    from ..frequency import zipf

    if len(sentence) > 90 or _EPITHET.search(sentence) or _EXAMPLE.match(sentence):
        return None
    for pattern in _DEFINITIONS:
        match = pattern.search(sentence)
        if not match:
            continue
        term = match.group("term")
        limit = _RARE_GENUS if pattern is _DEFINITIONS[-1] else MAX_COMMONNESS
        if (sentence.count(term) == 1 and term not in title and zipf(term, "zh") < limit
                and len(sentence) - len(term) >= MIN_CONTEXT):
            return term
        return None
    return None
