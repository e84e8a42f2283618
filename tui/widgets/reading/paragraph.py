"""One paragraph of an article body, and the article's metadata block above them.

Paragraphs are separate widgets so that a later paragraph or sentence cursor can move
between them (a CSS class marks the one under the cursor) and so that restyling a span
redraws one paragraph, not the article.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from search.models.articles import Article, ArticleCopies
from tui.literal import content
from tui.plural import counted


class Paragraph(Static):
    """A paragraph at body offsets ``start``..``end``; its content comes from the pane."""

    DEFAULT_CSS = """
    Paragraph { margin: 0 0 1 0; }
    """

    def __init__(self, index: int, start: int, end: int) -> None:
        super().__init__(classes="paragraph")
        self.index = index
        self.start = start
        self.end = end

    def line_of(self, local_offset: int) -> int:
        """The wrapped line (from 0) on which paragraph offset ``local_offset`` is drawn."""
        width = self.content_size.width or self.size.width
        if width <= 0 or not isinstance(self.content, Content):
            return 0
        before = self.content.plain[:local_offset]
        # Greedy wrapping of a prefix breaks where the full text breaks (give or take a word).
        return max(0, len(Content(before).wrap(width)) - 1) if before else 0


def header_content(
    article: Article, path_label: str | None = None, copies: ArticleCopies | None = None
) -> Content:
    """The title, then source, author, date, url and path, each labelled; then where
    else the text is: its copies (other files with the same text) and its versions.

    Args:
        article: the article shown.
        path_label: the file's path as the user should read it (default ``article.path``).
        copies: the article's copies and versions (none when not given).

    Returns:
        The header block.
    """
    lines = [content(article.title, "bold $text-accent", one_line=True), Content("")]
    for label, value in (
        ("Source", article.source),
        ("Author", article.author),
        ("Date", article.date),
        ("URL", article.url),
        ("Path", path_label or article.path),
        *_elsewhere(copies or ArticleCopies()),
    ):
        if value:
            lines.append(
                Content.assemble(
                    Content(f"{label:<7} ").stylize("$text-muted"),
                    content(value, one_line=True),
                )
            )
    return Content("\n").join(lines)


def _elsewhere(copies: ArticleCopies) -> list[tuple[str, str]]:
    """A "Copies" line naming the other files with this text, a "Version" line for each
    article telling the same story with small edits (title, date, path)."""
    lines = []
    if copies.copies:
        others = counted(len(copies.copies), "other copy", "other copies")
        lines.append(("Copies", f"{others}: {', '.join(copies.copies)}"))
    for version in copies.versions:
        when = f" ({version.date})" if version.date else ""
        lines.append(("Version", f"{version.title or '(untitled)'}{when} · {version.path}"))
    if copies.versions:
        n = len(copies.versions)
        lines.append(("", f"{n} other version{'s' * (n != 1)}: v opens one"))
    return lines


class ArticleHeader(Static):
    """The metadata block at the top of a reading pane."""

    DEFAULT_CSS = """
    ArticleHeader {
        padding: 0 0 0 0;
        margin: 0 0 1 0;
        border-bottom: solid $foreground 30%;
    }
    """

    def __init__(
        self, article: Article, path_label: str | None = None, copies: ArticleCopies | None = None
    ) -> None:
        super().__init__(header_content(article, path_label, copies))
