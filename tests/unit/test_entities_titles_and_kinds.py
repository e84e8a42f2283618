"""Capitalised words that name no one in machine-translated regional text: the rest of
a document's title, a kind of organisation, a holiday, and an English word glued to a
leader's surname (short texts written for each error class)."""

from __future__ import annotations

from search.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(span.text, span.type) for span in extract_entities(text)]


def test_the_words_of_a_declaration_on_something_are_no_organisation():
    text = "The presidents signed a “Declaration on Interaction and Alliance” in Moscow."
    assert found(text) == [("Moscow", "PLACE")]


def test_a_kind_of_organisation_in_capitals_is_no_organisation():
    assert found("He met NGO representatives and lawyers in Baku.") == [("Baku", "PLACE")]


def test_a_holiday_is_no_organisation():
    assert found("Ilham Aliyev wished Armenians well on the Novruz holiday.") == [
        ("Ilham Aliyev", "PERSON")
    ]


def test_an_english_word_glued_to_a_leaders_surname_is_left_out():
    text = "Blinken and Aliyev Development of democratic processes in Azerbaijan was discussed."
    assert found(text) == [("Blinken", "PERSON"), ("Aliyev", "PERSON"), ("Azerbaijan", "PLACE")]
