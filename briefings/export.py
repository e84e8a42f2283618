"""Exporting a briefing to a Markdown file, as the app's export key and the CLI's -o do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefings.filesafe import replace_atomically
from briefings.markdown import render_briefing
from briefings.models import Briefing
from briefings.resolver import NoteStatus, ResolvedNote, count_status

EXPORTS_FOLDER = "exports"


@dataclass(frozen=True)
class ExportResult:
    """Where the Markdown went, and how many quotes changed or notes were orphaned."""

    path: Path
    changed: int
    orphaned: int

    def warning(self) -> str:
        """One line on what the reader of the export must check ("" when nothing)."""
        return provenance_warning(self.changed, self.orphaned)


def provenance_warning(changed: int, orphaned: int) -> str:
    """One line counting changed quotes and orphaned notes ("" when there are none)."""
    parts = []
    if changed:
        parts.append(f"{changed} quote{'s' * (changed != 1)} changed in the source")
    if orphaned:
        parts.append(f"{orphaned} note{'s' * (orphaned != 1)} orphaned (article or passage gone)")
    return "; ".join(parts)


def default_export_path(notes_folder: Path, slug: str) -> Path:
    """Where the app writes a briefing's Markdown: ``exports/SLUG.md`` in the notes folder."""
    return Path(notes_folder) / EXPORTS_FOLDER / f"{slug}.md"


def export_briefing(
    briefing: Briefing,
    resolved: Sequence[ResolvedNote],
    target: Path,
    *,
    generated: datetime | None = None,
    by_article: bool = False,
) -> ExportResult:
    """Write ``briefing`` as Markdown to ``target`` (atomically; folders are created).

    Args:
        briefing: the briefing as stored.
        resolved: its notes resolved against the current corpus.
        target: the Markdown file to write.
        generated: the time in the generation line (now by default).
        by_article: group notes by article instead of the briefing's order.

    Returns:
        The path written and the counts of changed quotes and orphaned notes.

    Raises:
        OSError: the file cannot be written.
    """
    text = render_briefing(briefing, resolved, generated=generated, by_article=by_article)
    replace_atomically(Path(target), text.encode("utf-8"), keep_backup=False)
    return ExportResult(
        Path(target),
        changed=count_status(resolved, NoteStatus.CHANGED),
        orphaned=count_status(resolved, NoteStatus.ORPHANED),
    )
