"""Traditional Chinese: detected, tagged through its Simplified conversion, and quoted in its
own script everywhere a student or teacher reads it; a blog post whose lines are phrases
separated by spaces reads as sentences."""

from __future__ import annotations

import json
import re

import pytest

from quizgen.cli import app
from quizgen.pipeline import build_quiz
from quizgen.frequency import simplified, traditional

# An invented blog post in the shape of Taiwanese and Hong Kong blogs: a sidebar, then lines of
# phrases separated by spaces instead of punctuation among punctuated ones, then comments.
from conftest import AT_LEAST_ONE_ARGS
from quizgen.settings import GenerateSettings as _GS, Settings as _S

AT_LEAST_ONE = _S(generate=_GS(min_questions=1))  # a test of reading: one question at least, as --at-least 1

POST = """關於我
喜歡散步的上班族 偶爾寫字
文章分類
生活 | 旅行 | 美食
## 淡水河邊的老書店
那間書店開在淡水河邊的巷子裡 已經有四十多年的歷史 老闆每天早上九點開門 先把門口的舊書一本一本擦乾淨
書店裡的書大多是二手書，有不少絕版的詩集和地方誌。價錢都寫在一張小紙條上，夾在書的第一頁。
我第一次去是在大學時代 那天下著大雨 老闆請我喝了一杯熱茶 還推薦我一本關於河流的散文集
後來書店因為租金上漲，差一點就要關門。附近的居民和老顧客一起發起募款，讓書店撐過了最困難的一年。
現在書店每個月舉辦一次讀書會，參加的人從高中生到退休的老師都有。大家坐在河邊的長椅上分享讀過的書。
如果你有機會到淡水 不妨走進那條巷子 在書架之間慢慢找一本屬於自己的舊書
留言
訪客：好想去看看！
"""


@pytest.fixture(scope="module")
def post_quiz(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hant")
    path = folder / "bookshop.page_dump.txt"
    path.write_text(POST, encoding="utf-8")
    result = __import__("typer.testing", fromlist=["CliRunner"]).CliRunner().invoke(
        app, ["build", str(path), "-o", str(folder / "out"), *AT_LEAST_ONE_ARGS])
    assert result.exit_code == 0, result.output
    return json.loads((folder / "out" / "bookshop.page_dump.quiz.json").read_text(encoding="utf-8")), folder / "out"


def test_traditional_post_is_read_as_the_post_not_the_sidebar(post_quiz):
    quiz, _ = post_quiz
    assert quiz["article"]["title"] == "淡水河邊的老書店"
    assert quiz["article"]["script"] == "Hant" and quiz["article"]["language"] == "zh"
    assert quiz["article"]["thesis"] is None or "上班族" not in quiz["article"]["thesis"]


def test_spaced_phrase_lines_are_paragraphs_of_their_own(tmp_path):
    from quizgen.pipeline import read_article

    path = tmp_path / "bookshop.page_dump.txt"
    path.write_text(POST, encoding="utf-8")
    paragraphs = [p.text for s in read_article(path).sections for p in s.paragraphs]
    spaced = [line for line in POST.splitlines() if line.count(" ") >= 2 and "|" not in line and "上班族" not in line]
    assert len(spaced) == 3 and all(line in paragraphs for line in spaced[:2])  # the closing line is trimmed as an edge
    assert not any("關於我" in p or "上班族" in p or "訪客" in p for p in paragraphs)


def test_every_question_quotes_the_article_in_traditional_characters(post_quiz):
    quiz, _ = post_quiz
    assert len(quiz["questions"]) >= 1
    article = POST
    for question in quiz["questions"]:
        assert question["source"] in article.replace("\n", " ") or question["source"] in article
        shown = " ".join([question.get("text") or "", question.get("stem") or "", *(question.get("options") or []),
                          *(question.get("answers") or [])])
        han = re.findall(r"[\u4e00-\u9fff]", re.sub(r"\{\{c\d+::|::[^}]*\}\}|\}\}", "", shown))
        changed = [ch for ch in han if simplified(ch) != ch]
        assert changed, question  # Traditional forms are there (書, 們, 開...)
        assert not [ch for ch in han if traditional(ch) != ch and ch not in article], question  # stems too
        for option in question.get("options") or []:
            if len(option) <= 12:
                assert option in article, option  # every option is the article's own wording


def test_worksheet_labels_are_in_traditional(post_quiz):
    _, out = post_quiz
    sheet = (out / "bookshop.page_dump.worksheet.html").read_text(encoding="utf-8")
    key = (out / "bookshop.page_dump.answers.html").read_text(encoding="utf-8")
    assert 'lang="zh-Hant"' in sheet
    assert "閱讀理解練習" in sheet and "阅读理解" not in sheet
    assert "參考答案" in key and "参考答案" not in key


def test_a_post_written_only_in_spaced_phrases_builds_in_its_own_script(tmp_path):
    spaced = POST.replace("，", " ").replace("。\n", "\n").replace("。", " ")
    path = tmp_path / "spaced.page_dump.txt"
    path.write_text(spaced, encoding="utf-8")
    quiz = build_quiz(path, settings=AT_LEAST_ONE).to_dict()
    assert quiz["article"]["title"] == "淡水河邊的老書店" and quiz["questions"]
    for question in quiz["questions"]:
        assert question["source"] in spaced and any(simplified(ch) != ch for ch in question["source"])


def test_anki_cards_of_a_traditional_article_are_labelled_in_traditional(post_quiz, tmp_path):
    from anki.collection import Collection

    from test_anki import import_apkg

    _, out = post_quiz
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        import_apkg(collection, out / "bookshop.page_dump.apkg")
        names = {m["name"] for m in collection.models.all()}
        assert "quizgen cloze (zh-Hant)" in names
        cards = [collection.get_card(cid) for cid in collection.find_cards("tag:quizgen::*")]
        assert cards
        for card in cards:
            back = card.render_output(reload=True).answer_text
            assert 'lang="zh-Hant"' in back and ("原文" in back or "正確答案" in back)
            assert "书店" not in back and "書店" in back
    finally:
        collection.close()
