"""decks/ holds the bundled article's outputs, built by the current code."""

from __future__ import annotations

import json

from conftest import ROOT


def test_committed_quiz_matches_a_fresh_build(quiz):
    committed = json.loads((ROOT / "decks" / "internet-finance.quiz.json").read_text(encoding="utf-8"))
    assert committed == quiz, "decks/ is stale: run `make demo` and commit decks/"


def test_committed_decks_hold_the_four_outputs():
    for name in ("internet-finance.apkg", "internet-finance.worksheet.html",
                 "internet-finance.answers.html", "internet-finance.quiz.json"):
        assert (ROOT / "decks" / name).stat().st_size > 1000, name
