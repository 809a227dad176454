"""The read → clean → structure → analyse stages on the bundled article and corpus-like pages."""

from __future__ import annotations

import codecs
import json

import pytest

from quizgen.clean import clean
from quizgen.errors import InputError
from quizgen.pipeline import read_article
from quizgen.read import read, text_blocks
from quizgen.structure import is_heading, split_sentences, structure

from conftest import ROOT
from pages import PAGES

FIXTURES = ROOT / "tests" / "fixtures"
FURNITURE = ["首页", "资讯排行", "耗时", "相关文章", "用户评论", "专题推荐", "游客", "零壹智库推出"]


@pytest.fixture(scope="module")
def article(bundled):
    return read_article(bundled)


def test_bundled_metadata(article):
    assert article.title == "BATJ在前,传统金融在后,互联网金融如何蜕变和新生?"
    assert article.column == "专栏"
    assert (article.author, article.source, article.date) == ("孟永辉", "零壹财经", "2019-07-10")
    assert article.keywords == ["互联网技术", "智能科技", "跑路", "金融发展", "风险"]
    assert article.language.value == "zh"


def test_bundled_sections_and_points(article):
    headed = [s for s in article.sections if s.title]
    assert [s.title for s in headed] == ["互联网金融瓶颈凸显,再度进化迫在眉睫", "风口与挑战并存,互联网金融如何蜕变新生?"]
    assert article.sections[0].title is None  # the lead before the first heading
    assert headed[0].points == ["当流量红利不再,互联网金融变得黯淡无光。", "互联网技术的无力显现,互联网金融的神奇不再。",
                                "当金融不再是金融,互联网金融已成无本之木。"]
    assert headed[1].points == ["告别对平台的迷恋,回归金融和实体本身。", "告别对互联网技术的依赖,金融行业需要新动力源泉。",
                                "改变以收割用户为主打的盈利模式,互联网金融需要将盈利模式进行深度下沉。"]
    assert article.thesis.endswith("或许才是互联网金融下一步进化的关键。")
    assert article.thesis.startswith("当移动互联网时代的流量红利消耗殆尽")


def test_bundled_has_no_furniture_and_one_copy_of_the_teaser(article):
    text = article.text
    for noise in FURNITURE:
        assert noise not in text, noise
    assert text.count("持续爆雷的互联网金融平台正在告诉我们") == 1
    assert "..." not in text
    assert any("资讯排行" in r for r in article.removed) and any("耗时" in r for r in article.removed)


def test_page_dump_fixture():
    article = read_article(FIXTURES / "portal-page-dump.txt")
    assert article.title == "城市绿道建设进入新阶段"
    assert (article.author, article.source, article.date) == ("李明", "示例日报", "2023-04-18")
    assert [s.title for s in article.sections] == [None, "一、从“修得多”到“用得好”", "二、让社区参与管理"]
    text = article.text
    for noise in ("登录", "分享到微信", "责任编辑", "相关新闻", "地铁新线", "周末出行", "版权所有"):
        assert noise not in text
    assert text.count("城市绿道正在从单纯的休闲步道") == 1  # the teaser is gone
    assert "社区参与是绿道长期运行的关键。" in article.sections[2].points or \
        "社区参与是绿道长期运行的关键。" == article.thesis or article.sections[2].points


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_page_fixture_body_is_the_article_and_nothing_else(page):
    """Every line of the article is kept, in order, and nothing else: not the furniture
    around it, not a title repeated above it, not a teaser, a byline or a related list."""
    result = clean(read(page.path))
    kept = [b.text for b in result.body if not page.is_optional(b.text)]
    assert kept == page.body()
    for line in page.furniture:
        assert line in result.removed, line


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_page_fixture_title_byline_sections_and_no_furniture(page, page_quizzes):
    article, _ = page_quizzes[page.name]
    assert article.title == page.title
    assert {key: getattr(article, key) for key in page.byline} == page.byline
    assert [s.title for s in article.sections] == list(page.sections)
    assert len(article.references) == page.references
    paragraphs = {p.text for s in article.sections for p in s.paragraphs}
    for line in page.furniture:
        assert line not in paragraphs and (len(line) < 4 or line not in article.text), line


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.id)
def test_page_fixture_as_plain_text_keeps_every_line(page, tmp_path):
    """The article copied on its own (title, then paragraphs, headings as plain lines) loses
    nothing: there is no furniture to drop."""
    path = tmp_path / f"{page.id}.txt"
    path.write_text(page.clean_text(), encoding="utf-8")
    result = clean(read(path))
    assert result.title == page.title
    assert [b.text for b in result.body] == page.body()


