"""`briefing index` without a terminal says, as it reads, how many files searches
already answer from (a first build commits as it goes)."""

from __future__ import annotations

from search.index import growing
from search.models.indexing import IndexProgress
from search.service import open_search_service
from tests.cli.index_cli_helpers import write_corpus
from tui.cli import cmd_index


def test_plain_progress_counts_the_files_searches_answer_from(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(growing, "FIRST_RUN_FILES", 1)
    monkeypatch.setattr(cmd_index, "PLAIN_PROGRESS_SECONDS", 0)
    corpus = write_corpus(tmp_path / "corpus")
    steps: list[IndexProgress] = []
    plain = cmd_index._PlainProgress()

    def progress(step: IndexProgress) -> None:
        steps.append(step)
        plain(step)

    open_search_service(corpus).update(progress=progress)
    assert [step.indexed for step in steps if step.indexed][:1] == [1]
    lines = capsys.readouterr().err.splitlines()
    assert "indexing: 1/3 files, 1 searchable" in lines
