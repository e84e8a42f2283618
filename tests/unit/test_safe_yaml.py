"""The one YAML loader: plain data, lines for every value, and every problem as ``path:line:``."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from search.safe_yaml import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    YamlFileError,
    dump_yaml,
    load_yaml,
    parse_timestamp,
    read_bytes,
    read_limited,
)

PATH = Path("dir/file.yaml")


def read_yaml(path, *, max_bytes=DEFAULT_MAX_BYTES, **options):
    """A file read the way the product's callers read one: its bytes, then the loader."""
    return load_yaml(read_bytes(path, max_bytes=max_bytes), path, max_bytes=max_bytes, **options)


DOCUMENT = """\
title: Rates
count: 3
ratio: 0.5
flag: yes
nothing: ~
quoted: '2024-01-02'
created: 2024-03-05
stamp: 2025-01-02 10:00:00
notes:
- id: n1
  tags: [a, 7]
- text: |
    two
    lines
"""


def _error(text, **options) -> YamlFileError:
    with pytest.raises(YamlFileError) as caught:
        load_yaml(text, PATH, **options)
    return caught.value


def test_a_document_reads_as_plain_data_with_dates_as_written():
    document = load_yaml(DOCUMENT, PATH)
    assert document.data == {
        "title": "Rates",
        "count": 3,
        "ratio": 0.5,
        "flag": True,
        "nothing": None,
        "quoted": "2024-01-02",
        "created": "2024-03-05",
        "stamp": "2025-01-02 10:00:00",
        "notes": [{"id": "n1", "tags": ["a", 7]}, {"text": "two\nlines\n"}],
    }
    assert document.path == PATH


def test_every_value_has_its_line_and_a_missing_one_the_line_of_its_parent():
    document = load_yaml(DOCUMENT, PATH)
    assert document.line_of(()) == 1
    assert document.line_of(("count",)) == 2
    assert document.line_of(("notes",)) == 10
    assert document.line_of(("notes", 0)) == 10
    assert document.line_of(("notes", 0, "tags")) == 11
    assert document.line_of(("notes", 0, "tags", 1)) == 11
    assert document.line_of(("notes", 1, "text")) == 12
    assert document.line_of(("notes", 1, "missing")) == 12
    assert document.line_of(("notes", 2)) == 10
    assert document.line_of(("notes", -1)) == 10
    assert document.line_of(("notes", "x")) == 10
    assert document.line_of(("title", "deeper")) == 1
    assert document.line_of(("nowhere",)) == 1
    assert document.line_of((["unhashable"],)) == 1
    error = document.error(("notes", 0, "tags"), "bad tags")
    assert str(error) == "dir/file.yaml:11: bad tags"
    assert (error.path, error.line, error.reason) == (PATH, 11, "bad tags")


def test_only_unquoted_dates_are_marked_as_written_as_dates():
    document = load_yaml(DOCUMENT, PATH)
    assert document.written_as_date(("created",))
    assert document.written_as_date(("stamp",))
    assert not document.written_as_date(("quoted",))
    assert not document.written_as_date(("title",))
    assert not document.written_as_date(("notes",))
    assert not document.written_as_date(("missing",))
    assert not document.written_as_date(("notes", 0, "missing"))
    assert not load_yaml("", PATH).written_as_date(("created",))
    assert load_yaml("a: !!timestamp 2024-13-45\n", PATH).written_as_date(("a",))


def test_standard_and_non_specific_tags_read_as_plain_values():
    text = "a: !!seq [1]\nb: !!map {x: 1}\nc: ! 12\nd: ! [1]\ne: !!str 12\nf: !!null ''\n"
    assert load_yaml(text, PATH).data == {
        "a": [1], "b": {"x": 1}, "c": 12, "d": [1], "e": "12", "f": None,
    }  # fmt: skip


