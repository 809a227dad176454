"""Measure body extraction on the development corpus: block precision and body recall.

For every `NN_*.page_dump.txt` and `NN_*.html` in the corpus folder, the blocks quizgen keeps
(body, reference list, and the tables kept aside) are compared with the hand-made (or reference) body in `NN_*.txt`:

- block precision: the share of kept blocks that are body text (a kept block counts as body
  when its text, spaces removed, occurs in the reference body, or 80% of its character
  bigrams do);
- body recall: the share of the reference body's characters (line by line) found in the kept text.

Usage: python benchmarks/extraction.py [CORPUS_DIR]
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

from quizgen.clean import clean
from quizgen.read import read
from quizgen.text import bigrams

_NOISE = re.compile(r"^\s*[-*+]\s+|\s+|</?sup>|\\?\[\d+(?:-\d+)?\\?\]|^#+|[|#*\\]|-{3,}", re.M)


def squash(text: str) -> str:
    """Text without spaces, Markdown marks and list bullets (the reference bodies are partly
    Markdown) and
    footnote markers such as [13], so that the same words compare equal."""
    return _NOISE.sub("", text)


def is_body(block: str, gold: str, gold_grams: set[str]) -> bool:
    text = squash(block)
    if text in gold:
        return True
    grams = bigrams(block)
    return bool(grams) and len(grams & gold_grams) / len(grams) >= 0.8


def measure(page: Path, gold_path: Path) -> tuple[float, float, int]:
    result = clean(read(page))
    gold_raw = gold_path.read_text(encoding="utf-8")
    gold = squash(gold_raw)
    gold_grams = bigrams(gold_raw)
    kept = [b.text for b in result.body] + result.references + result.aside
    if result.title:
        kept_all = [result.title] + kept
    else:
        kept_all = kept
    precision = sum(is_body(b, gold, gold_grams) for b in kept) / len(kept) if kept else 0.0
    kept_text = squash("".join(kept_all))
    lines = [squash(line) for line in gold_raw.splitlines() if squash(line)]
    covered = sum(len(line) for line in lines if line in kept_text)
    recall = covered / max(1, sum(len(line) for line in lines))
    return precision, recall, len(kept)


def table(corpus: Path) -> list[tuple[str, str, int, float, float]]:
    """(page, kind, blocks kept, precision, recall) for every page of the corpus with a reference body."""
    rows = []
    for gold_path in sorted(corpus.glob("[0-9]*_*.txt")):
        if gold_path.name.endswith(".page_dump.txt"):
            continue
        stem = gold_path.name[:-4]
        for kind, path in (("page_dump", corpus / f"{stem}.page_dump.txt"), ("html", corpus / f"{stem}.html")):
            if path.exists():
                precision, recall, count = measure(path, gold_path)
                rows.append((stem, kind, count, precision, recall))
    return rows


def means(rows: list[tuple[str, str, int, float, float]]) -> dict[str, tuple[float, float]]:
    """Mean precision and recall per kind of page."""
    kinds = sorted({row[1] for row in rows}, reverse=True)
    return {kind: (statistics.mean(r[3] for r in rows if r[1] == kind), statistics.mean(r[4] for r in rows if r[1] == kind))
            for kind in kinds}


def main(corpus: Path) -> int:
    if not corpus.is_dir():
        print(f"the development corpus is missing: {corpus}", file=sys.stderr)
        return 1
    rows = table(corpus)
    print(f"{'page':<45} {'kind':<9} {'blocks':>6} {'precision':>9} {'recall':>7}")
    for stem, kind, count, precision, recall in rows:
        print(f"{stem:<45} {kind:<9} {count:>6} {precision:>9.3f} {recall:>7.3f}")
    for kind, (p, r) in means(rows).items():
        print(f"{'MEAN':<45} {kind:<9} {'':>6} {p:>9.3f} {r:>7.3f}")
    return 0


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent / "shared" / "corpus"))
