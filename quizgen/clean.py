"""Stage 2, clean: tell the article body from page furniture and read the byline.

A block classifier in the spirit of jusText and boilerpipe, for page dumps and HTML alike:

1. score each block from its length, sentence punctuation, link density and page role —
   prose scores positive, short lines, link lists and menus negative;
2. take the best-scoring contiguous run of blocks (a maximum-subarray search) as the main
   text, with short "section enders" (related articles, comments, rankings) as barriers;
3. inside that run keep prose, keep short blocks only between prose (headings), drop feeds of
   many short lines, a teaser that repeats the body and ends in "...", repeats of the title,
   and edge blocks that share almost no vocabulary with the body (promotions, notices);
4. keep a numbered reference list that follows the body under its own heading (参考文献,
   References): article content, but not material for questions, so it goes to its own field;
5. read title, column tag, author, source, date and keywords from the blocks before the body.

References:
    Pomikálek, J. (2011). Removing Boilerplate and Duplicate Content from Web Corpora (jusText).
    Kohlschütter, C. et al. (2010). Boilerplate Detection using Shallow Text Features.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .languages import script_of
from .markup import tidy
from .model import Block, Document, InputKind, Page
from .settings import CleanSettings
from .text import BULLETS, ELLIPSIS, bigrams, normalise, sentence_marks, spaced_phrases
from .typeset import retypeset

_ENDER = re.compile(
    r"^[\s#\[【]*(?:相关|热门|最新|最热|用户|网友|所有|全部|精彩|专题|为你|为您|资讯|延伸|推荐|猜你|更多)?"
    r"\s*(?:文章|推荐|评论|排行|新闻|阅读|视频|跟贴|喜欢|专题|留言)\s*(?:[（(]\d+[）)])?[\]】]?\s*$"
    r"|^[\[【]?\s*责任编辑\s*[:：]|^(?:上一篇|下一篇)\s*[:：]|版权所有|All Rights Reserved"
    r"|^(?:Related|More|Recommended|Popular|Trending|Latest)\s+(?:articles?|stories|posts|news|reading)\s*$"
    r"|^(?:Comments?|Leave a (?:comment|reply)|Read (?:more|next)|You (?:may|might) also like|Share this)\b",
    re.I)
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月])\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?")
_LABELLED = re.compile(r"(作者|来源|出处|编辑|责编|记者|发布时间|时间|日期|阅读|浏览次数|浏览|点击|评论)\s*[:：︱|]\s*")
_KEYWORDS = re.compile(r"^(?:关键词|关键字|标签|Tags?|Keywords?)\s*(?:[:：]|>>)\s*(.+)$", re.I)
_COLUMN_TAG = re.compile(r"^\s*[【\[]([^】\]]{1,8})[】\]]\s*")
_BREADCRUMB = re.compile(r"\s[>›»]\s|^首页|^Home\b", re.I)
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$|^[A-Z][a-z]+(?: [A-Z][a-z.]+){1,2}$")
_EN_BYLINE = re.compile(r"^By\s+((?:[A-Z][\w.'’-]*\s*){1,4}?)\s*(?:$|[,|·•—–-]\s)")
_HEADING_NUMBERS = [
    ("chinese-ordinal", re.compile(r"^[一二三四五六七八九十]+[、.．]")),
    ("bracketed-ordinal", re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    ("chapter", re.compile(r"^第[一二三四五六七八九十百零\d]+[章节篇部]")),
    ("arabic", re.compile(r"^\d{1,2}[.、．]\s*\S")),
]
_LABELLED_TITLE = re.compile(r"^\s*(?:Title|标题|题目)\s*[:：]\s*(.{2,80})$")
_FENCE = re.compile(r"^\s*\*{3}.{0,120}\*{3}\s*$")  # a fenced separator (*** START OF … ***) bounds the work
_EN_AUTHOR = re.compile(r"^Author\s*:\s*((?:[A-Z][\w.'’-]*\s*){1,4})\s*$")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_EN_DATE = re.compile(r"\b(?P<m>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})")
_SPLIT_BYLINE = re.compile(r"\s*[·|｜/︱]\s*|\s{1,}")
_LIST_ITEM = re.compile(rf"^(?:[{BULLETS}]\s*|[(（]?\d{{1,2}}[)）.．、]\s*|[(（][一二三四五六七八九十]{{1,3}}[)）]\s*)\S")
_REFERENCES_HEADING = re.compile(
    r"^[#\s]*(?:参考(?:文献|资料|书目)|引用(?:文献|资料)|注释(?:与参考文献)?|文献|References|Bibliography"
    r"|Works Cited|Notes|Sources)\s*[:：]?\s*$", re.I)
_BACKLINK = re.compile(r"^\s*(?:\^|↑)\s*")  # a footnote's backlink opens its line
_ITEM_NUMBER = re.compile(r"^\s*(?:[\[［](\d{1,3})[\]］]|[(（](\d{1,3})[)）]|(\d{1,3})\s*[.．、)）](?!\d))\s*")


@dataclass(frozen=True)
class _Scored:
    block: Block
    score: float
    prose: bool
    ender: bool


def clean(document: Document, *, settings: CleanSettings | None = None) -> Page:
    """Split a document's blocks into body and furniture, and read its metadata."""
    settings = settings or CleanSettings()
    document = retypeset(document)  # English typed with full-width marks reads as English
    scored = [_score(block, settings) for block in _tidied(document.blocks)]
    start, end = _main_run(scored)
    titled = document.kind is InputKind.MARKDOWN and "title" in document.meta
    start = _include_leading_section_heading(scored, start, end, titled)
    end = _extend_through_headed_sections(scored, start, end)
    references, reference_at = _reference_list(scored, start, end + settings.max_reference_gap)
    if reference_at:
        end = min(end, reference_at[0])  # the article ends where its reference list begins
    kept = _refine(scored, start, end, settings)
    meta = _metadata(document, scored[:start], [scored[i].block for i in kept])
    title = meta.get("title")
    kept = _entry_lead(scored, start, title, kept) + kept
    kept = [i for i in kept if not _repeats_title(scored[i].block.text, title)]
    keywords = _keywords(scored[:start] + [scored[i] for i in kept[:10]], _kept_text(scored, kept))
    kept = [i for i in kept if not _KEYWORDS.match(scored[i].block.text.strip())]  # metadata, not text
    aside_at = _aside(scored, start, _extend_through_headed_sections(scored, start, end, tables=True), kept)
    body = _without_dateline([scored[i].block for i in kept])
    taken = set(kept) | set(reference_at) | set(aside_at)
    removed = [s.block.text for i, s in enumerate(scored) if i not in taken]
    return Page(name=document.name, body=body, removed=removed, title=title,
                column=meta.get("column"), author=meta.get("author"), source=meta.get("source"),
                date=meta.get("date"), keywords=keywords,
                references=references, aside=[scored[i].block.text for i in aside_at])


