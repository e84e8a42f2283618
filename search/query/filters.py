"""Structured filters (people, organisations, places, sources, dates) as a query of the index.

The UI hands the service :class:`~search.models.SearchFilters`; only here do they become
part of a Whoosh query, joined to what the user typed with AND. A person, organisation
or place means what typing ``person:"Ilham Aliyev"`` means (the same parser reads it); a
source is the exact source a facet counted, matched on its own untokenised field; a
date range means what ``date:[2024-01 to 2024-06]`` means (undated articles are left out).
"""

from __future__ import annotations

from search.models import SearchFilters


def filter_text(filters: SearchFilters) -> str:
    """The name filters as query-language terms joined by AND ("" when there are none).

    A value is one quoted term: its double quotes (and commas, which split a name into
    two) become spaces and its spaces are collapsed, so no value can break out.
    """
    terms = []
    for field, value in filters.items():
        if field in ("source", "date"):
            continue
        clean = " ".join(value.replace('"', " ").replace(",", " ").split())
        if clean:
            terms.append(f'{field}:"{clean}"')
    return " AND ".join(terms)


def narrowed(parsed, filters: SearchFilters, schema):
    """``parsed`` (a query, or None for "every article") kept to what ``filters`` allow."""
    from whoosh import query as wq

    from search.query.parser import parse_query

    kept = [wq.Term("source_exact", source) for source in filters.source]
    if filters.date_from or filters.date_to:
        dates = schema["date"].parse_range("date", filters.date_from, filters.date_to, False, False)
        kept.append(dates)
    text = filter_text(filters)
    if text:
        kept.append(parse_query(text, schema))
    if not kept:
        return parsed
    return wq.And(kept if parsed is None else [parsed, *kept])
