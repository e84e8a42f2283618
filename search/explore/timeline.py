"""An article's dated events: every sentence that mentions a date, with the date it means.

The mentions are the extractor's DATE spans (the same ones highlighted while reading),
plus relative ones ("yesterday", "last week"); two mentions joined by "to", "and" or a
dash ("between 2019 and 2021", "from March to May 2024") are one range. Each is read by
:func:`search.explore.dates.normalise_date` against the article's date. An article that
states no date of its own is anchored to the year its full dates name most often, so
"on July 3" in a text full of 2024 dates still lands in 2024 (marked as resolved).

The sentences are the reading pane's (:mod:`search.sentences`), so an event opens and
quotes exactly the sentence shown. A date in the headline is an event of the title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from search.entities.patterns import find_patterns
from search.explore.dates import DateValue, normalise_date
from search.sentences import sentence_ranges

TITLE = "title"
BODY = "body"

_RELATIVE_MENTION = re.compile(
    r"\b(?:yesterday|today|tomorrow|(?:last|this|next|past)\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\s*(?:[–—-]|to|and|until|through)\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# How far back a cue of the future ("will meet on Monday") is looked for.
_CUE_WINDOW = 50


@dataclass(frozen=True)
class DatedEvent:
    """One dated sentence of an article.

    ``start``/``end`` are the sentence's offsets in the article's body (or its title when
    ``part`` is "title"); ``mention_start``/``mention_end`` those of the date mention.
    """

    date: DateValue
    part: str
    start: int
    end: int
    mention_start: int
    mention_end: int


def dated_events(title: str, body: str, article_date: str | None) -> list[DatedEvent]:
    """The dated events of one article, in text order (the title's first).

    Args:
        title: the article's title.
        body: the article's body.
        article_date: its own date (ISO year, month or day), or None.
    """
    anchor = article_date or _year_most_named(body)
    events = [
        DatedEvent(value, TITLE, 0, len(title), start, end)
        for start, end, value in _mentions(title, 0, len(title), anchor)
    ]
    for paragraph_start, paragraph_end in _paragraphs(body):
        for sentence_start, sentence_end in sentence_ranges(body, paragraph_start, paragraph_end):
            for start, end, value in _mentions(body, sentence_start, sentence_end, anchor):
                events.append(DatedEvent(value, BODY, sentence_start, sentence_end, start, end))
    return events


def _paragraphs(body: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n\s*\n", body):
        yield start, match.start()
        start = match.end()
    yield start, len(body)


def _mentions(
    text: str, start: int, end: int, anchor: str | None
) -> Iterator[tuple[int, int, DateValue]]:
    """``(start, end, date)`` of each date mention in ``text[start:end]``."""
    sentence = text[start:end]
    spans = sorted(
        {(a, b) for a, b, kind in find_patterns(sentence) if kind == "DATE"}
        | {match.span() for match in _RELATIVE_MENTION.finditer(sentence)}
    )
    taken = -1
    for index, (a, b) in enumerate(spans):
        if a < taken:
            continue
        value, b = _joined(sentence, a, b, spans[index + 1 :], anchor)
        if value is None:
            value = normalise_date(sentence[a:b], anchor, sentence[max(0, a - _CUE_WINDOW) : a])
        if value is not None:
            taken = b
            yield start + a, start + b, value


def _joined(
    sentence: str, a: int, b: int, after: list[tuple[int, int]], anchor: str | None
) -> tuple[DateValue | None, int]:
    """The range a mention makes with the next one ("2019 and 2021"), if it does."""
    if not after:
        return None, b
    next_a, next_b = after[0]
    join = _JOIN.fullmatch(sentence[b:next_a])
    if join is None or next_a - b > 12:
        return None, b
    # "in 2019 and 2021" names two years; "between 2019 and 2021" names a range.
    if "and" in join.group().casefold() and not _RANGE_OPENER.search(sentence[:a]):
        return None, b
    joined = normalise_date(sentence[a:next_b], anchor)
    if joined is None or not joined.is_range:
        return None, b
    return joined, next_b


def _year_most_named(body: str) -> str | None:
    """The year the body's full dates name most often, if any."""
    years = Counter(
        value.start[:4]
        for a, b, kind in find_patterns(body)
        if kind == "DATE" and (value := normalise_date(body[a:b], None)) is not None
    )
    return years.most_common(1)[0][0] if years else None
