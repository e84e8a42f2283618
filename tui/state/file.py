"""The app's remembered state: one small JSON file, ``state.json`` in the config dir.

Every change is a read-modify-write under a file lock, so two running apps (or the app
and ``briefing search --saved``) merge their changes instead of overwriting each other.
A file that cannot be read as state is moved aside (``state.json.bad``), never
overwritten, and the app starts from nothing and says so.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from briefings.filesafe import move_aside, remove_stale_temps, replace_atomically
from search.locations import config_dir

STATE_NAME = "state.json"
VERSION = 1
# Larger than any honest state file: a bigger one is not read into memory.
MAX_BYTES = 8 * 1024 * 1024
LOCK_TIMEOUT = 2.0

State = dict[str, Any]


def state_path() -> Path:
    """Where the state file lives (``$BRIEFING_CONFIG_DIR`` or the user config dir)."""
    return config_dir() / STATE_NAME


class StateFile:
    """The state file, read and changed whole.

    Args:
        path: the file; :func:`state_path` when None.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_path()
        self.notice: str | None = None

    def read(self) -> State:
        """The state as a dict ({} when there is none or it is unusable; see ``notice``)."""
        try:
            return self._read()
        except OSError as error:
            self.notice = f"Could not read {self.path}: {error.strerror or error}"
            return {}

    def change(self, edit: Callable[[State], None]) -> bool:
        """Apply ``edit`` to the newest state on disk and write the result.

        Args:
            edit: changes the state dict in place.

        Returns:
            Whether the change was written (False when the folder is unwritable or
            another process holds the lock for too long; the app goes on without it).
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(self._lock_path(), timeout=LOCK_TIMEOUT):
                remove_stale_temps(self.path)
                state = self._read()
                edit(state)
                state["version"] = VERSION
                data = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True)
                replace_atomically(self.path, data.encode("utf-8"), keep_backup=False)
        except (OSError, Timeout) as error:
            self.notice = f"Could not save the app's state to {self.path}: {error}"
            return False
        return True

    def _lock_path(self) -> Path:
        return self.path.with_name(f".{self.path.name}.lock")

    def _read(self) -> State:
        try:
            with self.path.open("rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return {}
        try:
            if len(raw) > MAX_BYTES:
                raise ValueError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
            state = json.loads(raw.decode("utf-8"))
            if not isinstance(state, dict):
                raise ValueError("not a JSON object")
        except ValueError as error:  # UnicodeDecodeError and JSONDecodeError included
            self._set_aside(str(error))
            return {}
        return state

    def _set_aside(self, reason: str) -> None:
        """Keep an unreadable file for the user to look at, and start afresh."""
        with contextlib.suppress(OSError):
            kept = move_aside(self.path, ".bad")
            self.notice = f"Ignored the app's state file ({reason}); it is kept as {kept}"
            return
        self.notice = f"Ignored the app's state file {self.path} ({reason})"
