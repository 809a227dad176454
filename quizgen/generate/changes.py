"""The changes a statement item makes to the article's sentences: each one a careful reader checks
against the text and a careless one misses (the exam's traps: a hedge hardened, a condition made
sufficient, the sides of 不是……而是 swapped, a shift turned round, what will be told as done, a
cause and effect swapped, a figure made another of the article's, a speaker for another, a side
the article sets against another). Each change is made only where the result still reads as a
claim and differs from every sentence of the article; `statement` builds the items from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from ..text import CLAUSE_BREAK, HAN_NUMBER, HAN_NUMERALS, bigrams, han_number
from .argument import leans
from .build import Slot, in_script

# Measured changes that can go either way: turning one round gives a claim the article denies.
_OPPOSITES = [("增加", "减少"), ("提高", "降低"), ("扩大", "缩小"), ("上升", "下降"), ("加快", "放缓"),
              ("增强", "减弱"), ("成功", "失败"), ("有利于", "不利于"), ("积极", "消极"),
              ("重视", "忽视"), ("长期", "短期"), ("直接", "间接"),
              ("容易", "困难"), ("提升", "降低"), ("增长", "下降"), ("扩张", "收缩"), ("促进", "阻碍"),
              ("集中", "分散"), ("多元", "单一"), ("越来越多", "越来越少"), ("最大", "最小"), ("最早", "最晚"),
              ("高于", "低于"), ("超过", "不足"), ("回归", "远离"),
              ("放大", "缩小"), ("大多数", "少数"), ("绝大多数", "极少数")]  # not 加入 (加入金属氧化物 → 退出: 加入 adds as often as it joins), 出现 (需求消失 reads as absurd), 进入 (进入到), 开启 (终结……序幕), 告别 (延续X转为Y)
_ABSOLUTE = [("部分", "全部"), ("一些", "所有"), ("许多", "所有"), ("可能", "一定"),
             ("往往", "总是"), ("大多", "全都"), ("不少", "所有"), ("很多", "所有"), ("通常", "总是"), ("有时", "总是"), ("大部分", "全部"), ("多数", "全部"), ("大多数", "所有"), ("或许", "一定"),
             ("也许", "一定"), ("有些", "所有"), ("某些", "所有"), ("一般", "总是")]  # not 可以 → 必须: 大致可以分为, 一片可以奔跑的空地;
# not 经常/常常 → 总是: what happens often may happen every time, the article does not say it does not (raters, rate60, rate64)
# A hedge hardened by degree, not by an absolute word: raters call these subtle traps, and the
# absolute ones (所有, 总是, 一定) formulaic when an item has more than one.
_HEDGES = [("必然", "未必"), ("有望", "必将"), ("基本", "完全"), ("主要", "唯一"), ("几乎", "完全"),
           ("不一定", "一定"), ("未必", "必然"), ("逐渐", "突然")]  # not 相对 → 绝对: 绝对方便 reads stiffly
_ONE_OF_A_KIND = {"原因", "因素", "来源", "方式", "手段", "原料", "材料", "途径", "目的", "产品", "功能", "作用", "用途",
                  "产地", "动力", "依据", "形式", "特点", "成分", "食物", "渠道"}  # 主要原料 → 唯一原料; not 主要紫砂艺人 (people are many)
_DETERMINERS = {"部分", "一些", "许多", "很多", "大多", "不少", "大部分", "多数", "大多数", "有些", "某些"}  # widened only where they open a clause: 有一些 → 有所有 is no Chinese
_INTRANSITIVE = {"消失", "失败", "下降", "放缓", "减弱"}  # "消失问题" is no Chinese: only at a clause's end
_NEGATORS = {"不", "不再", "没有", "并未", "未", "无法", "不能", "不会", "并不", "从未"}
_COORDINATORS = {"和", "与", "及", "、", "并", "或"}
_AIMS = {"为", "要", "需要", "应", "应该", "应当", "必须", "大力", "进一步", "不断", "努力", "着力", "全力", "切实",
         "持续", "积极", "旨在", "为了", "以", "有效", "更好", "助力", "推动"}  # 大力提升X → 大力降低X: an aim turned round is absurd
_DEGREE = {"更", "更加", "越来越", "最", "很", "非常", "十分", "比较", "相当", "极", "极其", "愈发", "过分",
           "过度", "过于", "格外", "尤其", "特别", "更为", "极为"}
KINDS = ["hedge", "condition", "correlation", "comparison", "order", "contrast", "crossed", "direction", "concept", "speaker", "tense", "opposite", "reversal", "denial",
              "figure", "absolute"]
SCOPES = {"hedge", "absolute"}
_CLASSIFYING = {"分为", "包括", "是", "指", "称为", "被称为", "叫", "叫做", "有", "在", "由", "含有", "属于", "以", "为", "用"}
_MODALS = {"应当", "应该", "应", "要", "会", "可以", "能", "能够", "需"}
_ATTRIBUTION = re.compile(r"^(?:据)?(?P<who>[\u4e00-\u9fff·]{2,24}?)(?:说|表示|认为|指出|介绍|坦言|强调|解释)[，,](?=[\u4e00-\u9fff\d])")
_NOT_WHO = re.compile(r"^(?:他|她|它|我|你|记者|有人|有的|也有|不过|但|而|对此|此外|同时|当时|随后|后来|最后|并|还|又|则|也|这|那|其)|"
                      r"(?:他|她|我|你|们)$")  # 他说, 他们认为: who, is in the sentence before
FIGURES = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # 1,700 is one figure
_ONE_WAY = {"回归"}  # 回归 → 远离 reads; 远离人烟 → 回归人烟 does not
_UNIVERSAL = re.compile(r"所有|全部|一切|任何|全都")  # 所有人担心……会全部失业: widened twice
_CLOSE_ADVERBS = {"反而", "就", "也", "还", "便", "才", "更", "都", "又", "则", "却", "甚至"}  # 反而一定 is no Chinese
_LINKED = re.compile(r"只有|只要|不是|随之|也就|因此|所以|因为|由于|但|却|而|虽然|尽管|导致|使得|反而|不过|可是|即使|如果|一旦|随着|既|又")
_REVERSED = {"reversed_text": "由于{effect}，{cause}"}


@dataclass(frozen=True)
class Change:
    text: str  # the changed statement
    old: str  # the words of the article
    new: str  # what they became
    kind: str  # scope, opposite, reversal (then old is the cause, new the effect)



def attributed(sentence: str) -> tuple[str, str]:
    """The sentence's named speaker with the verb (何淑芬说，), and what is said; ("", sentence)
    where nobody named opens it."""
    found = _ATTRIBUTION.match(sentence)
    if not found or _NOT_WHO.match(found.group("who")):
        return "", sentence
    return found.group(0), sentence[found.end():]


def _change(sentence: str, text: str, rng, made: set[str] = frozenset(), script: str | None = None) -> Change | None:
    """One change of the sentence that a careful reader catches, or None: a kind not in `made`
    (as "kind:…") first, never a word in it."""
    found = [c for c in offered(sentence, text, rng, script) if c.new not in made]
    found.sort(key=lambda c: f"kind:{c.kind}" in made)
    return next(iter(found), None)


def offered(sentence: str, text: str, rng, script: str | None = None) -> list[Change]:
    """Every change of the sentence a careful reader catches, the subtler kinds first (in an order
    the seed shuffles within a kind)."""
    who, said = attributed(sentence)  # a speaker's words are changed, or who said them — not both
    changes = [replace(c, text=who + c.text) for c in _all_changes(said, text, script)] + _other_speaker(who, said, text)
    rng.shuffle(changes)
    changes.sort(key=lambda c: KINDS.index(c.kind))
    return changes


@lru_cache(maxsize=4096)
def _all_changes(sentence: str, text: str, script: str | None) -> tuple[Change, ...]:
    from ..terms import tag

    tagged = tag([sentence])[0]
    words = [w for w, _ in tagged]
    edges = set(_starts(tagged)) | {len(sentence)}
    candidates = []
    for pairs, kind in _changes(script):
        for a, b in pairs:
            for old, new in ((a, b), (b, a)) if kind == "opposite" and a not in _ONE_WAY else ((a, b),):
                whole = words.count(old) == 1 or (len(old) >= 3 and old in sentence and sentence.index(old) in edges
                                                  and sentence.index(old) + len(old) in edges)  # 越来越/少: jieba's two words
                if whole and sentence.count(old) == 1 and _fits(kind, tagged, sentence, old, new):
                    candidates.append((old, new, kind))
    candidates += _bound(sentence)
    candidates += _in_script(_only_one(tagged, sentence) + _future_as_done(tagged, sentence) + _done_as_future(tagged, sentence) + _condition(sentence)
                             + _contrast(sentence) + _crossed(tagged, sentence) + _correlation(sentence) + _comparison(tagged, sentence) + _sequence(sentence) + _direction(tagged, sentence) + _denial(tagged, sentence), script) \
        + _figure(sentence, text) + _concept(tagged, sentence, text)
    elsewhere = text.replace(sentence, "")  # the changed words must not be the article's: 产物之一 → 产物 is in its own sentence
    found = []
    for old, new, kind in candidates:
        changed = sentence.replace(old, new, 1)
        at = sentence.index(old) + len(old)
        doubled = at < len(sentence) and sentence[at] == new[-1]  # 往往是 → 总是是
        if changed not in elsewhere and changed != sentence and new not in sentence.replace(old, "", 1) and not doubled:
            found.append(Change(changed, old, new, kind))
    reversal = _reversal(sentence, elsewhere, script)
    return tuple(found + ([reversal] if reversal else []))


def _starts(tagged: list[tuple[str, str]]) -> list[int]:
    """Where each of jieba's words starts in the sentence."""
    return [0, *accumulate(len(w) for w, _ in tagged[:-1])] if tagged else []


