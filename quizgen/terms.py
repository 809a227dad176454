"""Key terms of a Chinese article: jieba words and POS tags, plus the compounds the
dictionary splits (互联网/金融, 区块/链), ranked by their weight in this article.

Term discovery, each a small function over the tagged sentences:
- adjacent-token statistics: content tokens that keep occurring side by side in this article;
- enumerations (A、B、C等): each item is a term even when it occurs once;
- quoted terms (“…”), and the page's own keywords.
Weight: TF-IDF against jieba's IDF table, raised for terms in the title, headings and points
and for terms met early.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cache import marshal_cached
from .model import Term

# POS tags (jieba's ICTCLAS set) → the coarse kind distractors are matched on.
_KIND = {"n": "noun", "nz": "noun", "ng": "noun", "vn": "noun", "an": "noun", "j": "noun",
         "nr": "name", "nrfg": "name", "nrt": "name", "ns": "place", "nt": "org",
         "eng": "latin", "i": "idiom", "l": "idiom", "v": "verb", "m": "number"}
_CONTENT = {"n", "nz", "ng", "vn", "an", "j", "nr", "nrfg", "nrt", "ns", "nt", "eng", "i", "l"}
_JOINABLE = _CONTENT | {"a", "b"}
FUNCTION_WORDS = set(
    "我们 你们 他们 它们 自己 这个 那个 这些 那些 这种 那种 这样 那样 其中 其他 其它 本身 一个 一些 一种 "
    "开始 进行 出现 成为 需要 没有 可以 已经 不断 仅仅 只是 仅仅只是 越来越 所谓 之后 之前 时候 时刻 当中 方面 "
    "问题 情况 过程 方式 东西 事情 部分 内容 作用 角度 时代 领域 地方 结果 原因 方法 工作 目前 现在 今天 "
    "表示 认为 指出 提出 通过 实现 包括 作为 具有 来说 看到 发现 能够 应该 必须 可能 因为 所以 但是 然而 "
    "如果 虽然 而且 并且 以及 或者 还是 就是 不是 也是 都是 一样 同样 非常 更加 十分 特别 已然 "
    "不可否认 可以预见 毫无疑问 总而言之 先生 小姐 女士 记者 坦言 表示 介绍 透露 称 说".split())


def _both_scripts(words: set[str]) -> set[str]:
    """The words in Simplified and in Traditional characters (我们 and 我們): the lists here are
    written in Simplified, the article's words are compared in its own script."""
    from .frequency import traditional

    return words | {traditional(w) for w in words}


FUNCTION_WORDS = _both_scripts(FUNCTION_WORDS)
_QUOTED = re.compile(r"[“\"「『]([^”\"」』，。,.!?！？、\s]{2,8})[”\"」』]")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*$")


