"""Word classes of English tokens without a trained tagger: the lexicon, then the context.

Each word's possible readings come from lemminflect's lexicon (quizgen.lexicon): ``shop``
may be a noun or a verb, ``realised`` only a verb in the past, ``quickly`` only an adverb.
Where the lexicon leaves a choice, the words around decide, as a reader would:
- after a determiner, a possessive, a number or an adjective: a noun (an adjective when a
  noun follows: "the *inner* tube");
- after "to", a modal, "not", a subject pronoun or "did": a verb in its base form;
- after a form of "be": an adjective (or the verb's -ing / past participle);
- after a preposition: a noun (or the verb's -ing);
- before a determiner or an object pronoun: a verb ("showed *me*", "cover *it*").
A word the lexicon lacks takes its class from its spelling (-tion a noun, -ous an adjective,
-ly an adverb); a capitalised word inside a sentence is a name.

The result is a kind "class:form" per token — noun:base, noun:plural, verb:past, verb:ing,
verb:s, adjective:comparative, adverb:base, name:base, number:base — or "" for a function
word or punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon

DETERMINERS = frozenset("a an the this that these those my your his her its our their every each no "
                        "some any many much few several another such either neither both all".split())
_TO_VERB = frozenset("to will would can could shall should may might must not never did does do "
                     "i we they you he she who let".split())
_BE = frozenset("is are was were be been being am 's 're seem seems seemed become became".split())
_PREPOSITIONS = frozenset("of in on at by for with about against between into through during before after "
                          "above below from under over without within among across behind beside near "
                          "toward towards upon via than".split())
_OBJECTS = frozenset("me him her us them it you the a an this that these those my his their our your".split())
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*%?$")
_NUMBER_WORD = re.compile(r"(?:(?:twen|thir|for|fif|six|seven|eigh|nine)ty|(?:thir|four|fif|six|seven|eigh|nine)teen|"
                          r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|"
                          r"million|billion|dozen)(?:-\w+)*s?")
_NOUN_ENDINGS = ("tion", "sion", "ness", "ment", "ity", "ance", "ence", "ism", "ship", "hood", "acy", "ist", "er", "or")
_ADJECTIVE_ENDINGS = ("ous", "ful", "ive", "able", "ible", "less", "ical", "al", "ic", "ish")
_DEGREE = frozenset("too very so quite rather more most less least how as".split())
_PREFERENCE = {"noun": 0, "verb": 1, "adj": 2, "adv": 3}


def kinds(words: list[str], sentence_start: int = 0) -> list[str]:
    """The kind of each word of a sentence (punctuation tokens included, as "")."""
    from .english import is_function_word

    result: list[str] = []
    for i, word in enumerate(words):
        before = _previous_word(words, i)
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        context = _Context(before, after, words[i + 1] if i + 1 < len(words) else "",
                           result[-1] if result else "")
        result.append(_kind(word, context, i == sentence_start, is_function_word))
    return result


def _previous_word(words: list[str], i: int) -> str:
    return words[i - 1].lower() if i > 0 else ""


@dataclass(frozen=True)
class _Context:
    before: str  # the word before, lower-cased
    after: str  # the word after, lower-cased
    next_word: str  # the word after as written
    previous_kind: str  # the kind chosen for the word before


def _kind(word: str, context: "_Context", opens: bool, is_function_word) -> str:
    if not re.search(r"[A-Za-z0-9]", word):
        return ""
    if _NUMBER.match(word) or _NUMBER_WORD.fullmatch(word.lower()):
        return "number:base"
    if is_function_word(word):
        return ""
    if word[:1].isupper() and not opens:
        return "name:base"
    options = lexicon.readings(word)
    if not options:
        return _spelled(word)
    category, tag, _ = _choose(options, word, context)
    return f"{lexicon.CLASS[category]}:{lexicon.FORM.get(tag, 'base')}"


def _choose(options, word: str, context: "_Context"):
    """The reading the context asks for (see the module docstring)."""
    by_class: dict[str, list] = {}
    for option in options:
        if option[2][:1].isupper() and not word[:1].isupper():
            continue  # White the name is no reading of white
        by_class.setdefault(option[0], []).append(option)
    by_class = by_class or {options[0][0]: options}
    for category in _wanted(by_class, context) + _default_order(by_class, word):
        if category in by_class:
            return _form_of(by_class[category], word)
    return _form_of(options, word)


def _default_order(by_class: dict, word: str) -> list[str]:
    """Without a telling context: a participle-shaped verb form (known, worn, bleached) is the
    verb; a word that is its own adjective lemma (warm, white) the adjective; else noun first."""
    lower = word.lower()
    if "verb" in by_class and lower.endswith(("ed", "en", "wn")) and \
            any(tag in {"VBD", "VBN"} for _, tag, _ in by_class["verb"]):
        return ["verb"]
    if any(tag == "JJ" for _, tag, _ in by_class.get("adj", [])):
        return ["adj"]
    return sorted(by_class, key=lambda c: _PREFERENCE[c])


def _wanted(by_class: dict, context: "_Context") -> list[str]:
    before, after, next_word = context.before, context.after, context.next_word
    noun_follows = bool(next_word) and _could_be_noun(next_word)
    if before in DETERMINERS or _NUMBER.match(before or "x") or before.endswith(("'s", "’s")):
        return ["adj", "noun"] if noun_follows and "adj" in by_class else ["noun", "adj"]
    if before in _TO_VERB:
        return ["verb", "adv", "adj", "noun"]
    if before in _BE:
        return ["adj", "verb", "noun"]
    if before in _PREPOSITIONS:
        return ["adj", "noun"] if noun_follows and "adj" in by_class else ["noun", "verb"]
    if before in _DEGREE:
        return ["adj", "adv"]
    if after in _OBJECTS:
        return ["verb", "noun"]
    if context.previous_kind in {"noun:plural", "name:base"} and "verb" in by_class:
        return ["verb"]  # corals expel, Critics argue: a plural subject and its verb
    if context.previous_kind.startswith("verb") and not noun_follows:
        return ["adj", "adv", "noun"]  # turn white, feel tired
    if noun_follows and "adj" in by_class:
        return ["adj", "noun"]
    return []


def _could_be_noun(word: str) -> bool:
    return any(c == "noun" for c, _, _ in lexicon.readings(word))


def _form_of(options: list, word: str):
    """Of one class's readings, the one whose tag fits the spelling: the base form when the
    word is its own lemma (puncture, not the plural puncture)."""
    lower = word.lower()
    inflected = [o for o in options if o[1] in {"NNS", "VBZ"} and o[2].lower() != lower and lower.endswith("s")]
    if inflected:
        return inflected[0]  # letters is the plural of letter before it is a lemma of its own
    base = [o for o in options if o[1] in {"NN", "VB", "JJ", "RB"} and o[2].lower() == lower]
    return base[0] if base else options[0]


def _spelled(word: str) -> str:
    """A word the lexicon lacks: its class from its ending."""
    lower = word.lower()
    if lower.endswith("ly") and len(lower) > 4:
        return "adverb:base"
    if lower.endswith("ing") and len(lower) > 5:
        return "verb:ing"
    if lower.endswith("ed") and len(lower) > 4:
        return "verb:past"
    if lower.endswith(_NOUN_ENDINGS[:11]):
        return "noun:base"
    if lower.endswith(_ADJECTIVE_ENDINGS[:6]):
        return "adjective:base"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return "noun:plural"
    return "noun:base"
