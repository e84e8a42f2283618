"""`briefing export`: write a briefing as Markdown, to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import (
    EXIT_ERROR,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    fail,
    resolve_corpus,
)
from tui.cli.notes_common import add_notes_dir_argument, load_named, open_store

SUMMARY = "Export a briefing to Markdown"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY}: title, date, notes grouped by article with their quotes, "
        "and numbered sources. Written to stdout unless -o is given."
    )
    parser.add_argument(
        "name",
        nargs="?",
        metavar="NAME",
        help="the briefing's title or file name (default: the only briefing there is)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the Markdown to FILE")
    add_notes_dir_argument(parser)
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        help="find each quote again in the current text of this corpus's articles first",
    )
    parser.epilog = (
        "With --corpus, quotes that cannot be found in their article any more are "
        "listed as orphaned.\n\n" + (parser.epilog or "")
    )


def run(args: argparse.Namespace) -> int:
    from briefings.markdown import render_briefing

    store = open_store(args)
    briefing = load_named(store, args.name or _only_briefing(store))
    if args.corpus:
        briefing = _reanchored(briefing, resolve_corpus(args))
    orphans = sum(1 for n in briefing.notes if n.orphaned)
    if orphans:
        print(
            f"briefing: {orphans} quote{'s' * (orphans != 1)} not found in the current "
            "article text; listed under 'Orphaned notes'",
            file=sys.stderr,
        )
    if not args.output:
        sys.stdout.write(render_briefing(briefing))
        return EXIT_OK
    from briefings.export import export_briefing

    target = Path(args.output).expanduser()
    try:
        export_briefing(briefing, target)
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}", EXIT_ERROR)
    print(f"briefing: wrote {target}", file=sys.stderr)
    return EXIT_OK


def _only_briefing(store) -> str:
    entries = store.briefings()
    if not entries:
        fail(f"no briefings yet in {store.directory}", EXIT_NOT_FOUND)
    if len(entries) > 1:
        names = ", ".join(e.slug for e in entries)
        fail(f"several briefings ({names}); name the one to export", EXIT_USAGE)
    return entries[0].slug


def _reanchored(briefing, corpus: Path):
    """The briefing with quotes found again in the corpus's current articles."""
    from briefings.anchoring import reanchor_briefing
    from search.models import IndexBusyError
    from search.service import open_search_service

    service = open_search_service(corpus)
    if service.needs_update():
        try:
            service.update()
        except IndexBusyError:
            print(
                "briefing: the index is being updated elsewhere; using it as it is", file=sys.stderr
            )
    by_path: dict[str, list] = {}
    articles = {}
    for ref in {n.article.id: n.article for n in briefing.notes}.values():
        article = service.article(ref.id)
        if article is None and ref.path:
            # An edited file may give its articles new ids; find the article by path.
            if not by_path:
                for summary in service.articles():
                    by_path.setdefault(summary.path, []).append(summary)
            same_file = by_path.get(ref.path, [])
            match = [s for s in same_file if s.title == ref.title] or (
                same_file if len(same_file) == 1 else []
            )
            article = service.article(match[0].id) if match else None
        if article is not None:
            articles[ref.id] = article
    return reanchor_briefing(briefing, articles)
