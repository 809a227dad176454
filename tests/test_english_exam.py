"""English reading passages as Chinese exam papers print them: full-width punctuation and
spaces inside English text, `__` separators, words glued or hyphen-broken at line joins.
The passages in tests/fixtures/exam-en/ were written for the project (narrative and
expository, 300–350 words each) in that typesetting."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quizgen.check import check_quiz
from quizgen.cli import app
from quizgen.frequency import zipf
from quizgen.pipeline import build_quiz, read_article
from quizgen.settings import GenerateSettings, Settings
from quizgen.typeset import english, english_text

from conftest import ENGLISH, ROOT

from conftest import AT_LEAST_ONE_ARGS
from quizgen.settings import GenerateSettings as _GS, Settings as _S

AT_LEAST_ONE = _S(generate=_GS(min_questions=1))  # a test of reading: one question at least, as --at-least 1

EXAM = sorted((ROOT / "tests" / "fixtures" / "exam-en").glob("*.txt"))
FIXTURES = EXAM + [ENGLISH, ROOT / "tests" / "fixtures" / "english-news.html"]
FULL_WIDTH = re.compile("[，．：；？！（）﹣－\u3000]")


def test_the_exam_passages_are_typeset_the_chinese_way():
    assert len(EXAM) >= 5
    for path in EXAM:
        text = path.read_text(encoding="utf-8")
        assert 250 <= len(text.split()) <= 400, path.name
        assert text.count("，") >= 10 and text.count("．") >= 10 and "　　" in text, path.name


@pytest.mark.parametrize("path", EXAM, ids=lambda p: p.stem)
def test_an_exam_passage_reads_as_english_sentences(path):
    article = read_article(path)
    assert article.language.value == "en"
    words = len(path.read_text(encoding="utf-8").split())
    assert len(article.sentences) >= words / 30  # a sentence per 30 words or better, not one per paragraph
    for sentence in article.sentences:
        assert not FULL_WIDTH.search(sentence), sentence
        assert re.search(r"[.?!][”’\"]?$", sentence), sentence
        assert "__" not in sentence and "  " not in sentence


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_english_passage_gets_a_checked_quiz(path):
    quiz = build_quiz(path, settings=AT_LEAST_ONE).to_dict()
    assert quiz["questions"], path.name
    assert [p for p in check_quiz(quiz) if p.severity == "error"] == []
    for question in quiz["questions"]:
        shown = question.get("text") or question["stem"] + " ".join(question["options"])
        assert not FULL_WIDTH.search(shown), shown


def test_full_width_marks_become_english_punctuation_and_spacing():
    assert english("When I was twelve， my grandfather owned a shop．It was small．") == \
        "When I was twelve, my grandfather owned a shop. It was small."
    assert english("“Now she’s gone，”he said．Mr．Harris paid 3．5 dollars for 1，000 nails？Yes！") == \
        "“Now she’s gone,” he said. Mr. Harris paid 3.5 dollars for 1,000 nails? Yes!"
    assert english("The gates opened at 13:00．Volunteers came on April 11，2025．") == \
        "The gates opened at 13:00. Volunteers came on April 11, 2025."  # a figure ends a sentence; a date is no thousand
    assert english("a fifteen﹣year﹣old student ； back﹣to﹣back （really）") == \
        "a fifteen-year-old student; back-to-back (really)"


def test_line_join_artefacts_are_undone_but_real_words_stay():
    assert english("corals feed on tinyalgae ， say marinebiologists") == "corals feed on tiny algae, say marine biologists"
    assert english("the tempera- ture rose") == "the temperature rose"
    kept = "a well- known bricklayer saw parrotfish, seaweed and overfishing underwater"
    assert english(kept) == kept
    address = "see www.tinyalgae.org/marinebiologists or write to tinyalgae@example.org."
    assert english(address) == address


def test_chinese_text_is_not_retypeset():
    text = "互联网金融，是传统金融行业与互联网精神相结合的新兴领域。"
    assert not english_text(text)
    assert english_text("Mr. Li （李） said that the new library would open next spring in the old town hall．")


def test_the_separator_lines_leave_no_trace(tmp_path):
    coral = read_article(ROOT / "tests" / "fixtures" / "exam-en" / "coral-reefs.txt")
    assert len(coral.sections[0].paragraphs) == 5
    assert "Corals get most of their food from tiny algae that live inside their tissues." in coral.sentences


# --- word classes offline -------------------------------------------------------------------

def test_the_lexicon_knows_classes_and_forms_and_inflects():
    from quizgen import lexicon

    assert ("noun", "NNS", "work") in lexicon.readings("works") and ("verb", "VBZ", "work") in lexicon.readings("works")
    assert lexicon.readings("realised") and {c for c, _, _ in lexicon.readings("quickly")} == {"adv"}
    assert lexicon.inflect("praise", "verb", "VBD") == "praised"
    assert lexicon.inflect("wheel", "noun", "NNS") == "wheels"
    assert lexicon.known("bricklayer") and not lexicon.known("tinyalgae")


@pytest.mark.parametrize("sentence, expected", [
    ("Patiently , he showed me how to remove the inner tube and cover it with a patch .",
     {"Patiently": "adverb:base", "showed": "verb:past", "remove": "verb:base", "inner": "adjective:base",
      "tube": "noun:base", "cover": "verb:base", "patch": "noun:base"}),
    ("When the water becomes too warm , the corals expel the algae and turn white .",
     {"warm": "adjective:base", "corals": "noun:plural", "expel": "verb:base", "white": "adjective:base"}),
    ("Critics argue that later starts make it harder for parents , and Grandpa retired in seventy days .",
     {"Critics": "noun:plural", "argue": "verb:base", "harder": "adjective:comparative",
      "parents": "noun:plural", "Grandpa": "name:base", "retired": "verb:past", "seventy": "number:base"}),
    ("Some live alone in hollow stems , after a process known as bleaching .",
     {"hollow": "adjective:base", "stems": "noun:plural", "known": "verb:past", "bleaching": "verb:ing"}),
])
def test_word_classes_come_from_the_lexicon_and_the_context(sentence, expected):
    from quizgen.english_tags import kinds

    words = sentence.split()
    tagged = dict(zip(words, kinds(words)))
    assert {w: tagged[w] for w in expected} == expected
    assert tagged["the"] == "" if "the" in tagged else True


def test_noun_phrases_and_names_are_terms():
    coral = read_article(ROOT / "tests" / "fixtures" / "exam-en" / "coral-reefs.txt")
    terms = {t.text: t.kind for t in coral.terms}
    assert terms.get("greenhouse gas emissions") == "noun:plural"
    assert terms.get("Great Barrier Reef") == "name:base"
    assert terms.get("corals") == "noun:plural" and terms.get("survive") == "verb:base"


# --- the questions ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def quizzes() -> dict[str, dict]:
    return {p.stem: build_quiz(p, settings=AT_LEAST_ONE).to_dict() for p in FIXTURES}  # the typesetting is what they test


@pytest.fixture(scope="module")
def more() -> dict[str, dict]:
    """The same passages with eight questions asked for: blanks and reasons among them."""
    settings = Settings(generate=GenerateSettings(questions=8))
    return {p.stem: build_quiz(p, settings=settings).to_dict() for p in FIXTURES}


def _keys(question: dict) -> list[str]:
    if question["type"] == "cloze":
        return question["answers"]
    return [question["options"][question["correct"]]]


def _details(quiz: dict) -> list[dict]:
    return [q for q in quiz["questions"] if q["skill"] not in {"structure", "thesis", "statement"}
            or q["type"] == "cloze" or "____" in (q.get("stem") or "")]


def test_each_exam_passage_gets_a_quiz(quizzes):
    for path in EXAM:
        assert quizzes[path.stem]["questions"], path.stem  # few: only what passes the strict gates


def test_everyday_words_are_under_three_percent_of_english_answers(quizzes, more):
    answers = [a for quiz in [*quizzes.values(), *more.values()] for q in _details(quiz) for a in _keys(q)]
    assert len(answers) >= 40
    everyday = [a for a in answers if zipf(a.replace("’", "'"), "en") >= 5]
    assert len(everyday) < 0.03 * len(answers), everyday


def test_one_blank_per_choice_and_each_key_asked_once(quizzes):
    from quizgen.generate.english_spans import answer_key

    for name, quiz in quizzes.items():
        keys = [answer_key(a) for q in _details(quiz) for a in set(_keys(q))]
        assert len(keys) == len(set(keys)), (name, keys)
        for question in quiz["questions"]:
            if question["type"] == "choice" and "____" in question["stem"]:
                assert question["stem"].count("____") == 1, question["stem"]


def test_no_option_is_a_form_or_spelling_of_another(quizzes):
    from quizgen.generate.english_spans import answer_key, stem

    for quiz in quizzes.values():
        for question in quiz["questions"]:
            if question["type"] != "choice" or "____" not in question["stem"]:
                continue
            options = question["options"]
            assert len({answer_key(o) for o in options}) == 4, options
            assert len({stem(o) for o in options}) == 4, options
            stem_words = {answer_key(w) for w in re.findall(r"[A-Za-z]+", question["stem"])}
            assert not any(answer_key(o) in stem_words for o in options), question["stem"]


def test_spelling_variants_and_forms_are_one_answer():
    from quizgen.generate.english_spans import answer_key, everyday

    assert answer_key("realised") == answer_key("realized") == "realize"
    assert answer_key("temperatures") == answer_key("temperature")
    assert everyday("friends") and everyday("very") and not everyday("melatonin")


def test_no_english_word_is_asked_with_options(quizzes):
    """Blind raters kept 0 of 36 English word-choice items: a word is asked as a blank, and the
    only English choice items are the passage's statements, reasons, sections and thesis."""
    for quiz in quizzes.values():
        for question in quiz["questions"]:
            if question["type"] == "choice" and "____" in question["stem"]:
                assert re.search(r"(?:because|so that|^Because|, so) ____", question["stem"]), question["stem"]


