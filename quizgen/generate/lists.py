"""List items: which of these is not among the things the article lists.

An argument that names what it proposes (将大数据、智能科技、区块链等技术应用到……) and sets it
against what it proposes to leave behind (……之外的新技术, 而不再仅仅依赖互联网技术) makes one of
the questions a teacher writes: 下列哪一项不是文中列举的技术？ The three listed things are the
wrong options, the thing set against them is the key — wrong by the article's own words, and of
the same kind, so only a reader who followed the argument picks it. A list with nothing set
against it asks nothing a reader cannot guess ("which is not a technology"), so it gets no item.
The stem quotes the list's clause with the list cut out, never the words that set the key
against it (……之外, 不再依赖……): they would give the answer away.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, Question, Skill
from .argument import claim
from .build import Slot, choice, in_script, seeded
from .spans import SpanFinder, _noun_run

WORDING = {
    "stem": "文章写道：“{clause}”。下列哪一项不是文中列举的{category}？",
    "listed": "文中列举的{category}有“{items}”，“{item}”是其一",
    "outside": "“{outsider}”不在文中列举的{category}之中，原文把它与这些{category}对照（“{source}”）",
}
MAX_ITEMS = 1  # one such item an article: two would ask the same shape twice
_CONTRAST = re.compile(r"不再|而不是|而非|并非|不是|之外|取代|代替|替代|告别|摆脱|不能只|不能仅")
_CLAUSE_END = re.compile(r"[，,；;。！？!?]")
_LEAD_IN = re.compile(r"^[^，,]{0,8}的是[，,]|^(?:因此|所以|同时|此外|而且|并且|那么)[，,]?")
_VAGUE = re.compile(r"^(?:新|其他|其它|这些|那些|此类|这类|各种|各类|相关|现有|传统)")


def list_questions(article: Article, slots: list[Slot], scores: dict[int, float], claim_like,
                   settings, avoid: set[str] = frozenset()) -> list[Question]:
    """At most one "which is not listed" item, on the best-ranked argued list that has a rival."""
    if article.language.value != "zh" or article.genre != "argument":
        return []  # a report's or a story's list (the co-hosts, the districts) is trivia to raters
    finder = SpanFinder(article)
    words = in_script(WORDING, article.script)
    ranked = sorted((s for s in slots if s.order in scores), key=lambda s: (-scores[s.order], s.order))
    questions = []
    for slot in ranked:
        if claim(slot.text) in avoid or not (finder.lang.cues.search(slot.text) or slot.text == article.thesis):
            continue  # a list the article argues for (必须、关键、需要), not one it reports
        question = _item(slot, finder, words, settings.seed)
        if question:
            questions.append(question)
            if len(questions) == MAX_ITEMS:
                break
    return questions


def _item(slot: Slot, finder: SpanFinder, words: dict[str, str], seed: int) -> Question | None:
    sentence = slot.text
    for span in finder._lists(sentence):
        if not span.kind.startswith("list:"):
            continue
        category, tail = _category(sentence[span.end:])
        items = [i for i in re.split(r"、|和|及|与|以及", span.text) if i]
        outsider = _rival(sentence, span.start, span.end + tail, items, category, finder)
        if not category or len(items) < 3 or not outsider:
            continue
        clause = _clause(sentence, span.start, span.end)  # the list cut out as ……: no blank, its key is no word of the clause
        if not clause or outsider in clause:
            continue
        rng = seeded(seed, "list", sentence)
        shown = sorted(rng.sample(items, 3), key=items.index)
        stem = words["stem"].format(clause=clause, category=category)
        question = choice(slot, stem, outsider, shown, Skill.DETAIL, "not-listed")
        notes = [words["outside"].format(outsider=outsider, category=category, source=sentence)]
        notes += [words["listed"].format(category=category, items=span.text, item=item) for item in shown]
        return replace(question, explanations=notes)
    return None


def _category(after: str) -> tuple[str, int]:
    """What the sentence calls the listed things: the noun after 等 (……区块链等技术 → 技术),
    and how many characters that takes."""
    match = re.match(r"(?:等等|等)([\u4e00-\u9fff]{2})", after)
    return (match.group(1), match.end()) if match else ("", 0)


def _rival(sentence: str, start: int, end: int, items: list[str], category: str, finder: SpanFinder) -> str | None:
    """A thing of the same kind the sentence sets against the list: a word ending in the
    category after a contrast (不再依赖互联网技术), or the X of X之外 where the article writes
    X and the category together (互联网之外 → 互联网技术)."""
    if not category:
        return None
    rest = sentence[:start] + "\x00" * (end - start) + sentence[end:]  # the list and its 等技术 are no rival
    found = []
    for match in re.finditer(rf"[\u4e00-\u9fff]{{2,6}}?{category}", rest):
        word = _noun_run(match.group(0), finder, from_end=True)
        before = rest[:match.end() - len(word)]
        clause_start = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
        if _CONTRAST.search(before[clause_start:]):
            found.append(word)
    for match in re.finditer(r"([\u4e00-\u9fff]{2,6}?)之外", rest):
        stem = match.group(1)
        for size in range(len(stem), 1, -1):
            candidate = stem[-size:] + category
            if candidate in finder.text:
                found.append(candidate)
                break
    for word in found:
        if len(word) >= len(category) + 2 and word.endswith(category) and not _VAGUE.match(word) and word not in items and all(word not in i and i not in word for i in items):
            return word
    return None


def _clause(sentence: str, start: int, end: int) -> str:
    """The list's clause with the list cut out, and the clauses before it back to one that sets
    something against the list (that would give the key away), at most 40 characters."""
    head = max((m.end() for m in _CLAUSE_END.finditer(sentence[:start])), default=0)
    tail = next((m.start() for m in _CLAUSE_END.finditer(sentence, end)), len(sentence))
    clause = sentence[head:start] + "……" + sentence[end:tail]
    if _CONTRAST.search(clause):
        return ""
    while head > 0:
        previous = max((m.end() for m in _CLAUSE_END.finditer(sentence[:head - 1])), default=0)
        part = sentence[previous:head]
        if _CONTRAST.search(part):
            part = "" if clause.startswith("……") else "……"  # the rival's clause, left out
        if len(part) + len(clause) > 40:
            break
        clause, head = part + clause, previous
    clause = _LEAD_IN.sub("", clause).lstrip("…")
    return clause.rstrip("，,")
