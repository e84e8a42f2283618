"""Shared by the briefing tests that mutation testing asked for: a notes store, files as a
user left them, and a small in-memory corpus with the reader's ids."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import yaml

from briefings.anchoring import quote_article
from briefings.models import ArticleRef, Briefing, Note, new_note
from briefings.store import BriefingStore
from search.models.articles import Article, ArticleSummary
from search.reading.reader import article_id

WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
OLD_STAMP = "2020-01-01T00:00:00Z"


def make_store(tmp_path: Path) -> BriefingStore:
    return BriefingStore(tmp_path / "notes")


def briefing_of(*notes: Note) -> Briefing:
    return Briefing(title="Rates", slug="rates", created="", updated="", notes=notes)


def write_file(store: BriefingStore, slug: str, text: str | bytes) -> Path:
    """A briefing file as a user (or a text editor) left it."""
    store.directory.mkdir(parents=True, exist_ok=True)
    path = store.path_for(slug)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def hand_stamp(store: BriefingStore, slug: str, updated: str) -> None:
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
