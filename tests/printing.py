"""Printing in headless Chromium (Debian's package, driven by Playwright; no browser download)
and reading the PDF back with poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FOOTER = re.compile(r"第\s*\d+\s*页\s*/\s*共\s*\d+\s*页|Page\s*\d+\s*of\s*\d+")


@contextmanager
def browser_page(html_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.goto(html_path.resolve().as_uri())
            page.emulate_media(media="print")
            yield page
        finally:
            browser.close()


def print_pdf(page, path: Path) -> Path:
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    return path


def page_texts(pdf: Path) -> list[str]:
    """The text of each page of a PDF, footer removed."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [FOOTER.sub("", p).strip() for p in pages]


def inked_pages(pdf: Path) -> list[int]:
    """Pages (1-based) that print anything besides the page-number footer."""
    return [i + 1 for i, text in enumerate(page_texts(pdf)) if text]


def show_only(page, selector: str, index: int | None = None) -> None:
    """Hide everything (layout unchanged: visibility, not display) but one element."""
    page.evaluate(
        """([selector, index]) => {
            document.querySelectorAll('*').forEach(e => e.style.visibility = '');
            document.body.style.visibility = 'hidden';
            const all = document.querySelectorAll(selector);
            const chosen = index === null ? Array.from(all) : [all[index]];
            chosen.forEach(e => { e.style.visibility = 'visible'; });
        }""",
        [selector, index],
    )


def platform_fonts(page, selector: str) -> list[dict]:
    """The fonts Chromium actually used for an element's text (DevTools
    CSS.getPlatformFontsForNode): family name and how many glyphs each drew."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
