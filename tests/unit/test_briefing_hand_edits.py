"""Briefing files edited by hand: every mistake reported at its line and the file left as
it was; what a hand edit left unquoted, pasted twice or trimmed still reads as written."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import yaml

from briefings.errors import BriefingFileError
from briefings.markdown import render_briefing
from briefings.resolver import (
    NoteStatus,
    resolve_notes,
)
from briefings.store import BriefingStore
from briefings.yamlfile import dump_briefing
from tests.briefing_data import article, quoted_note
from tests.unit.briefing_helpers import (
    OLD_STAMP,
    WHEN,
    Corpus,
    make_store,
    write_file,
)

# Briefing files edited by hand: what loads, and what is reported (file left untouched).

NOTE = "- id: n1\n  article: {id: a1, title: Rates rise}\n"
QUOTE = NOTE + "  quote:\n    exact: Markets fell\n"

HAND_EDITS = {
    "file_is_a_list": (
        "- title: Rates\n",
        1,
        "a briefing file should be a mapping of keys to values",
    ),
    "note_is_a_line_of_text": (
        "title: Rates\nnotes:\n- just a line of text\n",
        3,
        "a note should be a mapping of keys to values",
    ),
    "note_without_article": (
        "title: Rates\nnotes:\n- id: n1\n  text: hi\n",
        3,
        "a note needs an 'article'",
    ),
    "article_is_text": (
        "title: Rates\nnotes:\n- id: n1\n  text: hi\n  article: Rates rise\n",
        5,
        "'article' should be a mapping of keys to values",
    ),
    "quote_is_text": (
        "notes:\n" + NOTE + "  quote: Markets fell sharply\n",
        4,
        "'quote' should be a mapping of keys to values",
    ),
    "quote_with_empty_exact": (
        "notes:\n" + NOTE + "  quote:\n    prefix: x\n    exact: ''\n",
        6,
        "a quote needs its 'exact' text",
    ),
    "negative_start": (
        "notes:\n" + QUOTE + "    start: -4\n",
        6,
        "'start' should be a whole number of characters",
    ),
    "start_in_words": (
        "notes:\n" + QUOTE + "    start: ten\n",
        6,
        "'start' should be a whole number of characters",
    ),
    "fractional_end": (
        "notes:\n" + QUOTE + "    end: 4.5\n",
        6,
        "'end' should be a whole number of characters",
    ),
    "end_before_start": (
        "notes:\n" + QUOTE + "    start: 10\n    end: 4\n",
        7,
        "'end' comes before 'start'",
    ),
    "tags_as_text": ("notes:\n" + NOTE + "  tags: rates\n", 4, "'tags' should be a list"),
    "schema_in_words": (
        "title: Rates\nschema: two\nnotes: []\n",
        2,
        "'schema' should be a version number",
    ),
    "newer_schema_on_line_2": (
        "title: Rates\nschema: 99\nnotes: []\n",
        2,
        "written by a newer briefing (schema 99); please upgrade",
    ),
    "duplicate_note_id_not_first": (
        "notes:\n- id: n1\n  article: {id: a1}\n- article: {id: a1}\n  id: n1\n",
        5,
        "note id 'n1' is used twice",
    ),
    "key_twice_inside_a_note": (
        "notes:\n" + NOTE + "  text: first words\n  text: second words\n",
        5,
        "'text' is given twice",
    ),
    "notes_twice": (
        "title: Rates\nnotes:\n" + NOTE + "notes:\n  - id: n2\n    article: {id: a1}\n",
        5,
        "'notes' is given twice",
    ),
    "bad_byte_on_line_2": (b"title: Rates\nsummary: caf\xe9\nnotes: []\n", 2, "not UTF-8 text"),
}
for _field in ("title", "created", "updated", "summary"):
    HAND_EDITS[f"briefing_{_field}_as_a_list"] = (
        f"notes: []\n{_field}: [a, b]\n",
        2,
        f"'{_field}' should be text",
    )
for _field in ("id", "text", "created", "updated"):
    HAND_EDITS[f"note_{_field}_as_a_list"] = (
        "notes:\n- article: {id: a1, title: Rates rise}\n" + f"  {_field}: [a, b]\n",
        3,
        f"'{_field}' should be text",
    )
for _field in ("prefix", "suffix", "content_hash"):
    HAND_EDITS[f"quote_{_field}_as_a_list"] = (
        "notes:\n" + QUOTE + f"    {_field}: [a, b]\n",
        6,
        f"'{_field}' should be text",
    )


@pytest.mark.parametrize("case", sorted(HAND_EDITS))
def test_bad_hand_edit_is_reported_with_its_line_and_the_file_left_as_it_was(tmp_path, case):
    text, line, reason = HAND_EDITS[case]
    store = make_store(tmp_path)
    path = write_file(store, "edited", text)
    raw = path.read_bytes()
    with pytest.raises(BriefingFileError) as caught:
        store.load("edited")
    assert str(caught.value) == f"{path}:{line}: {reason}"
    with pytest.raises(BriefingFileError):
        store.add_note("edited", quoted_note("Markets fell sharply"))
    assert path.read_bytes() == raw
    [entry] = store.briefings()
    assert (entry.path, entry.error.line, entry.error.reason) == (path, line, reason)


def test_a_tag_left_as_yes_or_no_is_reported_at_its_own_line(tmp_path):
    store = make_store(tmp_path)
    write_file(store, "edited", "notes:\n" + NOTE + "  tags:\n  - rates\n  - no\n")
    with pytest.raises(BriefingFileError) as caught:
        store.load("edited")
    assert caught.value.line == 6
    assert caught.value.reason == "'tags item 2' reads as yes/no; put the text in quotes"


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing here yet\n"])
def test_empty_briefing_file_is_reported_as_empty(tmp_path, text):
    store = make_store(tmp_path)
    path = write_file(store, "edited", text)
    with pytest.raises(BriefingFileError) as caught:
        store.load("edited")
    assert str(caught.value) == f"{path}: the file is empty"


def test_yaml_mistakes_are_reported_in_the_parsers_words(tmp_path):
    store = make_store(tmp_path)
    write_file(store, "colon", "title: Rates: again\nnotes: []\n")
    with pytest.raises(BriefingFileError) as caught:
        store.load("colon")
    assert caught.value.line == 1
    assert caught.value.reason.startswith("not valid YAML: mapping values are not allowed")
    write_file(store, "quote", "title: 'Rates\nnotes: []\n")
    with pytest.raises(BriefingFileError) as caught:
        store.load("quote")
    assert "while scanning a quoted scalar found unexpected end of stream" in caught.value.reason
    write_file(store, "bell", b"title: Rates\nsummary: a\x07b\nnotes: []\n")
    with pytest.raises(BriefingFileError) as caught:
        store.load("bell")
    assert caught.value.path == store.path_for("bell")
    assert caught.value.reason.startswith("not valid YAML: unacceptable character #x0007")
    # One line, at the line of the character: path:line: reason.
    assert caught.value.line == 2 and "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{store.path_for('bell')}:2: not valid YAML")


def test_briefing_written_by_hand_with_only_the_essentials_loads_with_nothing_invented(tmp_path):
    store = make_store(tmp_path)
    write_file(store, "caucasus", "notes:\n- article: {id: a1, title: Rates rise}\n")
    briefing = store.load("caucasus")
    assert (briefing.title, briefing.summary, briefing.created) == ("caucasus", "", "")
    [note] = briefing.notes
    assert (note.text, note.tags, note.quote, note.created, note.updated) == ("", (), None, "", "")
    assert note.article.source is None and note.article.url is None


def test_numbers_and_times_left_unquoted_by_hand_read_as_written(tmp_path):
    store = make_store(tmp_path)
    write_file(
        store,
        "edited",
        "title: 2024\n"
        "notes:\n"
        "- id: n1\n"
        "  article: {id: a1, title: 1.5, date: 2024-03-05}\n"
        "  text: 42\n"
        "  tags: [2024, 7.5]\n"
        "  created: 2025-01-02T10:00:00Z\n"
        "  updated: 2025-01-02 10:00:00\n",
    )
    briefing = store.load("edited")
    [note] = briefing.notes
    assert briefing.title == "2024"
    assert (note.article.title, note.article.date) == ("1.5", "2024-03-05")
    assert (note.text, note.tags) == ("42", ("2024", "7.5"))
    assert (note.created, note.updated) == ("2025-01-02T10:00:00Z", "2025-01-02T10:00:00")


def test_a_note_pasted_three_times_by_hand_becomes_three_notes_and_each_can_go(tmp_path):
    store = make_store(tmp_path)
    pasted = "- article: {id: a1, title: Rates rise}\n  text: same words\n"
    after = "- article: {id: a2, title: Bonds}\n  text: the next note\n"
    write_file(store, "edited", "title: Rates\nnotes:\n" + pasted * 3 + after)
    notes = store.load("edited").notes
    assert [n.text for n in notes] == ["same words"] * 3 + ["the next note"]
    assert all(n.id for n in notes) and len({n.id for n in notes}) == 4
    store.delete_note("edited", notes[1].id)
    left = BriefingStore(store.directory).load("edited").notes
    assert [n.text for n in left] == ["same words", "same words", "the next note"]


def test_an_empty_tag_line_left_in_a_hand_edit_adds_no_tag(tmp_path):
    store = make_store(tmp_path)
    write_file(
        store, "edited", "notes:\n" + NOTE + "  text: mine\n  tags:\n  - rates\n  -\n  - ''\n"
    )
    briefing = store.load("edited")
    [note] = briefing.notes
    assert [t for t in note.tags if t] == ["rates"]
    markdown = render_briefing(briefing, resolve_notes(briefing.notes, Corpus()), generated=WHEN)
    assert "*Tags:* rates\n" in markdown


def test_saved_file_writes_every_value_in_place_so_a_hand_edit_changes_only_what_it_touches(
    tmp_path,
):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    note = quoted_note("Markets fell sharply", text="same")
    store.add_note(slug, note)
    twin = replace(note, id="twin", text=note.text, tags=note.tags)
    store.add_note(slug, twin)
    path = store.path_for(slug)
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"[&*]id\d", text)
    data = yaml.safe_load(text)
    data["created"] = OLD_STAMP
    data["notes"][0]["text"] = "edited"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    edited = store.load(slug)
    assert edited.created == OLD_STAMP and edited.updated != OLD_STAMP
    assert [n.text for n in edited.notes] == ["edited", "same"]
    assert "&id" not in dump_briefing(edited)


def test_a_quote_written_by_hand_with_only_its_words_is_found_where_they_are(tmp_path):
    store = make_store(tmp_path)
    opening = "The central bank raised its key rate"
    write_file(
        store,
        "edited",
        "notes:\n- article: {id: a1, title: Rates rise}\n  quote:\n" + f"    exact: {opening}\n",
    )
    [note] = store.load("edited").notes
    [item] = resolve_notes([note], Corpus(article()))
    assert item.status is NoteStatus.ANCHORED
    assert (item.current.start, item.current.end) == (0, len(opening))
