"""The development corpus's encyclopedia page, as a page dump and as HTML: title from its own
heading, lead plus sections as the body, the defining first sentence as thesis, and no edit
link, footnote marker, infobox or table text in any question."""

from __future__ import annotations

import json
import re

import pytest

from quizgen.settings import GenerateSettings, Settings
from quizgen.pipeline import build_quiz, read_article


AT_LEAST_ONE = Settings(generate=GenerateSettings(min_questions=1))  # reading the corpus is what these check


def entry_pages(corpus) -> list:
    pages = sorted(corpus.glob("[0-9]*_*baike*.page_dump.txt")) + sorted(corpus.glob("[0-9]*_*baike*.html"))
    assert len(pages) == 2
    return pages


@pytest.mark.parametrize("kind", ["page_dump", "html"])
def test_encyclopedia_page_reads_as_its_entry(corpus, kind):
    path = next(p for p in entry_pages(corpus) if (kind == "html") == (p.suffix == ".html"))
    article = read_article(path)
    head = article.title
    assert head and len(head) <= 10 and "百科" not in head and "|" not in head
    assert article.genre == "entry"
    assert article.sections[0].title is None  # the lead comes first
    assert article.thesis == article.sections[0].sentences[0] and article.thesis.startswith(head)
    assert not any("编辑" in (s.title or "") for s in article.sections)
    html = next(p for p in entry_pages(corpus) if p.suffix == ".html")
    tables = read_article(html).aside  # its discography and award tables, kept aside from the HTML
    assert len(tables) >= 10
    quiz = build_quiz(path, settings=AT_LEAST_ONE).to_dict()
    assert quiz["questions"]
    shown = json.dumps(quiz["questions"], ensure_ascii=False)
    assert not re.search(r"\[\d+(?:-\d+)?\]|\[编辑\]| \| ", shown)
    rows = [cell.strip() for row in tables for cell in row.split("|") if len(cell.strip()) >= 6]
    assert not [cell for cell in rows if cell in shown]
