"""Exporting a briefing to a Markdown file, as the app's export key and the CLI's -o do.

Where the Markdown goes is decided by what is at the target, never by overwriting it
blindly: a folder gets ``SLUG.md`` inside it; a device, FIFO or the process's own
standard output or error is written to as a stream and stays what it is; a symlink is
followed and its target written (the link stays a link); a regular file is replaced
atomically by :func:`briefings.filesafe.replace_atomically` (temp file, fsync, rename), and
an existing one only when the caller says so. The temp file never outlives a failed write.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefings.filesafe import replace_atomically
from briefings.markdown import render_briefing
from briefings.models import Briefing
from briefings.resolver import NoteStatus, ResolvedNote, count_status

EXPORTS_FOLDER = "exports"


@dataclass(frozen=True)
class ExportResult:
    """Where the Markdown went, and how many quotes changed or notes were orphaned."""

    path: Path
    changed: int
    orphaned: int

    def warning(self) -> str:
        """One line on what the reader of the export must check ("" when nothing)."""
        return provenance_warning(self.changed, self.orphaned)


def provenance_warning(changed: int, orphaned: int) -> str:
    """One line counting changed quotes and orphaned notes ("" when there are none)."""
    parts = []
    if changed:
        parts.append(f"{changed} quote{'s' * (changed != 1)} changed in the source")
    if orphaned:
        parts.append(f"{orphaned} note{'s' * (orphaned != 1)} orphaned (article or passage gone)")
    return "; ".join(parts)


def default_export_path(notes_folder: Path, slug: str) -> Path:
    """Where the app writes a briefing's Markdown: ``exports/SLUG.md`` in the notes folder."""
    return Path(notes_folder) / EXPORTS_FOLDER / f"{slug}.md"


class ExportExistsError(FileExistsError):
    """The target is a file already there, and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EEXIST, "already exists", str(path))


def export_briefing(
    briefing: Briefing,
    resolved: Sequence[ResolvedNote],
    target: Path,
    *,
    generated: datetime | None = None,
    by_article: bool = False,
    replace: bool = True,
) -> ExportResult:
    """Write ``briefing`` as Markdown to ``target`` (see the module for what each kind of
    target gets; missing folders are created).

    Args:
        briefing: the briefing as stored.
        resolved: its notes resolved against the current corpus.
        target: the Markdown file, a folder to put ``SLUG.md`` in, or a device or FIFO.
        generated: the time in the generation line (now by default).
        by_article: group notes by article instead of the briefing's order.
        replace: replace a regular file already at the target (the app's own
            ``exports/`` folder is refreshed on every export; the CLI asks for --force).

    Returns:
        The path written and the counts of changed quotes and orphaned notes.

    Raises:
        ExportExistsError: a file is there and ``replace`` is False.
        OSError: the target cannot be written.
    """
    text = render_briefing(briefing, resolved, generated=generated, by_article=by_article)
    written = write_export(Path(target), briefing.slug, text.encode("utf-8"), replace=replace)
    return ExportResult(
        written,
        changed=count_status(resolved, NoteStatus.CHANGED),
        orphaned=count_status(resolved, NoteStatus.ORPHANED),
    )


def write_export(target: Path, slug: str, data: bytes, *, replace: bool) -> Path:
    """Put ``data`` at ``target`` as the module describes.

    Args:
        target: the path the user gave.
        slug: names the file when ``target`` is a folder (``SLUG.md``).
        data: the Markdown, encoded.
        replace: replace a regular file already there.

    Returns:
        The path written (inside the folder when ``target`` is one).

    Raises:
        ExportExistsError: a regular file is there and ``replace`` is False.
        OSError: the target cannot be written.
    """
    path = Path(target)
    if path.is_dir():
        path = path / f"{slug}.md"
    found = _stat(path)
    if found is not None and not stat.S_ISREG(found.st_mode) or _standard_stream(found):
        _write_stream(path, found, data)
        return path
    if found is not None and not replace:
        raise ExportExistsError(path)
    # A symlink is followed (a dangling one to where it points): the link stays a link.
    replace_atomically(Path(os.path.realpath(path)), data, keep_backup=False)
    return path


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _standard_stream(found: os.stat_result | None) -> int | None:
    """The descriptor (1 or 2) of our own stdout or stderr when ``found`` is that file."""
    if found is None:
        return None
    for fd in (1, 2):
        try:
            own = os.fstat(fd)
        except OSError:
            continue
        if (own.st_dev, own.st_ino) == (found.st_dev, found.st_ino):
            return fd
    return None


def _write_stream(path: Path, found: os.stat_result, data: bytes) -> None:
    """Write into what is there (a device, a FIFO, our own output), never creating or
    truncating anything; a FIFO waits for its reader like any writer."""
    own = _standard_stream(found)
    if own is not None:
        _write_all(own, data)
        return
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