# --- what happened and why ----------------------------------------------------------------

def test_a_reason_the_passage_gives_is_asked_with_other_facts_of_the_passage_as_options(quizzes, more):
    assert not any("____" in (q.get("stem") or "") for quiz in quizzes.values() for q in quiz["questions"]
                   if q["type"] == "choice")  # by default none: raters kept 0 of 5, their clause options are fragments
    reasons = [q for quiz in more.values() for q in quiz["questions"] if q["type"] == "choice"
               and re.search(r"(?:because|so that|^Because|, so) ____", q["stem"])]
    assert len(reasons) >= 2
    from quizgen import lexicon

    for question in reasons:
        key = question["options"][question["correct"]]
        assert question["stem"].replace("____", key) == question["source"]
        for option in question["options"]:
            first = option.split()[0]
            assert option[:1].islower() or first == "I" or not lexicon.known(first.lower()), option
            assert 3 <= len(option.split()) <= 14 and ":" not in option


def test_the_reason_item_blanks_the_clause_after_because():
    from quizgen.generate.english_reasons import _blank

    assert _blank("He ordered the same meal because he could not read the menu.") == (
        "He ordered the same meal because ____.", "he could not read the menu")
    assert _blank("Because typing is fast, students record a lecture word for word.") == (
        "Because ____, students record a lecture word for word.", "typing is fast")
    assert _blank("“I left because it rained,” she said.") is None  # a speaker's reasons
    assert _blank("She left.") is None


