"""Speed as ratios measured in one run (alternating runs, medians), printed as a table.

- build: `quizgen build` of the bundled article (all four outputs) against the floor, a bare
  Python process that imports jieba and POS-tags the same text; and of the English fixture
  against its floor, a bare Python process that imports spaCy and tokenises the same text with
  a blank English pipeline (what any English build must do);
- batch: the marginal cost per article of one `--jobs 1` batch over the development corpus
  (16 inputs), scaled to 5,000 characters;
- size: building 10k, 50k and 250k characters (time per character should stay flat);
- memory: peak RSS of the 250k build; and `quizgen --help`.

Usage: python benchmarks/speed.py [CORPUS_DIR] [--runs N]
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
QUIZGEN = str(BIN / "quizgen")
BUNDLED = ROOT / "quizgen" / "samples" / "internet-finance.txt"
ENGLISH = ROOT / "tests" / "fixtures" / "walden-abridged.md"
FLOOR_EN = "import sys, spacy; spacy.blank('en')(open(sys.argv[1], encoding='utf-8').read())"
FLOOR = "import sys, jieba, jieba.posseg as p; jieba.setLogLevel(60); p.lcut(open(sys.argv[1], encoding='utf-8').read())"


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (kB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    return elapsed, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def alternate(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Run the commands in turn, `runs` rounds; return the median of each."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed(command)[0])
    return {name: statistics.median(values) for name, values in times.items()}


def sized_input(corpus: Path, chars: int, folder: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("[0-9]*.txt")) if ".page_dump" not in p.name]
    parts, n = [], 0
    while sum(map(len, parts)) < chars:
        n += 1
        parts.append(f"\n第{n}章 材料{n}\n\n" + texts[n % len(texts)])
    path = folder / f"size-{chars}.txt"
    path.write_text("".join(parts)[:chars], encoding="utf-8")
    return path


def english_build_row(out: Path, runs: int) -> tuple[str, str, str, str]:
    build = alternate({
        "floor": [sys.executable, "-c", FLOOR_EN, str(ENGLISH)],
        "build": [QUIZGEN, "build", str(ENGLISH), "-o", str(out)],
    }, runs)
    return ("build English fixture (all outputs)", f"{build['build']:.2f} s",
            f"{build['build'] / build['floor']:.2f}x floor ({build['floor']:.2f} s)", "<= 1.5x")


def main(corpus: Path, runs: int) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        build = alternate({
            "floor": [sys.executable, "-c", FLOOR, str(BUNDLED)],
            "build": [QUIZGEN, "build", str(BUNDLED), "-o", str(out)],
        }, runs)
        rows.append(("build bundled article (all outputs)", f"{build['build']:.2f} s",
                     f"{build['build'] / build['floor']:.2f}x floor ({build['floor']:.2f} s)", "<= 1.5x"))
        rows.append(english_build_row(out, runs))
        inputs = sorted(str(p) for p in corpus.glob("[0-9]*.txt"))
        chars = sum(len(Path(p).read_text(encoding="utf-8")) for p in inputs)
        batch = alternate({
            "one": [QUIZGEN, "build", inputs[0], "-o", str(out), "--jobs", "1"],
            "all": [QUIZGEN, "build", *inputs, "-o", str(out), "--jobs", "1"],
        }, runs)
        first = len(Path(inputs[0]).read_text(encoding="utf-8"))
        marginal = (batch["all"] - batch["one"]) / (chars - first) * 5000
        rows.append((f"batch marginal cost ({len(inputs)} inputs)", f"{marginal:.3f} s / 5,000 chars",
                     f"batch {batch['all']:.2f} s, single {batch['one']:.2f} s", "<= 0.25 s"))
        sizes = {n: sized_input(corpus, n, Path(tmp)) for n in (10_000, 50_000, 250_000)}
        per_size = alternate({str(n): [QUIZGEN, "build", str(p), "-o", str(out), "-f", "json"]
                              for n, p in sizes.items()}, runs)
        base = per_size["10000"] / 10_000
        for n in sizes:
            seconds = per_size[str(n)]
            rows.append((f"build {n:,} characters", f"{seconds:.2f} s",
                         f"{seconds / n / base:.2f}x the 10k cost per char", "<= 10 s" if n == 250_000 else ""))
        peak = timed([QUIZGEN, "build", str(sizes[250_000]), "-o", str(out), "-f", "json"])[1]
        rows.append(("peak RSS (250k build)", f"{peak / 1024:.0f} MB", "", "<= 400 MB"))
        help_time = alternate({"help": [QUIZGEN, "--help"]}, runs)["help"]
        rows.append(("quizgen --help", f"{help_time:.3f} s", "", "< 0.3 s"))
    width = max(len(r[0]) for r in rows)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {os.uname().sysname} {os.uname().machine}; medians of {runs} alternating runs")
    print(f"{'measure':<{width}}  {'value':<22}  {'ratio':<42}  target")
    for name, value, ratio, target in rows:
        print(f"{name:<{width}}  {value:<22}  {ratio:<42}  {target}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--runs")]
    runs = int(next((a.split("=")[1] for a in sys.argv[1:] if a.startswith("--runs=")), "5"))
    main(Path(args[0]) if args else ROOT.parent / "shared" / "corpus", runs)
