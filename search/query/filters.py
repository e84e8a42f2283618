"""Structured filters (people, organisations, places, sources, dates) as query tree nodes.

The UI hands the service :class:`~search.models.SearchFilters`; here they become nodes
of the neutral tree (:mod:`search.query.tree`), joined to what the user typed with AND,
for any backend to map. A person, organisation or place means what typing
``person:"Ilham Aliyev"`` means (one whole name); a source is the exact source a facet
counted (:class:`~search.query.tree.Exact`); a date range means what
``date:[2024-01 to 2024-06]`` means, so undated articles are left out.
"""

from __future__ import annotations

from search.models import SearchFilters
from search.query import tree
from search.query.dates import date_span


def filter_nodes(filters: SearchFilters) -> list[tree.Node]:
    """The tree nodes that keep what ``filters`` allow (none when there are no filters).

    A name's double quotes and commas (which would split it into two names) become
    spaces and its spaces are collapsed, so no value can break out of its field.
    """
    kept: list[tree.Node] = [tree.Exact("source", source) for source in filters.source]
    if filters.date_from or filters.date_to:
        start = date_span(filters.date_from)[0] if filters.date_from else None
        end = date_span(filters.date_to)[1] if filters.date_to else None
        kept.append(tree.DateRange(start, end))
    names = []
    for field, value in filters.items():
        if field in ("source", "date"):
            continue
        clean = " ".join(value.replace('"', " ").replace(",", " ").split())
        if clean:
            names.append(tree.Phrase(field, clean))
    if names:
        kept.append(tree.And(tuple(names)))
    return kept


def narrowed(parsed: tree.Node | None, filters: SearchFilters) -> tree.Node | None:
    """``parsed`` (a tree, or None for "every article") kept to what ``filters`` allow."""
    kept = filter_nodes(filters)
    if not kept:
        return parsed
    return tree.And(tuple(kept if parsed is None else [parsed, *kept]))
