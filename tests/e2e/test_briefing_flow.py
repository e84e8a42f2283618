"""From reading to a Markdown briefing in a real terminal: search, open, quote a sentence,
write a note, export, and read the file the app says it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.e2e.test_search_and_open import HITS_IN_ARTICLE, shows_hits_for
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e


def test_quote_a_sentence_write_a_note_and_export(terminal: Terminal, user_dirs: dict[str, str]):
    notes = Path(user_dirs["BRIEFING_NOTES_DIR"])
    terminal.run("briefing")
    terminal.wait_for("Relations between Russia and Azerbaijan")

    terminal.send_keys("/")
    terminal.type("Aliyev")
    terminal.wait_for(shows_hits_for("Aliyev"))
    terminal.send_keys("Enter")
    terminal.wait_for(HITS_IN_ARTICLE)

    terminal.send_keys("Right")
    terminal.wait_for("sentence 1/")
    terminal.send_keys("Right")
    terminal.wait_for("s quote sentence")
    terminal.send_keys("s")
    terminal.wait_for("New note on")
    terminal.wait_for("▶ Note")
    terminal.type("Watch this claim")
    terminal.wait_for("Watch this claim")
    terminal.send_keys("Tab")
    terminal.wait_for("▶ Tags")
    terminal.type("energy, sanctions")
    terminal.send_keys("C-s")
    saved = terminal.wait_for("Note saved in")
    assert "briefing: Briefing" in saved
    assert "❝ quoted" in terminal.wait_for("❝ quoted"), "the quoted sentence is not marked"

    terminal.send_keys("C-o")
    terminal.wait_for("Exported")
    exported = notes / "exports" / "briefing.md"
    assert exported.is_file()

    markdown = exported.read_text(encoding="utf-8")
    assert markdown.startswith("# Briefing\n")
    tokens = MarkdownIt("commonmark").parse(markdown)
    assert any(t.type == "blockquote_open" for t in tokens), "the quote is not a blockquote"
    assert "Watch this claim" in markdown
    assert "energy" in markdown and "sanctions" in markdown

    terminal.send_keys("q")
    terminal.wait_for_shell()
