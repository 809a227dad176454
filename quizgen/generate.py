"""Stage 5, generate: candidate questions from an analysed article.

- cloze: a point, the thesis or another key sentence with its key term(s) deleted;
- choice on a sentence: the sentence with a key term blanked, three distractors from the
  article's own terms of the same kind and similar length;
- structure: for each headed section, which claim it makes (one of its points against points of
  other sections) and the "which is NOT" variant; a heading that asks a question is asked;
- thesis: the central claim as a cloze and as a choice.

Every candidate goes through the checker (stage 6) before it is kept. Randomness comes from a
generator seeded with the user's seed and the question's own content, so one question's draws
never depend on another's, and ids derive from content alone.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from dataclasses import dataclass, replace

from .check import check_question
from .languages import Profile, profile
from .model import BLANK, Article, Question, QuestionType, Section, Skill, Term
from .settings import GenerateSettings
from .text import ends_sentence

MAX_SAME_ANSWER = 2  # a term is the answer of at most this many detail questions
MAX_UBIQUITY = 0.25  # a term in more than this share of sentences is the topic, too easy to ask
MAX_NAME_SHARE = 0.2  # of the detail questions, at most this share may ask for a person's name
_OPEN_QUESTION = re.compile(r"如何|怎样|怎么|为什么|为何|何以|什么|哪些|哪里|\b(?:how|why|what|which)\b", re.I)
_CLAUSE_MARKS = "，,；;：:。！？!?"
_CLAUSE = re.compile(r"[，,；;：:]")
_LIST_NUMBER = re.compile(r"^\s*(?:\d+[)）.、．]|[（(][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)\s*")


@dataclass(frozen=True)
class _Slot:
    """A sentence of the article with where it stands."""

    text: str
    section: Section
    order: int  # index of the sentence in the article


def generate(article: Article, *, settings: GenerateSettings | None = None) -> list[Question]:
    """All questions for the article, checked, balanced and in article order."""
    settings = settings or GenerateSettings()
    slots = _slots(article)
    if not slots or not article.terms:
        return []
    picker = _TermPicker(article)
    core = (
        _point_and_thesis_clozes(article, slots, picker, settings)
        + _structure_questions(article, slots, picker.lang, settings)
        + _thesis_choice(article, slots, picker.lang, settings)
    )
    candidates = core + _detail_questions(article, slots, picker, settings, core)
    kept = _keep_valid(candidates, article)
    kept = _limit(kept, settings.max_questions)
    kept = _balance_correct_positions(kept, settings.seed)
    return sorted(kept, key=lambda q: (q.order, q.type.value, q.id))


# --- sentences and terms ------------------------------------------------------------------

def _slots(article: Article) -> list[_Slot]:
    slots = []
    for section in article.sections:
        for sentence in section.sentences:
            slots.append(_Slot(text=sentence, section=section, order=len(slots)))
    return slots


def _slot_of(slots: list[_Slot], sentence: str) -> _Slot | None:
    return next((s for s in slots if s.text == sentence), None)


class _TermPicker:
    """Chooses which key terms of a sentence to blank, and distractors for a term."""

    def __init__(self, article: Article) -> None:
        self.lang: Profile = profile(article.language)
        self.terms = article.terms
        sentences = article.sentences
        self.ubiquity = {t.text: sum(self.lang.contains(s, t.text) for s in sentences) / max(1, len(sentences))
                         for t in self.terms}
        self.article_text = "\n".join(sentences)

    def answer_terms(self, sentence: str, limit: int = 2) -> list[Term]:
        """The sentence's most telling terms: heavy in the article but not everywhere, whole
        (not part of a longer term present in the sentence), in different clauses."""
        lang = self.lang
        present = [t for t in self.terms if self.ubiquity[t.text] <= MAX_UBIQUITY and lang.contains(sentence, t.text)]
        whole = [t for t in present if lang.stands_alone(sentence, t.text)
                 and not any(o.text != t.text and t.text in o.text for o in present)]
        ranked = sorted(whole, key=lambda t: (_is_name(t), -t.weight))  # content before who said it
        chosen: list[Term] = []
        for term in ranked:
            if any(term.text in c.text or c.text in term.text for c in chosen):
                continue
            if self.whole_clause(sentence, term.text) or lang.cues.fullmatch(term.text):
                continue  # a clause of its own, or a claim marker (关键, key) rather than content
            if chosen and self.clause_of(sentence, term.text) == self.clause_of(sentence, chosen[0].text):
                continue
            if self.blanked_share(sentence, chosen + [term]) > 0.45:
                continue
            chosen.append(term)
            if len(chosen) == limit:
                break
        content = [t for t in chosen if not _is_name(t)]
        return content or chosen  # a speaker is blanked only when nothing else is there to ask

    def distractors(self, answer: Term, stem: str, rng: random.Random) -> list[str] | None:
        """Three wrong options from the article: same kind, similar length, not overlapping
        the answer, not a near-synonym, not making the stem another true sentence."""
        lang, pool = self.lang, []
        for term in self.terms:
            word = term.text
            if term.kind != answer.kind and not (answer.kind == "noun" and term.kind in {"idiom"}):
                continue
            if not lang.similar_length(word, answer.text) or word in answer.text or answer.text in word:
                continue
            if lang.near_synonym(word, answer.text) or lang.contains(stem, word):
                continue
            if stem.replace(BLANK, word) in self.article_text:
                continue
            pool.append(term)
        if len(pool) < 3:
            return None
        pool.sort(key=lambda t: (abs(len(t.text) - len(answer.text)), -t.weight))
        picked: list[str] = []
        for term in rng.sample(pool[:8], min(8, len(pool))):
            if all(not lang.near_synonym(term.text, p) and term.text not in p and p not in term.text
                   for p in picked):
                picked.append(term.text)
            if len(picked) == 3:
                return picked
        return None

    def whole_clause(self, sentence: str, word: str) -> bool:
        """The term is a clause by itself ("____，与之对应的……"): a blank there asks for a
        connective or an aside, not for content."""
        for start, end, _ in self.lang.find(sentence, word):
            before, after = sentence[:start].rstrip(), sentence[end:].lstrip()
            if (not before or before[-1] in _CLAUSE_MARKS) and (not after or after[0] in _CLAUSE_MARKS):
                return True
        return False

    def clause_of(self, sentence: str, word: str) -> int:
        found = self.lang.find(sentence, word)
        return len(_CLAUSE.findall(sentence[:found[0][0] if found else 0]))

    def blanked_share(self, sentence: str, terms: list[Term]) -> float:
        blanked = sum(end - start for t in terms for start, end, _ in self.lang.find(sentence, t.text))
        return blanked / max(1, len(sentence))

    def blank(self, sentence: str, term: Term, make) -> tuple[str, str]:
        """The sentence with the term replaced by make(surface), and the surface first met."""
        surface = self.lang.find(sentence, term.text)[0][2]
        return self.lang.replace(sentence, term.text, make), surface


def _is_question(text: str) -> bool:
    return text.rstrip().endswith(("?", "？"))


def _open_question(title: str) -> bool:
    """A heading that asks how, why or what (互联网金融如何蜕变新生?) is answered by the
    section's claims; a yes-no or recall question (……吗？) is not."""
    return _is_question(title) and not title.rstrip()[:-1].endswith("吗") and bool(_OPEN_QUESTION.search(title))


