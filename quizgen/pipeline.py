"""The whole pipeline, one call per stage: read → clean → structure → analyse → generate →
check → render."""

from __future__ import annotations

from pathlib import Path

from . import __version__
from .analyse import analyse
from .check import rule_problems
from .clean import clean
from .errors import InputError
from .generate import generate
from .model import Article, Quiz
from .read import read
from .settings import Settings
from .structure import structure


def read_article(source: str | Path, *, settings: Settings | None = None) -> Article:
    """read → clean → structure → analyse."""
    settings = settings or Settings()
    label = "stdin" if str(source) == "-" else str(source)
    page = clean(read(source), settings=settings.clean)
    if not page.body:
        raise InputError(f"{label}: no article text found (only page furniture or very short lines)")
    return analyse(structure(page, language=settings.language), settings=settings.analyse)


def build_quiz(source: str | Path, *, settings: Settings | None = None) -> Quiz:
    """An article file (or "-") → a checked quiz."""
    settings = settings or Settings()
    article = read_article(source, settings=settings)
    questions = generate(article, settings=settings.generate)  # none where nothing passes the gates
    quiz = Quiz(generator=_generator(source, settings), article=article_outline(article),
                questions=questions)
    errors = [p for p in rule_problems(quiz.to_dict()) if p.severity == "error"]
    assert not errors, errors  # the generator keeps only questions the checker accepts
    return quiz


def _generator(source: str | Path, settings: Settings) -> dict:
    name = None if str(source) == "-" else Path(source).name
    return {"name": "quizgen", "version": __version__, "seed": settings.generate.seed, "input": name}


def article_outline(article: Article) -> dict:
    """The article as the quiz file records it."""
    return {
        "id": article.id,
        "title": article.title,
        "column": article.column,
        "author": article.author,
        "source": article.source,
        "date": article.date,
        "language": article.language.value,
        **({"script": article.script} if article.script == "Hant" else {}),
        "keywords": article.keywords,
        "genre": article.genre,
        "thesis": article.thesis,
        "sections": [{"id": s.id, "title": s.title, "points": s.points} for s in article.sections],
    }
