"""Bad input gets a clear error and nothing half-written; odd but valid input just works."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from quizgen.cli import app
from quizgen.errors import QuizgenError
from quizgen.pipeline import build_quiz, read_article
from quizgen.read import decode
from quizgen import render as render_module
from quizgen.render import quizfile  # noqa: F401 - loads the module monkeypatched below

from conftest import ROOT
from pages import PAGES
from quiz_rules import report_of

from conftest import AT_LEAST_ONE_ARGS
from quizgen.settings import GenerateSettings as _GS, Settings as _S

AT_LEAST_ONE = _S(generate=_GS(min_questions=1))  # a test of reading: one question at least, as --at-least 1

PASSAGE = (ROOT / "tests" / "fixtures" / "short-passage.txt").read_text(encoding="utf-8")


def one_line_error(result, name: str) -> None:
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.strip().splitlines() if line]
    assert 1 <= len(lines) <= 3 and name in lines[0] and "Traceback" not in result.output


@pytest.mark.parametrize("name, content", [
    ("empty.txt", b""), ("blank.txt", b" \n\t\n"), ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(200)), ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(300)),
    ("noise.txt", bytes(range(256)) * 8), ("menu.txt", "首页\n新闻\n登录\n".encode()),
])
def test_bad_files_exit_1_with_one_line_and_no_output(runner, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(path), "-o", str(out)])
    one_line_error(result, name)
    assert not out.exists() or list(out.iterdir()) == []


def test_missing_file_and_folder_input(runner, tmp_path):
    one_line_error(runner.invoke(app, ["build", str(tmp_path / "gone.txt"), "-o", str(tmp_path / "o")]), "gone.txt")
    one_line_error(runner.invoke(app, ["inspect", str(tmp_path)]), str(tmp_path))


def test_output_folder_that_is_a_file(runner, bundled, tmp_path):
    blocker = tmp_path / "decks"
    blocker.write_text("not a folder")
    one_line_error(runner.invoke(app, ["build", str(bundled), "-o", str(blocker)]), "decks")
    nested = blocker / "sub"
    one_line_error(runner.invoke(app, ["build", str(bundled), "-o", str(nested)]), "sub")


def test_a_crash_while_writing_leaves_no_partial_file(bundled, tmp_path, monkeypatch):
    quiz = build_quiz(bundled).to_dict()

    def explode(quiz, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(render_module.quizfile, "quiz_json", explode)
    with pytest.raises(KeyboardInterrupt):
        render_module.render(quiz, tmp_path, "x", [render_module.Format.JSON])
    assert list(tmp_path.iterdir()) == []

    def half_write(path):
        path.write_text('{"half": ')
        raise OSError(28, "No space left on device")

    with pytest.raises(QuizgenError, match="No space left"):
        render_module.atomic_write(tmp_path / "y.quiz.json", half_write)
    assert list(tmp_path.iterdir()) == []


def test_batch_skips_a_bad_file_and_reports(runner, bundled, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(bad), str(bundled), "-o", str(out), "-f", "json"])
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "1 of 2 inputs failed" in result.output
    assert [p.name for p in out.iterdir()] == ["internet-finance.quiz.json"]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-8-sig"])
def test_odd_encodings_build(tmp_path, encoding):
    path = tmp_path / f"passage-{encoding}.txt"
    path.write_bytes(PASSAGE.encode(encoding))  # Big5: see the Traditional Chinese test
    assert len(build_quiz(path, settings=AT_LEAST_ONE).questions) >= 1  # a 200-character passage: what passes the gates, never refused


def test_traditional_chinese_crlf_and_full_width(tmp_path):
    traditional = ("城市裡的雨水去了哪裡\r\n\r\n過去，城市排水主要依靠地下管網，雨水落地後被迅速排走。然而，硬化地面越來越多，"
                   "一場暴雨就可能讓管網超負荷運行，街道出現積水。\r\n\r\n海綿城市的思路是讓城市像海綿一樣吸水和釋水。"
                   "透水鋪裝、下凹式綠地和雨水花園可以在降雨時滯留雨水，雨後再慢慢釋放或回收利用。\r\n\r\n"
                   "專家認為，只有把綠色設施和傳統管網結合起來，城市才能真正應對極端降雨。這種做法還能補充地下水，緩解城市熱島效應。\r\n")
    path = tmp_path / "traditional.txt"
    path.write_bytes(traditional.encode("big5"))
    quiz = build_quiz(path, settings=AT_LEAST_ONE)
    assert len(quiz.questions) >= 1
    assert all("\r" not in q.source for q in quiz.questions)


def test_no_headings_and_mixed_english(tmp_path):
    text = ("Python 是一种广泛使用的编程语言，它的设计强调代码的可读性。许多数据科学家使用 Python 和 NumPy 处理数据。\n\n"
            "机器学习框架如 PyTorch 和 TensorFlow 提供了自动求导功能。研究人员认为，开源社区是这些工具快速发展的关键。\n\n"
            "然而，模型训练需要大量计算资源，云计算平台因此成为重要的基础设施。只有合理安排算力，团队才能控制成本。\n")
    path = tmp_path / "mixed.md"
    path.write_text(text, encoding="utf-8")
    quiz = build_quiz(path, settings=AT_LEAST_ONE)
    assert len(quiz.questions) >= 1  # valid text is never refused, however little it offers
    assert not {"Python", "NumPy", "PyTorch", "TensorFlow"} & {a for q in quiz.questions for a in q.answers or []}
    assert [s.title for s in read_article(path).sections] == [None]


def test_large_report_builds_in_seconds(tmp_path):
    """A 250,000-character report: the page fixtures' articles, over and over, as chapters."""
    path = report_of([page.clean_text() for page in PAGES], tmp_path)
    start = time.perf_counter()
    quiz = build_quiz(path)
    elapsed = time.perf_counter() - start
    assert len(quiz.questions) >= 6  # nine chapters over and over: each thing asked once, only what passes the gates
    assert len(read_article(path).text) >= 200_000  # the whole report is the article
    assert elapsed < 60, f"{elapsed:.1f}s: not linear"  # generous bound; the benchmark measures speed


