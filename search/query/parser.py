"""Turning what a reader types into a Whoosh query, its plain words, and "did you mean".

The language is Whoosh's: ``AND``/``OR``/``NOT``, ``"phrases"``, wildcards, ``term~``
(fuzzy), ``field:term``, date ranges (``date:[2024-01 to 2024-06]``, ``date:>2024``), plus
``-term`` for ``NOT term`` and the friendly fields ``person:``, ``org:``, ``place:``,
``source:``, ``author:``, ``title:``. Whatever is typed gives a query or a
:class:`~search.models.QueryError` with one line of explanation, never another exception.

Suggestions replace the words the index does not know with the nearest known ones;
the caller says what is known and what is near (see :mod:`search.index.vocabulary`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from whoosh import query as wq
from whoosh.qparser import (
    FieldAliasPlugin,
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
)

from search.models import QueryError

MAX_QUERY_CHARS = 1000
DEFAULT_FIELDS = ("title", "body")
FIELD_ALIASES = {
    "person": ["people"],
    "org": ["organisation", "organization"],
    "place": ["location", "country", "city"],
    "date": ["published"],
}
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


def _parser(schema) -> MultifieldParser:
    parser = MultifieldParser(list(DEFAULT_FIELDS), schema)
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
    return parser


def parse_query(text: str, schema) -> wq.Query:
    """Parse a query string against the index schema.

    Args:
        text: What the reader typed (not empty).
        schema: The index's Whoosh schema.

    Returns:
        The Whoosh query to run.

    Raises:
        QueryError: the query is too long or cannot be understood; the message is one line.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})"
        )
    if not text.strip("*? "):
        # A bare wildcard would expand to every term of every field: list everything instead.
        return wq.Every()
    empty = _empty_field(text, schema)
    if empty:
        # The parser would search for the field's own name as a word.
        example = _EXAMPLES.get(empty, "baku")
        raise QueryError(f"write what to look for after {empty}:, e.g. {empty}:{example}")
    try:
        q = _parser(schema).parse(_minus_as_not(text))
    except Exception as exc:  # the parser raises many kinds; the reader needs one line
        raise _failure(text, exc) from None
    for node in _walk(q):
        error = getattr(node, "error", None)
        if error:
            raise _failure(text, error)
        if isinstance(node, wq.Phrase) and not _has_positions(schema, node.fieldname):
            # A name field splits at commas and keeps no word positions: Whoosh would
            # only fail when the query runs.
            raise QueryError(
                f"a {node.fieldname}: name cannot hold a comma; write the name without it, "
                f'e.g. {node.fieldname}:"{_NAME_EXAMPLES.get(node.fieldname, "Ilham Aliyev")}"'
            )
    return q


def _has_positions(schema, fieldname: str) -> bool:
    if fieldname not in schema:  # a Whoosh schema has no .get()
        return True
    return schema[fieldname].format.supports("positions")


_EXAMPLES = {"date": "2024-07", "published": "2024-07", "person": "aliyev", "org": "csto"}
_NAME_EXAMPLES = {"person": "Ilham Aliyev", "org": "European Union", "place": "Nagorno-Karabakh"}


def _empty_field(text: str, schema) -> str | None:
    """The first field named with nothing after it (outside quotes), if any."""
    names = set(schema.names()) | {alias for aliases in FIELD_ALIASES.values() for alias in aliases}
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
    # Date values are the only field values the parser rejects; say how to write them.
    if _DATE_FIELD.search(text):
        return QueryError(DATE_HELP)
    return QueryError(f"cannot understand the query: {_one_line(detail)}")


def _walk(q: wq.Query):
    yield q
    for child in q.children():
        yield from _walk(child)


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