_DATELINE = re.compile(r"^\s*(?:本报讯|本报[\u4e00-\u9fff]{0,8}电|[\u4e00-\u9fff]{2,8}\d{1,2}月\d{1,2}日(?:电|讯)|[\u4e00-\u9fff]{2,8}讯)?"
                       r"\s*[（(](?:本报)?(?:记者|通讯员|特约记者|实习生)[^（）()]{1,40}[）)]\s*|^\s*(?:本报讯|[\u4e00-\u9fff]{2,8}讯)[：:\s]\s*|"
                       r"^\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][A-Za-z.]+)?(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?"
                       r"\s*(?:\([A-Za-z ]{2,30}\)\s*)?[-\u2013\u2014]+\s+(?=[A-Z])")  # SANDY COVE, June 14 - / LONDON (Reuters) —


def _without_dateline(body: list[Block]) -> list[Block]:
    """The lead without its dateline (本报讯（记者 陈立峰 通讯员 郑雨萱）): a question on the lead
    asks what happened, not who filed it (raters: the 通讯员 label blanked is boilerplate)."""
    if not body:
        return body
    text = _DATELINE.sub("", body[0].text, count=1)
    if text == body[0].text or len(text) < 10:
        return body
    return [replace(body[0], text=text)] + body[1:]


