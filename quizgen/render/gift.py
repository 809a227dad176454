"""`<stem>.gift.txt`: the quiz in GIFT, the plain-text question format Moodle and many other
systems import (https://docs.moodle.org/en/GIFT_format).

A choice question is a multiple-choice item (`=key ~distractor …`, each option's explanation as
its `#feedback`); a cloze question's blank becomes an embedded short answer (`text {=answer}
text`). GIFT has one answer set per question, so a cloze text with several blanks gives one
item per blank, the other blanks shown as lines. Every item's general feedback (`####`) quotes
the source sentence. Text is written in the [html] format, HTML-escaped, with GIFT's special
characters ~ = # { } : and the backslash escaped.
"""

from __future__ import annotations

import html
import re

from ..languages import profile
from ..model import BLANK
from ..settings import RenderSettings
from .files import Writer, text_writer
from .layout import cloze_pieces, deck_path, question_name

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
    wording = profile(article.get("language", "zh")).wording
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
    pieces = cloze_pieces(question["text"])
    blanks = [i for i, piece in enumerate(pieces) if isinstance(piece, tuple)]
    items = []
    for count, asked in enumerate(blanks, 1):
        text = []
        for i, piece in enumerate(pieces):
            if i == asked:
                answer, hint = piece
                text.append(f"{{={escape(answer)} ####{feedback}}}")
                if hint:
                    text.append(escape(wording["paren"].format(hint)))
            elif isinstance(piece, tuple):
                text.append(LINE)
            else:
                text.append(escape(piece))
        suffix = f"-{count}" if len(blanks) > 1 else ""
        items.append(f"::{escape(name + suffix)}::[html]" + "".join(text))
    return items