def test_a_compound_or_an_opening_phrase_is_no_blank_and_ideas_answer_ideas():
    from quizgen.generate.english_spans import EnglishSpanFinder
    from quizgen.generate.spans import Span

    finder = EnglishSpanFinder(read_article(ROOT / "tests" / "fixtures" / "exam-en" / "sleep-and-memory.txt"))
    sentence = "Lack of sleep raises the risk of car accidents among young drivers."
    at = sentence.index("accidents")
    assert finder._given_away(sentence, Span("accidents", at, at + 9, "noun:plural", 2.0))  # car ____
    sentence = "At first glance, cities seem a strange home for bees."
    assert finder._given_away(sentence, Span("glance", 9, 15, "noun:base", 2.0))
    sentence = "Lack of sleep has been linked to poor concentration in class."
    at = sentence.index("concentration")
    assert not finder._given_away(sentence, Span("concentration", at, at + 13, "noun:base", 2.0))


# --- which statement is true ------------------------------------------------------------

BEES = ROOT / "tests" / "fixtures" / "city-bees.txt"  # written for the tests


def test_a_true_statement_item_hardens_the_passages_hedges():
    """Which is TRUE: three of the passage's sentences, each changed once — a hedge hardened or
    scope widened (often → always, some → all), a comparison turned round (more → fewer), a
    finding told as proof (suggests → proves), "one of the" dropped — no two of one kind but
    scope, and the passage's own words as the key."""
    from quizgen.generate.english_statement import _CERTAINTY, _COMPARATIVES, _MODALS, _SCOPE

    quiz = build_quiz(BEES).to_dict()
    sentences = read_article(BEES).sentences
    items = [q for q in quiz["questions"] if q["skill"] == "statement"]
    assert items and all(q["stem"] == "Which of the following is TRUE according to the passage?" for q in items)
    pairs = {(a, b) for a, b in _SCOPE + _MODALS + _CERTAINTY + _COMPARATIVES} | {("more", "fewer")}
    for question in items:
        kinds = []
        key = _own_words(question["options"][question["correct"]], question["explanations"][question["correct"]])
        assert key in sentences
        assert sentences.index(key) > 1  # not the opening's scene
        for index, option in enumerate(question["options"]):
            if index == question["correct"]:
                continue
            new, old, source = re.match(r"“(.+?)” does not match the passage, which says “(.+?)”: “(.+)”$",
                                        question["explanations"][index]).groups()
            only = old.lower().startswith("one of the ") and new.lower().startswith("the ")
            assert ((old.lower(), new.lower()) in pairs or only) and source in sentences
            assert option not in sentences and option == re.sub(rf"\b{old}\b", new, source, count=1)
            kinds.append("scope" if (old.lower(), new.lower()) in _SCOPE else "only" if only else old.lower())
        assert all(kinds.count(k) <= (2 if k == "scope" else 1) for k in kinds), kinds


@pytest.mark.parametrize("sentence, expected", [
    ("I decided to stay in the village for another year.", "The author decided to stay in the village for another year."),
    ("I think the village is the best place to live in.", None),  # a narrator's present view: no past to tell
    ("Imagine trying to find a restaurant without a map or a phone.", None),  # an appeal, not a statement
    ("However, this method has never been tested on large farms.", None),  # this leans on the sentence before
    ("You will find that your hand knows how to help your mind!", None),  # the reader's you
    ("In fact, honeybees compete with wild species for the same flowers.", "Honeybees compete with wild species for the same flowers."),
    ("Years later, she said she could still remember the song.", None),  # who is she?
    ("By the end of the summer, Grandpa had planted five times as many.", None),  # as many as what? (rate81)
])
def test_which_sentences_stand_as_statements(sentence, expected):
    from quizgen.generate.english_statement import statement

    assert statement(sentence) == expected


