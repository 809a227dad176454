"""The one data model every pipeline stage passes on.

read → clean → structure → analyse → generate → check → render

Each stage takes the previous stage's value and returns a new one; nothing is mutated after it
is built. Library objects (jieba pairs, lxml trees, genanki notes) never leave their stage.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import Enum

# The quiz file's two bits of syntax: an Anki cloze deletion {{c1::answer::hint}} in a cloze
# question's text, and the blank of a choice question's stem.
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)
BLANK = "____"


class Language(str, Enum):
    ZH = "zh"
    EN = "en"


class InputKind(str, Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


@dataclass(frozen=True)
class Block:
    """One line-level block of a page (the unit the furniture classifier decides on)."""

    text: str
    heading: bool = False  # marked as a heading by the source (Markdown `#`, `## ` lines, <h*>)
    link_density: float = 0.0  # share of the block's characters inside links (HTML only)
    chrome: bool = False  # inside <nav>, <header>, <footer>, <aside> or a form (HTML only)
    table_row: bool = False  # a row of a data table, cells joined by " | " (HTML only)
    ordinal: int | None = None  # its number in an ordered list, <ol><li> (HTML only)


@dataclass(frozen=True)
class Document:
    """Decoded input split into blocks, before any cleaning (the output of `read`)."""

    name: str  # file stem, or "stdin"
    kind: InputKind
    encoding: str
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)  # metadata an HTML extractor found


@dataclass(frozen=True)
class Page:
    """Body blocks and metadata of a page (the output of `clean`)."""

    name: str
    body: list[Block]
    removed: list[str]
    title: str | None = None
    column: str | None = None  # a column tag such as 专栏 taken out of the title
    author: str | None = None
    source: str | None = None
    date: str | None = None  # ISO 8601
    keywords: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # a numbered list under 参考文献 / References
    aside: list[str] = field(default_factory=list)  # the article's tables and infobox rows: kept, never asked about


@dataclass(frozen=True)
class Paragraph:
    sentences: list[str]

    @property
    def text(self) -> str:
        return "".join(self.sentences)


@dataclass(frozen=True)
class Section:
    id: str  # "s0", "s1", ... in article order
    title: str | None  # None for the text before the first heading
    paragraphs: list[Paragraph]
    points: list[str] = field(default_factory=list)

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass(frozen=True)
class Term:
    text: str
    weight: float
    kind: str  # a coarse class used to match distractors: noun, verb, name, place, org, number, ...
    count: int


@dataclass(frozen=True)
class Article:
    """A structured article (the output of `structure`, enriched by `analyse`)."""

    id: str  # a content hash: the same text gives the same id
    title: str | None
    language: Language
    sections: list[Section]
    column: str | None = None
    author: str | None = None
    source: str | None = None
    date: str | None = None
    keywords: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # kept with the article, never asked about
    aside: list[str] = field(default_factory=list)  # tables and infobox rows, likewise
    script: str = "Hans"  # a Chinese article's script: "Hans" (Simplified) or "Hant" (Traditional)
    thesis: str | None = None
    genre: str = "argument"  # "argument", "news", "report" or "entry" (encyclopedia): decides what the thesis is
    terms: list[Term] = field(default_factory=list)

    @property
    def sentences(self) -> list[str]:
        return [s for sec in self.sections for s in sec.sentences]

    @property
    def text(self) -> str:
        return "\n".join(p.text for sec in self.sections for p in sec.paragraphs)


class QuestionType(str, Enum):
    CLOZE = "cloze"
    CHOICE = "choice"


class Skill(str, Enum):
    TERM = "term"
    DETAIL = "detail"
    THESIS = "thesis"
    STRUCTURE = "structure"
    STATEMENT = "statement"  # which statement about the article is right (or wrong)
    REASON = "reason"  # the cause the article gives for an effect


@dataclass(frozen=True)
class Question:
    """One quiz question. Cloze questions fill `text`/`answers`; choice questions
    fill `stem`/`options`/`correct`."""

    id: str
    type: QuestionType
    skill: Skill
    section: str | None
    source: str
    text: str | None = None
    answers: list[str] | None = None
    stem: str | None = None
    options: list[str] | None = None
    correct: int | None = None
    explanations: list[str] | None = None  # per option: why it is right or wrong (statement and reason items)
    order: int = 0  # position of the source in the article, for sorting; not written out

    def to_dict(self) -> dict:
        data = {k: v for k, v in asdict(self).items() if v is not None and k != "order"}
        data["type"] = self.type.value
        data["skill"] = self.skill.value
        data["section"] = self.section
        return data


@dataclass(frozen=True)
class Problem:
    """One finding of the quality check: a reason code, where, and what is wrong."""

    code: str
    question: str | None  # question id, or None for the quiz as a whole
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"question {self.question}" if self.question else "quiz"
        message = self.message if self.message.startswith(where) else f"{where}: {self.message}"
        return f"{self.severity}: {message} [{self.code}]"


@dataclass(frozen=True)
class Quiz:
    """What the quiz file holds: generator info, the article outline, the questions."""

    generator: dict
    article: dict
    questions: list[Question]
    schema: str = "quizgen/quiz@1"

    def to_dict(self) -> dict:
        return {
            "schema": self.schema,
            "generator": self.generator,
            "article": self.article,
            "questions": [q.to_dict() for q in self.questions],
        }
