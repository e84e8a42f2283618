"""Counting the people, organisations, places and sources among a query's best matches.

Facet values come from each matched article's stored fields (its entity list and
source). Reading and parsing those cost about a tenth of a millisecond an article, so
counting a few hundred matches took longer than the search itself, and the app counts
again for every query typed. :class:`FacetCounter` keeps each article's values for as
long as the index commit lasts, so a refined query reads only articles it has not seen;
the matches are ranked with :mod:`search.query.ranking` where it can.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from itertools import islice

from search.models import ENTITY_FIELDS, Facet

FACET_FIELDS = (*ENTITY_FIELDS.values(), "source")


def _values(stored: dict) -> tuple[tuple[str, frozenset[str]], ...]:
    """An article's facet values: (field, distinct names) for each facet field."""
    names: dict[str, set[str]] = {field: set() for field in FACET_FIELDS}
    for span in json.loads(stored.get("entities") or "[]"):
        field = ENTITY_FIELDS.get(span[2])
        if field is not None:
            names[field].add(span[4])
    if stored.get("source"):
        names["source"].add(stored["source"])
    return tuple((field, frozenset(found)) for field, found in names.items() if found)


class FacetCounter:
    """Facet counts over one index, remembering each article's values per commit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._commit: object = None
        self._known: dict[int, tuple] = {}

    def forget(self) -> None:
        """Drop every remembered article (their commit is in doubt)."""
        with self._lock:
            self._commit, self._known = None, {}

    def count(self, searcher, commit: object, parsed, sample: int, limit: int) -> list[Facet]:
        """The most frequent values of each facet field among a query's best matches.

        Args:
            searcher: An open Whoosh searcher.
            commit: What identifies the index commit the searcher reads.
            parsed: The parsed query, or None for every article.
            sample: How many of the best matches to count.
            limit: How many values to keep per field.

        Returns:
            One facet per field, its values most frequent first (ties by name).
        """
        with self._lock:
            if commit != self._commit:
                self._commit, self._known = commit, {}
            known = self._known
        counts = {field: Counter() for field in FACET_FIELDS}
        for docnum in _best(searcher, parsed, sample):
            values = known.get(docnum)
            if values is None:
                values = known[docnum] = _values(searcher.stored_fields(docnum))
            for field, names in values:
                counts[field].update(names)
        return [
            Facet(field, tuple(sorted(counts[field].items(), key=_most_first)[:limit]))
            for field in FACET_FIELDS
        ]


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _best(searcher, parsed, sample: int) -> list[int]:
    """The document numbers of the ``sample`` best matches (the first ones for every article)."""
    from search.query import ranking as fast_ranking

    if parsed is None:
        return list(islice(searcher.reader().all_doc_ids(), sample))
    ranked = fast_ranking.rank(searcher, parsed, sample)
    if ranked is not None:
        return [docnum for _, docnum in ranked[0]]
    return [hit.docnum for hit in searcher.search(parsed, limit=sample)]
