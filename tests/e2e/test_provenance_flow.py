"""A quote's provenance across edits to its source, in a real terminal.

Quote a sentence from a copy of the seeds, then change the file under the note three
ways and relaunch the installed app each time: a sentence inserted before the quote
(the note is *moved*, the quote mark follows the passage, the export cites the
corpus-relative path and no local folder), a word changed inside the quote (the note is
*changed*; the CLI export warns and says what the source now reads; ``w`` then ``a``
re-quotes it), and the file deleted (the note is *orphaned*).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from search.locations import seeds_dir
from tests.e2e.test_search_and_open import HITS_IN_ARTICLE, shows_hits_for
from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e

INSERTED = "Officials added a late statement. "
NEW_WORD = "reportedly"
SENTENCE = re.compile(r"sentence (\d+)/(\d+)")
FIRST_SCREEN = "Relations between Russia and Azerbaijan"


def launch(terminal: Terminal, corpus: Path) -> None:
    """Start the app on ``corpus`` at the shell prompt and wait for its first screen: the
    article list, or on a relaunch the article whose tab was in front (its path shows)."""
    terminal.run(f"briefing {corpus}")
    terminal.wait_for(lambda screen: FIRST_SCREEN in screen or "Path    corpus/" in screen)


def quit_app(terminal: Terminal) -> None:
    terminal.send_keys("C-q")
    terminal.wait_for_shell()


def status_row(screen: str) -> str:
    """The reading pane's status line: the one that counts paragraphs and sentences."""
    return next(line for line in screen.splitlines() if SENTENCE.search(line))


def only_briefing_file(notes: Path) -> Path:
    """The one briefing file in the notes folder."""
    files = sorted(notes.glob("*.yaml"))
    assert len(files) == 1, f"expected one briefing file, found {files}"
    return files[0]


def only_note(notes: Path) -> dict:
    """The one note of the one briefing in the notes folder, as stored."""
    briefing = yaml.safe_load(only_briefing_file(notes).read_text(encoding="utf-8"))
    assert len(briefing["notes"]) == 1
    return briefing["notes"][0]


def find_quote(text: str, exact: str) -> re.Match[str]:
    """Where the quoted words stand in the file's text (any run of whitespace between them)."""
    pattern = r"\s+".join(re.escape(word) for word in exact.split())
    found = re.search(pattern, text)
    assert found, f"the quote {exact!r} is not in the source file"
    return found


def blockquotes(markdown: str) -> list[str]:
    """The plain text of each blockquote, escapes undone and whitespace collapsed."""
    texts: list[str] = []
    depth = 0
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "blockquote_open":
            if depth == 0:
                texts.append("")
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth and token.type == "inline":
            words = [c.content if c.type == "text" else " " for c in token.children or []]
            texts[-1] += " " + "".join(words)
    return [" ".join(text.split()) for text in texts]


def sources_html(markdown: str) -> str:
    """The rendered Sources section of an export (escapes undone)."""
    html = MarkdownIt("commonmark").render(markdown)
    head, sep, sources = html.partition("<h2>Sources</h2>")
    assert sep, f"the export has no Sources heading:\n{markdown}"
    return sources


