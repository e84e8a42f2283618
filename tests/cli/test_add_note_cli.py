"""`briefing add-note`: a note (optionally quoting a passage) added to a briefing from a script."""

from __future__ import annotations

import json
import shutil

import pytest

from briefings.store import BriefingStore
from search.locations import seeds_dir
from search.service import open_search_service
from tui.briefing_session import DEFAULT_TITLE
from tui.cli import main
from tui.cli.common import EXIT_NOT_FOUND, EXIT_OK

RELATIONS = "Relations between Russia and Azerbaijan"
SHOT_DOWN = "Azerbaijan alleges the plane was shot down by a Russian surface-to-air missile"
SUMMIT = "China EU Summit"


@pytest.fixture
def corpus(tmp_path):
    """A copy of the bundled seeds the test may read (and edit)."""
    return shutil.copytree(seeds_dir(), tmp_path / "corpus")


def article_id(corpus, title: str) -> str:
    service = open_search_service(corpus)
    service.update()
    [found] = [s.id for s in service.articles() if s.title == title]
    return found


def add_note(corpus, title: str, *args: str) -> int:
    return main(["add-note", article_id(corpus, title), "--corpus", str(corpus), *args])


def test_add_note_quotes_the_passage_and_prints_the_new_id(corpus, capsys):
    code = add_note(
        corpus,
        RELATIONS,
        *("--quote", SHOT_DOWN, "--text", "Compare with the ministry's account."),
        *("--tag", "aviation", "--tag", "russia", "--tag", "aviation"),
        *("--briefing", "Caucasus watch"),
    )
    assert code == EXIT_OK
    captured = capsys.readouterr()
    [printed] = captured.out.splitlines()
    [note] = BriefingStore().load("caucasus-watch").notes
    assert note.id == printed
    assert note.text == "Compare with the ministry's account."
    assert note.tags == ("aviation", "russia")
    assert note.quote.exact == SHOT_DOWN
    article = open_search_service(corpus).article(note.article.id)
    assert article.body[note.quote.start : note.quote.end] == SHOT_DOWN
    assert note.article.title == RELATIONS
    assert note.article.path == next(corpus.glob("001_*.txt")).name
    assert note.article.corpus == str(corpus.resolve())
    assert f"added note {note.id}" in captured.err and "Caucasus watch" in captured.err


def test_quote_given_with_other_line_breaks_and_spaces_is_found(corpus):
    spaced = SHOT_DOWN.replace(" shot down ", "\n  shot   down\n")
    assert add_note(corpus, RELATIONS, "--quote", spaced, "--briefing", "B") == EXIT_OK
    [note] = BriefingStore().load("b").notes
    assert note.quote.exact == SHOT_DOWN


def test_note_without_a_quote_is_on_the_whole_article(corpus):
    assert add_note(corpus, SUMMIT, "--text", "Context.", "--briefing", "B") == EXIT_OK
    [note] = BriefingStore().load("b").notes
    assert note.quote is None and note.text == "Context."
    assert note.article.title == SUMMIT and note.article.url


def test_unknown_article_id_exits_4_and_writes_nothing(corpus, capsys):
    code = main(["add-note", "0123456789abcdef", "--corpus", str(corpus), "--text", "x"])
    assert code == EXIT_NOT_FOUND
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith("briefing: no article with id '0123456789abcdef'")
    assert captured.out == ""
    assert BriefingStore().briefings() == []


def test_quote_not_in_the_article_exits_4_and_writes_nothing(corpus, capsys):
    assert main(["add-note", article_id(corpus, SUMMIT), "--corpus", str(corpus)]) == EXIT_OK
    capsys.readouterr()
    store = BriefingStore()
    [entry] = store.briefings()
    before = store.path_for(entry.slug).read_bytes()
    code = add_note(corpus, SUMMIT, "--quote", "words that are not there", "--briefing", entry.slug)
    assert code == EXIT_NOT_FOUND
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert "'words that are not there' is not in the text of" in line and SUMMIT in line
    assert captured.out == ""
    assert store.path_for(entry.slug).read_bytes() == before


def test_briefing_is_created_when_new_and_added_to_after(corpus, capsys):
    assert add_note(corpus, RELATIONS, "--text", "one", "--briefing", "Caucasus watch") == 0
    assert add_note(corpus, SUMMIT, "--text", "two", "--briefing", "caucasus-watch") == 0
    assert add_note(corpus, SUMMIT, "--text", "three", "--briefing", "Caucasus Watch") == 0
    store = BriefingStore()
    assert [e.slug for e in store.briefings()] == ["caucasus-watch"]
    briefing = store.load("caucasus-watch")
    assert briefing.title == "Caucasus watch"
    assert [n.text for n in briefing.notes] == ["one", "two", "three"]
    assert len(set(capsys.readouterr().out.split())) == 3


def test_without_a_name_the_note_goes_to_the_latest_briefing_or_a_new_one(corpus):
    assert add_note(corpus, SUMMIT, "--text", "first") == EXIT_OK
    store = BriefingStore()
    [entry] = store.briefings()
    assert entry.title == DEFAULT_TITLE
    assert add_note(corpus, RELATIONS, "--text", "second") == EXIT_OK
    assert [n.text for n in store.load(entry.slug).notes] == ["first", "second"]


def test_notes_dir_flag_chooses_where_the_briefing_goes(corpus, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    code = add_note(corpus, SUMMIT, "--briefing", "Other", "--notes-dir", str(elsewhere))
    assert code == EXIT_OK
    assert [n.article.title for n in BriefingStore(elsewhere).load("other").notes] == [SUMMIT]
    assert BriefingStore().briefings() == []


def test_added_note_is_listed_anchored(corpus, capsys):
    assert add_note(corpus, RELATIONS, "--quote", SHOT_DOWN, "--briefing", "B") == EXIT_OK
    capsys.readouterr()
    assert main(["notes", "--json", "--briefing", "b"]) == EXIT_OK
    [note] = json.loads(capsys.readouterr().out)["briefings"][0]["notes"]
    assert note["status"] == "anchored"
    assert note["quote"]["exact"] == SHOT_DOWN
