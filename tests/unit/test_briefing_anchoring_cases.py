"""Finding a quote again: a passage repeated word for word, context told apart by the
words before and after, edits where a changed quote meets its context, deleted quotes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefings.anchoring import AnchorStatus, quote_article, reanchor
from search.models.articles import Article

# Finding a quote again: which occurrence, and which words.


def _art(body: str) -> Article:
    return Article("a", "T", body, "t.txt")


def _quote_of(body: str, passage: str, occurrence: int = 0):
    at = -1
    for _ in range(occurrence + 1):
        at = body.index(passage, at + 1)
    return quote_article(_art(body), at, at + len(passage))


PASSAGE = "Markets fell sharply."


def test_a_passage_appearing_three_times_is_found_at_the_occurrence_quoted():
    body = (
        f"On Monday: {PASSAGE} Officials were calm.\n\n"
        f"On Tuesday, after the vote: {PASSAGE} Bonds rallied.\n\n"
        f"On Friday: {PASSAGE} Nothing else happened."
    )
    quote = _quote_of(body, PASSAGE, 1)
    now = "Updated at 10:00.\n\n" + body
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.MOVED
    assert found.quote.start == now.index("the vote: ") + len("the vote: ")


def test_a_repeated_passage_is_told_apart_by_the_words_after_it():
    lead = "According to the statement issued by the ministry, "
    body = f"{lead}{PASSAGE} Bond yields rose.\n\n{lead}{PASSAGE} Stock prices fell."
    quote = _quote_of(body, PASSAGE, 1)
    now = "An editorial note was added at the top of the page today, a long one. " * 2 + body
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.MOVED
    assert found.quote.start == now.rindex(PASSAGE)


def test_a_repeated_passage_is_told_apart_by_the_words_before_it():
    after = " Officials declined to comment on the figures at all."
    body = (
        f"In the first quarter of the year, {PASSAGE}{after}\n\n"
        f"In the second quarter of the year, {PASSAGE}{after}"
    )
    quote = _quote_of(body, PASSAGE, 1)
    now = "Editor's note: this page was updated with several paragraphs of new text. " * 3 + body
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.MOVED
    assert found.quote.start == now.rindex(PASSAGE)


def test_a_paragraph_repeated_word_for_word_keeps_the_quote_on_its_own_copy():
    paragraph = f"The committee met again in the afternoon. {PASSAGE} It meets again next week."
    body = paragraph + "\n\n" + paragraph
    quote = _quote_of(body, PASSAGE, 1)
    now = body + "\n\nCorrection appended at the end."
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.UNCHANGED
    assert found.quote.start == quote.start == now.rindex(PASSAGE)


def test_a_quote_whose_words_were_edited_by_hand_is_changed_not_anchored():
    body = "The bank raised its key rate on Tuesday. Markets fell sharply after the announcement."
    quote = _quote_of(body, "Markets fell sharply after the announcement.")
    hand_edited = replace(quote, exact="Markets fell steeply after the announcement.")
    found = reanchor(hand_edited, _art(body))
    assert found.status is AnchorStatus.FUZZY
    assert found.quote.exact == "Markets fell sharply after the announcement."


def test_a_quote_near_the_start_records_all_the_text_before_it():
    body = "Short intro. The governor warned that rises could follow."
    assert _quote_of(body, "The governor warned").prefix == "Short intro. "


SENTENCE = "The ministry said the talks ended on Tuesday. Officials now say the deal is off. Calm."
QUOTED = "Officials now say the deal is off."


@pytest.mark.parametrize(
    ("edited", "now_reads"),
    [
        # A sentence added right before a quote whose words changed stays out of it.
        ("Talks had been long. Officials now said the deal is off.", QUOTED.replace("say", "said")),
        # ... and so does one added right after it.
        ("Officials now said the deal is off. Talks had been long.", QUOTED.replace("say", "said")),
    ],
)
def test_text_added_where_a_changed_quote_meets_its_context_stays_out_of_it(edited, now_reads):
    quote = _quote_of(SENTENCE, QUOTED)
    found = reanchor(quote, _art(SENTENCE.replace(QUOTED, edited)))
    assert found.status is AnchorStatus.FUZZY
    assert found.quote.exact == now_reads


def test_a_word_changed_where_the_quote_meets_its_context_stays_out_of_it():
    quote = _quote_of(SENTENCE, QUOTED)
    now = SENTENCE.replace("Tuesday. Officials", "Tuesday; the officials")
    found = reanchor(quote, _art(now))
    assert found.status is AnchorStatus.FUZZY
    assert found.quote.exact == "officials now say the deal is off."


def test_a_deleted_quote_is_orphaned_even_when_another_sentence_says_much_the_same():
    body = (
        "The US created fewer jobs than expected in January, but a fall in jobseekers pushed "
        "the unemployment rate to its lowest level in three years.\n\n"
        "According to Labor Department figures, US firms added only 146,000 jobs in January. "
        "The gain in non-farm payrolls was below market expectations of 190,000 new jobs. "
        "Nevertheless it was enough to push down the unemployment rate to 5.2%, its lowest "
        "level since September 2001. The job gains mean a net growth in jobs in the first term."
    )
    passage = "Nevertheless it was enough to push down the unemployment rate to 5.2%"
    found = reanchor(_quote_of(body, passage), _art(body.replace(passage, "")))
    assert found.status is AnchorStatus.ORPHANED
