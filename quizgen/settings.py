"""One settings object instead of long parameter lists: a group per stage, defaults here,
overridden by CLI flags (and by tests) in one place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CleanSettings:
    min_prose_chars: int = 15  # a block shorter than this is never prose
    max_block_weight_chars: int = 300  # a long block counts no more than this
    short_cost: float = -1.0  # a short line without sentence punctuation
    heading_cost: float = -0.4  # a short line the source marks as a heading
    table_row_cost: float = -0.2  # a row of a data table (HTML): neither prose nor a menu
    ender_penalty: float = -25.0  # "相关文章", "用户评论": the body does not go on past these
    max_heading_chars: int = 60  # a longer non-prose block is never kept
    max_short_run: int = 4  # this many short blocks in a row are a feed or a menu
    min_edge_cohesion: float = 0.25  # share of an edge block's bigrams found in the body
    max_reference_gap: int = 4  # blocks between the body's end and a 参考文献 / References heading


@dataclass(frozen=True)
class AnalyseSettings:
    max_points_per_section: int = 5
    max_terms: int = 150
    user_dict: str | None = None  # a jieba user dictionary
    spacy_model: str | None = None  # an installed spaCy English pipeline (name or folder)


@dataclass(frozen=True)
class GenerateSettings:
    seed: int = 0
    questions: int | None = None  # how many to ask; None: as many as the article's length calls for
    min_questions: int = 0  # below this the gates are relaxed (an article that passes none gets its rarest blank);
    # 0: only what passes them — blind raters kept none of 15 such blanks (rate94, rate96)
    hint: bool = True  # add the number of characters as a cloze hint


@dataclass(frozen=True)
class RenderSettings:
    deck_name: str | None = None
    title: str | None = None  # worksheet title; defaults to the article title
    paper: str = "A4"
    key: bool = True  # write the teacher copy with the answer key
    forms: int = 1  # exam forms A, B, … of the worksheets (HTML and Word), 1 to 4


@dataclass(frozen=True)
class Settings:
    language: str | None = None  # "zh" or "en": overrides detection
    clean: CleanSettings = field(default_factory=CleanSettings)
    analyse: AnalyseSettings = field(default_factory=AnalyseSettings)
    generate: GenerateSettings = field(default_factory=GenerateSettings)
    render: RenderSettings = field(default_factory=RenderSettings)
