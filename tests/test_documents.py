"""PDF and Word input: files made from text at test time (tests/documents.py) read as the
text they were made from; a scan without a text layer and a damaged PDF get one line."""

from __future__ import annotations

import base64
import json

import pytest

from quizgen.cli import app
from quizgen.pipeline import build_quiz, read_article
from quizgen.read import read

from documents import docx_of, pdf_of
from printing import ARGS, CHROMIUM


from conftest import AT_LEAST_ONE_ARGS
from quizgen.settings import GenerateSettings as _GS, Settings as _S

AT_LEAST_ONE = _S(generate=_GS(min_questions=1))  # a test of reading: one question at least, as --at-least 1

def _outline(path):
    article = read_article(path)
    return article.title, [(s.title, s.points) for s in article.sections], article.thesis


@pytest.fixture(scope="module")
def bundled_lines(bundled) -> list[str]:
    return [line.strip() for line in bundled.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def bundled_pdf(bundled_lines, tmp_path_factory):
    return pdf_of(bundled_lines, tmp_path_factory.mktemp("pdf") / "internet-finance.pdf")


def test_bundled_article_as_docx_reads_as_its_text(bundled, bundled_lines, tmp_path):
    path = docx_of(bundled_lines, tmp_path / "internet-finance.docx")
    assert _outline(path) == _outline(bundled)
    assert _outline(bundled)[1][1][1]  # the comparison covers sections with points


def test_bundled_article_as_text_pdf_reads_as_its_text(bundled, bundled_pdf):
    assert _outline(bundled_pdf) == _outline(bundled)


def test_pdf_running_header_and_page_numbers_are_dropped(bundled_pdf, bundled_lines):
    blocks = [b.text for b in read(bundled_pdf).blocks]
    assert not any("校内阅读材料" in b or b.startswith("第 ") and b.endswith(" 页") for b in blocks)
    paragraphs = [line for line in bundled_lines if len(line) > 60]  # each wraps over two or more lines
    assert len(paragraphs) >= 20 and [b for b in blocks if b in paragraphs] == paragraphs


ENTRY = ["青石镇图书馆是青石镇唯一的公共图书馆，一九八六年由镇政府出资兴建，现有藏书四万册。",
         "馆舍历史",
         "图书馆最早设在镇文化站的两间平房里，只有一个阅览室。一九九八年迁入新馆，新馆共有三层，设有少儿阅览室和报刊阅览室。",
         "新馆的屋顶在二〇一五年翻修过一次，翻修后增加了一个露天读书角，夏天的傍晚常有居民在那里读报。",
         "服务与活动",
         "图书馆每周二闭馆整理图书，其余日子从上午九点开放到晚上八点。每年四月，图书馆举办读书节，邀请本地作者与读者见面。",
         "读书节期间，小学生可以用读书笔记换取借书卡，借书卡能在镇上的三所学校之间通用。"]
TABLE = [["年份", "藏书（册）"], ["一九八六", "八千"], ["二〇二〇", "四万"]]


def test_docx_headings_by_style_title_and_tables_kept_apart(tmp_path):
    path = docx_of(ENTRY, tmp_path / "library.docx", headings={"馆舍历史", "服务与活动"},
                   title="青石镇图书馆", table=TABLE)
    article = read_article(path)
    assert article.title == "青石镇图书馆"
    assert [s.title for s in article.sections] == [None, "馆舍历史", "服务与活动"]
    quiz = build_quiz(path, settings=AT_LEAST_ONE).to_dict()
    shown = json.dumps(quiz["questions"], ensure_ascii=False)
    assert quiz["questions"] and "藏书（册）" not in shown and "八千" not in shown


def test_pdf_headings_by_font_size(tmp_path):
    path = pdf_of(ENTRY, tmp_path / "library.pdf", headings={"馆舍历史", "服务与活动"}, title="青石镇图书馆")
    article = read_article(path)
    assert article.title == "青石镇图书馆"
    assert [s.title for s in article.sections] == [None, "馆舍历史", "服务与活动"]
    assert article.sections[1].paragraphs[1].text == ENTRY[3]


def test_two_column_pdf_reads_column_by_column(tmp_path):
    path = pdf_of(ENTRY * 8, tmp_path / "columns.pdf", columns=2)  # two pages: the running header repeats
    assert [b.text for b in read(path).blocks] == ENTRY * 8


def test_pdf_hyphenated_english_words_are_joined(tmp_path):
    lines = ["Photosynthesis turns the energy of sunlight into the chemi-",
             "cal energy that green plants store in sugars, and nearly every ani-",
             "mal on land depends on it, directly or through its food."]
    paragraphs = ["\n".join(lines) for _ in range(40)]  # forty paragraphs: two pages or more
    path = pdf_of(paragraphs, tmp_path / "leaf.pdf", lang="en", header="Biology Reader")
    blocks = [b.text for b in read(path).blocks]
    whole = ("Photosynthesis turns the energy of sunlight into the chemical energy that green plants "
             "store in sugars, and nearly every animal on land depends on it, directly or through its food.")
    assert blocks == [whole] * 40


def test_scanned_pdf_without_text_layer_is_refused_in_one_line(runner, tmp_path):
    from playwright.sync_api import sync_playwright

    page_html = tmp_path / "scan.html"
    page_html.write_text('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="font-size:20pt">'
                         + "".join(f"<p>{line}</p>" for line in ENTRY) + "</body></html>", encoding="utf-8")
    scan = tmp_path / "scan.pdf"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(page_html.resolve().as_uri())
        picture = base64.b64encode(page.screenshot(full_page=True)).decode()
        page.set_content(f'<img src="data:image/png;base64,{picture}" style="width:100%">')
        page.pdf(path=str(scan), format="A4")
        browser.close()
    result = runner.invoke(app, ["build", str(scan), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if str(scan) in line]
    assert len(lines) == 1 and "scanned PDF without a text layer" in lines[0], result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_damaged_pdf_and_docx_get_one_line(runner, tmp_path):
    bad_pdf = tmp_path / "broken.pdf"
    bad_pdf.write_bytes(b"%PDF-1.7\n" + b"garbage " * 200)
    bad_docx = tmp_path / "broken.docx"
    import zipfile

    with zipfile.ZipFile(bad_docx, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    for path, message in ((bad_pdf, "is a PDF document that is damaged"), (bad_docx, "is not a readable Word")):
        result = runner.invoke(app, ["build", str(path), "-o", str(tmp_path / "out")])
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        lines = [line for line in result.stderr.splitlines() if str(path) in line]
        assert len(lines) == 1 and message in lines[0], result.stderr
