"""What calendar date a date mention means, at the precision the text gives it.

The extractor finds the mentions ("July 3", "12-14 March 2024", "last week", "the 1990s");
this module reads one and says which day, month or year, or which range of them, it
names. A mention that leaves something out (the year of "July 3", the week of "on
Monday", all of "yesterday") is resolved against the article's own date and marked as
resolved; without an article date such a mention names nothing and is left out.

Rules, in the order a reporter writes them:

- a day or month without a year takes the year that puts it nearest the article's date
  ("December 28" in an article of 5 January 2025 is 2024-12-28), and "last November"
  the last November before the article's month;
- a weekday is the last one on or before the article's date ("last Thursday" in an
  article of a Thursday is the week before), or the next one after it when "next",
  "will", "would", "could", "expected" or "until" comes shortly before it;
- "yesterday", "today", "tomorrow", "last/this/next week|month|year" count from the
  article's date; a week is a range of days, Monday to Sunday;
- "12-14 March", "between 2019 and 2021", "from March to May 2024" and "the 1990s" are
  ranges, each end at its own precision.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from search.entities.patterns import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

_MONTH_NUMBER = {name.casefold(): n for n, name in enumerate(MONTHS, start=1)}
# "Sept" and "Jan" are read by their first three letters.
_BY_PREFIX = {name[:3].casefold(): n for n, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER |= {
    short.casefold(): _BY_PREFIX[short[:3].casefold()] for short in MONTH_ABBREVIATIONS
}
_WEEKDAY_NUMBER = {name.casefold(): n for n, name in enumerate(WEEKDAYS)}

_MONTH = r"(?P<{name}>" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>1[89]\d\d|20\d\d)"


def _part(pattern: str, name: str) -> str:
    return pattern.replace("{name}", name)


_DASH = r"\s*(?:[–—-]|to|and|until)\s*"
_FORMS = [
    # 2024-03-12; 12/03/2024 and 12.03.2024 read day first, as most of the world writes them
    rf"{_part(_YEAR, 'y')}-(?P<m_num>[01]\d)-{_part(_DAY, 'd')}",
    rf"{_part(_DAY, 'd')}[/.](?P<m_num>[01]?\d)[/.]{_part(_YEAR, 'y')}",
    # 12 March 2024, 12-14 March 2024, Monday 12 of March
    rf"(?:\w+day,?\s+)?{_part(_DAY, 'd')}(?:{_DASH}{_part(_DAY, 'd2')})?\s+(?:of\s+)?"
    rf"{_part(_MONTH, 'm')}(?:,?\s+{_part(_YEAR, 'y')})?",
    # March 12, 2024; March 12-14; Monday, March 12
    rf"(?:\w+day,?\s+)?{_part(_MONTH, 'm')}\s+{_part(_DAY, 'd')}"
    rf"(?:{_DASH}{_part(_DAY, 'd2')})?(?:,?\s+{_part(_YEAR, 'y')})?",
    # March to May 2024; March 2024
    rf"{_part(_MONTH, 'm')}{_DASH}{_part(_MONTH, 'm2')},?\s+{_part(_YEAR, 'y')}",
    rf"{_part(_MONTH, 'm')},?\s+{_part(_YEAR, 'y')}",
    # 2019-2021, between 2019 and 2021, the 1990s, 2004
    rf"(?:between\s+|from\s+)?{_part(_YEAR, 'y')}{_DASH}{_part(_YEAR, 'y2')}",
    r"(?:the\s+)?(?P<decade>1[89]\d0|20\d0)s",
    rf"{_part(_YEAR, 'y')}",
    # a month or weekday alone
    rf"{_part(_MONTH, 'm')}",
    r"(?P<weekday>" + "|".join(_WEEKDAY_NUMBER) + ")",
]
_EXACT = [re.compile(rf"(?:on\s+|in\s+)?{form}", re.IGNORECASE) for form in _FORMS]
_RELATIVE = re.compile(
    r"(?P<word>yesterday|today|tomorrow)"
    r"|(?P<which>last|this|next|past)\s+(?P<unit>week|month|year)",
    re.IGNORECASE,
)
_FUTURE_CUE = re.compile(
    r"\b(?:next|will|shall|would|could|is to|are to|due|coming|upcoming|expected|until)\b"
    r"[^.]{0,40}$"
)
_LAST_CUE = re.compile(r"\blast\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class DateValue:
    """A calendar date or range at the precision of its mention.

    ``start`` and ``end`` are ISO dates cut to the precision ("2024", "2024-07",
    "2024-07-03"); ``end`` equals ``start`` for a single date. ``resolved`` says the
    article's date supplied what the mention left out.
    """

    start: str
    end: str
    precision: str
    resolved: bool = False

    @property
    def is_range(self) -> bool:
        return self.start != self.end


def normalise_date(mention: str, article_date: str | None, before: str = "") -> DateValue | None:
    """The date ``mention`` names, or None when it cannot be told.

    Args:
        mention: the text of one date mention ("July 3", "last week", "2019-2021").
        article_date: the article's own date (ISO year, month or day), or None.
        before: the text just before the mention (for "will meet on Monday").

    Returns:
        The date, or None when the mention is not a date this module reads or needs an
        article date that is not there.
    """
    text = " ".join(mention.split()).strip(" ,.;")
    anchor = _anchor(article_date)
    relative = _RELATIVE.fullmatch(text)
    if relative:
        return _relative(relative, anchor)
    for form in _EXACT:
        match = form.fullmatch(text)
        if match:
            return _exact(match.groupdict(), anchor, before)
    return None


def _anchor(article_date: str | None) -> tuple[date, str] | None:
    """The article's date as a day (the middle of its month or year) and its precision."""
    if not article_date:
        return None
    parts = article_date.split("-")
    try:
        if len(parts) == 3:
            return date.fromisoformat(article_date), "day"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15), "month"
        return date(int(parts[0]), 7, 1), "year"
    except ValueError:
        return None


