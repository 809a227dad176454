"""Word input for the read stage: a .docx → blocks, with python-docx.

Paragraphs in document order, each a block; a paragraph styled as a heading (Heading 1–9,
Title, or the localised 标题 styles) is a marked heading, and the Title style's text (or the
document's own title property) is the title. A table is kept apart from the prose: each row
is one block marked as a table row, cells joined by " | ", which the later stages never ask
about. Line breaks inside a paragraph are spaces (or nothing between Chinese characters).
"""

from __future__ import annotations

import re
from io import BytesIO

from ..errors import InputError
from ..model import Block, Document, InputKind

_HEADING_STYLE = re.compile(r"^(?:Heading|标题|標題|Title|Subtitle)\s*\d*$", re.I)
_CJK_BREAK = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def docx_to_document(raw: bytes, *, name: str, label: str) -> Document:
    """Read a .docx file into blocks (see the module docstring).

    Raises:
        InputError: the file is not a readable Word document.
    """
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(BytesIO(raw))
    except Exception:  # noqa: BLE001 - python-docx raises KeyError, BadZipFile, ValueError...
        raise InputError(f"{label}: is not a readable Word (.docx) document") from None
    blocks: list[Block] = []
    meta: dict[str, str] = {}
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = _text(paragraph.text)
            if not text:
                continue
            style = paragraph.style.name if paragraph.style is not None else ""
            heading = bool(_HEADING_STYLE.match(style or ""))
            if style == "Title" and "title" not in meta:
                meta["title"] = text
            blocks.append(Block(text=text, heading=heading))
        elif tag == "tbl":
            blocks.extend(_rows(Table(child, document)))
    properties = document.core_properties  # its author is whoever saved the file: not read
    if properties.title and "title" not in meta:
        meta["title"] = properties.title.strip()
    if not blocks:
        raise InputError(f"{label}: the Word document holds no text")
    return Document(name=name, kind=InputKind.TEXT, encoding="docx", blocks=blocks, meta=meta)


def _rows(table) -> list[Block]:
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            text = _text(cell.text)
            if text and (not cells or cells[-1] != text):  # a merged cell repeats itself
                cells.append(text)
        if cells:
            rows.append(Block(text=" | ".join(cells), table_row=True))
    return rows


def _text(text: str) -> str:
    return re.sub(r"\s+", " ", _CJK_BREAK.sub("", text)).strip()
