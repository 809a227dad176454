"""Exam-style items: which statement agrees with the article, the cause it gives, the explained key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import BUNDLED
from quizgen.cli import app
from quizgen.generate.build import Slot
from quizgen.generate.reason import causal_pair
from quizgen.model import Section
from quizgen.pipeline import read_article
from quizgen.settings import GenerateSettings, Settings

from conftest import AT_LEAST_ONE_ARGS
from quizgen.settings import GenerateSettings as _GS, Settings as _S

AT_LEAST_ONE = _S(generate=_GS(min_questions=1))  # a test of reading: one question at least, as --at-least 1

LETTERS = "ABCD"


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return [s.rstrip("。！？") for s in read_article(BUNDLED).sentences]


def of_skill(quiz: dict, skill: str) -> list[dict]:
    return [q for q in quiz["questions"] if q["skill"] == skill]


def changed_options(question: dict) -> list[int]:
    """The options a statement item changed: the wrong ones of 正确的一项, the key of 不正确的一项."""
    if "不正确" in question["stem"]:
        return [question["correct"]]
    return [i for i in range(4) if i != question["correct"]]


def test_bundled_gets_statement_items_both_ways(quiz):
    statements = of_skill(quiz, "statement")
    assert len(statements) >= 2  # issue 15 asks three; the third's last changeable sentence has a source slip (单纯地的)
    # that raters marked garbled when quoted (rate94), so it is left out, as sentences with visible source errors are
    assert {q["stem"] for q in statements} == {"下列对文章内容的理解，正确的一项是", "下列对文章内容的理解，不正确的一项是"}
    assert sum("不正确" in q["stem"] for q in statements) == 1  # raters keep fewer of them: one an article


HEDGED = Path(__file__).parent / "fixtures" / "night-running.txt"  # written for the tests
_SCOPE_CHANGES = {("往往", "总是"), ("一些", "所有"), ("可能", "一定"), ("主要", "唯一"), ("许多", "所有"), ("部分", "全部"),
                  ("通常", "总是"), ("逐渐", "突然")}
_ABSOLUTE = re.compile(r"所有|总是|一定|全部|全都")


def test_a_hedged_article_gets_a_right_item_whose_wrong_options_are_changed_in_varied_ways():
    """正确的一项: three statements each changed once — a hedge hardened (逐渐 → 突然), a condition
    made sufficient (只有……才 → 只要……就), the sides of 不是……而是 swapped, what will be told as
    done (将 → 已) — with one absolute word (所有, 总是) at most: raters call three of them a
    pattern that gives the key away. No negation is added anywhere."""
    from quizgen.pipeline import build_quiz

    questions = build_quiz(HEDGED).to_dict()["questions"]
    right = [q for q in of_skill({"questions": questions}, "statement") if q["stem"] == "下列对文章内容的理解，正确的一项是"]
    assert right
    sentences = [s.rstrip("。") for s in read_article(HEDGED).sentences]
    for question in right:
        absolute = 0
        for index in changed_options(question):
            new, old, source = re.match(r"“(.+?)”与原文不符：原文是“(.+?)”（“(.+)”）$", question["explanations"][index]).groups()
            assert (old, new) in _SCOPE_CHANGES or (old.startswith("只有") and old.endswith("才") and new.startswith("只要")
                                                     and new.endswith("就")) or (old[0], new[0]) == ("将", "已") \
                or ("而是" in old and set(re.split("[，而是不]+", old)) == set(re.split("[，而是不]+", new))), (old, new)
            absolute += bool(_ABSOLUTE.fullmatch(new))
            option = question["options"][index]
            assert option not in sentences and option == source.rstrip("。").replace(old, new, 1)
            assert not re.search(r"不会|不能|不必|无法", option.replace("不宜", "")) or re.search(r"不会|不能|不必|无法", source)
        assert absolute <= 1, question  # two only where an article's one item can be made no other way


@pytest.mark.parametrize("sentence, old, new", [
    ("这项技术将改变农业生产的方式。", "将改变", "已改变"),  # 把未然当已然
    ("只有长期坚持，才能看到效果。", "只有长期坚持，才", "只要长期坚持，就"),  # a necessary condition made sufficient
    ("问题不是资金不够，而是使用效率太低。", "不是资金不够，而是使用效率太低", "不是使用效率太低，而是资金不够"),
    ("这个行业正在从数量扩张向质量提升转变。", "从数量扩张向质量提升", "从质量提升向数量扩张"),  # a shift turned round
    ("资金开始从股市转移到债市。", "从股市转移到债市", "从债市转移到股市"),
    ("仅仅依靠补贴并不能够带来长久的繁荣。", "并不能够", "就能够"),  # "alone is not enough" told as enough
    ("很多居民靠种茶维持生计。", "很多", "所有"),
    ("全县的疫苗接种率常年保持在90%以上。", "90%以上", "90%以下"),  # a bound turned round
    ("愿意学修钟表的年轻人越来越少。", "越来越少", "越来越多"),  # a trend jieba cuts in two words
    ("水越深，压力就越大。", "越大", "越小"),  # a stated relation told the other way round
    ("夏季的降水量比冬季多。", "比冬季多", "比冬季少"),  # a comparison turned
    ("这座大桥已经建成通车。", "已经建成", "将建成"),  # 把已然当未然
    ("大多数居民支持这一方案。", "大多数", "少数"),  # a majority told as a few
    ("他每天先检查钟摆，再给齿轮上油。", "先检查钟摆，再给齿轮上油", "先给齿轮上油，再检查钟摆"),  # a process's order
])
def test_subtle_changes(sentence, old, new):
    import random

    from quizgen.generate.changes import _change

    change = _change(sentence.rstrip("。"), sentence, random.Random(0))
    assert change and (change.old, change.new) == (old, new)


@pytest.mark.parametrize("sentence, expected", [
    ("血液库存降至正常水平的六成左右", ("六成", "四成")),  # a figure in characters, another of the article's
    ("当天共接待献血者一百零七人，创下了今年的新高", ("一百零七人", "二百一十人")),
    ("电费可达运营总成本的三到四成", None),  # a range: which bound changed is a puzzle
    ("他在男子五百米比赛中获得第四", None),  # an event's name, no measure
    ("领先的队伍在前两百米一直保持优势", None),  # a stretch of the course
    ("有三四个人报名参加", None),  # a guess, no figure
])
def test_a_figure_written_in_characters_becomes_another_of_the_articles(sentence, expected):
    import random

    from quizgen.generate.changes import _change

    article = ("高校团体献血约占全市献血总量的四成。\n周末共接待献血者二百一十人。\n去年的比例只有两成，"
               "今年超过一千五百米的路段有两百米。\n")
    change = _change(sentence, article + sentence + "。", random.Random(0))
    assert (change and (change.old, change.new)) == expected if expected else change is None or change.kind != "figure"


MARKET = Path(__file__).parent / "fixtures" / "market-hall.txt"  # written for the tests: a report told through its speakers


def test_an_interview_round_up_asks_what_its_named_speakers_said():
    """A report told mostly through quotes gets a statement item whose options say whose words
    they are (王立新表示，……); a change touches the words or gives them to another named speaker
    (张冠李戴), never both and never to an office, and no option opens with 他说 (who?) or is a
    speaker's quotation."""
    from quizgen.generate.rank import many_voices
    from quizgen.generate.changes import attributed
    from quizgen.pipeline import build_quiz

    assert many_voices(read_article(MARKET), 0.4)
    statements = of_skill(build_quiz(MARKET).to_dict(), "statement")
    assert statements
    for question in statements:
        assert not any(re.match(r"[他她我]", o) or "“" in o for o in question["options"])
        spoken = [o for o in question["options"] if attributed(o + "。")[0]]
        assert spoken  # most of the article is its speakers' words
        for index in changed_options(question):
            new, old, source = re.match(r"“(.+?)”与原文不符：原文是“(.+?)”（“(.+)”）$", question["explanations"][index]).groups()
            said, said_before = attributed(question["options"][index] + "。"), attributed(source)
            if said[0] != said_before[0]:  # the speaker changed: the words are the article's, the new speaker one of its people
                assert said[1].rstrip("。") == said_before[1].rstrip("。") and old in said_before[0] and new in said[0]
                assert new in read_article(MARKET).text and not re.search("负责人|工作人员", said[0])


