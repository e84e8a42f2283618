"""The word still being typed, read as the start of a word: "Paki" finds Pakistan.

Search as you type runs before a word is finished, and a half word ("gove",
"governmen") is rarely a word of the corpus. So while typing, the last word of the box
(not yet followed by a space) also stands for the corpus's most used words that start
with it. The expansion is bounded, unlike a typed ``gove*`` (which stands for every such
word, see :mod:`search.query.bounds`): at most :data:`MAX_EXPANSIONS` words, chosen by
how many articles use them, and no more than :data:`MAX_ARTICLE_SHARE` of the articles
between them, so a keystroke costs about what a short query costs. Articles
matching the query as typed rank above those found only through a longer word: the
engine runs both and puts the first ones first (see ``WhooshSearchService.search``).

Only a plain word is read this way: not a quoted one, not ``field:value``, not an
operator, not a negated word (``-gove``, ``NOT gove``), not a pattern (``gove*``).
No search engine is imported; the index side supplies the words (:class:`PrefixIndex`).
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Mapping
from dataclasses import replace

from search.query import tree

# Words a half-typed word may stand for besides itself: enough for the word's common
# forms (government, governments, governor...), few enough for the keystroke budget.
MAX_EXPANSIONS = 6
# ... and together in at most this share of the articles (the first word always counts):
# "inte" is international, not also interest, internet and interview (5,400 of 10,000
# articles), until more of the word is typed.
MAX_ARTICLE_SHARE = 0.25
# Up to this many articles cost little whatever the share: a small corpus is not bounded.
ARTICLE_BUDGET_FLOOR = 1000
# Shorter starts ("mar") stand for the corpus's commonest words (market, march...): they
# cost the most to search and mean little yet.
MIN_PREFIX_CHARS = 4
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "REQUIRE", "TO"})
NEGATIONS = frozenset({"NOT", "ANDNOT"})
# The text's last word, letters only, at its very end, starting the text or after a
# space or an opening bracket (so not ``title:gove``, ``-gove`` or ``"gove``).
_LAST_WORD = re.compile(r"(?:^|(?<=[\s(]))([^\W\d_]+)$")
_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")


def partial_word(text: str) -> str | None:
    """The word being typed at the end of ``text`` if it may be read as a prefix.

    Args:
        text: the query as it stands in the box (a trailing space ends the last word).

    Returns:
        The word, or None when the text ends otherwise (space, quote, field, operator,
        a negated or too short word).
    """
    match = _LAST_WORD.search(text)
    if match is None:
        return None
    word, before = match.group(1), text[: match.start(1)]
    if len(word) < MIN_PREFIX_CHARS or word in OPERATORS or before.count('"') % 2:
        return None
    previous = _PREVIOUS_WORD.search(before)
    if previous is not None and previous.group(1) in NEGATIONS:
        return None
    return word


def with_prefix(node: tree.Node, word: str, expansions: list[str]) -> tree.Node:
    """The query with its last ``word`` (typed without a field) also matching ``expansions``.

    Args:
        node: the parsed query.
        word: the word being typed (see :func:`partial_word`).
        expansions: corpus words starting with it, most used first.

    Returns:
        The query with that word replaced by ``(word OR expansion...)``; the query
        unchanged when there is nothing to add or the word is not found in it.
    """
    if not expansions:
        return node
    found = [
        leaf
        for leaf in tree.walk(node)
        if isinstance(leaf, tree.Word) and leaf.field is None and leaf.text == word
    ]
    if not found:
        return node
    last = found[-1]
    either = tree.Or(
        (replace(last, boost=1.0), *(tree.Word(None, expansion) for expansion in expansions)),
        last.boost,
    )
    return _replaced(node, last, either)


def _replaced(node: tree.Node, old: tree.Node, new: tree.Node) -> tree.Node:
    """``node`` with the node ``old`` (that very object) swapped for ``new``."""
    if node is old:
        return new
    if isinstance(node, tree.And | tree.Or):
        return replace(node, children=tuple(_replaced(c, old, new) for c in node.children))
    if isinstance(node, tree.Not):
        return replace(node, child=_replaced(node.child, old, new))
    if isinstance(node, tree.AndNot):
        return tree.AndNot(_replaced(node.positive, old, new), _replaced(node.negative, old, new))
    if isinstance(node, tree.AndMaybe):
        return tree.AndMaybe(_replaced(node.required, old, new), _replaced(node.optional, old, new))
    if isinstance(node, tree.Require):
        return tree.Require(_replaced(node.scored, old, new), _replaced(node.required, old, new))
    return node


class PrefixIndex:
    """The corpus's words in order, to find the most used ones starting with a prefix.

    Args:
        counts: lowercase word -> how many articles use it.
    """

    def __init__(self, counts: Mapping[str, int]) -> None:
        self._counts = counts
        self._words = sorted(counts)

    def articles(self, word: str) -> int:
        """How many articles use ``word`` (lowercase)."""
        return self._counts.get(word, 0)

    def starting_with(self, prefix: str, limit: int) -> list[str]:
        """The ``limit`` most used words that start with ``prefix`` (not the prefix itself).

        Args:
            prefix: the start of a word (any case).
            limit: how many words at most.

        Returns:
            Lowercase words, the most used first (ties in alphabetical order).
        """
        start = prefix.casefold()
        first = bisect.bisect_left(self._words, start)
        last = bisect.bisect_left(self._words, start + "\U0010ffff", first)
        candidates = (word for word in self._words[first:last] if word != start)
        counts = self._counts
        return heapq.nsmallest(limit, candidates, key=lambda word: (-counts[word], word))