def test_a_passages_default_blank_is_no_subject_unit_or_list_item():
    """Raters rejected English blanks any word of the class fills: the sentence's subject
    (____ became faster), a unit after a number (two ____), one item of a list (buses, ____ and
    trains). The default blank of every exam passage fixture avoids all three."""
    for path in sorted((ROOT / "tests" / "fixtures" / "exam-en").glob("*.txt")):
        for question in build_quiz(path).to_dict()["questions"]:
            if question["type"] != "cloze":
                continue
            before, after = question["text"].split("{{c1::", 1)[0], question["text"].split("}}", 1)[1]
            assert re.search(r"\w", before), (path.name, question["text"])
            assert not re.search(r"\b(?:one|two|three|four|five|ten|hundred|several|\d+)\s*$", before, re.I), question["text"]
            assert not before.rstrip().endswith(",") and not re.match(r"^\s*(?:,\s*\w+\s*)*,?\s+(?:and|or)\s", after), question["text"]


@pytest.mark.parametrize("sentence, old, new", [
    ("Sleep is one of the most important factors in how well students learn.", "one of the most important factors",
     "the most important factor"),  # one of → the only one
    ("Volunteers picked up more than 9,000 plastic bottles on the beach that day.", "more than", "fewer than"),
    ("The bridge took more than ten years to build.", "more than", "less than"),  # a span of time is "less than"
    ("Research suggests that trees lower street temperatures by several degrees.", "suggests that", "proves that"),
    ("Crows use more tools than most other birds.", "more", "fewer"),
    ("Planting trees along streets reduces the temperature of the air around them.", "reduces", "increases"),
])
def test_english_changes_of_the_exam_kind(sentence, old, new):
    import random

    from quizgen.generate.english_statement import _change

    change = _change(sentence, sentence, random.Random(0), set())
    assert change and (change.old, change.new) == (old, new)


def test_a_statement_naming_what_another_sentence_said_is_not_an_option():
    from quizgen.generate.english_statement import statement

    assert statement("Early tests show that this method often works better than older ones.") is None  # which method?
    assert statement("Several cities planted strips of flowers, and these strips often attract insects.")  # said before


def test_an_english_figure_becomes_another_of_the_passages_figures():
    import random

    from quizgen.generate.english_statement import _change

    passage = "The river is 30 kilometres long.\nThe trail is 12 kilometres long.\nSound travels 340 metres a second."
    change = _change("The trail is 12 kilometres long.", passage, random.Random(0), set())
    assert change and (change.old, change.new, change.kind) == ("12", "30", "figure")
    assert _change("In 2019 the trail was 12 kilometres long.", passage, random.Random(0), set()) is None  # a year beside it


@pytest.mark.parametrize("sentence", [
    "Some birds may sometimes fly at night.",  # may → will: hairsplitting to raters
    "Prices rose by 40% in two years, more than 12 countries reported.",  # figures say which way
    "Cities with trees are warmer than cities without them.",  # a negative beside the comparison
    "Children learn in a way that school often cannot match.",  # always cannot is no English
    "Over four days, students will learn how codes are made and broken.",  # over: a span, not a bound
    "People who laugh often may simply be healthier in the first place.",  # laugh always may is no English
    "Walking is something an ordinary person can do every day.",  # a relative clause's modal
    "Towns built on hard rock tend to be stable, and the council checks them every year.",  # always be
])
def test_english_changes_raters_found_unfair_are_not_made(sentence):
    import random

    from quizgen.generate.english_statement import _change

    change = _change(sentence, sentence, random.Random(0), set())
    assert change is None or change.kind == "scope", change


@pytest.mark.parametrize("sentence, never", [
    ("Some people have asked whether the old ferry is still needed.", "All people"),  # absurd (rate66)
    ("The song had not been sung in public for more than forty years.", "less than"),  # bound inside a denial
    ("Some collectors are even trying to keep the old habit alive.", "All collectors"),  # all … even reads badly (rate73)
])
def test_english_changes_that_read_as_absurd_are_not_made(sentence, never):
    import random

    from quizgen.generate.english_statement import _change

    for seed in range(5):
        change = _change(sentence, sentence, random.Random(seed), set())
        assert change is None or never not in change.text, change


def test_a_temperature_is_not_swapped_for_another():
    """A warm room at 28 degrees becomes "a warm room at 12 degrees": against its own words (rate66)."""
    import random

    from quizgen.generate.english_statement import _change

    passage = "In a warm room at 28 degrees, the dough rises in an hour. In the fridge, at 12 degrees, it takes all night."
    change = _change("In a warm room at 28 degrees, the dough rises in an hour.", passage, random.Random(0), set())
    assert change is None or change.kind != "figure", change


