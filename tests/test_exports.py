"""The quiz as course systems read it: GIFT parsed back by gift-pegjs (an independent parser,
from npm into tools/), Moodle XML parsed back by lxml with every embedded answer checked
against the Cloze grammar of Moodle's documentation."""

from __future__ import annotations

import copy
import html
import json
import re
import shutil
import subprocess

import pytest
from lxml import etree

from conftest import ROOT
from quizgen.model import BLANK
from quizgen.render.gift import quiz_gift
from quizgen.render.layout import cloze_pieces, deck_path
from quizgen.render.moodle import quiz_moodle

TOOLS = ROOT / "tools" / "node_modules"
LINE = "＿＿＿＿"
SOURCE_LABEL = {"zh": "原文：", "en": "Source: "}
SPECIALS = '~ = # { } : \\ / " < & >'


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def quizzes(page_quizzes, english_built) -> dict:
    """The bundled article, every page fixture, the English fixture, and a quiz whose text
    holds every character GIFT, Moodle's Cloze syntax or HTML treat specially."""
    found = {name: quiz for name, (_, quiz) in page_quizzes.items()}
    found["walden-abridged"] = json.loads((english_built / "walden-abridged.quiz.json").read_text(encoding="utf-8"))
    hostile = copy.deepcopy(found["internet-finance.txt"])
    for question in hostile["questions"]:
        question["source"] = SPECIALS + " " + question["source"]
        if question["type"] == "choice":
            question["stem"] = SPECIALS + " " + question["stem"]
            question["options"] = [f"{o} {SPECIALS}" for o in question["options"]]
            if question.get("explanations"):
                question["explanations"] = [f"{SPECIALS} {e}" for e in question["explanations"]]
        else:
            question["text"] = SPECIALS + " " + question["text"].replace("}}", "}} {{c9::a}b#c~d/e\"f\\g<h>&:=}}", 1)
            question["answers"] = question["answers"] + ['a}b#c~d/e"f\\g<h>&:=']
    found["hostile"] = hostile
    return found


# --- GIFT ------------------------------------------------------------------------------------

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


