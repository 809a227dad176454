"""Stage 1, read: bytes from a file or stdin → a decoded `Document`.

Decoding order: a byte-order mark, then strict UTF-8 (valid UTF-8 is almost never an accident),
then the charset an HTML page declares (GB2312/GBK read as their superset GB18030), then
charset-normalizer's detector. Files that are not text (images, PDFs, archives) are refused
with a message instead of being decoded into garbage.
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

from ..errors import InputError
from ..model import Block, Document, InputKind
from ..text import spaced_phrases

MAX_BYTES = 20_000_000

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (e.g. .apkg or .xlsx)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"SQLite format": "an SQLite database",
}
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_LIST = re.compile(r"^(?:[-*+>]\s+|>\s*)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|`)")
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", re.I)


def read(source: str | Path, *, kind: InputKind | None = None) -> Document:
    """Read one input (a path, or "-" for stdin) and decode it.

    Raises:
        InputError: the file is missing, unreadable, empty, binary or not decodable.
    """
    name, raw = _read_bytes(source)
    label = "stdin" if name == "stdin" else str(source)
    if raw.lstrip()[:5] == b"%PDF-":
        from .pdf import pdf_to_document  # pdfminer is only needed for PDFs

        return pdf_to_document(raw.lstrip(), name=name, label=label)
    if raw.startswith(b"PK\x03\x04") and _is_docx(raw):
        from .docx import docx_to_document

        return docx_to_document(raw, name=name, label=label)
    text, encoding = decode(raw, label=label)
    if not text.strip():
        raise InputError(f"{label}: the file holds no text")
    kind = kind or _kind_of(source, text)
    if kind is InputKind.HTML:
        from .html import html_to_document  # lxml is only needed for HTML

        return html_to_document(text, name=name, encoding=encoding, label=label)
    text = _normalise_newlines(text)
    meta = {}
    if kind is InputKind.MARKDOWN:
        text = _MD_COMMENT.sub("", text)
        title = _MD_TITLE.match(text)
        if title and len(_MD_TITLE.findall(text)) == 1:  # one "# " line: the document's title
            meta["title"] = _strip_markdown(title.group(1))
            text = text[title.end():]
    if kind is InputKind.MARKDOWN or hard_wrapped(text):
        text = unwrap(text)
    blocks = text_blocks(text, markdown=kind is InputKind.MARKDOWN)
    return Document(name=name, kind=kind, encoding=encoding, blocks=blocks, meta=meta)


def hard_wrapped(text: str) -> bool:
    """Whether a plain text wraps its paragraphs at a fixed width (as e-texts and e-mails
    do), rather than holding one paragraph or one page block per line (as page dumps do):
    blank lines between paragraphs, and most lines inside a paragraph run close to the
    width without ending a sentence."""
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 6 or all(line.strip() for line in lines):
        return False
    width = lengths[int(0.9 * (len(lengths) - 1))]
    inside = [a.strip() for a, b in zip(lines, lines[1:])
              if a.strip() and b.strip() and not _OWN_LINE.match(a.strip()) and not _OWN_LINE.match(b.strip())]
    if not 30 <= width <= 120 or len(inside) < 3:
        return False
    wrapped = sum(len(a) >= 0.6 * width and a[-1] not in "。！？!?.:：;；" and not spaced_phrases(a)
                  for a in inside)  # a line of spaced phrases (一句 一句) is a line of its own
    return wrapped >= 0.5 * len(inside)


def unwrap(text: str) -> str:
    """One line per paragraph: the lines of a paragraph are joined (Markdown's soft line
    breaks; a hard-wrapped text's wrapping). Headings, list items, table rows and code
    keep their own lines; Chinese lines join without a space."""
    out: list[str] = []
    in_code = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
            out.append(line)
            continue
        joinable = out and out[-1].strip() and stripped and not in_code and not _OWN_LINE.match(stripped)
        if joinable and not _OWN_LINE.match(out[-1].strip()) or joinable and _LIST_ITEM.match(out[-1].strip()):
            previous = out[-1].rstrip()
            glue = "" if _CJK_END.search(previous) and _CJK_START.match(stripped) else " "
            out[-1] = previous + glue + stripped
        else:
            out.append(line)
    return "\n".join(out)


_OWN_LINE = re.compile(r"^(?:#{1,6}\s|[-*+>]\s|\d{1,3}[.)]\s|\||```|<!--)")  # never joined to the line before
_LIST_ITEM = re.compile(r"^(?:[-*+]\s|\d{1,3}[.)]\s)")  # its continuation lines join it
_CJK_END = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_MD_TITLE = re.compile(r"^\s*#[ \t]+(.+?)[ \t#]*$", re.M)
_MD_COMMENT = re.compile(r"<!--.*?-->", re.S)


def text_blocks(text: str, *, markdown: bool = False) -> list[Block]:
    """One block per non-blank line; `#` lines are headings (page dumps mark them `## `)."""
    blocks = []
    in_code = False
    for line in text.split("\n"):
        line = line.strip()
        if markdown and line.startswith("```"):
            in_code = not in_code
            continue
        if in_code or not line:
            continue
        heading = _HEADING_MARK.match(line)
        if heading:
            line = line[heading.end():].strip().rstrip("#").strip()
        if markdown:
            line = _strip_markdown(line)
        if line:
            blocks.append(Block(text=line, heading=bool(heading)))
    return blocks


def _strip_markdown(line: str) -> str:
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_LIST.sub("", line)
    return _MD_EMPHASIS.sub("", line).strip()


def _read_bytes(source: str | Path) -> tuple[str, bytes]:
    if str(source) == "-":
        return "stdin", sys.stdin.buffer.read(MAX_BYTES + 1)
    path = Path(source)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err})") from None
    if len(raw) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // 1_000_000} MB; not an article")
    return path.stem, raw


def decode(raw: bytes, *, label: str = "input") -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding name)."""
    if not raw.strip():
        raise InputError(f"{label}: the file is empty")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding, label), encoding
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise InputError(f"{label}: is {what}, not a text or HTML article")
    if b"\x00" in raw[:4096]:
        utf16 = _try_utf16_without_bom(raw)
        if utf16:
            return utf16, "utf-16"
        raise InputError(f"{label}: is a binary file, not a text or HTML article")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(raw)
    if declared:
        try:
            return raw.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    return _detect(raw, label)


