"""PDF input for the read stage: a text PDF → blocks, one per paragraph or heading.

pdfminer.six lays each page out into text lines with their positions and font sizes; from
those, column by column (a vertical gutter that no line crosses separates columns), each top
to bottom:
- page headers and footers go: lines in a page's top or bottom band that repeat on other
  pages (page numbers counted alike), and bare page numbers ("3", "- 3 -", "第 3 页", "Page 3 of 9");
- lines join into paragraphs: a paragraph ends at a wider gap than the line spacing, at a
  sentence-final line that stops short of the column's right edge, before an indented first
  line, where the font size changes, or at a sentence-final line that ends a page or a column; Chinese lines join without a space, a word hyphenated at a line end
  is joined whole;
- a short paragraph set larger than the body text is a heading.
A PDF without a text layer (a scan) is refused with a message saying so.
"""

from __future__ import annotations

import re
import logging
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from io import BytesIO

from ..errors import InputError
from ..frequency import simplified
from ..languages import script_of
from ..model import Block, Document, InputKind

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]?\s*\d{1,4}\s*[-–—]?|第\s*\d{1,4}\s*页(?:\s*[/／,，]?\s*共\s*\d{1,4}\s*页)?|"
    r"(?:Page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})\s*$", re.I)
_RADICALS = re.compile(r"[\u2f00-\u2fdf\uf900-\ufaff]")  # Kangxi radicals a font's glyph map gives for 金, 言
# the CJK Radicals Supplement forms a Simplified font's glyph map gives for whole characters
_SUPPLEMENT = str.maketrans({
    0x2EC5: "见", 0x2EC6: "角", 0x2EC9: "贝", 0x2ECB: "车", 0x2ED3: "长", 0x2ED4: "门", 0x2ED9: "韦",
    0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EE2: "马", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤",
    0x2EE8: "麦", 0x2EE9: "黄", 0x2EEA: "黾", 0x2EEC: "齐", 0x2EEE: "齿", 0x2EF0: "龙", 0x2EF3: "龟",
    0x2E9F: "母", 0x2EA0: "民", 0x2EC1: "虎", 0x2EC4: "西", 0x2ED8: "青", 0x2EDD: "食", 0x2EE3: "骨",
    0x2EE4: "鬼",
})
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
BAND = 0.09  # the share of the page height at top and bottom where headers and footers sit
HEADING_SCALE = 1.15  # a heading's font is at least this much larger than the body's
MAX_HEADING_CHARS = 60


@dataclass
class _Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    page: int
    box: int
    band: bool  # in the page's header or footer band
    column: int = 0  # the text column it stands in (see _reading_order)

    @property
    def height(self) -> float:
        return max(1.0, self.y1 - self.y0)


def pdf_to_document(raw: bytes, *, name: str, label: str) -> Document:
    """Read a text PDF into blocks (see the module docstring).

    Raises:
        InputError: the PDF cannot be parsed, is encrypted, or has no text layer.
    """
    pages = _lines(raw, label)
    if not any(line.text.strip() for page in pages for line in page):
        raise InputError(f"{label}: is a scanned PDF without a text layer; "
                         "run text recognition (OCR) on it first, or save it as text")
    lines = _drop_headers_and_footers(pages)
    body_size = _body_size(lines)
    blocks = [_block(paragraph, body_size) for paragraph in _paragraphs(lines)]
    if script_of(" ".join(b.text for b in blocks[:200])) == "Hans":
        blocks = [replace(b, text=simplified(b.text)) for b in blocks]  # 戶 for 户: one glyph, two code points
    return Document(name=name, kind=InputKind.TEXT, encoding="pdf", blocks=[b for b in blocks if b.text])