@pytest.fixture(scope="module")
def gift_parsed(quizzes, tmp_path_factory) -> dict:
    parser = TOOLS / "gift-pegjs" / "lib" / "gift-parser.js"
    assert parser.exists(), "run `make test` to install the checkers (npm install --prefix tools)"
    assert shutil.which("node"), "the GIFT check needs Node.js (npm)"
    folder = tmp_path_factory.mktemp("gift")
    paths = {}
    for index, (name, quiz) in enumerate(quizzes.items()):
        paths[name] = str(folder / f"{index}.gift.txt")
        (folder / f"{index}.gift.txt").write_text(quiz_gift(quiz, deck_name="语文::阅读 / 第三单元"), encoding="utf-8")
    result = subprocess.run(["node", "-e", PARSE_ALL, str(parser)], input=json.dumps(paths),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def gift_text(field: dict) -> str:
    assert field["format"] == "html"
    return flat(html.unescape(field["text"]))


def test_every_gift_question_parses_with_its_key_and_distractors(quizzes, gift_parsed):
    for name, quiz in quizzes.items():
        items = gift_parsed[name]
        assert isinstance(items, list), f"{name}: gift-pegjs failed: {items}"
        assert items[0] == {"type": "Category", "title": "$course$/top/语文/阅读 // 第三单元"}
        label = SOURCE_LABEL[quiz["article"]["language"]]
        questions = iter(items[1:])
        for number, question in enumerate(quiz["questions"], 1):
            if question["type"] == "choice":
                item = next(questions)
                assert item["type"] == "MC" and item["title"] == f"{number:02d} {question['id']}"
                assert gift_text(item["stem"]) == flat(question["stem"].replace(BLANK, LINE))
                assert gift_text(item["globalFeedback"]) == flat(label + question["source"])
                choices = item["choices"]
                assert [c["isCorrect"] for c in choices] == [i == question["correct"] for i in range(4)]
                assert [gift_text(c["text"]) for c in choices] == [flat(o) for o in question["options"]]
                explanations = question.get("explanations")
                feedback = [gift_text(c["feedback"]) if c["feedback"] else None for c in choices]
                assert feedback == ([flat(e) for e in explanations] if explanations else [None] * 4)
                continue
            blanks = [p for p in cloze_pieces(question["text"]) if isinstance(p, tuple)]
            assert [answer for answer, _ in blanks] == question["answers"]
            for count, (answer, _) in enumerate(blanks, 1):
                item = next(questions)
                suffix = f"-{count}" if len(blanks) > 1 else ""
                assert item["type"] == "Short" and item["hasEmbeddedAnswers"]
                assert item["title"] == f"{number:02d} {question['id']}{suffix}"
                assert [(c["isCorrect"], gift_text(c["text"])) for c in item["choices"]] == [(True, flat(answer))]
                assert gift_text(item["globalFeedback"]) == flat(label + question["source"])
                stem = gift_text(item["stem"])
                assert "_____" in stem and answer not in stem.replace(LINE, "")
        assert next(questions, None) is None, f"{name}: more GIFT items than questions"


# --- Moodle XML ------------------------------------------------------------------------------

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


def test_moodle_xml_parses_back_to_every_question(quizzes):
    for name, quiz in quizzes.items():
        data = quiz_moodle(quiz, deck_name="语文::阅读")
        assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
        text = data.decode("utf-8")  # well-formed UTF-8
        assert "&#" not in text.replace("&amp;#", ""), "CJK or other text written as character references"
        cjk = {c for q in quiz["questions"] for c in q["source"] if "\u4e00" <= c <= "\u9fff"}
        assert cjk <= set(text), "CJK characters lost"  # and kept as characters, as checked above
        assert (quiz["article"]["language"] == "en") or len(cjk) >= 10
        root = etree.fromstring(data)  # raises on malformed XML
        questions = root.findall("question")
        assert questions[0].get("type") == "category"
        assert questions[0].findtext("category/text") == "$course$/top/语文/阅读"
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
    assert element.get("type") == "cloze"
    outside, embedded = split_cloze(element.findtext("questiontext/text"))
    assert len(embedded) == len(question["answers"])
    distractors = question.get("distractors") or []
    for index, (answer, expected) in enumerate(zip(embedded, question["answers"])):
        right = [html.unescape(a["text"]) for a in answer["answers"] if a["fraction"] == 100]
        wrong = [html.unescape(a["text"]) for a in answer["answers"] if a["fraction"] == 0]
        assert right == [flat(expected)]
        if index < len(distractors) and distractors[index]:
            assert answer["type"] == "MULTICHOICE_S" and wrong == [flat(d) for d in distractors[index]]
        else:
            assert answer["type"] == "SHORTANSWER" and wrong == []
    pieces = cloze_pieces(question["text"])
    hints = [p[1] for p in pieces if isinstance(p, tuple)]
    shown = visible("".join(o for o in outside))
    expected = flat("".join(p if isinstance(p, str) else "" for p in pieces))
    for hint in hints:
        if hint:
            shown = shown.replace(f"（{hint}）", "", 1).replace(f" ({hint})", "", 1)
    assert shown.replace(" ", "") == expected.replace(" ", "")


def test_a_blank_with_distractors_becomes_a_drop_down_menu(quizzes):
    quiz = copy.deepcopy(quizzes["internet-finance.txt"])
    cloze = next(q for q in quiz["questions"] if q["type"] == "cloze")
    cloze["distractors"] = [["大数据~", "云计算#1", "物联网/5G"]][: len(cloze["answers"])]
    root = etree.fromstring(quiz_moodle(quiz))
    element = root.find(f"question[idnumber='{cloze['id']}']")
    check_cloze(element, cloze)
    assert "MULTICHOICE_S" in element.findtext("questiontext/text")


@pytest.mark.parametrize("broken", ["{1:SHORTANSWER:=a}b}", "{1:SHORTANSWER:a}", "{1:FOO:=a}",
                                    "{1:MULTICHOICE:=a~b/c}", "{1:SHORTANSWER:=a", "{1:MC:=a#b#c}"])
def test_the_cloze_grammar_check_rejects_broken_answers(broken):
    with pytest.raises(AssertionError):
        split_cloze(f"<p>前文{broken}后文</p>")


def test_category_follows_the_deck_name(quizzes):
    quiz = quizzes["internet-finance.txt"]
    assert deck_path(quiz, None) == [quiz["article"]["title"]]
    root = etree.fromstring(quiz_moodle(quiz, deck_name="a/b::c"))
    assert root.findtext("question/category/text") == "$course$/top/a//b/c"


# --- every format from one edited quiz file ----------------------------------------------------

ALL_FORMATS = ["apkg", "html", "json", "moodle", "gift", "docx", "selfcheck"]


def test_render_writes_every_format_from_an_edited_quiz_file(runner, quiz, tmp_path):
    """A teacher swaps a distractor and rewords a stem; `quizgen render` carries both into
    every format."""
    from docx import Document

    from quizgen.cli import app

    edited = copy.deepcopy(quiz)
    choice = next(q for q in edited["questions"] if q["type"] == "choice")
    wrong = (choice["correct"] + 1) % 4
    choice["options"][wrong] = "教师改写的干扰项"
    choice["stem"] = "（教师改写）" + choice["stem"]
    path = tmp_path / "edited.quiz.json"
    path.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    args = ["render", str(path), "-o", str(out)] + [a for f in ALL_FORMATS for a in ("-f", f)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"edited.{kind}" for kind in (
        "apkg", "worksheet.html", "answers.html", "quiz.json", "moodle.xml", "gift.txt",
        "worksheet.docx", "answers.docx", "selfcheck.html"))
    for name in names:
        if name.endswith((".html", ".xml", ".txt", ".json")):
            text = (out / name).read_text(encoding="utf-8")
            assert "教师改写的干扰项" in text and "（教师改写）" in text, name
        elif name.endswith(".docx"):
            text = "\n".join(p.text for p in Document(str(out / name)).paragraphs)
            assert "教师改写的干扰项" in text and "（教师改写）" in text, name


def test_forms_beyond_four_and_unknown_formats_are_refused(runner, quiz, tmp_path, built):
    from quizgen.cli import app

    result = runner.invoke(app, ["render", str(built / "internet-finance.quiz.json"), "-o", str(tmp_path), "--forms", "5"])
    assert result.exit_code == 2 and not list(tmp_path.iterdir())
    result = runner.invoke(app, ["render", str(built / "internet-finance.quiz.json"), "-o", str(tmp_path), "-f", "pdf"])
    assert result.exit_code == 2 and "moodle" in result.output and not list(tmp_path.iterdir())
