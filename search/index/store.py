"""Opening, checking and creating the Whoosh index folder of one corpus.

Whoosh is imported only to open or create the index: checking its files, as an update
with nothing to do does, needs none of it.

The storage is always opened with ``supports_mmap=False``: the default maps and, on some
platforms, copies whole segment files into memory, which made opening a large index
slow and memory hungry. A damaged index (a missing or truncated segment file) is
reported as :class:`DamagedIndex` so the indexer can rebuild it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING

from search.index import checksums

if TYPE_CHECKING:
    from whoosh.index import FileIndex

INDEX_SUBDIR = "whoosh"
# How long a reader waits for a commit's checksums to be recorded, and how often it looks.
RECORD_WAIT_SECONDS = 2.0
RECORD_POLL_SECONDS = 0.05
STAGING_SUBDIR = "whoosh.new"
OLD_SUBDIR = "whoosh.old"
LOCK_NAME = "update.lock"
# The metadata a commit writes beside the Whoosh files, covered by the checksums.
METADATA_NAMES = ("manifest.json", "words.json", "words_spelt_otherwise.json")
# Worked out again from the index when missing or stale: the record of the corpus's
# folders and files (search.index.folders) and the copies and versions found.
RECORD_NAMES = ("folders.json", "files.json", "duplicates.json", "verdicts.json")
# Every name the index writes in its folder besides the lock; a rebuild clears them.
OWN_NAMES = (
    INDEX_SUBDIR,
    STAGING_SUBDIR,
    OLD_SUBDIR,
    *METADATA_NAMES,
    checksums.CHECKSUMS_NAME,
    *RECORD_NAMES,
    "manifest.tmp",
    "words.tmp",
    "words_spelt_otherwise.tmp",
    "checksums.tmp",
    "folders.tmp",
    "files.tmp",
    "duplicates.tmp",
    "verdicts.tmp",
)
# The records name the commit they describe, so one left from before a rebuild is not
# believed; the verdicts on pairs of texts among the copies and versions stay true.
KEPT_FILES = (*METADATA_NAMES, checksums.CHECKSUMS_NAME, *RECORD_NAMES)


class DamagedIndex(Exception):
    """The index folder exists but cannot be read; ``str(exc)`` says why."""


def whoosh_dir(folder: Path) -> Path:
    """Where the Whoosh files of an index folder live (the manifest sits beside them)."""
    return folder / INDEX_SUBDIR


def exists(folder: Path) -> bool:
    """True when an index has been created in ``folder``."""
    directory = whoosh_dir(folder)
    return directory.is_dir() and any(directory.glob("_MAIN_*.toc"))


def open_index(folder: Path) -> FileIndex:
    """Open an existing index and make sure every segment can be read.

    Args:
        folder: The index folder of a corpus.

    Returns:
        The opened index.

    Raises:
        FileNotFoundError: no index was ever created there.
        DamagedIndex: the index exists but a segment is missing or unreadable.
    """
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import EmptyIndexError

    if not exists(folder):
        raise FileNotFoundError(folder)
    storage = FileStorage(str(whoosh_dir(folder)), supports_mmap=False)
    try:
        index = storage.open_index()
        # Opening a reader opens every segment file: a deleted or truncated one fails here.
        with index.reader() as reader:
            reader.doc_count_all()
    except EmptyIndexError as exc:
        raise DamagedIndex("its table of contents is missing") from exc
    except Exception as exc:  # any failure to read the files means the index is unusable
        raise DamagedIndex(f"{type(exc).__name__}: {exc}") from exc
    return index


def create_index(folder: Path, *, in_place: bool = False) -> FileIndex:
    """Create an empty index beside the current one; :func:`publish` puts it in place.

    Readers go on using the old index (if any) while the new one is built. Where no
    index can answer, the new one is made in place instead, so that each commit of the
    build is searched at once.

    Args:
        folder: The index folder of a corpus.
        in_place: Replace the current index (if any) now, with an empty one.

    Returns:
        The new, empty index.
    """
    from whoosh.filedb.filestore import FileStorage

    from search.index.schema import build_schema

    directory = whoosh_dir(folder) if in_place else folder / STAGING_SUBDIR
    remove(directory)  # left over from an interrupted rebuild
    directory.mkdir(parents=True)
    storage = FileStorage(str(directory), supports_mmap=False)
    return storage.create_index(build_schema())


def building_beside(folder: Path) -> bool:
    """Whether a new index is being built beside the current one (see :func:`create_index`)."""
    return (folder / STAGING_SUBDIR).is_dir()


def publish(folder: Path) -> None:
    """Replace the current index by the one :func:`create_index` built beside it (nothing
    to do for one built in place).

    Args:
        folder: The index folder of a corpus.
    """
    current, staged, old = whoosh_dir(folder), folder / STAGING_SUBDIR, folder / OLD_SUBDIR
    if not staged.is_dir():
        return
    remove(old)
    if current.exists() or current.is_symlink():
        current.rename(old)
    staged.rename(current)
    # Open searchers keep their files on POSIX; elsewhere a leftover is removed next time.
    with contextlib.suppress(OSError):
        remove(old)


def remove(path: Path) -> None:
    """Remove ``path`` whatever it is; a symlink is removed, never what it points to.

    Raises:
        OSError: it exists and cannot be removed.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        shutil.rmtree(path)
    else:
        path.unlink()


