"""Item 14: quitting while a note is not saved asks first and can save it elsewhere.

A save is made to fail the way a user meets it: the briefing file is spoiled by a hand
edit while the app runs, so the note is kept unsaved. ctrl+q (or q) must then ask, and
"save and quit" must leave the note in a briefing file the user can open.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input

from briefings.store import BriefingStore
from search.locations import seeds_dir
from tests.tui.conftest import screen_text, wait_for
from tests.tui.notes_helpers import make_briefing
from tests.tui.test_quoting import open_article, write_note
from tui.app import make_app
from tui.screens.quit_confirm import QuitConfirmScreen

BROKEN = "title: Broken\nslug: broken\nnotes:\n  - id: [unclosed\n"


@pytest.fixture
def briefing() -> str:
    """The installed command, for the test in a real terminal (skipped without tmux)."""
    from tests.commands import installed_command
    from tests.e2e.tmux import tmux_path

    if tmux_path() is None:
        pytest.skip("tmux is not installed: the end-to-end test needs a real terminal")
    path = installed_command("briefing")
    if path is None:
        pytest.skip("the briefing console script is not installed (pip install -e .)")
    return path


@pytest.fixture
def seeds() -> Path:
    return seeds_dir()


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    return tmp_path / "notes"


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch) -> Path:
    """The user data dir (where the recovery folder is offered) under tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


async def _note_left_unsaved(pilot, app, notes: Path, seeds: Path, text: str) -> None:
    briefing = make_briefing(notes, seeds, "Caucasus watch")
    path = notes / f"{briefing.slug}.yaml"
    await open_article(pilot, "Aliyev")
    await wait_for(pilot, lambda: app.briefing is not None)
    path.write_text(BROKEN, encoding="utf-8")
    await pilot.press("a")
    await write_note(pilot, text)
    await wait_for(pilot, lambda: [n.text for n in app.briefing_desk.unsaved] == [text])


def _recovered(folder: Path) -> list[str]:
    store = BriefingStore(folder)
    return [n.text for entry in store.briefings() for n in store.load(entry.slug).notes]


async def test_ctrl_q_with_an_unsaved_note_asks_and_saves_it_in_the_recovery_folder(
    seeds, notes, data_home
):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await _note_left_unsaved(pilot, app, notes, seeds, "do not lose me")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitConfirmScreen))
        assert app.return_code is None, "the app quit without asking"
        shown = screen_text(app)
        assert "1 note could not be saved" in shown
        offered = data_home / "briefing" / "recovered"
        assert app.screen.query_one("#folder", Input).value == str(offered)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    assert _recovered(offered) == ["do not lose me"]
    [file] = offered.glob("*.yaml")
    assert app.return_value == file  # the command line prints where the notes are


async def test_a_folder_that_cannot_take_the_notes_says_why_and_a_typed_one_is_used(
    seeds, notes, data_home, tmp_path
):
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x", encoding="utf-8")
    chosen = tmp_path / "my rescue"
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await _note_left_unsaved(pilot, app, notes, seeds, "keep me")
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitConfirmScreen))
        app.screen.query_one("#folder", Input).value = str(not_a_folder)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Not saved:" in screen_text(app))
        assert isinstance(app.screen, QuitConfirmScreen)
        assert app.return_code is None
        assert [n.text for n in app.briefing_desk.unsaved] == ["keep me"]
        app.screen.query_one("#folder", Input).value = str(chosen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.return_code is not None)
    assert _recovered(chosen) == ["keep me"]
    assert not (data_home / "briefing" / "recovered").exists()


async def test_escape_stays_with_the_note_kept_and_discard_quits_only_when_chosen(
    seeds, notes, data_home
):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await _note_left_unsaved(pilot, app, notes, seeds, "maybe later")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitConfirmScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, QuitConfirmScreen))
        assert app.return_code is None
        assert [n.text for n in app.briefing_desk.unsaved] == ["maybe later"]

        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitConfirmScreen))
        await pilot.click(app.screen.query_one("#discard", Button))
        await wait_for(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    assert not (data_home / "briefing" / "recovered").exists()


async def test_with_every_note_saved_ctrl_q_quits_at_once(seeds, notes, data_home):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        make_briefing(notes, seeds, "Caucasus watch")
        await open_article(pilot, "Aliyev")
        await wait_for(pilot, lambda: app.briefing is not None)
        await pilot.press("a")
        await write_note(pilot, "saved fine")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: app.return_code is not None)
        assert not isinstance(app.screen, QuitConfirmScreen)
    assert "saved fine" in [n.text for n in BriefingStore(notes).load("caucasus-watch").notes]


@pytest.mark.e2e
def test_in_a_real_terminal_the_shell_is_told_where_the_notes_went(briefing, tmp_path):
    """The installed command in tmux: a notes folder that cannot be made (its parent is a
    file), a note written, ctrl+q, Enter; the line left in the shell names the file."""
    from tests.e2e.test_search_and_open import HITS_IN_ARTICLE, shows_hits_for
    from tests.e2e.tmux import Terminal, terminal_env

    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the notes folder's parent should be", encoding="utf-8")
    env = terminal_env(
        {
            "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
            "BRIEFING_NOTES_DIR": str(blocker / "notes"),
            "BRIEFING_CONFIG_DIR": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
        }
    )
    env["PATH"] = f"{Path(briefing).parent}:{env.get('PATH', '')}"
    with Terminal.start(env, width=120, height=40, cwd=tmp_path) as terminal:
        terminal.run("briefing")
        terminal.wait_for("Relations between Russia and Azerbaijan")
        terminal.send_keys("/")
        terminal.type("Aliyev")
        terminal.wait_for(shows_hits_for("Aliyev"))
        terminal.send_keys("Enter")
        terminal.wait_for(HITS_IN_ARTICLE)
        terminal.send_keys("a")
        terminal.wait_for("▶ Note")
        terminal.type("Only copy of this thought")
        terminal.send_keys("C-s")
        terminal.wait_for("unsaved")
        terminal.send_keys("C-q")
        terminal.wait_for("could not be saved in the notes folder")
        terminal.send_keys("Enter")
        shell = terminal.wait_for_shell()
    [file] = (tmp_path / "data" / "briefing" / "recovered").glob("*.yaml")
    assert "Only copy of this thought" in file.read_text(encoding="utf-8")
    assert "the notes that could not be saved are in" in " ".join(shell.split())
    store = BriefingStore(file.parent)
    [summary] = store.briefings()
    assert [n.text for n in store.load(summary.slug).notes] == ["Only copy of this thought"]
