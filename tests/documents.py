"""Word and PDF files made from text at test time: a .docx with python-docx, a text PDF by
printing an HTML page in headless Chromium (CJK fonts, a running header and page numbers)."""

from __future__ import annotations

import html
from pathlib import Path

from printing import ARGS, CHROMIUM


def docx_of(lines: list[str], path: Path, *, headings: set[str] = frozenset(), title: str | None = None,
            table: list[list[str]] | None = None) -> Path:
    """One paragraph per line (`headings` in the Heading 2 style, `title` in the Title style);
    `table` after the first half of the lines."""
    import docx

    document = docx.Document()
    if title:
        document.add_paragraph(title, style="Title")
    for index, line in enumerate(lines):
        if table and index == len(lines) // 2:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, cells in zip(grid.rows, table):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
        document.add_paragraph(line, style="Heading 2" if line in headings else None)
    document.save(str(path))
    return path


def pdf_of(lines: list[str], path: Path, *, headings: set[str] = frozenset(), title: str | None = None,
           header: str = "校内阅读材料", lang: str = "zh-CN", columns: int = 1) -> Path:
    """An A4 PDF printed by Chromium: a paragraph per line, `headings` as <h2>, `title` as
    <h1>, a running header on every page and "第 N 页" at the foot; `columns` side by side."""
    from playwright.sync_api import sync_playwright

    body = [f"<h1>{html.escape(title)}</h1>"] if title else []
    for line in lines:
        tag = "h2" if line in headings else "p"
        body.append(f"<{tag}>{html.escape(line).replace(chr(10), '<br>')}</{tag}>")  # a newline: a line break
    page_html = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><style>'
                 "body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;font-size:12pt;line-height:1.6}"
                 f"p{{margin:0 0 .8em}}h1{{font-size:20pt}}h2{{font-size:15pt}}body{{column-count:{columns};column-gap:2em}}"
                 "</style></head><body>"
                 + "\n".join(body) + "</body></html>")
    source = path.with_suffix(".html")
    source.write_text(page_html, encoding="utf-8")
    small = "font-size:9px;width:100%;text-align:center;font-family:'Noto Sans CJK SC',sans-serif"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.goto(source.resolve().as_uri())
            page.pdf(path=str(path), format="A4", display_header_footer=True,
                     header_template=f'<div style="{small}">{html.escape(header)}</div>',
                     footer_template=f'<div style="{small}">第 <span class="pageNumber"></span> 页</div>',
                     margin={"top": "25mm", "bottom": "25mm", "left": "20mm", "right": "20mm"})
        finally:
            browser.close()
    source.unlink()
    return path
