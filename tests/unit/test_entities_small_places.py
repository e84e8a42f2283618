"""Small places in plain news: towns, counties and natural features that have no cue
word and that the shape of a name would make an organisation or a person (short
texts written for each error class)."""

from __future__ import annotations

import pytest

from search.entities import extract_entities


def types(text: str) -> dict[str, str]:
    """Surface text -> type for every mention in ``text``."""
    return {span.text: span.type for span in extract_entities(text)}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Frequent words in English text only as the places themselves.
        ("Ferries from Dover to Calais were full on Sunday.", ["Dover", "Calais"]),
        ("Karen Wilde, 46, from Crawley, was due to fly.", ["Crawley"]),
        # Counties of Britain and Ireland, departments of France.
        ("Floods closed roads across Pembrokeshire and Ceredigion.", ["Pembrokeshire"]),
        ("The golfer from Offaly finished second.", ["Offaly"]),
        ("Vineyards in the Gironde lost half their crop.", ["Gironde"]),
        # A town of a few thousand people, and a city of three letters.
        ("The police in Oban said the road was shut.", ["Oban"]),
        ("Trade between Osh and Kashgar grew by a third.", ["Osh"]),
    ],
)
def test_a_small_place_with_no_cue_is_a_place(text, places):
    found = types(text)
    for place in places:
        assert found[place] == "PLACE", place


def test_a_county_spelt_like_a_given_name_is_a_place_only_where_a_word_says_so():
    assert types("She grew up in Devon and moved to Kent.") == {"Devon": "PLACE", "Kent": "PLACE"}
    assert types("Devon Conway scored 40 before lunch.") == {"Devon Conway": "PERSON"}


def test_a_town_spelt_like_a_lower_case_word_stays_unmarked():
    assert types("Walnut trees grow well on that side of the valley.") == {}


def test_in_a_sports_report_a_town_or_city_before_of_is_the_club_unless_it_is_placed():
    report = (
        "Leeds finished 13 points ahead of Sunderland, and the striker scored a penalty "
        "in the 2-1 win. Brentford beat Burnley 1-0 at the weekend and the manager praised "
        "his squad. Fans from Sunderland travelled south for the match."
    )
    spans = [(s.text, s.type) for s in extract_entities(report)]
    assert spans[:2] == [("Leeds", "ORG"), ("Sunderland", "ORG")]
    assert ("Brentford", "ORG") in spans
    assert spans[-1] == ("Sunderland", "PLACE")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("He won by one shot at St Andrews on Sunday.", "St Andrews"),
        ("Repairers based in San Luis Obispo, California, took it apart.", "San Luis Obispo"),
        ("Mining in the Democratic Republic of Congo grew.", "Democratic Republic of Congo"),
    ],
)
def test_a_town_of_several_words_is_one_place_not_a_person(text, place):
    assert types(text)[place] == "PLACE"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The River Taff burst its banks in the town centre.", "River Taff"),
        ("Forecasters said 60mm of rain fell in the Brecon Beacons.", "Brecon Beacons"),
        ("The Severn Bridge was closed to lorries.", "Severn Bridge"),
        ("Fleetwood led by two at the Old Course.", "Old Course"),
        ("Water from the Syr Darya is shared by four countries.", "Syr Darya"),
    ],
)
def test_rivers_hills_bridges_and_courses_are_places(text, place):
    assert types(text)[place] == "PLACE"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Budget airline Ryanair has cancelled 400 flights.", "Ryanair"),
        ("Electricity company National Grid said 5,000 homes had no power.", "National Grid"),
    ],
)
def test_a_word_for_a_kind_of_firm_opening_a_sentence_is_no_organisation(text, company):
    assert types(text) == {company: "ORG"}


def test_a_special_envoy_is_a_title_not_part_of_a_country():
    found = types("USA Special Envoy Steve Witkoff visited Yerevan.")
    assert found == {"USA": "PLACE", "Steve Witkoff": "PERSON", "Yerevan": "PLACE"}


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("It was over.\n\nWest Yorkshire Police said it would appeal.", "West Yorkshire Police"),
        ("The west of the county flooded. West Midlands Police said so.", "West Midlands Police"),
        ("A tree fell near Bodmin, Devon and Cornwall Police said.", "Devon and Cornwall Police"),
    ],
)
def test_a_police_force_named_by_its_places_is_one_organisation(text, force):
    found = types(text)
    assert found[force] == "ORG"
    assert "West" not in found
    assert "Devon" not in found


