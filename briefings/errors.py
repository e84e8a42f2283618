"""The exceptions the briefing store raises; each carries what a user needs to act on it."""

from __future__ import annotations

from pathlib import Path


class BriefingError(Exception):
    """Base class of every error raised by briefings/."""


class BriefingFileError(BriefingError):
    """A briefing file that cannot be read: bad YAML, a bad hand edit, or a newer schema.

    The file is left untouched; ``str(error)`` is one line: ``path:line: reason``.

    Attributes:
        path: the file.
        line: 1-based line of the problem, or None when it concerns the whole file.
        reason: what is wrong, in words a user can act on.
    """

    def __init__(self, path: Path, reason: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {reason}")


class BriefingSaveError(BriefingError, OSError):
    """A briefing could not be written (a full disk, a read-only folder).

    The file and its backup are left as they were. ``str(error)`` is one line,
    ``path: cannot be saved: reason``; it is also an ``OSError``.
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: cannot be saved: {reason}; the file was left as it was")

    def __str__(self) -> str:
        return self.args[0]


class BriefingNotFoundError(BriefingError, LookupError):
    """No briefing has the given name or slug."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"no briefing named {name!r}")


class NoteNotFoundError(BriefingError, LookupError):
    """The briefing holds no note with the given id."""

    def __init__(self, slug: str, note_id: str) -> None:
        self.slug = slug
        self.note_id = note_id
        super().__init__(f"briefing {slug!r} has no note {note_id!r}")


class BriefingBusyError(BriefingError):
    """Another process held the briefing's lock for too long."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path} is locked by another briefing process; try again")
