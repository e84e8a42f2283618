"""The app's notice on the files an index update skipped: the first few with their reasons.

``briefing index`` lists every skipped file; the app names a few where the user is, with
paths relative to the corpus, so that a README left out of the index or a
``.briefingignore`` that was not applied is seen without leaving the app. A rule file
that could not be applied comes first.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from search.models import SkippedFile
from tui.literal import literal
from tui.plural import counted

SHOWN = 3


def skipped_notice(skipped: Sequence[SkippedFile], corpus: Path) -> str:
    """A few lines on ``skipped``: how many, the first few with their reasons, the rest.

    Args:
        skipped: the update report's skipped files, in walk order.
        corpus: the corpus folder (paths are shown relative to it).

    Returns:
        Plain text, control characters replaced ("" when nothing was skipped).
    """
    if not skipped:
        return ""
    prefix = os.path.join(os.path.abspath(corpus), "")
    ordered = sorted(skipped, key=lambda item: not item.reason.startswith("not applied"))
    n = len(skipped)
    lines = [f"{counted(n, 'file')} skipped:"]
    for item in ordered[:SHOWN]:
        path = item.path.removeprefix(prefix)
        lines.append(literal(f"{path}: {item.reason}", one_line=True))
    if n > SHOWN:
        lines.append(f"and {n - SHOWN} more: `briefing index` lists every one")
    return "\n".join(lines)
