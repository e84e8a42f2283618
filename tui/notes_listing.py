"""What the notes view lists: a briefing's notes grouped by article, filtered, orphans apart.

Pure functions with no Textual, so grouping, filtering and moving are tested directly.
Articles come in the order of their first note; notes keep the briefing's order within
their article. Orphaned notes (their quote no longer found in the article text) are
listed in a group of their own at the end, never hidden.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from briefings.models import ArticleRef, Briefing, Note


@dataclass(frozen=True)
class NoteGroup:
    """The notes shown under one heading: an article's, or the orphans (``article`` None)."""

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
        orphaned: ids of notes whose quote was not found again (besides those stored
            as orphaned).

    Returns:
        One group per article in order of first note, then the orphans' group if any.
    """
    if briefing is None:
        return []
    by_article: dict[str, list[Note]] = {}
    refs: dict[str, ArticleRef] = {}
    orphans: list[Note] = []
    for note in briefing.notes:
        if words and not note_matches(note, words):
            continue
        if note.orphaned or note.id in orphaned:
            orphans.append(note)
            continue
        by_article.setdefault(note.article.id, []).append(note)
        refs.setdefault(note.article.id, note.article)
    groups = [NoteGroup(refs[key], tuple(notes)) for key, notes in by_article.items()]
    if orphans:
        groups.append(NoteGroup(None, tuple(orphans)))
    return groups


def steps_within_article(briefing: Briefing, note_id: str, direction: int) -> int:
    """How many places to move a note so it swaps with its neighbour on the same article.

    Args:
        briefing: the briefing as stored.
        note_id: the note to move.
        direction: -1 (up) or 1 (down).

    Returns:
        The ``steps`` for ``BriefingStore.move_note``; 0 when it is already first or last.
    """
    notes = briefing.notes
    index = next((i for i, n in enumerate(notes) if n.id == note_id), None)
    if index is None:
        return 0
    article = notes[index].article.id
    others = range(index - 1, -1, -1) if direction < 0 else range(index + 1, len(notes))
    target = next((i for i in others if notes[i].article.id == article), None)
    return 0 if target is None else target - index
