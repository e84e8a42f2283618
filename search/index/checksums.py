"""Checksums of every file an index commit wrote, recorded beside it and checked on opening.

A commit's files (the Whoosh table of contents and segments under ``whoosh/``, the
manifest and the word list) are recorded in ``checksums.json`` with their size,
modification time and a hash of their bytes, after everything else of the commit is
written. A file changed behind the index's back (a flipped byte, a truncation, a file
swapped for a folder, a commit that never got its record because the process was
killed) then fails the check and the index is rebuilt instead of answering from it.

Checking costs differ by how it is asked for, because a 100,000-article index has about
a gigabyte of segments: the *quick* check, made each time the index is opened, compares
sizes and modification times (a ``stat`` per file) and hashes only a file whose time
changed but whose size did not (a copied cache folder, a restored backup); the *full*
check, made before an update, also hashes every file whose status-change time
(``ctime``) is not the one recorded. Any write to a file sets its ``ctime`` to the
present, and no program can set it back (as ``touch`` does the modification time), so
damage that kept a file's size and time is found by the next ``briefing index`` without
reading a gigabyte; a record from before ``ctime`` was kept has every file hashed.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHECKSUMS_NAME = "checksums.json"
FORMAT = 1
TOC_PREFIX = "_MAIN_"
TOC_SUFFIX = ".toc"
# Written by Whoosh's lock and by readers: never part of what a commit holds.
UNRECORDED = frozenset({"MAIN_WRITELOCK", "MAIN_READLOCK"})
_BLOCK = 1 << 20


@dataclass(frozen=True)
class Recorded:
    """What a commit left in one file."""

    size: int
    mtime_ns: int
    digest: str
    # None in a record written before it was kept: the file is then hashed by a full check.
    ctime_ns: int | None = None


def open_regular(path: Path, *, follow_symlinks: bool = False) -> BinaryIO:
    """``path`` opened for reading its bytes, only if it is a regular file.

    The open never waits: a FIFO opened without blocking returns at once and is refused.

    Args:
        path: The file.
        follow_symlinks: Open what a final symlink names (else a symlink is refused).

    Raises:
        OSError: it cannot be opened; IsADirectoryError when it is not a regular file.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    handle = os.fdopen(os.open(path, flags), "rb")
    try:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise IsADirectoryError(f"{path.name} is not a regular file")
    except BaseException:
        handle.close()
        raise
    return handle


def read_text(path: Path) -> str:
    """The UTF-8 text of a metadata file, without waiting on a FIFO put in its place.

    Raises:
        OSError: as :func:`open_regular`; UnicodeDecodeError: it is not UTF-8.
    """
    with open_regular(path, follow_symlinks=True) as handle:
        return handle.read().decode("utf-8")


def digest_of(path: Path) -> str:
    """A hash of a file's bytes, read in blocks without following a final symlink.

    Raises:
        OSError: the file cannot be read.
    """
    digest = hashlib.blake2b(digest_size=16)
    with open_regular(path) as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def commit_files(folder: Path, whoosh_subdir: str, metadata: tuple[str, ...]) -> list[str]:
    """The files of the index's current commit, as paths relative to ``folder``.

    Args:
        folder: The index folder.
        whoosh_subdir: The folder of the Whoosh files inside it.
        metadata: The metadata files beside it (manifest, word list).

    Returns:
        Every file under the Whoosh folder except locks, then the metadata files.
    """
    names = sorted(
        entry.name
        for entry in os.scandir(folder / whoosh_subdir)
        if entry.name not in UNRECORDED and not entry.name.endswith(".tmp")
    )
    return [f"{whoosh_subdir}/{name}" for name in names] + list(metadata)


def record(folder: Path, names: list[str], *, reuse: bool = True) -> None:
    """Write the checksums of ``names`` (relative to ``folder``) atomically.

    A file whose size and time are those already recorded keeps its recorded hash: the
    update that called this checked every hash first, so only new files are read.

    Args:
        folder: The index folder.
        names: The files of the commit just made.
        reuse: Keep the recorded hash of a file whose size and time are unchanged.

    Raises:
        OSError: a file cannot be read or the record cannot be written.
    """
    try:
        previous = load(folder) if reuse else {}
    except ValueError:
        previous = {}
    files = {}
    for name in names:
        path = folder / name
        info = path.lstat()
        known = previous.get(name)
        same = known is not None and (known.size, known.mtime_ns) == (
            info.st_size,
            info.st_mtime_ns,
        )
        digest = known.digest if same else digest_of(path)
        # A reused hash keeps the status time it was taken at (one from before that time
        # was kept was checked by this update's full check).
        changed = known.ctime_ns if same and known.ctime_ns is not None else info.st_ctime_ns
        files[name] = {
            "size": info.st_size,
            "mtime_ns": info.st_mtime_ns,
            "ctime_ns": changed,
            "digest": digest,
        }
    target = folder / CHECKSUMS_NAME
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps({"format": FORMAT, "files": files}), encoding="utf-8")
    os.replace(temporary, target)


