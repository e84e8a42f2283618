"""What a web page's machine-readable tags state: meta tags and JSON-LD.

Meta tags are looked up by ``name``, ``property`` or ``itemprop`` alike (sites mix
them up: ``<meta name="og:title">``); JSON-LD is read from every
``application/ld+json`` script, through lists and ``@graph``, with authors and
publishers given inline, by ``@id`` or as plain text. A script that is not valid
JSON is passed over: the page's other tags still count.
"""

from __future__ import annotations

import html as html_entities
import json
import re
from collections.abc import Iterator
from datetime import datetime

from lxml import etree

from search.reading import metadata

_ARTICLE_TYPES = frozenset(
    """Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle
    ReviewNewsArticle BackgroundNewsArticle AskPublicNewsArticle BlogPosting
    LiveBlogPosting SocialMediaPosting Report ScholarlyArticle TechArticle""".split()  # noqa: SIM905
)
_SITE_TYPES = frozenset({"Organization", "NewsMediaOrganization", "WebSite", "Corporation"})
# Meta tags in the order they are trusted; each is matched on name, property or itemprop.
TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "cre")
_AUTHOR_META = (
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
    "twitter:creator:name",
)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "date",
    "article.published",
    "og:updated_time",
    "article:modified_time",
    "datemodified",
    "last-modified",
)
URL_META = ("og:url", "twitter:url")


def clean(text: str | None) -> str:
    """One line of text; entities a site escaped twice ("&amp;#039;") are resolved."""
    if not text:
        return ""
    if "&" in text:
        text = html_entities.unescape(text)
    return " ".join(text.split())


def meta_tags(tree: etree._Element) -> dict[str, str]:
    """Every meta tag's content by its lower-cased name, property or itemprop (the first
    of each name wins), and an ``itemprop="datePublished"`` element's ``datetime``.

    Args:
        tree: the parsed page.

    Returns:
        Names to contents, e.g. ``{"og:title": "Harbour deal signed", ...}``.
    """
    found: dict[str, str] = {}
    for tag in tree.xpath("//meta[@content]"):
        content = clean(tag.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (tag.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, content)
    for tag in tree.xpath("//*[@itemprop='datePublished' or @itemprop='dateCreated'][@datetime]"):
        found.setdefault("datepublished", tag.get("datetime").strip())
    return found


def first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """The content of the first of ``keys`` the page has, or None."""
    return next((meta[key] for key in keys if meta.get(key)), None)


def author_meta(meta: dict[str, str]) -> str | None:
    """The author the meta tags name: a name, not a profile address or a handle."""
    for key in _AUTHOR_META:
        value = meta.get(key, "")
        # article:author is often a profile address, and "byl" reads "By Jane Doe".
        value = re.sub(r"^(?i:by)\s+", "", value)
        if value and not re.match(r"^(?:https?:|www\.|@)", value) and len(value) <= 100:
            return value
    return None


def json_ld(tree: etree._Element) -> dict[str, str]:
    """What the page's JSON-LD says of its article.

    Args:
        tree: the parsed page.

    Returns:
        Any of "headline", "date", "author" (names joined by ", "), "publisher" (or
        the site's name where the article names none) and "url".
    """
    items: list[dict] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        items.extend(_items(data))
    by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    found: dict[str, str] = {}
    for item in items:
        types = _types(item)
        if types & _ARTICLE_TYPES and "headline" not in found:
            for key, value in (
                ("headline", _text(item.get("headline") or item.get("name"))),
                ("date", _text(item.get("datePublished") or item.get("dateCreated"))),
                ("author", _names(item.get("author"), by_id, people=True)),
                ("publisher", _names(item.get("publisher"), by_id, people=False)),
                ("url", _text(item.get("url"))),
            ):
                if value:
                    found[key] = value
        elif types & _SITE_TYPES and "site" not in found:
            name = _text(item.get("name"))
            if name:
                found["site"] = name
    if "publisher" not in found and "site" in found:
        found["publisher"] = found["site"]
    return found


def _items(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
    elif isinstance(data, dict):
        yield data
        yield from _items(data.get("@graph"))


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _text(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    return clean(value) if isinstance(value, str) else ""


def _names(value: object, by_id: dict[str, dict], *, people: bool) -> str:
    """The name(s) of a JSON-LD author or publisher, given inline, by @id or as text."""
    values = value if isinstance(value, list) else [value]
    names = []
    for one in values:
        if isinstance(one, dict) and "name" not in one and isinstance(one.get("@id"), str):
            one = by_id.get(one["@id"], one)
        if isinstance(one, dict):
            if people and _types(one) & _SITE_TYPES:
                continue
            name = _text(one.get("name"))
        else:
            name = _text(one)
        if name and not name.startswith(("http://", "https://")) and name not in names:
            names.append(name)
    return ", ".join(names)


def iso_date(value: str | None) -> str | None:
    """An ISO date at the precision the page states: "2025-03-04T09:30" when it gives
    a time of day (as the site wrote it, its time zone dropped), else "2025-03-04"."""
    value = (value or "").strip()
    if not value:
        return None
    if re.fullmatch(r"(?:19|20)\d{6}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return metadata.parse_date(value)
    if not 1900 <= parsed.year <= 2100:
        return None
    if "T" in value.replace(" ", "T", 1) and (parsed.hour, parsed.minute) != (0, 0):
        return parsed.strftime("%Y-%m-%dT%H:%M")
    return parsed.strftime("%Y-%m-%d")


def first_date(meta: dict[str, str]) -> str | None:
    """The publication date the meta tags state (a modification date only as a last
    resort), as :func:`iso_date` gives it."""
    for key in _DATE_META:
        date = iso_date(meta.get(key))
        if date:
            return date
    return None


def canonical(tree: etree._Element) -> str | None:
    """The page's canonical address (``<link rel="canonical">``), or None."""
    for link in tree.xpath("//link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return link.get("href").strip()
    return None
