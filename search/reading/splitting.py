"""Splitting one file's paragraphs into the articles it holds.

The rules are tried in order and are about document shape, not about particular
files:

1. **Table of contents**: a run of contents entries ("I. Title", "2) Title ... 7",
   or short lines after a "Contents" heading) whose titles reappear later as
   headings; each heading starts an article.
2. **Numbered sections**: headings numbered 1, 2, 3 ... or I, II, III ... in
   sequence, each followed by a real body, with only cover lines (title, date,
   publisher, a contents list) before the first one. A numbered list inside an
   article (items without bodies, or an introduction before item 1) is not a split.
3. **Feed**: posts separated by lines that are only a web address. Each link
   belongs to the post it ends (or starts, when the file opens with a link).
   One link line is a story's address, not a feed.
4. Otherwise the file is **one story**.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from search.reading.cleaning import is_url_line

_ENTRY = re.compile(r"^(?:[-*•–]\s*)?(?P<num>[IVXLC]{1,6}|\d{1,2})[.)]\s+(?P<title>\S.*)$")
# A page number after a contents entry: "Title ........ 7" or "Title 7".
_PAGE_AFTER = re.compile(r"(?:\s*\.{2,}\s*|\s+)\d{1,4}$")
_CONTENTS = re.compile(r"^(?:table\s+of\s+)?contents:?$", re.IGNORECASE)
_LABELLED_URL = re.compile(
    r"^(?:(?:source|url|link|original|via|read more(?: at)?)\s*:?\s*)?<?(?P<url>https?://\S+?)>?$",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_MAX_HEADING_WORDS = 25
# A section needs this many words of body to count as an article of its own.
_MIN_SECTION_WORDS = 25
# A paragraph of this many words ending like a sentence is prose, not a cover line.
_PROSE_WORDS = 12


@dataclass
class Part:
    """One article's share of a file: its heading (if the shape gave one) and text."""

    heading: str | None
    paragraphs: list[str] = field(default_factory=list)
    url: str | None = None


def split(paras: list[str]) -> tuple[list[str], list[Part]]:
    """Split a file's paragraphs into articles.

    Args:
        paras: clean paragraphs of one file.

    Returns:
        The front matter (paragraphs before the first article: a bulletin's cover
        and contents; empty for other shapes) and the articles' parts, in order.
    """
    for rule in (_split_by_contents, _split_by_numbered_headings):
        found = rule(paras)
        if found is not None:
            return found
    posts = _split_feed(paras)
    if posts is not None:
        return [], posts
    return [], [_single_story(paras)]


def _single_story(paras: list[str]) -> Part:
    """The whole file as one article; a lone link line (or "Source: link") is its url."""
    links = [i for i, para in enumerate(paras) if _LABELLED_URL.match(para)]
    if len(links) != 1 or len(paras) == 1:
        return Part(None, list(paras))
    url = _LABELLED_URL.match(paras[links[0]]).group("url")
    return Part(None, paras[: links[0]] + paras[links[0] + 1 :], url=url)


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN[ch]
        following = _ROMAN[token[i + 1]] if i + 1 < len(token) else 0
        total += -value if value < following else value
    return total


def _key(title: str) -> str:
    return re.sub(r"\W+", " ", title.casefold()).strip()


def _heading_match(para: str) -> tuple[int, str] | None:
    """(number, title) when a paragraph is a numbered heading."""
    m = _ENTRY.match(para)
    if m is None or m.group("title").count(" ") >= _MAX_HEADING_WORDS:
        return None
    return _number(m.group("num")), m.group("title").strip()


def _is_prose(para: str) -> bool:
    return para.count(" ") + 1 >= _PROSE_WORDS and para.endswith((".", "!", "?", '"', "”"))


def _words(paras: list[str]) -> int:
    return sum(p.count(" ") + 1 for p in paras)


def _entry_keys(title: str) -> tuple[str, str]:
    """Keys of a contents entry with and without a trailing page number.

    "Title 7" may be page 7 or a title ending in 7; the heading decides.
    """
    return _key(title), _key(_PAGE_AFTER.sub("", title))


