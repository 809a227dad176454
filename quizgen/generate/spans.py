"""Which span of a sentence to ask: answer-worthiness.

A teacher blanks the span that carries the information: a date, a number with its unit, a named
person, place, organisation or work, a list of items the article names, a term specific to this
article (rare in the language at large, frequent here), a whole noun phrase. Never an everyday
word anyone fills in without reading (wordfreq Zipf ≥ 5), a verb, a claim marker (关键), a word
that is the article's topic everywhere, who said it, or a word cut out of a longer one.

Each candidate gets a worth from transparent parts (its kind, how rare it is in the language,
how salient in the article, whether the sentence states it as the fact: ……是X); the question
asks the worthiest one, and a sentence with no span worth asking gets no question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..frequency import EVERYDAY, zipf
from ..languages import Profile, profile
from ..model import Article, Language, Term

MIN_WORTH = 1.6  # below this a span is not worth a question
RELAXED_WORTH = 0.8  # a short passage that offers nothing above MIN_WORTH still gets a few questions
_TRIVIA = {"date", "number", "place", "work"}  # asked only in a central sentence (thesis, point, lead)
MAX_UBIQUITY = 0.25  # a term in more than this share of sentences is the topic, too easy to ask
COMMON = 4.0  # a one-word Chinese noun this frequent is a generic word (饮料, 思路), not the fact
_KIND_WORTH = {"date": 0.7, "number": 0.7, "work": 1.2, "list": 1.4, "org": 1.0, "place": 0.9,
               "name": 0.7, "latin": -0.3, "noun": 0.5}  # idioms are set phrases: guessed from collocation
_ENTITIES = {"name", "place", "org", "latin"}
_CLAUSE_MARKS = "，,；;：:。！？!?"

# Facts found by their shape (Chinese): dates, numbers with a unit, works in 《》, dotted names.
_UNITS = ("平方公里|平方千米|平方米|千米|公里|公顷|千克|公斤|毫米|厘米|米|吨|克|亩|元|美元|港元|欧元|英镑|日元|"
          "岁|周岁|人|名|位|次|届|家|所|座|件|种|项|倍|度|个|户|辆|架|艘|部|首|张|本|篇|集|场|条|册|层|"
          "小时|分钟|秒|天|年|周|月|%|％|℃|km|kg|cm|mm|m")
_NUMBER = r"(?:\d+(?:[.,]\d+)*|[一二三四五六七八九十两百千万零〇]{2,6})(?:多|余)?(?:万|亿|千|百)?"  # not 一场
_FACTS_ZH = [
    ("date", re.compile(r"(?:公元前?)?\d{1,4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|"
                        r"\d{1,2}世纪(?:\d0年代)?|\d{2,4}年代")),
    ("number", re.compile(rf"{_NUMBER}(?:{_UNITS})|百分之[一二三四五六七八九十百点零]+")),
    ("work", re.compile(r"(?<=《)[^《》]{2,20}(?=》)")),
    ("name", re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})?")),
]
_FACTS_EN = [
    ("date", re.compile(r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|"
                        r"November|December) \d{1,2}, )?(?:1[0-9]|20)\d{2}\b")),
    ("number", re.compile(r"\b\d+(?:,\d{3})*(?:\.\d+)? (?:percent|per cent|miles?|kilometres?|kilometers?|"
                          r"metres?|meters?|feet|acres?|dollars|pounds|tons?|years?|people|days|hours)\b")),
]
_COPULA_ZH = re.compile(r"(?:是|为|叫|叫做|称为|名为|位于|成立于|出生于|建于|始于|达到|达|约|共|有)$")
_SPEAKER_ZH = re.compile(r"^\s*(?:表示|说|称|认为|指出|介绍|透露|坦言|强调|告诉|回忆|解释)")
_ITEM = r"[^、，,；;：:。！？!?“”\s]{2,8}"
_LIST = re.compile(rf"{_ITEM}(?:、{_ITEM}){{1,5}}(?:(?:、|和|及|与|以及){_ITEM})")


@dataclass(frozen=True)
class Span:
    text: str  # as written in the sentence
    start: int
    end: int
    kind: str  # date, number:<unit>, name, place, org, work, list, noun, idiom, latin, noun:plural...
    worth: float

    @property
    def group(self) -> str:
        """The coarse kind: number:公里 → number, noun:plural → noun."""
        return self.kind.split(":", 1)[0]


class SpanFinder:
    """Candidate answers of each sentence of one article, worthiest first."""

    def __init__(self, article: Article, *, strict: bool = True, loose: bool = False, shaped: bool = False) -> None:
        """strict: all the gates. Not strict: a term met once, the article's subject, a
        sentence off the main line and a lower worth are allowed (a short passage). Loose as
        well: the last resort before refusing a text — names, trivia, ambiguous slots too;
        `shaped` keeps, even then, the answer shapes raters accept (no idiom, 关键在于, list item)."""
        self.article, self.strict, self.loose, self.shaped = article, strict, loose, shaped
        self.min_worth = MIN_WORTH if strict else RELAXED_WORTH
        self.lang: Profile = profile(article.language)
        self.code = article.language.value
        sentences = article.sentences
        self.terms = {t.text: t for t in article.terms}
        total = max(1, len(sentences))
        self.ubiquity = {t.text: sum(self.lang.contains(s, t.text) for s in sentences) / total
                         for t in article.terms}
        self.text = "\n".join(sentences)
        self._spans: dict[tuple[str, bool], list[Span]] = {}
        self.by_group: dict[str, list[Term]] = {}
        for term in article.terms:
            self.by_group.setdefault(term.kind.split(":", 1)[0], []).append(term)
        self.max_ubiquity = max(MAX_UBIQUITY, 3 / total)  # in a short passage three sentences are not "everywhere"
        ranked = sorted(article.terms, key=lambda t: -t.weight)
        self.salience = {t.text: 1 - i / max(1, len(ranked)) for i, t in enumerate(ranked)}

    # --- candidates ---------------------------------------------------------------------

    def spans(self, sentence: str, *, central: bool = False) -> list[Span]:
        key = (sentence, central)
        if key not in self._spans:  # a report may repeat a sentence many times
            self._spans[key] = self._find(sentence, central)
        return self._spans[key]

    def _find(self, sentence: str, central: bool) -> list[Span]:
        """The sentence's spans worth asking, worthiest first, none overlapping a worthier one.
        A date, an amount, a place or a title is worth asking only in a central sentence (the
        thesis, a point, the lead); elsewhere it is trivia."""
        found = []
        for span in self._candidates(sentence):
            if span.group in _TRIVIA and not self.loose and not (central and self.article.genre in {"argument", "entry"}):
                continue  # a date, an amount, a place or a title off the main line (or in a story) is trivia
            if span.kind.endswith(":item") and not self.loose and self.article.genre != "argument":
                continue  # one entry of a list is a detail of a report; in an argument, what it names
            if span.worth >= self.min_worth and (self.loose or not self.ambiguous(sentence, span)):
                found.append(span)
        found.sort(key=lambda s: (-s.worth, s.start))
        kept: list[Span] = []
        for span in found:  # a list asked whole does not stop one of its items being asked instead
            if all(span.end <= k.start or span.start >= k.end or k.group == "list" for k in kept):
                kept.append(span)
        return kept

    def _candidates(self, sentence: str) -> list[Span]:
        spans = self.fact_spans(sentence) + self._term_spans(sentence)
        if self.lang.language is Language.ZH:
            spans += self._lists(sentence)
        return [replace(s, worth=round(s.worth - _aside(sentence, s), 3)) for s in spans
                if not self._given_away(sentence, s) and self.lang.stands_alone(sentence, s.text)]

    def fact_spans(self, sentence: str) -> list[Span]:
        patterns = _FACTS_ZH if self.lang.language is Language.ZH else _FACTS_EN
        spans = []
        for group, pattern in patterns:
            for match in pattern.finditer(sentence):
                text = match.group(0)
                kind = _fact_kind(group, text)
                if group == "number" and (len(text) < 2 or sentence[max(0, match.start() - 1):match.start()] == "第"):
                    continue  # 第五十三条 is an ordinal: where a rule stands, not a fact
                worth = _KIND_WORTH[group] + 1.0 + self._copula(sentence, match.start())
                spans.append(Span(text, match.start(), match.end(), kind, round(worth, 3)))
        return spans

    def _term_spans(self, sentence: str) -> list[Span]:
        lang, spans = self.lang, []
        present = [t for t in self.terms.values() if lang.contains(sentence, t.text)]
        for term in present:
            if any(o.text != term.text and term.text in o.text for o in present):
                continue  # part of a longer term of this sentence
            if not lang.stands_alone(sentence, term.text):
                continue
            worth = self.term_worth(term)
            if worth is None:
                continue
            start, end, surface = lang.find(sentence, term.text)[0]
            worth += self._copula(sentence, start) - self._speaker(sentence, term, end)
            spans.append(Span(surface, start, end, term.kind, round(worth, 3)))
        return spans

    def term_worth(self, term: Term) -> float | None:
        """How worth asking a term is anywhere in this article; None when it never is."""
        group = term.kind.split(":", 1)[0]
        if group not in _KIND_WORTH or self.lang.cues.fullmatch(term.text):
            return None  # a verb, an adverb, a claim marker
        if self.ubiquity.get(term.text, 0) > self.max_ubiquity:
            return None  # the article's topic: in every other sentence
        if self.strict and self.lang.language is Language.ZH and term.count < 2 and group not in _ENTITIES and self.salience.get(term.text, 0) < 0.9:
            return None  # met once and not among the article's key terms: a turn of phrase
        if group == "name" and not self.loose:
            return None  # who said or did it is trivia to a teacher: the question asks what
        if self.strict and group in {"place", "org"} and term.count < 2:
            return None  # a place or body met once is a detail of the story
        rarity = zipf(term.text, self.code)
        if rarity >= EVERYDAY:
            return None
        if group == "latin" and not re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", term.text):
            return None  # a Latin word in Chinese text glosses a name; only an acronym (BATJ) is a term
        if self.lang.language is Language.ZH and group not in _ENTITIES | {"work"}:
            from ..terms import dictionary_count, tag

            one_word = len(tag([term.text])[0]) == 1
            if one_word and rarity >= COMMON:
                return None  # a common dictionary word (饮料, 思路): guessed without reading
            if len(term.text) == 2 and not dictionary_count(term.text) and rarity == 0:
                return None  # two characters no dictionary knows: a fragment (人奖), not a word
        if self.strict and self._topic(term):
            return None
        specificity = min(1.5, max(0.0, (5.5 - rarity) / 2))
        return _KIND_WORTH[group] + specificity + 0.8 * self.salience.get(term.text, 0)

    def _topic(self, term: Term) -> bool:
        """The article's subject: a term of the title met in many sentences (the entry's own
        name, the column's theme), or a name that is most of the title."""
        title = self.article.title or ""
        if term.text not in title:
            return False
        return self.ubiquity.get(term.text, 0) > 0.1 or len(term.text) >= 0.6 * len(title)

    def _lists(self, sentence: str) -> list[Span]:
        """A list of three or more items the article names (大数据、智能科技、区块链): asked whole."""
        spans = []
        for match in _LIST.finditer(sentence):
            parts = re.split(r"、|和|及|与|以及", match.group(0))
            opens = match.start() == 0 or sentence[match.start() - 1] in _CLAUSE_MARKS
            items = _trim_items(parts, self)
            if opens and len(parts[0]) <= 6 and items and items[0] != parts[0] and not parts[0].endswith(items[0]):
                items = [parts[0]] + items  # the first item had no noun run: it opens the clause whole
            if len(items) < 3 or 3 * sum(map(_nominal, items)) < 2 * len(items):
                continue  # a list of qualities (完整、准确、全面) is a set phrase, not things named
            start = sentence.find(items[0], match.start())
            end = sentence.find(items[-1], start) + len(items[-1])
            text = sentence[start:end]
            worth = _KIND_WORTH["list"] + 0.6 + 0.2 * sum(i in self.terms for i in items)
            spans.append(Span(text, start, start + len(text), f"list:{len(items)}", round(worth, 3)))
            at = start
            for item in items:  # one item may be asked with the others in view (大数据、____、区块链)
                at = sentence.find(item, at)
                if zipf(item, self.code) < COMMON:  # a generic item (流程, 环节) is no thing to ask
                    spans.append(Span(item, at, at + len(item), "noun:item", round(worth + 0.1, 3)))
                at += len(item)
        return spans

    def cloze_anywhere(self, span: Span) -> bool:
        """A span specific enough to ask without options outside the main sentences (English)."""
        return False

    # --- context ------------------------------------------------------------------------

    def contains_term(self, span: Span) -> bool:
        """The span is a compound of another term (传统金融行业 ⊃ 传统金融, 用户流量 ⊃ 流量):
        as a blank without options, the shorter word fills it as well."""
        if span.kind.endswith(":item"):
            return False  # the rest of the list, in view, says what kind of thing fills it
        if any(o.text != span.text and o.text in span.text and len(o.text) >= 2 for o in self.terms.values()):
            return True
        if self.lang.language is not Language.ZH:
            return False
        from ..terms import tag

        words = [w for w, f in tag([span.text])[0]]
        if len(words) < 2:
            return False
        return any(len(w) >= 2 and self._alone(w) >= 1 for w in words)  # 流量 of 用户流量, 结果 of 开花结果

    def _alone(self, word: str) -> int:
        """How often the word stands in the article outside the longer terms that hold it."""
        inside = sum(self.text.count(t) for t in self.terms if word in t and t != word)
        return max(0, self.text.count(word) - inside)

    def ambiguous(self, sentence: str, span: Span) -> bool:
        """Another term of the article fits the blank as well: the article writes it with the
        same two characters (or word) just before the blank, or just after it (问题 where the
        blank is 乱象: 的问题 and 的乱象). Lists and facts are exempt: their kind fixes them."""
        if span.group in {"list", "date", "number", "work"}:
            return False
        before, after = sentence[:span.start], sentence[span.end:]
        if self.lang.language is Language.ZH:
            left, right = before[-2:], after[:2]
            contexts = [c for c in (left, right) if _content_word(c)]
        else:
            left = " ".join(before.split()[-1:])
            right = " ".join(after.split()[:1])
            contexts = [c for c in (left, right) if len(c) >= 3 and c.isalpha()]
        if not contexts:
            return False
        text = self.text
        for other in self.by_group.get(span.group, []):
            if other.text in span.text or span.text in other.text:
                continue
            if self.lang.language is Language.ZH:
                hits = (left + other.text in text and left in contexts) or (other.text + right in text and right in contexts)
            else:
                hits = (left in contexts and f"{left} {other.text}".lower() in text.lower()) or \
                    (right in contexts and f"{other.text} {right}".lower() in text.lower())
            if hits:
                return True
        return False

    def _copula(self, sentence: str, start: int) -> float:
        """The span is what the sentence states (……是葡萄酒, 位于……): the fact, not its frame."""
        before = sentence[max(0, start - 4):start]
        if self.lang.language is Language.ZH:
            return 0.4 if _COPULA_ZH.search(before) else 0.0
        return 0.4 if re.search(r"\b(?:is|was|are|were|called|named)\s*$", sentence[:start]) else 0.0

    def _speaker(self, sentence: str, term: Term, end: int) -> float:
        """Who said it is trivia: a name followed by 表示/说/认为."""
        if term.kind.split(":", 1)[0] != "name":
            return 0.0
        after = sentence[end:end + 6]
        if self.lang.language is Language.ZH:
            return 1.0 if _SPEAKER_ZH.match(after) else 0.0
        return 1.0 if re.match(r"\s*(?:said|says|told|added|explained|noted)\b", after) else 0.0

    def _given_away(self, sentence: str, span: Span) -> bool:
        """A clause of its own ("____，与之对应…") or an answer the sentence spells out again
        in another form (a unit after the blank is part of a number span already)."""
        before, after = sentence[:span.start].rstrip(), sentence[span.end:].lstrip()
        if (not before or before[-1] in _CLAUSE_MARKS) and (not after or after[0] in _CLAUSE_MARKS):
            return True
        if after[:1] in {"（", "("} or before[-1:] in {"（", "("}:
            return True  # glossed in brackets (美国国家航空航天局（NASA）): the gloss gives it away
        if span.group != "work" and before.count("《") > before.count("》"):
            return True  # part of a title in 《》: a work is asked whole or not at all
        return len(re.sub(r"\W", "", sentence)) - len(span.text) < 8