def test_an_empty_file_is_none_with_no_lines():
    for text in ("", "# only a comment\n", b"", "---\n"):
        document = load_yaml(text, PATH)
        assert document.data is None
    assert load_yaml("", PATH).line_of(("a",)) is None
    assert load_yaml("~\n", PATH).line_of(()) == 1


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("a: &x 1\nb: *x\n", 1, "anchors (&x) are not allowed; write the value out"),
        ("a: 1\nb: *x\n", 2, "aliases (*x) are not allowed; write the value out"),
        ("a: &a [*a]\n", 1, "anchors (&a) are not allowed; write the value out"),
        ("a: 1\nb: 2\na: 3\n", 3, "'a' is given twice"),
        ("- {x: 1, x: 2}\n", 1, "'x' is given twice"),
        ("? [a]\n: 1\n", 1, "a key should be plain text, not a list or mapping"),
        ("? {a: 1}\n: 1\n", 1, "a key should be plain text, not a list or mapping"),
        ("a: !!binary aGk=\n", 1, "the tag !!binary is not supported here"),
        ("a: !!set {x}\n", 1, "the tag !!set is not supported here"),
        ("a: !!omap [x: 1]\n", 1, "the tag !!omap is not supported here"),
        ("a: !local x\n", 1, "the tag !local is not supported here"),
        ("a: !!python/name:os.system x\n", 1, "the tag !!python/name:os.system is not supported"),
        ("a: 1\n<<: {b: 2}\n", 2, "merge keys (<<) are not supported; write the keys out"),
        ("a: 1\n---\nb: 2\n", 2, "holds more than one YAML document (a second '---')"),
        ("a: !!int nine\n", 1, "'nine' is not a number this file can hold"),
        ("a: !!float x\n", 1, "'x' is not a number this file can hold"),
        ("a: !!bool maybe\n", 1, "'maybe' is not a number this file can hold"),
        ("x: 1\na: " + "9" * 5000 + "\n", 2, f"{'9' * 40!r} is not a number this file can hold"),
        ("a: [1\n", 2, "not valid YAML: while parsing a flow sequence"),
        ("a: b: c\n", 1, "not valid YAML: mapping values are not allowed"),
        ("a: 1\nb: \x01\n", 2, "not valid YAML: unacceptable character #x0001"),
        ("\nb: \x01\n", 2, "not valid YAML: unacceptable character #x0001"),
        ("a: !!map [1]\n", 1, "the tag !!map is not supported here"),
        ("a: !!seq {x: 1}\n", 1, "the tag !!seq is not supported here"),
    ],
)
def test_every_problem_is_one_line_at_its_line(text, line, reason):
    error = _error(text)
    assert error.line == line
    assert error.reason.startswith(reason), error.reason
    assert str(error) == f"dir/file.yaml:{line}: {error.reason}"


def test_nesting_is_bounded_without_recursion():
    ok = "a: " + "[" * DEFAULT_MAX_DEPTH + "]" * DEFAULT_MAX_DEPTH + "\n"
    with pytest.raises(YamlFileError, match="nested more than 32 levels deep"):
        load_yaml(ok, PATH)
    inside = "[" * (DEFAULT_MAX_DEPTH - 1) + "]" * (DEFAULT_MAX_DEPTH - 1)
    assert load_yaml("a: " + inside + "\n", PATH).data["a"]
    assert load_yaml("[[1]]", PATH, max_depth=2).data == [[1]]
    assert _error("[[[1]]]", max_depth=2).reason == "nested more than 2 levels deep"
    assert _error("[" * 100_000).reason == "nested more than 32 levels deep"
    assert _error("{a: {b: 1}}", max_depth=1).line == 1


def test_size_is_bounded_in_bytes_for_text_and_bytes():
    assert load_yaml("a: ééé\n", PATH, max_bytes=10).data == {"a": "ééé"}
    for content in ("a: éééé\n", "a: éééé\n".encode()):
        error = _error(content, max_bytes=10)
        assert (error.line, error.reason) == (None, "is larger than 10 bytes; not read")
        assert str(error) == "dir/file.yaml: is larger than 10 bytes; not read"
    assert load_yaml("- 1\n" * 10, PATH, max_bytes=40).data == [1] * 10
    assert _error("- 1\n" * 10, max_bytes=39).reason == "is larger than 39 bytes; not read"
    assert DEFAULT_MAX_BYTES == 8 * 1024 * 1024
    megabyte = b"x" * (1024 * 1024 + 1)
    assert _error(megabyte, max_bytes=1024 * 1024).reason == "is larger than 1 MB; not read"
    assert _error(megabyte, max_bytes=1024 * 1024 - 1).reason == (
        "is larger than 1048575 bytes; not read"
    )
    assert _error(b"x" * (DEFAULT_MAX_BYTES + 1)).reason == "is larger than 8 MB; not read"


def test_bytes_that_are_not_utf8_are_reported_at_their_line():
    error = _error(b"a: 1\nb: caf\xe9\n")
    assert (error.line, error.reason) == (2, "not UTF-8 text")
    assert load_yaml("a: caf\xe9\n".encode(), PATH).data == {"a": "café"}
    assert load_yaml("\ufeffa: 1\n".encode(), PATH).data == {"a": 1}


def test_plain_text_keeps_unquoted_words_and_numbers_as_written():
    text = "- NO\n- 1.10\n- 0x1F\n- 2024-13-45\n- ~\n- null\n-\n- '7'\n- !!int 7\n- yes\n- =\n"
    assert load_yaml(text, PATH, plain_text=True).data == [
        "NO", "1.10", "0x1F", "2024-13-45", None, None, None, "7", 7, "yes", "=",
    ]  # fmt: skip
    assert load_yaml(text.replace("- 2024-13-45\n", ""), PATH).data == [
        False, 1.1, 31, None, None, None, "7", 7, True, "=",
    ]  # fmt: skip