def test_a_reports_figure_becomes_another_of_its_figures_in_the_same_unit():
    """8.6万亩 → 2.1万亩: a figure the article gives elsewhere in the same unit, where the
    sentence has that one figure; not one common sense rules out (340米 → 3.4米), nor a year."""
    import random

    from quizgen.generate.changes import _change

    article = "今年全县杨梅种植面积约8.6万亩，与去年持平。\n其中新种的果园有2.1万亩。\n声音每秒传播340米。\n管道长3.4米。"
    change = _change("今年全县杨梅种植面积约8.6万亩，与去年持平", article, random.Random(0))
    assert change and (change.old, change.new, change.kind) == ("8.6万亩", "2.1万亩", "figure")
    assert _change("声音每秒传播340米", article, random.Random(0)) is None
    assert _change("2019年全县种了8.6万亩杨梅", article + "\n2021年全县种了2.1万亩杨梅。", random.Random(0)) is None


@pytest.mark.parametrize("sentence, old, new", [
    ("火山碎屑流是爆炸式喷发最可怕的产物之一。", "产物之一", "产物"),  # 之一 dropped: the exam's 唯一 trap
    ("蛋鸡饲料的主要原料是玉米和豆粕。", "主要", "唯一"),
])
def test_one_of_becomes_the_only_one(sentence, old, new):
    import random

    from quizgen.generate.changes import _change

    change = _change(sentence.rstrip("。"), sentence, random.Random(0))
    assert change and (change.old, change.new) == (old, new)


@pytest.mark.parametrize("sentence, never", [
    ("岩浆在地下移动时，会挤压周围的岩石，产生大量微小的地震。", "不会"),  # 不会挤压……产生地震 contradicts itself
    ("各主要产区先后遭遇了干旱。", "唯一"),  # 各唯一产区 is no Chinese
    ("回归金融行业本身或许才是突破瓶颈的关键。", "一定"),  # 一定才是 is no Chinese
    ("火山灰会在远离火山口的地方造成破坏。", "回归"),  # 在回归火山口的地方 names no place
    ("许多人担心记账员会全部失业。", "所有"),  # 所有人……全部: widened twice
    ("过分依赖数据会削弱我们对身体的感知。", "摆脱"),  # 过分摆脱 is no Chinese
    ("台风的破坏力远远超过风速本身所能说明的程度。", "不足"),  # 不足 wants an amount
    ("这是影响产量的主要因素之一。", "唯一"),  # 唯一因素之一 contradicts itself
    ("新线路将于2026年开通。", "已于"),  # a date to come: 已于2026年 is no claim
    ("学校曾提出将体育成绩计入总分。", "已体育"),  # 将 as 把: 提出已体育成绩…… is no Chinese
    ("好的作业，不是题目做得有多快，而是学生合上本子时，心里还有想弄明白的事。", "不是学生合上本子时"),  # a side cut mid-clause
    ("通常，电池在五百次循环后容量会下降到八成。", "总是"),  # 总是，…… is no Chinese
    ("可以往返的离子越来越少，电池的容量也就随之下降。", "增长"),  # a turned verb against its own 越来越少
    ("回归城市发展的历史，我们可以看出，规划总在变化。", "远离"),  # a frame for looking back
    ("只有回到课堂本身或许才是解决问题的关键。", "只要回到课堂本身或许就"),  # 或许就是 is no Chinese
    ("管理者应当把注意力放在目标是否达成上，而不是会议记录有多厚。", "是会议记录有多厚，而不是否达成上"),  # 是否 is no 是
    ("要让志愿服务回归本义。", "远离"),  # 远离本义 contradicts itself
    ("赣江通常分为上、中、下三段。", "总是"),  # a classification has no frequency
    ("从高山到荒漠，几乎都能找到它们的踪迹。", "完全"),  # 完全都 reads stiffly
    ("随着市民逐渐知晓，客流已增长到一千人次。", "突然"),  # a frame, not the claim
    ("新的电价既不触动基本生活需要，又鼓励节约。", "完全"),  # 完全生活需要: 基本 here names a kind of need
    ("第一档应当覆盖多数家庭的基本需求。", "完全"),
    ("从高山到荒漠，几乎都能找到它们的踪迹。", "从荒漠到高山"),  # a range: swapped, still true
    ("从2010年到2015年，产量增长了一倍。", "从2015年到2010年"),
    ("水会从一种状态变为另一种状态。", "从另一种状态变为一种状态"),  # labels swapped say the same (rate58)
    ("古人将猜谜比作射猎猛虎，认为谜语难以捕捉。", "已猜谜"),  # 将 X 比作 Y: 将 as 把 (rate60)
    ("这是志愿服务走向成熟的必然要求。", "未必"),  # 必然要求: an adjective; 未必要求 is no Chinese (rate60)
    ("学生很难从家庭获得建议，有时甚至会因为家长不理解而放弃。", "总是"),  # 总是甚至 is no Chinese
    ("这就是人们通常所说的冻胀。", "总是"),  # 总是所说的 is no Chinese (rate62)
    ("补贴并不能够带来长久的繁荣。", "就能够"),  # no 仅仅 sets up the trap: a bare negation turned is crude
    ("这种办法并不能解决问题，而是把问题推后了。", "就能"),  # 而是 leans on the denial
    ("老人经常独自去公园散步。", "总是"),  # what happens often may happen every time (rate64)
    ("冬天的早晨常常起雾。", "总是"),
    ("各地都应当逐渐从重建设向重管理转变。", "突然"),  # 应当突然转变: advice nobody gives
    ("师傅将调好的颜料均匀地涂在墙上。", "已调"),  # 将 as 把 before a verb phrase with 的 (rate65)
    ("学校还将试行新的课表。", "已试行"),  # 还已探索 is no Chinese (rate65)
    ("越来越多的家庭选择这种方式。", "越来越少"),  # a modifier turned round reads as absurd
    ("石墨越多，笔芯越软，颜色越深。", "越硬"),
    ("分布区比历史上缩小了约一半。", "比历史上缩大"),  # 小 of 缩小 is no comparison's adjective
    ("纹路只会等比例放大。", "比例放小"),  # nor 比 of 比例
    ("青石镇一带在唐代已经形成村落。", "将形成"),  # a past the sentence names: 在唐代将形成 is absurd
    ("全市已经完成了八成的改造任务。", "将完成了"),  # 将……了 is no Chinese
    ("镇上已经出现了像报刊亭一样的充电柜。", "将出现了"),  # jieba glues 了 to the next word (rate69)
    ("这种茶叶的售价比普通绿茶高出两倍多。", "比普通绿茶高出两倍少"),  # 多 after a number is "more than"
    ("铝合金车架比钢车架轻，价格更高，寿命更长。", "比钢车架重"),  # the clauses after it go on from it  # one link of a chain turned leaves the chain at odds
    ("先把泥料揉匀，然后放进模具里压实。", "先放进模具里压实"),  # the second step leans on the first's object
    ("让店主发愁的是，愿意学修钟表的年轻人越来越少。", "越来越多"),  # the frame judges the trend: turned, it contradicts it
])
def test_changes_that_read_badly_are_not_made(sentence, never):
    import random

    from quizgen.generate.changes import _change

    for seed in range(5):
        change = _change(sentence.rstrip("。"), sentence, random.Random(seed))
        assert change is None or change.new != never, change


