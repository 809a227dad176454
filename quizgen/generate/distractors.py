"""Wrong options a careless reader falls for, and a careful one rules out.

Each distractor is of the key's kind (a date for a date, an amount in the same unit, a person
for a person, a term for a term of the same word class), close to it in length, taken from the
article where the article has such things, and wrong according to the article:
- never a variant of the key (shared characters or word stem: 脚踝/踝关节, NASA/Nasa);
- never an everyday word, never a word already in the stem;
- never something the article also puts in that slot: a word the article writes right after
  the stem's words before the blank, or right before the words after it (以____为代表 and
  the article has 以区块链为代表), nor a word listed beside the key (大数据、区块链 are
  both right where one is asked);
- a number or date the article lacks is made by shifting the key (1998年 → 1995年), and
  never lands on one the article uses.
Where three such options do not exist, the question is asked as a cloze instead.
"""

from __future__ import annotations

import bisect
import random
import re

from ..frequency import EVERYDAY, zipf
from ..model import BLANK, Article, Language
from ..text import ends_sentence
from .spans import Span, SpanFinder

_NEAR = 12  # characters: two terms this close in a sentence are listed together


class DistractorFinder:
    def __init__(self, article: Article, finder: SpanFinder) -> None:
        self.finder, self.lang, self.code = finder, finder.lang, finder.code
        self.sentences, self.terms = article.sentences, article.terms
        self.text = "\n".join(self.sentences)
        self.lowered = self.text.lower()
        self._seen: dict[str, list[int]] = {}
        self.pool: dict[str, list[str]] = {}
        for sentence in self.sentences:
            if not ends_sentence(sentence):
                continue  # a quote table or a ticker line: its numbers are noise
            for span in finder.fact_spans(sentence):
                self._add(span.kind, span.text)
        years = [int(m) for m in re.findall(r"(?<!\d)((?:1[5-9]|20)\d{2})年", self.text)]
        self.latest = max([int(article.date[:4])] if article.date else years or [9999])
        for term in article.terms:
            if finder.term_worth(term) is not None or term.kind.split(":")[0] in {"name", "place", "org"}:
                self._add(term.kind, term.text)

    def _add(self, kind: str, text: str) -> None:
        options = self.pool.setdefault(kind, [])
        if text not in options:
            options.append(text)

    def find(self, key: Span, sentence: str, stem: str, rng: random.Random) -> list[str] | None:
        """Three distractors for the key blanked in the stem, or None."""
        if key.group == "list":
            return self._lists(key, sentence, rng)
        candidates = [c for c in self.pool.get(key.kind, []) if self._fits(c, key, sentence, stem)]
        if _in_list(sentence, key):
            category = _category(re.sub(r"^[^，,；;。等]{0,20}?(?=等)", "", sentence[key.end:]))
            candidates = [c for c in candidates if (c.endswith(category) if category else c[-1] == key.text[-1])]
        if key.kind == "date:year":
            candidates = [c for c in candidates if _year_fits(c, stem, self.latest)]
        if key.group in {"date", "number"} and len(candidates) < 3:
            shifted = [c for c in _shifted(key.text) if c not in candidates and c not in self.text]
            candidates += [c for c in shifted if key.kind != "date:year" or _year_fits(c, stem, self.latest)]
        if key.group in {"place", "org"} and self.lang.language is Language.ZH:
            candidates = [c for c in candidates if c[-1] == key.text[-1] and len(c) >= 2]  # 东沙岛 → another 岛, not 回港, 海滩 (rate74)
        if key.group == "noun" and self.lang.language is Language.ZH:
            candidates = [c for c in candidates if c[-1] == key.text[-1]]  # 物流商 → 供应商, 服务商: the
            # head character names the kind of thing; without three such, the key is asked as a cloze
        candidates.sort(key=lambda c: (c[-1] != key.text[-1], abs(len(c) - len(key.text)), c))
        picked: list[str] = []
        for option in rng.sample(candidates[:6], min(6, len(candidates))):
            if all(not self._variant(option, p) for p in picked):
                picked.append(option)
            if len(picked) == 3:
                return picked
        return None

    def _lists(self, key: Span, sentence: str, rng: random.Random) -> list[str] | None:
        """The list with one item swapped for a thing of the same kind that the article does not
        list there: a careless reader takes it for the article's list. The kind is what the
        sentence calls the items (大数据、智能科技、区块链等技术 → another 技术 of the
        article, such as 互联网技术), else the replaced item's head character."""
        items = re.split(r"(、|和|及|与)", key.text)
        words = items[::2]
        category = _category(sentence[key.end:])
        outside = sentence[:key.start] + BLANK + sentence[key.end:]  # the sentence may name a rival (……依赖互联网技术)
        pool = [t.text for t in self.terms if t.kind == "noun" and t.text not in key.text and len(t.text) >= 2
                and (category or t.text not in outside)
                and zipf(t.text, self.code) < EVERYDAY and all(not self._variant(t.text, w) for w in words)]
        options: list[str] = []
        used: set[str] = set()
        for position in rng.sample(range(len(words)), len(words)):
            word = words[position]
            fitting = [t for t in pool if t not in used and abs(len(t) - len(word)) <= 2
                       and (t.endswith(category) if category else t[-1] == word[-1])]
            if not fitting:
                continue
            swap = rng.choice(sorted(fitting))
            used.add(swap)
            swapped = list(items)
            swapped[position * 2] = swap
            options.append("".join(swapped))
            if len(options) == 3:
                return options
        return None

    def _fits(self, option: str, key: Span, sentence: str, stem: str) -> bool:
        lang = self.lang
        if option == key.text or self._variant(option, key.text) or lang.contains(stem, option):
            return False
        if key.group not in {"date", "number"}:
            if not lang.similar_length(option, key.text) or zipf(option, self.code) >= EVERYDAY:
                return False
        if option in sentence or self._listed_with(option, key.text):
            return False
        return not self._also_fits(option, stem)

    def _variant(self, a: str, b: str) -> bool:
        if a.lower() == b.lower() or a in b or b in a:
            return True
        if re.fullmatch(r"[\d.,]+\D*", a) and re.fullmatch(r"[\d.,]+\D*", b):
            return False  # 1998年 and 1995年 share digits and are still different years
        return self.lang.near_synonym(a, b)

    def _listed_with(self, option: str, key: str) -> bool:
        """The article names the option right beside the key somewhere (A、B / A和B)."""
        reach = _NEAR + len(option) + len(key)
        keys = self._positions(key)  # sorted: for each use of the option, the nearest uses of the key
        for at in self._positions(option):
            i = bisect.bisect_left(keys, at - reach)
            if i < len(keys) and keys[i] <= at + reach:
                return True
        return False

    def _positions(self, word: str) -> list[int]:
        if word not in self._seen:
            self._seen[word] = [m.start() for m in re.finditer(re.escape(word), self.text)]
        return self._seen[word]

    def _also_fits(self, option: str, stem: str) -> bool:
        """The article writes the option where the stem has its blank: with the same two
        characters (or word) before it, or after it."""
        before, _, after = stem.partition(BLANK)
        if self.lang.language is Language.ZH:
            left, right = before.rstrip()[-2:], after.lstrip()[:2]
        else:
            left = " ".join(before.split()[-1:])
            right = " ".join(after.split()[:1])
        checks = []
        if len(left.strip()) >= 2:
            checks.append(left + option if self.lang.language is Language.ZH else f"{left} {option}")
        if len(right.strip()) >= 2:
            checks.append(option + right if self.lang.language is Language.ZH else f"{option} {right}")
        return any(c.lower() in self.lowered for c in checks)


