"""Web pages to article text and metadata, with trafilatura.

Why trafilatura: it is actively maintained, scores at or near the top of the
published main-text extraction benchmarks (ScrapingHub's article-extraction
benchmark, the trafilatura and Bevendorff et al. 2023 evaluations), and it finds
the title, author, date and site name from meta tags and page structure in the
same pass; readability-lxml does text only and is barely maintained, and
selectolax would mean writing and keeping our own boilerplate rules. It is
imported here, lazily, so reading plain-text corpora never pays its import cost.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """What a web page holds: its text (title first, then paragraphs) and metadata."""

    text: str
    source: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None


def extract_page(html: str) -> Page:
    """Extract the main text and metadata of a web page.

    Args:
        html: the page's markup, decoded.

    Returns:
        A Page whose text has the title as its first paragraph and one paragraph per
        block, separated by blank lines. Pages where no main text is found fall
        back to all the visible text.
    """
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception:  # trafilatura/lxml raise assorted errors on malformed markup
        doc = None
    if doc is None or not (doc.text or "").strip():
        return Page(text=_visible_text(html))
    blocks = [line.strip() for line in doc.text.split("\n") if line.strip()]
    title = (doc.title or "").strip()
    if title and blocks and blocks[0] == title:
        blocks.pop(0)
    text = "\n\n".join([title, *blocks] if title else blocks)
    return Page(
        text=text,
        source=(doc.sitename or None),
        author=(doc.author or None),
        date=(doc.date or None),
        url=(doc.url or None),
    )


def _visible_text(html: str) -> str:
    import trafilatura

    try:
        return trafilatura.html2txt(html) or ""
    except Exception:  # same as above: malformed markup must not stop reading
        return ""
