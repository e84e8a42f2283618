"""Rows for the results list: an article per line when browsing, title and snippet per hit.

Everything from the index is shown literally (see :mod:`tui.literal`); snippet
highlights are character ranges applied with ``Content.stylize``, bold and underlined as
well as coloured so that they read without colour. An article not in English is tagged
with its language's code (``ru``, ``tr``, ``az``) after its title.
"""

from __future__ import annotations

from textual.content import Content

from search.models import Hit, Snippet
from search.models.articles import ArticleSummary
from tui.literal import content
from tui.widgets.search.results_list import Row

HIT_STYLE = "bold underline $text-warning"
DATE_WIDTH = 10
# Sources are cut short so titles keep their room beside the reading mark before each row.
SOURCE_WIDTH = 16
# The language that goes untagged: most articles of most corpora.
UNTAGGED_LANGUAGE = "en"


def _column(text: str | None, width: int, style: str) -> Content:
    return content(text or "—", style, one_line=True).truncate(width, ellipsis=True, pad=True)


def short_date(date: str | None) -> str | None:
    """The day of an ISO date-time ("2025-01-14T11:12" -> "2025-01-14")."""
    return date[:DATE_WIDTH] if date else date


def article_key(article: ArticleSummary) -> str:
    """The key of an article's ``summary_row``, known without making the row."""
    return article.id


def language_tag(language: str | None) -> str | None:
    """The code shown beside an article's title, None for English or unknown."""
    return language if language and language != UNTAGGED_LANGUAGE else None


def summary_row(article: ArticleSummary) -> Row:
    """One line: date, source and title, in columns, and the language tag."""
    parts = [
        _column(short_date(article.date), DATE_WIDTH, "$text-muted"),
        Content("  "),
        _column(article.source, SOURCE_WIDTH, "$text-secondary"),
        Content("  "),
        content(article.title, "bold", one_line=True),
    ]
    tag = language_tag(article.language)
    if tag:
        parts += [Content("  "), content(tag, "$text-muted", one_line=True)]
    return Row(article_key(article), ((Content.assemble(*parts), 1),))


def snippet_content(snippet: Snippet) -> Content:
    """The snippet text with each highlighted range bold, underlined and coloured."""
    shown = content(snippet.text, one_line=True)
    length = len(shown.plain)
    for start, end in snippet.highlights:
        start, end = max(0, start), min(length, end)
        if start < end:
            shown = shown.stylize(HIT_STYLE, start, end)
    return shown


def hit_row(hit: Hit) -> Row:
    """Title with source and date, then up to two lines of highlighted snippet."""
    parts = (hit.source, short_date(hit.date), language_tag(hit.language))
    meta = " · ".join(part for part in parts if part)
    heading = content(hit.title, "bold", one_line=True)
    if meta:
        heading = Content.assemble(
            heading, Content("  "), content(meta, "$text-muted", one_line=True)
        )
    snippet = Content.assemble(Content("  "), snippet_content(hit.snippet))
    return Row(hit.id, ((heading, 1), (snippet, 2)))
