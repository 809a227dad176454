"""Key terms of an English article with spaCy.

Which pipeline runs:
- a trained English pipeline when one is installed (`--spacy-model`, the QUIZGEN_SPACY_MODEL
  variable, or en_core_web_sm/md/lg): part-of-speech tags, noun chunks and entities;
- otherwise spaCy's blank English: its tokenizer, with each word's class and form from
  lemminflect's lexicon and the words around it (quizgen.english_tags), noun phrases built
  from those tags (adjectives and nouns ending in a noun) and names from runs of
  capitalised words; a phrase is kept when it recurs or stands in the title, headings,
  points or thesis, a name even when met once. With a trained pipeline, keyphrases also come
  from runs of content words between stop words and punctuation (as in RAKE).

Every term carries a kind such as "noun:plural" or "verb:past", so that a choice question's
distractors have the answer's part of speech and form.

References:
    Rose, S. et al. (2010). Automatic Keyword Extraction from Individual Documents (RAKE).
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .errors import InputError
from .model import Term

TRAINED_PIPELINES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")

# Closed word classes a blank must never be: articles and determiners, prepositions,
# conjunctions, pronouns, auxiliaries and modals (spaCy's stop words are added to these).
FUNCTION_WORDS_EN = frozenset("""
a an the this that these those some any each every either neither no all both few many much
more most other another such what which whose who whom whoever whatever
of in on at by for with about against between into through during before after above below
to from up down out off over under again further than then once upon within without toward
towards across along among around behind beside besides beyond despite except inside near
onto outside per since till until via amid
and or but nor so yet if because although though while whereas unless whether as
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves one ones
am is are was were be been being have has had having do does did doing will would shall
should can could may might must ought not n't 's 're 've 'd 'll
here there when where why how very too also just only even still already ever never
""".split())

# Words so frequent in any English text that a blank on them tests nothing about this article.
COMMON_WORDS_EN = frozenset("""
said says say told tell asked ask make made makes take took taken come came go went gone
get got know knew known think thought see saw seen look looked want wanted give gave given
use used find found work worked seem seemed feel felt try tried leave left call called keep
kept put set need needed let began begin show showed shown hold held bring brought
year years time times day days week weeks month months people person thing things way ways
man men woman women child children world life part lot lots number place case point fact
new good great little long old right big high different small large next early young
important public same able last late real sure best better whole certain clear
percent according including however although something nothing everything someone
""".split())

_TAG_FORM = {"NNS": "plural", "NNPS": "plural", "VBD": "past", "VBN": "past", "VBG": "ing",
             "VBZ": "s", "RB": "adverb", "RBR": "adverb", "RBS": "adverb", "CD": "number",
             "JJR": "comparative", "JJS": "superlative"}
_POS_CLASS = {"NOUN": "noun", "PROPN": "name", "VERB": "verb", "ADJ": "adjective",
              "ADV": "adverb", "NUM": "number"}
_WORD = re.compile(r"^[A-Za-z][A-Za-z'’\-]*[A-Za-z]$|^[A-Za-z]$")


@dataclass(frozen=True)
class Pipeline:
    nlp: object
    trained: bool
    description: str  # one line saying which pipeline is in use


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Pipeline:
    """The trained pipeline asked for or installed, else spaCy's blank English."""
    import spacy

    wanted = model or os.environ.get("QUIZGEN_SPACY_MODEL")
    names = [wanted] if wanted else list(TRAINED_PIPELINES)
    for name in names:
        if spacy.util.is_package(name) or os.path.isdir(name):
            nlp = spacy.load(name, exclude=["lemmatizer"])
            uses = [use for pipe, use in (("tagger", "part-of-speech tags"), ("parser", "noun chunks"),
                                          ("ner", "entities")) if pipe in nlp.pipe_names]
            return Pipeline(nlp, True, f"English: spaCy pipeline {nlp.meta.get('name', name)} "
                                       f"{nlp.meta.get('version', '')} ({', '.join(uses) or 'tokens only'})")
    if wanted:
        raise InputError(f"spaCy pipeline {wanted!r} is not installed (pip install it, or give its folder)")
    return Pipeline(spacy.blank("en"), False,
                    "English: spaCy blank 'en' (no trained pipeline installed; word classes from "
                    "lemminflect's lexicon and context; pip install en_core_web_sm for a trained tagger)")


