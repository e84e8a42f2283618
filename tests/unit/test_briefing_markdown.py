"""Markdown export: the expected layout, valid CommonMark, user text rendered as written."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from markdown_it import MarkdownIt

from briefings.markdown import generation_line, long_date, render_briefing
from briefings.models import ArticleRef, Briefing, Note, Quote
from briefings.resolver import ARTICLE_GONE, PASSAGE_GONE, NoteStatus, ResolvedNote
from search.models.articles import Article

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
    author="Ana Diaz",
)
BONDS = ArticleRef(id="a2", title="Bond yields: 1. up", source=None, date=None, path="b/2.txt")
# Written by schema 1, whose paths were absolute: only the file name may be shown.
GONE = ArticleRef(
    id="a3",
    title="Old bulletin",
    source="Ministry",
    date="2024-07",
    path="/home/ana/corpus/old/bulletin.txt",
)


def _quote(exact: str, start: int = 10) -> Quote:
    return Quote(exact, "before ", " after", start, start + len(exact), "sha256:0")


def _note(note_id: str, ref: ArticleRef, exact: str | None, text: str, *tags) -> Note:
    quote = None if exact is None else _quote(exact)
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
            _note("n4", BONDS, "A passage that went away", "Still mine."),
            _note("n5", RATES, "Markets fell sharply", "Check the close.", "mkt"),
            _note("n6", GONE, "Exports doubled", "From the old bulletin."),
        ),
    )


def sample_resolved(briefing: Briefing | None = None) -> list[ResolvedNote]:
    """The sample's notes as the resolver would report them against a changed corpus."""
    status = {
        "n1": (NoteStatus.ANCHORED, _quote("The bank raised its key rate\nby half a point."), ""),
        "n2": (NoteStatus.MOVED, _quote("> Yields | rose [bold]", start=80), ""),
        "n3": (NoteStatus.ANCHORED, None, ""),
        "n4": (NoteStatus.ORPHANED, None, PASSAGE_GONE),
        "n5": (NoteStatus.CHANGED, _quote("Markets fell [sharply] *at once*"), ""),
        "n6": (NoteStatus.ORPHANED, None, ARTICLE_GONE),
    }
    return [
        ResolvedNote(
            note, status[note.id][0], current=status[note.id][1], reason=status[note.id][2]
        )
        for note in (briefing or sample_briefing()).notes
    ]


def _render(briefing: Briefing | None = None, **options) -> str:
    briefing = briefing or sample_briefing()
    return render_briefing(briefing, sample_resolved(briefing), generated=WHEN, **options)


def _shown(inline) -> str:
    """The text of an inline token as a reader sees it, line breaks as newlines."""
    breaks = ("softbreak", "hardbreak")
    return "".join("\n" if c.type in breaks else c.content for c in inline.children)


def _texts(markdown: str) -> list[str]:
    """The text of each block of a Markdown document."""
    return [_shown(t) for t in MarkdownIt("commonmark").parse(markdown) if t.type == "inline"]


def test_export_matches_the_expected_file():
    assert _render() == FIXTURE.read_text(encoding="utf-8")


def _headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [
        (tokens[i].tag, _shown(tokens[i + 1]))
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]


def test_structure_title_date_notes_in_order_orphans_and_sources():
    markdown = _render()
    assert _headings(markdown) == [
        ("h1", "Rates # Q1 <draft>"),
        ("h2", "Orphaned notes"),
        ("h3", "Bond yields: 1. up"),
        ("h3", "Old bulletin"),
        ("h2", "Sources"),
    ]
    tokens = MarkdownIt("commonmark").parse(markdown)
    assert sum(1 for t in tokens if t.type == "blockquote_open") == 5
    items = [t for t in tokens if t.type == "list_item_open"]
    assert len(items) == 3  # the sources; note text that looks like a list is not one


def test_notes_keep_the_briefings_order_not_grouped_by_article():
    texts = _texts(_render())
    found = [t for t in texts if t in ("See `yields`.", "- not a list\n1. not a list")]
    found += [t for t in texts if t.startswith("Whole-article note") or t == "Check the close."]
    order = [texts.index(t) for t in found]
    assert order == sorted(order)
    assert [texts[i] for i in order][:2] == ["See `yields`.", "- not a list\n1. not a list"]


def test_by_article_groups_notes_under_a_heading_per_article_in_order_of_first_note():
    markdown = _render(by_article=True)
    assert _headings(markdown)[:3] == [
        ("h1", "Rates # Q1 <draft>"),
        ("h2", "Rates rise *again*"),
        ("h2", "Bond yields: 1. up"),
    ]
    texts = _texts(markdown)
    assert "Ana Diaz · Example News · 5 March 2024 · https://news.example/rates" in texts
    rates, bonds = texts.index("Rates rise *again*"), texts.index("Bond yields: 1. up")
    assert rates < texts.index("Check the close.") < bonds < texts.index("Still mine.")


def test_changed_quote_keeps_the_analysts_words_and_says_what_the_source_now_reads():
    texts = _texts(_render())
    quoted = texts.index("Markets fell sharply [1]")
    assert texts[quoted + 1] == "The source now reads: “Markets fell [sharply] *at once*”"
    assert texts[quoted + 2] == "Check the close."


def test_current_words_over_a_line_break_render_without_a_stray_backslash():
    briefing = sample_briefing()
    resolved = sample_resolved(briefing)
    resolved[4] = replace(resolved[4], current=_quote("Markets fell\nat once"))
    texts = _texts(render_briefing(briefing, resolved, generated=WHEN))
    [now] = [t for t in texts if t.startswith("The source now reads:")]
    assert "\\" not in now
    assert " ".join(now.split()) == "The source now reads: “Markets fell at once”"


