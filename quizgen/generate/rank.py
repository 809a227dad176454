"""Which sentences are worth asking about: a score per sentence, as a teacher would choose.

Up: the thesis and the section points; a paragraph's topic sentence; centrality (how much of
the article's recurring vocabulary the sentence holds: a centroid score, linear in the article's
length where a sentence graph would be quadratic); overlap with the title and headings; the
key facts it carries (dates, numbers with units, names). Down: quotes that only colour the
story, speaker tags, first-person narration, a scene's detail (an age, a pose, the hour), questions. Out: captions, cut-off sentences, and
sentences with a visible source error (a doubled word such as 金融金融).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..analyse import vocabulary
from ..languages import Profile
from ..model import Article, Language
from ..structure import CAPTION
from ..text import AUTHOR_VIEW, QUOTED, TERM_QUOTE, cjk_count, ends_sentence
from .build import Slot

_SPEAKER = re.compile(r"(?:表示|说|称|认为|指出|介绍|透露|坦言|强调|告诉记者)[，,：:]|[：:]\s*[“\"]|"
                      r"\b(?:said|says|told|added)\b")
# A scene of the story rather than its content (raters: the workbench, 4:30 a.m., a squat, a villager's
# twelve mu): an age, a villager named, a pose, the hour.
_ANECDOTE = re.compile(r"\d+岁|[一二三四五六七八九十]+岁|村民|家住|蹲|站在|坐在|推着|拿着|笑着|凌晨|清晨|傍晚|深夜|"
                       r"\d{1,2}[:：]\d{2}|\d{1,2}点(?:\d{1,2}分|多|半|左右)?|\b(?:a\.m\.|p\.m\.)")
_RUN_IN = re.compile(r"^[\u4e00-\u9fff、与和]{2,8}[：:](?![“\"])")  # 设计与雕刻：…… opens on a run-in heading, no speech
_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,3})\1")
_NOISE = re.compile(r"\[编辑\]|\[\d+(?:[-–,，]\d+)*\]|\^|\[edit\]|\[citation needed\]|原标题|责任编辑|来源[:：]", re.I)


def usable(sentence: str, lang: Profile) -> bool:
    """A sentence a question may quote: complete, no caption, no page noise, no source error."""
    if not ends_sentence(sentence) or CAPTION.match(sentence) or _NOISE.search(sentence) or _RUN_IN.match(sentence):
        return False
    if lang.language is Language.ZH and (_source_error(sentence) or cjk_count(sentence) < 0.3 * len(sentence)):
        return False  # a slip of the source, or an English abstract inside a Chinese article
    return sentence.count("“") == sentence.count("”") and sentence.count("（") == sentence.count("）") \
        and sentence.count('"') % 2 == 0  # 。" closing a quotation typed with straight marks: its words cut from their speaker


def claim_like(sentence: str, lang: Profile) -> bool:
    """A sentence that can stand as a claim option: usable, and neither a quote nor a
    speaker's words (……表示，“……”), which report what someone said, not what a section argues.
    The author's own view (笔者认为，……) and a term in quotes (“不确定”) are neither."""
    own = TERM_QUOTE.sub("词", AUTHOR_VIEW.sub("", sentence))
    return usable(sentence, lang) and not QUOTED.search(own) and not _SPEAKER.search(own)


def many_voices(article: Article, share: float = 0.2) -> bool:
    """Whether the article mostly reports what people say (quotes, "X表示，"): an interview
    round-up, whose claims belong to its speakers rather than to the article."""
    sentences = article.sentences
    return bool(sentences) and sum(map(voiced, sentences)) > share * len(sentences)


def voiced(sentence: str) -> bool:
    """A quotation or a speaker's words (……表示，)."""
    return bool(QUOTED.search(sentence) or _SPEAKER.search(sentence))


def _source_error(sentence: str) -> bool:
    """A word written twice in a row (金融金融), or 地 and 的 in a row (单纯地的): a slip of the
    source, not reduplication (常常, 研究研究 are verbs; the doubled unit here is a noun)."""
    from ..terms import tag

    for match in _DOUBLED.finditer(sentence):
        word = match.group(1)
        if any(w == word and f.startswith("n") for w, f in tag([word])[0]):
            return True
    if "地的" in sentence:  # 单纯地的平台撮合: an adverb's 地 before 的, two particles in a row (rate94)
        tokens = tag([sentence])[0]
        return any(a == ("地", "uv") and b[0] == "的" for a, b in zip(tokens, tokens[1:]))
    return False


def rank(article: Article, slots: list[Slot], lang: Profile) -> dict[int, float]:
    """A score for each usable sentence (by slot order); unusable sentences get none."""
    grams = {s.order: vocabulary(s.text, lang) for s in slots}
    frequency = Counter(g for gs in grams.values() for g in gs)
    total = max(1, len(slots))
    points = {p for sec in article.sections for p in sec.points}
    title = vocabulary(article.title or "", lang)
    headings = set().union(*(vocabulary(sec.title or "", lang) for sec in article.sections))
    centrality = {}
    for slot in slots:
        shared = [g for g in grams[slot.order] if frequency[g] >= 2]
        weight = sum(math.log(frequency[g]) * math.log(1 + total / frequency[g]) for g in shared)
        centrality[slot.order] = weight / math.sqrt(max(4, len(grams[slot.order])))
    top = max(centrality.values(), default=1.0) or 1.0
    scores = {}
    for slot in slots:
        if not usable(slot.text, lang):
            continue
        own = grams[slot.order]
        score = centrality[slot.order] / top
        score += 1.5 * (slot.text == article.thesis) + 1.2 * (slot.text in points)
        score += 0.4 * (slot.position == 0) + 0.8 * (slot.order == 0 and _defines(slot.text, article.title))
        score += _lead_weight(article.genre) * math.exp(-slot.order / 3)  # what comes first matters most
        score += 0.8 * len(own & title) / max(1, len(title)) + 0.4 * len(own & headings) / max(1, len(headings))
        score -= _colour(slot.text, lang)
        scores[slot.order] = round(score, 4)
    return scores


def _lead_weight(genre: str) -> float:
    """How much the first sentences count: a report and an entry put their facts first."""
    return 0.8 if genre in {"news", "entry"} else 0.3


def _defines(sentence: str, title: str | None) -> bool:
    """An encyclopedia entry's defining sentence: it opens with the title (X是……, X，……)."""
    head = re.sub(r"\s*[（(].*$", "", title or "").strip()
    return len(head) >= 2 and sentence.startswith(head)


def _colour(sentence: str, lang: Profile) -> float:
    """What makes a sentence story colour rather than content: quotes, speakers, narration."""
    quoted = sum(len(m.group(0)) for m in QUOTED.finditer(sentence)) / max(1, len(sentence))
    penalty = 1.0 * (quoted > 0.3) + 0.8 * bool(_SPEAKER.search(sentence))
    penalty += 0.3 * bool(lang.first_person.search(sentence)) + 0.6 * bool(_ANECDOTE.search(sentence))
    penalty += 2.0 * sentence.rstrip().endswith(("?", "？"))
    return penalty
