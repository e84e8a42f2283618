"""Names that their shape types wrong and the words around them type right: companies
that look like people or words, small places, routes, stations, site names, dates in
lower case (short texts written for each error class)."""

from __future__ import annotations

import pytest

from search.entities import extract_entities


def spans(text: str) -> list[tuple[str, str]]:
    """(surface, type) of every mention in ``text``, in order."""
    return [(span.text, span.type) for span in extract_entities(text)]


def types(text: str) -> dict[str, str]:
    return dict(spans(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in Pearl fell 4% after the warning. Pearl said demand was weak.", "Pearl"),
        ("The chipmaker Torvald Kessler raised its forecast on Monday.", "Torvald Kessler"),
        ("Lena Marsh, an analyst at Quentin Harrow, expects a cut.", "Quentin Harrow"),
        ("The leader of Ireland Awake, a new party, resigned.", "Ireland Awake"),
        ("Margo Finch's chief executive said the deal was done.", "Margo Finch"),
    ],
)
def test_words_only_a_company_has_make_a_name_an_organisation(text, name):
    assert types(text)[name] == "ORG"


def test_a_company_cue_once_types_every_mention_of_the_name():
    text = "The carmaker Osric Vane cut prices. Later Osric Vane said sales were up."
    assert [t for s, t in spans(text) if s == "Osric Vane"] == ["ORG", "ORG"]


def test_a_listed_company_spelt_like_a_person_is_the_company():
    assert types("A deal with Morgan Stanley was signed in March.")["Morgan Stanley"] == "ORG"


def test_a_family_name_that_opens_with_a_particle_is_a_person():
    text = 'He left. "It is over."\n\nMarine Le Pen, who leads the party, spoke later.'
    assert types(text)["Marine Le Pen"] == "PERSON"


def test_a_place_or_a_plural_word_opens_no_persons_name():
    text = "The ferry was built at the Baku Shipyard. She studied at Sciences Po in Paris."
    assert types(text)["Baku Shipyard"] == "ORG"
    assert types(text)["Sciences Po"] == "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The mayor of North Yorkshire met ministers.", "North Yorkshire"),
        ("Ferries sail from the ports of Zhalby and Aktau.", "Zhalby"),
        ("The new line runs Aktau – Ostrov every week.", "Ostrov"),
        ("They built the Merevan–Aghdam road last year.", "Merevan"),
        ("Repairs to homes in Wybourn Cross and Gleadless Valley start soon.", "Wybourn Cross"),
    ],
)
def test_small_places_next_to_known_places_are_places(text, name):
    assert types(text)[name] == "PLACE"


def test_places_joined_by_hyphens_are_each_a_place():
    text = "Oil flows through the Baku-Tbilisi-Ceyhan pipeline."
    assert spans(text) == [("Baku", "PLACE"), ("Tbilisi", "PLACE"), ("Ceyhan", "PLACE")]


def test_a_title_cased_and_between_two_places_splits_them():
    text = "The answer was vague, and Moscow And Tehran looked on."
    assert spans(text) == [("Moscow", "PLACE"), ("Tehran", "PLACE")]


@pytest.mark.parametrize(
    "text",
    [
        "Council tax for a Band D home will rise.",
        "Cargo on the Middle Corridor grew, and the North-South corridor too.",
        "The Trans-Caspian gas pipeline is still a plan.",
        "The army bought the ORKAN howitzers from France.",
    ],
)
def test_kinds_routes_and_weapons_are_no_entities(text):
    assert all(t == "PLACE" and s == "France" for s, t in spans(text))


def test_a_heading_word_is_no_cue_for_the_next_line():
    text = "Ties between Kenya and the European Union\n\nRelations between Kenya and Uganda grew."
    assert "Relations" not in types(text)


def test_an_office_of_parliament_names_no_organisation():
    text = "– Speaker of Parliament Ana Kvaratskhelia said the vote stands."
    assert spans(text) == [("Ana Kvaratskhelia", "PERSON")]


