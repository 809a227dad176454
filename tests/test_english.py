"""English articles: detection, spaCy (blank fallback always; a trained pipeline built here),
English questions, and a batch that mixes languages. Printing and Anki import of the English
fixture run in test_worksheet.py and test_anki.py (the `outputs` fixture)."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from quizgen.check import check_quiz
from quizgen.english import FUNCTION_WORDS_EN, is_function_word, load_pipeline, spelled_form
from quizgen.languages import ENGLISH as EN_PROFILE
from quizgen.pipeline import build_quiz, read_article
from quizgen.read import read
from quizgen.settings import AnalyseSettings, GenerateSettings, Settings
from quizgen.structure import split_sentences

from conftest import BUNDLED, ENGLISH, ROOT

from conftest import AT_LEAST_ONE_ARGS
from quizgen.settings import GenerateSettings as _GS, Settings as _S

AT_LEAST_ONE = _S(generate=_GS(min_questions=1))  # a test of reading: one question at least, as --at-least 1

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def article():
    return read_article(ENGLISH)


@pytest.fixture(scope="module")
def english_quiz(english_built) -> dict:
    return json.loads((english_built / "walden-abridged.quiz.json").read_text(encoding="utf-8"))


def test_language_is_detected_per_article(article):
    assert article.language.value == "en"
    assert read_article(BUNDLED).language.value == "zh"


@pytest.mark.parametrize("text, language", [
    ("Les villes plantent des arbres à un rythme inédit depuis des décennies. Les forêts urbaines "
     "rafraîchissent les rues, purifient l’air et absorbent la pluie qui inonderait sinon les égouts. "
     "La raison la plus importante est la chaleur, surtout pour les personnes âgées en été.", "neither Chinese nor English"),
    ("都市は数十年ぶりのペースで木を植えている。都市の森は通りを冷やし、空気をきれいにし、雨を吸収する。"
     "最も重要な理由は暑さである。夏の午後、成熟した木が並ぶ通りは数度涼しくなることがある。", "like Japanese"),
])
def test_other_languages_are_refused_in_one_line(runner, tmp_path, text, language):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app_(), ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"the text looks {language}; quizgen reads Chinese and English" in result.stderr
    assert not list((tmp_path / "out").glob("*"))
    forced = runner.invoke(app_(), ["inspect", str(path), "--lang", "en"])
    assert forced.exit_code == 0  # --lang takes the user's word for it


def test_inspect_tree_of_an_english_article_is_in_english(runner):
    result = runner.invoke(app_(), ["inspect", str(ENGLISH)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("title: Walden: Economy, Where I Lived, Reading\nauthor: Henry David Thoreau")
    assert "├─ s1  Economy" in result.stdout and not CJK.search(result.stdout)


def test_lang_option_overrides_detection(runner):
    result = runner.invoke(app_(), ["inspect", str(ENGLISH), "--json", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] == "zh"
    bad = runner.invoke(app_(), ["inspect", str(ENGLISH), "--lang", "fr"])
    assert bad.exit_code == 2 and "unknown language 'fr'" in bad.output


def app_():
    from quizgen.cli import app

    return app


def test_structure_of_the_english_fixture(article):
    assert article.title == "Walden: Economy, Where I Lived, Reading"
    assert (article.author, article.date) == ("Henry David Thoreau", "1854-08-09")
    assert [s.title for s in article.sections] == ["Economy", "Where I Lived, and What I Lived For", "Reading"]
    assert "The mass of men lead lives of quiet desperation." in article.sections[0].points
    assert "Public domain" not in article.text  # the Markdown comment is no text


def test_a_hard_wrapped_text_file_reads_as_whole_paragraphs(tmp_path):
    """An e-text wrapped at 70 columns (paragraphs between blank lines) gives the same
    sections and sentences as the Markdown it was made from."""
    import textwrap

    markdown = ENGLISH.read_text(encoding="utf-8")
    chunks = [c.strip() for c in markdown.split("\n\n") if c.strip() and not c.lstrip().startswith("<!--")]
    wrapped = "\n\n".join(c if c.startswith("#") else textwrap.fill(c, 70) for c in chunks)
    path = tmp_path / "walden.txt"
    path.write_text(wrapped + "\n", encoding="utf-8")
    assert max(len(line) for line in wrapped.splitlines()) <= 70
    assert read_article(path).sentences == read_article(ENGLISH).sentences


def test_an_e_text_keeps_the_work_between_its_fences(tmp_path):
    """An e-text: a licence paragraph and labelled metadata, the work between '*** … ***'
    fences, then more licence text. The work is the body; title and author come from the
    labelled lines."""
    import textwrap

    licence = textwrap.fill("This electronic text is offered free of charge to anyone anywhere, with almost no "
                            "restrictions; you may copy it, give it away or re-use it under the terms of the archive "
                            "licence, which the archive's trustees describe in full on their website.", 70)
    work = [c.strip() for c in ENGLISH.read_text(encoding="utf-8").split("\n\n")[3:] if c.strip()]
    body = "\n\n".join(c[3:].upper() if c.startswith("## ") else textwrap.fill(c, 70) for c in work)
    text = (f"An electronic text of Walden\n\n{licence}\n\nTitle: Walden\n\nAuthor: Henry David Thoreau\n\n"
            f"*** START OF THE ELECTRONIC TEXT ***\n\n{body}\n\n*** END OF THE ELECTRONIC TEXT ***\n\n{licence}\n")
    path = tmp_path / "walden.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert (article.title, article.author) == ("Walden", "Henry David Thoreau")
    assert "licence" not in article.text and "electronic text" not in article.text.lower()
    assert "The mass of men lead lives of quiet desperation." in article.sentences
    assert [s.title for s in article.sections] == ["ECONOMY", "WHERE I LIVED, AND WHAT I LIVED FOR", "READING"]


def test_markdown_soft_line_breaks_join_and_chinese_joins_without_spaces(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# 标题\n\n第一段的前半句，\n后半句在下一行。\n\n- 列表一\n- 列表二\n\nA sentence that\ngoes on here.\n",
                    encoding="utf-8")
    blocks = [b.text for b in read(path).blocks]
    assert blocks == ["第一段的前半句，后半句在下一行。", "列表一", "列表二", "A sentence that goes on here."]


def test_english_html_page_loses_its_furniture():
    page = ROOT / "tests" / "fixtures" / "english-news.html"
    article = read_article(page)
    assert article.language.value == "en"
    assert (article.title, article.author, article.date) == (
        "Why cities are planting more trees", "Jane Porter", "2023-05-02")
    assert [s.title for s in article.sections] == [
        None, "Shade is the key benefit", "Trees need care to survive", "Paying for the urban forest"]
    for noise in ("Home", "Related stories", "Rain gardens", "Privacy", "All Rights Reserved", "By Jane"):
        assert noise not in article.text
    quiz = build_quiz(page).to_dict()
    assert len(quiz["questions"]) >= 1
    assert [p for p in check_quiz(quiz) if p.severity == "error"] == []


def test_html_reference_list_in_an_ordered_list_is_set_apart(tmp_path):
    page = (ROOT / "tests" / "fixtures" / "english-news.html").read_text(encoding="utf-8")
    references = ("<h2>References</h2><ol><li>Porter, J. (2021). Street trees and heat. City Journal.</li>"
                  "<li>Lee, K. (2022). Who waters the saplings? Urban Forestry Review.</li></ol>")
    path = tmp_path / "page.html"
    path.write_text(page.replace("</article>", references + "</article>"), encoding="utf-8")
    article = read_article(path)
    assert article.references == ["1. Porter, J. (2021). Street trees and heat. City Journal.",
                                   "2. Lee, K. (2022). Who waters the saplings? Urban Forestry Review."]
    assert "References" not in [s.title for s in article.sections] and "Porter, J." not in article.text


@pytest.mark.parametrize("text, expected", [
    ('"Great!" he said. Mr. Smith went to the U.S. in 2019. It grew 3.5% (e.g. in cities).',
     ['"Great!" he said.', "Mr. Smith went to the U.S. in 2019.", "It grew 3.5% (e.g. in cities)."]),
    ("Dr. Watson arrived at 10 a.m. and left. Was he late? No.",
     ["Dr. Watson arrived at 10 a.m. and left.", "Was he late?", "No."]),
    ("“It works,” she wrote. Prices fell by 2.5 percent. See Fig. 3 for details.",
     ["“It works,” she wrote.", "Prices fell by 2.5 percent.", "See Fig. 3 for details."]),
])
def test_english_sentences(text, expected):
    assert split_sentences(text) == expected


def test_blank_pipeline_is_the_fallback_and_says_so(runner, tmp_path):
    pipeline = load_pipeline(None)
    assert not pipeline.trained and "blank" in pipeline.description
    result = runner.invoke(app_(), ["build", str(ENGLISH), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("English: spaCy blank 'en'") == 1


def test_a_missing_spacy_pipeline_is_one_line_and_exit_1(runner, tmp_path):
    result = runner.invoke(app_(), ["build", str(ENGLISH), "-o", str(tmp_path), "--spacy-model", "en_core_web_xx"])
    assert result.exit_code == 1
    assert "spaCy pipeline 'en_core_web_xx' is not installed" in result.stderr
    assert "Traceback" not in result.output and not list(tmp_path.iterdir())


def test_english_quiz_passes_check(runner, english_built, english_quiz):
    result = runner.invoke(app_(), ["check", str(english_built / "walden-abridged.quiz.json")])
    assert result.exit_code == 0, result.output
    assert english_quiz["article"]["language"] == "en"
    skills = {q["skill"] for q in english_quiz["questions"]}
    assert "structure" in skills and "thesis" not in skills  # raters kept no English thesis item
    assert english_quiz["questions"]  # the best questions only: a word never with options, blanks when more are asked for


def test_blanks_are_whole_content_words(english_quiz):
    for question in english_quiz["questions"]:
        if question["type"] == "cloze":
            answers = question["answers"]
        elif "____" in question["stem"]:
            answers = [question["options"][question["correct"]]]
        else:
            continue
        for answer in answers:
            assert not is_function_word(answer) and answer.lower() not in FUNCTION_WORDS_EN, answer
            assert EN_PROFILE.contains(question["source"], answer), f"{answer!r} is not a whole word of the source"


def test_options_follow_the_case_of_the_blank(english_quiz):
    for question in english_quiz["questions"]:
        if question["type"] == "choice" and question["stem"].startswith("____"):
            assert all(o[:1].isupper() for o in question["options"]), question["options"]


def test_english_wording_everywhere(english_more):
    quiz = json.loads((english_more / "walden-abridged.quiz.json").read_text(encoding="utf-8"))
    for question in quiz["questions"]:
        assert not CJK.search(json.dumps(question, ensure_ascii=False)), question["id"]
    stems = [q["stem"] for q in quiz["questions"] if q["skill"] == "structure"]
    assert any(s.startswith("Which of the following points does the section") for s in stems)
    for kind in ("worksheet", "answers"):
        html = (english_more / f"walden-abridged.{kind}.html").read_text(encoding="utf-8")
        assert '<html lang="en">' in html and not CJK.search(html)
        assert all(label in html for label in ("Name", "Class", "Date", "Score", "Part I Cloze"))


def test_the_same_seed_gives_the_same_english_quiz():
    first = build_quiz(ENGLISH).to_dict()
    again = build_quiz(ENGLISH).to_dict()
    assert first == again
    other = build_quiz(ENGLISH, settings=Settings(generate=GenerateSettings(seed=7))).to_dict()
    assert other != first
    by_id = {q["id"]: q for q in first["questions"]}
    shared = [q for q in other["questions"] if q["id"] in by_id]
    assert shared and all(q["source"] == by_id[q["id"]]["source"] for q in shared)


def test_mixed_batch_builds_each_language(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ENGLISH, folder / "walden.md")
    shutil.copy(ROOT / "tests" / "fixtures" / "portal-page-dump.txt", folder / "greenway.txt")
    shutil.copy(BUNDLED, folder / "finance.txt")
    out = tmp_path / "out"
    result = runner.invoke(app_(), ["build", *AT_LEAST_ONE_ARGS, str(folder), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    languages = {path.name.split(".")[0]: json.loads(path.read_text(encoding="utf-8"))["article"]["language"]
                 for path in out.glob("*.quiz.json")}
    assert languages == {"walden": "en", "greenway": "zh", "finance": "zh"}
    assert re.search(r"walden\.md\s*│\s*en", result.stdout) and re.search(r"finance\.txt\s*│\s*zh", result.stdout)


# --- a trained pipeline: a small tagger and parser trained here, loaded from its folder -----

TAGGED = [  # words, Penn tags, heads, dependency labels
    ("Books are the treasured wealth of the world and the fit inheritance of nations .",
     "NNS VBP DT JJ NN IN DT NN CC DT JJ NN IN NNS .",
     [1, 1, 4, 4, 1, 4, 7, 5, 4, 11, 11, 4, 11, 12, 1],
     "nsubj ROOT det amod attr prep det pobj cc det amod conj prep pobj punct"),
    ("Men have become the tools of their tools .", "NNS VBP VBN DT NNS IN PRP$ NNS .",
     [2, 2, 2, 4, 2, 4, 7, 5, 2], "nsubj aux ROOT det attr prep poss pobj punct"),
    ("The farmer who works to pay for his farm spends twenty years of labor .",
     "DT NN WP VBZ TO VB IN PRP$ NN VBZ CD NNS IN NN .",
     [1, 9, 3, 1, 5, 3, 5, 8, 6, 9, 11, 9, 11, 12, 9],
     "det nsubj nsubj relcl aux xcomp prep poss pobj ROOT nummod dobj prep pobj punct"),
    ("I went to the woods because I wished to live deliberately .",
     "PRP VBD IN DT NNS IN PRP VBD TO VB RB .",
     [1, 1, 1, 4, 2, 7, 7, 1, 9, 7, 9, 1],
     "nsubj ROOT prep det pobj mark nsubj advcl aux xcomp advmod punct"),
    ("The oldest and the best books have a natural place on the shelves of every cottage .",
     "DT JJS CC DT JJS NNS VBP DT JJ NN IN DT NNS IN DT NN .",
     [5, 5, 1, 5, 5, 6, 6, 9, 9, 6, 6, 12, 10, 12, 15, 13, 6],
     "det amod cc det amod nsubj ROOT det amod dobj prep det pobj prep det pobj punct"),
    ("The athletes underwent a training , and the philosophers lived a simple life .",
     "DT NNS VBD DT NN , CC DT NNS VBD DT JJ NN .",
     [1, 2, 2, 4, 2, 2, 2, 8, 9, 2, 12, 12, 9, 2],
     "det nsubj ROOT det dobj punct cc det nsubj conj det amod dobj punct"),
    ("Henry Thoreau lived at Walden Pond .", "NNP NNP VBD IN NNP NNP .",
     [1, 2, 2, 2, 5, 3, 2], "compound nsubj ROOT prep compound pobj punct"),
]
ENTITIES = {6: ["B-PERSON", "L-PERSON", "O", "O", "B-LOC", "L-LOC", "O"]}  # sentence index → BILUO tags
TAG_POS = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "VB": "VERB", "VBD": "VERB", "VBN": "VERB", "VBP": "VERB",
           "VBZ": "VERB", "JJ": "ADJ", "JJS": "ADJ", "RB": "ADV", "DT": "DET", "IN": "ADP", "CC": "CCONJ",
           "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "TO": "PART", "CD": "NUM", ".": "PUNCT", ",": "PUNCT"}


@pytest.fixture(scope="module")
def trained_pipeline(tmp_path_factory):
    """A tagger, a parser (labels kept however rare), an entity recogniser and a tag → POS
    map, trained on the sentences above until it knows them: enough to drive quizgen's
    trained-pipeline path."""
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example

    spacy.util.fix_random_seed(0)  # the same weights every run: the test must not be flaky
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger")
    nlp.add_pipe("parser", config={"min_action_freq": 1})
    nlp.add_pipe("ner")
    ruler = nlp.add_pipe("attribute_ruler")
    examples = [Example.from_dict(Doc(nlp.vocab, words=text.split()),
                                  {"tags": tags.split(), "heads": heads, "deps": deps.split(),
                                   "entities": ENTITIES.get(index, ["O"] * len(heads))})
                for index, (text, tags, heads, deps) in enumerate(TAGGED)]
    optimizer = nlp.initialize(lambda: examples)
    ruler.load_from_tag_map({tag: {"POS": pos} for tag, pos in TAG_POS.items()})
    for _ in range(80):  # enough for every random start tried (12 seeds), and the seed is fixed
        nlp.update(examples, sgd=optimizer)
    nlp.meta["name"] = "quizgen_test_pipeline"
    folder = tmp_path_factory.mktemp("pipeline") / "trained"
    nlp.to_disk(folder)
    return folder


def test_trained_pipeline_tags_give_term_kinds(trained_pipeline):
    pipeline = load_pipeline(str(trained_pipeline))
    assert pipeline.trained and "quizgen_test_pipeline" in pipeline.description
    assert pipeline.description.endswith("(part-of-speech tags, noun chunks, entities)")
    article = read_article(ENGLISH, settings=Settings(analyse=AnalyseSettings(spacy_model=str(trained_pipeline))))
    kinds = {t.text.lower(): t.kind for t in article.terms}
    assert kinds["books"] == "noun:plural" and kinds["tools"] == "noun:plural"
    assert all(not k.startswith("word:") for k in kinds.values())  # every kind from the tagger


def test_trained_pipeline_phrases_come_from_noun_chunks_and_entities(trained_pipeline):
    from quizgen.english import extract_terms

    sentence = TAGGED[0][0].replace(" .", ".")
    terms = {t.text: t.kind for t in extract_terms([sentence, sentence], boosts={}, keywords=[],
                                                   model=str(trained_pipeline))}
    assert terms.get("treasured wealth") == "noun:base" and terms.get("fit inheritance") == "noun:base"
    assert "wealth of the world" not in terms  # a chunk ends at its head noun
    names = TAGGED[6][0].replace(" .", ".")
    terms = {t.text: t.kind for t in extract_terms([names, names], boosts={}, keywords=[],
                                                   model=str(trained_pipeline))}
    assert terms.get("Henry Thoreau") == "name:base" and terms.get("Walden Pond") == "name:base"


def test_trained_pipeline_builds_a_checked_quiz(runner, trained_pipeline, tmp_path):
    result = runner.invoke(app_(), ["build", str(ENGLISH), "-o", str(tmp_path), "--spacy-model", str(trained_pipeline)])
    assert result.exit_code == 0, result.output
    assert "spaCy pipeline quizgen_test_pipeline" in result.stderr
    check = runner.invoke(app_(), ["check", str(tmp_path / "walden-abridged.quiz.json")])
    assert check.exit_code == 0, check.output


def test_blank_pipeline_reads_word_class_from_suffix_and_context():
    from quizgen.english import extract_terms

    sentences = ["We want to harvest the apples before the frost arrives.",
                 "They harvest apples every autumn, and the orchard keepers store the apples carefully.",
                 "A cold cellar keeps the apples fresh for months.",
                 "Their preservation depends on a cold and dark cellar."]
    kinds = {t.text: t.kind for t in extract_terms(sentences, boosts={}, keywords=[])}
    assert kinds["harvest"] == "verb:base"  # after "to" and a pronoun
    assert kinds["apples"] == "noun:plural"  # after "the", then no content word
    assert kinds["cold"] == "adjective:base"  # after "a", before a content word
    assert kinds["carefully"] == "adverb:base" and kinds["preservation"] == "noun:base"


def test_check_and_render_an_edited_english_quiz(runner, english_more, tmp_path):
    edited = json.loads((english_more / "walden-abridged.quiz.json").read_text(encoding="utf-8"))
    cloze, word = next((q, w) for q in edited["questions"] for w in ("the", "in", "of", "and") if q["type"] == "cloze"
                       and f" {w} " in q["source"])
    cloze["text"], cloze["answers"] = cloze["source"].replace(f" {word} ", f" {{{{c1::{word}}}}} ", 1), [word]
    path = tmp_path / "edited.quiz.json"
    path.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app_(), ["check", str(path)])
    assert result.exit_code == 1
    assert f"error: question {cloze['id']}: answer '{word}': a function word [function-word]" in result.output
    rendered = runner.invoke(app_(), ["render", str(english_more / "walden-abridged.quiz.json"), "-o", str(tmp_path / "out")])
    assert rendered.exit_code == 0, rendered.output
    assert '<html lang="en">' in (tmp_path / "out" / "walden-abridged.answers.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("line, expected", [
    ("By Jane Porter | May 2, 2023", {"author": "Jane Porter", "date": "2023-05-02"}),
    ("Published March 3, 2021", {"date": "2021-03-03"}),
    ("Updated: Sept. 14, 2020 at 5:00 p.m.", {"date": "2020-09-14"}),
    ("On March 3, 2021 the council voted to plant new trees in the city.", None),
    ("By the river we sat down", None),
])
def test_english_bylines(line, expected):
    from quizgen.clean import _read_byline

    assert _read_byline(line) == expected


@pytest.mark.parametrize("dateline", ["HARBOUR BAY, June 14 - ", "LONDON (Reuters) — ", "PORT ELLIS, Ore., March 3, 2024 – "])
def test_a_news_datelines_place_and_date_are_no_part_of_its_lead(tmp_path, dateline):
    """A wire story opens on its dateline; the lead a statement or thesis quotes is what happened."""
    lead = "For the first time in twenty years, green turtles have nested on the town's main beach, officials said on Tuesday."
    rest = ("Volunteers found the first nest early on Sunday morning. \"It is wonderful news,\" said Dr. Ann Moss, "
            "who leads the local turtle group. Two more nests were found over the following two nights.")
    source = tmp_path / "turtles.txt"
    source.write_text(f"Turtles Return to Nest\n\n{dateline}{lead} {rest}\n", encoding="utf-8")
    article = read_article(source)
    assert article.sentences[0] == lead