def test_dates_are_parsed_on_request_and_impossible_ones_are_none():
    assert parse_timestamp("2024-03-05") == date(2024, 3, 5)
    assert parse_timestamp(" 2025-01-02 10:00:00 ") == datetime(2025, 1, 2, 10, 0)
    assert parse_timestamp("2025-01-02T10:00:00Z") == datetime(2025, 1, 2, 10, tzinfo=UTC)
    assert parse_timestamp("2001-12-14 21:59:43.10 -5") == datetime(
        2001, 12, 14, 21, 59, 43, 100000, tzinfo=timezone(timedelta(hours=-5))
    )
    for impossible in ("2024-13-45", "2024-02-30T10:00:00Z", "yesterday", ""):
        assert parse_timestamp(impossible) is None


def test_read_bytes_reads_regular_files_only_and_never_blocks(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("a: 1\n", encoding="utf-8")
    assert read_bytes(good) == b"a: 1\n"
    assert read_yaml(good).data == {"a": 1}
    assert read_yaml(good, plain_text=True).data == {"a": "1"}
    with pytest.raises(YamlFileError, match=r"good.yaml: is larger than 4 bytes; not read$"):
        read_yaml(good, max_bytes=4)
    assert read_bytes(good, max_bytes=5) == b"a: 1\n"
    nested = tmp_path / "nested.yaml"
    nested.write_text("a: [1]\n", encoding="utf-8")
    with pytest.raises(YamlFileError, match=r"nested.yaml:1: nested more than 1 levels deep$"):
        read_yaml(nested, max_depth=1)
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "missing.yaml")
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / ("x" * 300 + ".yaml"))
    with pytest.raises(YamlFileError) as folder:
        read_bytes(tmp_path)
    assert str(folder.value) == f"{tmp_path}: is a folder, not a file"
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    with pytest.raises(YamlFileError) as looping:
        read_bytes(loop)
    assert str(looping.value) == f"{loop}: cannot be read: Too many levels of symbolic links"
    linked = tmp_path / "linked.yaml"
    linked.symlink_to(good)
    assert read_bytes(linked) == b"a: 1\n"
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(YamlFileError) as pipe:
        read_bytes(fifo)
    assert pipe.value.reason == "is not a regular file (a pipe or device?); not read"
    with pytest.raises(YamlFileError, match="is not a regular file"):
        read_bytes("/dev/zero")


def test_reading_stops_past_the_limit_and_a_failed_read_is_one_line(tmp_path):
    with open("/dev/zero", "rb") as endless, pytest.raises(YamlFileError) as caught:
        read_limited(endless, "/dev/zero", max_bytes=10)
    assert str(caught.value) == "/dev/zero: is larger than 10 bytes; not read"
    # A descriptor opened for writing only: the read itself fails in the kernel.
    written = tmp_path / "written.yaml"
    handle = open(os.open(written, os.O_WRONLY | os.O_CREAT), "rb")  # noqa: SIM115
    with handle, pytest.raises(YamlFileError) as failed:
        read_limited(handle, written, max_bytes=10)
    assert str(failed.value) == f"{written}: cannot be read: Bad file descriptor"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_one_line(tmp_path):
    locked = tmp_path / "locked.yaml"
    locked.write_text("a: 1\n", encoding="utf-8")
    locked.chmod(0)
    with pytest.raises(YamlFileError) as caught:
        read_bytes(locked)
    assert str(caught.value) == f"{locked}: cannot be read: Permission denied"


def test_dumped_yaml_loads_back_the_same_and_never_writes_anchors():
    shared = {"id": "a1", "title": "Rates"}
    data = {
        "title": "Two\nlines",
        "first": shared,
        "second": shared,
        "when": "2024-01-02",
        "flag": "yes",
        "count": 3,
        "none": None,
        "list": [1, 2.5, "x"],
        "unicode": "Ж café",
    }
    text = dump_yaml(data)
    assert "&" not in text and "*" not in text
    assert "title: |-\n  Two\n  lines\n" in text
    assert "list:\n- 1\n- 2.5\n- x\n" in text
    assert "Ж café" in text
    assert list(load_yaml(text, PATH).data) == list(data)
    assert load_yaml(text, PATH).data == data
    assert "\n" not in dump_yaml({"a": "word " * 100}).rstrip("\n")
    assert dump_yaml({"a": "word " * 10}, width=20).count("\n") > 1
