"""`<stem>.worksheet.html` and `<stem>.answers.html`: one page design rendered twice from
`templates/worksheet.html.j2`, without and with the answers; with `--forms N`, once per
form (`<stem>.form-A.worksheet.html`, …), each form with its own key."""

from __future__ import annotations

from ..languages import wording as language_wording
from ..settings import RenderSettings
from .files import Writer, text_writer
from .forms import form_outputs
from .layout import LETTERS, cloze_display, environment, instructions, option_columns, worksheet_parts


def outputs(quiz: dict, stem: str, settings: RenderSettings) -> dict[str, Writer]:
    return form_outputs(quiz, stem, settings.forms, settings.key, "html",
                        lambda form_quiz, answers, form: _writer(form_quiz, answers, settings, form))


def _writer(quiz: dict, answers: bool, settings: RenderSettings, form: str | None) -> Writer:
    return text_writer(lambda: worksheet_html(quiz, answers=answers, settings=settings, form=form))


def worksheet_html(quiz: dict, *, answers: bool, settings: RenderSettings | None = None,
                   form: str | None = None) -> str:
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
        instructions=instructions(wording, parts, article.get("title") or settings.title or wording["default_title"]),
        cloze_display=cloze_display, form=wording["form"].format(letter=form) if form else None)
