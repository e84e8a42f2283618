"""The state file: kept across launches, merged between processes, never trusted blindly."""

from __future__ import annotations

import json
import os

import pytest

from tui.state import RememberedState, StateFile


@pytest.fixture
def state_file(tmp_path):
    return StateFile(tmp_path / "config" / "state.json")


def test_what_one_launch_sets_the_next_launch_reads(tmp_path, state_file):
    corpus = tmp_path / "corpus"
    first = RememberedState(corpus, state_file)
    first.set_theme("textual-light")
    first.set_tabs(["a.txt", "b.txt"], "b.txt")
    first.set_query("Pakistan rice")
    first.set_scrolls({"a.txt": 12.0})
    first.mark_read("a.txt")
    first.set_starred("b.txt", True)

    again = RememberedState(corpus, StateFile(state_file.path))
    assert again.theme == "textual-light"
    assert (again.tabs, again.active_tab) == (["a.txt", "b.txt"], "b.txt")
    assert again.query == "Pakistan rice"
    assert again.scroll("a.txt") == 12.0
    assert again.scroll("b.txt") == 0.0
    assert again.read == {"a.txt"}
    assert again.starred == {"b.txt"}
    assert again.notice is None


def test_each_corpus_keeps_its_own_reading_state(tmp_path, state_file):
    one = RememberedState(tmp_path / "one", state_file)
    one.mark_read("a.txt")
    other = RememberedState(tmp_path / "other", StateFile(state_file.path))
    assert other.read == frozenset()
    other.set_theme("textual-light")
    assert RememberedState(tmp_path / "one", StateFile(state_file.path)).theme == "textual-light"


def test_two_running_apps_merge_instead_of_overwriting(tmp_path, state_file):
    corpus = tmp_path / "corpus"
    first = RememberedState(corpus, state_file)
    second = RememberedState(corpus, StateFile(state_file.path))
    first.set_starred("a.txt", True)
    second.set_starred("b.txt", True)
    assert RememberedState(corpus, StateFile(state_file.path)).starred == {"a.txt", "b.txt"}


def test_unstarring_and_unreading_remove_only_that_article(tmp_path, state_file):
    state = RememberedState(tmp_path, state_file)
    for article in ("a.txt", "b.txt"):
        state.set_starred(article, True)
        state.mark_read(article)
    state.set_starred("a.txt", False)
    state.mark_read("b.txt", False)
    assert (state.starred, state.read) == ({"b.txt"}, {"a.txt"})


@pytest.mark.parametrize(
    "content", [b"{not json", b"[1, 2]", b"\xff\xfe garbage", b'"a string"'], ids=repr
)
def test_a_corrupt_state_file_is_ignored_with_a_notice_and_kept(tmp_path, state_file, content):
    state_file.path.parent.mkdir(parents=True)
    state_file.path.write_bytes(content)
    state = RememberedState(tmp_path, state_file)
    assert state.theme is None and state.tabs == []
    assert "Ignored the app's state file" in state.notice
    kept = state_file.path.with_name("state.json.bad")
    assert kept.read_bytes() == content
    state.set_theme("textual-light")
    assert json.loads(state_file.path.read_text())["theme"] == "textual-light"


def test_values_of_the_wrong_shape_are_ignored_one_by_one(tmp_path, state_file):
    corpus_key = str(tmp_path.resolve())
    state_file.path.parent.mkdir(parents=True)
    state_file.path.write_text(
        json.dumps(
            {
                "theme": 3,
                "reading_width": True,
                "corpora": {
                    corpus_key: {
                        "tabs": ["a.txt", 5, None],
                        "read": "a.txt",
                        "scroll": {"a.txt": "far"},
                        "history": ["x", {"y": 1}],
                        "saved": {"good": {"query": "oil"}, "bad": {"query": 1}, "worse": []},
                    }
                },
            }
        )
    )
    state = RememberedState(tmp_path, state_file)
    assert state.theme is None and state.reading_width is None
    assert state.tabs == ["a.txt"]
    assert state.read == frozenset()
    assert state.scroll("a.txt") == 0.0
    assert state.history == ["x"]
    assert [search.name for search in state.saved_searches] == ["good"]
    assert state.notice is None


def test_history_keeps_the_newest_last_without_repeats(tmp_path, state_file):
    state = RememberedState(tmp_path, state_file)
    for query in ("oil", "gas", "oil", "  ", ""):
        state.add_history(query)
    assert state.history == ["gas", "oil"]


