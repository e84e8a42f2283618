"""Helpers for the notes tests: a notes folder with a briefing on two real seed articles."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.notifications import Notify

from briefings.anchoring import quote_article
from briefings.models import ArticleRef, Briefing, Quote, new_note
from briefings.store import BriefingStore
from search.sentences import sentence_ranges
from search.service import open_search_service
from tui.widgets.reading.spans import paragraph_ranges

# Notes made by the helpers are all dated this, so that pictures of them do not change.
WHEN = datetime(2026, 1, 31, 9, 30, tzinfo=UTC)


def seed_articles(seeds: Path, count: int = 2):
    """The first ``count`` articles of the seeds with at least two sentences, bodies included."""
    service = open_search_service(seeds)
    if service.needs_update():
        service.update()
    found = []
    for summary in service.articles():
        article = service.article(summary.id)
        if article is not None and len(first_sentences(article)) == 2:
            found.append(article)
        if len(found) == count:
            return found
    raise AssertionError("the seeds have too few articles")


def first_sentences(article, count: int = 2) -> list[Quote]:
    """Quotes of the first ``count`` sentences of ``article``'s longest paragraph."""
    start, end = max(paragraph_ranges(article.body), key=lambda r: r[1] - r[0])
    ranges = sentence_ranges(article.body, start, end)[:count]
    return [quote_article(article, a, b) for a, b in ranges]


def make_briefing(notes: Path, seeds: Path, title: str = "Caucasus watch") -> Briefing:
    """A briefing with two quoted notes on one article and one on another, in that order."""
    first, second = seed_articles(seeds)
    store = BriefingStore(notes)
    briefing = store.create(title)
    q1, q2 = first_sentences(first)
    [q3] = first_sentences(second, 1)
    for article, quote, text, tags in (
        (first, q1, "opening claim", ("energy",)),
        (second, q3, "other view", ("politics",)),
        (first, q2, "second point", ("energy", "gas")),
    ):
        store.add_note(
            briefing.slug,
            new_note(
                ArticleRef.from_article(article), text=text, tags=tags, quote=quote, when=WHEN
            ),
        )
    return store.load(briefing.slug)


def notices(messages: list) -> list[str]:
    """The text of every notification the app showed."""
    return [m.notification.message for m in messages if isinstance(m, Notify)]
