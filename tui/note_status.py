"""A briefing's notes resolved against the corpus, for the app and the command line alike.

The app resolves its briefing (see :mod:`briefings.resolver`) in a thread worker
whenever the briefing changes or the index is updated, and keeps the answer as one
:class:`Resolution`; the notes view, the reading panes' quote marks and the export all
read that one answer, so none of them finds quotes again on its own. ``briefing notes``
and ``briefing export`` resolve through :func:`resolve_against` too. No Textual here, and
nothing of briefings/ is loaded until a resolution is made: the app lists the articles
first.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefings.models import Briefing, Note
    from briefings.resolver import ArticleLookup, NoteStatus, ResolvedNote
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
        from briefings.resolver import NoteStatus

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
        from briefings.resolver import count_status

        return count_status(self.items, status)


def resolve(
    briefing: Briefing | None,
    service: SearchService,
    corpus: Path,
    open_corpus: Callable[[Path], ArticleLookup | None] | None = None,
) -> Resolution:
    """Resolve ``briefing`` against ``corpus`` (blocking: call it in a worker)."""
    if briefing is None:
        return Resolution(None, (), done=True)
    items = resolve_against(briefing.notes, service, corpus, open_corpus=open_corpus)
    return Resolution(briefing, tuple(items), True)


class OtherCorpora:
    """The indexes of the other corpus folders notes were taken in, for the app's life.

    Each is opened and brought up to date once, not on every resolution (one per note
    saved); :meth:`forget` after an index update makes the next resolution look again.
    Safe to call from several worker threads.
    """

    def __init__(self) -> None:
        self._open: dict[Path, SearchService] = {}
        self._lock = threading.Lock()

    def __call__(self, corpus: Path) -> SearchService:
        with self._lock:
            if corpus not in self._open:
                self._open[corpus] = open_updated(corpus)
            return self._open[corpus]

    def forget(self) -> None:
        """Bring each other corpus up to date again when it is next needed."""
        with self._lock:
            self._open.clear()


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
