"""The neutral query tree: plain frozen records any backend can read, no engine behind them,
as the parser and the filters build it."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import datetime

import pytest

from search.models import SearchFilters
from search.query import tree
from search.query.filters import narrowed
from search.query.parser import parse


def test_nodes_are_frozen_and_compare_by_value():
    word = tree.Word(None, "strike")
    assert word == tree.Word(None, "strike")
    with pytest.raises(dataclasses.FrozenInstanceError):
        word.text = "other"  # type: ignore[misc]


def test_walk_visits_every_node_depth_first_in_order():
    a, b, c = tree.Word(None, "a"), tree.Phrase("title", "b c"), tree.Prefix("body", "d")
    query = tree.And((a, tree.Or((b, tree.Not(c)))))
    assert list(tree.walk(query)) == [query, a, query.children[1], b, tree.Not(c), c]
    assert tree.children(tree.AndNot(a, b)) == (a, b)


def test_the_tree_and_its_parser_import_no_search_engine():
    code = (
        "import sys, search.query.tree, search.query.parser, search.query.filters; "
        "print('whoosh' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# What the parser makes of typed text and what the filters add -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("strike", tree.Word(None, "strike")),
        (
            "strike -railway",
            tree.And((tree.Word(None, "strike"), tree.Not(tree.Word(None, "railway")))),
        ),
        ("wind OR budget", tree.Or((tree.Word(None, "wind"), tree.Word(None, "budget")))),
        ('"wind farm"~3', tree.Phrase(None, "wind farm", slop=3)),
        ('people:"Ilham Aliyev"', tree.Phrase("person", "Ilham Aliyev")),
        ("title:infla*", tree.Prefix("title", "infla")),
        ("histor?ans", tree.Wildcard(None, "histor?ans")),
        ("brige~2/1", tree.Fuzzy(None, "brige", edits=2, prefix=1)),
        ("strike^2", tree.Word(None, "strike", boost=2.0)),
        ("a ANDNOT b", tree.AndNot(tree.Word(None, "a"), tree.Word(None, "b"))),
        ("title:[a to m}", tree.Range("title", "a", "m", end_excluded=True)),
        ("*", tree.Every()),
        ("foo:bar", tree.Word(None, "foo:bar")),
    ],
)
def test_typed_text_becomes_the_tree_a_reader_would_expect(text, expected):
    assert parse(text) == expected


def test_dates_are_widened_to_the_span_they_name():
    june = tree.DateRange(datetime(2024, 6, 1), datetime(2024, 6, 30, 23, 59, 59, 999_999))
    assert parse("published:2024-06") == june
    assert parse("date:[2024-01 to 2024-06]") == tree.DateRange(datetime(2024, 1, 1), june.end)
    assert parse("date:>2024") == tree.DateRange(datetime(2024, 1, 1), None)
    assert parse("date:[to]") == tree.DateRange(None, None)


def test_no_field_is_left_for_the_engine_to_resolve():
    text = 'people:x organisation:y country:z published:2024 "a b" c* d~ e?f [g to h] i'
    fields = {n.field for n in tree.walk(parse(text)) if isinstance(n, tree.TEXT_NODES)}
    assert fields <= {None, *tree.FIELDS}
    assert fields == {None, "person", "org", "place"}


def test_filters_are_nodes_anded_onto_the_typed_query():
    filters = SearchFilters(
        person=('Ilham "Aliyev"',), source=("Harbour Gazette",), date_from="2024-03", date_to="2024"
    )
    typed = parse("strike")
    assert narrowed(typed, filters) == tree.And(
        (
            typed,
            tree.Exact("source", "Harbour Gazette"),
            tree.DateRange(datetime(2024, 3, 1), datetime(2024, 12, 31, 23, 59, 59, 999_999)),
            tree.And((tree.Phrase("person", "Ilham Aliyev"),)),
        )
    )
    assert narrowed(None, SearchFilters()) is None
    assert narrowed(typed, SearchFilters()) is typed
    assert narrowed(None, SearchFilters(date_to="2023")) == tree.And(
        (tree.DateRange(None, datetime(2023, 12, 31, 23, 59, 59, 999_999)),)
    )
