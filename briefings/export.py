"""Exporting a briefing to a Markdown file, as the app's export key and the CLI's -o do."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefings.anchoring import reanchor_briefing
from briefings.filesafe import replace_atomically
from briefings.markdown import render_briefing
from briefings.models import Briefing
from search.models import Article

EXPORTS_FOLDER = "exports"


@dataclass(frozen=True)
class ExportResult:
    """Where the Markdown went and how many quotes were listed as orphaned."""

    path: Path
    orphaned: int


def default_export_path(notes_folder: Path, slug: str) -> Path:
    """Where the app writes a briefing's Markdown: ``exports/SLUG.md`` in the notes folder."""
    return Path(notes_folder) / EXPORTS_FOLDER / f"{slug}.md"


def export_briefing(
    briefing: Briefing,
    target: Path,
    *,
    articles: Mapping[str, Article] | None = None,
    generated: datetime | None = None,
) -> ExportResult:
    """Write ``briefing`` as Markdown to ``target`` (atomically; folders are created).

    Args:
        briefing: the briefing as stored.
        target: the Markdown file to write.
        articles: current articles by id; when given, quotes are re-anchored first.
        generated: the time in the generation line (now by default).

    Returns:
        The path written and the number of orphaned quotes in it.

    Raises:
        OSError: the file cannot be written.
    """
    if articles:
        briefing = reanchor_briefing(briefing, articles)
    text = render_briefing(briefing, generated=generated)
    replace_atomically(Path(target), text.encode("utf-8"), keep_backup=False)
    return ExportResult(Path(target), sum(1 for n in briefing.notes if n.orphaned))
