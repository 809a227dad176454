"""Stage 7, render: a quiz (the quiz-file dict) → the files a user gets, one module per format.

| format      | module         | files                                                        |
|-------------|----------------|--------------------------------------------------------------|
| `json`      | quizfile.py    | `<stem>.quiz.json`, the editable quiz file                    |
| `html`      | worksheet.py   | `<stem>.worksheet.html`, `<stem>.answers.html`                |
| `apkg`      | anki.py        | `<stem>.apkg`                                                 |
| `moodle`    | moodle.py      | `<stem>.moodle.xml` (Moodle XML, Moodle 4.x)                  |
| `gift`      | gift.py        | `<stem>.gift.txt`                                             |
| `docx`      | word.py        | `<stem>.worksheet.docx`, `<stem>.answers.docx`                |
| `selfcheck` | selfcheck.py   | `<stem>.selfcheck.html`, one offline page that scores itself  |

Every format is fed by the same quiz dict, so `quizgen render` re-renders any of them after a
teacher edits the quiz file. Every file is written through `files.atomic_write`: an error or
Ctrl-C never leaves a half-written output.
"""

from __future__ import annotations

from enum import Enum
from importlib import import_module
from pathlib import Path

from ..settings import RenderSettings
from .files import Writer, atomic_write, prepare_out_dir

__all__ = ["Format", "render", "atomic_write", "prepare_out_dir", "DEFAULT_FORMATS"]


class Format(str, Enum):
    APKG = "apkg"
    HTML = "html"
    JSON = "json"
    MOODLE = "moodle"
    GIFT = "gift"
    DOCX = "docx"
    SELFCHECK = "selfcheck"


DEFAULT_FORMATS = [Format.APKG, Format.HTML, Format.JSON]
MODULES = {Format.APKG: "anki", Format.HTML: "worksheet", Format.JSON: "quizfile",
           Format.MOODLE: "moodle", Format.GIFT: "gift", Format.DOCX: "word",
           Format.SELFCHECK: "selfcheck"}


def render(quiz: dict, out_dir: Path, stem: str, formats: list[Format], *,
           settings: RenderSettings | None = None) -> list[Path]:
    """Write the chosen outputs of one quiz into out_dir; return their paths."""
    settings = settings or RenderSettings()
    out_dir = prepare_out_dir(out_dir)
    writers: dict[str, Writer] = {}
    for fmt in Format:  # a fixed order, whatever the order of the flags
        if fmt in formats:
            writers.update(import_module(f".{MODULES[fmt]}", __name__).outputs(quiz, stem, settings))
    written = []
    for name, write in writers.items():
        target = out_dir / name
        atomic_write(target, write)
        written.append(target)
    return written
