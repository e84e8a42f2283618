"""The neutral query tree: what a search means, before any engine runs it.

:func:`search.query.parser.parse` turns what the reader typed into these nodes and
:func:`search.query.filters.narrowed` adds the structured filters as more of them; each
backend maps the tree to its own engine (:mod:`search.query.whoosh_query` for Whoosh, a
plain evaluator in the contract suite's in-memory fake, OpenSearch's DSL on paper in
``docs/scale-out.md``). No engine is imported here.

Fields are the language's own names (``title``, ``body``, ``person``, ``org``, ``place``,
``source``, ``author``, ``date``, ``lang``), aliases already resolved; ``field=None`` on a text node
means "the title or the body", what a word typed on its own searches. Text is kept as
typed (not lower-cased, split or stemmed): how words are cut and compared belongs to the
engine. The structure follows the language exactly, so an engine can give each operator
the scoring it has always had: ``AndNot`` (``a ANDNOT b``) scores ``a`` alone where
``And(a, Not(b))`` (``a NOT b``) also counts the ``Not``; ``AndMaybe`` and ``Require``
are the language's ``ANDMAYBE`` and ``REQUIRE``. A group may hold no children (``()``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

# The fields of the query language; the first two are what an unfielded word searches.
TEXT_FIELDS = ("title", "body")
FIELDS = ("title", "body", "person", "org", "place", "source", "author", "date", "lang")


@dataclass(frozen=True)
class Word:
    """Text to look for as words (several words must all be there)."""

    field: str | None
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Words in this order, at most ``slop`` positions apart (``"wind farm"``, ``"a b"~3``).

    On a name field (``person``/``org``/``place``) the phrase is one whole name.
    """

    field: str | None
    text: str
    slop: int = 1
    boost: float = 1.0


@dataclass(frozen=True)
class Prefix:
    """Words starting with ``text`` (``infla*``)."""

    field: str | None
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Wildcard:
    """Words matching ``pattern``: ``*`` any run of characters, ``?`` one (``histor?ans``)."""

    field: str | None
    pattern: str
    boost: float = 1.0


@dataclass(frozen=True)
class Fuzzy:
    """Words within ``edits`` edits of ``text`` sharing its first ``prefix`` characters."""

    field: str | None
    text: str
    edits: int = 1
    prefix: int = 0
    boost: float = 1.0


@dataclass(frozen=True)
class Range:
    """Words sorting between ``start`` and ``end`` (either may be open) on a text field."""

    field: str | None
    start: str | None
    end: str | None
    start_excluded: bool = False
    end_excluded: bool = False
    boost: float = 1.0


@dataclass(frozen=True)
class DateRange:
    """Articles dated from ``start`` to ``end``, both included, either open (None).

    Partial dates are already widened: ``date:2024-06`` is 2024-06-01 00:00 to the last
    microsecond of June 30. With both ends open it keeps every dated article. An article
    that states no date never matches.
    """

    start: datetime | None
    end: datetime | None
    boost: float = 1.0


@dataclass(frozen=True)
class Exact:
    """The field's whole value is ``value``, as stored (a source filter)."""

    field: str
    value: str


@dataclass(frozen=True)
class Every:
    """Every article (``field=None``), or every article with a word in ``field``."""

    field: str | None = None


@dataclass(frozen=True)
class And:
    """Every child matches."""

    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Or:
    """At least one child matches."""

    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Not:
    """The child does not match."""

    child: Node


@dataclass(frozen=True)
class AndNot:
    """``positive`` matches and ``negative`` does not; only ``positive`` is scored."""

    positive: Node
    negative: Node


@dataclass(frozen=True)
class AndMaybe:
    """``required`` matches; ``optional`` adds to the score where it matches too."""

    required: Node
    optional: Node


@dataclass(frozen=True)
class Require:
    """Both match; only ``scored`` is scored."""

    scored: Node
    required: Node


Node = (
    Word
    | Phrase
    | Prefix
    | Wildcard
    | Fuzzy
    | Range
    | DateRange
    | Exact
    | Every
    | And
    | Or
    | Not
    | AndNot
    | AndMaybe
    | Require
)
TEXT_NODES = (Word, Phrase, Prefix, Wildcard, Fuzzy, Range)


def children(node: Node) -> tuple[Node, ...]:
    """The nodes directly under ``node`` (none for a leaf)."""
    if isinstance(node, And | Or):
        return node.children
    if isinstance(node, Not):
        return (node.child,)
    if isinstance(node, AndNot):
        return node.positive, node.negative
    if isinstance(node, AndMaybe):
        return node.required, node.optional
    if isinstance(node, Require):
        return node.scored, node.required
    return ()


def walk(node: Node) -> Iterator[Node]:
    """``node`` and every node under it, depth first, in order."""
    yield node
    for child in children(node):
        yield from walk(child)
