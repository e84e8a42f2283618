"""Conversion between articles and the index's stored documents.

One place knows how an :class:`~search.models.articles.Article` and its entity spans become the
fields of :mod:`search.index.schema`, and how stored fields become plain records again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from search.language.text import TextInLanguage
from search.models import ENTITY_FIELDS
from search.models.articles import Article, ArticleSummary, EntitySpan

if TYPE_CHECKING:
    from search.explore.article_data import ArticleExplore

_DATE_PARTS = ((4, "-01-01"), (7, "-01"))


def content_hash(article: Article) -> str:
    """A hash of everything the index stores about an article.

    Args:
        article: The article as read from its file.

    Returns:
        A hex digest that changes whenever any indexed field changes.
    """
    parts = (
        article.title,
        article.body,
        article.source or "",
        article.author or "",
        article.date or "",
        article.url or "",
        article.path,
        str(article.position),
        article.encoding or "",
        ",".join(map(str, article.pages)),
        json.dumps(article.origins, sort_keys=True),
    )
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def parse_date(text: str | None) -> datetime | None:
    """The datetime an article's ISO-like date string stands for, or None.

    Partial dates ("2024", "2024-07") stand for their first day.

    Args:
        text: The article's date, e.g. "2025-01-14T11:12", "2025-01-14" or "2024-07".

    Returns:
        A naive datetime, or None when the string is absent or not ISO-like.
    """
    if not text:
        return None
    value = text.strip().replace(" ", "T", 1)
    for length, padding in _DATE_PARTS:
        if len(value) == length:
            value += padding
            break
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=None)


def _names(spans: Sequence[EntitySpan]) -> dict[str, str]:
    """Each entity field's distinct names, comma-separated in order of first mention."""
    by_type: dict[str, dict[str, None]] = {entity_type: {} for entity_type in ENTITY_FIELDS}
    for span in spans:
        names = by_type.get(span.type)
        if names is not None:
            names[span.canonical.replace(",", " ").strip()] = None
    return {
        ENTITY_FIELDS[entity_type]: ",".join(filter(None, names))
        for entity_type, names in by_type.items()
    }


def to_document(
    article: Article, spans: Sequence[EntitySpan], digest: str, language: str | None = None
) -> dict:
    """The Whoosh fields for one article.

    Args:
        article: The article to index.
        spans: Its entity mentions (offsets into ``article.body``).
        digest: Its :func:`content_hash`.
        language: Its language code (:func:`search.language.detect.detect_language`).

    Returns:
        A mapping ready for ``writer.add_document(**doc)``.
    """
    doc = {
        "id": article.id,
        "path": article.path,
        "position": article.position,
        # The texts carry their language to the stemmer; the plain texts are stored.
        "title": TextInLanguage(article.title, language),
        "_stored_title": article.title,
        "title_sort": article.title.casefold().encode("utf-8", "ignore")[:120],
        "body": TextInLanguage(article.body, language),
        "_stored_body": article.body,
        "body_folded": article.body,
        "content_hash": digest,
        # Always set: a segment without any value has no column to sort by.
        "date_sort": 0,
        "entities": json.dumps(
            [[s.start, s.end, s.type, s.text, s.canonical] for s in spans], ensure_ascii=False
        ),
    }
    for key in ("source", "author", "url", "encoding"):
        value = getattr(article, key)
        if value:
            doc[key] = value
    if language:
        doc["lang"] = language
    if article.pages:
        doc["pages"] = list(article.pages)
    if article.origins:
        doc["origins"] = dict(article.origins)
    if article.source:
        doc["source_exact"] = article.source
    if article.date:
        doc["date_text"] = article.date
        parsed = parse_date(article.date)
        if parsed is not None:
            doc["date"] = parsed
            doc["date_sort"] = int(parsed.strftime("%Y%m%d%H%M"))
    for field, names in _names(spans).items():
        if names:
            doc[field] = names
    from search.explore import article_data, article_names

    explore = _explore(article, spans)
    # Always set: a segment without any value has no column to read.
    doc["entity_names"] = b""
    if explore is not None:
        doc["explore"] = article_data.encode(explore)
        names = article_names.article_names(article.id, article.date, spans, explore.shared)
        doc["entity_names"] = article_names.encode(names)
    return doc


def _explore(article: Article, spans: Sequence[EntitySpan]) -> ArticleExplore | None:
    """The article's dated events, statements and co-mentions."""
    from search.explore import article_data

    try:
        return article_data.explore_article(article.title, article.body, article.date, spans)
    except Exception:  # the article stays searchable; it only drops out of the explorers
        return None


def to_explore(stored: Mapping, parts: str = "ts") -> ArticleExplore:
    """The explorers' data stored with an article (empty when there is none), only the
    ``parts`` asked for (see :func:`search.explore.article_data.decode`)."""
    # The explorers' modules (their patterns compiled at import) wait for their first use:
    # a one-shot search never needs them.
    from search.explore import article_data

    return article_data.decode(stored.get("explore"), parts)


def to_article(stored: Mapping) -> Article:
    """The article stored in the index."""
    return Article(
        id=stored["id"],
        title=stored.get("title", ""),
        body=stored.get("body", ""),
        path=stored.get("path", ""),
        position=stored.get("position", 0),
        source=stored.get("source"),
        author=stored.get("author"),
        date=stored.get("date_text"),
        url=stored.get("url"),
        content_hash=stored.get("content_hash", ""),
        encoding=stored.get("encoding"),
        pages=tuple(stored.get("pages") or ()),
        origins=dict(stored.get("origins") or {}),
    )


def to_summary(stored: Mapping) -> ArticleSummary:
    """The listing record of an article, from stored fields or a manifest entry."""
    return ArticleSummary(
        id=stored["id"],
        title=stored.get("title", ""),
        path=stored.get("path", ""),
        position=stored.get("position", 0),
        source=stored.get("source"),
        author=stored.get("author"),
        date=stored.get("date_text", stored.get("date")),
        url=stored.get("url"),
        encoding=stored.get("encoding"),
        pages=tuple(stored.get("pages") or ()),
        origins=dict(stored.get("origins") or {}),
        language=stored.get("language", stored.get("lang")),
    )


def to_spans(stored: Mapping, *, only: tuple[str, str] | None = None) -> list[EntitySpan]:
    """The entity spans stored with an article, in body order; with ``only`` (type,
    canonical), that entity's alone (made into records only once picked)."""
    items = json.loads(stored.get("entities") or "[]")
    if only is not None:
        entity_type, canonical = only
        items = [item for item in items if item[4] == canonical and item[2] == entity_type]
    spans = [EntitySpan(*item) for item in items]
    return sorted(spans, key=lambda span: (span.start, span.end))
