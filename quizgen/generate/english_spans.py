"""Which span of an English sentence to ask: the English gates on top of `spans`.

What blind English-teacher raters rejected, and the gate for each:
- an everyday word a reader fills in without the passage (hard, very, friends): the word and
  its lemma both under wordfreq Zipf 5 (taught is checked as teach as well);
- a word the sentence gives away: another form of it in the same sentence ("the desperate
  city … the desperate country", "simplicity, simplicity"), or a word built on the same stem
  (desperation … desperate);
- a verb is asked only when it is rare (Zipf under 4: bleached, pollinate), where the class
  and form of the distractors can be matched and no synonym lies at hand; an adjective or an
  adverb never (hollow stems, rusty tools, very: filled from the collocation, or a guess);
- an opening set phrase (At first glance, By contrast) is no content to ask.
Each answer is known by its lemma, so ``temperature`` and ``temperatures`` are one key asked
once (`answer_key`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..frequency import EVERYDAY, zipf
from ..model import Term
from .spans import Span, SpanFinder

KEY_RARITY = 3.0  # under the strict gates an English noun key is rarer than this (Zipf), or in a phrase with such a word:
# raters rejected diver 3.4, caretaker 3.45, seaweed 3.2, setbacks 3.2, chimneys 3.0 (rate78, 81); kept chromatophores, papillae
RELAXED_RARITY = 4.0  # the first relaxed pass still asks for a word rarer than this (delay, lesson, time are not)
CLOZE_ANYWHERE = 4.0  # a noun rarer than this (Zipf) may be a cloze in any sentence
RARE_PREDICATE = 4.0  # a verb or an adjective rarer than this (Zipf) may be asked
_PREDICATE_WORTH = {"verb": 0.3}
_OPENER = re.compile(r"^(?:At|In|On|By|For|With|Of|After|Above)(?: (?:the|a|first|all|short|fact|general|turn))?\s*$")
_NAMING = {"called", "named", "termed", "dubbed", "known"}  # bags of colour called ____: any term follows a naming verb
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=8192)
def answer_key(text: str) -> str:
    """One key per answer, whatever its form: the lemma of each word, lower-cased, British
    and American spellings made one (realised / realized, colour / color)."""
    words = []
    for word in text.split():
        lower = word.lower()
        lemmas = sorted({lemma.lower() for _, _, lemma in lexicon.readings(lower)})
        words.append(spelling_key(lemmas[0] if lemmas else lower))
    return " ".join(words)


def spelling_key(word: str) -> str:
    """British and American spellings of a word to one form."""
    word = re.sub(r"is(e|ed|es|ing|ation)$", r"iz\1", word)
    word = re.sub(r"our(s|ed|ing|ful|ite)?$", r"or\1", word)
    word = re.sub(r"([^aeiou])re(s|d)?$", r"\1er\2", word)  # centre / center
    word = re.sub(r"ogue(s)?$", r"og\1", word)
    return re.sub(r"([aeiou])ll(ed|ing|er)$", r"\1l\2", word)  # travelled / traveled


def stem(word: str) -> str:
    """The shared beginning that ties a word to its derivations (desperate / desperation)."""
    lower = spelling_key(word.lower())
    return lower[:6] if len(lower) >= 7 else lower


def everyday(text: str) -> bool:
    """The word, or its lemma, is one anyone fills in without reading (Zipf ≥ 5)."""
    text = text.replace("’", "'")  # wordfreq spells o'clock, don't with the straight apostrophe
    if zipf(text, "en") >= EVERYDAY:
        return True
    if " " in text:
        return False
    lemmas = {lemma for _, _, lemma in lexicon.readings(text)}
    return any(zipf(lemma, "en") >= EVERYDAY for lemma in lemmas)


def _after_modifier_noun(before: str) -> bool:
    """The word right before the span is a noun that modifies it (car accidents, bicycle
    shop), by the lexicon: a noun and nothing else, lower-case, no mark between."""
    words = before.split()
    if not words or not before.endswith(" ") or not re.fullmatch(r"[a-z]+", words[-1]):
        return False
    classes = {c for c, _, _ in lexicon.readings(words[-1])}
    return classes == {"noun"}


class EnglishSpanFinder(SpanFinder):
    """SpanFinder with the English gates of the module docstring."""

    def term_worth(self, term: Term) -> float | None:
        group = term.kind.split(":", 1)[0]
        if group in {"adverb", "adjective"} or everyday(term.text) or re.search(r"['’]", term.text):
            return None  # an adverb or an adjective is filled from the collocation (hollow stems,
            # rusty tools); o'clock, don't are function words
        rarity = KEY_RARITY if self.strict else None if self.loose else RELAXED_RARITY
        if rarity and group == "noun" and min(zipf(w, self.code) for w in term.text.split()) >= rarity:
            return None  # raters kept none of headphones, sleeves, dishes, homework, essay: guessed or
            # filled by a synonym; carotenoids, forager, chlorophyll, slowness they kept
        if group in _PREDICATE_WORTH:
            if " " in term.text or zipf(term.text, self.code) >= RARE_PREDICATE or not lexicon.known(term.text):
                return None
            if self.ubiquity.get(term.text, 0) > self.max_ubiquity:
                return None
            specificity = min(1.5, max(0.0, (5.5 - zipf(term.text, self.code)) / 2))
            return _PREDICATE_WORTH[group] + specificity + 0.8 * self.salience.get(term.text, 0)
        return super().term_worth(term)

    def cloze_anywhere(self, span: Span) -> bool:
        """A noun rare in the language (Zipf under 4: melatonin, hectares) is the passage's own
        word wherever it stands: a blank without options asks for it fairly."""
        return span.group == "noun" and " " not in span.text and zipf(span.text, self.code) < CLOZE_ANYWHERE

    def ambiguous(self, sentence: str, span: Span) -> bool:
        """Another term of the passage fits the blank as well: the passage writes it beside the
        same content word (leather ____ / leather bag). A function word beside the blank (the,
        of) says nothing about what fills it, so it is no evidence."""
        from ..english import is_function_word

        if span.group in {"list", "date", "number", "work"}:
            return False
        before, after = sentence[:span.start].split()[-1:], sentence[span.end:].split()[:1]
        contexts = [(side, word) for side, words in (("left", before), ("right", after)) for word in words
                    if len(word) >= 3 and word.isalpha() and not is_function_word(word) and word.lower() not in _NAMING]
        if not contexts:
            return False
        text = self.text.lower()
        for other in self.by_group.get(span.group, []):
            if other.text in span.text or span.text in other.text:
                continue
            for side, word in contexts:
                pair = f"{word} {other.text}" if side == "left" else f"{other.text} {word}"
                if pair.lower() in text:
                    return True
        return False

    def _given_away(self, sentence: str, span: Span) -> bool:
        if super()._given_away(sentence, span):
            return True
        if _OPENER.match(sentence[:span.start]) and sentence[span.end:].startswith(","):
            return True  # an opening set phrase (At first glance, By contrast): no content
        if span.group == "noun" and " " not in span.text and _after_modifier_noun(sentence[:span.start]):
            return True  # car ____, bee ____: the compound's collocation fills it
        rest = sentence[:span.start] + " " + sentence[span.end:]
        own = {stem(w) for w in span.text.split() if len(w) >= 4}
        keys = {answer_key(w) for w in span.text.split()}
        for word in _WORD.findall(rest):
            if len(word) >= 4 and (stem(word) in own or answer_key(word) in keys):
                return True  # another form of the answer, or a word of its family, in view
        return False
