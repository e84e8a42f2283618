"""Incremental updates: only what changed is read and re-indexed; deleted files leave."""

from __future__ import annotations

import os
import threading

import pytest

from tests.unit.index_fixtures import make_service, write_articles


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    write_articles(
        folder,
        "markets.txt",
        {"title": "Oil prices climb", "body": "Oil prices rose sharply in Baku on Monday."},
        {"title": "Banks hold rates", "body": "The Central Bank kept interest rates unchanged."},
    )
    write_articles(
        folder,
        "talks.txt",
        {"title": "Peace talks resume", "body": "Ilham Aliyev and Nikol Pashinyan met in Yerevan."},
    )
    return folder


@pytest.fixture
def service(corpus, tmp_path):
    return make_service(corpus, tmp_path / "index")


def _titles(service, query):
    return {hit.title for hit in service.search(query).hits}


def _touch_later(path):
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_first_update_indexes_every_article(service):
    report = service.update()
    assert (report.files_read, report.articles, report.added) == (2, 3, 3)
    assert report.rebuilt_because is None
    assert _titles(service, "oil") == {"Oil prices climb"}


def test_second_update_reads_nothing(service):
    service.update()
    assert not service.needs_update()
    report = service.update()
    assert (report.files_read, report.files_unchanged) == (0, 2)
    assert (report.added, report.updated, report.removed) == (0, 0, 0)
    assert report.articles == 3


def test_touched_but_identical_file_is_not_read_again(service, corpus):
    service.update()
    _touch_later(corpus / "talks.txt")
    assert service.needs_update()
    report = service.update()
    assert report.files_read == 0
    assert report.files_unchanged == 2
    assert not service.needs_update()


def test_only_the_changed_article_of_a_changed_file_is_reindexed(service, corpus):
    service.update()
    write_articles(
        corpus,
        "markets.txt",
        {"title": "Oil prices climb", "body": "Oil prices rose sharply in Baku on Monday."},
        {"title": "Banks cut rates", "body": "The Central Bank cut interest rates by a point."},
    )
    _touch_later(corpus / "markets.txt")
    report = service.update()
    assert (report.files_read, report.added, report.updated, report.removed) == (1, 0, 1, 0)
    assert _titles(service, "rates") == {"Banks cut rates"}


def test_article_dropped_from_a_file_leaves_the_index(service, corpus):
    service.update()
    write_articles(
        corpus,
        "markets.txt",
        {"title": "Oil prices climb", "body": "Oil prices rose sharply in Baku on Monday."},
    )
    _touch_later(corpus / "markets.txt")
    report = service.update()
    assert (report.removed, report.articles) == (1, 2)
    assert _titles(service, "rates") == set()


def test_new_file_is_added_and_deleted_file_is_removed(service, corpus):
    service.update()
    (corpus / "talks.txt").unlink()
    write_articles(corpus, "sport.txt", {"title": "Cup final", "body": "A late goal won it."})
    report = service.update()
    assert (report.files_read, report.added, report.removed, report.articles) == (1, 1, 1, 3)
    assert _titles(service, "Pashinyan") == set()
    assert _titles(service, "goal") == {"Cup final"}
    assert "talks.txt" not in {a.path.rsplit("/", 1)[-1] for a in service.articles()}


def test_skipped_files_are_reported_with_a_reason(service, corpus):
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    report = service.update()
    assert [(s.path.endswith("photo.jpg"), s.reason) for s in report.skipped] == [
        (True, "not a .txt file")
    ]


def test_a_file_the_reader_rejects_is_reported_and_its_articles_leave(corpus, tmp_path):
    def read(path):
        from search.reading.reader import UnreadableFile
        from tests.unit.index_fixtures import read_json_articles

        if path.read_text() == "":
            raise UnreadableFile("empty file")
        return read_json_articles(path)

    service = make_service(corpus, tmp_path / "index", read=read)
    service.update()
    (corpus / "talks.txt").write_text("")
    report = service.update()
    assert [(s.path.endswith("talks.txt"), s.reason) for s in report.skipped] == [
        (True, "empty file")
    ]
    assert _titles(service, "Pashinyan") == set()


def test_a_reader_crash_on_one_file_does_not_stop_the_others(corpus, tmp_path):
    from tests.unit.index_fixtures import read_json_articles

    def read(path):
        if path.name == "talks.txt":
            raise RuntimeError("boom")
        return read_json_articles(path)

    report = make_service(corpus, tmp_path / "index", read=read).update()
    assert report.articles == 2
    assert "boom" in report.skipped[0].reason


def test_progress_reports_each_file_and_cancel_keeps_what_was_done(service):
    seen = []
    cancel = threading.Event()

    def progress(step):
        seen.append((step.done, step.total))
        cancel.set()

    report = service.update(progress=progress, cancel=cancel)
    assert seen == [(1, 2)]
    assert report.files_read == 1
    finished = service.update()
    assert finished.files_read == 1
    assert finished.articles == 3


