"""The app's briefing desk: one session, its jobs off the UI thread, notes not yet saved.

The app owns one :class:`BriefingDesk`. ``run`` does one call on the
:class:`~tui.briefing_session.BriefingSession` in a thread and, back on the UI thread,
sets the app's current ``briefing`` (as now stored) and tells the user how it went: the
call's own line, or a one-line reason such as ``path:line: reason`` for a file that
cannot be read. A note whose save failed is kept and saved into the next briefing
opened. ``resolve`` works out where the current briefing's notes stand and sets the
app's ``resolution``. The jobs belong to the app, so a save started from a screen that
then closes still reports back.

Notes not yet safely stored (kept after a failed save, or in a save still running) are
:meth:`BriefingDesk.at_risk`; before the app quits they can be written as a briefing in
another folder (:meth:`BriefingDesk.save_elsewhere`, by default :func:`recovery_dir`).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.worker import Worker

from tui.background import in_thread
from tui.literal import literal
from tui.note_status import OtherCorpora, Resolution, resolve

if TYPE_CHECKING:
    from briefings.models import Briefing, Note
    from search.service import SearchService
    from tui.briefing_session import BriefingSession

Job = Callable[["BriefingSession"], "str | None"]


class BriefingDesk:
    """Briefing work for the app: jobs, the notes they could not save, the notes' status.

    Args:
        app: the app whose ``briefing`` and ``resolution`` this keeps current.
        notes_dir: where briefings are kept (None: the user data dir).
        corpus: the corpus folder notes are checked against.
        service: the corpus's search service (called when first needed).
    """

    def __init__(
        self,
        app: App,
        notes_dir: Path | None,
        corpus: Path,
        service: Callable[[], SearchService],
    ) -> None:
        self._app = app
        self._notes_dir = notes_dir
        self._corpus = corpus
        self._service = service
        self._session: BriefingSession | None = None
        self._session_lock = threading.Lock()
        self._opened = False
        self.other_corpora = OtherCorpora()
        self.unsaved: list[Note] = []
        self._saving: list[list[Note]] = []

    @property
    def session(self) -> BriefingSession:
        """The briefing session over the notes folder (made on first use, from any thread)."""
        with self._session_lock:
            if self._session is None:
                # Imported on first use: the store, YAML and export are not needed to list articles.
                from tui.briefing_session import BriefingSession

                self._session = BriefingSession(self._notes_dir)
            return self._session

    def run(self, job: Job, *, unsaved: list[Note] | None = None) -> Worker:
        """Run ``job(session)`` in a thread; the app's briefing and a notice follow.

        Args:
            job: a call on the session returning a line to show the user, or None.
            unsaved: notes the job is saving, kept here if it fails.

        Returns:
            The worker (owned by the app).
        """
        keep = list(unsaved or [])
        self._saving.append(keep)

        def call() -> tuple[str | None, Briefing | None]:
            notice = job(self.session)
            return notice, self.session.current()

        def done(outcome: tuple[str | None, Briefing | None]) -> None:
            self._saving.remove(keep)
            notice, briefing = outcome
            self._app.briefing = briefing
            if notice:
                self._app.notify(literal(notice), markup=False)

        def failed(error: Exception) -> None:
            self._saving.remove(keep)
            self._failed(_reason(error), keep)

        return in_thread(self._app, call, done, group="briefing", exclusive=False, failed=failed)

    def open_latest(self) -> None:
        """Make the latest briefing current, once: called when the articles are listed."""
        if self._opened:
            return
        self._opened = True
        self.run(_open_latest)

    def take_unsaved(self) -> list[Note]:
        """The unsaved notes, handed to a job that will store them (emptied here)."""
        notes, self.unsaved = self.unsaved, []
        return notes

    def at_risk(self) -> list[Note]:
        """Notes not safely stored yet: kept after a failed save, or in a save still running."""
        return self.unsaved + [note for notes in self._saving for note in notes]

    async def settle(self, timeout: float) -> None:
        """Wait (at most ``timeout`` seconds) for the briefing jobs still running to end,
        so that what is at risk is known before the app quits."""
        running = [w for w in self._app.workers if w.group == "briefing" and w.is_running]
        if running:
            await asyncio.wait([asyncio.ensure_future(w.wait()) for w in running], timeout=timeout)

    def save_elsewhere(
        self,
        folder: Path,
        then: Callable[[Path], object],
        failed: Callable[[str], object],
    ) -> Worker:
        """Write the notes at risk as a new briefing in ``folder``, in a thread.

        Args:
            folder: where to put the briefing file (created if needed).
            then: gets the file written, on the UI thread; the notes are no longer at risk.
            failed: gets a one-line reason; the notes stay kept here.

        Returns:
            The worker.
        """
        notes = self.at_risk()
        source = self.session.directory

        def saved(path: Path) -> None:
            self.unsaved = [n for n in self.unsaved if all(n is not s for s in notes)]
            for batch in self._saving:
                batch[:] = [n for n in batch if all(n is not s for s in notes)]
            then(path)

        return in_thread(
            self._app,
            lambda: store_recovered(folder, notes, source),
            saved,
            group="recover",
            failed=lambda error: failed(_reason(error)),
        )

    def resolve(self) -> Worker:
        """Work out again where the current briefing's notes stand (after an edit, an
        index update); the answer becomes the app's ``resolution``."""
        app = self._app
        briefing = app.briefing

        def done(resolution: Resolution) -> None:
            # An answer about a briefing that has changed since is dropped: another is coming.
            if briefing is app.briefing:
                app.resolution = resolution

        # Without a readable index nothing is known: a failure leaves the resolution as is.
        return in_thread(app, lambda: self.resolve_now(briefing), done, group="resolve")

    def resolve_now(self, briefing: Briefing | None) -> Resolution:
        """Where ``briefing``'s notes stand, worked out in the calling thread."""
        return resolve(briefing, self._service(), self._corpus, self.other_corpora)

    def index_updated(self) -> None:
        """Check the notes again after an index update (other corpora's indexes too)."""
        self.other_corpora.forget()
        self.resolve()

    def _failed(self, reason: str, unsaved: list[Note]) -> None:
        self.unsaved.extend(unsaved)
        kept = ""
        if self.unsaved:
            kept = (
                f" Your note is kept ({len(self.unsaved)} unsaved): it is added to"
                " the next briefing you switch to or create (ctrl+n, then b); quitting"
                " first asks where to keep it."
            )
        self._app.notify(
            literal(reason) + kept,
            title="Briefing not saved",
            severity="error",
            timeout=15,
            markup=False,
        )


def recovery_dir() -> Path:
    """Where notes that could not be saved are offered a place on quit: ``recovered/`` in
    the user data dir (``$XDG_DATA_HOME/briefing/recovered`` on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("briefing") / "recovered"


def store_recovered(folder: Path, notes: list[Note], source: Path) -> Path:
    """Write ``notes`` as a new briefing in ``folder``; returns its file.

    Args:
        folder: the folder to keep the briefing in (created if needed).
        notes: the notes, in order.
        source: the notes folder they could not be saved in (named in the summary).
    """
    from briefings.store import BriefingStore

    store = BriefingStore(folder)
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    briefing = store.create(
        f"Recovered notes {stamp}",
        summary=f"Notes that could not be saved in {source} when the app was closed.",
    )
    for note in notes:
        store.add_note(briefing.slug, note)
    return store.path_for(briefing.slug)


def _open_latest(session: BriefingSession) -> str | None:
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
    return str(error) or type(error).__name__
