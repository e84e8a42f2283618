"""Exporting to a file: grouping by article, quotes of several paragraphs, whole-article
notes, citations' punctuation, blank titles, the generation line in UTC."""

from __future__ import annotations

import os
import time
from dataclasses import replace

from markdown_it import MarkdownIt

from briefings.export import export_briefing
from briefings.markdown import render_briefing
from briefings.models import ArticleRef, new_note
from briefings.resolver import (
    resolve_notes,
)
from tests.briefing_data import BODY, article, quoted_note
from tests.unit.briefing_helpers import (
    WHEN,
    Corpus,
    briefing_of,
    note_quoting,
)

# Export to a file.


def test_export_to_a_file_groups_notes_by_article_when_asked(tmp_path):
    rates = article()
    bonds = article(BODY, article_id="b1", title="Bond yields")
    notes = (
        quoted_note("Markets fell sharply", text="first on rates"),
        quoted_note("raised its key rate", text="on bonds", art=bonds),
        quoted_note("further rises could follow", text="second on rates"),
    )
    briefing = briefing_of(*notes)
    resolved = resolve_notes(notes, Corpus(rates, bonds))
    result = export_briefing(briefing, resolved, tmp_path / "out.md", by_article=True)
    text = result.path.read_text(encoding="utf-8")
    order = [text.index(s) for s in ("## Rates rise", "first on rates", "second on rates")]
    order += [text.index(s) for s in ("## Bond yields", "on bonds")]
    assert order == sorted(order)
    assert "> Markets fell sharply [1]" in text and "> raised its key rate [2]" in text


def test_a_quote_of_two_paragraphs_is_one_blockquote_holding_both():
    art = article("First paragraph of the quote.\n\nSecond paragraph of the quote.")
    note = note_quoting(art, art.body)
    [item] = resolve_notes([note], Corpus(art))
    markdown = render_briefing(briefing_of(note), [item], generated=WHEN)
    assert "> First paragraph of the quote.\n>\n> Second paragraph of the quote. [1]\n" in markdown
    tokens = MarkdownIt("commonmark").parse(markdown)
    assert [t.type for t in tokens].count("blockquote_open") == 1


def test_a_whole_article_note_without_words_still_cites_its_article():
    art = article()
    bookmark = new_note(ArticleRef.from_article(art))
    [item] = resolve_notes([bookmark], Corpus(art))
    for by_article in (False, True):
        markdown = render_briefing(
            briefing_of(bookmark), [item], generated=WHEN, by_article=by_article
        )
        assert "\n[1]\n" in markdown


def test_citations_keep_a_titles_own_punctuation_and_name_an_untitled_article():
    refs = [
        ArticleRef("q", "Will rates rise?", path="q.txt"),
        ArticleRef("e", "Rates rise!", path="e.txt"),
        ArticleRef("d", "Rates rise in the U.S.", path="d.txt"),
        ArticleRef("u", "", path=None, url=None),
    ]
    notes = [new_note(ref, text=f"on {ref.id}") for ref in refs]
    resolved = resolve_notes(notes, Corpus())  # all orphaned: cited as stored
    markdown = render_briefing(briefing_of(*notes), resolved, generated=WHEN)
    assert markdown.endswith(
        "1. Will rates rise? q.txt\n"
        "2. Rates rise\\! e.txt\n"  # "!" escaped: it would start an image
        "3. Rates rise in the U.S. d.txt\n"
        "4. Untitled article.\n"
    )
    assert "### Untitled article\n" in markdown


def test_a_briefing_with_a_blank_title_exports_under_its_file_name():
    briefing = replace(briefing_of(), title="   ", slug="caucasus-watch")
    assert render_briefing(briefing, [], generated=WHEN).startswith("# caucasus-watch\n")


def test_the_generation_line_is_in_utc_whatever_the_machines_time_zone():
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        markdown = render_briefing(briefing_of(), [], generated=WHEN)
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()
    assert "*Generated 2026-03-01 09:30 UTC*" in markdown
