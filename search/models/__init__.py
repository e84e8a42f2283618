"""Plain frozen records that cross the seam between search/ and its callers.

The app, the CLI and briefings/ only ever see these: no Whoosh object leaves search/.
Records by job, each module imported only by what needs it (a one-shot search spends no
time creating the classes of the others): searching here; articles, their entity spans
and mentions in :mod:`search.models.articles`; an update's progress and report in
:mod:`search.models.indexing`; exploring a corpus in :mod:`search.models.explore`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

# Where an article's title, source, author, date or url was found: a web page's meta
# tags or JSON-LD, a site named in its <title> or headline, the page's own headline, the
# header lines before the story (a date line, a bulletin's month, a masthead), a
# copyright notice, a news dateline ("BAKU, July 12 (Reuters) –"), or a byline ("By Jane
# Doe, Reuters").
ORIGINS = ("meta", "title", "heading", "header", "copyright", "dateline", "byline")

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "DATE", "MONEY")
# The entity types that get an index field of their own (facets, ``person:`` queries).
ENTITY_FIELDS = {"PERSON": "person", "ORG": "org", "PLACE": "place"}


def entity_query(canonical: str, entity_type: str) -> str:
    """The query for the articles naming an entity (``person:"Ilham Aliyev"``; a date or
    an amount, which have no field, as a phrase of the text)."""
    name = canonical.replace('"', " ").strip()
    field = ENTITY_FIELDS.get(entity_type)
    return f'{field}:"{name}"' if field else f'"{name}"'


@dataclass(frozen=True)
class Snippet:
    """A fragment of an article with the character ranges that matched the query."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()

    def marked(self, before: str = "«", after: str = "»") -> str:
        """The text with each highlight wrapped in markers (for plain-text output).

        Args:
            before: Inserted before each highlight.
            after: Inserted after each highlight.
        """
        pieces, last = [], 0
        for start, end in sorted(self.highlights):
            if start < last:
                continue
            pieces += [self.text[last:start], before, self.text[start:end], after]
            last = end
        pieces.append(self.text[last:])
        return "".join(pieces)


@dataclass(frozen=True)
class Hit:
    """One ranked search result."""

    id: str
    title: str
    path: str
    score: float
    snippet: Snippet
    source: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1, told from the text at index time


FILTER_FIELDS = ("person", "org", "place", "source")
DATE_FILTER_HELP = "write a date as a year, month or day: 2024, 2024-07 or 2024-07-15"
_FILTER_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _checked_date(name: str, value: str | None) -> str | None:
    """``value`` stripped (None when blank), or a QueryError when it is not an ISO date."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _FILTER_DATE.fullmatch(value):
        raise QueryError(f"cannot read the {name} date {value!r}; {DATE_FILTER_HELP}")
    padded = value + "-01-01"[len(value) - 4 :]
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise QueryError(f"no such {name} date {value!r}; {DATE_FILTER_HELP}") from None
    return value


@dataclass(frozen=True)
class SearchFilters:
    """Structured narrowing of a search, beside the text the user typed: only articles
    naming every one of these people, organisations and places, from these sources,
    dated within ``date_from`` to ``date_to``.

    The dates are ISO years, months or days ("2024", "2024-07", "2024-07-15"), either
    side open (None), both sides inclusive at their precision: ``date_to="2024-06"``
    keeps the whole of June. A date filter leaves out articles that state no date.
    The UI passes these instead of writing query syntax; each backend maps them to its
    own engine.

    Raises:
        QueryError: a date that is not an ISO year, month or day.
    """

    person: tuple[str, ...] = ()
    org: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "date_from", _checked_date("from", self.date_from))
        object.__setattr__(self, "date_to", _checked_date("to", self.date_to))

    @property
    def dates(self) -> str:
        """The date range in words ("2024-01 to 2024-06", "from 2024", "until 2024-06"; "")."""
        if self.date_from and self.date_to:
            return f"{self.date_from} to {self.date_to}"
        if self.date_from:
            return f"from {self.date_from}"
        return f"until {self.date_to}" if self.date_to else ""

    def items(self) -> list[tuple[str, str]]:
        """``(field, value)`` for every filter, in field order then as added; the date
        range, if any, comes last as ``("date", self.dates)``."""
        named = [(name, value) for name in FILTER_FIELDS for value in getattr(self, name)]
        return named + ([("date", self.dates)] if self.dates else [])

    def toggled(self, field: str, value: str) -> SearchFilters:
        """These filters with ``value`` added to ``field``, or taken out if it was there.

        ``field="date"`` takes the date range off, whatever ``value`` is.
        """
        if field == "date":
            return replace(self, date_from=None, date_to=None)
        values = getattr(self, field)
        changed = tuple(v for v in values if v != value) if value in values else (*values, value)
        return replace(self, **{field: changed})

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in FILTER_FIELDS) or bool(self.dates)


NO_FILTERS = SearchFilters()


@dataclass(frozen=True)
class SearchResults:
    """The answer to one query. ``suggestion`` is a corrected query ("did you mean")."""

    query: str
    hits: tuple[Hit, ...]
    total: int
    elapsed: float
    suggestion: str | None = None
    terms: tuple[str, ...] = ()
    filters: SearchFilters = NO_FILTERS


@dataclass(frozen=True)
class Facet:
    """Counts of one field's values among a set of results, most common first."""

    field: str
    values: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


class QueryError(ValueError):
    """A query that cannot be run; the message is one line a user can act on."""


class UnreadableFile(Exception):
    """A file that cannot become articles; ``str(exc)`` is the one-line reason."""


class IndexBusyError(RuntimeError):
    """Another process holds the index writer lock."""


class IndexUnwritable(RuntimeError):
    """The index cannot be written (a read-only cache, a full disk); ``str(exc)`` says why.

    Args:
        reason: What stopped the write, on one line.
        usable: The existing index is intact and answers as it is.
    """

    def __init__(self, reason: str, *, usable: bool) -> None:
        if usable:
            message = f"searching the existing index, cannot update: {reason}"
        else:
            message = f"cannot build the index: {reason}"
        super().__init__(message)
        self.reason = reason
        self.usable = usable