def _bound(sentence: str) -> list[tuple[str, str, str]]:
    """A figure's bound turned round (95%以上 → 95%以下): one per sentence, the number kept."""
    found = [(m.group(0), m.group(1) + ("以下" if m.group(2) == "以上" else "以上"), "opposite")
             for m in re.finditer(r"(\d+(?:\.\d+)?(?:%|[万千百]?[\u4e00-\u9fff]{0,2}?))(以上|以下)", sentence)]
    return found if len(found) == 1 and sentence.count(found[0][0]) == 1 else []


def _reversal(sentence: str, elsewhere: str, script: str | None) -> Change | None:
    """Cause and effect turned round (因果倒置): 由于 the effect, the cause — the exam's trap for a
    causal claim, and one a careless reader, who remembers both halves, misses."""
    from .reason import causal_pair

    pair = causal_pair(Slot(sentence, None, 0, 0, 0))
    if not pair or any(leans(p) or re.search(r"[，,；;]|不仅|更|而且", p) for p in (pair.cause, pair.effect)) \
            or re.search(r"才|就|便|也|还", pair.effect):  # 由于竹笋才能长高，有了养分 is no Chinese
        return None  # one clause each: 最初的设计合理，更在于…… turned round is no Chinese
    from ..terms import tag

    if tag([pair.cause])[0][0][1][:1] in {"v", "d", "p", "c"}:
        return None  # 由于含有活的病原体: the cause's subject is the effect's; turned round, nothing contains it
    changed = in_script(_REVERSED, script)["reversed_text"].format(effect=pair.effect, cause=pair.cause)
    return None if changed in elsewhere else Change(changed, pair.cause, pair.effect, "reversal")


def _in_script(candidates: list[tuple[str, str, str]], script: str | None) -> list[tuple[str, str, str]]:
    """The new words of a change in the article's script (已经 → 已經 in a Traditional article)."""
    if script != "Hant":
        return candidates
    from ..frequency import traditional

    return [(old, traditional(new), kind) for old, new, kind in candidates]


@lru_cache(maxsize=2)
def _changes(script: str | None) -> tuple:
    """The word pairs in the article's script: a Traditional article is changed in Traditional
    (回歸 → 遠離), through OpenCC as its stems are."""
    kinds = ((_OPPOSITES, "opposite"), (_HEDGES, "hedge"), (_ABSOLUTE, "absolute"))
    if script != "Hant":
        return kinds
    from ..frequency import traditional

    return tuple(([(traditional(a), traditional(b)) for a, b in pairs], kind) for pairs, kind in kinds)


