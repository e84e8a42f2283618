"""Precision and recall on the hand-labelled fixture texts, and sanity on real BBC news."""

from __future__ import annotations

import pytest

from benchmarks.corpus import bbc_folder
from search.entities import extract_entities
from tests.fixtures.entities.labelled import labelled_fixtures, parse_labelled, score

FIXTURES = labelled_fixtures()
BBC = bbc_folder()


def f1(true_positives: int, found: int, gold: int) -> float:
    if not true_positives:
        return 0.0
    precision, recall = true_positives / found, true_positives / gold
    return 2 * precision * recall / (precision + recall)


def spans_of(text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.type) for s in extract_entities(text)]


def test_fixture_marks_round_trip_to_plain_text():
    text, gold = parse_labelled("Talks in [[Quito|PLACE]] with [[Ana Silva|PERSON]].")
    assert text == "Talks in Quito with Ana Silva."
    assert [text[s:e] for s, e, _ in gold] == ["Quito", "Ana Silva"]


def test_there_are_fixtures_on_several_topics_and_regions():
    assert len(FIXTURES) >= 10
    types = {t for _, gold in FIXTURES.values() for _, _, t in gold}
    assert types == {"PERSON", "ORG", "PLACE", "DATE", "MONEY"}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_each_fixture_is_mostly_found(name):
    text, gold = FIXTURES[name]
    assert f1(*score(gold, spans_of(text), typed=False)) >= 0.8


def test_typed_f1_over_all_fixtures():
    totals = [0, 0, 0]
    for text, gold in FIXTURES.values():
        for i, value in enumerate(score(gold, spans_of(text), typed=True)):
            totals[i] += value
    assert f1(*totals) >= 0.88


@pytest.mark.skipif(not BBC.is_dir(), reason="the BBC news corpus is not on this machine")
def test_bbc_articles_give_valid_spans_and_no_nationalities():
    files = sorted(BBC.glob("*/*.txt"))[::40]
    nationalities = {"British", "American", "French", "Russian", "Chinese", "German"}
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for span in extract_entities(text):
            assert text[span.start : span.end] == span.text
            assert span.text not in nationalities, (path.name, span)