@lru_cache(maxsize=4)
def load_jieba(user_dict: str | None = None):
    """Import jieba once per process (its dictionary load is the cost), optionally with a
    user dictionary in jieba's format."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    if user_dict:
        jieba.load_userdict(user_dict)
    return jieba.posseg, idf_table()


@dataclass(frozen=True)
class IdfTable:
    idf_freq: dict[str, float]
    median_idf: float


@lru_cache(maxsize=1)
def idf_table() -> IdfTable:
    """jieba's IDF table (the one jieba.analyse uses), parsed once and cached as marshal
    beside jieba's own dictionary cache: parsing the text file costs a quarter second a run."""
    import jieba

    source = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    stat = source.stat()

    def parse() -> dict[str, float]:
        freq = {}
        for line in source.read_text(encoding="utf-8").splitlines():
            word, _, value = line.strip().partition(" ")
            if value:
                freq[word] = float(value)
        return freq

    freq = marshal_cached(f"idf-{stat.st_size}-{int(stat.st_mtime)}", parse)
    values = sorted(freq.values())
    return IdfTable(idf_freq=freq, median_idf=values[len(values) // 2] if values else 10.0)


def dictionary_count(word: str) -> int:
    """How often jieba's dictionary has seen the word as one word (0: not a dictionary word)."""
    load_jieba()
    import jieba

    return jieba.dt.FREQ.get(word, 0) or jieba.dt.FREQ.get(_simplified(word), 0) or 0


def tag(sentences: list[str], *, user_dict: str | None = None) -> list[list[tuple[str, str]]]:
    """jieba (word, POS) pairs for each sentence (cached: stages tag the same sentences)."""
    return [list(_tag_one(s, user_dict)) for s in sentences]


@lru_cache(maxsize=20000)
def _tag_one(sentence: str, user_dict: str | None) -> tuple[tuple[str, str], ...]:
    """jieba's pairs for the sentence. Traditional characters are tagged through their
    Simplified forms (one character for one, so the words map back by position): jieba's
    dictionary and HMM know Simplified, and on Traditional text its tagger is both wrong and
    about fifty times slower."""
    posseg, _ = load_jieba(user_dict)
    simplified = _simplified(sentence)
    pairs, at = [], 0
    for p in posseg.lcut(simplified):
        pairs.append((sentence[at:at + len(p.word)], p.flag))
        at += len(p.word)
    return tuple(pairs)


def _simplified(text: str) -> str:
    from .frequency import simplified

    converted = simplified(text)
    return converted if len(converted) == len(text) else text


def is_term_word(word: str, flag: str) -> bool:
    """A word a question may ask about: a content word of two or more characters."""
    if len(word) < 2 or word in FUNCTION_WORDS or not flag:
        return False
    if flag == "eng":  # an acronym (NASA) or a word, never an English function word (Be, the)
        from .english import FUNCTION_WORDS_EN

        acronym = word.isupper()  # IT and US are acronyms, it and us are not
        return bool(_LATIN.match(word)) and (acronym or len(word) >= 3 and word.lower() not in FUNCTION_WORDS_EN)
    if flag in {"i", "l"} and len(word) < 4:
        return False  # a short set phrase (不为过) is a predicate, not a term
    return flag in _CONTENT or flag[0] == "n"


def extract_terms(tagged: list[list[tuple[str, str]]], *, boosts: dict[str, float],
                  keywords: list[str], user_dict: str | None = None, limit: int = 60) -> list[Term]:
    """Rank the article's key terms.

    Args:
        tagged: jieba pairs per sentence, in article order.
        boosts: weight multipliers for text where a term counts more (title, headings, points).
        keywords: the page's own keywords.
    """
    if not tagged:
        return []
    _, tfidf = load_jieba(user_dict)
    text = "\n".join("".join(w for w, _ in sent) for sent in tagged)
    candidates: dict[str, str] = {}
    for sent in tagged:
        for word, flag in sent:
            if is_term_word(word, flag):
                candidates.setdefault(word, _KIND.get(flag, "noun" if flag[0] == "n" else flag))
    for word in _compounds(tagged) + _enumerated(tagged) + _quoted(text) + keywords:
        if 2 <= len(word) <= 10 and word not in FUNCTION_WORDS and word in text:
            candidates.setdefault(word, _phrase_kind(word, text))
    counts = {word: text.count(word) for word in candidates}
    fragments = _fragments(counts)
    candidates = {w: k for w, k in candidates.items() if w not in fragments
                  and not (k == "name" and counts[w] < 2 and not _named(text, w))}  # a one-off "name" is mostly a mis-tag
    for word, kind in _used_as_verbs(tagged, candidates):
        candidates[word] = kind
    terms = [_weigh(word, kind, counts[word], text, tfidf, boosts, keywords) for word, kind in candidates.items()]
    terms.sort(key=lambda t: (-t.weight, t.text))
    return terms[:limit]


_BEFORE_VERB = _both_scripts(set("要 将 会 能 应 可 不 没 已 正 都 也 就 才 还 再 又 须 需 便 均 "
                                 "我 你 他 她 它 我们 你们 他们 她们 它们 大家".split()))  # modals, adverbs, pronouns
_NAMES = {"nr", "ns", "nt", "nz", "nrt", "nrfg"}  # a one-character token of these opens a longer name
_BEFORE_NOUN = _both_scripts(set("的 个 种 些 项 类 位 名 家 之".split()))


_NAMING = re.compile(r"(?:俗称|又称|简称|也称|亦称|别称|通称|称为|叫做|叫作|名为)[叫为作是]?[“「『]?$")


def _named(text: str, word: str) -> bool:
    """Whether the article gives the word as a name (俗称叫铁金刚, 又称……): a term even once."""
    at = text.find(word)
    return at > 0 and bool(_NAMING.search(_simplified(text[max(0, at - 5):at])))


def _used_as_verbs(tagged: list[list[tuple[str, str]]], candidates: dict[str, str]):
    """(word, "verb") for each one-token "noun" that the article uses as a verb or adverb:
    jieba's dictionary tags 全面 and 染指 as nouns, but 要全面掀起 and 禁止他们染指 show
    otherwise. The word before decides each use: 的, a measure word, a number, an adjective
    or a noun before a noun; a modal, an adverb or a personal pronoun before a verb."""
    votes: dict[str, list[int]] = {}
    for sent in tagged:
        for (before, flag), (word, _) in zip([("", "x")] + sent, sent):
            if candidates.get(word) != "noun":
                continue
            tally = votes.setdefault(word, [0, 0])
            if before in _BEFORE_NOUN or flag[:1] in {"m", "q", "a", "n"}:
                tally[0] += 1
            elif before in _BEFORE_VERB:
                tally[1] += 1
    return [(word, "verb") for word, (noun, verb) in votes.items() if verb > noun]


def _phrase_kind(phrase: str, text: str) -> str:
    """A found phrase is a noun unless it opens with a verb that the article uses as one:
    需要突破瓶颈 is a verb and its object, 的发展模式 a noun. The words before each use vote,
    as in `_used_as_verbs`."""
    tokens = _tag_one(phrase, None)
    if len(tokens) < 2:
        return "verb" if tokens and tokens[0][1] in {"v", "vd", "d", "a", "ad"} else "noun"
    if tokens[0][1][:1] not in {"v", "d", "p"}:
        return "verb" if any(f == "v" for _, f in tokens[1:]) else "noun"
    if tokens[0][1] in {"v", "vd", "d", "p"} or any(f == "v" for _, f in tokens[1:]):
        return "verb"  # a verb inside (所有|行使|公权力) makes it a clause, not a name for a thing
    noun = verb = 0
    for match in re.finditer(re.escape(phrase), text):
        before = text[max(0, match.start() - 2):match.start()]
        if before[-1:] in _BEFORE_NOUN:
            noun += 1
        elif before[-1:] in _BEFORE_VERB or before in _BEFORE_VERB:
            verb += 1
    return "verb" if verb > noun else "noun"


def _fragments(counts: dict[str, int]) -> set[str]:
    """The words met only inside a longer candidate (霍尔茨 inside 席尔霍尔茨): that term's
    part, never a term, an answer or a distractor of its own. `counts`: each candidate's
    occurrences in the article. The longer candidates are searched as one joined string, so
    the cost grows with their total length, not with the square of their number."""
    words = list(counts)
    joined = "\x00".join(words)
    starts = [0]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word) + 1)
    found = set()
    for word in words:
        at = joined.find(word)
        while at >= 0:
            other = words[bisect.bisect_right(starts, at) - 1]
            if len(other) > len(word) and counts[other] == counts[word]:
                found.add(word)
                break
            at = joined.find(word, at + 1)
    return found


