"""A briefing's notes resolved against the corpus, for the app and the command line alike.

The app resolves its briefing (see :mod:`briefings.resolver`) in a thread worker
whenever the briefing changes or the index is updated, and keeps the answer as one
:class:`Resolution`; the notes view, the reading panes' quote marks and the export all
read that one answer, so none of them finds quotes again on its own. ``briefing notes``
and ``briefing export`` resolve through :func:`resolve_against` too. No Textual here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefings.resolver import NoteStatus, ResolvedNote

if TYPE_CHECKING:
    from briefings.models import Briefing, Note
    from briefings.resolver import ArticleLookup
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
        """The notes found in this corpus's article ``article_id`` (not the orphans, nor
        notes found in another corpus)."""
        return [
            item
            for item in self.items
            if item.article is not None
            and item.article.id == article_id
            and item.status is not NoteStatus.ORPHANED
            and not item.from_other_corpus
        ]

    def count(self, status: NoteStatus) -> int:
        """How many notes have ``status``."""
        return sum(1 for item in self.items if item.status is status)


def resolve(briefing: Briefing | None, service: SearchService, corpus: Path) -> Resolution:
    """Resolve ``briefing`` against ``corpus`` (blocking: call it in a worker)."""
    if briefing is None:
        return Resolution(None, (), done=True)
    return Resolution(briefing, tuple(resolve_against(briefing.notes, service, corpus)), True)


def resolve_against(
    notes: Iterable[Note],
    service: ArticleLookup,
    corpus: Path,
    *,
    open_corpus: Callable[[Path], ArticleLookup | None] | None = None,
) -> list[ResolvedNote]:
    """``notes`` resolved against the corpus folder ``corpus`` (indexed by ``service``);
    a note from another corpus folder that is still on disk is resolved in its own.

    Args:
        notes: the notes to resolve.
        service: the index of ``corpus``.
        corpus: the corpus folder.
        open_corpus: opens another corpus folder's index, up to date (default:
            :func:`open_updated`).
    """
    from briefings.resolver import resolve_notes

    here = corpus.resolve()
    opener = open_corpus or open_updated

    def elsewhere(folder: str) -> ArticleLookup | None:
        path = Path(folder)
        if not path.is_dir() or path.resolve() == here:
            return None
        return opener(path.resolve())

    return resolve_notes(notes, service, corpus_name=here.name, elsewhere=elsewhere)


def open_updated(corpus: Path) -> SearchService:
    """The index of ``corpus``, updated first if the folder changed (used as it is while
    another ``briefing`` is updating it)."""
    from search.models import IndexBusyError
    from search.service import open_search_service

    service = open_search_service(corpus)
    if service.needs_update():
        with contextlib.suppress(IndexBusyError):
            service.update()
    return service
