"""An article's dated events: every sentence that mentions a date, with the date it means.

The mentions are the extractor's DATE spans (the same ones highlighted while reading),
plus relative ones ("yesterday", "last week"); two mentions joined by "to", "and" or a
dash ("between 2019 and 2021", "from March to May 2024") are one range, and so is a bare
day joined to a date ("from 11 to 22 November"). Each is read by
:func:`search.explore.dates.normalise_date` against the article's date. An article that
states no date of its own is anchored to the year its full dates name most often, when
they name it at least twice and more often than any other, so "on July 3" in a text full
of 2024 dates still lands in 2024 (marked as resolved); its relative mentions ("this
year", "yesterday") are left out, as they count from a publication date nobody knows.

The sentences are the reading pane's (:mod:`search.sentences`), so an event opens and
quotes exactly the sentence shown. A date in the headline is an event of the title.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from search.entities.patterns import find_patterns
from search.explore.dates import DateValue, normalise_date
from search.explore.paragraphs import Paragraph, paragraphs
from search.sentences import Range

TITLE = "title"
BODY = "body"

_RELATIVE_MENTION = re.compile(
    r"\b(?:yesterday|today|tomorrow|(?:last|this|next|past)\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
_RELATIVE_NOUNS = ("yesterday", "today", "tomorrow", "week", "month", "year")
_JOIN = re.compile(r"\s*(?:[–—-]|to|and|until|through)\s*$", re.IGNORECASE)
# A day on its own before a date: "from 11 to 22 November", "between 3 and 13 June".
_DAY_BEFORE = re.compile(
    r"(?:\b(?P<between>between)\s+)?\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*"
    r"(?P<join>[–—-]|to|and|until|through)\s*$",
    re.IGNORECASE,
)
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


def dated_events(
    title: str,
    body: str,
    article_date: str | None,
    *,
    date_spans: Sequence[Range] | None = None,
    split: list[Paragraph] | None = None,
) -> list[DatedEvent]:
    """The dated events of one article, in text order (the title's first).

    Args:
        title: the article's title.
        body: the article's body.
        article_date: its own date (ISO year, month or day), or None.
        date_spans: the body's DATE mentions ``(start, end)`` when the extractor already
            found them (found again here otherwise).
        split: the body's :func:`~search.explore.paragraphs.paragraphs`, when known.
    """
    if date_spans is None:
        date_spans = _date_spans(body)
    anchor = article_date or _year_most_named(body, date_spans)
    relative = _relative_spans if article_date else lambda text: []
    title_spans = sorted({*_date_spans(title), *relative(title)})
    events = [
        DatedEvent(value, TITLE, 0, len(title), start, end)
        for start, end, value in _mentions(title, 0, len(title), anchor, title_spans)
    ]
    # Every mention of the body found once, then handed to the sentence holding it.
    spans = sorted({*date_spans, *relative(body)})
    starts = [a for a, _ in spans]
    for _paragraph, sentences in paragraphs(body) if split is None else split:
        for sentence_start, sentence_end in sentences:
            first = bisect_left(starts, sentence_start)
            last = bisect_left(starts, sentence_end, first)
            if first == last:
                continue
            inside = [(a, b) for a, b in spans[first:last] if b <= sentence_end]
            for start, end, value in _mentions(body, sentence_start, sentence_end, anchor, inside):
                events.append(DatedEvent(value, BODY, sentence_start, sentence_end, start, end))
    return events


def _relative_spans(text: str) -> list[Range]:
    """Relative mentions ("yesterday", "last week"), looked for only around their nouns:
    finding the few nouns first is several times faster than the pattern over the text."""
    lowered = text.lower()
    found = set()
    for noun in _RELATIVE_NOUNS:
        at = lowered.find(noun)
        while at >= 0:
            window = _RELATIVE_MENTION.search(text, max(0, at - 12), at + len(noun) + 1)
            if window is not None:
                found.add(window.span())
            at = lowered.find(noun, at + len(noun))
    return sorted(found)


def _date_spans(text: str) -> list[Range]:
    return [(a, b) for a, b, kind in find_patterns(text) if kind == "DATE"]


def _mentions(
    text: str, start: int, end: int, anchor: str | None, spans: Sequence[Range]
) -> Iterator[tuple[int, int, DateValue]]:
    """``(start, end, date)`` of each date mention in ``text[start:end]``, given the
    mentions there (``spans``: dates and relative ones, offsets into ``text``, in order)."""
    sentence = text[start:end]
    spans = [(a - start, b - start) for a, b in spans]
    taken = -1
    for index, (a, b) in enumerate(spans):
        if a < taken:
            continue
        value, b = _joined(sentence, a, b, spans[index + 1 :], anchor)
        if value is None:
            value, a = _from_day(sentence, a, b, max(taken, 0), anchor)
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


def _from_day(
    sentence: str, a: int, b: int, floor: int, anchor: str | None
) -> tuple[DateValue | None, int]:
    """The range a bare day before the mention opens ("11 to 22 November"), if it does."""
    if not sentence[a : a + 1].isdigit():
        return None, a
    found = _DAY_BEFORE.search(sentence, max(floor, a - 30), a)
    if found is None or (found.group("join").casefold() == "and" and not found.group("between")):
        return None, a
    value = normalise_date(sentence[found.start("day") : b], anchor)
    if value is None or not value.is_range:
        return None, a
    return value, found.start("day")


def _year_most_named(body: str, date_spans: Sequence[Range]) -> str | None:
    """The year the body's full dates name most often, if they name it twice or more and
    more often than any other (a lone future date is no clue to when the text was written)."""
    years = Counter(
        value.start[:4]
        for a, b in date_spans
        if (value := normalise_date(body[a:b], None)) is not None
    )
    ranked = [*years.most_common(2), ("", 0), ("", 0)]
    (year, count), (_, runner_up) = ranked[0], ranked[1]
    return year if count >= 2 and count > runner_up else None
