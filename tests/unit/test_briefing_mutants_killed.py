"""What an analyst relies on and no other test pinned down (found by mutation testing).

Each test is a situation a user meets: a briefing file edited by hand, a notes folder
holding odd files, a renamed or deleted briefing, a feed whose posts share a title, a
passage quoted where it appears several times. Each says what must happen to the
user's notes, quotes, citations and files.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from briefings.anchoring import AnchorStatus, quote_article, reanchor
from briefings.errors import BriefingFileError, BriefingNotFoundError, NoteNotFoundError
from briefings.export import export_briefing
from briefings.filesafe import backup_path
from briefings.markdown import render_briefing
from briefings.models import ArticleRef, Briefing, Note, new_note
from briefings.resolver import (
    ARTICLE_GONE,
    OTHER_CORPUS,
    PASSAGE_GONE,
    NoteStatus,
    resolve_notes,
)
from briefings.store import BriefingStore
from briefings.yamlfile import dump_briefing, parse_briefing
from search.models import Article, ArticleSummary
from search.reading.reader import article_id, read_articles
from tests.briefing_data import BODY, article, quoted_note

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
OLD_STAMP = "2020-01-01T00:00:00Z"


def make_store(tmp_path: Path) -> BriefingStore:
    return BriefingStore(tmp_path / "notes")


def _briefing_of(*notes: Note) -> Briefing:
    return Briefing(title="Rates", slug="rates", created="", updated="", notes=notes)


def _write(store: BriefingStore, slug: str, text: str | bytes) -> Path:
    """A briefing file as a user (or a text editor) left it."""
    store.directory.mkdir(parents=True, exist_ok=True)
    path = store.path_for(slug)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def _hand_stamp(store: BriefingStore, slug: str, updated: str) -> None:
    """Set the briefing's ``updated`` time by hand, as if it was last saved then."""
    path = store.path_for(slug)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["updated"] = updated
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


class Corpus:
    """The current articles, as the resolver asks for them (a search service is one)."""

    def __init__(self, *articles: Article) -> None:
        self._articles = {a.id: a for a in articles}

    def article(self, wanted: str) -> Article | None:
        return self._articles.get(wanted)

    def articles(self) -> list[ArticleSummary]:
        return [ArticleSummary(a.id, a.title, a.path, a.position) for a in self._articles.values()]


def post(path: str, position: int, title: str, body: str, **meta) -> Article:
    """The article at ``position`` in the file ``path``, with the id the reader gives it."""
    return Article(article_id(path, position), title, body, path, position, **meta)


def note_quoting(art: Article, passage: str, *, corpus: str | None = None) -> Note:
    start = art.body.index(passage)
    quote = quote_article(art, start, start + len(passage))
    return new_note(ArticleRef.from_article(art, corpus), text="mine", quote=quote)


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
    _hand_stamp(store, slug, OLD_STAMP)
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
    _hand_stamp(store, slug, OLD_STAMP)
    note = quoted_note("Markets fell sharply", text="one")
    edits = [
        lambda: store.add_note(slug, note),
        lambda: store.update_note(slug, note.id, text="two"),
        lambda: store.set_summary(slug, "A summary."),
        lambda: store.delete_note(slug, note.id),
    ]
    for edit in edits:
        _hand_stamp(store, slug, OLD_STAMP)
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
    _hand_stamp(store, slug, OLD_STAMP)
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
    path = _write(store, "edited", text)
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
    _write(store, "edited", "notes:\n" + NOTE + "  tags:\n  - rates\n  - no\n")
    with pytest.raises(BriefingFileError) as caught:
        store.load("edited")
    assert caught.value.line == 6
    assert caught.value.reason == "'tags item 2' reads as yes/no; put the text in quotes"


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing here yet\n"])
def test_empty_briefing_file_is_reported_as_empty(tmp_path, text):
    store = make_store(tmp_path)
    path = _write(store, "edited", text)
    with pytest.raises(BriefingFileError) as caught:
        store.load("edited")
    assert str(caught.value) == f"{path}: the file is empty"


