"""Stage 5, generate: a quiz a teacher would hand out, not every question the text allows.

Rank, then ask:
1. `rank`: score every sentence for what a teacher would ask about (thesis, points, topic
   sentences, centrality, key facts; quotes, speakers and narration down; noisy sentences out);
2. `argument`: which claim each headed section makes, and the thesis, with claims as options;
3. `spans`: in the best sentences, in turn, the one span worth asking (a fact, a name, a term
   specific to this article, a list it names); a sentence with none gets no question;
4. `distractors`: three wrong options of the key's kind that the article rules out; where they
   do not exist the span is asked as a cloze instead.
The count follows from the article (about one question per 220 characters, at most 25) unless
the user asks for a number. Each answer is asked once, and no question shows another's answer.
Every question passes the checker (stage 6) before it is kept.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from ..check import check_question
from ..languages import Profile, profile
from ..model import BLANK, CLOZE, Article, Language, Question, QuestionType, Skill
from ..settings import GenerateSettings
from ..text import CLAUSE_BREAK, bigrams
from .argument import argument_questions, claim, open_question
from .build import Slot, choice, cloze, seeded
from .distractors import DistractorFinder
from .english_reasons import reason_questions as english_reason_questions
from .english_defined import defined_term_blank as english_defined_term_blank
from .english_statement import WORDING as ENGLISH_STATEMENT_WORDING
from .english_statement import statement_questions as english_statement_questions
from .english_spans import EnglishSpanFinder, answer_key
from .rank import claim_like, rank
from .lists import list_questions
from .defined import defined_term_blank
from .reason import reason_questions
from .spans import Span, SpanFinder
from .statement import statement_questions

__all__ = ["generate", "open_question", "question_budget"]

CHARS_PER_QUESTION = 220  # in Chinese characters' worth
MAX_DEFAULT = 25
EN_QUESTION_SHARE = 0.6  # an English passage is read by learners: five questions to 300 words, as exams ask
MAX_NAME_SHARE = 0.15  # of the detail questions, at most this share ask for a person
SECTION_DECAY = 0.75  # each question already on a section lowers its sentences' rank by this
FALLBACK_DETAILS = 1  # an article with no choice item gets this many blanks: raters kept about one in five (rate78-85)
NUMBER_COMMONNESS = 3.0  # log10 of a dictionary count: a figure ranks behind a rare term (溶蚀, 72), before 布局 (2,340)
FALLBACK_CANDIDATES = 6  # … the one with the rarest answer of this many: 天冬酰胺, chromatophores, not 阶段性, diver
CANDIDATES_PER_QUESTION = 12  # only the best-ranked sentences are tried: a long report has thousands
_WHOLE_SENTENCES = {Skill.STRUCTURE, Skill.THESIS, Skill.STATEMENT, Skill.REASON}  # options that quote the article whole
_RUN_IN = re.compile(r"\s*(?:[A-Z][\w'’ -]{0,40}|[\u4e00-\u9fff]{2,10}(?<![说道问答示出称讲]))[:：]\s*\S")  # not 他说：
_SUPPOSED = re.compile(r"\s*(?:假设|假如|假使|假定|设想|打个比方|譬如|比如说(?!\w)|(?:Suppose|Imagine|Let's say)\b)")
ENGLISH_NOT_TRUE = ENGLISH_STATEMENT_WORDING["wrong"]
_CHOICE_GROUPS = {"date", "number", "name", "place", "org", "work"}  # kinds whose distractors the article supplies


def generate(article: Article, *, settings: GenerateSettings | None = None) -> list[Question]:
    """The article's questions, checked, in article order."""
    settings = settings or GenerateSettings()
    lang = profile(article.language, article.script)  # stems in the article's own script
    slots = _slots(article)
    if not slots:
        return []
    budget = settings.questions or question_budget(article, lang, settings)
    quality = lambda sentence: claim_like(sentence, lang)  # noqa: E731
    section_ids = {s.id for s in article.sections}
    scores = rank(article, slots, lang)
    argument = _valid(argument_questions(article, slots, lang, quality, settings), section_ids)
    argument = argument[:max(1, budget // 3)]
    shown = {claim(o) for q in argument for o in q.options or []} | {claim(q.source) for q in argument}
    for kind in (reason_questions, list_questions, statement_questions):  # within the count a teacher asked for
        argument += _valid(kind(article, slots, scores, quality, settings, shown), section_ids)[:budget - len(argument)]
        shown |= {claim(o) for q in argument for o in q.options or []} | {claim(q.source) for q in argument}
        # a reason's own sentence turned round as a statement option would give its key away
    if article.language is Language.EN:  # which is true; what happened and why only when more are asked for
        argument += _valid(english_statement_questions(article, slots, scores, settings, shown), section_ids)[:budget - len(argument)]
        shown |= {claim(o) for q in argument for o in q.options or []}
        if settings.questions:  # raters kept 0 of 5: its clause options are fragments a reader rules out
            argument += _valid(english_reason_questions(article, slots, scores, settings, shown), section_ids)[:budget - len(argument)]
    finder = EnglishSpanFinder if article.language is Language.EN else SpanFinder
    # Blanks only where a teacher asks for more questions than the choice items make, or where
    # there are none: blind raters kept 2 of 15 blanks against 19 of 27 choice items (rate18/19).
    fallback = not settings.questions and not argument  # no choice item: the article's one blank
    if not settings.questions:
        # The term the article defines, in its definition: what its reader is meant to learn (raters
        # kept 14 of 16 such blanks, rate94-100). An article with no choice item gets it alone, or
        # nothing: raters kept 0 of 15 other blanks there (rate94, rate96) and 16 of 52 lone
        # NOT-true items, whose copied true options tempt nobody; beside choice items it is one more.
        named = english_defined_term_blank if article.language is Language.EN else defined_term_blank
        defined = [q for q in _valid([q for q in [named(article, slots, scores, lang, settings.hint)] if q], section_ids)
                   if not _gives_or_is_given(q, argument)]
        if fallback or _lone_not_true(argument):
            if defined or not settings.min_questions:
                return defined
        else:
            argument += defined
    details = budget - len(argument) if settings.questions else FALLBACK_CANDIDATES if fallback else 0
    questions = argument + _details(article, slots, scores, finder(article), settings, section_ids, details, argument)
    wanted = settings.questions or settings.min_questions
    for relaxed in (finder(article, strict=False), finder(article, strict=False, loose=True, shaped=True),
                    finder(article, strict=False, loose=True)):
        if len(questions) >= wanted:
            break  # a short passage, or a teacher who asked for more: relax the bar, a step at a time
        questions += _details(article, slots, scores, relaxed, settings, section_ids,
                              (FALLBACK_CANDIDATES if fallback else wanted) - len(questions), questions)
    if fallback:
        questions = _rarest(questions, article.language)[:FALLBACK_DETAILS]
    questions = list({q.id: q for q in reversed(questions)}.values())[::-1]  # a text that repeats itself asks once
    questions = _balance_correct_positions(questions, settings.seed)
    return sorted(questions, key=lambda q: (q.order, q.type.value, q.id))


def _gives_or_is_given(blank: Question, others: list[Question]) -> bool:
    """Whether another question shows the blank's answer, or the blank's sentence shows another's
    short key (a listed technology, a figure)."""
    answer = blank.answers[0]
    keys = [q.options[q.correct] for q in others if q.options and len(q.options[q.correct]) <= 20]
    return any(answer in visible(q) for q in others) or any(key in (blank.text or "") for key in keys)


def _lone_not_true(questions: list[Question]) -> bool:
    """A passage's one item is a NOT-true one: three true sentences copied beside a changed one,
    which tempt nobody (raters: "easy to spot as true")."""
    return len(questions) == 1 and questions[0].stem == ENGLISH_NOT_TRUE


def _details(article, slots, scores, finder, settings, section_ids, budget, already) -> list[Question]:
    distractors = None if article.language is Language.EN else DistractorFinder(article, finder)  # English: blanks only
    picker = _Picker(article, slots, finder, distractors, settings, section_ids)
    return picker.pick(scores, budget, already)


def question_budget(article: Article, lang: Profile, settings: GenerateSettings) -> int:
    """About one question per 220 characters of article, between the minimum and 25."""
    size = lang.size(article.text)
    per_question = CHARS_PER_QUESTION * (EN_QUESTION_SHARE if article.language is Language.EN else 1)
    return max(settings.min_questions, min(MAX_DEFAULT, round(size / per_question)))


def _slots(article: Article) -> list[Slot]:
    slots = []
    for section in article.sections:
        for p_index, paragraph in enumerate(section.paragraphs):
            for s_index, sentence in enumerate(paragraph.sentences):
                slots.append(Slot(sentence, section, len(slots), p_index, s_index))
    return slots


def _valid(questions: list[Question], section_ids: set[str]) -> list[Question]:
    return [q for q in questions if not any(p.severity == "error" for p in check_question(q.to_dict(), section_ids))]


def visible(question: Question) -> str:
    """Everything a student sees of a question."""
    if question.type is QuestionType.CLOZE:
        return CLOZE.sub(" ", question.text or "")
    return "\n".join([question.stem or "", *(question.options or [])])


class _Picker:
    """Detail questions on the best sentences, one span each, spread over the sections."""

    def __init__(self, article, slots, finder: SpanFinder, distractors: DistractorFinder | None,
                 settings: GenerateSettings, section_ids: set[str]) -> None:
        self.article, self.slots, self.finder, self.distractors = article, slots, finder, distractors
        self.lang, self.settings, self.section_ids = finder.lang, settings, section_ids
        self.points = {p for s in article.sections for p in s.points}
        self.key = answer_key if article.language is Language.EN else str  # one key per answer's forms

    def pick(self, scores: dict[int, float], budget: int, already: list[Question]) -> list[Question]:
        shown = {claim(o) for q in already for o in (q.options or [])}
        shown |= {s.text for q in already if q.skill is Skill.STATEMENT for s in self.slots
                  if any(s.text in note for note in q.explanations or [])}  # changed statements' sources
        answers = {a for q in already for a in _answers(q) if q.type is QuestionType.CLOZE or q.skill not in _WHOLE_SENTENCES}
        self.keys = {self.key(a) for a in answers}
        # A claim quoted whole as an option of an argument question is the article's own
        # sentence, not a hint to a term: only what other detail questions show counts.
        texts = [visible(q) for q in already if q.skill not in _WHOLE_SENTENCES or q.type is QuestionType.CLOZE]
        shortest = self.lang.sentence_chars[0]
        sources = {q.source for q in already}
        remaining = [s for s in self.slots if s.order in scores and claim(s.text) not in shown and s.text not in shown
                     and s.text not in sources and len(s.text) >= shortest  # a changed statement's source: the blank would show its words
                     and not _SUPPOSED.match(s.text)  # 假设某地距离震中100公里: a made-up case, no fact of the article (rate80)
                     and not _RUN_IN.match(s.text)]  # What is not allowed: …: a guide's heading in the stem (rate87)
        remaining = sorted(remaining, key=lambda s: -scores[s.order])[:budget * CANDIDATES_PER_QUESTION]
        chosen: list[Question] = []
        per_section: Counter[str] = Counter()
        self.names_left = max(1, round(budget * MAX_NAME_SHARE))
        while remaining and len(chosen) < budget:
            slot = max(remaining, key=lambda s: (scores[s.order] * SECTION_DECAY ** per_section[s.section.id], -s.order))
            remaining.remove(slot)
            if any(_alike(slot.text, q.source) for q in chosen):
                continue  # two questions on near-identical sentences ask the same thing twice
            question = self._ask(slot, answers, texts, prefer_choice=_choices(chosen) * 2 < len(chosen) + 1)
            if question:
                chosen.append(question)
                answers.update(_answers(question))
                self.keys.update(self.key(a) for a in _answers(question))
                texts.append(visible(question))
                per_section[slot.section.id] += 1
        return chosen

    def _ask(self, slot: Slot, answers: set[str], texts: list[str], prefer_choice: bool) -> Question | None:
        for span in self.finder.spans(slot.text, central=self._central(slot)):
            if (span.text in answers or self.key(span.text) in self.keys or any(span.text in t for t in texts)
                    or span.text in (self.article.title or "")):
                continue  # asked already, or another question (or the title at the top of the page) shows it
            if span.group == "name" and self.names_left <= 0:
                continue  # "who" is mostly trivia: a few name questions at most
            if span.group == "number" and re.search(r"岁|[个個]$", span.text) and not self.finder.loose:
                continue  # someone's age, a bare count (300多个): trivia to raters (rate65)
            if span.group == "number" and re.search(r"分之|一半|[倍成%]", slot.text.replace(span.text, "")):
                continue  # 约三分之一, 即1500册: the sentence works the number out for the reader (rate70)
            if span.group == "date" and not self.finder.loose:
                continue  # "which year" is trivia to raters (0 of 2 in rate56); only a text of dates and little else asks one
            if self.lang.language is Language.EN and re.fullmatch(r"(?:(?:Mr|Mrs|Ms|Dr)\.? )?[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}", span.text):
                continue  # a person's or a place's name blanked: trivia, and "she" fits as well (rate73)
            window, offset = _window(slot.text, span, self.lang)
            # In English a blank is asked without options: blind raters kept 0 of 36 English
            # word-choice items (wrong-class or absurd options, synonyms of the key) and 5 of 21 blanks.
            english = self.lang.language is Language.EN
            first_choice = (prefer_choice or span.group == "list") and not english
            tries = [lambda: self._choice(slot, span, window, offset) if first_choice else None,
                     lambda: self._cloze(slot, span, window)]
            for make in tries:
                question = make()
                if question is None or any(a in visible(question) for a in answers):
                    continue  # none, or it would give away another question's answer
                if not any(p.severity == "error" for p in check_question(question.to_dict(), self.section_ids)):
                    self.names_left -= span.group == "name"
                    return question
        return None

    def _cloze_sized(self, span: Span, slot: Slot) -> bool:
        """What blind raters kept, by the answer's shape (Chinese): a four-character term
        (渠道成本, 货币政策) mostly; a three-character word only as the fact of a central
        sentence (葡萄酒 in the lead); never two characters (楼盘, 基点: guessed from the
        collocation, or another word fits), a title six characters or longer, or a phrase headed
        by an action (深化改革, 行业发展)."""
        if self.lang.language is not Language.ZH or span.group in {"date", "number"}:
            return True
        from ..terms import tag

        tokens = tag([span.text])[0]
        if not 3 <= len(span.text) <= 5 or len(tokens) > 2 or tokens[-1][1] in {"vn", "v"}:
            return False
        if tokens[0][1][:1] in {"v", "a", "d"} or tokens[-1][1] in {"i", "l"}:
            return False  # 传递信息, 不值钱, 开花结果: a verb phrase or a set phrase, filled from the phrase
        return len(span.text) > 3 or len(tokens) > 1 or self._central(slot)

    def _central(self, slot: Slot) -> bool:
        """The thesis, a point, the lead — except a report's lead, which sets a scene (raters:
        一群群大雁, 窗 blanked in an opening are trivia)."""
        if slot.text in self.points:
            return True
        return self.article.genre != "report" and (slot.text == self.article.thesis or slot.order == 0)

    def _argued(self, slot: Slot) -> bool:
        """A point, the thesis or a cued claim (必须, 关键) of an article that is not news: a
        list there is what the article argues (大数据、智能科技、区块链); a list in a report's lead or an opening line
        (the co-hosts, the districts on a route, kinds of pathogen) is trivia to raters."""
        if self.article.genre == "news":
            return False
        claimed = self.article.genre == "argument" and bool(self.lang.cues.search(slot.text))  # 必须……大数据、智能科技、区块链
        return claimed or slot.text in self.points or slot.text == self.article.thesis

    def _english_key(self, slot: Slot, span: Span, strict: bool = True) -> bool:
        """An English blank raters kept: a term the sentence defines (called a forager, the
        hippocampus, a region of …) or a rare one the passage keeps using (carotenoids, kelp).
        What they rejected: once-met or everyday words (peak, secret, noon), people in the story
        (uncle, gardeners), a unit (two ____), one item of a list (buses, ____ and trains), the
        sentence's first word (____ became faster: any subject fits). Not `strict` (a passage
        with no other question): none of those, but a word met once will do."""
        from ..frequency import zipf

        before, after = slot.text[:span.start], slot.text[span.end:]
        if span.group != "noun" or re.search(rf"\b(?:a|an|{_NUMBER_WORDS})\s*$|\d[\d,.]*\s*$", before, re.I):
            return False  # "an ____" gives away a vowel; "12 ____", "two ____" ask the unit, not the fact
        if slot.order == 0 or (slot.section is self.article.sections[0] and slot.paragraph == 0 and slot.position == 0):
            return False  # the opening line's list or scene: trivia to raters
        if not re.search(r"\w", before) or re.search(r",\s*$", before) or re.match(r"^\s*(?:,\s*\w+(?:\s+\w+)?\s*)*,?\s+(?:and|or)\s", after):
            return False  # the sentence's subject, or one item of a list: another fits as well
        if _DEFINED_EN_BEFORE.search(before) or _DEFINED_EN_AFTER.match(after):
            return True
        head = span.text.split()[-1]
        if head.rstrip("s").lower() in (self.article.title or "").lower():
            return False  # the topic word of the title: anyone fills it in (raters)
        if zipf(head.lower(), "en") >= _EVERYDAY_ZIPF or re.search(r"(?:er|or)s$", head):
            return False  # an everyday word, or the people of the story (gardeners, organisers)
        return not strict or len(re.findall(rf"\b{re.escape(head.rstrip('s'))}(?:s|es)?\b", self.article.text, re.I)) >= 2

    def _skill(self, slot: Slot) -> Skill:
        if slot.text == self.article.thesis and self.article.genre != "report":
            return Skill.THESIS
        return Skill.TERM if slot.text in self.points else Skill.DETAIL

    def _cloze(self, slot: Slot, span: Span, window: str) -> Question | None:
        if span.group == "list":
            return None  # a list blanked whole leaves the order and the choice of items open
        if not self.finder.loose and self.finder.contains_term(span):
            return None  # a shorter word of the article fills the blank as well
        if self.finder.strict and slot.position != 0 and not self._central(slot) and not self.finder.cloze_anywhere(span):
            return None  # a blank without options asks a topic sentence, the lead, a point or the thesis
        if (not self.finder.loose or self.finder.shaped) and not self._cloze_sized(span, slot):
            return None
        if self.lang.language is Language.ZH and (not self.finder.loose or self.finder.shaped) and _in_list(slot.text, span) \
                and not self._argued(slot):
            return None  # one item of 湖泊、沼泽、河流: any other item fits the blank (raters); an argued list is the point
        if self.finder.strict and self.lang.language is Language.ZH and not _pinned(slot.text, span, self._argued(slot)):
            return None  # raters kept 4 of 19 other Chinese blanks: guessed from the phrase, or another word fits
        if not self.finder.loose and self.lang.language is Language.EN and not self._english_key(slot, span, self.finder.strict):
            return None
        if self.settings.hint:
            count = span.kind.split(":", 1)[1] if span.group == "list" else None
            hint = "::" + (self.lang.wording["hint_items"].format(n=count) if count else self.lang.hint(span.text))
        else:
            hint = ""
        if _count(window, span.text, self.lang) > 1:
            return None  # the same word blanked twice reads as a pattern, not a question
        if self.lang.language is Language.ZH and _inside_name(slot.text, span):
            return None  # 市{{防汛防台}}抗旱指挥部: a cut name (raters)
        text = _replace(window, span.text, "{{c1::%s%s}}" % (span.text, hint), self.lang)
        return cloze(slot, text, [span.text], self._skill(slot))

    def _choice(self, slot: Slot, span: Span, window: str, offset: int) -> Question | None:
        if _count(window, span.text, self.lang) != 1:
            return None  # a choice stem has one blank for its one answer
        short = len(span.text) < 5 if self.lang.language is Language.EN else self.lang.size(span.text) < 3
        if span.group not in _CHOICE_GROUPS | {"list"} and short:
            return None  # a short common term's slot is guessed from collocation: ask it as a cloze
        stem = _replace(window, span.text, BLANK, self.lang)
        wrong = self.distractors.find(span, slot.text, stem, seeded(self.settings.seed, "detail", slot.text))
        if not wrong:
            return None
        correct = span.text
        if self.lang.language is Language.EN and offset == 0 and correct[:1].isupper():
            wrong = [w[:1].upper() + w[1:] for w in wrong]  # the blank opens the sentence
        return choice(slot, stem, correct, wrong, self._skill(slot), "detail")


def _alike(a: str, b: str) -> bool:
    """Two sentences sharing more than half the bigrams of the shorter."""
    grams_a, grams_b = bigrams(a), bigrams(b)
    return bool(grams_a and grams_b) and len(grams_a & grams_b) > 0.5 * min(len(grams_a), len(grams_b))


def _choices(questions: list[Question]) -> int:
    return sum(q.type is QuestionType.CHOICE for q in questions)


def _rarest(questions: list[Question], language: Language) -> list[Question]:
    """The questions with the rarest answers first (general-language Zipf; the first found on a
    tie): a word the article keeps and the language rarely uses is what a reader learns from it,
    where 阶段性, 去年同期, diver or caretaker are guessed or filled otherwise (rate79-85)."""
    from ..frequency import zipf

    if language is Language.EN:
        rarity = lambda q: max((zipf(a, "en") for a in _answers(q)), default=9.0)  # noqa: E731
    else:
        rarity = lambda q: max(((_verbal_zh(a) and _commonness_zh(a) > 0, _commonness_zh(a)) for a in _answers(q)),  # noqa: E731
                               default=(True, 9.0))
    return sorted(questions, key=rarity)  # a stable sort: on a tie, the first found


def _verbal_zh(answer: str) -> bool:
    """A phrase that opens on a verb or adverb or ends on a verb (站稳脚跟, 充分利用, 关键在于,
    建成投产, 鲜明对比): a predicate anyone completes from the sentence, not a term of the article."""
    import jieba

    from ..terms import tag

    parts = [p for p in jieba.cut_for_search(answer) if p != answer and 2 <= len(p)]
    first = next((p for p in parts if answer.startswith(p)), None)
    last = next((p for p in reversed(parts) if answer.endswith(p)), None)
    return bool(first and tag([first])[0][0][1][:1] in {"v", "a", "d"} or last and tag([last])[0][0][1] in {"v", "vn"})


def _commonness_zh(answer: str) -> float:
    """How common a Chinese answer is in the language (wordfreq Zipf, a compound jieba keeps whole
    read as its two listed words: 公共厕所 3.5, 本质区别 3.5, 化学溶蚀 rare). jieba's own counts
    were used until rate94, but its dictionary lists thousands of set phrases at a count of 3
    (深有体会, 鲜明对比, 媒体报道), which made everyday phrases look rarer than any term."""
    from ..frequency import zipf

    if re.search(r"\d|^[一二两三四五六七八九十百千万几]+[\u4e00-\u9fff]?$", answer):
        return NUMBER_COMMONNESS  # a figure or a date is in no dictionary: neither rare nor common
    return zipf(answer, "zh")


def _answers(question: Question) -> list[str]:
    if question.type is QuestionType.CLOZE:
        return list(question.answers or [])
    return [question.options[question.correct]]


def _count(text: str, term: str, lang: Profile) -> int:
    return len(lang.find(text, term))


def _replace(text: str, term: str, replacement: str, lang: Profile) -> str:
    return lang.replace(text, term, lambda _: replacement)


_DEFINED_EN_BEFORE = re.compile(r"\b(?:called|known as|named|termed|the term|the word)\s+(?:an?\s+|the\s+)?$", re.I)
_DEFINED_EN_AFTER = re.compile(r"^,?\s+(?:is|are|means|refers to)\s+(?:a|an|the)\b|^\s*\(|^,\s+(?:a|an)\s+\w+\s+(?:that|which|who|of|in)\b")
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|million|few|several|dozen"
_EVERYDAY_ZIPF = 4.0  # wordfreq: peak 4.5, uncle 4.6; kept terms (melatonin, trough, cobalt) are near 3
_DEFINED_AFTER = re.compile(r"^[”’」]?[，,（(]?(?:也就是|即|是指|指的是|又称|也称|简称|俗称|亦称)")
_DEFINED_BEFORE = re.compile(r"(?:所谓|称为|叫做|叫作|被称为|称之为|名为|简称|俗称)[“‘「]?$")


def _inside_name(sentence: str, span: Span) -> bool:
    """Whether the span is the middle of an office's name (市防汛防台抗旱指挥部, 县农业农村局)."""
    for name in _OFFICE.finditer(sentence):
        if span.start < name.end() and name.start() < span.end and (span.start, span.end) != name.span():
            return True
    return False


_OFFICE = re.compile(r"[省市县区][\u4e00-\u9fff]{1,10}?(?:指挥部|委员会|管理局|办公室|局|委|办|厅|院|中心)")


def _in_list(sentence: str, span: Span) -> bool:
    """Whether the span is one item of a 、-list (or its last, after 和/及/与)."""
    before, after = sentence[:span.start], sentence[span.end:]
    return before.endswith("、") or after.startswith("、") or (
        bool(re.search(r"[和及与或]$", before)) and "、" in before[-12:])


def _pinned(sentence: str, span: Span, argued: bool) -> bool:
    """A blank the article pins down: an item of a list it argues (大数据、____、区块链), or a
    term the sentence defines (“生物钟”，也就是昼夜节律; 所谓____). Elsewhere a Chinese blank is
    mostly filled from the collocation, or by another word of the text."""
    if span.kind.endswith(":item"):
        return argued
    return bool(_DEFINED_AFTER.match(sentence[span.end:]) or _DEFINED_BEFORE.search(sentence[:span.start]))


def _window(sentence: str, span: Span, lang: Profile) -> tuple[str, int]:
    """The sentence, or for a long one the clauses around the span with "……" where cut;
    and where the span starts in it."""
    longest = lang.sentence_chars[1]
    if len(sentence) <= longest or lang.language is Language.EN:
        return sentence, span.start
    clauses = [c for c in CLAUSE_BREAK.split(sentence) if c]
    starts, at = [], 0
    for c in clauses:
        starts.append(at)
        at += len(c)
    home = max(i for i, s in enumerate(starts) if s <= span.start)
    first = last = home
    while True:
        grew = False
        for step in (-1, 1):
            i = first - 1 if step < 0 else last + 1
            if 0 <= i < len(clauses) and sum(len(c) for c in clauses[min(first, i):max(last, i) + 1]) <= longest:
                first, last = min(first, i), max(last, i)
                grew = True
        if not grew:
            break
    text = "".join(clauses[first:last + 1])
    if last < len(clauses) - 1:
        text = text.rstrip("，,；;") + "……"
    if first > 0:
        text = "……" + text
    return text, span.start - starts[first] + (2 if first > 0 else 0)


def _balance_correct_positions(questions: list[Question], seed: int) -> list[Question]:
    """Place the correct option so that each position is used about equally: positions are
    dealt from shuffled rounds of A–D, and the distractors shuffled around it."""
    choices = sorted((q for q in questions if q.type is QuestionType.CHOICE), key=lambda q: q.id)
    rng = seeded(seed, "positions")
    positions: list[int] = []
    while len(positions) < len(choices):
        deal = [0, 1, 2, 3]
        rng.shuffle(deal)
        positions.extend(deal)
    placed = {}
    for question, position in zip(choices, positions):
        wrong = [i for i in range(len(question.options)) if i != question.correct]
        seeded(seed, "shuffle", question.id).shuffle(wrong)
        order = wrong[:position] + [question.correct] + wrong[position:]
        notes = [question.explanations[i] for i in order] if question.explanations else None
        placed[question.id] = replace(question, options=[question.options[i] for i in order],
                                      correct=position, explanations=notes)
    return [placed.get(q.id, q) for q in questions]
