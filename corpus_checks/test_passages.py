"""Every human-annotated passage of ../shared/data (CMRC 2018 trial, Simplified; DRCD test,
Traditional: short Wikipedia paragraphs of the kind a teacher pastes) builds a quiz with the
language detected, as a teacher's file would be: title line, blank line, the passage — the
one without a single full stop (CMRC's TRIAL_245, a results table run together) included."""

from __future__ import annotations

import json
import re

import pytest

from quizgen.errors import InputError
from quizgen.settings import GenerateSettings, Settings
from quizgen.pipeline import build_quiz

AT_LEAST_ONE = Settings(generate=GenerateSettings(min_questions=1))  # reading the corpus is what these check


SPAN_FILES = {"cmrc2018_trial_spans.jsonl": (256, "Hans"), "drcd_test_spans_zh-hant.jsonl": (150, "Hant")}


@pytest.mark.parametrize("name", sorted(SPAN_FILES))
def test_every_annotated_passage_builds_a_quiz(data, tmp_path, name):
    rows = [json.loads(line) for line in (data / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    count, script = SPAN_FILES[name]
    assert len(rows) == count
    refused, scripts = [], []
    for row in rows:
        path = tmp_path / (re.sub(r"[^\w.-]", "_", row["id"]) + ".txt")
        path.write_text(f"{row['title']}\n\n{row['context']}", encoding="utf-8")
        try:
            quiz = build_quiz(path, settings=AT_LEAST_ONE).to_dict()
        except InputError as error:
            refused.append(f"{row['id']}: {error}")
            continue
        assert quiz["article"]["language"] == "zh", row["id"]
        assert quiz["questions"], row["id"]
        for question in quiz["questions"]:  # a word blanked in every row of a table is a pattern, not a question
            assert question["type"] != "cloze" or question["text"].count("{{c") == len(question["answers"]), row["id"]
        scripts.append(quiz["article"].get("script", "Hans"))
    assert refused == []
    assert scripts.count(script) == count
