"""Plain frozen records of an index update: its progress and what it did."""

from __future__ import annotations

from dataclasses import dataclass, field

from search.models import SkippedFile


@dataclass(frozen=True)
class IndexProgress:
    """Progress of an index update; ``done`` of ``total`` files read, of which the
    commits so far hold ``indexed`` (searches answer over those)."""

    done: int
    total: int
    path: str = ""
    indexed: int = 0


@dataclass(frozen=True)
class IndexReport:
    """What an index update did."""

    files_read: int
    files_unchanged: int
    articles: int
    added: int
    updated: int
    removed: int
    elapsed: float
    skipped: tuple[SkippedFile, ...] = field(default_factory=tuple)
    rebuilt_because: str | None = None
    # Articles indexed without entities because extraction failed on them, and why.
    entity_failures: int = 0
    entity_error: str | None = None
    # The update read symlinks that lead out of the corpus (the user opted in).
    follow_outside: bool = False
    # In the whole index: (path, path of the earlier file with the same bytes), and
    # (path, path) of each pair of near-identical versions.
    identical_files: tuple[tuple[str, str], ...] = ()
    version_pairs: tuple[tuple[str, str], ...] = ()

    @property
    def entity_warning(self) -> str:
        """One line on failed entity extraction ("" when it worked everywhere)."""
        if not self.entity_failures:
            return ""
        n = self.entity_failures
        return (
            f"entities could not be found in {n} article{'s' * (n != 1)} "
            f"({self.entity_error}); they are searchable but have no people, "
            "organisations or places"
        )
