"""Opening, checking and creating the Whoosh index folder of one corpus.

The storage is always opened with ``supports_mmap=False``: the default maps and, on some
platforms, copies whole segment files into memory, which made opening a large index
slow and memory hungry. A damaged index (a missing or truncated segment file) is
reported as :class:`DamagedIndex` so the indexer can rebuild it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import EmptyIndexError, FileIndex

from search.index.schema import build_schema

INDEX_SUBDIR = "whoosh"
STAGING_SUBDIR = "whoosh.new"
OLD_SUBDIR = "whoosh.old"


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


def create_index(folder: Path) -> FileIndex:
    """Create an empty index beside the current one; :func:`publish` puts it in place.

    Readers go on using the old index (if any) while the new one is built.

    Args:
        folder: The index folder of a corpus.

    Returns:
        The new, empty index.
    """
    directory = folder / STAGING_SUBDIR
    if directory.exists():
        shutil.rmtree(directory)  # left over from an interrupted rebuild
    directory.mkdir(parents=True)
    storage = FileStorage(str(directory), supports_mmap=False)
    return storage.create_index(build_schema())


def publish(folder: Path) -> None:
    """Replace the current index by the one :func:`create_index` built.

    Args:
        folder: The index folder of a corpus.
    """
    current, staged, old = whoosh_dir(folder), folder / STAGING_SUBDIR, folder / OLD_SUBDIR
    if old.exists():
        shutil.rmtree(old)
    if current.exists():
        current.rename(old)
    staged.rename(current)
    # Open searchers keep their files on POSIX; elsewhere a leftover is removed next time.
    shutil.rmtree(old, ignore_errors=True)


def generation_key(folder: Path) -> tuple[str, int, int] | None:
    """What identifies the index's current commit: its newest table of contents file.

    A commit writes a new table of contents; a rebuild may reuse the name but never the
    inode and mtime, so a changed key means readers must reopen.

    Args:
        folder: The index folder of a corpus.

    Returns:
        (file name, inode, mtime in ns), or None when there is no index.
    """
    directory = whoosh_dir(folder)
    try:
        tocs = [entry for entry in os.scandir(directory) if entry.name.startswith("_MAIN_")]
    except OSError:
        return None
    best = None
    for entry in tocs:
        stem = entry.name[len("_MAIN_") : -len(".toc")]
        if entry.name.endswith(".toc") and stem.isdigit():
            generation = int(stem)
            if best is None or generation > best[0]:
                best = (generation, entry)
    if best is None:
        return None
    try:
        stat = best[1].stat()
    except OSError:
        return None
    return best[1].name, stat.st_ino, stat.st_mtime_ns


def open_searcher(folder: Path):
    """A searcher over the index's current commit, without the full segment check.

    Raises:
        DamagedIndex: the index cannot be opened.
    """
    storage = FileStorage(str(whoosh_dir(folder)), supports_mmap=False)
    try:
        return storage.open_index().searcher()
    except Exception as exc:  # any failure to read the files means the index is unusable
        raise DamagedIndex(f"{type(exc).__name__}: {exc}") from exc
