"""The command line: one verb per command, each a thin wrapper over an importable function.

Heavy libraries (jieba, genanki, jinja2, lxml) are imported inside the commands, so that
`quizgen --help` answers at once. Errors meant for the user are `QuizgenError`s: one line on
stderr and exit status 1 (2 for usage errors, as click does).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import QuizgenError

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
EXAMPLES = """
Examples:

  quizgen demo -o out/                      build the bundled article

  quizgen build article.txt page.html -o decks/   one deck, worksheet, key and quiz file each

  quizgen build articles/ --jobs 2          every article in a folder, two at a time

  quizgen build - --name notes < notes.md   read stdin

  quizgen build article.txt -f html --seed 2     only the worksheets, another variant

  quizgen inspect page.html --json          what quizgen read from the page

  quizgen render decks/article.quiz.json    re-render after editing the quiz file

  quizgen check decks/article.quiz.json     the quality report
"""

app = typer.Typer(
    name="quizgen",
    help="Turn an article into a reading-comprehension quiz: an Anki deck, a printable "
         "worksheet with its answer key, and an editable quiz file.\n\n" + EXAMPLES,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _formats_option():
    return typer.Option("--format", "-f", help="Output to write (repeat for several): apkg, html (worksheet and key), json, moodle (Moodle XML), gift, docx (Word worksheet and key), selfcheck (a page that scores itself). Default: apkg, html, json.")


OutOption = Annotated[Path, typer.Option("--out", "-o", help="Output folder (created when missing).")]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed for the question variant; the same seed gives the same quiz.")]
TitleOption = Annotated[Optional[str], typer.Option("--title", help="Worksheet title (default: the article's title).")]
PaperOption = Annotated[str, typer.Option("--paper", help="Paper size of the worksheet: a4 or letter.")]
NoKeyOption = Annotated[bool, typer.Option("--no-key", help="Write only the student worksheet, no answer key.")]
LangOption = Annotated[Optional[str], typer.Option("--lang", help="Article language: zh or en (default: detected per article).")]
SpacyModelOption = Annotated[Optional[str], typer.Option("--spacy-model", help="A trained spaCy English pipeline to use (name or folder; default: en_core_web_sm/md/lg if installed, else spaCy's blank English).")]
QuestionsOption = Annotated[Optional[int], typer.Option("--questions", "-n", min=1, help="How many questions to aim for (default: as many as the article's length calls for, about one per 220 characters; fewer when fewer pass the quality gates).")]
AtLeastOption = Annotated[int, typer.Option("--at-least", min=0, help="Relax the quality gates until each article has this many questions (default 0: only questions that pass them; an article none passes gets no files).")]
FormsOption = Annotated[int, typer.Option("--forms", min=1, max=4, help="Exam forms A, B, … of the worksheets (html, docx): questions and options in another order per form, each with its own key.")]
DeckOption = Annotated[Optional[str], typer.Option("--deck", help="Anki deck name (default: the article's title; '::' makes a sub-deck).")]


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"quizgen: error: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """quizgen command line."""


def _formats(values: list[str] | None):
    from .render import DEFAULT_FORMATS, Format

    if not values:
        return list(DEFAULT_FORMATS)
    result = []
    for value in values:
        try:
            result.append(Format(value.lower()))
        except ValueError:
            _fail(f"unknown format {value!r}; choose " + ", ".join(f.value for f in Format), code=2)
    return result


def _paper(value: str) -> str:
    if value.lower() not in {"a4", "letter"}:
        _fail(f"unknown paper size {value!r}; choose a4 or letter", code=2)
    return value.lower()


def _settings(seed: int = 0, *, deck: str | None = None, title: str | None = None,
              paper: str = "a4", key: bool = True, user_dict: Path | None = None,
              lang: str | None = None, spacy_model: str | None = None, questions: int | None = None,
              forms: int = 1, at_least: int = 0):
    from .settings import AnalyseSettings, GenerateSettings, RenderSettings, Settings

    if user_dict is not None and not user_dict.is_file():
        _fail(f"{user_dict}: no such user dictionary", code=2)
    if lang is not None and lang.lower() not in {"zh", "en"}:
        _fail(f"unknown language {lang!r}; choose zh or en", code=2)
    analyse = AnalyseSettings(user_dict=str(user_dict) if user_dict else None, spacy_model=spacy_model)
    return Settings(language=lang.lower() if lang else None, analyse=analyse,
                    generate=GenerateSettings(seed=seed, questions=questions, min_questions=at_least),
                    render=RenderSettings(deck_name=deck, title=title, paper=_paper(paper), key=key, forms=forms))


@app.command()
def build(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="Article files (.txt, .md, .html) or '-' for stdin.")],
    out: OutOption = Path("decks"),
    format: Annotated[Optional[list[str]], _formats_option()] = None,
    seed: SeedOption = 0,
    name: Annotated[Optional[str], typer.Option("--name", help="Output file stem (one input only).")] = None,
    deck: DeckOption = None,
    title: TitleOption = None,
    paper: PaperOption = "a4",
    no_key: NoKeyOption = False,
    user_dict: Annotated[Optional[Path], typer.Option("--user-dict", help="A jieba user dictionary (one word per line: word [freq] [tag]).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Articles built in parallel (default: the number of cores).")] = None,
    lang: LangOption = None,
    spacy_model: SpacyModelOption = None,
    questions: QuestionsOption = None,
    at_least: AtLeastOption = 0,
    forms: FormsOption = 1,
) -> None:
    """Build the deck, worksheet, answer key and quiz file of each INPUT (a file, a folder of articles, or '-')."""
    sources = expand_inputs(inputs)
    if name and len(sources) > 1:
        _fail("--name needs exactly one input", code=2)
    formats = _formats(format)
    settings = _settings(seed, deck=deck, title=title, paper=paper, key=not no_key, user_dict=user_dict,
                         lang=lang, spacy_model=spacy_model, questions=questions, forms=forms, at_least=at_least)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(sources)))
    from .batch import build_all

    results = build_all(sources, output_stems(sources, name), out, formats, settings, jobs=jobs)
    failures = [r for r in results if r["error"]]
    for description in dict.fromkeys(r["pipeline"] for r in results if r["pipeline"]):
        typer.echo(description, err=True)
    for result in results:
        if result["error"]:
            typer.echo(f"quizgen: error: {result['error']}", err=True)
        elif len(results) == 1 and not result["questions"]:
            from .batch import NONE_PASSED

            typer.echo(f"{result['source']}: {NONE_PASSED}")
        elif len(results) == 1:
            typer.echo(f"{result['source']}: {result['questions']} questions → " + ", ".join(result["paths"]))
    if len(results) > 1:
        from .batch import print_summary

        print_summary(results)
    if failures:
        _fail(f"{len(failures)} of {len(results)} inputs failed")


def expand_inputs(inputs: list[str]) -> list[str]:
    """Files as given; a folder stands for the articles in it (.txt, .md, .html, .htm), sorted."""
    sources = []
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                _fail(f"{path}: no .txt, .md or .html files in this folder")
            sources.extend(found)
        else:
            sources.append(item)
    return sources


def output_stems(inputs: list[str], name: str | None = None) -> list[str]:
    """The file stem of each input; inputs that would share a stem (page.txt and page.html)
    get their file type appended, so that no output overwrites another."""
    if name:
        return [name]
    stems = ["stdin" if source == "-" else Path(source).stem for source in inputs]
    counts = {stem: stems.count(stem) for stem in stems}
    return [f"{stem}-{Path(source).suffix.lstrip('.') or 'input'}" if counts[stem] > 1 else stem
            for stem, source in zip(stems, inputs)]


@app.command()
def demo(out: OutOption = Path("decks")) -> None:
    """Build the bundled article (a Chinese column on internet finance), stem 'internet-finance'."""
    from importlib import resources

    from .batch import build_one

    sample = resources.files("quizgen").joinpath("samples/internet-finance.txt")
    with resources.as_file(sample) as path:
        try:
            written = build_one(path, out, "internet-finance", _formats(None), _settings())
        except QuizgenError as err:
            _fail(str(err))
    typer.echo(f"internet-finance: {written['questions']} questions → " + ", ".join(str(p) for p in written["paths"]))


@app.command()
def inspect(
    input: Annotated[str, typer.Argument(metavar="INPUT", help="Article file or '-' for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the structure as JSON.")] = False,
    lang: LangOption = None,
    spacy_model: SpacyModelOption = None,
) -> None:
    """Show the structure read from an article: title, byline, sections, points, thesis."""
    from .batch import pipeline_description
    from .pipeline import read_article

    settings = _settings(lang=lang, spacy_model=spacy_model)
    try:
        article = read_article(input, settings=settings)
        pipeline = pipeline_description(article.language.value, settings)
    except QuizgenError as err:
        _fail(str(err))
    if pipeline:
        typer.echo(pipeline, err=True)
    data = structure_dict(article)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(structure_tree(data))


def structure_dict(article) -> dict:
    return {
        "title": article.title, "column": article.column, "author": article.author,
        "source": article.source, "date": article.date, "language": article.language.value,
        "keywords": article.keywords, "genre": article.genre, "thesis": article.thesis,
        "sections": [{"id": s.id, "title": s.title, "points": s.points,
                      "paragraphs": [p.text for p in s.paragraphs]} for s in article.sections],
        "terms": [t.text for t in article.terms[:20]],
        "references": article.references,
        "removed": article.removed,
    }


def structure_tree(data: dict) -> str:
    """The structure as a tree, labelled in the article's language (Chinese labels carry
    their English word too)."""
    zh = data["language"] == "zh"
    label = (lambda chinese, english: f"{chinese} {english}") if zh else (lambda chinese, english: english)
    join = "、" if zh else ", "
    lines = [f"{label('标题', 'title')}: {data['title']}" + (f"  [{data['column']}]" if data["column"] else ""),
             f"{label('作者', 'author')}: {data['author']}   {label('来源', 'source')}: {data['source']}   "
             f"{label('日期', 'date')}: {data['date']}",
             f"{label('语言', 'language')}: {data['language']}   "
             f"{label('关键词', 'keywords')}: {join.join(data['keywords']) or '-'}",
             f"{label('文体', 'genre')}: {data['genre']}   {label('中心论点', 'thesis')}: {data['thesis']}"]
    for section in data["sections"]:
        title = section["title"] or f"({label('导语', 'lead')})"
        lines.append(f"├─ {section['id']}  {title}  ({len(section['paragraphs'])} paragraphs)")
        for point in section["points"]:
            lines.append(f"│   • {point}")
    if data["references"]:
        lines.append(f"├─ {label('参考文献', 'references')}: {len(data['references'])} items (no questions asked on them)")
    lines.append(f"└─ key terms: {join.join(data['terms'])}")
    lines.append(f"removed as page furniture: {len(data['removed'])} blocks")
    return "\n".join(lines)


@app.command("render")
def render_command(
    quiz_file: Annotated[Path, typer.Argument(metavar="QUIZ.json", help="A quiz file, e.g. after a teacher edited it.")],
    out: OutOption = Path("decks"),
    format: Annotated[Optional[list[str]], _formats_option()] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Output file stem (default: the quiz file's).")] = None,
    deck: DeckOption = None,
    title: TitleOption = None,
    paper: PaperOption = "a4",
    no_key: NoKeyOption = False,
    forms: FormsOption = 1,
) -> None:
    """Render the deck, worksheets and other formats from a quiz file; the file is validated first."""
    from .check import check_quiz, load_quiz
    from .render import render

    try:
        quiz = load_quiz(quiz_file)
        errors = [p for p in check_quiz(quiz) if p.severity == "error"]
        if errors:
            more = f" (and {len(errors) - 1} more; see 'quizgen check')" if len(errors) > 1 else ""
            raise QuizgenError(f"{quiz_file}: {errors[0].message}{more}")
        stem = name or quiz_file.name.removesuffix(".json").removesuffix(".quiz")
        paths = render(quiz, out, stem, _formats(format),
                       settings=_settings(deck=deck, title=title, paper=paper, key=not no_key, forms=forms).render)
    except QuizgenError as err:
        _fail(str(err))
    typer.echo(", ".join(str(p) for p in paths))


@app.command()
def check(quiz_file: Annotated[Path, typer.Argument(metavar="QUIZ.json", help="A quiz file.")]) -> None:
    """Print the quality problems of a quiz file; exit 1 when there is an error."""
    from .check import check_quiz

    try:
        with quiz_file.open(encoding="utf-8") as handle:
            quiz = json.load(handle)
    except FileNotFoundError:
        _fail(f"{quiz_file}: no such file")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        _fail(f"{quiz_file}: not a JSON quiz file ({err})")
    problems = check_quiz(quiz)
    for problem in problems:
        typer.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    count = len(quiz.get("questions", [])) if isinstance(quiz, dict) else 0
    typer.echo(f"{quiz_file}: {count} questions, {errors} errors, {len(problems) - errors} warnings")
    if errors:
        raise typer.Exit(1)


def run() -> None:
    """Console-script entry point: user errors never end in a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("quizgen: interrupted", err=True)
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - a last line of defence; report, don't dump
        typer.echo(f"quizgen: internal error: {type(err).__name__}: {err}", err=True)
        sys.exit(1)