def _tidied(blocks: list[Block]) -> list[Block]:
    """Blocks without an encyclopedia's marks (conversion markup resolved for the page's own
    script, edit links and footnote markers dropped); blocks left empty go."""
    script = script_of(" ".join(b.text for b in blocks[:400]))
    tidied = []
    for block in blocks:
        text = tidy(block.text, script)
        if text != block.text:
            block = replace(block, text=text)
        if text.strip():
            tidied.append(block)
    return tidied


# --- 1. scoring ---------------------------------------------------------------------------

def _score(block: Block, settings: CleanSettings) -> _Scored:
    text = block.text
    length = len(text)
    ender = length <= 30 and bool(_ENDER.search(text)) or bool(_FENCE.match(text))
    data_row = _data_row(block)
    marks = sentence_marks(text)
    commas = sum(text.count(c) for c in "，,、；;") + spaced_phrases(text)
    prose = (length >= settings.min_prose_chars and (marks >= 1 or commas >= 2)) or length >= 80
    prose = prose and not _BACKLINK.match(text)  # "^ 作者. 书名." is a footnote line, not a sentence
    if ender:
        score = settings.ender_penalty
    elif prose:
        score = min(length, settings.max_block_weight_chars) / 30
        score *= 1 - block.link_density
        score -= 3 * max(0.0, _digit_share(text) - 0.3)
    elif data_row:
        score = settings.table_row_cost
    else:
        score = settings.heading_cost if block.heading and length <= 60 else settings.short_cost
    if block.link_density > 0.5 and not data_row:
        score = min(score, -2.0)
    if block.chrome:
        score = score * 0.5 if prose else min(score, -1.5)
    return _Scored(block=block, score=score, prose=prose and block.link_density <= 0.5, ender=ender)


def _digit_share(text: str) -> float:
    return sum(ch.isdigit() for ch in text) / max(1, len(text))


