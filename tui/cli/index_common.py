"""What `briefing index`, `search` and `articles` share: opening the index and printing safely.

Titles, paths and snippets come from documents: they are printed through :func:`safe`
(control characters made visible, so escape sequences never reach the terminal) and
through Rich ``Text`` objects, never as markup.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from tui.cli.common import EXIT_BUSY, fail

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str | None) -> str:
    """``text`` on one line with control characters replaced by U+FFFD."""
    if not text:
        return ""
    return _CONTROL.sub("\ufffd", text.replace("\n", " ").replace("\t", " "))


def print_json(value: object) -> None:
    """Print ``value`` as indented JSON on stdout (UTF-8, non-ASCII kept)."""
    print(json.dumps(value, ensure_ascii=False, indent=2))


def open_service(corpus: Path):
    """The search service of ``corpus``."""
    from search.service import open_search_service

    return open_search_service(corpus)


def ensure_index(service) -> None:
    """Update the index quietly when the folder changed; a busy index is used as it is.

    Args:
        service: The corpus's search service.
    """
    from search.models import IndexBusyError

    if not service.needs_update():
        return
    try:
        service.update()
    except IndexBusyError as error:
        if not service.articles():
            fail(str(error), EXIT_BUSY)
        print(f"briefing: {error}; using the index as it is", file=sys.stderr)
