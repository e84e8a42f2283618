"""Building a new index of a large corpus with one process per CPU.

A first build is CPU-bound from end to end: decoding and cleaning files, finding
entities, analysing text, sorting and writing postings. The files are cut into runs
that grow (see :mod:`search.index.growing`) and each run into contiguous shares of about
equal size, one per worker. A worker process takes the next share, indexes it into a
segment of its own (in a folder apart, see :data:`PARTS_NAME`) and sends back the
manifest entries, word counts and skipped files of the share, then takes the next one.
As soon as every share of the next run is in, the parent moves their segments into the
index and commits them together, in share order, so document numbers still follow the
files, and the indexer makes the commit visible: searches answer over the first files
within seconds while the rest are read. Nothing but file names and summaries crosses
between processes.

A worker's memory is bounded by the longest run, not by the corpus: each share starts a
new writer whose postings spill to disk past :data:`WORKER_LIMIT_MB`.

Workers are forked, so they inherit the indexer's reading and extraction functions, the
modules already imported and the extractor's tables, built once before the fork; where
fork is unavailable or there is one CPU, the indexer builds in one process. An article
that two files share (a copy) is kept from the first file, as in a one-process update:
copies that another worker also indexed are deleted once the segments are committed.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from search.index import growing, whoosh_internals, whoosh_writing
from search.index.batch import Batch, Counts, words_text
from search.index.manifest import FileEntry, Manifest
from search.index.vocabulary import Vocabulary
from search.index.writer import open_writer
from search.models import SkippedFile
from search.models.articles import Article, EntitySpan
from search.models.indexing import IndexProgress

MAX_WORKERS = 4
# Postings a worker keeps before spilling a sorted run, as the pool estimates them:
# about twice this in resident memory, which stays the worker's for the rest of the
# build. Spilling sooner writes no more postings to disk (every run is merged at the
# end), it only makes more, smaller runs.
WORKER_LIMIT_MB = 24
POLL_SECONDS = 0.1
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# Where workers write their segments, inside the index's folder (".tmp": not recorded).
PARTS_NAME = "parts.tmp"
# Manifest article fields whose values repeat across a corpus.
SHARED_FIELDS = ("encoding", "language", "source", "author", "date")
# A person, a title, a place, an organisation and a date: extracting them builds every
# table the entity extractor keeps (name lists, matchers, user corrections).
WARM_UP_TEXT = "President Joe Biden met Ilham Aliyev in Baku on 12 March 2024, the BBC said."


class WorkerFailed(RuntimeError):
    """A worker process raised or died; ``str(exc)`` holds what it reported.

    Attributes:
        files_committed: How many of the build's first files were committed before it
            failed (the build can go on from there).
        counts: What those commits did.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.files_committed = 0
        self.counts = Counts()


@dataclass
class ShareResult:
    """What one worker did with its share of the files."""

    files: dict[str, FileEntry]
    skipped: list[SkippedFile]
    words: Counter[str]
    counts: Counts
    segment: object | None  # the Whoosh segment it wrote (None when it indexed nothing)


def worker_count() -> int:
    """How many worker processes a build would use (1: build in this process)."""
    # Workers write segments outside a commit, which only Whoosh's private API allows.
    if not whoosh_internals.FAST_PATHS or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cpus))


def shares(paths: Sequence[str | Path], count: int) -> list[list[str | Path]]:
    """Split ``paths`` into at most ``count`` contiguous runs of about equal total size.

    Args:
        paths: The files, in index order (path strings or Paths).
        count: How many runs at most.

    Returns:
        Non-empty runs which, joined, give ``paths`` back in order.
    """
    sizes = []
    for path in paths:
        try:
            sizes.append(os.stat(path).st_size + 1)
        except OSError:
            sizes.append(1)
    total = sum(sizes)
    runs: list[list[str | Path]] = [[]]
    filled = 0
    for path, size in zip(paths, sizes, strict=True):
        if runs[-1] and len(runs) < count and filled >= total * len(runs) / count:
            runs.append([])
        runs[-1].append(path)
        filled += size
    return [run for run in runs if run]


