"""Offline entity extraction: people, organisations, places, dates and amounts.

Public API::

    extract_entities(text) -> list[EntitySpan]
    entity_rules_fingerprint() -> str
    add_entity_correction(name, type, aliases=None) -> Path
    ignore_entity(name) -> Path
    merge_entities(names, into) -> Path
    retype_entity(name, type) -> Path
    corrections_path() -> Path
    corrections_problem() -> str | None
    CorrectionsError

No data is loaded at import time: name lists are read on the first extraction.
"""

from __future__ import annotations

from search.entities.corrections import (
    CorrectionsError,
    corrections_path,
    corrections_problem,
    entity_rules_fingerprint,
)
from search.entities.corrections_file import (
    add_entity_correction,
    ignore_entity,
    merge_entities,
    retype_entity,
)

__all__ = [
    "CorrectionsError",
    "add_entity_correction",
    "corrections_path",
    "corrections_problem",
    "entity_rules_fingerprint",
    "extract_entities",
    "ignore_entity",
    "merge_entities",
    "retype_entity",
]


def __getattr__(name: str):
    # The extractor (and its name lists' code) loads on first use: checking whether the
    # index is current needs only the corrections' fingerprint.
    if name == "extract_entities":
        from search.entities.extractor import extract_entities

        return extract_entities
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
