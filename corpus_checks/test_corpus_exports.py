"""Every corpus article's quiz as Moodle and GIFT read it: gift-pegjs parses its GIFT with
the right keys, distractors and feedback; its Moodle XML parses back question by question,
every embedded answer valid by Moodle's Cloze grammar (tests/export_checks.py)."""

from __future__ import annotations

import pytest

from export_checks import assert_gift_matches, assert_moodle_matches, gift_parse_all
from quizgen.settings import GenerateSettings, Settings
from quizgen.pipeline import build_quiz
from quizgen.render.moodle import quiz_moodle


AT_LEAST_ONE = Settings(generate=GenerateSettings(min_questions=1))  # reading the corpus is what these check


@pytest.fixture(scope="module")
def quizzes(corpus) -> dict:
    paths = sorted(p for p in corpus.glob("[0-9]*.txt"))
    assert len(paths) == 16  # each article as clean text and as a page dump
    return {path.name: build_quiz(path, settings=AT_LEAST_ONE).to_dict() for path in paths}


def test_corpus_gift_parses_with_gift_pegjs(quizzes, tmp_path):
    parsed = gift_parse_all(quizzes, tmp_path, deck_name="语文::阅读")
    for name, quiz in quizzes.items():
        assert_gift_matches(name, quiz, parsed[name], "$course$/top/语文/阅读")


def test_corpus_moodle_xml_parses_back(quizzes):
    for name, quiz in quizzes.items():
        assert_moodle_matches(name, quiz, quiz_moodle(quiz), f"$course$/top/{(quiz['article']['title'] or 'quizgen').strip().replace('/', '//')}")
