"""Markdown export: the expected layout, valid CommonMark, user text rendered as written."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from markdown_it import MarkdownIt

from briefings.markdown import generation_line, render_briefing
from briefings.models import ArticleRef, Briefing, Note, Quote

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "briefing_export.md"
WHEN = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
STAMP = "2026-02-27T10:00:00Z"

RATES = ArticleRef(
    id="a1",
    title="Rates rise *again*",
    source="Example News",
    date="2024-03-05",
    path="business/rates.txt",
    url="https://news.example/rates",
)
BONDS = ArticleRef(id="a2", title="Bond yields: 1. up", source=None, date=None, path="b/2.txt")


def _note(note_id: str, ref: ArticleRef, exact: str | None, text: str, *tags, orphaned=False):
    quote = None
    if exact is not None:
        quote = Quote(exact, "before ", " after", 10, 10 + len(exact), "sha256:0", orphaned)
    return Note(note_id, ref, quote, text, tuple(tags), STAMP, STAMP)


def sample_briefing() -> Briefing:
    return Briefing(
        title="Rates # Q1 <draft>",
        slug="rates-q1",
        created=STAMP,
        updated=STAMP,
        summary="What moved rates in **March**.\nTwo lines.",
        notes=(
            _note(
                "n1",
                RATES,
                "The bank raised its key rate\nby half a point.",
                "See `yields`.",
                "rates",
            ),
            _note(
                "n2", BONDS, "> Yields | rose [bold]", "- not a list\n1. not a list", "_x_", "#y"
            ),
            _note("n3", RATES, None, "Whole-article note <b>html</b> & co."),
            _note("n4", BONDS, "A passage that went away", "Still mine.", orphaned=True),
        ),
    )


def _shown(inline) -> str:
    """The text of an inline token as a reader sees it, line breaks as newlines."""
    breaks = ("softbreak", "hardbreak")
    return "".join("\n" if c.type in breaks else c.content for c in inline.children)


def _texts(markdown: str) -> list[str]:
    """The text of each block of a Markdown document."""
    return [_shown(t) for t in MarkdownIt("commonmark").parse(markdown) if t.type == "inline"]


def test_export_matches_the_expected_file():
    assert render_briefing(sample_briefing(), generated=WHEN) == FIXTURE.read_text(encoding="utf-8")


def test_structure_title_date_sections_orphans_and_sources():
    tokens = MarkdownIt("commonmark").parse(render_briefing(sample_briefing(), generated=WHEN))
    headings = [
        (tokens[i].tag, _shown(tokens[i + 1]))
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    assert headings == [
        ("h1", "Rates # Q1 <draft>"),
        ("h2", "Rates rise *again*"),
        ("h2", "Bond yields: 1. up"),
        ("h2", "Orphaned notes"),
        ("h3", "Bond yields: 1. up"),
        ("h2", "Sources"),
    ]
    quotes = sum(1 for t in tokens if t.type == "blockquote_open")
    assert quotes == 3
    items = [t for t in tokens if t.type == "list_item_open"]
    assert len(items) == 2  # the sources; note text that looks like a list is not one


def test_user_text_renders_as_written():
    texts = _texts(render_briefing(sample_briefing(), generated=WHEN))
    assert "The bank raised its key rate\nby half a point. [1]" in texts
    assert "> Yields | rose [bold] [2]" in texts
    assert "- not a list\n1. not a list" in texts
    assert "Tags: _x_, #y" in texts
    assert "Whole-article note <b>html</b> & co. [1]" in texts
    assert "What moved rates in **March**.\nTwo lines." in texts
    html = MarkdownIt("commonmark").render(render_briefing(sample_briefing(), generated=WHEN))
    assert "<b>html" not in html and "<strong>" not in html


def test_sources_cite_title_source_date_link_and_path():
    texts = _texts(render_briefing(sample_briefing(), generated=WHEN))
    assert texts[-2:] == [
        "Rates rise *again*. Example News, 2024-03-05. https://news.example/rates "
        "(business/rates.txt)",
        "Bond yields: 1. up. (b/2.txt)",
    ]


def test_reexport_differs_only_in_the_generation_line():
    briefing = sample_briefing()
    first = render_briefing(briefing, generated=WHEN).splitlines()
    later = datetime(2027, 1, 2, 3, 4, tzinfo=UTC)
    second = render_briefing(briefing, generated=later).splitlines()
    changed = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
    assert changed == [(generation_line(WHEN), generation_line(later))]


def test_control_characters_never_reach_the_file():
    note = replace(sample_briefing().notes[0], text="red \x1b[31malert\x1b[0m\x07 \x9b done")
    text = render_briefing(replace(sample_briefing(), notes=(note,)), generated=WHEN)
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) < 0xA0 for c in text)
    assert "red ␛\\[31malert␛\\[0m␇ \ufffd done" in text


def test_empty_briefing_has_title_and_date_only():
    empty = Briefing(title="Nothing yet", slug="nothing", created=STAMP, updated=STAMP)
    assert render_briefing(empty, generated=WHEN) == (f"# Nothing yet\n\n{generation_line(WHEN)}\n")
