"""Where the bundled corpus, the index cache and the user's corrections live.

Worked out lazily: nothing is created at import time. Environment variables override
the platform defaults (tests point them at ``tmp_path``).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CACHE_ENV = "BRIEFING_CACHE_DIR"
CONFIG_ENV = "BRIEFING_CONFIG_DIR"


def seeds_dir() -> Path:
    """The bundled corpus; it sits beside the packages in a checkout and in a wheel."""
    return Path(__file__).resolve().parent.parent / "seeds"


def cache_dir() -> Path:
    """The root under which each corpus gets its own index."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path("briefing")


def index_dir(corpus: Path) -> Path:
    """The index folder for one corpus, keyed by the corpus's absolute path."""
    absolute = str(Path(corpus).resolve())
    key = hashlib.sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = Path(absolute).name or "root"
    return cache_dir() / "indexes" / f"{name}-{key}"


def config_dir() -> Path:
    """Where the user's entity corrections file lives."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("briefing")
