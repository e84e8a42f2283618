"""What the notes view lists: grouping by article, the filter, orphans apart, moving a note."""

from __future__ import annotations

from dataclasses import replace

from briefings.models import ArticleRef, Briefing, Quote, new_note
from tui.notes_listing import group_notes, note_matches, steps_within_article
from tui.screens.note_editor import parse_tags

A = ArticleRef(id="a", title="Gas deal")
B = ArticleRef(id="b", title="Election")


def quote(text: str, *, orphaned: bool = False) -> Quote:
    return Quote(text, "", "", 0, len(text), "sha256:0", orphaned=orphaned)


def briefing(*notes) -> Briefing:
    return Briefing(title="T", slug="t", created="", updated="", notes=tuple(notes))


def test_groups_follow_the_first_note_of_each_article_and_keep_note_order():
    n1 = new_note(A, text="one")
    n2 = new_note(B, text="two")
    n3 = new_note(A, text="three")
    groups = group_notes(briefing(n1, n2, n3))
    assert [(g.article.id, [n.text for n in g.notes]) for g in groups] == [
        ("a", ["one", "three"]),
        ("b", ["two"]),
    ]


def test_orphans_stored_or_found_are_listed_last_in_their_own_group():
    kept = new_note(A, text="kept", quote=quote("still here"))
    stored_orphan = new_note(A, text="lost", quote=quote("gone", orphaned=True))
    found_orphan = new_note(B, text="moved away", quote=quote("rewritten"))
    groups = group_notes(briefing(stored_orphan, kept, found_orphan), orphaned={found_orphan.id})
    assert groups[0].article == A and [n.text for n in groups[0].notes] == ["kept"]
    assert groups[-1].article is None
    assert [n.text for n in groups[-1].notes] == ["lost", "moved away"]


def test_filter_matches_every_word_in_quote_text_or_tags_ignoring_case():
    note = new_note(A, text="Pipeline *costs*", tags=("Energy",), quote=quote("Baku signed"))
    assert note_matches(note, "baku energy")
    assert note_matches(note, "#energy")
    assert note_matches(note, "*costs*")
    assert not note_matches(note, "baku election")
    assert group_notes(briefing(note), "nothing like it") == []


def test_moving_swaps_with_the_next_note_on_the_same_article_only():
    n1, n2, n3 = new_note(A, text="1"), new_note(B, text="2"), new_note(A, text="3")
    b = briefing(n1, n2, n3)
    assert steps_within_article(b, n1.id, 1) == 2
    assert steps_within_article(b, n3.id, -1) == -2
    assert steps_within_article(b, n1.id, -1) == 0
    assert steps_within_article(b, n2.id, 1) == 0
    assert steps_within_article(replace(b, notes=()), n1.id, 1) == 0


def test_tags_are_split_on_commas_without_blanks_or_repeats():
    assert parse_tags(" energy, gas ,, energy,Central Asia ") == ("energy", "gas", "Central Asia")
