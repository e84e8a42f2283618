"""Issue 19, item 9: bad index metadata means a rebuild with a one-line reason.

The manifest, the word list and the checksums are checked for type, range and finite
numbers when read; a folder where a file belongs (or the reverse) is removed by the
rebuild. ``--rebuild`` recovers from all of it and never touches anything outside the
index folder, even through a symlink placed there.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.index_cli_helpers import briefing
from tests.reliability.index_world import built_index, search_total, write_numbered_corpus

STORIES = 30
QUERY = "item1*"
CLEAN = 11  # item1, item10..item19


def _edit_json(name: str, change: Callable[[dict], object]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / name
        data = json.loads(path.read_text())
        result = change(data)
        text = result if isinstance(result, str) else json.dumps(data)
        path.write_text(text)

    return edit


def _first_file(data: dict) -> dict:
    return next(iter(data["files"].values()))


def _replace_by_folder(name: str) -> Callable[[Path], None]:
    def swap(folder: Path) -> None:
        path = folder / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
        (path / "inside").mkdir(parents=True)

    return swap


def _replace_by_file(name: str) -> Callable[[Path], None]:
    def swap(folder: Path) -> None:
        shutil.rmtree(folder / name)
        (folder / name).write_text("not a folder")

    return swap


DAMAGE = {
    "manifest files is a list": _edit_json("manifest.json", lambda d: d.update(files=[])),
    "manifest without schema_version": _edit_json(
        "manifest.json", lambda d: d.pop("schema_version")
    ),
    "manifest article without id": _edit_json(
        "manifest.json", lambda d: _first_file(d)["articles"][0].pop("id")
    ),
    "manifest size negative": _edit_json("manifest.json", lambda d: _first_file(d).update(size=-1)),
    "manifest size 1e999": _edit_json(
        "manifest.json",
        lambda d: json.dumps(d).replace('"size": ', '"size": 1e999, "was": ', 1),
    ),
    "manifest is null": _edit_json("manifest.json", lambda d: "null"),
    "manifest not JSON": _edit_json("manifest.json", lambda d: '{"files": '),
    "manifest NaN mtime": _edit_json(
        "manifest.json",
        lambda d: json.dumps(d).replace('"mtime_ns": ', '"mtime_ns": NaN, "was": ', 1),
    ),
    "words 1e999": _edit_json("words.json", lambda d: '{"report": 1e999}'),
    "words a list": _edit_json("words.json", lambda d: "[1, 2]"),
    "words a string count": _edit_json("words.json", lambda d: '{"report": "7"}'),
    "checksums files empty": _edit_json("checksums.json", lambda d: d.update(files={})),
    "checksums outside path": _edit_json(
        "checksums.json", lambda d: d["files"].update({"../../x": d["files"]["words.json"]})
    ),
    "manifest is a folder": _replace_by_folder("manifest.json"),
    "words is a folder": _replace_by_folder("words.json"),
    "checksums is a folder": _replace_by_folder("checksums.json"),
    "lock is a folder": _replace_by_folder("update.lock"),
    "whoosh is a file": _replace_by_file("whoosh"),
    "staging is a file": lambda folder: (folder / "whoosh.new").write_text("x"),
    "table of contents is a folder": lambda folder: _replace_by_folder(
        next((folder / "whoosh").glob("_MAIN_*.toc")).name
    )(folder / "whoosh"),
}


# Not part of the index: searching needs no rebuild, the next update clears them.
LEFTOVERS = {"lock is a folder", "staging is a file"}


@pytest.fixture
def world(tmp_path):
    corpus = write_numbered_corpus(tmp_path / "corpus", STORIES)
    return corpus, built_index(corpus)


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_bad_metadata_is_rebuilt_before_search_answers(world, damage):
    corpus, folder = world
    DAMAGE[damage](folder)
    total, stderr = search_total(corpus, QUERY)
    assert total == CLEAN
    lines = stderr.strip().splitlines()
    assert len(lines) <= 1, stderr
    if damage not in LEFTOVERS:
        assert lines and lines[0].startswith("briefing: rebuilt the index: "), stderr
    listed = briefing("articles", str(corpus))
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    assert listed.stdout.strip().endswith(f"{STORIES} articles")


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_rebuild_recovers_from_bad_metadata(world, damage):
    corpus, folder = world
    DAMAGE[damage](folder)
    out = briefing("index", str(corpus), "--rebuild")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    assert f"{STORIES + 0} in the index" in out.stdout
    assert search_total(corpus, QUERY) == (CLEAN, "")
    assert not (folder / "whoosh.new").exists()


def test_the_reason_names_the_file_and_the_field(world):
    corpus, folder = world
    DAMAGE["manifest files is a list"](folder)
    report = json.loads(briefing("index", str(corpus), "--json").stdout)
    assert report["rebuilt_because"] == (
        "its list of indexed files could not be trusted (manifest.json: files is not an object)"
    )
    DAMAGE["words 1e999"](folder)
    report = json.loads(briefing("index", str(corpus), "--json").stdout)
    assert report["rebuilt_because"].startswith("the index was damaged (words.json ")


def test_the_index_folder_being_a_file_is_replaced(world):
    corpus, folder = world
    shutil.rmtree(folder)
    folder.write_text("not an index")
    assert search_total(corpus, QUERY)[0] == CLEAN
    assert (folder / "manifest.json").is_file()


def test_rebuild_never_removes_anything_outside_the_index_folder(world, tmp_path):
    corpus, folder = world
    outside = tmp_path / "precious"
    (outside / "sub").mkdir(parents=True)
    (outside / "sub" / "keep.txt").write_text("mine")
    (outside / "file.txt").write_text("mine too")
    for name in ("whoosh.new", "whoosh.old", "words.json", "checksums.json"):
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        target.symlink_to(outside if name.startswith("whoosh") else outside / "file.txt")
    out = briefing("index", str(corpus), "--rebuild")
    assert out.returncode == 0, out.stderr
    assert (outside / "sub" / "keep.txt").read_text() == "mine"
    assert (outside / "file.txt").read_text() == "mine too"
    assert not (folder / "words.json").is_symlink()
    assert search_total(corpus, QUERY) == (CLEAN, "")