def test_every_changed_statement_differs_from_the_article_and_its_explanation_names_the_change(quiz, sentences):
    for question in of_skill(quiz, "statement"):
        changed = changed_options(question)
        for index, option in enumerate(question["options"]):
            note = question["explanations"][index]
            if index in changed:
                assert not any(option == s or s.endswith(option) for s in sentences), (question["id"], option)
                reversed_ = re.match(r"因果颠倒：原文说“(.+?)”是“(.+?)”的原因（“(.+)”）$", note)
                if reversed_:  # 由于 the effect, the cause
                    cause, effect, source = reversed_.groups()
                    assert option == f"由于{effect}，{cause}" and source.rstrip("。") in sentences
                    continue
                new, old, source = re.match(r"“(.+?)”与原文不符：原文是“(.+?)”（“(.+)”）$", note).groups()
                assert new in option and old in source and source.rstrip("。") in sentences
                assert option == source.rstrip("。").replace(old, new, 1)[-len(option):]
            elif note.startswith("符合原文：只是换了说法"):  # the same cause or contrast in the other order
                source = re.match(r"符合原文：只是换了说法，意思相同（“(.+)”）$", note).group(1).rstrip("。")
                assert source in sentences and option not in source
                assert set(option) - set(source) <= set("是因为而不，")
            elif "意思相同" in note:  # restated: one word for its synonym
                new, old, source = re.match(r"符合原文：“(.+?)”即原文的“(.+?)”，意思相同（“(.+)”）$", note).groups()
                source = source.rstrip("。")
                assert source in sentences and new in option and option not in source
                assert source.endswith(option.replace(new, old, 1))
            else:
                source = re.match(r"符合原文：“(.+)”$", note).group(1).rstrip("。")
                assert source in sentences and source.endswith(option)


def test_bundled_gets_a_reason_item_with_the_articles_cause_as_key(quiz, sentences):
    reasons = of_skill(quiz, "reason")
    assert reasons
    for question in reasons:
        effect = re.match(r"根据文章，“(.+)”的原因是$", question["stem"]).group(1)
        key = question["options"][question["correct"]]
        source = question["source"].rstrip("。")
        assert source in sentences and key in source and effect in source
        assert re.search(r"由于|因为|因此|所以|之所以|导致|原因", source)
        assert question["explanations"][question["correct"]] == f"原文：“{question['source']}”"
        for index, option in enumerate(question["options"]):
            if index == question["correct"]:
                continue
            assert option not in source, "a wrong option from the key's own sentence"
            cited = re.search(r"（“(.+)”）$", question["explanations"][index]).group(1).rstrip("。")
            assert cited in sentences and option in cited
            assert f"“{effect}”的原因" in question["explanations"][index]


SECTION = Section(id="s1", title=None, paragraphs=[])


@pytest.mark.parametrize("sentence, cause, effect", [
    ("由于连续三个月没有降雨，水库的蓄水量降到了十年来的最低点。", "连续三个月没有降雨", "水库的蓄水量降到了十年来的最低点"),
    ("因为新线路绕开了老城区，所以早高峰的通勤时间缩短了一刻钟。", "新线路绕开了老城区", "早高峰的通勤时间缩短了一刻钟"),
    ("竹编之所以能在山村延续百年，是因为每一代匠人都收了徒弟。", "每一代匠人都收了徒弟", "竹编能在山村延续百年"),
    ("夜市的摊位费连年上涨，因此不少老摊主搬到了城郊。", "夜市的摊位费连年上涨", "不少老摊主搬到了城郊"),
    ("河道淤积导致下游农田的灌溉用水严重不足。", "河道淤积", "下游农田的灌溉用水严重不足"),
    ("锅底的水垢必须定期清除，因为水垢会让锅的导热变慢。", "水垢会让锅的导热变慢", "锅底的水垢必须定期清除"),
    ("竹炭是在窑中闷烧的竹材，内部布满细孔，因而有“竹中海绵”之称。", "竹炭是在窑中闷烧的竹材，内部布满细孔", "竹炭有“竹中海绵”之称"),
    ("自行车在这座城市迅速普及，主要原因是道路变得平坦了。", "道路变得平坦了", "自行车在这座城市迅速普及"),
    ("青蛙用皮肤呼吸，因此它必须待在潮湿的地方；一旦皮肤变干，就会窒息。", "青蛙用皮肤呼吸", "青蛙必须待在潮湿的地方"),  # 它 named
    ("正因为竹材轻而坚韧，竹筏在这条河上用了几百年。", "竹材轻而坚韧", "竹筏在这条河上用了几百年"),
    ("长期大水漫灌、过量施用化肥，都可能导致土壤板结。", "长期大水漫灌、过量施用化肥", "土壤板结"),
])
def test_causal_sentences_give_their_cause_and_effect(sentence, cause, effect):
    pair = causal_pair(Slot(sentence, SECTION, 0, 0, 0))
    assert pair and (pair.cause, pair.effect) == (cause, effect)