def test_yaml_mistakes_are_reported_in_the_parsers_words(tmp_path):
    store = make_store(tmp_path)
    _write(store, "colon", "title: Rates: again\nnotes: []\n")
    with pytest.raises(BriefingFileError) as caught:
        store.load("colon")
    assert caught.value.line == 1
    assert caught.value.reason.startswith("not valid YAML: mapping values are not allowed")
    _write(store, "quote", "title: 'Rates\nnotes: []\n")
    with pytest.raises(BriefingFileError) as caught:
        store.load("quote")
    assert "while scanning a quoted scalar found unexpected end of stream" in caught.value.reason
    _write(store, "bell", b"title: Rates\nsummary: a\x07b\nnotes: []\n")
    with pytest.raises(BriefingFileError) as caught:
        store.load("bell")
    assert caught.value.path == store.path_for("bell")
    assert caught.value.reason.startswith("not valid YAML: unacceptable character #x0007")
    # One line, at the line of the character: path:line: reason.
    assert caught.value.line == 2 and "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{store.path_for('bell')}:2: not valid YAML")


def test_briefing_written_by_hand_with_only_the_essentials_loads_with_nothing_invented(tmp_path):
    store = make_store(tmp_path)
    _write(store, "caucasus", "notes:\n- article: {id: a1, title: Rates rise}\n")
    briefing = store.load("caucasus")
    assert (briefing.title, briefing.summary, briefing.created) == ("caucasus", "", "")
    [note] = briefing.notes
    assert (note.text, note.tags, note.quote, note.created, note.updated) == ("", (), None, "", "")
    assert note.article.source is None and note.article.url is None


