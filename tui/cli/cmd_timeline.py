"""`briefing timeline`: the dated sentences of a search's results, in date order.

Every sentence of the matching articles that mentions a date is an event: the date it
means (a day, month or year, or a range of them), read against the article's own date
when the text leaves something out ("on July 3", "last week": marked resolved). Text
output groups the events by year and month; ``--json`` prints one object per event.
"""

from __future__ import annotations

import argparse
import calendar
from itertools import groupby

from tui.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    add_corpus_argument,
    add_date_range_arguments,
    fail,
    resolve_corpus,
    safe,
    warn_if_corrections_ignored,
)
from tui.cli.index_common import ensure_index, open_service
from tui.cli.output import print_json
from tui.plural import counted

SUMMARY = "List the dated sentences of the matching articles, oldest date first"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        f"{SUMMARY}. QUERY is read as `briefing search` reads it; without one, every "
        "article. Each sentence that mentions a date is an event, dated by what it says "
        "(not by when the article was published); a date that leaves out its year, a "
        "weekday or 'last week' is worked out from the article's date and marked resolved. "
        "--from and --to keep the events whose dates fall within a range (ISO year, month "
        "or day, both ends included)."
    )
    parser.epilog = (
        "--json prints a list of {date, precision, resolved, sentence, article_id, start, "
        "end, part, title, article_date}, sorted by date: date is ISO (a range is "
        "START/END), precision is day, month or year, and start and end are the "
        "sentence's offsets in the article's body (in its title when part is 'title')."
        f"\n\n{parser.epilog or ''}"
    )
    parser.add_argument("query", metavar="QUERY", nargs="?", help="what to look for (quote it)")
    add_corpus_argument(parser)
    add_date_range_arguments(parser, "events")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    from search.models import QueryError, SearchFilters

    try:
        # Checked as the search's date filters are: the same formats, the same messages.
        SearchFilters(date_from=args.date_from, date_to=args.date_to)
    except QueryError as error:
        fail(str(error), EXIT_USAGE)
    warn_if_corrections_ignored()
    service = open_service(resolve_corpus(args))
    ensure_index(service, full=True)
    try:
        events = service.timeline(args.query, date_from=args.date_from, date_to=args.date_to)
    except QueryError as error:
        fail(str(error), EXIT_USAGE)
    if args.json:
        print_json([_as_json(event) for event in events])
    else:
        _print_events(events, args.query)
    return EXIT_OK


def _as_json(event) -> dict:
    return {
        "date": event.date,
        "precision": event.precision,
        "resolved": event.resolved,
        "sentence": event.sentence,
        "article_id": event.article_id,
        "start": event.start,
        "end": event.end,
        "part": event.part,
        "title": event.title,
        "article_date": event.article_date,
    }


def _print_events(events, query: str | None) -> None:
    if not events:
        print(f"No dated sentences{f' for {safe(query)!r}' if query else ''}.")
        return
    articles = len({event.article_id for event in events})
    print(f"{counted(len(events), 'dated sentence')} in {counted(articles, 'article')}")
    for year, in_year in groupby(events, key=lambda event: event.date_start[:4]):
        print(f"\n{year}")
        for month, in_month in groupby(in_year, key=lambda event: event.date_start[5:7]):
            if month:
                print(f"  {calendar.month_name[int(month)]}")
            for event in in_month:
                _print_event(event)


def _print_event(event) -> None:
    resolved = "  (resolved)" if event.resolved else ""
    print(f"    {event.date:<23} {safe(event.sentence)}{resolved}")
    where = " · ".join(safe(v) for v in (event.title, event.article_date, event.article_id) if v)
    print(f"    {'':<23} {where}")
