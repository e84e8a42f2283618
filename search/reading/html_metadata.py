"""What a web page states about its article: headline, site, author, date and address.

Sites state these in several places at once, and not all of them are the
article's own words: ``<title>`` is what the browser tab shows, often shortened
("Harbour deal") or decorated with the site's name ("Headline | Coastal
Courier", "BBC News - Headline"), while Open Graph, Twitter cards, JSON-LD and
the ``<h1>`` of the article carry the headline as written. So the headline comes
from those first, ``<title>`` last, and a ``<title>`` that holds the headline
plus a short remainder gives that remainder as the site's name when the page
does not name itself (``og:site_name``, the JSON-LD publisher).

Meta tags and JSON-LD are read by :mod:`search.reading.page_tags`. All of it is
read from the parsed page with a few XPath look-ups (about a millisecond on
a 250 KB page), rather than with trafilatura's metadata pass, which also searches
the whole text for dates and costs as much as extracting the text itself.
Every field says where it came from: ``meta`` (meta tags, JSON-LD, ``<time>``),
``title`` (the ``<title>`` element), ``heading`` (the article's ``<h1>``) or
``byline`` (a "By ..." line on the page).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from lxml import etree

from search.reading import metadata, page_tags

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+|:\s+")
_WORD = re.compile(r"\w+")
_ARTICLE_ROOTS = (
    "//article",
    "//*[@itemprop='articleBody']",
    "//main",
    "//*[@role='main']",
)
_OUTSIDE_ARTICLE = {"header", "nav", "footer", "aside"}
_MAX_SITE_WORDS = 6
# How many elements from the top of the article a byline may be.
_BYLINE_REACH = 400
_BY = re.compile(r"(?i)(?:by|author)\b")
_NOT_SHOWN = frozenset({"script", "style", "noscript", "template", "button", "svg"})
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong "  # noqa: SIM905
    "sub sup time tt u var wbr".split()
)
_CHROME = (
    "//header | //footer | //*[contains(@class, 'header') or contains(@class, 'footer')"
    " or contains(@class, 'logo') or contains(@class, 'masthead') or contains(@class, 'brand')"
    " or contains(@id, 'header') or contains(@id, 'footer') or contains(@id, 'logo')]"
)


@dataclass
class PageMetadata:
    """The article's metadata as the page states it, each field with its origin."""

    title: str | None = None
    source: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    # The ``<h1>`` element chosen as the article's heading, if any (to keep it
    # when navigation around it is removed).
    heading: etree._Element | None = None
    heading_text: str = ""
    origins: dict[str, str] = field(default_factory=dict)


def read_metadata(tree: etree._Element) -> PageMetadata:
    """The headline, site, author, date and address a parsed page states.

    Args:
        tree: the page parsed by ``lxml.html``, before anything is removed from it.

    Returns:
        A PageMetadata; fields the page does not state are None.
    """
    meta = page_tags.meta_tags(tree)
    ld = page_tags.json_ld(tree)
    found = PageMetadata()
    site = page_tags.first(meta, page_tags.SITE_META) or ld.get("publisher")
    if site:
        found.source, found.origins["source"] = site, "meta"
    page_title = page_tags.clean(" ".join(tree.xpath("//title[1]//text()")))
    heading = _article_heading(tree, site, page_title)
    found.heading = heading
    heading_text = shown_text(heading) if heading is not None else ""
    found.heading_text = heading_text
    title, origin = _choose_title(
        [
            (page_tags.first(meta, page_tags.TITLE_META[:1]), "meta"),
            (ld.get("headline"), "meta"),
            (page_tags.first(meta, page_tags.TITLE_META[1:]), "meta"),
            (heading_text, "heading"),
        ],
        page_title,
        site,
    )
    if not site and page_title:
        headline = title if origin != "title" else ""
        site = _site_in_title(page_title, headline, _headings(tree)) or _site_in_chrome(
            tree, page_title
        )
        if site:
            found.source, found.origins["source"] = site, "title"
            if origin == "title":
                title = _without_site(page_title, site) or page_title
    if title:
        found.title, found.origins["title"] = title, origin
    author = ld.get("author") or page_tags.author_meta(meta)
    if author:
        found.author, found.origins["author"] = author, "meta"
    else:
        byline = _byline(tree, heading)
        if byline and byline.author:
            found.author, found.origins["author"] = byline.author, "byline"
        if byline and byline.site and not found.source:
            found.source, found.origins["source"] = byline.site, "byline"
    date = page_tags.iso_date(ld.get("date")) or page_tags.first_date(meta) or _time_element(tree)
    if date:
        found.date, found.origins["date"] = date, "meta"
    url = page_tags.canonical(tree) or page_tags.first(meta, page_tags.URL_META) or ld.get("url")
    if url and url.startswith(("http://", "https://")):
        found.url, found.origins["url"] = url, "meta"
    return found


