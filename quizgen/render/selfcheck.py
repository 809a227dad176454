"""`<stem>.selfcheck.html`: one page a learner answers on screen. Blanks are text fields,
choice questions radio groups; "check" scores the page and shows, per question, right or
wrong, the key, the source sentence and, where the quiz file has them, why each option is
right or wrong. Self-contained: the style and the script are inline and nothing is fetched,
so it works offline from a file, by keyboard (native fields and buttons), and prints."""

from __future__ import annotations

from ..languages import wording as language_wording
from ..settings import RenderSettings
from .files import Writer, text_writer
from .layout import LETTERS, environment, worksheet_parts


def outputs(quiz: dict, stem: str, settings: RenderSettings) -> dict[str, Writer]:
    return {f"{stem}.selfcheck.html": text_writer(lambda: selfcheck_html(quiz, settings=settings))}


def selfcheck_html(quiz: dict, *, settings: RenderSettings | None = None) -> str:
    settings = settings or RenderSettings()
    article = quiz["article"]
    wording = language_wording(article.get("language", "zh"), article.get("script"))
    parts = worksheet_parts(quiz)
    sections = {s["id"]: s for s in article["sections"]}
    return environment().get_template("selfcheck.html.j2").render(
        quiz=quiz, article=article, parts=parts, w=wording, letters=LETTERS, sections=sections,
        title=settings.title or article.get("title") or wording["default_title"])
