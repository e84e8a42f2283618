"""An entity extractor that fails is reported, not hidden: the index update counts the
articles it failed on and says why; those articles stay searchable without entities."""

from __future__ import annotations

import json

import pytest

from search.index import indexer
from search.reading.reader import walk_corpus
from tests.unit.index_fixtures import make_service
from tui.cli import main


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Gas talks\n\nIlham Aliyev met officials in Baku.\n")
    (folder / "b.txt").write_text("Ferry link\n\nA ferry now links Baku and Aktau.\n")
    return folder


def broken_extractor(body: str):
    raise RuntimeError("gazetteer file is missing")


def test_a_failing_extractor_is_counted_and_its_reason_given(corpus, tmp_path):
    service = make_service(
        corpus, tmp_path / "index", walk=walk_corpus, read=None, extract=broken_extractor
    )
    report = service.update()
    assert report.articles == 2
    assert report.entity_failures == 2
    assert report.entity_error == "RuntimeError: gazetteer file is missing"
    assert "entities could not be found in 2 articles" in report.entity_warning
    assert [hit.title for hit in service.search("ferry").hits] == ["Ferry link"]


def test_a_working_extractor_reports_nothing(corpus, tmp_path):
    service = make_service(
        corpus, tmp_path / "index", walk=walk_corpus, read=None, extract=indexer.extract_entities
    )
    report = service.update()
    assert (report.entity_failures, report.entity_error, report.entity_warning) == (0, None, "")


def test_briefing_index_says_when_entities_could_not_be_found(corpus, monkeypatch, capsys):
    monkeypatch.setattr(indexer, "extract_entities", broken_extractor)
    assert main(["index", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "Entities:  entities could not be found in 2 articles" in out
    assert "gazetteer file is missing" in out
    assert main(["index", str(corpus), "--rebuild", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["entity_failures"] == 2
