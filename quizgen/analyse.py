"""Stage 4, analyse: each section's points, the article's thesis, and its key terms.

Points are the sentences that carry a section's argument. A candidate is a sentence that opens a
paragraph; it scores for being short against the rest of its paragraph (a topic sentence
followed by its elaboration), for cue phrases (关键, 核心, 必须, 需要, 只有……才, 才是), for
parallel openings shared with other paragraphs of the section (告别……; 告别……), and for opening
with a verb (an imperative claim); it loses for narration in the first person and for opening
with a connective (然而, 于是), which marks a continuation rather than a new claim.

The thesis is the claim sentence of the lead or the closing paragraphs that best combines cue
phrases, the title's vocabulary and the article's key terms.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import mean

from .model import Article, Language, Section
from .settings import AnalyseSettings
from .structure import CAPTION
from .terms import extract_terms, tag
from .text import bigrams, ends_sentence

CUES = re.compile(r"关键|核心|必须|需要|只有.{0,20}才|才是|根本|本质|重要的是|应当|应该|务必")
_FIRST_PERSON = re.compile(r"我们|我|笔者|本文")
_CONNECTIVE = re.compile(r"^(然而|但是|但|于是|因此|所以|而且|同时|此外|另外|总之|可见|其实|当然|"
                         r"可以预见的是|不可否认的是|从某种意义上|事实上|例如|比如|即使|由于|因为|如果|虽然)")
_POINT_THRESHOLD = 3.0


def analyse(article: Article, *, settings: AnalyseSettings | None = None) -> Article:
    """Find points, thesis and key terms; return the article with them filled in."""
    settings = settings or AnalyseSettings()
    sections = [replace(s, points=find_points(s, settings.max_points_per_section))
                for s in article.sections]
    article = replace(article, sections=sections)
    article = replace(article, thesis=find_thesis(article))
    return replace(article, terms=_terms(article, settings))


def find_points(section: Section, limit: int = 5) -> list[str]:
    """The section's claim sentences, in article order (see the module docstring)."""
    openers = [p.sentences[0] for p in section.paragraphs if p.sentences]
    scored = []
    for paragraph in section.paragraphs:
        if len(paragraph.sentences) < 2:
            continue
        first, rest = paragraph.sentences[0], paragraph.sentences[1:]
        if CAPTION.match(first):
            continue
        score = _point_score(first, rest, openers)
        if score >= _POINT_THRESHOLD and ends_sentence(first):
            scored.append((score, first))
    best = sorted(scored, key=lambda item: -item[0])[:limit]
    keep = {text for _, text in best}
    return [text for _, text in scored if text in keep]


def _point_score(first: str, rest: list[str], openers: list[str]) -> float:
    length = len(first)
    score = 0.0
    if length <= 28:
        score += 2.0
    elif length <= 40:
        score += 1.0
    if length < 0.6 * mean(len(s) for s in rest):
        score += 1.0
    if CUES.search(first):
        score += 1.5
    if sum(o[:2] == first[:2] for o in openers) >= 2:
        score += 1.0
    if _starts_with_verb(first):
        score += 1.0
    if _FIRST_PERSON.search(first):
        score -= 2.0
    if _CONNECTIVE.match(first):
        score -= 1.5
    if length < 8:
        score -= 3.0
    return score


def _starts_with_verb(sentence: str) -> bool:
    pairs = tag([sentence[:12]])[0]
    return bool(pairs) and pairs[0][1] == "v" and len(pairs[0][0]) >= 2


def find_thesis(article: Article) -> str | None:
    """The central claim: a complete sentence of the lead or closing paragraphs."""
    sections = article.sections
    if not sections:
        return None
    lead = sections[0].paragraphs[:2]
    closing = sections[-1].paragraphs[-2:]
    title_grams = bigrams(article.title or "")
    heading_grams = set().union(*(bigrams(s.title or "") for s in sections))
    candidates = []
    for place, paragraphs in (("lead", lead), ("closing", closing)):
        for p in paragraphs:
            for position, sentence in enumerate(p.sentences):
                if not ends_sentence(sentence) or len(sentence) < 12:
                    continue
                grams = bigrams(sentence)
                score = 2.0 * bool(CUES.search(sentence))
                score += 3.0 * len(grams & title_grams) / max(1, len(title_grams))
                score += 1.0 * len(grams & heading_grams) / max(1, len(heading_grams))
                score += 0.5 * (position == len(p.sentences) - 1) + 0.3 * (place == "lead")
                score -= 1.0 * bool(_FIRST_PERSON.search(sentence))
                candidates.append((score, -len(candidates), sentence))
    if not candidates:
        first = [s for s in article.sentences if ends_sentence(s)]
        return first[0] if first else None
    return max(candidates)[2]


def _terms(article: Article, settings: AnalyseSettings):
    if article.language is not Language.ZH:
        return []
    sentences = article.sentences
    boosts = {
        article.title or "": 1.6,
        " ".join(s.title or "" for s in article.sections): 1.5,
        " ".join(p for s in article.sections for p in s.points): 1.3,
        article.thesis or "": 1.3,
    }
    boosts = {text: factor for text, factor in boosts.items() if text.strip()}
    return extract_terms(tag(sentences, user_dict=settings.user_dict), boosts=boosts,
                         keywords=article.keywords, user_dict=settings.user_dict,
                         limit=settings.max_terms)
