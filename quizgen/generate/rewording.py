"""A faithful statement in other words: one word for another that says the same (通常 → 一般,
often → frequently).

Blind raters, in both languages, gave the "不正确 / NOT true" items one adequate distractor in
almost every case (rate78, 79): "the three other options are copied word for word from the
text, so they are easy to rule out". Exam writers restate the true options. A rule cannot
paraphrase a sentence, but it can change one word for a synonym in that place, which is what a
careless reader takes for the changed option and a careful one checks and keeps. Only pairs
that mean the same in every use are listed, whole words only (jieba's, in Chinese), and never
a word the change kinds turn (通常 → 总是 is a change; 通常 → 一般 is not). Where a sentence is
one cause or one contrast, it is told in the other order instead (由于C，E → E，是因为C), which
looks like the exam's 因果颠倒 and is the same claim. Raters saw through the synonyms in Chinese
("only swaps 往往 for 常常", rate80/82) and kept no 不正确 item on its own, so those are no longer
asked; in English four of five restated NOT-true items had two adequate distractors (rate85).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Chinese: word → the same said otherwise. Not 一般 → 通常 (一般水平), not 部分 → 一些 (这部分).
_ZH = {
    "通常": "一般", "往往": "常常", "常常": "往往", "许多": "很多", "很多": "许多", "大约": "约",
    "目前": "当前", "如今": "现在", "非常": "十分", "十分": "非常", "已经": "已", "能够": "能",
    "但是": "但", "因此": "所以", "所以": "因此", "并且": "而且", "而且": "并且", "逐渐": "渐渐",
    "迅速": "快速", "明显": "显著", "显著": "明显", "提高": "提升", "提升": "提高", "应该": "应当",
    "应当": "应该", "仍然": "依然", "依然": "仍然", "因为": "由于", "由于": "因为", "虽然": "尽管",
    "立即": "立刻", "立刻": "立即", "不足": "不到", "不到": "不足", "一些": "部分",
    "几乎": "差不多", "巨大": "极大", "重新": "再次", "相当": "颇为", "极其": "极为", "随后": "之后",
    "之后": "以后", "以后": "之后", "之前": "以前", "以前": "之前", "一直": "始终", "始终": "一直",
    "不断": "持续", "导致": "造成", "造成": "导致", "表明": "显示", "取得": "获得", "获得": "取得",
    "包括": "包含", "约": "大约", "现在": "如今", "具有": "具备", "采用": "采取", "依靠": "凭借",
}
_ZH_NOT_BEFORE = {"一些": "这那哪了有些好", "已经": "早", "明显": "很", "所以": "之", "之后": "此", "以后": "此",
                  "之前": "此", "以前": "此"}  # 这一些, 很明显 (obviously), 之所以
_ZH_NOT_AFTER = {"十分": "之钟", "非常": "之"}  # 十分之一 is a tenth
_ZH_NUMBER_AFTER = {"不足", "不到", "大约", "约"}  # 不足900颗 → 不到900颗; 存在不足 → 存在不到 is no Chinese
_ZH_NOUN_AFTER = {"一些"}  # 一些人 → 部分人

# English: (pattern, replacement); the pattern's word is whole and matched case-insensitively.
_EN = [
    (r"often", "frequently"), (r"usually", "normally"), (r"nearly", "almost"), (r"almost", "nearly"),
    (r"about(?= \d)", "around"), (r"around(?= \d)", "about"), (r"more than(?= \d)", "over"),
    (r"began", "started"), (r"quickly", "rapidly"), (r"rapidly", "quickly"), (r"famous", "well-known"),
    (r"whole", "entire"), (r"scientists", "researchers"), (r"researchers", "scientists"),
    (r"bought", "purchased"), (r"difficult", "hard"), (r"big", "large"), (r"large", "big"),
    (r"showed that", "indicated that"), (r"shows that", "indicates that"),
    (r"found(?= (?:a|an|the|that)\b)", "discovered"),
]
_EN_NOT_AFTER = re.compile(r"\b(?:by and|at|as a|on the)\s*$", re.I)  # by and large, at large, as a whole, on the whole


@dataclass(frozen=True)
class Rewording:
    text: str  # the statement in other words
    old: str  # the article's word (a reordering: the article's sentence)
    new: str  # the word that says the same (a reordering: empty)
    kind: str = "synonym"  # or "cause" (由于C，E → E，是因为C), "contrast" (不是A，而是B → 是B，而不是A)


@lru_cache(maxsize=8192)
def reworded(statement: str, english: bool, script: str | None = None) -> Rewording | None:
    """The statement said otherwise: in Chinese a cause or a contrast told in the other order
    where it has one (a careless reader takes it for the exam's 因果颠倒 or 偷换, and it is the
    same claim), else its first rewordable word for its synonym; or None."""
    if english:
        return _english(statement)
    return _reordered(statement, script) or _chinese(statement, script)


_NOT_BUT = re.compile(r"^([^，,。；;]{0,12}?)不是([^，,。；;、“”：:]{2,16})[，,]而是([^，,。；;、“”：:]{2,16})$")


def _reordered(statement: str, script: str | None) -> Rewording | None:
    """由于C，E → E，是因为C (and back); ……不是A，而是B → ……是B，而不是A: the same claim in the
    other order. Only a sentence that is the one cause and effect, or the one contrast, whole."""
    from .build import Slot
    from .reason import causal_pair

    text = statement.rstrip("。")
    found = _NOT_BUT.match(text)
    if found and text.count("不是") == 1:
        head, denied, asserted = found.groups()
        return Rewording(f"{head}是{asserted}，而不是{denied}", text, "", "contrast")
    pair = causal_pair(Slot(text, None, 0, 0, 0))
    if not pair or re.search(r"[；;]|才|就|这|它|其", pair.cause + pair.effect) or script == "Hant" or len(pair.effect) < 6:
        return None  # a Traditional article would need its own 是因为; 才/就 lean on their cause
    opens = re.match(r"(?:由于|因为)", text) and not re.search(r"所以|因此|因而", text)
    follows = re.search(r"[，,](?:因此|所以|因而)", text) and not re.match(r"(?:由于|因为)", text)
    if (opens or follows) and text.endswith(pair.effect):
        return Rewording(f"{pair.effect}，是因为{pair.cause}", text, "", "cause")
    return None


def _chinese(statement: str, script: str | None) -> Rewording | None:
    from ..terms import tag

    table = _table(script)
    words = tag([statement])[0]
    start = 0
    for index, (word, _flag) in enumerate(words):
        at = statement.find(word, start)
        start = at + len(word) if at >= 0 else start
        simple = table.get(word)
        if at < 0 or simple is None or statement.count(word) != 1:
            continue
        new, key = simple
        if statement[at - 1:at] and statement[at - 1] in _ZH_NOT_BEFORE.get(key, ""):
            continue
        after = statement[at + len(word):]
        if key in _ZH_NOUN_AFTER and not (index + 1 < len(words) and words[index + 1][1].startswith("n")):
            continue
        if after[:1] and after[0] in _ZH_NOT_AFTER.get(key, ""):
            continue
        if key in _ZH_NUMBER_AFTER and not re.match(r"[\d一二两三四五六七八九十百千万半]", after):
            continue
        if new in statement:
            continue  # 主要 → 最主要 beside another 最主要
        return Rewording(statement[:at] + new + statement[at + len(word):], word, new)
    return None


@lru_cache(maxsize=2)
def _table(script: str | None) -> dict[str, tuple[str, str]]:
    """The article's word → (its synonym, the Simplified key of the pair), in the article's script."""
    if script != "Hant":
        return {old: (new, old) for old, new in _ZH.items()}
    from ..frequency import traditional

    return {traditional(old): (traditional(new), old) for old, new in _ZH.items()}


def _english(statement: str) -> Rewording | None:
    for pattern, new in _EN:
        found = list(re.finditer(rf"\b{pattern}\b", statement, re.I))
        if len(found) != 1 or _EN_NOT_AFTER.search(statement[:found[0].start()]):
            continue
        old = found[0].group(0)
        said = new[:1].upper() + new[1:] if old[:1].isupper() else new
        if re.search(rf"\b{re.escape(new)}\b", statement, re.I):
            continue
        return Rewording(statement[:found[0].start()] + said + statement[found[0].end():], old, said)
    return None
