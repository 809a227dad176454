"""Questions a teacher would accept: on the bundled article, a short passage and the page fixtures."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from quizgen.check import CLOZE, check_quiz
from quizgen.model import BLANK
from quizgen.pipeline import build_quiz
from quizgen.settings import GenerateSettings, Settings
from quizgen.terms import FUNCTION_WORDS

from conftest import ROOT
from pages import PAGES
from quiz_rules import (assert_blanks_are_whole_words_with_context, assert_few_questions_only_ask_who_said_it,
                        assert_no_term_only_inside_a_longer_one, who_said_it)

from conftest import AT_LEAST_ONE_ARGS
from quizgen.settings import GenerateSettings as _GS, Settings as _S

AT_LEAST_ONE = _S(generate=_GS(min_questions=1))  # a test of reading: one question at least, as --at-least 1

SECOND_SECTION_POINTS = {
    "告别对平台的迷恋,回归金融和实体本身。": ("平台", "实体", "金融"),
    "告别对互联网技术的依赖,金融行业需要新动力源泉。": ("互联网技术", "动力源泉"),
    "改变以收割用户为主打的盈利模式,互联网金融需要将盈利模式进行深度下沉。": ("盈利模式", "深度"),
}
FURNITURE = ["首页", "专栏", "阅读:", "关键词", "资讯排行", "耗时", "相关文章", "用户评论", "游客", "专题推荐",
             "零壹智库", "金融毛细血管", "48h"]


def asked(quiz: dict, sentence: str) -> bool:
    """A sentence is asked when a question on it blanks its key term or offers it as the right option."""
    claim = sentence.rstrip("。")
    for q in quiz["questions"]:
        if q["type"] == "cloze" and q["source"] == sentence and q["answers"]:
            return True
        if q["type"] == "choice" and q["options"][q["correct"]] == claim:
            return True
    return False


def test_bundled_size_and_kinds(quiz, quiz_more):
    """A quiz, not a dump: the choice items that pass the gates, every section; blanks only when
    a teacher asks for more (raters kept 2 of 15 blanks against 19 of 27 choice items)."""
    assert 5 <= len(quiz["questions"]) <= 22  # only what passes the gates: far fewer than the 40 of old
    kinds = Counter(q["type"] for q in quiz["questions"])
    assert kinds["cloze"] == 0 and kinds["choice"] >= 5
    skills = Counter(q["skill"] for q in quiz["questions"])
    assert skills["thesis"] >= 1 and skills["structure"] >= 1 and skills["statement"] >= 1 and skills["reason"] >= 1  # one section item: rate97
    assert len(quiz_more["questions"]) == 14 and Counter(q["type"] for q in quiz_more["questions"])["cloze"] >= 1
    assert {q["section"] for q in quiz["questions"]} >= {"s1", "s2"}  # every headed section asked


def test_bundled_points_thesis_and_technologies_are_asked(quiz, quiz_more):
    """The central claim, each point of the second section (the key of a question, or one of
    the section's points a "which is NOT" question lists), and the technologies it names: by
    default as "which is not among the technologies listed", the key the technology the author
    sets against them (互联网技术), so a reader must follow the argument, not recognise a word."""
    not_options = {o for q in quiz["questions"] if q["skill"] == "structure" and q["section"] == "s2"
                   and "不是" in q["stem"] for o in q["options"]}
    for point in SECOND_SECTION_POINTS:
        assert asked(quiz, point) or point.rstrip("。") in not_options, point
    thesis = quiz["article"]["thesis"]
    assert thesis.endswith("或许才是互联网金融下一步进化的关键。")
    on_thesis = [q for q in quiz["questions"] if q["skill"] == "thesis" and q["source"] == thesis]
    assert on_thesis and all(q["options"][q["correct"]] in thesis for q in on_thesis if q["type"] == "choice")
    technologies = ("大数据", "智能科技", "区块链")
    for asked_quiz in (quiz, quiz_more):
        on_them = [q for q in asked_quiz["questions"] if all(t in q["source"] for t in technologies)]
        assert on_them, "the technologies the author names are not asked"
        listed = [q for q in on_them if q["type"] == "choice" and set(technologies) <= set(q["options"])]
        assert len(listed) == 1, on_them
        key = listed[0]["options"][listed[0]["correct"]]
        assert key == "互联网技术" and key not in listed[0]["stem"] and not any(t in listed[0]["stem"] for t in technologies)
        assert "互联网技术" in listed[0]["explanations"][listed[0]["correct"]]


def test_no_everyday_word_is_an_answer(quiz_more):
    from quizgen.frequency import EVERYDAY, zipf

    keys = [a for q in quiz_more["questions"] for a in q.get("answers", [])]
    keys += [q["options"][q["correct"]] for q in quiz_more["questions"] if q["type"] == "choice" and "____" in q["stem"]]
    assert keys and all(zipf(k) < EVERYDAY for k in keys), [(k, zipf(k)) for k in keys]
    assert len(keys) == len(set(keys))  # each answer asked once


def test_no_question_shows_another_questions_answer(quiz):
    from quizgen.generate import visible
    from quizgen.model import Question, QuestionType, Skill

    questions = [Question(**{**q, "type": QuestionType(q["type"]), "skill": Skill(q["skill"])}) for q in quiz["questions"]]
    for q in questions:
        if q.type is QuestionType.CLOZE or BLANK in (q.stem or ""):
            answers = q.answers or [q.options[q.correct]]
            for other in questions:
                if other.id != q.id:
                    assert not any(a in visible(other) for a in answers), (q.id, answers, other.id)


def test_bundled_section_question_offers_a_point_against_other_sections(quiz):
    """At most one question per headed section: with fewer than three points "which point does it
    make" (its key a point of the section, its distractors points of other sections), with three
    or more "which is not" (three of its points and a point of another section), never both:
    their options would give each other away. Nor two sections' items where one's key is the
    other's option (rate97): the bundled article's two sections share their points, so only the
    section carrying the thesis (回归金融和实体) is asked."""
    structure = [q for q in quiz["questions"] if q["skill"] == "structure"]
    assert [q["section"] for q in structure] == ["s2"]
    for section in quiz["article"]["sections"]:
        if not section["title"] or not section["points"]:
            continue
        points = {p.rstrip("。") for p in section["points"]}
        others = {p.rstrip("。") for s in quiz["article"]["sections"] if s["id"] != section["id"] for p in s["points"]}
        asked = [q for q in structure if q["section"] == section["id"]]
        if not asked:
            continue
        question = asked[0]
        key = question["options"][question["correct"]]
        wrong = {o for i, o in enumerate(question["options"]) if i != question["correct"]}
        if len(points) >= 3:
            assert "不是" in question["stem"] and key in others and wrong <= points
        else:
            assert "不是" not in question["stem"] and key in points and wrong <= others


def test_no_furniture_in_any_question(quiz):
    for q in quiz["questions"]:
        text = json.dumps(q, ensure_ascii=False)
        for noise in FURNITURE:
            assert noise not in text, (q["id"], noise)


def test_answers_are_content_terms_never_visible_elsewhere(quiz):
    for q in quiz["questions"]:
        if q["type"] == "cloze":
            visible = CLOZE.sub("", q["text"])
            for answer in q["answers"]:
                assert len(answer) >= 2 and answer not in FUNCTION_WORDS and answer not in visible
            restored = CLOZE.sub(lambda m: m.group(2), q["text"])
            assert restored.strip("…") in q["source"]  # a long sentence is cut to its clauses with ……
        else:
            answer = q["options"][q["correct"]]
            assert len(set(q["options"])) == 4
            if "____" in q["stem"]:
                assert all(answer not in o and o not in answer for o in q["options"] if o != answer)
                assert q["stem"].replace("____", answer).strip("…") in q["source"]


def test_correct_positions_balanced_and_not_the_longest(quiz):
    choices = [q for q in quiz["questions"] if q["type"] == "choice"]
    positions = Counter(q["correct"] for q in choices)
    assert set(positions) == {0, 1, 2, 3}
    assert max(positions.values()) - min(positions.values()) <= 2
    longest = sum(len(q["options"][q["correct"]]) > max(len(o) for i, o in enumerate(q["options"]) if i != q["correct"])
                  for q in choices)
    assert longest <= 0.25 * len(choices) + 1


def test_quiz_checks_clean(quiz):
    assert [p for p in check_quiz(quiz) if p.severity == "error"] == []


def test_same_seed_same_quiz_other_seed_another_variant(bundled, quiz):
    again = build_quiz(bundled).to_dict()
    assert again == quiz
    other = build_quiz(bundled, settings=Settings(generate=GenerateSettings(seed=7))).to_dict()
    assert other["questions"] != quiz["questions"]
    same_ids = {q["id"] for q in other["questions"]} & {q["id"] for q in quiz["questions"]}
    assert len(same_ids) >= len(quiz["questions"]) // 2  # ids come from content, not from draws


def test_short_passage_gets_a_few_questions():
    quiz = build_quiz(ROOT / "tests" / "fixtures" / "short-passage.txt", settings=AT_LEAST_ONE).to_dict()
    assert len(quiz["questions"]) >= 1  # 200 characters: what passes the gates, never a refusal
    assert [p for p in check_quiz(quiz) if p.severity == "error"] == []


@pytest.mark.parametrize("form", ["page", "text"])
@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_every_page_fixture_gets_a_clean_quiz(page, form, page_quizzes, tmp_path):
    """Each page fixture, as saved and as its article alone in plain text, gets a quiz of
    reasonable size that passes the quality gate, and no question quotes the furniture."""
    if form == "page":
        quiz = page_quizzes[page.name][1]
    else:
        path = tmp_path / f"{page.id}.txt"
        path.write_text(page.clean_text(), encoding="utf-8")
        quiz = build_quiz(path, settings=AT_LEAST_ONE).to_dict()
    assert len(quiz["questions"]) >= 1  # what passes the gates: valid text is never refused
    errors = [p for p in check_quiz(quiz) if p.severity == "error"]
    assert errors == [], errors[:3]
    sources = [q["source"] for q in quiz["questions"]]
    for line in (line for line in page.furniture if len(line) >= 4):  # 首页 may well be in a sentence
        assert not any(line in source for source in sources), line


def test_no_term_is_only_ever_part_of_a_longer_term(page_quizzes):
    for name, (article, _) in page_quizzes.items():
        assert_no_term_only_inside_a_longer_one(name, article)


def test_blanks_are_whole_words_with_context_on_both_sides(page_quizzes):
    for name, (_, quiz) in page_quizzes.items():
        assert_blanks_are_whole_words_with_context(name, quiz)


def test_few_questions_only_ask_who_said_it(page_quizzes):
    for name, (article, quiz) in page_quizzes.items():
        assert_few_questions_only_ask_who_said_it(name, article, quiz)
    article, quiz = page_quizzes["night-market.gbk.html"]  # a news item quoting five people by name
    assert {"刘建华", "吴海", "孙海涛", "林国栋", "陈志强"} <= {t.text for t in article.terms if t.kind == "name"}
    details, asked = who_said_it(article, quiz)
    assert quiz["questions"] and not asked  # what was said is asked, never who said it


def test_a_quote_heavy_report_does_not_turn_into_who_said_it(tmp_path):
    people = ["王建国", "李晓梅", "陈志强", "赵丽华"]
    topics = ["社区图书馆延长了开放时间，周末也有志愿者值守", "老旧小区加装电梯的申请流程已经简化",
              "垃圾分类投放点增加了夜间照明和洗手池", "公交线路调整后，居民到医院的换乘次数减少",
              "菜市场改造保留了原有摊位，租金三年不涨", "社区食堂为独居老人提供送餐上门服务"]
    paragraphs = [f"{people[i % 4]}说，{topics[i % 6]}，这项变化得到了居民的普遍认可。"
                  f"{people[i % 4]}还表示，相关部门会继续听取意见，及时改进服务。" for i in range(12)]
    path = tmp_path / "report.txt"
    path.write_text("社区服务的新变化\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    quiz = build_quiz(path, settings=AT_LEAST_ONE).to_dict()
    details = [q for q in quiz["questions"] if q["skill"] == "detail"]
    asked = [q for q in details if set(q.get("answers") or [q["options"][q["correct"]]]) & set(people)]
    assert quiz["questions"] and len(asked) <= max(1, len(details) // 4)
    for question in (q for q in quiz["questions"] if q["skill"] == "statement"):  # nor who said it, changed
        assert sum(bool(re.search("|".join(people), n.split("原文是")[-1][:6])) for n in question["explanations"][1:]
                   if "原文是" in n) <= 1


@pytest.mark.parametrize("word, expected", [("IT", True), ("NASA", True), ("Be", False), ("the", False), ("us", False)])
def test_latin_words_in_chinese_text(word, expected):
    """Acronyms are terms; English function words are not, whatever their capitals."""
    from quizgen.terms import is_term_word

    assert is_term_word(word, "eng") is expected


def test_blanks_prefer_content_to_the_speaker(tmp_path):
    """In "X认为，……" the blank goes to what was said when a key term is there to ask."""
    people = ["王建国", "李晓梅", "陈志强", "赵丽华", "孙海涛", "周文静"]
    topics = ["菜品价格", "营业时间", "卫生条件", "送餐范围", "用餐环境", "志愿服务"]
    paragraphs = [f"{person}认为，社区食堂的{topic}是这项服务能否持续的关键。"
                  f"居民对{topic}提了很多建议，{person}表示会逐条改进。"
                  for person, topic in zip(people * 2, topics + topics[::-1])]
    path = tmp_path / "canteen.txt"
    path.write_text("社区食堂的新变化\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    quiz = build_quiz(path, settings=AT_LEAST_ONE).to_dict()
    on_opinions = [q for q in quiz["questions"] if "认为" in q["source"]]
    assert len(on_opinions) >= 1
    keys = [set(q.get("answers") or [q["options"][q["correct"]]]) for q in on_opinions]
    assert all(not k & set(people) for k in keys), keys


@pytest.mark.parametrize("title, asks", [
    ("风口与挑战并存,互联网金融如何蜕变新生?", True), ("Why do cities plant trees?", True),
    ("除了涨价，行业还有其他选择吗？", False), ("Is shade the key benefit?", False), ("社区参与的经验", False),
])
def test_only_open_questions_in_headings_are_asked_as_questions(title, asks):
    from quizgen.generate import open_question as _open_question

    assert _open_question(title) is asks


def test_a_dictionary_noun_used_as_a_verb_gets_no_noun_distractors():
    """jieba's dictionary calls 全面 a noun; an article that writes 要全面推进 uses it as an
    adverb, so it must not be offered among nouns (or be given nouns as distractors)."""
    from quizgen.terms import extract_terms, tag

    sentences = ["各地要全面推进老旧小区改造，把加装电梯作为重点。", "今年将全面落实社区养老服务的各项政策。",
                 "社区食堂的菜品价格保持稳定，居民的满意度明显提高。", "这项政策的实施离不开社区干部的耐心工作。"]
    kinds = {t.text: t.kind for t in extract_terms(tag(sentences), boosts={}, keywords=[])}
    assert kinds["全面"] == "verb"
    assert kinds["政策"] == "noun" and kinds["电梯"] == "noun"


@pytest.mark.parametrize("sentence, span, inside", [
    ("记者从市防汛防台抗旱指挥部获悉，台风已加强。", "防汛防台", True),  # the middle of an office's name
    ("记者从市防汛防台抗旱指挥部获悉，台风已加强。", "指挥部", True),
    ("全市长潭、牛头山等大中型水库已预泄腾库。", "大中型水库", False),
])
def test_a_blank_never_cuts_an_offices_name(sentence, span, inside):
    from quizgen.generate import _inside_name
    from quizgen.generate.spans import Span

    start = sentence.index(span)
    found = Span(span, start, start + len(span), "noun", 1.0)
    assert _inside_name(sentence, found) is inside


@pytest.mark.parametrize("text, kind", [
    ("两千年", "number:年"), ("数百年", "number:年"), ("三年", "number:年"),  # lengths of time
    ("1584年", "date:year"), ("一九八五年", "date:year"),  # years
])
def test_a_length_of_time_is_asked_beside_lengths_not_years(text, kind):
    """探索了将近____ with 两千年 as key and 1605年, 1584年 as distractors: a length among
    years is found without reading (rate80)."""
    from quizgen.generate.spans import _fact_kind

    assert _fact_kind("date", text) == kind


def test_no_blank_in_a_sentence_that_opens_on_a_run_in_heading():
    """What is not allowed: animals with ____: the guide's heading is page furniture in a stem (rate87)."""
    from quizgen.generate import _RUN_IN

    assert _RUN_IN.match("What is not allowed: animals with backbones, such as fish or frogs.")
    assert _RUN_IN.match("注意事项：请勿携带活体动物参赛。")
    assert not _RUN_IN.match("专家说：这种做法并不可取。") and not _RUN_IN.match("In 2014, two researchers found it.")
