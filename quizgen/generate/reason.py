"""Reason items: 根据文章，“……”的原因是 — the cause the article states for an effect.

The article's own causal sentences give the pairs: 由于 C，E / 因为 C，所以 E / C，因此 E /
E，是因为 C / 之所以 E，是因为 (原因在于) C / C 导致 E / E 的原因是 C. The key is C in the
article's words; the wrong options are causes the article gives for other effects, or claims it
makes elsewhere, never from the sentences just before the key (a chain of causes there makes a
neighbour's cause a cause too; a cause stated after the key's comes downstream of its effect). Each option carries its explanation: the article's sentence for
the key; for a wrong one, what the article says it causes, or that it gives it as no cause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Article, Question, Skill
from ..text import bigrams
from .argument import claim
from .build import Slot, choice, in_script, seeded

_CLAUSE = r"[^，,；;：:。！？]"
# Each pattern names the cause and the effect; the first that matches a sentence is used. The
# connectives are written in both scripts (由于/由於), so a Traditional article is read alike.
_PATTERNS = [re.compile(p) for p in (
    rf"^(?P<subject>{_CLAUSE}*?)之所以(?P<effect>{_CLAUSE}+)[，,](?:{_CLAUSE}*?)(?:是因[为為]|是由[于於]|原因在[于於]|就在[于於]|在[于於])(?P<cause>.+)$",
    rf"^(?:正是|正)?(?:由[于於]|因[为為])(?P<cause>{_CLAUSE}+)[，,](?:所以|因此|因而|才|便)?[，,]?(?P<effect>.+)$",
    rf"^(?P<effect>{_CLAUSE}+)[，,](?:[这這])?(?:是因[为為]|是由[于於])(?P<cause>.+)$",
    rf"^(?P<effect>{_CLAUSE}+)的(?:主要|根本|重要|直接)?原因(?:是|在[于於])(?P<cause>.+)$",
    rf"^(?P<effect>{_CLAUSE}+)[，,](?:其)?(?:主要|根本|重要|直接)?原因(?:是|在[于於]|就在[于於])[，,]?(?P<cause>.+)$",
    rf"^(?P<effect>{_CLAUSE}+)[，,](?:主要|正|恰恰|就)?是?因[为為](?P<cause>{_CLAUSE}+)$",  # 铁含量必须严格控制，因为铁离子会使玻璃呈淡绿色
    rf"^(?P<cause>{_CLAUSE}+(?:[，,]{_CLAUSE}+)?)[，,](?:因此|所以|因而)[，,]?(?P<effect>.+)$",
    rf"^(?P<cause>{_CLAUSE}+?(?:[，,]{_CLAUSE}+?)?)[，,]?(?:[导導]致|(?<![改打制织])造成)了?(?P<effect>{_CLAUSE}+)$",  # not 造成 of 改造成旅游景区
)]
_FILLER = re.compile(r"^(?:我[们們])?(?:便|就|也)?(?:可以)?看到(?:的是)?[，,]?|^(?:其中)?(?:一个)?(?:很?重要的)?(?:原因)?(?:是|在于)?[，,]?")  # 很 only in 很重要的: 很多 is the cause's own
_MODAL_END = re.compile(r"[，,]?(?:都|也|还|還)?(?:可能|会|會|将|將)$")  # ……频繁深翻耕地，都可能|导致……: the cause is before it
_DANGLING_END = re.compile(r"(?:是|的|在|为|和|与|对|把|被|将|从|向|让|使|给|因素|原因|关键|结果|理由)$")
_DANGLING = re.compile(r"^(?:但|而|并|並|也|就|又|却|卻|还|還|则|則|且|这|這|那|其|它|此|该|該|他|她|之后|之後|然后|然後|于是|於是|所以|因此|同时|同時|由[于於]|因[为為])")
WORDING = {
    "stem": "根据文章，“{effect}”的原因是",
    "key": "原文：“{source}”",
    "other_effect": "原文说这是“{other}”的原因，不是“{effect}”的原因（“{source}”）",
    "an_effect": "原文说这是“{other}”的结果，不是“{effect}”的原因（“{source}”）",
    "no_cause": "原文没有说这是“{effect}”的原因（“{source}”）",
}
CHARS_PER_ITEM = 2000  # one reason item per this many characters of article, at least one, up to MAX_ITEMS
MAX_ITEMS = 2
PART_CHARS = (4, 40)  # a cause or effect shorter says nothing; longer is a paragraph to compare
MIN_OPTION_CHARS = 6  # a clause of another claim shorter than this (成为主流) is a fragment as an option
MIN_LINKED = 0  # wrong options that are causes or effects the article states elsewhere come first; with two required
# (as until rate94) none of 86 fresh articles got a reason item, where the bundled article's were kept 6 times of 6
MIN_SHARED = 2  # word pairs at least two wrong options share with the item's cause and effect, where they are no
# cause or effect of the article: with one each (监测 in 大桥同步建设了结构健康监测系统), raters ruled them out unread (rate94)
NEIGHBOURS = 3  # sentences this close to the key's are not mined for wrong options


@dataclass(frozen=True)
class Cause:
    slot: Slot
    cause: str
    effect: str


def reason_questions(article: Article, slots: list[Slot], scores: dict[int, float], claim_like,
                     settings, avoid: set[str] = frozenset()) -> list[Question]:
    """Reason items on the article's causal claims, best-ranked first."""
    from ..languages import profile

    if profile(article.language).wording["html_lang"] != "zh-CN":
        return []  # the patterns are Chinese
    asked = {s.order + 1 for s in slots if re.search(r"[？?]$", s.text.strip())}
    pairs = [p for s in slots if s.order in scores and claim_like(s.text) and claim(s.text) not in avoid
             and s.order not in asked for p in [causal_pair(s)] if p]
    # after a question (那为什么偏偏是手指？因为……，指尖就是“尖端”) 因为 answers it: what follows is the
    # answer's second half, no effect (rate96)
    pairs.sort(key=lambda p: (-scores[p.slot.order], p.slot.order))
    wanted = min(MAX_ITEMS, max(1, round(len(article.text) / CHARS_PER_ITEM)))
    questions, effects = [], set()
    words, clauses = in_script(WORDING, article.script), _claim_clauses(slots, scores, claim_like)
    for pair in pairs:
        if len(questions) >= wanted:
            break
        if any(part in seen or seen in part for part in (pair.cause, pair.effect) for seen in effects):
            continue  # a link of a chain already asked: its cause shown as another item's option gives it away
        question = _item(pair, pairs, clauses, settings, words, effects)
        if question:
            questions.append(question)
            effects.update([pair.effect, *question.options])
    return questions


