"""Bounds on the work of one query: how many words a pattern may stand for, and for how long.

A prefix or wildcard stands for every word of the index it matches, and Whoosh ORs them
all: ``*i*`` on 20,000 news articles is some 10,000 words, and a matcher tree of that
size ran for minutes while holding the search worker and the app's quit. So before a
query runs, each pattern's words are counted (:func:`check_patterns`), stopping a little
past the limit, and a pattern over it is a one-line :class:`~search.models.QueryError`
naming the pattern and its count. The limit is under Whoosh's own ``Or.TOO_MANY_CLAUSES``
so a pattern that passes is always ranked by :mod:`search.query.ranking`.

What is left (many patterns at once, fuzzy terms, a huge index) is bounded by time: a
:class:`Budget` that the ranking checks between terms and that Whoosh's
collector checks between matches (:func:`whoosh_search`; not Whoosh's
``TimeLimitCollector``, whose timer thread outlives a search the app walks away from when
it quits); a query that runs out is the same kind of one-line message.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from whoosh import collectors
from whoosh import query as wq

from search.models import QueryError

# Words one prefix or wildcard may stand for (Whoosh's Or.TOO_MANY_CLAUSES is 1,024).
MAX_PATTERN_WORDS = 1000
# How long a search may run before it is reported as too broad.
SEARCH_SECONDS = 5.0
# Counting a pattern's words goes on this far past the limit, for a count worth reading.
_COUNT_CAP = 100_000
# How often (in words read) counting looks at the clock.
_CLOCK_EVERY = 2048


class Budget:
    """A deadline for one query.

    Args:
        text: the query as typed, for the message.
        seconds: how long it may run.
    """

    def __init__(self, text: str, seconds: float = SEARCH_SECONDS) -> None:
        self.text = text
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def check(self) -> None:
        """Raise the "too broad" QueryError once the deadline has passed."""
        if self.expired():
            raise self.exceeded()

    def exceeded(self) -> QueryError:
        """The message for a query that ran out of time."""
        shown = " ".join(self.text.split()) or "the query"
        return QueryError(
            f"the query is too broad: {shown} ran for more than {self.seconds:g} s; "
            "add words or make its wildcards longer"
        )


def pattern_label(node: wq.Query) -> str:
    """A prefix or wildcard as the user would type it (``th*``, ``*i*``)."""
    text = node.text.decode("utf-8") if isinstance(node.text, bytes) else node.text
    return f"{text}*" if isinstance(node, wq.Prefix) else text


def check_patterns(
    query: wq.Query, reader, budget: Budget, *, max_words: int = MAX_PATTERN_WORDS
) -> None:
    """Refuse a query whose prefix or wildcard stands for more than ``max_words`` words.

    A pattern searched in several fields (title and body) counts the distinct words it
    matches in any of them.

    Args:
        query: the Whoosh query about to run.
        reader: the searcher's index reader.
        budget: the query's deadline (counting a huge vocabulary stops at it).
        max_words: the most words one pattern may stand for.

    Raises:
        QueryError: ``the query is too broad: *i* matches 10,101 words; make it longer``.
    """
    patterns: dict[str, list[wq.Query]] = {}
    for leaf in query.leaves():
        if isinstance(leaf, wq.Prefix | wq.Wildcard):
            patterns.setdefault(pattern_label(leaf), []).append(leaf)
    for label, nodes in patterns.items():
        words = _count_words(nodes, reader, budget, cap=max(max_words + 1, _COUNT_CAP))
        if words > max_words:
            many = f"more than {_COUNT_CAP:,}" if words >= _COUNT_CAP else f"{words:,}"
            raise QueryError(
                f"the query is too broad: {label} matches {many} words; make it longer"
            )


def _count_words(nodes: Iterable[wq.Query], reader, budget: Budget, *, cap: int) -> int:
    seen: set = set()
    for node in nodes:
        for read, (_, word) in enumerate(node.expanded_terms(reader)):
            seen.add(word)
            if len(seen) >= cap:
                return len(seen)
            if read % _CLOCK_EVERY == 0:
                budget.check()
    return len(seen)


def whoosh_search(searcher, query: wq.Query, limit: int, budget: Budget):
    """Whoosh's own search of ``query`` for the top ``limit``, stopped at the deadline.

    Returns:
        The Whoosh results.

    Raises:
        QueryError: the query ran out of time.
    """
    timed = _DeadlineCollector(searcher.collector(limit=limit), budget)
    searcher.search_with_collector(query, timed)
    return timed.results()


class _DeadlineCollector(collectors.WrappingCollector):
    """Collects as its child does, checking the budget before each match."""

    def __init__(self, child, budget: Budget) -> None:
        super().__init__(child)
        self.budget = budget

    def collect_matches(self) -> None:
        child, check = self.child, self.budget.check
        for sub_docnum in child.matches():
            check()
            child.collect(sub_docnum)
