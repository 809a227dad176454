"""`<stem>.moodle.xml`: the quiz in Moodle XML, the question-bank format of Moodle 4.x
(https://docs.moodle.org/en/Moodle_XML_format).

- a choice question is a `multichoice` question: one right answer (fraction 100), options
  shuffled by Moodle, lettered A-D, each option's explanation as its feedback;
- a cloze question is a `cloze` (embedded answers) question: each blank a
  `{1:SHORTANSWER:=answer}`, or `{1:MULTICHOICE_S:=answer~distractor…}` where the quiz file
  gives the blank distractors (a cloze question's optional `distractors`, one list per
  answer); a c-number blanked twice is asked twice;
- every question's general feedback quotes the source sentence;
- a `category` question first puts them in a category named after the deck (`--deck`, else the
  article's title; '::' separates levels as in Anki).

Question text is HTML (escaped article text inside quizgen's own <p>), written by ElementTree
as UTF-8, so CJK stays readable characters in the file.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from ..languages import wording as language_wording
from ..model import BLANK
from ..settings import RenderSettings
from .files import Writer
from .layout import Blank, blank_numbers, cloze_pieces, deck_path, question_name, xml_safe

LINE = "＿＿＿＿"
_EMBEDDED_SPECIAL = re.compile(r'([}#~/"\\])')


def outputs(quiz: dict, stem: str, settings: RenderSettings) -> dict[str, Writer]:
    return {f"{stem}.moodle.xml": lambda path: path.write_bytes(quiz_moodle(quiz, deck_name=settings.deck_name))}


def quiz_moodle(quiz: dict, *, deck_name: str | None = None) -> bytes:
    deck_name = xml_safe(deck_name)
    quiz = xml_safe(quiz)
    wording = language_wording(quiz["article"].get("language", "zh"), quiz["article"].get("script"))
    root = ET.Element("quiz")
    root.append(_category(deck_path(quiz, deck_name)))
    for number, question in enumerate(quiz["questions"], 1):
        maker = _multichoice if question["type"] == "choice" else _cloze
        root.append(maker(question_name(number, question), question, wording))
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def html_text(text: str) -> str:
    """Article text as HTML: escaped, and braces as character references, so that no text
    from the article can open an embedded answer in a cloze question."""
    return html.escape(text or "", quote=False).replace("{", "&#123;").replace("}", "&#125;")


def embedded_text(text: str) -> str:
    """An answer inside an embedded answer: HTML-escaped (the question text is HTML; no
    character reference with a '#' in it), then Moodle's backslash before } # ~ / " \\."""
    return _EMBEDDED_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _category(levels: list[str]) -> ET.Element:
    question = ET.Element("question", type="category")
    path = "/".join(level.replace("/", "//") for level in levels)
    _text(ET.SubElement(question, "category"), f"$course$/top/{path}")
    _text(ET.SubElement(question, "info", format="html"), "")
    return question


def _multichoice(name: str, question: dict, wording: dict) -> ET.Element:
    element = _common("multichoice", name, question, wording,
                      f"<p>{html_text(question['stem'].replace(BLANK, LINE))}</p>")
    for tag, value in (("single", "true"), ("shuffleanswers", "true"), ("answernumbering", "ABCD"),
                       ("showstandardinstruction", "0")):
        ET.SubElement(element, tag).text = value
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(ET.SubElement(element, tag, format="html"), "")
    explanations = question.get("explanations") or [""] * len(question["options"])
    for index, (option, why) in enumerate(zip(question["options"], explanations)):
        answer = ET.SubElement(element, "answer", fraction="100" if index == question["correct"] else "0",
                               format="html")
        _text(answer, html_text(option))
        _text(ET.SubElement(answer, "feedback", format="html"), f"<p>{html_text(why)}</p>" if why else "")
    return element


def _cloze(name: str, question: dict, wording: dict) -> ET.Element:
    pieces = cloze_pieces(question["text"])
    distractors = dict(zip(blank_numbers(pieces), question.get("distractors") or []))
    parts = []
    for piece in pieces:
        if isinstance(piece, Blank):
            parts.append(embedded_answer(piece.answer, distractors.get(piece.number) or []))
            if piece.hint:
                parts.append(html_text(wording["paren"].format(piece.hint)))
        else:
            parts.append(html_text(piece))
    return _common("cloze", name, question, wording, f"<p>{''.join(parts)}</p>")


def embedded_answer(answer: str, distractors: list[str]) -> str:
    """One blank, worth one mark (the number after the brace is a weight, not a position):
    a short answer, or a shuffled drop-down menu when it has distractors."""
    if distractors:
        options = "~".join([f"={embedded_text(answer)}"] + [embedded_text(d) for d in distractors])
        return f"{{1:MULTICHOICE_S:{options}}}"
    return f"{{1:SHORTANSWER:={embedded_text(answer)}}}"


def _common(kind: str, name: str, question: dict, wording: dict, text: str) -> ET.Element:
    element = ET.Element("question", type=kind)
    _text(ET.SubElement(element, "name"), name)
    _text(ET.SubElement(element, "questiontext", format="html"), text)
    _text(ET.SubElement(element, "generalfeedback", format="html"),
          f"<p>{html_text(wording['card_source'] + question['source'])}</p>")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = question["id"]
    return element


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value
