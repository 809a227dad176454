"""Questions on the argument: which claim a section makes, which it does not, and the thesis.

Options are claims only: the points the analysis found (sentences that carry a section's
argument), never facts, quotes, captions, bylines or questions. A section is asked about only
when it states claims and other sections offer three claims of their own, once per kind
("which point does it make", and "which is NOT" where it makes three or more). The thesis is
asked as a choice only in an article that argues (its thesis is one of several claims).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..languages import Profile
from ..model import Article, Language, Question, Section, Skill
from ..settings import GenerateSettings
from ..text import CLAUSE_BREAK, bigrams
from .build import Slot, choice, seeded

_LIST_NUMBER = re.compile(r"^\s*(?:\d+[)）.、．]|[（(][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、，,]|"
                          r"第[一二三四五六七八九十百零〇\d]+[条款章节][\s　]+)\s*")
_QUOTE_OR_FIGURE = re.compile(r"[“”\"「」『』]|\d")
_OPEN_QUESTION = re.compile(r"如何|怎样|怎么|为什么|为何|何以|什么|哪些|哪里|\b(?:how|why|what|which)\b", re.I)


_OPENING = re.compile(r"^(?:(?:然而|但是|但|因此|所以|同时|此外|另外|总之|其实|当然|可见|于是|而且|并且|不过|事实上|实际上"
                      r"|首先|其次|再次|最后|第[一二三四五六七八九十]+|更何况|何况|况且|再者|再说|换言之|换句话说|也就是说"
                      r"|相比之下|反之|总而言之|综上所述|毫无疑问|显然|诚然|的确|说到底|归根结底|更重要的是|最重要的是|一方面|另一方面)[，,]"
                      r"|(?:更|最|尤其)?(?:值得(?:注意|警惕|一提|关注)|需要(?:指出|注意|说明)|不可否认|可以预见|可以肯定)的是[，,]?"
                      r"|(?:笔者|我们|我|本文)(?:认为|以为|主张|相信)[，,])+")  # the author's view is the claim itself
_LEANS = re.compile(r"^(?:这|那|此|该|其|它|他们|她们|与此同时|同年|同时|对此|为此|由此|上述|以上|前者|后者|也|还|又|却|则|而|并|但|相反"
                    r"|第[一二三四五六七八九十]+[是个点]|[一二三四五六七八九十]是(?=[\u4e00-\u9fff])"  # 三是活动内容单一: one of a list (rate74)
                    r"|(?:一个|另一个|其中一个)?(?:重要|主要|根本)?原因(?:是|在于|之一)|答案|道理很简单|原因很简单)")
_REFERS = re.compile(r"这[一些种个类部样次里时两三四五六七八九十几株棵座条位名只头件把张块幅篇首台辆艘间家所片段项门场届批]|这方面|两者|二者|三者|此[类种次项时]|于此|上述|前述|同样|以上|如此|类似的|与之相似")  # 原因正在于此; 类似的情况: like what?


def claim(sentence: str) -> str:
    """A sentence as an option: without its list number, an opening connective or ordinal
    (然而，第三，值得注意的是，), which lean on the sentences before, and its final mark."""
    return _OPENING.sub("", _LIST_NUMBER.sub("", sentence)).rstrip("。！？!?.;；").strip()


def leans(statement: str) -> bool:
    """Whether a claim refers outside itself (这种意识……, 与此同时, 这一过程): it is judged
    only beside the sentence before, so it is no option."""
    first_clause = CLAUSE_BREAK.split(statement)[0]
    if re.match(r"(?:因为|由于|因為)", statement) and not re.search(r"[，,]", statement):
        return True  # "因为……。" answers the sentence before: no statement of its own
    return bool(_LEANS.match(statement) or _REFERS.search(statement) or "它" in first_clause)  # ……，它才是 refers back


def is_question(text: str) -> bool:
    return text.rstrip().endswith(("?", "？"))


def open_question(title: str) -> bool:
    """A heading that asks how, why or what (互联网金融如何蜕变新生?) is answered by the
    section's claims; a yes-no or recall question (……吗？) is not."""
    return is_question(title) and not title.rstrip()[:-1].endswith("吗") and bool(_OPEN_QUESTION.search(title))


def argument_questions(article: Article, slots: list[Slot], lang: Profile, usable,
                       settings: GenerateSettings) -> list[Question]:
    """The thesis as a choice, then structure questions for each headed section."""
    if article.genre != "argument":
        return []  # a report's or an entry's sections tell, they do not claim
    by_text = {s.text: s for s in slots}
    questions = _thesis_choice(article, by_text, lang, usable, settings)  # first: the one most worth keeping
    thesis = bigrams(article.thesis or "")
    order = {id(s): i for i, s in enumerate(article.sections)}
    sections = sorted(article.sections, key=lambda s: (-sum(len(bigrams(p) & thesis) for p in s.points), -order[id(s)]))
    for section in sections:  # two section items sharing options give each other away (raters): where only one
        # can be asked, the section whose points carry the thesis, on a tie the later (an essay's remedy follows its diagnosis)
        shown = {o for q in questions if q.skill is Skill.STRUCTURE for o in q.options or []}
        questions += _section_questions(article, section, by_text, lang, usable, settings, shown)
    return questions


