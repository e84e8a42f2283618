"""Each note's status against the corpus as it is now, on real files read into a real index.

Notes are taken on articles read by the real reader, then the files are edited, moved or
deleted the way a corpus changes under an analyst, and the resolver says where each
note stands: anchored, moved, changed or orphaned. Resolving never changes a note.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from briefings.anchoring import AnchorStatus, quote_article, reanchor
from briefings.models import ArticleRef, Note, new_note
from briefings.resolver import (
    ARTICLE_GONE,
    OTHER_CORPUS,
    PASSAGE_GONE,
    NoteStatus,
    ResolvedNote,
    resolve_notes,
)
from briefings.store import BriefingStore
from briefings.yamlfile import parse_briefing
from search.models.articles import Article
from search.service import SearchService, open_search_service

PLANE = (
    "Plane crash strains ties\n\n"
    "An Azerbaijani civilian plane crashed near Grozny, Russia, in December 2024, killing "
    "38 people. Azerbaijan alleges the plane was shot down by a Russian surface-to-air "
    "missile. President Aliyev criticised Russia for attempting to hush up the incident.\n\n"
    "Officials in Baku cancelled cultural events on Tuesday. Officials now say the talks "
    "will resume in the spring.\n\n"
    "https://example.org/posts/1\n\n"
)
SUMMIT = (
    "China EU Summit\n\n"
    "European Commission President Ursula von der Leyen met Chinese Foreign Minister Wang "
    "Yi in Brussels on July 2, discussing trade and the war in Ukraine.\n\n"
    "https://example.org/posts/2\n\n"
)
AIRBUS = (
    "No Airbus deal at the summit\n\n"
    "No Airbus plane deal between the EU and China was signed at the summit in Brussels "
    "this week.\n\n"
    "https://example.org/posts/3\n"
)
BANK = (
    "Central bank raises rates\n\n"
    "The central bank raised its key rate by half a point on Tuesday.\n\n"
    "Officials said inflation had stayed above target for a year. The governor warned "
    "that further rises could follow in the spring.\n\n"
    "Markets fell sharply after the announcement.\n"
)

SHOT_DOWN = "Azerbaijan alleges the plane was shot down by a Russian surface-to-air missile."
TALKS = "Officials now say the talks will resume in the spring."
GOVERNOR = "The governor warned that further rises could follow in the spring."
WANG_YI = "met Chinese Foreign Minister Wang Yi in Brussels"
NO_DEAL = "No Airbus plane deal between the EU and China was signed"


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A corpus folder: a feed of three posts separated by link lines, and one story."""
    folder = tmp_path / "corpus"
    (folder / "world").mkdir(parents=True)
    (folder / "world" / "feed.txt").write_text(PLANE + SUMMIT + AIRBUS, encoding="utf-8")
    (folder / "bank.txt").write_text(BANK, encoding="utf-8")
    return folder


def indexed(folder: Path) -> SearchService:
    """The folder's search service, its index (under the test's cache dir) up to date."""
    service = open_search_service(folder)
    service.update()
    return service


def article_titled(service: SearchService, title: str) -> Article:
    [summary] = [s for s in service.articles() if s.title == title]
    return service.article(summary.id)


def note_on(service: SearchService, title: str, passage: str | None, text: str = "") -> Note:
    """A note taken in ``service``'s corpus on the article ``title``, quoting ``passage``."""
    art = article_titled(service, title)
    quote = None
    if passage is not None:
        start = art.body.index(passage)
        quote = quote_article(art, start, start + len(passage))
    ref = ArticleRef.from_article(art, str(service.corpus))
    return new_note(ref, text=text or title, quote=quote)


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there once) and make sure the index sees a change."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def resolve(notes: list[Note], service: SearchService, **kw) -> list[ResolvedNote]:
    """Resolve ``notes``, checking that resolving left every one of them as it was."""
    before = list(notes)
    resolved = resolve_notes(notes, service, **kw)
    assert notes == before
    assert [r.note for r in resolved] == before
    assert all(r.note is n for r, n in zip(resolved, notes, strict=True))
    return resolved


