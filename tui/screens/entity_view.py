"""EntityViewScreen: every mention of one entity across the corpus, in context.

One keyword-in-context line per mention: the words before it (right-aligned), the mention
in bold, the words after it, then the article it comes from. Enter (or a click) opens
that article scrolled to the mention and marked; the screen is dismissed with the
:class:`~search.models.articles.Mention` chosen, or None.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from search.models.articles import Mention
from tui.literal import content
from tui.plural import counted
from tui.widgets.entities.styles import TYPE_NAMES, text_style

LEFT_WIDTH = 34
RIGHT_WIDTH = 34
# The article's title is shown after the context only when at least this much fits.
TITLE_MIN = 12


def kwic_line(mention: Mention, style: str, width: int = 0) -> Content:
    """One concordance line: left context, the mention, right context, and the article.

    The mention starts in the same column on every line; spacing around it is the
    document's own.

    Args:
        mention: where the entity is mentioned.
        style: the style of the mention (its type's).
        width: the cells the line may fill (0: no limit); the title gets what is left.

    Returns:
        The line, every piece of document text shown literally.
    """
    left = content(mention.left, "dim", one_line=True)
    if left.cell_length > LEFT_WIDTH:
        left = Content("…").stylize("dim") + left[len(left) - LEFT_WIDTH + 1 :]
    left = left.pad_left(max(0, LEFT_WIDTH - left.cell_length))
    right = content(mention.right, "dim", one_line=True).truncate(
        RIGHT_WIDTH, ellipsis=True, pad=True
    )
    line = Content.assemble(
        left, content(mention.text, f"bold underline {style}", one_line=True), right
    )
    room = width - line.cell_length - 2 if width else len(mention.title)
    if room >= TITLE_MIN:
        title = content(mention.title, "italic", one_line=True).truncate(room, ellipsis=True)
        line = Content.assemble(line, Content("  "), title)
    return line


class MentionList(OptionList):
    """The concordance lines; Enter opens the article at the mention under the cursor."""

    BINDINGS = [
        Binding("enter", "select", "Open at mention", tooltip="Open the article at this mention")
    ]


class EntityViewScreen(ModalScreen["Mention | None"]):
    """The mentions of ``canonical`` (of ``entity_type``), one line each."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Back")]
    DEFAULT_CSS = """
    EntityViewScreen {
        align: center middle;
        #entity-view {
            width: 95%;
            height: 85%;
            border: round $accent;
            border-title-style: bold;
            background: $surface;
        }
        #entity-view-status { height: 1; padding: 0 1; color: $text-muted; }
        MentionList, MentionList:focus { height: 1fr; border: none; }
    }
    """

    def __init__(self, canonical: str, entity_type: str, mentions: Sequence[Mention]) -> None:
        super().__init__()
        self.canonical = canonical
        self.entity_type = entity_type
        self.mentions = list(mentions)

    def compose(self) -> ComposeResult:
        style = text_style(self.entity_type)
        articles = len({m.article_id for m in self.mentions})
        count = len(self.mentions)
        with Vertical(id="entity-view") as box:
            kind = TYPE_NAMES.get(self.entity_type, self.entity_type)
            box.border_title = content(f"{kind}: {self.canonical}", one_line=True)
            yield Static(
                content(
                    f"{counted(count, 'mention')} in {counted(articles, 'article')}"
                    " · Enter opens the article there",
                    one_line=True,
                ),
                id="entity-view-status",
            )
            # The list fills the box: 95% of the screen, less its border and a scrollbar.
            width = self.app.size.width * 95 // 100 - 4
            yield MentionList(
                *(
                    Option(kwic_line(m, style, width), id=str(i))
                    for i, m in enumerate(self.mentions)
                ),
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(MentionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.mentions[int(event.option.id or 0)])
