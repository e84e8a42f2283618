"""BriefingSession: the app's one door to the briefing store, and which briefing is current.

UI-free and synchronous (every call is file I/O): the app calls it from thread workers
only (see :mod:`tui.briefing_desk`). A lock makes calls from several workers take turns.

The current briefing at start-up is the most recently updated readable one in the
notes folder; that is the whole of the persistence: switching to a briefing and adding
a note to it makes it the most recent. With no briefing yet, the first note creates
one titled ``DEFAULT_TITLE``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from briefings.errors import BriefingNotFoundError, NoteNotFoundError
from briefings.export import ExportResult, default_export_path, export_briefing
from briefings.models import Briefing, BriefingSummary, Note, Quote, new_note_id
from briefings.resolver import ResolvedNote
from briefings.store import BriefingStore

DEFAULT_TITLE = "Briefing"


def _recency(entry: BriefingSummary) -> tuple[str, int]:
    # Stored times are to the second; the file's own time breaks a tie within one.
    try:
        mtime = entry.path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return (entry.updated or "", mtime)


class BriefingSession:
    """The store of one notes folder and the slug of the current briefing.

    Args:
        directory: the notes folder (default: :func:`briefings.paths.notes_dir`).
    """

    def __init__(self, directory: Path | str | None = None) -> None:
        self.store = BriefingStore(directory)
        self.slug: str | None = None
        self._lock = threading.RLock()

    @property
    def directory(self) -> Path:
        """The folder holding the briefing files."""
        return self.store.directory

    def path(self) -> Path | None:
        """The current briefing's YAML file, or None with no current briefing."""
        return self.store.path_for(self.slug) if self.slug else None

    def briefings(self) -> list[BriefingSummary]:
        """Every briefing file in the folder, unreadable ones with their error."""
        with self._lock:
            return self.store.briefings()

    def open(self) -> Briefing | None:
        """Make the most recently updated readable briefing current, and return it."""
        with self._lock:
            readable = [b for b in self.store.briefings() if b.error is None]
            if not readable:
                self.slug = None
                return None
            latest = max(readable, key=_recency)
            self.slug = latest.slug
            return self.store.load(latest.slug)

    def current(self) -> Briefing | None:
        """The current briefing as it is on disk now (None when there is none).

        Raises:
            BriefingFileError: the file has become unreadable (a bad hand edit).
        """
        with self._lock:
            if self.slug is None:
                return None
            try:
                return self.store.load(self.slug)
            except BriefingNotFoundError:
                self.slug = None
                return None

    def switch(self, slug: str) -> Briefing:
        """Make ``slug`` the current briefing.

        Raises:
            BriefingFileError: it cannot be read; the current briefing stays as it was.
        """
        with self._lock:
            briefing = self.store.load(slug)
            self.slug = slug
            return briefing

    def create(self, title: str) -> Briefing:
        """A new briefing titled ``title``, made current."""
        with self._lock:
            briefing = self.store.create(title)
            self.slug = briefing.slug
            return briefing

    def rename(self, slug: str, title: str) -> Briefing:
        """Retitle a briefing (its file follows the title); the current one stays current."""
        with self._lock:
            briefing = self.store.rename(slug, title)
            if self.slug == slug:
                self.slug = briefing.slug
            return briefing

    def delete(self, slug: str) -> Path:
        """Set a briefing's file aside (see ``BriefingStore.delete``); returns where it went."""
        with self._lock:
            moved = self.store.delete(slug)
            if self.slug == slug:
                self.slug = None
            return moved

    def add_note(self, note: Note, *, index: int | None = None) -> Briefing:
        """Add ``note`` to the current briefing, creating ``DEFAULT_TITLE`` when there is none."""
        with self._lock:
            if self.slug is None or not self.store.path_for(self.slug).is_file():
                self.slug = self.store.create(DEFAULT_TITLE).slug
            return self.store.add_note(self.slug, note, index=index)

    def save_note(self, note: Note, text: str, tags: Sequence[str]) -> Briefing:
        """Store new text and tags for ``note``; a note deleted elsewhere is added back."""
        with self._lock:
            if self.slug is None:
                return self.add_note(replace(note, text=text, tags=tuple(tags)))
            try:
                return self.store.update_note(self.slug, note.id, text=text, tags=tags)
            except NoteNotFoundError:
                return self.add_note(replace(note, text=text, tags=tuple(tags)))

    def _edit(self, change: Callable[[str], Briefing]) -> Briefing | None:
        with self._lock:
            return change(self.slug) if self.slug else None

    def delete_note(self, note_id: str) -> Briefing | None:
        """Remove a note from the current briefing."""
        return self._edit(lambda slug: self.store.delete_note(slug, note_id))

    def move_note(self, note_id: str, steps: int) -> Briefing | None:
        """Move a note ``steps`` places in the current briefing (negative: up)."""
        return self._edit(lambda slug: self.store.move_note(slug, note_id, steps))

    def set_summary(self, summary: str) -> Briefing | None:
        """Replace the current briefing's summary."""
        return self._edit(lambda slug: self.store.set_summary(slug, summary))

    def requote(self, note_id: str, quote: Quote) -> Briefing | None:
        """Give a note of the current briefing a new quote (the source's current wording)."""
        return self._edit(lambda slug: self.store.update_note(slug, note_id, quote=quote))

    def send_note(self, note: Note, target: str, *, keep: bool) -> Briefing:
        """Put ``note`` into the briefing ``target`` (``"new:TITLE"`` creates one).

        Args:
            note: a note of the current briefing.
            target: the other briefing's slug, or ``"new:"`` and a title.
            keep: copy (the copy gets an id of its own) instead of moving.

        Returns:
            The briefing the note went to; the current briefing stays current.
        """
        with self._lock:
            if target.startswith("new:"):
                target = self.store.create(target.removeprefix("new:")).slug
            sent = replace(note, id=new_note_id()) if keep else note
            briefing = self.store.add_note(target, sent)
            if not keep and self.slug is not None:
                self.store.delete_note(self.slug, note.id)
            return briefing

    def export(
        self, resolved: Sequence[ResolvedNote], *, by_article: bool = False
    ) -> ExportResult | None:
        """Write the current briefing's Markdown to ``exports/SLUG.md`` in the notes folder.

        Args:
            resolved: its notes resolved against the current corpus.
            by_article: group the notes under their articles instead of keeping the
                briefing's order.

        Returns:
            Where the file went and what it flags, or None with no current briefing.
        """
        with self._lock:
            briefing = self.current()
            if briefing is None:
                return None
            target = default_export_path(self.directory, briefing.slug)
            return export_briefing(briefing, resolved, target, by_article=by_article)