def test_an_effect_whose_subject_is_its_own_phrase_takes_none_from_the_cause():
    """需要控制血压的人应当少吃: 需要 opens the effect's own subject; prefixed with the cause's
    subject it is garbled (rate69)."""
    slot = Slot("面条含盐量较高，因此需要控制血压的人应当少吃。", Section("s0", None, []), 0, 0, 0)
    assert causal_pair(slot).effect == "需要控制血压的人应当少吃"


def test_a_noun_phrase_is_no_wrong_option_of_a_reason_item():
    from quizgen.generate.reason import _stands_alone

    assert not _stands_alone("湖面上所有能把阳光反射进我们眼睛的波纹")
    assert not _stands_alone("波长从约1毫米到数十米的无线电波")  # the verbs modify the head
    assert not _stands_alone("相当于一台口径等于两地距离的“虚拟望远镜”")  # a quoted head
    assert not _stands_alone("竹子为什么长得这么快")  # a question
    assert not _stands_alone("负责把来自天体的微弱电波汇聚到一点")  # a predicate cut from its subject
    assert _stands_alone("月球正以每年约3.8厘米的速度远离地球")
    assert _stands_alone("面条的含盐量因产地和做法不同而略有差异")


@pytest.mark.parametrize("sentence", [
    "图书馆每周二闭馆整理书架。",  # no causal claim
    "因为这样，所以如此。",  # a cause too short to say anything
    "由于他，我们改了计划。",  # a pronoun for a cause
    "当然，笔者并不主张把所有老街都改造成旅游景区。",  # 造成 inside 改造成 is no cause (rate60)
    "石门沟的转移，因此被排在了全镇的第一位。",  # a topic before 因此, no cause: turned round it garbled (rate97)
])
def test_sentences_without_a_usable_cause_give_none(sentence):
    assert causal_pair(Slot(sentence, SECTION, 0, 0, 0)) is None


def test_check_rejects_a_statement_edited_back_into_the_articles_words(quiz, runner, tmp_path):
    edited = json.loads(json.dumps(quiz))
    question = of_skill(edited, "statement")[0]
    index = changed_options(question)[0]
    source = re.search(r"（“(.+)”）$", question["explanations"][index]).group(1)
    new, old = re.match(r"“(.+?)”与原文不符：原文是“(.+?)”", question["explanations"][index]).groups()
    question["options"][index] = question["options"][index].replace(new, old, 1)
    assert question["options"][index] in source
    path = tmp_path / "edited.quiz.json"
    path.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert f"question {question['id']}: option {LETTERS[index]} is a sentence of the article" in result.output


def test_key_page_shows_every_explanation_and_the_student_copy_none(built, quiz):
    key = built.joinpath("internet-finance.answers.html").read_text(encoding="utf-8")
    sheet = built.joinpath("internet-finance.worksheet.html").read_text(encoding="utf-8")
    explained = [q for q in quiz["questions"] if q.get("explanations")]
    assert explained
    for question in explained:
        for note in question["explanations"]:
            assert _escaped(note) in key
            assert _escaped(note) not in sheet


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")


def test_a_traditional_article_gets_its_exam_items_in_its_own_script(tmp_path):
    """The bundled article in Traditional characters (OpenCC at test time): its statement and
    reason items are asked in Traditional, stems and explanations alike."""
    from quizgen.frequency import traditional
    from quizgen.pipeline import build_quiz

    path = tmp_path / "traditional.txt"
    path.write_text(traditional(BUNDLED.read_text(encoding="utf-8")), encoding="utf-8")
    questions = build_quiz(path).to_dict()["questions"]
    exam = [q for q in questions if q["skill"] in {"statement", "reason"}]
    assert {q["skill"] for q in exam} == {"statement", "reason"}
    for question in exam:
        shown = question["stem"] + "".join(question["explanations"])
        assert traditional(shown) == shown, question["stem"]
        assert re.search(r"下列對文章內容的理解，(不)?正確的一項是|根據文章，“.+”的原因是", question["stem"])


ROOF = Path(__file__).parent / "fixtures" / "roof-gardens.txt"  # written for the tests: two changeable sentences


def test_an_article_with_too_few_changes_for_a_right_item_gets_one_blank_not_a_wrong_one():
    """Two sentences a careful reader can catch changed are too few for 正确的一项 (three). A
    不正确的一项 beside three of the article's own sentences was the fallback once; blind raters
    kept none of 25 (rate79-84: "copied lines tempt nobody"), so such an article gets its one
    blank instead, the rarest answer of the candidates."""
    from quizgen.pipeline import build_quiz

    questions = build_quiz(ROOF, settings=AT_LEAST_ONE).to_dict()["questions"]
    assert [q["type"] for q in questions] == ["cloze"]
    many = build_quiz(ROOF, settings=Settings(generate=GenerateSettings(questions=5))).to_dict()["questions"]
    assert not any(q.get("stem") == "下列对文章内容的理解，不正确的一项是" for q in many)


def test_the_fallback_blank_is_the_rarest_term_by_general_language_frequency():
    """化学溶蚀 is rare, 空间布局 and 公共厕所 common: jieba keeps these compounds whole where wordfreq
    does not list them, so they are read as their two listed words. jieba's own counts made set
    phrases it lists at 3 (鲜明对比, 媒体报道) look rarer than any term. A predicate (站稳脚跟,
    关键在于) is no term, however rare."""
    from quizgen.frequency import zipf
    from quizgen.generate import _commonness_zh, _verbal_zh

    assert _commonness_zh("化学溶蚀") < _commonness_zh("空间布局")
    assert _commonness_zh("天冬酰胺") < _commonness_zh("普通工人")
    assert zipf("公共厕所") > 3 and zipf("媒体报道") > 3 and zipf("幽门螺杆菌") < 2
    assert _verbal_zh("站稳脚跟") and _verbal_zh("关键在于") and _verbal_zh("充分利用")
    assert not _verbal_zh("团粒结构") and not _verbal_zh("信号孤岛")


