"""Entities in the reading pane: drawn by type, with a legend, hidden and shown with ``e``."""

from __future__ import annotations

from textual.app import App, ComposeResult

from search.models.articles import Article, EntitySpan
from tests.tui.conftest import ready, screen_text, search, styles_of, wait_for
from tui.widgets.entities.legend import EntityLegend
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.workspace import Workspace


async def open_best_hit(pilot, query: str) -> ReadingPane:
    await search(pilot, query)
    await pilot.press("enter")
    workspace = pilot.app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() is not None)
    return workspace.active_pane.query_one(ReadingPane)


def legend_shown(app) -> bool:
    return "Entities: Person  Organisation  Place  Date  Money" in screen_text(app)


async def test_entities_are_drawn_by_type_with_a_legend_and_e_toggles_them(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        places = {s.text for s in reader.entities if s.type == "PLACE"}
        assert "Azerbaijan" in places
        await wait_for(pilot, lambda: legend_shown(app))
        # Places are italic, people bold: a difference that survives without colour.
        assert any(s.italic and not s.bold for s in styles_of(app, "Azerbaijan"))
        await pilot.press("e")
        await wait_for(pilot, lambda: not legend_shown(app))
        assert styles_of(app, "Azerbaijan") == [] or not any(
            s.italic for s in styles_of(app, "Azerbaijan")
        )
        await pilot.press("e")
        await wait_for(pilot, lambda: legend_shown(app))
        assert any(s.italic for s in styles_of(app, "Azerbaijan"))


async def test_query_hits_inside_entities_keep_their_own_mark(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        assert any(s.canonical == "Ilham Aliyev" for s in reader.entities)
        await pilot.pause()
        # "Ilham" is only a person; "Aliyev" is a person and a hit: underlined, on a background.
        first_names = styles_of(app, "Ilham")
        hits = [s for s in styles_of(app, "Aliyev") if s.underline]
        assert first_names and all(s.bold and not s.underline for s in first_names)
        assert hits and all(s.bgcolor is not None for s in hits)
        assert all(s.bgcolor != hits[0].bgcolor for s in first_names)


async def test_the_legend_draws_each_type_in_its_style(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_best_hit(pilot, "Aliyev")
        await wait_for(pilot, lambda: legend_shown(app))
        assert any(s.bold for s in styles_of(app, "Person"))
        assert any(s.underline and not s.bold for s in styles_of(app, "Organisation"))
        assert any(s.italic and not s.underline for s in styles_of(app, "Place"))


BODY = "Shares of [bold]Acme[/] Corp rose.\n\nThe [red]board[/red] met in Paris."


class PaneApp(App):
    def compose(self) -> ComposeResult:
        article = Article(id="a", title="[i]Markup[/i] news", body=BODY, path="/news.txt")
        name = "[bold]Acme[/] Corp"
        start = BODY.index(name)
        spans = [
            EntitySpan(start, start + len(name), "ORG", name, name),
            EntitySpan(BODY.index("Paris"), BODY.index("Paris") + 5, "PLACE", "Paris", "Paris"),
        ]
        yield ReadingPane(article, entities=spans)


async def test_markup_like_text_inside_an_entity_is_shown_literally():
    app = PaneApp()
    async with app.run_test(size=(90, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Acme[/] Corp" in text and "[red]board[/red]" in text
        assert "[i]Markup[/i] news" in text
        assert any(s.underline for s in styles_of(app, "[bold]Acme"))
        app.query_one(ReadingPane).focus_body()
        await pilot.press("E")
        await wait_for(pilot, lambda: "Organisations (1)" in screen_text(app))
        panel_lines = [ln.split("▏", 1)[1] for ln in screen_text(app).splitlines() if "▏" in ln]
        assert any(
            ln.startswith("  [bold]Acme[/] Corp ") and ln.split()[-1] == "1" for ln in panel_lines
        )
        assert app.query_one(EntityLegend).display
