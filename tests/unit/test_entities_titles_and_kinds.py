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


def test_a_countrys_ministry_is_the_country_and_the_ministry():
    text = "According to Armenia's Ministry of Economy data, trade with Türkiye grew."
    assert found(text)[:2] == [("Armenia", "PLACE"), ("Ministry of Economy", "ORG")]
    assert found("The Ministry of Energy and Economy said so.") == [
        ("Ministry of Energy and Economy", "ORG")
    ]


def test_a_spokeswoman_run_into_her_ministry_is_told_apart():
    text = "A representative of the Russian Foreign Ministry Maria Zakharova said so."
    assert found(text) == [("Foreign Ministry", "ORG"), ("Maria Zakharova", "PERSON")]


def test_a_body_whose_name_owns_a_word_stays_whole():
    assert found("The Women's Institute met in Leeds.")[0] == ("Women's Institute", "ORG")


def test_a_generic_organisation_word_alone_names_no_one():
    text = "Farid Shafiyev, chairman of the Center, spoke.\n\nPositions of the Parties:\n"
    assert found(text) == [("Farid Shafiyev", "PERSON")]


def test_a_genocide_or_a_revolution_is_an_event_and_ends_a_run_together_name():
    assert found("Recognition of the Armenian Genocide was dropped.") == []
    assert found("Since the Islamic Revolution Iran has changed.") == [("Iran", "PLACE")]


def test_the_agency_in_a_datelines_brackets_is_an_organisation():
    text = "BAKU, 14 October (Trend) – Azerbaijan exported 12.1 billion cubic metres of gas."
    assert ("Trend", "ORG") in found(text)


def test_a_company_of_a_country_is_an_organisation_not_a_place():
    text = "The State Oil Company of Azerbaijan Republic (SOCAR) signed the deal."
    assert found(text)[0] == ("State Oil Company of Azerbaijan Republic", "ORG")


def test_a_series_or_a_race_named_by_one_word_is_an_event():
    assert found("Ben Stokes said the team was ready for the Ashes.") == [("Ben Stokes", "PERSON")]


def test_two_leaders_joined_by_a_hyphen_make_no_organisation():
    assert found("The reactions to the series of Aliyev-Pashin meetings were calm.") == []


def test_a_fuel_named_by_its_initials_is_no_organisation():
    assert found("Azerbaijan sold LNG to Europe.") == [("Azerbaijan", "PLACE"), ("Europe", "PLACE")]
    assert found("Pakistan LNG Limited bought a cargo.") == [("Pakistan LNG Limited", "ORG")]


def test_a_verb_run_into_a_leaders_name_is_cut_off():
    text = "Joe Biden on March 18 Inspiration Congratulated Aliyev on the holiday."
    assert ("Aliyev", "PERSON") in found(text)
    assert all("Congratulated" not in name for name, _ in found(text))


def test_a_route_is_a_place_only_when_a_place_names_it():
    assert found("Azerbaijan wants to expand the Southern Gas Corridor.") == [
        ("Azerbaijan", "PLACE")
    ]
    assert found("The Lachin Corridor was closed.") == [("Lachin Corridor", "PLACE")]


def test_a_lowland_is_a_place():
    assert found("They were moved to the Kura-Araz lowland.") == [("Kura-Araz", "PLACE")]


def test_a_portfolio_after_a_title_names_no_one():
    assert found("Karen Donfried, Assistant for Eurasian Affairs, visited Baku.") == [
        ("Karen Donfried", "PERSON"),
        ("Baku", "PLACE"),
    ]
    assert found("Transport for Wales suspended services.") == [("Transport for Wales", "ORG")]


def test_agreements_in_the_plural_are_documents():
    assert found("The signing of Preferential Trade Agreements followed.") == []


def test_a_bulletins_issue_line_is_a_date():
    assert found("CENTRE FOR ANALYSIS\n\nOCTOBER-2025\n\nBULLETIN\n") == [("OCTOBER-2025", "DATE")]


def test_a_news_site_named_by_its_address_is_its_own_organisation():
    line = "A busy week in Astana Caliber.Az weekly review\nThe editorial team met.\n"
    assert found(line) == [("Astana", "PLACE"), ("Caliber.Az", "ORG")]


def test_a_tournament_named_after_its_town_stays_an_event_after_of():
    assert found("Jack Draper is out of Wimbledon after a defeat.") == [("Jack Draper", "PERSON")]


def test_an_illness_named_after_a_doctor_or_a_river_names_no_one():
    text = "It could help victims of Alzheimer's, Parkinson's and Motor Neurone disease."
    assert found(text) == []
    assert found("The Ebola virus spread in Guinea.") == [("Guinea", "PLACE")]