def _main_run(scored: list[_Scored]) -> tuple[int, int]:
    """Maximum-subarray (Kadane) over block scores: the densest contiguous body region."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, item in enumerate(scored):
        if total <= 0:
            total, start = 0.0, i
        total += item.score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _include_leading_section_heading(scored: list[_Scored], start: int, end: int, titled: bool) -> int:
    """When the article marks its section headings, the marked heading just before the run
    (at most two short lines before it) is its first section's heading, not the page title
    (which comes before it, or was read already: `titled`)."""
    shape = _heading_shape(scored[start - 1].block.text) if start > 0 else None
    if shape and not scored[start - 1].prose and not scored[start - 1].ender and any(
            not s.prose and _heading_shape(s.block.text) == shape for s in scored[start:end]):
        return start - 1  # "ECONOMY" before a run holding "READING"; "一、" before "二、"
    if not any(s.block.heading for s in scored[start:end]):
        return start
    for i in range(start - 1, max(-1, start - 4), -1):
        item = scored[i]
        title_before = titled or (i > 0 and any(s.block.heading for s in scored[:i]))
        if item.block.heading and not item.ender and title_before:
            return i
        if item.prose or item.ender or len(item.block.text) > 10:
            break
    return start


def _heading_shape(text: str) -> str | None:
    """The form of a heading line, to tell the run's first heading by its siblings: all
    capitals, or a numbering scheme (一、 （一） 第一章 1.)."""
    text = text.strip()
    if len(text) > 60:
        return None
    if re.search(r"[A-Z]", text) and re.fullmatch(r"[A-Z0-9 ,.'’:;&!?-]+", text):
        return "capitals"
    for name, pattern in _HEADING_NUMBERS:
        if pattern.match(text):
            return name
    return None


def _aside(scored: list[_Scored], start: int, end: int, kept: list[int]) -> list[int]:
    """The data-table rows and infobox rows of the article (from its start to where its headed
    sections end) that are not in the body: kept with the article, never asked about."""
    body = set(kept)
    return [i for i in range(start, end) if i not in body and scored[i].block.table_row
            and scored[i].block.link_density < 1.0 and not scored[i].block.chrome]


def _extend_through_headed_sections(scored: list[_Scored], start: int, end: int, *, tables: bool = False) -> int:
    """Carry the body on past tables and lists when the article marks its own headings.

    Encyclopedia-like pages interleave headed prose sections with headed tables; the
    maximum-subarray run stops at the first long table. When the run holds marked headings,
    the body goes on up to the next furniture barrier (a section ender, a link list, page
    chrome) provided that another marked heading with prose under it comes before it.
    """
    if not any(s.block.heading for s in scored[start:end]):
        return end
    stop = end
    while stop < len(scored) and not _barrier(scored, stop, tables):
        stop += 1
    headed_prose = False
    for i in range(end, stop):
        if scored[i].block.heading and any(s.prose for s in scored[i + 1:stop]):
            headed_prose = True
            break
    return stop if headed_prose else end


def _barrier(scored: list[_Scored], i: int, tables: bool = False) -> bool:
    """A section ender, page chrome, or the start of a list of five or more links (a few
    linked captions or photo albums inside an article are not a menu; with `tables`, nor are
    table rows whose cells are links: a discography's titles)."""
    item = scored[i]
    links = [s.block.link_density > 0.5 and not _data_row(s.block) and not (tables and s.block.table_row)
             for s in scored[i:i + 5]]
    return item.ender or item.block.chrome or (len(links) == 5 and all(links))


def _data_row(block: Block) -> bool:
    """A table row with at least one cell that is not a link: data, not a menu."""
    return block.table_row and block.link_density < 1.0


# --- 2. refining the run ------------------------------------------------------------------

def _refine(scored: list[_Scored], start: int, end: int, settings: CleanSettings) -> list[int]:
    prose_at = [i for i in range(start, end) if scored[i].prose]
    if not prose_at:
        return []
    first, last = prose_at[0], prose_at[-1]
    lead = scored[start]
    if (lead.block.heading or _heading_shape(lead.block.text)) and not lead.ender and not lead.prose:
        first = start  # the first section's own heading
    kept = [i for i in range(first, last + 1) if _keep_in_run(scored, i, settings)]
    kept = _drop_short_feeds(scored, kept, settings)
    kept = _drop_teasers(scored, kept)
    return _trim_incoherent_edges(scored, kept, settings)


def _keep_in_run(scored: list[_Scored], i: int, settings: CleanSettings) -> bool:
    item = scored[i]
    if item.ender or item.block.chrome or (item.block.link_density > 0.5 and not _data_row(item.block)):
        return False
    return item.prose or len(item.block.text) <= settings.max_heading_chars


def _drop_short_feeds(scored: list[_Scored], kept: list[int], settings: CleanSettings) -> list[int]:
    """Drop runs of many short blocks without sentence punctuation (menus, feeds, tag lists),
    except a table or list that a marked heading introduces."""
    result, run = [], []
    for i in kept + [None]:
        if i is not None and not scored[i].prose and not sentence_marks(scored[i].block.text):
            if scored[i].block.heading and run:
                result.extend(run if _article_list(scored, run, result, settings) else [])
                run = []
            run.append(i)
            continue
        if _article_list(scored, run, result, settings):
            result.extend(run)
        run = []
        if i is not None:
            result.append(i)
    return result


def _article_list(scored: list[_Scored], run: list[int], before: list[int],
                  settings: CleanSettings) -> bool:
    """Whether a run of short lines belongs to the article: a few lines (headings), a table or
    list under a marked heading, or bullet items after a lead-in ending in a colon."""
    if len(run) < settings.max_short_run or scored[run[0]].block.heading:
        return True
    texts = [scored[i].block.text.strip() for i in run]
    lead_in = texts[0] if texts[0].endswith(("：", ":")) else (
        scored[before[-1]].block.text.strip() if before else "")
    items = texts[1:] if texts[0] is lead_in else texts
    return lead_in.endswith(("：", ":")) and all(_LIST_ITEM.match(t) for t in items)


def _drop_teasers(scored: list[_Scored], kept: list[int]) -> list[int]:
    """Drop a block that ends in an ellipsis and repeats the start of another kept block."""
    texts = {i: scored[i].block.text for i in kept}
    result = []
    for i in kept:
        text = texts[i]
        stem = ELLIPSIS.sub("", text.rstrip()).strip()
        teaser = ELLIPSIS.search(text.rstrip()) and len(stem) >= 10 and any(
            j != i and len(other) > len(stem) and other.startswith(stem[:30]) for j, other in texts.items())
        if not teaser:
            result.append(i)
    return result


def _trim_incoherent_edges(scored: list[_Scored], kept: list[int], settings: CleanSettings) -> list[int]:
    """Drop closing blocks whose vocabulary the rest of the body hardly shares.

    A promotion or notice glued to the article scores like prose but talks about something
    else; measured as the share of its character bigrams that occur elsewhere in the body.
    """
    kept = list(kept)
    prose = [i for i in kept if scored[i].prose]
    if len(prose) < 4:
        return kept
    grams = {i: bigrams(scored[i].block.text) for i in prose}
    spread = Counter(g for i in prose for g in grams[i])  # in how many blocks each bigram occurs
    cohesion = {i: sum(spread[g] > 1 for g in grams[i]) / len(grams[i]) if grams[i] else 1.0 for i in prose}
    typical = sorted(cohesion.values())[len(cohesion) // 2]
    limit = min(settings.min_edge_cohesion, 0.5 * typical)
    while (len(kept) > 3 and scored[kept[-1]].prose and cohesion[kept[-1]] < limit
           and not _opens_marked_section(scored, kept, spread)):
        kept.pop()
    while kept and not scored[kept[-1]].prose:  # a heading with nothing under it
        kept.pop()
    return kept


def _opens_marked_section(scored: list[_Scored], kept: list[int], spread: Counter) -> bool:
    """Whether the last kept block is the first paragraph under a heading the page marks (an
    edit link or a date line between them allowed) and the heading speaks the body's
    vocabulary: a section's own text, not a glued-on note under "免责声明"."""
    before = [scored[i].block for i in kept[-3:-1]]
    if len(before) == 2 and before[0].heading and not before[1].heading and len(before[1].text) <= 10:
        heading = before[0]
    elif before and before[-1].heading:
        heading = before[-1]
    else:
        return False
    return any(spread[g] > 1 for g in bigrams(heading.text))


def _entry_lead(scored: list[_Scored], start: int, title: str | None, kept: list[int]) -> list[int]:
    """An encyclopedia entry's lead, when its infobox, contents list or "representative
    works" list stands between it and the sections the main run found: the prose blocks
    before the run that open with the entry's name (蔡某（英文名），1975年出生于……), up to the
    first block that is not prose."""
    head = re.sub(r"\s*[（(].*$", "", title or "").strip()
    if not 2 <= len(head) <= 20 or not kept or kept[0] < start:
        return []
    for i in range(max(0, start - 300), start):
        item = scored[i]
        if item.prose and not item.block.chrome and item.block.text.startswith(head) and not item.block.table_row:
            lead = [i]
            while lead[-1] + 1 < start and scored[lead[-1] + 1].prose and not scored[lead[-1] + 1].block.chrome:
                lead.append(lead[-1] + 1)
            return lead
    return []


def _repeats_title(text: str, title: str | None) -> bool:
    if not title:
        return False
    plain = _COLUMN_TAG.sub("", text).strip()
    return plain == title or (plain.startswith(title) and bool(re.match(r"\s*[_|｜\-–—]", plain[len(title):])))


# --- 3. references ------------------------------------------------------------------------

def _reference_list(scored: list[_Scored], start: int, stop: int) -> tuple[list[str], list[int]]:
    """The first numbered list (1, 2, 3, ...) under a references heading between `start` and
    `stop`. A number standing alone on its line ("[1]") joins the line after it.

    Returns the items and the block indices they came from (heading first)."""
    for head in range(start, min(stop, len(scored))):
        if _REFERENCES_HEADING.match(scored[head].block.text):
            items, used = _numbered_items(scored, head + 1)
            if len(items) >= 2:
                return items, [head] + used
    return [], []


def _numbered_items(scored: list[_Scored], first: int) -> tuple[list[str], list[int]]:
    items, used, i = [], [], first
    while i < len(scored):
        block = scored[i].block
        text = block.text.strip()
        match = _ITEM_NUMBER.match(text)
        if block.ordinal == len(items) + 1 and not match:  # <ol><li>: the number is not in the text
            text = f"{block.ordinal}. {text}"
            match = _ITEM_NUMBER.match(text)
        if not match or int(next(filter(None, match.groups()))) != len(items) + 1:
            break
        rest, taken = text[match.end():].strip(), [i]
        if not rest and i + 1 < len(scored) and not _ITEM_NUMBER.match(scored[i + 1].block.text):
            rest, taken = scored[i + 1].block.text.strip(), [i, i + 1]
            text = f"{text} {rest}"
        if not rest or len(rest) > 400:
            break
        items.append(text)
        used += taken
        i = taken[-1] + 1
    return items, used


# --- 4. metadata --------------------------------------------------------------------------

def _metadata(document: Document, head: list[_Scored], body: list[Block]) -> dict[str, str]:
    """Title, column, author, source and date from the blocks before the body (HTML metadata
    fills what the page text does not say)."""
    meta: dict[str, str] = {}
    title_at = _title_index(head, body)
    labelled = next((m.group(1).strip() for m in map(_LABELLED_TITLE.match, (h.block.text for h in head)) if m), None)
    if labelled:
        meta["title"] = labelled  # "Title: …" / "标题：…": the page says it outright
    elif title_at is not None:
        meta["title"] = head[title_at].block.text.strip()
    elif document.meta.get("title"):
        meta["title"] = _clean_html_title(document.meta["title"], body)
    if "title" in meta:
        column = _COLUMN_TAG.match(meta["title"])
        if column and len(meta["title"]) > column.end():
            meta["column"] = column.group(1)
            meta["title"] = meta["title"][column.end():].strip()
    after_title = head[(title_at + 1 if title_at is not None else 0):]
    for item in after_title[:6] + [_Scored(b, 0, True, False) for b in body[:3]]:
        byline = _read_byline(item.block.text)
        if byline:
            for key, value in byline.items():
                meta.setdefault(key, value)
            break
    for key in ("author", "date", "source"):
        value = document.meta.get(key)
        if key not in meta and value:
            if key == "date":
                meta[key] = _iso_date(value)
            elif key == "author":
                author = _squash_cjk_spaces(re.split(r"[;；,，|]", value)[0].strip())
                if author and not _LABELLED.fullmatch(author + "：") and len(author) <= 30:
                    meta[key] = author
            else:
                meta[key] = value
    return meta


def _title_index(head: list[_Scored], body: list[Block]) -> int | None:
    """The head block most like a title: marked as a heading, near the body, followed by a
    byline, sharing vocabulary with the body; never a breadcrumb or a link."""
    body_grams = set().union(*(bigrams(b.text) for b in body[:20])) if body else set()
    best, best_score = None, 0.0
    window = head[-80:]
    offset = len(head) - len(window)
    for k, item in enumerate(window):
        text = item.block.text.strip()
        if not 2 <= len(text) <= 80 or item.ender or _BREADCRUMB.search(text) or _DATE.search(text):
            continue
        if item.block.link_density > 0.5 or sentence_marks(text) > 2 or _KEYWORDS.match(text):
            continue
        if len(head) == 1 and sentence_marks(text) == 0 and not _read_byline(text):
            return 0  # a text file's one line before the body, with no sentence mark: its title,
            # whatever words it shares with the body (方言不该只躺在录音档案里 shares few)
        grams = bigrams(text)
        overlap = len(grams & body_grams) / len(grams) if grams else 0.0
        score = 2.0 * overlap + (3.0 * min(1.0, 2 * overlap) if item.block.heading else 0.0)
        nearby = window[k + 1:k + 4]
        if any(_DATE.search(n.block.text) or _LABELLED.match(n.block.text) for n in nearby):
            score += 1.5
        score += min(len(text), 30) / 30 - (len(window) - k) * 0.01
        if score > best_score:
            best, best_score = offset + k, score
    return best if best_score >= 1.5 else None


def _clean_html_title(title: str, body: list[Block]) -> str:
    """The part of a page title ("Article _ Channel _ Site") that the body talks about."""
    parts = [p.strip() for p in re.split(r"\s*(?:_|\||｜| - | — )\s*", title) if p.strip()]
    if not parts:
        return title.strip()
    body_grams = set().union(*(bigrams(b.text) for b in body[:20])) if body else set()
    return max(parts, key=lambda p: (len(bigrams(p) & body_grams), len(p)))


def _read_byline(text: str) -> dict[str, str] | None:
    """Date, author and source from a short line such as "张三 · 某某网 2019-07-10 15:20" or
    "By Jane Doe | March 3, 2021"."""
    if len(text) > 100 or "。" in text:
        return None
    english, date = _EN_BYLINE.match(text) or _EN_AUTHOR.match(text), _EN_DATE.search(text)
    if english or (date and len(_EN_DATE.sub("", text).split()) <= 4):  # "Published March 3, 2021"
        found = {"author": english.group(1).strip()} if english else {}
        if date:
            found["date"] = f"{date['y']}-{_MONTHS.index(date['m'][:3].lower()) + 1:02d}-{int(date['d']):02d}"
        return found
    date = _DATE.search(text)
    labelled = dict(_labelled_values(text))
    if not date and not labelled.keys() & {"作者", "来源"}:
        return None
    found: dict[str, str] = {}
    if date:
        found["date"] = _iso(date)
    if labelled.get("作者"):
        found["author"] = labelled["作者"]
    if labelled.get("来源"):
        found["source"] = labelled["来源"]
    rest = _LABELLED.sub(" ", _DATE.sub(" ", re.sub(r"[（(][^）)]*[）)]", " ", text)))
    tokens = [t for t in _SPLIT_BYLINE.split(rest) if t and not re.fullmatch(r"[\d:：\-]+|\W+", t)]
    tokens = [t for t in tokens if t not in labelled.values()]
    if date and not (date["time"] or labelled or tokens):
        return None  # a bare date is a fact of the article (a birthday), not its byline
    before_date = rest[:date.start()] if date else rest
    for token in tokens if not labelled else []:  # labels say it all; don't guess beside them
        if "author" not in found and _NAME.match(token) and token in before_date:
            found["author"] = token  # an unlabelled name comes before the date, as in "张三 · 2019-07-10"
        elif "source" not in found and len(token) >= 2 and not _NAME.match(token) or (
                "source" not in found and "author" in found and len(token) >= 2):
            found["source"] = token
    return found


def _labelled_values(text: str):
    """(label, value) pairs of a byline; a value ends at the next label, so that
    "作者：林晓 来源：校报" gives 林晓, not 林晓来源 once spaces between characters are squashed."""
    matches = list(_LABELLED.finditer(text))
    for match, following in zip(matches, matches[1:] + [None]):
        rest = text[match.end():following.start() if following else len(text)]
        value = re.split(r"[：:，,;；|｜]|\s{2,}|\s(?=\d)", rest.strip(), maxsplit=1)[0].strip()
        squashed = _squash_cjk_spaces(value)
        value = squashed if len(squashed) <= 4 else value.split(" ")[0]
        if value and not re.fullmatch(r"[\d:：\-]+", value):
            yield match.group(1), value


def _squash_cjk_spaces(text: str) -> str:
    """"赵 培" → "赵培": pages space out two-character names."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)


def _iso(match: re.Match) -> str:
    return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"


def _iso_date(value: str) -> str:
    match = _DATE.search(value)
    return _iso(match) if match else value


def _kept_text(scored: list[_Scored], kept: list[int]) -> str:
    return normalise("".join(scored[i].block.text for i in kept))


def _keywords(candidates: list[_Scored], body_text: str) -> list[str]:
    """Keywords from a "关键词:" line before or at the top of the body; words run together are
    split where the body shows them."""
    for item in candidates:
        match = _KEYWORDS.match(item.block.text.strip())
        if match:
            words = [w for w in re.split(r"[\s,，、;；|/]+", match.group(1)) if w]
            return [part for word in words for part in _split_run_together(word, body_text)]
    return []


def _split_run_together(word: str, body_text: str) -> list[str]:
    """Split "互联网技术智能科技" into the longest pieces that occur in the body."""
    if len(word) <= 4 or word in body_text:
        return [word]
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end - start > 2 and word[start:end] not in body_text:
            end -= 1
        pieces.append(word[start:end])
        start = end
    return pieces
