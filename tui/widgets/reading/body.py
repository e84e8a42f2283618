"""ArticleBody: the scrolling column of an article's header and paragraphs; FindBar below it.

The body knows where each paragraph is drawn, so it answers the reading cursor's
questions about the view (is this sentence in view? which sentence is the first one in
view?) and scrolls an offset into view once the next refresh has laid the text out.
A long article's body holds one part of its paragraphs at a time (``show_part``), with a
note above and below saying which part it is.

The text is set in a column of at most ``measure`` characters (see :mod:`.measure`),
centred; a narrow terminal keeps its small margin.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import Input, Static

from tui.literal import content
from tui.widgets.reading.measure import DEFAULT_MEASURE, READING_WIDTHS, measure_class
from tui.widgets.reading.paragraph import ArticleHeader, Paragraph
from tui.widgets.reading.spans import Range


class ArticleBody(VerticalScroll, can_focus=True, inherit_bindings=False):
    """The scrolling column of header and paragraphs (no sideways scrolling: text wraps).

    Args:
        header: the article's metadata block.
        paragraphs: one widget per paragraph shown, in body order.
    """

    BINDINGS = [
        Binding("up", "scroll_up", "Line up", show=False),
        Binding("down", "scroll_down", "Line down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    # The column is its children's width, centred: the scrollbar stays at the pane's edge.
    DEFAULT_CSS = """
    ArticleBody { height: 1fr; padding: 0 2; align-horizontal: center; }
    ArticleBody > * { width: 100%; }
    ArticleBody.-measure-80 > * { max-width: 80; }
    ArticleBody.-measure-100 > * { max-width: 100; }
    ArticleBody.-measure-120 > * { max-width: 120; }
    """

    measure: reactive[int] = reactive(DEFAULT_MEASURE, init=False)

    def __init__(self, header: ArticleHeader, paragraphs: Sequence[Paragraph]) -> None:
        self._notes = (PartNote(), PartNote())
        super().__init__(header, self._notes[0], *paragraphs, self._notes[1])
        self.paragraphs = list(paragraphs)
        # True from a call to reveal until the view has scrolled there.
        self.revealing = False
        self.add_class(measure_class(DEFAULT_MEASURE))

    def validate_measure(self, measure: int) -> int:
        return measure if measure in READING_WIDTHS else DEFAULT_MEASURE

    def watch_measure(self, old: int, new: int) -> None:
        self.remove_class(measure_class(old))
        self.add_class(measure_class(new))

    def widget(self, paragraph: int) -> Paragraph | None:
        """The widget showing paragraph ``paragraph`` (None when its part is not shown)."""
        if not self.paragraphs:
            return None
        at = paragraph - self.paragraphs[0].index
        return self.paragraphs[at] if 0 <= at < len(self.paragraphs) else None

    def show_part(self, paragraphs: Sequence[Paragraph], note: str) -> None:
        """Show these paragraph widgets in place of the ones shown, with ``note`` around them."""
        for old in self.paragraphs:
            old.remove()
        self.paragraphs = list(paragraphs)
        if self.paragraphs:
            self.mount_all(self.paragraphs, before=self._notes[1])
        self.set_note(note)
        self.scroll_home(animate=False)

    def set_note(self, note: str) -> None:
        """Say which part of a long article is shown ("" hides the notes)."""
        for widget in self._notes:
            widget.update(content(note, one_line=True))
            widget.display = bool(note)

    def _rows_in_view(self) -> tuple[int, int]:
        """The first row of content in view and the row just below the view."""
        top = self.scroll_offset.y
        return top, top + self.scrollable_content_region.height

    def shows(self, paragraph: int, span: Range) -> bool:
        """Whether some line of body ``span``, in paragraph ``paragraph``, is in view."""
        widget = self.widget(paragraph)
        if widget is None:
            return False
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
        widget = self.widget(paragraph)
        if widget is None:
            return
        line = widget.line_of(max(0, offset - widget.start))
        region = widget.virtual_region
        self.scroll_to_region(
            Region(region.x, region.y + line, region.width, 1), center=center, animate=False
        )


class PartNote(Static):
    """Above and below a long article's part: which part it is and the keys to the others."""

    DEFAULT_CSS = """
    PartNote { display: none; color: $text-warning; margin: 0 0 1 0; }
    """


class FindBar(Input):
    """Find-in-article input, shown on demand below the body."""

    DEFAULT_CSS = """
    FindBar { dock: bottom; display: none; }
    FindBar.-shown { display: block; }
    """
