"""Plain news: clubs whose names end like places', grounds, reservoirs and rivers,
stations, plants and pipelines, and departments whose names hold a list (short texts
written for each error class)."""

from __future__ import annotations

from search.entities import extract_entities


def types(text: str) -> dict[str, str]:
    """Surface text -> type for every mention in ``text``."""
    return {span.text: span.type for span in extract_entities(text)}


MATCH_REPORT = (
    "Preston North End beat Derby County 3-0 at Deepdale on Saturday. The striker scored "
    "twice before half-time and the manager praised his squad. At Craven Cottage, "
    "Fulham and Everton drew 1-1."
)


def test_club_named_like_a_county_or_a_district_is_the_club_in_a_match_report():
    found = types(MATCH_REPORT)
    assert (found["Preston North End"], found["Derby County"]) == ("ORG", "ORG")


def test_ground_after_a_score_or_opening_a_sentence_with_one_is_a_place():
    found = types(MATCH_REPORT)
    assert (found["Deepdale"], found["Craven Cottage"]) == ("PLACE", "PLACE")


def test_county_outside_sport_stays_a_place():
    assert types("Wildfires spread across Orange County on Saturday.")["Orange County"] == "PLACE"


def test_reservoir_viaduct_and_dales_are_places_and_a_water_company_is_not():
    found = types(
        "Levels at Rutland Water and Grafham Water fell, Anglian Water said. Work on the "
        "Ribblehead Viaduct will shut stations in the Yorkshire Dales served by Avanti West Coast."
    )
    assert [found[n] for n in ("Rutland Water", "Grafham Water", "Ribblehead Viaduct")] == [
        "PLACE"
    ] * 3
    assert found["Yorkshire Dales"] == "PLACE"
    assert (found["Anglian Water"], found["Avanti West Coast"]) == ("ORG", "ORG")


def test_ministry_whose_portfolio_is_a_list_keeps_its_whole_name():
    found = types(
        "The Department for Environment, Food and Rural Affairs said rivers were low. The "
        "Secretary of State for Culture, Media and Sport visited the Ministry of Housing, "
        "Communities and Local Government."
    )
    assert found == {
        "Department for Environment, Food and Rural Affairs": "ORG",
        "Ministry of Housing, Communities and Local Government": "ORG",
    }


def test_city_and_station_in_a_text_about_trains_is_a_place():
    found = types(
        "Trains from Manchester Piccadilly to London Euston were cancelled, and Leeds Rhinos "
        "fans waited at the station."
    )
    assert (found["Manchester Piccadilly"], found["London Euston"]) == ("PLACE", "PLACE")
    assert found["Leeds Rhinos"] == "ORG"


def test_river_after_streams_such_as_the_or_valleys_of_the_is_a_place():
    found = types(
        "Anglers worry about chalk streams such as the Nar. There was wealth in the valleys "
        "of the Corve."
    )
    assert (found["Nar"], found["Corve"]) == ("PLACE", "PLACE")


def test_name_before_a_plant_field_terminal_or_pipeline_is_a_place():
    found = types(
        "The first unit of the Akkuyu nuclear power plant opened. Gas from the Galkynysh "
        "field will run through the Trans-Caspian Gas Pipeline. Zorvex said its plant was new."
    )
    assert [found[n] for n in ("Akkuyu", "Galkynysh", "Trans-Caspian Gas Pipeline")] == [
        "PLACE"
    ] * 3
    assert found.get("Zorvex") != "PLACE"


def test_title_cased_and_after_an_organisation_word_parts_two_names():
    found = types("Funding from World Bank And Eurasian Development Bank was agreed.")
    assert found == {"World Bank": "ORG", "Eurasian Development Bank": "ORG"}


def test_body_named_by_its_head_of_an_acronym_is_one_name():
    found = types("Ministers met at the Council of the EU. The Minsk Group of the OSCE met.")
    assert (found["Council of the EU"], found["Minsk Group"], found["OSCE"]) == ("ORG",) * 3


def test_adjective_of_a_people_or_period_of_the_past_is_no_entity():
    assert types("Roman coins lay near a Roman fort that Victorian collectors missed.") == {}


def test_town_museum_and_art_gallery_is_one_institution():
    found = types("The coins will go to Shrewsbury Museum and Art Gallery next year.")
    assert found == {"Shrewsbury Museum and Art Gallery": "ORG"}


def test_motorway_in_a_county_or_before_a_crash_is_a_place_and_a_named_day_a_date():
    found = types(
        "He denies dangerous driving after the M4 crash on Boxing Day. The crash on the M4 in "
        "Berkshire closed it until Christmas Eve. The A380 in service since 2007 flew on."
    )
    assert (found["M4"], found["Boxing Day"], found["Christmas Eve"]) == ("PLACE", "DATE", "DATE")
    assert "A380" not in found


def test_club_ending_only_clubs_have_or_a_name_after_a_town_is_the_club():
    found = types(
        "Crewe Alexandra beat Leyton Orient 2-1 and Hamilton Academical lost to Accrington "
        "Stanley. The striker scored a penalty and the manager praised his squad, said Tony "
        "Stanley."
    )
    clubs = ("Crewe Alexandra", "Leyton Orient", "Hamilton Academical", "Accrington Stanley")
    assert [found[c] for c in clubs] == ["ORG"] * 4
    assert found["Tony Stanley"] == "PERSON"


def test_word_and_plural_that_speak_are_a_body_and_a_lake_or_tor_is_a_place():
    found = types(
        "National Highways said the road would reopen, Ann Lee said. Llyn Brianne was full "
        "and walkers on Haytor Tor were rescued."
    )
    assert (found["National Highways"], found["Ann Lee"]) == ("ORG", "PERSON")
    assert (found["Llyn Brianne"], found["Haytor Tor"]) == ("PLACE", "PLACE")


def test_region_of_britain_no_division_list_holds_is_a_place():
    found = types(
        "Andy Burnham, the Mayor of Greater Manchester, spoke. Floods hit Teesside and the "
        "Lake District, and the Mersey rose."
    )
    places = ("Greater Manchester", "Teesside", "Lake District", "Mersey")
    assert [found[p] for p in places] == ["PLACE"] * 4


def test_police_ranks_stay_outside_the_officer():
    found = types("Det Ch Insp Sam Wood and Det Supt Jane Hill of Kent Police spoke.")
    assert found == {"Sam Wood": "PERSON", "Jane Hill": "PERSON", "Kent Police": "ORG"}


def test_two_universities_joined_by_and_are_two_names():
    found = types("The University of Manchester and Manchester Metropolitan University closed.")
    assert found == {
        "University of Manchester": "ORG",
        "Manchester Metropolitan University": "ORG",
    }
