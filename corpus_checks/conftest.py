"""The corpus check: what only the development corpus (../shared/corpus, real pages that stay
out of the repository) can show. Run by `make corpus-check`, not by `make test`; it fails,
never skips, when the corpus is not there."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "tests"))  # quiz_rules: the rules the test suite checks on its fixtures
sys.path.insert(0, str(ROOT / "benchmarks"))  # extraction: the body extraction table


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the development corpus is missing: {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def data() -> Path:
    if not DATA.is_dir():
        pytest.fail(f"the development data is missing: {DATA}")
    return DATA


@pytest.fixture(scope="session")
def bundled() -> Path:
    return Path(str(resources.files("quizgen").joinpath("samples/internet-finance.txt")))


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()
