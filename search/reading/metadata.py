"""Article metadata stated in the text: title, source/publisher, author, date, url.

Headlines with a site in them, date lines and a bulletin's issue line ("Bulletin No. 7,
March 2025"), bylines ("By Jane Doe and John Roe, Reuters"), copyright notices and
mastheads; news datelines are read in :mod:`search.reading.datelines`. Each finder
reads only what a line states: a field the text does not give stays empty.

Dates are parsed by dateparser, but only on a few short candidate lines near the
top of an article that already look like a date (a year plus a month name or a
numeric date): dateparser costs about a millisecond a call and is imported only
when such a line exists. The precision of the ISO string follows what the text
states: "2025-01-14T11:12", "2024-07-20" or "2024-07".
"""

from __future__ import annotations

import hashlib
import itertools
import re
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from search.reading.chrome import is_copyright_line

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    "|june|july|august|september|october|november|december"
)
_YEAR = r"(?:19|20)\d\d"
_DATE_HINT = re.compile(
    rf"\b(?:{_MONTHS})\b.*\b{_YEAR}\b|\b{_YEAR}\b.*\b(?:{_MONTHS})\b"
    rf"|\b\d{{1,2}}[./-]\d{{1,2}}[./-]{_YEAR}\b|\b{_YEAR}[./-]\d{{1,2}}(?:[./-]\d{{1,2}})?\b"
    rf"|\b(?:{_MONTHS})[-/ ]{_YEAR}\b|\b\d{{1,2}}[./-]{_YEAR}\b",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(
    r"^(?:published|updated|posted|date|dated|last\s+updated)(?:\s+on)?\s*:?\s*", re.IGNORECASE
)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
# The label of a periodical's issue before its date: "Bulletin No. 7," "Issue 12 |".
_ISSUE_LABEL = re.compile(
    r"(?:(?:bulletin|newsletter|digest|report|review|edition|weekly|monthly|quarterly"
    r"|annual|special)\b|(?:issue|no|number|nr|vol|volume|№|#)\.?\s*\d*\b)\.?[\s,:;|/–—-]*",
    re.IGNORECASE,
)
_ISSUE_DATE = re.compile(
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTHS})\.?[\s,-]+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
    rf"{_YEAR}|{_YEAR}[./-]\d{{1,2}}(?:[./-]\d{{1,2}})?|\d{{1,2}}[./-](?:\d{{1,2}}[./-])?{_YEAR}",
    re.IGNORECASE,
)
_MONTH_NAME = re.compile(rf"\b(?:{_MONTHS})\b", re.IGNORECASE)
_MAX_DATE_LINE = 48
_BYLINE = re.compile(
    r"^(?i:by|authors?|written\s+by|posted\s+by|reporting\s+by)\s*:?\s+(?P<credit>.+)$"
)
# One person's name: capitalised words, with the particles names carry ("Ursula von der
# Leyen"), up to five words.
_PERSON = re.compile(
    r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|(?:de|da|di|der|van|von|al|bin|la|le|du)(?=\s)))"
    r"{0,4}"
)
# Words that start a sentence after "By", not a name ("By Monday", "By March 2025");
# April, May and June are names too.
_NOT_NAME = re.compile(
    r"(?i:the|this|that|then|now|today|tomorrow|yesterday|january|february|march|july"
    r"|august|september|october|november|december|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\b"
)
# Between the authors and the site they write for: "By Jane Doe, Reuters", "By Jane Doe
# for Reuters", "By Jane Doe | Reuters".
_CREDIT_SITE = re.compile(r"\s*(?:,|\bfor\b|[|–—]|\s-)\s*")
_AND = re.compile(r"\band\b|&")
_AUTHOR_JOIN = re.compile(r"\s*(?:,|\band\b|&)\s*")
_CREDIT = re.compile(
    r"^(?i:source|via|courtesy\s+of)\s*:\s*(?P<name>[A-Za-z][\w'’&./-]*(?:\s+[A-Za-z][\w'’&./-]*){0,4})$"
)
_TITLE_BYLINE = re.compile(
    r"(?:^|\b(?i:analysis|opinion|commentary|article|op-ed|interview|column|review|essay|"
    r"written|posted|report)\s+)by\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*$"
)
_DOMAIN_NAME = re.compile(r"^[A-Za-z][\w-]*(?:\.[A-Za-z]{2,})+$")
# A site named like its address: "Caliber.Az", "news.am", "eurasianet.org". The last
# label must be a country code or a common generic ending, so "St.Petersburg", a
# missing space ("leadership.Russia"), "Mr." or "3.5" are not sites.
_SITE_DOMAIN = re.compile(
    r"^[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*"
    r"\.(?:[A-Za-z]{2}|(?i:com|org|net|info|news|media|online|press|today|biz|int|gov|edu))$"
)
# Newsroom words that make a short capitalised name a publisher ("BBC News", "OC Media").
_MEDIA_WORDS = frozenset(
    """news newswire times post press media journal gazette herald tribune daily
    wire radio tv television broadcasting network observer guardian telegraph
    chronicle courier monitor express mirror standard insider""".split()  # noqa: SIM905
)
# Agencies and outlets whose name has no newsroom word or dot in it.
_OUTLETS = frozenset(
    """Reuters AP AFP Bloomberg TASS Interfax Xinhua Anadolu APA AZERTAC Azertac Turan
    Armenpress Sputnik CNN BBC Euronews Eurasianet EurasiaNet JAMnews Politico Axios
    Meduza Kommersant RFE/RL Azatutyun Civilnet CivilNet""".split()  # noqa: SIM905
) | {"Al Jazeera", "Anadolu Agency", "Caucasus Watch"}
# Column or format names a site puts after its own name ("Caliber.Az weekly review").
_COLUMN_WORDS = frozenset(
    """weekly daily monthly review digest analysis opinion interview editorial commentary
    column roundup brief briefing summary explainer exclusive podcast video live update
    news""".split()  # noqa: SIM905
)
_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ")
_COPYRIGHT_NAME = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:(?:19|20)\d\d\s*)?(?P<name>.+?)\s*"
    r"(?:©|\(c\)|copyright)?\s*(?:(?:19|20)\d\d)?[\s.,]*(?:all rights reserved\.?)?[\s.]*$",
    re.IGNORECASE,
)
_ORG_WORDS = frozenset(
    """center centre institute agency ministry university foundation council
    association committee news times press post journal gazette herald tribune
    review bureau office service network media group observatory forum""".split()  # noqa: SIM905
)
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "a", "an"})
# Words after which a dotted name is the story's subject, not its publisher ("… at Amazon.com").
_SUBJECT_CUES = _SMALL_WORDS | frozenset(
    "by from with via about against over into onto why how what when where who whether "  # noqa: SIM905
    "that as says said buys sells".split()
)
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|cft\[\d*\]|__cft__\[\d*\]|__tn__|mc_\w+)$")
# Facebook links identify content by path or by these parameters; the rest is tracking.
_FACEBOOK_KEEP = frozenset({"id", "story_fbid", "fbid", "v", "set"})
_TITLE_TRIM = " |–—-:·•"
_MAX_TITLE = 120


