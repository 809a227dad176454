"""`<stem>.gift.txt`: the quiz in GIFT, the plain-text question format Moodle and many other
systems import (https://docs.moodle.org/en/GIFT_format).

A choice question is a multiple-choice item (`=key ~distractor …`, each option's explanation as
its `#feedback`); a cloze question's blank becomes an embedded short answer (`text {=answer}
text`). GIFT has one answer set per question, so a cloze text with several answers gives one
item per answer (c-number), its other blanks shown as lines. Every item's general feedback (`####`) quotes
the source sentence. Text is written in the [html] format, HTML-escaped, with GIFT's special
characters ~ = # { } : and the backslash escaped.
"""

from __future__ import annotations

import html
import re

from ..languages import wording as language_wording
from ..model import BLANK
from ..settings import RenderSettings
from .files import Writer, text_writer
from .layout import Blank, blank_numbers, cloze_pieces, deck_path, question_name

_SPECIAL = re.compile(r"([~=#{}:\\])")
LINE = "＿＿＿＿"


def escape(text: str) -> str:
    """Article text as GIFT [html] text: HTML-escaped, on one line, GIFT's specials escaped."""
    flat = " ".join((text or "").split())
    return _SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def outputs(quiz: dict, stem: str, settings: RenderSettings) -> dict[str, Writer]:
    return {f"{stem}.gift.txt": text_writer(lambda: quiz_gift(quiz, deck_name=settings.deck_name))}


def quiz_gift(quiz: dict, *, deck_name: str | None = None) -> str:
    article = quiz["article"]
    wording = language_wording(article.get("language", "zh"), article.get("script"))
    category = "/".join(level.replace("/", "//") for level in deck_path(quiz, deck_name))
    blocks = [f"// {quiz['generator'].get('name', 'quizgen')} {quiz['generator'].get('version', '')}: "
              f"{' '.join((article.get('title') or '').split())}",
              f"$CATEGORY: $course$/top/{category}"]
    for number, question in enumerate(quiz["questions"], 1):
        feedback = escape(wording["card_source"] + question["source"])
        if question["type"] == "choice":
            blocks.append(_choice(question_name(number, question), question, feedback))
        else:
            blocks.extend(_cloze(question_name(number, question), question, feedback, wording))
    return "\n\n".join(blocks) + "\n"


def _choice(name: str, question: dict, feedback: str) -> str:
    explanations = question.get("explanations") or [None] * len(question["options"])
    lines = [f"::{escape(name)}::[html]{escape(question['stem'].replace(BLANK, LINE))} {{"]
    for index, (option, why) in enumerate(zip(question["options"], explanations)):
        mark = "=" if index == question["correct"] else "~"
        lines.append(f"{mark}{escape(option)}" + (f" #{escape(why)}" if why else ""))
    lines.append(f"####{feedback}")
    lines.append("}")
    return "\n".join(lines)


def _cloze(name: str, question: dict, feedback: str, wording: dict) -> list[str]:
    """One item per c-number: its first blank the embedded answer, every other blank a line."""
    pieces = cloze_pieces(question["text"])
    numbers = blank_numbers(pieces)
    items = []
    for count, number in enumerate(numbers, 1):
        text, asked = [], False
        for piece in pieces:
            if not isinstance(piece, Blank):
                text.append(escape(piece))
                continue
            if piece.number == number and not asked:
                text.append(f"{{={escape(piece.answer)} ####{feedback}}}")
                asked = True
            else:
                text.append(LINE)
            if piece.hint:
                text.append(escape(wording["paren"].format(piece.hint)))
        suffix = f"-{count}" if len(numbers) > 1 else ""
        # GIFT wants question text between a format mark and the answers: a text that opens
        # with its blank goes without [html] (Moodle's auto-format shows the same escaped text)
        mark = "" if text[0].startswith("{=") else "[html]"
        items.append(f"::{escape(name + suffix)}::{mark}" + "".join(text))
    return items
