"""Finding a note's article again: retitled articles, posts sharing a title, old schema-1
paths, deleted folders, notes from another corpus, ids stored in briefing files."""

from __future__ import annotations

from dataclasses import replace

from briefings.anchoring import quote_article
from briefings.markdown import render_briefing
from briefings.models import ArticleRef, new_note
from briefings.resolver import (
    ARTICLE_GONE,
    OTHER_CORPUS,
    PASSAGE_GONE,
    NoteStatus,
    resolve_notes,
)
from search.reading.reader import article_id, read_articles
from tests.briefing_data import BODY
from tests.unit.briefing_helpers import (
    WHEN,
    Corpus,
    briefing_of,
    note_quoting,
    post,
)

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
    markdown = render_briefing(briefing_of(note), [item], generated=WHEN)
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
