"""English word classes and forms offline: lemminflect's lexicon of inflections.

lemminflect ships, inside its wheel, a lookup table of about 40,000 English lemmas (nouns,
verbs, adjectives, adverbs; from the NIH SPECIALIST Lexicon) with every inflected form
under its Penn Treebank tag. That answers both questions a quiz asks of a word without a
trained tagger: what it may be (``realised`` → verb, past; ``wheels`` → noun, plural) and how
another word is put in the same form (``praise`` → ``praised``), so that a distractor matches
the key's form.

The table is read straight from the wheel's data file, not through ``import lemminflect``
(which loads its neural models and numpy: over a second per run), and cached as marshal
once per machine (quizgen.cache), as the word-frequency table is.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from .cache import marshal_cached

# lemminflect's file lists a lemma's forms in this order after its base form
_FORM_TAGS = {"noun": ["NNS"], "adj": ["JJR", "JJS"], "adv": ["RBR", "RBS"],
              "verb": ["VBD", "VBN", "VBG", "VBZ"]}
_BASE_TAG = {"noun": "NN", "adj": "JJ", "adv": "RB", "verb": "VB"}
CLASS = {"noun": "noun", "adj": "adjective", "adv": "adverb", "verb": "verb"}
# a tag → the form name quizgen's kinds use ("noun:plural", "verb:past")
FORM = {"NN": "base", "NNS": "plural", "VB": "base", "VBD": "past", "VBN": "past", "VBG": "ing",
        "VBZ": "s", "JJ": "base", "JJR": "comparative", "JJS": "superlative", "RB": "base",
        "RBR": "comparative", "RBS": "superlative"}


def _data_file() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("lemminflect")
    if spec is None or spec.origin is None:  # pragma: no cover - a dependency
        raise ModuleNotFoundError("lemminflect")
    return Path(spec.origin).parent / "resources" / "infl_lu.csv.gz"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict]:
    """(surface → "class tag lemma;…", "lemma/class" → "tag form;…"): flat strings, which
    marshal reads several times faster than nested lists."""
    path = _data_file()

    def build():
        forms: dict[str, list] = {}
        inflect: dict[str, dict] = {}
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                lemma, category, *rest = line.rstrip("\n").split(",")
                if category not in _FORM_TAGS or not lemma.isascii():
                    continue
                table = inflect.setdefault(f"{lemma}/{category}", {})
                table.setdefault(_BASE_TAG[category], lemma)
                pairs = [(_BASE_TAG[category], lemma)]
                for tag, spellings in zip(_FORM_TAGS[category], rest):
                    for spelling in (s for s in spellings.split("/") if s):
                        table.setdefault(tag, spelling)
                        pairs.append((tag, spelling))
                for tag, spelling in pairs:
                    entry = [category, tag, lemma]
                    readings = forms.setdefault(spelling.lower(), [])
                    if entry not in readings:
                        readings.append(entry)
        flat_forms = {w: ";".join(" ".join(r) for r in rs) for w, rs in forms.items()}
        flat_inflect = {k: ";".join(f"{t} {f}" for t, f in v.items()) for k, v in inflect.items()}
        return flat_forms, flat_inflect

    stat = path.stat()
    return tuple(marshal_cached(f"lexicon-en-2-{stat.st_size}-{int(stat.st_mtime)}", build))


def readings(word: str) -> list[tuple[str, str, str]]:
    """Every (class, tag, lemma) the word's spelling may be: ``works`` → noun NNS work, verb
    VBZ work. Classes are noun, adj, adv, verb; an unknown word has none."""
    flat = _tables()[0].get(word.lower())
    return [tuple(r.split(" ")) for r in flat.split(";")] if flat else []


def known(word: str) -> bool:
    return word.lower() in _tables()[0]


def classes(word: str) -> set[str]:
    return {CLASS[c] for c, _, _ in readings(word)}


def inflect(lemma: str, category: str, tag: str) -> str | None:
    """The lemma in the form of the tag (``praise``, verb, VBD → ``praised``), or None."""
    short = {v: k for k, v in CLASS.items()}.get(category, category)
    flat = _tables()[1].get(f"{lemma}/{short}", "")
    return next((f for t, f in (pair.split(" ") for pair in flat.split(";") if pair) if t == tag), None)


def lemma_of(word: str, word_class: str) -> str | None:
    """The word's lemma as that class (``realised``, verb → ``realise``)."""
    short = {v: k for k, v in CLASS.items()}.get(word_class, word_class)
    return next((lemma for c, _, lemma in readings(word) if c == short), None)
