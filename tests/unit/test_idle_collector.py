"""Full collections wait for a quiet keyboard, and the collector is handed back intact."""

from __future__ import annotations

import gc

import pytest

from search import runtime as collector
from search.runtime import IdleCollector


@pytest.fixture
def clock(monkeypatch):
    now = {"t": 1000.0}
    monkeypatch.setattr(collector, "monotonic", lambda: now["t"])
    return now


@pytest.fixture
def restored():
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    gc.enable()


def test_a_full_collection_runs_only_once_the_keys_stop(clock, restored):
    idle = IdleCollector()
    idle.start()
    assert gc.get_threshold()[2] == collector.RARE_FULL_PASSES
    assert not idle.collect_if_quiet()  # nothing typed yet: nothing to tidy

    idle.input_seen()
    clock["t"] += collector.QUIET_SECONDS / 2
    assert not idle.collect_if_quiet()  # still typing
    clock["t"] += collector.QUIET_SECONDS
    assert idle.collect_if_quiet()
    assert gc.get_freeze_count() > 0  # what survived is out of sight again
    assert not idle.collect_if_quiet()  # once per quiet spell


def test_stopping_gives_back_the_thresholds_and_the_heap(restored):
    before = gc.get_threshold()
    idle = IdleCollector()
    idle.start()
    idle.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
