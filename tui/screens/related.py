"""RelatedScreen: the articles most like the current one; choosing one opens it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from search.models import Hit, Snippet
from search.models.articles import ArticleSummary
from tui.literal import content
from tui.widgets.search.results_list import ResultsList, Row
from tui.widgets.search.rows import short_date


def related_row(hit: Hit) -> Row:
    """Title, then source and date."""
    meta = " · ".join(part for part in (hit.source, short_date(hit.date)) if part) or "—"
    return Row(
        hit.id,
        ((content(hit.title, "bold", one_line=True), 1), (content(f"  {meta}", "$text-muted"), 1)),
    )


def as_hit(article: ArticleSummary) -> Hit:
    """A listed article as a row of this screen (no score, no snippet)."""
    return Hit(
        article.id,
        article.title,
        article.path,
        0.0,
        Snippet(""),
        article.source,
        None,
        article.date,
    )


class RelatedScreen(ModalScreen[str | None]):
    """A list of related articles over the reading pane; returns the chosen id.

    Args:
        title: the title of the article they relate to.
        hits: the articles to offer.
        heading: the box's title.
        lead: the words before ``title``.
    """

    BINDINGS = [Binding("escape", "dismiss_none", "Back")]
    DEFAULT_CSS = """
    RelatedScreen {
        align: center middle;
        #related {
            width: 80%;
            height: 70%;
            border: round $accent;
            background: $surface;
        }
        #related-title { padding: 0 1; height: auto; }
    }
    """

    def __init__(
        self,
        title: str,
        hits: list[Hit],
        *,
        heading: str = "Related articles",
        lead: str = "Most like: ",
    ) -> None:
        super().__init__()
        self._title = title
        self._hits = hits
        self._heading = heading
        self._lead = lead

    def compose(self) -> ComposeResult:
        with Vertical(id="related") as box:
            box.border_title = self._heading
            yield Static(
                Content.assemble(Content(self._lead), content(self._title, "bold", one_line=True)),
                id="related-title",
            )
            yield ResultsList(empty_text="No related articles found.")

    def on_mount(self) -> None:
        results = self.query_one(ResultsList)
        results.set_rows([related_row(hit) for hit in self._hits], spacing=1)
        results.focus()

    def on_results_list_chosen(self, message: ResultsList.Chosen) -> None:
        message.stop()
        self.dismiss(message.key)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
