"""Make the README's pictures from decks/: the first page of each worksheet as printed by
headless Chromium, the Word worksheet's first page as LibreOffice prints it, the self-check
page after checking, and a cloze and a choice card as Anki's own backend renders them (from a
deck built with --questions 14: the default quiz asks no blanks).

Usage: python tools/readme_images.py   (after `make demo`; needs chromium, poppler-utils, libreoffice)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from printing import browser_page, print_pdf  # noqa: E402


def worksheet_pages(out: Path) -> None:
    for kind in ("worksheet", "answers"):
        first_page(ROOT / "decks" / f"internet-finance.{kind}.html", out / f"{kind}-page1")


def english_page(out: Path) -> None:
    """The first page of the English fixture's worksheet (built into a temporary folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-c", "from quizgen.cli import run; run()", "build", str(ROOT / "tests" / "fixtures" / "walden-abridged.md"),
                        "-o", tmp, "-f", "html"], check=True, capture_output=True)
        first_page(Path(tmp) / "walden-abridged.worksheet.html", out / "worksheet-en-page1")


def first_page(html: Path, stem: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp, browser_page(html) as page:
        pdf = print_pdf(page, Path(tmp) / "sheet.pdf")
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(stem)], check=True)


def word_page(out: Path) -> None:
    """The first page of the Word worksheet, converted to PDF by LibreOffice (headless)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        subprocess.run([sys.executable, "-c", "from quizgen.cli import run; run()", "render",
                        str(ROOT / "decks" / "internet-finance.quiz.json"), "-o", tmp, "-f", "docx"],
                       check=True, capture_output=True)
        subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(folder / "internet-finance.worksheet.docx")],
                       check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(folder / "internet-finance.worksheet.pdf"), str(out / "worksheet-docx-page1")], check=True)


def selfcheck_picture(out: Path) -> None:
    """The self-check page after a learner answered half the questions wrong and checked."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-c", "from quizgen.cli import run; run()", "render",
                        str(ROOT / "decks" / "internet-finance.quiz.json"), "-o", tmp, "-f", "selfcheck"],
                       check=True, capture_output=True)
        with browser_page(Path(tmp) / "internet-finance.selfcheck.html") as page:
            page.emulate_media(media="screen")
            page.set_viewport_size({"width": 820, "height": 1100})
            page.evaluate("""() => document.querySelectorAll('.question').forEach((q, i) => {
                const options = q.querySelectorAll('input[type=radio]');
                if (options.length) options[(Number(q.dataset.correct) + i % 2) % options.length].checked = true;
                q.querySelectorAll('input[type=text]').forEach(f => { f.value = f.dataset.answer; });
            })""")
            page.click("button[type=submit]")
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(out / "selfcheck.png"))


def card_html(out: Path) -> dict[str, str]:
    from anki.collection import Collection, ImportAnkiPackageRequest

    with tempfile.TemporaryDirectory() as tmp:  # more questions asked for: the default deck has no blanks
        subprocess.run([sys.executable, "-c", "from quizgen.cli import run; run()", "build", str(ROOT / "quizgen" / "samples" / "internet-finance.txt"),
                        "-o", tmp, "-f", "apkg", "--questions", "14"], check=True, capture_output=True)
        col = Collection(str(Path(tmp) / "c.anki2"))
        options = col._backend.get_import_anki_package_presets()
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(Path(tmp) / "internet-finance.apkg"), options=options))
        col.models._clear_cache()
        wanted = {"quizgen cloze": None, "quizgen choice": None, "quizgen statement": None}
        for cid in sorted(col.find_cards("tag:quizgen::*")):  # the first card of each note type
            card = col.get_card(cid)
            name = card.note_type()["name"]
            if "quizgen::statement" in card.note().tags:  # a statement card: why each option is wrong
                name = "quizgen statement"
            if wanted.get(name) is None:
                output = card.render_output(reload=True)
                css = card.note_type()["css"]
                wanted[name] = (output.question_text, output.answer_text, css)
        col.close()
    pages = {}
    for name, (front, back, css) in wanted.items():
        kind = name.split()[-1]
        pages[kind] = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{css}'
                       "body{margin:0;background:#eee;display:flex;gap:16px;padding:16px}"
                       ".pane{width:420px;background:#fdfdfb;border-radius:10px;box-shadow:0 1px 4px #999}"
                       ".label{font:13px sans-serif;color:#666;padding:6px 10px}</style></head><body>"
                       f'<div class="pane"><div class="label">正面 front</div><div class="card">{front}</div></div>'
                       f'<div class="pane"><div class="label">背面 back</div><div class="card">{back}</div></div>'
                       "</body></html>")
    return pages


def card_pictures(out: Path) -> None:
    for kind, html in card_html(out).items():
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "card.html"
            path.write_text(html, encoding="utf-8")
            with browser_page(path) as page:
                page.emulate_media(media="screen")
                page.set_viewport_size({"width": 900, "height": 200})
                page.screenshot(path=str(out / f"card-{kind}.png"), full_page=True)


if __name__ == "__main__":
    target = ROOT / "docs"
    target.mkdir(exist_ok=True)
    worksheet_pages(target)
    english_page(target)
    word_page(target)
    selfcheck_picture(target)
    card_pictures(target)
    print("\n".join(str(p) for p in sorted(target.glob("*.png"))))
