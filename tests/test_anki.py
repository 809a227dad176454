"""The deck as learners meet it: imported into a real Anki collection (the official `anki`
package and its backend, through the package import the desktop app uses), every card rendered."""

from __future__ import annotations

import json
import re
import time

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest

from quizgen.render.anki import CHOICE_FIELDS, CLOZE_FIELDS, cloze_field, note_guid, write_apkg


def import_apkg(collection: Collection, path) -> None:
    options = collection._backend.get_import_anki_package_presets()
    collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options))
    collection.models._clear_cache()


@pytest.fixture()
def collection(tmp_path):
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def quizgen_notes(col):
    return [col.get_note(nid) for nid in col.find_notes("tag:quizgen::*")]


def test_every_card_renders(collection, outputs):
    quiz = outputs.quiz
    import_apkg(collection, outputs.path("apkg"))
    notes = quizgen_notes(collection)
    assert len(notes) == len(quiz["questions"])  # one note per question
    suffix = "" if outputs.language == "zh" else " (en)"
    models = {m["name"]: [f["name"] for f in m["flds"]] for m in collection.models.all()}
    assert models[f"quizgen cloze{suffix}"] == CLOZE_FIELDS
    assert models[f"quizgen choice{suffix}"] == CHOICE_FIELDS
    cards = [collection.get_card(cid) for cid in collection.find_cards("tag:quizgen::*")]
    expected_cards = sum(len(q["answers"]) if q["type"] == "cloze" else 1 for q in quiz["questions"])
    assert len(cards) == expected_cards
    hint = "字]" if outputs.language == "zh" else "letters]"
    for card in cards:
        output = card.render_output(reload=True)
        front, back = output.question_text, output.answer_text
        assert re.sub(r"<[^>]+>|\s", "", front), "empty front"
        if card.note_type()["name"].startswith("quizgen cloze"):
            assert 'class="cloze"' in front and ("[...]" in front or hint in front or "words]" in front)
            answers = re.findall(r'<span class="cloze"[^>]*>(.*?)</span>', back)
            assert answers and all(a and "[" not in a for a in answers)
        else:
            letter = card.note()["Answer"]
            assert letter in "ABCD" and f"answer-{letter}" in back
            assert all(card.note()[k] for k in "ABCD")


def test_cards_carry_the_article_language_with_css_and_no_network(collection, outputs):
    import_apkg(collection, outputs.path("apkg"))
    lang, answer_label = ("zh-CN", "正确答案") if outputs.language == "zh" else ("en", "Answer:")
    models = [m for m in collection.models.all() if m["name"].startswith("quizgen")]
    assert len(models) == 2
    for model in models:
        assert ".nightMode" in model["css"] and "CJK SC" in model["css"]
        for template in model["tmpls"]:
            assert f'lang="{lang}"' in template["qfmt"] and "[[" not in template["qfmt"] + template["afmt"]
            assert "http" not in template["qfmt"] + template["afmt"] + model["css"]
        if model["name"].startswith("quizgen choice"):
            assert answer_label in model["tmpls"][0]["afmt"]


def test_rebuilt_deck_updates_in_place(collection, built, quiz, tmp_path):
    import_apkg(collection, built / "internet-finance.apkg")
    before = {n.guid: n.mod for n in quizgen_notes(collection)}
    note_types = len(collection.models.all())
    time.sleep(1.1)  # genanki stamps notes with the build time, in seconds
    rebuilt = tmp_path / "rebuilt.apkg"
    write_apkg(quiz, rebuilt)
    import_apkg(collection, rebuilt)
    after = {n.guid: n.mod for n in quizgen_notes(collection)}
    assert set(after) == set(before)
    assert len(collection.models.all()) == note_types
    assert all(after[g] > before[g] for g in before)


def test_article_text_cannot_create_deletions_or_markup(collection, quiz_more, tmp_path):
    hostile = json.loads(json.dumps(quiz_more))
    question = next(q for q in hostile["questions"] if q["type"] == "cloze")
    question["text"] = "<script>alert(1)</script>{{ 7*7 }} {c9::y}} a::b " + question["text"]
    question["source"] = "<img src=x onerror=alert(1)>{{c3::z}}"
    choice = next(q for q in hostile["questions"] if q["type"] == "choice")
    choice["stem"] = "{{c1::x}} <b>bold</b> " + choice["stem"]
    path = tmp_path / "hostile.apkg"
    write_apkg(hostile, path)
    import_apkg(collection, path)
    note = next(n for n in quizgen_notes(collection)
                if n.note_type()["name"] == "quizgen cloze" and "alert" in n["Text"])
    assert "<script>" not in note["Text"] and "{c9::" not in note["Text"]
    assert "<img" not in note["Source"] and "{{c3::" not in note["Source"]
    cards = note.cards()
    assert len(cards) == len(question["answers"])  # no card for c3 or c9
    front = cards[0].render_output(reload=True).question_text
    assert "&lt;script&gt;" in front and "7*7" in front
    choice_note = next(n for n in quizgen_notes(collection) if n.note_type()["name"] == "quizgen choice"
                       and "bold" in n["Question"])
    assert "<b>" not in choice_note["Question"] and "{{c1::" not in choice_note["Question"]


def test_cloze_field_keeps_only_real_deletions():
    text = "{{c1::平台::2字}}与{{x}}::"
    assert cloze_field(text) == "{{c1::平台::2字}}与&#123;&#123;x&#125;&#125;:&#58;"


def _visible(html: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_choice_back_shows_why_each_option_is_wrong_and_the_source(collection, outputs):
    """The back of a statement card, as Anki's backend renders it, lists every option's
    explanation under its letter and quotes the source sentence; the front shows neither."""
    import_apkg(collection, outputs.path("apkg"))
    by_id = {q["id"]: q for q in outputs.quiz["questions"]}
    guids = {note_guid(outputs.quiz["article"]["id"], qid): qid for qid in by_id}
    why = "解析：" if outputs.language == "zh" else "Why:"
    explained = 0
    for note in quizgen_notes(collection):
        question = by_id[guids[note.guid]]
        if question["type"] != "choice":
            continue
        output = note.cards()[0].render_output(reload=True)
        back, front = _visible(output.answer_text), _visible(output.question_text)
        assert question["source"] in back
        if not question.get("explanations"):
            assert why not in back
            continue
        explained += 1
        assert why in back and why not in front
        for letter, note_text in zip("ABCD", question["explanations"]):
            assert f"{letter}.{note_text}" in back
            assert note_text not in front
    if outputs.language == "zh":
        assert explained >= 1  # the bundled article has statement and reason items


def test_a_deck_built_before_explanations_updates_in_place(collection, quiz, tmp_path):
    """Explanations live in the Source field, so the note types keep their fields: a deck from
    a quiz without them, then the full one, leaves one note type each and updates the notes."""
    bare = json.loads(json.dumps(quiz))
    for question in bare["questions"]:
        question.pop("explanations", None)
    write_apkg(bare, tmp_path / "before.apkg")
    import_apkg(collection, tmp_path / "before.apkg")
    before = {n.guid: n.mod for n in quizgen_notes(collection)}
    note_types = len(collection.models.all())
    time.sleep(1.1)
    write_apkg(quiz, tmp_path / "after.apkg")
    import_apkg(collection, tmp_path / "after.apkg")
    assert len(collection.models.all()) == note_types
    notes = quizgen_notes(collection)
    assert all(n.mod > before[n.guid] for n in notes)
    explained = [n for n in notes if "qz-explanations" in n["Source"]] if notes else []
    assert len(explained) == sum(bool(q.get("explanations")) for q in quiz["questions"]) >= 1
