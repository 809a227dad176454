"""Wrong options for an English key: the passage's own words, of the key's class and form.

A distractor for an English word must read as a possible answer in the blank and be wrong
by the passage:
- the same word class and form as the key: a passage noun put in the key's number (wheel →
  wheels for "brakes"), a passage verb in the key's tense (praise → praised for
  "frustrated"), through lemminflect's lexicon (quizgen.lexicon);
- the same kind of thing: never a person for a thing; an abstract noun (concentration)
  preferred for an abstract key. A person is not asked with options at all (scientists
  among experts and biologists: several fit), only as a cloze;
- never a form, a spelling variant or a derivation of the key (realised / realized,
  temperature / temperatures, desperate / desperation), nor of another option;
- never an everyday word (Zipf ≥ 5, the word or its lemma), a word in the stem, or a word the
  passage itself writes in the slot's context (`DistractorFinder._also_fits`);
- a noun phrase is answered by noun phrases of as many words with the same head form.
Dates, numbers, names and lists keep the shared rules (`distractors`). Without three such
options the key is asked as a cloze instead.
"""

from __future__ import annotations

import random
import re

from .. import lexicon
from ..frequency import zipf
from ..model import Article
from .distractors import DistractorFinder
from .english_spans import answer_key, everyday, spelling_key, stem
from .spans import Span, SpanFinder

_TAG = {("noun", "base"): "NN", ("noun", "plural"): "NNS", ("verb", "base"): "VB", ("verb", "past"): "VBD",
        ("verb", "ing"): "VBG", ("verb", "s"): "VBZ", ("adjective", "base"): "JJ",
        ("adjective", "comparative"): "JJR", ("adjective", "superlative"): "JJS"}
_WORD_CLASSES = {"noun", "verb", "adjective"}
PEOPLE = frozenset("""
people person man men woman women child children boy girl baby kid adult teenager youngster parent
father mother son daughter brother sister husband wife grandfather grandmother grandpa grandma
grandparent uncle aunt cousin friend neighbour neighbor family student pupil classmate teacher
professor doctor nurse patient scientist expert critic volunteer librarian engineer citizen resident
tourist visitor guest customer owner worker farmer fisherman fishermen biologist psychologist
researcher official leader king queen soldier officer player athlete artist author writer
reader driver passenger colleague boss employee manager judge lawyer police policeman stranger
""".split())
_PERSON_ENDINGS = ("ist", "ian", "eer", "maker", "keeper", "layer", "worker", "man", "woman", "person")
_ABSTRACT_ENDINGS = ("tion", "sion", "ness", "ment", "ity", "ance", "ence", "ism", "ship", "hood", "acy",
                     "dom", "ure", "ing", "ty", "ics", "logy")


def person(word: str) -> bool:
    """A noun naming a person: a word of people (teacher, grandfather) or one built like one
    (biologist, bricklayer, a verb + -er: researcher)."""
    lemma = (lexicon.lemma_of(word, "noun") or word).lower()
    last = lemma.split()[-1]
    if last in PEOPLE or last.endswith(_PERSON_ENDINGS):
        return True
    if last.endswith(("er", "or")) and len(last) > 5:
        return any(c == "verb" for c, _, _ in lexicon.readings(last[:-2]) + lexicon.readings(last[:-1]))
    return False


def abstract(word: str) -> bool:
    """A noun naming an idea, a state or an activity, by its ending (concentration,
    beekeeping); -ing only on a word long enough to be a verb's (not spring, string)."""
    lemma = (lexicon.lemma_of(word, "noun") or word).lower()
    if lemma.endswith("ing"):
        return len(lemma) > 6
    return lemma.endswith(_ABSTRACT_ENDINGS)