def _claims(article: Article, exclude: Section | None, avoid: set[str], usable, lang: Profile) -> list[str]:
    """Claims of the other sections: their points, and where they are too few, paragraph
    openers that read as claims (no quote, no figure, no narration, no question)."""
    claims, seen = [], set(avoid)
    sections = [s for s in article.sections if s is not exclude]
    for sentence in [p for s in sections for p in s.points]:
        if (sentence not in seen and not is_question(sentence) and not _ASKS.search(claim(sentence)) and not leans(claim(sentence))
                and usable(sentence) and _claim_sized(sentence)):
            seen.add(sentence)
            claims.append(sentence)
    if len(claims) >= 3:
        return claims
    shortest, longest = lang.claim_chars
    opening = article.sections[0].paragraphs[:1]  # an essay opens on a scene (清晨的地铁车厢里……): no claim
    for paragraph in (p for s in sections for p in s.paragraphs if p not in opening):
        opener = paragraph.sentences[0] if paragraph.sentences else ""
        if (opener in seen or not shortest <= len(opener) <= longest or not usable(opener) or is_question(opener)
                or _ASKS.search(claim(opener)) or leans(claim(opener))):
            continue
        if _QUOTE_OR_FIGURE.search(opener) or lang.first_person.search(opener):
            continue
        seen.add(opener)
        claims.append(opener)
    return claims


TITLE_ECHO = 0.2


def _nested(title: str) -> str:
    """A heading quoted inside the stem's quotation marks: its own quotes become the inner kind
    (“一万步”的真相 → ‘一万步’的真相), not a doubled ““."""
    return re.sub(r"[“\"](.*?)[”\"]", r"‘\1’", title)


_ASKS = re.compile(r"有人(?:担心|认为|说|觉得|质疑|会问|提出)|不少人认为|人们常说|一般认为|记得|回忆|想起|^[^，,。]{2,14}[：:]|"  # a view refuted,
                   r"假如|如果说|比如|例如|第[一二三四五六七八九十]+步|"  # a memory, a run-in label (亚单位疫苗：……), a supposition,
                   # an example or a step of a procedure (第三步，……, rate67): no claim of the article;
                   r"^那么|如何|为什么|为何|怎样|怎么|什么|吗$|呢$|到底|究竟|有多少|是否|"  # a question without its mark is no claim,
                   r"(?:就是|便是|正是|是)(?:一个|又一个|其中一个)?(?:例子|例证|缩影|典型)$|例子$|为例$|"  # nor a pointer to an example (rate64, 74),
                   r"(?:值得借鉴|值得参考|值得一提|值得一看|可见一斑|不妨看看|可以参考)$")  # nor to what the paragraph goes on to show


def _restates(claim_text: str, thesis: str) -> bool:
    """A point that says much of what the thesis says (回归金融和实体本身 / 回归金融行业本身)
    would be a second right answer to "which states the central claim"."""
    a, b = bigrams(claim_text), bigrams(thesis)
    return bool(a) and len(a & b) >= 0.4 * len(a)


def _claim_sized(sentence: str) -> bool:
    """Long enough to state something (配送安全性 is a heading, not a claim)."""
    return len(claim(sentence)) >= 12


def _echoes(title: str, option: str) -> bool:
    """An option sharing a content word with the heading: a two-character run without 的, 与…
    in Chinese, a word of four letters or more in English."""
    if re.search(r"[A-Za-z]", title):
        words = lambda text: {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}  # noqa: E731
        return bool(words(title) & words(option))
    runs = lambda text: {b for b in bigrams(re.sub(r"[^\w]", "", text)) if not re.search(r"[的了和与是在及]", b)}  # noqa: E731
    return bool(runs(title) & runs(option))


def _nearest(claims: list[str], correct: str, rng, count: int = 3) -> list[str]:
    """Distractor claims drawn from those closest in length to the correct one, and one at
    least as long where the article has one, so that the longest option is not a give-away."""
    nearest = sorted(claims, key=lambda c: (abs(len(c) - len(correct)), c))[:count * 2]
    picked = rng.sample(nearest, count)
    longer = sorted((c for c in claims if len(c) >= len(correct) and c not in picked), key=len)
    if longer and all(len(c) < len(correct) for c in picked):
        picked[-1] = longer[0]
    return picked


