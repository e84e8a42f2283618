"""Fetching an article to open: its text, entities and copies, in one call off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from search.models.articles import Article, ArticleCopies, EntitySpan
    from search.service import SearchService


class FoundArticle(NamedTuple):
    """What a reading pane shows of one article (``article`` None: it is not in the index)."""

    article: Article | None
    entities: tuple[EntitySpan, ...] = ()
    copies: ArticleCopies | None = None


def fetch_article(service: SearchService, article_id: str) -> FoundArticle:
    """The article, its entity mentions and where else its text is; call in a worker thread."""
    article = service.article(article_id)
    if article is None:
        return FoundArticle(None)
    return FoundArticle(article, tuple(service.entities(article_id)), service.copies_of(article_id))


def path_label(corpus: Path, article: Article) -> str:
    """The article's file as a reading pane names it: the corpus folder's name, then the path."""
    return f"{corpus.resolve().name}/{article.path}"
