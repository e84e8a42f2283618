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
from search.index.indexer import Indexer
from search.reading.reader import read_articles
from search.whoosh_service import WhooshSearchService
from tests.unit.test_index_parallel import write_corpus

FILES = 40
FIRST_RUN = 5
GIVE_UP_SECONDS = 30.0


@pytest.fixture
def small_runs(monkeypatch):
    monkeypatch.setattr(growing, "FIRST_RUN_FILES", FIRST_RUN)


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


class ReadAfterFirstCommit:
    """The real reader, holding every file after the first run until the build's first
    commit is seen: otherwise a worker could finish them all first, and the whole build
    would come in one commit."""

    def __init__(self, corpus) -> None:
        self.corpus = corpus
        self.first_commit = multiprocessing.get_context("fork").Event()

    def __call__(self, path):
        if int(path.stem.split("-")[1]) >= FIRST_RUN:
            self.first_commit.wait(timeout=GIVE_UP_SECONDS)
        return read_articles(path, self.corpus)


@pytest.mark.parametrize("processes", ["one_process", "two_processes"])
def test_a_first_build_answers_searches_after_its_first_commit(tmp_path, request, processes):
    request.getfixturevalue(processes)
    corpus = write_corpus(tmp_path / "corpus", FILES)
    folder = tmp_path / "index"
    read = ReadAfterFirstCommit(corpus)
    seen = []

    def look_while_building(step):
        if step.indexed and not seen:
            # Another reader, as the app's search is, while the build goes on.
            reader = WhooshSearchService(corpus, folder)
            seen.append((step.indexed, len(reader.articles()), reader.search("harbour").total))
            read.first_commit.set()

    builder = WhooshSearchService(corpus, folder, indexer=Indexer(corpus, folder, read=read))
    report = builder.update(progress=look_while_building)
    assert seen == [(FIRST_RUN, FIRST_RUN, seen[0][2])]
    assert seen[0][2] >= 1  # story 0 of the first five is about the harbour
    assert report.articles == FILES and report.rebuilt_because is None


def _build_until_first_commit_then_die(corpus, folder) -> None:
    read = ReadAfterFirstCommit(corpus)

    def die_after_a_commit(step):
        if step.indexed:
            read.first_commit.set()  # the workers go on, as they would have
            os.kill(os.getpid(), signal.SIGKILL)

    indexer = Indexer(corpus, folder, read=read)
    WhooshSearchService(corpus, folder, indexer=indexer).update(progress=die_after_a_commit)


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
    # Files after the first run were held until it was committed: the build died then.
    kept = len(service.articles())
    assert kept == FIRST_RUN
    assert service.search("harbour").total >= 1  # story 0, of the first five
    report = service.update()
    assert report.rebuilt_because is None
    assert (report.files_read, report.files_unchanged) == (FILES - kept, kept)
    assert len(service.articles()) == FILES
    assert service.search("harbour").total == 10  # five about the harbour, five naming it
