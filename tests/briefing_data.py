"""Small builders of articles and notes shared by the briefing tests."""

from __future__ import annotations

from briefings.anchoring import quote_article
from briefings.models import ArticleRef, Note, new_note
from search.models.articles import Article

BODY = (
    "The central bank raised its key rate by half a point on Tuesday.\n\n"
    "Officials said inflation had stayed above target for a year. "
    "The governor warned that further rises could follow in the spring.\n\n"
    "Markets fell sharply after the announcement."
)


def article(body: str = BODY, *, article_id: str = "a1", title: str = "Rates rise") -> Article:
    """An article as search/ would hand it over."""
    return Article(
        id=article_id,
        title=title,
        body=body,
        path="business/rates.txt",
        source="Example News",
        date="2024-03-05",
        url="https://news.example/rates",
    )


def quoted_note(passage: str, text: str = "", tags: tuple[str, ...] = (), **kw) -> Note:
    """A note quoting ``passage`` (which must occur in the article's body)."""
    art = kw.pop("art", None) or article()
    start = art.body.index(passage)
    quote = quote_article(art, start, start + len(passage))
    return new_note(ArticleRef.from_article(art), text=text, tags=tags, quote=quote, **kw)
