"""`briefing entities`: a file or an indexed article, as grouped text or JSON."""

from __future__ import annotations

import json

from tests.cli.index_cli_helpers import briefing, write_corpus

STORY = (
    "Port deal signed in Mombasa\n\n"
    "President Wanjiru Kamau signed a $2bn port deal with the Kenya Ports Authority "
    "on Friday. Kamau said [bold]Mombasa[/bold] would become a regional hub.\n"
)


def test_file_json_lists_every_mention_with_offsets(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    out = briefing("entities", str(path), "--json")
    assert out.returncode == 0, out.stderr
    mentions = json.loads(out.stdout)
    assert {"article", "text", "type", "canonical", "start", "end"} == set(mentions[0])
    people = [m for m in mentions if m["type"] == "PERSON"]
    assert [m["text"] for m in people] == ["Wanjiru Kamau", "Kamau"]
    assert {m["canonical"] for m in people} == {"Wanjiru Kamau"}
    kinds = {m["text"]: m["type"] for m in mentions}
    assert kinds["Kenya Ports Authority"] == "ORG"
    assert kinds["$2bn"] == "MONEY"
    assert kinds["Friday"] == "DATE"


def test_file_text_groups_mentions_by_entity(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    out = briefing("entities", str(path))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].endswith("  Port deal signed in Mombasa")
    assert "    PERSON  Wanjiru Kamau  ×2  (Kamau)" in lines
    assert any("Mombasa" in line and line.strip().startswith("PLACE") for line in lines)


def test_indexed_article_by_id_matches_the_file(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"story.txt": STORY})
    listed = json.loads(briefing("articles", "--corpus", str(corpus), "--json").stdout)
    article_id = listed[0]["id"]
    out = briefing("entities", article_id, "--corpus", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    from_index = json.loads(out.stdout)
    from_file = json.loads(briefing("entities", str(corpus / "story.txt"), "--json").stdout)
    assert from_index == from_file


def test_unknown_id_exits_4_with_a_message(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {"story.txt": STORY})
    out = briefing("entities", "no-such-article", "--corpus", str(corpus))
    assert out.returncode == 4
    assert "no file and no indexed article" in out.stderr
    assert "Traceback" not in out.stderr


def test_unreadable_file_exits_1_with_a_message(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    out = briefing("entities", str(path))
    assert out.returncode == 1
    assert "cannot read" in out.stderr and "Traceback" not in out.stderr


def test_corrupt_corrections_warn_but_still_list(tmp_path, isolated_user_dirs):
    config = isolated_user_dirs / "config"
    config.mkdir()
    (config / "entities.yaml").write_text("- add: [unclosed\n", encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    out = briefing("entities", str(path), "--json")
    assert out.returncode == 0
    assert "entity corrections ignored" in out.stderr and "not valid YAML" in out.stderr
    assert json.loads(out.stdout)