def _contents_entries(paras: list[str]) -> tuple[int, list[str]] | None:
    """Where the contents end and the titles they list."""
    for i, para in enumerate(paras):
        if _CONTENTS.match(para):
            titles: list[str] = []
            seen: set[str] = set()
            j = i + 1
            while j < len(paras) and paras[j].count(" ") < _MAX_HEADING_WORDS:
                entry = _heading_match(paras[j])
                title = entry[1] if entry else paras[j]
                if _key(title) in seen:
                    break  # the first listed heading again: the contents have ended
                titles.append(title)
                seen.update(_entry_keys(title))
                j += 1
            return j, titles
    start = None
    for i, para in enumerate(paras):
        is_entry = para.startswith(("-", "*", "•", "–")) and _heading_match(para) is not None
        if is_entry and start is None:
            start = i
        elif not is_entry and start is not None:
            if i - start >= 2:
                return i, [_heading_match(p)[1] for p in paras[start:i]]
            start = None
    return None


def _split_by_contents(paras: list[str]) -> tuple[list[str], list[Part]] | None:
    found = _contents_entries(paras)
    if found is None:
        return None
    end, titles = found
    headings: dict[str, list[tuple[int, str]]] = {}
    for j in range(end, len(paras)):
        if paras[j].count(" ") < _MAX_HEADING_WORDS:
            match = _heading_match(paras[j])
            title = match[1] if match else paras[j]
            headings.setdefault(_key(title), []).append((j, title))
    starts: list[tuple[int, str]] = []
    cursor = end
    for title in titles:
        found_at = [
            place
            for key in set(_entry_keys(title))
            if (place := _next_heading(headings.get(key, []), cursor))
        ]
        if found_at:
            starts.append(min(found_at))
            cursor = starts[-1][0] + 1
    if len(starts) < 2:
        return None
    return paras[: starts[0][0]], _parts_at(paras, starts)


def _next_heading(places: list[tuple[int, str]], cursor: int) -> tuple[int, str] | None:
    at = bisect.bisect_left(places, (cursor, ""))
    return places[at] if at < len(places) else None


def _split_by_numbered_headings(paras: list[str]) -> tuple[list[str], list[Part]] | None:
    starts: list[tuple[int, str]] = []
    for i, para in enumerate(paras):
        match = _heading_match(para)
        if not match or match[1].endswith((".", ",", ";")):
            continue
        if match[0] == 1 and len(starts) >= 2 and i == starts[-1][0] + 1:
            starts = []  # the numbers start again: what came before was a contents list
        if match[0] == len(starts) + 1:
            starts.append((i, match[1]))
    if len(starts) < 2 or any(_is_prose(p) for p in paras[: starts[0][0]]):
        return None
    parts = _parts_at(paras, starts)
    if any(_words(part.paragraphs) < _MIN_SECTION_WORDS for part in parts):
        return None
    return paras[: starts[0][0]], parts


def _parts_at(paras: list[str], starts: list[tuple[int, str]]) -> list[Part]:
    bounds = [i for i, _ in starts[1:]] + [len(paras)]
    return [Part(title, paras[i + 1 : end]) for (i, title), end in zip(starts, bounds, strict=True)]


def _split_feed(paras: list[str]) -> list[Part] | None:
    links = [
        i
        for i, para in enumerate(paras)
        if is_url_line(para) and not (i > 0 and paras[i - 1].endswith(":"))
    ]
    if len(links) < 2:
        return None
    link_set = set(links)
    trailing = links[-1] == len(paras) - 1 or links[0] != 0
    posts: list[Part] = []
    current = Part(None)
    for i, para in enumerate(paras):
        if i not in link_set:
            current.paragraphs.append(para)
        elif trailing and current.paragraphs:
            current.url = para.strip("<>")
            posts.append(current)
            current = Part(None)
        elif not trailing and (i == 0 or current.paragraphs):
            current = Part(None, url=para.strip("<>"))
            posts.append(current)
        else:
            # A second link in a row belongs to the same post, as text.
            (posts[-1] if trailing and posts else current).paragraphs.append(para)
    if trailing and current.paragraphs:
        posts.append(current)
    posts = [post for post in posts if post.paragraphs]
    return posts if len(posts) >= 2 else None
