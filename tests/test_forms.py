"""Exam forms (--forms 2): two student copies with the questions and options in another order,
each teacher copy's key right for its own form (checked against the quiz file), the form's
label on every printed page, the same forms from the same quiz file."""

from __future__ import annotations

import re
import shutil
import subprocess

import lxml.html
import pytest
from docx import Document

from quizgen.cli import app
from quizgen.render.word import KEY_STYLE

from printing import browser_page, page_texts, print_pdf

LABEL = {"zh": "{} 卷", "en": "Form {}"}


@pytest.fixture(scope="module")
def forms(runner, outputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("forms")
    result = runner.invoke(app, ["render", str(outputs.path("quiz.json")), "-o", str(out), "--forms", "2",
                                 "-f", "html", "-f", "docx", "--name", "quiz"])
    assert result.exit_code == 0, result.output
    return out


def test_forms_are_written_and_deterministic(runner, forms, outputs, tmp_path):
    assert sorted(p.name for p in forms.iterdir()) == sorted(
        f"quiz.form-{f}.{kind}" for f in "AB" for kind in
        ("worksheet.html", "answers.html", "worksheet.docx", "answers.docx"))
    again = tmp_path / "again"
    assert runner.invoke(app, ["render", str(outputs.path("quiz.json")), "-o", str(again), "--forms", "2",
                               "-f", "html", "--name", "quiz"]).exit_code == 0
    for form in "AB":
        name = f"quiz.form-{form}.answers.html"
        assert (again / name).read_bytes() == (forms / name).read_bytes()


def html_order(path) -> list[tuple[str, list[str]]]:
    """(question id, options) in the order a worksheet prints them."""
    root = lxml.html.parse(str(path)).getroot()
    return [(q.get("id"), [re.sub(r"^[A-D]\.", "", li.text_content()) for li in q.xpath(".//ol[contains(@class, 'options')]/li")])
            for q in root.xpath("//div[@class='question']")]


def html_keys(path) -> list[str]:
    root = lxml.html.parse(str(path)).getroot()
    return [span.text_content() for span in root.xpath("//section[@class='answer-key']//span[@class='key-answer']")]


def expected_key(question: dict, options: list[str], language: str) -> str:
    """The key a form must print: the cloze answers, or the letter at which this form put the
    quiz file's right option, with that option."""
    if question["type"] == "cloze":
        return ("；" if language == "zh" else "; ").join(question["answers"])
    letter = "ABCD"[options.index(question["options"][question["correct"]])]
    return f"{letter}（{options['ABCD'.index(letter)]}）" if language == "zh" else f"{letter} ({options['ABCD'.index(letter)]})"


def test_orders_differ_and_each_key_matches_its_form(forms, outputs):
    by_id = {q["id"]: q for q in outputs.quiz["questions"]}
    orders = {}
    for form in "AB":
        student = html_order(forms / f"quiz.form-{form}.worksheet.html")
        teacher = html_order(forms / f"quiz.form-{form}.answers.html")
        assert student == teacher  # the teacher copy of a form is that form
        assert sorted(qid for qid, _ in student) == sorted(by_id)
        for qid, options in student:
            assert sorted(options) == sorted(by_id[qid].get("options") or [])
        keys = html_keys(forms / f"quiz.form-{form}.answers.html")
        assert keys == [expected_key(by_id[qid], options, outputs.language) for qid, options in student]
        orders[form] = student
    assert orders["A"] != orders["B"]
    original = [(q["id"], q.get("options") or []) for q in outputs.quiz["questions"]]
    assert orders["A"] != original and orders["B"] != original  # neither form is the quiz file's order


def test_word_forms_keys_match_the_html_forms(forms, outputs):
    for form in "AB":
        html = html_keys(forms / f"quiz.form-{form}.answers.html")
        document = Document(str(forms / f"quiz.form-{form}.answers.docx"))
        heading = next(i for i, p in enumerate(document.paragraphs) if p.paragraph_format.page_break_before)
        keys = ["".join(r.text for r in p.runs if r.style.name == KEY_STYLE)
                for p in document.paragraphs[heading + 1:]]
        assert keys == html
        label = LABEL[outputs.language].format(form)
        assert document.sections[0].header.paragraphs[0].text == label
        student = Document(str(forms / f"quiz.form-{form}.worksheet.docx"))
        assert student.sections[0].header.paragraphs[0].text == label


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_printed_page_carries_the_form(forms, outputs, tmp_path):
    for form in "AB":
        label = LABEL[outputs.language].format(form)
        for kind in ("worksheet", "answers"):
            with browser_page(forms / f"quiz.form-{form}.{kind}.html") as page:
                pdf = print_pdf(page, tmp_path / f"{form}-{kind}.pdf")
            pages = page_texts(pdf)
            assert pages and all(squeeze(label) in squeeze(text) for text in pages), f"form {form} {kind}"
    soffice = shutil.which("soffice")
    assert soffice, "the Word check needs LibreOffice"
    documents = [str(forms / f"quiz.form-{form}.worksheet.docx") for form in "AB"]
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *documents], check=True, capture_output=True,
                   timeout=300)
    for form in "AB":
        pages = page_texts(tmp_path / f"quiz.form-{form}.worksheet.pdf")
        assert pages and all(squeeze(LABEL[outputs.language].format(form)) in squeeze(text) for text in pages)
