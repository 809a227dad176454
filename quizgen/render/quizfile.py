"""`<stem>.quiz.json`: the editable quiz file every other format is rendered from."""

from __future__ import annotations

import json

from ..settings import RenderSettings
from .files import Writer, text_writer


def quiz_json(quiz: dict) -> str:
    return json.dumps(quiz, ensure_ascii=False, indent=2) + "\n"


def outputs(quiz: dict, stem: str, settings: RenderSettings) -> dict[str, Writer]:
    return {f"{stem}.quiz.json": text_writer(lambda: quiz_json(quiz))}
