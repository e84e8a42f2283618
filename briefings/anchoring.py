"""Quote anchors: make them from a selection, and find them again after the article changed.

An anchor follows the W3C Web Annotation selectors: the exact text with about 32
characters of prefix and suffix (TextQuoteSelector), character offsets
(TextPositionSelector) and a hash of the article body they refer to. Re-anchoring
tries, in order: the old offsets (same body hash); an exact match of the quote,
choosing among several by agreement with prefix and suffix and then by nearness to
the old offset; a fuzzy match (rapidfuzz) of prefix + quote + suffix, whose
boundaries are then placed where the prefix ends and the suffix begins (or, without
a usable prefix or suffix, where the quote's own first and last words are), snapped
to whole words. A quote found by none of these is orphaned. Nothing here changes a
stored note: :mod:`briefings.resolver` reports what was found.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefings.models import Quote
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
        The anchor as the passage is now and how it was found; an orphaned result
        carries the stored anchor unchanged.
    """
    body = article.body
    if body[quote.start : quote.end] == quote.exact:
        return Reanchored(quote, AnchorStatus.UNCHANGED)
    found = _exact_match(quote, body)
    if found is not None:
        status = AnchorStatus.UNCHANGED if found == quote.start else AnchorStatus.MOVED
        return Reanchored(_quote_at(body, found, found + len(quote.exact)), status)
    span = _fuzzy_match(quote, body)
    if span is not None:
        return Reanchored(_quote_at(body, *span), AnchorStatus.FUZZY)
    return Reanchored(quote, AnchorStatus.ORPHANED)


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
    start, end = _snap_to_words(body, *_trim(body, start, end, quote.exact), quote.exact)
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


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "'’-_"


def _snap_to_words(body: str, start: int, end: int, exact: str) -> tuple[int, int]:
    """Move a fuzzy range's ends off the middle of words, to whichever side of each
    cut word gives text closer to the quote (never "day. Officials" for "Officials")."""

    def inside(at: int) -> bool:
        return 0 < at < len(body) and _is_word_char(body[at - 1]) and _is_word_char(body[at])

    starts = [start]
    if inside(start):
        back, forward = start, start
        while back > 0 and _is_word_char(body[back - 1]):
            back -= 1
        while forward < end and _is_word_char(body[forward]):
            forward += 1
        while forward < end and body[forward].isspace():
            forward += 1
        starts = [back, forward]
    ends = [end]
    if inside(end):
        back, forward = end, end
        while forward < len(body) and _is_word_char(body[forward]):
            forward += 1
        while back > start and _is_word_char(body[back - 1]):
            back -= 1
        while back > start and body[back - 1].isspace():
            back -= 1
        ends = [forward, back]
    candidates = [(a, b) for a in starts for b in ends if a < b]
    if not candidates:
        return start, end
    return max(candidates, key=lambda span: fuzz.ratio(exact, body[span[0] : span[1]]))


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
