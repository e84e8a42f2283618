"""Where the real news corpus for tests lives: beside the project, never inside it."""

from __future__ import annotations

import os
from pathlib import Path

BBC_ENV = "BRIEFING_BENCH_BBC"


def bbc_dir() -> Path:
    """The BBC news folder: ``$BRIEFING_BENCH_BBC``, else ``../shared/corpora/bbc``."""
    override = os.environ.get(BBC_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "bbc"
