"""Running the installed ``briefing`` command on small corpora written for a test."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.commands import required_command

STORIES = {
    "oil.txt": "Oil prices climb in Baku\n\nOil prices rose sharply on Monday as traders "
    "worried about supply from the Caspian.\n",
    "bank.txt": "Central bank holds rates\n\nThe central bank kept interest rates unchanged, "
    "citing slowing inflation across the region.\n",
    "sport.md": "# Late goal settles the final\n\nA late goal decided the cup final in front "
    "of a full stadium.\n",
}


def briefing(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the installed console script; the test's cache dir comes from the environment."""
    return subprocess.run(
        [required_command("briefing"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def write_corpus(folder: Path, stories: dict[str, str] = STORIES) -> Path:
    """Write ``stories`` (file name -> text) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
