"""Bringing a corpus index up to date with its folder, incrementally.

An update compares the folder with the manifest (see :mod:`search.index.manifest`): files
whose size and mtime are unchanged cost one ``stat``; a changed file is hashed and only
re-read when its bytes changed; of its articles only those whose content hash changed
are re-indexed; files gone from the folder leave the index. The whole index is rebuilt
when it is missing, damaged, from another schema version or asked for; every article
is re-extracted when the user's entity corrections changed.

A rebuild is written beside the current index and swapped in when complete, so
searches go on answering from the old one meanwhile. One update runs at a time per
index: a second one waits briefly for the lock and then
raises :class:`~search.models.IndexBusyError`. Readers never take the lock.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from search.index.manifest import Manifest, load_manifest, save_manifest
from search.index.schema import SCHEMA_VERSION
from search.index.store import DamagedIndex, create_index, open_index, publish
from search.index.vocabulary import VOCABULARY_NAME, Vocabulary, load_vocabulary, save_vocabulary
from search.models import (
    Article,
    EntitySpan,
    IndexBusyError,
    IndexProgress,
    IndexReport,
    SkippedFile,
)
from search.reading import reader as reading

if TYPE_CHECKING:
    from search.index.batch import Batch, Counts

LOCK_NAME = "update.lock"
LOCK_WAIT_SECONDS = 3.0
# Below this many files one process is faster than starting workers.
BULK_FILES = 400
WRITER_LIMIT_MB = 512

Walk = Callable[[Path], Iterable["Path | SkippedFile"]]
Read = Callable[[Path], list[Article]]
Extract = Callable[[str], list[EntitySpan]]


def entity_rules_fingerprint() -> str:
    """The fingerprint of the user's entity corrections ("" when they cannot be read: the
    extraction then fails too, and the report says so)."""
    try:
        from search.entities import entity_rules_fingerprint as fingerprint
    except ImportError:
        return ""
    return fingerprint()


def extract_entities(body: str) -> list[EntitySpan]:
    """The entity spans of an article body.

    Raises:
        Exception: whatever stops extraction (a broken install included); the index
            update counts it and reports it instead of silently indexing no entities.
    """
    from search.entities import extract_entities as extract

    return list(extract(body))


@dataclass
class _Scan:
    """The folder as it is now, compared with the manifest."""

    paths: list[Path] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


class Indexer:
    """Updates the index of one corpus folder kept in ``folder``.

    Args:
        corpus: The folder of documents.
        folder: The index folder (see :func:`search.locations.index_dir`).
        walk: Lists the corpus (default :func:`search.reading.reader.walk_corpus`).
        read: Reads one file into articles (default :func:`search.reading.reader.read_articles`).
        extract: Finds entity spans in a body (default
            :func:`extract_entities`).
        fingerprint: The current entity-corrections fingerprint.
        lock_wait: Seconds to wait for another update to finish before giving up.
    """

    def __init__(
        self,
        corpus: Path,
        folder: Path,
        *,
        walk: Walk | None = None,
        read: Read | None = None,
        extract: Extract | None = None,
        fingerprint: Callable[[], str] | None = None,
        lock_wait: float = LOCK_WAIT_SECONDS,
    ) -> None:
        self.corpus = corpus
        self.folder = folder
        self._walk = walk or reading.walk_corpus
        self._read = read or functools.partial(reading.read_articles, root=corpus)
        self._extract = extract or extract_entities
        self._fingerprint = fingerprint or entity_rules_fingerprint
        self._lock_wait = lock_wait

    def needs_update(self) -> bool:
        """True when an update would change anything (without taking the lock).

        Returns:
            Whether the index is missing, damaged, outdated or behind the folder.
        """
        manifest = load_manifest(self.folder)
        if self._rebuild_reason(manifest) is not None or manifest is None:
            return True
        if manifest.entity_rules != self._fingerprint():
            return True
        scan = self._scan(manifest, force=False)
        return bool(scan.changed or scan.removed)

    def update(
        self,
        *,
        rebuild: bool = False,
        progress: Callable[[IndexProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> IndexReport:
        """Bring the index up to date with the folder.

        Args:
            rebuild: Discard the index and read every file again.
            progress: Called after each examined file.
            cancel: When set, stop after the current file and keep what was done.

        Returns:
            What the update did.

        Raises:
            IndexBusyError: another update of this index holds the lock.
        """
        started = time.monotonic()
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.folder / LOCK_NAME))
        try:
            lock.acquire(timeout=self._lock_wait)
        except Timeout:
            raise IndexBusyError(
                f"another briefing process is updating the index of {self.corpus}; "
                "try again when it has finished"
            ) from None
        try:
            return self._update_locked(rebuild, progress, cancel, started)
        finally:
            lock.release()

    def _rebuild_reason(self, manifest: Manifest | None) -> str | None:
        try:
            open_index(self.folder)
        except FileNotFoundError:
            return "the index did not exist" if manifest is not None else None
        except DamagedIndex as exc:
            return f"the index was damaged ({exc})"
        if manifest is None:
            return "its list of indexed files was missing"
        if manifest.schema_version != SCHEMA_VERSION:
            return "the index format changed"
        if not (self.folder / VOCABULARY_NAME).is_file():
            return "its word list was missing"
        return None

    def _update_locked(self, rebuild, progress, cancel, started) -> IndexReport:
        # The writing side is imported here: checking whether an update is needed uses none of it.
        from search.index.batch import Counts

        manifest = load_manifest(self.folder)
        reason = "a rebuild was asked for" if rebuild else self._rebuild_reason(manifest)
        vocabulary = load_vocabulary(self.folder) if reason is None else None
        index = None
        if reason is None and manifest is not None:
            index = open_index(self.folder)
            if vocabulary is None:
                reason = "its word list was unreadable"
            elif index.doc_count() != manifest.article_count():
                reason = "the index and its list of files disagreed"
        fresh = index is None or reason is not None
        fingerprint = self._fingerprint()
        if fresh:
            index = create_index(self.folder)
            manifest, vocabulary = Manifest(SCHEMA_VERSION, fingerprint), Vocabulary()
        force = manifest.entity_rules != fingerprint
        manifest.entity_rules = fingerprint
        scan = self._scan(manifest, force=force)
        counts = Counts()
        if scan.changed or scan.removed:
            from search.runtime import bulk_indexing

            with bulk_indexing():
                counts = self._apply(
                    index, manifest, vocabulary, scan, fresh, force, progress, cancel
                )
        elif fresh:
            self._save(manifest, vocabulary, fresh=True)
        return IndexReport(
            files_read=counts.files_read,
            files_unchanged=len(scan.paths) - len(scan.changed) + counts.files_unchanged,
            articles=manifest.article_count(),
            added=counts.added,
            updated=counts.updated,
            removed=counts.removed,
            elapsed=time.monotonic() - started,
            skipped=tuple(scan.skipped),
            rebuilt_because=reason if fresh else None,
            entity_failures=counts.entity_failures,
            entity_error=counts.entity_error,
        )

    def _save(self, manifest: Manifest, vocabulary: Vocabulary, *, fresh: bool) -> None:
        if fresh:
            publish(self.folder)
        save_vocabulary(self.folder, vocabulary)
        save_manifest(self.folder, manifest)

    def _apply(self, index, manifest, vocabulary, scan, fresh, force, progress, cancel) -> Counts:
        from search.index import parallel_build
        from search.index.batch import Batch
        from search.index.writer import open_writer

        if fresh and len(scan.changed) >= BULK_FILES and parallel_build.worker_count() > 1:
            try:
                counts = parallel_build.build(
                    index,
                    scan.changed,
                    manifest,
                    vocabulary,
                    self._read,
                    self._extract,
                    force=force,
                    skipped=scan.skipped,
                    progress=progress,
                    cancel=cancel,
                )
            except parallel_build.WorkerFailed:
                # Nothing was committed: build again in this process, from an empty index.
                index = create_index(self.folder)
            else:
                self._save(manifest, vocabulary, fresh=True)
                return counts
        writer = open_writer(index, limitmb=WRITER_LIMIT_MB)
        searcher = None if fresh else index.searcher()
        try:
            batch = Batch(
                writer, searcher, manifest, vocabulary, self._extract, fresh=fresh, force=force
            )
            for key in scan.removed:
                batch.remove_file(key)
            self._index_files(batch, scan, progress, cancel)
        except BaseException:
            writer.cancel()
            raise
        finally:
            if searcher is not None:
                searcher.close()
        writer.commit()
        self._save(manifest, vocabulary, fresh=fresh)
        return batch.counts

    def _scan(self, manifest: Manifest, *, force: bool) -> _Scan:
        scan = _Scan()
        for item in self._walk(self.corpus):
            if isinstance(item, SkippedFile):
                scan.skipped.append(item)
            else:
                scan.paths.append(item)
        present = set()
        for path in scan.paths:
            key = str(path)
            present.add(key)
            entry = manifest.files.get(key)
            if force or entry is None:
                scan.changed.append(path)
                continue
            try:
                if not entry.same_stat(path.stat()):
                    scan.changed.append(path)
            except OSError:
                scan.changed.append(path)
        scan.removed = [key for key in manifest.files if key not in present]
        return scan

    def _index_files(self, batch: Batch, scan: _Scan, progress, cancel) -> None:
        from search.index.batch import index_files

        index_files(batch, scan.changed, self._read, scan.skipped, progress, cancel)
