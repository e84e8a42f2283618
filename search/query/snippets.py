"""Snippets of article bodies as plain text plus the character ranges that matched.

Whoosh's highlighter returns markup and needs a ``terms=True`` search, which records
the matched terms of every matching document; here the offsets stored at index time
(``chars=True``) are read for the shown documents only and cut into fragments with
``PinpointFragmenter``, so the body is never re-tokenised and the cost does not grow
with the number of matches. A word matched under another spelling (the body's folded
field) is marked as the article writes it. A fragment becomes a
:class:`~search.models.Snippet`: plain text plus the character ranges of the matches.
"""

from __future__ import annotations

from whoosh.analysis import Token
from whoosh.highlight import BasicFragmentScorer, PinpointFragmenter, top_fragments

from search.models import Snippet
from search.query.ranking import term_values
from search.query.spellings import FOLDED_FIELDS

SNIPPET_CHARS = 200
ELLIPSIS = "…"


_FRAGMENTER = PinpointFragmenter(maxchars=SNIPPET_CHARS, surround=60, autotrim=True)
_SCORER = BasicFragmentScorer()


def _first(fragment) -> int:
    return fragment.startchar


def match_snippets(searcher, query, bodies: dict[int, str], field: str = "body") -> dict:
    """The best snippet of each document around the query's terms, from stored offsets.

    Only the given documents' postings are read (not every match's, as Whoosh's
    ``terms=True`` search would record), so the cost does not grow with the number of
    matches.

    Args:
        searcher: An open Whoosh searcher.
        query: The parsed query.
        bodies: Document number -> the stored text of ``field``.
        field: A field indexed with ``chars=True``.

    Returns:
        Document number -> snippet, for the documents in which a query term occurs.
    """
    reader = searcher.reader()
    # The folded spellings keep offsets into the same text (search.index.folded_field).
    fields = [name for name in (field, FOLDED_FIELDS.get(field)) if name in reader.schema]
    found: dict[int, list[Token]] = {docnum: [] for docnum in bodies}
    for fieldname in fields:
        for term in sorted(_field_terms(query, reader, fieldname)):
            word = term.decode("utf-8") if isinstance(term, bytes) else term
            places_of = term_values(searcher, fieldname, term, bodies, "characters")
            for docnum, places in places_of.items():
                found[docnum].extend(
                    Token(text=word, pos=pos, startchar=start, endchar=end)
                    for pos, start, end in places
                )
    snippets = {}
    for docnum, tokens in found.items():
        if tokens:
            fragment = _best_fragment(bodies[docnum], tokens)
            if fragment is not None:
                snippets[docnum] = from_fragment(fragment)
    return snippets


def _field_terms(query, reader, field: str) -> set[bytes]:
    """The query's terms in ``field``, wildcards and fuzzy terms expanded (a term the
    index lacks is looked up only in the segments holding a shown document)."""
    # Not Query.existing_terms: it reuses its field argument as a loop variable and so
    # drops the terms of every field after the first one it meets.
    to_bytes = reader.schema[field].to_bytes
    found = set()
    for leaf in query.leaves():
        if leaf.field() != field:
            continue
        for _, text in leaf.expanded_terms(reader, phrases=True):
            found.add(text if isinstance(text, bytes) else to_bytes(text))
    return found


def _best_fragment(text: str, tokens: list[Token]):
    tokens.sort(key=lambda token: (token.startchar, -token.endchar))
    unique, last_start = [], None
    for token in tokens:  # one token per start (a word matched by several terms)
        if token.startchar != last_start:
            unique.append(token)
            last_start = token.startchar
    fragments = _FRAGMENTER.fragment_matches(text, unique)
    best = top_fragments(fragments, 1, _SCORER, _first)
    return best[0] if best else None


def _flatten(text: str) -> str:
    # Same-length replacement keeps the highlight offsets valid.
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def from_fragment(fragment) -> Snippet:
    """A snippet from one Whoosh fragment, with ellipses where the text was cut.

    Args:
        fragment: A ``whoosh.highlight.Fragment`` over the article body.

    Returns:
        The snippet; its highlights are offsets into ``snippet.text``.
    """
    start, end = fragment.startchar, fragment.endchar
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(fragment.text) else ""
    shift = len(prefix) - start
    ranges = tuple(
        (match.startchar + shift, match.endchar + shift)
        for match in fragment.matches
        if start <= match.startchar and match.endchar <= end
    )
    return Snippet(prefix + _flatten(fragment.text[start:end]) + suffix, ranges)


def opening(body: str, limit: int = SNIPPET_CHARS) -> Snippet:
    """The first words of a body as a snippet without highlights.

    Args:
        body: The article body.
        limit: Most characters to keep before the ellipsis.

    Returns:
        The opening, cut at a word boundary.
    """
    text = " ".join(body.split())
    if len(text) <= limit:
        return Snippet(text)
    cut = text.rfind(" ", 0, limit)
    return Snippet(text[: cut if cut > limit // 2 else limit] + ELLIPSIS)
