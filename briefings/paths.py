"""Where briefings are stored: the user data dir unless a flag or the environment says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

NOTES_ENV = "BRIEFING_NOTES_DIR"


def notes_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding one YAML file per briefing.

    Args:
        override: a folder given on the command line; wins over the environment.
    """
    if override:
        return Path(override)
    from_env = os.environ.get(NOTES_ENV)
    if from_env:
        return Path(from_env)
    from platformdirs import user_data_path

    return user_data_path("briefing") / "briefings"