def statuses(resolved: list[ResolvedNote]) -> list[NoteStatus]:
    return [r.status for r in resolved]


def test_unchanged_corpus_leaves_every_note_anchored_at_its_place(corpus):
    service = indexed(corpus)
    notes = [
        note_on(service, "Plane crash strains ties", SHOT_DOWN),
        note_on(service, "China EU Summit", None),
        note_on(service, "Central bank raises rates", GOVERNOR),
    ]
    resolved = resolve(notes, service, corpus_name="corpus")
    assert statuses(resolved) == [NoteStatus.ANCHORED] * 3
    assert resolved[0].current == notes[0].quote
    assert resolved[1].current is None and resolved[1].article.title == "China EU Summit"
    assert all(r.reason == "" for r in resolved)


def test_sentence_inserted_before_the_quote_moves_it(corpus):
    service = indexed(corpus)
    note = note_on(service, "Central bank raises rates", GOVERNOR)
    inserted = "Analysts had expected a smaller rise. "
    edit(corpus / "bank.txt", "Officials said inflation", inserted + "Officials said inflation")
    service.update()
    [item] = resolve([note], service)
    assert item.status is NoteStatus.MOVED
    assert item.current.exact == note.quote.exact == GOVERNOR
    assert item.current.start == note.quote.start + len(inserted)
    assert item.article.body[item.current.start : item.current.end] == GOVERNOR


def test_words_inserted_inside_the_quote_change_it_and_keep_the_analysts_words(corpus):
    service = indexed(corpus)
    note = note_on(service, "Central bank raises rates", GOVERNOR)
    edit(corpus / "bank.txt", "further rises", "further and steeper rises")
    service.update()
    [item] = resolve([note], service)
    assert item.status is NoteStatus.CHANGED
    assert item.note.quote.exact == GOVERNOR
    assert item.current.exact == (
        "The governor warned that further and steeper rises could follow in the spring."
    )
    assert item.article.body[item.current.start : item.current.end] == item.current.exact


def test_sentence_inserted_after_the_quote_leaves_it_anchored(corpus):
    service = indexed(corpus)
    note = note_on(service, "Central bank raises rates", GOVERNOR)
    edit(corpus / "bank.txt", "in the spring.", "in the spring. Bond yields rose.")
    service.update()
    [item] = resolve([note], service)
    assert item.status is NoteStatus.ANCHORED
    current, stored = item.current, note.quote
    assert (current.exact, current.start, current.end) == (stored.exact, stored.start, stored.end)


def test_reworded_quote_is_changed_with_the_current_words(corpus):
    service = indexed(corpus)
    feed = corpus / "world" / "feed.txt"
    note = note_on(service, "Plane crash strains ties", SHOT_DOWN)
    edit(feed, "shot down by", "downed by")
    service.update()
    [item] = resolve([note], service)
    assert item.status is NoteStatus.CHANGED
    assert item.note.quote.exact == SHOT_DOWN
    assert item.current.exact == (
        "Azerbaijan alleges the plane was downed by a Russian surface-to-air missile."
    )


def test_deleted_file_orphans_its_notes_and_they_are_cited_as_stored(corpus):
    service = indexed(corpus)
    notes = [
        note_on(service, "Central bank raises rates", GOVERNOR),
        note_on(service, "Central bank raises rates", None),
        note_on(service, "China EU Summit", WANG_YI),
    ]
    (corpus / "bank.txt").unlink()
    service.update()
    resolved = resolve(notes, service, corpus_name="corpus")
    assert statuses(resolved) == [NoteStatus.ORPHANED, NoteStatus.ORPHANED, NoteStatus.ANCHORED]
    for item in resolved[:2]:
        assert item.reason == ARTICLE_GONE and not item.from_other_corpus
        assert item.article is None and item.current is None
        assert item.citation == item.note.article


