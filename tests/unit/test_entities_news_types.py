"""Typing names in plain news: companies, clubs, media and places that the shape of a
name alone would get wrong (short texts written for each error class)."""

from __future__ import annotations

import pytest

from search.entities import extract_entities


def types(text: str) -> dict[str, str]:
    """Surface text -> type for every mention in ``text``."""
    return {span.text: span.type for span in extract_entities(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in UniCredit rose 3% in Milan on Friday.", "UniCredit"),
        ("Banco Sabadell said the offer undervalued the lender.", "Banco Sabadell"),
        ("Analysts expect AstraZeneca to raise its forecast.", "AstraZeneca"),
        ("The deal with Rio Tinto was signed in Perth.", "Rio Tinto"),
    ],
)
def test_a_listed_company_is_an_organisation_without_any_cue(text, name):
    assert types(text)[name] == "ORG"


def test_a_company_named_like_its_founder_is_left_to_the_words_around_it():
    # "Ralph Lauren" is also a man: the list of companies does not decide it.
    assert types("Ralph Lauren said he would retire next year.")["Ralph Lauren"] == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Their old rivals Arsenal have spent heavily.", "Arsenal"),
        ("Writing in The Guardian, the critic gave it five stars.", "The Guardian"),
        ("He has posted the video on TikTok and Instagram.", "TikTok"),
        ("The Lib Dems won three seats from the Tories.", "Lib Dems"),
    ],
)
def test_clubs_media_and_parties_no_cue_gives_away_are_organisations(text, name):
    assert types(text)[name] == "ORG"
