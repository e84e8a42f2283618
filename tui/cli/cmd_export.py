"""`briefing export`: write a briefing as Markdown, to stdout or a file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui.cli.common import EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE, fail, say
from tui.cli.notes_common import (
    add_notes_dir_argument,
    add_resolve_corpus_argument,
    load_named,
    open_store,
    resolve_briefing,
)

SUMMARY = "Export a briefing to Markdown"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY}: title, date, summary, the notes in the briefing's order with "
        "their quotes, and numbered sources. Written to stdout unless -o is given."
    )
    parser.add_argument(
        "name",
        nargs="?",
        metavar="NAME",
        help="the briefing's title or file name (default: the only briefing there is)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the Markdown to FILE: into a folder as NAME.md; into a device or "
        "FIFO (/dev/stdout, a pipe) as a stream; through a symlink to its target. An "
        "existing file is replaced only with --force",
    )
    parser.add_argument("--force", action="store_true", help="replace the file already at -o FILE")
    add_notes_dir_argument(parser)
    add_resolve_corpus_argument(parser)
    parser.add_argument(
        "--by-article",
        action="store_true",
        help="group the notes under a heading per article (default: the briefing's order)",
    )
    parser.epilog = (
        "Every quote is checked against the corpus first: a quote whose source now "
        "reads differently is shown with the current wording, and notes whose article "
        "or passage is gone are listed under 'Orphaned notes'; a one-line warning on "
        "stderr counts them.\n\n" + (parser.epilog or "")
    )


def run(args: argparse.Namespace) -> int:
    from briefings.export import ExportExistsError, export_briefing, provenance_warning
    from briefings.markdown import render_briefing
    from briefings.resolver import NoteStatus, count_status

    store = open_store(args)
    briefing = load_named(store, args.name or _only_briefing(store))
    resolved = resolve_briefing(briefing, args)
    warning = provenance_warning(
        count_status(resolved, NoteStatus.CHANGED), count_status(resolved, NoteStatus.ORPHANED)
    )
    if warning:
        say(f"warning: {warning}; see the export")
    if not args.output:
        sys.stdout.write(render_briefing(briefing, resolved, by_article=args.by_article))
        return EXIT_OK
    target = Path(args.output).expanduser()
    try:
        if args.output.endswith(("/", os.sep)):
            target.mkdir(parents=True, exist_ok=True)  # "DIR/" names a folder, made if new
        result = export_briefing(
            briefing, resolved, target, by_article=args.by_article, replace=args.force
        )
    except ExportExistsError as exc:
        fail(f"{exc.filename}: {exc.strerror}; add --force to replace it", EXIT_ERROR)
    except OSError as exc:
        fail(f"cannot write {exc.filename or target}: {exc.strerror or exc}", EXIT_ERROR)
    say(f"wrote {result.path}")
    return EXIT_OK


def _only_briefing(store) -> str:
    entries = store.briefings()
    if not entries:
        fail(f"no briefings yet in {store.directory}", EXIT_NOT_FOUND)
    if len(entries) > 1:
        names = ", ".join(e.slug for e in entries)
        fail(f"several briefings ({names}); name the one to export", EXIT_USAGE)
    return entries[0].slug