def test_article_deleted_from_a_feed_orphans_only_its_notes(corpus):
    service = indexed(corpus)
    feed = corpus / "world" / "feed.txt"
    notes = [
        note_on(service, "Plane crash strains ties", SHOT_DOWN),
        note_on(service, "China EU Summit", WANG_YI),
        note_on(service, "No Airbus deal at the summit", NO_DEAL),
    ]
    edit(feed, SUMMIT, "")
    service.update()
    before, lost, after = resolve(notes, service)
    assert (before.status, lost.status, after.status) == (
        NoteStatus.ANCHORED,
        NoteStatus.ORPHANED,
        NoteStatus.ANCHORED,
    )
    assert after.article.title == "No Airbus deal at the summit"
    assert after.current.exact == NO_DEAL


def test_first_article_deleted_from_a_feed_is_not_replaced_by_the_next_one(corpus):
    """The next post takes the deleted one's place (and so its id); notes must not follow."""
    service = indexed(corpus)
    feed = corpus / "world" / "feed.txt"
    quoted = note_on(service, "Plane crash strains ties", SHOT_DOWN)
    whole = note_on(service, "Plane crash strains ties", None)
    on_next = note_on(service, "China EU Summit", WANG_YI)
    edit(feed, PLANE, "")
    service.update()
    quoted_now, whole_now, next_now = resolve([quoted, whole, on_next], service)
    assert next_now.status is NoteStatus.MOVED or next_now.status is NoteStatus.ANCHORED
    assert next_now.article.title == "China EU Summit"
    assert quoted_now.status is NoteStatus.ORPHANED
    assert quoted_now.citation.title == "Plane crash strains ties"
    assert whole_now.status is NoteStatus.ORPHANED
    assert whole_now.reason == ARTICLE_GONE


def test_article_inserted_before_another_does_not_steal_its_notes(corpus):
    service = indexed(corpus)
    feed = corpus / "world" / "feed.txt"
    notes = [
        note_on(service, "Plane crash strains ties", TALKS),
        note_on(service, "China EU Summit", WANG_YI),
        note_on(service, "China EU Summit", None),
    ]
    newcomer = (
        "Talks resume in Baku\n\n"
        "Officials now say the talks will resume in the spring, after a year of tension.\n\n"
        "https://example.org/posts/0\n\n"
    )
    edit(feed, PLANE, newcomer + PLANE)
    service.update()
    resolved = resolve(notes, service)
    assert [r.article.title for r in resolved] == [
        "Plane crash strains ties",
        "China EU Summit",
        "China EU Summit",
    ]
    assert statuses(resolved) == [NoteStatus.ANCHORED] * 3
    assert resolved[0].current.exact == TALKS


def test_article_retitled_in_place_keeps_its_quoted_notes_and_is_cited_as_now(corpus):
    service = indexed(corpus)
    note = note_on(service, "Plane crash strains ties", SHOT_DOWN)
    edit(
        corpus / "world" / "feed.txt", "Plane crash strains ties", "Crash strains Baku-Moscow ties"
    )
    service.update()
    [item] = resolve([note], service)
    assert item.status is NoteStatus.ANCHORED
    assert item.citation.title == "Crash strains Baku-Moscow ties"
    assert item.note.article.title == "Plane crash strains ties"


def test_corpus_folder_copied_elsewhere_keeps_every_note_anchored(corpus, tmp_path):
    service = indexed(corpus)
    notes = [
        note_on(service, "Plane crash strains ties", SHOT_DOWN),
        note_on(service, "No Airbus deal at the summit", NO_DEAL),
        note_on(service, "Central bank raises rates", None),
    ]
    copy = shutil.copytree(corpus, tmp_path / "elsewhere" / "corpus-copy")
    resolved = resolve(notes, indexed(copy), corpus_name=copy.name)
    assert statuses(resolved) == [NoteStatus.ANCHORED] * 3
    assert [r.article.id for r in resolved] == [n.article.id for n in notes]
    assert all(r.citation.path == n.article.path for r, n in zip(resolved, notes, strict=True))


