"""English reading passages as Chinese exam papers print them: full-width punctuation and
spaces inside English text, `__` separators, words glued or hyphen-broken at line joins.
The passages in tests/fixtures/exam-en/ were written for the project (narrative and
expository, 300–350 words each) in that typesetting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.check import check_quiz
from quizgen.frequency import zipf
from quizgen.pipeline import build_quiz, read_article
from quizgen.typeset import english, english_text

from conftest import ENGLISH, ROOT

EXAM = sorted((ROOT / "tests" / "fixtures" / "exam-en").glob("*.txt"))
FIXTURES = EXAM + [ENGLISH, ROOT / "tests" / "fixtures" / "english-news.html"]
FULL_WIDTH = re.compile("[，．：；？！（）﹣－\u3000]")


def test_the_exam_passages_are_typeset_the_chinese_way():
    assert len(EXAM) >= 5
    for path in EXAM:
        text = path.read_text(encoding="utf-8")
        assert 250 <= len(text.split()) <= 400, path.name
        assert text.count("，") >= 10 and text.count("．") >= 10 and "　　" in text, path.name


@pytest.mark.parametrize("path", EXAM, ids=lambda p: p.stem)
def test_an_exam_passage_reads_as_english_sentences(path):
    article = read_article(path)
    assert article.language.value == "en"
    words = len(path.read_text(encoding="utf-8").split())
    assert len(article.sentences) >= words / 30  # a sentence per 30 words or better, not one per paragraph
    for sentence in article.sentences:
        assert not FULL_WIDTH.search(sentence), sentence
        assert re.search(r"[.?!][”’\"]?$", sentence), sentence
        assert "__" not in sentence and "  " not in sentence


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_english_passage_gets_a_checked_quiz(path):
    quiz = build_quiz(path).to_dict()
    assert quiz["questions"], path.name
    assert [p for p in check_quiz(quiz) if p.severity == "error"] == []
    for question in quiz["questions"]:
        shown = question.get("text") or question["stem"] + " ".join(question["options"])
        assert not FULL_WIDTH.search(shown), shown


def test_full_width_marks_become_english_punctuation_and_spacing():
    assert english("When I was twelve， my grandfather owned a shop．It was small．") == \
        "When I was twelve, my grandfather owned a shop. It was small."
    assert english("“Now she’s gone，”he said．Mr．Harris paid 3．5 dollars for 1，000 nails？Yes！") == \
        "“Now she’s gone,” he said. Mr. Harris paid 3.5 dollars for 1,000 nails? Yes!"
    assert english("a fifteen﹣year﹣old student ； back﹣to﹣back （really）") == \
        "a fifteen-year-old student; back-to-back (really)"


def test_line_join_artefacts_are_undone_but_real_words_stay():
    assert english("corals feed on tinyalgae ， say marinebiologists") == "corals feed on tiny algae, say marine biologists"
    assert english("the tempera- ture rose") == "the temperature rose"
    kept = "a well- known bricklayer saw parrotfish, seaweed and overfishing underwater"
    assert english(kept) == kept


def test_chinese_text_is_not_retypeset():
    text = "互联网金融，是传统金融行业与互联网精神相结合的新兴领域。"
    assert not english_text(text)
    assert english_text("Mr. Li （李） said that the new library would open next spring in the old town hall．")


def test_the_separator_lines_leave_no_trace(tmp_path):
    coral = read_article(ROOT / "tests" / "fixtures" / "exam-en" / "coral-reefs.txt")
    assert len(coral.sections[0].paragraphs) == 5
    assert "Corals get most of their food from tiny algae that live inside their tissues." in coral.sentences
