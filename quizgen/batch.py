"""Building many articles: one process per core, a progress bar on a terminal, a summary.

Each worker loads jieba once and builds articles one after another; results come back as
plain dicts in input order, so a parallel batch writes the same files as a serial one.
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .errors import QuizgenError


def build_one(source: str | Path, out: Path, stem: str, formats, settings) -> dict:
    """Build one input into out/; return the written paths and the question count."""
    from .pipeline import build_quiz
    from .render import prepare_out_dir, render

    prepare_out_dir(out)  # refuse a bad output folder before the slow part
    quiz = build_quiz(source, settings=settings).to_dict()
    # An article none of whose questions passes the gates gets no files: a worksheet of blanks
    # raters reject (0 of 15, rate94/96) is worse than none. `--questions N` asks N anyway.
    paths = render(quiz, out, stem, formats, settings=settings.render) if quiz["questions"] else []
    language = quiz["article"]["language"]
    return {"paths": [str(p) for p in paths], "questions": len(quiz["questions"]), "language": language,
            "pipeline": pipeline_description(language, settings)}


NONE_PASSED = "no question passed the quality gates, so no files were written (--at-least 1 or --questions N asks anyway)"


def pipeline_description(language: str, settings) -> str | None:
    """One line saying which English pipeline ran (None for Chinese)."""
    if language != "en":
        return None
    from .english import load_pipeline

    return load_pipeline(settings.analyse.spacy_model).description


def _job(args) -> dict:
    source, out, stem, formats, settings = args
    result = {"source": str(source), "stem": stem, "paths": [], "questions": 0, "error": None,
              "language": None, "pipeline": None}
    try:
        result.update(build_one(source, out, stem, formats, settings))
    except QuizgenError as err:
        result["error"] = str(err)
    except Exception as err:  # noqa: BLE001 - one broken article must not stop the batch
        result["error"] = f"{source}: internal error: {type(err).__name__}: {err}"
    return result


def build_all(sources: list[str], stems: list[str], out: Path, formats, settings, *, jobs: int = 1) -> list[dict]:
    """Build every source; failures are reported in the results, never raised."""
    tasks = [(source, out, stem, formats, settings) for source, stem in zip(sources, stems)]
    if jobs <= 1 or len(tasks) <= 1 or "-" in sources:
        return [_job(task) for task in _progress(tasks, len(tasks))]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(_progress(pool.map(_job, tasks), len(tasks)))


def _progress(items, total: int):
    """Yield items, with a rich progress bar when stderr is a terminal and there are several."""
    if total <= 1 or not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True, console=_console()) as progress:
        task = progress.add_task("building", total=total)
        for item in items:
            yield item
            progress.advance(task)


def _console():
    from rich.console import Console

    return Console(stderr=True)


def print_summary(results: list[dict]) -> None:
    """A table of the batch: questions per article, and which failed and why."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"quizgen: {len(results)} inputs", show_lines=False)
    table.add_column("input")
    table.add_column("language")
    table.add_column("questions", justify="right")
    table.add_column("result")
    for result in results:
        status = "failed: " + result["error"].split(": ", 1)[-1] if result["error"] else "ok" if result["questions"] else "none passed"
        table.add_row(result["source"], result["language"] or "-",
                      str(result["questions"]) if not result["error"] else "-", status)
    Console(width=120).print(table)
