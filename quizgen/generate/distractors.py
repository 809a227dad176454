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

import random
import re

from ..frequency import EVERYDAY, zipf
from ..model import BLANK, Article, Language
from .spans import Span, SpanFinder

_NEAR = 12  # characters: two terms this close in a sentence are listed together


class DistractorFinder:
    def __init__(self, article: Article, finder: SpanFinder) -> None:
        self.finder, self.lang, self.code = finder, finder.lang, finder.code
        self.sentences = article.sentences
        self.text = "\n".join(self.sentences)
        self.pool: dict[str, list[str]] = {}
        for sentence in self.sentences:
            for span in finder.fact_spans(sentence):
                self._add(span.kind, span.text)
        for term in article.terms:
            if finder.term_worth(term) is not None or term.kind.split(":")[0] in {"name", "place", "org"}:
                self._add(term.kind, term.text)

    def _add(self, kind: str, text: str) -> None:
        options = self.pool.setdefault(kind, [])
        if text not in options:
            options.append(text)

    def find(self, key: Span, sentence: str, stem: str, rng: random.Random) -> list[str] | None:
        """Three distractors for the key blanked in the stem, or None."""
        if key.group in {"list", "idiom"}:
            return None  # a list is recalled whole; an idiom's slot takes few others
        candidates = [c for c in self.pool.get(key.kind, []) if self._fits(c, key, sentence, stem)]
        if key.group in {"date", "number"} and len(candidates) < 3:
            candidates += [c for c in _shifted(key.text) if c not in candidates and c not in self.text]
        candidates.sort(key=lambda c: (abs(len(c) - len(key.text)), c))
        picked: list[str] = []
        for option in rng.sample(candidates[:6], min(6, len(candidates))):
            if all(not self._variant(option, p) for p in picked):
                picked.append(option)
            if len(picked) == 3:
                return picked
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
        for sentence in self.sentences:
            a, b = sentence.find(option), sentence.find(key)
            if a >= 0 and b >= 0 and abs(a - b) <= _NEAR + len(option) + len(key):
                return True
        return False

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
        return any(c.lower() in self.text.lower() for c in checks)


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
    elif value < 10:
        deltas = tuple(d for d in (1, 2, -1, 3, -2, 4) if value + d > 0)
    else:
        deltas = tuple(round(value * f) - value for f in (0.5, 1.5, 2, 0.8, 3))
    return [f"{prefix}{value + d}{unit}" for d in deltas if value + d > 0 and value + d != value]
