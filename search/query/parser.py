"""Turning what a reader types into the neutral query tree, its plain words, and "did you mean".

The language: ``AND``/``OR``/``NOT``, ``"phrases"``, wildcards, ``term~`` (fuzzy),
``field:term``, date ranges (``date:[2024-01 to 2024-06]``, ``date:>2024``), plus
``-term`` for ``NOT term`` and the fields ``title:``, ``body:``, ``person:``, ``org:``,
``place:``, ``source:``, ``author:``, ``date:`` (and their aliases, ``people:``,
``published:``...). Whatever is typed gives a :mod:`~search.query.tree` or a
:class:`~search.models.QueryError` with one line of explanation, never another exception.
:mod:`search.query.syntax` reads the text; this module checks it and builds the tree.
No search engine is imported: each backend maps the tree to its own.

Suggestions replace the words the index does not know with the nearest known ones;
the caller says what is known and what is near (see :mod:`search.index.vocabulary`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from search.models import ENTITY_FIELDS, QueryError
from search.query import syntax, tree
from search.query import syntax_nodes as nodes
from search.query.dates import BadDate, date_span
from search.query.syntax import FIELD_ALIASES

MAX_QUERY_CHARS = 1000
# The most letters a fuzzy word may differ by: past two, Whoosh's automaton for the word
# grows without bound (``field~9`` took 12 s) and matches almost any word anyway.
MAX_FUZZY_EDITS = 2
NAME_FIELDS = tuple(ENTITY_FIELDS.values())
DATE_HELP = (
    "cannot read a date in the query; write e.g. date:2024, date:2024-07-15, "
    "date:>2024-06 or date:[2024-01 to 2024-06]"
)
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
# A plain word: letters (any script), digits, apostrophes and inner hyphens.
_WORD = re.compile(r"[^\W_][\w'’-]*")
_MINUS = re.compile(r"(?:^|(?<=[\s(]))-(?=[\w(])")
_DATE_FIELD = re.compile(r"\b(?:date|published):")
# A field name followed by nothing to look for ("person:", "date:>", "title: )").
_EMPTY_FIELD = re.compile(r"(?<![\w:])([A-Za-z_]+):(?:[<>]=?|=)?(?=\s|\)|$)")
_RANGE = re.compile(r"\w*:?[\[{][^\]}]*[\]}]?")
# A name field splits a value at commas (the index keeps names comma-separated).
_NAME_PART = re.compile(r"[^,]+")


def parse(text: str) -> tree.Node:
    """Parse a query string into the neutral query tree.

    Args:
        text: What the reader typed (not empty).

    Returns:
        The tree; ``tree.Every()`` for a bare wildcard.

    Raises:
        QueryError: the query is too long or cannot be understood; the message is one line.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})"
        )
    if not text.strip("*? "):
        # A bare wildcard would expand to every term of every field: list everything instead.
        return tree.Every()
    empty = _empty_field(text)
    if empty:
        # Read as it stands, the field's own name would be searched for as a word.
        example = _EXAMPLES.get(empty, "baku")
        raise QueryError(f"write what to look for after {empty}:, e.g. {empty}:{example}")
    try:
        return _unwrapped(_node(syntax.read(_minus_as_not(text))))
    except BadDate:
        raise QueryError(DATE_HELP) from None
    except QueryError:
        raise
    except Exception as exc:  # where the language has always failed; one line for the reader
        raise _failure(text, exc) from None


def _unwrapped(node: tree.Node) -> tree.Node:
    """The query without the plain groups around it (``(strike)`` is ``strike``).

    Only at the top: deeper down, an empty group and a missing part are not the same
    to ``ANDNOT`` and the like. A boosted group of the same kind stays wrapped: the
    wrapping group hands the boost down to each of its parts (``(a b)^2 AND c``).
    """
    while isinstance(node, tree.And | tree.Or) and len(node.children) == 1 and node.boost == 1.0:
        (inner,) = node.children
        if type(inner) is type(node) and inner.boost != 1.0:
            break
        node = inner
    return node


