"""The page fixtures in tests/fixtures/pages/ and what a reader sees as each one's article.

Written for the project (invented towns, people and firms; no sentence from any real page),
in the shapes of the development corpus's real pages, so that the test suite needs nothing
outside the repository: page dumps with navigation, breadcrumbs, share buttons, related
lists, comments and footers around the article, headings marked `## `; a government round-up,
a school news item, popular science, a commentary without headings, a statute in chapters
(第一章, 第一条, （一）), an encyclopedia entry with an infobox, a table of contents, edit links
and references, finance news with tickers and a comment thread, a long report in plain text
with 一、 and （一） headings, and a GBK-encoded HTML page with nav, aside and footer.

Each `Page` names the article's first and last lines (the body is every line between them),
the section titles, the byline, and some of the page's furniture lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PAGES_DIR = Path(__file__).resolve().parent / "fixtures" / "pages"


@dataclass(frozen=True)
class Page:
    name: str
    title: str
    sections: tuple[str | None, ...]
    first: str  # the start of the article's first line (a heading without its `## `)
    last: str  # the start of its last line
    furniture: tuple[str, ...]  # whole lines of the page that are not the article
    byline: dict[str, str] = field(default_factory=dict)  # author, source, date where the page says them
    optional: tuple[str, ...] = ()  # starts of lines that may or may not be kept (edit links)
    references: int = 0
    marked: bool = False  # its plain text keeps the `## ` marks of title and headings

    @property
    def path(self) -> Path:
        return PAGES_DIR / self.name

    @property
    def id(self) -> str:
        return self.name.split(".")[0]

    def body(self, *, marks: bool = False) -> list[str]:
        """The article's lines as a reader marks them, optional ones left out; with `marks`,
        headings keep the page dump's `## `."""
        lines = _html_body(self.path) if self.name.endswith(".html") else _text_lines(self.path, marks)
        start = next(i for i, line in enumerate(lines) if line.removeprefix("## ").startswith(self.first))
        end = next(i for i, line in enumerate(lines) if line.removeprefix("## ").startswith(self.last))
        return [line for line in lines[start:end + 1] if not self.is_optional(line)]

    def is_optional(self, line: str) -> bool:
        return any(line.startswith(start) for start in self.optional)

    def clean_text(self) -> str:
        """The article alone as plain text, title first and headings as plain lines: the
        page as a user who copied just the article would give it. A plain line right after
        the title could be a subtitle as well as a heading, so an article that opens on a
        heading keeps the marks, as the corpus's reference text of an encyclopedia entry does."""
        title = f"## {self.title}" if self.marked else self.title
        return title + "\n\n" + "\n\n".join(self.body(marks=self.marked)) + "\n"


def _text_lines(path: Path, marks: bool = False) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line if marks else line.removeprefix("## ") for line in lines if line]


def _html_body(path: Path) -> list[str]:
    """The headings and paragraphs directly inside <article> (not its byline, share and
    editor <div>s), read with lxml alone."""
    import lxml.html

    root = lxml.html.fromstring(path.read_bytes())
    return [" ".join(e.text_content().split()) for e in root.xpath("//article/*[self::h2 or self::p]")]