def _aside(sentence: str, span: Span) -> float:
    """A span inside brackets is a gloss (the original spelling of a name, a year of birth):
    the sentence's fact is outside them."""
    before = sentence[:span.start]
    opened = sum(before.count(c) for c in "（(") - sum(before.count(c) for c in "）)")
    return 1.0 if opened > 0 else 0.0


def _fact_kind(group: str, text: str) -> str:
    if group == "number":
        unit = re.sub(r"^[\d.,一二三四五六七八九十两百千万零〇多余亿]+", "", text) or "count"
        return f"number:{unit}"
    if group == "date":
        if re.fullmatch(r"(?:将近|近|约|大约)?[两一二三四五六七八九十百千万几数多余]+年", text) \
                and (re.search(r"[两十百千万几数多余]", text) or len(text.rstrip("年")) <= 2):
            return "number:年"  # 两千年, 数百年: a length of time, whose distractors are lengths, not years (rate80)
        if re.search(r"月.*日", text):
            return "date:day"
        return "date:year" if text.endswith("年") or text[-4:].isdigit() else "date:period"
    return group


def _trim_items(items: list[str], finder: SpanFinder) -> list[str]:
    """The list's items without the words around them: the first keeps only the nouns that
    end it (通过将|大数据), the last only the nouns that open it (区块链|等技术, 雨水花园|可以)."""
    first = _noun_run(items[0], finder, from_end=True)
    last = _noun_run(re.sub(r"(?:等|等等).*$", "", items[-1]), finder, from_end=False)
    trimmed = [first] + items[1:-1] + [last]
    return [i for i in trimmed if 2 <= len(i) <= 8]  # an item too short or long drops the list below three