def is_function_word(word: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    lower = word.lower()
    return lower in FUNCTION_WORDS_EN or lower in STOP_WORDS


def spelled_form(word: str) -> str:
    """A word's form read from its spelling, for the blank pipeline."""
    lower = word.lower()
    if re.fullmatch(r"[\d.,]+%?", word):
        return "number"
    if lower.endswith("ly") and len(lower) > 4:
        return "adverb"
    if lower.endswith("ing") and len(lower) > 5:
        return "ing"
    if lower.endswith("ed") and len(lower) > 4:
        return "past"
    if lower.endswith(_NOUN_SUFFIXES):
        return "noun"
    if lower.endswith(_ADJECTIVE_SUFFIXES):
        return "adjective"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous")) and len(lower) > 3:
        return "plural"
    return "base"


# Derivational endings that fix a word's class in English spelling (-tion nouns, -ous adjectives)
# (only endings that verbs and nouns rarely share: not -ist as in insist, -ish as in finish)
_NOUN_SUFFIXES = ("tion", "sion", "ness", "ment", "ity", "ance", "ence", "ism", "ship", "hood", "acy")
_ADJECTIVE_SUFFIXES = ("ous", "ful", "tive", "sive", "able", "ible", "less", "ical")


def _token_kind(token, trained: bool, sentence_start: bool) -> str:
    """"class:form" of one token, e.g. noun:plural, verb:past, name:base."""
    if trained and (token.pos_ or token.tag_):
        word_class = _POS_CLASS.get(token.pos_) or _tag_class(token.tag_)
        return f"{word_class}:{_TAG_FORM.get(token.tag_, 'base')}"
    if token.like_num:
        return "number:base"
    if token.text[:1].isupper() and not sentence_start:
        return "name:base"
    from .english_tags import kinds

    return kinds([token.text], 0)[0] or _spelled_kind(token)


_DETERMINERS = frozenset("a an the this that these those my your his her its our their every each "
                         "no some any many much few several another such".split())
_BEFORE_VERB = frozenset("to will would can could shall should may might must not never i we they "
                         "you he she who".split())


def _spelled_kind(token) -> str:
    """class:form for the blank pipeline: the form from the spelling; the class from a
    derivational suffix (-tion, -ous, -ly), else from the word before it (a determiner
    before a noun, 'to' or a modal before a verb), else unknown ("word")."""
    form = spelled_form(token.text)
    if form in {"noun", "adjective", "adverb"}:
        return f"{form}:base"
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if before in _DETERMINERS:  # English adjectives take no plural -s
        modifies = after is not None and is_content(after) and form != "plural"
        word_class = "adjective" if modifies else "noun"
    elif before in _BEFORE_VERB or form == "past":
        word_class = "verb"
    else:
        word_class = "word"
    return f"{word_class}:{form}"


def _tag_class(tag: str) -> str:
    """The word class of a Penn Treebank tag, for pipelines with a tagger but no POS mapping."""
    for prefix, word_class in (("NNP", "name"), ("NN", "noun"), ("VB", "verb"), ("JJ", "adjective"),
                               ("RB", "adverb"), ("CD", "number")):
        if tag.startswith(prefix):
            return word_class
    return tag.lower() or "word"


def is_content(token) -> bool:
    return bool(_WORD.match(token.text)) and not is_function_word(token.text) and len(token.text) >= 3


# --- candidates ---------------------------------------------------------------------------

def _candidates(doc, trained: bool):
    """(surface text, kind) of every candidate term in one sentence."""
    if not trained:
        yield from _tagged_candidates(doc)
        return
    tokens = list(doc)
    parsed = doc.has_annotation("DEP")
    if parsed:
        for chunk in doc.noun_chunks:
            span = [t for t in chunk if is_content(t)]
            while span and span[0].pos_ not in {"NOUN", "PROPN", "ADJ"}:
                span = span[1:]
            if 1 <= len(span) <= 4 and span[-1].i == chunk[-1].i:
                yield _join(span), _token_kind(span[-1], trained, span[-1].i == 0)
    if doc.has_annotation("ENT_IOB"):
        for ent in doc.ents:
            if ent.label_ not in {"CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "TIME", "DATE"}:
                yield ent.text, "name:base"
    run: list = []
    for token in tokens + [None]:
        if token is not None and is_content(token):
            run.append(token)
            continue
        for size in range(1, min(3, len(run)) + 1):
            for start in range(len(run) - size + 1):
                span = run[start:start + size]
                if size == 1 or (not parsed and span[-1].tag_.startswith("NN")):
                    yield _join(span), _span_kind(span, trained)
        run = []


_CLASSES = ("noun", "verb", "adjective", "adverb")


def _tagged_candidates(doc):
    """Without a trained pipeline: words with their class and form from the lexicon
    (quizgen.english_tags), noun phrases (adjectives and nouns ending in a noun: "inner
    tube", "greenhouse gas emissions") and names (runs of capitalised words: "Great Barrier
    Reef", "Princeton University")."""
    from .english_tags import kinds

    tokens = list(doc)
    tagged = kinds([t.text for t in tokens])
    for token, kind in zip(tokens, tagged):
        if kind.split(":")[0] in _CLASSES and is_content(token):
            yield token.text, kind
    yield from _noun_phrases(tokens, tagged)
    yield from _names(tokens, tagged)


def _noun_phrases(tokens, tagged):
    run: list[int] = []
    for i in range(len(tokens) + 1):
        if i < len(tokens) and tagged[i].split(":")[0] in {"noun", "adjective"} and is_content(tokens[i]) \
                and not tokens[i].text[:1].isupper():
            run.append(i)
            continue
        while run and not tagged[run[-1]].startswith("noun"):
            run.pop()  # a phrase ends in its head noun
        for size in (2, 3):
            if len(run) >= size and all(tagged[j].startswith(("noun", "adjective")) for j in run[-size:]):
                span = [tokens[j] for j in run[-size:]]
                yield _join(span), tagged[run[-1]]
        run = []


def _names(tokens, tagged):
    run: list = []
    for i in range(len(tokens) + 1):
        capital = i < len(tokens) and tokens[i].text[:1].isupper() and tokens[i].is_alpha
        named = capital and (tagged[i] == "name:base" or i + 1 < len(tokens) and tagged[i + 1] == "name:base")
        if named and not is_function_word(tokens[i].text):
            run.append(tokens[i])
            continue
        if len(run) >= 2 or (run and run[0].i > 0):
            yield _join(run), "name:base"
        run = []


def _span_kind(span, trained: bool) -> str:
    if all(t.text[:1].isupper() for t in span) and (span[0].i > 0 or len(span) > 1):
        return "name:base"
    kind = _token_kind(span[-1], trained, span[-1].i == 0)
    if len(span) > 1 and not trained:  # a phrase: its head's form, whatever the context says
        return f"phrase:{kind.split(':')[1]}"
    return kind


def _join(span) -> str:
    return span[0].doc.text[span[0].idx:span[-1].idx + len(span[-1].text)]


# --- weighting ----------------------------------------------------------------------------

def extract_terms(sentences: list[str], *, boosts: dict[str, float], keywords: list[str],
                  model: str | None = None, limit: int = 150) -> list[Term]:
    """Key terms of an English article, heaviest first."""
    pipeline = load_pipeline(model)
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    first_seen: dict[str, int] = {}
    for index, doc in enumerate(pipeline.nlp.pipe(sentences)):
        for surface, kind in _candidates(doc, pipeline.trained):
            key = surface.lower()
            counts[key] += 1
            opens = doc.text.startswith(surface)  # its capital may be the sentence's, not the word's
            surfaces[key][("^" if opens else "") + surface] += 1
            kinds[key][kind] += 1
            first_seen.setdefault(key, index)
    boost_text = {text.lower(): factor for text, factor in boosts.items()}
    terms = []
    for key, count in counts.items():
        words = key.split()
        if len(words) == 1 and (key in COMMON_WORDS_EN or len(key) < 4):
            continue
        named = kinds[key].most_common(1)[0][0] == "name:base"
        if len(words) > 1 and count < 2 and not named and not any(key in text for text in boost_text):
            continue  # a chance neighbourhood of words, not a phrase of this article (a name is one)
        weight = count * _specificity(words) * (1.25 if len(words) > 1 else 1.0)
        for text, factor in boost_text.items():
            if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text):
                weight *= factor
        if key in (k.lower() for k in keywords):
            weight *= 1.5
        weight *= 1.0 + 0.3 * (1 - first_seen[key] / max(1, len(sentences)))
        surface = _preferred_surface(surfaces[key])
        terms.append(Term(text=surface, weight=round(weight, 4), kind=kinds[key].most_common(1)[0][0],
                          count=count))
    terms.sort(key=lambda t: (-t.weight, t.text))
    return _drop_contained(terms)[:limit]


def _specificity(words: list[str]) -> float:
    """How rare the words are in English at large (wordfreq's Zipf: 6 for "life", 3 for
    "parrotfish"): a stand-in for document frequency."""
    from .frequency import zipf

    return sum(min(1.0, max(0.15, (6.0 - zipf(w, "en")) / 3)) for w in words) / len(words)


def _preferred_surface(surfaces: Counter) -> str:
    """The most common spelling inside sentences; a term met only at sentence starts (marked
    "^") is lower-cased unless it reads as a name (several capitalised words, or inner capitals)."""
    inside = Counter({s: n for s, n in surfaces.items() if not s.startswith("^")})
    if inside:
        return inside.most_common(1)[0][0]
    surface = surfaces.most_common(1)[0][0][1:]
    if " " not in surface and surface[1:].islower():
        return surface.lower()
    return surface


def _drop_contained(terms: list[Term]) -> list[Term]:
    """A single word that occurs only inside one longer term is that term's part, not a term."""
    phrases = [t for t in terms if " " in t.text]
    kept = []
    for term in terms:
        if " " not in term.text and any(
                p.count >= term.count and re.search(rf"(?<![\w-]){re.escape(term.text.lower())}(?![\w-])",
                                                    p.text.lower()) for p in phrases):
            continue
        kept.append(term)
    return kept


# --- finding terms in sentences -----------------------------------------------------------

def term_pattern(term: str) -> re.Pattern:
    """A whole-word pattern for a term; a lower-case term also matches when capitalised."""
    flags = re.IGNORECASE if term == term.lower() else 0
    return re.compile(rf"(?<![\w'’-]){re.escape(term)}(?![\w'’-])", flags)