def _weigh(word: str, kind: str, count: int, text: str, tfidf, boosts: dict[str, float], keywords) -> Term:
    idf = tfidf.idf_freq.get(word, tfidf.idf_freq.get(_simplified(word)))  # a Traditional word by its Simplified form
    if idf is None:  # a compound jieba does not know: as rare as its rarest part
        parts = [p for p, _ in _tag_one(word, None) if p != word]
        idf = max((tfidf.idf_freq.get(p, tfidf.median_idf) for p in parts), default=tfidf.median_idf)
        idf = idf + 1.0 if len(parts) > 1 else idf
    weight = math.log1p(count) * idf * (1 + 0.15 * min(len(word), 6))
    for where, factor in boosts.items():
        if word in where:
            weight *= factor
    if word in keywords:
        weight *= 1.5
    first = text.find(word) / max(1, len(text))
    weight *= 1.2 - 0.2 * first
    return Term(text=word, weight=round(weight, 4), kind=kind, count=count)


def _compounds(tagged: list[list[tuple[str, str]]]) -> list[str]:
    """Runs of 2–3 adjacent tokens that occur together repeatedly and cohesively."""
    unigrams: Counter[str] = Counter()
    runs: Counter[tuple[str, ...]] = Counter()
    verb_heads: dict[tuple[str, ...], bool] = {}
    neighbours: dict[tuple[str, ...], tuple[Counter, Counter]] = {}
    for sent in tagged:
        unigrams.update(w for w, _ in sent)
        for n in (2, 3):
            for i in range(len(sent) - n + 1):
                window = sent[i:i + n]
                if _joinable(window):
                    words = tuple(w for w, _ in window)
                    runs[words] += 1
                    verb_heads[words] = window[-1][1] == "v" or window[0][1] == "v"
                    left, right = neighbours.setdefault(words, (Counter(), Counter()))
                    left[_content_neighbour(sent, i - 1)] += 1
                    right[_content_neighbour(sent, i + n)] += 1
    found = []
    for words, count in runs.items():
        joined = "".join(words)
        if count < 2 or not 3 <= len(joined) <= 8:
            continue
        cohesion = count / min(unigrams[words[0]], unigrams[words[-1]])
        verb_headed = verb_heads[words]
        if not _closed(neighbours[words], count):
            continue  # always glued to the same neighbour: part of a longer term (充电|宝行业)
        if cohesion >= (0.6 if verb_headed else 0.3) and (count >= 3 or not verb_headed):
            found.append(joined)
    return found


