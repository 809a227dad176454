"""The Word worksheets as teachers meet them: read back with python-docx, and converted to
PDF by LibreOffice (headless, Debian's package) with the PDF read back by poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from quizgen.render.layout import Blank, cloze_pieces, worksheet_parts
from quizgen.render.word import BLANK_STYLE, KEY_STYLE, word_document
from quizgen.settings import RenderSettings

KEY_HEADING = {"zh": "参考答案", "en": "Answer Key"}
FOOTER = {"zh": r"第\s*{page}\s*页\s*/\s*共\s*{pages}\s*页", "en": r"Page\s*{page}\s*of\s*{pages}"}
A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "the Word check needs LibreOffice (apt-get install libreoffice-writer-nogui; `make test` does it)"
    return found


@pytest.fixture(scope="module")
def documents(outputs, tmp_path_factory):
    """Student and teacher copies (A4, and the teacher copy on Letter too), saved and
    converted to PDF by LibreOffice in one run."""
    folder = tmp_path_factory.mktemp("word")
    paths = {}
    for name, answers, paper in (("worksheet", False, "a4"), ("answers", True, "a4"), ("letter", True, "letter")):
        paths[name] = folder / f"{name}.docx"
        word_document(outputs.quiz, answers=answers, settings=RenderSettings(paper=paper)).save(str(paths[name]))
    profile = folder / "profile"
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, paths.values())], check=True, capture_output=True, timeout=300)
    return {name: (path, path.with_suffix(".pdf")) for name, path in paths.items()}


def pdf_pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_size(pdf) -> tuple[int, int]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = re.search(r"Page size:\s*([\d.]+) x ([\d.]+)", info).groups()
    return round(float(width)), round(float(height))


def question_paragraphs(document) -> list:
    """The paragraphs that open a question: '<number>.<tab>…'."""
    return [p for p in document.paragraphs if re.match(r"\d+\.\t", p.text)]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_python_docx_reads_back_every_question(documents, outputs):
    order = [item["q"] for part in worksheet_parts(outputs.quiz) for item in part["items"]]
    for kind in ("worksheet", "answers"):
        document = Document(str(documents[kind][0]))
        paragraphs = question_paragraphs(document)
        assert len(paragraphs) == len(order)
        texts = [p.text for p in document.paragraphs]
        for number, (paragraph, question) in enumerate(zip(paragraphs, order), 1):
            assert paragraph.text.startswith(f"{number}.\t")
            blanks = [r.text for r in paragraph.runs if r.style.name == BLANK_STYLE]
            around = "".join(r.text for r in paragraph.runs[1:] if r.style.name != BLANK_STYLE)
            if question["type"] == "cloze":
                plain = "".join(p if isinstance(p, str) else "" for p in cloze_pieces(question["text"]))
                assert flat(around) == flat(plain)
                expected = [p.answer for p in cloze_pieces(question["text"]) if isinstance(p, Blank)]
            else:
                assert flat(around).startswith(flat(question["stem"].replace("____", "")))
                for letter, option in zip("ABCD", question["options"]):
                    assert any(flat(f"{letter}. {option}") in flat(t) for t in texts)
                expected = [question["options"][question["correct"]]] * question["stem"].count("____")
            filled = [b.strip("\u3000\u200b") for b in blanks]
            if kind == "worksheet":
                assert all(not b for b in filled), f"question {number}: a filled blank"
                assert len(blanks) == len(expected)
            else:
                assert [b for b in filled if b] == expected


def test_student_copy_holds_no_answers(documents, outputs):
    document = Document(str(documents["worksheet"][0]))
    runs = [r for p in document.paragraphs for r in p.runs]
    assert not [r.text for r in runs if r.style.name == KEY_STYLE]
    text = "\n".join(p.text for p in document.paragraphs)
    assert KEY_HEADING[outputs.language] not in text
    for question in outputs.quiz["questions"]:
        assert question["source"] not in text
        for explanation in question.get("explanations") or []:
            assert explanation not in text
    pdf_text = "".join(pdf_pages(documents["worksheet"][1]))
    assert KEY_HEADING[outputs.language] not in pdf_text
    assert all(flat(q["source"]) not in flat(pdf_text) for q in outputs.quiz["questions"])


def test_libreoffice_prints_the_key_on_its_own_page(documents, outputs):
    for kind in ("worksheet", "answers"):
        pages = pdf_pages(documents[kind][1])
        assert 1 <= len(pages) <= len(outputs.quiz["questions"]) // 2 + 3
        for number, page in enumerate(pages, 1):
            assert re.search(FOOTER[outputs.language].format(page=number, pages=len(pages)), page), f"page {number} footer"
        assert "班级" in pages[0] if outputs.language == "zh" else "Class" in pages[0]
        last_number = len(outputs.quiz["questions"])
        if kind == "answers":
            key_page = next(i for i, page in enumerate(pages) if KEY_HEADING[outputs.language] in page)
            assert pages[key_page].strip().startswith(KEY_HEADING[outputs.language])
            question_pages = [i for i, page in enumerate(pages) if re.search(rf"^\s*{last_number}\.", page, re.M)]
            assert min(question_pages) < key_page  # the last question comes before the key page
            for question in outputs.quiz["questions"]:
                assert flat(question["source"])[:20] in flat("".join(pages[key_page:]))


def test_paper_size_and_east_asian_fonts(documents, outputs):
    assert page_size(documents["worksheet"][1]) == A4_POINTS
    assert page_size(documents["letter"][1]) == LETTER_POINTS
    document = Document(str(documents["worksheet"][0]))
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Noto Serif CJK SC"
    assert document.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    with zipfile.ZipFile(documents["worksheet"][0]) as package:
        table = etree.fromstring(package.read("word/fontTable.xml"))
    declared = {f.get(qn("w:name")): f.find(qn("w:altName")).get(qn("w:val"))
                for f in table.findall(qn("w:font")) if f.find(qn("w:altName")) is not None}
    assert declared == {"Noto Serif CJK SC": "宋体", "Noto Sans CJK SC": "黑体"}
    used = subprocess.run(["pdffonts", str(documents["worksheet"][1])], capture_output=True, text=True,
                          check=True).stdout
    names = [line.split()[0] for line in used.splitlines()[2:]]
    if outputs.language == "zh":
        cjk = [n for n in names if "CJK" in n]
        assert any("Serif" in n for n in cjk) and any("Sans" in n for n in cjk), names  # body and headings
        assert all(" yes " in line for line in used.splitlines()[2:]), "a font is not embedded"
        text = "".join(pdf_pages(documents["worksheet"][1]))
        assert flat(outputs.quiz["article"]["title"])[:10] in flat(text)  # the glyphs carry their characters
    else:
        assert any("CJK" not in n for n in names), names  # Latin text in a Latin face (blanks are ideographic spaces)
