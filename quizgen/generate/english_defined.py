"""The term an English passage defines, blanked where it is named: tiny bags of colour called ____.

A passage's one blank was an everyday noun of a top sentence more often than not (keyboards,
setbacks, tyres, eyesight: raters kept 2 of 17, rate78-93), while the blanks they kept were terms
the passage names (chromatophores, papillae). Naming is how an expository passage teaches a word,
and the description before the name pins the blank down for a reader of the passage. A person, a
pet or a product (a pigeon called Cher Ami, a robot called Stickybot) is a name, not a term; "was
called a troublemaker" is what someone said.
"""

from __future__ import annotations

import re

from ..model import Article, Question, Skill
from .build import Slot, cloze

_WORD = r"[a-z][a-z-]*[a-z]"
_TERM = rf"[“\"]?(?P<term>{_WORD}(?: {_WORD}){{0,2}})[”\"]?"
_DEFINING = re.compile(rf"(?:\b(?P<before>[a-z]{{3,}}) called|, called|\bis called|\bare called|\bknown as|\bhence the term|\bthe term)"
                       rf" (?:an? |the )?{_TERM}(?=[,.;:!?)]|$| \(| which\b| whose\b| in which\b| that\b| after\b)")
_NOT_NAMED = {"and", "but", "was", "were", "been", "being", "who", "also", "often", "later", "then", "she", "they", "them",
              "him", "her", "had", "has", "have", "not", "once", "sometimes", "still", "usually", "commonly", "generally",
              "has", "what", "had", "never", "openly"}  # "and called a troublemaker": someone's words, not a name
_NOT_TERMS = {"it", "them", "this", "that", "these", "those", "one", "ones", "thing", "things"}
MAX_ZIPF = 4.0  # the rarest word of the term: chromatophores 1.x, cryptobiosis 1.x; premium 4.3, face 5.6 are everyday
HEAD_ZIPF = 4.5  # … or of its head, for a phrase of common words (path integration: integration 4.3)
MIN_WORDS = 7  # words of the sentence besides the term: a description to fill it from


def defined_term_blank(article: Article, slots: list[Slot], scores: dict[int, float], lang,
                       hint: bool = True) -> Question | None:
    """The best-ranked sentence that names a term, with the term blanked, or None."""
    found = [(slot, term) for slot in slots if slot.order in scores
             for term in [defined_term(slot.text, article.title or "")] if term]
    if not found:
        return None
    slot, term = max(found, key=lambda pair: (scores[pair[0].order], -pair[0].order))
    shown = "{{c1::%s%s}}" % (term, "::" + lang.hint(term) if hint else "")
    text = re.sub(rf"\b{re.escape(term)}\b", lambda _: shown, slot.text, count=1)
    return cloze(slot, text, [term], Skill.TERM)


def defined_term(sentence: str, title: str = "") -> str | None:
    """The term the sentence names (a process called chemosynthesis → chemosynthesis), if one to ask."""
    from ..frequency import zipf

    match = _DEFINING.search(sentence)
    if not match or match.group("before") in _NOT_NAMED:
        return None
    term = match.group("term")
    words = term.split()
    if (words[0] in _NOT_TERMS or (min(zipf(w, "en") for w in words) >= MAX_ZIPF and zipf(words[-1], "en") >= HEAD_ZIPF)
            or len(re.findall(rf"\b{re.escape(term)}\b", sentence, re.I)) != 1
            or any(w.lower() in title.lower() for w in words if len(w) > 3)
            or len(sentence.split()) - len(words) < MIN_WORDS or _given_away(term, sentence)):
        return None
    return term


def _given_away(term: str, sentence: str) -> bool:
    """A word of the term elsewhere in the sentence (known as the “ten-minute rule”, suggests ten
    minutes a night): the blank is filled from it."""
    rest = re.sub(rf"\b{re.escape(term)}\b", " ", sentence, count=1).lower()
    return any(re.search(rf"\b{re.escape(part[:5])}", rest) for part in re.split(r"[ -]", term) if len(part) >= 4)