def remove_index(folder: Path) -> None:
    """Remove the index and its metadata from ``folder`` (the lock stays).

    Raises:
        OSError: something there cannot be removed.
    """
    for name in OWN_NAMES:
        remove(folder / name)


def clear_leftovers(folder: Path) -> None:
    """Remove what a build must not trip over among the index's own names in ``folder``.

    That is the staging and temporary files of an earlier build and anything not of the
    kind the index writes under its name (a folder where a file belongs, a file or a
    symlink where its folder belongs). The current index and metadata stay, so readers
    keep answering during a rebuild. Nothing outside ``folder`` is touched: a symlink is
    removed, never followed.

    Raises:
        OSError: something there cannot be removed.
    """
    for name in OWN_NAMES:
        path = folder / name
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue
        if name == INDEX_SUBDIR and stat.S_ISDIR(info.st_mode):
            continue
        if name in KEPT_FILES and stat.S_ISREG(info.st_mode):
            continue
        remove(path)


def record_checksums(folder: Path, *, fresh: bool) -> None:
    """Record the checksums of the commit just made (see :mod:`search.index.checksums`).

    Args:
        folder: The index folder, after the commit and its metadata are written.
        fresh: The commit is a new index (no recorded hash is reused).
    """
    names = checksums.commit_files(folder, INDEX_SUBDIR, METADATA_NAMES)
    checksums.record(folder, names, reuse=not fresh)


def check(folder: Path, *, full: bool) -> str | None:
    """Why the index's files are not those its last commit recorded, or None.

    Args:
        folder: The index folder.
        full: Hash every file whose status changed since it was recorded (an update),
            not only those whose time changed (opening).
    """
    return checksums.problem(folder, INDEX_SUBDIR, full=full)


def generation_key(folder: Path) -> tuple[str, int, int] | None:
    """What identifies the index's current commit (see :func:`checksums.commit_key`).

    Args:
        folder: The index folder of a corpus.

    Returns:
        (file name, inode, mtime in ns), or None when there is no index.
    """
    return checksums.commit_key(whoosh_dir(folder))


def open_searcher(folder: Path):
    """A searcher over the index's current commit, after the quick checksum check.

    While an update holds the lock, a commit whose checksums are still being recorded is
    waited for briefly; otherwise files that differ from the record mean damage.

    Raises:
        DamagedIndex: the index cannot be opened or its files are not those recorded.
    """
    deadline = time.monotonic() + RECORD_WAIT_SECONDS
    while (problem := check(folder, full=False)) is not None:
        if time.monotonic() >= deadline or not update_running(folder):
            raise DamagedIndex(problem)
        time.sleep(RECORD_POLL_SECONDS)
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(whoosh_dir(folder)), supports_mmap=False)
    try:
        return storage.open_index().searcher()
    except Exception as exc:  # any failure to read the files means the index is unusable
        raise DamagedIndex(f"{type(exc).__name__}: {exc}") from exc


def update_running(folder: Path) -> bool:
    """Whether an update holds the index's lock, asked without writing anything.

    Readers never take the lock: a shared, non-blocking ``flock`` on the lock file, given
    back at once, only tells whether a writer holds it (False where ``flock`` is missing).
    """
    try:
        import fcntl
    except ImportError:
        return False
    try:
        descriptor = os.open(folder / LOCK_NAME, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    else:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return False
    finally:
        os.close(descriptor)
