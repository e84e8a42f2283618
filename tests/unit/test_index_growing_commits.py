"""A first build commits in growing runs: searches answer over the first files while the
rest are read, and a build killed half way leaves what it committed for the next update
to go on from.

Real text files, the real reader and a real Whoosh index on disk; the build is killed
with SIGKILL in a child process, as a user's closed terminal or a crash would end it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal

import pytest

from search.index import growing, indexer, parallel_build
from search.index.growing import growing_runs
from search.whoosh_service import WhooshSearchService
from tests.unit.test_index_parallel import write_corpus

FILES = 40


@pytest.fixture
def small_runs(monkeypatch):
    monkeypatch.setattr(growing, "FIRST_RUN_FILES", 5)


@pytest.fixture
def one_process(monkeypatch, small_runs):
    monkeypatch.setattr(parallel_build, "worker_count", lambda: 1)


@pytest.fixture
def two_processes(monkeypatch, small_runs):
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("a parallel build needs fork")
    monkeypatch.setattr(indexer, "BULK_FILES", 10)
    monkeypatch.setattr(parallel_build, "worker_count", lambda: 2)


def test_runs_start_small_and_double_up_to_the_longest():
    runs = growing_runs(list(range(100)), first=5, longest=20)
    assert [len(run) for run in runs] == [5, 10, 20, 20, 20, 20, 5]
    assert [item for run in runs for item in run] == list(range(100))
    assert growing_runs([], first=5) == []


@pytest.mark.parametrize("processes", ["one_process", "two_processes"])
def test_a_first_build_answers_searches_after_its_first_commit(tmp_path, request, processes):
    request.getfixturevalue(processes)
    corpus = write_corpus(tmp_path / "corpus", FILES)
    folder = tmp_path / "index"
    seen = []

    def look_while_building(step):
        if step.indexed and not seen:
            # Another reader, as the app's search is, while the build goes on.
            reader = WhooshSearchService(corpus, folder)
            seen.append((step.indexed, len(reader.articles()), reader.search("harbour").total))

    report = WhooshSearchService(corpus, folder).update(progress=look_while_building)
    indexed, listed, found = seen[0]
    # The first run, or the first two when a second worker finished its share first.
    assert indexed == listed and indexed in (5, 15)
    assert found >= 1  # story 0 of the first five is about the harbour
    assert report.articles == FILES and report.rebuilt_because is None


def _build_until_first_commit_then_die(corpus, folder) -> None:
    def die_after_a_commit(step):
        if step.indexed:
            os.kill(os.getpid(), signal.SIGKILL)

    WhooshSearchService(corpus, folder).update(progress=die_after_a_commit)


@pytest.mark.parametrize("processes", ["one_process", "two_processes"])
def test_a_killed_build_keeps_its_commits_and_the_next_update_goes_on(tmp_path, request, processes):
    request.getfixturevalue(processes)
    corpus = write_corpus(tmp_path / "corpus", FILES)
    folder = tmp_path / "index"
    child = multiprocessing.get_context("fork").Process(
        target=_build_until_first_commit_then_die, args=(corpus, folder)
    )
    child.start()
    child.join(timeout=120)
    assert child.exitcode == -signal.SIGKILL

    service = WhooshSearchService(corpus, folder)
    # Two workers can finish the second run before the first is committed, and the parent
    # then commits both before it reports: the build dies after 5 or 5 + 10 files.
    kept = len(service.articles())
    assert kept in (5, 15)
    assert service.search("harbour").total >= 1  # story 0, of the first five
    report = service.update()
    assert report.rebuilt_because is None
    assert (report.files_read, report.files_unchanged) == (FILES - kept, kept)
    assert len(service.articles()) == FILES
    assert service.search("harbour").total == 10  # five about the harbour, five naming it
