"""The quiz as course systems read it: GIFT parsed back by gift-pegjs, Moodle XML parsed back
by lxml with every embedded answer checked against Moodle's Cloze grammar (export_checks.py),
and every format rendered from one edited quiz file."""

from __future__ import annotations

import copy
import json
import re

import pytest
from lxml import etree

from export_checks import (assert_gift_matches, assert_moodle_matches, check_cloze, gift_parse_all,
                           split_cloze)
from quizgen.render.layout import deck_path
from quizgen.render.moodle import quiz_moodle

SPECIALS = '~ = # { } : \\ / " < & >'


@pytest.fixture(scope="module")
def quizzes(page_quizzes, built_more, english_more) -> dict:
    """The bundled article and the English fixture with more questions asked for (blanks among
    them), every page fixture, and a quiz whose text holds every character GIFT, Moodle's Cloze
    syntax or HTML treat specially."""
    found = {name: quiz for name, (_, quiz) in page_quizzes.items()}
    found["internet-finance.txt"] = json.loads((built_more / "internet-finance.quiz.json").read_text(encoding="utf-8"))
    found["walden-abridged"] = json.loads((english_more / "walden-abridged.quiz.json").read_text(encoding="utf-8"))
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
    repeated = copy.deepcopy(found["internet-finance.txt"])  # a deletion blanked twice, as the generator may
    cloze = next(q for q in repeated["questions"] if q["type"] == "cloze")
    deletion = re.search(r"\{\{c1::.*?\}\}", cloze["text"]).group(0)
    cloze["text"] = cloze["text"].replace(deletion, deletion + "（" + deletion + "）", 1)
    found["repeated"] = repeated
    opening = copy.deepcopy(repeated)  # a text that opens with its blank
    cloze = next(q for q in opening["questions"] if q["type"] == "cloze")
    cloze["text"] = cloze["text"][cloze["text"].index("{{c1::"):]
    found["opening"] = opening
    return found


# --- GIFT ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gift_parsed(quizzes, tmp_path_factory) -> dict:
    return gift_parse_all(quizzes, tmp_path_factory.mktemp("gift"), deck_name="语文::阅读 / 第三单元")


def test_every_gift_question_parses_with_its_key_and_distractors(quizzes, gift_parsed):
    for name, quiz in quizzes.items():
        assert_gift_matches(name, quiz, gift_parsed[name], "$course$/top/语文/阅读 // 第三单元")


# --- Moodle XML ------------------------------------------------------------------------------

def test_moodle_xml_parses_back_to_every_question(quizzes):
    for name, quiz in quizzes.items():
        assert_moodle_matches(name, quiz, quiz_moodle(quiz, deck_name="语文::阅读"), "$course$/top/语文/阅读")


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
    assert deck_path(quiz, "语文\n 阅读:: 第三单元 ::") == ["语文 阅读", "第三单元"]
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


def test_control_characters_in_a_quiz_file_do_not_break_the_xml_formats(quiz):
    """A teacher's paste can bring control characters into a valid quiz file: the Moodle XML
    stays well-formed and the Word document is written, with the text around them kept."""
    from docx import Document
    import io

    from quizgen.render.word import word_document

    dirty = copy.deepcopy(quiz)
    choice = next(q for q in dirty["questions"] if q["type"] == "choice")
    choice["source"] = "控制\x01字符\x0b" + choice["source"]
    choice["options"][0] += "\x08"
    root = etree.fromstring(quiz_moodle(dirty, deck_name="语文\x0c"))
    assert "控制字符" in "".join(root.itertext())
    buffer = io.BytesIO()
    word_document(dirty, answers=True).save(buffer)
    text = "\n".join(p.text for p in Document(io.BytesIO(buffer.getvalue())).paragraphs)
    assert "控制字符" in text and "\x01" not in text