def _content_word(text: str) -> bool:
    """Two characters that are one content word (依赖, 回归), not a particle or an adverb
    around the blank (的是, 将会): only such a neighbour says what fits the slot."""
    from ..terms import FUNCTION_WORDS, tag

    if len(re.sub(r"[^\u4e00-\u9fff]", "", text)) != 2 or text in FUNCTION_WORDS:
        return False
    tokens = tag([text])[0]
    return len(tokens) == 1 and tokens[0][1][:1] in {"n", "v", "a"}


def _nominal(item: str) -> bool:
    from ..terms import tag

    tokens = tag([item])[0]
    return bool(tokens) and (tokens[-1][1][:1] == "n" or tokens[-1][1] in {"vn", "eng", "j", "nz"})


def _noun_run(text: str, finder: SpanFinder, *, from_end: bool) -> str:
    """The longest known term at that end of the text, else the run of noun-like jieba words
    there (never a cut word: 2014及201 → 2014)."""
    known = next((text[-size:] if from_end else text[:size] for size in range(len(text), 1, -1)
                  if (text[-size:] if from_end else text[:size]) in finder.terms), "")
    from ..terms import tag

    tokens = tag([text])[0] if text else []
    run: list[str] = []
    for word, flag in (reversed(tokens) if from_end else tokens):
        if not (flag[:1] in {"n", "m", "a", "b", "j", "l", "i", "x"} or flag in {"eng", "nz"}) or \
                (run and flag[:1] == "x"):
            break
        run.append(word)
    if from_end:
        run.reverse()
    return max(known, "".join(run), key=len)
