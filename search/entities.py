"""Entity extraction (interface placeholder: the entities helper replaces this module)."""

from __future__ import annotations

from search.models import EntitySpan


def extract_entities(text: str) -> list[EntitySpan]:
    """PERSON, ORG, PLACE, DATE and MONEY mentions in ``text``, in order of position."""
    return []
