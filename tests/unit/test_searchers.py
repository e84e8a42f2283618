"""Searchers are lent to one thread at a time, reused across threads, renewed after commits."""

from __future__ import annotations

import threading

import pytest

from search.query.searchers import SearcherPool
from tests.unit.index_fixtures import make_service, write_articles


@pytest.fixture
def service(tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, "a.txt", {"title": "Oil prices", "body": "Oil rose in Baku."})
    service = make_service(corpus, tmp_path / "index")
    service.update()
    return service


def borrowed_in_a_new_thread(pool: SearcherPool):
    found = []

    def borrow():
        with pool.borrow() as searcher:
            found.append(searcher)

    thread = threading.Thread(target=borrow)
    thread.start()
    thread.join()
    return found[0]


def test_a_searcher_given_back_is_lent_again_to_another_thread(service):
    pool = SearcherPool(service.folder)
    first = borrowed_in_a_new_thread(pool)
    assert borrowed_in_a_new_thread(pool) is first
    assert not first.is_closed


def test_two_threads_at_once_never_share_a_searcher(service):
    pool = SearcherPool(service.folder)
    with pool.borrow() as outer:
        inner = borrowed_in_a_new_thread(pool)
        assert inner is not outer
        assert outer.doc_count() == inner.doc_count() == 1


def test_a_commit_gives_new_searchers_and_closes_the_old(service, tmp_path):
    pool = SearcherPool(service.folder)
    with pool.borrow() as before:
        write_articles(tmp_path / "corpus", "b.txt", {"title": "Gas", "body": "Gas fell."})
        service.update()
        after = borrowed_in_a_new_thread(pool)
        assert after is not before and after.doc_count() == 2
    assert before.is_closed
    assert borrowed_in_a_new_thread(pool) is after


def test_a_searcher_whose_files_failed_is_not_lent_again(service):
    pool = SearcherPool(service.folder, broken=(OSError,))
    with pytest.raises(OSError), pool.borrow() as failed:
        raise OSError("short read")
    assert failed.is_closed
    assert borrowed_in_a_new_thread(pool) is not failed


def test_no_index_lends_nothing(tmp_path):
    with SearcherPool(tmp_path / "nowhere").borrow() as searcher:
        assert searcher is None
