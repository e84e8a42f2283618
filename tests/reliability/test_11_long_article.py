"""Item 11 (reading): a very long article opens at once, laid out a part at a time.

A 50 MB article made one widget per paragraph and marked hits over the whole text on the
UI thread: 52 s of a frozen screen. Now the pane lays out one bounded part, says so, and
goes on with ``>``; find and the cursor work on what is shown. The work is bounded by
construction (the widgets mounted), not by a timing.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import ready, screen_text, wait_for, wait_for_text
from tui.app import make_app
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.reading.paragraph import Paragraph
from tui.widgets.reading.parts import PART_CHARS, PART_PARAGRAPHS

PARAGRAPHS = 3000
WORDS = [
    "the",
    "river",
    "rose",
    "past",
    "the",
    "old",
    "mill",
    "and",
    "the",
    "harbour",
    "wall",
    "while",
    "a",
    "ferry",
    "waited",
]


def _long_corpus(folder: Path) -> Path:
    paragraphs = [
        f"Part {n + 1} begins here. " + " ".join(WORDS[(n + i) % len(WORDS)] for i in range(40))
        for n in range(PARAGRAPHS)
    ]
    folder.mkdir()
    text = "A long river report\n\n" + "\n\n".join(paragraphs) + "\n"
    (folder / "long.txt").write_text(text, encoding="utf-8")
    return folder


async def test_a_long_article_shows_its_beginning_one_bounded_part_at_a_time(tmp_path):
    app = make_app(_long_corpus(tmp_path / "corpus"), notes_dir=tmp_path / "notes")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.screen.open_article(app.articles[0].id)
        await wait_for(pilot, lambda: bool(app.screen.query(ReadingPane)))
        pane = app.screen.query_one(ReadingPane)
        screen = await wait_for_text(pilot, "Part 1 begins here.")

        mounted = list(pane.query(Paragraph))
        assert len(mounted) <= PART_PARAGRAPHS < PARAGRAPHS
        assert sum(p.end - p.start for p in mounted) <= PART_CHARS
        assert "Long article: showing part 1 of" in screen
        assert "paragraphs 1–" in screen

        await pilot.press("greater_than_sign")
        await wait_for(pilot, lambda: pane.paragraphs[0].index > 0)
        first, second = pane.paragraphs[:2]
        body = pane.article.body
        opening = body[first.start : body.index(".", first.start) + 1]
        screen = await wait_for_text(pilot, opening)
        assert "Part 1 begins here." not in screen
        assert "showing part 2 of" in screen
        assert len(pane.query(Paragraph)) <= PART_PARAGRAPHS

        # The cursor starts in the part shown.
        await pilot.press("right")
        await wait_for(pilot, lambda: "quote sentence" in pane.status_text)
        assert pane.cursor.paragraph >= first.index

        # Find searches the part shown.
        wanted = body[second.start : body.index(".", second.start)].lower()
        await pilot.press("f", *("space" if c == " " else c for c in wanted))
        await wait_for(pilot, lambda: len(pane.walk.matches) == 1)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "1 of 1" in pane.status_text)

        await pilot.press("less_than_sign")
        await wait_for_text(pilot, "Part 1 begins here.")
        assert pane.paragraphs[0].index == 0
        assert "Traceback" not in screen_text(app)
