"""A first build of a large corpus runs in several processes and gives the same index.

The corpus is real text files read by the real reader; the same corpus built in one
process is the reference. Copies, progress, cancelling and a worker that dies are
covered too.
"""

from __future__ import annotations

import multiprocessing
import os
import threading

import pytest

from search.index import indexer, parallel_build
from search.index.vocabulary import load_vocabulary
from search.reading.reader import read_articles
from search.whoosh_service import WhooshSearchService

FILES = 60
WORDS = ["harbour", "tariff", "senate", "drought", "vaccine", "pipeline", "ferry", "budget"]


def write_corpus(folder, files: int = FILES):
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(files):
        topic, other = WORDS[n % len(WORDS)], WORDS[(n * 3 + 1) % len(WORDS)]
        # Every fifth story has a dated header and a byline, which the listing shows.
        header = f"{n % 28 + 1} March 2024\n\nBy Dana Reyes\n\n" if n % 5 == 0 else ""
        text = (
            f"Story {n} about the {topic}\n\n{header}"
            f"Officials said the {topic} plan number {n} would change. "
            f"Critics of the {other} deal disagreed.\n\n"
            f"A second paragraph on item{n} and the {other}.\n"
        )
        (folder / f"story-{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def few_files_make_a_bulk_build(monkeypatch):
    monkeypatch.setattr(indexer, "BULK_FILES", 10)
    monkeypatch.setattr(parallel_build, "worker_count", lambda: 3)


def build(corpus, folder, **options):
    service = WhooshSearchService(corpus, folder)
    report = service.update(**options)
    return service, report


def listing(service):
    return [
        (a.id, a.title, a.path, a.position, a.date, a.author, a.source, a.encoding, a.language)
        for a in service.articles()
    ]


def ranked(service, query):
    return [(hit.id, round(hit.score, 6)) for hit in service.search(query, limit=100).hits]


def test_parallel_build_gives_the_index_a_single_process_gives(
    tmp_path, monkeypatch, few_files_make_a_bulk_build
):
    corpus = write_corpus(tmp_path / "corpus")
    parallel, report = build(corpus, tmp_path / "parallel")
    monkeypatch.setattr(parallel_build, "worker_count", lambda: 1)
    single, _ = build(corpus, tmp_path / "single")

    assert report.articles == FILES and report.added == FILES and report.files_read == FILES
    assert listing(parallel) == listing(single)
    for query in ["tariff", "senate OR ferry", '"pipeline plan"', "item7", "budg*"]:
        assert ranked(parallel, query) == ranked(single, query), query
    words = load_vocabulary(tmp_path / "parallel")
    assert words.counts == load_vocabulary(tmp_path / "single").counts
    assert parallel.search("tarif").suggestion == "tariff"


def test_an_update_after_a_parallel_build_is_incremental(tmp_path, few_files_make_a_bulk_build):
    corpus = write_corpus(tmp_path / "corpus")
    service, _ = build(corpus, tmp_path / "index")
    (corpus / "story-005.txt").write_text("Fresh headline\n\nA lighthouse story.\n")
    (corpus / "story-006.txt").unlink()
    report = service.update()
    # A rewritten file's article keeps its id (ids follow the file's place): updated.
    assert (report.files_read, report.updated, report.removed) == (1, 1, 1)
    assert [hit.title for hit in service.search("lighthouse").hits] == ["Fresh headline"]
    assert service.search("item6").total == 0
    assert len(service.articles()) == FILES - 1


def test_copies_in_different_shares_are_two_articles_each_with_its_path(
    tmp_path, few_files_make_a_bulk_build
):
    corpus = write_corpus(tmp_path / "corpus")
    copy = "Walrus census\n\nThe walrus census counted every walrus on the shore.\n"
    (corpus / "aaa-first.txt").write_text(copy)
    (corpus / "zzz-copy.txt").write_text(copy)
    service, report = build(corpus, tmp_path / "index")

    assert report.articles == FILES + 2 == len(service.articles())
    hits = service.search("walrus").hits
    assert sorted(hit.path for hit in hits) == ["aaa-first.txt", "zzz-copy.txt"]
    assert len({hit.id for hit in hits}) == 2
    assert load_vocabulary(tmp_path / "index").counts["walrus"] == 2


def test_progress_counts_every_file_once(tmp_path, few_files_make_a_bulk_build):
    corpus = write_corpus(tmp_path / "corpus")
    steps = []
    build(corpus, tmp_path / "index", progress=steps.append)
    assert [step.done for step in steps] == list(range(1, FILES + 1))
    assert {step.total for step in steps} == {FILES}
    assert len({step.path for step in steps}) == FILES


def test_cancelling_keeps_the_files_already_indexed(tmp_path, few_files_make_a_bulk_build):
    corpus = write_corpus(tmp_path / "corpus")
    cancel, gate = threading.Event(), multiprocessing.get_context("fork").Event()
    files_read = {"count": 0}  # each forked worker counts its own

    def read_ten_then_wait(path):
        files_read["count"] += 1
        if files_read["count"] == 11:
            gate.wait(timeout=60)  # until the parent is told to cancel
        return read_articles(path)

    def cancel_then_release(step):
        if step.done == 30:  # all three workers wait on their eleventh file
            cancel.set()
            gate.set()

    service = WhooshSearchService(corpus, tmp_path / "index")
    service.indexer._read = read_ten_then_wait
    report = service.update(progress=cancel_then_release, cancel=cancel)
    listed = service.articles()
    # Each worker finishes the file it was reading, then stops.
    assert 30 <= len(listed) == report.articles < FILES
    assert all(service.search(a.title.split(" about")[0]).total >= 1 for a in listed)
    assert service.update().files_read == FILES - len(listed)
    assert len(service.articles()) == FILES


def test_a_worker_that_dies_leaves_a_complete_single_process_build(
    tmp_path, few_files_make_a_bulk_build
):
    corpus = write_corpus(tmp_path / "corpus")
    parent = os.getpid()

    def read_or_die(path):
        if os.getpid() != parent and path.name == "story-030.txt":
            os._exit(9)  # a worker killed mid-build
        return read_articles(path)

    service = WhooshSearchService(corpus, tmp_path / "index")
    service.indexer._read = read_or_die
    report = service.update()
    assert report.articles == FILES == len(service.articles())
    assert service.search("item30").total == 1


def test_a_worker_that_raises_while_others_still_report_does_not_hang_the_build(
    tmp_path, few_files_make_a_bulk_build
):
    # Enough files that a worker's report outgrows a pipe's buffer: if the build waited
    # for workers without reading their reports, it would never finish.
    files = 900
    corpus = write_corpus(tmp_path / "corpus", files)
    parent = os.getpid()

    def read_or_raise(path):
        if os.getpid() != parent and path.name == "story-000.txt":
            raise SystemExit("a worker gives up")
        return read_articles(path)

    service = WhooshSearchService(corpus, tmp_path / "index")
    service.indexer._read = read_or_raise
    reports = []
    # In a thread of its own, so that a hung build fails this test instead of the run.
    build_thread = threading.Thread(target=lambda: reports.append(service.update()), daemon=True)
    build_thread.start()
    build_thread.join(timeout=120)
    assert not build_thread.is_alive(), "the build hung"
    assert reports[0].articles == files == len(service.articles())


def test_a_share_without_articles_does_not_spoil_the_others(tmp_path, few_files_make_a_bulk_build):
    corpus = write_corpus(tmp_path / "corpus")
    parent, read_by_parent = os.getpid(), []

    def last_third_has_no_articles(path):
        if os.getpid() == parent:
            read_by_parent.append(path)  # the one-process fallback
        if int(path.stem[-3:]) >= 40:
            return []
        return read_articles(path)

    service = WhooshSearchService(corpus, tmp_path / "index")
    service.indexer._read = last_third_has_no_articles
    report = service.update()
    assert read_by_parent == []
    assert report.articles == 40 == len(service.articles())
    leftovers = [p.name for p in (tmp_path / "index").rglob("*") if p.suffix in {".tmp", ".run"}]
    assert leftovers == []
    assert service.search("item39").total == 1


def test_entity_failures_in_workers_reach_the_report(
    tmp_path, monkeypatch, few_files_make_a_bulk_build
):
    def broken(body: str):
        raise RuntimeError("gazetteer file is missing")

    monkeypatch.setattr(indexer, "extract_entities", broken)
    corpus = write_corpus(tmp_path / "corpus")
    _, report = build(corpus, tmp_path / "index")
    assert report.entity_failures == FILES == report.articles
    assert report.entity_error == "RuntimeError: gazetteer file is missing"
