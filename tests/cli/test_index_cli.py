"""`briefing index`: a report of what was read, incremental re-runs, rebuilds, a busy lock."""

from __future__ import annotations

import json

import pytest
from filelock import FileLock

from search.index.indexer import LOCK_NAME
from search.locations import index_dir
from tests.cli.index_cli_helpers import briefing, write_corpus


@pytest.fixture
def corpus(tmp_path):
    folder = write_corpus(tmp_path / "corpus")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "empty.txt").write_text("")
    return folder


def test_index_reports_files_articles_skipped_files_and_time(corpus):
    out = briefing("index", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "Files:     3 read, 0 unchanged" in out.stdout
    assert "Articles:  3 in the index (3 added" in out.stdout
    assert "Skipped:   2 files" in out.stdout
    assert "picture.png: " in out.stdout and "empty.txt: " in out.stdout
    assert "Elapsed:" in out.stdout
    assert "Traceback" not in out.stderr


def test_second_run_reads_nothing_and_rebuild_reads_everything(corpus):
    briefing("index", "--corpus", str(corpus))
    again = json.loads(briefing("index", str(corpus), "--json").stdout)
    assert (again["files_read"], again["files_unchanged"], again["articles"]) == (0, 3, 3)
    rebuilt = briefing("index", str(corpus), "--rebuild")
    assert "Rebuilt the index: a rebuild was asked for." in rebuilt.stdout
    assert "Files:     3 read" in rebuilt.stdout


def test_json_report_lists_skipped_files_with_reasons(corpus):
    report = json.loads(briefing("index", str(corpus), "--json").stdout)
    reasons = {item["path"].rsplit("/", 1)[-1]: item["reason"] for item in report["skipped"]}
    assert set(reasons) == {"picture.png", "empty.txt"}
    assert all(reasons.values())


def test_index_lives_in_the_cache_dir_not_the_corpus(corpus, tmp_path):
    before = sorted(p.name for p in corpus.iterdir())
    briefing("index", str(corpus))
    assert sorted(p.name for p in corpus.iterdir()) == before
    assert index_dir(corpus).is_relative_to(tmp_path / "cache")
    assert any(index_dir(corpus).iterdir())


def test_busy_index_is_reported_with_exit_code_3(corpus):
    folder = index_dir(corpus.resolve())
    folder.mkdir(parents=True)
    with FileLock(str(folder / LOCK_NAME)):
        out = briefing("index", str(corpus))
    assert out.returncode == 3
    assert "another briefing process is updating the index" in out.stderr
    assert "Traceback" not in out.stderr


def test_missing_corpus_is_a_usage_error(tmp_path):
    out = briefing("index", str(tmp_path / "nowhere"))
    assert out.returncode == 2
    assert "corpus folder not found" in out.stderr


def test_progress_is_plain_text_when_not_a_terminal(corpus):
    out = briefing("index", str(corpus))
    assert "\x1b[" not in out.stdout + out.stderr
