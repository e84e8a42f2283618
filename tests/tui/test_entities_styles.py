"""Entity spans as the reading pane draws and the panel lists them (no Textual needed)."""

from __future__ import annotations

from search.models import ENTITY_TYPES
from search.models.articles import EntitySpan
from tui.widgets.entities.styles import ENTITY_STYLES, entity_at, entity_ranges, grouped
from tui.widgets.reading.layers import LAYER_STYLES

SPANS = [
    EntitySpan(30, 36, "PERSON", "Aliyev", "Ilham Aliyev"),
    EntitySpan(0, 12, "PERSON", "Ilham Aliyev", "Ilham Aliyev"),
    EntitySpan(20, 24, "PLACE", "Baku", "Baku"),
    EntitySpan(40, 44, "ORG", "OSCE", "OSCE"),
    EntitySpan(50, 54, "PLACE", "Baku", "Baku"),
    EntitySpan(60, 65, "PLACE", "Paris", "Paris"),
]


def text_styles(style: str) -> frozenset[str]:
    return frozenset(w for w in style.split() if not w.startswith("$"))


def test_every_type_reads_apart_without_colour_and_apart_from_hits():
    shapes = [text_styles(ENTITY_STYLES[t]) for t in ENTITY_TYPES]
    assert all(shapes) and len(set(shapes)) == len(ENTITY_TYPES)
    assert text_styles(LAYER_STYLES["hits"]) - {"on"} not in shapes
    # Colours are theme variables, never fixed values.
    assert all("#" not in style for style in ENTITY_STYLES.values())


def test_ranges_are_sorted_and_styled_by_type():
    ranges = entity_ranges(SPANS)
    assert [r[:2] for r in ranges] == sorted((s.start, s.end) for s in SPANS)
    assert ranges[0][2] == ENTITY_STYLES["PERSON"] and ranges[1][2] == ENTITY_STYLES["PLACE"]


def test_entities_are_grouped_by_type_most_mentioned_first():
    assert grouped(SPANS) == [
        ("PERSON", [("Ilham Aliyev", 2)]),
        ("ORG", [("OSCE", 1)]),
        ("PLACE", [("Baku", 2), ("Paris", 1)]),
    ]


def test_the_entity_at_a_match_or_a_point():
    assert entity_at(SPANS, 31, 33).canonical == "Ilham Aliyev"
    assert entity_at(SPANS, 21, 21).canonical == "Baku"
    assert entity_at(SPANS, 13, 19) is None
