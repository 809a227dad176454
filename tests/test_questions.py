"""Questions a teacher would accept: on the bundled article, a short passage and the page fixtures."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from quizgen.check import CLOZE, check_quiz
from quizgen.pipeline import build_quiz
from quizgen.settings import GenerateSettings, Settings
from quizgen.terms import FUNCTION_WORDS

from conftest import ROOT
from pages import PAGES
from quiz_rules import (assert_blanks_are_whole_words_with_context, assert_few_questions_only_ask_who_said_it,
                        assert_no_term_only_inside_a_longer_one, who_said_it)

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


def test_bundled_size_and_kinds(quiz):
    assert 15 <= len(quiz["questions"]) <= 40
    kinds = Counter(q["type"] for q in quiz["questions"])
    assert kinds["cloze"] >= 5 and kinds["choice"] >= 5
    skills = Counter(q["skill"] for q in quiz["questions"])
    assert skills["thesis"] >= 2 and skills["structure"] >= 2
    assert {q["section"] for q in quiz["questions"]} >= {"s1", "s2"}  # every headed section asked


def test_bundled_points_and_thesis_are_asked(quiz):
    for point, terms in SECOND_SECTION_POINTS.items():
        assert asked(quiz, point), point
        cloze = [q for q in quiz["questions"] if q["type"] == "cloze" and q["source"] == point]
        assert cloze and set(cloze[0]["answers"]) & set(terms)
    thesis = quiz["article"]["thesis"]
    assert thesis.endswith("或许才是互联网金融下一步进化的关键。")
    assert any(q["type"] == "cloze" and q["source"] == thesis for q in quiz["questions"])
    assert any(q["type"] == "choice" and q["options"][q["correct"]] == thesis.rstrip("。") for q in quiz["questions"])


def test_bundled_section_question_offers_a_point_against_other_sections(quiz):
    second = next(s for s in quiz["article"]["sections"] if s["id"] == "s2")
    others = {p.rstrip("。") for s in quiz["article"]["sections"] if s["id"] != "s2" for p in s["points"]}
    questions = [q for q in quiz["questions"] if q["skill"] == "structure" and q["section"] == "s2"
                 and "不是" not in q["stem"]]
    assert len(questions) == len(second["points"])
    for q in questions:
        wrong = [o for i, o in enumerate(q["options"]) if i != q["correct"]]
        assert q["options"][q["correct"]] + "。" in second["points"]
        assert set(wrong) <= others | {quiz["article"]["thesis"].rstrip("。")}
    negative = [q for q in quiz["questions"] if q["skill"] == "structure" and "不是" in q["stem"] and q["section"] == "s2"]
    assert negative and negative[0]["options"][negative[0]["correct"]] + "。" not in second["points"]


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
            assert restored == q["source"]
        else:
            answer = q["options"][q["correct"]]
            assert len(set(q["options"])) == 4
            if "____" in q["stem"]:
                assert all(answer not in o and o not in answer for o in q["options"] if o != answer)
                assert q["stem"].replace("____", answer) == q["source"]


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
    quiz = build_quiz(ROOT / "tests" / "fixtures" / "short-passage.txt").to_dict()
    assert len(quiz["questions"]) >= 3
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
        quiz = build_quiz(path).to_dict()
    assert len(quiz["questions"]) >= 5
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
    assert len(details) >= 15 and len(asked) <= 2  # content is asked before the speaker whenever it can be


def test_a_quote_heavy_report_does_not_turn_into_who_said_it(tmp_path):
    people = ["王建国", "李晓梅", "陈志强", "赵丽华"]
    topics = ["社区图书馆延长了开放时间，周末也有志愿者值守", "老旧小区加装电梯的申请流程已经简化",
              "垃圾分类投放点增加了夜间照明和洗手池", "公交线路调整后，居民到医院的换乘次数减少",
              "菜市场改造保留了原有摊位，租金三年不涨", "社区食堂为独居老人提供送餐上门服务"]
    paragraphs = [f"{people[i % 4]}说，{topics[i % 6]}，这项变化得到了居民的普遍认可。"
                  f"{people[i % 4]}还表示，相关部门会继续听取意见，及时改进服务。" for i in range(12)]
    path = tmp_path / "report.txt"
    path.write_text("社区服务的新变化\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    quiz = build_quiz(path).to_dict()
    details = [q for q in quiz["questions"] if q["skill"] == "detail"]
    asked = [q for q in details if set(q.get("answers") or [q["options"][q["correct"]]]) & set(people)]
    assert len(details) >= 8 and len(asked) <= max(2, len(details) // 4)


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
    quiz = build_quiz(path).to_dict()
    clozes = [q for q in quiz["questions"] if q["type"] == "cloze" and "认为" in q["source"]]
    assert len(clozes) >= 3
    assert all(not set(q["answers"]) & set(people) for q in clozes), [q["text"] for q in clozes]


@pytest.mark.parametrize("title, asks", [
    ("风口与挑战并存,互联网金融如何蜕变新生?", True), ("Why do cities plant trees?", True),
    ("除了涨价，行业还有其他选择吗？", False), ("Is shade the key benefit?", False), ("社区参与的经验", False),
])
def test_only_open_questions_in_headings_are_asked_as_questions(title, asks):
    from quizgen.generate import _open_question

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