def _fits(kind: str, tagged: list[tuple[str, str]], sentence: str, old: str, new: str) -> bool:
    """Whether changing `old` to `new` here still reads as a claim a reader must check."""
    starts = _starts(tagged)
    at = next((i for i, (w, _) in enumerate(tagged) if w == old), None)
    split = at is None
    if split:  # a word jieba cuts in two (越来越/少): its first part, and the word after its last
        at = starts.index(sentence.index(old))
    before = [w for w, _ in tagged[max(0, at - 2):at]]
    end = next((i for i, start in enumerate(starts) if start >= starts[at] + len(old)), len(tagged)) if split else at + 1
    after = tagged[end][0] if end < len(tagged) else ""
    verbs = {w for w, f in tagged if f[:1] in {"v", "d"}}
    if kind not in SCOPES and (_LINKED.search(sentence) or len(CLAUSE_BREAK.findall(sentence.rstrip("。！？"))) > 2):
        return False  # a turned verb in one clause of several contradicts the others (减少……增加补栏)
    if kind in SCOPES:
        if _UNIVERSAL.search(sentence) or (before and before[-1] in _CLOSE_ADVERBS) or after == "才" or \
                (old in {"有时", "往往", "常常", "经常", "通常"} and (after in _CLOSE_ADVERBS | _NEGATORS or after[:1] in {"并", "不", "没"}
                                                      or not re.match(r"\w", after))):  # 通常，…… → 总是，…… is no Chinese
            return False  # 或许才是 → 一定才是 is no Chinese
        if old == "可能" and (before and (before[-1].endswith("有") or before[-1] in {"很", "极", "非常", "成为", "变得"})
                             or not after or tagged[at + 1][1][:1] not in {"v", "d", "p", "a"}):
            return False  # 更有可能 → 更有一定, 很可能 → 很一定, 成为可能 → 成为一定 are no Chinese
        if new == "总是" and (after in _CLASSIFYING or after.startswith("所")):  # 通常所说的 → 总是所说的 is no Chinese
            return False  # 通常分为三段 → 总是分为三段: a classification has no frequency
        if old == "逐渐" and ("随着" in sentence[:sentence.index(old)] or (before and before[-1] in _MODALS | {"必须", "需要"})):
            return False  # 随着市民逐渐知晓 → 突然知晓: a frame, not the claim; 应当突然转变: advice nobody gives
        if old == "一般":
            return bool(after) and tagged[at + 1][1][:1] == "v" and after not in {"而言", "来说", "说来"} | _MODALS  # 总是应当 is no Chinese
        if old == "相对":
            return bool(after) and tagged[at + 1][1][:1] == "a"  # 相对固定 → 绝对固定; not 相对应
        if old == "几乎":
            return bool(after) and tagged[at + 1][1][:1] == "v"  # not 几乎在同一时期; 几乎都 → 完全都 reads stiffly
        if old == "基本":
            return (bool(after) and tagged[at + 1][1][:1] in {"v", "a", "d"} and tagged[at + 1][1] != "vn"
                    and after not in {"需要", "需求", "生活", "要求"}
                    and not (at and (tagged[at - 1][0] == "的" or tagged[at - 1][1][:1] == "v")))
            # 基本决定 → 完全决定; not 基本需求, 触动基本生活需要 (an object), 家庭的基本需要
        if old in {"必然", "未必"} and (not after or tagged[at + 1][1][:1] in {"n", "u"} or after in {"要求", "结果", "选择", "趋势", "规律"}):
            return False  # 必然要求, 必然的结果: an adjective; 未必要求 is no Chinese
        if old == "主要":
            return (after in _ONE_OF_A_KIND and before[-1:] in (["的"], ["是"])
                    and "之一" not in sentence[sentence.index(old):])  # 饲料的主要原料 → 唯一原料; not 主要用于, 各主要产区, 唯一因素之一
        if new in {"所有", "全部", "全都"} and re.search(r"少数|个别|例外|除了|除外", sentence):
            return False  # 所有蝙蝠……，少数种类甚至更高: the sentence names its own exception
        if old in _DETERMINERS:
            return (not before or not re.match(r"\w", before[-1])) and not re.match(r"时候|时间|情况|场合|时", after)
            # 很多时候 → 所有时候 is no Chinese (rate70)
        return not (before and tagged[at - 1][1][:1] == "d")  # 确实可能 → 确实一定 is no Chinese
    if re.search(r"[，,]\s*(?:我们)?(?:可以|能够)?(?:看出|看到|发现)", sentence[sentence.index(old):]):
        return False  # 回归……的发展，我们可以看出: a frame for looking back, not a claim
    if old in {"大多数", "绝大多数", "少数", "极少数"}:
        return (not before or not re.match(r"\w", before[-1])) and "都" not in sentence[sentence.index(old):]  # 大多数居民支持 → 少数居民支持
    if re.search(r"的是[，,]", sentence[:sentence.index(old)]):
        return False  # 让他发愁的是，年轻人越来越多: the frame judges what the change turns round, and contradicts it
    if old.startswith("越来越"):
        return (not any(w in _NEGATORS | _AIMS for w in before) and (not after or after in {"了", "。"} or not re.match(r"\w", after)))
        # 年轻人越来越少 → 越来越多: a trend turned round where it is said; 越来越少的新挑战 (a modifier) reads as absurd
    if old not in verbs or (not split and _beside_adjective(tagged, at)) or any(w in _AIMS | _DEGREE for w in before):
        return False  # a verb turned round (提高 → 降低), not an aim (大力提升 → 大力降低) nor a degree (更依赖 → 更摆脱)
    if after == "的" or "随着" in before or "倍" in sentence:
        return False  # 长期的慢性压力 → 短期的……; 随着年龄增长 is a set frame; 减少将近一倍 is no quantity
    if any(w in _NEGATORS for w in before) or after in _COORDINATORS or (before and before[-1] in _COORDINATORS):
        return False  # 不再依赖 → 不再摆脱 says nothing checkable; 支持和完善 → 反对和完善
    if old == "超过" and not (after and tagged[at + 1][1][:1] == "m"):
        return False  # 不足 wants an amount: 远远超过风速本身 → 远远不足风速本身 is no Chinese
    if after in {"到", "至", "了"} or "的" in before or (old == "回归" and after in {"本意", "本义", "初心", "初衷", "本源", "本真", "原点"}):
        return False  # 加入到……的行列 → 退出到……; 超过了 → 不足了; 对流量的过度依赖 is a noun; 远离本意 is nonsense
    if _in_modifier(tagged, at):
        return False  # 在远离火山口的地方 → 在回归火山口的地方: a verb inside a place phrase names, it does not claim
    return new not in _INTRANSITIVE or not after or not re.match(r"\w", after)


