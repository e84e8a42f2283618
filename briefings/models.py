"""The records of a briefing: Briefing, Note, Quote and ArticleRef, all frozen.

The app, the CLI and the Markdown export only ever see these; the YAML layout lives
in :mod:`briefings.yamlfile`.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefings.errors import BriefingFileError
    from search.models.articles import Article

# 2: article paths relative to the corpus, the corpus folder and author on each article,
# no stored "orphaned" flag (a note's status is worked out against the current corpus).
SCHEMA_VERSION = 2


@dataclass(frozen=True)
class ArticleRef:
    """Enough about an article to cite it and find it again.

    ``path`` is relative to the corpus folder (files written before schema 2 may hold
    an absolute one); ``corpus`` is the folder the note was taken in.
    """

    id: str
    title: str
    source: str | None = None
    date: str | None = None
    path: str | None = None
    url: str | None = None
    author: str | None = None
    corpus: str | None = None

    @classmethod
    def from_article(cls, article: Article, corpus: str | None = None) -> ArticleRef:
        """The reference to ``article`` (read from the folder ``corpus``) a note stores."""
        return cls(
            id=article.id,
            title=article.title,
            source=article.source,
            date=article.date,
            path=article.path,
            url=article.url,
            author=article.author,
            corpus=corpus,
        )

    @property
    def corpus_name(self) -> str | None:
        """The name of the corpus folder the note was taken in, if known."""
        return Path(self.corpus).name if self.corpus else None


@dataclass(frozen=True)
class Quote:
    """A quoted passage anchored like a W3C TextQuoteSelector plus a TextPositionSelector.

    ``exact`` is ``body[start:end]`` of the article whose body hashed to
    ``content_hash``; ``prefix`` and ``suffix`` are the text around it. Whether the
    passage is still there is not stored: :mod:`briefings.resolver` works it out.
    """

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    content_hash: str


@dataclass(frozen=True)
class Note:
    """One note: the user's text and tags, on an article, optionally on a quoted passage."""

    id: str
    article: ArticleRef
    quote: Quote | None
    text: str
    tags: tuple[str, ...]
    created: str
    updated: str


@dataclass(frozen=True)
class Briefing:
    """A titled, ordered collection of notes; stored as one YAML file named by its slug."""

    title: str
    slug: str
    created: str
    updated: str
    summary: str = ""
    notes: tuple[Note, ...] = ()
    schema: int = SCHEMA_VERSION

    def note(self, note_id: str) -> Note | None:
        """The note with ``note_id``, or None."""
        return next((n for n in self.notes if n.id == note_id), None)

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag used in the briefing, in order of first use."""
        return tuple(dict.fromkeys(t for n in self.notes for t in n.tags))


@dataclass(frozen=True)
class BriefingSummary:
    """One entry of a listing: a readable briefing, or the error that stops it being read."""

    slug: str
    path: Path
    title: str | None = None
    note_count: int = 0
    updated: str | None = None
    error: BriefingFileError | None = field(default=None, compare=False)


def now_iso(when: datetime | None = None) -> str:
    """A UTC timestamp as stored in briefing files, to the second: ``2026-01-31T09:30:00Z``."""
    moment = (when or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def new_note_id() -> str:
    """A short random id, stable for the life of the note."""
    return uuid.uuid4().hex[:12]


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without surrounding whitespace, empty ones and repeats, in their given order."""
    return tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))


def new_note(
    article: ArticleRef,
    *,
    text: str = "",
    tags: Iterable[str] = (),
    quote: Quote | None = None,
    when: datetime | None = None,
) -> Note:
    """A fresh note with a new id, created and updated now.

    Args:
        article: the article the note is about.
        text: what the user wrote; multi-line text is kept as written.
        tags: labels; normalised with :func:`normalise_tags`.
        quote: the quoted passage, or None for a note on the whole article.
        when: the creation time (now by default).
    """
    stamp = now_iso(when)
    return Note(
        id=new_note_id(),
        article=article,
        quote=quote,
        text=text,
        tags=normalise_tags(tags),
        created=stamp,
        updated=stamp,
    )


def slugify(title: str) -> str:
    """A file-name-safe slug for a title: lowercase ASCII words joined by hyphens.

    Accents are dropped ("Türkiye" -> "turkiye"); any other character outside ASCII (a
    dash, a quote mark, a letter of another script) separates words like a space.
    """
    decomposed = unicodedata.normalize("NFKD", title)
    ascii_title = "".join(
        char if char.isascii() else " " for char in decomposed if not unicodedata.combining(char)
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:60].rstrip("-") or "briefing"
