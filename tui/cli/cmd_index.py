"""`briefing index`: build or update the index of a corpus folder.

On a terminal a Rich progress bar runs on stderr; otherwise progress is a few plain
lines. Then comes the report: files read, articles, skipped files with their reasons,
files identical to another and versions of one story (see
:mod:`search.index.duplicates`), elapsed time (or the same as JSON with ``--json``).
"""

from __future__ import annotations

import argparse
import sys
import time

from tui.cli.common import (
    EXIT_BUSY,
    EXIT_OK,
    add_corpus_argument,
    fail,
    resolve_corpus,
    safe,
    warn_if_corrections_ignored,
)
from tui.cli.output import print_json
from tui.plural import counted

SUMMARY = "Build or update the index of a corpus folder"
PLAIN_PROGRESS_SECONDS = 2.0
PLAIN_PROGRESS_MIN_FILES = 100  # below this the update is over before anyone reads a line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY}. Only files whose size or modification time changed are read again; "
        "files gone from the folder leave the index. The report names the files identical "
        "to another and the articles that are versions of one story (small edits). The "
        "index lives in the user cache dir, never in the corpus folder."
    )
    add_corpus_argument(parser, positional=True)
    parser.add_argument(
        "--rebuild", action="store_true", help="discard the index and read every file again"
    )
    parser.add_argument(
        "--follow-outside",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=(
            "read symlinked files and folders whose target is outside the corpus folder "
            "(by default they are skipped and listed). The choice is kept with the index: "
            "later searches, listings and the app keep it until --no-follow-outside"
        ),
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    from search.models import IndexBusyError, IndexUnwritable
    from search.service import open_search_service

    corpus = resolve_corpus(args)
    warn_if_corrections_ignored()
    service = open_search_service(corpus, follow_outside=args.follow_outside)
    try:
        if sys.stderr.isatty():
            report = _update_with_bar(service, args.rebuild)
        else:
            report = service.update(
                rebuild=args.rebuild, progress=_PlainProgress(), find_copies=True
            )
    except IndexBusyError as error:
        fail(str(error), EXIT_BUSY)
    except IndexUnwritable as error:
        kept = "; the existing index still answers searches" if error.usable else ""
        fail(f"cannot update the index: {error.reason}{kept}")
    if args.json:
        print_json(_as_json(corpus, report))
    else:
        _print_report(corpus, report)
    return EXIT_OK


def _update_with_bar(service, rebuild: bool):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        "files",
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading ", total=None)

        def advance(step) -> None:
            # After the last file the index is still being written: say so.
            label = "Writing " if step.done == step.total else "Reading "
            if step.indexed and step.done < step.total:
                label = f"Reading ({step.indexed} searchable) "
            bar.update(task, completed=step.done, total=step.total, description=label)

        return service.update(rebuild=rebuild, progress=advance, find_copies=True)


class _PlainProgress:
    """One line on stderr every few seconds, for logs and pipes."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def __call__(self, step) -> None:
        now = time.monotonic()
        if step.done == step.total and step.total >= PLAIN_PROGRESS_MIN_FILES:
            print(f"indexing: read {step.total} files, writing the index", file=sys.stderr)
        elif now - self.last >= PLAIN_PROGRESS_SECONDS:
            self.last = now
            # Searches answer over the files committed so far.
            searchable = f", {step.indexed} searchable" if step.indexed else ""
            print(
                f"indexing: {step.done}/{step.total} files{searchable}",
                file=sys.stderr,
                flush=True,
            )


def _print_report(corpus, report) -> None:
    if report.rebuilt_because:
        print(f"Rebuilt the index: {report.rebuilt_because}.")
    print(f"Corpus:    {safe(str(corpus))}")
    print(f"Files:     {report.files_read} read, {report.files_unchanged} unchanged")
    print(
        f"Articles:  {report.articles} in the index "
        f"({report.added} added, {report.updated} updated, {report.removed} removed)"
    )
    print(f"Skipped:   {counted(len(report.skipped), 'file')}")
    for skipped in report.skipped:
        print(f"  {safe(skipped.path)}: {safe(skipped.reason)}")
    _print_duplicates(report)
    if report.follow_outside:
        print("Symlinks:  followed out of the corpus too (--no-follow-outside to stop)")
    if report.entity_warning:
        print(f"Entities:  {safe(report.entity_warning)}")
    print(f"Elapsed:   {report.elapsed:.2f} s")


def _print_duplicates(report) -> None:
    """Files with the same bytes as another, and near-identical versions, each named."""
    identical, pairs = report.identical_files, report.version_pairs
    if identical:
        print(f"Copies:    {counted(len(identical), 'file')} identical to another")
        for path, same_as in identical:
            print(f"  {safe(path)}: same as {safe(same_as)}")
    if pairs:
        pairs_of = counted(len(pairs), "pair")
        print(f"Versions:  {pairs_of} of articles telling one story with small edits")
        for first, second in pairs:
            print(f"  {safe(first)} ~ {safe(second)}")


def _as_json(corpus, report) -> dict:
    return {
        "corpus": str(corpus),
        "files_read": report.files_read,
        "files_unchanged": report.files_unchanged,
        "articles": report.articles,
        "added": report.added,
        "updated": report.updated,
        "removed": report.removed,
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "elapsed": round(report.elapsed, 3),
        "rebuilt_because": report.rebuilt_because,
        "entity_failures": report.entity_failures,
        "entity_error": report.entity_error,
        "follow_outside": report.follow_outside,
        "identical_files": [{"path": p, "same_as": s} for p, s in report.identical_files],
        "versions": [list(pair) for pair in report.version_pairs],
    }