def test_gbk_page_fixture_is_read_in_its_declared_charset():
    page = next(p for p in PAGES if p.name.endswith(".gbk.html"))
    raw = page.path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b'charset=gbk' in raw[:500]
    document = read(page.path)
    assert document.encoding == "gb18030"
    assert any(b.text.startswith(page.first) for b in document.blocks)


def test_paper_page_dump_keeps_lists_and_sets_references_apart():
    """A journal page: numbered headings, a list after a lead-in, a table under a marked
    heading, keywords inside the body, and a reference list with its numbers on their own lines."""
    article = read_article(FIXTURES / "paper-page-dump.txt")
    assert article.title == "社区垃圾分类的居民参与机制研究"
    assert article.keywords == ["垃圾分类", "居民参与", "社区治理"]
    assert [s.title for s in article.sections] == [None, "1. 引言", "2. 研究设计", "3. 结果与讨论", "各社区准确率", "4. 结论"]
    table = article.sections[4]  # a marked heading over a table: its cells are no headings
    assert not table.points and all(len(p.text) <= 5 for p in table.paragraphs)
    design = [p.text for p in article.sections[2].paragraphs]
    assert design[1:] == ["三个社区分别采用了不同的做法：", "▪ 甲社区：每周举办宣传活动",
                          "▪ 乙社区：增设投放点并延长开放时间", "▪ 丙社区：按月发放积分奖励"]
    assert article.references == [
        "[1] 张华. 城市生活垃圾分类的公众参与研究[J]. 城市问题, 2018(5): 12-18.",
        "[2] 李强, 赵敏. 社区治理中的居民行为调查方法[M]. 北京: 社会科学出版社, 2019.",
        "[3] 陈静. 积分激励与环保行为的持续性[J]. 环境与社会, 2020, 8(2): 33-40."]
    text = article.text
    for noise in ("参考文献", "张华", "版权所有", "友情链接", "关键词", "投稿指南"):
        assert noise not in text
    assert "版权所有 © 2021 城市管理研究编辑部" in article.removed


def test_no_question_is_asked_on_references(runner, tmp_path):
    from quizgen.pipeline import build_quiz

    quiz = build_quiz(FIXTURES / "paper-page-dump.txt")
    asked = " ".join(q.source for q in quiz.questions)
    assert quiz.questions and "城市问题" not in asked and "社会科学出版社" not in asked


def test_a_numbered_list_without_a_references_heading_stays_in_the_body():
    from quizgen.model import Block, Document, InputKind

    prose = "这是一段足够长的正文，用来构成文章的主体部分，其中包含了完整的句子。" * 3
    blocks = [Block(prose), Block(prose + "第二段。"), Block("具体措施如下："), Block("1. 增设投放点"),
              Block("2. 延长开放时间"), Block(prose + "第三段。")]
    page = clean(Document(name="x", kind=InputKind.TEXT, encoding="utf-8", blocks=blocks))
    assert page.references == []
    assert "1. 增设投放点" in [b.text for b in page.body]


