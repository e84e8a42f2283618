"""Crash-safe file replacement: temp file in the same folder, fsync, atomic rename, fsync folder.

A reader (or a process killed half-way through a save) only ever sees the old file
or the new one, never a mix. The previous version is kept beside it as a backup.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from pathlib import Path


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + ".bak")


def replace_atomically(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Make ``path`` hold ``data``; the old content, if any, becomes the backup.

    Args:
        path: the file to write; its folder is created if needed.
        data: the new content.
        keep_backup: keep the old content as :func:`backup_path` (``name.bak``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # The new content is written in full first: a save that fails (a full disk) leaves
    # both the file and its backup as they were.
    tmp = _write_temp(path, data)
    try:
        if keep_backup and path.exists():
            _snapshot(path, backup_path(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def move_aside(path: Path, suffix: str) -> Path:
    """Rename ``path`` to ``path`` + ``suffix`` (used for delete: nothing is destroyed)."""
    target = path.with_name(path.name + suffix)
    os.replace(path, target)
    fsync_dir(path.parent)
    return target


def remove_stale_temps(path: Path) -> None:
    """Delete temp files a killed save of ``path`` left behind; call it holding the lock."""
    for stale in path.parent.glob(f".{path.name}.*tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _snapshot(path: Path, target: Path) -> None:
    # A hard link shares the old file's data without copying it; the following
    # os.replace gives ``path`` a new inode, so the link keeps the old version.
    tmp = Path(tempfile.mktemp(dir=path.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        os.link(path, tmp)
    except OSError:
        tmp = _write_temp(target, path.read_bytes())
    try:
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _write_temp(target: Path, data: bytes) -> Path:
    """``data`` in a new file beside ``target``, made as the user's files are.

    An existing ``target``'s permissions and owner carry over (as far as we may set
    them); a new file gets the user's umask (``mkstemp`` would make it 0600 whatever
    the umask says).
    """
    fd, name = _new_temp_file(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            found = target.stat()
            os.chmod(name, stat.S_IMODE(found.st_mode))
            with contextlib.suppress(OSError):
                os.chown(name, found.st_uid, found.st_gid)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def _new_temp_file(target: Path) -> tuple[int, str]:
    while True:
        name = str(target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), name
        except FileExistsError:
            continue
