"""Markup-like text and escape sequences in documents and queries are shown as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from search.models import Hit, SearchResults, Snippet
from search.models.articles import Article
from tests.tui.conftest import ready, screen_lines, screen_text, search, wait_for
from tui.app import make_app
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.search.view import SearchView
from tui.widgets.workspace import Workspace

MARKUP = "[bold]loud[/] [link=file:///etc/passwd]x[/link]"
ESCAPES = "\x1b[31mred\x1b[0m \x1b]8;;http://example.com\x1b\\link"


@pytest.fixture
def tricky_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "tricky.txt").write_text(
        f"Pipelines {MARKUP}\n\n"
        f"The pipeline report says {MARKUP} in the middle of a sentence.\n\n"
        f"A second paragraph about the pipeline with {ESCAPES} inside.\n",
        encoding="utf-8",
    )
    (folder / "plain.txt").write_text(
        "Plain news\n\nNothing unusual about this pipeline story.\n", encoding="utf-8"
    )
    return folder


def no_escape_reaches_the_terminal(app) -> bool:
    return not any("\x1b" in segment.text for line in screen_lines(app) for segment in line)


async def test_markup_in_titles_bodies_and_snippets_is_shown_literally(tricky_corpus):
    app = make_app(tricky_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert MARKUP in screen_text(app)
        shown = await search(pilot, "pipeline")
        assert "[link=file:///etc/passwd]x[/link]" in shown
        assert "[bold]loud[/]" in shown
        await pilot.press("enter")
        workspace = app.screen.query_one(Workspace)
        await wait_for(pilot, lambda: workspace.current_article_id() is not None)
        reading = screen_text(app)
        assert reading.count("[link=file:///etc/passwd]x[/link]") >= 2
        assert no_escape_reaches_the_terminal(app)


async def test_a_markup_query_is_searched_as_text(tricky_corpus):
    app = make_app(tricky_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        shown = await search(pilot, "[bold] [/] [link=x]")
        assert "[bold] [/] [link=x]" in shown
        view = app.screen.query_one(SearchView)
        assert view.query == "[bold] [/] [link=x]"


class OneArticle(App):
    """A reading pane alone, fed an article straight from the model."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        yield ReadingPane(self.article, ("after",))

    def on_mount(self) -> None:
        self.query_one(ReadingPane).focus_body()


async def test_escape_sequences_in_an_article_are_shown_not_obeyed():
    body = f"Before {ESCAPES} after.\n\n{MARKUP}"
    article = Article(id="a", title=f"Title {ESCAPES} {MARKUP}", body=body, path="/x.txt")
    app = OneArticle(article)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "[31mred" in shown and "[0m" in shown
        assert MARKUP in shown
        assert no_escape_reaches_the_terminal(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: "hit 1 of 1" in screen_text(app))


async def test_markup_in_snippets_from_the_index_keeps_its_highlight_offsets(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(SearchView)
        await pilot.press(*"x")
        text = f"{MARKUP} hit {ESCAPES}"
        at = text.index("hit")
        hit = Hit("a", MARKUP, "/x.txt", 1.0, Snippet(text, ((at, at + 3),)), source=MARKUP)
        view.show_results("x", SearchResults("x", (hit,), 1, 0.001))
        await pilot.pause()
        shown = screen_text(app)
        assert MARKUP in shown and "[31mred" in shown
        assert no_escape_reaches_the_terminal(app)
