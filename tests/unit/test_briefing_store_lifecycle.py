"""The notes folder over a briefing's life: listing, creating, stamping, retitling,
renaming and deleting, as a user meets them (odd files, hand retitles, other processes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefings.anchoring import quote_article
from briefings.errors import BriefingNotFoundError, NoteNotFoundError
from briefings.filesafe import backup_path
from briefings.markdown import render_briefing
from briefings.models import ArticleRef
from briefings.store import BriefingStore
from briefings.yamlfile import parse_briefing
from tests.briefing_data import BODY, article, quoted_note
from tests.unit.briefing_helpers import (
    OLD_STAMP,
    WHEN,
    hand_stamp,
    make_store,
)

# The notes folder: what is listed, and what an odd file there does to the listing.


def test_odd_files_in_the_notes_folder_never_hide_the_briefings(tmp_path):
    store = make_store(tmp_path)
    good = store.create("Rates").slug
    store.add_note(good, quoted_note("Markets fell sharply", text="kept"))
    folder = store.directory
    (folder / ".draft.yaml").write_text("title: editor swap file\n", encoding="utf-8")
    (folder / "a-gone.yaml").symlink_to(folder / "nowhere.yaml")  # a dangling link
    (folder / "b-folder.yaml").mkdir()
    (folder / "c-loop.yaml").symlink_to(folder / "c-loop.yaml")  # a link to itself

    listing = {entry.slug: entry for entry in store.briefings()}
    assert sorted(listing) == ["b-folder", "c-loop", "rates"]
    assert listing["rates"].note_count == 1 and listing["rates"].error is None
    for slug in ("b-folder", "c-loop"):
        entry = listing[slug]
        assert entry.path == folder / f"{slug}.yaml"
        assert entry.error is not None and entry.error.path == entry.path
        assert str(entry.error).startswith(f"{entry.path}: ")
    assert listing["b-folder"].error.reason == "is a folder, not a file"
    assert listing["c-loop"].error.reason.startswith("cannot be read: ")
    assert "None" not in listing["c-loop"].error.reason


def test_listing_gives_each_briefing_its_last_update_time(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    hand_stamp(store, slug, OLD_STAMP)
    [entry] = store.briefings()
    assert entry.updated == OLD_STAMP


def test_new_briefing_has_no_summary_and_is_stamped_created_and_updated(tmp_path):
    store = make_store(tmp_path)
    created = store.create("Rates")
    again = BriefingStore(store.directory).load(created.slug)
    assert again.summary == created.summary == ""
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", again.created)
    assert again.updated == again.created
    assert render_briefing(again, [], generated=WHEN).count("\n") == 3  # title, date


def test_new_briefing_keeps_the_summary_it_was_created_with(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates", summary="What moved rates in March.").slug
    assert BriefingStore(store.directory).load(slug).summary == "What moved rates in March."


def test_every_edit_stamps_the_briefing_as_updated_now(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    hand_stamp(store, slug, OLD_STAMP)
    note = quoted_note("Markets fell sharply", text="one")
    edits = [
        lambda: store.add_note(slug, note),
        lambda: store.update_note(slug, note.id, text="two"),
        lambda: store.set_summary(slug, "A summary."),
        lambda: store.delete_note(slug, note.id),
    ]
    for edit in edits:
        hand_stamp(store, slug, OLD_STAMP)
        edit()
        assert BriefingStore(store.directory).load(slug).updated > OLD_STAMP


def test_summary_written_in_the_app_is_saved(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    store.set_summary(slug, "What moved rates in March.\nTwo lines.")
    assert BriefingStore(store.directory).load(slug).summary == (
        "What moved rates in March.\nTwo lines."
    )


def test_a_notes_quote_and_article_can_be_changed_and_are_saved(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    note = quoted_note("Markets fell sharply", text="keep this text")
    store.add_note(slug, note)
    moved = article(BODY, article_id="a2", title="Rates rise again")
    start = BODY.index("raised its key rate")
    requoted = quote_article(moved, start, start + len("raised its key rate"))
    store.update_note(slug, note.id, quote=requoted, article=ArticleRef.from_article(moved))
    saved = BriefingStore(store.directory).load(slug).note(note.id)
    assert saved.quote == requoted
    assert (saved.article.id, saved.article.title) == ("a2", "Rates rise again")
    assert saved.text == "keep this text"
    store.update_note(slug, note.id, quote=None)
    unquoted = BriefingStore(store.directory).load(slug).note(note.id)
    assert unquoted.quote is None and unquoted.article.id == "a2"


def test_moving_or_editing_a_note_deleted_elsewhere_says_which_note_of_which_briefing(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    note = quoted_note("Markets fell sharply")
    store.add_note(slug, note)
    BriefingStore(store.directory).delete_note(slug, note.id)
    for attempt in (
        lambda: store.move_note(slug, note.id, 1),
        lambda: store.update_note(slug, note.id, text="edited"),
    ):
        with pytest.raises(NoteNotFoundError) as caught:
            attempt()
        assert (caught.value.slug, caught.value.note_id) == (slug, note.id)


def test_briefing_retitled_by_hand_is_found_by_its_new_title(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    path = store.path_for(slug)
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Rates", "title: Caucasus watch"),
        encoding="utf-8",
    )
    assert store.resolve("Caucasus watch") == slug
    assert store.resolve("  caucasus WATCH ") == slug
    with pytest.raises(BriefingNotFoundError) as caught:
        store.resolve("Baltic watch")
    assert caught.value.name == "Baltic watch"


def test_rename_to_a_title_with_the_same_slug_changes_the_title(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    note = quoted_note("Markets fell sharply")
    store.add_note(slug, note)
    renamed = store.rename(slug, "Rates!")
    assert renamed.slug == slug
    again = BriefingStore(store.directory).load(slug)
    assert again.title == "Rates!" and again.notes == (note,)


def test_rename_to_another_briefings_title_never_touches_that_briefing(tmp_path):
    store = make_store(tmp_path)
    bonds = store.create("Bonds").slug
    store.add_note(bonds, quoted_note("Markets fell sharply", text="a bonds note"))
    bonds_file = store.path_for(bonds).read_bytes()
    rates = store.create("Rates").slug
    store.add_note(rates, quoted_note("raised its key rate", text="a rates note"))
    renamed = store.rename(rates, "Bonds")
    assert renamed.slug == "bonds-2"
    assert store.path_for(bonds).read_bytes() == bonds_file
    moved = BriefingStore(store.directory).load("bonds-2")
    assert moved.title == "Bonds" and [n.text for n in moved.notes] == ["a rates note"]


def test_second_of_two_briefings_named_alike_keeps_its_file_when_retitled_alike(tmp_path):
    store = make_store(tmp_path)
    first = store.create("Rates").slug
    second = store.create("Rates").slug  # rates-2
    store.add_note(second, quoted_note("Markets fell sharply", text="second's note"))
    store.rename(second, "RATES")  # its slug would be "rates", which is taken
    assert sorted(e.slug for e in store.briefings()) == [first, second]
    again = BriefingStore(store.directory).load(second)
    assert again.title == "RATES" and [n.text for n in again.notes] == ["second's note"]
    assert BriefingStore(store.directory).load(first).title == "Rates"


def test_renamed_briefing_keeps_its_title_and_leaves_the_old_file_as_backup(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    store.add_note(slug, quoted_note("Markets fell sharply", text="latest"))
    hand_stamp(store, slug, OLD_STAMP)
    renamed = store.rename(slug, "Rates and bonds")
    again = BriefingStore(store.directory).load(renamed.slug)
    assert again.title == "Rates and bonds"
    assert again.updated > OLD_STAMP
    old = parse_briefing(backup_path(store.path_for(slug)).read_bytes(), Path("rates.yaml"))
    assert [n.text for n in old.notes] == ["latest"]


def test_briefing_deleted_from_another_process_is_set_aside_with_a_portable_name(tmp_path):
    store = make_store(tmp_path)
    slug = store.create("Rates").slug
    saved = store.add_note(slug, quoted_note("Markets fell sharply"))
    aside = BriefingStore(store.directory).delete(slug)  # a store that never loaded it
    assert re.fullmatch(r"rates\.yaml\.deleted-\d{8}T\d{6}Z", aside.name), aside.name
    assert parse_briefing(aside.read_bytes(), Path("rates.yaml")).notes == saved.notes
    for gone in (lambda: store.delete(slug), lambda: store.load(slug)):
        with pytest.raises(BriefingNotFoundError) as caught:
            gone()
        assert caught.value.name == slug