def test_a_passage_whose_hedges_all_harden_alike_gets_no_item_of_three_always(tmp_path):
    """Three sentences that can only become "always" make no varied item, and no item of three
    "always" either: raters (rate55) rule such options out unread. The passage still gets a quiz."""
    passage = tmp_path / "markets.txt"
    passage.write_text(
        "Night Markets in Small Towns\n\n"
        "Every town in the valley holds a market on Friday evenings in the old square.\n\n"
        "Farmers usually arrive in the late afternoon with vegetables from their own fields. "
        "Visitors often stay for several hours because the square is cool after sunset. "
        "Local musicians generally play near the fountain until the stalls close. "
        "The market committee collects a small fee from each stall holder every month. "
        "The money pays for lights, cleaning and a first-aid tent beside the town hall.\n\n"
        "Older residents remember when the square was used as a car park for the factory. "
        "The market began when the factory closed and the council looked for a new use for the space. "
        "Today the market draws shoppers from the whole district and supports dozens of families.\n",
        encoding="utf-8")
    questions = build_quiz(passage, settings=AT_LEAST_ONE).to_dict()["questions"]
    assert questions
    for question in (q for q in questions if q["skill"] == "statement"):
        wrong = [o for i, o in enumerate(question["options"]) if i != question["correct"]]
        assert sum(bool(re.search(r"\b(?:always|all|only|never)\b", o)) for o in wrong) <= 2, wrong


def test_a_passage_with_one_change_gets_a_not_true_item_with_its_own_statements_beside_it(tmp_path, runner):
    """A passage with one sentence a careful reader can catch changed (more than 300 → fewer than
    300) gets "Which is NOT true" where a question is asked for (--at-least 1, --questions N), none
    by default: that sentence changed as the key,
    three of its own sentences word for word beside it, each explained — before any blank, which
    raters kept 1 time in 5 (rate66); `quizgen check` refuses the key edited back into the
    passage's words, which would leave no wrong statement."""
    passage = tmp_path / "tool-library.txt"
    passage.write_text(
        "A Library of Tools Opens in Eastbrook\n\n"
        "The town of Eastbrook opened a library of tools in a former fire station last spring.\n\n"
        "Members borrow drills, ladders and garden tools for a week at a time without paying anything. "
        "The project was started by three retired carpenters who had collected spare tools for many years. "
        "More than 300 residents signed up for membership during the first month. "
        "Each tool is checked and cleaned by volunteers before it goes back on the shelf. "
        "The council gave the group the empty fire station on a ten-year lease.\n\n"
        "The organisers hope the library will cut waste, because a typical drill is used for only minutes in its whole life. "
        "Schools in the district have asked whether their pupils could visit the workshop next year.\n",
        encoding="utf-8")
    quiz = tmp_path / "tool-library.quiz.json"
    assert build_quiz(passage).to_dict()["questions"] == []  # by default not asked alone: kept 16 times in 52 (rate98)
    default = [q for q in build_quiz(passage, settings=AT_LEAST_ONE).to_dict()["questions"] if q["skill"] == "statement"]
    assert [q["stem"] for q in default] == ["Which of the following is NOT true according to the passage?"]
    assert runner.invoke(app, ["build", str(passage), "-o", str(tmp_path), "-f", "json", "--questions", "4"]).exit_code == 0
    data = json.loads(quiz.read_text(encoding="utf-8"))
    items = [q for q in data["questions"] if q["skill"] == "statement"]
    assert [q["stem"] for q in items] == ["Which of the following is NOT true according to the passage?"]
    item = items[0]
    sentences = {s.rstrip(".") for s in read_article(passage).sentences}
    key = item["options"][item["correct"]]
    assert key.rstrip(".") not in sentences and "does not match the passage" in item["explanations"][item["correct"]]
    assert all(_own_words(o, item["explanations"][i]).rstrip(".") in sentences
               for i, o in enumerate(item["options"]) if i != item["correct"])
    item["options"][item["correct"]] = "More than 300 residents signed up for membership during the first month."
    quiz.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["check", str(quiz)])
    assert result.exit_code == 1 and "not a wrong statement" in result.output


_STORY = ("Maria Lopez was a 41-year-old accountant who spent her days at a desk.\n"
          "Her son, Pablo, ran for his school team.\n"
          "One evening Pablo asked Maria to come running with him.\n"
          "She managed 400 metres before she had to walk home.\n"
          "After nine weeks she could run for 30 minutes without stopping.\n"
          "Maria later finished a marathon, and she says Maria is a different person now.")


def test_a_story_option_says_whom_it_means():
    """She → Maria where the passage's main person is meant: the sentence before names nobody
    else, and the pronoun is hers; after a sentence naming Pablo, she may be anyone."""
    from quizgen.generate.english_statement import named, protagonist, statement

    main = protagonist(_STORY)
    assert main == ("Maria", "she")
    assert named("After nine weeks she could run for 30 minutes without stopping.",
                 "She managed 400 metres before she had to walk home.", main) \
        == "After nine weeks Maria could run for 30 minutes without stopping."
    unresolved = named("She managed 400 metres before she had to walk home.", "One evening Pablo asked Maria to come running with him.", main)
    assert unresolved.startswith("She") and statement(unresolved) is None  # whom it means is in another sentence


