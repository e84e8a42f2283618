"""Web pages to article text and metadata: the headline, then the story without the site.

Three steps. The page is parsed once with lxml and its metadata read
(:mod:`search.reading.html_metadata`). Then everything that is the site rather
than the story is cut from the tree: scripts, styles, ``noscript`` and
templates, forms, navigation, the site's header and footer, sidebars, and blocks
named for cookies, sharing, related links, newsletters or comments, and lists
of links. Last, trafilatura picks the main text from what is left.

Why trafilatura: it is actively maintained, scores at or near the top of the
published main-text extraction benchmarks (ScrapingHub's article-extraction
benchmark, the trafilatura and Bevendorff et al. 2023 evaluations); readability-lxml
does text only and is barely maintained, and selectolax would mean writing and
keeping all of the boilerplate rules ourselves. Its own fallbacks keep whatever
text a short page has, navigation included, which is why the site is cut first:
on a two-line page "Home | News" came out as the headline. Cutting first also
makes pages faster to read, since scripts and menus are most of a real page's
weight. It is imported here, lazily, so reading plain-text corpora never pays its
import cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.reading.html_metadata import read_metadata

# Elements that are never the story's text.
_NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "textarea",
    "dialog",
)
# Elements and roles that hold the site, not the story.
_SITE_PARTS = ("nav", "header", "footer", "aside", "menu")
_SITE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
)
# Words in a class or id that name a part of the site ("cookie-banner", "relatedLinks").
_SITE_WORDS = frozenset(
    """nav navbar navigation menu breadcrumb breadcrumbs cookie cookies consent gdpr
    share sharing social related recommended recirculation newsletter subscribe
    subscription signup promo advert advertisement ad ads sponsored sidebar comments
    comment header masthead logo skip paywall popup modal outbrain taboola footer topbar toolbar
    tags""".split()  # noqa: SIM905
)
_INLINE = frozenset(
    """a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong
    sub sup time tt u var wbr""".split()  # noqa: SIM905
)
_KEEP = frozenset({"html", "body", "article", "main"})
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Blocks that are mostly links with short anchors are menus and link lists.
_LINK_SHARE = 0.8
# trafilatura's own threshold (MIN_EXTRACTED_SIZE) for text it trusts.
_SHORT_PAGE = 250
_LINK_BLOCKS = frozenset({"ul", "ol", "div", "p", "span", "section", "table"})
# Characters lxml refuses (NUL, other C0 controls, lone surrogates); never text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ONE_LINE = re.compile(r"\s*\n\s*")
# Text between links longer than this is a sentence, not a label.
_MAX_LABEL = 60
_LETTERS = re.compile(r"\w")
_MIN_LINKS = 2


@dataclass(frozen=True)
class Page:
    """What a web page holds: its text (title first, then paragraphs) and metadata.

    ``origins`` says where each metadata field came from: ``meta``, ``title``,
    ``heading`` or ``byline``.
    """

    text: str
    source: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    origins: dict[str, str] = field(default_factory=dict)


def extract_page(html: str) -> Page:
    """Extract the article's headline, text and metadata from a web page.

    Args:
        html: the page's markup, decoded.

    Returns:
        A Page whose text has the headline as its first paragraph and one paragraph
        per block of the story after it, separated by blank lines. Pages where no
        main text is found keep all the visible text that is not site furniture.
    """
    html = _NOT_XML.sub("", html)
    tree = _parse(html)
    if tree is None:
        return Page(text=_strip_tags(html))
    parsed = tree.xpath("string-length(normalize-space(/))")
    found = read_metadata(tree)
    heading = found.heading_text
    _cut_site(tree, found.heading)
    _unwrap_lines(tree)
    blocks = _main_text(tree)
    title = found.title or ""
    blocks = _without_heading(blocks, {title.casefold(), heading.casefold()} - {""})
    while blocks and found.source and blocks[0].casefold() == found.source.casefold():
        blocks.pop(0)
    if not blocks:
        # The parser gives up on markup nested thousands deep: keep the text it lost.
        # Otherwise a title over nothing but site furniture is no article.
        text = _strip_tags(html)
        lost = len(" ".join(text.split())) > 2 * parsed + 20
        return Page(text=text if lost else "")
    text = "\n\n".join([title, *blocks] if title else blocks)
    return Page(
        text=text,
        source=found.source,
        author=found.author,
        date=found.date,
        url=found.url,
        origins=found.origins,
    )


def _parse(html: str):
    import lxml.html
    from lxml import etree

    # lxml refuses str input that declares an encoding; the text is decoded already.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None
    return tree


def _strip_tags(html: str) -> str:
    text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", html)
    text = re.sub(r"(?s)<[^>]*>", "\n", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _cut_site(tree, heading) -> None:
    """Remove everything that belongs to the site rather than the story, in place.

    A part that holds the article's heading or the article itself stays (sites put
    the ``<h1>`` in a ``<header>`` of the article, or the whole page in a
    ``<div class="sidebar-layout">``).
    """
    from lxml import etree

    keep = set()
    if heading is not None:
        keep.add(heading)
        keep.update(heading.iterancestors())
    for tag in ("article", "main"):
        for element in tree.iter(tag):
            keep.add(element)
            keep.update(element.iterancestors())
    # Named parts first, so a wrapper is judged by what is left in it: a menu of
    # 300 links beside a two-line story must not make the story's wrapper a menu.
    for is_site_part in (_is_named_site_part, _is_link_list):
        doomed = []
        for element in tree.iter():
            if not isinstance(element.tag, str):
                if isinstance(element, etree._Comment | etree._ProcessingInstruction):
                    doomed.append(element)
                continue
            if element not in keep and element.tag not in _KEEP and is_site_part(element):
                doomed.append(element)
        for element in doomed:
            _drop(element)


def _unwrap_lines(tree) -> None:
    """Join the lines of hand-wrapped markup: a browser shows a newline in a paragraph's
    source as a space, and the text keeps one paragraph per block (``<pre>`` aside)."""
    preformatted = {inner for pre in tree.iter("pre") for inner in pre.iter()}
    for element in tree.iter():
        if element in preformatted or not isinstance(element.tag, str):
            continue
        if element.text and "\n" in element.text:
            element.text = _ONE_LINE.sub(" ", element.text)
        if element.tail and "\n" in element.tail and element.getparent() not in preformatted:
            element.tail = _ONE_LINE.sub(" ", element.tail)


def _is_named_site_part(element) -> bool:
    return element.tag in _NEVER_TEXT or element.tag in _SITE_PARTS or _names_site(element)


def _names_site(element) -> bool:
    if (element.get("role") or "").lower() in _SITE_ROLES:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not names.strip():
        return False
    return any(word.lower() in _SITE_WORDS for word in _CLASS_WORD.findall(names))


def _is_link_list(element) -> bool:
    """A block of short links with nothing but labels and separators between them."""
    if element.tag not in _LINK_BLOCKS:
        return False
    links = element.xpath(".//a")
    if len(links) < _MIN_LINKS:
        return False
    unlinked = element.xpath(".//text()[not(ancestor::a)]")
    if any(len(text.strip()) > _MAX_LABEL for text in unlinked):
        return False
    # Letters and digits only: the " | " between menu links is not the page's text.
    letters = len(_LETTERS.findall("".join(element.itertext())))
    if not letters:
        return False
    anchors = ["".join(a.itertext()) for a in links]
    linked = sum(len(_LETTERS.findall(a)) for a in anchors)
    short = sum(len(a.split()) for a in anchors) / len(anchors) <= 6
    return short and linked >= _LINK_SHARE * letters


def _drop(element) -> None:
    """Remove an element but keep the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _main_text(tree) -> list[str]:
    """The story's blocks: trafilatura's choice, or every block left on a short page.

    Below a few hundred characters trafilatura falls back on a baseline that splits
    sentences at their links ("its", "chair", "said."); what is left of a short page
    once the site is cut is the story, so its blocks are taken as they are. Its
    other fallback extractors are off: on a page without the site they add nothing.
    """
    import trafilatura

    text = ""
    try:
        doc = trafilatura.bare_extraction(
            tree, fast=True, with_metadata=False, include_comments=False, include_tables=True
        )
        text = (doc.text or "") if doc is not None else ""
    except Exception:  # trafilatura/lxml raise assorted errors on malformed markup
        text = ""
    if len(text) < _SHORT_PAGE:
        return _visible_blocks(tree)
    return [line.strip() for line in text.split("\n") if line.strip()]