SCHEMA_1 = """\
schema: 1
title: Caucasus
slug: caucasus
created: '2025-01-02T10:00:00Z'
updated: '2025-01-02T10:00:00Z'
summary: ''
notes:
- id: 0a1b2c3d4e5f
  article:
    id: 9f86d081884c7d65
    title: No Airbus deal at the summit
    source: null
    date: null
    path: /home/ana/Documents/corpus/world/feed.txt
    url: https://example.org/posts/3
  quote:
    exact: No Airbus plane deal between the EU and China was signed
    prefix: ''
    suffix: ' at the summit in Brussels this week.'
    start: 0
    end: 56
    content_hash: sha256:0000000000000000
    orphaned: true
  text: Written before paths were relative.
  tags: []
  created: '2025-01-02T10:00:00Z'
  updated: '2025-01-02T10:00:00Z'
"""


def test_note_from_a_schema_1_file_is_found_by_its_path_and_title(corpus):
    service = indexed(corpus)
    briefing = parse_briefing(SCHEMA_1.encode(), Path("caucasus.yaml"))
    [note] = briefing.notes
    assert service.article(note.article.id) is None  # an id from the old scheme
    [item] = resolve([note], service, corpus_name="corpus")
    assert item.status is NoteStatus.ANCHORED
    assert item.article.title == "No Airbus deal at the summit"
    assert item.citation.path == "world/feed.txt"


def test_note_from_a_schema_1_file_written_on_windows_is_found_too(corpus):
    service = indexed(corpus)
    windows = "path: 'C:\\Users\\ana\\Documents\\corpus\\world\\feed.txt'"
    text = SCHEMA_1.replace("path: /home/ana/Documents/corpus/world/feed.txt", windows)
    [note] = parse_briefing(text.encode(), Path("caucasus.yaml")).notes
    assert note.article.path == "C:\\Users\\ana\\Documents\\corpus\\world\\feed.txt"
    [item] = resolve([note], service)
    assert item.status is NoteStatus.ANCHORED
    assert item.article.title == "No Airbus deal at the summit"


def test_schema_1_note_on_a_title_no_longer_in_its_file_is_orphaned(corpus):
    service = indexed(corpus)
    text = SCHEMA_1.replace("title: No Airbus deal at the summit", "title: Gone post")
    [note] = parse_briefing(text.encode(), Path("caucasus.yaml")).notes
    [item] = resolve([note], service)
    assert item.status is NoteStatus.ORPHANED and item.reason == ARTICLE_GONE


def test_note_taken_in_another_corpus_is_orphaned_as_from_another_corpus(corpus, tmp_path):
    service = indexed(corpus)
    other = tmp_path / "other-corpus"
    other.mkdir()
    (other / "notes.txt").write_text("Field notes\n\nThe border post was quiet.\n")
    note = note_on(indexed(other), "Field notes", "The border post was quiet.")
    [item] = resolve([note], service, corpus_name=corpus.name)
    assert item.status is NoteStatus.ORPHANED
    assert item.reason == OTHER_CORPUS and item.from_other_corpus
    [unnamed] = resolve([note], service)
    assert unnamed.reason == ARTICLE_GONE and not unnamed.from_other_corpus


def test_passage_removed_from_its_article_is_orphaned_with_the_article_cited(corpus):
    service = indexed(corpus)
    note = note_on(service, "Central bank raises rates", GOVERNOR)
    edit(corpus / "bank.txt", " " + GOVERNOR, "")
    service.update()
    [item] = resolve([note], service)
    assert item.status is NoteStatus.ORPHANED
    assert item.reason == PASSAGE_GONE and not item.from_other_corpus
    assert item.current is None
    assert item.citation.title == "Central bank raises rates"


def test_resolving_reads_the_briefing_and_never_writes_it(corpus, tmp_path):
    service = indexed(corpus)
    store = BriefingStore(tmp_path / "notes")
    slug = store.create("Caucasus").slug
    for title, passage in (("Plane crash strains ties", SHOT_DOWN), ("China EU Summit", WANG_YI)):
        store.add_note(slug, note_on(service, title, passage))
    raw = store.path_for(slug).read_bytes()
    edit(corpus / "world" / "feed.txt", "shot down by", "downed by")
    edit(corpus / "world" / "feed.txt", SUMMIT, "")
    service.update()
    briefing = store.load(slug)
    resolved = resolve(list(briefing.notes), service)
    assert statuses(resolved) == [NoteStatus.CHANGED, NoteStatus.ORPHANED]
    assert store.path_for(slug).read_bytes() == raw
    assert store.load(slug) == briefing


