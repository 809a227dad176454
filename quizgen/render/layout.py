"""What every printed format shares: the packaged templates, the worksheet's parts and point
values, blank widths, option columns. The HTML worksheet, the Word worksheet, the self-check
page and the Anki cards all lay a quiz out from here."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from importlib import resources
from pathlib import Path

from ..languages import wording as language_wording
from ..model import BLANK, CLOZE
from ..text import cjk_count

LETTERS = "ABCD"


@lru_cache(maxsize=1)
def environment():
    """One jinja2 environment over the packaged templates, autoescaping on."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(loader=FileSystemLoader(str(templates_dir())), undefined=StrictUndefined,
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


def templates_dir() -> Path:
    """`quizgen/templates` in an installed wheel; the repository's `templates/` otherwise."""
    packaged = Path(str(resources.files("quizgen").joinpath("templates")))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


POINTS = {"cloze": 2, "choice": 3, "argument": 4}  # per blank / per question


def worksheet_parts(quiz: dict) -> list[dict]:
    """Questions grouped into the worksheet's parts, numbered through, with point values."""
    wording = language_wording(quiz["article"].get("language", "zh"), quiz["article"].get("script"))
    numerals = wording["numerals"].split()
    groups: dict[str, list[dict]] = {"cloze": [], "choice": [], "argument": []}
    for question in quiz["questions"]:
        if question["type"] == "cloze":
            groups["cloze"].append(question)
        elif question["skill"] in {"structure", "thesis", "statement", "reason"}:
            groups["argument"].append(question)
        else:
            groups["choice"].append(question)
    parts, number = [], 0
    for kind, questions in groups.items():
        if not questions:
            continue
        items = []
        for question in questions:
            number += 1
            items.append({"number": number, "q": question, "html": _question_parts(question)})
        # a cloze part is marked per blank: every deletion, one blanked twice counting twice
        units = sum(len(CLOZE.findall(q["text"])) for q in questions) if kind == "cloze" else len(questions)
        parts.append({"kind": kind, "numeral": numerals[len(parts)], "title": wording[f"part_{kind}"],
                      "each": POINTS[kind], "total": POINTS[kind] * units, "items": items,
                      "per": wording["per_blank" if kind == "cloze" else "per_question"]})
    return parts


def instructions(wording: dict[str, str], parts: list[dict], title: str) -> str:
    """The worksheet's instructions: how many questions and points, and how to answer the kinds
    it has (a quiz of choice items says nothing of blanks)."""
    count, total = sum(len(p["items"]) for p in parts), sum(p["total"] for p in parts)
    kinds = {p["kind"] for p in parts}
    text = wording["instructions"].format(count=count, total=total, title=title,
                                          questions=wording["question_one" if count == 1 else "question_many"])
    if "cloze" in kinds:
        text += wording["how_cloze"]
    if kinds - {"cloze"}:
        text += wording["how_choice"]
    return text


def _question_parts(question: dict) -> list[dict]:
    """The question text as segments: plain text and blanks (with the answer and its width)."""
    if question["type"] == "cloze":
        segments, last = [], 0
        for match in CLOZE.finditer(question["text"]):
            segments.append({"text": question["text"][last:match.start()]})
            segments.append({"blank": match.group(2), "width": _blank_width(match.group(2))})
            last = match.end()
        segments.append({"text": question["text"][last:]})
        return segments
    answer = question["options"][question["correct"]]
    pieces = question["stem"].split(BLANK)
    segments = []
    for i, piece in enumerate(pieces):
        segments.append({"text": piece})
        if i < len(pieces) - 1:
            segments.append({"blank": answer, "width": _blank_width(answer)})
    return segments


def printed_ems(text: str) -> float:
    """Printed width in em: a Chinese character is about 1 em wide, a Latin letter about 0.55."""
    wide = cjk_count(text)
    return wide + (len(text) - wide) * 0.55


def _blank_width(answer: str) -> float:
    return round(max(4.0, printed_ems(answer) * 1.15 + 1.5), 1)


def option_columns(options: list[str]) -> int:
    longest = max(printed_ems(o) for o in options)
    return 4 if longest <= 7 else 2 if longest <= 16 else 1


def cloze_display(text: str) -> str:
    """A cloze text with its deletions filled in, as plain text."""
    return CLOZE.sub(lambda m: m.group(2), text)



def deck_path(quiz: dict, deck_name: str | None) -> list[str]:
    """The deck (Anki) or question-bank category (Moodle, GIFT) as a path: the --deck name or
    the article's title, '::' separating levels as in Anki."""
    name = deck_name or quiz["article"].get("title") or "quizgen"
    levels = [" ".join(level.split()) for level in name.split("::")]  # one line each (GIFT's $CATEGORY)
    return [level for level in levels if level] or ["quizgen"]


class Blank(NamedTuple):
    """One deletion of a cloze text. Deletions sharing a c-number ask the same answer (Anki
    blanks them on one card); the quiz file's `answers` has one entry per c-number."""

    answer: str
    hint: str | None
    number: int


def cloze_pieces(text: str) -> list[str | Blank]:
    """A cloze text as plain strings and blanks, in order."""
    pieces: list[str | Blank] = []
    last = 0
    for match in CLOZE.finditer(text):
        pieces.append(text[last:match.start()])
        pieces.append(Blank(match.group(2), match.group(3), int(match.group(1))))
        last = match.end()
    pieces.append(text[last:])
    return [p for p in pieces if p != ""]


def blank_numbers(pieces: list[str | Blank]) -> list[int]:
    """The distinct c-numbers of a cloze text's blanks, in the order of the quiz file's answers."""
    return sorted({p.number for p in pieces if isinstance(p, Blank)})


def question_name(number: int, question: dict) -> str:
    """A question's name in a question bank: its number in the quiz and its stable id."""
    return f"{number:02d} {question['id']}"


_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value):
    """A quiz (or any JSON value) with the characters XML 1.0 cannot hold (control characters,
    lone surrogates) removed from every string: a quiz file may carry them (a teacher's paste,
    a page's stray form feed) and the XML formats (Moodle, Word) would be broken by them."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list):
        return [xml_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: xml_safe(v) for k, v in value.items()}
    return value
