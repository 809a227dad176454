"""The self-check page as a learner meets it: opened from a file in headless Chromium,
answered by keyboard, scored, printed; checked for network requests and by axe-core."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest

from conftest import ROOT
from printing import ARGS, CHROMIUM, page_texts
from quizgen.render.layout import Blank, cloze_pieces, worksheet_parts
from quizgen.render.selfcheck import selfcheck_html

AXE = ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"
CHECK = {"zh": "检查答案", "en": "Check answers"}


@pytest.fixture(scope="module")
def selfcheck(outputs, tmp_path_factory):
    path = tmp_path_factory.mktemp("selfcheck") / f"{outputs.stem}.selfcheck.html"
    path.write_text(selfcheck_html(outputs.quiz), encoding="utf-8")
    return path


@contextmanager
def opened(path):
    """The page in headless Chromium (screen media), with every request it makes recorded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            requests = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(path.resolve().as_uri())
            page.wait_for_load_state("networkidle")
            yield page, requests
        finally:
            browser.close()


def page_order(quiz: dict) -> list[dict]:
    """Questions in the order the page shows them (grouped into parts, as the worksheet)."""
    return [item["q"] for part in worksheet_parts(quiz) for item in part["items"]]


def answer_by_keyboard(page, quiz: dict) -> None:
    """Tab from the top of the page through every field: type each blank's answer, pick each
    choice with the arrow keys (Space for the first option), then Enter on the check button."""
    page.keyboard.press("Tab")
    for question in page_order(quiz):
        if question["type"] == "cloze":
            for answer in blank_answers(question):
                assert page.evaluate("document.activeElement.name").startswith(question["id"])
                page.keyboard.type(answer)
                page.keyboard.press("Tab")
        else:
            assert page.evaluate("document.activeElement.name") == question["id"]
            if question["correct"] == 0:
                page.keyboard.press("Space")
            for _ in range(question["correct"]):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")


def answer_wrong(page, quiz: dict) -> None:
    for question in quiz["questions"]:
        if question["type"] == "cloze":
            for number, answer in enumerate(blank_answers(question), 1):
                page.fill(f"input[name='{question['id']}-{number}']", answer + answer[-1])
        else:
            wrong = (question["correct"] + 1) % len(question["options"])
            page.check(f"input[name='{question['id']}'][value='{wrong}']")
    page.click("button[type=submit]")


def blank_answers(question: dict) -> list[str]:
    """The answer of every blank of a cloze text, a deletion blanked twice twice."""
    return [p.answer for p in cloze_pieces(question["text"]) if isinstance(p, Blank)]


def units(quiz: dict) -> int:
    return sum(len(blank_answers(q)) if q["type"] == "cloze" else 1 for q in quiz["questions"])


def feedback(page, question_id: str) -> dict:
    return page.evaluate("""(id) => {
        const q = document.getElementById(id), box = q.querySelector('.feedback');
        return {shown: !box.hidden && box.offsetHeight > 0, classes: q.className,
                key: box.querySelector('.key').textContent, text: box.innerText};
    }""", question_id)


def test_all_right_then_all_wrong(selfcheck, outputs):
    quiz = outputs.quiz
    total = units(quiz)
    with opened(selfcheck) as (page, requests):
        assert not page.evaluate("Array.from(document.querySelectorAll('.feedback')).some(f => !f.hidden)")
        answer_by_keyboard(page, quiz)
        score = page.text_content("#score")
        assert f"{total} / {total}" in score and "100%" in score
        assert page.evaluate("document.activeElement.id") == "score"  # the result is announced
        for question in quiz["questions"]:
            shown = feedback(page, question["id"])
            assert shown["shown"] and "right" in shown["classes"].split()
        page.click("button[type=reset]")
        assert page.text_content("#score") == ""
        answer_wrong(page, quiz)
        score = page.text_content("#score")
        assert f"0 / {total}" in score and ("(0%)" in score or "（0%）" in score)
        for question in quiz["questions"]:
            shown = feedback(page, question["id"])
            assert shown["shown"] and "wrong" in shown["classes"].split()
            key = ("；" if outputs.language == "zh" else "; ").join(question["answers"]) if question["type"] == "cloze" \
                else "ABCD"[question["correct"]]
            assert shown["key"].startswith(key)
            assert " ".join(question["source"].split()) in " ".join(shown["text"].split())
            for explanation in question.get("explanations") or []:
                assert " ".join(explanation.split()) in " ".join(shown["text"].split())
    assert requests == [selfcheck.resolve().as_uri()], f"network requests: {requests}"


def test_page_is_self_contained(selfcheck):
    html = selfcheck.read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|img|iframe)[^>]+src=|<link\b|@import|url\(", html)
    assert "http://" not in html and "https://" not in html


@pytest.mark.parametrize("state", ["fresh", "checked"])
def test_no_accessibility_violations(selfcheck, outputs, state):
    assert AXE.exists(), "run `make test` to install the checkers (npm install --prefix tools)"
    with opened(selfcheck) as (page, _):
        if state == "checked":
            answer_wrong(page, outputs.quiz)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
    assert [(v["id"], v["help"], len(v["nodes"])) for v in result["violations"]] == []


def test_prints_without_the_buttons(selfcheck, outputs, tmp_path):
    with opened(selfcheck) as (page, _):
        answer_wrong(page, outputs.quiz)
        page.emulate_media(media="print")
        pdf = tmp_path / "selfcheck.pdf"
        page.pdf(path=str(pdf), print_background=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    text = "\n".join(page_texts(pdf))
    assert CHECK[outputs.language] not in text
    assert outputs.quiz["questions"][0]["source"][:8] in text.replace("\n", "")
    assert overflow <= 0


def test_a_deletion_blanked_twice_is_two_blanks_of_the_score(quiz_more, tmp_path):
    """The generator may blank a term at both its places in a sentence (one c-number): both
    are fields, and the score counts both, never above 100%."""
    import copy

    repeated = copy.deepcopy(quiz_more)
    cloze = next(q for q in repeated["questions"] if q["type"] == "cloze")
    deletion = re.search(r"\{\{c1::.*?\}\}", cloze["text"]).group(0)
    cloze["text"] = cloze["text"].replace(deletion, deletion + "（" + deletion + "）", 1)
    path = tmp_path / "repeated.selfcheck.html"
    path.write_text(selfcheck_html(repeated), encoding="utf-8")
    total = units(repeated)
    with opened(path) as (page, _):
        assert page.locator(f"input[name^='{cloze['id']}-']").count() == 2
        answer_by_keyboard(page, repeated)
        assert f"{total} / {total}" in page.text_content("#score")
        page.click("button[type=reset]")
        page.fill(f"input[name='{cloze['id']}-1']", cloze["answers"][0])
        page.click("button[type=submit]")
        assert f"1 / {total}" in page.text_content("#score")
        assert "wrong" in feedback(page, cloze["id"])["classes"].split()  # one of two blanks is not a right question