def test_two_counties_joined_by_and_stay_two_places():
    assert types("Rain hit Devon and Cornwall on Monday.")["Cornwall"] == "PLACE"


def test_rivers_named_after_the_word_river_are_places():
    assert types("Flooding along the rivers Exe and Tamar closed roads.") == {
        "Exe": "PLACE",
        "Tamar": "PLACE",
    }


def test_a_royal_town_is_a_place():
    assert types("He led by two at Royal Portrush on Sunday.")["Royal Portrush"] == "PLACE"


def test_saint_before_a_name_that_no_one_bears_is_no_person():
    found = types("They play St Mirren on Saturday, and the striker is fit.")
    assert found["St Mirren"] == "ORG"
    assert "Mirren" not in found


def test_a_name_that_opens_a_list_of_places_is_a_place():
    found = types("Flights to and from Nice, Lyon and Toulouse were cut.")
    assert found == {"Nice": "PLACE", "Lyon": "PLACE", "Toulouse": "PLACE"}


@pytest.mark.parametrize(
    ("text", "road"),
    [
        ("A tree fell on the A30 near Bodmin.", "A30"),
        ("The crash closed the M4 motorway for six hours.", "M4"),
    ],
)
def test_a_road_number_among_words_of_roads_is_a_place(text, road):
    assert types(text)[road] == "PLACE"


def test_an_aircraft_named_like_a_road_is_no_place():
    assert types("The A380 superjumbo flew to Dubai.") == {"Dubai": "PLACE"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Sunderland scored twice at the Stadium of Light on Saturday.", "Stadium of Light"),
        ("MPs returned to the Palace of Westminster.", "Palace of Westminster"),
        ("The fire started in a flat in Tower Hamlets.", "Tower Hamlets"),
    ],
)
def test_stadiums_palaces_and_london_boroughs_are_places(text, place):
    assert types(text)[place] == "PLACE"


def test_a_named_storm_is_weather_not_a_person_or_a_place():
    assert types("Storm Darragh brought winds of 90mph to Aberystwyth.") == {"Aberystwyth": "PLACE"}
    assert types("Hurricane Milton hit Florida.") == {"Florida": "PLACE"}


def test_a_club_of_creditors_makes_no_sports_report():
    text = (
        "The Paris Club of creditors agreed to freeze the debt. The Paris Club said most "
        "of the money was for the rebuilding of Aceh province. Paris Club members met "
        "again, and the Paris Club chairman said the club would decide by the season's end."
    )
    assert ("Aceh", "PLACE") in [(s.text, s.type) for s in extract_entities(text)]


def test_a_cup_report_with_a_replay_and_a_keeper_names_clubs_by_their_towns():
    report = (
        "Brentford face a home tie against Southampton in the FA Cup if they win their "
        "replay. Their keeper was the hero in the 1-1 draw, and the League One side "
        "believe they can beat Southampton again."
    )
    found = [(s.text, s.type) for s in extract_entities(report)]
    assert ("Brentford", "ORG") in found
    assert ("Southampton", "ORG") in found


def test_a_town_before_a_players_role_is_the_club():
    found = types("The best chances fell to Pompey striker Ricardo Fuller.")
    assert found == {"Pompey": "ORG", "Ricardo Fuller": "PERSON"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Villages of Britain of a thousand or two people, with no cue or after "and".
        ("Trains will no longer wait at Hellifield for connections.", "Hellifield"),
        (
            "The first train from Appleby-in-Westmorland and Kirkby Stephen leaves at 07:40.",
            "Kirkby Stephen",
        ),
    ],
)
def test_british_village_is_a_place(text, place):
    assert types(text)[place] == "PLACE"


def test_given_name_before_a_town_is_a_person_whatever_describes_her():
    text = (
        "The candidate, Karen Whitby, a former nurse and district councillor from Heanor, "
        "won. Whitby thanked voters."
    )
    found = types(text)
    assert (found["Karen Whitby"], found["Whitby"], found["Heanor"]) == (
        "PERSON",
        "PERSON",
        "PLACE",
    )