# Fuzzy matches snap to whole words.

SENTENCE = "The ministry said the talks ended on Tuesday. Officials now say the deal is off."
QUOTED = "Officials now say the deal is off."
WORD_CHARS = "'’-_"


def at_word_edge(body: str, at: int) -> bool:
    def word(ch: str) -> bool:
        return ch.isalnum() or ch in WORD_CHARS

    return at in (0, len(body)) or not (word(body[at - 1]) and word(body[at]))


def _reanchored(before: str, quoted: str, after: str) -> tuple[str, AnchorStatus, int, int]:
    start = before.index(quoted)
    old = Article("a", "T", before, "t.txt")
    found = reanchor(quote_article(old, start, start + len(quoted)), Article("a", "T", after, "t"))
    return after, found.status, found.quote.start, found.quote.end


@pytest.mark.parametrize(
    "after",
    [
        "The ministry said the talks ended on Tuesday. Officials now said the deal is off.",
        "The ministry said the talks ended on Tuesday. Senior officials now say the deal is off.",
        "The ministry said the talks ended on Tuesday.Officials now say the deal was off!",
        "The ministry said the talks ended on Tuesday. Officials now say the deal is offline.",
        "The ministry said the talks ended on Tuesday. Officials say the deal is off, again.",
        "The ministry said the talks ended on Tuesdays. Officials then say the deal is off.",
    ],
)
def test_fuzzy_match_starts_and_ends_on_whole_words(after):
    body, status, start, end = _reanchored(SENTENCE, QUOTED, after)
    assert status is AnchorStatus.FUZZY, body[start:end]
    assert at_word_edge(body, start) and at_word_edge(body, end), body[start:end]
    assert not body[start:end].startswith("day") and "Tuesday" not in body[start:end]


edits = st.tuples(
    st.sampled_from(["start", "end"]),
    st.integers(min_value=-12, max_value=12),
    st.integers(min_value=0, max_value=4),
    st.text(alphabet="abcdefghij .,", max_size=6),
)


@given(st.lists(edits, min_size=1, max_size=3))
@example([("start", -2, 1, "")])  # "Tuesday. Officials" -> "Tuesday Officials"
@example([("start", 1, 0, "x")])  # a letter inside the quote's first word
@example([("end", -1, 1, "ly")])  # "off." -> "offly"
@settings(max_examples=300, deadline=None)
def test_any_fuzzy_match_starts_and_ends_on_whole_words(changes):
    body = SENTENCE
    for side, shift, deleted, inserted in changes:
        edge = body.find("Officials") if side == "start" else body.rfind(".") + 1
        at = min(max(edge + shift, 0), len(body))
        body = body[:at] + inserted + body[at + deleted :]
    body, status, start, end = _reanchored(SENTENCE, QUOTED, body)
    assume(status is AnchorStatus.FUZZY)
    assert at_word_edge(body, start), (body, body[start:end])
    assert at_word_edge(body, end), (body, body[start:end])


def test_a_note_from_another_corpus_still_on_disk_is_checked_there(corpus, tmp_path):
    other = tmp_path / "desk"
    other.mkdir()
    (other / "memo.txt").write_text("Budget memo\n\nThe budget grows by a tenth.\n")
    memo = note_on(indexed(other), "Budget memo", "The budget grows")
    here = note_on(indexed(corpus), "Central bank raises rates", GOVERNOR)
    opened: list[str] = []

    def elsewhere(folder: str):
        opened.append(folder)
        return indexed(Path(folder)) if Path(folder).is_dir() else None

    found, local = resolve([memo, here], indexed(corpus), corpus_name="corpus", elsewhere=elsewhere)
    assert (found.status, found.elsewhere, found.citation.title) == (
        NoteStatus.ANCHORED,
        "desk",
        "Budget memo",
    )
    assert found.from_other_corpus and not local.from_other_corpus
    assert opened == [str(other)], "only the note not found here opens its own corpus"

    edit(other / "memo.txt", "The budget grows", "Officials met. The budget grows")
    [moved] = resolve([memo], indexed(corpus), corpus_name="corpus", elsewhere=elsewhere)
    assert (moved.status, moved.elsewhere) == (NoteStatus.MOVED, "desk")

    shutil.rmtree(other)
    [gone] = resolve([memo], indexed(corpus), corpus_name="corpus", elsewhere=elsewhere)
    assert (gone.status, gone.reason, gone.elsewhere) == (NoteStatus.ORPHANED, OTHER_CORPUS, "desk")