_CONTINUES = re.compile(r"^(?:.{0,3}(?:又|还|還|也|再)|有的|有些|甚至|一旦|如果|只要|即使|结果|結果|这说明|這說明|说明|說明|表明|可见|可見"
                        r"|也就是说|也就是說|提醒|.{0,4}提醒我们)")  # 来年又会……, 有的甚至……: a clause that goes on from another
_SUBORDINATE_END = re.compile(r"(?:时|时候|時|時候|之后|以后|之前|以前|的话|的話)$")  # 盾构机工作时: a frame, not a claim
_LINKS = re.compile(r"因此|所以|由于|因为|導致|导致|一旦|如果")  # an effect with its own cause inside asks a chain, not a cause


def causal_pair(slot: Slot) -> Cause | None:
    """The cause and effect a sentence states, or None."""
    sentence = claim(slot.text)
    clauses = [c for c in re.split(r"[；;]", sentence) if c]
    for clause in [sentence] + clauses[:1] * (len(clauses) > 1):  # 因此……；一旦……: the cause in the first part
        found = _pair(clause)
        if found:
            return Cause(slot, *found)
    return None


def _pair(sentence: str) -> tuple[str, str] | None:
    """(cause, effect) of the first causal pattern the sentence matches, if both parts say something."""
    from ..terms import tag

    for pattern in _PATTERNS:
        match = pattern.match(sentence)
        if not match:
            continue
        parts = match.groupdict()
        effect = (parts.get("subject") or "") + _FILLER.sub("", parts["effect"]).strip("，, ")
        cause = _MODAL_END.sub("", _FILLER.sub("", parts["cause"]).strip("，, "))
        effect = _with_subject(_named(effect, cause), cause)
        if _noun_phrase(tag([cause])[0]):
            return None  # 石门沟的转移，因此被排在了第一位: a topic, no cause (turned round it garbled, rate97)
        if (all(PART_CHARS[0] <= len(p) <= PART_CHARS[1] and not _DANGLING_END.search(p) for p in (cause, effect))
                and not _DANGLING.match(cause) and not re.match(r"[它这這那其他她]", effect) and not _LINKS.search(effect + cause)):
            return cause, effect
        return None
    return None


def _named(effect: str, cause: str) -> str:
    """An effect on 它 (……交换气体，因此它必须生活在潮湿的环境里) names the cause's subject
    instead, where the cause opens on one (蚯蚓没有肺): the stem quotes the effect alone."""
    if not re.match(r"它(?!们)", effect):
        return effect
    subject = _subject(cause)
    return subject + effect[1:] if subject else effect