def shown_text(element: etree._Element) -> str:
    """An element's text on one line as a browser shows it: inline pieces joined as
    written ("<b>Har</b>bour" is "Harbour"), a line break or a block as a space, and
    buttons, scripts and styles left out (rustdoc's "Copy item path")."""
    parts: list[str] = []
    _collect(element, parts)
    return page_tags.clean("".join(parts))


def _collect(element: etree._Element, parts: list[str]) -> None:
    if element.tag in _NOT_SHOWN:
        return
    if element.tag not in _INLINE_TAGS:
        parts.append(" ")
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)
    if element.tag not in _INLINE_TAGS:
        parts.append(" ")


def _article_heading(
    tree: etree._Element, site: str | None, page_title: str
) -> etree._Element | None:
    """The ``<h1>`` of the article: inside its ``<article>`` or ``<main>``, or on a page
    without either the first one outside the page's navigation, footer and sidebars
    that is not the site's logo. One in the page's ``<header>`` counts only where
    ``<title>`` agrees with it (there it is as often the site's name or its section's)."""
    roots = [root for path in _ARTICLE_ROOTS for root in tree.xpath(path)]
    for root in roots:
        for h1 in root.iter("h1"):
            if _heading_text(h1, site):
                return h1
    if roots:
        # Where the page marks its article, an <h1> outside it is the site's.
        return None
    title_words = set(_WORD.findall(_without_site(page_title, site).casefold()))
    for h1 in tree.iter("h1"):
        tags = {a.tag for a in h1.iterancestors()}
        text = _heading_text(h1, site)
        if not text or tags & _OUTSIDE_ARTICLE - {"header"} or _is_logo(h1):
            continue
        if "header" not in tags or (
            title_words
            and _overlap(" ".join(title_words), set(_WORD.findall(text.casefold()))) >= 0.5
        ):
            return h1
    return None


def _is_logo(h1: etree._Element) -> bool:
    names = f"{h1.get('class') or ''} {h1.get('id') or ''}".lower()
    return "logo" in names or "brand" in names or bool(h1.xpath(".//a[@href='/']"))


def _heading_text(h1: etree._Element, site: str | None) -> str:
    text = shown_text(h1)
    return "" if not text or (site and text.casefold() == site.casefold()) else text


def _choose_title(
    candidates: list[tuple[str | None, str]], page_title: str, site: str | None
) -> tuple[str | None, str]:
    """The article's own headline when the page states one, else ``<title>`` without
    the site's name; each stripped of a site name it carries."""
    for text, origin in candidates:
        text = _without_site(page_tags.clean(text), site)
        if text and not (site and text.casefold() == site.casefold()):
            return text, origin
    if not page_title:
        return None, ""
    return _without_site(page_title, site) or page_title, "title"


def _without_site(title: str, site: str | None) -> str:
    """``title`` without a known site name (or, if none is known, one that looks like a
    site) at either end."""
    if not title:
        return ""
    if site:
        for sep in _SEPARATORS.finditer(title):
            head, tail = title[: sep.start()], title[sep.end() :]
            if tail.casefold() == site.casefold():
                return head.strip()
            if head.casefold() == site.casefold():
                return tail.strip()
        return title
    return metadata.split_site(title)[0]


