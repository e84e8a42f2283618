"""Briefing work off the UI thread, and the app's side of it: the current briefing.

``run_job`` runs one call on the app's :class:`~tui.briefing_session.BriefingSession` in
a thread worker and posts the outcome to the app: ``BriefingChanged`` with the current
briefing as now stored (and a line to tell the user), or ``BriefingFailed`` with a line
such as ``path:line: reason`` for a file that cannot be read. ``BriefingAppMixin`` gives
the app its reactive ``briefing`` (panes and the notes view watch it), the session, and
keeps a note whose save failed so that it is saved into the next briefing opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.message import Message
from textual.reactive import var
from textual.worker import Worker

from tui.literal import literal
from tui.messages import NotesResolved
from tui.note_status import OtherCorpora, Resolution, resolve

if TYPE_CHECKING:
    from briefings.models import Briefing, Note
    from tui.briefing_session import BriefingSession

Job = Callable[["BriefingSession"], "str | None"]


@dataclass
class BriefingChanged(Message):
    """The current briefing as stored after a job (None: there is none); ``notice`` to show."""

    briefing: Briefing | None
    notice: str = ""


@dataclass
class BriefingFailed(Message):
    """A job failed; ``reason`` is one line; ``unsaved`` notes were not stored."""

    reason: str
    unsaved: list[Note] = field(default_factory=list)


def run_job(node: DOMNode, job: Job, *, unsaved: list[Note] | None = None) -> Worker:
    """Run ``job(session)`` in a thread worker; the app hears how it went.

    Args:
        node: the widget or screen starting the work (it owns the worker).
        job: a call on the session returning a line to show the user, or None.
        unsaved: notes the job is saving, kept by the app if it fails.

    Returns:
        The worker.
    """
    app = node.app

    def work() -> None:
        from briefings.errors import BriefingError

        session: BriefingSession = app.briefing_session
        try:
            notice = job(session)
            briefing = session.current()
        except (BriefingError, OSError) as error:
            app.post_message(BriefingFailed(_reason(error), list(unsaved or [])))
            return
        app.post_message(BriefingChanged(briefing, notice or ""))

    return node.run_worker(work, thread=True, group="briefing", exit_on_error=False)


def open_latest(session: BriefingSession) -> str | None:
    """The start-up job: make the latest briefing current; name any file that cannot be read."""
    session.open()
    broken = [entry.error for entry in session.briefings() if entry.error is not None]
    if not broken:
        return None
    more = f" (and {len(broken) - 1} more: see b in the notes view)" if len(broken) > 1 else ""
    return f"A briefing file cannot be read and is left as it is: {broken[0]}{more}"


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.filename:
        return f"{error.filename}: {error.strerror or error}"
    return str(error)


class BriefingAppMixin:
    """The app's current briefing and the session behind it (mixed into ``BriefingApp``)."""

    briefing: var[Briefing | None] = var(None, always_update=True)
    resolution: var[Resolution] = var(Resolution())
    other_corpora: OtherCorpora
    notes_dir: Path | None
    corpus: Path

    @property
    def briefing_session(self) -> BriefingSession:
        """The app's briefing session over ``notes_dir`` (created on first use)."""
        session = getattr(self, "_briefing_session", None)
        if session is None:
            # Imported on first use: the store, YAML and export are not needed to list articles.
            from tui.briefing_session import BriefingSession

            session = self._briefing_session = BriefingSession(self.notes_dir)
        return session

    @property
    def unsaved_notes(self) -> list[Note]:
        """Notes whose save failed; the next briefing opened gets them."""
        if not hasattr(self, "_unsaved_notes"):
            self._unsaved_notes: list[Note] = []
        return self._unsaved_notes

    def open_latest_briefing(self) -> None:
        """Make the latest briefing current, once: called when the articles are listed."""
        if getattr(self, "_briefing_opened", False):
            return
        self._briefing_opened = True
        self.briefing_session  # noqa: B018 - created on the UI thread, used by workers
        run_job(self, open_latest)

    def watch_briefing(self, briefing: Briefing | None) -> None:
        self.resolve_notes()
        corpus = literal(self.corpus.name, one_line=True)
        if briefing is None:
            self.sub_title = corpus
        else:
            self.sub_title = f"{corpus} · briefing: {literal(briefing.title, one_line=True)}"

    def resolve_notes(self) -> None:
        """Work out again where the current briefing's notes stand (after an edit, an
        index update); the answer arrives as ``resolution``."""
        briefing = self.briefing
        app = self

        def work() -> None:
            try:
                resolution = resolve(briefing, app.service, app.corpus, app.other_corpora)
            except Exception:  # noqa: BLE001 - without a readable index, nothing is known
                return
            app.post_message(NotesResolved(resolution))

        self.run_worker(work, thread=True, exclusive=True, group="resolve", exit_on_error=False)

    def on_notes_resolved(self, message: NotesResolved) -> None:
        # An answer about a briefing that has changed since is dropped: another is coming.
        if message.resolution.briefing is self.briefing:
            self.resolution = message.resolution

    def on_briefing_changed(self, message: BriefingChanged) -> None:
        self.briefing = message.briefing
        if message.notice:
            self.notify(literal(message.notice), markup=False)

    def on_briefing_failed(self, message: BriefingFailed) -> None:
        self.unsaved_notes.extend(message.unsaved)
        kept = ""
        if self.unsaved_notes:
            kept = (
                f" Your note is kept ({len(self.unsaved_notes)} unsaved): it is added to"
                " the next briefing you switch to or create (ctrl+n, then b)."
            )
        self.notify(
            literal(message.reason) + kept,
            title="Briefing not saved",
            severity="error",
            timeout=15,
            markup=False,
        )

    def take_unsaved(self) -> list[Note]:
        """The unsaved notes, handed to a job that will store them (emptied here)."""
        notes = list(self.unsaved_notes)
        self.unsaved_notes.clear()
        return notes