@pytest.mark.parametrize("sentence, expected", [
    ("Yawning is not a sign of boredom.", "Yawning is a sign of boredom."),
    ("The bird does not need a map to find its way.", "The bird needs a map to find its way."),
    ("The device did not work in cold weather.", "The device worked in cold weather."),
    ("This is not only a problem of money.", None),  # not only: turned round, no claim
    ("She could not swim, but she tried.", None),  # a clause after it argues on
    ("Bees may not survive the winter in the city.", None),  # a hedge denied may still be true
])
def test_a_denial_becomes_an_assertion(sentence, expected):
    from quizgen.generate.english_statement import _denial

    found = _denial(sentence)
    assert (sentence[:found[0][0]] + found[0][2] + sentence[found[0][1]:] if found else None) == expected


def test_a_stated_cause_becomes_another_the_passage_gives():
    from quizgen.generate.english_statement import _wrong_cause

    text = ("Visitors stay for hours because the square is cool after sunset.\n"
            "The stalls close early in winter because the market has no heating.\n"
            "Farmers come because they sell more here.")
    sentence = "Visitors stay for hours because the square is cool after sunset."
    found = _wrong_cause(sentence, text)
    assert found and sentence[:found[0][0]] + found[0][2] + sentence[found[0][1]:] \
        == "Visitors stay for hours because the market has no heating."
    assert not _wrong_cause("Farmers come because they sell more here.", text)  # whose "they"?


@pytest.mark.parametrize("sentence, changed", [
    ("One leading theory suggests that special proteins react to magnetism.", True),  # a finding told as proof
    ("Ms Liu suggested that Chen Hao enter the youth competition.", False),  # advice, not a finding: "proved that … enter" is garbled
])
def test_only_a_finding_is_told_as_proof(sentence, changed):
    import random

    from quizgen.generate.english_statement import _change

    change = _change(sentence, sentence, random.Random(0), set())
    assert (change is not None and change.kind == "certainty") is changed


@pytest.mark.parametrize("sentence", [
    "A gap year can teach skills that classrooms usually cannot.",  # a denial inside a relative clause
    "Europeans knew nothing about popcorn until they arrived in the Americas.",
    "Europeans did not know about popcorn until they arrived in the Americas.",  # not … until
])
def test_a_denial_that_is_not_the_claim_is_not_turned(sentence):
    from quizgen.generate.english_statement import _denial

    assert not _denial(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("In short, laughter is much more than a reaction to something funny.", "Laughter is much more than a reaction to something funny."),
    ("The shared office is therefore more than a place to sit.", None),  # therefore: it follows from another sentence
    ("The chip and the reader then exchange information.", None),  # a step of a sequence
    ("Loud engines at night are a different story for most residents.", None),  # different from what? (rate66)
    ("What follows is a fast chain of reactions.", None),  # a signpost (rate68)
    ("What came next is often called the golden age of the postcard.", None),  # (rate73)
    ("With an average stay of four nights, that would raise about ten million euros a year.", None),  # that: what? (rate73)
    ("Finally, and perhaps most surprisingly, stairs can make a building friendlier.",
     "Perhaps most surprisingly, stairs can make a building friendlier."),  # each opening in turn (rate71)
    ("By the end of the study, their resting heart rate had fallen by about 4 beats per minute.", None),  # whose? (rate71)
    ("Teachers must follow it themselves, and they must explain the reasons.", None),  # follow what?
    ("Volunteers make it easier for families to visit the museum every weekend.", "Volunteers make it easier for families to visit the museum every weekend."),
    ("But the old ferry still carries about two hundred people every day.", "The old ferry still carries about two hundred people every day."),
])
def test_an_option_does_not_lean_on_another_sentence(sentence, expected):
    from quizgen.generate.english_statement import statement

    assert statement(sentence) == expected


def test_no_scope_widened_over_a_multitude_and_no_option_on_those_words():
    import random

    from quizgen.generate.english_statement import _change, statement

    sentence = "Her clinics have helped many thousands of people to see again."
    change = _change(sentence, sentence, random.Random(0), set())
    assert change is None or "all thousands" not in change.text  # rate61: "helped all thousands of people"
    assert statement("Yifan thought about those words for a long time.") is None  # which words?


@pytest.mark.parametrize("sentence, expected", [
    ("Maya packed the tent before the rain started.", "Maya packed the tent after the rain started."),  # the order of events
    ("The villagers rebuilt the bridge after the flood had passed.", "The villagers rebuilt the bridge before the flood had passed."),
    ("She looked after her brother every weekend.", None),  # looked after: no time
    ("The day before the race, he could not sleep.", None),  # the day before: a frame
    ("What he still remembered after a week stayed with him for years.", None),  # a span of time has no before (rate81)
])
def test_an_event_is_told_in_the_wrong_order(sentence, expected):
    from quizgen.generate.english_statement import _order

    found = _order(sentence)
    changed = sentence[:found[0][0]] + found[0][2] + sentence[found[0][1]:] if found else None
    assert changed == expected