def test_no_statement_option_turns_round_a_reason_items_sentence(quiz):
    """由于 the effect, the cause as a statement option names the cause a reason item asks for."""
    for reason in of_skill(quiz, "reason"):
        cause = reason["options"][reason["correct"]]
        effect = re.match(r"根据文章，“(.+)”的原因是$", reason["stem"]).group(1)
        for statement in of_skill(quiz, "statement"):
            assert not any(cause in o and effect in o for o in statement["options"]), (reason["id"], statement["id"])



_SPEAKERS = ("合作社理事长谭国平说，烘干机今年已经运转了两个月。\n"
             "县农业农村局局长马文涛介绍，全县今年新建了三个烘干中心。\n"
             "区商务局相关负责人介绍，农贸市场的改造明年开工。\n"
             "马文涛表示，秋收前还要再建一个中心。")


@pytest.mark.parametrize("sentence, expected", [
    ("合作社理事长谭国平说，烘干机今年已经运转了两个月", ("谭国平", "马文涛")),  # words given to another named speaker
    ("区商务局相关负责人介绍，农贸市场的改造明年开工", None),  # an office is no speaker to swap
])
def test_a_speakers_words_are_given_to_another_named_speaker(sentence, expected):
    from quizgen.generate.changes import _other_speaker, attributed

    who, said = attributed(sentence)
    found = _other_speaker(who, said, _SPEAKERS)
    assert ((found[0].old, found[0].new) if found else None) == expected
    if found:
        assert found[0].text == "合作社理事长马文涛说，" + said  # the title stays, the name changes


@pytest.mark.parametrize("sentence, never", [
    ("镀金工序最后将露在外面的铜丝和边口进行电镀金。", "已露"),  # 将 as 把: no time to come
    ("为减少施工对交通的影响，大部分路段采取夜间施工的方式。", "增加"),  # an aim turned round is absurd
    ("合作社集中了当时在世的主要紫砂艺人。", "唯一"),  # people are many: 唯一艺人 is absurd
    ("由于含有活的病原体，免疫功能低下的人不宜接种。", "由于免疫功能低下的人不宜接种"),  # the cause has no subject of its own
])
def test_more_changes_that_read_badly_are_not_made(sentence, never):
    import random

    from quizgen.generate.changes import offered as _offered

    for seed in range(5):
        assert all(not c.text.startswith(never) and c.new != never for c in _offered(sentence.rstrip("。"), sentence, random.Random(seed)))


def test_a_photo_caption_is_no_statement():
    from quizgen.generate.statement import _stands_alone
    from quizgen.model import Paragraph, Section

    sentences = ["第一段说明情况，项目已经开展了三年，覆盖全省十二所学校。",
                 "图为滨海大学“启航计划”朋辈导师带领新生参观化学实验中心（记者 何嘉 摄）。",
                 "学校心理健康教育中心开设了工作坊，帮助学生向父母解释专业前景和深造计划。"]
    section = Section(id="s1", title=None, paragraphs=[Paragraph(sentences=sentences[:1]), Paragraph(sentences=sentences[1:])])

    class Article:  # what _stands_alone reads of one
        pass
    article = Article()
    article.sections, article.sentences = [section], sentences + ["结尾一句。"]
    assert not _stands_alone(Slot(sentences[1], section, 1, 1, 0), article)
    assert _stands_alone(Slot(sentences[2], section, 2, 1, 1), article)
    for leaning in ("黑嘴鸥则是黄河三角洲的另一张“名片”，每年都有大批游客前来观鸟。",  # another, beside which?
                    "法律援助引导同样让不少困难群众受益，去年共办理案件三百多件。",  # 同样: like what?
                    "清理完内舍，他把竹子按种类分好，再逐一检查每根竹子的新鲜程度。"):  # who?
        sentences[2] = leaning
        assert not _stands_alone(Slot(leaning, section, 2, 1, 1), article), leaning


def test_a_side_the_article_sets_against_another_is_swapped_for_it():
    """选择纸质书而不是屏幕: what the article says of 纸质书 told of 屏幕 (偷换概念); a degree
    compared (地面温度比空气温度高) sets nothing against anything."""
    from quizgen.generate.changes import _concept, _contrasts
    from quizgen.terms import tag

    text = ("深度阅读应当选择纸质书而不是屏幕。\n屏幕上的弹窗广告不断打断读者。\n纸质书可以帮助读者记住内容的位置。\n"
            "夏天地面温度比空气温度高得多，地面温度可达六十度。")
    assert _contrasts(text) == {"纸质书": frozenset({"屏幕"}), "屏幕": frozenset({"纸质书"})}
    sentence = "纸质书可以帮助读者记住内容的位置"
    assert _concept(tag([sentence])[0], sentence, text) == [("纸质书", "屏幕", "concept")]
    sentence = "屏幕上的弹窗广告不断打断读者"  # told of 纸质书, it is what the article denies
    assert _concept(tag([sentence])[0], sentence, text)[0][1] == "纸质书"


@pytest.mark.parametrize("sentence, fit", [
    ('真正修不了或不值得修的，主要是使用不足十年、核心部件严重老化的机器。"', False),  # closes a quotation: its speaker is elsewhere
    ('维修点负责人潘文华说："大多数故障其实并不复杂。"', True),
    ("大多数故障其实并不复杂，维修费用往往只有新机价格的一成左右。", True),
    ("设计与雕刻：制砚艺人根据石料的形状进行构思，尽量保留石眼。", False),  # a run-in heading opens it
    ("王立新说：“大多数故障其实并不复杂。”", True),  # speech after a colon is no heading
])
def test_a_sentence_closing_a_quotation_typed_with_straight_marks_is_not_quoted(sentence, fit):
    """潘文华说："……。……。" — the sentence that closes the quotation ends on 。" and has no
    speaker of its own: no question quotes it (raters: a stray 。" in five items, rate58)."""
    from quizgen.generate.rank import usable
    from quizgen.languages import profile
    from quizgen.model import Language

    assert usable(sentence, profile(Language.ZH)) is fit


