"""Writing a briefing's Markdown file, as the app's export key does."""

from __future__ import annotations

from briefings.export import default_export_path, export_briefing, provenance_warning
from briefings.markdown import render_briefing
from briefings.resolver import resolve_notes
from briefings.store import BriefingStore
from search.models.articles import Article, ArticleSummary
from tests.briefing_data import BODY, article, quoted_note


class Articles:
    """The current articles, as the resolver asks for them."""

    def __init__(self, *articles: Article) -> None:
        self._articles = {a.id: a for a in articles}

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def articles(self) -> list[ArticleSummary]:
        return [ArticleSummary(a.id, a.title, a.path, a.position) for a in self._articles.values()]


def test_export_writes_the_markdown_where_the_app_says(tmp_path):
    store = BriefingStore(tmp_path / "notes")
    slug = store.create("Rates").slug
    briefing = store.add_note(slug, quoted_note("Markets fell sharply", text="note"))
    resolved = resolve_notes(briefing.notes, Articles(article()))
    target = default_export_path(store.directory, slug)
    result = export_briefing(briefing, resolved, target)
    assert result.path == target == store.directory / "exports" / "rates.md"
    assert (result.changed, result.orphaned, result.warning()) == (0, 0, "")
    written = target.read_text(encoding="utf-8")
    assert written.splitlines()[3:] == render_briefing(briefing, resolved).splitlines()[3:]


def test_export_counts_changed_quotes_and_orphaned_notes(tmp_path):
    store = BriefingStore(tmp_path / "notes")
    slug = store.create("Rates").slug
    store.add_note(slug, quoted_note("Markets fell sharply", text="lost"))
    briefing = store.add_note(slug, quoted_note("further rises could follow", text="edited"))
    changed = article(
        BODY.replace("Markets fell sharply after the announcement.", "").replace(
            "further rises could", "further rises might"
        )
    )
    resolved = resolve_notes(briefing.notes, Articles(changed))
    result = export_briefing(briefing, resolved, tmp_path / "out.md")
    assert (result.changed, result.orphaned) == (1, 1)
    warning = "1 quote changed in the source; 1 note orphaned (article or passage gone)"
    assert result.warning() == provenance_warning(1, 1) == warning
    written = result.path.read_text(encoding="utf-8")
    assert "## Orphaned notes" in written
    assert "*The source now reads:* “further rises might follow”" in written
    assert store.load(slug) == briefing


def test_provenance_warning_counts_in_words():
    assert provenance_warning(0, 0) == ""
    assert provenance_warning(2, 0) == "2 quotes changed in the source"
    assert provenance_warning(0, 3) == "3 notes orphaned (article or passage gone)"
