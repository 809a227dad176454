"""Stage 6, check: the quality gate for generated questions and for any quiz file.

Compute, then decide: every rule returns `Problem`s with a reason code; the generator drops a
candidate with an error, `quizgen check` prints them, `render` refuses a file with errors.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from .english import FUNCTION_WORDS_EN
from .errors import QuizFileError
from .model import BLANK, CLOZE, Problem
from .terms import FUNCTION_WORDS
from .text import ends_sentence

MIN_CONTEXT_CHARS = 8


@lru_cache(maxsize=1)
def quiz_schema() -> dict:
    return json.loads(resources.files("quizgen").joinpath("schema/quiz.schema.json").read_text("utf-8"))


def load_quiz(path) -> dict:
    """Read and validate a quiz file; raise QuizFileError naming the question and field."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise QuizFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise QuizFileError(f"{path}: is a folder, not a quiz file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise QuizFileError(f"{path}: not a JSON quiz file ({err})") from None
    errors = [p for p in schema_problems(data) if p.severity == "error"]
    if errors:
        raise QuizFileError(f"{path}: {errors[0].message}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))
    return data


def schema_problems(data) -> list[Problem]:
    """Structural problems, worded as 'question <id> (#n): field <name>: ...'."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(quiz_schema())
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        qid = None
        if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
            question = data["questions"][path[1]]
            qid = question.get("id") if isinstance(question, dict) else None
            where = f"question {qid or '?'} (#{path[1] + 1})"
            field = ".".join(map(str, path[2:])) or _missing_field(error)
        else:
            where = "quiz"
            field = ".".join(map(str, path)) or _missing_field(error)
        message = f"{where}: field '{field}': {_short(error.message)}" if field else f"{where}: {_short(error.message)}"
        problems.append(Problem(code="schema", question=qid, message=message))
    return problems


def _missing_field(error) -> str:
    match = re.match(r"'([^']+)' is a required property", error.message)
    return match.group(1) if match else ""


def _short(message: str) -> str:
    return message if len(message) <= 160 else message[:157] + "..."


def check_quiz(data: dict) -> list[Problem]:
    """All problems of a quiz (a parsed quiz file): schema, each question, the quiz as a whole."""
    return schema_problems(data) or rule_problems(data)


def rule_problems(data: dict) -> list[Problem]:
    """The quality rules on a quiz already known to fit the schema (what the generator
    writes does, by construction and by test; this skips importing jsonschema per build)."""
    problems: list[Problem] = []
    section_ids = {s["id"] for s in data["article"]["sections"]}
    ids = Counter(q["id"] for q in data["questions"])
    for qid, count in ids.items():
        if count > 1:
            problems.append(Problem("duplicate-id", qid, f"question {qid}: id used {count} times"))
    for question in data["questions"]:
        problems.extend(check_question(question, section_ids))
    known = _known_sentences(data)
    for question in data["questions"]:
        problems.extend(_changed_statement_rules(question, known))
    return problems + _quiz_balance(data["questions"])


_QUOTED_SENTENCE = re.compile(r"“([^“”]+?[。！？!?.])”")
_LETTERS = "ABCD"


def _known_sentences(data: dict) -> set[str]:
    """The article's sentences the quiz file holds: every question's source, the thesis and
    points, and the sentences the explanations quote — without their final marks."""
    article = data["article"]
    found = {q.get("source", "") for q in data["questions"]} | {article.get("thesis") or ""}
    found |= {p for s in article["sections"] for p in s.get("points", [])}
    for question in data["questions"]:
        for note in question.get("explanations") or []:
            found.update(_QUOTED_SENTENCE.findall(str(note)))
    return {s.strip().rstrip("。！？!?.") for s in found if s.strip()}


def _changed_statement_rules(q: dict, known: set[str]) -> list[Problem]:
    """A statement item's changed options (the wrong ones of 正确的一项, the key of 不正确的一项)
    must not say what the article says: an edit that restores the article's words makes a second
    right answer."""
    if q.get("skill") != "statement" or q.get("type") != "choice" or len(q.get("options", [])) != 4:
        return []
    wrong_wanted = not re.search(r"不正[确確]|\bNOT true\b", q.get("stem", ""))
    problems = []
    for index, option in enumerate(q["options"]):
        if (index != q.get("correct")) != wrong_wanted:
            continue
        text = option.strip().rstrip("。！？!?.")
        if any(text == s or (text in s and s.endswith(text) and len(s) - len(text) <= 4) for s in known):
            problems.append(Problem("statement-unchanged", q.get("id"),
                                    f"question {q.get('id')}: option {_LETTERS[index]} is a sentence of the article, "
                                    f"so it is not a wrong statement: {text[:40]}"))
    return problems


def check_question(q: dict, section_ids: set[str]) -> list[Problem]:
    """Problems of one question (a dict as in the quiz file)."""
    qid = q.get("id")
    found: list[tuple[str, str]] = []
    if q.get("section") is not None and q["section"] not in section_ids:
        found.append(("unknown-section", f"field 'section': unknown section {q['section']!r}"))
    source = q.get("source", "")
    if not source.strip():
        found.append(("no-source", "field 'source': empty"))
    elif not ends_sentence(source):
        found.append(("cut-off-source", "field 'source': the sentence is cut off"))
    if q.get("type") == "cloze":
        found += _cloze_rules(q)
    elif q.get("type") == "choice":
        found += _choice_rules(q)
    return [Problem(code, qid, f"question {qid}: {message}") for code, message in found]


def _cloze_rules(q: dict) -> list[tuple[str, str]]:
    text, answers = q.get("text", ""), q.get("answers", [])
    deletions = CLOZE.findall(text)
    if not deletions:
        return [("no-deletion", "field 'text': no {{c1::...}} deletion")]
    numbers = sorted({int(n) for n, _, _ in deletions})
    if numbers != list(range(1, len(numbers) + 1)):
        return [("cloze-numbers", f"field 'text': deletions are numbered {numbers}, not 1..{len(numbers)}")]
    by_number = {}
    for number, answer, _ in deletions:
        by_number.setdefault(int(number), answer)
    expected = [by_number[n] for n in numbers]
    problems = []
    if answers != expected:
        problems.append(("answers-mismatch", f"field 'answers': {answers} but the text deletes {expected}"))
    visible = CLOZE.sub("", text)
    if "{{" in visible or "}}" in visible:
        problems.append(("cloze-syntax-in-text", "field 'text': braces {{ }} outside a deletion"))
    for answer in expected:
        problems += _answer_rules(answer)
        if answer and answer in visible:
            problems.append(("answer-visible", f"field 'text': the answer {answer!r} is visible elsewhere"))
    if len(re.sub(r"\W", "", visible)) < MIN_CONTEXT_CHARS:
        problems.append(("little-context", "field 'text': too little context left to answer"))
    return problems


def _answer_rules(answer: str) -> list[tuple[str, str]]:
    if len(answer.strip()) < 2:
        return [("one-char-answer", f"answer {answer!r}: a single character")]
    if answer in FUNCTION_WORDS or (answer.lower() in FUNCTION_WORDS_EN and not answer.isupper()):
        return [("function-word", f"answer {answer!r}: a function word")]
    return []


def _choice_rules(q: dict) -> list[tuple[str, str]]:
    stem, options, correct = q.get("stem", ""), q.get("options", []), q.get("correct")
    problems = []
    if len(options) != 4:
        return [("option-count", f"field 'options': {len(options)} options, not 4")]
    if not isinstance(correct, int) or not 0 <= correct < 4:
        return [("correct-range", f"field 'correct': {correct!r} is not an index 0-3")]
    if len({o.strip() for o in options}) < 4 or any(not o.strip() for o in options):
        problems.append(("options-not-distinct", "field 'options': options repeat or are empty"))
    answer = options[correct]
    if BLANK not in stem and not stem.rstrip().endswith(("？", "?", "一项是", "一項是", "原因是")):  # 下列……正确的一项是
        problems.append(("stem-form", "field 'stem': neither a blank ____ nor a question"))
    explanations = q.get("explanations")
    if explanations is not None and (len(explanations) != len(options) or not all(str(e).strip() for e in explanations)):
        problems.append(("explanations", "field 'explanations': one explanation per option, none empty"))
    if len(answer) >= 2 and answer in stem:
        problems.append(("answer-in-stem", "field 'stem': the correct option is written in the stem"))
    if BLANK in stem:
        problems += _answer_rules(answer)
        for option in options:
            if option != answer and (answer in option or option in answer):
                problems.append(("overlapping-option", f"option {option!r} overlaps the answer {answer!r}"))
    return problems


def _quiz_balance(questions: list[dict]) -> list[Problem]:
    """Warnings on the quiz as a whole: correct letters and the longest-option giveaway."""
    choices = [q for q in questions if q["type"] == "choice"]
    if len(choices) < 8:
        return []
    problems = []
    positions = Counter(q["correct"] for q in choices)
    if max(positions.values()) > 0.5 * len(choices):
        problems.append(Problem("position-bias", None, f"correct answers bunch on one letter: {dict(positions)}", "warning"))
    longest = sum(len(q["options"][q["correct"]]) > max(len(o) for i, o in enumerate(q["options"]) if i != q["correct"])
                  for q in choices)
    if longest > 0.4 * len(choices):
        problems.append(Problem("longest-correct", None, f"the correct option is the longest in {longest} of {len(choices)} questions", "warning"))
    return problems