def test_what_one_named_person_did_is_given_to_another():
    """Zhou Ping hired … → Lin Yue hired …: only someone the passage names twice, never one named
    beside these words."""
    from quizgen.generate.english_statement import _other_person, _people

    passage = ("Lin Yue had never liked her own voice.\nZhou Ping ran the radio station above the shop.\n"
               "Zhou Ping needed someone to sort emails on Saturday mornings.\nLin Yue agreed to help.\n"
               "Mr Chen fixed the old transmitter.\nMr Chen laughed at the idea.")
    assert _people(passage) == ("Lin Yue", "Zhou Ping", "Mr Chen")
    sentence = "Zhou Ping needed someone to sort emails on Saturday mornings."
    (start, end, new, kind), = _other_person(sentence, passage)
    assert (sentence[start:end], kind) == ("Zhou Ping", "person") and new in {"Lin Yue", "Mr Chen"}
    beside = passage + "\nLin Yue also needed someone to sort emails on Saturday mornings."
    assert _other_person(sentence, beside)[0][2] == "Mr Chen"  # Lin Yue is named beside these words
    assert _people(passage + "\nGate Three was crowded.\nGate Three closed at noon.") == ("Lin Yue", "Zhou Ping", "Mr Chen")  # a place (rate68)


def test_a_denial_with_an_any_word_is_not_turned():
    """was not racing anyone → "was racing anyone" is no English."""
    from quizgen.generate.english_statement import _denial

    assert not _denial("The young runner was not racing anyone except herself.")
    assert _denial("The young runner was not racing for a medal.")


def test_a_name_is_not_put_for_a_pronoun_in_a_sentence_that_names_them():
    """Hannah still feels nervous when she plays → not "when Hannah plays" (rate71)."""
    from quizgen.generate.english_statement import named, statement

    sentence = "Hannah still feels nervous when she plays for people she does not know."
    assert named(sentence, "", ("Hannah", "she")) == sentence and statement(sentence) == sentence


def _own_words(option: str, note: str) -> str:
    """A faithful option in the passage's words: a restated one (its explanation names the
    synonym) with the passage's word put back."""
    restated = re.search(r"\(“(.+?)” for its “(.+?)”, which means the same\)", note)
    if not restated:
        assert note.startswith("The passage says so: "), note
        return option
    new, old = restated.groups()
    assert new in option
    return option.replace(new, old, 1)


@pytest.mark.parametrize("statement, expected", [
    ("Bees often visit the same flower twice.", "Bees frequently visit the same flower twice."),
    ("The whole village began work about 30 years ago.", "The whole village began work around 30 years ago."),
    ("The whole village took part in the festival.", "The entire village took part in the festival."),
    ("On the whole, it is big and heavy.", "On the whole, it is large and heavy."),  # on the whole is kept
    ("The museum opened in 1900 and closed later.", None),
])
def test_a_faithful_english_option_is_restated_by_a_synonym_that_means_the_same(statement, expected):
    from quizgen.generate.rewording import reworded

    restated = reworded(statement, True)
    assert (restated.text if restated else None) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("In many schools today, students spend more time typing than writing by hand.",
     "In many schools today, students spend less time typing than writing by hand."),  # a short frame, one clause
    ("Students spend more time typing than writing, and teachers worry about it.", None),  # turned round in one clause of two
])
def test_a_comparison_is_turned_round_only_in_a_sentence_of_one_clause(sentence, expected):
    import random

    from quizgen.generate.english_statement import _change

    change = _change(sentence, sentence, random.Random(0), set())
    assert (change.text if change and change.kind == "comparison" else None) == expected


@pytest.mark.parametrize("sentence", [
    "Set aside ten minutes a day with no screens and no plans.",  # a command
    "At first it will feel uncomfortable, even a little strange.",  # it: what?
    "Notice that laws followed design, not the other way round.",  # the writer's aside to the reader (rate93)
])
def test_a_command_or_an_opening_it_is_no_statement(sentence):
    from quizgen.generate.english_statement import statement

    assert statement(sentence) is None


def test_a_figure_under_a_bound_or_a_clock_time_is_not_swapped():
    """cannot fall asleep before 11 p.m. → before 7 p.m. is still true (rate83)."""
    from quizgen.generate.english_statement import _figure

    text = "Many teenagers cannot fall asleep before 11 hours of light.\nAdults sleep for 7 hours."
    assert _figure("Many teenagers cannot fall asleep before 11 p.m., however early they go to bed.", text) == []
    assert _figure("Many teenagers cannot fall asleep before 11 hours of light.", text) == []
    assert _figure("Most adults sleep for 11 hours.", text) == [(22, 24, "7", "figure")]


def test_a_term_after_a_naming_verb_is_asked_though_the_passage_names_another_the_same_way():
    """bags of colour called ____ / bumps called papillae: any term follows "called", so the
    other is no rival for the blank (raters wanted chromatophores, papillae asked: rate78)."""
    source = ("Masters of Disguise\n\n"
              "An octopus can vanish against a reef in less than a second. Its skin contains thousands of tiny bags of colour "
              "called chromatophores. Each chromatophore holds a pigment and is ringed by small muscles. When the muscles pull, "
              "the colour spreads out; when they relax, it shrinks to a dot. By tightening other muscles, an octopus raises "
              "small bumps called papillae, and its smooth skin turns rough like a sponge. Divers who study octopuses say the "
              "papillae are as important to the disguise as the chromatophores are.\n")
    from quizgen.generate.english_spans import EnglishSpanFinder

    import pathlib
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "octopus.txt"
        path.write_text(source, encoding="utf-8")
        article = read_article(path)
    finder = EnglishSpanFinder(article)
    sentence = next(s for s in article.sentences if "called chromatophores" in s)
    assert "chromatophores" in [s.text for s in finder.spans(sentence)]


