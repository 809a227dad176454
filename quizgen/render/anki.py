"""`<stem>.apkg`, the Anki deck: quizgen's own note types (fixed ids) and one note per question.

Ids are generated once and hard-coded, as genanki recommends: a changed model id or changed
fields would make Anki fork the note type on the next import. Note GUIDs derive from the
article and question ids, so a rebuilt deck updates its notes in place; genanki stamps notes
with the build time, which Anki needs to see that the incoming copy is newer.
"""

from __future__ import annotations

import hashlib
import html
from functools import lru_cache
from pathlib import Path

from ..languages import profile
from ..model import CLOZE
from ..settings import RenderSettings
from .files import Writer
from .layout import LETTERS, templates_dir

# (cloze, choice) note type ids per language; a note type's labels are in its templates
MODEL_IDS = {"zh": (1_694_213_507, 1_694_213_508), "en": (1_694_213_509, 1_694_213_510),
             "zh-Hant": (1_694_213_511, 1_694_213_512)}  # Traditional labels: note types of their own
CLOZE_FIELDS = ["Text", "Extra", "Source", "Section", "Article"]
# A changed field list forks the note type when a rebuilt deck is imported into a collection
# that has the old one, and then its notes no longer update in place: a choice question's
# explanations therefore go into its Source field, after the sentence (see source_field).
CHOICE_FIELDS = ["Question", "A", "B", "C", "D", "Answer", "Source", "Section", "Article"]


def _template(name: str, language: str = "zh") -> str:
    """A card template with its labels ([[answer]], [[source]], [[lang]]) in the language
    ("zh-Hant": Chinese in Traditional characters)."""
    wording = profile("zh", "Hant").wording if language == "zh-Hant" else profile(language).wording
    text = (templates_dir() / "anki" / name).read_text(encoding="utf-8")
    return (text.replace("[[lang]]", wording["html_lang"]).replace("[[answer]]", wording["card_answer"])
            .replace("[[source]]", wording["card_source"]))


@lru_cache(maxsize=2)
def models(language: str = "zh"):
    """(cloze model, choice model) for the language, built from the templates in templates/anki/.
    The Chinese note types keep their original names."""
    import genanki

    css = _template("card.css")
    cloze_id, choice_id = MODEL_IDS[language]
    suffix = "" if language == "zh" else f" ({language})"
    cloze = genanki.Model(
        cloze_id, f"quizgen cloze{suffix}", fields=[{"name": f} for f in CLOZE_FIELDS],
        templates=[{"name": "Cloze", "qfmt": _template("cloze_front.html", language),
                    "afmt": _template("cloze_back.html", language)}],
        css=css, model_type=genanki.Model.CLOZE, sort_field_index=0)
    choice = genanki.Model(
        choice_id, f"quizgen choice{suffix}", fields=[{"name": f} for f in CHOICE_FIELDS],
        templates=[{"name": "Choice", "qfmt": _template("choice_front.html", language),
                    "afmt": _template("choice_back.html", language)}],
        css=css, sort_field_index=0)
    return cloze, choice


def field_text(text: str | None) -> str:
    """Article text as an Anki field: HTML-escaped, with braces and '::' neutralised so that
    no text from the article can open a cloze deletion or a template field."""
    escaped = html.escape(text or "", quote=False)
    return escaped.replace("{", "&#123;").replace("}", "&#125;").replace("::", ":&#58;")


def cloze_field(text: str) -> str:
    """A quiz cloze text as the Text field: deletions kept, everything else neutralised."""
    parts, last = [], 0
    for match in CLOZE.finditer(text):
        parts.append(field_text(text[last:match.start()]))
        hint = f"::{field_text(match.group(3))}" if match.group(3) else ""
        parts.append("{{c%s::%s%s}}" % (match.group(1), field_text(match.group(2)), hint))
        last = match.end()
    parts.append(field_text(text[last:]))
    return "".join(parts)


def deck_id(name: str) -> int:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) | (1 << 30)


def note_guid(article_id: str, question_id: str) -> str:
    import genanki

    return genanki.guid_for("quizgen", article_id, question_id)


def build_deck(quiz: dict, *, deck_name: str | None = None):
    import genanki

    article = quiz["article"]
    name = deck_name or article.get("title") or "quizgen"
    deck = genanki.Deck(deck_id(name), name)
    language = article.get("language") or "zh"
    cloze_model, choice_model = models("zh-Hant" if language == "zh" and article.get("script") == "Hant" else language)
    sections = {s["id"]: s.get("title") or "" for s in article["sections"]}
    title = field_text(article.get("title") or "")
    for due, question in enumerate(quiz["questions"]):
        section = field_text(sections.get(question.get("section"), ""))
        tags = [f"quizgen::{question['skill']}", f"quizgen::{question.get('section') or 'none'}"]
        if question["type"] == "cloze":
            fields = [cloze_field(question["text"]), "", field_text(question["source"]), section, title]
            model = cloze_model
        else:
            fields = [_stem_html(question["stem"]), *[field_text(o) for o in question["options"]],
                      LETTERS[question["correct"]], source_field(question, language), section, title]
            model = choice_model
        deck.add_note(genanki.Note(model=model, fields=fields, tags=tags, due=due,
                                   guid=note_guid(article["id"], question["id"])))
    return deck


def source_field(question: dict, language: str = "zh") -> str:
    """A choice question's Source field: the sentence, then (statement and reason items) why each option
    is right or wrong, one line per option under its letter. Escaped article text; the markup
    is quizgen's own."""
    source = field_text(question["source"])
    explanations = question.get("explanations")
    if not explanations:
        return source
    lines = "".join(f'<div class="qz-why qz-why-{letter}"><span class="qz-letter">{letter}.</span>{field_text(note)}</div>'
                    for letter, note in zip(LETTERS, explanations))
    label = html.escape(profile(language).wording["card_why"])
    return f'{source}<div class="qz-explanations"><div class="qz-label">{label}</div>{lines}</div>'


def _stem_html(stem: str) -> str:
    return field_text(stem).replace("____", '<span class="qz-blank">＿＿＿＿</span>')


def write_apkg(quiz: dict, path: Path, *, deck_name: str | None = None) -> None:
    import genanki

    genanki.Package(build_deck(quiz, deck_name=deck_name)).write_to_file(str(path))




def outputs(quiz: dict, stem: str, settings: RenderSettings) -> dict[str, Writer]:
    return {f"{stem}.apkg": lambda path: write_apkg(quiz, path, deck_name=settings.deck_name)}
