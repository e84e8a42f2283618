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

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from search.index import checksums, folders, store
from search.index.checksums import commit_key
from search.index.manifest import (
    MANIFEST_NAME,
    Manifest,
    load_manifest,
    read_manifest,
    stage_manifest,
)
from search.index.metadata import BadMetadata
from search.index.store import LOCK_NAME, DamagedIndex, create_index, open_index, publish
from search.index.vocabulary import (
    Vocabulary,
    read_vocabulary,
    stage_vocabulary,
)
from search.models import IndexBusyError, SkippedFile

if TYPE_CHECKING:
    from whoosh.index import FileIndex

    from search.index.batch import Counts
    from search.models.articles import Article, EntitySpan
    from search.models.indexing import IndexProgress, IndexReport

LOCK_WAIT_SECONDS = 3.0
# Below this many files one process is faster than starting workers.
BULK_FILES = 400
WRITER_LIMIT_MB = 512

Walk = Callable[[Path], Iterable["Path | SkippedFile"]]
Read = Callable[[Path], "list[Article]"]
Extract = Callable[[str], "list[EntitySpan]"]


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
    """The folder as it is now, compared with the manifest.

    Files are held as path strings: a first build of 100,000 files keeps them to the end,
    and so does every build worker forked from it (the manifest's keys are the same
    strings); as Paths they took 27 MB more in each of those processes.
    """

    paths: list[str] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
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
        follow_outside: Read symlinks that lead out of the corpus (True) or not (False);
            None keeps the choice recorded with the index (not following when none is).
            The default walk and read apply it; a choice given is recorded by ``update``.
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
        follow_outside: bool | None = None,
    ) -> None:
        self.corpus = corpus
        self.folder = folder
        self.follow_outside = follow_outside
        # What the current walk or update applies: the choice given, else the recorded one.
        self._following = bool(follow_outside)
        self._walk = walk or self._walk_corpus
        self._read = read or self._read_articles
        self._extract = extract or extract_entities
        self._fingerprint = fingerprint or entity_rules_fingerprint
        self._lock_wait = lock_wait

    def needs_update(self) -> bool:
        """True when an update would change anything (without taking the lock).

        Returns:
            Whether the index is missing, damaged, outdated or behind the folder.
        """
        record = self._record()
        if (
            record is not None
            and not record.folders_changed()
            and not record.files_changed(self.folder)
            and store.check(self.folder, full=False) is None
        ):
            return False
        manifest, reason, _ = self._examine(full=False)
        if reason is not None or manifest is None:
            return True
        if manifest.entity_rules != self._fingerprint():
            return True
        self._following = self._follow_choice(manifest)
        if manifest.follow_outside != self._following:
            return True
        scan = self._scan(manifest, force=False)
        return bool(scan.changed or scan.removed)

    def may_need_update(self) -> bool:
        """Whether an update may change anything, told without walking the corpus: True
        when the last update left no record for the index as it stands, the index's
        files fail the quick check, or a folder's time changed (a file came, went or was
        renamed; a file rewritten in place is not noticed, see :mod:`search.index.folders`).
        """
        record = self._record()
        if record is None or record.folders_changed():
            return True
        return store.check(self.folder, full=False) is not None

    def _record(self) -> folders.Record | None:
        """The record the last update left, when it still describes the index."""
        wanted = folders.settings(
            self.corpus, follow_outside=self.follow_outside, entity_rules=self._fingerprint()
        )
        return folders.load(self.folder, self.corpus, wanted)

    def usable(self) -> bool:
        """Whether the index as it stands can answer (its files match their checksums)."""
        manifest, reason, _ = self._examine(full=False)
        return manifest is not None and reason is None

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
        # Here, not at the top: looking whether an update is needed takes no lock.
        from filelock import FileLock, Timeout

        started = time.monotonic()
        self._make_folder()
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
        except BaseException:
            # A failed update (a full disk, a read-only cache) leaves no partial build or
            # temporary file behind; the index it started from stays as it was.
            with contextlib.suppress(OSError):
                store.clear_leftovers(self.folder)
                self._drop_if_empty()
            raise
        finally:
            lock.release()

    def _drop_if_empty(self) -> None:
        """Remove an index that holds no file or cannot be listed, as a failed first build
        leaves: searching then says no index could be built instead of answering from an
        empty one."""
        manifest = load_manifest(self.folder)
        if manifest is None or not manifest.files:
            store.remove_index(self.folder)

    def _make_folder(self) -> None:
        """Create the index folder; what stands where it or its lock should be goes first.

        The index's own folder is the only thing removed: a file there (or a symlink to
        one), or a folder where the lock file belongs.
        """
        folder = self.folder
        if (folder.is_symlink() or folder.exists()) and not folder.is_dir():
            folder.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        lock = folder / LOCK_NAME
        if lock.is_symlink() or lock.is_dir():
            store.remove(lock)

    def _examine(self, *, full: bool) -> tuple[Manifest | None, str | None, FileIndex | None]:
        """The manifest and opened index of one that can be updated in place, or why not.

        Args:
            full: Hash every file of the index against its checksums (else sizes and times).

        Returns:
            (manifest, None, index) for a sound index; (None, reason, None) for one to
            rebuild; (None, None, None) where no index was ever built.
        """
        try:
            manifest = read_manifest(self.folder)
        except BadMetadata as exc:
            if not store.exists(self.folder) and not (self.folder / MANIFEST_NAME).is_dir():
                return None, None, None
            if not (self.folder / MANIFEST_NAME).exists():
                return None, "its list of indexed files was missing", None
            return None, f"its list of indexed files could not be trusted ({exc})", None
        from search.index.schema import SCHEMA_VERSION

        if manifest.schema_version != SCHEMA_VERSION:
            return None, "the index format changed", None
        if not store.exists(self.folder):
            return None, "the index did not exist", None
        problem = store.check(self.folder, full=full)
        if problem is not None:
            return None, f"the index was damaged ({problem})", None
        try:
            index = open_index(self.folder)
        except (FileNotFoundError, DamagedIndex) as exc:
            return None, f"the index was damaged ({exc})", None
        return manifest, None, index

    # The reader is imported when the corpus is first walked: telling whether an update
    # is due, before each one-shot search, needs none of it.
    def _walk_corpus(self, corpus: Path) -> Iterable[Path | SkippedFile]:
        from search.reading.reader import walk_corpus

        return walk_corpus(corpus, follow_outside=self._following)

    def _read_articles(self, path: Path) -> list[Article]:
        from search.reading.reader import read_articles

        return read_articles(path, self.corpus, follow_outside=self._following)

    def _follow_choice(self, manifest: Manifest | None) -> bool:
        """Whether to follow symlinks out of the corpus: as asked, else as recorded.

        A rebuild keeps the recorded choice while the old manifest can still be read.
        """
        if self.follow_outside is not None:
            return self.follow_outside
        if manifest is None:
            manifest = load_manifest(self.folder)
        return manifest is not None and manifest.follow_outside

    def _update_locked(self, rebuild, progress, cancel, started) -> IndexReport:
        if not rebuild:
            unchanged = self._unchanged(started)
            if unchanged is not None:
                return unchanged
        manifest, reason, index = self._examine(full=True)
        self._following = self._follow_choice(manifest)
        # No index answers now: build the new one in place, so each commit answers.
        in_place = manifest is None
        if rebuild:
            manifest, reason, index = None, "a rebuild was asked for", None
        vocabulary = None
        if manifest is not None:
            try:
                vocabulary = read_vocabulary(self.folder)
            except BadMetadata as exc:
                reason = f"its word list could not be trusted ({exc})"
            else:
                if index.doc_count() != manifest.article_count():
                    reason = "the index and its list of files disagreed"
        fresh = index is None or reason is not None
        fingerprint = self._fingerprint()
        if fresh:
            store.clear_leftovers(self.folder)
            return self._build(reason, fingerprint, progress, cancel, started, in_place=in_place)
        return self._update_in_place(
            index, manifest, vocabulary, fingerprint, reason, progress, cancel, started
        )

    def _unchanged(self, started: float) -> IndexReport | None:
        """The report of an update with nothing to do, told by the record of the last one
        (no walk, no manifest), or None when something changed or cannot be told.

        The index's files are still checked against every recorded hash.
        """
        from search.models.indexing import IndexReport

        record = self._record()
        if record is None or record.folders_changed() or record.files_changed(self.folder):
            return None
        if store.check(self.folder, full=True) is not None:
            return None
        if checksums.lacks_status_times(self.folder):
            # Recorded before they were kept: with them, the next check hashes nothing.
            with contextlib.suppress(OSError):
                store.record_checksums(self.folder, fresh=False)
        self._following = record.settings["follow_outside"]
        return IndexReport(
            files_read=0,
            files_unchanged=record.indexed,
            articles=record.articles,
            added=0,
            updated=0,
            removed=0,
            elapsed=time.monotonic() - started,
            skipped=tuple(record.skipped),
            follow_outside=self._following,
        )

    def _remember(self, manifest: Manifest, scan: _Scan, times, cancel) -> None:
        """Record the folders' times and the files read, for the next look (see
        :mod:`search.index.folders`); a cut-short update or a corpus the record cannot
        describe leaves none.
        """
        prefix = os.path.abspath(self.corpus) + os.sep
        stopped = cancel is not None and cancel.is_set()
        if times is None or stopped or not all(key.startswith(prefix) for key in manifest.files):
            folders.forget(self.folder)
            return
        files = {key[len(prefix) :]: [e.size, e.mtime_ns] for key, e in manifest.files.items()}
        # A file that could not be read is tried again when it changes, not every time.
        for key in scan.changed:
            if key not in manifest.files and key.startswith(prefix):
                try:
                    info = os.stat(key)
                except OSError:
                    continue  # gone: its folder changed
                files[key[len(prefix) :]] = [info.st_size, info.st_mtime_ns]
        record = folders.Record(
            corpus=prefix[: -len(os.sep)],
            commit=list(commit_key(store.whoosh_dir(self.folder)) or ()),
            settings=folders.settings(
                self.corpus, follow_outside=self._following, entity_rules=manifest.entity_rules
            ),
            folders=times,
            skipped=list(scan.skipped),
            articles=manifest.article_count(),
            indexed=len(manifest.files),
        )
        folders.save(self.folder, record, files)

    def _build(self, reason, fingerprint, progress, cancel, started, *, in_place) -> IndexReport:
        from search.index.schema import SCHEMA_VERSION

        index = create_index(self.folder, in_place=in_place)
        manifest, vocabulary = Manifest(SCHEMA_VERSION, fingerprint), Vocabulary()
        if in_place:
            # An empty index that answers (with nothing) until the first commit, and that
            # a build stopped before it continues from.
            manifest.follow_outside = self._following
            self._save(manifest, vocabulary, fresh=True)
        return self._update_in_place(
            index, manifest, vocabulary, fingerprint, reason, progress, cancel, started, fresh=True
        )

    def _update_in_place(
        self,
        index,
        manifest,
        vocabulary,
        fingerprint,
        reason,
        progress,
        cancel,
        started,
        *,
        fresh: bool = False,
    ) -> IndexReport:
        # The writing side is imported here: checking whether an update is needed uses none of it.
        from search.index.batch import Counts
        from search.models.indexing import IndexReport

        force = manifest.entity_rules != fingerprint
        manifest.entity_rules = fingerprint
        new_choice = manifest.follow_outside != self._following
        manifest.follow_outside = self._following
        # Before the walk: a file added while it runs shows in the next look.
        times = folders.folder_times(self.corpus)
        scan = self._scan(manifest, force=force)
        counts = Counts()
        if scan.changed or scan.removed:
            from search.runtime import bulk_indexing

            with bulk_indexing():
                counts = self._apply(
                    index, manifest, vocabulary, scan, fresh, force, progress, cancel
                )
        elif fresh or new_choice:
            self._save(manifest, vocabulary, fresh=fresh)
        self._remember(manifest, scan, times, cancel)
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
            follow_outside=self._following,
        )

    def _save(
        self, manifest: Manifest, vocabulary: Vocabulary, *, fresh: bool, staged=None
    ) -> None:
        staged = staged or self._stage(manifest, vocabulary)
        if fresh:
            publish(self.folder)
        for temporary, name in staged:
            os.replace(temporary, self.folder / name)
        # Last: a commit whose checksums were never recorded is rebuilt when next opened.
        store.record_checksums(self.folder, fresh=fresh)

    def _stage(self, manifest: Manifest, vocabulary: Vocabulary) -> list[tuple[Path, str]]:
        """Write the metadata beside its place; a full disk stops the update here."""
        return [
            *stage_vocabulary(self.folder, vocabulary),
            (stage_manifest(self.folder, manifest), MANIFEST_NAME),
        ]

    def _apply(self, index, manifest, vocabulary, scan, fresh, force, progress, cancel) -> Counts:
        from search.index import parallel_build
        from search.index.batch import Counts

        # Readers see each commit of an index built in place, or of one updated in place.
        visible = not fresh or not store.building_beside(self.folder)
        done = Counts()
        paths = scan.changed
        only_new = (
            not scan.removed and not force and not any(key in manifest.files for key in paths)
        )
        if (fresh or only_new) and len(paths) >= BULK_FILES and parallel_build.worker_count() > 1:

            def committed() -> None:
                if visible:
                    self._save(manifest, vocabulary, fresh=False)

            try:
                done = parallel_build.build(
                    index,
                    paths,
                    manifest,
                    vocabulary,
                    self._read,
                    self._extract,
                    force=force,
                    skipped=scan.skipped,
                    progress=progress,
                    cancel=cancel,
                    committed=committed,
                )
            except parallel_build.WorkerFailed as failure:
                # What was committed stays: the rest is read in this process.
                done, paths = failure.counts, paths[failure.files_committed :]
                progress = _counting_from(progress, failure.files_committed, len(scan.changed))
            else:
                self._save(manifest, vocabulary, fresh=fresh)
                return done
        counts = self._apply_in_runs(
            index, manifest, vocabulary, scan, paths, fresh, force, visible, progress, cancel
        )
        counts.add(done)
        return counts

    def _apply_in_runs(
        self, index, manifest, vocabulary, scan, paths, fresh, force, visible, progress, cancel
    ) -> Counts:
        """Index ``paths`` in this process, committing after each growing run of files."""
        from search.index.batch import Batch, index_files
        from search.index.growing import growing_runs
        from search.index.writer import open_writer
        from search.models.indexing import IndexProgress

        searcher = None if fresh else index.searcher()
        batch = Batch(None, searcher, manifest, vocabulary, self._extract, fresh=fresh, force=force)
        runs = growing_runs(paths) or [[]]
        try:
            before = 0
            for number, run in enumerate(runs):
                batch.writer = open_writer(index, limitmb=WRITER_LIMIT_MB)
                try:
                    if number == 0:
                        for key in scan.removed:
                            batch.remove_file(key)
                    counted = _counting_from(progress, before, len(paths), indexed=before)
                    index_files(batch, run, self._read, scan.skipped, counted, cancel)
                    # Before the commit: a full disk leaves the index and metadata agreeing.
                    staged = self._stage(manifest, vocabulary)
                except BaseException:
                    batch.writer.cancel()
                    raise
                batch.writer.commit()
                before += len(run)
                last = number == len(runs) - 1 or (cancel is not None and cancel.is_set())
                if last or visible:
                    self._save(manifest, vocabulary, fresh=fresh and last, staged=staged)
                else:
                    for temporary, _ in staged:
                        temporary.unlink()
                if last:
                    break
                if visible and progress is not None:
                    # Told at once: searches answer over the files just committed.
                    progress(IndexProgress(done=before, total=len(paths), indexed=before))
        finally:
            if searcher is not None:
                searcher.close()
        return batch.counts

    def _scan(self, manifest: Manifest, *, force: bool) -> _Scan:
        scan = _Scan()
        for item in self._walk(self.corpus):
            if isinstance(item, SkippedFile):
                scan.skipped.append(item)
            else:
                scan.paths.append(str(item))
        present = set()
        for key in scan.paths:
            present.add(key)
            entry = manifest.files.get(key)
            if force or entry is None:
                scan.changed.append(key)
                continue
            try:
                if not entry.same_stat(os.stat(key)):
                    scan.changed.append(key)
            except OSError:
                scan.changed.append(key)
        scan.removed = [key for key in manifest.files if key not in present]
        return scan


def _counting_from(progress, before: int, total: int, *, indexed: int | None = None):
    """``progress`` told of files counted from ``before`` on, out of ``total`` in all."""
    from search.models.indexing import IndexProgress

    if progress is None:
        return None

    def counted(step: IndexProgress) -> None:
        progress(
            IndexProgress(
                done=before + step.done,
                total=total,
                path=step.path,
                indexed=step.indexed + before if indexed is None else indexed,
            )
        )

    return counted
