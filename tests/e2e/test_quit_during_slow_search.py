"""ctrl+q ends the app at once even while a slow search is still running in its thread.

Python waits for a worker thread before a program ends, so a search that ran for tens of
seconds (``*i*`` on 20k articles: 44 s) held the quit for as long. Searches only read,
so the app no longer waits for them. The slow search here is forty fuzzy words over
made-up vocabulary: seconds of expanding words that no bound cuts short.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from tests.e2e.tmux import Terminal

pytestmark = pytest.mark.e2e

# Far less than the slow search takes (over ten seconds here), generous for a busy machine.
QUIT_DEADLINE = 6.0
CONSONANTS = "bdfgklmnprstvz"
# Forty fuzzy words: each is expanded by Whoosh's automaton before any check can stop it.
SLOW_QUERY = " ".join(
    f"{a}o{b}u{c}~2" for a, b, c in itertools.islice(itertools.product(CONSONANTS, repeat=3), 40)
)


def _corpus(folder: Path) -> Path:
    words = [
        f"{a}i{b}{vowel}{c}"
        for a, b, vowel, c in itertools.islice(
            itertools.product(CONSONANTS, CONSONANTS, "aou", CONSONANTS), 1500
        )
    ]
    folder.mkdir()
    for n in range(60):
        text = f"Field note {n}\n\n" + " ".join(words[n * 25 : (n + 1) * 25]) + "\n"
        (folder / f"note{n:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _paste(terminal: Terminal, text: str) -> None:
    """Paste ``text`` as a terminal does (bracketed), in one piece."""
    terminal._tmux("set-buffer", "--", text)
    terminal._tmux("paste-buffer", "-p", "-t", terminal.target)


def test_ctrl_q_during_a_slow_search_quits_promptly(terminal: Terminal, tmp_path: Path):
    corpus = _corpus(tmp_path / "notes-corpus")
    terminal.run_with_status(f"briefing {corpus}")
    terminal.wait_for("60 articles · sorted by", timeout=60)

    # Pasted, the whole query is one change of the box, searched at once (typed, it would
    # be searched a throttle interval after its first key).
    _paste(terminal, SLOW_QUERY)
    terminal.wait_for(SLOW_QUERY[:40])  # the box shows the start of a long paste
    asked = time.monotonic()
    terminal.send_keys("C-q")
    status, screen = terminal.wait_for_exit(timeout=QUIT_DEADLINE)
    took = time.monotonic() - asked

    assert status == 0
    assert "Traceback" not in screen
    assert took < QUIT_DEADLINE
    # The search was still at work when the app quit: its answer never came.
    assert "too broad" not in screen
