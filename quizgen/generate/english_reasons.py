"""What happened and why: cause and effect items for English passages.

English reading papers ask why a character did something, or what a finding led to. The
passage says so in one sentence ("He ordered the same meal in restaurants because he could
not read the menu"; "Because typing is fast, students tend to record a lecture word for
word"; "Water is recycled, so a farm uses less of it"). The item keeps the sentence and
blanks the reason (after *because*, *so that*, or opening *Because …,*) or the result (after
*, so*): the reader must know which of four things the passage gives as the reason.

The wrong options are other clauses of the same passage, each true of the passage but not
the reason here — a careless reader picks a fact he remembers, a careful one the one the
passage links to this event. They have the key's shape: a clause with a subject and a verb,
opening with the same pronoun where the key opens with one (he … for he …), of a similar
length, sharing few content words with the key, and never a clause of the stem.
"""

from __future__ import annotations

import re

from ..model import BLANK, Article, Question, Skill
from ..settings import GenerateSettings
from .build import Slot, choice, seeded

MAX_ITEMS = 2  # at most this many reason items per passage
_WORDS = (3, 14)  # a clause of this many words is an option; longer is a paragraph to compare
_BECAUSE = re.compile(r"(?<=\w) (?:because|so that) (?=[a-z])")
_OPENING = re.compile(r"^Because ([^,]+), ")
_SO = re.compile(r", so (?=(?:he|she|they|it|we|I|you|the|a|his|her|their|its|many|most|some)\b)")
_SUBJECT = re.compile(r"^(?:he|she|they|it|we|I|you|the|a|an|his|her|their|its|my|our|this|these|those|"
                      r"some|many|most|students|people|[A-Z][a-z]+)\b")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_SPLIT = re.compile(r", (?:and |but |so |while |because |when )?|; | because | but | and (?=(?:he|she|they|it|we|I)\b)")


def reason_questions(article: Article, slots: list[Slot], scores: dict[int, float],
                     settings: GenerateSettings, shown: set[str]) -> list[Question]:
    """Up to MAX_ITEMS cause-and-effect items, on the best-ranked sentences that give a reason."""
    pool = _clauses(slots)
    ranked = sorted((s for s in slots if s.order in scores), key=lambda s: (-scores[s.order], s.order))
    questions: list[Question] = []
    for slot in ranked:
        if len(questions) >= MAX_ITEMS:
            break
        found = _blank(slot.text)
        if not found or any(slot.text in note or note in slot.text for note in shown):
            continue
        stem, key = found
        wrong = _distractors(key, stem, slot.text, pool, seeded(settings.seed, "reason", slot.text))
        if wrong:
            questions.append(choice(slot, stem, key, wrong, Skill.DETAIL, "reason"))
    return questions


def _blank(sentence: str) -> tuple[str, str] | None:
    """(stem, key): the sentence with its reason (or result) blanked, or None."""
    end = re.search(r"[.!?][”’\"]?$", sentence)
    if not end or "“" in sentence or "\"" in sentence:
        return None  # a quotation's reasons are the speaker's
    body, mark = sentence[:end.start()], sentence[end.start():]
    opening = _OPENING.match(body)
    if opening:
        key = opening.group(1)
        stem = f"Because {BLANK}, {body[opening.end():]}{mark}"
    else:
        match = _BECAUSE.search(body) or _SO.search(body)
        if not match:
            return None
        key = body[match.end():]
        stem = f"{body[:match.end()]}{BLANK}{mark}"
    if not _WORDS[0] <= len(key.split()) <= _WORDS[1] or "," in key:
        return None
    return stem, key


def _clauses(slots: list[Slot]) -> dict[str, str]:
    """Every clause of the passage that could stand as an option → the sentence it is from."""
    pool: dict[str, str] = {}
    for slot in slots:
        body = re.sub(r"[.!?][”’\"]?$", "", slot.text)
        if "“" in body or "\"" in body:
            continue
        for part in _SPLIT.split(body):
            part = re.sub(r"^(?:Because|When|If|After|Before|Although|As|Since|Instead|However|Later|Today) ", "", part.strip())
            part = re.sub(r"^(?:that|then|so|and|but) ", "", part)
            if _WORDS[0] <= len(part.split()) <= _WORDS[1] and _SUBJECT.match(part) and _has_verb(part) \
                    and not re.search(r"[:;()]", part):
                pool.setdefault(_lower_first(part), slot.text)
    return pool


def _has_verb(clause: str) -> bool:
    from ..english_tags import kinds

    return any(k.startswith("verb") for k in kinds(clause.split()))


def _lower_first(clause: str) -> str:
    """A clause taken from a sentence's start, as it reads inside another: lower-cased unless it
    opens with a name or "I"."""
    from .. import lexicon
    from ..english import is_function_word

    first = clause.split(" ", 1)[0]
    if first != "I" and (is_function_word(first) or lexicon.known(first.lower())):
        return clause[:1].lower() + clause[1:]
    return clause


def _content(text: str) -> set[str]:
    from ..english import is_function_word

    return {w.lower() for w in re.findall(r"[A-Za-z]+", text) if len(w) > 2 and not is_function_word(w)}


def _distractors(key: str, stem: str, source: str, pool: dict[str, str], rng) -> list[str] | None:
    own = _content(key)
    first = key.split(" ", 1)[0].lower()
    stem_words = _content(stem)
    candidates = []
    for clause, origin in pool.items():
        if origin == source or clause.lower() == key.lower():
            continue
        words = _content(clause)
        if not words or len(words & own) > 0.4 * len(words) or words <= stem_words:
            continue  # the key again in other words, or a clause the stem already shows
        opens = clause.split(" ", 1)[0].lower()
        if (first in _PRONOUNS) != (opens in _PRONOUNS) or (first in _PRONOUNS and opens != first):
            continue  # "he …" for "he …": a different subject gives the key away
        if abs(len(clause.split()) - len(key.split())) > max(3, len(key.split()) // 2):
            continue  # an option much longer or shorter than the rest stands out
        candidates.append(clause)
    candidates.sort(key=lambda c: (abs(len(c.split()) - len(key.split())), c))
    if len(candidates) < 3:
        return None
    picked = rng.sample(candidates[:6], 3)
    return picked