def _is_docx(raw: bytes) -> bool:
    """A ZIP archive holding a Word document's main part."""
    import io
    import zipfile

    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except zipfile.BadZipFile:
        return False


def _strict(raw: bytes, encoding: str, label: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{label}: starts with a {encoding} byte-order mark but is not valid {encoding}") from None


def _try_utf16_without_bom(raw: bytes) -> str | None:
    even_zeros = raw[0:4096:2].count(0)
    odd_zeros = raw[1:4096:2].count(0)
    encoding = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _mostly_printable(text) else None


def _declared_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def _detect(raw: bytes, label: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{label}: cannot tell its text encoding; save it as UTF-8")
    encoding = _SUPERSETS.get(best.encoding.replace("_", ""), best.encoding)
    text = raw.decode(encoding, errors="replace")
    if not _mostly_printable(text):
        raise InputError(f"{label}: is a binary file, not a text or HTML article")
    return text, encoding


def _mostly_printable(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample) < 0.02


def _kind_of(source: str | Path, text: str) -> InputKind:
    suffix = Path(str(source)).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return InputKind.HTML
    if suffix in {".md", ".markdown"}:
        return InputKind.MARKDOWN
    if suffix in {".txt", ".text"}:
        return InputKind.TEXT
    return InputKind.HTML if _HTML_START.match(text[:500]) else InputKind.TEXT


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
