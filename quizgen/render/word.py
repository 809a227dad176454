"""`<stem>.worksheet.docx` and `<stem>.answers.docx`: the worksheet and the teacher copy as
Word documents a teacher can edit before printing (python-docx).

The same layout as the HTML worksheet: source line, title, the 姓名/班级/学号/日期/得分 row,
instructions, numbered parts, each blank an underlined run of the answer's printed width
(ideographic spaces: one em each), choice options in columns by their length; the teacher copy
fills the blanks and marks the keys in red, then gives the answer key on its own page. Paper
follows --paper. East Asian text gets its own font (w:eastAsia) and the zh-CN language, so
Word and LibreOffice draw Chinese in a Chinese face: Noto CJK, with 宋体/黑体 named as the
alternates Word substitutes where Noto is not installed. Blanks use the character style
"quizgen blank" and keys "quizgen key", so that a reader (and the tests) can find them.
"""

from __future__ import annotations

import math

from ..languages import wording as language_wording
from ..settings import RenderSettings
from .files import Writer
from .forms import form_outputs
from .layout import LETTERS, option_columns, printed_ems, worksheet_parts, xml_safe
from .layout import instructions as instructions_text

SERIF = ("Noto Serif CJK SC", "宋体")  # (font, the alternate name Word substitutes)
SANS = ("Noto Sans CJK SC", "黑体")
LATIN_SERIF, LATIN_SANS = "Times New Roman", "Arial"
PAPER_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}
RED = (0xB0, 0x00, 0x00)
BLANK_STYLE, KEY_STYLE = "quizgen blank", "quizgen key"
# A blank is underlined ideographic spaces (one em each) closed by a zero-width space: spaces at
# the end of a paragraph or line are not drawn, underline and all, without something after them.
LINE_SPACE, LINE_END = "\u3000", "\u200b"
FIELD_WIDTHS = [5, 6, 4, 6, 3]  # em, for 班级 姓名 学号 日期 得分: one line on A4 and Letter


def outputs(quiz: dict, stem: str, settings: RenderSettings) -> dict[str, Writer]:
    return form_outputs(quiz, stem, settings.forms, settings.key, "docx",
                        lambda form_quiz, answers, form: _writer(form_quiz, answers, settings, form))


def _writer(quiz: dict, answers: bool, settings: RenderSettings, form: str | None) -> Writer:
    return lambda path: word_document(quiz, answers=answers, settings=settings, form=form).save(str(path))


def word_document(quiz: dict, *, answers: bool, settings: RenderSettings | None = None,
                  form: str | None = None):
    """The worksheet (answers=False) or the teacher copy as a python-docx Document."""
    from docx import Document

    settings = settings or RenderSettings()
    quiz = xml_safe(quiz)
    article = quiz["article"]
    wording = language_wording(article.get("language", "zh"), article.get("script"))
    title = xml_safe(settings.title or article.get("title") or wording["default_title"])
    form_label = wording["form"].format(letter=form) if form else None
    document = Document()
    _page_setup(document, settings.paper, wording, form_label)
    _styles(document)
    _head(document, article, title, wording, answers, form_label)
    parts = worksheet_parts(quiz)
    instructions = document.add_paragraph(instructions_text(wording, parts, article.get("title") or title))
    instructions.style = document.styles["quizgen instructions"]
    for part in parts:
        document.add_paragraph(wording["part"].format(numeral=part["numeral"], title=part["title"],
                                                      per=part["per"], each=part["each"], total=part["total"]),
                               style="Heading 2")
        for item in part["items"]:
            _question(document, item, wording, answers)
    if answers:
        _key(document, parts, article, wording, form_label)
    return document


# --- page, fonts, styles ---------------------------------------------------------------------

def _page_setup(document, paper: str, wording: dict, form_label: str | None) -> None:
    from docx.shared import Mm

    width, height = PAPER_MM.get(paper.lower(), PAPER_MM["a4"])
    section = document.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin, section.bottom_margin = Mm(16), Mm(18)
    footer = section.footer.paragraphs[0]
    footer.alignment = 1  # centre
    _page_number(footer, wording)
    if form_label:
        header = section.header.paragraphs[0]
        header.alignment = 2  # right
        run = header.add_run(form_label)
        run.bold = True
        _fonts(run, SANS, LATIN_SANS)


