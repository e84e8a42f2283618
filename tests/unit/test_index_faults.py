"""Faults: a busy writer lock, a damaged index, an old schema, a missing manifest."""

from __future__ import annotations

import json

import pytest
from filelock import FileLock

from search.index.indexer import LOCK_NAME
from search.index.manifest import MANIFEST_NAME
from search.index.store import whoosh_dir
from search.models import IndexBusyError, QueryError
from tests.unit.index_fixtures import make_service, write_articles


@pytest.fixture
def index_folder(tmp_path):
    return tmp_path / "index"


@pytest.fixture
def service(tmp_path, index_folder):
    corpus = tmp_path / "corpus"
    for n in range(3):
        write_articles(
            corpus, f"f{n}.txt", {"title": f"Report {n}", "body": f"Inflation report number {n}."}
        )
    built = make_service(corpus, index_folder)
    built.update()
    return built


def test_second_writer_is_told_the_index_is_busy_while_readers_go_on(service, index_folder):
    with FileLock(str(index_folder / LOCK_NAME)):
        with pytest.raises(IndexBusyError, match="another briefing process is updating"):
            service.update()
        assert service.search("inflation").total == 3
    assert service.update().files_read == 0


def test_deleted_segment_file_is_detected_and_rebuilt(service, index_folder):
    segment = next(whoosh_dir(index_folder).glob("*.seg"))
    segment.unlink()
    assert service.needs_update()
    with pytest.raises(QueryError, match="briefing index --rebuild"):
        service.search("inflation")
    report = service.update()
    assert report.rebuilt_because.startswith("the index was damaged")
    assert report.files_read == 3
    assert service.search("inflation").total == 3


def test_truncated_table_of_contents_is_detected_and_rebuilt(service, index_folder):
    toc = next(whoosh_dir(index_folder).glob("_MAIN_*.toc"))
    toc.write_bytes(toc.read_bytes()[:20])
    report = service.update()
    assert report.rebuilt_because.startswith("the index was damaged")
    assert service.search("inflation").total == 3


def test_index_from_another_schema_version_is_rebuilt(service, index_folder):
    manifest = index_folder / MANIFEST_NAME
    data = json.loads(manifest.read_text())
    data["schema_version"] = 0
    manifest.write_text(json.dumps(data))
    assert service.needs_update()
    report = service.update()
    assert report.rebuilt_because == "the index format changed"
    assert report.articles == 3


def test_missing_manifest_means_a_rebuild(service, index_folder):
    (index_folder / MANIFEST_NAME).unlink()
    report = service.update()
    assert report.rebuilt_because == "its list of indexed files was missing"
    assert service.search("inflation").total == 3


def test_searching_before_any_index_exists_finds_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, "a.txt", {"title": "Alone", "body": "Words."})
    service = make_service(corpus, tmp_path / "index")
    assert service.needs_update()
    assert service.search("words").hits == ()
    assert service.articles() == []
    assert service.article("a-0") is None


def test_searches_answer_from_the_old_index_while_a_rebuild_runs(service):
    seen = []

    def progress(step):
        seen.append(service.search("inflation").total)

    service.update(rebuild=True, progress=progress)
    assert seen == [3, 3, 3]
    assert service.search("inflation").total == 3
