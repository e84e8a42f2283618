"""Any note, quote and tag survives save, load and export (property tests)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefings.markdown import render_briefing
from briefings.models import ArticleRef, Briefing, Note, Quote
from briefings.resolver import ARTICLE_GONE, PASSAGE_GONE, NoteStatus, ResolvedNote
from briefings.store import BriefingStore
from briefings.yamlfile import dump_briefing, parse_briefing

TRICKY = [
    "no",
    "yes",
    "null",
    "~",
    "true",
    "1e3",
    "0x1F",
    "- x",
    ": ",
    "#",
    "# c",
    "[bold]",
    "[/]",
    "'",
    '"',
    "|",
    ">",
    "---",
    "...",
    "%YAML 1.1",
    "!!python/object:os.system",
    "&a",
    "*a",
    "@",
    "`",
    " lead",
    "trail ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\x85",
    "\u2028",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\x7f",
    "\x9b",
    "<b>",
    "&amp;",
    "1. ",
    "* ",
    "_",
    "\\",
    "  \n",
    "a  ",
    "é",
    "日本語",
    "🙂",
]

text = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=5)), max_size=8).map("".join),
)
tag = text.map(str.strip).filter(bool)
offset = st.integers(min_value=0, max_value=10**9)


@st.composite
def notes(draw) -> Note:
    quote = None
    if draw(st.booleans()):
        start = draw(offset)
        quote = Quote(
            exact=draw(text.filter(bool)),
            prefix=draw(text),
            suffix=draw(text),
            start=start,
            end=start + draw(offset),
            content_hash=draw(text),
        )
    optional = st.none() | text
    ref = ArticleRef(
        id=draw(text),
        title=draw(text),
        source=draw(optional),
        date=draw(optional),
        path=draw(optional),
        url=draw(optional),
        author=draw(optional),
        corpus=draw(optional),
    )
    return Note(
        id=draw(text.filter(bool)),
        article=ref,
        quote=quote,
        text=draw(text),
        tags=tuple(dict.fromkeys(draw(st.lists(tag, max_size=4)))),
        created=draw(text),
        updated=draw(text),
    )


@st.composite
def briefings(draw) -> Briefing:
    drawn = draw(st.lists(notes(), max_size=4))
    unique = tuple({n.id: n for n in drawn}.values())
    return Briefing(
        title=draw(text.filter(str.strip)),
        slug="b",
        created=draw(text),
        updated=draw(text),
        summary=draw(text),
        notes=unique,
    )


@given(briefings())
@settings(max_examples=150)
def test_any_briefing_survives_yaml(briefing):
    assert parse_briefing(dump_briefing(briefing).encode(), Path("b.yaml")) == briefing


@given(notes())
# Each example is a locked, fsynced save: its time is the disk's, not the code's.
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_note_survives_the_store(tmp_path, note):
    store = BriefingStore(tmp_path / "notes")
    slug = store.create("Properties").slug
    saved = store.add_note(slug, note)
    assert BriefingStore(store.directory).load(slug) == saved
    assert saved.note(note.id) == note


def _visible(value: str) -> str:
    """What a reader of the export should see: control characters as symbols."""

    def shown(ch: str) -> str:
        code = ord(ch)
        if ch in "\n\t\r":
            return ch
        if code < 0x20:
            return chr(0x2400 + code)
        if code == 0x7F:
            return "\u2421"
        return "\ufffd" if 0x80 <= code < 0xA0 else ch

    return " ".join("".join(shown(c) for c in value).split())


def _document_text(markdown: str) -> str:
    tokens = MarkdownIt("commonmark").parse(markdown)
    words = []
    for token in tokens:
        if token.type == "inline":
            breaks = ("softbreak", "hardbreak")
            words += [" " if c.type in breaks else c.content for c in token.children] + [" "]
    return " ".join("".join(words).split())


@st.composite
def resolved(draw, briefing: Briefing) -> list[ResolvedNote]:
    """A status for each note of ``briefing``, as the resolver could report it."""
    out = []
    for note in briefing.notes:
        if note.quote is None:
            status = draw(st.sampled_from([NoteStatus.ANCHORED, NoteStatus.ORPHANED]))
        else:
            status = draw(st.sampled_from(NoteStatus))
        current = None
        if status is not NoteStatus.ORPHANED and note.quote is not None:
            exact = draw(text.filter(bool)) if status is NoteStatus.CHANGED else note.quote.exact
            current = Quote(exact, "", "", 0, len(exact), "")
        reason = ""
        if status is NoteStatus.ORPHANED:
            reason = draw(st.sampled_from([ARTICLE_GONE, PASSAGE_GONE]))
        out.append(ResolvedNote(note, status, current=current, reason=reason))
    return out


@given(st.data(), briefings(), st.booleans())
@settings(max_examples=150)
def test_any_note_quote_and_tag_renders_as_written(data, briefing, by_article):
    statuses = data.draw(resolved(briefing))
    markdown = render_briefing(
        briefing, statuses, generated=datetime(2026, 1, 1, tzinfo=UTC), by_article=by_article
    )
    assert not any(ord(c) < 32 and c not in "\n\t" for c in markdown)
    shown = _document_text(markdown)
    assert _visible(briefing.title) in shown
    assert _visible(briefing.summary) in shown
    for note in briefing.notes:
        assert _visible(note.text) in shown
        if note.quote is not None:
            assert _visible(note.quote.exact) in shown
        for t in note.tags:
            assert _visible(t) in shown
    for item in statuses:
        if item.status is NoteStatus.CHANGED:
            assert _visible(item.current.exact) in shown
    cited: dict[str, ArticleRef] = {}
    for note in briefing.notes:  # an article is cited under the title first seen for it
        cited.setdefault(note.article.id, note.article)
    for ref in cited.values():
        assert _visible(ref.title) in shown
