"""Structured filters (people, organisations, places, sources) as a query of the index.

The UI hands the service :class:`~search.models.SearchFilters`; only here do they become
query-language terms, parsed by the same parser as what the user typed and joined to it
with AND, so a filter means exactly what typing ``person:"Ilham Aliyev"`` means.
"""

from __future__ import annotations

from search.models import SearchFilters


def filter_text(filters: SearchFilters) -> str:
    """The filters as query-language terms joined by AND ("" when there are none).

    A value is one quoted term: its double quotes (and commas, which split a name into
    two) become spaces and its spaces are collapsed, so no value can break out.
    """
    terms = []
    for field, value in filters.items():
        clean = " ".join(value.replace('"', " ").replace(",", " ").split())
        if clean:
            terms.append(f'{field}:"{clean}"')
    return " AND ".join(terms)


def narrowed(parsed, filters: SearchFilters, schema):
    """``parsed`` (a query, or None for "every article") kept to what ``filters`` allow."""
    from whoosh import query as wq

    from search.query.parser import parse_query

    text = filter_text(filters)
    if not text:
        return parsed
    kept = parse_query(text, schema)
    return kept if parsed is None else wq.And([parsed, kept])
