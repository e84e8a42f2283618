"""IndexStatus: a line with a progress bar while the index is built or brought up to date.

An update commits as it goes (see :mod:`search.index.growing`): once the first files are
committed the line says how many of them searches already answer from.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from search.models.indexing import IndexProgress
from tui.literal import content


class IndexStatus(Horizontal):
    """Shown while indexing; hidden once the index is ready, or shows why it failed."""

    DEFAULT_CSS = """
    IndexStatus {
        height: 1;
        padding: 0 1;
        background: $panel;
        #index-label { width: auto; max-width: 60%; }
        ProgressBar { width: 1fr; padding-left: 2; }
        &.-done { display: none; }
        &.-failed #index-label { color: $text-error; text-style: bold; max-width: 100%; }
        &.-failed ProgressBar { display: none; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Opening the index…", id="index-label")
        yield ProgressBar(show_eta=False, id="index-progress")

    def show_progress(self, progress: IndexProgress) -> None:
        """Files read so far, out of how many, and how many of them searches answer from."""
        self.remove_class("-done")
        if progress.indexed:
            label = (
                f"Indexed {progress.indexed} of {progress.total} files · reading {progress.done}"
            )
        else:
            label = f"Indexing {progress.done}/{progress.total} files"
        self.query_one("#index-label", Static).update(content(label, one_line=True))
        self.query_one(ProgressBar).update(total=max(progress.total, 1), progress=progress.done)

    def show_done(self) -> None:
        self.add_class("-done")

    def show_failure(self, reason: str) -> None:
        self.remove_class("-done")
        self.add_class("-failed")
        self.query_one("#index-label", Static).update(
            content(f"Index unavailable: {reason}", one_line=True)
        )
