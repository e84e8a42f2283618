"""The neutral query tree: plain frozen records any backend can read, no engine behind them."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from search.query import tree


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
