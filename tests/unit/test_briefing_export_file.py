"""Writing a briefing's Markdown file, as the app's export key does."""

from __future__ import annotations

from briefings.export import default_export_path, export_briefing
from briefings.markdown import render_briefing
from briefings.store import BriefingStore
from tests.briefing_data import BODY, article, quoted_note


def test_export_writes_the_markdown_where_the_app_says(tmp_path):
    store = BriefingStore(tmp_path / "notes")
    slug = store.create("Rates").slug
    briefing = store.add_note(slug, quoted_note("Markets fell sharply", text="note"))
    target = default_export_path(store.directory, slug)
    result = export_briefing(briefing, target)
    assert result.path == target == store.directory / "exports" / "rates.md"
    assert result.orphaned == 0
    written = target.read_text(encoding="utf-8")
    assert written.splitlines()[3:] == render_briefing(briefing).splitlines()[3:]


def test_export_with_current_articles_counts_orphans(tmp_path):
    store = BriefingStore(tmp_path / "notes")
    slug = store.create("Rates").slug
    briefing = store.add_note(slug, quoted_note("Markets fell sharply", text="note"))
    changed = article(BODY.replace("Markets fell sharply after the announcement.", ""))
    result = export_briefing(briefing, tmp_path / "out.md", articles={"a1": changed})
    assert result.orphaned == 1
    assert "## Orphaned notes" in result.path.read_text(encoding="utf-8")
