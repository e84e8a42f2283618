"""Quote anchors: make them from a selection, and find them again after the article changed.

An anchor follows the W3C Web Annotation selectors: the exact text with about 32
characters of prefix and suffix (TextQuoteSelector), character offsets
(TextPositionSelector) and a hash of the article body they refer to. Re-anchoring
tries, in order: the old offsets (same body hash); an exact match of the quote,
choosing among several by agreement with prefix and suffix and then by nearness to
the old offset; a fuzzy match (rapidfuzz) of prefix + quote + suffix, whose
boundaries are then placed where the prefix ends and the suffix begins (or, without
a usable prefix or suffix, where the quote's own first and last words are). A quote
found by none of these is kept and marked orphaned.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from briefings.models import Briefing, Note, Quote
from search.models import Article

CONTEXT_CHARS = 32
# Fuzzy scores are 0-100. The region must resemble prefix + quote + suffix, and the
# text finally chosen must still resemble the quote itself.
REGION_CUTOFF = 70.0
CONTEXT_CUTOFF = 70.0
QUOTE_CUTOFF = 60.0
_MAX_EXACT_CANDIDATES = 1000


class AnchorStatus(enum.Enum):
    """How a quote was found again."""

    UNCHANGED = "unchanged"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class Reanchored:
    """The quote as found in the current article, and how it was found."""

    quote: Quote
    status: AnchorStatus


def body_hash(text: str) -> str:
    """The content hash stored with a quote: a short SHA-256 of the article body."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def quote_article(article: Article, start: int, end: int) -> Quote:
    """The anchor for ``article.body[start:end]``.

    Args:
        article: the article being read.
        start: offset of the first quoted character in ``article.body``.
        end: offset just past the last quoted character.

    Raises:
        ValueError: the range is empty or outside the body.
    """
    return _quote_at(article.body, start, end)


def reanchor(quote: Quote, article: Article) -> Reanchored:
    """Find ``quote`` again in ``article`` (whose body may have changed since).

    Args:
        quote: the stored anchor.
        article: the article as it is now.

    Returns:
        The updated anchor and how it was found; an orphaned result keeps the old
        text and offsets with ``orphaned=True``.
    """
    body = article.body
    unchanged = quote.content_hash == body_hash(body) and not quote.orphaned
    if unchanged and body[quote.start : quote.end] == quote.exact:
        return Reanchored(quote, AnchorStatus.UNCHANGED)
    found = _exact_match(quote, body)
    if found is not None:
        status = AnchorStatus.UNCHANGED if found == quote.start else AnchorStatus.MOVED
        return Reanchored(_quote_at(body, found, found + len(quote.exact)), status)
    span = _fuzzy_match(quote, body)
    if span is not None:
        return Reanchored(_quote_at(body, *span), AnchorStatus.FUZZY)
    return Reanchored(replace(quote, orphaned=True), AnchorStatus.ORPHANED)


def reanchor_note(note: Note, article: Article) -> Note:
    """``note`` with its quote found again in ``article``; a note with no quote is unchanged."""
    if note.quote is None:
        return note
    result = reanchor(note.quote, article)
    return note if result.quote == note.quote else replace(note, quote=result.quote)


def _quote_at(body: str, start: int, end: int) -> Quote:
    if not 0 <= start < end <= len(body):
        raise ValueError(f"quote range {start}:{end} is empty or outside the text")
    return Quote(
        exact=body[start:end],
        prefix=body[max(0, start - CONTEXT_CHARS) : start],
        suffix=body[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
        content_hash=body_hash(body),
    )


def _exact_match(quote: Quote, body: str) -> int | None:
    """The start of the best exact occurrence of the quote, or None."""
    starts = []
    at = body.find(quote.exact)
    while at != -1 and len(starts) < _MAX_EXACT_CANDIDATES:
        starts.append(at)
        at = body.find(quote.exact, at + 1)
    if not starts:
        return None

    def rank(start: int) -> tuple[int, int]:
        end = start + len(quote.exact)
        before = _common_suffix(quote.prefix, body[max(0, start - len(quote.prefix)) : start])
        after = _common_prefix(quote.suffix, body[end : end + len(quote.suffix)])
        return (-(before + after), abs(start - quote.start))

    return min(starts, key=rank)


def _fuzzy_match(quote: Quote, body: str) -> tuple[int, int] | None:
    """Where a changed quote now is, as (start, end), or None when it is gone."""
    needle = quote.prefix + quote.exact + quote.suffix
    region = fuzz.partial_ratio_alignment(needle, body, score_cutoff=REGION_CUTOFF)
    if region is None:
        return None
    pad = len(needle) // 2 + 8
    lo = max(0, region.dest_start - pad)
    hi = min(len(body), region.dest_end + pad)
    window = body[lo:hi]
    core = fuzz.partial_ratio_alignment(quote.exact, window)
    start, end = lo + core.dest_start, lo + core.dest_end
    # The quote starts where its prefix ends, else where its own first words are;
    # it ends where its suffix starts, else where its own last words are.
    before = _align(quote.prefix, body, lo, end)
    if before is not None:
        start = before[1]
    else:
        head = _align(quote.exact[:CONTEXT_CHARS], body, lo, end)
        start = head[0] if head is not None else start
    after = _align(quote.suffix, body, start, hi)
    if after is not None:
        end = after[0]
    else:
        tail = _align(quote.exact[-CONTEXT_CHARS:], body, start, hi)
        end = tail[1] if tail is not None else end
    start, end = _trim(body, start, end, quote.exact)
    if start >= end or fuzz.ratio(quote.exact, body[start:end]) < QUOTE_CUTOFF:
        return None
    return start, end


def _align(needle: str, body: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where ``needle`` best matches inside ``body[lo:hi]``, if it matches well enough."""
    if not needle or lo >= hi:
        return None
    found = fuzz.partial_ratio_alignment(needle, body[lo:hi], score_cutoff=CONTEXT_CUTOFF)
    return None if found is None else (lo + found.dest_start, lo + found.dest_end)


def _trim(body: str, start: int, end: int, exact: str) -> tuple[int, int]:
    """Drop whitespace at the ends of the range unless the quote itself had it."""
    if not exact[:1].isspace():
        while start < end and body[start].isspace():
            start += 1
    if not exact[-1:].isspace():
        while end > start and body[end - 1].isspace():
            end -= 1
    return start, end


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def reanchor_briefing(briefing: Briefing, articles: Mapping[str, Article]) -> Briefing:
    """``briefing`` with every quote found again in the current text of its article.

    Args:
        briefing: the briefing as stored.
        articles: current articles by the id the notes refer to; notes whose
            article is missing are left as they are.
    """
    notes = tuple(
        reanchor_note(n, articles[n.article.id]) if n.article.id in articles else n
        for n in briefing.notes
    )
    return briefing if notes == briefing.notes else replace(briefing, notes=notes)