def test_a_sentence_pointing_to_an_example_is_no_claim():
    """恐龙灭绝原因的传播史就是一个例子 introduces an example: as a section's "观点" it fails (rate64)."""
    from quizgen.generate.argument import _ASKS, claim

    assert _ASKS.search(claim("恐龙灭绝原因的传播史就是一个例子。"))
    assert not _ASKS.search(claim("科普的信任基础是科学的诚实，而不是结论的确定。"))


@pytest.mark.parametrize("sentence", [
    "一些科普作者的做法值得借鉴。",  # points to what the paragraph goes on to show
    "有人担心，保留老街巷就意味着保留落后。",  # a view the article answers
    "罗志远至今记得一个叫小林的女生。",  # a memory of the story
    "亚单位疫苗：只提取病原体中最关键的抗原片段。",  # a run-in label of a list
    "比如，一些城市把旧厂房改成了剧场。",  # an example
    "一盒茶叶卖几百元，消费者花的钱到底有多少用在了茶叶上。",  # a rhetorical question, its mark dropped (rate72)
    "邻县的一个村子提供了一个值得参考的例子。",  # a pointer to an example (rate74)
])
def test_sentences_that_are_no_claim_of_the_article_are_no_claim_option(sentence):
    from quizgen.generate.argument import _ASKS, claim

    assert _ASKS.search(claim(sentence))


@pytest.mark.parametrize("sentence", [
    "类似的情况在药物研究中更为常见。",  # like what?
    "在这方面，已有一些城市做出了有益的尝试。",
    "这两个问题都需要在设计阶段解决。",
    "反对的声音同样值得重视。",
    "三是活动内容单一，吸引力不足。",  # one item of a list the paragraph opened (rate74)
])
def test_claims_that_lean_on_the_sentence_before_are_no_option(sentence):
    from quizgen.generate.argument import claim, leans

    assert leans(claim(sentence))


def test_the_authors_own_view_is_a_claim_and_a_term_in_quotes_no_quotation():
    """笔者认为，好的科普不应回避“不确定”……: the thesis of an essay, not someone's quoted words;
    as an option it reads without 笔者认为."""
    from quizgen.generate.argument import claim
    from quizgen.generate.rank import claim_like
    from quizgen.languages import profile
    from quizgen.model import Language

    zh = profile(Language.ZH)
    sentence = "笔者认为，好的科普不应回避“不确定”，而应当把证据的强弱讲清楚。"
    assert claim_like(sentence, zh) and claim(sentence).startswith("好的科普")
    assert not claim_like("他说：“科普不应回避不确定。”", zh)
    assert not claim_like("专家认为，科普不应回避不确定。", zh)


LISTS = """城市绿化，不该只是一片草坪

草坪曾被看作城市绿化的标配，但它的代价常常被忽视。我们认为，城市绿化应当从追求整齐好看转向追求节约和多样。

一、草坪的代价

草坪需要频繁浇水和修剪，养护费用居高不下。在干旱的北方城市，一块草坪一年的用水量往往相当于几十户居民的生活用水。由于草坪品种单一，病虫害一旦发生就会成片蔓延。单一的草坪也很难为昆虫和鸟类提供食物和栖身之所。

二、换一种种法

换一种种法，绿地可以既省钱又好看。城市绿化想要真正节约，必须要寻找草坪之外的新植被，通过把野花、灌木、地被植物等植被种进街头绿地，绿地的养护成本可以大幅下降，而不再仅仅依赖耗水的草坪植被。这样的绿地同样好看，还能为昆虫和鸟类提供食物。关键在于，绿地的设计应当尊重本地的气候和土壤，而不是照搬别处的样板。

三、让居民参与

绿地建得好，还要管得好。社区居民可以认养身边的绿地，定期参与除草和补种。居民参与得越多，绿地就越能符合他们的需要，养护的压力也会随之减轻。只有让居民真正参与进来，城市绿化才能长久地保持活力。
"""


def test_an_argued_list_set_against_a_rival_asks_which_is_not_listed(tmp_path):
    """……必须……把野花、灌木、地被植物等植被种进……而不再仅仅依赖草坪植被: the key is the rival the
    article sets against its list, the wrong options the listed things; the stem shows none of
    them, nor the words that set the rival against the list."""
    from quizgen.pipeline import build_quiz

    path = tmp_path / "lawns.txt"
    path.write_text(LISTS, encoding="utf-8")
    questions = build_quiz(path).to_dict()["questions"]
    listed = [q for q in questions if q["type"] == "choice" and "不是文中列举的植被" in q["stem"]]
    assert len(listed) == 1, [q["stem"] for q in questions]
    question = listed[0]
    assert question["options"][question["correct"]] == "草坪植被"
    assert sorted(o for i, o in enumerate(question["options"]) if i != question["correct"]) == sorted(["野花", "灌木", "地被植物"])
    assert "之外" not in question["stem"] and "不再" not in question["stem"] and "……等植被" in question["stem"]
    assert len(question["explanations"]) == 4


def test_a_list_nothing_is_set_against_asks_no_which_is_not(tmp_path):
    """A list alone ("which of these is not a plant") is guessed without the article: no item."""
    from quizgen.generate.lists import _rival
    from quizgen.generate.spans import SpanFinder

    path = tmp_path / "lawns.txt"
    path.write_text(LISTS, encoding="utf-8")
    finder = SpanFinder(read_article(path))
    sentence = "城市绿化必须通过把野花、灌木、地被植物等植被种进街头绿地来节约用水，草坪植被也要保留。"
    span = next(s for s in finder._lists(sentence) if s.kind.startswith("list:"))
    assert span.text == "野花、灌木、地被植物"
    assert _rival(sentence, span.start, span.end + 3, ["野花", "灌木", "地被植物"], "植被", finder) is None
    contrasted = sentence.replace("草坪植被也要保留", "而不再依赖草坪植被")
    assert _rival(contrasted, span.start, span.end + 3, ["野花", "灌木", "地被植物"], "植被", finder) == "草坪植被"


STORY = """守钟人

清晨五点，镇上还没有醒。钟楼的木门吱呀一声开了，罗永年提着油壶走上了九十六级台阶。

罗永年今年六十一岁，守这座钟楼已经二十六年。钟楼建于民国初年，楼顶的铜钟每天要敲响三次。罗永年师傅说，钟准不准，全看齿轮的油上得匀不匀。

他每天先检查钟摆，再给齿轮上油。冬天气温低，油会变稠，他就把油壶放在怀里焐热再用。罗永年说，这个办法是他的师父教的。

去年，镇里给钟楼装上了电子报时器，很多居民以为罗永年要退休了。他却没有离开。他把电子报时器当成备用，自己仍然每天上楼校钟。

罗永年的徒弟不多。愿意学修钟表的年轻人越来越少，他为此发愁了好几年。罗永年说，只要还有人愿意学，他就会一直教下去。
"""


