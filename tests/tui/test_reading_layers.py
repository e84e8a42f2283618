"""Span layers of the reading pane: each paints its ranges in place, in a fixed order."""

from __future__ import annotations

from textual.app import App, ComposeResult

from search.models.articles import Article
from tests.tui.conftest import styles_of
from tui.widgets.reading.pane import ReadingPane

BODY = "Ilham Aliyev met officials in Baku.\n\nLater, Aliyev spoke about peace in Baku."


class PaneApp(App):
    def compose(self) -> ComposeResult:
        yield ReadingPane(Article(id="a", title="Talks", body=BODY, path="/talks.txt"))


async def test_ranges_with_their_own_style_are_painted_with_it_across_paragraphs():
    app = PaneApp()
    async with app.run_test(size=(80, 20)) as pilot:
        pane = app.query_one(ReadingPane)
        places = [(m, m + 4, "italic") for m in (BODY.index("Baku"), BODY.rindex("Baku"))]
        pane.set_layer("entities", places)
        await pilot.pause()
        styled = styles_of(app, "Baku")
        assert len(styled) == 2 and all(style.italic for style in styled)
        assert not any(style.italic for style in styles_of(app, "Aliyev"))


async def test_a_later_layer_adds_to_an_earlier_one_and_clearing_it_restores_the_text():
    app = PaneApp()
    async with app.run_test(size=(80, 20)) as pilot:
        pane = app.query_one(ReadingPane)
        start = BODY.rindex("Aliyev")
        pane.set_layer("entities", [(start, start + 6, "italic")])
        pane.set_layer("quote", [(start, start + 6)])
        await pilot.pause()
        quoted = [s for s in styles_of(app, "Aliyev") if s.italic]
        plain = styles_of(app, "Ilham Aliyev")
        assert len(quoted) == 1 and len(plain) == 1
        assert quoted[0].bgcolor != plain[0].bgcolor
        pane.set_layer("entities", [])
        pane.set_layer("quote", [])
        await pilot.pause()
        assert not any(s.italic for s in styles_of(app, "Aliyev"))
        assert pane.layer("quote") == []
