"""The checksums an index commit records, and what the quick and full checks find."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from search.index import checksums

WHOOSH = "whoosh"


@pytest.fixture
def folder(tmp_path) -> Path:
    """An index folder with a table of contents, a segment and two metadata files."""
    (tmp_path / WHOOSH).mkdir()
    (tmp_path / WHOOSH / "_MAIN_2.toc").write_bytes(b"toc-two")
    (tmp_path / WHOOSH / "MAIN_abc.seg").write_bytes(b"segment bytes " * 100)
    (tmp_path / WHOOSH / "MAIN_WRITELOCK").write_bytes(b"")
    (tmp_path / WHOOSH / "_MAIN_3.toc.x1y2.tmp").write_bytes(b"half")
    (tmp_path / "manifest.json").write_text('{"files": {}}')
    (tmp_path / "words.json").write_text("{}")
    names = checksums.commit_files(tmp_path, WHOOSH, ("manifest.json", "words.json"))
    checksums.record(tmp_path, names)
    return tmp_path


def problem(folder: Path, *, full: bool) -> str | None:
    return checksums.problem(folder, WHOOSH, full=full)


def rewrite_keeping_time(path: Path, data: bytes) -> None:
    before = path.stat()
    path.write_bytes(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_commit_files_are_the_whoosh_files_without_locks_or_temporaries_then_metadata(folder):
    names = checksums.commit_files(folder, WHOOSH, ("manifest.json", "words.json"))
    assert names == [
        "whoosh/MAIN_abc.seg",
        "whoosh/_MAIN_2.toc",
        "manifest.json",
        "words.json",
    ]


def test_a_recorded_commit_passes_both_checks(folder):
    assert problem(folder, full=False) is None
    assert problem(folder, full=True) is None
    recorded = checksums.load(folder)
    assert set(recorded) == {
        "whoosh/MAIN_abc.seg",
        "whoosh/_MAIN_2.toc",
        "manifest.json",
        "words.json",
    }
    segment = folder / WHOOSH / "MAIN_abc.seg"
    info = segment.stat()
    assert recorded["whoosh/MAIN_abc.seg"] == checksums.Recorded(
        info.st_size, info.st_mtime_ns, checksums.digest_of(segment), info.st_ctime_ns
    )


def test_bytes_changed_with_size_and_time_kept_are_found_only_by_the_full_check(folder):
    segment = folder / WHOOSH / "MAIN_abc.seg"
    rewrite_keeping_time(segment, b"Segment bytes " * 100)
    assert problem(folder, full=False) is None
    assert problem(folder, full=True) == "whoosh/MAIN_abc.seg does not match its checksum"


def test_bytes_changed_with_a_new_time_are_found_by_the_quick_check(folder):
    segment = folder / WHOOSH / "MAIN_abc.seg"
    segment.write_bytes(b"Segment bytes " * 100)
    assert problem(folder, full=False) == "whoosh/MAIN_abc.seg does not match its checksum"


def test_a_new_time_on_the_same_bytes_is_no_problem(folder):
    words = folder / "words.json"
    os.utime(words, ns=(1, 10**18))
    assert problem(folder, full=False) is None


def test_a_changed_size_is_named(folder):
    (folder / "words.json").write_text("{} ")
    assert problem(folder, full=False) == "words.json changed size (2 bytes recorded, 3 found)"


def test_a_missing_file_is_named(folder):
    (folder / WHOOSH / "MAIN_abc.seg").unlink()
    assert problem(folder, full=False) == "whoosh/MAIN_abc.seg is missing"


def test_a_folder_where_a_file_was_is_named(folder):
    (folder / "manifest.json").unlink()
    (folder / "manifest.json").mkdir()
    assert problem(folder, full=False) == "manifest.json is not a regular file"


def test_a_symlink_where_a_file_was_is_not_followed(folder, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "words.json"
    elsewhere.write_text("{}")
    (folder / "words.json").unlink()
    (folder / "words.json").symlink_to(elsewhere)
    assert problem(folder, full=True) == "words.json is not a regular file"


def test_a_newer_table_of_contents_than_the_record_means_an_unrecorded_commit(folder):
    (folder / WHOOSH / "_MAIN_1.toc").write_bytes(b"older")
    (folder / WHOOSH / "_MAIN_x.toc").write_bytes(b"not a generation")
    assert problem(folder, full=False) is None
    (folder / WHOOSH / "_MAIN_10.toc").write_bytes(b"newer")
    assert problem(folder, full=False) == (
        "whoosh/_MAIN_10.toc was written after the last recorded commit"
    )


def test_an_unreadable_file_is_named(folder):
    if os.geteuid() == 0:
        pytest.skip("root reads files without read permission")
    segment = folder / WHOOSH / "MAIN_abc.seg"
    segment.chmod(0)
    try:
        found = problem(folder, full=True)
        assert found == "whoosh/MAIN_abc.seg cannot be read (Permission denied)"
    finally:
        segment.chmod(0o644)


def test_recording_again_reuses_the_hash_of_files_whose_size_and_time_are_unchanged(folder):
    segment = folder / WHOOSH / "MAIN_abc.seg"
    rewrite_keeping_time(segment, b"Segment bytes " * 100)
    names = checksums.commit_files(folder, WHOOSH, ("manifest.json", "words.json"))
    checksums.record(folder, names)
    assert problem(folder, full=True) == "whoosh/MAIN_abc.seg does not match its checksum"
    checksums.record(folder, names, reuse=False)
    assert problem(folder, full=True) is None


def test_recording_leaves_no_temporary_file(folder):
    assert sorted(p.name for p in folder.iterdir()) == [
        "checksums.json",
        "manifest.json",
        WHOOSH,
        "words.json",
    ]


def _write_record(folder: Path, text: str) -> None:
    (folder / checksums.CHECKSUMS_NAME).write_text(text)


def _record_with(folder: Path, change) -> None:
    raw = json.loads((folder / checksums.CHECKSUMS_NAME).read_text())
    change(raw)
    _write_record(folder, json.dumps(raw))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{", "checksums.json is not valid JSON"),
        ('{"format": 1, "files": {"a": NaN}}', "checksums.json is not valid JSON"),
        ("[]", "checksums.json is not in format 1"),
        ('{"format": 2, "files": {}}', "checksums.json is not in format 1"),
        ('{"format": 1, "files": {}}', "checksums.json: files is not a non-empty object"),
        ('{"format": 1, "files": []}', "checksums.json: files is not a non-empty object"),
        ('{"format": 1}', "checksums.json: files is not a non-empty object"),
    ],
)
def test_a_malformed_record_is_a_problem(folder, text, reason):
    _write_record(folder, text)
    found = problem(folder, full=False)
    assert found is not None and found.startswith(reason)


def test_a_missing_record_is_a_problem(folder):
    (folder / checksums.CHECKSUMS_NAME).unlink()
    assert problem(folder, full=False) == "checksums.json is missing"
    with pytest.raises(ValueError, match="checksums.json is missing"):
        checksums.load(folder)


def test_a_record_that_is_a_folder_is_a_problem(folder):
    (folder / checksums.CHECKSUMS_NAME).unlink()
    (folder / checksums.CHECKSUMS_NAME).mkdir()
    assert problem(folder, full=False) == "checksums.json cannot be read (IsADirectoryError)"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_record_that_is_a_fifo_is_a_problem_found_without_waiting(folder):
    (folder / checksums.CHECKSUMS_NAME).unlink()
    os.mkfifo(folder / checksums.CHECKSUMS_NAME)
    assert problem(folder, full=False) == "checksums.json cannot be read (IsADirectoryError)"


def test_a_record_that_is_not_utf8_is_a_problem(folder):
    (folder / checksums.CHECKSUMS_NAME).write_bytes(b'{"format": 1, "\xff": 1}')
    assert problem(folder, full=False) == "checksums.json cannot be read (UnicodeDecodeError)"


@pytest.mark.parametrize(
    "name", ["/etc/passwd", "../outside", "whoosh/../../x", "", "a//b", "./a", "a\\b"]
)
def test_a_recorded_name_outside_the_index_folder_is_refused(folder, name):
    _record_with(folder, lambda raw: raw["files"].update({name: raw["files"]["words.json"]}))
    assert problem(folder, full=False) == f"checksums.json: {name!r} is not a file of the index"


@pytest.mark.parametrize(
    "entry",
    [
        {"size": -1, "mtime_ns": 1, "digest": "d"},
        {"size": True, "mtime_ns": 1, "digest": "d"},
        {"size": 1.0, "mtime_ns": 1, "digest": "d"},
        {"size": 1, "mtime_ns": 1.5, "digest": "d"},
        {"size": 1, "mtime_ns": False, "digest": "d"},
        {"size": 1, "mtime_ns": 1, "digest": 5},
        {"size": 1, "mtime_ns": 1},
        {"mtime_ns": 1, "digest": "d"},
    ],
)
def test_a_recorded_entry_of_the_wrong_shape_is_refused(folder, entry):
    _record_with(folder, lambda raw: raw["files"].update({"words.json": entry}))
    assert problem(folder, full=False) == "checksums.json: words.json lacks a size, time or digest"


def test_a_recorded_entry_that_is_not_an_object_is_refused(folder):
    _record_with(folder, lambda raw: raw["files"].update({"words.json": [1, 2, 3]}))
    assert problem(folder, full=False) == "checksums.json: words.json is not an object"


def test_a_zero_size_and_negative_time_are_valid_records(folder):
    empty = folder / WHOOSH / "MAIN_empty.seg"
    empty.write_bytes(b"")
    os.utime(empty, ns=(0, -(10**9)))
    names = checksums.commit_files(folder, WHOOSH, ("manifest.json", "words.json"))
    checksums.record(folder, names)
    assert checksums.load(folder)["whoosh/MAIN_empty.seg"].size == 0
    assert problem(folder, full=True) is None


def test_digest_of_refuses_a_folder_and_a_symlink(folder):
    with pytest.raises(IsADirectoryError):
        checksums.digest_of(folder / WHOOSH)
    (folder / "link").symlink_to(folder / "words.json")
    with pytest.raises(OSError):
        checksums.digest_of(folder / "link")


def test_digest_of_reads_files_larger_than_one_block(tmp_path):
    big = tmp_path / "big"
    big.write_bytes(b"a" * (1 << 20) + b"b")
    other = tmp_path / "other"
    other.write_bytes(b"a" * (1 << 20) + b"c")
    assert checksums.digest_of(big) != checksums.digest_of(other)
    assert len(checksums.digest_of(big)) == 32


def test_digest_of_a_fifo_refuses_it_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(IsADirectoryError, match="fifo is not a regular file"):
        checksums.digest_of(fifo)


def test_a_file_in_the_place_of_the_whoosh_folder_is_named(folder):
    shutil.rmtree(folder / WHOOSH)
    (folder / WHOOSH).write_text("not a folder")
    assert problem(folder, full=False) == "whoosh/MAIN_abc.seg cannot be read (Not a directory)"


def test_names_that_only_look_like_tables_of_contents_are_not_commits(folder):
    for name in ("XXXXXX12.toc", "_MAIN_12.tocx", "_MAIN_.toc"):
        (folder / WHOOSH / name).write_bytes(b"x")
    assert problem(folder, full=False) is None


def test_a_record_whose_tables_of_contents_are_all_gone_names_the_missing_one(folder):
    (folder / WHOOSH / "_MAIN_2.toc").unlink()
    assert problem(folder, full=False) == "whoosh/_MAIN_2.toc is missing"


def test_a_non_finite_constant_in_the_record_is_named(folder):
    _write_record(folder, '{"format": 1, "files": {"a": Infinity}}')
    assert problem(folder, full=False) == (
        "checksums.json is not valid JSON (Infinity is not a number)"
    )