def _visible_blocks(tree) -> list[str]:
    """The text of every block element left in the page, inline elements kept whole
    and the lines of ``<pre>`` one a block."""
    from lxml import etree

    blocks: list[str] = []
    line: list[str] = []

    def flush(preformatted: bool = False) -> None:
        for text in "".join(line).split("\n") if preformatted else [" ".join(line)]:
            text = " ".join(text.split())
            if text:
                blocks.append(text)
        line.clear()

    body = tree.find("body")
    for event, element in etree.iterwalk(tree if body is None else body, events=("start", "end")):
        if not isinstance(element.tag, str):
            if event == "end" and element.tail:
                line.append(element.tail)
            continue
        is_block = element.tag not in _INLINE
        if event == "start":
            if is_block:
                flush()
            if element.text:
                line.append(element.text)
        else:
            if is_block:
                flush(preformatted=element.tag == "pre")
            if element.tail and element is not body:
                line.append(element.tail)
    flush()
    return blocks


def _without_heading(blocks: list[str], headings: set[str]) -> list[str]:
    """The blocks after the headline where the text repeats it near its start.

    What comes before it there is the site's (a section name, a menu that was not
    marked up as one) unless it is long enough to be the story's own text.

    Args:
        blocks: the page's text blocks.
        headings: the headline and the article's ``<h1>``, case-folded.
    """
    repeats = [i for i, block in enumerate(blocks[:8]) if block.casefold() in headings]
    if not repeats:
        return blocks
    if sum(len(b.split()) for b in blocks[: repeats[0]]) <= 25:
        return [b for b in blocks[repeats[0] + 1 :] if b.casefold() not in headings]
    return [b for i, b in enumerate(blocks) if i not in repeats]