def test_numbers_and_times_left_unquoted_by_hand_read_as_written(tmp_path):
    store = make_store(tmp_path)
    _write(
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
    _write(store, "edited", "title: Rates\nnotes:\n" + pasted * 3 + after)
    notes = store.load("edited").notes
    assert [n.text for n in notes] == ["same words"] * 3 + ["the next note"]
    assert all(n.id for n in notes) and len({n.id for n in notes}) == 4
    store.delete_note("edited", notes[1].id)
    left = BriefingStore(store.directory).load("edited").notes
    assert [n.text for n in left] == ["same words", "same words", "the next note"]


def test_an_empty_tag_line_left_in_a_hand_edit_adds_no_tag(tmp_path):
    store = make_store(tmp_path)
    _write(store, "edited", "notes:\n" + NOTE + "  text: mine\n  tags:\n  - rates\n  -\n  - ''\n")
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
    _write(
        store,
        "edited",
        "notes:\n- article: {id: a1, title: Rates rise}\n  quote:\n" + f"    exact: {opening}\n",
    )
    [note] = store.load("edited").notes
    [item] = resolve_notes([note], Corpus(article()))
    assert item.status is NoteStatus.ANCHORED
    assert (item.current.start, item.current.end) == (0, len(opening))


# Finding a note's article: which article a note means after the corpus changed.

FEED = "world/feed.txt"


def test_a_retitled_article_does_not_stop_the_notes_after_it_being_checked():
    retitled = post(FEED, 0, "Crash strains Baku-Moscow ties", "The plane was shot down.")
    other = post(FEED, 1, "China EU Summit", "Leaders met in Brussels.")
    notes = [
        note_quoting(replace(retitled, title="Plane crash strains ties"), "shot down"),
        note_quoting(other, "met in Brussels"),
        new_note(ArticleRef.from_article(other), text="whole article"),
    ]
    resolved = resolve_notes(notes, Corpus(retitled, other))
    assert [r.status for r in resolved] == [NoteStatus.ANCHORED] * 3
    assert [r.citation.title for r in resolved] == [
        "Crash strains Baku-Moscow ties",
        "China EU Summit",
        "China EU Summit",
    ]


def test_a_passage_gone_from_an_article_still_there_is_cited_as_the_article_is_now():
    before = post(FEED, 0, "Rates rise", BODY, url="https://news.example/rates")
    note = note_quoting(before, "Markets fell sharply")
    now = replace(
        before,
        body=BODY.replace("Markets fell sharply after the announcement.", ""),
        url="https://news.example/rates-updated",
        date="2024-03-06",
    )
    [item] = resolve_notes([note], Corpus(now))
    assert (item.status, item.reason) == (NoteStatus.ORPHANED, PASSAGE_GONE)
    assert item.article == now
    assert item.citation.url == "https://news.example/rates-updated"
    markdown = render_briefing(_briefing_of(note), [item], generated=WHEN)
    assert "Rates rise. 6 March 2024. <https://news.example/rates-updated>" in markdown


def test_in_a_feed_of_posts_sharing_a_title_a_note_stays_on_its_own_post():
    bodies = {
        0: "Officials in Baku cancelled cultural events.",
        1: "The central bank raised its key rate.",
        3: "Markets fell sharply after the tariffs.",
    }
    before = [
        post(FEED, 0, "Daily update", bodies[0]),
        post(FEED, 1, "Daily update", bodies[1]),
        post(FEED, 2, "Weather", "Rain is expected on Friday."),
        post(FEED, 3, "Daily update", bodies[3]),
    ]
    note = note_quoting(before[3], "Markets fell sharply")
    # A post is added in the middle of the feed: the later posts move down one place.
    after = [
        post(FEED, 0, "Daily update", bodies[0]),
        post(FEED, 1, "Daily update", bodies[1]),
        post(FEED, 2, "Breaking: talks resume", "Talks resume in Baku."),
        post(FEED, 3, "Weather", "Rain is expected on Friday."),
        post(FEED, 4, "Daily update", bodies[3]),
    ]
    [item] = resolve_notes([note], Corpus(*after))
    assert item.status is NoteStatus.ANCHORED
    assert item.article == after[4]


def test_old_note_on_a_single_article_file_follows_its_retitled_article():
    """A note written before ids were corpus-relative (schema 1): its id matches nothing."""
    now = post("bank.txt", 0, "Central bank raises its key rate", BODY)
    stored = ArticleRef(
        id="9f86d081884c7d65",
        title="Central bank raises rates",
        path="/home/ana/Documents/corpus/bank.txt",
    )
    start = BODY.index("Markets fell sharply")
    quote = quote_article(now, start, start + len("Markets fell sharply"))
    note = new_note(stored, text="old note", quote=quote)
    [item] = resolve_notes([note], Corpus(now, post("other.txt", 0, "Other", "Other text.")))
    assert item.status is NoteStatus.ANCHORED
    assert item.citation.title == "Central bank raises its key rate"


def test_old_note_is_found_in_its_own_folder_not_in_a_file_of_the_same_name_elsewhere():
    """Schema 1 stored absolute paths; the longest corpus path that ends it is the file."""
    passage = "Exports doubled in the second quarter."
    top = post("summary.txt", 0, "Weekly summary", "Imports were flat this week.")
    news = post("news/summary.txt", 0, "Weekly summary", passage)
    stored = ArticleRef(
        id="0f1e2d3c4b5a6978",
        title="Weekly summary",
        path="/home/ana/corpus/news/summary.txt",
    )
    quote = quote_article(news, 0, len(passage))
    [item] = resolve_notes([new_note(stored, quote=quote)], Corpus(top, news))
    assert item.status is NoteStatus.ANCHORED
    assert item.article == news


def test_note_on_a_file_whose_folder_was_deleted_does_not_move_to_a_same_named_file():
    copy = post("archive/world/feed.txt", 0, "Plane crash strains ties", "The plane was shot down.")
    note = note_quoting(copy, "shot down")
    remaining = post(FEED, 0, "Plane crash strains ties", "The plane was shot down.")
    [item] = resolve_notes([note], Corpus(remaining))
    assert (item.status, item.reason) == (NoteStatus.ORPHANED, ARTICLE_GONE)
    assert item.citation.path == "archive/world/feed.txt"


def test_every_note_from_another_corpus_is_checked_there_whatever_comes_before_it():
    bank = post("bank.txt", 0, "Central bank raises rates", BODY)
    memo = post("memo.txt", 0, "Budget memo", "The budget grows by a tenth. Taxes stay.")
    attic = post("old.txt", 0, "Old bulletin", "Exports doubled.")
    notes = [
        note_quoting(bank, "Markets fell sharply", corpus="/data/corpus"),
        note_quoting(memo, "The budget grows", corpus="/data/desk"),
        note_quoting(memo, "Taxes stay.", corpus="/data/desk"),
        note_quoting(attic, "Exports doubled.", corpus="/data/attic"),  # that folder is gone
    ]
    folders = {"/data/desk": Corpus(memo)}
    resolved = resolve_notes(notes, Corpus(bank), corpus_name="corpus", elsewhere=folders.get)
    assert [(r.status, r.elsewhere) for r in resolved] == [
        (NoteStatus.ANCHORED, None),
        (NoteStatus.ANCHORED, "desk"),
        (NoteStatus.ANCHORED, "desk"),
        (NoteStatus.ORPHANED, "attic"),
    ]
    assert resolved[3].reason == OTHER_CORPUS


def test_article_ids_stored_in_briefing_files_keep_meaning_the_same_article(tmp_path):
    """Notes find their article by this id: changing how it is made orphans them."""
    folder = tmp_path / "corpus" / "world"
    folder.mkdir(parents=True)
    feed = folder / "feed.txt"
    feed.write_text(
        "Plane crash strains ties\n\nAn Azerbaijani civilian plane crashed near Grozny.\n\n"
        "https://example.org/posts/1\n\n"
        "China EU Summit\n\nLeaders met in Brussels on July 2.\n\n"
        "https://example.org/posts/2\n",
        encoding="utf-8",
    )
    ids = [a.id for a in read_articles(feed, tmp_path / "corpus")]
    assert ids == ["2c509e20bfba32f5", "459919e8de9fa4e6"]
    assert ids == [article_id("world/feed.txt", 0), article_id("world/feed.txt", 1)]


# Finding a quote again: which occurrence, and which words.


def _art(body: str) -> Article:
    return Article("a", "T", body, "t.txt")


def _quote_of(body: str, passage: str, occurrence: int = 0):
    at = -1
    for _ in range(occurrence + 1):
        at = body.index(passage, at + 1)
    return quote_article(_art(body), at, at + len(passage))


PASSAGE = "Markets fell sharply."


def test_a_passage_appearing_three_times_is_found_at_the_occurrence_quoted():
    body = (
        f"On Monday: {PASSAGE} Officials were calm.\n\n"
        f"On Tuesday, after the vote: {PASSAGE} Bonds rallied.\n\n"
        f"On Friday: {PASSAGE} Nothing else happened."
    )
    quote = _quote_of(body, PASSAGE, 1)
    now = "Updated at 10:00.\n\n" + body
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.MOVED
    assert found.quote.start == now.index("the vote: ") + len("the vote: ")


def test_a_repeated_passage_is_told_apart_by_the_words_after_it():
    lead = "According to the statement issued by the ministry, "
    body = f"{lead}{PASSAGE} Bond yields rose.\n\n{lead}{PASSAGE} Stock prices fell."
    quote = _quote_of(body, PASSAGE, 1)
    now = "An editorial note was added at the top of the page today, a long one. " * 2 + body
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.MOVED
    assert found.quote.start == now.rindex(PASSAGE)


def test_a_repeated_passage_is_told_apart_by_the_words_before_it():
    after = " Officials declined to comment on the figures at all."
    body = (
        f"In the first quarter of the year, {PASSAGE}{after}\n\n"
        f"In the second quarter of the year, {PASSAGE}{after}"
    )
    quote = _quote_of(body, PASSAGE, 1)
    now = "Editor's note: this page was updated with several paragraphs of new text. " * 3 + body
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.MOVED
    assert found.quote.start == now.rindex(PASSAGE)


def test_a_paragraph_repeated_word_for_word_keeps_the_quote_on_its_own_copy():
    paragraph = f"The committee met again in the afternoon. {PASSAGE} It meets again next week."
    body = paragraph + "\n\n" + paragraph
    quote = _quote_of(body, PASSAGE, 1)
    now = body + "\n\nCorrection appended at the end."
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.UNCHANGED
    assert found.quote.start == quote.start == now.rindex(PASSAGE)


def test_a_quote_whose_words_were_edited_by_hand_is_changed_not_anchored():
    body = "The bank raised its key rate on Tuesday. Markets fell sharply after the announcement."
    quote = _quote_of(body, "Markets fell sharply after the announcement.")
    hand_edited = replace(quote, exact="Markets fell steeply after the announcement.")
    found = reanchor(hand_edited, _art(body))
    assert found.status is AnchorStatus.FUZZY
    assert found.quote.exact == "Markets fell sharply after the announcement."


def test_a_quote_near_the_start_records_all_the_text_before_it():
    body = "Short intro. The governor warned that rises could follow."
    assert _quote_of(body, "The governor warned").prefix == "Short intro. "


SENTENCE = "The ministry said the talks ended on Tuesday. Officials now say the deal is off. Calm."
QUOTED = "Officials now say the deal is off."


@pytest.mark.parametrize(
    ("edited", "now_reads"),
    [
        # A sentence added right before a quote whose words changed stays out of it.
        ("Talks had been long. Officials now said the deal is off.", QUOTED.replace("say", "said")),
        # ... and so does one added right after it.
        ("Officials now said the deal is off. Talks had been long.", QUOTED.replace("say", "said")),
    ],
)
def test_text_added_where_a_changed_quote_meets_its_context_stays_out_of_it(edited, now_reads):
    quote = _quote_of(SENTENCE, QUOTED)
    found = reanchor(quote, _art(SENTENCE.replace(QUOTED, edited)))
    assert found.status is AnchorStatus.FUZZY
    assert found.quote.exact == now_reads


def test_a_word_changed_where_the_quote_meets_its_context_stays_out_of_it():
    quote = _quote_of(SENTENCE, QUOTED)
    now = SENTENCE.replace("Tuesday. Officials", "Tuesday; the officials")
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.FUZZY
    assert found.quote.exact == "officials now say the deal is off."


def test_a_deleted_quote_is_orphaned_even_when_another_sentence_says_much_the_same():
    body = (
        "The US created fewer jobs than expected in January, but a fall in jobseekers pushed "
        "the unemployment rate to its lowest level in three years.\n\n"
        "According to Labor Department figures, US firms added only 146,000 jobs in January. "
        "The gain in non-farm payrolls was below market expectations of 190,000 new jobs. "
        "Nevertheless it was enough to push down the unemployment rate to 5.2%, its lowest "
        "level since September 2001. The job gains mean a net growth in jobs in the first term."
    )
    passage = "Nevertheless it was enough to push down the unemployment rate to 5.2%"
    found = reanchor(_quote_of(body, passage), _art(body.replace(passage, "")))
    assert found.status is AnchorStatus.ORPHANED


# Export to a file.


def test_export_to_a_file_groups_notes_by_article_when_asked(tmp_path):
    rates = article()
    bonds = article(BODY, article_id="b1", title="Bond yields")
    notes = (
        quoted_note("Markets fell sharply", text="first on rates"),
        quoted_note("raised its key rate", text="on bonds", art=bonds),
        quoted_note("further rises could follow", text="second on rates"),
    )
    briefing = _briefing_of(*notes)
    resolved = resolve_notes(notes, Corpus(rates, bonds))
    result = export_briefing(briefing, resolved, tmp_path / "out.md", by_article=True)
    text = result.path.read_text(encoding="utf-8")
    order = [text.index(s) for s in ("## Rates rise", "first on rates", "second on rates")]
    order += [text.index(s) for s in ("## Bond yields", "on bonds")]
    assert order == sorted(order)
    assert "> Markets fell sharply [1]" in text and "> raised its key rate [2]" in text


def test_a_quote_of_two_paragraphs_is_one_blockquote_holding_both():
    art = article("First paragraph of the quote.\n\nSecond paragraph of the quote.")
    note = note_quoting(art, art.body)
    [item] = resolve_notes([note], Corpus(art))
    markdown = render_briefing(_briefing_of(note), [item], generated=WHEN)
    assert "> First paragraph of the quote.\n>\n> Second paragraph of the quote. [1]\n" in markdown
    tokens = MarkdownIt("commonmark").parse(markdown)
    assert [t.type for t in tokens].count("blockquote_open") == 1


def test_a_whole_article_note_without_words_still_cites_its_article():
    art = article()
    bookmark = new_note(ArticleRef.from_article(art))
    [item] = resolve_notes([bookmark], Corpus(art))
    for by_article in (False, True):
        markdown = render_briefing(
            _briefing_of(bookmark), [item], generated=WHEN, by_article=by_article
        )
        assert "\n[1]\n" in markdown


def test_citations_keep_a_titles_own_punctuation_and_name_an_untitled_article():
    refs = [
        ArticleRef("q", "Will rates rise?", path="q.txt"),
        ArticleRef("e", "Rates rise!", path="e.txt"),
        ArticleRef("d", "Rates rise in the U.S.", path="d.txt"),
        ArticleRef("u", "", path=None, url=None),
    ]
    notes = [new_note(ref, text=f"on {ref.id}") for ref in refs]
    resolved = resolve_notes(notes, Corpus())  # all orphaned: cited as stored
    markdown = render_briefing(_briefing_of(*notes), resolved, generated=WHEN)
    assert markdown.endswith(
        "1. Will rates rise? q.txt\n"
        "2. Rates rise\\! e.txt\n"  # "!" escaped: it would start an image
        "3. Rates rise in the U.S. d.txt\n"
        "4. Untitled article.\n"
    )
    assert "### Untitled article\n" in markdown


def test_a_briefing_with_a_blank_title_exports_under_its_file_name():
    briefing = replace(_briefing_of(), title="   ", slug="caucasus-watch")
    assert render_briefing(briefing, [], generated=WHEN).startswith("# caucasus-watch\n")


def test_the_generation_line_is_in_utc_whatever_the_machines_time_zone():
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        markdown = render_briefing(_briefing_of(), [], generated=WHEN)
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()
    assert "*Generated 2026-03-01 09:30 UTC*" in markdown