def _only_one(tagged: list[tuple[str, str]], sentence: str) -> list[tuple[str, str, str]]:
    """"One of" made "the": 最可怕的产物之一是火山碎屑流 → 最可怕的产物是火山碎屑流, the exam's
    之一 → 唯一 trap, as (old, new, kind)."""
    words = [w for w, _ in tagged]
    if words.count("之一") != 1 or sentence.count("之一") != 1 or _UNIVERSAL.search(sentence):
        return []
    at = words.index("之一")
    if at == 0 or not tagged[at - 1][1].startswith("n") or "最" not in words[:at]:
        return []  # 重要措施之一 → 重要措施 is still true; 最可怕的产物之一 → 最可怕的产物 is not
    return [(words[at - 1] + "之一", words[at - 1], "hedge")]


def _future_as_done(tagged: list[tuple[str, str]], sentence: str) -> list[tuple[str, str, str]]:
    """What will happen told as done (将成为 → 已成为): the exam's 把未然当已然 trap, as (old, new, kind).
    Not where the sentence itself says the time to come (未来, 预计, 2030年): 未来已成为 is no claim."""
    if re.search(r"未来|今后|明年|后年|将来|预计|计划|有望|可能|如果|若|一旦|\d|[一二三四五六七八九十]+年", sentence):
        return []
    found = []
    for at, (word, form) in enumerate(tagged[:-1]):
        following, following_form = tagged[at + 1]
        if word not in {"将", "即将", "将要", "將", "將要"} or form != "d" or following_form == "vn" \
                or (at and tagged[at - 1][1][:1] == "v") or (word in {"将", "將"} and following not in _FUTURE_VERBS | {"会", "會"}):
            continue  # 提出将体育分值提高到……: 将 as 把, whose object follows, not a time to come
        if _as_object_marker(tagged, at):
            continue  # 最后将露在外面的铜丝……镀金: 将 as 把, its object a phrase with 的, the verb after it
        if at and tagged[at - 1][0] in {"还", "也", "都", "又", "仍", "仍然", "正", "即", "還"}:
            continue  # 还将探索 → 还已探索 is no Chinese (rate65)
        if following in {"会", "會"} and at + 2 < len(tagged) and tagged[at + 2][1][:1] == "v":
            verb = tagged[at + 2][0]
            found.append((word + following + verb, "已经" + verb))
        elif following_form[:1] == "v" and following not in {"会", "會", "要", "是", "于", "於", "在", "有"}:
            found.append((word + following, ("已" if word in {"将", "將"} else "已经") + following))
    return [(old, new, "tense") for old, new in found if len(found) == 1 and sentence.count(old) == 1]


_FUTURE_VERBS = {"成为", "迎来", "达到", "实现", "进入", "开启", "改变", "推动", "带来", "面临", "出现", "形成", "影响", "告别",
                 "继续", "建成", "完成", "开通", "投入", "启动", "举行", "开展", "扩大", "增加", "减少", "提高", "降低", "覆盖",
                 "取代", "退出", "发生", "结束", "开始", "转向", "走向", "迈入", "超过", "惠及", "受益", "获得", "失去", "消失"}
# 将 before any other word is as often 把 (将防染浆刮进, 将熬制好的桐油): only a verb that tells what is to come (rate72)


def _done_as_future(tagged: list[tuple[str, str]], sentence: str) -> list[tuple[str, str, str]]:
    """What has happened told as still to come (已经建成 → 将建成): the exam's 把已然当未然, the
    other way round from `_future_as_done`. Only a verb right after 已经/已, no 将 or time to come
    in the sentence, no negation after it (已经不再 → 将不再 still holds), no state (已经有, 已经是)."""
    if re.search(r"将|未来|今后|明年|将来|预计|计划|有望|如果|一旦|正在|仍|还|可能|"
                 r"\d|年|代|时期|当时|目前|截至|近来|过去|现在|如今|曾|前|后|时|去|今", sentence):
        return []  # 在唐代将形成村落, 截至目前将完成: a time the sentence names is past (rate dev), no time at all only
    found = []
    for at, (word, form) in enumerate(tagged[:-1]):
        following, following_form = tagged[at + 1]
        if word not in {"已经", "已", "已經"} or following_form[:1] != "v" or following_form == "vn" \
                or following in {"是", "有", "成为", "在", "被", "把", "将", "过", "经"} or len(following) < 2 \
                or following.endswith("得") or re.search(r"了", "".join(w for w, _ in tagged[at + 3:at + 6])):
            continue  # 已经有三百年: a state; 已被列入: a passive; a one-character verb: 已达, 已近 read as set phrases;
            # 已经麻得站不稳了 → 将麻得……了 is no Chinese (rate70)
        if at + 2 < len(tagged) and tagged[at + 2][0].startswith("了") and tagged[at + 2][0] != "了":
            continue  # 出现/了像: jieba glues 了 to the next word, and 将出现了像 is no Chinese (rate69)
        done = "了" if at + 2 < len(tagged) and tagged[at + 2][0] == "了" else ""  # 将完成了 is no Chinese
        found.append((word + following + done, "将" + following))
    return [(old, new, "tense") for old, new in found if len(found) == 1 and sentence.count(old) == 1]


_DISPOSALS = {"比作", "视为", "看作", "当作", "作为", "列为", "变成", "改为", "分为", "称为", "译为", "归为", "纳入",
              "放在", "放入", "送到", "交给", "用于", "定为", "比喻", "称作", "改造", "打造", "变为"}


def _as_object_marker(tagged: list[tuple[str, str]], at: int) -> bool:
    """Whether 将 at `at` marks an object (将露在外面的铜丝进行镀金), not a time to come: in its
    clause, a 的 and then another verb."""
    seen_de = False
    if any(w in _DISPOSALS for w, _ in tagged[at + 2:at + 5]):
        return True  # 古人将猜谜比作射猎猛虎: 将 X 比作 Y
    verbs = 0
    for word, form in tagged[at + 1:at + 4]:
        if word == "的":
            return verbs > 0  # 将熬制好的桐油……: a verb phrase with 的 makes the object (rate65), whatever jieba tags after it
        if form[:1] != "v" and word not in {"好", "完", "成", "熟", "干", "净", "过"}:  # 调好的, 晒干的: a verb and its result
            break
        verbs += 1
    for word, form in tagged[at + 2:]:
        if re.match(r"[，,；;。！？]", word):
            return False
        if word == "的":
            seen_de = True
        elif seen_de and form[:1] == "v":
            return True
    return False