def test_a_saved_search_counts_the_hits_it_had_not_found(tmp_path, state_file):
    state = RememberedState(tmp_path, state_file)
    state.save_search("Rice", "Pakistan rice", ["a.txt", "b.txt"])
    search = state.saved_search("Rice")
    assert search.query == "Pakistan rice"
    assert search.new_among(["a.txt", "b.txt", "c.txt"]) == 1
    state.mark_seen("Rice", ["a.txt", "b.txt", "c.txt"])
    assert state.saved_search("Rice").new_among(["a.txt", "b.txt", "c.txt"]) == 0
    state.delete_search("Rice")
    assert state.saved_searches == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_config_dir_keeps_the_state_for_this_run(tmp_path):
    folder = tmp_path / "config"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        state = RememberedState(tmp_path, StateFile(folder / "state.json"))
        state.set_theme("textual-light")
        assert state.theme == "textual-light"
        assert "Could not save" in state.notice
    finally:
        folder.chmod(0o700)


def test_saving_a_second_search_keeps_the_first(tmp_path, state_file):
    state = RememberedState(tmp_path, state_file)
    state.save_search("Rice", "Pakistan rice", ["a.txt"])
    state.save_search("Gas", "gas pipeline", ["b.txt"])
    again = RememberedState(tmp_path, StateFile(state_file.path))
    assert [(s.name, s.query) for s in again.saved_searches] == [
        ("Gas", "gas pipeline"),
        ("Rice", "Pakistan rice"),
    ]
    again.delete_search("Gas")
    assert [
        s.name for s in RememberedState(tmp_path, StateFile(state_file.path)).saved_searches
    ] == ["Rice"]


def test_scroll_positions_of_several_articles_are_kept_across_writes(tmp_path, state_file):
    state = RememberedState(tmp_path, state_file)
    state.set_tabs(["a.txt"], "a.txt", {"a.txt": 12.34})
    state.set_tabs(["a.txt", "b.txt"], "b.txt", {"b.txt": 40.0})
    again = RememberedState(tmp_path, StateFile(state_file.path))
    assert (again.scroll("a.txt"), again.scroll("b.txt")) == (12.3, 40.0)
    assert again.tabs == ["a.txt", "b.txt"] and again.active_tab == "b.txt"
    # Back at the top: nothing to remember for it.
    again.set_tabs(["a.txt", "b.txt"], "a.txt", {"a.txt": 0.0})
    raw = json.loads(state_file.path.read_text())
    assert list(raw["corpora"][str(tmp_path.resolve())]["scroll"]) == ["b.txt"]


def test_starring_twice_keeps_one_star_and_unstarring_an_unstarred_article_adds_none(
    tmp_path, state_file
):
    state = RememberedState(tmp_path, state_file)
    state.set_starred("a.txt", True)
    state.set_starred("a.txt", True)
    state.set_starred("b.txt", False)
    raw = json.loads(state_file.path.read_text())
    assert raw["corpora"][str(tmp_path.resolve())]["starred"] == ["a.txt"]


def test_the_reading_width_is_kept_and_another_process_s_change_is_read_on_reload(
    tmp_path, state_file
):
    state = RememberedState(tmp_path, state_file)
    other = RememberedState(tmp_path, StateFile(state_file.path))
    other.set_reading_width(120)
    assert state.reading_width is None
    state.reload()
    assert state.reading_width == 120


def test_a_scroll_record_of_the_wrong_shape_is_ignored(tmp_path, state_file):
    state_file.path.parent.mkdir(parents=True)
    state_file.path.write_text(
        json.dumps({"corpora": {str(tmp_path.resolve()): {"scroll": ["a.txt"], "saved": []}}})
    )
    state = RememberedState(tmp_path, state_file)
    assert state.scroll("a.txt") == 0.0
    state.save_search("Rice", "rice", [])
    assert [s.name for s in state.saved_searches] == ["Rice"]


def test_forgetting_what_was_never_kept_is_harmless(tmp_path, state_file):
    state = RememberedState(tmp_path, state_file)
    state.set_tabs(["c.txt"], "c.txt", {"c.txt": 0.0, "d.txt": 0.5})
    state.delete_search("never saved")
    assert (state.scroll("c.txt"), state.scroll("d.txt")) == (0.0, 0.5)


def test_the_state_file_lives_in_the_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path / "elsewhere"))
    RememberedState(tmp_path, StateFile()).set_theme("textual-light")
    assert json.loads((tmp_path / "elsewhere" / "state.json").read_text())["theme"] == (
        "textual-light"
    )