def _section_questions(article, section, by_text, lang, usable, settings, shown: set[str]) -> list[Question]:
    closing = _closing(article, section)
    points = [p for p in section.points if usable(p) and p in by_text and _claim_sized(p) and not _ASKS.search(claim(p))
              and not leans(claim(p)) and p not in closing]
    if not section.title or not points:
        return []
    others = _claims(article, section, set(section.points) | {article.thesis or ""}, usable, lang)
    fresh = [c for c in others if claim(c) not in shown]
    # A "which" item whose options another item showed gives each other away (raters); a "which
    # is not" item's options are the section's own points, so only its outsider is drawn fresh.
    others = fresh if len(fresh) >= 3 or len(points) < 3 else others
    if len(others) < 3:
        return []
    unshown = [p for p in points if claim(p) not in shown]  # a key shown as another item's option cues it
    key = (unshown or points)[0]
    rng = seeded(settings.seed, "structure", key)
    wording = "stem_asks" if open_question(section.title) else "stem_which"
    stem = lang.wording[wording].format(title=_nested(section.title))
    if len(points) < 3:
        wrong = [claim(c) for c in _nearest(others, key, rng)]
        if _echoes(section.title, claim(key)) and not any(_echoes(section.title, w) for w in wrong):
            return []  # the key alone repeats the heading's words (船蛆 under 船蛆): found without reading
        return [choice(by_text[key], stem, claim(key), wrong, Skill.STRUCTURE, "which")]
    # Three points or more: one "which is not" item tests them all. A "which" item beside it
    # would share its options, and each would give the other away (raters marked both down).
    if len(unshown) < 3 or not fresh:
        return []  # an option another item showed, as a key or as a section's point, tells where it belongs: each
        # item would give the other's key away (raters, rate97: the bundled article's two sections)
    rng = seeded(settings.seed, "structure-not", section.id, section.title)
    insiders = [claim(p) for p in rng.sample(unshown, 3)]
    elsewhere = {p for other in article.sections if other is not section for p in other.points}
    others = [c for c in fresh if c not in elsewhere] or fresh  # another section's point, as this one's outsider,
    # would be the insider of that section's item
    shorter = [c for c in others if len(claim(c)) <= max(len(i) for i in insiders)]
    outsider = rng.choice(shorter or others)  # the longest option is a test-taker's guess
    stem = lang.wording["stem_not"].format(title=_nested(section.title))
    question = choice(by_text[outsider], stem, claim(outsider), insiders, Skill.STRUCTURE, "not",
                      order=by_text[points[0]].order)
    return [replace(question, section=section.id)]


def _closing(article: Article, section) -> set[str]:
    """The article's closing paragraph, where the last section has others: it sums up the whole
    article, not the section it stands in (rate69: a section's "观点" keyed on the conclusion)."""
    if section is not article.sections[-1] or len(section.paragraphs) < 2:
        return set()
    return set(section.paragraphs[-1].sentences)


def _thesis_choice(article, by_text, lang, usable, settings) -> list[Question]:
    thesis = by_text.get(article.thesis or "")
    if not thesis or not usable(thesis.text) or article.genre != "argument" or lang.language is Language.EN:
        return []  # a report's lead or an entry's definition is no claim among claims; English: raters
        # kept none (cut-off opening clauses, a quotation as the central claim)
    if lang.language is Language.ZH and not _central_claim(thesis.text, article.title or "", lang):
        return []  # raters kept 0 of 8 Chinese theses without this evidence: transitions, concessions, refuted beliefs
    others = [c for c in _claims(article, None, {thesis.text}, usable, lang) if not _restates(c, thesis.text)]
    if len(others) < 3:
        return []
    key = claim(thesis.text)
    if leans(key):
        return []  # a thesis that says 它 or 这 is judged only beside the sentence before
    wrong = [claim(c) for c in _nearest(others, thesis.text, seeded(settings.seed, "thesis", thesis.text))]
    key = _core(key, max(len(w) for w in wrong) + 6, lang)
    if len(key) > 1.5 * max(len(w) for w in wrong) + 4:
        return []  # whole, it is the one long option
    return [choice(thesis, lang.wording["stem_thesis"], key, wrong, Skill.THESIS, "thesis")]


def _central_claim(sentence: str, title: str, lang: Profile) -> bool:
    """Evidence that a sentence is the central claim: it claims (a cue: 关键, 必须, 才是) and
    it echoes the title (a fifth of the title's character pairs)."""
    title_pairs = bigrams(title)
    return bool(lang.cues.search(sentence)) and len(bigrams(sentence) & title_pairs) >= TITLE_ECHO * max(1, len(title_pairs))


_FRAME = re.compile(r"^(?:当|在|随着|如果|假如|虽然|尽管|面对|对于|作为)")


def _core(sentence: str, longest: int, lang: Profile) -> str:
    """A long thesis as an option: its clauses that carry the claim (the cue phrase, 关键/must),
    from the end, so that the key is not the one option twice as long as the rest. Only a
    frame is cut (当……时, 随着……): raters rejected keys cut at their subject (电池怕冷，) or left
    opening with 而是; such a thesis stays whole."""
    if len(sentence) <= longest:
        return sentence
    clauses = [c for c in CLAUSE_BREAK.split(sentence) if c]
    cued = [i for i, c in enumerate(clauses) if lang.cues.search(c)]
    if not cued or not _FRAME.match(clauses[0]):
        return sentence
    start = end = cued[-1]
    while start > 0 and len("".join(clauses[start - 1:end + 1])) <= longest:
        start -= 1
    core = "".join(clauses[start:end + 1]).rstrip("，,；;")
    return sentence if leans(core) or _LEANS_ON.match(core) else core


_LEANS_ON = re.compile(r"^(?:而是|而|但|却|才|就|便|则|并且|而且|从而|进而|以致|以便)")