_ONLY_IF = re.compile(r"只有([^。；;！？：:]{4,30}?)(?<![人刚方天英奇口])才(?![华艺干子])")
_NOT_BUT = re.compile(r"不是([^，,。；;、“”：:]{2,16})([，,]?)而是([^，,。；;、“”：:]{2,16})(?=[。；;！？]|$)")
_BUT_NOT = re.compile(r"(?<![但还就于总而要若凡只倒硬可像正也都老不])是(?!否)([^，,。；;、“”：:]{2,16})([，,]?)而(不是|非)"
                      r"([^，,。；;、“”：:]{2,16})(?=[。；;！？]|$)")  # 而是学生离开教室时，心里……: a side cut mid-clause


_UNITS = "℃|摄氏度|千瓦时|千瓦|纳米|微米|毫升|毫克|小时|分钟|天|公斤|公里|公顷|千克|千米|厘米|毫米|平方米|立方米|%|％|个|位|名|人|户|家|座|台|辆|架|艘|头|只|株|亩|吨|克|米|元|倍|次|所|处|项|条|种"
_AMOUNT = re.compile(rf"(?<![\d.,])(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(万|亿|千|百)?({_UNITS})(?![\u4e00-\u9fff]{{0,1}}[里斤顷克米])")
_HAN_AMOUNT = re.compile(rf"(?<![{HAN_NUMERALS}第数几])([一二两三四五六七八九十][{HAN_NUMERALS}]*)"
                         rf"({_UNITS}|成)(?![\u4e00-\u9fff]{{0,1}}[里斤顷克米])")  # not 千米, 数万人, 第三名
_COUNTS = {"个", "位", "名", "人", "户", "家", "座", "台", "辆", "架", "艘", "头", "只", "株", "次", "所", "处", "项", "条", "种"}
_RANGE = re.compile(rf"(?:\d|{HAN_NUMBER})\S{{0,3}}(?:到|至|~|～|—|－|-)(?:\d|{HAN_NUMBER})")  # 三到四成, 一千米至十千米
_NAMED_BY_FIGURE = re.compile(r"(?:比赛|赛|决赛|半决赛|预赛|跑|项目|级|大关|工程|计划)")
_DATED = re.compile(rf"(?:\d|{HAN_NUMBER})\s*(?:年|月|日|时|点|号|届|期|世纪|版)")


@dataclass(frozen=True)
class _Amount:
    words: str  # as the article writes it: 8.6万亩, 六成
    value: float
    unit: str  # with its scale: 万亩, 成


def _amounts(text: str) -> list[_Amount]:
    """The amounts of a text, in figures (8.6万亩) or in characters (八万六千人, 六成) — not
    一 (一次, 一种: an article, not a figure), nor a guess (三四个: its value is None), nor a
    sentence's frame (两个方面, 三种办法)."""
    found = [_Amount(m.group(0), float(m.group(1).replace(",", "")), (m.group(2) or "") + m.group(3)) for m in _AMOUNT.finditer(text)]
    for m in _HAN_AMOUNT.finditer(text):
        number, unit = m.group(1), m.group(2)
        value = han_number(number)
        if value is None or (value >= 2 and (value >= 10 or unit not in _COUNTS)):
            found.append(_Amount(number + unit, float(value or 0), unit))
    return found


def _figure(sentence: str, text: str) -> list[tuple[str, str, str]]:
    """The one amount of a sentence made another the article gives in the same unit (8.6万亩 →
    2.1万亩, 六成 → 三成): a report's facts are its figures. Only where the sentence has one figure
    (a range, a sum or a second figure garbles: 50万元到5万元, 180×0.52), never a year or a date,
    and never one common sense rules out (340米 → 3.4米 for the speed of sound)."""
    amounts = _amounts(sentence)
    if len(amounts) != 1 or len(FIGURES.findall(sentence)) > 1 or _DATED.search(sentence) or _RANGE.search(sentence):
        return []
    amount = amounts[0]
    if sentence.count(amount.words) != 1 or not amount.value:
        return []
    before, after = sentence.split(amount.words, 1)
    if _NAMED_BY_FIGURE.match(after) or re.search(r"[前后头每]$", before):
        return []  # 男子五百米比赛 is an event's name; 前两百米, 每100克 a stretch or a rate, whose change garbles the claim
    if re.search(r"(?:超过|逾|多于|高于|大于|低于|少于|小于|不足|不到|至少|至多|不少于|不超过|不低于|近|将近)$", before) \
            or re.match(r"(?:以上|以下|以内|之内|多|余)", after):
        return []  # 已超过33% → 已超过26% is still true: under a bound, a figure on its far side is (rate82)
    others = {a.words: a for a in _amounts(text.replace(sentence, "")) if a.unit == amount.unit and a.value and a.value != amount.value}
    plausible = [a for a in others.values() if 1.25 <= max(a.value / amount.value, amount.value / a.value) <= 5]
    if not plausible:
        return []
    other = min(plausible, key=lambda a: (max(a.value / amount.value, amount.value / a.value), a.words))
    return [(amount.words, other.words, "figure")]


def _condition(sentence: str) -> list[tuple[str, str, str]]:
    """A necessary condition told as a sufficient one (只有……才 → 只要……就): the exam's trap
    for a condition, as (old, new, kind)."""
    found = _ONLY_IF.search(sentence)
    if not found or sentence.count("只有") != 1 or re.search(r"(?:或许|也许|可能|大概)$", found.group(1)):
        return []  # 只有……或许才是 → 只要……或许就是 is no Chinese
    return [(found.group(0), "只要" + re.sub(r"^当", "", found.group(1)) + "就", "condition")]


_ANTONYMS = dict(pair for a, b in ("高低", "大小", "多少", "快慢", "深浅", "长短", "强弱", "软硬", "重轻", "远近", "早晚",
                                   "冷热", "厚薄", "粗细", "宽窄", "亮暗", "松紧", "干湿")
                 for pair in ((a, b), (b, a)))
_CORRELATION = re.compile(r"(?<!越来)越([\u4e00-\u9fff]{1,4})[，,]([^，,。；;！？]{1,14}?)(?<!越来)越([\u4e00-\u9fff])(?![\u4e00-\u9fff]{0,1}越)")
_SEQUENCE = re.compile(r"先([^，,。；;！？先再]{2,14})[，,](?:再|然后|接着|随后)([^，,。；;！？先再]{2,14})(?=[，,。；;！？]|$)")


