"""Building a new index of a large corpus with one process per CPU.

A first build is CPU-bound from end to end: decoding and cleaning files, finding
entities, analysing text, sorting and writing postings. Each worker process takes a
contiguous share of the files (shares of about equal size, in file order), indexes it
into a segment of its own, and sends back the manifest entries, word counts and skipped
files of its share; the parent then commits the segments together, in share order, so
document numbers still follow the files. Unlike a writer fed documents by the parent,
nothing but file names and summaries crosses between processes.

Workers are forked, so they inherit the indexer's reading and extraction functions and
the modules already imported; where fork is unavailable or there is one CPU, the
indexer builds in one process. An article that two files share (a copy) is kept from
the first file, as in a one-process update: copies that another worker also indexed are
deleted once the segments are committed.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import sys
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from search.index import whoosh_internals
from search.index.batch import Batch, Counts, words_text
from search.index.manifest import FileEntry, Manifest
from search.index.vocabulary import Vocabulary
from search.index.writer import open_writer
from search.models import Article, EntitySpan, IndexProgress, SkippedFile

MAX_WORKERS = 4
WORKER_LIMIT_MB = 256
POLL_SECONDS = 0.1
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class WorkerFailed(RuntimeError):
    """A worker process raised or died; ``str(exc)`` holds what it reported."""


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


def shares(paths: Sequence[Path], count: int) -> list[list[Path]]:
    """Split ``paths`` into at most ``count`` contiguous runs of about equal total size.

    Args:
        paths: The files, in index order.
        count: How many runs at most.

    Returns:
        Non-empty runs which, joined, give ``paths`` back in order.
    """
    sizes = []
    for path in paths:
        try:
            sizes.append(path.stat().st_size + 1)
        except OSError:
            sizes.append(1)
    total = sum(sizes)
    runs: list[list[Path]] = [[]]
    filled = 0
    for path, size in zip(paths, sizes, strict=True):
        if runs[-1] and len(runs) < count and filled >= total * len(runs) / count:
            runs.append([])
        runs[-1].append(path)
        filled += size
    return [run for run in runs if run]


def build(
    index,
    paths: Sequence[Path],
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
) -> Counts:
    """Index ``paths`` into the empty ``index`` with several processes, then commit.

    Args:
        index: A new, empty Whoosh index (nothing else writes to it).
        paths: The files to index, in order.
        manifest: Receives each file's entry.
        vocabulary: Receives the word counts.
        read: Reads one file into articles.
        extract: Finds the entity spans of a body.
        force: Passed to each worker's :class:`~search.index.batch.Batch`.
        skipped: Receives a reason for each file that could not be read.
        progress: Called as files are done, from this thread.
        cancel: When set, workers stop after their current file; what they did is kept.
        workers: How many processes (default :func:`worker_count`).

    Returns:
        What the build did.

    Raises:
        WorkerFailed: a worker raised or died; nothing was committed.
    """
    runs = shares(paths, workers or worker_count())
    context = multiprocessing.get_context("fork")
    messages = context.Queue()
    stop = context.Event()
    folder = index.storage.folder
    # Only this process keeps the write end: the workers see end-of-file when it dies.
    lifeline = os.pipe()
    processes = [
        context.Process(
            target=_index_share,
            args=(folder, run, read, extract, force, messages, stop, number, lifeline),
            daemon=True,
        )
        for number, run in enumerate(runs)
    ]
    try:
        for process in processes:
            process.start()
    except BaseException:
        os.close(lifeline[1])  # the workers already started see end-of-file and end
        raise
    finally:
        os.close(lifeline[0])
    try:
        results = _collect(processes, messages, stop, len(paths), progress, cancel)
    except BaseException:
        # Nothing will be committed; a worker still flushing an unread result into the
        # queue would never exit, so none is waited for.
        for process in processes:
            process.terminate()
        raise
    finally:
        for process in processes:
            process.join()
        messages.close()
        os.close(lifeline[1])
    return _commit(index, [results[n] for n in range(len(runs))], manifest, vocabulary, skipped)


def _collect(processes, messages, stop, total, progress, cancel) -> dict[int, ShareResult]:
    results: dict[int, ShareResult] = {}
    done = 0
    while len(results) < len(processes):
        if cancel is not None and cancel.is_set():  # checked after each message too
            stop.set()
        # A worker exits only once its messages are in the queue: one that had exited
        # before an empty wait will send nothing more.
        exited = {n: p.exitcode for n, p in enumerate(processes) if p.exitcode is not None}
        try:
            kind, number, payload = messages.get(timeout=POLL_SECONDS)
        except queue.Empty:
            for number, code in exited.items():
                if number not in results:
                    raise WorkerFailed(
                        f"an indexing process stopped without its results (exit code {code})"
                    ) from None
            continue
        if kind == "failed":
            raise WorkerFailed(payload)
        if kind == "done":
            results[number] = payload
        else:
            done += 1
            if progress is not None:
                progress(IndexProgress(done=done, total=total, path=payload))
            if cancel is not None and cancel.is_set():
                stop.set()
    return results


def _index_share(folder, paths, read, extract, force, messages, stop, number, lifeline) -> None:
    """A worker's whole life: index ``paths`` into a new segment and report."""
    from search.index.batch import index_files
    from search.runtime import worker_started

    die_with_parent(*lifeline)
    worker_started()
    try:
        index = FileStorage(folder, supports_mmap=False).open_index()
        # The parent holds the update lock and commits the segments: no Whoosh lock here.
        writer = open_writer(index, limitmb=WORKER_LIMIT_MB, lock=False)
        manifest, vocabulary, skipped = Manifest(0), Vocabulary(), []
        batch = Batch(writer, None, manifest, vocabulary, extract, fresh=True, force=force)

        def report(step: IndexProgress) -> None:
            messages.put(("file", number, step.path))

        index_files(batch, list(paths), read, skipped, report, stop)
        segment = whoosh_internals.finish_segment(writer)
        result = ShareResult(manifest.files, skipped, vocabulary.counts, batch.counts, segment)
        messages.put(("done", number, result))
    except BaseException:
        messages.put(("failed", number, traceback.format_exc()))


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


def _commit(index, results, manifest, vocabulary, skipped) -> Counts:
    counts = Counts()
    owners = {entry["id"] for file in manifest.files.values() for entry in file.articles}
    copies: set[str] = set()
    for result in results:
        for key, entry in result.files.items():
            kept = [article for article in entry.articles if article["id"] not in owners]
            copies.update(article["id"] for article in entry.articles if article["id"] in owners)
            owners.update(article["id"] for article in kept)
            entry.articles = kept
            manifest.files[key] = entry
        vocabulary.counts.update(result.words)
        skipped.extend(result.skipped)
        counts.add(result.counts)
    segments = [result.segment for result in results if result.segment is not None]
    writer = open_writer(index, limitmb=WORKER_LIMIT_MB)
    writer.commit(mergetype=lambda _writer, existing: list(existing) + segments)
    if copies:
        counts.added -= _drop_copies(index, copies, vocabulary)
    return counts


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