def load(folder: Path) -> dict[str, Recorded]:
    """The checksums recorded in ``folder``.

    Raises:
        ValueError: they are missing or malformed; ``str(exc)`` says how, on one line.
    """
    path = folder / CHECKSUMS_NAME
    try:
        raw = json.loads(read_text(path), parse_constant=_no_constant)
    except FileNotFoundError:
        raise ValueError(f"{CHECKSUMS_NAME} is missing") from None
    except (OSError, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(f"{CHECKSUMS_NAME} cannot be read ({type(exc).__name__})") from None
    except ValueError as exc:
        raise ValueError(f"{CHECKSUMS_NAME} is not valid JSON ({exc})") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ValueError(f"{CHECKSUMS_NAME} is not in format {FORMAT}")
    files = raw.get("files")
    if not isinstance(files, dict) or not files:
        raise ValueError(f"{CHECKSUMS_NAME}: files is not a non-empty object")
    recorded = {}
    for name, entry in files.items():
        if not _safe_name(name):
            raise ValueError(f"{CHECKSUMS_NAME}: {name!r} is not a file of the index")
        if not isinstance(entry, dict):
            raise ValueError(f"{CHECKSUMS_NAME}: {name} is not an object")
        size, mtime, digest = entry.get("size"), entry.get("mtime_ns"), entry.get("digest")
        if not _count(size) or not _integer(mtime) or not isinstance(digest, str):
            raise ValueError(f"{CHECKSUMS_NAME}: {name} lacks a size, time or digest")
        ctime = entry.get("ctime_ns")
        recorded[name] = Recorded(size, mtime, digest, ctime if _integer(ctime) else None)
    return recorded


def problem(folder: Path, whoosh_subdir: str, *, full: bool) -> str | None:
    """Why the index's files differ from what its last commit recorded, or None.

    Args:
        folder: The index folder.
        whoosh_subdir: The folder of the Whoosh files inside it.
        full: Hash every file whose status changed since it was recorded (else only
            those whose time changed at the same size).

    Returns:
        One line naming the first file that differs, or None when all match.
    """
    try:
        recorded = load(folder)
    except ValueError as exc:
        return str(exc)
    newest = newest_toc(folder / whoosh_subdir)
    if newest is not None and f"{whoosh_subdir}/{newest}" not in recorded:
        return f"{whoosh_subdir}/{newest} was written after the last recorded commit"
    for name, expected in recorded.items():
        path = folder / name
        try:
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode):
                return f"{name} is not a regular file"
            if info.st_size != expected.size:
                return f"{name} changed size ({expected.size} bytes recorded, {info.st_size} found)"
            if _suspect(info, expected, full=full) and digest_of(path) != expected.digest:
                return f"{name} does not match its checksum"
        except FileNotFoundError:
            return f"{name} is missing"
        except OSError as exc:
            return f"{name} cannot be read ({exc.strerror or type(exc).__name__})"
    return None


def lacks_status_times(folder: Path) -> bool:
    """Whether the recorded checksums are from before status-change times were kept."""
    try:
        return any(entry.ctime_ns is None for entry in load(folder).values())
    except ValueError:
        return False


def _suspect(info: os.stat_result, expected: Recorded, *, full: bool) -> bool:
    """Whether a file of the recorded size may hold other bytes than it did."""
    if info.st_mtime_ns != expected.mtime_ns:
        return True
    return full and info.st_ctime_ns != expected.ctime_ns


def newest_toc(directory: Path) -> str | None:
    """The name of the newest Whoosh table of contents in ``directory`` (its commit), or None."""
    best: tuple[int, str] | None = None
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return None
    for entry in entries:
        stem = entry.name[len(TOC_PREFIX) : -len(TOC_SUFFIX)]
        is_toc = entry.name.startswith(TOC_PREFIX) and entry.name.endswith(TOC_SUFFIX)
        if is_toc and stem.isdigit() and (best is None or int(stem) > best[0]):
            best = (int(stem), entry.name)
    return best[1] if best else None


def commit_key(directory: Path) -> tuple[str, int, int] | None:
    """What identifies the current commit of the Whoosh files in ``directory``.

    A commit writes a new table of contents; a rebuild may reuse the name but never the
    inode and mtime, so a changed key means readers must reopen.

    Returns:
        (file name, inode, mtime in ns) of the newest table of contents, or None.
    """
    name = newest_toc(directory)
    if name is None:
        return None
    try:
        info = (directory / name).stat()
    except OSError:
        return None
    return name, info.st_ino, info.st_mtime_ns


def _safe_name(name: object) -> bool:
    """A relative path inside the index folder (no absolute path, no ``..``)."""
    if not isinstance(name, str) or "\\" in name:
        return False
    # An absolute path starts with an empty part; "a//b" and "" have one too.
    return all(part not in ("", ".", "..") for part in name.split("/"))


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _count(value: object) -> bool:
    return _integer(value) and value >= 0


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")
