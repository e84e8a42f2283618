"""Item 2: a file whose name is not UTF-8 is indexed, listed, searched and opened like any
other; its name is shown with the odd bytes escaped (``bad\\xff\\xfe.txt``) and its
article keeps one id from run to run."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.index_cli_helpers import write_corpus
from tests.commands import required_command

ODD = b"bad\xff\xfe.txt"
SHOWN = "bad\\xff\\xfe.txt"
ODD_TEXT = "Harbour strike ends\n\nDock workers in Valletta ended their strike on Friday.\n"

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="file names are bytes only on POSIX systems"
)


def briefing_bytes(*args: str | bytes, timeout: float = 120) -> subprocess.CompletedProcess:
    """The installed command, its output kept as bytes (to see exactly what it wrote)."""
    return subprocess.run(
        [required_command("briefing"), *args],
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def write_odd(folder: Path, name: bytes = ODD, text: str = ODD_TEXT) -> bytes:
    """Write a file whose name holds bytes that are not UTF-8; returns its full path."""
    path = os.fsencode(folder) + b"/" + name
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))
    return path


def articles_json(corpus: Path) -> list[dict]:
    result = briefing_bytes("articles", "--corpus", str(corpus), "--json")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return json.loads(result.stdout.decode("utf-8"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = write_corpus(tmp_path / "corpus")
    write_odd(folder)
    return folder


def test_index_reads_the_file_and_reports_nothing_skipped(corpus):
    result = briefing_bytes("index", str(corpus))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    report = result.stdout.decode("utf-8")
    assert "Files:     4 read, 0 unchanged" in report
    assert "Skipped:   0 files" in report
    assert b"Traceback" not in result.stderr


def test_articles_and_search_show_the_name_escaped_in_text_and_json(corpus):
    listed = briefing_bytes("articles", "--corpus", str(corpus))
    assert listed.returncode == 0, listed.stderr.decode("utf-8", "replace")
    assert f"{SHOWN}#0".encode() in listed.stdout
    assert b"\xff" not in listed.stdout
    (odd,) = [a for a in articles_json(corpus) if a["path"] == SHOWN]
    assert odd["title"] == "Harbour strike ends"
    found = briefing_bytes("search", "Valletta", "--corpus", str(corpus), "--json")
    assert found.returncode == 0, found.stderr.decode("utf-8", "replace")
    hits = json.loads(found.stdout.decode("utf-8"))["results"]
    assert [(h["id"], h["path"]) for h in hits] == [(odd["id"], SHOWN)]


def test_the_article_keeps_its_id_across_runs_and_rebuilds(corpus):
    first = {a["path"]: a["id"] for a in articles_json(corpus)}
    unchanged = briefing_bytes("index", str(corpus))
    assert b"Files:     0 read, 4 unchanged" in unchanged.stdout
    rebuilt = briefing_bytes("index", str(corpus), "--rebuild")
    assert rebuilt.returncode == 0
    assert {a["path"]: a["id"] for a in articles_json(corpus)} == first
    assert SHOWN in first


def test_names_differing_only_in_odd_bytes_are_different_articles(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {})
    write_odd(corpus, b"a\xff.txt", "First story\n\nThe first of three stories.\n")
    write_odd(corpus, b"a\xfe.txt", "Second story\n\nThe second of three stories.\n")
    # A real backslash, x, f, f: its escaped form looks like the first file's name.
    write_odd(corpus, b"a\\xff.txt", "Third story\n\nThe third of three stories.\n")
    listed = articles_json(corpus)
    assert sorted(a["title"] for a in listed) == ["First story", "Second story", "Third story"]
    assert len({a["id"] for a in listed}) == 3
    assert sorted(a["path"] for a in listed) == ["a\\xfe.txt", "a\\xff.txt", "a\\xff.txt"]


def test_an_edit_and_a_removal_of_the_file_are_picked_up(corpus):
    articles_json(corpus)
    path = os.fsencode(corpus) + b"/" + ODD
    with open(path, "wb") as handle:
        handle.write(b"Harbour strike resumes\n\nDock workers in Valletta walked out again.\n")
    titles = {a["path"]: a["title"] for a in articles_json(corpus)}
    assert titles[SHOWN] == "Harbour strike resumes"
    os.remove(path)
    assert SHOWN not in {a["path"] for a in articles_json(corpus)}


def test_a_corpus_folder_with_an_odd_name_is_indexed(tmp_path):
    folder = os.fsencode(tmp_path) + b"/caf\xe9"
    os.mkdir(folder)
    corpus = Path(os.fsdecode(folder))
    write_corpus(corpus)
    result = briefing_bytes("index", folder)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Files:     3 read" in result.stdout
    assert len(articles_json(corpus)) == 3


async def test_the_app_lists_and_opens_the_article_with_its_name_escaped(corpus):
    from tests.tui.conftest import ready, screen_text, search, wait_for_text
    from tui.app import make_app

    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert "Harbour strike ends" in screen_text(app)
        await search(pilot, "Valletta")
        await pilot.press("enter")
        shown = await wait_for_text(pilot, f"corpus/{SHOWN}")
    assert "Index unavailable" not in shown
    assert "\udcff" not in shown


def index_folder() -> Path:
    (folder,) = (Path(os.environ["BRIEFING_CACHE_DIR"]) / "indexes").iterdir()
    return folder


def test_the_manifest_stays_utf8_and_keeps_the_exact_name(corpus):
    from search.index.manifest import load_manifest

    assert briefing_bytes("index", str(corpus)).returncode == 0
    raw = (index_folder() / "manifest.json").read_bytes()
    exact = os.fsencode(corpus) + b"/" + ODD
    stored = json.loads(raw.decode("utf-8"))["files"]
    assert "\0" + exact.hex() in stored
    assert str(corpus / "oil.txt") in stored
    assert os.fsdecode(exact) in load_manifest(index_folder()).files


@pytest.mark.parametrize(
    "name",
    [b"/c/oil.txt", "/c/café.txt".encode(), b"/c/a\\xff.txt", b"/c/bad\xff\xfe.txt", b"/c/\xc3"],
    ids=["ascii", "utf8", "backslash", "odd", "cut"],
)
def test_path_keys_round_trip(name):
    from search.index.manifest import decode_path, encode_path

    path = os.fsdecode(name)
    key = encode_path(path)
    key.encode("utf-8")
    assert decode_path(key) == path
    assert (key == path) == (name.decode("utf-8", "replace") == path)


def test_only_undecodable_paths_get_the_hex_form():
    from search.index.manifest import encode_path

    assert encode_path("/c/café.txt") == "/c/café.txt"
    assert encode_path(os.fsdecode(b"/c/\xff")) == "\0" + b"/c/\xff".hex()


@pytest.mark.parametrize("key", ["", "\0", "\0zz", "\0" + b"/a\0b".hex(), "/a\0b", "\0abc"])
def test_keys_that_are_no_path_are_refused(key):
    from search.index.manifest import decode_path
    from search.index.metadata import BadMetadata

    with pytest.raises(BadMetadata, match=r"^manifest\.json: files\[.*\] is not a path$"):
        decode_path(key)


def test_a_manifest_with_a_broken_key_is_rebuilt_not_a_traceback(corpus):
    assert briefing_bytes("index", str(corpus)).returncode == 0
    manifest = index_folder() / "manifest.json"
    raw = json.loads(manifest.read_text(encoding="utf-8"))
    raw["files"]["\0not hex"] = raw["files"].pop(str(corpus / "oil.txt"))
    manifest.write_text(json.dumps(raw), encoding="utf-8")
    result = briefing_bytes("index", str(corpus))
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Rebuilt the index: " in result.stdout
    assert len(articles_json(corpus)) == 4


@pytest.mark.parametrize("follow", [True, False])
def test_a_manifest_written_and_read_again_is_the_same(tmp_path, follow):
    from search.index.manifest import FileEntry, Manifest, load_manifest, save_manifest

    odd = os.fsdecode(os.fsencode(tmp_path) + b"/" + ODD)
    article = {
        "id": "95bdf4f4301ceae0",
        "title": "Harbour strike ends",
        "path": SHOWN,
        "position": 0,
        "source": None,
        "author": None,
        "date": None,
        "url": None,
        "content_hash": "ab",
    }
    files = {odd: FileEntry(70, 123, "d1", [article]), "/c/oil.txt": FileEntry(5, 6, "d2", [])}
    save_manifest(tmp_path, Manifest(9, "rules", files, follow_outside=follow))
    (tmp_path / "manifest.json").read_bytes().decode("utf-8")
    again = load_manifest(tmp_path)
    assert (again.schema_version, again.entity_rules, again.follow_outside) == (9, "rules", follow)
    assert again.files == files


@pytest.mark.parametrize("stored", ['"yes"', "1", "null"])
def test_only_a_true_follow_outside_is_believed(tmp_path, stored):
    from search.index.manifest import load_manifest

    (tmp_path / "manifest.json").write_text(
        f'{{"schema_version": 9, "files": {{}}, "follow_outside": {stored}}}', "utf-8"
    )
    assert load_manifest(tmp_path).follow_outside is False


def test_a_manifest_with_a_broken_key_is_not_believed(tmp_path):
    from search.index.manifest import load_manifest

    entry = '{"size": 1, "mtime_ns": 1, "digest": "d", "articles": []}'
    (tmp_path / "manifest.json").write_text(
        f'{{"schema_version": 9, "files": {{"\\u0000zz": {entry}}}}}', "utf-8"
    )
    assert load_manifest(tmp_path) is None