def test_half_of_a_bold_heading_is_no_name():
    text = "Talks went on.\n\n**Opposition and Civil Society:**\n\n– Protests grew in Tbilisi."
    assert spans(text) == [("Tbilisi", "PLACE")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Listen to reaction on BBC Radio 5 Live tonight.", "BBC Radio 5 Live"),
        ("It was played on BBC Radio 6 Music, and then on Radio 4.", "BBC Radio 6 Music"),
        ("BBC Radio 1 presenter Greg James liked it.", "BBC Radio 1"),
    ],
)
def test_a_stations_number_belongs_to_its_name(text, name):
    assert types(text)[name] == "ORG"


def test_a_site_named_with_its_domain_is_one_name():
    text = "The editorial team of Trend.Az said so, as Report.az wrote. He was in Baku.It rained."
    assert types(text) == {"Trend.Az": "ORG", "Report.az": "ORG", "Baku": "PLACE"}


def test_names_inside_other_names_are_not_cut_out():
    text = "They play at St Mary' Park. The Kenyan Young Farmers’ Association met."
    found = types("They play at St James' Park on Sunday.")
    assert found["St James' Park"] == "PLACE"
    assert types(text)["Kenyan Young Farmers’ Association"] == "ORG"


def test_a_known_place_before_based_is_named():
    assert types("The Leeds-based firm grew.") == {"Leeds": "PLACE"}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("the summit will be held in march 2026. it ends", "march 2026"),
        ("Trade grew in January-October compared with last year.", "January-October"),
    ],
)
def test_months_in_lower_case_with_a_year_and_month_ranges_are_dates(text, date):
    assert types(text)[date] == "DATE"


def test_a_lower_case_month_word_without_a_year_is_no_date():
    assert types("They march on the capital in 2026 as planned.") == {"2026": "DATE"}


def test_a_country_listed_with_a_name_does_not_make_it_a_place():
    text = "The legal fight between Russia and Volkor goes on. Volkor said it would appeal."
    assert types(text)["Volkor"] != "PLACE"


def test_compass_regions_are_places():
    text = "Prices rose most in the North West and least in the South East."
    assert types(text) == {"North West": "PLACE", "South East": "PLACE"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The band will open the tour at Lantern Hall in Leeds on 12 May.", "Lantern Hall"),
        ("They first played at the Boatyard in Brixton.", "Boatyard"),
        ("A fan in the Stretford End fell ill.", "Stretford End"),
        ("Work on the Rikoti Highway starts soon.", "Rikoti Highway"),
    ],
)
def test_venues_stands_and_roads_are_places(text, name):
    assert types(text)[name] == "PLACE"


def test_an_organisation_may_open_with_a_common_word():
    text = "Figures came from the Local Government Association. The Baku Investment Holding agreed."
    found = types(text)
    assert found["Local Government Association"] == "ORG"
    assert found["Baku Investment Holding"] == "ORG"


def test_a_programme_after_episode_of_is_no_entity():
    text = "The team presents the latest episode of Vremya Dnya with Murad Ali."
    assert types(text) == {"Murad Ali": "PERSON"}


def test_a_role_of_a_person_or_a_subject_makes_no_organisation():
    text = "Dr Ann Lee, a professor of Economics, is a member of Cherie Blair's chambers."
    found = types(text)
    assert "Economics" not in found
    assert found.get("Cherie Blair") == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "The latest surveys from Nationwide and Halifax show a slowdown.",
        "Winner of Best First Feature at Cannes - Nair has become a star.",
    ],
)
def test_a_town_beside_a_name_outside_a_list_of_places_leaves_it_unplaced(text):
    found = types(text)
    assert found.get("Nationwide") != "PLACE" and found.get("Nair") != "PLACE"


def test_a_plural_place_word_after_two_names_covers_both():
    text = "In Switzerland, the Grimsel and Furka passes were closed."
    assert types(text)["Grimsel"] == "PLACE"
