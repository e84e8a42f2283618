"""Messages shared across the app: results of background work posted from thread workers.

Thread workers may only call ``post_message``; each of these carries plain records from
:mod:`search.models`, never an index object. Progress replaces progress (``can_replace``)
so a burst of updates collapses into the latest one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from search.models import (
    NO_FILTERS,
    Article,
    ArticleSummary,
    EntitySpan,
    Hit,
    IndexProgress,
    IndexReport,
    SearchFilters,
    SearchResults,
)

if TYPE_CHECKING:
    from tui.note_status import Resolution


@dataclass
class IndexProgressed(Message):
    """The index update has read ``progress.done`` of ``progress.total`` files."""

    progress: IndexProgress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgressed)


@dataclass
class IndexReady(Message):
    """The index is usable; ``articles`` lists every article, ``report`` says what changed."""

    articles: list[ArticleSummary]
    report: IndexReport | None = None


@dataclass
class IndexFailed(Message):
    """The index could not be opened or updated; ``reason`` is one line for the user."""

    reason: str


@dataclass
class SearchAnswered(Message):
    """A query ran; the receiver drops it when the input no longer holds ``query``."""

    query: str
    results: SearchResults


@dataclass
class SearchFailed(Message):
    """A query could not be run; ``reason`` is shown inline under the input."""

    query: str
    reason: str
    filters: SearchFilters = NO_FILTERS


@dataclass
class OpenArticle(Message):
    """Open (or focus) the article with this id in its own reading tab."""

    article_id: str


@dataclass
class ArticleLoaded(Message):
    """An article fetched for reading, with the query terms and entities to highlight."""

    article: Article
    terms: tuple[str, ...] = ()
    entities: tuple[EntitySpan, ...] = ()


@dataclass
class RelatedFound(Message):
    """Articles most like ``article_id``, ready to list."""

    article_id: str
    title: str
    hits: list[Hit]


@dataclass
class NotesResolved(Message):
    """The current briefing's notes were resolved against the corpus (posted to the app)."""

    resolution: Resolution
