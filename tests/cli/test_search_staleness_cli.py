"""`briefing search` looks at the folders' times, not at every file, before it answers.

A file added, removed or renamed changes its folder's modification time, so the next
search brings the index up to date by itself; a file rewritten in place changes no
folder, so it waits for `briefing index`, which looks at every file (and, with nothing
changed, reads none and reports what the last update found).
"""

from __future__ import annotations

import json
import os
import time

from search.locations import index_dir
from tests.cli.index_cli_helpers import STORIES, briefing, write_corpus
from tests.duplicate_stories import OTHER, REPORT, VERSION

AN_HOUR = 3600


def _total(corpus, query: str) -> int:
    out = briefing("search", query, "--corpus", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["total"]


def _index(corpus) -> dict:
    out = briefing("index", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _settle(corpus) -> None:
    """Date every folder an hour back: a folder changed within the clock's tick of an
    update is looked at again by the next one, whatever its time."""
    past = time.time() - AN_HOUR
    for folder, _subfolders, _files in os.walk(corpus):
        os.utime(folder, (past, past))


def test_a_file_added_to_a_subfolder_is_found_by_the_next_search(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "2024" / "june").mkdir(parents=True)
    _settle(corpus)
    _index(corpus)
    assert _total(corpus, "zeppelin") == 0
    (corpus / "2024" / "june" / "late.txt").write_text("Late report\n\nThe zeppelin landed.\n")
    assert _total(corpus, "zeppelin") == 1


def test_a_removed_or_renamed_file_leaves_the_next_search(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    _settle(corpus)
    _index(corpus)
    assert _total(corpus, "caspian") == 1
    (corpus / "oil.txt").rename(corpus / "oil.txt~")  # an editor's backup: not an article
    assert _total(corpus, "caspian") == 0


def test_a_file_rewritten_in_place_waits_for_briefing_index(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    _settle(corpus)
    _index(corpus)
    with (corpus / "oil.txt").open("a", encoding="utf-8") as story:
        story.write("\nA zeppelin was seen over the terminal.\n")
    # The search looked at no file: the folder did not change, so neither did its answer.
    assert _total(corpus, "zeppelin") == 0
    report = _index(corpus)
    assert (report["files_read"], report["files_unchanged"]) == (1, len(STORIES) - 1)
    assert _total(corpus, "zeppelin") == 1


def test_a_no_op_index_reads_no_file_and_reports_what_the_last_update_found(tmp_path):
    stories = {"a.txt": REPORT, "b.txt": REPORT, "refiled.txt": VERSION, "other.txt": OTHER}
    corpus = write_corpus(tmp_path / "corpus", stories)
    (corpus / "notes.docx~").write_text("lock")
    (corpus / "empty.txt").write_text("")
    _settle(corpus)
    first = _index(corpus)
    again = _index(corpus)
    assert again["files_read"] == 0
    assert again["files_unchanged"] == first["files_read"] == len(stories)
    for kept in ("articles", "skipped", "identical_files", "versions"):
        assert again[kept] == first[kept]
    assert again["identical_files"] == [{"path": "b.txt", "same_as": "a.txt"}]
    assert again["versions"] == [["a.txt", "refiled.txt"]]


def test_an_index_without_the_record_of_its_folders_still_notices_a_new_file(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    _settle(corpus)
    _index(corpus)
    for name in ("folders.json", "files.json", "duplicates.json"):
        (index_dir(corpus) / name).unlink()
    (corpus / "late.txt").write_text("Late report\n\nThe zeppelin landed.\n")
    assert _total(corpus, "zeppelin") == 1
    report = _index(corpus)
    assert (report["files_read"], report["rebuilt_because"]) == (0, None)
