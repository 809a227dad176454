"""Stage 7, render: a quiz (the quiz-file dict) → the files a user gets.

- `<stem>.quiz.json`: the editable quiz file;
- `<stem>.worksheet.html` and `<stem>.answers.html`: one page design rendered twice from
  `templates/worksheet.html.j2`, without and with the answers;
- `<stem>.apkg`: the Anki deck (see `anki.py`).

Every file is written to a temporary name in the output folder and renamed into place, so an
error or Ctrl-C never leaves a half-written output.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from enum import Enum
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import QuizgenError
from .languages import wording as language_wording
from .model import BLANK, CLOZE
from .settings import RenderSettings
from .text import cjk_count

LETTERS = "ABCD"


class Format(str, Enum):
    APKG = "apkg"
    HTML = "html"
    JSON = "json"


def render(quiz: dict, out_dir: Path, stem: str, formats: list[Format], *,
           settings: RenderSettings | None = None) -> list[Path]:
    """Write the chosen outputs of one quiz into out_dir; return their paths."""
    settings = settings or RenderSettings()
    out_dir = prepare_out_dir(out_dir)
    writers: dict[str, Callable[[Path], None]] = {}
    if Format.APKG in formats:
        from .anki import write_apkg

        writers[f"{stem}.apkg"] = lambda path: write_apkg(quiz, path, deck_name=settings.deck_name)
    if Format.HTML in formats:
        writers[f"{stem}.worksheet.html"] = _text_writer(worksheet_html(quiz, answers=False, settings=settings))
        if settings.key:
            writers[f"{stem}.answers.html"] = _text_writer(worksheet_html(quiz, answers=True, settings=settings))
    if Format.JSON in formats:
        writers[f"{stem}.quiz.json"] = _text_writer(quiz_json(quiz))
    written = []
    for name, write in writers.items():
        target = out_dir / name
        atomic_write(target, write)
        written.append(target)
    return written


def quiz_json(quiz: dict) -> str:
    return json.dumps(quiz, ensure_ascii=False, indent=2) + "\n"


def prepare_out_dir(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise QuizgenError(f"{out_dir}: the output folder is a file")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise QuizgenError(f"{out_dir}: cannot create the output folder ({err.strerror or err})") from None
    if not os.access(out_dir, os.W_OK):
        raise QuizgenError(f"{out_dir}: the output folder is not writable")
    return out_dir


def atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    """Let `write` fill a temporary file beside the target, then rename it into place."""
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as err:
        raise QuizgenError(f"{target}: cannot write ({err.strerror or err})") from None
    finally:
        if temp.exists():
            temp.unlink()


def _text_writer(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


# --- worksheet ----------------------------------------------------------------------------

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
    return Path(__file__).resolve().parent.parent / "templates"


POINTS = {"cloze": 2, "choice": 3, "argument": 4}  # per blank / per question


def worksheet_parts(quiz: dict) -> list[dict]:
    """Questions grouped into the worksheet's parts, numbered through, with point values."""
    wording = language_wording(quiz["article"].get("language", "zh"), quiz["article"].get("script"))
    numerals = wording["numerals"].split()
    groups: dict[str, list[dict]] = {"cloze": [], "choice": [], "argument": []}
    for question in quiz["questions"]:
        if question["type"] == "cloze":
            groups["cloze"].append(question)
        elif question["skill"] in {"structure", "thesis", "statement"}:
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
        units = sum(len(q["answers"]) for q in questions) if kind == "cloze" else len(questions)
        parts.append({"kind": kind, "numeral": numerals[len(parts)], "title": wording[f"part_{kind}"],
                      "each": POINTS[kind], "total": POINTS[kind] * units, "items": items,
                      "per": wording["per_blank" if kind == "cloze" else "per_question"]})
    return parts


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


def _ems(text: str) -> float:
    """Printed width in em: a Chinese character is about 1 em wide, a Latin letter about 0.55."""
    wide = cjk_count(text)
    return wide + (len(text) - wide) * 0.55


def _blank_width(answer: str) -> float:
    return round(max(4.0, _ems(answer) * 1.15 + 1.5), 1)


def option_columns(options: list[str]) -> int:
    longest = max(_ems(o) for o in options)
    return 4 if longest <= 7 else 2 if longest <= 16 else 1


def worksheet_html(quiz: dict, *, answers: bool, settings: RenderSettings | None = None) -> str:
    settings = settings or RenderSettings()
    article = quiz["article"]
    parts = worksheet_parts(quiz)
    sections = {s["id"]: s for s in article["sections"]}
    wording = language_wording(article.get("language", "zh"), article.get("script"))
    template = environment().get_template("worksheet.html.j2")
    return template.render(
        quiz=quiz, article=article, parts=parts, answers=answers, sections=sections, w=wording,
        title=settings.title or article.get("title") or wording["default_title"],
        paper=settings.paper, letters=LETTERS, option_columns=option_columns,
        count=sum(len(p["items"]) for p in parts), total=sum(p["total"] for p in parts),
        cloze_display=cloze_display)


def cloze_display(text: str) -> str:
    """A cloze text with its deletions filled in, as plain text."""
    return CLOZE.sub(lambda m: m.group(2), text)

