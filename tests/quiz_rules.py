"""Rules every article's terms and quiz must keep, shared by the test suite (on the page
fixtures) and by corpus_checks/ (on the development corpus). Each asserts, naming the article."""

from __future__ import annotations

from pathlib import Path

from quizgen.languages import CHINESE
from quizgen.terms import stands_alone


def assert_no_term_only_inside_a_longer_one(name: str, article) -> None:
    """A term that never occurs outside a longer term is that term's fragment; a name occurs twice."""
    text = article.text
    for term in article.terms:
        longer = [o.text for o in article.terms if o.text != term.text and term.text in o.text
                  and text.count(o.text) == text.count(term.text)]
        assert not longer, (name, term.text, longer)
        if term.kind == "name":
            assert text.count(term.text) >= 2, (name, term.text)


def assert_blanks_are_whole_words_with_context(name: str, quiz: dict) -> None:
    """No blank cuts a word off its suffix (平台|型), no blank is a clause of its own
    (“____，……”), which asks for a connective rather than for content, and no word is
    blanked twice in one question (a pattern to fill, not a question)."""
    for question in quiz["questions"]:
        if question["type"] == "cloze":
            answers, source = question["answers"], question["source"]
            assert question["text"].count("{{c") == len(answers), (name, question["text"])
        elif "____" in question["stem"]:
            answers, source = [question["options"][question["correct"]]], question["source"]
        else:
            continue
        for answer in answers:
            assert stands_alone(source, answer), (name, answer, source)
            assert not CHINESE.cues.fullmatch(answer), (name, answer)  # 关键 marks a claim, it is no content
            at = source.find(answer)
            before, after = source[:at].rstrip(), source[at + len(answer):].lstrip()
            assert before and before[-1] not in "，,；;：:" or after and after[0] not in "，,；;：:。", (name, answer, source)


def who_said_it(article, quiz: dict) -> tuple[list[dict], list[dict]]:
    """The detail questions, and those among them whose answer is a person's name."""
    names = {t.text for t in article.terms if t.kind == "name"}
    details = [q for q in quiz["questions"] if q["skill"] == "detail"]
    asked = [q for q in details if set(q.get("answers") or [q["options"][q["correct"]]]) & names]
    return details, asked


def assert_few_questions_only_ask_who_said_it(name: str, article, quiz: dict) -> None:
    details, asked = who_said_it(article, quiz)
    assert len(asked) <= max(2, len(details) // 4), (name, [q["source"][:30] for q in asked])


def report_of(texts: list[str], folder: Path) -> Path:
    """A 250,000-character report: the texts over and over, as numbered chapters."""
    parts, n = [], 0
    while sum(map(len, parts)) < 250_000:
        n += 1
        parts.append(f"\n第{n}章 材料{n}\n\n" + texts[n % len(texts)])
    path = folder / "report.txt"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def assert_batch_matches_serial(runner, app, folder, out, count: int):
    """A folder of `count` inputs builds to the same bytes with one worker and with two."""
    serial, parallel = out / "serial", out / "parallel"
    one = runner.invoke(app, ["build", str(folder), "-o", str(serial), "-f", "json", "--jobs", "1", "--at-least", "1"])
    two = runner.invoke(app, ["build", str(folder), "-o", str(parallel), "-f", "json", "--jobs", "2", "--at-least", "1"])
    assert one.exit_code == 0 and two.exit_code == 0, one.output + two.output
    names = sorted(p.name for p in serial.iterdir())
    assert len(names) == count and names == sorted(p.name for p in parallel.iterdir())
    for name in names:
        assert (serial / name).read_bytes() == (parallel / name).read_bytes(), name
    assert "questions" in one.output  # the summary table