def _exact(found: dict, anchor: tuple[date, str] | None, before: str) -> DateValue | None:
    if found.get("decade"):
        decade = int(found["decade"])
        return DateValue(str(decade), str(decade + 9), "year")
    if found.get("weekday"):
        return _weekday(_WEEKDAY_NUMBER[found["weekday"].casefold()], anchor, before)
    month = _month(found.get("m")) or _number(found.get("m_num"))
    month2 = _month(found.get("m2"))
    day, day2 = _number(found.get("d")), _number(found.get("d2"))
    year, year2 = _number(found.get("y")), _number(found.get("y2"))
    if month is None:
        if year is None:
            return None
        return DateValue(str(year), str(year2 or year), "year")
    resolved = year is None
    if resolved:
        if anchor is None:
            return None
        year = _nearest_year(month, day or 15, anchor[0])
        if (
            day is None
            and _LAST_CUE.search(before)
            and (year, month)
            >= (
                anchor[0].year,
                anchor[0].month,
            )
        ):
            year -= 1  # "last November" is a November gone by, never this one
    try:
        if day is None:
            start = f"{year:04d}-{month:02d}"
            return DateValue(start, f"{year:04d}-{month2 or month:02d}", "month", resolved)
        first = date(year, month, day)
        last = date(year, month, day2) if day2 else first
    except ValueError:
        return None
    if last < first:
        return None
    return DateValue(first.isoformat(), last.isoformat(), "day", resolved)


def _weekday(weekday: int, anchor: tuple[date, str] | None, before: str) -> DateValue | None:
    if anchor is None or anchor[1] != "day":
        return None
    day = anchor[0]
    if _LAST_CUE.search(before):
        found = day - timedelta(days=(day.weekday() - weekday) % 7 or 7)
    elif _FUTURE_CUE.search(before):
        found = day + timedelta(days=(weekday - day.weekday()) % 7 or 7)
    else:
        found = day - timedelta(days=(day.weekday() - weekday) % 7)
    return DateValue(found.isoformat(), found.isoformat(), "day", resolved=True)


def _relative(match: re.Match, anchor: tuple[date, str] | None) -> DateValue | None:
    if anchor is None:
        return None
    day, precision = anchor
    word = (match.group("word") or "").casefold()
    if word:
        if precision != "day":
            return None
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
        found = (day + timedelta(days=shift)).isoformat()
        return DateValue(found, found, "day", resolved=True)
    which, unit = match.group("which").casefold(), match.group("unit").casefold()
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        year = str(day.year + step)
        return DateValue(year, year, "year", resolved=True)
    if precision == "year":
        return None
    if unit == "month":
        month_index = day.year * 12 + day.month - 1 + step
        found = f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
        return DateValue(found, found, "month", resolved=True)
    if precision != "day":
        return None
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=step)
    return DateValue(
        monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "day", resolved=True
    )


def _nearest_year(month: int, day: int, anchor: date) -> int:
    """The year that puts ``month``/``day`` nearest ``anchor`` (within half a year)."""
    day = min(day, calendar.monthrange(anchor.year, month)[1])
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        last_day = calendar.monthrange(year, month)[1]
        candidates.append((abs((date(year, month, min(day, last_day)) - anchor).days), year))
    return min(candidates)[1]


def _month(name: str | None) -> int | None:
    return _MONTH_NUMBER.get(name.casefold().rstrip(".")) if name else None


def _number(text: str | None) -> int | None:
    return int(text) if text else None
