"""What the commands that read the index share: opening it and bringing it up to date.

Titles, paths and snippets come from documents: commands print them through
:func:`tui.cli.common.safe` (control characters made visible, so escape sequences never
reach the terminal) and through Rich ``Text`` objects, never as markup.
"""

from __future__ import annotations

from pathlib import Path

from tui.cli.common import EXIT_BUSY, fail, say


def open_service(corpus: Path):
    """The search service of ``corpus``."""
    from search.service import open_search_service

    return open_search_service(corpus)


def ensure_index(service, *, full: bool = False) -> None:
    """Update the index quietly when the folder changed; a busy index is used as it is.

    Whether it changed is told by the folders' modification times, recorded at the last
    update (milliseconds, however large the corpus): a file added, removed or renamed,
    or saved by an editor through a rename, is noticed; a file rewritten in place is
    not, until ``briefing index`` or the app updates the index. A rebuild (a damaged
    index, say) is told in one line on stderr; an index that cannot be written (a
    read-only cache, a full disk) is searched as it stands when intact.

    Args:
        service: The corpus's search service.
        full: Also notice files rewritten in place (a ``stat`` of every file), for
            commands that hold quotes against the text.
    """
    from search.models import IndexBusyError, IndexUnwritable

    if not (service.needs_update() if full else service.may_need_update()):
        return
    try:
        report = service.update()
    except IndexBusyError as error:
        if not service.articles():
            fail(str(error), EXIT_BUSY)
        say(f"{error}; using the index as it is")
    except IndexUnwritable as error:
        if not error.usable:
            fail(str(error))
        say(str(error))
    else:
        if report.rebuilt_because:
            say(f"rebuilt the index: {report.rebuilt_because}")