_LEAVES = {
    nodes.WordNode: tree.Word,
    nodes.PrefixNode: tree.Prefix,
    nodes.WildcardNode: tree.Wildcard,
}


def _node(node) -> tree.Node:
    """The tree for one syntax node (a group gives its children's nodes)."""
    if isinstance(node, nodes.OrGroup):
        either = _either_text_field(node)
        if either is not None:
            return either
        return tree.Or(tuple(_node(child) for child in node), node.boost)
    if isinstance(node, nodes.AndGroup):
        return tree.And(tuple(_node(child) for child in node), node.boost)
    if isinstance(node, nodes.NotGroup):
        if not node:  # "NOT NOT a": the inner NOT took what followed
            raise syntax.QuerySyntaxError("NOT needs something after it")
        return tree.Not(_node(node[0]))
    if isinstance(node, nodes.BinaryGroup):
        if len(node) != 2:  # "REQUIRE ANDMAYBE x": the inner operator lost its left side
            raise syntax.QuerySyntaxError("an operator has nothing on one side")
        first, second = (_node(child) for child in node)
        kind = {
            nodes.AndNotGroup: tree.AndNot,
            nodes.AndMaybeGroup: tree.AndMaybe,
            nodes.RequireGroup: tree.Require,
        }[type(node)]
        return kind(first, second)
    if isinstance(node, nodes.EveryNode):
        return tree.Every()
    if isinstance(node, nodes.RangeNode):
        return _range(node)
    if isinstance(node, nodes.TextNode):
        return _text(node)
    raise QueryError(f"cannot understand the query near {type(node).__name__}")


def _either_text_field(group: nodes.OrGroup) -> tree.Node | None:
    """A word typed without a field, read over title and body, as one node (field None).

    The parser copies such a word into each field inside an OR group of its own; an OR
    typed after it joins that group (``wind OR budget``), so the pair may be followed by
    more. Returns None when the group is not such a pair.
    """
    if len(group) < 2:
        return None
    first, second, *more = group
    if type(first) is not type(second) or not isinstance(first, nodes.TextNode | nodes.RangeNode):
        return None
    if (first.fieldname, second.fieldname) != tree.TEXT_FIELDS or first.boost != 1.0:
        return None
    same = {k: v for k, v in vars(first).items() if k != "fieldname"}
    if same != {k: v for k, v in vars(second).items() if k != "fieldname"}:
        return None
    one = _node(first)
    if more:
        either = type(one)(**{**vars(one), "field": None, "boost": 1.0})
        return tree.Or((either, *(_node(node) for node in more)), group.boost)
    return type(one)(**{**vars(one), "field": None, "boost": group.boost})


def _text(node: nodes.TextNode) -> tree.Node:
    field, boost = node.fieldname, node.boost
    if field == "date" and not isinstance(node, nodes.PhraseNode):
        start, end = date_span(node.text)
        return tree.DateRange(start, end, boost)
    if isinstance(node, nodes.PhraseNode):
        if field in NAME_FIELDS and len(_NAME_PART.findall(node.text)) > 1:
            raise QueryError(
                f"a {field}: name cannot hold a comma; write the name without it, "
                f'e.g. {field}:"{_NAME_EXAMPLES.get(field, "Ilham Aliyev")}"'
            )
        return tree.Phrase(field, node.text, node.slop, boost)
    if isinstance(node, nodes.FuzzyTermNode):
        if node.maxdist > MAX_FUZZY_EDITS:
            raise QueryError(fuzzy_too_far(node.maxdist))
        return tree.Fuzzy(field, node.text, node.maxdist, node.prefixlength, boost)
    return _LEAVES[type(node)](field, node.text, boost)


