"""Item 10: a hostile or clumsy entities.yaml never crashes, and is never silently ignored.

Nested anchors (a "billion laughs" of aliases) and a recursive alias are refused at
their line, so `briefing entities` and `briefing index` finish with the built-in rules
and say why on one line, on every call. An unquoted date is a name like any other; a
``null`` alias is a mistake reported at its line, never the alias "None".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.entities import corrections_problem
from tests.cli.index_cli_helpers import briefing, write_corpus

STORY = (
    "Zorvex Corp files its accounts\n\n"
    "Zorvex Corp said on 2024-13-45 that None of its ships had left Mombasa.\n"
)

RECURSIVE = "- add: Zorvex Corp\n  type: ORG\n  aliases: &a [*a]\n"


def _nested_anchors() -> str:
    """371 bytes: each list holds nine of the one before (9**7 names once expanded)."""
    lines = ["- add: Zorvex Corp", "  type: ORG", "  aliases: &a [x,x,x,x,x,x,x,x,x]"]
    for before, name in zip("abcdef", "bcdefg", strict=True):
        lines.append(f"- merge: &{name} [" + ",".join([f"*{before}"] * 9) + "]\n  into: Z")
    return "\n".join(lines) + "\n"


@pytest.fixture
def corrections(isolated_user_dirs) -> Path:
    folder = isolated_user_dirs / "config"
    folder.mkdir()
    return folder / "entities.yaml"


@pytest.fixture
def story(tmp_path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _entities(story: Path) -> tuple[list[dict], list[str]]:
    run = briefing("entities", str(story), "--json", timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    return json.loads(run.stdout), run.stderr.splitlines()


@pytest.mark.parametrize(
    "text, line, reason",
    [
        (_nested_anchors(), 3, "anchors (&a) are not allowed"),
        (
            "- add: Zorvex Corp\n  type: ORG\n  aliases: &a [*a]\n",
            3,
            "anchors (&a) are not allowed",
        ),
        (
            "- add: Zorvex Corp\n  type: ORG\n  aliases: " + "[" * 400 + "]" * 400 + "\n",
            3,
            "nested more than",
        ),
    ],  # fmt: skip
    ids=["nested-anchors", "recursive-alias", "deep-nesting"],
)
def test_hostile_corrections_are_refused_on_every_call_and_the_defaults_apply(
    corrections, story, tmp_path, text, line, reason
):
    corrections.write_text(text, encoding="utf-8")
    expected = f"briefing: entity corrections ignored: {corrections}:{line}: "
    for _call in range(2):
        mentions, errors = _entities(story)
        [error] = errors
        assert error.startswith(expected) and reason in error, error
        assert {m["text"] for m in mentions} >= {"Zorvex Corp", "Mombasa"}
    corpus = write_corpus(tmp_path / "corpus", {"story.txt": STORY})
    indexed = briefing("index", "--corpus", str(corpus), timeout=120)
    assert indexed.returncode == 0, indexed.stderr
    assert "Traceback" not in indexed.stderr
    # The index is built with the default entities, and says so.
    assert indexed.stderr.startswith(expected) and reason in indexed.stderr
    assert corrections.read_text(encoding="utf-8") == text


def test_an_unquoted_impossible_date_is_a_name_like_any_other(corrections, story):
    corrections.write_text("- add: 2024-13-45\n  type: DATE\n", encoding="utf-8")
    for _call in range(2):
        mentions, errors = _entities(story)
        assert errors == []
        assert {"text": "2024-13-45", "type": "DATE"}.items() <= next(
            m for m in mentions if m["text"] == "2024-13-45"
        ).items()


def test_unquoted_words_yaml_would_read_as_yes_no_or_numbers_stay_names(corrections, story):
    corrections.write_text(
        "- add: Zorvex Corp\n  type: ORG\n  aliases: [NO, 1.10]\n", encoding="utf-8"
    )
    story.write_text("Zorvex figures\n\nNO said 1.10 was Zorvex Corp's.\n", encoding="utf-8")
    mentions, errors = _entities(story)
    assert errors == []
    found = {m["text"]: m["canonical"] for m in mentions if m["type"] == "ORG"}
    assert found == {"NO": "Zorvex Corp", "1.10": "Zorvex Corp", "Zorvex Corp": "Zorvex Corp"}


@pytest.mark.parametrize(
    "text, line, reason",
    [
        (
            "- add: Zorvex Corp\n  type: ORG\n  aliases: [ZC, null]\n",
            3,
            "entry 1: 'aliases' item 2 needs a name",
        ),
        (
            "- add: Zorvex Corp\n  type: ORG\n  aliases:\n  - ZC\n  - ~\n",
            5,
            "entry 1: 'aliases' item 2 needs a name",
        ),
        ("- merge: [None, null]\n  into: Zorvex Corp\n", 1, "entry 1: 'merge' item 2 needs a name"),
        ("- add: null\n  type: ORG\n", 1, "entry 1: 'add' needs a name"),
    ],  # fmt: skip
    ids=["flow-alias", "block-alias", "merge", "add"],
)
def test_a_null_name_is_reported_at_its_line_never_read_as_none(
    corrections, story, text, line, reason
):
    corrections.write_text(text, encoding="utf-8")
    mentions, [error] = _entities(story)
    assert error == f"briefing: entity corrections ignored: {corrections}:{line}: {reason}"
    assert "None" not in {m["text"] for m in mentions}


def test_the_app_is_told_of_a_bad_file_on_every_call_until_it_is_mended(corrections):
    corrections.write_text("- add: Zorvex\n  type: ORG\n  aliases: &a [*a]\n", encoding="utf-8")
    first = corrections_problem()
    assert first == (f"{corrections}:3: anchors (&a) are not allowed; write the value out")
    assert corrections_problem() == first
    corrections.write_text("- add: Zorvex\n  type: ORG\n", encoding="utf-8")
    assert corrections_problem() is None


def test_the_problem_is_shown_with_escape_sequences_made_visible(tmp_path, story, monkeypatch):
    folder = tmp_path / "\x1b[31mconfig\x9b"
    folder.mkdir()
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(folder))
    (folder / "entities.yaml").write_text(RECURSIVE, encoding="utf-8")
    _mentions, [error] = _entities(story)
    assert "\x1b" not in error and "\x9b" not in error
    assert f"{tmp_path}/\ufffd[31mconfig\ufffd/entities.yaml:3: anchors (&a)" in error
