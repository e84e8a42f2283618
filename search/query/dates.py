"""Dates as the query language reads them: a year, month, day or finer, widened to a span.

``date:2024-06`` means all of June 2024: from its first microsecond to its last. The
reading is the one readers have always had (Whoosh's ``DATETIME`` field): separators
(``-``, ``.``, spaces) are dropped and the digits read as YYYY[MM[DD[hh[mm[ss]]]]].
"""

from __future__ import annotations

import calendar
from datetime import datetime


class BadDate(ValueError):
    """A date the language cannot read."""


def date_span(text: str) -> tuple[datetime, datetime]:
    """The first and last moment a written date stands for.

    Args:
        text: A date as typed, e.g. "2024", "2024-07", "2024-07-15", "20240715".

    Returns:
        (start, end), equal only for a date written to the microsecond.

    Raises:
        BadDate: the text is not a date.
    """
    digits = text.replace(" ", "").replace("-", "").replace(".", "")
    try:
        parts = [
            int(digits[start:end]) if len(digits) >= need else None for start, end, need in _UNITS
        ]
        parts.append(int(digits[14:]) if len(digits) == 20 else None)
        year, month, day, hour, minute, second, micro = parts
        if year is None:
            raise BadDate(f"{text!r} is not a date")
        _check(year, month, day, hour, minute, second, micro)
        start = datetime(
            year, month or 1, day or 1, hour or 0, minute or 0, second or 0, micro or 0
        )
        if month is None:
            month = 12
        end = datetime(
            year,
            month,
            day if day is not None else calendar.monthrange(year, month)[1],
            23 if hour is None else hour,
            59 if minute is None else minute,
            59 if second is None else second,
            999_999 if micro is None else micro,
        )
    except (ValueError, OverflowError) as exc:
        raise BadDate(str(exc)) from None
    return start, end


_UNITS = ((0, 4, 4), (4, 6, 6), (6, 8, 8), (8, 10, 10), (10, 12, 12), (12, 14, 14))


def _check(year, month, day, hour, minute, second, micro) -> None:
    if month is not None and not 1 <= month <= 12:
        raise BadDate("month must be in 1..12")
    if day is not None and day < 1:
        raise BadDate("day must be at least 1")
    if month is not None and day is not None and day > calendar.monthrange(year, month)[1]:
        raise BadDate("day is out of range for month")
    if hour is not None and not 0 <= hour <= 23:
        raise BadDate("hour must be in 0..23")
    if minute is not None and not 0 <= minute <= 59:
        raise BadDate("minute must be in 0..59")
    if second is not None and not 0 <= second <= 59:
        raise BadDate("second must be in 0..59")
    if micro is not None and not 0 <= micro <= 999_999:
        raise BadDate("microsecond must be in 0..999999")