def test_a_statute_article_keeps_its_short_bracketed_items():
    """第十一条 ……下列行为： followed by short （一） （二） （三） items is a list of the
    article, not a feed of short lines."""
    from quizgen.model import Block, Document, InputKind

    prose = ("社区公共花园应当向社区居民开放，开放时间由居民委员会根据季节和居民需要确定，并在花园入口公示；"
             "花园的种植应当优先选用本地植物，鼓励采用雨水收集、堆肥等生态种植方式。")
    items = ["第十一条 社区公共花园内禁止下列行为：", "（一）擅自搭建棚架；", "（二）使用禁用农药；",
             "（三）焚烧枯枝落叶；", "（四）采摘他人认领区域内的植物。"]
    blocks = [Block(f"第{n}条 {prose}") for n in "八九十"] + [Block(t) for t in items] + [Block(f"第十{n}条 {prose}") for n in "二三四"]
    page = clean(Document(name="x", kind=InputKind.TEXT, encoding="utf-8", blocks=blocks))
    assert [b.text for b in page.body] == [b.text for b in blocks]


def test_a_notice_under_its_own_heading_is_trimmed_but_a_closing_section_is_not():
    from quizgen.model import Block, Document, InputKind

    body = ["城市绿道正在从休闲步道变成连接社区、学校和公园的慢行网络，居民出行的方式也随之改变。",
            "绿道建设的关键不在于修了多少公里，而在于居民能否方便地走上绿道，这需要规划部门改变思路。",
            "许多城市开始让社区参与绿道的管理，居民志愿者负责巡查和维护，绿道的使用率明显提高。",
            "绿道的维护需要稳定的经费，城市管理部门把绿道养护纳入年度预算，避免建成后无人管理。",
            "专家认为，绿道网络还应当与公共交通衔接，让居民可以换乘公交或地铁继续出行。"]
    closing = "总的来看，绿道建设正在从修得多转向用得好，社区参与是绿道长期运行的重要保障。"
    notice = "本站所载文章仅代表原作者观点，不构成任何投资建议，转载须注明出处并保留链接。"
    blocks = [Block(t) for t in body] + [Block("绿道建设的经验", heading=True), Block(closing),
                                         Block("免责声明", heading=True), Block(notice)]
    page = clean(Document(name="x", kind=InputKind.TEXT, encoding="utf-8", blocks=blocks))
    kept = [b.text for b in page.body]
    assert closing in kept and notice not in kept


@pytest.mark.parametrize("line, expected", [
    ("一、总体要求", True), ("（二）主要任务", True), ("(3) 保障措施", True), ("1. 研究背景", True),
    ("2.1 数据来源", True), ("第三章 监察范围和管辖", True), ("第二节 监察程序", True),
    ("风口与挑战并存,互联网金融如何蜕变新生?", True), ("Introduction", True),
    ("在这场进化中,出现了诸多新的模式。", False), ("第十五条 监察机关对下列公职人员和有关人员进行监察：", False),
    ("他说：“我们明天出发。”", False), ("▪ 乙社区：增设投放点", False), ("• 2008 第八届 年度歌手", False),
    ("（原标题：绿道建设进入新阶段）", False), ("（二）", True), ("原因之二：水管“累坏了”", True), ("“我们回家吧”", False), ("作者: 李明：城市管理学院，北京", False), ("DOI: 10.1234/abcd.2021.1", False), ("Author: Jane Doe", False),
])
def test_heading_styles(line, expected):
    from quizgen.model import Block

    assert is_heading(Block(text=line)) is expected


@pytest.mark.parametrize("line, expected", [
    ("作者：林晓 来源：校报记者站 日期：2023-11-06", {"author": "林晓", "source": "校报记者站", "date": "2023-11-06"}),
    ("2022-05-20 14:03 作者：周远 来源：自然课堂", {"author": "周远", "source": "自然课堂", "date": "2022-05-20"}),
    ("作者: 赵 培：城市管理学院，北京", {"author": "赵培"}),
    ("孟永辉 · 零壹财经 2019-07-10 15:20:44 阅读:16326", {"author": "孟永辉", "source": "零壹财经", "date": "2019-07-10"}),
])
def test_chinese_bylines(line, expected):
    """A labelled value ends where the next label begins: 作者：林晓 来源：… is 林晓, not 林晓来源."""
    from quizgen.clean import _read_byline

    assert _read_byline(line) == expected