def test_a_copy_of_the_corpus_answers_for_its_notes_even_with_the_original_there(corpus, tmp_path):
    notes = [note_on(indexed(corpus), "Central bank raises rates", GOVERNOR)]
    copy = shutil.copytree(corpus, tmp_path / "copy")
    edit(copy / "bank.txt", "The governor warned", "Then the governor warned")

    def elsewhere(folder: str):
        raise AssertionError("a note found in the copy needs no other corpus")

    [item] = resolve(notes, indexed(copy), corpus_name="copy", elsewhere=elsewhere)
    assert item.status is NoteStatus.CHANGED and not item.from_other_corpus


def test_after_the_corpus_folder_moved_and_was_renamed_a_lost_article_is_just_gone(
    corpus, tmp_path
):
    service = indexed(corpus)
    notes = [
        note_on(service, "Central bank raises rates", GOVERNOR),
        note_on(service, "No Airbus deal at the summit", NO_DEAL),
    ]
    moved = tmp_path / "archive" / "renamed"
    moved.parent.mkdir()
    corpus.rename(moved)
    edit(moved / "world" / "feed.txt", AIRBUS, "")

    def elsewhere(folder: str):
        return indexed(Path(folder)) if Path(folder).is_dir() else None

    kept, lost = resolve(notes, indexed(moved), corpus_name="renamed", elsewhere=elsewhere)
    assert kept.status is NoteStatus.ANCHORED and not kept.from_other_corpus
    assert (lost.status, lost.reason, lost.from_other_corpus) == (
        NoteStatus.ORPHANED,
        ARTICLE_GONE,
        False,
    )


def test_a_note_lost_here_but_still_in_its_own_folder_says_where_it_stands_there(corpus, tmp_path):
    own = shutil.copytree(corpus, tmp_path / "snapshot-b")
    note = note_on(indexed(own), "Central bank raises rates", GOVERNOR)
    edit(corpus / "bank.txt", GOVERNOR, "")

    def elsewhere(folder: str):
        return indexed(Path(folder)) if Path(folder).is_dir() else None

    [item] = resolve([note], indexed(corpus), corpus_name="corpus", elsewhere=elsewhere)
    assert (item.status, item.elsewhere) == (NoteStatus.ANCHORED, "snapshot-b")


def test_same_named_files_of_two_corpora_are_two_sources_in_the_export(tmp_path):
    from briefings.markdown import render_briefing
    from briefings.models import Briefing

    first, second = tmp_path / "alpha", tmp_path / "beta"
    for folder, title in ((first, "Alpha report on gas"), (second, "Beta report on oil")):
        folder.mkdir()
        (folder / "report.txt").write_text(f"{title}\n\nThe figures came in on Monday.\n")
    notes = [
        note_on(indexed(first), "Alpha report on gas", "The figures came in"),
        note_on(indexed(second), "Beta report on oil", "The figures came in"),
    ]
    assert notes[0].article.id == notes[1].article.id  # same path, same place

    def elsewhere(folder: str):
        return indexed(Path(folder)) if Path(folder).is_dir() else None

    resolved = resolve(notes, indexed(first), corpus_name="alpha", elsewhere=elsewhere)
    briefing = Briefing("Two", "two", "", "", notes=tuple(notes))
    markdown = render_briefing(briefing, resolved)
    assert "1. Alpha report on gas." in markdown and "2. Beta report on oil." in markdown
    assert markdown.count("[1]") == 1 and markdown.count("[2]") == 1
