"""Exam forms A, B, … of one quiz: the same questions, each part's questions and each choice
question's options in another order per form, so that neighbours cannot copy. The order
comes from the quiz's seed and the form letter only: the same quiz file gives the same forms."""

from __future__ import annotations

import copy
import random

FORM_LETTERS = "ABCD"


def form_outputs(quiz: dict, stem: str, forms: int, key: bool, extension: str, make) -> dict:
    """Output name → writer of a worksheet format: the student copy and (with `key`) the
    teacher copy of each form, `make(form_quiz, answers, form)` giving each writer."""
    writers = {}
    for form, form_quiz in form_quizzes(quiz, forms):
        base = f"{stem}.form-{form}" if form else stem
        writers[f"{base}.worksheet.{extension}"] = make(form_quiz, False, form)
        if key:
            writers[f"{base}.answers.{extension}"] = make(form_quiz, True, form)
    return writers


def form_quizzes(quiz: dict, count: int) -> list[tuple[str | None, dict]]:
    """(letter, quiz in that form's order) for each form; [(None, quiz)] for a single form."""
    if count <= 1:
        return [(None, quiz)]
    seed = quiz.get("generator", {}).get("seed", 0)
    forms, seen = [], {_order(quiz)}  # no form repeats the quiz file's own order where avoidable
    for letter in FORM_LETTERS[:count]:
        for attempt in range(24):
            shuffled = shuffle_quiz(quiz, random.Random(f"quizgen-form:{seed}:{letter}:{attempt}"))
            if _order(shuffled) not in seen:
                break
        seen.add(_order(shuffled))
        forms.append((letter, shuffled))
    return forms


def shuffle_quiz(quiz: dict, rng: random.Random) -> dict:
    """A copy with the questions and every choice question's options (with their explanations
    and the key) in a new order. The worksheet groups questions into parts by kind, keeping
    their relative order, so shuffling the whole list shuffles within each part."""
    shuffled = copy.deepcopy(quiz)
    questions = shuffled["questions"]
    rng.shuffle(questions)
    for question in questions:
        if question["type"] == "choice":
            _shuffle_options(question, rng)
    return shuffled


def _shuffle_options(question: dict, rng: random.Random) -> None:
    order = list(range(len(question["options"])))
    rng.shuffle(order)
    question["options"] = [question["options"][i] for i in order]
    if question.get("explanations"):
        question["explanations"] = [question["explanations"][i] for i in order]
    question["correct"] = order.index(question["correct"])


def _order(quiz: dict) -> tuple:
    return tuple((q["id"], tuple(q.get("options") or ())) for q in quiz["questions"])
