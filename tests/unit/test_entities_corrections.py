"""The user's corrections file: its effects, its writers that keep comments, its failures."""

from __future__ import annotations

import pytest

from search.entities import (
    CorrectionsError,
    add_entity_correction,
    corrections_path,
    corrections_problem,
    entity_rules_fingerprint,
    extract_entities,
    ignore_entity,
    merge_entities,
    retype_entity,
)

TEXT = "Analysts at Brightwater said Zorvex shares rose. Meanwhile, Lagos Freight expanded."


def write(text: str) -> None:
    path = corrections_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def entity(text: str, surface: str):
    return next((s for s in extract_entities(text) if s.text == surface), None)


def test_corrections_file_lives_in_the_config_dir(isolated_user_dirs):
    assert corrections_path() == isolated_user_dirs / "config" / "entities.yaml"


def test_added_name_is_found_with_its_aliases():
    write("- add: Zorvex Labs\n  type: ORG\n  aliases: [Zorvex]\n")
    span = entity(TEXT, "Zorvex")
    assert (span.type, span.canonical) == ("ORG", "Zorvex Labs")


def test_added_name_in_lower_case_is_found():
    write("- add: the quad\n  type: ORG\n")
    span = entity("Leaders of the quad met.", "the quad")
    assert span is not None and span.type == "ORG"


def test_merge_gives_several_names_one_canonical():
    write("- merge: [Brightwater, Brightwater Capital]\n  into: Brightwater Capital Partners\n")
    assert entity(TEXT, "Brightwater").canonical == "Brightwater Capital Partners"


def test_retype_changes_the_type():
    write("- retype: Lagos Freight\n  type: ORG\n")
    assert entity(TEXT, "Lagos Freight").type == "ORG"


def test_ignored_name_is_not_marked():
    assert entity(TEXT, "Brightwater") is not None
    write("- ignore: Brightwater\n")
    assert entity(TEXT, "Brightwater") is None


def test_later_entries_win():
    write("- ignore: Zorvex\n- add: Zorvex\n  type: ORG\n")
    assert entity(TEXT, "Zorvex").type == "ORG"
    write("- add: Zorvex\n  type: ORG\n- ignore: Zorvex\n")
    assert entity(TEXT, "Zorvex") is None


def test_writers_keep_the_users_comments_and_entries():
    write("# my notes on names\n- ignore: Brightwater  # a fund, not worth tracking\n")
    add_entity_correction("Zorvex", "org")
    ignore_entity("Lagos Freight")
    content = corrections_path().read_text(encoding="utf-8")
    assert content.startswith("# my notes on names\n- ignore: Brightwater  # a fund")
    assert entity(TEXT, "Zorvex").type == "ORG"
    assert entity(TEXT, "Lagos Freight") is None
    assert entity(TEXT, "Brightwater") is None


def test_first_correction_creates_a_commented_file():
    add_entity_correction("Zorvex", "ORG", aliases=["Zorvex Inc"])
    content = corrections_path().read_text(encoding="utf-8")
    assert content.startswith("# Entity corrections for briefing.")
    assert entity(TEXT, "Zorvex").canonical == "Zorvex"


def test_names_with_yaml_syntax_are_quoted_safely():
    add_entity_correction("Fund: #1 [Alpha]", "ORG")
    span = entity("We met Fund: #1 [Alpha] today.", "Fund: #1 [Alpha]")
    assert span is not None and span.type == "ORG"


def test_writing_leaves_no_temporary_files(isolated_user_dirs):
    add_entity_correction("Zorvex", "ORG")
    ignore_entity("Brightwater")
    names = sorted(p.name for p in (isolated_user_dirs / "config").iterdir())
    assert names == ["entities.yaml", "entities.yaml.lock"]


def test_unknown_type_or_empty_name_is_refused():
    with pytest.raises(ValueError):
        add_entity_correction("Zorvex", "COMPANY")
    with pytest.raises(ValueError):
        ignore_entity("   ")
    assert not corrections_path().exists()


@pytest.mark.parametrize(
    "content, words",
    [
        ("- add: [unclosed\n", ":2: not valid YAML"),
        ("add: Zorvex\n", ":1: expected a list"),
        ("- add: Zorvex\n  type: COMPANY\n", ":2: entry 1: 'type' must be one of"),
        ("- rename: Zorvex\n", ":1: entry 1: expected one of add, merge, retype, ignore"),
        ("- merge: Zorvex\n", ":1: entry 1: 'merge' needs a list"),
    ],
)
def test_corrupt_file_falls_back_to_defaults_with_a_clear_message(content, words):
    write(content)
    assert entity(TEXT, "Brightwater") is not None
    problem = corrections_problem()
    assert problem is not None and words in problem
    assert str(corrections_path()) in problem


def test_writers_refuse_to_touch_a_corrupt_file():
    write("- add: [unclosed\n# keep me\n")
    with pytest.raises(CorrectionsError, match="not valid YAML"):
        add_entity_correction("Zorvex", "ORG")
    with pytest.raises(CorrectionsError):
        ignore_entity("Zorvex")
    assert corrections_path().read_text(encoding="utf-8") == "- add: [unclosed\n# keep me\n"


def test_file_that_is_not_utf8_is_reported_not_raised():
    corrections_path().parent.mkdir(parents=True, exist_ok=True)
    corrections_path().write_bytes(b"- ignore: \xff\xfe\n")
    assert entity(TEXT, "Brightwater") is not None
    assert corrections_problem() == f"{corrections_path()}:1: not UTF-8 text"


def test_fingerprint_changes_with_the_file_only():
    none = entity_rules_fingerprint()
    assert entity_rules_fingerprint() == none
    add_entity_correction("Zorvex", "ORG")
    first = entity_rules_fingerprint()
    assert first != none
    assert entity_rules_fingerprint() == first
    ignore_entity("Brightwater")
    assert entity_rules_fingerprint() not in (none, first)


def test_a_fixed_file_applies_again():
    write("- add: [unclosed\n")
    assert corrections_problem() is not None
    write("- ignore: Brightwater\n")
    assert corrections_problem() is None
    assert entity(TEXT, "Brightwater") is None


def test_added_name_with_accents_keeps_exact_offsets():
    add_entity_correction("Žilina Ōsaka Group", "ORG")
    text = "Ça va — «Žilina Ōsaka Group» signed, unlike Žilina Ōsaka Groupies."
    spans = [s for s in extract_entities(text) if s.canonical == "Žilina Ōsaka Group"]
    assert [(s.text, s.type) for s in spans] == [("Žilina Ōsaka Group", "ORG")]
    assert text[spans[0].start : spans[0].end] == "Žilina Ōsaka Group"


def test_merge_and_retype_writers_apply_and_keep_comments():
    write("# keep this comment\n")
    merge_entities(["Brightwater", "Zorvex"], "Brightwater Group")
    retype_entity("Lagos Freight", "org")
    content = corrections_path().read_text(encoding="utf-8")
    assert content.startswith("# keep this comment\n")
    assert entity(TEXT, "Zorvex").canonical == "Brightwater Group"
    assert entity(TEXT, "Brightwater").canonical == "Brightwater Group"
    assert entity(TEXT, "Lagos Freight").type == "ORG"
    with pytest.raises(ValueError):
        merge_entities([], "Nothing")
    with pytest.raises(ValueError):
        retype_entity("Zorvex", "THING")