def build(
    index,
    paths: Sequence[str | Path],
    manifest: Manifest,
    vocabulary: Vocabulary,
    read: Callable[[Path], list[Article]],
    extract: Callable[[str], Sequence[EntitySpan]],
    *,
    force: bool,
    skipped: list[SkippedFile],
    progress: Callable[[IndexProgress], None] | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
    committed: Callable[[], None] | None = None,
) -> Counts:
    """Index ``paths`` into the empty ``index`` with several processes, committing each
    run of files as it is done.

    Args:
        index: A new, empty Whoosh index (nothing else writes to it).
        paths: The files to index, in order (path strings or Paths).
        manifest: Receives each file's entry.
        vocabulary: Receives the word counts.
        read: Reads one file into articles.
        extract: Finds the entity spans of a body.
        force: Passed to each worker's :class:`~search.index.batch.Batch`.
        skipped: Receives a reason for each file that could not be read.
        progress: Called as files are done, from this thread; ``indexed`` says how many
            files the commits so far hold.
        cancel: When set, workers stop after their current file; what they did is kept.
        workers: How many processes (default :func:`worker_count`).
        committed: Called after each commit, with ``manifest`` and ``vocabulary`` up to
            date with it.

    Returns:
        What the build did.

    Raises:
        WorkerFailed: a worker raised or died; the runs committed before stay.
    """
    count = workers or worker_count()
    runs = [shares(run, count) for run in growing.growing_runs(paths)]
    context = multiprocessing.get_context("fork")
    tasks, messages = context.Queue(), context.Queue()
    stop = context.Event()
    for number, run in enumerate(runs):
        for part, share in enumerate(run):
            tasks.put(((number, part), share))
    for _ in range(count):
        tasks.put(None)
    # Workers write their segments apart: a commit removes the files of segments it does
    # not hold from the index's folder, and the checksums record every file there.
    parts = Path(index.storage.folder) / PARTS_NAME
    shutil.rmtree(parts, ignore_errors=True)
    parts.mkdir()
    FileStorage(str(parts), supports_mmap=False).create_index(index.schema)
    _warm_up(extract)
    # Only this process keeps the write end: the workers see end-of-file when it dies.
    lifeline = os.pipe()
    processes = [
        context.Process(
            target=_index_shares,
            args=(str(parts), read, extract, force, tasks, messages, stop, lifeline),
            daemon=True,
        )
        for _ in range(count)
    ]
    try:
        for process in processes:
            process.start()
    except BaseException:
        os.close(lifeline[1])  # the workers already started see end-of-file and end
        raise
    finally:
        os.close(lifeline[0])
    commits = _Commits(index, parts, runs, manifest, vocabulary, skipped, committed)
    try:
        _collect(processes, messages, stop, len(paths), commits, progress, cancel)
    except WorkerFailed as failure:
        failure.files_committed, failure.counts = commits.files, commits.counts
        _end(processes)
        raise
    except BaseException:
        _end(processes)
        raise
    finally:
        for process in processes:
            process.join()
        for channel in (tasks, messages):
            channel.close()
            channel.cancel_join_thread()
        os.close(lifeline[1])
        shutil.rmtree(parts, ignore_errors=True)
    return commits.counts


def _warm_up(extract: Callable[[str], Sequence[EntitySpan]]) -> None:
    """Build the extractor's tables once, here, for the forked workers to inherit
    instead of each building its own (a quarter of a second of CPU a worker)."""
    with contextlib.suppress(Exception):  # a worker meets the same error and reports it
        extract(WARM_UP_TEXT)


def _end(processes) -> None:
    # A worker still flushing an unread result into the queue would never exit, so none
    # is waited for.
    for process in processes:
        process.terminate()


class _Commits:
    """The parent's side: commits each run once all its shares are in, runs in order."""

    def __init__(self, index, parts, runs, manifest, vocabulary, skipped, committed) -> None:
        self.index = index
        self.parts = parts
        self.runs = runs
        self.manifest = manifest
        self.vocabulary = vocabulary
        self.skipped = skipped
        self.committed = committed
        self.done: dict[tuple[int, int], ShareResult] = {}
        self.next_run = 0
        self.files = 0  # of the build's first files, how many the commits hold
        self.counts = Counts()

    @property
    def finished(self) -> bool:
        return self.next_run == len(self.runs)

    def add(self, key: tuple[int, int], result: ShareResult) -> None:
        """Take one share's result; commit every run that is now complete, in order."""
        self.done[key] = result
        while not self.finished:
            run = self.runs[self.next_run]
            keys = [(self.next_run, part) for part in range(len(run))]
            if any(key not in self.done for key in keys):
                return
            results = [self.done.pop(key) for key in keys]
            _move_segments(results, self.parts, Path(self.index.storage.folder))
            self.counts.add(
                _commit(self.index, results, run, self.manifest, self.vocabulary, self.skipped)
            )
            self.files += sum(len(share) for share in run)
            self.next_run += 1
            if self.committed is not None:
                self.committed()


def _collect(processes, messages, stop, total, commits, progress, cancel) -> None:
    done = 0
    while not commits.finished:
        if cancel is not None and cancel.is_set():  # checked after each message too
            stop.set()
        # A worker exits only once its messages are in the queue: one that had exited
        # before an empty wait will send nothing more.
        exited = [p.exitcode for p in processes if p.exitcode is not None]
        try:
            kind, key, payload = messages.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if exited and any(code != 0 for code in exited) or len(exited) == len(processes):
                code = next((code for code in exited if code != 0), 0)
                raise WorkerFailed(
                    f"an indexing process stopped without its results (exit code {code})"
                ) from None
            continue
        if kind == "failed":
            raise WorkerFailed(payload)
        if kind == "done":
            before = commits.files
            commits.add(key, payload)
            if progress is not None and before < commits.files < total:
                # Told at once: searches answer over the files just committed.
                progress(IndexProgress(done=done, total=total, indexed=commits.files))
        else:
            done += 1
            if progress is not None:
                progress(IndexProgress(done=done, total=total, path=payload, indexed=commits.files))
            if cancel is not None and cancel.is_set():
                stop.set()