def _correlation(sentence: str) -> list[tuple[str, str, str]]:
    """越 A，B 越 C with C turned to its opposite (温度越高，分子运动越快 → 越慢): a stated
    relation told the other way round, checked against one sentence, as (old, new, kind)."""
    found = list(_CORRELATION.finditer(sentence))
    if len(found) != 1 or found[0].group(3) not in _ANTONYMS or len(re.findall(r"(?<!越来)越(?!来越)", sentence)) != 2:
        return []  # 石墨越多，笔芯越软，颜色越深: one link of a chain turned leaves the chain at odds
    match = found[0]
    start = match.start(3)
    tail = sentence[start + 1:start + 2]
    if tail and re.match(r"[\u4e00-\u9fff]", tail) and tail not in "了的地":
        return []  # 越多样, 越高效: the character opens a longer word, its opposite no word
    old = "越" + match.group(3)
    new = "越" + _ANTONYMS[match.group(3)]
    return [(old, new, "correlation")] if sentence.count(old) == 1 else []


_COMPARED_TO = re.compile(r"比([^，,。；;！？比]{1,12}?)(更|还|要|略|稍|都)?([\u4e00-\u9fff])(?=[了的得，,。；;！？]|$)")


def _comparison(tagged: list[tuple[str, str]], sentence: str) -> list[tuple[str, str, str]]:
    """A 比 B 高 turned to 低 (夏季的降水量比冬季多 → 少): a measured comparison told the other way
    round, as (old, new, kind). One comparison in the sentence, its adjective one character."""
    found = list(_COMPARED_TO.finditer(sentence))
    if len(found) != 1 or sentence.count("比") != 1 or found[0].group(3) not in _ANTONYMS:
        return []
    match = found[0]
    words = dict(zip(_starts(tagged), (w for w, _ in tagged)))
    if words.get(match.start(3)) != match.group(3) or words.get(match.start()) not in {"比", "远比", "要比"}:
        return []  # 缩小, 增长, 比例, 比重: the characters belong to other words
    if re.search(r"[，,；;]", sentence[match.end():]) or re.search(r"[\d倍成%一二三四五六七八九十百千万]$", sentence[:match.start(3)]):
        return []  # 比铅酸电池高，重量更轻: the clauses after it go on from it, at odds once turned (rate69);
        # 高出两倍多: 多 after a number is "more than", no comparison's adjective
    old = match.group(0)
    new = old[:-1] + _ANTONYMS[match.group(3)]
    return [(old, new, "comparison")] if sentence.count(old) == 1 else []


def _sequence(sentence: str) -> list[tuple[str, str, str]]:
    """先 A，再 B told 先 B，再 A (先检查钟摆，再给齿轮上油 → 先给齿轮上油，再检查钟摆): the
    order of a process, which a 说明文 asks about, as (old, new, kind)."""
    found = list(_SEQUENCE.finditer(sentence))
    if len(found) != 1:
        return []
    match = found[0]
    first, second = match.group(1), match.group(2)
    if re.search(r"[把将]", first) or re.match(r"[把将]", second) is None and re.search(r"[它其]", second):
        return []  # 先把泥料揉匀，然后放进模具: the object is named in the first step, the second leans on it
    link = re.search(r"[，,](再|然后|接着|随后)", match.group(0)).group(1)
    pause = match.group(0)[len("先") + len(first)]
    return [(match.group(0), f"先{second}{pause}{link}{first}", "order")]


def _contrast(sentence: str) -> list[tuple[str, str, str]]:
    """The two sides of 不是 A 而是 B (是 A 而不是 B) swapped: what the article denies told as
    what it asserts (偷换), as (old, new, kind)."""
    found = _NOT_BUT.search(sentence)
    if found and sentence.count("不是") == 1:
        first, pause, second = found.groups()
        return [(found.group(0), f"不是{second}{pause}而是{first}", "contrast")]
    found = _BUT_NOT.search(sentence)
    if found and sentence.count("而") == 1:
        first, pause, negation, second = found.groups()
        return [(found.group(0), f"是{second}{pause}而{negation}{first}", "contrast")]
    return []


def _crossed(tagged: list[tuple[str, str]], sentence: str) -> list[tuple[str, str, str]]:
    """Two things a sentence sets side by side told each with the other's property (峰丛是基部相连的
    山峰，峰林则是基部分离的 → 峰林是基部相连的……，峰丛则……): the exam's 张冠李戴, which a
    careless reader, who remembers both properties, misses. Only where the sentence opens on one
    thing and its next clause on the other, marked as the other side (……，而 B / B 则), the two
    named alike (as long, jieba's nouns: it tags rare ones any noun kind) and said to differ."""
    starts = _starts(tagged) + [len(sentence)]
    for pause in (i for i, (w, _) in enumerate(tagged) if w in {"，", "；", ",", ";"} and i):
        found = _crossed_at(tagged, sentence, starts, pause)
        if found:
            return found
    return []


def _crossed_at(tagged, sentence: str, starts: list[int], pause: int) -> list[tuple[str, str, str]]:
    after = pause + 1 + (pause + 1 < len(tagged) and tagged[pause + 1][0] == "而")
    run = 0
    while after + run < len(tagged) and tagged[after + run][1].startswith("n") and run < 3:
        run += 1
    contrasted = after > pause + 1 or (after + run < len(tagged) and tagged[after + run][0] in {"则", "却"})
    b = sentence[starts[after]:starts[after + run]]
    if not contrasted or not 2 <= len(b) <= 6 or run == 0:
        return []
    a = sentence[:len(b)]
    if sentence[len(a):len(a) + 1] == "的" or sentence[starts[after] + len(b):starts[after] + len(b) + 1] == "的":
        return []  # 新铺的沥青路面……，而草地的反照率: a modifier, not the thing the clause is about (rate84)
    head = [i for i in range(len(tagged)) if starts[i] < len(a)]
    if starts[len(head)] != len(a) or not all(tagged[i][1].startswith("n") for i in head) or set(a) == set(b):
        return []  # the opening word is not a thing named like the other
    end = starts[after + run]
    span = sentence[:end]
    own_a, own_b = bigrams(sentence[len(a):starts[pause]]), bigrams(sentence[end:])
    if span.count(a) != 1 or span.count(b) != 1 or len(own_a & own_b) >= 0.5 * max(1, min(len(own_a), len(own_b))):
        return []  # the same said of both: swapped, still true
    return [(span, b + sentence[len(a):starts[after]] + a, "crossed")]


_ENTITY_KINDS = {"nr": "person", "nrfg": "person", "nrt": "person"}
# Only a speaker is swapped, for another named speaker. Not a person in the story (raters: 马文涛每天早上6点多到家
# with another name is trivia), nor places and organisations (jieba tags 山区 a place, and an
# article's 端州 and 肇庆 are one city under two names: the swap would still be true).
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
                "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_AS_PERSON = re.compile(r"(?:说|表示|认为|指出|介绍|坦言|告诉|回忆|笑着|师傅|老师|先生|女士|教授|主任|局长|书记|县长|市长|镇长|村长|"
                        r"校长|院长|经理|站长|队长|班长|理事长|董事长|馆长|主席|博士|医生|记者)")


