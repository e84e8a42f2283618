"""`briefing export`: Markdown to stdout or a file, re-anchored against a corpus on request."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from briefings.anchoring import quote_article
from briefings.markdown import render_briefing
from briefings.models import ArticleRef, new_note
from briefings.store import BriefingStore
from tests.briefing_data import quoted_note
from tui.cli import main
from tui.cli.common import EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE


@pytest.fixture
def store():
    store = BriefingStore()
    slug = store.create("Rates watch").slug
    store.add_note(slug, quoted_note("Markets fell sharply", text="*Why?*", tags=("mkt",)))
    return store


def _without_date(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if not line.startswith("*Generated ")]


def test_export_to_stdout(store, capsys):
    assert main(["export", "Rates watch"]) == EXIT_OK
    out = capsys.readouterr().out
    expected = render_briefing(store.load("rates-watch"))
    assert _without_date(out) == _without_date(expected)
    tokens = MarkdownIt("commonmark").parse(out)
    assert tokens[0].tag == "h1" and tokens[1].content == "Rates watch"


def test_the_only_briefing_needs_no_name(store, capsys):
    assert main(["export"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("# Rates watch\n")


def test_several_briefings_need_a_name(store, capsys):
    store.create("Bonds")
    assert main(["export"]) == EXIT_USAGE
    assert "several briefings (bonds, rates-watch)" in capsys.readouterr().err


def test_no_briefing_at_all(capsys):
    assert main(["export"]) == EXIT_NOT_FOUND
    assert "no briefings yet" in capsys.readouterr().err


def test_export_to_a_file_twice_differs_only_in_the_date_line(store, tmp_path, capsys):
    target = tmp_path / "out" / "rates.md"
    assert main(["export", "rates-watch", "-o", str(target)]) == EXIT_OK
    assert capsys.readouterr().err.strip() == f"briefing: wrote {target}"
    first = target.read_text(encoding="utf-8")
    assert main(["export", "rates-watch", "-o", str(target)]) == EXIT_OK
    second = target.read_text(encoding="utf-8")
    assert _without_date(first) == _without_date(second)
    assert len(first.splitlines()) == len(_without_date(first)) + 1
    assert "\\*Why?\\*" in first


def test_corrupt_briefing_is_one_line_exit_1_and_untouched(store, capsys):
    path = store.path_for("rates-watch")
    raw = path.read_bytes().replace(b"notes:", b"notes: [", 1)
    path.write_bytes(raw)
    assert main(["export", "rates-watch"]) == EXIT_ERROR
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith(f"briefing: {path}:") and "not valid YAML" in line
    assert captured.out == ""
    assert path.read_bytes() == raw


def test_unwritable_output_is_a_message(store, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", "rates-watch", "-o", str(blocker / "out.md")]) == EXIT_ERROR
    assert capsys.readouterr().err.startswith("briefing: cannot write")


def test_export_with_corpus_finds_moved_quotes_and_lists_lost_ones(tmp_path, capsys):
    from search.service import open_search_service

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    doc = corpus / "rates.txt"
    doc.write_text(
        "Rates rise again\n\n"
        "The central bank raised its key rate by half a point on Tuesday.\n\n"
        "The governor warned that further rises could follow in the spring. "
        "Markets fell sharply after the announcement.\n",
        encoding="utf-8",
    )
    service = open_search_service(corpus)
    service.update()
    [summary] = service.articles()
    art = service.article(summary.id)
    store = BriefingStore()
    slug = store.create("Rates").slug
    for passage, text in (("further rises could follow", "kept"), ("by half a point", "lost")):
        start = art.body.index(passage)
        quote = quote_article(art, start, start + len(passage))
        store.add_note(slug, new_note(ArticleRef.from_article(art), text=text, quote=quote))

    doc.write_text(
        "Rates rise again\n\n"
        "Updated with market reaction.\n\n"
        "The central bank raised its key rate on Tuesday.\n\n"
        "The governor warned that further rises could follow in the spring. "
        "Markets fell sharply after the announcement.\n",
        encoding="utf-8",
    )
    assert main(["export", "rates", "--corpus", str(corpus)]) == EXIT_OK
    captured = capsys.readouterr()
    assert "1 quote not found" in captured.err
    before_orphans, orphans = captured.out.split("## Orphaned notes")
    assert "> further rises could follow [1]" in before_orphans
    assert "> by half a point [1]" in orphans and "lost" in orphans
    # Export reads the briefing; it does not rewrite it.
    assert not store.load(slug).notes[1].orphaned
