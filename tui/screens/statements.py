"""The statements view: what an entity said, article by article, newest first.

Each row is the kind (direct quotation or reported speech), the words on one line and
the article's title, under a heading per article date.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from search.models.explore import SpeakerStatement
from tui.literal import content
from tui.passage import Passage
from tui.plural import counted
from tui.screens.passage_list import PassageListScreen, PassageView, Row, with_title

KIND_WIDTH = 9


def statement_rows(statements: Sequence[SpeakerStatement], width: int) -> list[Row]:
    """A heading per article date, then a row per statement: kind, words, article."""
    rows: list[Row] = []
    day: str | None = ""
    for statement in statements:
        date = (statement.article_date or "")[:10] or None
        if date != day:
            day = date
            rows.append((Content(date or "Undated").stylize("bold"), None))
        words = statement.text if statement.kind == "reported" else f"“{statement.text}”"
        line = Content.assemble(
            Content("  "),
            Content(statement.kind.ljust(KIND_WIDTH)).stylize("$accent"),
            content(words, one_line=True),
        )
        passage = Passage(statement.article_id, statement.sentence_start, statement.sentence_end)
        rows.append((with_title(line, statement.title, width), passage))
    return rows


def statements_view(
    speaker: str, statements: Sequence[SpeakerStatement], width: int
) -> PassageView:
    """The statements of ``speaker`` (its canonical name), with a summary line above."""
    articles = len({s.article_id for s in statements})
    direct = sum(s.kind == "direct" for s in statements)
    summary = (
        f"{counted(len(statements), 'statement')} in {counted(articles, 'article')}"
        f" ({direct} direct, {len(statements) - direct} reported)"
        if statements
        else f"No statements attributed to {speaker} were found."
    )
    lead = [content(summary, one_line=True)]
    return PassageView(f"Statements: {speaker}", lead, statement_rows(statements, width))


class StatementsScreen(PassageListScreen):
    """A :func:`statements_view`."""
