"""Plain frozen records of articles: an article, its summary and copies, its entity spans
and an entity's mentions across the corpus."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article read from a corpus file (a file may hold several).

    ``body`` is clean paragraphs joined by a blank line; entity and quote offsets
    are character offsets into it.
    """

    id: str
    title: str
    body: str
    path: str
    position: int = 0
    source: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    content_hash: str = ""
    # How the file's bytes were decoded ("utf-8", "cp1251", ...): a misread file shows.
    encoding: str | None = None
    # Where each page of a PDF starts in ``body`` (0 first); empty for text without pages.
    pages: tuple[int, ...] = ()
    # Where each metadata field came from, by field name ("source": "title"); see
    # search.models.ORIGINS.
    origins: dict[str, str] = field(default_factory=dict, hash=False)

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []


@dataclass(frozen=True)
class ArticleSummary:
    """What a listing of articles needs, without the body."""

    id: str
    title: str
    path: str
    position: int = 0
    source: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    encoding: str | None = None
    pages: tuple[int, ...] = ()
    origins: dict[str, str] = field(default_factory=dict, hash=False)
    language: str | None = None  # ISO 639-1, told from the text at index time


@dataclass(frozen=True)
class ArticleCopies:
    """Where else an article's text is: ``copies`` are the paths of articles with the
    same title and body, ``versions`` the articles telling the same story with small
    edits."""

    copies: tuple[str, ...] = ()
    versions: tuple[ArticleSummary, ...] = ()


@dataclass(frozen=True)
class EntitySpan:
    """One mention of an entity: ``body[start:end] == text``."""

    start: int
    end: int
    type: str
    text: str
    canonical: str


@dataclass(frozen=True)
class Mention:
    """One mention of an entity somewhere in the corpus, with the text around it.

    ``start``/``end`` are offsets into the article's body; ``left`` and ``right`` are
    the few words before and after it (keyword in context), on one line.
    """

    article_id: str
    title: str
    start: int
    end: int
    text: str
    left: str
    right: str
    source: str | None = None
    date: str | None = None