def _in_list(sentence: str, key: Span) -> bool:
    """The key is an item of a list (A、B、C): its rivals must be things of the list's kind."""
    return sentence[key.start - 1:key.start] == "、" or sentence[key.end:key.end + 1] in {"、", "和", "及", "与"}


def _category(after: str) -> str:
    """What a list calls its items: the noun after 等 (……区块链等技术 → 技术)."""
    match = re.match(r"(?:等等|等)([\u4e00-\u9fff]{2})", after)
    return match.group(1) if match else ""


def _year_fits(option: str, stem: str, latest: int) -> bool:
    """A year that could be the answer: not after the article's own date, and after a year the
    stem names just before the blank as a start (2016年至____)."""
    match = re.match(r"(\d{4})年", option)
    if not match:
        return True
    year = int(match.group(1))
    start = re.search(r"(\d{4})年?(?:至|到|—|-|～)\s*" + re.escape(BLANK), stem)
    return year <= latest and (not start or year > int(start.group(1)))


def _shifted(text: str) -> list[str]:
    """Numbers near the key's, same unit and shape: 1998年 → 1995年, 2001年…; 3.5公里 → 4.5公里…"""
    match = re.match(r"^(\D*?)(\d+(?:\.\d+)?)(.*)$", text)
    if not match:
        return []
    prefix, digits, unit = match.groups()
    if "." in digits:
        value, places = float(digits), len(digits.split(".")[1])
        steps = [value * f for f in (0.5, 0.75, 1.5, 2.0)]
        return [f"{prefix}{v:.{places}f}{unit}" for v in steps if v > 0]
    value = int(digits)
    if unit.startswith("年") and 1000 <= value <= 2100:
        deltas = (-3, 2, -6, 5, -1, 4)
    elif unit.startswith(("世纪", "年代")):
        deltas = (-1, 1, -2, 2)  # the 18th century, not the 63rd
    elif value < 10:
        deltas = tuple(d for d in (1, 2, -1, 3, -2, 4) if value + d > 0)
    elif unit.startswith(("岁", "歲")):
        deltas = (-7, 5, 9, -4, 12)  # 53岁 → 46岁, 58岁: an age a reader could believe, not 106岁 (rate65)
    else:
        deltas = tuple(round(value * f) - value for f in (0.5, 1.5, 2, 0.8, 3))
    return [f"{prefix}{value + d}{unit}" for d in deltas if value + d > 0 and value + d != value]