def _site_in_title(page_title: str, headline: str, headings: set[str]) -> str | None:
    """The site a ``<title>`` names besides the headline: "Headline | Site",
    "Site - Headline", "Headline - Section - Site"; or the whole ``<title>`` when it is
    only a site's name and the headline is stated elsewhere."""
    pieces = [p.strip() for p in _SEPARATORS.split(page_title) if p.strip()]
    if len(pieces) > 1 and headline:
        words = set(_WORD.findall(headline.casefold()))
        match = [_overlap(piece, words) >= 0.8 for piece in pieces]
        if match[0] and not match[-1]:
            return _short_site(pieces[-1])
        if match[-1] and not match[0]:
            return _short_site(pieces[0])
    only_site = len(pieces) == 1 and headline and page_title.casefold() != headline.casefold()
    if only_site and _overlap(page_title, set(_WORD.findall(headline.casefold()))) < 0.5:
        return metadata.site_name(page_title)
    if not headline and len(pieces) > 1 and headings:
        if pieces[0].casefold() in headings and pieces[-1].casefold() not in headings:
            return _short_site(pieces[-1])
        if pieces[-1].casefold() in headings and pieces[0].casefold() not in headings:
            return _short_site(pieces[0])
    head, bar, tail = page_title.rpartition(" | ")
    if not headline and bar and len(head.split()) >= 2 and tail[:1].isupper():
        return _short_site(tail)
    return metadata.split_site(page_title)[1]


def _headings(tree: etree._Element) -> set[str]:
    """The first headings of the article (or of the page outside its header, navigation,
    footer and sidebars), case-folded."""
    roots = [root for path in _ARTICLE_ROOTS for root in tree.xpath(path)] or tree.xpath("//body")
    found = set()
    for root in roots[:3]:
        for h in root.xpath("(.//h1 | .//h2 | .//h3)[position() <= 20]"):
            if not any(a.tag in _OUTSIDE_ARTICLE for a in h.iterancestors()):
                found.add(shown_text(h).casefold())
    return found


def _site_in_chrome(tree: etree._Element, page_title: str) -> str | None:
    """A short piece at either end of ``<title>`` that the page's header, footer or
    logo also shows ("Harbour Watch - Ferry fares rise" with "© 2025 Harbour Watch")."""
    pieces = [p.strip() for p in _SEPARATORS.split(page_title) if p.strip()]
    if len(pieces) < 2:
        return None
    chrome = " ".join(
        " ".join(element.itertext()) + " " + " ".join(element.xpath(".//img/@alt"))
        for element in tree.xpath(_CHROME)
    ).casefold()
    chrome = " ".join(chrome.split())
    for piece in (pieces[-1], pieces[0]):
        if _short_site(piece) and piece.casefold() in chrome:
            return piece
    return None


def _overlap(piece: str, words: set[str]) -> float:
    own = set(_WORD.findall(piece.casefold()))
    return len(own & words) / len(own) if own else 0.0


def _short_site(piece: str) -> str | None:
    return piece if piece[:1].isalnum() and len(piece.split()) <= _MAX_SITE_WORDS else None


def _byline(tree: etree._Element, heading: etree._Element | None) -> metadata.Byline | None:
    """A "By Jane Doe" line or an author link near the top of the article: among the
    first elements after the heading's parent or the article's start, one marked as the
    author's (rel, itemprop, class) or whose text starts with "By"."""
    roots = [heading.getparent()] if heading is not None and heading.getparent() is not None else []
    roots += [r for path in _ARTICLE_ROOTS for r in tree.xpath(path)][:1]
    for root in roots:
        for element in itertools.islice(root.iter(), _BYLINE_REACH):
            if not isinstance(element.tag, str) or element.tag in _NOT_SHOWN:
                continue
            if _marks_author(element):
                text = shown_text(element)
                line = text if _BY.match(text) else f"By {text}"
            elif element.text and _BY.match(element.text.lstrip()):
                line = shown_text(element)
                if len(line.split()) < 2 and element.getparent() is not None:
                    line = shown_text(element.getparent())
            else:
                continue
            found = metadata.find_byline([line], limit=1) if 3 < len(line) < 80 else None
            if found:
                return found
    return None


def _marks_author(element: etree._Element) -> bool:
    names = (element.get("class") or "").lower()
    return (
        element.get("rel") == "author"
        or element.get("itemprop") == "author"
        or "author" in names
        or "byline" in names
    )


def _time_element(tree: etree._Element) -> str | None:
    """The date of the article's first ``<time datetime>``."""
    for path in _ARTICLE_ROOTS:
        for root in tree.xpath(path):
            for time in root.iter("time"):
                date = page_tags.iso_date(time.get("datetime"))
                if date:
                    return date
    return None