def _is_name(term: Term) -> bool:
    return term.kind == "name" or term.kind.startswith("name:")


# --- question builders --------------------------------------------------------------------

def _cloze(slot: _Slot, terms: list[Term], skill: Skill, picker: _TermPicker,
           settings: GenerateSettings) -> Question:
    text, answers = slot.text, []
    for number, term in enumerate(terms, start=1):
        hint = f"::{picker.lang.hint(term.text)}" if settings.hint else ""
        text, surface = picker.blank(text, term, lambda s, n=number, h=hint: "{{c%d::%s%s}}" % (n, s, h))
        answers.append(surface)
    return Question(id=question_id("cloze", slot.text, answers), type=QuestionType.CLOZE,
                    skill=skill, section=slot.section.id, source=slot.text, text=text,
                    answers=answers, order=slot.order)


def _choice(slot: _Slot, stem: str, correct: str, wrong: list[str], skill: Skill,
            variant: str, order: int | None = None) -> Question:
    options = [correct] + wrong
    return Question(id=question_id("choice", slot.text, [correct, variant]), type=QuestionType.CHOICE,
                    skill=skill, section=slot.section.id, source=slot.text, stem=stem,
                    options=options, correct=0, order=slot.order if order is None else order)


def question_id(kind: str, source: str, answers: list[str]) -> str:
    """Derived from content only: the same question gets the same id in every run and seed."""
    digest = hashlib.sha1("\x1f".join([kind, source, *answers]).encode("utf-8")).hexdigest()
    return f"q{digest[:10]}"