def test_markdown_headings_and_marked_lines():
    blocks = text_blocks("# 标题\n\n正文第一段，说明了问题。\n\n## 第一部分\n\n**强调**的内容，以及[链接](http://x)。\n", markdown=True)
    assert [(b.text, b.heading) for b in blocks] == [
        ("标题", True), ("正文第一段，说明了问题。", False), ("第一部分", True), ("强调的内容，以及链接。", False)]


def test_text_before_first_heading_is_an_untitled_section():
    from quizgen.model import Block, Page

    body = [Block("这是导语，先说明背景。它有两句话。"), Block("一、第一部分"), Block("第一部分的正文。这里有内容，值得一读。")]
    article = structure(Page(name="x", body=body, removed=[]))
    assert [(s.id, s.title) for s in article.sections] == [("s0", None), ("s1", "一、第一部分")]


def test_the_first_unmarked_heading_is_found_by_its_siblings():
    """A plain-text page: its title, a byline, then '一、…' right before the body, which holds
    '二、…': the first heading belongs to the body, not to the page head."""
    from quizgen.model import Block, Document, InputKind

    prose = "城市绿道正在从休闲步道变成连接社区、学校和公园的慢行网络，居民出行的方式也随之改变，规划部门随之调整思路。"
    blocks = [Block("首页 > 城市"), Block("城市绿道建设进入新阶段"), Block("2023-04-18 10:00 来源：示例日报"),
              Block("一、从修得多到用得好"), Block(prose), Block(prose + "这是第二段。"),
              Block("二、让社区参与管理"), Block(prose + "这是第三段。"), Block(prose + "这是第四段。")]
    page = clean(Document(name="x", kind=InputKind.TEXT, encoding="utf-8", blocks=blocks))
    assert page.body[0].text == "一、从修得多到用得好" and page.title == "城市绿道建设进入新阶段"
    article = structure(page)
    assert [s.title for s in article.sections] == ["一、从修得多到用得好", "二、让社区参与管理"]


def test_a_text_files_first_line_is_its_title_even_with_few_words_of_the_body(tmp_path):
    """A plain text opens on its title and a blank line; a title in the essay's figurative words
    (档案里的声音) shares few character pairs with a body about dialects, and is still the title."""
    body = ("前不久，一所中学的老师在课堂上做了个小调查：全班四十名学生中，能用本地话完整讲一个故事的只有三人。"
            "很多家长觉得，孩子先学好普通话要紧，地方话以后再说。\n\n"
            "推广普通话是为了让不同地区的人顺畅交流；保护地方话则是为了让地方文化得以延续。两者并不矛盾。")
    source = tmp_path / "essay.txt"
    source.write_text("别让档案里的声音沉睡\n\n" + body + "\n", encoding="utf-8")
    article = read_article(source)
    assert article.title == "别让档案里的声音沉睡"
    assert article.sentences[0].startswith("前不久")


def test_stray_brackets_and_edit_links_stay_out_of_section_titles():
    from quizgen.model import Block, Page

    text = "第一部分的正文。这里有内容，值得一读。"
    body = [Block("导语，先说明背景。它有两句话。（详情请点击链接："), Block("）"), Block(text),
            Block("早年经历", heading=True), Block("编辑"), Block(text)]
    article = structure(Page(name="x", body=body, removed=[]))
    assert [s.title for s in article.sections] == [None, "早年经历"]
    assert "）" not in [p.text for s in article.sections for p in s.paragraphs]


@pytest.mark.parametrize("text, expected", [
    ("他说：“我们走吧。”然后离开了。", ["他说：“我们走吧。”", "然后离开了。"]),
    ("真的吗？！当然……我们继续。", ["真的吗？！", "当然……", "我们继续。"]),
    ("增长了3.5%。Mr. Smith arrived. He left.", ["增长了3.5%。", "Mr. Smith arrived.", "He left."]),
    ("最后一段被截断,", ["最后一段被截断,"]),
])
def test_sentences(text, expected):
    assert split_sentences(text) == expected