_PREDICATES = {"有", "被", "成为", "被称为", "称为", "得名", "具有", "享有", "获得", "赢得", "拥有", "素有", "号称"}


def _with_subject(effect: str, cause: str) -> str:
    """An effect that opens on its verb (……陶土，因而有“岩中岩”之称) takes the cause's subject
    (紫砂泥有“岩中岩”之称): the stem quotes it alone, where a subjectless claim names nothing."""
    from ..terms import tag

    tokens = tag([effect])[0]
    if not tokens or tokens[0][0] not in _PREDICATES or len(effect) > 16:
        return effect  # 需要控制血糖的人应当……: a verb opening a subject's phrase, not a bare predicate (rate69)
    subject = _subject(cause)
    return subject + effect if subject else effect


def _subject(clause: str) -> str:
    """The nouns a clause opens on (紫砂泥, 蚯蚓), if two to eight characters and no pronoun."""
    from ..terms import tag

    subject = ""
    for word, form in tag([clause])[0]:
        if form[:1] not in {"n", "r"} or form == "r" and word not in {"它", "它们"}:
            break
        subject += word
    return subject if 2 <= len(subject) <= 8 and not subject.startswith("它") else ""


def _item(pair: Cause, pairs: list[Cause], clauses: list[tuple[Slot, list[str]]], settings,
          words: dict[str, str], shown: set[str] = frozenset()) -> Question | None:
    topic = bigrams(pair.effect + pair.cause)
    wrong = [w for w in _wrong_options(pair, pairs, clauses, words)
             if bigrams(w[0]) & topic and not _FRAGMENT.search(w[0]) and w[0] not in shown]
    # On the effect's topic (a careless reader weighs it), and a clause of its own: raters ruled
    # out 尿液中含有尿素 beside 气体危害健康 unread, and 疫苗就可能失效 is cut from its 一旦.
    linked = [w for w in wrong if w[2]]  # the article's other causes and effects
    close = [w for w in wrong if w[2] or len(bigrams(w[0]) & topic) >= MIN_SHARED]
    if len(wrong) < 3 or len(linked) < MIN_LINKED or len(close) < 2 or len(pair.cause) < MIN_OPTION_CHARS:
        # a key shorter than any wrong option may be (细而均匀, 土中的冰) is found by its form
        return None  # unrelated claims beside one cause: the key is found by its kind alone
    rng = seeded(settings.seed, "reason", pair.slot.text)
    clauses = sorted((w for w in wrong if w not in linked),  # on the effect's topic first: off-topic claims are ruled out unread (raters)
                     key=lambda w: (-len(bigrams(w[0]) & topic), abs(len(w[0]) - len(pair.cause)), rng.random()))
    chosen = (linked + clauses)[:3]  # other causes and effects first: they tempt a careless reader most
    longer = [w for w in wrong if w not in chosen and len(w[0]) >= len(pair.cause)]
    if longer and all(len(w[0]) < len(pair.cause) for w in chosen):
        chosen[-1] = min(longer, key=lambda w: len(w[0]))  # the longest option is a test-taker's guess
    chosen.sort(key=lambda w: rng.random())
    stem = words["stem"].format(effect=pair.effect)
    question = choice(pair.slot, stem, pair.cause, [w[0] for w in chosen], Skill.REASON, "reason")
    return replace(question, explanations=[words["key"].format(source=pair.slot.text)] + [w[1] for w in chosen])


def _claim_clauses(slots: list[Slot], scores, claim_like) -> list[tuple[Slot, list[str]]]:
    """The claims' clauses that could be a wrong option of any item, best-ranked sentence first:
    worked out once per article (tagging them is the cost), then chosen from per item."""
    found = []
    for slot in sorted(slots, key=lambda s: (-scores.get(s.order, -9), s.order)):
        if slot.order not in scores or not claim_like(slot.text):
            continue
        clauses = [c for c in (c.strip() for c in re.split(r"[，,；;]", claim(slot.text)))
                   if MIN_OPTION_CHARS <= len(c) <= PART_CHARS[1] and not _DANGLING.match(c) and not _CONTINUES.match(c)
                   and not _SUBORDINATE_END.search(c) and _stands_alone(c)]
        if clauses:
            found.append((slot, clauses))
    return found


_FRAGMENT = re.compile(r"^.{1,6}?(?:就|才|便)|^(?:降低|提高|增加|减少|造成|导致|使|让)")  # ……就可能失效, 降低设备效率: cut from a clause


