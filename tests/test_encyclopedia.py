"""Encyclopedia entries and the short passages teachers paste: a MediaWiki page (public class
names: mw-editsection, infobox, reference, reflist, navbox, wikitable) reads as its lead and
sections; conversion markup is resolved; Chinese quoting kana stays Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.cli import app
from quizgen.pipeline import build_quiz, read_article

from conftest import AT_LEAST_ONE_ARGS
from quizgen.settings import GenerateSettings as _GS, Settings as _S

AT_LEAST_ONE = _S(generate=_GS(min_questions=1))  # a test of reading: one question at least, as --at-least 1

WIKI = Path(__file__).resolve().parent / "fixtures" / "pages" / "reservoir-wiki.html"
NOT_PROSE = ["编辑", "[1]", "所在地", "4200万立方米", "坝体防渗加固", "溢洪道扩建 | ", "水利志", "石门水库",
             "青岭县水库", "目录", "^"]


@pytest.fixture(scope="module")
def wiki():
    return read_article(WIKI), build_quiz(WIKI, settings=AT_LEAST_ONE).to_dict()


def test_mediawiki_entry_title_sections_and_thesis(wiki):
    article, _ = wiki
    assert article.title == "云溪水库"
    assert [s.title for s in article.sections] == [None, "历史", "工程"]
    assert article.genre == "entry"
    assert article.thesis == "云溪水库是青岭县云溪乡的一座中型水库，位于云溪河上游，以灌溉和供水为主，兼顾防洪与发电。"
    assert len(article.references) == 3
    assert any("坝体防渗加固" in row for row in article.aside)  # the data table is kept, aside


def test_mediawiki_furniture_is_never_asked_about(wiki):
    article, quiz = wiki
    text = article.text + " ".join(s.title or "" for s in article.sections)
    assert not [m for m in NOT_PROSE if m in text]
    assert quiz["questions"]
    shown = json.dumps(quiz["questions"], ensure_ascii=False)
    assert not [m for m in NOT_PROSE if m in shown]


def test_page_dump_of_an_entry_loses_edit_links_footnotes_and_conversion_markup(tmp_path):
    path = tmp_path / "entry.page_dump.txt"
    path.write_text("\n".join([
        "首页", "随机条目", "## 白鹭湖", "维基百科，自由的百科全书",
        "白鹭湖-{zh-hans:（又称鹭湖）; zh-hant:（又稱鷺湖）}-是青岭县北部的一个淡水湖，因每年春季有大批白鹭在湖边栖息而得名。[1]",
        "湖面面积约六平方公里，平均水深三米，湖水主要来自北干渠和周边山溪。[2]湖区的芦苇荡是多种水鸟的繁殖地。",
        "## 历史[编辑]",
        "清代的县志已经记载了白鹭湖，当时湖面比现在大一倍。二十世纪六十年代围湖造田，湖面缩小到今天的大小。",
        "二〇〇五年起，县里退田还湖，恢复了湖边的部分湿地，来湖边越冬的候鸟随之增多。",
        "## 参考资料[编辑]",
        "^ 青岭县地方志. 1994.", "^ 青岭县水利局. 湖泊调查报告. 2011.",
        "分类：青岭县湖泊",
    ]), encoding="utf-8")
    article = read_article(path)
    assert article.title == "白鹭湖"
    assert [s.title for s in article.sections] == [None, "历史"]
    text = article.text
    assert "（又称鹭湖）" in text and "-{" not in text and "鷺" not in text and "[1]" not in text and "[2]" not in text
    assert "青岭县地方志" not in text and "分类" not in text
    assert article.thesis.startswith("白鹭湖（又称鹭湖）是青岭县北部的一个淡水湖")


SHORT = ("《星尘少女》（日语：スターダスト・ガール）是一部二〇〇三年发行的日本电子游戏，由一家位于大阪的小型工作室开发。"
         "游戏讲述一名少女在废弃的天文台里寻找失散的妹妹，玩家需要修复望远镜，才能看到藏在星图里的线索。"
         "游戏在日本发售后销量平平，二〇〇六年推出中文版后，在台湾和香港得到了较多玩家的喜爱。"
         "中文版由台北的一家代理公司翻译，译者为游戏里的每一颗星星都起了一个中文名字，这些名字后来被玩家编成了一本星图手册。"
         "二〇一二年，原工作室解散，游戏的版权转给了东京的一家发行商，发行商在二〇一五年推出了重制版，增加了新的关卡和配乐。"
         "重制版的主题曲《星の子守唄》由原版作曲者重新编曲，在游戏发布的当年获得了一个地方音乐奖项，也让更多年轻玩家知道了这部老游戏。")


def test_short_chinese_passage_quoting_kana_builds_a_quiz(tmp_path):
    path = tmp_path / "passage.txt"
    path.write_text(f"星尘少女\n\n{SHORT}", encoding="utf-8")
    assert 300 <= len(SHORT) <= 600
    quiz = build_quiz(path, settings=AT_LEAST_ONE).to_dict()
    assert quiz["article"]["language"] == "zh" and quiz["questions"]


def test_korean_prose_is_still_refused_in_one_line(runner, tmp_path):
    path = tmp_path / "korean.txt"
    path.write_text("도시들은 수십 년 만에 가장 빠른 속도로 나무를 심고 있다. 도시의 숲은 거리를 시원하게 하고 공기를 "
                    "깨끗하게 하며 빗물을 흡수한다. 가장 중요한 이유는 더위이다.", encoding="utf-8")
    result = runner.invoke(app, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "the text looks like Korean" in result.stderr


@pytest.mark.parametrize("text, script, expected", [
    ("冰淇淋-{zh-hans:（又称雪糕）; zh-hant:（又稱霜淇淋）}-很甜。", "Hans", "冰淇淋（又称雪糕）很甜。"),
    ("冰淇淋-{zh-hans:（又称雪糕）; zh-hant:（又稱霜淇淋）}-很甜。", "Hant", "冰淇淋（又稱霜淇淋）很甜。"),
    ("由-{zh-cn:信息; zh-tw:資訊;}-组成", "Hans", "由信息组成"),
    ("由-{zh-cn:信息; zh-tw:資訊;}-組成", "Hant", "由資訊組成"),
    ("公司（International -{Dairy Queen}-）拥有", "Hans", "公司（International Dairy Queen）拥有"),
    ("-{H|zh-hans:软件; zh-hant:軟體;}-软件很多", "Hans", "软件很多"),
    ("简介[编辑]", "Hans", "简介"),
    ("获得最佳新人奖 [1-2] ；次年 [9] 。", "Hans", "获得最佳新人奖；次年。"),
    ("[1] 青岭县地方志. 1994.", "Hans", "[1] 青岭县地方志. 1994."),  # a reference list's item number stays
])
def test_encyclopedia_marks_are_resolved(text, script, expected):
    from quizgen.markup import tidy

    assert tidy(text, script) == expected


def test_entry_lead_before_its_infobox_is_the_body_s_start_and_its_thesis():
    from pages import PAGES_DIR

    article = read_article(PAGES_DIR / "bamboo-weaving.page_dump.txt")
    assert article.genre == "entry" and article.sections[0].title is None
    assert article.thesis.startswith("竹编是用竹子劈成的篾片或篾丝编织成器物的传统手工艺")