class EnglishDistractors(DistractorFinder):
    def __init__(self, article: Article, finder: SpanFinder) -> None:
        super().__init__(article, finder)
        self.article = article

    def find(self, key: Span, sentence: str, stem_text: str, rng: random.Random) -> list[str] | None:
        word_class, _, form = key.kind.partition(":")
        if word_class not in _WORD_CLASSES:
            return super().find(key, sentence, stem_text, rng)
        if word_class == "noun" and person(key.text):
            return None  # who did it: other people of the passage (experts, biologists) often fit as well
        candidates = self._candidates(key, word_class, form or "base")
        stem_words = {answer_key(w) for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", stem_text)}
        fitting = [c for c in candidates if self._fits_english(c, key, sentence, stem_text, stem_words)]
        fitting.sort(key=lambda c: (abstract(c) != abstract(key.text), abs(len(c) - len(key.text)), c))
        alike = [c for c in fitting if abstract(c) == abstract(key.text)]
        if len(alike) >= 3:
            fitting = alike  # an idea for an idea, a thing for a thing (wooden stool: wheel, not habit)
        picked: list[str] = []
        for option in rng.sample(fitting[:6], min(6, len(fitting))):
            if all(not self._same_answer(option, p) for p in picked):
                picked.append(option)
            if len(picked) == 3:
                return picked
        return None

    def _candidates(self, key: Span, word_class: str, form: str) -> list[str]:
        """The passage's terms of the key's class, put in the key's form."""
        size = len(key.text.split())
        tag = _TAG.get((word_class, form))
        found: list[str] = []
        for term in self.terms:
            term_class, _, term_form = term.kind.partition(":")
            words = term.text.split()
            if term_class != word_class or len(words) != size or not term.text.islower():
                continue
            if (term_form or "base") == form:
                option = term.text
            elif size == 1 and tag:
                lemma = lexicon.lemma_of(term.text, word_class)
                option = lexicon.inflect(lemma, word_class, tag) if lemma else None
                if option and zipf(option, "en") == 0:
                    continue  # a form the language hardly uses (pollutions, balances)
            else:
                continue
            if option and option not in found:
                found.append(option)
        return found

    def _fits_english(self, option: str, key: Span, sentence: str, stem_text: str, stem_words: set[str]) -> bool:
        if self._same_answer(option, key.text) or everyday(option) or not self._same_form(option, key):
            return False
        if re.search(r"['’]", option):
            return False  # o'clock: a function word, never an option
        if key.group == "noun" and person(option) != person(key.text):
            return False  # a person for a person, a thing for a thing
        if any(answer_key(w) in stem_words for w in option.split()):
            return False  # the stem shows it
        if self.lang.contains(sentence, option) or self._listed_with(option, key.text):
            return False
        return not self._also_fits(option, stem_text) and not self._fits_beside(option, stem_text)

    def _fits_beside(self, option: str, stem_text: str) -> bool:
        """The passage writes the option beside another form of the word before the blank
        ("feeling ____" and the passage has "feel sleepy"): right by the passage."""
        before = re.findall(r"[A-Za-z]+", stem_text.partition("____")[0])[-1:]
        if not before or len(before[0]) < 3:
            return False
        forms = {before[0].lower()}
        for category, _, lemma in lexicon.readings(before[0]):
            forms.update(f for f in (lexicon.inflect(lemma, category, t) for t in
                                     ("VB", "VBD", "VBN", "VBG", "VBZ", "NN", "NNS", "JJ")) if f)
        return any(f"{form} {option.lower()}" in self.lowered for form in forms)

    @staticmethod
    def _same_form(option: str, key: Span) -> bool:
        """The option's last word can be read in the key's form (a plural for a plural: not
        progress for restaurants)."""
        word_class, _, form = key.kind.partition(":")
        tag = _TAG.get((word_class, form or "base"))
        readings = lexicon.readings(option.split()[-1])
        if not tag or not readings:
            return True
        tags = {t for _, t, _ in readings}
        if tag == "NNS" and "NN" in tags and option.split()[-1].lower() in {l.lower() for _, _, l in readings}:
            return False  # a mass noun (progress, equipment) is no plural
        return tag in tags or (tag == "VBD" and "VBN" in tags)

    @staticmethod
    def _same_answer(a: str, b: str) -> bool:
        """Two spellings, forms or derivations of one answer, or one inside the other."""
        if a.lower() in b.lower() or b.lower() in a.lower() or answer_key(a) == answer_key(b):
            return True
        if spelling_key(a.lower()) == spelling_key(b.lower()):
            return True
        return any(stem(x) == stem(y) for x in a.split() for y in b.split() if len(x) >= 5 and len(y) >= 5)
