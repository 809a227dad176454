"""HTML input for the read stage: a decoded page → blocks with link density, plus metadata.

The page is split into blocks at block-level tags and `<br>`, skipping scripts, styles and
hidden elements, so that the same furniture classifier that reads page dumps can decide which
blocks are the article. Metadata (title, author, date, site name) comes from trafilatura,
which reads `<meta>` tags, JSON-LD and common byline markup better than hand-written code.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Block, Document, InputKind

_SKIP = {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "select",
         "option", "button", "textarea", "object", "embed", "video", "audio", "map", "head"}
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "td",
          "th", "tr", "table", "tbody", "thead", "tfoot", "caption", "blockquote", "pre",
          "figure", "figcaption", "form", "fieldset", "address", "center", "hr", "body",
          "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "aside", "details",
          "summary", "title"}
_CHROME = {"nav", "footer", "aside"}  # not <form>: ASP.NET pages wrap everything in one
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# MediaWiki's public class names (and the ids of its skins): page parts that are never prose.
# Skipped: edit links, footnote markers and backlinks, the table of contents, jump links,
# navigation boxes, category links, maintenance notices. Chrome (kept out of the body, read as
# furniture): infoboxes, which the page shows beside its lead.
_WIKI_SKIP = {"mw-editsection", "reference", "mw-cite-backlink", "toc", "mw-jump-link", "navbox",
              "catlinks", "printfooter", "noprint", "mw-indicators", "ambox", "metadata", "sistersitebox"}
_WIKI_CHROME = {"infobox"}
_WIKI_IDS = {"toc", "catlinks", "mw-navigation", "siteSub", "contentSub", "jump-to-nav", "footer"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"\s+")


def html_to_document(html: str, *, name: str, encoding: str, label: str) -> Document:
    """Split a decoded HTML page into blocks and read its metadata."""
    import lxml.html
    from lxml import etree

    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with an XML declaration
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        raise InputError(f"{label}: is not a readable HTML page") from None
    splitter = _BlockSplitter()
    splitter.walk(root)
    blocks = splitter.finish()
    if not blocks:
        raise InputError(f"{label}: the HTML page holds no visible text")
    return Document(name=name, kind=InputKind.HTML, encoding=encoding, blocks=blocks,
                    meta=_metadata(html))


class _BlockSplitter:
    """Depth-first walk that collects inline text into blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.heading = False
        self.chrome_depth = 0
        self.ordinal: int | None = None  # of the <ol><li> whose first block comes next

    def walk(self, element, in_link: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        classes = set(element.get("class", "").split()) if tag else set()
        if not tag or tag in _SKIP or _hidden(element) and not _table_page(element) or (
                classes & _WIKI_SKIP or element.get("id") in _WIKI_IDS):
            self._text(element.tail, in_link)  # a comment's or skipped element's tail still shows
            return
        is_block = tag in _BLOCK
        if is_block or tag == "br":
            self.flush()
        if tag == "tr" and _inline_row(element):
            self._row(element)
            self._text(element.tail, in_link)
            return
        if tag in _HEADINGS:
            self.heading = True
        if tag == "li":
            self.ordinal = _ordinal(element)
        chrome = tag in _CHROME or _chrome_role(element) or bool(classes & _WIKI_CHROME)
        self.chrome_depth += chrome
        self._text(element.text, in_link or tag == "a")
        for child in element:
            self.walk(child, in_link or tag == "a")
        if is_block:
            self.flush()
        self.chrome_depth -= chrome
        self._text(element.tail, in_link)

    def _text(self, text: str | None, in_link: bool) -> None:
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += len(text.strip())

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.parts)).strip()
        if text:
            density = min(1.0, self.link_chars / max(1, len(text)))
            self.blocks.append(Block(text=text, heading=self.heading and len(text) <= 80,
                                     link_density=density, chrome=self.chrome_depth > 0,
                                     ordinal=self.ordinal))
            self.ordinal = None
        self.parts, self.link_chars, self.heading = [], 0, False

    def _row(self, row) -> None:
        """A data-table row as one block: cells joined by " | ", link density the share of
        cells that are nothing but a link (a navigation row has only such cells)."""
        cells = [c for c in row if isinstance(c.tag, str) and c.tag.lower() in {"td", "th"}]
        texts = [_SPACE.sub(" ", c.text_content()).strip() for c in cells]
        linked = sum(bool(t) and t == _SPACE.sub(" ", " ".join(a.text_content() for a in c.iter("a"))).strip()
                     for c, t in zip(cells, texts))
        filled = [t for t in texts if t]
        if filled:
            self.blocks.append(Block(text=" | ".join(filled), link_density=linked / len(filled),
                                     chrome=self.chrome_depth > 0, table_row=True))

    def finish(self) -> list[Block]:
        self.flush()
        return self.blocks


def _ordinal(item) -> int | None:
    """The number a browser shows before an <li> of an <ol> (its start attribute honoured)."""
    parent = item.getparent()
    if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() != "ol":
        return None
    try:
        start = int(parent.get("start", "1"))
    except ValueError:
        start = 1
    siblings = [c for c in parent if isinstance(c.tag, str) and c.tag.lower() == "li"]
    return start + siblings.index(item)


def _inline_row(row) -> bool:
    """A row of two or more cells holding only inline content (a layout table's cells hold
    whole page regions: blocks, lists, nested tables)."""
    cells = [c for c in row if isinstance(c.tag, str) and c.tag.lower() in {"td", "th"}]
    if len(cells) < 2:
        return False
    return not any(isinstance(d.tag, str) and d.tag.lower() in _BLOCK - {"td", "th"}
                   for c in cells for d in c.iterdescendants())


def _hidden(element) -> bool:
    attrib = element.attrib
    return ("hidden" in attrib or attrib.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE.search(attrib.get("style", ""))))


def _table_page(element) -> bool:
    """A hidden <tbody> beside a visible one: a later page of a paged table (a discography,
    an award list), which the page's pager shows; its rows are the table's as much as the first."""
    parent = element.getparent()
    if element.tag != "tbody" or parent is None:
        return False
    return any(c is not element and isinstance(c.tag, str) and c.tag == "tbody" and not _hidden(c) for c in parent)


def _chrome_role(element) -> bool:
    return element.attrib.get("role", "") in {"navigation", "banner", "contentinfo", "complementary"}


def _metadata(html: str) -> dict[str, str]:
    """Title, author, date and site name as trafilatura reads them ('' where unknown)."""
    try:
        from trafilatura.metadata import extract_metadata

        found = extract_metadata(html)
    except Exception:  # noqa: BLE001 - metadata is optional; the blocks still make an article
        return {}
    if found is None:
        return {}
    fields = {"title": found.title, "author": found.author, "date": found.date,
              "source": found.sitename}
    return {key: str(value).strip() for key, value in fields.items() if value}
