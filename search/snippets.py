"""Snippets of article bodies as plain text plus the character ranges that matched.

Whoosh's highlighter normally returns markup; here its formatter hands back the raw
fragment instead, which becomes a :class:`~search.models.Snippet`. Fragments are cut
from the character offsets stored at index time (``PinpointFragmenter``), so the body is
never re-tokenised to make a snippet.
"""

from __future__ import annotations

from whoosh.highlight import Formatter, Highlighter, PinpointFragmenter

from search.models import Snippet

SNIPPET_CHARS = 200
ELLIPSIS = "…"


class _FragmentPassThrough(Formatter):
    """Returns the fragments themselves instead of a formatted string."""

    def format(self, fragments, replace=False):
        return fragments


def make_highlighter() -> Highlighter:
    """A highlighter whose ``highlight_hit`` returns raw Whoosh fragments."""
    return Highlighter(
        fragmenter=PinpointFragmenter(maxchars=SNIPPET_CHARS, surround=60, autotrim=True),
        formatter=_FragmentPassThrough(),
    )


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


def marked(snippet: Snippet, before: str = "«", after: str = "»") -> str:
    """The snippet text with each highlight wrapped in markers (for plain-text output).

    Args:
        snippet: The snippet to mark.
        before: Inserted before each highlight.
        after: Inserted after each highlight.

    Returns:
        The marked text.
    """
    pieces, last = [], 0
    for start, end in sorted(snippet.highlights):
        if start < last:
            continue
        pieces += [snippet.text[last:start], before, snippet.text[start:end], after]
        last = end
    pieces.append(snippet.text[last:])
    return "".join(pieces)
