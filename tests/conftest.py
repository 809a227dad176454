"""Shared fixtures: the bundled article, its outputs built once per session, the page fixtures.

Everything here is in the repository: the development corpus (../shared/corpus) is read
only by corpus_checks/, through `make corpus-check`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.pipeline import build_quiz, read_article

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = Path(str(resources.files("quizgen").joinpath("samples/internet-finance.txt")))
ENGLISH = ROOT / "tests" / "fixtures" / "walden-abridged.md"  # public domain, abridged, with headings
# A test of reading (encodings, page furniture, typesetting) asks one question at least, as
# `--at-least 1` does: by default an article none of whose questions passes the gates gets none.
AT_LEAST_ONE_ARGS = ["--at-least", "1"]


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def bundled() -> Path:
    return BUNDLED


def _cli_built(tmp_path_factory, name: str, args: list[str]) -> Path:
    """A fresh folder with what the CLI writes for `args` (output folder appended)."""
    out = tmp_path_factory.mktemp(name)
    result = CliRunner().invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


MORE = "14"  # questions asked for: blanks come only when a teacher asks for more than the choice items make


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The bundled article built by `quizgen demo` into a fresh folder."""
    return _cli_built(tmp_path_factory, "demo", ["demo"])


@pytest.fixture(scope="session")
def quiz(built) -> dict:
    return json.loads((built / "internet-finance.quiz.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def english_built(tmp_path_factory) -> Path:
    """The English fixture built by `quizgen build` into a fresh folder."""
    return _cli_built(tmp_path_factory, "english", ["build", str(ENGLISH)])


@pytest.fixture(scope="session")
def built_more(tmp_path_factory) -> Path:
    """The bundled article with more questions asked for (`--questions`), so that blanks are
    among them: what the renderers must show, beside the default quiz's choice items."""
    return _cli_built(tmp_path_factory, "more", ["build", str(BUNDLED), "--questions", MORE])


@pytest.fixture(scope="session")
def quiz_more(built_more) -> dict:
    return json.loads((built_more / "internet-finance.quiz.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def english_more(tmp_path_factory) -> Path:
    return _cli_built(tmp_path_factory, "english-more", ["build", str(ENGLISH), "--questions", MORE])


@dataclass(frozen=True)
class Built:
    """One article's outputs: folder, file stem, its quiz, its language."""

    folder: Path
    stem: str
    quiz: dict
    language: str

    def path(self, kind: str) -> Path:
        return self.folder / f"{self.stem}.{kind}"


@pytest.fixture(scope="session", params=["zh", "en"])
def outputs(request, built_more, english_more) -> Built:
    """The outputs of the bundled Chinese article, then of the English fixture, each with more
    questions asked for so that every kind (blanks too) is rendered."""
    folder, stem = (built_more, "internet-finance") if request.param == "zh" else (english_more, "walden-abridged")
    quiz = json.loads((folder / f"{stem}.quiz.json").read_text(encoding="utf-8"))
    return Built(folder, stem, quiz, request.param)


@pytest.fixture(scope="session")
def page_quizzes(bundled) -> dict:
    """The bundled article and every page fixture (tests/pages.py): file name → (article, quiz
    as a dict), each built once."""
    from pages import PAGES

    paths = [bundled] + [page.path for page in PAGES]
    from quizgen.settings import GenerateSettings, Settings

    at_least_one = Settings(generate=GenerateSettings(min_questions=1))  # the pages' furniture is what they test
    return {path.name: (read_article(path), build_quiz(path, settings=None if path == bundled else at_least_one).to_dict())
            for path in paths}