def _rng(seed: int, *key: str) -> random.Random:
    return random.Random(hashlib.sha1("\x1f".join([str(seed), *key]).encode("utf-8")).hexdigest())


def _point_and_thesis_clozes(article, slots, picker, settings) -> list[Question]:
    questions = []
    for section in article.sections:
        for point in section.points:
            slot = _slot_of(slots, point)
            terms = picker.answer_terms(point) if slot else []
            if terms:
                questions.append(_cloze(slot, terms, Skill.TERM, picker, settings))
    thesis = _slot_of(slots, article.thesis) if article.thesis else None
    if thesis:
        terms = picker.answer_terms(thesis.text)
        if terms:
            questions.append(_cloze(thesis, terms, Skill.THESIS, picker, settings))
    return questions


def _claim(sentence: str) -> str:
    """A sentence as an option: without its list number and its final mark."""
    return _LIST_NUMBER.sub("", sentence).rstrip("。！？!?.;；").strip()


def _other_claims(article: Article, exclude: Section | None, avoid: set[str], lang: Profile) -> list[str]:
    claims = [p for s in article.sections if s is not exclude for p in s.points
              if p not in avoid and not _is_question(p)]  # a question is no claim
    shortest, longest = lang.claim_chars
    if len(claims) < 3:  # few points found: fall back on paragraph openers of other sections
        claims += [p.sentences[0] for s in article.sections if s is not exclude
                   for p in s.paragraphs if p.sentences and shortest <= len(p.sentences[0]) <= longest
                   and ends_sentence(p.sentences[0]) and not _is_question(p.sentences[0])]
    seen, result = set(avoid), []
    for claim in claims:
        if claim not in seen:
            seen.add(claim)
            result.append(claim)
    return result


def _similar_length(claims: list[str], correct: str, rng: random.Random, count: int = 3) -> list[str]:
    """Distractor claims drawn from those closest in length to the correct one, so that the
    longest option is not a give-away."""
    nearest = sorted(claims, key=lambda c: (abs(len(c) - len(correct)), c))[:count * 2]
    return rng.sample(nearest, count)


def _structure_questions(article, slots, lang: Profile, settings) -> list[Question]:
    questions = []
    for section in article.sections:
        if not section.title or not section.points:
            continue
        others = _other_claims(article, section, set(section.points) | {article.thesis or ""}, lang)
        if len(others) < 3:
            continue
        asks = _open_question(section.title)
        for point in section.points:
            slot = _slot_of(slots, point)
            rng = _rng(settings.seed, "structure", point)
            wrong = [_claim(c) for c in _similar_length(others, point, rng)]
            stem = lang.wording["stem_asks" if asks else "stem_which"].format(title=section.title)
            questions.append(_choice(slot, stem, _claim(point), wrong, Skill.STRUCTURE, "which"))
        if len(section.points) >= 3:
            rng = _rng(settings.seed, "structure-not", section.id, section.title)
            outsider = rng.choice(others)
            slot = _slot_of(slots, outsider) or _slot_of(slots, section.points[0])
            insiders = [_claim(p) for p in rng.sample(section.points, 3)]
            stem = lang.wording["stem_not"].format(title=section.title)
            first = _slot_of(slots, section.points[0])
            question = _choice(slot, stem, _claim(outsider), insiders, Skill.STRUCTURE, "not",
                               order=first.order if first else None)
            questions.append(replace(question, section=section.id))
    return questions