def test_a_storys_he_is_told_as_its_main_person():
    """他每天先检查钟摆 → 罗永年每天先检查钟摆: a statement must say whom it means; never where
    another person is named before the pronoun, in it or in the sentence before."""
    from quizgen.generate.changes import named, protagonist

    text = STORY.replace("\n\n", "\n")
    main = protagonist(text)
    assert main == ("罗永年", "他")
    assert named("他每天先检查钟摆，再给齿轮上油。", "罗永年师傅说，钟准不准，全看齿轮的油上得匀不匀。", main, text) \
        == "罗永年每天先检查钟摆，再给齿轮上油。"
    assert named("他却没有离开。", "镇里的周立群劝过他。", main, text + "周立群说，镇里请他留下。") == "他却没有离开。"
    assert protagonist(text.replace("他", "她", 3)) is None  # 他 and 她 both common: which one is the main person?


def test_an_introduction_or_a_routes_length_is_no_key_where_a_claim_can_be():
    """林晓禾是……的一名农艺师, a route 全长一百多公里: a faithful key on them tests trivia (rate69)."""
    from quizgen.generate.statement import _MINOR

    assert _MINOR.search("罗永年是县文化馆的一名讲解员。") and _MINOR.search("这条山路全长四十多公里。")
    assert not _MINOR.search("钟准不准，全看齿轮的油上得匀不匀。")


@pytest.mark.parametrize("sentence, cued", [
    ("近年来，围绕大学校园是否应当向公众开放的讨论一直没有停止。", False),  # a question asked, not a claim (rate70)
    ("需要说明的是，二维码本身只是一种存储字符的容器。", False),  # a frame, not 需要 as a claim (rate70)
    ("高校应当在现有预约制度的基础上更进一步。", True),
    ("城市更新需要为小街巷留出位置。", True),
])
def test_a_claim_cue_inside_a_question_or_a_frame_is_none(sentence, cued):
    from quizgen.languages import profile
    from quizgen.model import Language

    assert bool(profile(Language.ZH).cues.search(sentence)) is cued


@pytest.mark.parametrize("sentence, never", [
    ("走出病房，她才发现自己的双腿已经麻得站不稳了。", "将麻得"),  # 将……了 is no Chinese (rate70)
    ("很多时候，病人一紧张，血压就上去了。", "所有时候"),  # no Chinese (rate70)
    ("大多数鸟类在白天觅食，少数种类则在夜间活动。", "所有鸟类"),  # the sentence names its own exception
    ("师傅用木刮板将蜡液均匀地刮进布纹里。", "已蜡液"),  # 将 as 把 before a noun (rate72)
    ("晾干以后，纸面会从淡黄色逐渐变成乳白色。", "从乳白色变成淡黄色逐渐"),  # the adverb goes with the shift (rate72)
])
def test_changes_raters_found_garbled_in_rate70_are_not_made(sentence, never):
    import random

    from quizgen.generate.changes import _change

    for seed in range(5):
        change = _change(sentence.rstrip("。"), sentence, random.Random(seed))
        assert change is None or never not in change.text, change


@pytest.mark.parametrize("statement, expected", [
    ("石灰岩地区的生态相当脆弱", "石灰岩地区的生态颇为脆弱"),
    ("截至去年，望远镜已发现的脉冲星不足900颗", "截至去年，望远镜已发现的脉冲星不到900颗"),
    ("这项工作存在不足，需要改进", None),  # 不足 is a shortcoming here, not "fewer than"
    ("十分之一的样本来自山区", None),  # a tenth, not "very"
    ("很明显，这一方案行不通", None),  # obviously, not "markedly"
    ("一些游客擅自进入滩涂", "部分游客擅自进入滩涂"),
])
def test_a_faithful_chinese_option_is_restated_by_a_synonym_in_that_place(statement, expected):
    from quizgen.generate.rewording import reworded

    restated = reworded(statement, False)
    assert (restated.text if restated else None) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("峰丛是基部相连的一簇山峰，峰林则是基部分离、各自耸立的山峰", "峰林是基部相连的一簇山峰，峰丛则是基部分离、各自耸立的山峰"),
    ("石英表靠电池供电，而机械表靠发条驱动", "机械表靠电池供电，而石英表靠发条驱动"),
    ("城市道路越修越宽，人行道却一再被压缩", None),  # the second clause's noun is no rival of the first's
    ("桐木质地松软，梓木则质地松软", None),  # the same said of both: swapped, still true
    ("新铺的沥青路面反照率只有0.05，而草地的反照率约为0.25", None),  # modifiers, not the things (rate84)
])
def test_two_things_set_side_by_side_are_given_each_others_property(sentence, expected):
    """张冠李戴: 峰丛 told with 峰林's property and back — the trap a reader who remembers both
    properties but not whose they are falls for."""
    from quizgen.generate.changes import _crossed
    from quizgen.terms import tag

    found = _crossed(tag([sentence])[0], sentence)
    assert (sentence.replace(found[0][0], found[0][1], 1) if found else None) == expected


@pytest.mark.parametrize("statement, expected", [
    ("由于洞穴中的二氧化碳浓度较低，水中的二氧化碳会逸出", "水中的二氧化碳会逸出，是因为洞穴中的二氧化碳浓度较低"),
    ("我们缺少的不是条件，而是把慢行交通当回事的决心", "我们缺少的是把慢行交通当回事的决心，而不是条件"),
    ("由于这一原因，工程推迟了", None),  # a cause that leans on the sentence before
])
def test_a_faithful_option_tells_the_same_cause_or_contrast_in_the_other_order(statement, expected):
    """The same claim in the other order looks like the exam's 因果颠倒 or 偷换 to a careless
    reader, and a careful one finds it faithful."""
    from quizgen.generate.rewording import reworded

    restated = reworded(statement, False)
    assert (restated.text if restated and restated.kind != "synonym" else None) == expected


def test_no_statement_that_points_to_what_follows_or_leans_on_a_bare_verb():
    """调查中也发现了一些值得关注的问题 and 清除后，…… say nothing alone: no statement option (rate79)."""
    from quizgen.generate.statement import _POINTER

    assert _POINTER.search("调查中也发现了一些值得关注的问题")
    assert _POINTER.search("吴建华分析，黑脸琵鹭数量增加主要有三方面原因")
    assert not _POINTER.search("黑脸琵鹭数量的增加与滩涂修复直接相关")


