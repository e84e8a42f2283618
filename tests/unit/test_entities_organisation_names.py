"""Organisations and people whose names the words around them used to cut or hide: a
plural noun opening the sentence, a sport with a country, a compass word before a
demonym, a given name ending like a demonym (short texts written for each error class)."""

from __future__ import annotations

import pytest

from search.entities import extract_entities


def found(text: str) -> list[tuple[str, str]]:
    return [(span.text, span.type) for span in extract_entities(text)]


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Insurers Swiss Re and Allianz estimated the losses.", "Swiss Re"),
        ("Rivals Octopus Energy and Ovo have grown quickly.", "Octopus Energy"),
    ],
)
def test_a_plural_noun_opening_the_sentence_is_not_part_of_the_name(text, company):
    assert found(text)[0] == (company, "ORG")


@pytest.mark.parametrize(
    "text",
    ["Cricket Australia said 80,000 tickets were sold.", "It is run by Athletics Kenya."],
)
def test_a_sport_and_a_country_name_its_governing_body(text):
    assert [t for _, t in found(text)] == ["ORG"]
    assert found(text)[0][0].split()[0] in ("Cricket", "Athletics")


def test_a_compass_word_and_a_demonym_open_an_organisations_name():
    text = "Observers from the Southern African Development Community said so."
    assert found(text) == [("Southern African Development Community", "ORG")]
    assert found("North Korean troops crossed the border.") == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Police Scotland said a man had been arrested in Paisley.", "Police Scotland"),
        ("Historic England listed the building.", "Historic England"),
        ("A spokesperson for Transport for London said so.", "Transport for London"),
    ],
)
def test_a_public_body_named_after_its_nation_or_city_is_one_organisation(text, body):
    assert found(text)[0] == (body, "ORG")


def test_a_nation_after_an_opening_word_stays_a_place():
    assert found("Today Scotland voted.") == [("Scotland", "PLACE")]


def test_britains_largest_retailer_is_an_organisation_also_opening_a_sentence():
    assert found("Tesco said its profits rose.") == [("Tesco", "ORG")]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Pact, which represents independent producers, said so.", "Pact"),
        ("Octopus, founded by Greg Jackson, overtook British Gas.", "Octopus"),
    ],
)
def test_a_word_opening_a_sentence_before_which_or_founded_by_is_an_organisation(text, body):
    assert found(text)[0] == (body, "ORG")


def test_an_opening_word_before_which_stays_unmarked():
    assert found("Second, which matters most, rates fell.") == []


def test_a_given_name_that_ends_like_a_demonym_is_still_a_name():
    assert found("He met Paul Francis and Georgi Gospodinov yesterday.") == [
        ("Paul Francis", "PERSON"),
        ("Georgi Gospodinov", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Chief Constable Sir Andy Marsh said officers would be trained.", "Andy Marsh"),
        ("Metro Mayor Andy Burnham said the city needed more money.", "Andy Burnham"),
    ],
)
def test_a_british_office_before_a_name_is_a_title(text, person):
    assert found(text) == [(person, "PERSON")]


def test_the_bank_alone_is_still_the_central_bank():
    assert found("Recent work by the Bank has shown that prices rose.") == [("Bank", "ORG")]


def test_a_surname_shared_with_a_leader_keeps_its_given_name():
    assert found("Referee Howard Webb sent him off.") == [("Howard Webb", "PERSON")]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("NHS England said waiting lists had fallen.", "NHS England"),
        (
            "The Scottish Fire and Rescue Service sent six engines.",
            "Scottish Fire and Rescue Service",
        ),
    ],
)
def test_british_public_services_keep_their_whole_names(text, body):
    assert found(text) == [(body, "ORG")]


def test_two_companies_joined_by_and_stay_two():
    assert found("British Gas and Centrica Energy said so.") == [
        ("British Gas", "ORG"),
        ("Centrica Energy", "ORG"),
    ]


def test_names_listed_after_a_kind_of_organisation_are_organisations():
    text = "It lost ground to rivals such as Huawei, Honor and Vivo, which sell cheaper phones."
    assert found(text) == [("Huawei", "ORG"), ("Honor", "ORG"), ("Vivo", "ORG")]
    assert found("Countries such as France and Spain objected.") == [
        ("France", "PLACE"),
        ("Spain", "PLACE"),
    ]
