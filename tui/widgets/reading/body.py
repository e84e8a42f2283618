"""ArticleBody: the scrolling column of an article's header and paragraphs; FindBar below it.

The body knows where each paragraph is drawn, so it answers the reading cursor's
questions about the view (is this sentence in view? which sentence is the first one in
view?) and scrolls an offset into view once the next refresh has laid the text out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Input

from tui.widgets.reading.paragraph import ArticleHeader, Paragraph
from tui.widgets.reading.spans import Range


class ArticleBody(VerticalScroll, can_focus=True, inherit_bindings=False):
    """The scrolling column of header and paragraphs (no sideways scrolling: text wraps).

    Args:
        header: the article's metadata block.
        paragraphs: one widget per paragraph, in body order.
    """

    BINDINGS = [
        Binding("up", "scroll_up", "Line up", show=False),
        Binding("down", "scroll_down", "Line down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    ArticleBody { height: 1fr; padding: 0 2; }
    """

    def __init__(self, header: ArticleHeader, paragraphs: Sequence[Paragraph]) -> None:
        super().__init__(header, *paragraphs)
        self.paragraphs = list(paragraphs)
        # True from a call to reveal until the view has scrolled there.
        self.revealing = False

    def _rows_in_view(self) -> tuple[int, int]:
        """The first row of content in view and the row just below the view."""
        top = self.scroll_offset.y
        return top, top + self.scrollable_content_region.height

    def shows(self, paragraph: int, span: Range) -> bool:
        """Whether some line of body ``span``, in paragraph ``paragraph``, is in view."""
        widget = self.paragraphs[paragraph]
        y = widget.virtual_region.y
        first = y + widget.line_of(max(0, span[0] - widget.start))
        last = y + widget.line_of(max(0, span[1] - widget.start))
        top, bottom = self._rows_in_view()
        return first < bottom and last >= top

    def first_in_view(self, sentences_of: Callable[[int], Sequence[Range]]) -> int:
        """Where the first sentence starting in view starts (else the one covering the top).

        Args:
            sentences_of: a paragraph's sentences, by paragraph index.

        Returns:
            A body offset (0 with no sentences).
        """
        top, bottom = self._rows_in_view()
        covering: int | None = None
        for paragraph in self.paragraphs:
            region = paragraph.virtual_region
            if region.bottom <= top:
                continue
            for start, _ in sentences_of(paragraph.index):
                row = region.y + paragraph.line_of(start - paragraph.start)
                if row >= bottom:
                    return start if covering is None else covering
                if row >= top:
                    return start
                covering = start
        return covering if covering is not None else 0

    def reveal(self, paragraph: int, offset: int, *, center: bool) -> None:
        """After the next refresh, scroll body ``offset`` (in paragraph ``paragraph``) into view."""
        self.revealing = True
        self.call_after_refresh(self._reveal, paragraph, offset, center)

    def _reveal(self, paragraph: int, offset: int, center: bool) -> None:
        self.revealing = False
        widget = self.paragraphs[paragraph]
        line = widget.line_of(max(0, offset - widget.start))
        region = widget.virtual_region
        self.scroll_to_region(
            Region(region.x, region.y + line, region.width, 1), center=center, animate=False
        )


class FindBar(Input):
    """Find-in-article input, shown on demand below the body."""

    DEFAULT_CSS = """
    FindBar { dock: bottom; display: none; }
    FindBar.-shown { display: block; }
    """
