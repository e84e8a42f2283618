"""Times in briefing files: the app's own read back as written, hand-typed ones checked.

The loader reads dates as text; the briefing layer checks the ones a user typed
unquoted, normalises the real ones as before, and reports an impossible one at its
line instead of crashing. Names over 255 bytes are looked up without an error.
"""

from __future__ import annotations

import pytest

from briefings.errors import BriefingFileError, BriefingNotFoundError
from tests.unit.briefing_helpers import make_store, write_file

NOTE = "notes:\n- id: n1\n  article: {id: a1, title: Rates rise}\n"

IMPOSSIBLE = {
    "briefing_created": ("created: 2024-13-45\nnotes: []\n", 1, "'created'", "2024-13-45"),
    "briefing_updated": ("title: T\nupdated: 2024-02-30 10:00:00\n", 2, "'updated'",
                         "2024-02-30 10:00:00"),
    "note_created": (NOTE + "  created: 2025-00-01\n", 4, "'created'", "2025-00-01"),
    "note_updated": (NOTE + "  updated: 2025-01-01T25:00:00Z\n", 4, "'updated'",
                     "2025-01-01T25:00:00Z"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(IMPOSSIBLE))
def test_an_impossible_unquoted_time_is_reported_at_its_line(tmp_path, case):
    text, line, name, written = IMPOSSIBLE[case]
    store = make_store(tmp_path)
    path = write_file(store, "edited", text)
    with pytest.raises(BriefingFileError) as caught:
        store.load("edited")
    reason = f"{name} is not a real date or time: {written}; write one or quote it"
    assert str(caught.value) == f"{path}:{line}: {reason}"
    assert path.read_text(encoding="utf-8") == text


def test_quoted_times_are_kept_as_written_and_unquoted_ones_normalised(tmp_path):
    store = make_store(tmp_path)
    write_file(
        store,
        "edited",
        "created: '2024-13-45'\n"
        "updated: 2025-01-02 10:00:00 +02:00\n" + NOTE + "  created: 2024-03-05\n"
        "  updated: '2025-01-02 10:00:00 +02:00'\n",
    )
    briefing = store.load("edited")
    assert (briefing.created, briefing.updated) == ("2024-13-45", "2025-01-02T08:00:00Z")
    [note] = briefing.notes
    assert (note.created, note.updated) == ("2024-03-05", "2025-01-02 10:00:00 +02:00")


def test_a_name_too_long_for_any_file_is_simply_not_found(tmp_path):
    store = make_store(tmp_path)
    store.create("Rates")
    for name in ("x" * 300, "Ж" * 200, "x" * 300 + ".yaml"):
        with pytest.raises(BriefingNotFoundError):
            store.resolve(name)
        with pytest.raises(BriefingNotFoundError):
            store.load(name)
    assert store.resolve("Rates") == "rates"