def test_a_wrong_cause_is_never_a_clause_with_the_readers_you_or_a_narrators_we():
    """… we yawn because you've read the word "yawn" several times: spliced, it is garbled (rate87)."""
    from quizgen.generate.english_statement import _wrong_cause

    text = ("People yawn in a warm room because the brain needs cooling down after long work.\n"
            "Right now you may feel like yawning because you have read the word several times.\n"
            "Dogs yawn at their owners because dogs share the feelings of people nearby.")
    found = _wrong_cause("People yawn in a warm room because the brain needs cooling down after long work.", text)
    assert found and "you" not in found[0][2]


@pytest.mark.parametrize("sentence", [
    "In today's world, where almost any fact can be found in seconds, that assumption looks increasingly out of date.",
    "Multiplied by thousands of trays and nearly two hundred school days, it is not small at all.",
    "Fewer than 1,000 are thought to remain, making it one of the most endangered large mammals on Earth.",
])
def test_a_statement_that_says_of_what_only_in_another_sentence_is_no_option(sentence):
    """that assumption, it, 1,000 of what: copied as options, raters marked them ill-formed (rate89)."""
    from quizgen.generate.english_statement import statement

    assert statement(sentence) is None


def test_an_event_told_in_the_wrong_order_is_no_not_true_key():
    """"… checks after they act" as the one false statement gives itself away (rate89, 91: 3 of 3)."""
    import random

    from quizgen.generate.english_statement import _change, _not_true_item
    from quizgen.generate.build import Slot
    from quizgen.model import Section
    from quizgen.settings import GenerateSettings

    sentences = ["Good players study the whole board before they make a move.",
                 "The club meets every Tuesday in the school library at lunchtime.",
                 "Beginners are paired with older students who have played for years.",
                 "Every member plays at least one full game against a teacher each month."]
    text = "\n".join(sentences)
    assert _change(sentences[0], text, random.Random(0), set()).kind == "order"
    section = Section(id="s1", title=None, paragraphs=[])
    slots = [Slot(s, section, i, 0, i) for i, s in enumerate(sentences)]
    assert _not_true_item(slots, {i: s for i, s in enumerate(sentences)}, text, GenerateSettings()) is None


@pytest.mark.parametrize("sentence, term", [
    ("An octopus's skin contains thousands of tiny bags of colour called chromatophores.", "chromatophores"),
    ("Scientists have found that the ant relies mainly on a method called path integration.", "path integration"),
    ("In this state, known as cryptobiosis, their metabolism slows to almost nothing at all.", "cryptobiosis"),
    ("In the First World War, a pigeon called Cher Ami carried a message through enemy fire.", None),  # a name
    ("She was mocked in parliament and called a troublemaker, but public pressure grew.", None),  # someone's words
    ("One widely quoted guideline, known as the “ten-minute rule”, suggests ten minutes per night.", None),  # given away
    ("The answer is a process called chemosynthesis.", None),  # nothing to fill it from
])
def test_the_term_an_english_sentence_names(sentence, term):
    from quizgen.generate.english_defined import defined_term

    assert defined_term(sentence) == term


def test_a_passage_with_no_statement_item_blanks_the_term_it_names(tmp_path):
    """Its one blank is the named term (carotenoids), not an everyday noun of a top sentence."""
    path = tmp_path / "autumn.txt"
    path.write_text("Why Pumpkins Are Orange\n\nA ripe pumpkin sits in the field in October. Farmers pick them by hand.\n\n"
                    "The orange colour comes from pigments called carotenoids, which also colour carrots and sweet potatoes.\n\n"
                    "Children carve faces into them at Halloween, and many families bake pumpkin pie in November.\n",
                    encoding="utf-8")
    from quizgen.generate import generate

    questions = generate(read_article(path), settings=GenerateSettings())
    assert [(q.type.value, q.answers) for q in questions] == [("cloze", ["carotenoids"])]
    assert "pigments called {{c1::carotenoids" in questions[0].text


def test_a_line_with_no_verb_is_no_statement():
    """A price list's line (Students with a valid school ID 45 yuan.) garbles as an option (rate95);
    a verb after an adverb counts even where the tagger reads a noun (bees often produce)."""
    from quizgen.generate.english_statement import statement

    assert statement("Students with a valid school ID pay 45 yuan for each single night.") is not None
    assert statement("Students with a valid school ID 45 yuan for each single night.") is None
    assert statement("City bees often produce more honey than bees on farms.") is not None


def test_a_closed_compound_of_everyday_words_is_no_rare_word():
    """noticeboard and windowsill are notice + board, window + sill: everyday, though wordfreq does
    not list them whole; chromatophores has no listed halves and stays rare."""
    assert zipf("noticeboard", "en") > 4 and zipf("windowsill", "en") > 4
    assert zipf("chromatophores", "en") == 0