def _page_number(paragraph, wording: dict) -> None:
    """'第 N 页 / 共 M 页' (or 'Page N of M') with PAGE and NUMPAGES fields."""
    if wording["html_lang"] == "en":
        pieces = ["Page ", "PAGE", " of ", "NUMPAGES"]
    else:
        pieces = ["第 ", "PAGE", " 页 / 共 ", "NUMPAGES", " 页"]
    for piece in pieces:
        if piece in {"PAGE", "NUMPAGES"}:
            _field(paragraph, piece)
        else:
            _fonts(paragraph.add_run(piece), SANS, LATIN_SANS)


def _field(paragraph, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        else:
            run.text = text


def _fonts(target, east_asian: tuple[str, str], latin: str) -> None:
    """Set a run's or a style's fonts: Latin for ASCII, a CJK face for East Asian text,
    and the zh-CN East Asian language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    target.font.name = latin
    properties = target.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), latin)
    fonts.set(qn("w:eastAsia"), east_asian[0])
    fonts.set(qn("w:hint"), "eastAsia")
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:eastAsia"), "zh-CN")


def _styles(document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    _fonts(normal, SERIF, LATIN_SERIF)
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(2)
    normal.paragraph_format.line_spacing = 1.35
    for name, size in (("Title", 16), ("Heading 2", 12)):
        style = styles[name]
        _fonts(style, SANS, LATIN_SANS)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x11, 0x11, 0x11)
        style.font.bold = True
        style.paragraph_format.keep_with_next = True
    styles["Title"].paragraph_format.alignment = 1
    styles["Heading 2"].paragraph_format.space_before = Pt(10)
    instructions = styles.add_style("quizgen instructions", WD_STYLE_TYPE.PARAGRAPH)
    instructions.base_style = normal
    instructions.font.size = Pt(9.5)
    instructions.paragraph_format.space_after = Pt(6)
    blank = styles.add_style(BLANK_STYLE, WD_STYLE_TYPE.CHARACTER)
    blank.font.underline = True
    key = styles.add_style(KEY_STYLE, WD_STYLE_TYPE.CHARACTER)
    key.font.bold = True
    key.font.color.rgb = RGBColor(*RED)
    _font_table(document)


def _font_table(document) -> None:
    """Declare the CJK fonts in the font table with their Chinese alternate names and the
    GB2312 character set, so that Word on a machine without Noto substitutes a Chinese face.
    python-docx keeps the font table as a plain part: its XML is edited as bytes."""
    from lxml import etree

    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    w = root.nsmap["w"]
    for name, alternate in (SERIF, SANS):
        font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": name})
        for tag, value in (("altName", alternate), ("charset", "86"), ("family", "auto"), ("pitch", "variable")):
            etree.SubElement(font, f"{{{w}}}{tag}", {f"{{{w}}}val": value})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- content ---------------------------------------------------------------------------------

def _head(document, article: dict, title: str, wording: dict, answers: bool, form_label: str | None) -> None:
    from docx.shared import Pt

    source = " · ".join(v for v in (article.get("source"), article.get("author"), article.get("date")) if v)
    if source:
        line = document.add_paragraph(source)
        line.alignment = 1
        line.runs[0].font.size = Pt(9)
    heading = document.add_paragraph(f"{title} · {wording['sheet']}", style="Title")
    for label in (form_label, wording["teacher"] if answers else None):
        if label:
            run = heading.add_run(f"  [{label}]")
            run.font.size = Pt(11)
    fields = document.add_paragraph()
    fields.paragraph_format.space_after = Pt(8)
    for index, (label, width) in enumerate(zip(wording["fields"].split(), FIELD_WIDTHS)):
        if index:
            fields.add_run("  ")
        fields.add_run(f"{label}{wording['colon']}")
        fields.add_run(LINE_SPACE * width + LINE_END, style=BLANK_STYLE)


def _question(document, item: dict, wording: dict, answers: bool) -> None:
    from docx.shared import Mm

    question = item["q"]
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = question["type"] == "choice"
    paragraph.paragraph_format.left_indent = Mm(7)
    paragraph.paragraph_format.first_line_indent = Mm(-7)
    paragraph.add_run(f"{item['number']}.\t").bold = True
    for segment in item["html"]:
        if "blank" in segment:
            _blank(paragraph, segment["blank"], segment["width"], answers)
        elif segment["text"]:
            paragraph.add_run(segment["text"])
    if question["type"] != "choice":
        return
    open_paren, close_paren = ("（", "）") if wording["html_lang"] != "en" else (" (", ")")
    paragraph.add_run(open_paren)
    if answers:
        paragraph.add_run(f" {LETTERS[question['correct']]} ", style=KEY_STYLE)
    else:
        paragraph.add_run("\u3000\u3000")
    paragraph.add_run(close_paren)
    _options(document, question, answers)


def _blank(paragraph, answer: str, width: float, answers: bool) -> None:
    """An underlined blank of the answer's printed width; the teacher copy writes the answer
    in it, padded to the same width."""
    ems = math.ceil(width)
    if not answers:
        paragraph.add_run(LINE_SPACE * ems + LINE_END, style=BLANK_STYLE)
        return
    pad = max(1, ems - math.ceil(printed_ems(answer))) / 2
    paragraph.add_run(LINE_SPACE * math.floor(pad), style=BLANK_STYLE)
    run = paragraph.add_run(answer, style=BLANK_STYLE)
    run.bold = True
    run.font.color.rgb = _rgb()
    paragraph.add_run(LINE_SPACE * math.ceil(pad) + LINE_END, style=BLANK_STYLE)


def _rgb():
    from docx.shared import RGBColor

    return RGBColor(*RED)


def _options(document, question: dict, answers: bool) -> None:
    """The options in 4, 2 or 1 columns (tab stops), as the HTML worksheet lays them out."""
    from docx.shared import Mm

    columns = option_columns(question["options"])
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin - Mm(7)
    options = list(enumerate(question["options"]))
    for start in range(0, len(options), columns):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(7)
        paragraph.paragraph_format.keep_with_next = start + columns < len(options)
        if columns == 1:
            paragraph.paragraph_format.first_line_indent = Mm(-5)
            paragraph.paragraph_format.left_indent = Mm(12)
        for column in range(1, columns):
            paragraph.paragraph_format.tab_stops.add_tab_stop(int(text_width * column / columns))
        for offset, (index, option) in enumerate(options[start:start + columns]):
            if offset:
                paragraph.add_run("\t")
            style = KEY_STYLE if answers and index == question["correct"] else None
            paragraph.add_run(f"{LETTERS[index]}. ", style=style).bold = True
            paragraph.add_run(option, style=style)


def _key(document, parts: list[dict], article: dict, wording: dict, form_label: str | None) -> None:
    from docx.shared import Pt

    heading = document.add_paragraph(wording["key"] + (wording["paren"].format(form_label) if form_label else ""),
                                     style="Heading 2")
    heading.alignment = 1
    heading.paragraph_format.page_break_before = True  # the key on its own page
    sections = {s["id"]: s for s in article["sections"]}
    for part in parts:
        for item in part["items"]:
            question = item["q"]
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.keep_together = True
            paragraph.add_run(f"{item['number']}. ").bold = True
            if question["type"] == "cloze":
                key = wording["answer_sep"].join(question["answers"])
            else:
                key = LETTERS[question["correct"]] + wording["paren"].format(question["options"][question["correct"]])
            paragraph.add_run(key, style=KEY_STYLE)
            for letter, note in zip(LETTERS, question.get("explanations") or []):
                paragraph.add_run().add_break()
                paragraph.add_run(f"{letter}{wording['colon']}{note}").font.size = Pt(9.5)
            paragraph.add_run().add_break()
            section = sections.get(question.get("section"))
            where = wording["in_section"].format(title=section["title"]) if section and section.get("title") else wording["lead"]
            source = paragraph.add_run(f"{wording['source']}{question['source']}{wording['paren'].format(where)}")
            source.font.size = Pt(9.5)
