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

from .languages import CHINESE, Profile, profile
from .model import Article, Language, Section
from .settings import AnalyseSettings
from .structure import CAPTION
from .text import QUOTED, bigrams, ends_sentence

_POINT_THRESHOLD = 3.0


def analyse(article: Article, *, settings: AnalyseSettings | None = None) -> Article:
    """Find points, thesis and key terms; return the article with them filled in."""
    settings = settings or AnalyseSettings()
    lang = profile(article.language)
    sections = [replace(s, points=find_points(s, settings.max_points_per_section, lang))
                for s in article.sections]
    article = replace(article, sections=sections)
    article = replace(article, genre=find_genre(article))
    article = replace(article, thesis=find_thesis(article))
    return replace(article, terms=_terms(article, settings))


def find_points(section: Section, limit: int = 5, lang: Profile = CHINESE) -> list[str]:
    """The section's claim sentences, in article order (see the module docstring)."""
    openers = [p.sentences[0] for p in section.paragraphs if p.sentences]
    scored = []
    for paragraph in section.paragraphs:
        if len(paragraph.sentences) < 2:
            continue
        first, rest = paragraph.sentences[0], paragraph.sentences[1:]
        if CAPTION.match(first):
            continue
        score = _point_score(first, rest, openers, lang)
        if score >= _POINT_THRESHOLD and ends_sentence(first):
            scored.append((score, first))
    best = sorted(scored, key=lambda item: -item[0])[:limit]
    keep = {text for _, text in best}
    return [text for _, text in scored if text in keep]


def _point_score(first: str, rest: list[str], openers: list[str], lang: Profile) -> float:
    length = lang.size(first)
    score = 0.0
    if length <= 28:
        score += 2.0
    elif length <= 40:
        score += 1.0
    if len(first) < 0.6 * mean(len(s) for s in rest):
        score += 1.0
    if lang.cues.search(first):
        score += 1.5
    if sum(_opening(o, lang) == _opening(first, lang) for o in openers) >= 2:
        score += 1.0
    if lang.starts_with_verb(first):
        score += 1.0
    if lang.first_person.search(first):
        score -= 2.0
    if lang.connective.match(first):
        score -= 1.5
    if length < 8:
        score -= 3.0
    return score


def _opening(sentence: str, lang: Profile) -> str:
    """The first two characters (Chinese) or the first word (English) of a sentence."""
    return sentence[:2] if lang.language is Language.ZH else sentence.split(" ", 1)[0].lower()


_NEWS_LEAD = re.compile(r"\d{1,2}月\d{1,2}日|记者|[日电]讯|报道|\b(?:on|last) (?:Monday|Tuesday|Wednesday|Thursday|"
                        r"Friday|Saturday|Sunday)\b|\b(?:said|announced) on\b")


def find_genre(article: Article) -> str:
    """What kind of article it is, which decides what its thesis is:
    - "entry": an encyclopedia entry, whose first sentence defines the title (X是……, X（…）…);
    - "news": a report, whose lead (first sentence) says what happened, with a date, a
      reporter or a dateline in the first paragraph and quotes in the article;
    - "argument": an essay or a column, whose sentences claim (cue phrases in one sentence of
      twelve or more) and whose paragraphs open with points;
    - "report": anything else that tells (popular science, an interview round-up): its lead."""
    sentences = [s for s in article.sentences if ends_sentence(s)]
    if not sentences:
        return "argument"
    head = re.sub(r"\s*[（(].*$", "", article.title or "").strip()
    if len(head) >= 2 and sentences[0].startswith(head):
        return "entry"
    lead = " ".join(p.text for p in article.sections[0].paragraphs[:1]) if article.sections else ""
    quoted = sum(bool(QUOTED.search(s)) for s in sentences) / len(sentences)
    if _NEWS_LEAD.search(lead[:200]) and quoted >= 0.1:
        return "news"
    lang = profile(article.language)
    claims = sum(bool(lang.cues.search(s)) for s in sentences) / len(sentences)
    points = sum(len(s.points) for s in article.sections)
    return "argument" if claims >= 0.08 and points >= 3 else "report"


def find_thesis(article: Article) -> str | None:
    """The central claim of an argument (a complete sentence of the lead or closing paragraphs,
    never a quote); a report's lead; an entry's defining sentence."""
    sections = article.sections
    if not sections:
        return None
    if article.genre in {"news", "entry", "report"}:
        first = [s for s in article.sentences if ends_sentence(s)]
        return first[0] if first else None
    lang = profile(article.language)
    points = {p for s in sections for p in s.points}
    lead = sections[0].paragraphs[:2]
    closing = sections[-1].paragraphs[-2:]
    title_grams = vocabulary(article.title or "", lang)
    heading_grams = set().union(*(vocabulary(s.title or "", lang) for s in sections))
    candidates = []
    for place, paragraphs in (("lead", lead), ("closing", closing)):
        for p in paragraphs:
            for position, sentence in enumerate(p.sentences):
                if not ends_sentence(sentence) or lang.size(sentence) < 12:
                    continue
                if sum(len(m) for m in QUOTED.findall(sentence)) > 0.3 * len(sentence):
                    continue  # a quote colours the story; the thesis is the author's claim
                grams = vocabulary(sentence, lang)
                score = 2.0 * bool(lang.cues.search(sentence))
                score += 3.0 * len(grams & title_grams) / max(1, len(title_grams))
                score += 1.0 * len(grams & heading_grams) / max(1, len(heading_grams))
                score += 0.5 * (position == len(p.sentences) - 1) + 0.3 * (place == "lead")
                score -= 1.0 * bool(lang.first_person.search(sentence))
                score -= 1.0 * bool(lang.connective.match(sentence))
                score += 1.0 * (sentence in points)  # already found to carry a section's argument
                candidates.append((score, -len(candidates), sentence))
    if not candidates:
        first = [s for s in article.sentences if ends_sentence(s)]
        return first[0] if first else None
    return max(candidates)[2]


def vocabulary(text: str, lang: Profile) -> set[str]:
    """Character bigrams (Chinese) or content words (English) to compare texts by."""
    if lang.language is Language.ZH:
        return bigrams(text)
    from .english import is_function_word

    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text) if not is_function_word(w)}


def _terms(article: Article, settings: AnalyseSettings):
    sentences = article.sentences
    boosts = {
        article.title or "": 1.6,
        " ".join(s.title or "" for s in article.sections): 1.5,
        " ".join(p for s in article.sections for p in s.points): 1.3,
        article.thesis or "": 1.3,
    }
    boosts = {text: factor for text, factor in boosts.items() if text.strip()}
    if article.language is Language.EN:
        from .english import extract_terms as english_terms

        return english_terms(sentences, boosts=boosts, keywords=article.keywords,
                             model=settings.spacy_model, limit=settings.max_terms)
    from .terms import extract_terms, tag

    return extract_terms(tag(sentences, user_dict=settings.user_dict), boosts=boosts,
                         keywords=article.keywords, user_dict=settings.user_dict,
                         limit=settings.max_terms)
