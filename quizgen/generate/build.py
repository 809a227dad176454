"""Question values from their parts: ids from content, seeded draws, cloze and choice builders.

Randomness comes from a generator seeded with the user's seed and the question's own content, so
one question's draws never depend on another's, and ids derive from content alone.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from ..model import Question, QuestionType, Section, Skill


@dataclass(frozen=True)
class Slot:
    """A sentence of the article with where it stands."""

    text: str
    section: Section
    order: int  # index of the sentence in the article
    paragraph: int  # index of its paragraph in the section
    position: int  # index of the sentence in its paragraph


def question_id(kind: str, source: str, answers: list[str]) -> str:
    """Derived from content only: the same question gets the same id in every run and seed."""
    digest = hashlib.sha1("\x1f".join([kind, source, *answers]).encode("utf-8")).hexdigest()
    return f"q{digest[:10]}"


def seeded(seed: int, *key: str) -> random.Random:
    return random.Random(hashlib.sha1("\x1f".join([str(seed), *key]).encode("utf-8")).hexdigest())


def cloze(slot: Slot, text: str, answers: list[str], skill: Skill) -> Question:
    return Question(id=question_id("cloze", slot.text, answers), type=QuestionType.CLOZE,
                    skill=skill, section=slot.section.id, source=slot.text, text=text,
                    answers=answers, order=slot.order)


def choice(slot: Slot, stem: str, correct: str, wrong: list[str], skill: Skill,
           variant: str, order: int | None = None, section: str | None = None) -> Question:
    return Question(id=question_id("choice", slot.text, [correct, variant]), type=QuestionType.CHOICE,
                    skill=skill, section=section or slot.section.id, source=slot.text, stem=stem,
                    options=[correct] + wrong, correct=0, order=slot.order if order is None else order)


def in_script(wording: dict[str, str], script: str | None) -> dict[str, str]:
    """A module's Chinese wording in the article's script: a Traditional article's stems and
    explanations in Traditional (OpenCC's s2t over the templates, never over the article's words)."""
    if script != "Hant":
        return wording
    from ..frequency import traditional

    return {key: traditional(text) for key, text in wording.items()}