PAGES = [
    Page("water-supply.page_dump.txt", "河湾市去年供水保障工作综述：管网更新与节水并进",
         (None, "守好水源，多水源互补格局初步形成", "更新管网，老旧小区不再“水压低”", "推动节水，用水习惯悄然改变",
          "下一步：建设智慧水务平台"),
         "去年以来，河湾市", "市水务局表示，供水保障没有终点",
         ("长者模式", "当前位置：首页 > 政务公开 > 工作动态", "【字体：大 中 小】", "分享到：", "【打印本页】【关闭窗口】",
          "相关链接", "青石水库除险加固工程通过验收", "版权所有 河湾市人民政府"),
         byline={"source": "河湾市水务局", "date": "2024-03-12"}),
    Page("school-library.page_dump.txt", "校图书馆推出夜间自习区，借阅量一年翻了一番",
         (None, "从“藏书楼”到“学习中心”", "学生志愿者参与管理", "阅读氛围悄然改变"),
         "今年九月起，松溪一中图书馆在三楼开辟了夜间自习区，每周一到周五开放到晚上十点。两个多月来，", "学校表示，下一步",
         ("首页 > 新闻中心 > 校园动态", "校园动态", "QQ空间", "今年九月起，松溪一中图书馆在三楼开辟了夜间自习区，每周一到周五开放到晚上十点。两个多月来...", "（责任编辑：赵敏）", "上一篇：我校学生在县中学生运动会上获得佳绩",
          "网友评论", "希望周末也能开放", "共2条评论 查看全部", "Copyright © 2023 松溪一中 版权所有"),
         byline={"author": "林晓", "source": "校报记者站", "date": "2023-11-06"}),
    Page("bees.page_dump.txt", "蜜蜂怎样告诉同伴花在哪里",
         (None, "圆圈舞与摇摆舞", "用太阳当指南针", "一位科学家的发现", "舞蹈里的集体智慧"),
         "春天的油菜花田里", "科学家认为，蜜蜂没有",
         ("科普视频", "点赞 收藏 分享", "本文为科普作品，转载请注明出处。", "推荐阅读", "萤火虫为什么会发光", "评论（3）",
          "热门标签：昆虫 动物行为 生命科学"),
         byline={"author": "周远", "source": "自然课堂", "date": "2022-05-20"}),
    Page("ebikes.page_dump.txt", "电动自行车新规：管住速度，更要管好充电", (None,),
         "近日，多地陆续出台", "说到底，电动自行车管理",
         ("首页 > 观点 > 时评", "字号：大 中 小", "分享到微信朋友圈", "（作者系本报评论员）", "本文仅代表作者个人观点", "相关阅读",
          "老旧小区加装充电桩难在哪里", "说得对，我们小区就三个充电桩", "江城晚报社 版权所有 未经授权禁止转载"),
         byline={"author": "许文涛", "source": "江城晚报", "date": "2023-08-15"}),
    Page("garden-rules.page_dump.txt", "柳川市社区公共花园管理条例",
         ("第一章 总则", "第二章 建设与认领", "第三章 使用与维护", "第四章 保障与监督", "第五章 附则"),
         "第一章 总则", "第十八条 本条例自",
         ("索引号：000000-2021-00042", "发布机构：柳川市人民代表大会常务委员会", "【字体：大 中 小】 【打印】 【关闭】",
          "【打印本页】 【关闭窗口】", "相关法规", "柳川市物业管理条例", "版权所有：柳川市人大常委会办公厅")),
    Page("bamboo-weaving.page_dump.txt", "竹编", (None, "历史沿革", "原料与工具", "编织工艺", "主要流派", "传承与保护"),
         "历史沿革", "近年来，一些地方把竹编",
         ("进入词条", "锁定", "上传视频", "中文名", "bamboo weaving", "目录", "1 历史沿革", "5 传承与保护", "词条标签：",
          "浏览次数：5328次", "©2024 百科知识 使用前必读 百科协议 隐私政策"),
         # "编辑" links stay in the body for the structure stage to drop. The entry's lead
         # paragraph stands before the infobox: the body takes it first (the section None),
         # outside the first..last span of lines, so it is listed here as optional.
         optional=("编辑", "竹编是用竹子劈成"), references=2, marked=True),
    Page("dairy-results.page_dump.txt", "青禾乳业上半年净利下滑三成 渠道调整仍在路上",
         (None, "常温奶承压，低温奶成为亮点", "渠道调整带来阵痛", "原奶价格下行或带来转机"),
         "8月28日晚间", "截至8月28日收盘",
         ("下载APP", "上证指数 3051.28 +0.42%", "财经 > 公司 > 正文", "缩小字体 放大字体 收藏 微博 微信 分享",
          "免责声明：本文仅供参考，不构成投资建议。", "北向资金净买入超五十亿", "股民123 今天 22:15",
          "网友提问：青禾乳业明天会跌吗？", "老师回答：需要观察下半年数据", "Copyright © 2024 示例财经网 版权所有"),
         byline={"source": "示例财经网", "date": "2024-08-28"}),
    Page("bus-report.txt", "石浦市公共交通发展年度报告",
         ("一、总体情况", "二、主要工作 · （一）优化公交线网", "（二）推进公交地铁融合", "（三）发展定制公交",
          "（四）提升无障碍服务", "三、存在的问题", "四、下一步工作"),
         "一、总体情况", "公共交通是城市运转的基础",
         ("石浦市交通运输局 2024年1月15日",),
         byline={"source": "石浦市交通运输局", "date": "2024-01-15"}),
    Page("night-market.gbk.html", "老街夜市重新开张：摊位有序了，烟火气还在",
         (None, "统一摊位，划线经营", "油烟和垃圾有了“去处”", "夜市带动老街复苏"),
         "经过三个月的改造", "当然，夜市的长期运营",
         ("桐溪新闻网 | 登录 | 注册 | 手机版", "首页", "首页 > 民生 > 正文", "微信 微博 QQ空间", "（责任编辑：孙蕾）",
          "相关新闻", "老字号店铺扶持政策出台", "热门排行", "请登录后发表评论", "桐溪新闻网 版权所有 未经书面授权不得转载"),
         byline={"author": "郑可", "source": "桐溪日报", "date": "2023-06-02"}),
]