def parse_date(text: str) -> str | None:
    """An ISO date string for a line that states a date, at the precision it states.

    Args:
        text: a short line such as "14 January 2025 11:12" or "JULY-2024".

    Returns:
        "YYYY-MM-DDTHH:MM", "YYYY-MM-DD" or "YYYY-MM", or None when the line is no date.
    """
    line = _DATE_PREFIX.sub("", text.strip())
    if len(line) > _MAX_DATE_LINE or not _DATE_HINT.search(line):
        return None
    import dateparser

    parsed = dateparser.parse(
        line.replace("-", " ") if re.fullmatch(rf"[A-Za-z]+-{_YEAR}", line) else line,
        settings={"REQUIRE_PARTS": ["month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    if parsed is None:
        return None
    if _TIME.search(line):
        return parsed.strftime("%Y-%m-%dT%H:%M")
    numbers = re.findall(r"\d+", _TIME.sub(" ", line))
    # A day is stated when there is a number besides the year (and the month, when
    # the month is a number too): "14 January 2025", "2024-07-20"; not "2024-07".
    if len(numbers) >= (2 if _MONTH_NAME.search(line) else 3):
        return parsed.strftime("%Y-%m-%d")
    return parsed.strftime("%Y-%m")


def find_date(paras: list[str], limit: int = 4) -> tuple[int, str] | None:
    """The first paragraph among the first ``limit`` that is only a date.

    Args:
        paras: an article's paragraphs (title excluded).
        limit: how many leading paragraphs to look at.

    Returns:
        (index, ISO date) or None.
    """
    for i, para in enumerate(paras[:limit]):
        if len(para) <= _MAX_DATE_LINE + 16:
            iso = parse_date(para)
            if iso:
                return i, iso
    return None


def issue_date(line: str) -> str | None:
    """The date of a bulletin's issue line: "Bulletin No. 7, March 2025", "Issue 12 |
    14 July 2024", "Weekly digest – JULY-2024".

    Only a line that is a periodical's label followed by nothing but a date counts, so a
    headline that mentions a month ("Review: March 2025 was the warmest") is no date.

    Args:
        line: a short line near the top of a file.

    Returns:
        The ISO date at the precision stated, or None.
    """
    rest = line.strip()
    if len(rest) > _MAX_DATE_LINE + 16:
        return None
    labelled = False
    while m := _ISSUE_LABEL.match(rest):
        if not m.group():
            break
        rest, labelled = rest[m.end() :], True
    return parse_date(rest) if labelled and _ISSUE_DATE.fullmatch(rest) else None


def find_issue_date(paras: list[str], limit: int = 4) -> tuple[int, str] | None:
    """The first bulletin issue line (see :func:`issue_date`) among the first ``limit``.

    Args:
        paras: paragraphs at the top of a file or an article.
        limit: how many leading paragraphs to look at.

    Returns:
        (index, ISO date) or None.
    """
    for i, para in enumerate(paras[:limit]):
        iso = issue_date(para)
        if iso:
            return i, iso
    return None


class Byline(NamedTuple):
    """A credit line near the top of an article: who wrote it, for which site."""

    index: int
    author: str | None
    site: str | None


def find_byline(paras: list[str], limit: int = 4) -> Byline | None:
    """A credit paragraph among the first ``limit``: "By Name", "Author: Name",
    "By Name, Site" or "Source: Site".

    Args:
        paras: an article's paragraphs (title excluded).
        limit: how many leading paragraphs to look at.

    Returns:
        The paragraph's index, the author and the site it names (either may be None
        but not both), or None.
    """
    for i, para in enumerate(paras[:limit]):
        if len(para) >= 120:
            continue
        m = _BYLINE.match(para)
        credit = _read_credit(m.group("credit").strip(" .")) if m else None
        if credit:
            return Byline(i, *credit)
        if len(para) >= 80:
            continue
        m = _CREDIT.match(para)
        name = m.group("name").rstrip(".") if m else ""
        if name[:1].isupper() or site_name(name, strict=True):
            return Byline(i, None, name)
    return None


def _read_credit(credit: str) -> tuple[str | None, str | None] | None:
    """(authors, site) a credit after "By" names, or None when it names neither.

    "Jane Doe", "Jane Doe and John Roe, Reuters", "Jane Doe, Staff Writer" (a job title
    is no site), "Reuters" (a site alone). Several authors are kept as written.
    """
    whole = site_name(credit, strict=True)
    if whole:
        return None, whole
    names, site = credit, None
    for m in reversed(list(_CREDIT_SITE.finditer(credit))):
        found = site_name(credit[m.end() :])
        if found and m.start() > 0:
            names, site = credit[: m.start()], found
            break
    # Several authors: "A and B", "A, B and C"; what follows them after a comma is a
    # job title or a place ("A and B, Staff Writers").
    listed = names.split(",")
    last = max((i for i, piece in enumerate(listed) if _AND.search(piece)), default=None)
    if last is not None:
        authors = ",".join(listed[: last + 1])
        if all(_is_person(name) for name in _AUTHOR_JOIN.split(authors)):
            return " ".join(authors.split()), site
    first = _CREDIT_SITE.split(names, maxsplit=1)[0]
    # One author; after it comes a job title or a place, not a sentence ("By Monday,
    # parliament had voted").
    if not _is_person(first) or len(names[len(first) :].split()) > 4:
        return None
    return first, site


def _is_person(name: str) -> bool:
    """A name of two words or more ("Jan Novak"), not a sentence's opening words."""
    return bool(_PERSON.fullmatch(name)) and " " in name and not _NOT_NAME.match(name)


def author_in_title(title: str) -> str | None:
    """The author a headline names at its end ("... Analysis by Farhad Mammadov").

    Args:
        title: the article's title.

    Returns:
        The author's name or None.
    """
    m = _TITLE_BYLINE.search(title)
    return m.group("name") if m else None


def clean_title(title: str) -> str:
    """A title without site separators at its ends, shortened to a readable length.

    Args:
        title: a heading line.

    Returns:
        The trimmed title.
    """
    title = title.strip(_TITLE_TRIM + " ")
    if len(title) > _MAX_TITLE:
        title = title[:_MAX_TITLE].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return title


def split_site(title: str) -> tuple[str, str | None]:
    """Separate a site name a headline carries at its end or start.

    "Headline | Coastal Courier", "Headline - BBC News", "Caliber.Az: Headline",
    "Headline Caliber.Az weekly review". After " | " any short name counts; after a
    dash, a colon or with no separator at all the name must look like a site (see
    ``site_name``), so "… – scorpions in Baku show Washington" keeps its words.

    Args:
        title: a heading line.

    Returns:
        The headline and the site name, or the title unchanged and None.
    """
    title = title.strip()
    for sep in _SITE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        tail = tail.strip()
        if not found or not tail or head.count(" ") < 2:
            continue
        is_column = all(w.lower() in _COLUMN_WORDS for w in tail.split())
        if sep == " | " and tail.count(" ") < 4 and tail[0].isupper() and not is_column:
            return head, site_name(tail) or tail
        site = site_name(tail)
        if site:
            return head, site
    for sep in (*_SITE_SEPARATORS, ": "):
        head, found, rest = title.partition(sep)
        site = site_name(head) if found else None
        if site and rest.strip().count(" ") >= 2:
            return rest.strip(), site
    return _trailing_domain(title)


def site_name(text: str, *, strict: bool = False) -> str | None:
    """The site a short piece of a title or byline names, or None if it is no site.

    A site is a domain-like name ("Caliber.Az", "news.am"), a known agency
    ("Reuters", "AFP") or, unless ``strict``, up to five capitalised words with a
    newsroom word among them ("BBC News", "OC Media"). Column names after the site
    ("weekly review") are dropped. Places and ordinary words ("Baku", "Staff
    Writer", "Mr. Smith", "3.5") are not sites.

    Args:
        text: the candidate, e.g. the part of a title after its last " - ".
        strict: accept only domain-like names and known agencies (for a name that
            could also be a person's, as in "By Jane Post").

    Returns:
        The site's name as written, or None.
    """
    words = text.strip(_TITLE_TRIM + " .").split()
    while words:
        site = _is_site(words, strict=strict)
        if site or len(words) == 1 or words[-1].lower() not in _COLUMN_WORDS:
            return site
        words = words[:-1]
    return None


def _is_site(words: list[str], *, strict: bool) -> str | None:
    if not words or len(words) > 5:
        return None
    name = " ".join(words)
    if name in _OUTLETS or (len(words) == 1 and _SITE_DOMAIN.match(name)):
        return name
    if strict or not words[0][0].isupper():
        return None
    if len(words) == 1:
        # "Euronews", "JAMnews": one word ending in "news" ("Sinews" is too short).
        return name if re.fullmatch(r"[A-Z][A-Za-z]{2,}news", name) else None
    capitalised = all(
        re.fullmatch(r"[\w'’&/.-]+", w) and (w[0].isupper() or w in _SMALL_WORDS) for w in words
    )
    low = [w.lower() for w in words]
    # The newsroom word ends the name ("BBC News", "Trend News Agency") or comes
    # before "of" ("Times of India"); "Shusha Global Media Forum" is an event.
    named_as_media = (
        low[-1] in _MEDIA_WORDS
        or low[-2:] in (["news", "agency"], ["press", "agency"])
        or any(w in _MEDIA_WORDS and nxt == "of" for w, nxt in itertools.pairwise(low))
    )
    only_column_words = all(w in _COLUMN_WORDS | _SMALL_WORDS for w in low)
    return name if capitalised and named_as_media and not only_column_words else None


def _trailing_domain(title: str) -> tuple[str, str | None]:
    """A domain-like site near the end of a title with no separator before it.

    Only column words may follow it ("… Asian tour Caliber.Az weekly review"), and
    it must not read as the story's subject ("Shares fall at Amazon.com").
    """
    words = title.split()
    end = len(words)
    while end > 1 and words[end - 1].lower() in _COLUMN_WORDS:
        end -= 1
    if end < 4 or len(words) - end > 3:
        return title, None
    site = words[end - 1]
    if not _SITE_DOMAIN.match(site) or words[end - 2].lower() in _SUBJECT_CUES:
        return title, None
    return " ".join(words[: end - 1]), site


def derived_title(paragraph: str) -> str:
    """A title for text without a heading: its first sentence, shortened.

    Args:
        paragraph: the article's first paragraph.

    Returns:
        A one-line title.
    """
    m = re.match(r"(.+?[.!?])(?:\s|$)", paragraph)
    sentence = m.group(1) if m else paragraph
    return clean_title(sentence.rstrip("."))


def is_heading(paragraph: str) -> bool:
    """Whether a paragraph reads as a headline rather than a sentence of prose.

    Args:
        paragraph: one paragraph.

    Returns:
        True for short lines that do not end like a sentence.
    """
    return (
        len(paragraph) <= 250
        and paragraph.count(" ") < 35
        and (paragraph.endswith(("...", "…")) or not paragraph.endswith((".", ",", ";", ":")))
    )


def stated_source(lines: list[str], text: str) -> tuple[str, str] | None:
    """The publisher a file states and where: ``("Caliber.Az", "copyright")`` for a
    copyright line, ``(..., "header")`` for a masthead among the first lines (an
    organisation's name in capitals, or a site's own name such as "Caliber.Az").

    Args:
        lines: the file's lines before chrome removal.
        text: the whole normalised text (to choose the publisher's own spelling).

    Returns:
        (name, origin) or None.
    """
    low = text.lower()
    has_notice = "©" in text or "copyright" in low or "(c)" in low
    name = _from_copyright(lines) if has_notice else None
    origin = "copyright"
    if not name:
        name, origin = _from_masthead(lines), "header"
    return (_preferred_spelling(name, text), origin) if name else None


def _from_copyright(lines: list[str]) -> str | None:
    for line in lines:
        if line and is_copyright_line(line):
            m = _COPYRIGHT_NAME.match(line)
            name = m.group("name").strip(" .,") if m else ""
            if name and name.count(" ") < 6 and not name.isdigit():
                return name
    return None


def _from_masthead(lines: list[str]) -> str | None:
    """An organisation's name in capitals among the first lines of a file."""
    filled = (line.strip() for line in lines if line.strip())
    for line in itertools.islice(filled, 6):
        words = line.split()
        if len(words) <= 3 and site_name(line, strict=True) == line:
            return line
        is_caps = 2 <= len(words) <= 10 and line.isupper() and line.isascii()
        if is_caps and any(w.lower() in _ORG_WORDS for w in words):
            return " ".join(
                w.lower() if i and w.lower() in _SMALL_WORDS else w.capitalize()
                for i, w in enumerate(words)
            )
    return None


def _preferred_spelling(name: str, text: str) -> str:
    """Sites write their own name in lowercase in chrome; prefer the capitalised form."""
    if not _DOMAIN_NAME.match(name):
        return name
    variants = set(re.findall(re.escape(name), text, re.IGNORECASE))
    return max(variants, key=lambda v: (sum(c.isupper() for c in v), v), default=name)


def clean_url(url: str) -> str:
    """A link without tracking parameters (utm_*, fbclid, Facebook's cft[0], ...).

    Args:
        url: a web address.

    Returns:
        The same address with tracking query parameters removed.
    """
    parts = urlsplit(url)
    if not parts.query:
        return url
    facebook = parts.hostname is not None and parts.hostname.endswith("facebook.com")
    kept = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(k) and (not facebook or k in _FACEBOOK_KEEP)
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def content_hash(title: str, body: str) -> str:
    """What makes two articles the same text, whatever file or format they came from."""
    return hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()
