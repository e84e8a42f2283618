"""The YAML store: briefings and notes saved, listed, edited, backed up, and hand-edited."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from briefings.errors import BriefingNotFoundError, NoteNotFoundError
from briefings.filesafe import backup_path
from briefings.models import ArticleRef, new_note
from briefings.store import BriefingStore
from tests.briefing_data import article, quoted_note


def make_store(tmp_path) -> BriefingStore:
    return BriefingStore(tmp_path / "notes")


def test_created_briefing_is_listed_and_loads_empty(tmp_path):
    store = make_store(tmp_path)
    created = store.create("Interest rates: Q1")
    assert created.slug == "interest-rates-q1"
    [entry] = store.briefings()
    assert (entry.slug, entry.title, entry.note_count, entry.error) == (
        "interest-rates-q1",
        "Interest rates: Q1",
        0,
        None,
    )
    assert store.load(created.slug).notes == ()


def test_same_title_twice_gets_a_second_file(tmp_path):
    store = make_store(tmp_path)
    first, second = store.create("Rates"), store.create("Rates")
    assert (first.slug, second.slug) == ("rates", "rates-2")
    assert sorted(e.slug for e in store.briefings()) == ["rates", "rates-2"]


def test_notes_survive_a_new_store_on_the_same_folder(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    note = quoted_note("Markets fell sharply", text="Why?\nCheck the bond yields.", tags=("mkt",))
    store.add_note(slug, note)
    again = BriefingStore(store.directory).load(slug)
    assert again.notes == (note,)


def test_file_is_readable_yaml_with_block_text_and_unicode(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Café crème").slug
    store.add_note(slug, quoted_note("raised its key rate", text="Première ligne\nseconde ligne"))
    text = store.path_for(slug).read_text(encoding="utf-8")
    assert "Café crème" in text and "Première ligne" in text
    assert "text: |-\n    Première ligne\n    seconde ligne\n" in text
    assert "!!python" not in text
    keys = list(yaml.safe_load(text))
    assert keys == ["schema", "title", "slug", "created", "updated", "summary", "notes"]


def test_update_changes_only_given_fields_and_stamps_the_note(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    note = quoted_note("Markets fell sharply", text="first", tags=("a",))
    note = replace(note, updated="2000-01-01T00:00:00Z")
    store.add_note(slug, note)
    briefing = store.update_note(slug, note.id, tags=[" b ", "b", "c"])
    updated = briefing.note(note.id)
    assert updated.text == "first"
    assert updated.tags == ("b", "c")
    assert updated.updated > "2000-01-01T00:00:00Z"


def test_update_of_a_note_deleted_elsewhere_says_so(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    note = quoted_note("Markets fell sharply")
    store.add_note(slug, note)
    BriefingStore(store.directory).delete_note(slug, note.id)
    try:
        store.update_note(slug, note.id, text="edited")
    except NoteNotFoundError as error:
        assert error.note_id == note.id
    else:
        raise AssertionError("expected NoteNotFoundError")


def test_delete_then_undo_puts_the_note_back_in_place(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    notes = [new_note(ArticleRef.from_article(article()), text=str(i)) for i in range(3)]
    for note in notes:
        store.add_note(slug, note)
    assert [n.text for n in store.delete_note(slug, notes[1].id).notes] == ["0", "2"]
    restored = store.add_note(slug, notes[1], index=1)
    assert [n.text for n in restored.notes] == ["0", "1", "2"]


def test_reorder_and_move(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    notes = [new_note(ArticleRef.from_article(article()), text=str(i)) for i in range(4)]
    for note in notes:
        store.add_note(slug, note)
    reordered = store.reorder_notes(slug, [notes[2].id, notes[0].id])
    assert [n.text for n in reordered.notes] == ["2", "0", "1", "3"]
    moved = store.move_note(slug, notes[3].id, -10)
    assert [n.text for n in moved.notes] == ["3", "2", "0", "1"]


def test_each_save_keeps_the_previous_version_as_backup(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    store.add_note(slug, quoted_note("Markets fell sharply", text="one"))
    before = store.path_for(slug).read_bytes()
    store.add_note(slug, quoted_note("raised its key rate", text="two"))
    assert backup_path(store.path_for(slug)).read_bytes() == before
    assert store.path_for(slug).read_bytes() != before


def test_rename_moves_the_file_and_keeps_the_old_one_as_backup(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    note = quoted_note("Markets fell sharply")
    store.add_note(slug, note)
    renamed = store.rename(slug, "Rates and bonds")
    assert renamed.slug == "rates-and-bonds"
    assert store.load("rates-and-bonds").notes == (note,)
    assert [e.slug for e in store.briefings()] == ["rates-and-bonds"]
    assert backup_path(store.path_for(slug)).exists()


def test_delete_sets_the_file_aside_and_forgets_the_briefing(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    saved = store.add_note(slug, quoted_note("Markets fell sharply"))
    aside = store.delete(slug)
    assert aside.name.startswith("rates.yaml.deleted-")
    assert store.briefings() == []
    aside.rename(store.path_for(slug))
    assert store.load(slug) == saved
    store.delete(slug)
    try:
        store.load(slug)
    except BriefingNotFoundError:
        pass
    else:
        raise AssertionError("expected BriefingNotFoundError")


def test_resolve_accepts_slug_title_and_file_name(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Interest Rates").slug
    assert store.resolve("interest-rates") == slug
    assert store.resolve("interest rates") == slug
    assert store.resolve("interest-rates.yaml") == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Azerbaijan–Armenia–Russia relations", "azerbaijan-armenia-russia-relations"),
        ("Baku—Yerevan talks", "baku-yerevan-talks"),
        ("Türkiye and Gülen", "turkiye-and-gulen"),
        ("«Peace» in 2026", "peace-in-2026"),
    ],
)
def test_a_briefing_file_keeps_the_title_s_word_breaks(tmp_path, title, slug):
    store = make_store(tmp_path)
    assert store.create(title).slug == slug
    assert store.resolve(title) == slug


def test_hand_edit_made_while_the_app_runs_is_kept_on_the_next_save(tmp_path):
    app_store = make_store(tmp_path)
    slug = app_store.create("Rates").slug
    first = quoted_note("Markets fell sharply", text="original")
    app_store.add_note(slug, first)
    path = app_store.path_for(slug)
    # A text editor changes the note's text and appends a note written by hand.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["notes"][0]["text"] = "edited in vim"
    data["notes"].append({"article": {"id": "a1", "title": "Rates rise"}, "text": "by hand"})
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    after = app_store.add_note(slug, quoted_note("raised its key rate", text="from the app"))
    assert [n.text for n in after.notes] == ["edited in vim", "by hand", "from the app"]
    reread = BriefingStore(app_store.directory).load(slug)
    assert reread == after
    assert reread.notes[1].id  # the hand-written note got an id, kept from now on


def test_hand_edit_is_seen_by_load_without_restarting(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    store.load(slug)
    path = store.path_for(slug)
    path.write_text(path.read_text(encoding="utf-8").replace("title: Rates", "title: Bonds"))
    assert store.load(slug).title == "Bonds"


def test_a_note_pasted_twice_by_hand_becomes_two_notes(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    path = store.path_for(slug)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    pasted = {"article": {"id": "a1", "title": "Rates rise"}, "text": "same words"}
    # Pasted text, not a YAML alias: each copy holds its own article mapping.
    data["notes"] = [pasted, {**pasted, "article": dict(pasted["article"])}]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    first, second = store.load(slug).notes
    assert first.id != second.id
    store.update_note(slug, second.id, text="changed")
    assert [n.text for n in store.load(slug).notes] == ["same words", "changed"]