SAMPLE = "互联网金融需要回归金融本身。这是文章的中心论点，值得讨论。"


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("gb18030", b""), ("gbk", b""), ("big5", b""),
])
def test_encodings(tmp_path, encoding, prefix):
    text = SAMPLE if encoding != "big5" else "互聯網金融需要回歸金融本身。這是文章的中心論點，值得討論。"
    text = text * 3
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(prefix + text.encode(encoding))
    document = read(path)
    assert "".join(b.text for b in document.blocks) == text


def test_gbk_html_with_declared_charset(tmp_path):
    body = "".join(f"<p>{SAMPLE}第{i}段。</p>" for i in range(8))
    html = f'<html><head><meta charset="gb2312"><title>测试页面</title></head><body><h1>测试页面</h1>{body}</body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("gb18030"))
    page = clean(read(path))
    assert page.title == "测试页面"
    assert any("第7段" in b.text for b in page.body)


def test_html_data_table_is_kept_and_a_link_table_is_not(tmp_path):
    prose = "城市绿道的建设需要长期投入，社区居民的参与决定了它能否持续运行，这一点已经被多个城市的经验证明。"
    nav = "".join(f'<tr><td><a href="/{i}">频道{i}</a></td><td><a href="/x{i}">栏目{i}</a></td></tr>' for i in range(6))
    rows = "".join(f'<tr><td><a href="/d{i}">第{i}区</a></td><td>{10 + i}公里</td><td>{2015 + i}年</td></tr>'
                   for i in range(6))
    html = (f'<html><head><meta charset="utf-8"><title>绿道</title></head><body><table>{nav}</table>'
            f'<h1>绿道</h1><p>{prose}</p><p>{prose}</p><h2>各区建设情况</h2>'
            f'<table><tr><th>区</th><th>长度</th><th>建成</th></tr>{rows}</table>'
            f'<h2>下一步</h2><p>{prose}</p><p>{prose}</p></body></html>')
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    page = clean(read(path))
    kept = [b.text for b in page.body]
    assert "区 | 长度 | 建成" in kept and "第3区 | 13公里 | 2018年" in kept
    assert not any("频道" in text for text in kept)
    article = read_article(path)
    assert [s.title for s in article.sections][-2:] == ["各区建设情况", "下一步"]
    assert "公里" not in article.text  # table rows are no paragraphs to ask about


def test_windows_line_endings_and_full_width_punctuation(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("标题行\r\n\r\n第一段：内容（说明）！第二句？\r\n".encode("utf-8"))
    assert [b.text for b in read(path).blocks] == ["标题行", "第一段：内容（说明）！第二句？"]


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
    (b"%PDF-1.7\n" + bytes(50), "PDF document"), (bytes(range(256)) * 4, "binary"),
])
def test_bad_input_is_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read(path)


def test_inspect_json_lists_the_removed_blocks(runner, bundled):
    from quizgen.cli import app

    data = json.loads(runner.invoke(app, ["inspect", str(bundled), "--json"]).output)
    assert "耗时 158ms" in data["removed"]
    assert len(data["sections"]) == 3


@pytest.mark.parametrize("lead, expected", [
    ("本报讯（记者 陈立峰 通讯员 郑雨萱）记者从市防汛防台抗旱指挥部获悉，台风已加强。", "记者从市防汛防台抗旱指挥部获悉，台风已加强。"),
    ("新华社北京3月5日电（记者 张三）国务院今天发布了新的规定。", "国务院今天发布了新的规定。"),
    ("据新华社消息，今天上午，新线路正式开通运营。", "据新华社消息，今天上午，新线路正式开通运营。"),  # no dateline to drop
])
def test_a_news_lead_loses_its_dateline(lead, expected, tmp_path):
    """Who filed the report is no part of what it reports (raters: a blanked 通讯员 label)."""
    path = tmp_path / "news.txt"
    path.write_text("新线路开通\n\n" + lead + "\n\n" + "这条线路全长二十多公里，沿线设有十二座车站，预计每天可以服务乘客五万人次。\n", encoding="utf-8")
    assert "".join(read_article(path).sections[0].paragraphs[0].sentences) == expected
