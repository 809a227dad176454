"""Reading the course-system exports back, shared by tests/test_exports.py and the corpus
check: GIFT through gift-pegjs (an independent parser, from npm into tools/), Moodle XML
through lxml with every embedded answer checked against the Cloze grammar of Moodle's
documentation (https://docs.moodle.org/en/Embedded_Answers_(Cloze)_question_type)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from lxml import etree

from quizgen.model import BLANK
from quizgen.render.gift import quiz_gift
from quizgen.render.layout import Blank, blank_numbers, cloze_pieces

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools" / "node_modules"
LINE = "＿＿＿＿"
SOURCE_LABEL = {"zh": "原文：", "en": "Source: "}


def flat(text: str) -> str:
    return " ".join(text.split())


PARSE_ALL = """
const {parse} = require(process.argv[1]);
const files = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {};
for (const [name, path] of Object.entries(files)) {
  try { out[name] = parse(require('fs').readFileSync(path, 'utf8')); }
  catch (e) { out[name] = {error: e.message, location: e.location}; }
}
process.stdout.write(JSON.stringify(out));
"""


def gift_parse_all(quizzes: dict, folder: Path, deck_name: str | None = None) -> dict:
    """name → gift-pegjs's parse of that quiz's GIFT (or {"error": …}), in one Node process."""
    parser = TOOLS / "gift-pegjs" / "lib" / "gift-parser.js"
    assert parser.exists(), "run `make test` to install the checkers (npm install --prefix tools)"
    assert shutil.which("node"), "the GIFT check needs Node.js (npm)"
    paths = {}
    for index, (name, quiz) in enumerate(quizzes.items()):
        paths[name] = str(folder / f"{index}.gift.txt")
        (folder / f"{index}.gift.txt").write_text(quiz_gift(quiz, deck_name=deck_name), encoding="utf-8")
    result = subprocess.run(["node", "-e", PARSE_ALL, str(parser)], input=json.dumps(paths),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def gift_text(field: dict) -> str:
    assert field["format"] in {"html", "moodle"}  # "moodle" (auto-format) where a text opens with its blank
    return flat(html.unescape(field["text"]))


def assert_gift_matches(name: str, quiz: dict, items, category: str) -> None:
    """gift-pegjs's reading of a quiz's GIFT: every question with its key, distractors and feedback."""
    assert isinstance(items, list), f"{name}: gift-pegjs failed: {items}"
    assert items[0] == {"type": "Category", "title": category}
    label = SOURCE_LABEL[quiz["article"]["language"]]
    questions = iter(items[1:])
    for number_in_quiz, question in enumerate(quiz["questions"], 1):
        if question["type"] == "choice":
            item = next(questions)
            assert item["type"] == "MC" and item["title"] == f"{number_in_quiz:02d} {question['id']}"
            assert gift_text(item["stem"]) == flat(question["stem"].replace(BLANK, LINE))
            assert gift_text(item["globalFeedback"]) == flat(label + question["source"])
            choices = item["choices"]
            assert [c["isCorrect"] for c in choices] == [i == question["correct"] for i in range(4)]
            assert [gift_text(c["text"]) for c in choices] == [flat(o) for o in question["options"]]
            explanations = question.get("explanations")
            feedback = [gift_text(c["feedback"]) if c["feedback"] else None for c in choices]
            assert feedback == ([flat(e) for e in explanations] if explanations else [None] * 4)
            continue
        pieces = cloze_pieces(question["text"])
        numbers = blank_numbers(pieces)
        assert len(numbers) == len(question["answers"])
        for count, (number, answer) in enumerate(zip(numbers, question["answers"]), 1):
            item = next(questions)
            suffix = f"-{count}" if len(numbers) > 1 else ""
            assert item["type"] == "Short" and item["hasEmbeddedAnswers"]
            assert item["title"] == f"{number_in_quiz:02d} {question['id']}{suffix}"
            assert [(c["isCorrect"], gift_text(c["text"])) for c in item["choices"]] == [(True, flat(answer))]
            assert gift_text(item["globalFeedback"]) == flat(label + question["source"])
            stem = gift_text(item["stem"])
            assert stem.count("_____") == 1 and answer not in stem.replace(LINE, "")
    assert next(questions, None) is None, f"{name}: more GIFT items than questions"


CLOZE_TYPES = {"SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC", "NUMERICAL", "NM",
               "MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH",
               "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS",
               "MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH", "MULTIRESPONSE_S", "MRS",
               "MULTIRESPONSE_HS", "MRHS"}
SUBQUESTION = re.compile(r"\{(\d*):([A-Z_]+):")
ESCAPABLE = set('}#~/"\\')


def parse_embedded(text: str, start: int) -> tuple[dict, int]:
    """One embedded answer by the grammar of https://docs.moodle.org/en/Embedded_Answers_(Cloze)_question_type:
    '{' weight? ':' TYPE ':' answer ('~' answer)* '}', an answer being ('=' | '%' number '%')?
    text ('#' feedback)?, where } # ~ / " \\ inside text or feedback are escaped with '\\'.
    Returns the parsed answer and the index after its closing brace; raises on a violation."""
    head = SUBQUESTION.match(text, start)
    assert head, f"not an embedded answer at {text[start:start + 30]!r}"
    kind = head.group(2)
    assert kind in CLOZE_TYPES, f"unknown embedded type {kind}"
    answers, current, at = [], [""], head.end()
    while True:
        assert at < len(text), "an embedded answer is not closed"
        char = text[at]
        if char == "\\":
            assert at + 1 < len(text) and text[at + 1] in ESCAPABLE, f"bad escape {text[at:at + 2]!r}"
            current[-1] += text[at + 1]
            at += 2
            continue
        if char in "~}":
            answers.append(current)
            current = [""]
            at += 1
            if char == "}":
                break
            continue
        if char == "#":
            assert len(current) == 1, "two feedback marks in one answer"
            current.append("")
        elif char in '/"':
            raise AssertionError(f"unescaped {char!r} in an embedded answer")
        else:
            current[-1] += char
        at += 1
    parsed = []
    for answer in answers:
        body = answer[0]
        grade = re.match(r"=|%(-?\d+(?:\.\d+)?)%", body)
        fraction = 100.0 if grade and grade.group(0) == "=" else float(grade.group(1)) if grade else 0.0
        value = body[grade.end():] if grade else body
        assert value.strip(), "an empty answer"
        assert -100 <= fraction <= 100
        parsed.append({"text": value, "fraction": fraction, "feedback": answer[1] if len(answer) > 1 else None})
    assert any(a["fraction"] == 100 for a in parsed), "no answer is fully right"
    if kind.startswith(("SHORTANSWER", "SA", "MW")):
        assert all(a["fraction"] == 100 for a in parsed), "a wrong short answer is pointless"
    return {"type": kind, "weight": head.group(1), "answers": parsed}, at


def split_cloze(text: str) -> tuple[list[str], list[dict]]:
    """Question text → the text between embedded answers and the answers themselves."""
    outside, embedded, last = [], [], 0
    for match in re.finditer(r"\{", text):
        if match.start() < last:
            continue
        if SUBQUESTION.match(text, match.start()):
            outside.append(text[last:match.start()])
            answer, last = parse_embedded(text, match.start())
            embedded.append(answer)
    outside.append(text[last:])
    assert not any("{" in o or "}" in o for o in outside), "a stray brace beside the embedded answers"
    return outside, embedded


def visible(html_text: str) -> str:
    return flat(html.unescape(re.sub(r"<[^>]+>", "", html_text or "")))


def assert_moodle_matches(name: str, quiz: dict, data: bytes, category: str) -> None:
    """Moodle XML parsed back: well-formed UTF-8 with CJK as characters, the category, every
    question with its type, text, key, distractors and feedback, every embedded answer valid."""
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    text = data.decode("utf-8")  # well-formed UTF-8
    assert "&#" not in text.replace("&amp;#", ""), "CJK or other text written as character references"
    cjk = {c for q in quiz["questions"] for c in q["source"] if "\u4e00" <= c <= "\u9fff"}
    assert cjk <= set(text), "CJK characters lost"  # and kept as characters, as checked above
    assert (quiz["article"]["language"] == "en") or len(cjk) >= 10
    root = etree.fromstring(data)  # raises on malformed XML
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == category
    label = SOURCE_LABEL[quiz["article"]["language"]]
    assert len(questions) == len(quiz["questions"]) + 1
    for number, (element, question) in enumerate(zip(questions[1:], quiz["questions"]), 1):
        assert element.findtext("name/text") == f"{number:02d} {question['id']}", name
        assert element.findtext("idnumber") == question["id"]
        assert visible(element.findtext("generalfeedback/text")) == flat(label + question["source"])
        if question["type"] == "choice":
            check_multichoice(element, question)
        else:
            check_cloze(element, question)


def check_multichoice(element, question: dict) -> None:
    assert element.get("type") == "multichoice"
    assert element.findtext("single") == "true" and element.findtext("shuffleanswers") == "true"
    assert visible(element.findtext("questiontext/text")) == flat(question["stem"].replace(BLANK, LINE))
    answers = element.findall("answer")
    assert [a.get("fraction") for a in answers] == ["100" if i == question["correct"] else "0" for i in range(4)]
    assert [visible(a.findtext("text")) for a in answers] == [flat(o) for o in question["options"]]
    feedback = [visible(a.findtext("feedback/text")) for a in answers]
    assert feedback == [flat(e) for e in question.get("explanations") or [""] * 4]


def check_cloze(element, question: dict) -> None:
    """Every deletion an embedded answer worth one mark, with its answer (and its distractors,
    where the quiz file gives them); the text around them the quiz's own."""
    assert element.get("type") == "cloze"
    outside, embedded = split_cloze(element.findtext("questiontext/text"))
    pieces = cloze_pieces(question["text"])
    blanks = [p for p in pieces if isinstance(p, Blank)]
    assert len(embedded) == len(blanks)
    distractors = dict(zip(blank_numbers(pieces), question.get("distractors") or []))
    assert [b.answer for b in blanks if b.number in blank_numbers(pieces)]  # answers exist
    for answer, blank in zip(embedded, blanks):
        assert answer["weight"] == "1"
        right = [html.unescape(a["text"]) for a in answer["answers"] if a["fraction"] == 100]
        wrong = [html.unescape(a["text"]) for a in answer["answers"] if a["fraction"] == 0]
        assert right == [flat(blank.answer)]
        if distractors.get(blank.number):
            assert answer["type"] == "MULTICHOICE_S" and wrong == [flat(d) for d in distractors[blank.number]]
        else:
            assert answer["type"] == "SHORTANSWER" and wrong == []
    answers = dict(zip(blank_numbers(pieces), question["answers"]))
    assert all(answers[b.number] == b.answer for b in blanks)
    shown = visible("".join(outside))
    for blank in blanks:
        if blank.hint:
            shown = shown.replace(f"（{blank.hint}）", "", 1).replace(f" ({blank.hint})", "", 1)
    expected = flat("".join(p for p in pieces if isinstance(p, str)))
    assert shown.replace(" ", "") == expected.replace(" ", "")