def test_a_figure_under_a_bound_is_not_swapped():
    """已超过33% → 已超过26% is still true (rate82): a figure after 超过/不足 or before 以上 stays."""
    from quizgen.generate.changes import _figure

    text = "叠层电池的实验室效率已超过33%。\n单晶硅电池的效率约为26%。"
    assert _figure("叠层电池的实验室效率已超过33%。", text) == []
    assert _figure("叠层电池的实验室效率为33%。", text.replace("已超过", "为")) == [("33%", "26%", "figure")]


def test_a_figure_with_a_thousands_separator_is_one_figure_in_its_unit():
    """1,700℃ is one figure, not 1 and 700 (which left it unchangeable), and ℃ a unit."""
    from quizgen.generate.changes import _amounts, _figure

    text = "纯净的二氧化硅熔点高达约1,700℃，熔化它需要大量燃料。\n玻璃液在约1,000℃时开始变稠。"
    assert [(a.words, a.value) for a in _amounts(text)] == [("1,700℃", 1700.0), ("1,000℃", 1000.0)]
    assert _figure("纯净的二氧化硅熔点高达约1,700℃，熔化它需要大量燃料。", text) == [("1,700℃", "1,000℃", "figure")]


def test_an_articles_one_right_item_may_hold_two_absolute_words_where_nothing_else_makes_it():
    """Three changeable sentences, two of them only by an absolute word (一些 → 所有, 往往 → 总是):
    no varied item, but the article's one 正确 item may have both, since its other option and
    the key hold none — the blank or lone 不正确 item it got instead were kept 4 times in 44."""
    from quizgen.generate.changes import Change
    from quizgen.generate.statement import _PER_ITEM_AT_LEAST_ONE, _PER_ITEM_TWO_ABSOLUTE, _varied

    section = Section(id="s1", title=None, paragraphs=[])
    slots = [Slot(f"第{i}句。", section, i, 0, i) for i in range(3)]
    candidates = {0: [Change("所有老人都来", "一些", "所有", "absolute")],
                  1: [Change("孩子们总是会来", "往往", "总是", "absolute")],
                  2: [Change("不是B，而是A", "不是A，而是B", "不是B，而是A", "contrast")]}
    assert _varied(slots, candidates, 3, _PER_ITEM_AT_LEAST_ONE) == []
    assert [c.kind for _, c in _varied(slots, candidates, 3, _PER_ITEM_TWO_ABSOLUTE)] == ["absolute", "absolute", "contrast"]


def test_a_shift_whose_ends_carry_modifiers_is_not_turned_round():
    """火焰从低处的窑头向高处的窑尾流动 turned at the goal's 的 read 从高处向低处的窑头的窑尾 (rate88)."""
    from quizgen.generate.changes import _direction
    from quizgen.terms import tag

    sentence = "龙窑利用坡度形成自然抽力，火焰从低处的窑头向高处的窑尾流动，热量利用率高"
    assert _direction(tag([sentence])[0], sentence) == []


def test_an_article_with_one_causal_claim_gets_a_reason_item_on_its_topic():
    """One 之所以……是因为 in an explainer: no other cause or effect to set beside it, so the wrong
    options are the article's own claims on the same topic (小麦, 麦苗), each explained as no
    cause the article gives; the blank it got instead (华北平原) was the kind raters keep least."""
    article = read_article(Path(__file__).parent / "fixtures" / "winter-wheat.txt")
    from quizgen.generate import generate

    questions = generate(article, settings=GenerateSettings())
    reasons = [q for q in questions if q.skill.value == "reason"]
    assert len(reasons) == 1 and len(questions) == 2
    blank = next(q for q in questions if q.type.value == "cloze")  # beside it, the term it defines
    assert blank.answers == ["春化作用"] and "称为“{{c1::春化作用" in blank.text
    reason = reasons[0]
    assert reason.stem == "根据文章，“冬小麦要在秋天播种”的原因是"
    assert reason.options[reason.correct] == "麦苗需要经过一段持续的低温才能开花结穗"
    text = "\n".join(article.sentences)
    for index, option in enumerate(reason.options):
        assert option in text and ("小麦" in option or "麦苗" in option)
        if index != reason.correct:
            assert reason.explanations[index].startswith("原文没有说这是“冬小麦要在秋天播种”的原因")


@pytest.mark.parametrize("sentence, term", [
    ("所谓数字鸿沟，是指不同地区、不同群体在获取和使用信息技术方面存在的差距。", "数字鸿沟"),
    ("信号在高楼之间来回反射，接收机收到的是绕了远路的信号，这叫多路径效应。", "多路径效应"),
    ("生态学上把一个群落被另一个群落逐步取代的过程称为“群落演替”。", "群落演替"),
    ("当地商人于是发行一种纸质的兑换凭证，称为“交子”。", "交子"),
    ("盐被称为“百味之首”，也是人体不可缺少的物质。", None),  # a thing's nickname: trivia
    ("冰川被形象地称为“固体水库”，冬季把水存起来。", None),  # an epithet
    ("在这个被称为“提琴小镇”的地方，家家都做琴。", None),  # the name modifies a noun: no definition
    ("这种方法叫作“方法”，大家都这么说，也没有什么不好。", None),  # an everyday word is no term
    ("比如C30混凝土是指这样测得的抗压强度达到30兆帕的混凝土。", None),  # an example, leaning on the sentence before
])
def test_the_term_a_sentence_defines(sentence, term):
    from quizgen.generate.defined import defined_term

    assert defined_term(sentence) == term


def test_an_article_with_no_choice_item_blanks_the_term_it_defines(tmp_path):
    """Its one blank is the term in its definition, not an everyday compound of a top sentence."""
    path = tmp_path / "frost.txt"
    path.write_text("霜是怎样形成的\n\n深秋的清晨，菜地里的白菜叶上常常铺着一层白色的细冰晶。\n\n"
                    "夜里地面散热很快，贴近地面的空气温度降到零度以下，水汽直接在叶面上凝结成冰晶，这叫凝华。\n\n"
                    "有霜的早晨，天空大多晴朗无风，农民说“霜重见晴天”。\n\n"
                    "菜农发现，经霜的白菜吃起来更甜，街坊邻居都爱买。\n", encoding="utf-8")
    from quizgen.generate import generate

    questions = generate(read_article(path), settings=GenerateSettings())
    assert [(q.type.value, q.answers) for q in questions] == [("cloze", ["凝华"])]
    assert "这叫{{c1::凝华" in questions[0].text
