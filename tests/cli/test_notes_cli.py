"""`briefing notes`: notes as text or JSON, each with its status against the corpus as it
is now; unreadable files reported, not a traceback."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from briefings.anchoring import quote_article
from briefings.models import ArticleRef, new_note
from briefings.resolver import ARTICLE_GONE, OTHER_CORPUS, PASSAGE_GONE
from briefings.store import BriefingStore
from search.locations import seeds_dir
from search.service import open_search_service
from tests.briefing_data import BODY
from tui.cli import main
from tui.cli.common import EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK


@pytest.fixture
def corpus(tmp_path):
    """A corpus folder holding the article the notes quote."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rates.txt").write_text("Rates rise\n\n" + BODY + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def store(corpus):
    """The store the CLI sees by default ($BRIEFING_NOTES_DIR points under tmp_path)."""
    service = open_search_service(corpus)
    service.update()
    [summary] = service.articles()
    article = service.article(summary.id)
    start = article.body.index("Markets fell sharply")
    note = new_note(
        ArticleRef.from_article(article, str(corpus)),
        text="Check bonds.\n\x1b[2J[bold]next \x9b0m",
        tags=("mkt", "q1"),
        quote=quote_article(article, start, start + len("Markets fell sharply")),
    )
    store = BriefingStore()
    store.add_note(store.create("Rates watch").slug, note)
    store.create("Empty one")
    return store


def test_notes_of_one_briefing_as_text(store, capsys):
    assert main(["notes", "--briefing", "Rates watch"]) == EXIT_OK
    out = capsys.readouterr().out
    note = store.load("rates-watch").notes[0]
    assert "Rates watch  (rates-watch, 1 note)" in out
    assert note.id in out and "Rates rise" in out
    assert "> Markets fell sharply" in out
    assert "Check bonds." in out and "[bold]next" in out
    assert "tags: mkt, q1" in out
    assert "\x1b" not in out and "\x9b" not in out
    assert "[moved]" not in out and "[changed]" not in out and "[orphaned]" not in out


def test_notes_as_json(store, capsys):
    assert main(["notes", "--briefing", "rates-watch", "--json"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out
    data = json.loads(out)
    [briefing] = data["briefings"]
    [note] = briefing["notes"]
    assert briefing["title"] == "Rates watch"
    assert briefing["path"] == str(store.path_for("rates-watch"))
    assert note["quote"]["exact"] == "Markets fell sharply"
    assert note["text"] == "Check bonds.\n\x1b[2J[bold]next \x9b0m"
    assert note["tags"] == ["mkt", "q1"]
    assert note["status"] == "anchored"
    assert "current" not in note["quote"] and "reason" not in note
    assert data["errors"] == []


def test_without_a_name_every_briefing_is_listed(store, capsys):
    assert main(["notes", "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert [b["slug"] for b in data["briefings"]] == ["empty-one", "rates-watch"]


def test_notes_dir_flag_wins_over_the_environment(store, tmp_path, capsys):
    other = BriefingStore(tmp_path / "elsewhere")
    other.create("Elsewhere")
    assert main(["notes", "--json", "--notes-dir", str(other.directory)]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert [b["slug"] for b in data["briefings"]] == ["elsewhere"]


def test_unknown_briefing_exits_not_found(store, capsys):
    assert main(["notes", "--briefing", "nope"]) == EXIT_NOT_FOUND
    err = capsys.readouterr().err
    assert err.startswith("briefing: no briefing named 'nope'")


def test_corrupt_file_is_one_line_and_the_others_are_still_listed(store, capsys):
    broken = store.directory / "broken.yaml"
    raw = b"title: Broken\nnotes:\n  - id: x\n   text: [\n"
    broken.write_bytes(raw)
    assert main(["notes"]) == EXIT_ERROR
    captured = capsys.readouterr()
    assert "Rates watch" in captured.out and "Empty one" in captured.out
    [line] = captured.err.splitlines()
    assert line.startswith(f"briefing: {broken}:4: not valid YAML")
    assert "Traceback" not in captured.err
    assert broken.read_bytes() == raw


def test_naming_a_corrupt_briefing_exits_1_with_one_line(store, capsys):
    (store.directory / "broken.yaml").write_text("notes: 3\n")
    assert main(["notes", "--briefing", "broken"]) == EXIT_ERROR
    [line] = capsys.readouterr().err.splitlines()
    assert "broken.yaml:1: 'notes' should be a list" in line


def test_no_briefings_yet_says_where_it_looked(capsys):
    assert main(["notes"]) == EXIT_OK
    assert "no briefings yet in" in capsys.readouterr().err


# Statuses after the corpus changed: a copy of the seeds, notes added with add-note.

RELATIONS = "Relations between Russia and Azerbaijan"
SHOT_DOWN = "Azerbaijan alleges the plane was shot down by a Russian surface-to-air missile"
CANCELLED = "Azerbaijan cancelled all cultural events involving Russian state and private"
SUMMIT = "European Commission President Ursula von der Leyen met with Chinese Foreign Minister"
MINSK = "The Minsk Group, a trilateral mediation effort involving France, Russia, and the"
SIGN = "The United States and Armenia are set to sign a strategic partnership document."
MINSK_SENTENCE = (
    "The Minsk Group, a trilateral mediation effort involving France, Russia, and the United "
    "States, had become largely irrelevant as Azerbaijan had already achieved most of the "
    "conflict’s resolution through its own efforts. "
)


@pytest.fixture
def seeds_copy(tmp_path):
    return shutil.copytree(seeds_dir(), tmp_path / "seeds-copy")


def _add_notes(corpus, capsys) -> list[str]:
    """Five quoted notes on the seeds copy, in one briefing; their ids."""
    service = open_search_service(corpus)
    service.update()
    titles = {s.title: s.id for s in service.articles()}
    wanted = [
        (RELATIONS, SHOT_DOWN),
        (RELATIONS, CANCELLED),
        ("China EU Summit", SUMMIT),
        ("Yerevan and Washington set to sign", SIGN),
        ("Key Takeaways from Q&A session", MINSK),
    ]
    for title, passage in wanted:
        [article_id] = [i for t, i in titles.items() if t.startswith(title)]
        args = ["add-note", article_id, "--quote", passage, "--text", title[:20]]
        assert main([*args, "--briefing", "Caucasus", "--corpus", str(corpus)]) == EXIT_OK
    return capsys.readouterr().out.split()


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _change_the_seeds(corpus) -> None:
    feed = next(corpus.glob("001_*.txt"))
    _edit(feed, "shot down by", "downed by")
    _edit(feed, CANCELLED, "Baku recalled its envoy. " + CANCELLED)
    text = feed.read_text(encoding="utf-8")
    post = re.search(r"China EU Summit\n.*?\nhttps://[^\n]*\n+", text, re.S).group()
    _edit(feed, post, "")
    _edit(next(corpus.glob("002_*.txt")), MINSK_SENTENCE, "")


def test_notes_json_gives_each_note_its_status_after_the_corpus_changed(seeds_copy, capsys):
    ids = _add_notes(seeds_copy, capsys)
    _change_the_seeds(seeds_copy)
    assert main(["notes", "--json", "--briefing", "caucasus"]) == EXIT_OK
    [briefing] = json.loads(capsys.readouterr().out)["briefings"]
    notes = briefing["notes"]
    assert [n["id"] for n in notes] == ids
    assert [n["status"] for n in notes] == ["changed", "moved", "orphaned", "anchored", "orphaned"]
    changed, moved, gone, anchored, passage_gone = notes
    assert changed["quote"]["exact"] == SHOT_DOWN
    assert changed["quote"]["current"] == SHOT_DOWN.replace("shot down by", "downed by")
    assert "current" not in moved["quote"] and moved["quote"]["exact"] == CANCELLED
    assert (gone["reason"], passage_gone["reason"]) == (ARTICLE_GONE, PASSAGE_GONE)
    assert not any("reason" in n for n in (changed, moved, anchored))
    # Listing reads the briefing; it does not rewrite it.
    stored = BriefingStore().load("caucasus")
    assert [n.quote.exact for n in stored.notes] == [n["quote"]["exact"] for n in notes]


def test_notes_text_marks_each_status_and_shows_the_current_words(seeds_copy, capsys):
    _add_notes(seeds_copy, capsys)
    _change_the_seeds(seeds_copy)
    assert main(["notes", "--briefing", "caucasus"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    marks = [m for line in lines for m in re.findall(r"\[(moved|changed|orphaned)\]$", line)]
    assert marks == ["changed", "moved", "orphaned", "orphaned"]
    now = [line.strip() for line in lines if line.strip().startswith("now:")]
    assert now == ["now: " + SHOT_DOWN.replace("shot down by", "downed by")]
    reasons = [line.strip() for line in lines if line.strip().startswith("not found:")]
    assert reasons == [f"not found: {ARTICLE_GONE}", f"not found: {PASSAGE_GONE}"]


def test_a_note_not_in_the_corpus_asked_for_is_checked_in_its_own_and_says_so(
    store, corpus, tmp_path, capsys
):
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Unrelated\n\nNothing about rates here.\n", encoding="utf-8")
    assert main(["notes", "--json", "--briefing", "rates-watch", "--corpus", str(other)]) == 0
    [note] = json.loads(capsys.readouterr().out)["briefings"][0]["notes"]
    assert (note["status"], note["elsewhere"]) == ("anchored", corpus.name)

    shutil.rmtree(corpus)
    assert main(["notes", "--json", "--briefing", "rates-watch", "--corpus", str(other)]) == 0
    [note] = json.loads(capsys.readouterr().out)["briefings"][0]["notes"]
    assert (note["status"], note["reason"]) == ("orphaned", OTHER_CORPUS)


def test_notes_of_a_corpus_folder_that_is_gone_are_checked_against_the_seeds(store, corpus, capsys):
    shutil.rmtree(corpus)
    assert main(["notes", "--json", "--briefing", "rates-watch"]) == EXIT_OK
    [note] = json.loads(capsys.readouterr().out)["briefings"][0]["notes"]
    assert (note["status"], note["reason"]) == ("orphaned", OTHER_CORPUS)
