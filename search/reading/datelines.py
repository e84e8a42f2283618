"""News datelines at the start of a story: place, date and agency.

``BAKU, July 12 (Reuters) –``, ``WASHINGTON (AP) —``, ``PARIS, July 12, 2024 (AFP) -``,
``BAKU, 3 March (Trend) –``, ``LONDON, 12 July 2024 /PRNewswire/ --``. The agency in
brackets becomes the article's source; the date only when it states a year (wire
datelines usually give only the day, and a year is never guessed).

A capitalised phrase before a dash is common in prose ("The Ministry (MFA) – ..."), so a
dateline must have a place in capitals, a day and month after the place, or an agency
known by name; a place alone ("MOSCOW —") fills no field and is not reported.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from search.reading.metadata import parse_date, site_name

_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    r"|june|july|august|september|october|november|december)\.?"
)
_DATELINE = re.compile(
    # BAKU / NEW YORK / ST. PETERSBURG / Baku
    r"^(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
    # , Azerbaijan, July 12, 2024
    r"(?P<more>(?:,[ \t]*[\w.'’ ]{1,30}?){0,3})[.]?"
    # (Reuters) or /PRNewswire/
    r"[ \t]*(?:\((?P<agency>[^()\d]{2,40})\)|/(?P<wire>[^/\d]{2,40})/)?"
    r"[ \t]*(?:--?|[–—]|:)[ \t]+(?=\S)"
)
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}\s+{_MONTH}(?!\w)|\b{_MONTH}\s+\d{{1,2}}\b", re.IGNORECASE)
_NOT_AGENCY = frozenset(
    "photo photos video file update updated live exclusive analysis opinion".split()  # noqa: SIM905
)
_AGENCY_WORD = re.compile(r"[A-Z][\w&.'’/-]*")


class Dateline(NamedTuple):
    """What a dateline states: the agency (None when it names none) and the date at the
    precision it states (None without a year)."""

    agency: str | None
    date: str | None
    end: int


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline a story's first paragraph starts with, when it states an agency or a
    dated day.

    Args:
        paragraph: the first paragraph of an article's body.

    Returns:
        The agency, the date and where the dateline ends in ``paragraph`` (the story's
        first sentence starts there), or None when the paragraph starts with no dateline
        or one that names only a place.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    place, more = m.group("place"), m.group("more")
    agency = _agency(m.group("agency") or m.group("wire"))
    pieces = [piece.strip() for piece in more.split(",") if piece.strip()]
    date = _date(pieces)
    has_day = bool(_DAY_MONTH.search(more))
    letters = [c for c in place if c.isalpha()]
    in_capitals = len(letters) >= 2 and all(c.isupper() for c in letters)
    if agency and not (in_capitals or has_day or site_name(agency, strict=True)):
        agency = None
    if agency is None and date is None:
        return None
    return Dateline(agency, date, m.end())


def _agency(text: str | None) -> str | None:
    """A news agency's name as bracketed in a dateline: a few capitalised words."""
    if not text:
        return None
    words = text.split()
    if not 1 <= len(words) <= 4 or words[0].lower() in _NOT_AGENCY:
        return None
    if not all(_AGENCY_WORD.fullmatch(w) for w in words):
        return None
    return " ".join(words)


def _date(pieces: list[str]) -> str | None:
    """The date the pieces after the place state, longest reading first ("July 12, 2024")."""
    for start in range(len(pieces)):
        iso = parse_date(", ".join(pieces[start:]))
        if iso:
            return iso
    return None