def _thesis_choice(article, slots, lang: Profile, settings) -> list[Question]:
    thesis = _slot_of(slots, article.thesis) if article.thesis else None
    if not thesis:
        return []
    others = _other_claims(article, None, {thesis.text}, lang)
    if len(others) < 3:
        return []
    wrong = [_claim(c) for c in _similar_length(others, thesis.text, _rng(settings.seed, "thesis", thesis.text))]
    stem = lang.wording["stem_thesis"]
    return [_choice(thesis, stem, _claim(thesis.text), wrong, Skill.THESIS, "thesis")]


def _detail_questions(article, slots, picker, settings, already: list[Question]) -> list[Question]:
    """Cloze and choice questions on the sentences densest in key terms, alternating."""
    used = {p for s in article.sections for p in s.points} | {article.thesis}
    lang = picker.lang
    shortest, longest = lang.sentence_chars
    candidates = [s for s in slots if s.text not in used and ends_sentence(s.text)
                  and shortest <= len(s.text) <= longest]
    density = {s.order: sum(t.weight for t in article.terms if lang.contains(s.text, t.text))
               / lang.size(s.text) ** 0.5 for s in candidates}
    candidates.sort(key=lambda s: -density[s.order])
    budget = max(settings.min_questions, min(settings.max_questions, len(slots) // 3))
    questions = []
    asked = Counter(a for q in already for a in (q.answers or []))
    names_left = max(2, int(budget * MAX_NAME_SHARE))  # "who said it" tests attribution, not reading
    for index, slot in enumerate(candidates[:budget * 3]):
        terms = [t for t in picker.answer_terms(slot.text, limit=3) if asked[t.text] < MAX_SAME_ANSWER
                 and (not _is_name(t) or names_left > 0)][:1]
        if not terms:
            continue
        asked[terms[0].text] += 1
        names_left -= _is_name(terms[0])
        if index % 2 == 0:
            questions.append(_cloze(slot, terms, Skill.DETAIL, picker, settings))
            continue
        stem, surface = picker.blank(slot.text, terms[0], lambda s: BLANK)
        wrong = picker.distractors(terms[0], stem, _rng(settings.seed, "detail", slot.text))
        if wrong and surface[:1].isupper() and terms[0].text[:1].islower():
            wrong = [w[:1].upper() + w[1:] for w in wrong]  # the blank opens the sentence
        if wrong:
            questions.append(_choice(slot, stem, surface, wrong, Skill.DETAIL, "detail"))
    return questions


# --- keeping and balancing ----------------------------------------------------------------

def _keep_valid(candidates: list[Question], article: Article) -> list[Question]:
    kept, seen_ids, seen_sources = [], set(), set()
    section_ids = {s.id for s in article.sections}
    for question in candidates:
        if question.id in seen_ids or (question.type.value, question.source, question.stem) in seen_sources:
            continue
        if any(p.severity == "error" for p in check_question(question.to_dict(), section_ids)):
            continue
        seen_ids.add(question.id)
        seen_sources.add((question.type.value, question.source, question.stem))
        kept.append(question)
    return kept


def _limit(questions: list[Question], limit: int) -> list[Question]:
    """Keep points, thesis and structure questions first, then details up to the limit."""
    priority = {Skill.THESIS: 0, Skill.STRUCTURE: 1, Skill.TERM: 1, Skill.DETAIL: 2}
    ranked = sorted(enumerate(questions), key=lambda item: (priority[item[1].skill], item[0]))
    keep = {index for index, _ in ranked[:limit]}
    return [q for i, q in enumerate(questions) if i in keep]


def _balance_correct_positions(questions: list[Question], seed: int) -> list[Question]:
    """Place the correct option so that each position is used about equally: positions are
    dealt from shuffled rounds of A–D, and the distractors shuffled around it."""
    choices = sorted((q for q in questions if q.type is QuestionType.CHOICE), key=lambda q: q.id)
    rng = _rng(seed, "positions")
    positions: list[int] = []
    while len(positions) < len(choices):
        deal = [0, 1, 2, 3]
        rng.shuffle(deal)
        positions.extend(deal)
    placed = {}
    for question, position in zip(choices, positions):
        wrong = [o for i, o in enumerate(question.options) if i != question.correct]
        _rng(seed, "shuffle", question.id).shuffle(wrong)
        options = wrong[:position] + [question.options[question.correct]] + wrong[position:]
        placed[question.id] = replace(question, options=options, correct=position)
    return [placed.get(q.id, q) for q in questions]