def _lines(raw: bytes, label: str) -> list[list[_Line]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font-descriptor warnings on every glyph
    pages: list[list[_Line]] = []
    try:
        for number, layout in enumerate(extract_pages(BytesIO(raw), laparams=LAParams())):
            lines: list[_Line] = []
            for box_index, element in enumerate(layout):
                if not isinstance(element, LTTextContainer):
                    continue
                for line in element:
                    if not isinstance(line, LTTextLine):
                        continue
                    text = _characters(line.get_text().replace("\n", "").rstrip())
                    sizes = [round(c.size, 1) for c in line if isinstance(c, LTChar) and not c.get_text().isspace()]
                    if not text.strip() or not sizes:
                        continue
                    x0, y0, x1, y1 = line.bbox
                    band = y1 < layout.height * BAND or y0 > layout.height * (1 - BAND)
                    lines.append(_Line(text, x0, y0, x1, y1, statistics.median(sizes), number, box_index, band))
            pages.append(_reading_order(lines))
    except Exception as error:  # noqa: BLE001 - pdfminer raises many types for broken or locked files
        what = "encrypted" if "ncrypt" in type(error).__name__ + str(error) else "damaged or not readable"
        raise InputError(f"{label}: is a PDF document that is {what}") from None
    return pages


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """A page's lines column by column, each top to bottom. Columns are the groups of lines
    that a vertical gutter no line crosses separates (the header and footer bands aside);
    a page with a line across the gutter (a title over two columns) reads as one column."""
    body = [line for line in lines if not line.band]
    columns: list[list[float]] = []
    for x0, x1 in sorted((line.x0, line.x1) for line in body):
        if columns and x0 <= columns[-1][1] + 1:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])

    def column(line: _Line) -> int | None:
        return next((i for i, (x0, x1) in enumerate(columns) if x0 - 1 <= line.x0 and line.x1 <= x1 + 1), None)

    position = lambda line: (-round(line.y1), line.x0)  # noqa: E731
    placed = [line for line in lines if column(line) is not None]
    loose = [line for line in lines if column(line) is None]  # a header or footer across the gutter
    middle = statistics.median([line.y0 for line in placed]) if placed else 0.0
    head = sorted((line for line in loose if line.y0 >= middle), key=position)
    foot = sorted((line for line in loose if line.y0 < middle), key=position)
    for line in placed:
        line.column = column(line)
    return head + sorted(placed, key=lambda line: (line.column, *position(line))) + foot


def _characters(text: str) -> str:
    """The characters a font's glyph map gives as radicals (⾦ for 金, ⻛ for 风) as themselves."""
    text = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return text.translate(_SUPPLEMENT)


def _drop_headers_and_footers(pages: list[list[_Line]]) -> list[_Line]:
    """Every line but the running headers, footers and page numbers."""
    shape = lambda text: re.sub(r"\d+", "#", re.sub(r"\s+", "", text))  # noqa: E731
    repeats = Counter(s for page in pages for s in {shape(line.text) for line in page if line.band})
    often = max(2, (len(pages) + 1) // 2)
    kept = []
    for page in pages:
        for line in page:
            if _PAGE_NUMBER.match(line.text):
                continue
            if line.band and len(pages) >= 2 and repeats[shape(line.text)] >= often:
                continue
            kept.append(line)
    return kept


def _body_size(lines: list[_Line]) -> float:
    sizes = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    paragraphs: list[list[_Line]] = []
    right = {}  # the right edge of each text column of each page
    for line in lines:
        right[line.page, line.column] = max(right.get((line.page, line.column), 0.0), line.x1)
    spacing = _line_spacing(lines)
    for line in lines:
        previous = paragraphs[-1][-1] if paragraphs else None
        if previous is None or _breaks(previous, line, right[previous.page, previous.column], spacing):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _line_spacing(lines: list[_Line]) -> float:
    """The usual gap between two lines of one paragraph, relative to the line's height: the
    commonest gap between consecutive lines of the same size on a page, in ems."""
    gaps = Counter(round((a.y0 - b.y1) / a.size, 1) for a, b in zip(lines, lines[1:])
                   if a.page == b.page and abs(a.size - b.size) <= 0.5 and a.y0 > b.y1)
    return gaps.most_common(1)[0][0] if gaps else 0.3


def _breaks(previous: _Line, line: _Line, right: float, spacing: float) -> bool:
    """Whether `line` starts a new paragraph after `previous` (which may end the page or the
    column before: then a paragraph goes on unless the line before ends a sentence)."""
    em = previous.size
    if abs(line.size - previous.size) > 0.5:
        return True
    below = line.page == previous.page and line.y1 <= previous.y0 + 0.5 * em
    if not below:
        return bool(_ENDS.search(previous.text))  # a page or a column that ends on a full stop ends its paragraph
    if (previous.y0 - line.y1) / em > spacing + 0.4:
        return True  # a wider gap than the line spacing
    if previous.x1 < right - 2.5 * em and _ENDS.search(previous.text):
        return True  # the line before ends a sentence short of the edge: its paragraph ended
    return line.x0 > previous.x0 + 1.5 * em  # an indented first line


_ENDS = re.compile(r"[。！？.!?:：；;”」』)）]\s*$")


def _block(paragraph: list[_Line], body_size: float) -> Block:
    text = ""
    for line in paragraph:
        piece = line.text.strip()
        if not text:
            text = piece
        elif re.search(r"[A-Za-z]-$", text) and piece[:1].islower():
            text = text[:-1] + piece  # a word hyphenated at the line end
        elif _CJK.search(text[-1:]) or _CJK.match(piece):
            text += piece
        else:
            text += " " + piece
    size = statistics.median(line.size for line in paragraph)
    heading = size >= HEADING_SCALE * body_size and len(text) <= MAX_HEADING_CHARS
    return Block(text=re.sub(r"\s+", " ", text).strip(), heading=heading)