def test_rebuild_reads_everything_again_and_says_why(service):
    service.update()
    report = service.update(rebuild=True)
    assert report.files_read == 2
    assert report.rebuilt_because == "a rebuild was asked for"
    assert report.articles == 3


def test_the_same_article_in_two_files_is_indexed_once(service, corpus):
    write_articles(
        corpus, "copy.txt", {"id": "same", "title": "Copy", "body": "Identical words here."}
    )
    write_articles(
        corpus, "original.txt", {"id": "same", "title": "Copy", "body": "Identical words here."}
    )
    report = service.update()
    assert report.articles == 4
    assert service.search("identical").total == 1


def test_undated_articles_are_listed_by_title(service):
    service.update()
    assert [hit.title for hit in service.search("").hits] == [
        "Banks hold rates",
        "Oil prices climb",
        "Peace talks resume",
    ]


def test_searches_see_each_commit_and_rebuild_in_every_thread(service, corpus):
    service.update()
    assert _titles(service, "goal") == set()
    write_articles(corpus, "sport.txt", {"title": "Cup final", "body": "A late goal won it."})
    service.update()
    assert _titles(service, "goal") == {"Cup final"}
    (corpus / "sport.txt").unlink()
    service.update(rebuild=True)
    assert _titles(service, "goal") == set()

    seen = []
    worker = threading.Thread(target=lambda: seen.append(_titles(service, "oil")))
    worker.start()
    worker.join()
    assert seen == [{"Oil prices climb"}]


def test_an_edited_file_keeps_its_article_ids_wherever_the_corpus_folder_is(tmp_path):
    from search.reading.reader import read_articles, walk_corpus

    corpus = tmp_path / "corpus"
    (corpus / "desk").mkdir(parents=True)
    feed = corpus / "desk" / "feed.txt"
    feed.write_text(
        "Oil prices climb\n\nOil prices rose sharply in Baku on Monday.\n\n"
        "https://example.org/a\n\nBanks hold rates\n\nThe Central Bank kept rates.\n\n"
        "https://example.org/b\n",
        encoding="utf-8",
    )
    service = make_service(corpus, tmp_path / "index", walk=walk_corpus, read=None)
    service.update()
    before = {a.title: a.id for a in service.articles()}
    assert len(before) == 2

    text = feed.read_text(encoding="utf-8")
    feed.write_text(text.replace("Oil prices rose", "Traders were surprised. Oil prices rose"))
    report = service.update()
    assert (report.updated, report.added, report.removed) == (1, 0, 0)
    assert {a.title: a.id for a in service.articles()} == before
    assert "Traders were surprised" in service.article(before["Oil prices climb"]).body

    moved = tmp_path / "somewhere" / "else"
    moved.parent.mkdir()
    corpus.rename(moved)
    again = read_articles(moved / "desk" / "feed.txt", root=moved)
    assert {a.title: a.id for a in again} == before
    assert {a.path for a in again} == {"desk/feed.txt"}


def test_a_source_filter_keeps_exactly_that_source(tmp_path):
    from search.models import SearchFilters

    folder = tmp_path / "sources"
    write_articles(
        folder,
        "papers.txt",
        {"title": "Port news", "body": "The port reopened.", "source": "Harbour Gazette"},
        {"title": "Port weekly", "body": "The port reopened.", "source": "Harbour Gazette Weekly"},
        {"title": "Port times", "body": "The port reopened.", "source": "The Times"},
    )
    service = make_service(folder, tmp_path / "index")
    service.update()

    def titles(source: str) -> list[str]:
        results = service.search("port", filters=SearchFilters(source=(source,)))
        return sorted(hit.title for hit in results.hits)

    assert titles("Harbour Gazette") == ["Port news"]
    assert titles("The Times") == ["Port times"]
    assert titles("Times") == []
    counted = dict(next(f.values for f in service.facets("port") if f.field == "source"))
    assert counted == {"Harbour Gazette": 1, "Harbour Gazette Weekly": 1, "The Times": 1}


def test_a_corpus_reached_through_a_link_is_not_read_again_by_its_real_path(corpus, tmp_path):
    from search.service import open_search_service

    link = tmp_path / "link-to-corpus"
    link.symlink_to(corpus, target_is_directory=True)
    by_link = open_search_service(link)
    assert by_link.update().files_read == 2
    by_path = open_search_service(corpus)
    assert not by_path.needs_update()
    assert by_path.update().files_read == 0
    assert [hit.path for hit in by_path.search("Baku").hits] == ["markets.txt"]
    assert not open_search_service(link).needs_update()
