"""The timeline view: the dated sentences of a search's results or of one article.

Events come oldest date first, under a heading per year and per month; each row is the
date (cut to its precision, a range as ``start–end``, ``~`` when the article's own date
supplied what the text left out), the sentence on one line and the article's title.
Above them, a bar per month shows how the events spread over the span.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Sequence

from textual.content import Content

from search.models.explore import TimelineEvent
from tui.literal import content
from tui.month_chart import chart_lines
from tui.passage import Passage
from tui.plural import counted
from tui.screens.passage_list import PassageListScreen, PassageView, Row, with_title

DATE_WIDTH = 12
RESOLVED_SIGN = "~"


def shown_date(event: TimelineEvent) -> str:
    """The date as a row shows it: ``2024-07-03``, ``2024-07``, ``2024-11-11–22``; ``~``
    first when resolved, else a space."""
    date = event.date_start
    if event.date_end != event.date_start:
        start, end = event.date_start, event.date_end
        shared = 0
        for a, b in zip(start.split("-"), end.split("-"), strict=False):
            if a != b:
                break
            shared += 1
        # The end drops what it shares with the start: 2024-11-11–22, 2024-11–12.
        date = f"{start}–{'-'.join(end.split('-')[shared:]) or end}"
    return f"{RESOLVED_SIGN if event.resolved else ' '}{date}"


def events_per_month(events: Sequence[TimelineEvent]) -> Counter[str]:
    """How many events fall in each month (dates given only to the year are left out)."""
    return Counter(e.date_start[:7] for e in events if e.precision != "year")


def timeline_rows(events: Sequence[TimelineEvent], width: int, *, titles: bool = True) -> list[Row]:
    """A heading per year and per month, then one row per event (with its article's title
    unless ``titles`` is False: the timeline of one article)."""
    rows: list[Row] = []
    year = month = None
    date_width = max([DATE_WIDTH, *(len(shown_date(e)) for e in events)])
    for event in events:
        if event.date_start[:4] != year:
            year, month = event.date_start[:4], None
            rows.append((Content(year).stylize("bold"), None))
        if event.precision != "year" and event.date_start[:7] != month:
            month = event.date_start[:7]
            name = f"{calendar.month_name[int(month[5:7])]} {year}"
            rows.append((Content(f"  {name}").stylize("bold $text-muted"), None))
        date = Content(shown_date(event).ljust(date_width)).stylize("$accent")
        line = Content.assemble(
            Content("  "), date, Content(" "), content(event.sentence, one_line=True)
        )
        passage = Passage(event.article_id, event.start, event.end, event.part == "title")
        rows.append((with_title(line, event.title if titles else "", width), passage))
    return rows


def timeline_view(subject: str, events: Sequence[TimelineEvent], width: int) -> PassageView:
    """The timeline of ``subject`` (a query, or an article's title): a bar per month, a
    summary line, then the events under their years and months."""
    per_month = events_per_month(events)
    articles = len({e.article_id for e in events})
    lead = [content(line, one_line=True) for line in chart_lines(per_month, width, "events")]
    lead[0] = lead[0].stylize("$accent") if per_month else lead[0]
    summary = (
        f"{counted(len(events), 'dated sentence')} in {counted(articles, 'article')}"
        f" · {RESOLVED_SIGN} dated from the article's own date"
    )
    lead.append(content(summary, one_line=True))
    rows = timeline_rows(events, width, titles=articles > 1)
    return PassageView(f"Timeline: {subject}", lead, rows)


class TimelineScreen(PassageListScreen):
    """A :func:`timeline_view`."""
