"""Answer-worthiness: do quizgen's blanks and choice keys pick what human question-writers ask about?

Part 1, human answer spans. For each passage of the two span files in the data folder (CMRC 2018
trial, Simplified Chinese; DRCD test, Traditional; see the folder's README) the text
`title + "\\n\\n" + context` is written to a temporary .txt file and built into a quiz in-process
with the default settings, language forced to "zh". (The title line is read as the page title or
dropped as furniture: it is never asked about.) A passage that raises InputError has no quiz.
Our answers are every cloze answer and every choice key (options[correct]); choice keys that are
whole sentences (skill thesis or structure, or any key over 20 characters) are counted apart and
left out of the figures, because a sentence trivially contains a span.

- hit: an answer lies inside a human answer span of its passage, or a human span of 2+
  characters lies inside the answer; hit share is micro, hits / answers;
- baselines on the same passages (all of them, quiz or not): jieba's TF-IDF top-5 keywords of the
  context (about 0.59 on the trial file), and 5 random nouns (distinct jieba posseg words whose
  flag starts with 'n', 2+ characters, drawn with a fixed seed per passage);
- everyday: the share of our answers that are common words, wordfreq zipf_frequency(answer,
  'zh') >= 5 (such words are rarely what a question-writer asks about).

Part 2, corpus. Every `NN_*.txt` article of the corpus folder (not the `.page_dump.txt` files)
and `internet-finance.txt` is built the same way; per article: questions, answers (cloze answers
and short choice keys as above), the everyday share, and the everyday answers themselves.

The data files are read where they are; nothing is copied into the repository.

Usage: python benchmarks/answer_spans.py [--data DIR] [--corpus DIR] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import jieba
import jieba.analyse
import jieba.posseg
from wordfreq import zipf_frequency

from quizgen.errors import InputError
from quizgen.pipeline import build_quiz
from quizgen.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SPAN_FILES = ("cmrc2018_trial_spans.jsonl", "drcd_test_spans_zh-hant.jsonl")
SETTINGS = Settings(language="zh")
SENTENCE_SKILLS = {"thesis", "structure"}
MAX_KEY_CHARS = 20  # a longer choice key is a sentence
EVERYDAY_ZIPF = 5.0
BASELINE_K = 5
SEED = 0

jieba.setLogLevel(60)


# --- our answers ---------------------------------------------------------------------------


def quiz_of(path: Path, label: str):
    """The quiz of an article file; None when quizgen finds no quiz in it (InputError), and
    False when it fails otherwise (a generator bug: reported, and the rest is measured)."""
    try:
        return build_quiz(path, settings=SETTINGS)
    except InputError:
        return None
    except Exception as error:
        print(f"error: {label}: {type(error).__name__}: {error}", file=sys.stderr)
        return False


def passage_quiz(row: dict, folder: Path, label: str):
    """The quiz of a passage, its title line first, built from a temporary .txt file."""
    path = folder / (re.sub(r"[^\w.-]", "_", row["id"]) + ".txt")
    path.write_text(f"{row['title']}\n\n{row['context']}", encoding="utf-8")
    try:
        return quiz_of(path, label)
    finally:
        path.unlink()


def answers_of(questions) -> tuple[list[str], list[str]]:
    """(answers, sentence keys): every cloze answer and short choice key; choice keys that are
    whole sentences apart."""
    answers, sentences = [], []
    for q in questions:
        if q.options is not None and q.correct is not None:
            key = q.options[q.correct].strip()
            skill = getattr(q.skill, "value", q.skill)
            (sentences if skill in SENTENCE_SKILLS or len(key) > MAX_KEY_CHARS else answers).append(key)
        elif q.answers:
            answers.extend(a.strip() for a in q.answers)
    return [a for a in answers if a], sentences


# --- measures ------------------------------------------------------------------------------


def hits(answer: str, spans: list[str]) -> bool:
    return any(answer in span or (len(span) >= 2 and span in answer) for span in spans)


def everyday(answer: str) -> bool:
    return zipf_frequency(answer, "zh") >= EVERYDAY_ZIPF


def share(count: int, total: int) -> float | None:
    return count / total if total else None


def tfidf_top(context: str) -> list[str]:
    return jieba.analyse.extract_tags(context, topK=BASELINE_K)


def random_nouns(context: str, key: str) -> list[str]:
    nouns = dict.fromkeys(w for w, flag in jieba.posseg.lcut(context) if flag.startswith("n") and len(w) >= 2)
    rng = random.Random(f"{SEED}:{key}")  # a str seed is hashed with SHA-512: the same every run
    return rng.sample(list(nouns), min(BASELINE_K, len(nouns)))


def baselines(path: Path, rows: list[dict]) -> dict[str, list[list[str]]]:
    """Each passage's (TF-IDF top-5, random nouns), cached in the temp folder: they depend on
    the data file and jieba only, and jieba's POS tagger needs most of a second for a
    Traditional Chinese passage (its HMM has no table for Traditional characters)."""
    stat = path.stat()
    cache = Path(tempfile.gettempdir()) / (f"quizgen-bench-{path.stem}-{stat.st_size}-{stat.st_mtime_ns}"
                                           f"-jieba{jieba.__version__}-k{BASELINE_K}-s{SEED}.json")
    try:
        known = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    missing = [r for r in rows if r["id"] not in known]
    for r in missing:
        known[r["id"]] = [tfidf_top(r["context"]), random_nouns(r["context"], r["id"])]
    if missing:
        try:
            cache.write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # no cache this time; the figures are still right
    return known


# --- part 1: human answer spans ------------------------------------------------------------


def passages(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def run_spans(path: Path, limit: int | None, folder: Path) -> dict:
    counts = dict.fromkeys(("passages", "no_quiz", "errors", "answers", "hits", "everyday",
                            "sentence_keys", "tfidf", "tfidf_hits", "nouns", "nouns_hits"), 0)
    rows = passages(path, limit)
    known = baselines(path, rows)
    for row in rows:
        spans = row["answers"]
        counts["passages"] += 1
        for name, words in zip(("tfidf", "nouns"), known[row["id"]]):
            counts[name] += len(words)
            counts[f"{name}_hits"] += sum(hits(w, spans) for w in words)
        quiz = passage_quiz(row, folder, f"{path.name} {row['id']}")
        if not quiz:
            counts["errors" if quiz is False else "no_quiz"] += 1
            continue
        answers, sentences = answers_of(quiz.questions)
        counts["answers"] += len(answers)
        counts["hits"] += sum(hits(a, spans) for a in answers)
        counts["everyday"] += sum(map(everyday, answers))
        counts["sentence_keys"] += len(sentences)
    return {**counts,
            "hit_share": share(counts["hits"], counts["answers"]),
            "tfidf_share": share(counts["tfidf_hits"], counts["tfidf"]),
            "nouns_share": share(counts["nouns_hits"], counts["nouns"]),
            "everyday_share": share(counts["everyday"], counts["answers"])}


# --- part 2: corpus ------------------------------------------------------------------------


def articles(corpus: Path) -> list[Path]:
    found = [p for p in sorted(corpus.glob("[0-9]*.txt")) if not p.name.endswith(".page_dump.txt")]
    bundled = corpus / "internet-finance.txt"
    return found + ([bundled] if bundled.exists() else [])


def run_article(path: Path) -> dict:
    quiz = quiz_of(path, path.name)
    questions = quiz.questions if quiz else []
    answers, sentences = answers_of(questions)
    common = [a for a in answers if everyday(a)]
    return {"error": quiz is False, "questions": len(questions), "answers": len(answers),
            "sentence_keys": len(sentences), "everyday": len(common),
            "everyday_share": share(len(common), len(answers)), "everyday_answers": common}


def run_corpus(paths: list[Path]) -> dict:
    rows = {p.name: run_article(p) for p in paths}
    total = {k: sum(r[k] for r in rows.values())
             for k in ("error", "questions", "answers", "sentence_keys", "everyday")}
    total["everyday_share"] = share(total["everyday"], total["answers"])
    return {"articles": rows, "total": total}


# --- printing ------------------------------------------------------------------------------


def fmt(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def table(header: list[str], rows: list[list]) -> None:
    cells = [header] + [[fmt(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for r in cells:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))


def print_spans(results: dict) -> None:
    header = ["file", "passages", "no quiz", "errors", "answers", "hit share", "tf-idf top-5",
              "random nouns", "everyday", "sentence keys"]
    table(header, [[name, r["passages"], r["no_quiz"], r["errors"], r["answers"], r["hit_share"],
                    r["tfidf_share"], r["nouns_share"], r["everyday_share"], r["sentence_keys"]]
                   for name, r in results.items()])


def print_corpus(result: dict) -> None:
    header = ["article", "questions", "answers", "everyday", "share", "sentence keys", "errors"]
    rows = [[name, r["questions"], r["answers"], r["everyday"], r["everyday_share"], r["sentence_keys"],
             int(r["error"])] for name, r in result["articles"].items()]
    t = result["total"]
    table(header, rows + [["TOTAL", t["questions"], t["answers"], t["everyday"], t["everyday_share"],
                           t["sentence_keys"], t["error"]]])
    for name, r in result["articles"].items():
        if r["everyday_answers"]:
            print(f"  everyday in {name}: {'、'.join(r['everyday_answers'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--limit", type=int, default=None, help="passages per span file")
    parser.add_argument("--json", action="store_true", help="print a summary dict as the last line")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    summary: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        spans = {}
        for name in SPAN_FILES:
            path = args.data / name
            if path.exists():
                spans[name] = run_spans(path, args.limit, Path(tmp))
            else:
                print(f"{path}: not found, skipped")
        if spans:
            print("Human answer spans: share of answers that hit a span (micro)")
            print_spans(spans)
            summary["spans"] = spans
        paths = articles(args.corpus) if args.corpus.is_dir() else []
        if paths:
            print("\nCorpus: everyday answers (wordfreq Zipf >= 5)")
            summary["corpus"] = run_corpus(paths)
            print_corpus(summary["corpus"])
        else:
            print(f"{args.corpus}: no corpus articles found, skipped")
    summary["seconds"] = round(time.perf_counter() - start, 1)
    print(f"\nrun time: {summary['seconds']} s")
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    return 0 if "spans" in summary or "corpus" in summary else 1


if __name__ == "__main__":
    sys.exit(main())
