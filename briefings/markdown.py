"""A briefing as a Markdown document with citations, each note as it stands now.

Layout: an H1 title, the generation date, the summary; the notes in the briefing's own
order (or, with ``by_article``, under a heading per article in order of first note),
each quote a blockquote closed by a numbered citation (with its page, for a PDF: "[2,
p. 14]"), then the note text and tags. A
quote whose source now reads differently keeps the analyst's words and says, on a plain
line, what the source reads now. Orphaned notes (article or passage gone) have their
own section with the reason. The numbered sources come last: title, author, source,
date written out, and the URL, else the path inside the corpus (never a local path).
All user text is escaped (see :mod:`briefings.mdescape`), so it renders as written.
Only the generation date line changes between exports of an unchanged briefing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import PurePosixPath, PureWindowsPath

from briefings.mdescape import escape_block, escape_inline, link_or_text
from briefings.models import ArticleRef, Briefing
from briefings.resolver import NoteStatus, ResolvedNote

ORPHANS_HEADING = "Orphaned notes"
SOURCES_HEADING = "Sources"
NOW_READS = "The source now reads:"


def generation_line(generated: datetime) -> str:
    """The one line that differs between two exports of the same briefing."""
    return f"*Generated {generated.astimezone(UTC):%Y-%m-%d %H:%M} UTC*"


def render_briefing(
    briefing: Briefing,
    resolved: Sequence[ResolvedNote],
    *,
    generated: datetime | None = None,
    by_article: bool = False,
) -> str:
    """The Markdown text of ``briefing``.

    Args:
        briefing: the briefing as stored.
        resolved: its notes resolved against the current corpus, in the briefing's order.
        generated: the time shown in the generation line (now by default).
        by_article: group the notes under a heading per article instead of keeping
            the briefing's order.

    Returns:
        CommonMark text ending in one newline.
    """
    found = [r for r in resolved if r.status is not NoteStatus.ORPHANED]
    orphans = [r for r in resolved if r.status is NoteStatus.ORPHANED]
    # Sources are numbered in the order the document first cites them.
    sources: dict[tuple[str, str], ArticleRef] = {}
    for item in found + orphans:
        sources.setdefault(item.source_key, item.citation)
    numbers = {key: n for n, key in enumerate(sources, start=1)}

    out = [f"# {escape_inline(briefing.title) or escape_inline(briefing.slug)}", ""]
    out += [generation_line(generated or datetime.now(UTC)), ""]
    summary = escape_block(briefing.summary)
    if summary:
        out += [*summary, ""]

    if by_article:
        for key, ref in sources.items():
            notes = [r for r in found if r.source_key == key]
            if notes:
                meta = _meta(ref)
                out += [f"## {_title(ref)}", ""] + ([meta, ""] if meta else [])
                for item in notes:
                    out += _note_lines(item, numbers[key])
    else:
        for item in found:
            out += _note_lines(item, numbers[item.source_key])

    if orphans:
        out += [f"## {ORPHANS_HEADING}", ""]
        out += ["The article or the quoted passage of these notes is no longer in the corpus.", ""]
        for item in orphans:
            out += [f"### {_title(item.citation)}", ""]
            out += [f"*Not found: {item.reason}.*", ""]
            out += _note_lines(item, numbers[item.source_key])

    if sources:
        out += [f"## {SOURCES_HEADING}", ""]
        out += [f"{numbers[i]}. {citation(ref)}" for i, ref in sources.items()]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _title(ref: ArticleRef) -> str:
    return escape_inline(ref.title) or "Untitled article"


def _about(ref: ArticleRef) -> list[str]:
    """Author, source and date written out, those that are known."""
    return [escape_inline(p) for p in (ref.author, ref.source, long_date(ref.date)) if p]


def _meta(ref: ArticleRef) -> str:
    return " · ".join(p for p in [*_about(ref), _where(ref)] if p)


def _where(ref: ArticleRef) -> str:
    """The URL, else the file inside the corpus (a stored absolute path: its name only)."""
    if ref.url and ref.url.strip():
        return link_or_text(ref.url)
    if ref.path and ref.path.strip():
        return escape_inline(shown_path(ref.path))
    return ""


def shown_path(path: str) -> str:
    """A stored path as an export may show it: an absolute one (from a file written
    before paths were corpus-relative, on any system) by its file name only."""
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute():
        return PureWindowsPath(path).name
    return path


def _note_lines(item: ResolvedNote, number: int) -> list[str]:
    note = item.note
    cite = f"[{number}{_page_mark(item)}]"
    out: list[str] = []
    quoted = escape_block(note.quote.exact) if note.quote else []
    text = escape_block(note.text)
    if quoted:
        quoted[-1] = f"{quoted[-1]} {cite}"
        out += [f"> {line}" if line else ">" for line in quoted]
        out.append("")
    elif text:
        text[-1] = f"{text[-1]} {cite}"
    else:
        text = [cite]
    # Said even when the stored words show as nothing (a quote of blanks, by hand).
    if item.status is NoteStatus.CHANGED and item.current is not None:
        now = escape_inline(re.sub(r"[\r\n]+", " ", item.current.exact))
        out += [f"*{NOW_READS}* “{now}”", ""]
    if text:
        out += [*text, ""]
    tags = [escape_inline(t) for t in note.tags]
    if any(tags):
        out += ["*Tags:* " + ", ".join(t for t in tags if t), ""]
    return out


def _page_mark(item: ResolvedNote) -> str:
    """The page of a quote from a PDF: ", p. 3" (", pp. 3–4" across a break), else ""."""
    quote = item.current
    pages = item.article.pages if item.article is not None else ()
    if not pages or quote is None:
        return ""
    # Page n starts at pages[n - 1]: a page's number is how many pages start at or before.
    first = bisect_right(pages, quote.start)
    last = bisect_right(pages, max(quote.start, quote.end - 1))
    return f", p. {first}" if first == last else f", pp. {first}–{last}"


def citation(ref: ArticleRef) -> str:
    """One source as listed: title, author, source, date, then URL or corpus path."""
    text = _title(ref)
    if not ref.title.rstrip().endswith((".", "!", "?")):
        text += "."
    meta = ", ".join(_about(ref))
    if meta:
        text += f" {meta}."
    where = _where(ref)
    if where:
        text += f" {where}"
    return text


def long_date(value: str | None) -> str:
    """An article's date as a reader writes it: ``14 January 2025``, ``July 2024``, ``2024``.

    A date that is not ISO-like is given back as it is.
    """
    if not value or not value.strip():
        return ""
    text = value.strip()
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        pass
    else:
        return f"{day.day} {day:%B %Y}"
    try:
        month = datetime.strptime(text, "%Y-%m")
    except ValueError:
        return text
    return f"{month:%B %Y}"
