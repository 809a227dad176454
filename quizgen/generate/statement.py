"""Statement items: which statement about the article is right (or wrong).

The reading item of Chinese exams, 下列对文章内容的理解，正确的一项是: four statements, each a
sentence of the article, three of them changed in one way a careful reader checks against the
text and a careless one misses: a word turned into its opposite (增加 → 减少), a scope
widened or a hedge hardened (部分 → 全部, 可能 → 一定), a negation added (会 → 不会), a
year swapped for another year of the article. The "不正确的一项" variant changes one
statement and keeps three. Each option carries an explanation for the key page: what was
changed, and the article's words.

A change is used only where it lands on a whole word (jieba's), once in the sentence, and
makes a sentence the article does not contain; a sentence already hedged (可能, 或许) is not
negated, since its negation might still be true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Article, Question, Skill
from ..settings import GenerateSettings
from .argument import claim as _claim
from .build import Slot, choice, seeded

# General-language pairs (either direction): opposites, scope, certainty.
_OPPOSITES = [("增加", "减少"), ("提高", "降低"), ("扩大", "缩小"), ("上升", "下降"), ("加快", "放缓"),
              ("增强", "减弱"), ("支持", "反对"), ("成功", "失败"), ("有利于", "不利于"), ("积极", "消极"),
              ("重视", "忽视"), ("优势", "劣势"), ("长期", "短期"), ("直接", "间接"), ("主要", "次要"),
              ("容易", "困难"), ("提升", "降低"), ("增长", "下降"), ("扩张", "收缩"), ("促进", "阻碍"),
              ("稳定", "波动"), ("复杂", "简单"), ("开放", "封闭"), ("集中", "分散"), ("多元", "单一"),
              ("越来越多", "越来越少"), ("最大", "最小"), ("最早", "最晚"), ("高于", "低于"), ("超过", "不足"),
              ("回归", "远离"), ("依赖", "摆脱"), ("加入", "退出"), ("出现", "消失"), ("放大", "缩小"),
              ("告别", "延续")]  # not 进入 (进入到 has no opposite), nor 开启 (终结……的序幕 is no Chinese)
_INTRANSITIVE = {"消失", "失败", "下降", "波动", "放缓", "减弱"}  # "消失问题" is no Chinese: only at a clause's end
_NEGATORS = {"不", "不再", "没有", "并未", "未", "无法", "不能", "不会", "并不", "从未"}
_COORDINATORS = {"和", "与", "及", "、", "并", "或"}
_SCOPE = [("必然", "未必"), ("部分", "全部"), ("一些", "所有"), ("许多", "所有"), ("可能", "一定"),
          ("往往", "总是"), ("大多", "全都"), ("有望", "已经"), ("逐步", "一举"), ("不少", "所有")]
_NEGATIONS = [("将会", "不会"), ("会", "不会"), ("能", "不能"), ("可以", "不能"), ("已经", "尚未"),  # not 需要: often a noun
              ("应当", "不必"), ("必须", "不必"), ("能够", "无法")]
_HEDGED = re.compile(r"可能|或许|也许|大概|未必|不一定|有望")
_NEGATIVE = re.compile(r"不(?![断少同仅久过论管])|没有|无法|无需|并非|尚未|从未")
_YEAR = re.compile(r"(?<![\d.])(?:1[5-9]|20)\d{2}(?=年)")  # a year swapped for another year of the article
_ORDINAL = re.compile(r"^\s*(?:[①-⑳]|第[一二三四五六七八九十]+(?:个|点|是|就|，)|首先|其次|再次|最后|另一方面|一方面)")
WORDING = {
    "right": "下列对文章内容的理解，正确的一项是",
    "wrong": "下列对文章内容的理解，不正确的一项是",
    "faithful": "符合原文：“{source}”",
    "changed": "“{new}”与原文不符：原文是“{old}”（“{source}”）",
}
CHARS_PER_ITEM = 1200  # one statement item per this many characters of article, up to MAX_ITEMS
MAX_ITEMS = 4
GROUP = 12  # each item draws its four statements from the best this many sentences left
MAX_CHARS = 80  # a longer statement is a paragraph to compare, not a sentence


@dataclass(frozen=True)
class Change:
    text: str  # the changed statement
    old: str  # the words of the article
    new: str  # what they became
    kind: str  # opposite, scope, negation, number


_OPENING = re.compile(r"^(?:然而|但是|但|因此|所以|同时|此外|另外|总之|其实|当然|可见|于是|而且|并且|不过)[，,]?")


def claim(sentence: str) -> str:
    """A sentence as a statement: its claim, without an opening connective (然而，……), which
    leans on the sentence before it."""
    return _OPENING.sub("", _claim(sentence))


def statement_questions(article: Article, slots: list[Slot], scores: dict[int, float], claim_like,
                        settings: GenerateSettings, avoid: set[str] = frozenset()) -> list[Question]:
    """Statement items on the article's best sentences, alternating "right" and "wrong"."""
    from ..languages import profile

    if profile(article.language).wording["html_lang"] != "zh-CN":
        return []  # the changes are Chinese words; English statement items are not built yet
    text = "\n".join(article.sentences)
    pool = [s for s in sorted(slots, key=lambda s: (-scores.get(s.order, -9), s.order))
            if s.order in scores and claim_like(s.text) and 15 <= len(claim(s.text)) <= MAX_CHARS
            and claim(s.text) not in avoid  # an option elsewhere would show the unchanged words
            and not _ORDINAL.match(s.text)]  # "第二个是……" leans on the sentence before it
    wanted = min(MAX_ITEMS, round(len(article.text) / CHARS_PER_ITEM), len(pool) // 4)
    swaps = _swappable(article)
    questions, used = [], set()
    for index in range(wanted):
        group = [s for s in pool if s.order not in used][:GROUP]
        directions = ("right", "wrong") if index % 2 == 0 else ("wrong", "right")
        question = _item(group, text, swaps, directions[0], settings) or _item(group, text, swaps, directions[1], settings)
        if question:
            questions.append(question)
            used.update(s.order for s in group if claim(s.text) in question.options
                        or any(claim(s.text) in e for e in question.explanations or []))
    return questions


def _item(group: list[Slot], text: str, swaps: dict[str, list[str]], direction: str,
          settings: GenerateSettings) -> Question | None:
    rng = seeded(settings.seed, "statement", direction, *(s.text for s in group))
    need_changed, need_kept = (3, 1) if direction == "right" else (1, 3)
    changes, made = {}, set()
    for slot in group:  # one word changed the same way twice in an item is a pattern to spot
        changes[slot.order] = change = _change(claim(slot.text), text, swaps, rng, made)
        if change:
            made.add(change.new)
    changeable = [s for s in group if changes[s.order]]
    if direction == "wrong":  # the changed key should not stand out as the longest option
        changeable.sort(key=lambda s: len(changes[s.order].text))
    changed = [(s, changes[s.order]) for s in changeable[:need_changed]]
    if len(changed) != need_changed:
        return None
    spare = [s for s in group if all(s is not c for c, _ in changed)]
    longest_changed = max(len(c.text) for _, c in changed)
    if direction == "right":  # nor the faithful one
        spare.sort(key=lambda s: len(claim(s.text)) > longest_changed)
    kept = spare[:need_kept]
    if len(kept) != need_kept:
        return None
    options, notes = [], []
    for slot in kept:
        options.append(claim(slot.text))
        notes.append(WORDING["faithful"].format(source=slot.text))
    for slot, change in changed:
        options.append(change.text)
        notes.append(WORDING["changed"].format(new=change.new, old=change.old, source=slot.text))
    key = 0 if direction == "right" else len(kept)  # the faithful one, or the changed one
    anchor = kept[0] if direction == "right" else changed[0][0]
    order = min(s.order for s in kept + [c[0] for c in changed])
    wrong = [o for i, o in enumerate(options) if i != key]
    wrong_notes = [n for i, n in enumerate(notes) if i != key]
    question = choice(anchor, WORDING[direction], options[key], wrong, Skill.STATEMENT, direction, order=order)
    return replace(question, explanations=[notes[key]] + wrong_notes)


def _change(sentence: str, text: str, swaps: dict[str, list[str]], rng, made: set[str] = frozenset()) -> Change | None:
    """One change of the sentence that a careful reader catches, or None."""
    from ..terms import tag

    tagged = tag([sentence])[0]
    words = [w for w, _ in tagged]
    verbs = {w for w, f in tagged if f[:1] in {"v", "d"}}
    no_negation = bool(_HEDGED.search(sentence) or _NEGATIVE.search(sentence))  # 尚未不再 is no Chinese
    candidates = []
    for pairs, kind in ((_OPPOSITES, "opposite"), (_SCOPE, "scope"), (_NEGATIONS, "negation")):
        for a, b in pairs:
            for old, new in ((a, b), (b, a)) if kind == "opposite" else ((a, b),):
                if words.count(old) != 1 or sentence.count(old) != 1:
                    continue
                if kind == "negation" and (no_negation or old not in verbs):
                    continue  # 工作需要 is a noun: "工作不需要" breaks the sentence
                if kind == "opposite" and (old not in verbs or _beside_adjective(tagged, old)
                                           or not _turnable(tagged, old, new)):
                    continue  # a verb turned round (提高 → 降低); not 简单容易 → 简单困难
                if kind == "negation" and not _before_verb(tagged, old):
                    continue  # 会 of 推进会 is a meeting: "推进不会" is no Chinese
                candidates.append((old, new, kind))
    for year in dict.fromkeys(_YEAR.findall(sentence)):
        others = [y for y in swaps.get("year", []) if y != year]
        if sentence.count(year) == 1 and others:
            candidates.append((year, rng.choice(others), "number"))
    rng.shuffle(candidates)
    for old, new, kind in candidates:
        changed = sentence.replace(old, new, 1)
        if changed not in text and changed != sentence and new not in made:
            return Change(changed, old, new, kind)
    return None


def _before_verb(tagged: list[tuple[str, str]], word: str) -> bool:
    at = next(i for i, (w, _) in enumerate(tagged) if w == word)
    return at + 1 < len(tagged) and tagged[at + 1][1][:1] in {"v", "p", "d"}


def _turnable(tagged: list[tuple[str, str]], old: str, new: str) -> bool:
    """Whether `old` can become its opposite and still read as Chinese: not after a negation
    (不再依赖 → 不再摆脱 says nothing checkable), not inside a pair (支持和完善 → 反对和完善),
    and an intransitive opposite (出现 → 消失) only where nothing follows in the clause."""
    at = next(i for i, (w, _) in enumerate(tagged) if w == old)
    before = [w for w, _ in tagged[max(0, at - 2):at]]
    after = tagged[at + 1][0] if at + 1 < len(tagged) else ""
    if any(w in _NEGATORS for w in before) or after in _COORDINATORS or (before[-1:] and before[-1] in _COORDINATORS):
        return False
    if after in {"到", "至"} or before[-1:] == ["的"]:
        return False  # 加入到……的行列 → 退出到……; 对实体经济的支持 is a noun: 的反对 is no claim
    return new not in _INTRANSITIVE or not after or not re.match(r"\w", after)


def _beside_adjective(tagged: list[tuple[str, str]], word: str) -> bool:
    at = next(i for i, (w, _) in enumerate(tagged) if w == word)
    near = tagged[max(0, at - 1):at] + tagged[at + 1:at + 2]
    return any(f[:1] == "a" for _, f in near)


def _swappable(article: Article) -> dict[str, list[str]]:
    """The years of the article, which a swap may put in one another's place. (Names are not
    swapped: jieba's name tags are too loose, and a bird turned into a goddess is absurd.)"""
    return {"year": sorted(set(_YEAR.findall(article.text)))}
