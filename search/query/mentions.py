"""Mentions of one entity across articles, as keyword-in-context lines.

Pure functions shared by every :class:`~search.service.SearchService`: the cut of each
mention with its context (the query finding the articles is
:func:`search.models.entity_query`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from search.models.articles import EntitySpan, Mention

CONTEXT_CHARS = 60
_SPACES = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text)


def mentions_in(
    article: dict[str, str | None],
    body: str,
    spans: Sequence[EntitySpan],
    canonical: str,
    entity_type: str,
    *,
    context: int = CONTEXT_CHARS,
) -> list[Mention]:
    """The mentions of one entity in one article, each with its context.

    Args:
        article: ``id``, ``title``, ``source`` and ``date`` of the article.
        body: the article body the spans point into.
        spans: the article's entity spans.
        canonical: the entity's canonical name.
        entity_type: its type.
        context: how many characters to keep on each side.

    Returns:
        One mention per matching span, in body order.
    """
    found = []
    for span in spans:
        if span.canonical != canonical or span.type != entity_type:
            continue
        left = _one_line(body[max(0, span.start - context) : span.start]).lstrip()
        right = _one_line(body[span.end : span.end + context]).rstrip()
        found.append(
            Mention(
                article_id=article["id"] or "",
                title=article.get("title") or "",
                start=span.start,
                end=span.end,
                text=body[span.start : span.end],
                left=left,
                right=right,
                source=article.get("source"),
                date=article.get("date"),
            )
        )
    return found
