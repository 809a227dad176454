"""Statement items: which statement about the article is right (or wrong).

The reading item of Chinese exams, 下列对文章内容的理解，正确的一项是: four statements, each a
sentence of the article, three of them changed in one way a careful reader checks against the
text and a careless one misses: a scope widened or a hedge hardened (部分 → 全部, 可能 → 一定),
a measured change turned round (增加 → 减少), a cause and its effect swapped. Not an amount
swapped for another of the article's: raters found 50万元到5万元, 标准轨长度为1米 garbled.
Not a negation added (会 → 不会): raters found it crude, self-contradictory (鸟类体内具有生物钟，
无法……) or refuted by common sense (碾压不会侵蚀桥梁) in most items. The "不正确的一项"
variant changes one statement and keeps three. Each option carries an explanation for the key
page: what was changed, and the article's words.

What blind raters rejected shapes the rules:
- a change that makes broken or self-contradictory Chinese (形成所有细小的气泡, 早在……就已经
  无法, 有必要继续调查……不必继续调查) or a claim common sense rejects (大力降低营商环境: an
  aim turned round) gives the answer away, so a change is used only on a whole word (jieba's),
  once in the sentence, where the result still reads as a claim;
- years swapped and scene-setting openings test trivia: neither is used;
- a statement that leans on the sentence before (这、与此同时、同年) cannot be judged alone;
- the faithful options should look as bold as the changed ones: sentences with 所有, 一定, 不,
  唯一 of their own are preferred, so the unchanged one does not stand out by its mildness.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, Question, Skill
from ..text import TERM_QUOTE, bigrams
from ..settings import GenerateSettings
from .argument import claim, leans
from .build import Slot, choice, in_script, seeded
from .changes import FIGURES, KINDS, SCOPES, Change, attributed, named, offered, protagonist
from .rank import many_voices, voiced
from .rewording import reworded

_BOLD = re.compile(r"所有|全部|一定|必然|唯一|总是|从不|只有|仅仅|无法|不能|没有|不会|最(?!终|后|近|初)")
_ORDINAL = re.compile(r"^\s*(?:[①-⑳]|第[一二三四五六七八九十]+(?:个|点|是|就|，)|首先|其次|再次|最后|另一方面|一方面)")
_PER_ITEM = {"hedge": 1, "scope": 1}  # changes of a kind an item, and one scope word (hedge or absolute) in all:
# raters (rate54) spot the key as the one option without 总是/所有/唯一/突然 when two or three have one
_PER_ITEM_TWICE = {**dict.fromkeys(KINDS, 2), "absolute": 1, "scope": 1}  # a later item, where the kinds have run out: two
# of a kind among three is no pattern (three 将 → 已 is)
_PER_ITEM_AT_LEAST_ONE = {**dict.fromkeys(KINDS, 3), "absolute": 1, "scope": 2}  # an article's one item, where no item is varied: any mix
_PER_ITEM_TWO_ABSOLUTE = {**_PER_ITEM_AT_LEAST_ONE, "absolute": 2}  # failing that, two absolute words among them: two of four
_PER_ITEM_ALL_BOLD = {**_PER_ITEM_AT_LEAST_ONE, "absolute": 3, "scope": 3, "bold_key": 1}  # failing that, three, where the
# faithful one is bold too (只有, 最, 不能): the key is then no "one without", the pattern raters spotted
# options with 所有/总是 is no pattern that points to the key, and raters kept 1 of 26 lone 不正确 items and 3 of 18 blanks,
# what such an article got instead (rate79-86)
_SUPPOSED = re.compile(r"假如|假设|假使|如果|倘若|比如|例如|譬如|打个比方|设想|本报|记者|日电|讯）|毕竟|以为|有人认为|有人担心|有人说|有人觉得|有人质疑|有人问|人们常说|"
                       r"不少人认为|很多人觉得|许多人觉得|一般认为")  # a view the article goes on to refute is no statement of its own
_TRIVIA = re.compile(r"\d{1,2}[:：]\d{2}|凌晨|清晨|傍晚|深夜|[早晚上下]午|\d{1,2}[点时](?:\d{1,2}分|许|左右)?|(?:19|20)\d\d年|"
                     r"\d+岁|[一二三四五六七八九十]+岁")  # the hour, the year, someone's age: no key (raters)
_THIRD_PERSON = re.compile(r"他们|她们|他|她|它们")
_MINOR = re.compile(r"^[^，,]{2,12}是[^，,。]{2,24}的一(?:名|位|个)[\u4e00-\u9fff]{1,6}。?$|全长|距离[^，,。]{0,8}\d|"
                    r"\d+(?:多)?(?:公里|米|千米)(?:的)?(?:路|山路|路程)")  # 林晓禾是……的一名农艺师, a route's length: trivia as a key (rate69)
_POINTER = re.compile(r"(?:一些|几个|几点|几方面|[两二三四五六七八九十几]+(?:个|点|大|类|种|方面)(?:方面)?)[^，,。]{0,8}"
                      r"(?:问题|特点|原因|变化|方面|困难|挑战|规律|因素|措施|途径|作用)$")
_COMPARED = re.compile(r"另一|同样|也同样|与此类似|类似地")  # measured against a sentence before (rate62)
WORDING = {
    "right": "下列对文章内容的理解，正确的一项是",
    "wrong": "下列对文章内容的理解，不正确的一项是",
    "faithful": "符合原文：“{source}”",
    "restated": "符合原文：“{new}”即原文的“{old}”，意思相同（“{source}”）",
    "reordered": "符合原文：只是换了说法，意思相同（“{source}”）",
    "changed": "“{new}”与原文不符：原文是“{old}”（“{source}”）",
    "reversed": "因果颠倒：原文说“{cause}”是“{effect}”的原因（“{source}”）",
}
CHARS_PER_ITEM = 500  # one statement item per this many characters of article, up to MAX_ITEMS
MAX_ITEMS = 5
VOICED_SHARE = 0.4  # an article with more sentences quoted or attributed is a round-up of views: none is its own;
# below it, its unquoted sentences are its own statements (each option is still claim-like: no quote, no speaker)
GROUP = 20  # each item draws its four statements from the best this many sentences left
MAX_CHARS = 80  # a longer statement is a paragraph to compare, not a sentence


def statement_questions(article: Article, slots: list[Slot], scores: dict[int, float], claim_like,
                        settings: GenerateSettings, avoid: set[str] = frozenset()) -> list[Question]:
    """Statement items on the article's best sentences: "right" first, then "wrong" once."""
    from ..languages import profile

    if profile(article.language).wording["html_lang"] != "zh-CN":
        return []  # the changes are Chinese words; English statement items are not built yet
    round_up = many_voices(article, VOICED_SHARE)  # an interview round-up: a statement must say whose view it is
    text = "\n".join(article.sentences)
    slots, originals = _named_slots(slots, text)
    words = in_script(WORDING, article.script)
    pool = [s for s in sorted(slots, key=lambda s: (-scores.get(s.order, -9), s.order))
            if s.order in scores and _stands_alone(s, article) and _statable(s.text, claim_like, round_up and _among_voices(s))
            and claim(s.text) not in avoid]  # an option elsewhere would show the unchanged words
    wanted = min(MAX_ITEMS, round(len(article.text) / CHARS_PER_ITEM), len(pool) // 4)
    main_line = _on_the_thesis(article, pool)
    questions, used = [], set()
    for index in range(wanted):
        group = [s for s in pool if s.order not in used]  # best first: the statement tested is among the first GROUP
        # "正确" first. Blind raters kept 63 of 87 "正确" items on fresh articles and 8 of 20
        # "不正确" ones (their three faithful options are verbatim and tempt little; 0 of 2 in rate32),
        # so one "不正确" item at most, after a "正确" one, and only with bold faithful options:
        # an exam asks both ways, and a teacher expects both.
        wrong_due = any(q.stem == words["right"] for q in questions) and not any(q.stem == words["wrong"] for q in questions)
        directions = ("wrong", "right") if wrong_due else ("right",)
        tries = [(d, _PER_ITEM) for d in directions] + [("right", _PER_ITEM_TWICE)] * bool(questions)
        question = next(filter(None, (_item(group, text, d, settings, words, article.script, p, main_line=main_line)
                                      for d, p in tries)), None)
        if question:
            questions.append(question)
            used.update(s.order for s in group if claim(s.text) in question.options
                        or any(claim(s.text) in e for e in question.explanations or []))
    questions = [_with_sources(q, originals) for q in questions]
    if wanted and not questions:
        # An article's one item, where no varied one can be made: three changes of any mix. Not a
        # 不正确 item on its own: blind raters kept none of 25 (rate79-84: "three options copied
        # from the text tempt nobody", restated or not), against 12 of 16 正确 items and a few of
        # the blanks an article then falls back on.
        question = next(filter(None, (_item(pool, text, "right", settings, words, article.script, rules, main_line=main_line)
                                      for rules in (_PER_ITEM_AT_LEAST_ONE, _PER_ITEM_TWO_ABSOLUTE, _PER_ITEM_ALL_BOLD))), None)
        questions = [_with_sources(question, originals)] if question else []
    return questions


def _named_slots(slots: list[Slot], text: str) -> tuple[list[Slot], dict[str, str]]:
    """The slots with a story's 他 told as its main person (`named`), and each changed text's
    article sentence: the explanations and the source quote the article's own words."""
    main = protagonist(text)
    if not main:
        return slots, {}
    out, originals = [], {}
    for slot in slots:
        previous = slots[slot.order - 1].text if slot.order else ""
        said = named(slot.text, previous, main, text)
        if said != slot.text:
            originals[said] = slot.text
            slot = replace(slot, text=said)
        out.append(slot)
    return out, originals


def _with_sources(question: Question, originals: dict[str, str]) -> Question:
    if not originals:
        return question
    def back(note: str) -> str:
        for said, sentence in originals.items():
            note = note.replace(f"（“{said}”）", f"（“{sentence}”）").replace(f"：“{said}”", f"：“{sentence}”")
        return note
    return replace(question, source=originals.get(question.source, question.source),
                   explanations=[back(n) for n in question.explanations or []] or None)


def _statable(sentence: str, claim_like, named_only: bool) -> bool:
    """A claim, or a named speaker's claim (何淑芬说，修书最难的不是手上功夫，而是判断): the option
    keeps the name, so it says whose view it is. A term in quotes (“默会知识”) is no quotation.
    `named_only`: a sentence among a round-up's quotes goes on with a speaker's words."""
    who, rest = attributed(sentence)
    return (bool(who) or not named_only) and claim_like(TERM_QUOTE.sub("词", rest))


def _among_voices(slot: Slot) -> bool:
    """Whether the sentence's paragraph quotes someone or gives a speaker's words: there an
    unattributed sentence may be the speaker's still; a paragraph of the reporter's own is not."""
    return any(voiced(TERM_QUOTE.sub("词", s)) for s in slot.section.paragraphs[slot.paragraph].sentences)


def _stands_alone(slot: Slot, article: Article) -> bool:
    """A sentence a reader can judge as a statement on its own."""
    statement = claim(slot.text)
    if not 15 <= len(statement) <= MAX_CHARS or slot.text.rstrip().endswith(("？", "?", "！", "!")):  # a question, an exclamation (rate67)
        return False
    if re.match(r"^[^，,。：:]{2,8}[：:]|^[\u4e00-\u9fff]{1,6}[ \u3000]+\S", statement):
        return False  # 选料与维料：……, 掐丝 这是……: opens with a heading
    if re.match(r"(?:图为|图片|上图|下图|图\d|（图）)", statement) or re.search(r"摄[）)]", statement):
        return False  # a photo's caption, not the article's statement
    if re.search(r"以下|如下|下列|下面", statement) or _POINTER.search(statement):
        return False  # 原因……有以下几个, 也发现了一些值得关注的问题: points to what follows, says nothing itself (rate79)
    if statement.count("“") != statement.count("”") or statement.count("《") != statement.count("》"):
        return False  # a quotation cut at the sentence's end leaves a stray mark
    if re.search(r"(?:说|表示|认为|指出|介绍)$", statement):
        return False  # ……的专家说: someone's words, whose the option does not say
    if _ORDINAL.match(slot.text) or leans(statement) or leans(attributed(statement)[1]) or not re.match(r"[\w“《（(]", statement):
        return False  # "第二个是……", "这一影响……" lean on the sentence before (许若澜说，这是……: so do words given); "。同年" is page noise
    if slot.section is article.sections[0] and slot.paragraph == 0:
        return False  # an essay's opening sets a scene; a report's lead, its dateline and all, is trivia to raters
    if slot.text == article.sentences[-1] or _SUPPOSED.search(statement) or _COMPARED.search(statement):
        return False  # a closing flourish; 假如……, 比如……: a supposition or an example, no claim; 另一张名片, 同样让……受益: beside what?
    from ..terms import tag

    tagged = tag([statement])[0]
    pronoun = _THIRD_PERSON.search(statement)
    if pronoun and not any(f in {"nr", "nrfg", "nrt"} and statement.index(w) < pronoun.start() for w, f in tagged if w in statement):
        return False  # ……，他把竹子按种类分好: who? (raters)
    if len(tagged) > 2 and tagged[0][1][:1] == "v" and tagged[1][0] in {"后", "之后", "以后", "前", "之前", "时"}:
        return False  # 清除后，……: after clearing what? The thing done is in the sentence before
    return any(f[:1] == "v" for _, f in tagged)  # a bare noun phrase is no statement to judge


def _on_the_thesis(article: Article, pool: list[Slot]) -> frozenset[int]:
    """The sentences that state the article's main line: its thesis, its points, and those
    sharing a third of the title's character pairs. Turned round (回归 → 远离), they contradict
    the whole article, and raters count such a blunt reversal no trap (rate67)."""
    points = {p for s in article.sections for p in s.points} | {article.thesis or ""}
    title = bigrams(article.title or "")
    return frozenset(s.order for s in pool if s.text in points
                     or (title and len(bigrams(s.text) & title) >= max(2, len(title) / 3)))


_POLAR = {"opposite", "direction", "contrast", "denial", "concept", "reversal", "correlation", "comparison"}


def _item(group: list[Slot], text: str, direction: str, settings: GenerateSettings, words: dict[str, str],
          script: str | None = None, per_item: dict[str, int] = _PER_ITEM,
          main_line: frozenset[int] = frozenset()) -> Question | None:
    """Four statements from the ranked group: the one tested (the faithful key of "正确", the
    changed key of "不正确") among its best GROUP, the others from anywhere in it — a wrong
    option need not be central, only checkable."""
    best = {s.order for s in group[:GROUP]}
    rng = seeded(settings.seed, "statement", direction, *(s.text for s in group[:GROUP]))
    need_changed, need_kept = (3, 1) if direction == "right" else (1, 3)
    candidates = {slot.order: [c for c in offered(claim(slot.text), text, rng, script)
                               if slot.order not in main_line or c.kind not in _POLAR] for slot in group}
    changes = {order: next(iter(found), None) for order, found in candidates.items()}
    changeable = [s for s in group if changes[s.order]]
    if direction == "wrong":
        picked = _wrong_one(group, changeable, best, changes, script)
        if not picked:
            return None  # no bold faithful statements beside a changed one: a plain one tempts nobody
        changed, kept = picked
    else:
        changed = _varied(changeable, candidates, need_changed, per_item)
        if not changed:
            return None
        spare = [s for s in group if all(s is not c for c, _ in changed) and s.order in best]
        longest_changed = max(len(c.text) for _, c in changed)
        # The faithful one: among the best-ranked third, no clock time, year or age (raters: 4:30 a.m., the year it began are
        # trivia), a claim rather than a string of figures, never the longest; then bold-sounding (it looks changed and is not).
        central = {s.order for s in group[:GROUP // 3]}  # raters: a key on the tourist season or a squat is trivia
        spare.sort(key=lambda s: (s.order not in central, bool(_TRIVIA.search(s.text) or _MINOR.search(s.text)), len(FIGURES.findall(s.text)) > 1,
                                  len(claim(s.text)) > longest_changed, not _BOLD.search(claim(s.text)),
                                  _restatable(claim(s.text), script)))
        kept = spare[:need_kept]
        if len(kept) != need_kept or per_item.get("bold_key") and not _BOLD.search(claim(kept[0].text)):
            return None
    options, notes = [], []
    for slot in kept:  # restated where a word has a synonym: a verbatim copy is ruled in unread (rate79)
        restated = reworded(claim(slot.text), False, script)
        options.append(restated.text if restated else claim(slot.text))
        wording = "faithful" if not restated else "restated" if restated.kind == "synonym" else "reordered"
        notes.append(words[wording].format(new=restated and restated.new, old=restated and restated.old, source=slot.text))
    for slot, change in changed:
        options.append(change.text)
        wording = words["reversed"] if change.kind == "reversal" else words["changed"]
        notes.append(wording.format(new=change.new, old=change.old, cause=change.old, effect=change.new, source=slot.text))
    key = 0 if direction == "right" else len(kept)  # the faithful one, or the changed one
    anchor = kept[0] if direction == "right" else changed[0][0]
    order = min(s.order for s in kept + [c[0] for c in changed])
    wrong = [o for i, o in enumerate(options) if i != key]
    wrong_notes = [n for i, n in enumerate(notes) if i != key]
    question = choice(anchor, words[direction], options[key], wrong, Skill.STATEMENT, direction, order=order)
    return replace(question, explanations=[notes[key]] + wrong_notes)


def _varied(changeable: list[Slot], candidates: dict[int, list[Change]], wanted: int,
            per_item: dict[str, int] = _PER_ITEM) -> list[tuple[Slot, Change]]:
    """The first `wanted` changed statements, each changed its own way: one change of a kind an
    item (two hedges), and one word made once. Raters: three options with 所有/总是/一定 against one
    without, or three with 将 → 已, are a pattern that gives the key away."""
    picked, kinds, news = [], [], set()
    for slot in changeable:
        change = next((c for c in candidates[slot.order] if c.new not in news
                       and kinds.count(c.kind) < per_item.get(c.kind, 1)
                       and (c.kind not in SCOPES or sum(k in SCOPES for k in kinds) < per_item.get("scope", 1))), None)
        if change:
            picked.append((slot, change))
            kinds.append(change.kind)
            news.add(change.new)
        if len(picked) == wanted:
            return picked
    return []


def _restatable(statement: str, script: str | None) -> int:
    """0 where the statement can be told in the other order (a cause, a contrast), 1 where a word
    of it has a synonym, 2 where it can only be quoted: the first look changed to a careless
    reader and are not, which is what a faithful option is for."""
    found = reworded(statement, False, script)
    return 2 if not found else 1 if found.kind == "synonym" else 0


def _wrong_one(group, changeable, best, changes, script: str | None = None):
    """For "不正确": the changed key (the shortest among the best sentences) and three bold
    faithful ones, one of them longer than the key where the article has one (the longest
    option is a test-taker's guess)."""
    top = {s.order for s in group[:GROUP // 2]}  # raters: 通常 → 总是 in the supply boat's timetable tests trivia
    central = {s.order for s in group[:GROUP // 3]}  # a quantifier widened on a side remark is a nitpick (rate72)
    keys = sorted((s for s in changeable if s.order in top and (changes[s.order].kind not in {"absolute", "hedge"} or s.order in central)),
                  key=lambda s: (changes[s.order].kind in {"absolute", "figure"}, len(changes[s.order].text)))
    # 不少人 → 所有人 is obvious, 58公里 → 40公里 a numeric detail (raters)
    if not keys:
        return None
    key = keys[0]
    bold = [s for s in group if s is not key and (_BOLD.search(claim(s.text)) or _restatable(claim(s.text), script) == 0)]
    # bold-sounding, or told in the other order: either looks changed and is not
    if len(bold) < 3:
        return None
    bold.sort(key=lambda s: _restatable(claim(s.text), script))  # restated ones tempt a careless reader
    longer = [s for s in bold if len(claim(s.text)) >= len(changes[key.order].text)]
    kept = bold[:3] if any(s in longer for s in bold[:3]) or not longer else bold[:2] + longer[:1]
    return [(key, changes[key.order])], kept

