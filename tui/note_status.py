"""The current briefing's notes resolved against the corpus, for every view of the app.

The app resolves its briefing (see :mod:`briefings.resolver`) in a thread worker
whenever the briefing changes or the index is updated, and keeps the answer as one
:class:`Resolution`; the notes view, the reading panes' quote marks and the export all
read that one answer, so none of them finds quotes again on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from briefings.resolver import NoteStatus, ResolvedNote

if TYPE_CHECKING:
    from pathlib import Path

    from briefings.models import Briefing
    from search.service import SearchService


@dataclass(frozen=True)
class Resolution:
    """Each note of ``briefing`` with its status; ``done`` is False until it was worked out."""

    briefing: Briefing | None = None
    items: tuple[ResolvedNote, ...] = ()
    done: bool = False
    _by_id: dict[str, ResolvedNote] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((item.note.id, item) for item in self.items)

    def of(self, note_id: str) -> ResolvedNote | None:
        """The resolution of one note, if it was worked out."""
        return self._by_id.get(note_id)

    def on_article(self, article_id: str) -> list[ResolvedNote]:
        """The notes found in the article ``article_id`` as it is now (not the orphans)."""
        return [
            item
            for item in self.items
            if item.article is not None
            and item.article.id == article_id
            and item.status is not NoteStatus.ORPHANED
        ]

    def count(self, status: NoteStatus) -> int:
        """How many notes have ``status``."""
        return sum(1 for item in self.items if item.status is status)


@dataclass
class NotesResolved(Message):
    """A briefing's notes were resolved against the corpus (posted to the app)."""

    resolution: Resolution


def resolve(briefing: Briefing | None, service: SearchService, corpus: Path) -> Resolution:
    """Resolve ``briefing`` against the corpus behind ``service`` (blocking: call in a worker)."""
    from briefings.resolver import resolve_notes

    if briefing is None:
        return Resolution(None, (), done=True)
    items = resolve_notes(briefing.notes, service, corpus_name=corpus.resolve().name)
    return Resolution(briefing, tuple(items), done=True)
