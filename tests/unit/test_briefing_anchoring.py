"""Quotes are found again after the article's text changed, or reported as orphaned."""

from __future__ import annotations

import pytest

from benchmarks.corpus import bbc_folder
from briefings.anchoring import AnchorStatus, body_hash, quote_article, reanchor
from tests.briefing_data import BODY, article

PASSAGE = "The governor warned that further rises could follow in the spring."


def _quote(body: str = BODY, passage: str = PASSAGE):
    start = body.index(passage)
    return quote_article(article(body), start, start + len(passage))


def _edited(old: str, new: str) -> str:
    assert old in BODY
    return BODY.replace(old, new, 1)


def test_quote_records_exact_text_context_offsets_and_hash():
    quote = _quote()
    assert BODY[quote.start : quote.end] == quote.exact == PASSAGE
    assert quote.prefix == BODY[quote.start - 32 : quote.start]
    assert quote.suffix == BODY[quote.end : quote.end + 32]
    assert quote.content_hash == body_hash(BODY)


def test_empty_or_out_of_range_selection_is_refused():
    with pytest.raises(ValueError):
        quote_article(article(), 5, 5)
    with pytest.raises(ValueError):
        quote_article(article(), 0, len(BODY) + 1)


def test_unchanged_article_keeps_the_anchor():
    quote = _quote()
    result = reanchor(quote, article())
    assert result.status is AnchorStatus.UNCHANGED
    assert result.quote == quote


def test_text_inserted_before_the_quote_moves_its_offsets():
    quote = _quote()
    body = "Updated at 10:00 GMT.\n\n" + BODY
    result = reanchor(quote, article(body))
    assert result.status is AnchorStatus.MOVED
    assert body[result.quote.start : result.quote.end] == PASSAGE
    assert result.quote.start == quote.start + len("Updated at 10:00 GMT.\n\n")
    assert result.quote.content_hash == body_hash(body)


def test_text_deleted_before_the_quote_moves_its_offsets():
    body = _edited("by half a point ", "")
    result = reanchor(_quote(), article(body))
    assert result.status is AnchorStatus.MOVED
    assert body[result.quote.start : result.quote.end] == PASSAGE


def test_text_inserted_inside_the_quote_widens_it():
    body = _edited("further rises", "further and steeper rises")
    result = reanchor(_quote(), article(body))
    assert result.status is AnchorStatus.FUZZY
    assert result.quote.exact == (
        "The governor warned that further and steeper rises could follow in the spring."
    )
    assert body[result.quote.start : result.quote.end] == result.quote.exact


def test_text_deleted_inside_the_quote_narrows_it():
    body = _edited(" in the spring", "")
    result = reanchor(_quote(), article(body))
    assert result.status is AnchorStatus.FUZZY
    assert result.quote.exact == "The governor warned that further rises could follow."


def test_edits_before_and_inside_together():
    body = "Breaking.\n\n" + _edited("The governor warned", "The new governor, Ana Diaz, warned")
    result = reanchor(_quote(), article(body))
    assert result.quote.exact == (
        "The new governor, Ana Diaz, warned that further rises could follow in the spring."
    )
    assert result.status is AnchorStatus.FUZZY


def test_repeated_quote_is_matched_where_its_context_agrees():
    body = "Markets fell sharply.\n\n" + BODY
    passage = "Markets fell sharply"
    quote = quote_article(article(BODY), BODY.index(passage), BODY.index(passage) + len(passage))
    result = reanchor(quote, article(body))
    assert result.quote.start == body.rindex(passage)


def test_quote_whose_passage_was_removed_is_orphaned_and_the_anchor_kept_as_stored():
    quote = _quote()
    body = _edited(PASSAGE, "")
    result = reanchor(quote, article(body))
    assert result.status is AnchorStatus.ORPHANED
    assert result.quote == quote


def test_quote_rewritten_beyond_recognition_is_orphaned():
    body = _edited(PASSAGE, "Analysts expect the bank to hold rates until autumn.")
    assert reanchor(_quote(), article(body)).status is AnchorStatus.ORPHANED


def test_orphan_found_again_when_the_text_comes_back():
    quote = _quote()
    orphan = reanchor(quote, article(_edited(PASSAGE, "")))
    assert orphan.status is AnchorStatus.ORPHANED
    result = reanchor(orphan.quote, article())
    assert result.status is AnchorStatus.UNCHANGED
    assert result.quote == quote


BBC = bbc_folder() / "business"


@pytest.mark.skipif(not BBC.is_dir(), reason="BBC news corpus not present")
def test_every_sentence_of_real_articles_is_found_after_an_edit_before_it():
    found = total = 0
    for path in sorted(BBC.glob("*.txt"))[:20]:
        body = path.read_text(encoding="latin-1")
        for sentence in (s.strip() for s in body.split(".")):
            if len(sentence) < 40 or body.count(sentence) != 1:
                continue
            start = body.index(sentence)
            quote = quote_article(article(body), start, start + len(sentence))
            changed = body[:start] + "(Updated) " + body[start:]
            result = reanchor(quote, article(changed))
            total += 1
            found += result.quote.exact == sentence and result.status is AnchorStatus.MOVED
    assert total > 100
    assert found == total


def test_same_words_left_at_the_old_offset_do_not_capture_the_quote():
    passage = "further rises"
    start = BODY.index(passage)
    quote = quote_article(article(BODY), start, start + len(passage))
    # New text puts the same words at exactly the old offset, in another context;
    # the quoted sentence itself now comes later.
    changed = "Q" * (start - 1) + " " + passage + " were ruled out.\n\n" + BODY
    assert changed[quote.start : quote.end] == passage
    result = reanchor(quote, article(changed))
    assert result.status is AnchorStatus.MOVED
    assert result.quote.start == changed.rindex(passage)
