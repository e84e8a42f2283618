"""What the notes view lists: a briefing's notes in its own order, filtered, orphans apart.

Pure functions with no Textual, so grouping, filtering and moving are tested directly.
A briefing is a narrative: notes are listed in the briefing's order, and a heading names
the article each time the article changes from one note to the next (so an article can
head several groups). Orphaned notes (article or passage gone, as the app's resolution
says) are listed in a group of their own at the end, never hidden.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from briefings.models import ArticleRef, Briefing, Note


@dataclass(frozen=True)
class NoteGroup:
    """Notes shown under one heading: a run on one article, or the orphans (``article`` None)."""

    article: ArticleRef | None
    notes: tuple[Note, ...]


def note_matches(note: Note, words: str) -> bool:
    """Whether every word of ``words`` occurs in the note's quote, text or tags (any case)."""
    quote = note.quote.exact if note.quote else ""
    tags = " ".join(f"#{t}" for t in note.tags)
    haystack = f"{quote} {note.text} {tags}".casefold()
    return all(word in haystack for word in words.casefold().split())


def group_notes(
    briefing: Briefing | None, words: str = "", orphaned: Collection[str] = ()
) -> list[NoteGroup]:
    """The notes of ``briefing`` that match ``words``, grouped for the notes view.

    Args:
        briefing: the current briefing (None: nothing to list).
        words: the filter typed by the user ("" lists every note).
        orphaned: ids of the notes whose article or passage is gone.

    Returns:
        A group per run of consecutive notes on one article, in the briefing's order,
        then the orphans' group if any.
    """
    if briefing is None:
        return []
    groups: list[NoteGroup] = []
    orphans: list[Note] = []
    for note in briefing.notes:
        if words and not note_matches(note, words):
            continue
        if note.id in orphaned:
            orphans.append(note)
        elif groups and _same_article(groups[-1].article, note.article):
            groups[-1] = NoteGroup(groups[-1].article, (*groups[-1].notes, note))
        else:
            groups.append(NoteGroup(note.article, (note,)))
    if orphans:
        groups.append(NoteGroup(None, tuple(orphans)))
    return groups


def _same_article(a: ArticleRef, b: ArticleRef) -> bool:
    # Two corpora can hold articles with the same id (a path and a place in a file).
    return (a.corpus, a.id) == (b.corpus, b.id)


def steps_to_neighbour(
    briefing: Briefing, listed: Sequence[str], note_id: str, direction: int
) -> int:
    """How many places to move a note so it swaps with the next note listed beside it.

    The neighbour may be on another article: moving across a heading is how a note
    joins the run of notes above or below it.

    Args:
        briefing: the briefing as stored.
        listed: ids of the notes the view lists outside the orphans' group, in order.
        note_id: the note to move.
        direction: -1 (up) or 1 (down).

    Returns:
        The ``steps`` for ``BriefingStore.move_note``; 0 when it is already first or last.
    """
    order = [n.id for n in briefing.notes]
    if note_id not in order or note_id not in listed:
        return 0
    at = listed.index(note_id) + direction
    if not 0 <= at < len(listed) or listed[at] not in order:
        return 0
    return order.index(listed[at]) - order.index(note_id)
