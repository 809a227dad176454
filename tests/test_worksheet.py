"""The worksheets as teachers meet them: printed to PDF by headless Chromium and read back."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from printing import browser_page, inked_pages, page_texts, platform_fonts, print_pdf, show_only

TOOLS = ROOT / "tools" / "node_modules"


PAGE_NUMBERS = {"zh": r"第\s*1\s*页\s*/\s*共\s*{pages}\s*页", "en": r"Page\s*1\s*of\s*{pages}"}
LABELS = {"zh": ["班级", "姓名", "填空题", "参考答案"], "en": ["Class", "Name", "Part I Cloze", "Answer Key"]}


@pytest.fixture(scope="module", params=["worksheet", "answers"])
def printed(request, outputs, tmp_path_factory):
    html = outputs.path(f"{request.param}.html")
    out = tmp_path_factory.mktemp(request.param)
    with browser_page(html) as page:
        pdf = print_pdf(page, out / "all.pdf")
        count = page.evaluate("document.querySelectorAll('.question').length")
        spans = []
        for index in range(count):
            show_only(page, ".question", index)
            spans.append(inked_pages(print_pdf(page, out / f"q{index}.pdf")))
        show_only(page, ".question")
        question_pages = inked_pages(print_pdf(page, out / "questions.pdf"))
        key_pages = []
        if request.param == "answers":
            show_only(page, ".answer-key")
            key_pages = inked_pages(print_pdf(page, out / "key.pdf"))
        fonts = {selector: platform_fonts(page, selector) for selector in ("h1", ".question .stem")}
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return {"kind": request.param, "html": html, "pdf": pdf, "spans": spans,
            "question_pages": question_pages, "key_pages": key_pages, "overflow": overflow,
            "fonts": fonts}


def test_page_count_is_sane(printed, outputs):
    pages = len(page_texts(printed["pdf"]))
    assert 1 <= pages <= len(outputs.quiz["questions"]) // 3 + (4 if printed["kind"] == "answers" else 1)  # a short quiz fits a page
    raw = subprocess.run(["pdftotext", str(printed["pdf"]), "-"], capture_output=True, text=True).stdout
    assert re.search(PAGE_NUMBERS[outputs.language].format(pages=pages), raw), "page N of M in the footer"


def test_no_question_is_split_across_pages(printed, outputs):
    assert len(printed["spans"]) == len(outputs.quiz["questions"])
    for index, pages in enumerate(printed["spans"]):
        assert len(pages) == 1, f"question {index + 1} prints on pages {pages}"


def test_answer_key_starts_on_a_new_page(printed):
    if printed["kind"] != "answers":
        assert not printed["key_pages"]
        return
    assert printed["key_pages"], "the teacher copy has a key"
    assert min(printed["key_pages"]) > max(printed["question_pages"])


def test_glyphs_are_rendered_in_the_article_language(printed, outputs):
    for selector, used in printed["fonts"].items():
        families = {f["familyName"] for f in used}
        if outputs.language == "zh":
            assert any("CJK" in f for f in families), f"{selector} drawn with {families}, not a CJK font"
            assert sum(f["glyphCount"] for f in used if "CJK" in f["familyName"]) >= 5
        else:
            assert sum(f["glyphCount"] for f in used) >= 5 and "Last Resort" not in families
    text = "".join(page_texts(printed["pdf"]))
    labels = LABELS[outputs.language]
    assert all(label in text for label in labels[:3])
    assert (labels[3] in text) == (printed["kind"] == "answers")
    assert outputs.quiz["article"]["title"][:6] in text
    assert f'lang="{"zh-CN" if outputs.language == "zh" else "en"}"' in printed["html"].read_text(encoding="utf-8")


def test_no_horizontal_overflow(printed):
    assert printed["overflow"] <= 0


def test_student_copy_holds_no_answers(outputs):
    html = outputs.path("worksheet.html").read_text(encoding="utf-8")
    assert "answer-key" not in html and "filled" not in html and LABELS[outputs.language][3] not in html
    quiz = outputs.quiz
    for question in quiz["questions"]:
        assert question["source"] not in html, f"{question['id']}: the answer sentence is on the student copy"
    blanks = re.findall(r'<span class="blank[^"]*"[^>]*>(.*?)</span>', html)
    with_blanks = [q for q in quiz["questions"] if q["type"] == "cloze" or "____" in q["stem"]]
    assert len(blanks) >= len(with_blanks)
    assert all(content == "" for content in blanks), "a blank on the student copy is filled in"


def test_teacher_copy_fills_every_blank(outputs):
    html = outputs.path("answers.html").read_text(encoding="utf-8")
    assert html.count('class="answer-key"') == 1
    assert html.count('class="question"') == len(outputs.quiz["questions"])
    for question in outputs.quiz["questions"]:
        if question["type"] == "cloze":
            assert all(f">{a}</span>" in html for a in question["answers"])


def test_html_is_valid_by_the_nu_checker(outputs):
    jar = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert jar.exists(), "run `make test` to install the checkers (npm install --prefix tools)"
    java = shutil.which("java")
    assert java, "the Nu checker needs Java"
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "text",
                             str(outputs.path("worksheet.html")), str(outputs.path("answers.html"))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("kind", ["worksheet", "answers"])
def test_no_accessibility_violations(outputs, kind):
    axe = TOOLS / "axe-core" / "axe.min.js"
    assert axe.exists(), "run `make test` to install the checkers (npm install --prefix tools)"
    with browser_page(outputs.path(f"{kind}.html")) as page:
        page.add_script_tag(path=str(axe))
        result = page.evaluate("async () => await axe.run(document)")
    violations = [(v["id"], v["help"], len(v["nodes"])) for v in result["violations"]]
    assert violations == []


def test_printed_key_explains_every_choice_it_can(printed, outputs):
    """The teacher copy, as printed, carries why each option of a statement or reason item is
    right or wrong; the student copy none of it."""
    explained = [q for q in outputs.quiz["questions"] if q.get("explanations")]
    if outputs.language == "zh":
        assert explained, "the bundled article has statement and reason items"
    text = re.sub(r"\s+", "", "".join(page_texts(printed["pdf"])))
    for question in explained:
        for note in question["explanations"]:
            head = re.sub(r"\s+", "", note)[:12]
            assert (head in text) == (printed["kind"] == "answers"), (printed["kind"], note)


def test_statement_and_reason_items_sit_in_a_comprehension_part(quiz):
    """The exam's 对文章内容的理解和分析: statement and reason items are comprehension, not only the
    argument's structure, and the part says so."""
    from quizgen.render.layout import worksheet_parts

    parts = worksheet_parts(quiz)
    part = next(p for p in parts if any(i["q"]["skill"] == "statement" for i in p["items"]))
    assert part["title"] == "内容理解与分析"
    assert {i["q"]["skill"] for i in part["items"]} >= {"statement", "reason", "thesis", "structure"}