def test_quote_follows_its_source_through_move_change_and_deletion(
    terminal: Terminal, user_dirs: dict[str, str], briefing: str, tmp_path: Path
):
    notes = Path(user_dirs["BRIEFING_NOTES_DIR"])
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)

    # 1-2. Quote the second sentence of an article about Aliyev, with a note.
    launch(terminal, corpus)
    terminal.send_keys("/")
    terminal.type("Aliyev")
    terminal.wait_for(shows_hits_for("Aliyev"))
    terminal.send_keys("Enter")
    terminal.wait_for(HITS_IN_ARTICLE)
    terminal.send_keys("Right")
    terminal.wait_for("sentence 1/")
    terminal.send_keys("Right")
    quoting = terminal.wait_for(["sentence 2/", "s quote sentence"])
    place = SENTENCE.search(status_row(quoting))
    sentence, sentences = int(place.group(1)), int(place.group(2))
    terminal.send_keys("s")
    terminal.wait_for("▶ Note")
    terminal.type("Watch this claim")
    terminal.wait_for("Watch this claim")
    terminal.send_keys("C-s")
    terminal.wait_for("Note saved in")
    quit_app(terminal)

    # 3. What was quoted, from the briefing file; a sentence goes in right before it.
    note = only_note(notes)
    exact = note["quote"]["exact"]
    rel_path = note["article"]["path"]
    assert exact and rel_path
    assert not Path(rel_path).is_absolute(), f"the note stores an absolute path: {rel_path}"
    source = corpus / rel_path
    assert source.is_file(), f"the note's path {rel_path} is not a file of the corpus"
    text = source.read_text(encoding="utf-8")
    at = find_quote(text, exact).start()
    source.write_text(text[:at] + INSERTED + text[at:], encoding="utf-8")

    # 4. Relaunched: the note is moved, and opening it lands on the quoted sentence.
    launch(terminal, corpus)
    terminal.send_keys("C-n")
    listed = terminal.wait_for("↕ moved")
    assert "1 moved" in listed, "the notes view's title does not count the moved note"
    assert "≠ changed" not in listed and "Orphaned" not in listed
    terminal.send_keys("Enter")
    reading = terminal.wait_for(lambda s: any("❝ quoted" in line for line in s.splitlines()[-4:]))
    row = status_row(reading)
    assert "❝ quoted" in row, f"the quoted sentence is not under the cursor: {row!r}"
    assert SENTENCE.search(row).groups() == (str(sentence + 1), str(sentences + 1)), (
        f"the cursor is not on the moved quote (quoted at sentence {sentence}/{sentences}): {row!r}"
    )
    assert INSERTED.strip() in reading, "the pane does not show the edited article"

    # 5. Export from the notes view: the quote as written, cited by corpus-relative path.
    terminal.send_keys("C-n")
    terminal.wait_for("↕ moved")
    terminal.send_keys("C-o")
    terminal.wait_for("Exported")
    quit_app(terminal)
    exported = notes / "exports" / f"{only_briefing_file(notes).stem}.md"
    assert exported.is_file(), f"no export at {exported}"
    markdown = exported.read_text(encoding="utf-8")
    assert any(exact in quoted for quoted in blockquotes(markdown)), (
        f"the quote is not a blockquote in the export:\n{markdown}"
    )
    assert rel_path in sources_html(markdown), f"the Sources do not cite {rel_path}:\n{markdown}"
    assert str(tmp_path) not in markdown, f"the export names a local folder:\n{markdown}"
    assert "The source now reads" not in markdown, "a moved quote is reported as reworded"

    # 6. A word inside the quote changes: the note is changed; the CLI export warns.
    text = source.read_text(encoding="utf-8")
    span = find_quote(text, exact)
    old_word = next(
        w for w in re.findall(r"[A-Za-z]{6,}", span.group()) if w != NEW_WORD and w.islower()
    )
    reworded = re.sub(rf"\b{old_word}\b", NEW_WORD, span.group(), count=1)
    source.write_text(text[: span.start()] + reworded + text[span.end() :], encoding="utf-8")
    new_exact = re.sub(rf"\b{old_word}\b", NEW_WORD, exact, count=1)

    launch(terminal, corpus)
    terminal.send_keys("C-n")
    listed = terminal.wait_for("≠ changed")
    assert "1 changed" in listed, "the notes view's title does not count the changed quote"

    done = subprocess.run(
        [briefing, "export", "--corpus", str(corpus)],
        env={**os.environ, **user_dirs},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "warning" in line]
    assert any("1 quote changed" in line for line in warnings), done.stderr
    assert "The source now reads:" in done.stdout, done.stdout
    assert NEW_WORD in done.stdout, "the CLI export does not show the current wording"
    assert str(tmp_path) not in done.stdout

    terminal.send_keys("w")
    terminal.wait_for("The source now reads differently")
    terminal.send_keys("a")
    terminal.wait_for("Re-quoted from the source's current wording")
    terminal.wait_for(lambda s: "≠ changed" not in s and "↕ moved" not in s)
    quit_app(terminal)
    requoted = " ".join(only_note(notes)["quote"]["exact"].split())
    assert NEW_WORD in requoted and old_word not in requoted, requoted
    # The current wording is the quoted sentence with its one word changed, nothing around
    # it; checked after the orphan step so that a wrong span does not hide that step.
    wrong_span = requoted != " ".join(new_exact.split())

    # 7. The file is deleted: the note is orphaned, never hidden.
    source.unlink()
    launch(terminal, corpus)
    terminal.send_keys("C-n")
    terminal.wait_for(["Orphaned (1)", "its article is no longer in the corpus"])
    quit_app(terminal)

    assert not wrong_span, (
        f"re-quoting took a different span than the quoted sentence:\n"
        f"  quoted    {exact!r}\n  expected  {new_exact!r}\n  re-quoted {requoted!r}"
    )
