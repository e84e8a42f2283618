"""What the notes view lists: the briefing's order in runs per article, the filter, orphans
apart, moving a note across headings."""

from __future__ import annotations

from dataclasses import replace

from briefings.models import ArticleRef, Briefing, Quote, new_note
from tui.notes_listing import group_notes, note_matches, steps_to_neighbour
from tui.screens.note_editor import parse_tags

A = ArticleRef(id="a", title="Gas deal")
B = ArticleRef(id="b", title="Election")


def quote(text: str) -> Quote:
    return Quote(text, "", "", 0, len(text), "sha256:0")


def briefing(*notes) -> Briefing:
    return Briefing(title="T", slug="t", created="", updated="", notes=tuple(notes))


def test_notes_keep_the_briefing_order_with_a_heading_each_time_the_article_changes():
    n1 = new_note(A, text="one")
    n2 = new_note(A, text="two")
    n3 = new_note(B, text="three")
    n4 = new_note(A, text="four")
    groups = group_notes(briefing(n1, n2, n3, n4))
    assert [(g.article.id, [n.text for n in g.notes]) for g in groups] == [
        ("a", ["one", "two"]),
        ("b", ["three"]),
        ("a", ["four"]),
    ]


def test_orphans_are_listed_last_in_their_own_group_in_briefing_order():
    kept = new_note(A, text="kept", quote=quote("still here"))
    lost = new_note(A, text="lost", quote=quote("gone"))
    gone_article = new_note(B, text="article deleted", quote=quote("rewritten"))
    groups = group_notes(briefing(lost, kept, gone_article), orphaned={lost.id, gone_article.id})
    assert groups[0].article == A and [n.text for n in groups[0].notes] == ["kept"]
    assert groups[-1].article is None
    assert [n.text for n in groups[-1].notes] == ["lost", "article deleted"]


def test_filter_matches_every_word_in_quote_text_or_tags_ignoring_case():
    note = new_note(A, text="Pipeline *costs*", tags=("Energy",), quote=quote("Baku signed"))
    assert note_matches(note, "baku energy")
    assert note_matches(note, "#energy")
    assert note_matches(note, "*costs*")
    assert not note_matches(note, "baku election")
    assert group_notes(briefing(note), "nothing like it") == []


def test_moving_swaps_with_the_next_listed_note_across_article_headings():
    n1, n2, n3 = new_note(A, text="1"), new_note(B, text="2"), new_note(A, text="3")
    b = briefing(n1, n2, n3)
    listed = [n1.id, n2.id, n3.id]
    assert steps_to_neighbour(b, listed, n1.id, 1) == 1
    assert steps_to_neighbour(b, listed, n3.id, -1) == -1
    assert steps_to_neighbour(b, listed, n1.id, -1) == 0
    assert steps_to_neighbour(b, listed, n3.id, 1) == 0
    assert steps_to_neighbour(replace(b, notes=()), listed, n1.id, 1) == 0


def test_moving_skips_notes_the_filter_or_the_orphans_group_hides():
    n1, n2, n3 = new_note(A, text="1"), new_note(B, text="2"), new_note(A, text="3")
    b = briefing(n1, n2, n3)
    assert steps_to_neighbour(b, [n1.id, n3.id], n3.id, -1) == -2
    assert steps_to_neighbour(b, [n1.id, n3.id], n2.id, 1) == 0


def test_tags_are_split_on_commas_without_blanks_or_repeats():
    assert parse_tags(" energy, gas ,, energy,Central Asia ") == ("energy", "gas", "Central Asia")
