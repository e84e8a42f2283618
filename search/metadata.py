"""Article metadata stated in the text: title, source/publisher, author, date, url.

Dates are parsed by dateparser, but only on a few short candidate lines near the
top of an article that already look like a date (a year plus a month name or a
numeric date): dateparser costs about a millisecond a call and is imported only
when such a line exists. The precision of the ISO string follows what the text
states: "2025-01-14T11:12", "2024-07-20" or "2024-07".
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from search.chrome import is_copyright_line

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
_MONTH_NAME = re.compile(rf"\b(?:{_MONTHS})\b", re.IGNORECASE)
_MAX_DATE_LINE = 48
_BYLINE = re.compile(
    r"^(?i:by|author|written\s+by|posted\s+by)\s*:?\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
    r"(?:\s*[,|–—-].*)?$"
)
_TITLE_BYLINE = re.compile(
    r"(?:^|\b(?i:analysis|opinion|commentary|article|op-ed|interview|column|review|essay|"
    r"written|posted|report)\s+)by\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\s*$"
)
_DOMAIN_NAME = re.compile(r"^[A-Za-z][\w-]*(?:\.[A-Za-z]{2,})+$")
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


def find_byline(paras: list[str], limit: int = 4) -> tuple[int, str] | None:
    """A "By Name" / "Author: Name" paragraph among the first ``limit``.

    Args:
        paras: an article's paragraphs (title excluded).
        limit: how many leading paragraphs to look at.

    Returns:
        (index, author name) or None.
    """
    for i, para in enumerate(paras[:limit]):
        if len(para) < 80:
            m = _BYLINE.match(para)
            if m:
                return i, m.group("name")
    return None


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
    """Separate a site name appended to a headline ("Headline | Coastal Courier").

    Args:
        title: a heading line.

    Returns:
        The headline and the site name, or the title unchanged and None.
    """
    head, sep, tail = title.rpartition(" | ")
    tail = tail.strip()
    if sep and tail and tail.count(" ") < 4 and head.count(" ") >= 2:
        return head, tail
    return title, None


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


def find_source(lines: list[str], text: str) -> str | None:
    """The publisher a file states in a copyright line or a masthead in capitals.

    Args:
        lines: the file's lines before chrome removal.
        text: the whole normalised text (to choose the publisher's own spelling).

    Returns:
        The publisher's name or None.
    """
    low = text.lower()
    has_notice = "©" in text or "copyright" in low or "(c)" in low
    name = (_from_copyright(lines) if has_notice else None) or _from_masthead(lines)
    return _preferred_spelling(name, text) if name else None


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
    filled = (line for line in lines if line)
    for line in itertools.islice(filled, 6):
        words = line.split()
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
