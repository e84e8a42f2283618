"""An article not in English shows its language's code in the list and in a hit's line."""

from __future__ import annotations

from search.models import Hit, Snippet
from search.models.articles import ArticleSummary
from tui.widgets.search.rows import hit_row, summary_row


def _plain(row) -> str:
    return " ".join(content.plain for content, _ in row.parts)


def test_a_russian_article_is_tagged_ru_and_an_english_one_is_not():
    russian = ArticleSummary("a", "Алиев и Пашинян", "a.txt", language="ru")
    english = ArticleSummary("b", "Aliyev and Pashinyan", "b.txt", language="en")
    assert _plain(summary_row(russian)).rstrip().endswith("Алиев и Пашинян  ru")
    assert _plain(summary_row(english)).rstrip().endswith("Aliyev and Pashinyan")


def test_a_hit_names_its_language_beside_its_source_and_date():
    hit = Hit(
        "a", "Türkiye", "a.txt", 1.0, Snippet("…"), source="AA", date="2025-01-02", language="tr"
    )
    assert "AA · 2025-01-02 · tr" in _plain(hit_row(hit))
