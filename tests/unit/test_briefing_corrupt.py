"""A corrupt or badly hand-edited briefing file: a clear message, the file left untouched."""

from __future__ import annotations

import pytest

from briefings.errors import BriefingFileError
from briefings.store import BriefingStore
from tests.briefing_data import quoted_note

BROKEN = {
    "bad_yaml": (b"title: Rates\nnotes:\n  - id: x\n   text: [unclosed\n", 4, "not valid YAML"),
    "notes_not_a_list": (b"title: Rates\nnotes: 12\n", 2, "'notes' should be a list"),
    "yes_no_text": (
        b"title: Rates\nnotes:\n- id: n1\n  article: {id: a1, title: T}\n  text: no\n",
        5,
        "put the text in quotes",
    ),
    "duplicate_key": (b"title: Rates\ntitle: Bonds\nnotes: []\n", 2, "given twice"),
    "newer_schema": (b"schema: 99\ntitle: Rates\nnotes: []\n", 1, "newer"),
    "not_utf8": (b"title: Caf\xe9\nnotes: []\n", 1, "not UTF-8"),
    "duplicate_note_id": (
        b"notes:\n- id: n1\n  article: {id: a1}\n- id: n1\n  article: {id: a1}\n",
        4,
        "note id 'n1' is used twice",
    ),
    "quote_without_text": (
        b"notes:\n- id: n1\n  article: {id: a1, title: T}\n  quote: {start: 1, end: 2}\n",
        4,
        "needs its 'exact' text",
    ),
}


@pytest.fixture
def store(tmp_path):
    store = BriefingStore(tmp_path / "notes")
    good = store.create("Good").slug
    store.add_note(good, quoted_note("Markets fell sharply", text="kept"))
    return store


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_reports_path_line_and_reason(store, case):
    raw, line, reason = BROKEN[case]
    path = store.directory / "broken.yaml"
    path.write_bytes(raw)
    with pytest.raises(BriefingFileError) as caught:
        store.load("broken")
    error = caught.value
    assert (error.path, error.line) == (path, line)
    assert reason in error.reason
    assert str(error).startswith(f"{path}:{line}: ")
    assert "\n" not in str(error)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_is_never_overwritten_and_others_still_work(store, case):
    raw = BROKEN[case][0]
    path = store.directory / "broken.yaml"
    path.write_bytes(raw)
    with pytest.raises(BriefingFileError):
        store.add_note("broken", quoted_note("raised its key rate"))
    with pytest.raises(BriefingFileError):
        store.set_summary("broken", "x")
    assert path.read_bytes() == raw
    assert not (store.directory / "broken.yaml.bak").exists()

    listing = {e.slug: e for e in store.briefings()}
    assert listing["broken"].error is not None and listing["broken"].title is None
    assert listing["good"].error is None and listing["good"].note_count == 1
    store.add_note("good", quoted_note("raised its key rate", text="still works"))
    assert [n.text for n in store.load("good").notes] == ["kept", "still works"]


def test_empty_file_is_reported(store):
    (store.directory / "empty.yaml").write_bytes(b"")
    with pytest.raises(BriefingFileError, match="empty"):
        store.load("empty")


def test_fixing_the_file_by_hand_makes_it_load_again(store):
    path = store.directory / "broken.yaml"
    path.write_bytes(BROKEN["notes_not_a_list"][0])
    with pytest.raises(BriefingFileError):
        store.load("broken")
    path.write_bytes(b"title: Rates\nnotes: []\n")
    assert store.load("broken").title == "Rates"