@lru_cache(maxsize=4096)
def _person(word: str, text: str) -> bool:
    """A name the article gives a person: a common surname, two or three characters, and once at
    least beside a title or a speech verb (局长周建华, 谭国平说) — jieba tags 探伤仪 and 秋收 names."""
    if not 2 <= len(word) <= 3 or word[0] not in _SURNAMES:
        return False
    return bool(re.search(rf"{_AS_PERSON.pattern}{re.escape(word)}|{re.escape(word)}{_AS_PERSON.pattern}", text))


_CROWD = re.compile(r"人们|大家|普遍|专家|人士|业内|不少|许多|很多|有人|一些|部分|多数|研究|调查|数据|报告|统计")  # no one person


def _person_in(who: str, text: str) -> str:
    """The person a speaker tag names (副局长王立新 → 王立新), or "" for an office (区商务局相关负责人)."""
    from ..terms import tag

    if _CROWD.search(who):
        return ""
    return next((w for w, f in tag([who])[0] if f in _ENTITY_KINDS and _person(w, text)), "")


@lru_cache(maxsize=8)
def _speakers(text: str) -> tuple[str, ...]:
    """The people the article gives words to, in its order (王立新 of 副局长王立新表示，): found once
    per article, not once per sentence a change is sought for."""
    found = (_person_in(who, text) for who, _ in map(attributed, text.split("\n")) if who)
    return tuple(p for p in found if p)


def _other_speaker(who: str, said: str, text: str) -> list[Change]:
    """Words given to another of the article's named speakers (何淑芬说 → 王强说): the exam's
    张冠李戴 of a round-up. Only a person for a person, and only one who never says the like
    (no sentence naming them shares much wording with these words)."""
    name = _person_in(who, text) if who else ""
    if not name:
        return []
    own = bigrams(said)
    sentences = text.split("\n")
    for other in _speakers(text):
        if other == name or other in name or name in other:
            continue
        if all(len(bigrams(s.replace(other, "")) & own) < 0.3 * max(1, len(own)) for s in sentences if other in s):
            changed = who.replace(name, other, 1) + said
            return [] if changed in text else [Change(changed, name, other, "speaker")]
    return []


_SETS_AGAINST = {"而非", "取代", "代替", "替代"}  # 而不是 is two words; not 比, 优于: a degree compared (地面温度比……)
# sets two things of one sentence against each other as often as two sides (rate62: 温度被顶起)


@lru_cache(maxsize=8)
def _contrasts(text: str) -> dict[str, frozenset[str]]:
    """The things the article sets against each other (选择纸质书而不是屏幕, 机器取代人工): the nouns
    right beside 而非, 而不是, 取代 … as jieba cuts them, each named twice at least."""
    from ..terms import tag

    tagged_all = tag(text.split("\n"))
    counts: dict[str, int] = {}
    for tagged in tagged_all:
        for word, form in tagged:
            counts[word] = counts.get(word, 0) + 1
    against: dict[str, set[str]] = {}
    for tagged in tagged_all:
        for at in range(1, len(tagged) - 1):
            cue, width = tagged[at][0], 1
            if cue == "而" and tagged[at + 1][0] == "不是":
                cue, width = "而不是", 2
            if cue not in _SETS_AGAINST | {"而不是"} or at + width >= len(tagged):
                continue
            a, b = _noun_run(tagged[:at][::-1])[::-1], _noun_run(tagged[at + width:])  # 纸质 书 比 屏幕: 纸质书
            a, b = "".join(a), "".join(b)
            if len(a) >= 2 and len(b) >= 2 and text.count(a) >= 2 and text.count(b) >= 2 and not set(a) & set(b):
                against.setdefault(a, set()).add(b)
                against.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in against.items()}


def _noun_run(tagged: list[tuple[str, str]]) -> list[str]:
    """The nouns at the head of the tokens, as jieba cut them (纸质, 书)."""
    run = []
    for word, form in tagged:
        if form not in {"n", "nz", "j", "ng"}:
            break
        run.append(word)
    return run


def _concept(tagged: list[tuple[str, str]], sentence: str, text: str) -> list[tuple[str, str, str]]:
    """A thing said of one side told of the side the article sets it against (纸质书有利于深度理解
    → 屏幕有利于深度理解, where the article chooses 纸质书而不是屏幕): the exam's 偷换概念, as (old, new, kind). Only where the sentence names
    one side once and not the other, and the other's own sentences say nothing like it."""
    against = _contrasts(text)
    own = None
    for word, others in sorted(against.items()):
        if sentence.count(word) != 1 or any(o in sentence for o in others) or not _whole(tagged, sentence, word):
            continue
        own = own or bigrams(sentence)
        for other in sorted(others):
            said = [s for s in text.split("\n") if other in s]
            rest = own - bigrams(word)
            if all(len(bigrams(s.replace(other, "")) & rest) < 0.4 * max(1, len(rest)) for s in said):
                return [(word, other, "concept")]
    return []


def _whole(tagged: list[tuple[str, str]], sentence: str, word: str) -> bool:
    """Whether the word is whole jieba tokens of the sentence (纸质书 in 纸质 书, not 书 in 书店)."""
    at, edges = 0, {0}
    for token, _ in tagged:
        at += len(token)
        edges.add(at)
    start = sentence.index(word)
    return start in edges and start + len(word) in edges


_TOWARD = {"向", "到", "转向", "转到", "回归", "转移到", "转为", "转变为", "变为", "变成", "走向", "迈向", "过渡到"}
_AFTER_GOAL = {"转移", "转变", "发展", "过渡", "迈进", "延伸", "扩展", "转型", "转换", "演变", "倾斜", "靠拢", "的"}