def test_markup_and_template_syntax_stay_text(runner, tmp_path):
    hostile = ("恶意内容测试\n\n"
               "这是一篇测试文章，包含<script>alert(1)</script>脚本标签，以及<img src=x onerror=alert(2)>图片标签。"
               "模板语法{{ 7*7 }}不应该被计算，卡片语法{{c1::隐藏}}也不应该生成填空。\n\n"
               "互联网安全需要开发者重视输入校验。只有对所有外部文本进行转义，网页才能避免跨站脚本攻击。"
               "安全团队认为，输入校验和输出转义是防御的关键。\n\n"
               "此外，模板引擎必须开启自动转义功能。开发者需要定期审计模板代码，确保没有不安全的输出。\n")
    path = tmp_path / "hostile.txt"
    path.write_text(hostile, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", *AT_LEAST_ONE_ARGS, str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("hostile.worksheet.html", "hostile.answers.html"):
        html = (out / name).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and ">49<" not in html
    quiz = json.loads((out / "hostile.quiz.json").read_text(encoding="utf-8"))
    assert all("{{c1::隐藏}}" not in q.get("text", "") for q in quiz["questions"])


def edited(built, tmp_path, change) -> str:
    quiz = json.loads((built / "internet-finance.quiz.json").read_text(encoding="utf-8"))
    change(quiz)
    path = tmp_path / "edited.quiz.json"
    path.write_text(json.dumps(quiz, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("change, field", [
    (lambda q: q["questions"][2].pop("source"), "source"),
    (lambda q: next(x for x in q["questions"] if x["type"] == "choice").update(correct=4), "correct"),
    (lambda q: q["questions"][3].update(section="s9"), "section"),
    (lambda q: next(x for x in q["questions"] if x["type"] == "choice").update(options=["a", "b"]), "options"),
])
def test_teacher_edits_with_mistakes_are_named(runner, built, tmp_path, change, field):
    path = edited(built, tmp_path, change)
    for verb in (["render", path, "-o", str(tmp_path / "out")], ["check", path]):
        result = runner.invoke(app, verb)
        assert result.exit_code == 1
        assert "question q" in result.output and field in result.output, result.output
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_fail_cleanly(data):
    try:
        text, _ = decode(data)
        assert isinstance(text, str)
    except QuizgenError:
        pass


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("互联网金融需要回归本身。，、？！“”《》 \n#<>{}:abc12")) | st.characters(),
               max_size=1500))
def test_any_text_builds_or_fails_cleanly(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("prop") / "input.txt"
    if not _encodable(text):
        return
    path.write_text(text, encoding="utf-8")
    try:
        quiz = build_quiz(path).to_dict()
    except QuizgenError:
        return
    from quizgen.check import check_quiz

    assert [p for p in check_quiz(quiz) if p.severity == "error"] == []


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def test_a_text_without_one_full_stop_still_gets_a_quiz(tmp_path):
    """A results table run together, as encyclopedia dumps give it: no 。！？ anywhere. Each
    paragraph's end ends its last sentence, so the text is asked about, not refused."""
    rows = "".join(f"第{n}轮复赛青溪杯合唱比赛指定曲目{n}号加一首自选曲目2021年{n}月{n + 2}日" for n in range(1, 9))
    path = tmp_path / "table.txt"
    path.write_text(f"青溪杯合唱比赛（第一届）\n\n第一届青溪杯合唱比赛，是青溪县文化馆举办的业余合唱比赛{rows}\n", encoding="utf-8")
    quiz = build_quiz(path, settings=AT_LEAST_ONE)
    assert quiz.questions
    assert all(q.source.endswith("。") for q in quiz.questions)
    assert all(q.text.count("{{c") == len(q.answers) for q in quiz.questions if q.text)  # no word blanked in every row