def _index_shares(folder, read, extract, force, tasks, messages, stop, lifeline) -> None:
    """A worker's whole life: index each share it takes into a new segment and report."""
    from search.runtime import worker_started

    die_with_parent(*lifeline)
    worker_started()
    key = None
    try:
        index = FileStorage(folder, supports_mmap=False).open_index()
        while (task := tasks.get()) is not None:
            key, paths = task
            _return_free_memory()
            messages.put(
                ("done", key, _index_share(index, paths, read, extract, force, messages, stop))
            )
    except BaseException:
        messages.put(("failed", key, traceback.format_exc()))


def _return_free_memory() -> None:
    """Give the C heap's free pages back to the system before the next share (glibc).

    A share's segment, postings and record go back to the C allocator when the share is
    done, which keeps them: a worker would hold the high point of its biggest share
    through the rest of the build, while the parent holds the record of every file.
    """
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: not glibc
        ctypes.CDLL(None).malloc_trim(0)


def _index_share(index, paths, read, extract, force, messages, stop) -> ShareResult:
    """Index ``paths`` into a new segment (none once the build is stopped)."""
    from search.index.batch import index_files

    # The parent holds the update lock and commits the segments: no Whoosh lock here.
    writer = open_writer(index, limitmb=WORKER_LIMIT_MB, lock=False)
    manifest, vocabulary, skipped = Manifest(0), Vocabulary(), []
    batch = Batch(writer, None, manifest, vocabulary, extract, fresh=True, force=force)

    def report(step: IndexProgress) -> None:
        messages.put(("file", None, step.path))

    index_files(batch, list(paths), read, skipped, report, stop)
    segment = whoosh_writing.finish_segment(writer)
    return ShareResult(manifest.files, skipped, vocabulary.counts, batch.counts, segment)


def die_with_parent(read_end: int, write_end: int) -> None:
    """Make this forked worker end as soon as the process that started it ends.

    A worker outliving a killed parent would go on using CPU and hold the caller's
    pipes open. Two watches, so that neither a platform nor a race defeats both: on
    Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``); on every
    platform a thread waits on a pipe whose only write end the parent holds, and
    ``read`` returns end-of-file the moment the parent is gone, however it died.

    Args:
        read_end: The pipe's read end, inherited from the parent.
        write_end: The pipe's write end; this process closes its copy.
    """
    parent = os.getppid()
    os.close(write_end)
    _ask_kernel_to_kill_on_parent_death()
    if os.getppid() != parent:  # the parent died before the watch was set
        os._exit(1)

    def watch() -> None:
        with contextlib.suppress(OSError):
            while os.read(read_end, 1):
                pass
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _ask_kernel_to_kill_on_parent_death() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the pipe watch still ends the worker


def _move_segments(results: list[ShareResult], parts: Path, folder: Path) -> None:
    """Move the files of the results' segments from the workers' folder into the index's."""
    storage = FileStorage(str(parts), supports_mmap=False)
    for result in results:
        for name in result.segment.list_files(storage) if result.segment is not None else ():
            os.replace(parts / name, folder / name)


def _commit(index, results, run, manifest, vocabulary, skipped) -> Counts:
    counts = Counts()
    owners = {entry["id"] for file in manifest.files.values() for entry in file.articles}
    # Each file is recorded under the path string this process already holds.
    names = {name: name for share in run for name in map(str, share)}
    copies: set[str] = set()
    for result in results:
        for key, entry in result.files.items():
            kept = [_shared(article) for article in entry.articles if article["id"] not in owners]
            copies.update(article["id"] for article in entry.articles if article["id"] in owners)
            owners.update(article["id"] for article in kept)
            entry.articles = kept
            manifest.files[names.get(key, key)] = entry
        vocabulary.counts.update(result.words)
        skipped.extend(result.skipped)
        counts.add(result.counts)
    segments = [result.segment for result in results if result.segment is not None]
    writer = open_writer(index, limitmb=WORKER_LIMIT_MB)
    writer.commit(mergetype=lambda _writer, existing: list(existing) + segments)
    if copies:
        counts.added -= _drop_copies(index, copies, vocabulary)
    return counts


def _shared(article: dict) -> dict:
    """The article's entry with the listing fields many articles share as one string
    each: the parent keeps every file's entry for the rest of the build, and each came
    from its worker with strings of its own."""
    for name in SHARED_FIELDS:
        value = article.get(name)
        if type(value) is str:
            article[name] = sys.intern(value)
    return article


def _drop_copies(index, copies: set[str], vocabulary: Vocabulary) -> int:
    """Delete all but the first indexed copy of each article; returns how many went."""
    doomed = []
    with index.searcher() as searcher:
        for article_id in copies:
            for docnum in sorted(searcher.document_numbers(id=article_id))[1:]:
                stored = searcher.stored_fields(docnum)
                vocabulary.remove(words_text(stored.get("title", ""), stored.get("body", "")))
                doomed.append(docnum)
    writer = open_writer(index, limitmb=WORKER_LIMIT_MB)
    for docnum in doomed:
        writer.delete_document(docnum)
    writer.commit(merge=False)
    return len(doomed)
