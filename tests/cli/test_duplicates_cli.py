"""`briefing index` names the files identical to another and the versions of a story;
`briefing articles --json` gives each article its copies and versions, kept right when a
copy is deleted or edited."""

from __future__ import annotations

import json
import os

from tests.cli.index_cli_helpers import briefing
from tests.duplicate_stories import OTHER, REPORT, VERSION, write


def _articles(corpus) -> dict[str, dict]:
    out = briefing("articles", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    return {a["path"]: a for a in json.loads(out.stdout)}


def test_the_index_report_names_identical_files_and_versions(tmp_path):
    files = {"a.txt": REPORT, "b.txt": REPORT, "refiled.txt": VERSION, "other.txt": OTHER}
    corpus = write(tmp_path / "corpus", files)
    out = briefing("index", str(corpus))
    assert out.returncode == 0, out.stderr
    assert "Copies:    1 file identical to another\n  b.txt: same as a.txt\n" in out.stdout
    # Copies are one text: b.txt's version is told once, by the first of them.
    assert "Versions:  1 pair of articles telling one story with small edits" in out.stdout
    assert "  a.txt ~ refiled.txt\nElapsed" in out.stdout
    report = json.loads(briefing("index", str(corpus), "--json").stdout)
    assert report["identical_files"] == [{"path": "b.txt", "same_as": "a.txt"}]
    assert report["versions"] == [["a.txt", "refiled.txt"]]


def test_articles_json_gives_copies_and_versions(tmp_path):
    files = {"a.txt": REPORT, "b.txt": REPORT, "refiled.txt": VERSION, "other.txt": OTHER}
    listed = _articles(write(tmp_path / "corpus", files))
    assert listed["a.txt"]["copies"] == ["b.txt"]
    assert listed["a.txt"]["versions"] == [listed["refiled.txt"]["id"]]
    assert listed["refiled.txt"]["copies"] == []
    assert listed["refiled.txt"]["versions"] == [listed["a.txt"]["id"], listed["b.txt"]["id"]]
    assert listed["other.txt"]["copies"] == listed["other.txt"]["versions"] == []
    text = briefing("articles", str(tmp_path / "corpus")).stdout
    assert "also in 1 other file: b.txt" in text
    assert f"2 other versions: {listed['a.txt']['id']}, {listed['b.txt']['id']}" in text


def test_deleting_or_editing_a_copy_updates_what_the_others_show(tmp_path):
    corpus = write(tmp_path / "corpus", {"a.txt": REPORT, "b.txt": REPORT, "c.txt": REPORT})
    assert _articles(corpus)["a.txt"]["copies"] == ["b.txt", "c.txt"]
    (corpus / "c.txt").unlink()
    out = briefing("index", str(corpus))
    assert "Copies:    1 file identical to another\n  b.txt: same as a.txt\n" in out.stdout
    assert _articles(corpus)["a.txt"]["copies"] == ["b.txt"]
    (corpus / "b.txt").write_text(VERSION, encoding="utf-8")
    os.utime(corpus / "b.txt", ns=(1, 1))
    out = briefing("index", str(corpus))
    assert "Copies:" not in out.stdout
    assert "Versions:  1 pair of articles telling one story with small edits" in out.stdout
    listed = _articles(corpus)
    assert listed["a.txt"]["copies"] == []
    assert listed["a.txt"]["versions"] == [listed["b.txt"]["id"]]
    (corpus / "b.txt").unlink()
    listed = _articles(corpus)
    assert listed["a.txt"]["copies"] == listed["a.txt"]["versions"] == []
