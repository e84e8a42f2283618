"""Issue 19, item 4: a damaged index is rebuilt, never searched for a wrong answer.

The index records a checksum of every file a commit wrote (segments, table of contents,
manifest, word list). Searching checks sizes and times; ``briefing index`` checks every
hash, so damage that kept a file's size and time is found there.
"""

from __future__ import annotations

import json

import pytest

from tests.cli.index_cli_helpers import briefing
from tests.reliability.index_world import (
    built_index,
    flip_bytes,
    largest_segment,
    search_total,
    write_numbered_corpus,
)

STORIES = 60
QUERY = "item5*"


@pytest.fixture
def world(tmp_path):
    corpus = write_numbered_corpus(tmp_path / "corpus", STORIES)
    folder = built_index(corpus)
    clean, _ = search_total(corpus, QUERY)
    assert clean == 11  # item5 and item50..item59
    return corpus, folder, clean


def test_flipped_bytes_in_a_segment_are_rebuilt_before_search_answers(world):
    corpus, folder, clean = world
    flip_bytes(largest_segment(folder))
    total, stderr = search_total(corpus, QUERY)
    assert total == clean
    notice = stderr.strip().splitlines()
    assert len(notice) == 1
    assert notice[0].startswith("briefing: rebuilt the index: the index was damaged (whoosh/")
    assert "does not match its checksum" in notice[0]
    # Rebuilt once: the next search is quiet.
    assert search_total(corpus, QUERY) == (clean, "")


def test_flipped_bytes_that_kept_size_and_time_are_found_by_briefing_index(world):
    corpus, folder, clean = world
    flip_bytes(largest_segment(folder), keep_time=True)
    out = briefing("index", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "Rebuilt the index: the index was damaged (whoosh/" in out.stdout
    assert f"{STORIES} read" in out.stdout
    assert search_total(corpus, QUERY) == (clean, "")


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("_MAIN_1.toc", "flip"),
        ("manifest.json", "flip"),
        ("words.json", "flip"),
        ("_MAIN_1.toc", "truncate"),
        ("segment", "truncate"),
    ],
)
def test_each_recorded_file_is_checked(world, name, damage):
    corpus, folder, clean = world
    if name == "segment":
        path = largest_segment(folder)
    elif name.endswith(".toc"):
        path = folder / "whoosh" / name
    else:
        path = folder / name
    if damage == "flip":
        flip_bytes(path, count=5, keep_time=True)
    else:
        path.write_bytes(path.read_bytes()[:-7])
    report = json.loads(briefing("index", str(corpus), "--json").stdout)
    assert report["rebuilt_because"].startswith(("the index was damaged", "its list of indexed"))
    assert report["articles"] == STORIES
    assert search_total(corpus, QUERY) == (clean, "")


def test_a_commit_whose_checksums_were_never_recorded_is_rebuilt(world):
    # What a kill between the commit and its record leaves: files the record does not know.
    corpus, folder, clean = world
    (folder / "checksums.json").unlink()
    total, stderr = search_total(corpus, QUERY)
    assert total == clean
    assert "rebuilt the index: the index was damaged (checksums.json is missing)" in stderr


def test_an_unchanged_index_is_not_rebuilt(world):
    corpus, _folder, clean = world
    report = json.loads(briefing("index", str(corpus), "--json").stdout)
    assert report["rebuilt_because"] is None
    assert report["files_read"] == 0
    assert search_total(corpus, QUERY) == (clean, "")


def test_a_copied_index_with_new_times_is_trusted_after_its_hashes_match(world):
    corpus, folder, clean = world
    for path in [*folder.glob("*.json"), *(folder / "whoosh").iterdir()]:
        path.touch()
    assert search_total(corpus, QUERY) == (clean, "")
    report = json.loads(briefing("index", str(corpus), "--json").stdout)
    assert report["rebuilt_because"] is None