def _wrong_options(pair: Cause, pairs: list[Cause], clauses: list[tuple[Slot, list[str]]],
                   words: dict[str, str]) -> list[tuple[str, str, bool]]:
    """(option, explanation, linked) triples: the causes and effects the article states elsewhere
    (linked), then clauses of its other claims,
    each far from the key's sentence and sharing little wording with the key or the effect."""
    def far(slot: Slot) -> bool:
        return abs(slot.order - pair.slot.order) > NEIGHBOURS

    found: list[tuple[str, str, bool]] = []
    seen = {pair.cause, pair.effect}
    for other in pairs:  # a cause stated after the key's, even close by, comes downstream of it
        later = other.slot.order > pair.slot.order
        if (far(other.slot) or later) and other.effect != pair.effect and _distinct(other.cause, pair, seen):
            found.append((other.cause, words["other_effect"].format(other=other.effect, effect=pair.effect,
                                                                       source=other.slot.text), True))
            seen.add(other.cause)
        if later and other.effect != pair.effect and _distinct(other.effect, pair, seen):
            found.append((other.effect, words["an_effect"].format(other=other.cause, effect=pair.effect,
                                                                     source=other.slot.text), True))
            seen.add(other.effect)  # what follows from the key's effect is no cause of it
    lo, hi = 0.6 * len(pair.cause), 1.6 * len(pair.cause) + 4
    for slot, candidates in clauses:
        if not far(slot):
            continue
        for clause in candidates:
            if lo <= len(clause) <= hi and _distinct(clause, pair, seen):
                found.append((clause, words["no_cause"].format(effect=pair.effect, source=slot.text), False))
                seen.add(clause)
                break  # one clause of a sentence: two would be told apart from the key by their source
    return found


_NO_CLAIM = re.compile(r"[？?：:]|这一|這一|这种|這種|这些|這些|为什么|為什麼|怎么|怎麼|如何|[吗嗎呢]$|(?:[两兩二三四五六七八九十几幾]+|以下|下列)(?:个|個|点|點|类|類|种|種)?方面|"
                       r"(?:主要)?有[两兩二三四五六七八九十几幾]+(?:个|個|点|點|类|類|种|種)")


def _stands_alone(clause: str) -> bool:
    """A clause that reads as a statement on its own: not opening on an adverb, conjunction,
    pronoun or preposition (或许才是……的关键, 通过将……应用到), which lean on the clause before."""
    from ..terms import tag

    tokens = tag([clause])[0]
    if tokens[0][1][:1] in {"d", "c", "r", "p", "u", "t", "m"} or _DANGLING_END.search(clause):
        return False  # 最后对……提出建议, 值得注意的是: no state or event of its own
    if _noun_phrase(tokens) or tokens[0][0] in _COPULAS:
        return False  # 天空中所有能把红光送进眼睛的水滴: a noun phrase, no claim (rate69); 是一套……体系: no subject
    if _NO_CLAIM.search(clause):
        return False  # 竹子为什么长得这么快, ……主要体现在三个方面, ……分为三类：: a question or a pointer, no state of things
    return any(f[:1] == "v" for _, f in tokens[1:]) and tokens[0][1][:1] in {"n", "a", "j", "l"}
    # a subject and a predicate: 负责把……汇聚到一点, 依靠天然蜘蛛获得蛛丝 open on their verb, cut from the clause before


_COPULAS = {"是", "有", "为", "在", "没有", "成为", "属于"}


def _noun_phrase(tokens: list[tuple[str, str]]) -> bool:
    """A clause that is one noun phrase: whatever verbs it has modify the head after its last 的
    (波长从约1毫米到数十米的无线电波), and no copula makes it a claim (盲文是……的文字); a verb or an
    adjective after the 的 is a predicate (……的浓度较低). Words in quotation marks after the 的
    are a name, not a verb (“虚拟望远镜”)."""
    words = [w for w, _ in tokens]
    if "的" not in words or any(w in _COPULAS for w in words) or tokens[0][1] == "v":
        return False  # 缺少对于这些流量的严格控制: a verb and its object, a predicate
    tail, quoted = [], False
    for word, form in tokens[len(words) - 1 - words[::-1].index("的") + 1:]:
        if word in "“”「」\"":
            quoted = not quoted
        elif not quoted:
            tail.append(form)
    return len(tail) <= 1 or not any(f in {"v", "a", "ad"} for f in tail)  # all quoted: a name for its head; one word: the head
    # itself, a verb's noun (石门沟的转移) as often as a noun


def _distinct(option: str, pair: Cause, seen: set[str]) -> bool:
    """Not the key or the effect again, nor one of them in other words."""
    if option in seen or any(option in s or s in option for s in seen):
        return False
    mine = bigrams(option)
    return all(len(mine & bigrams(s)) <= 0.4 * max(1, len(mine)) for s in (pair.cause, pair.effect))
