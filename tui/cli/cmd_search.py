"""`briefing search`: search the corpus and print ranked results.

The index is brought up to date first, quietly, when the folder changed. In text
output matches are shown in bold (on a terminal); with ``--json`` each snippet carries
the matches marked with « » and, separately, their character ranges in the plain text.

The query is a finished one: its last word is not read as the start of longer words, as
it is while typing in the app (``infla*`` asks for that). ``--saved NAME`` runs a search
saved in the app (its state file): hits it had not found before are marked new, and
then count as seen, as when the app runs it.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING

from tui.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    add_corpus_argument,
    add_date_range_arguments,
    fail,
    resolve_corpus,
    safe,
)
from tui.cli.index_common import ensure_index, open_service
from tui.cli.output import print_json

if TYPE_CHECKING:
    from tui.state import SavedSearch

SUMMARY = "Search the corpus and print ranked results"
MARK_BEFORE, MARK_AFTER = "«", "»"


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f'{SUMMARY}. QUERY may use AND, OR, NOT (or -word), "phrases", '
        "wildcards (infla*), fuzzy terms (Aliyev~), field:term with the fields title, body, "
        "person, org, place, source, author, and date ranges (date:[2024-01 to 2024-06], "
        "date:>2024). An empty QUERY lists every article, newest first. --from and --to "
        "keep articles dated within a range (ISO year, month or day, both ends included); "
        "articles with no date are left out whenever either is given."
    )
    parser.epilog = (
        f"--json prints {{query, total, suggestion, terms, results}}; each result has id, "
        f"title, source, author, date, path, url, score, snippet (matches marked "
        f"{MARK_BEFORE} {MARK_AFTER}) and highlights ([start, end] ranges in snippet_text); "
        f'with --saved, each result also has "new" (not found by its last run).'
        f"\n\n{parser.epilog or ''}"
    )
    parser.add_argument("query", metavar="QUERY", nargs="?", help="what to look for (quote it)")
    parser.add_argument(
        "--saved",
        metavar="NAME",
        help="run the search saved in the app under NAME (ctrl+s) instead of a QUERY",
    )
    add_corpus_argument(parser)
    parser.add_argument(
        "--limit", type=_positive, default=10, metavar="N", help="at most N results (10)"
    )
    add_date_range_arguments(parser, "articles")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    from search.models import QueryError, SearchFilters

    try:
        filters = SearchFilters(date_from=args.date_from, date_to=args.date_to)
    except QueryError as error:
        fail(str(error), EXIT_USAGE)
    if (args.query is None) == (args.saved is None):
        fail("give a QUERY or --saved NAME (one of them)", EXIT_USAGE)
    corpus = resolve_corpus(args)
    saved = None
    if args.saved is not None:
        from tui.cli.saved_run import saved_run

        saved = saved_run(corpus, args.saved)
    query = saved.search.query if saved else args.query
    service = open_service(corpus)
    ensure_index(service)
    try:
        results = service.search(query, filters=filters, limit=saved.limit if saved else args.limit)
    except QueryError as error:
        fail(str(error), EXIT_USAGE)
    new: set[str] | None = None
    if saved:
        found = [hit.id for hit in results.hits]
        new = {article_id for article_id in found if article_id not in saved.search.seen}
        saved.state.mark_seen(saved.search.name, found)
        results = replace(results, hits=results.hits[: args.limit])
    if args.json:
        print_json(_as_json(results, new))
    else:
        if saved:
            _print_saved(saved.search, len(new or ()))
        _print_results(results, new)
    return EXIT_OK


def _as_json(results, new: set[str] | None = None) -> dict:
    return {
        "query": results.query,
        "total": results.total,
        "suggestion": results.suggestion,
        "terms": list(results.terms),
        "results": [
            {
                "id": hit.id,
                "title": hit.title,
                "source": hit.source,
                "author": hit.author,
                "date": hit.date,
                "path": hit.path,
                "url": hit.url,
                "score": round(hit.score, 4),
                "snippet": hit.snippet.marked(MARK_BEFORE, MARK_AFTER),
                "snippet_text": hit.snippet.text,
                "highlights": [list(pair) for pair in hit.snippet.highlights],
                **({"new": hit.id in new} if new is not None else {}),
            }
            for hit in results.hits
        ],
    }


def _print_saved(search: SavedSearch, new: int) -> None:
    from rich.console import Console
    from rich.text import Text

    line = Text(f"Saved search {safe(search.name)!r}: {safe(search.query)}", style="bold")
    line.append(f"  ({new} new)" if new else "  (none new)", style="green" if new else "dim")
    Console(highlight=False, soft_wrap=True).print(line)


def _print_results(results, new: set[str] | None = None) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    if results.suggestion:
        console.print(Text(f"Did you mean: {safe(results.suggestion)}", style="yellow"))
    if not results.hits:
        console.print(Text(f"No results for {safe(results.query)!r}."))
        return
    shown = len(results.hits)
    found = "1 result" if results.total == 1 else f"{results.total:,} results"
    console.print(Text(f"{found}, showing {shown}", style="dim"))
    for rank, hit in enumerate(results.hits, start=1):
        console.print()
        title = Text(f"{rank}. ", style="dim")
        title.append(safe(hit.title) or "(untitled)", style="bold")
        title.append(f"  score {hit.score:.2f}", style="dim")
        if new is not None and hit.id in new:
            title.append("  new", style="bold green")
        console.print(title)
        details = " · ".join(safe(v) for v in (hit.source, hit.date, hit.path) if v)
        console.print(Text(f"   {details}", style="cyan"))
        console.print(_snippet_text(hit.snippet))


def _snippet_text(snippet):
    from rich.text import Text

    text = Text("   " + safe(snippet.text))
    for start, end in snippet.highlights:
        text.stylize("bold reverse", start + 3, end + 3)
    return text