def fuzzy_too_far(edits: int) -> str:
    """The message for a fuzzy word allowed more edits than :data:`MAX_FUZZY_EDITS`."""
    return (
        f"~{edits} lets too many letters differ: a fuzzy word may differ by at most "
        f"{MAX_FUZZY_EDITS}, e.g. rates~{MAX_FUZZY_EDITS}"
    )


def _range(node: nodes.RangeNode) -> tree.Node:
    if node.fieldname == "date":
        # A date range is inclusive whatever its brackets, from the start's first moment
        # to the end's last.
        start = date_span(node.start)[0] if node.start is not None else None
        end = date_span(node.end)[1] if node.end is not None else None
        return tree.DateRange(start, end, node.boost)
    return tree.Range(
        node.fieldname, node.start, node.end, node.startexcl, node.endexcl, node.boost
    )


_EXAMPLES = {"date": "2024-07", "published": "2024-07", "person": "aliyev", "org": "csto"}
_NAME_EXAMPLES = {"person": "Ilham Aliyev", "org": "European Union", "place": "Nagorno-Karabakh"}


def _empty_field(text: str) -> str | None:
    """The first field named with nothing after it (outside quotes), if any."""
    names = set(tree.FIELDS) | {alias for aliases in FIELD_ALIASES.values() for alias in aliases}
    # Quoted text is searched as written: blank it out, keeping the quotes themselves.
    unquoted = re.sub(r'"[^"]*"', lambda m: '"' + " " * (len(m.group()) - 2) + '"', text)
    for match in _EMPTY_FIELD.finditer(unquoted):
        if match.group(1) in names:
            return match.group(1)
    return None


def _minus_as_not(text: str) -> str:
    """``-word`` (outside quotes) means ``NOT word``, as in most search boxes."""
    parts = text.split('"')
    parts[::2] = [_MINUS.sub("NOT ", part) for part in parts[::2]]
    return '"'.join(parts)


def _failure(text: str, detail: object) -> QueryError:
    # Date values are the only field values the language rejects; say how to write them.
    if _DATE_FIELD.search(text):
        return QueryError(DATE_HELP)
    return QueryError(f"cannot understand the query: {_one_line(detail)}")


def _one_line(value: object) -> str:
    return " ".join(str(value).split())[:200]


def plain_words(text: str) -> list[str]:
    """The words of a query a reader would recognise in an article, lowercased.

    Operators, field names, wildcard and fuzzy terms and date values are left out.

    Args:
        text: The query string.

    Returns:
        Distinct words in the order they appear.
    """
    return list(dict.fromkeys(word.lower() for _, _, word in _word_spans(text)))


def _word_spans(text: str):
    """(start, end, word) of each plain word: no operator, field name, wildcard or range."""
    # Blank out ranges ("date:[2024 to 2025]") keeping offsets, so their words are skipped.
    scan = _RANGE.sub(lambda m: " " * len(m.group()), text)
    for match in _WORD.finditer(scan):
        word, start, end = match.group(), match.start(), match.end()
        following = scan[end : end + 1]
        preceding = scan[max(0, start - 1) : start]
        if word in OPERATORS or following in {":", "*", "?", "~"} or preceding in {"*", "?"}:
            continue
        if any(ch.isdigit() for ch in word):
            continue
        yield start, end, word


def suggest(
    text: str, is_known: Callable[[str], bool], correct: Callable[[str], str | None]
) -> str | None:
    """A corrected query when some of its words are unknown to the corpus ("did you mean").

    Args:
        text: The query string.
        is_known: Whether the corpus contains a word.
        correct: The nearest known word to an unknown one, or None.

    Returns:
        The query with unknown words replaced by the nearest known ones, or None.
    """
    pieces, last, changed = [], 0, False
    for start, end, word in _word_spans(text):
        if len(word) < 3 or is_known(word):
            continue
        replacement = correct(word)
        if not replacement:
            continue
        pieces += [text[last:start], _same_case(word, replacement)]
        last, changed = end, True
    if not changed:
        return None
    pieces.append(text[last:])
    return "".join(pieces)


def _same_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
