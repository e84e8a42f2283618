"""The search thread runs the newest query, one at a time, and ends when stopped."""

from __future__ import annotations

import threading

from tui.search_runner import SearchRunner


def test_queries_typed_during_a_search_collapse_to_the_newest():
    ran, first_started, release = [], threading.Event(), threading.Event()
    done = threading.Event()

    def search(query):
        ran.append(query)
        if query == "o":
            first_started.set()
            release.wait(10)
        if query == "oil":
            done.set()

    runner = SearchRunner(search)
    runner.submit("o")
    assert first_started.wait(10)
    runner.submit("oi")  # typed while "o" runs: replaced by the next key
    runner.submit("oil")
    release.set()
    assert done.wait(10)
    assert ran == ["o", "oil"]
    runner.stop()


def test_a_stopped_runner_ends_its_thread_and_runs_nothing_more():
    ran = []
    runner = SearchRunner(ran.append)
    runner.submit("oil")
    runner.stop()
    runner._thread.join(10)
    assert not runner._thread.is_alive()
    assert ran in ([], ["oil"])
