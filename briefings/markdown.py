"""A briefing as a Markdown document with citations.

Layout: an H1 title, the generation date, the summary; a section per article (in
order of first note) with its source, date and link or path, each note as a
blockquote of its quote followed by the note text and tags, the quote closed by a
numbered citation; orphaned notes in their own section; the numbered sources last.
All user text is escaped (see :mod:`briefings.mdescape`), so it renders as written.
Only the generation date line changes between exports of an unchanged briefing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from briefings.mdescape import escape_block, escape_inline, link_or_text
from briefings.models import ArticleRef, Briefing, Note

ORPHANS_HEADING = "Orphaned notes"
SOURCES_HEADING = "Sources"


def generation_line(generated: datetime) -> str:
    """The one line that differs between two exports of the same briefing."""
    return f"*Generated {generated.astimezone(UTC):%Y-%m-%d %H:%M} UTC*"


def render_briefing(briefing: Briefing, *, generated: datetime | None = None) -> str:
    """The Markdown text of ``briefing``.

    Args:
        briefing: the briefing, with quotes already re-anchored if that was wanted.
        generated: the time shown in the generation line (now by default).

    Returns:
        CommonMark text ending in one newline.
    """
    articles: dict[str, ArticleRef] = {}
    for note in briefing.notes:
        articles.setdefault(note.article.id, note.article)
    numbers = {article_id: n for n, article_id in enumerate(articles, start=1)}

    out = [f"# {escape_inline(briefing.title) or escape_inline(briefing.slug)}", ""]
    out += [generation_line(generated or datetime.now(UTC)), ""]
    summary = escape_block(briefing.summary)
    if summary:
        out += [*summary, ""]

    anchored = [n for n in briefing.notes if not n.orphaned]
    for article_id, ref in articles.items():
        notes = [n for n in anchored if n.article.id == article_id]
        if not notes:
            continue
        out += [f"## {_article_title(ref)}", ""]
        meta = _article_meta(ref)
        if meta:
            out += [meta, ""]
        for note in notes:
            out += _note_lines(note, numbers[article_id])

    orphans = [n for n in briefing.notes if n.orphaned]
    if orphans:
        out += [f"## {ORPHANS_HEADING}", ""]
        out += ["These quotes were not found in the current text of their articles.", ""]
        for note in orphans:
            out += [f"### {_article_title(note.article)}", ""]
            out += _note_lines(note, numbers[note.article.id])

    if articles:
        out += [f"## {SOURCES_HEADING}", ""]
        out += [f"{numbers[i]}. {_citation(ref)}" for i, ref in articles.items()]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _article_title(ref: ArticleRef) -> str:
    return escape_inline(ref.title) or "Untitled article"


def _article_meta(ref: ArticleRef) -> str:
    parts = [escape_inline(p) for p in (ref.source, ref.date) if p and p.strip()]
    if ref.url and ref.url.strip():
        parts.append(link_or_text(ref.url))
    elif ref.path and ref.path.strip():
        parts.append(escape_inline(ref.path))
    return " · ".join(p for p in parts if p)


def _note_lines(note: Note, number: int) -> list[str]:
    cite = f"[{number}]"
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
    if text:
        out += [*text, ""]
    tags = [escape_inline(t) for t in note.tags]
    if any(tags):
        out += ["*Tags:* " + ", ".join(t for t in tags if t), ""]
    return out


def _citation(ref: ArticleRef) -> str:
    text = _article_title(ref)
    if not ref.title.rstrip().endswith((".", "!", "?")):
        text += "."
    meta = ", ".join(escape_inline(p) for p in (ref.source, ref.date) if p and p.strip())
    if meta:
        text += f" {meta}."
    if ref.url and ref.url.strip():
        text += f" {link_or_text(ref.url)}"
    if ref.path and ref.path.strip():
        text += f" ({escape_inline(ref.path)})"
    return text