def _content_neighbour(sent: list[tuple[str, str]], i: int) -> str:
    """The neighbouring token when it could extend a term, else "" (punctuation, particles)."""
    if not 0 <= i < len(sent):
        return ""
    word, flag = sent[i]
    if flag[:1] in {"u", "x", "p", "c", "d", "r", "m", "q", "y", "e", "o", "w"} or word in FUNCTION_WORDS:
        return ""
    return word


def _closed(sides: tuple[Counter, Counter], count: int) -> bool:
    """A unit whose occurrences do not all share one extending neighbour on either side."""
    for side in sides:
        word, seen = side.most_common(1)[0]
        if word and seen >= max(2, 0.8 * count):
            return False
    return True


def _joinable(window: list[tuple[str, str]]) -> bool:
    words = [w for w, _ in window]
    if len(words[0]) == 1 and window[0][1] not in {"a", "b"}:
        return False  # a single character opening a "compound" is the tail of another word (充电|宝)
    if any(w in FUNCTION_WORDS or not re.match(r"^[\u4e00-\u9fffA-Za-z0-9]+$", w) for w in words):
        return False
    flags = [f for _, f in window]
    if not all(f in _JOINABLE or f[0] == "n" for f in flags[:-1]):
        return False
    if len(words[-1]) == 1 and flags[-1] == "v":
        return False  # 企业|要: a modal verb, not a head
    head = flags[-1]  # a Chinese compound ends in its head: a noun or a nominal verb
    return head[0] == "n" or head in {"vn", "eng", "j", "v"}


def _enumerated(tagged: list[list[tuple[str, str]]]) -> list[str]:
    """Items of enumerations such as 大数据、智能科技、区块链等: the content run on each side
    of every 、."""
    found = []
    for sent in tagged:
        for i, (word, _) in enumerate(sent):
            if word != "、":
                continue
            found.append(_content_run(sent, i - 1, -1))
            found.append(_content_run(sent, i + 1, +1))
    return [f for f in found if f]


def _content_run(sent: list[tuple[str, str]], start: int, step: int) -> str:
    words = []
    i = start
    while 0 <= i < len(sent) and len(words) < 3:
        word, flag = sent[i]
        if not (flag in _JOINABLE or flag[0] == "n") or word in FUNCTION_WORDS:
            break
        words.append(word)
        i += step
    if step < 0:
        words.reverse()
    joined = "".join(words)
    return joined if 2 <= len(joined) <= 8 else ""


def _quoted(text: str) -> list[str]:
    return _QUOTED.findall(text)


def stands_alone(sentence: str, word: str) -> bool:
    """Every occurrence of the word is whole jieba words, not glued to a noun or a suffix that
    would make a longer word (互联网金融|行业, 平台|型)."""
    tokens = tag([sentence])[0]
    starts, ends, position = {}, {}, 0
    for index, (token, flag) in enumerate(tokens):
        starts[position] = index
        position += len(token)
        ends[position] = index
    at = sentence.find(word)
    while at >= 0:
        end = at + len(word)
        if at not in starts or end not in ends:
            return False
        after = tokens[ends[end] + 1] if ends[end] + 1 < len(tokens) else ("", "x")
        before = tokens[starts[at] - 1] if starts[at] > 0 else ("", "x")
        if after[1][:1] in {"n", "k"} or before[1][:1] == "n" and (len(before[0]) > 1 or before[1] in _NAMES):
            return False  # glued to a noun, to a suffix (平台|型, 现代|化), or inside a name (云|溪河)
        at = sentence.find(word, end)
    return True
