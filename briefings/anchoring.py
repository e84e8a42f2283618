"""Quote anchors: make them from a selection, and find them again after the article changed.

An anchor follows the W3C Web Annotation selectors: the exact text with about 32
characters of prefix and suffix (TextQuoteSelector), character offsets
(TextPositionSelector) and a hash of the article body they refer to. Re-anchoring
tries, in order: the old offsets (same body hash); an exact match of the quote,
choosing among several by agreement with prefix and suffix and then by nearness to
the old offset; a fuzzy match (rapidfuzz) of prefix + quote + suffix to find the
region, inside which the quote's words are aligned word by word (difflib) to find
where it now starts and ends, in whole words. A quote found by none of these is
orphaned. Nothing here changes a
stored note: :mod:`briefings.resolver` reports what was found.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from briefings.models import Quote
from search.models.articles import Article

CONTEXT_CHARS = 32
# Fuzzy scores are 0-100. The region must resemble prefix + quote + suffix, and the
# text finally chosen must still resemble the quote itself.
REGION_CUTOFF = 70.0
QUOTE_CUTOFF = 60.0
# Words and punctuation marks apart, so glued text ("Tuesday.Officials") still splits.
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
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
    unchanged = quote.content_hash == body_hash(body)
    if unchanged and body[quote.start : quote.end] == quote.exact:
        return Reanchored(quote, AnchorStatus.UNCHANGED)
    found = _exact_match(quote, body)
    if found == quote.start:
        return Reanchored(quote, AnchorStatus.UNCHANGED)
    if found is not None:
        return Reanchored(_quote_at(body, found, found + len(quote.exact)), AnchorStatus.MOVED)
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
    span = _aligned_span(quote, body, lo, hi)
    if span is None or fuzz.ratio(quote.exact, body[span[0] : span[1]]) < QUOTE_CUTOFF:
        return None
    return span


def _aligned_span(quote: Quote, body: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The whole words of ``body[lo:hi]`` that stand for the quote's words.

    Prefix + quote + suffix are aligned word by word with the region. Region words
    matched or substituted for the quote's words belong to it; words inserted inside
    the quote do too, but words inserted where the quote meets its context do not: a
    sentence added before a quoted sentence is not part of the quote.
    """
    before = _WORD.findall(quote.prefix)
    words = before + _WORD.findall(quote.exact) + _WORD.findall(quote.suffix)
    first, last = len(before), len(before) + len(_WORD.findall(quote.exact))
    found = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(body, lo, hi)]
    matcher = SequenceMatcher(None, words, [w for w, _, _ in found], autojunk=False)
    picked: list[int] = []
    matched = False
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 == i2:
            if first < i1 < last:
                picked += range(j1, j2)
            continue
        a, b = max(i1, first), min(i2, last)
        if a >= b or j1 == j2:
            continue
        # The share of this stretch of the region that stands for the quote's words.
        share = (j2 - j1) / (i2 - i1)
        picked += range(j1 + round((a - i1) * share), j1 + round((b - i1) * share))
        matched = matched or tag == "equal"
    if not matched or not picked:
        return None
    return found[min(picked)][1], found[max(picked)][2]


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