def test_moved_and_anchored_quotes_carry_no_flag():
    markdown = _render()
    assert markdown.count("The source now reads:") == 1
    texts = _texts(markdown)
    after_moved = texts[texts.index("> Yields | rose [bold] [2]") + 1]
    assert after_moved == "- not a list\n1. not a list"


def test_orphans_say_why_they_were_not_found():
    orphans = _render().split("## Orphaned notes")[1]
    texts = _texts(orphans)
    assert f"Not found: {PASSAGE_GONE}." in texts
    assert f"Not found: {ARTICLE_GONE}." in texts
    assert texts.index(f"Not found: {PASSAGE_GONE}.") < texts.index("A passage that went away [2]")


def test_user_text_renders_as_written():
    texts = _texts(_render())
    assert "The bank raised its key rate\nby half a point. [1]" in texts
    assert "> Yields | rose [bold] [2]" in texts
    assert "- not a list\n1. not a list" in texts
    assert "Tags: _x_, #y" in texts
    assert "Whole-article note <b>html</b> & co. [1]" in texts
    assert "What moved rates in **March**.\nTwo lines." in texts
    html = MarkdownIt("commonmark").render(_render())
    assert "<b>html" not in html and "<strong>" not in html and "<em>at once" not in html


def test_sources_cite_title_author_source_long_date_and_url_else_corpus_path():
    texts = _texts(_render())
    assert texts[-3:] == [
        "Rates rise *again*. Ana Diaz, Example News, 5 March 2024. https://news.example/rates",
        "Bond yields: 1. up. b/2.txt",
        "Old bulletin. Ministry, July 2024. bulletin.txt",
    ]


def test_no_absolute_local_path_reaches_the_export():
    for by_article in (False, True):
        markdown = _render(by_article=by_article)
        assert "/home/ana" not in markdown and "corpus/old" not in markdown


def test_a_windows_path_from_a_schema_1_file_shows_only_its_file_name():
    briefing = sample_briefing()
    windows = replace(GONE, path="C:\\Users\\ana\\corpus\\old\\bulletin.txt")
    notes = tuple(replace(n, article=windows) if n.id == "n6" else n for n in briefing.notes)
    markdown = _render(replace(briefing, notes=notes))
    assert "Users" not in markdown and "ana" not in markdown
    assert "3. Old bulletin. Ministry, July 2024. bulletin.txt" in markdown


def test_a_source_is_cited_as_its_article_is_now_when_it_is_there():
    briefing = sample_briefing()
    current = Article(
        id="a1",
        title="Rates rise again, and again",
        body="The bank raised its key rate\nby half a point.",
        path="business/rates.txt",
        source="Example News",
        author="Ana Diaz and Li Wei",
        date="2024-03-06",
        url="https://news.example/rates",
    )
    resolved = sample_resolved(briefing)
    resolved[0] = replace(resolved[0], article=current)
    texts = _texts(render_briefing(briefing, resolved, generated=WHEN))
    assert texts[-3] == (
        "Rates rise again, and again. Ana Diaz and Li Wei, Example News, 6 March 2024. "
        "https://news.example/rates"
    )


def test_long_date_writes_dates_out():
    assert long_date("2025-01-14") == "14 January 2025"
    assert long_date("2025-01-14T08:00:00Z") == "14 January 2025"
    assert long_date("2024-07") == "July 2024"
    assert long_date("2024") == "2024"
    assert long_date("spring 2024") == "spring 2024"
    assert long_date(None) == long_date("  ") == ""


def test_reexport_differs_only_in_the_generation_line():
    briefing, resolved = sample_briefing(), sample_resolved()
    first = render_briefing(briefing, resolved, generated=WHEN).splitlines()
    later = datetime(2027, 1, 2, 3, 4, tzinfo=UTC)
    second = render_briefing(briefing, resolved, generated=later).splitlines()
    changed = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
    assert changed == [(generation_line(WHEN), generation_line(later))]


def test_control_characters_never_reach_the_file():
    note = replace(sample_briefing().notes[0], text="red \x1b[31malert\x1b[0m\x07 \x9b done")
    briefing = replace(sample_briefing(), notes=(note,))
    text = _render(briefing)
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) < 0xA0 for c in text)
    assert "red ␛\\[31malert␛\\[0m␇ \ufffd done" in text


def test_empty_briefing_has_title_and_date_only():
    empty = Briefing(title="Nothing yet", slug="nothing", created=STAMP, updated=STAMP)
    assert render_briefing(empty, [], generated=WHEN) == (
        f"# Nothing yet\n\n{generation_line(WHEN)}\n"
    )


def test_a_changed_quote_of_blanks_still_says_what_the_source_now_reads():
    from briefings.resolver import NoteStatus, ResolvedNote

    blank = Quote("  ", "before ", " after", 10, 12, "sha256:0")
    note = Note("n1", RATES, blank, "", (), STAMP, STAMP)
    briefing = Briefing("Rates", "rates", STAMP, STAMP, notes=(note,))
    current = Quote("Markets fell", "", "", 10, 22, "sha256:1")
    item = ResolvedNote(note, NoteStatus.CHANGED, current=current)
    markdown = render_briefing(briefing, [item], generated=WHEN)
    assert "*The source now reads:* “Markets fell”" in markdown
    assert "[1]" in markdown