def _direction(tagged: list[tuple[str, str]], sentence: str) -> list[tuple[str, str, str]]:
    """A change's two ends swapped (从平台回归金融 → 从金融回归平台): the exam's 颠倒 trap for a
    shift the article describes, as (old, new, kind). Each end a phrase of two to twelve
    characters with no figure (从2010年到2015年 swapped is nonsense, not a claim), the goal ending
    at the clause's end, at 的 or at the verb of the shift (向深度介入不断转移)."""
    words = [w for w, _ in tagged]
    if words.count("从") != 1:
        return []
    start = words.index("从") + 1
    link = next((i for i in range(start + 1, min(len(words), start + 8)) if words[i] in _TOWARD
                 and (words[i] != "到" or words[i - 1] in _AFTER_GOAL)), None)
    if link is None:
        return []  # 从高山到荒漠 is a range: swapped, still true
    turn = link - 1 if words[link] == "到" else link  # 从互联网转移到新技术
    while turn - 1 > start and (tagged[turn - 1][1][:1] == "d" or words[turn - 1] in {"逐渐", "不断", "逐步", "慢慢", "渐渐", "开始"}):
        turn -= 1  # 从黄绿色逐渐变成蓝色: the adverb goes with the shift, not its source (rate72)
    end = link + 1
    while end < len(words) and re.match(r"[\w]", words[end]) and words[end] not in _AFTER_GOAL \
            and not (words[end] in {"不断", "逐步", "逐渐", "开始"}):
        end += 1
    source, goal, linker = "".join(words[start:turn]), "".join(words[link + 1:end]), "".join(words[turn:link + 1])
    if end - link > 5 or not (2 <= len(source) <= 12 and 2 <= len(goal) <= 12) or source == goal:
        return []
    if re.search(r"[\d年月日]|[，,、]", source + goal) or any(w in {"从", "向", "到"} for w in words[link + 1:end]):
        return []
    if any(re.match(r"(?:另|某|这|那)?一?[种个类样]", end_) for end_ in (source, goal)):
        return []  # 从一种状态变为另一种状态: the labels swapped say the same (raters)
    if "的" in source and end < len(words) and words[end] == "的":
        return []  # 从低处的窑头向高处的窑尾: the goal cut at its 的 swaps a modifier (rate88)
    if end < len(words) and re.match(r"\w", words[end]) and words[end] not in _AFTER_GOAL | {"不断", "逐步", "逐渐", "开始"}:
        return []
    old = "从" + source + linker + goal
    return [(old, "从" + goal + linker + source, "direction")] if sentence.count(old) == 1 else []


_DENIALS = {"并不能够": "能够", "并不能": "能", "不能够": "能够", "不能": "能", "无法": "能够", "并不会": "会"}
_MERELY = re.compile(r"仅仅|仅|只是|一味|单纯|简单")
_DENIAL = re.compile(r"(并不能够|并不能|不能够|不能|无法|并不会)(?=[\u4e00-\u9fff])")


def _denial(tagged: list[tuple[str, str]], sentence: str) -> list[tuple[str, str, str]]:
    """A denial turned into an assertion (仅仅依靠补贴并不能够带来…… → 就能够带来……): where the
    sentence says one thing alone is not enough (仅仅、一味), the trap claims it is enough — the
    exam's 以偏概全. Only the sentence's one negation, before a verb, in a sentence without a
    turn that leans on it (而是, 但, 只有……才)."""
    negations = [w for w, _ in tagged if w in _NEGATORS or w in {"没", "非", "不可", "不得"}]
    found = _DENIAL.search(sentence)
    if len(negations) != 1 or not found or re.search(r"而是|但|却|只有|除非|不仅|否则|即使|如果", sentence):
        return []
    if not _MERELY.search(sentence[:found.start()]) or CLAUSE_BREAK.search(sentence[found.end():].rstrip("。！；")):
        return []  # 无法满足 → 能够满足 contradicts the rest; 不会侵蚀 → 会侵蚀 is crude (raters); a clause after it argues on
    return [(found.group(1), "就" + _DENIALS[found.group(1)], "denial")]


def _in_modifier(tagged: list[tuple[str, str]], at: int) -> bool:
    """Whether the word is inside a place or time phrase (在 V X 的 N): 在远离火山口的地方."""
    if not any(w in {"在", "从", "到", "于", "至"} for w, _ in tagged[max(0, at - 2):at]):
        return False
    for word, _ in tagged[at + 1:at + 5]:
        if word == "的":
            return True
        if re.match(r"[，,；;。]", word):
            return False
    return False


def _beside_adjective(tagged: list[tuple[str, str]], at: int) -> bool:
    near = tagged[max(0, at - 1):at] + tagged[at + 1:at + 2]
    return any(f[:1] == "a" for _, f in near)


_NAMED_PERSON = re.compile(rf"([{''.join(sorted(_SURNAMES))}][\u4e00-\u9fff]{{1,2}}?)(?={_AS_PERSON.pattern})")
# a surname and a name before 说, 师傅, 告诉 …: jieba misses many names (罗永年 → 罗永/年)


@lru_cache(maxsize=8)
def protagonist(text: str) -> tuple[str, str] | None:
    """A story's one main person and the pronoun it uses for them (覃明山, 他): the person named
    most often, four times at least and twice as often as anyone else, with 他 or 她 four
    times as common as the other — so that a 他 is never taken for them where another is meant."""
    from ..terms import tag

    names = {w for sentence in text.split("\n") for w, f in tag([sentence])[0] if f in _ENTITY_KINDS and _person(w, text)}
    names |= set(_NAMED_PERSON.findall(text))
    names = {n for n in names if len(n) >= 2 and not any(n != m and n in m for m in names if text.count(m) >= 2)}
    counts = {n: text.count(n) for n in names}
    ranked = sorted(counts.items(), key=lambda c: (-c[1], text.index(c[0])))
    if not ranked or ranked[0][1] < 4 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    he, she = len(re.findall(r"他(?!们)", text)), len(re.findall(r"她(?!们)", text))
    if max(he, she) < 4 * max(1, min(he, she)):
        return None
    return ranked[0][0], "他" if he > she else "她"


def named(statement: str, previous: str, main: tuple[str, str] | None, text: str) -> str:
    """A statement whose 他 or 她 is the story's main person told with their name (从那以后，他把
    精力放在防疫上 → 覃明山把……): an option must say whom it means. Only the first pronoun, and
    only where no other person is named in the statement before it or in the sentence before."""
    if not main:
        return statement
    name, pronoun = main
    found = re.search(rf"{pronoun}(?!们)", statement)
    if not found:
        return statement
    from ..terms import tag

    def others(part: str) -> bool:
        rest = part.replace(name, "")
        return any(f in _ENTITY_KINDS and _person(w, text) for w, f in tag([rest])[0]) or bool(_NAMED_PERSON.search(rest))

    if name in statement[:found.start()] or others(statement[:found.start()]) or others(previous):
        return statement
    return statement[:found.start()] + name + statement[found.end():]
