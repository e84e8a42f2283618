"""Local news: ranges of days, councils named after a place with "of", towns opening with
an ordinary word, places told by where people come from, coasts and hills, counties made
of two names, canals between two towns, firms named by a plural of their trade, words
for a kind of firm opening a sentence, and places whose last word is also a surname
(short texts written for each error class)."""

from __future__ import annotations

from search.entities import extract_entities


def types(text: str) -> dict[str, str]:
    """Surface text -> type for every mention in ``text``."""
    return {span.text: span.type for span in extract_entities(text)}


def dates(text: str) -> list[str]:
    return [span.text for span in extract_entities(text) if span.type == "DATE"]


def test_a_range_of_days_with_to_is_one_date():
    assert dates("Staff will walk out from Tuesday 3 June to Thursday 5 June.") == [
        "Tuesday 3 June to Thursday 5 June"
    ]
    assert dates("The library opens 09:00 to 17:00, Tuesday to Friday, and") == [
        "Tuesday to Friday"
    ]
    assert dates("The show runs from 2 April to 14 May in the hall.") == ["2 April to 14 May"]


def test_months_and_years_in_a_range_stay_two_dates():
    assert dates("Prices rose from March to June, and from 2019 to 2023.") == [
        "March",
        "June",
        "2019",
        "2023",
    ]


def test_council_named_after_a_place_with_of_is_one_organisation():
    found = types("A spokesman for Isle of Wight Council said the ferry would run.")
    assert found == {"Isle of Wight Council": "ORG"}


def test_town_whose_name_opens_with_an_ordinary_word_is_one_place():
    found = types("The fair moved from Market Harborough to Much Hadham this year.")
    assert (found["Market Harborough"], found["Much Hadham"]) == ("PLACE", "PLACE")


def test_where_ordinary_people_come_from_is_a_place():
    found = types(
        "Jean Marsh, a retired teacher from Brinkworth Magna, found the ring. A 40-year-old "
        "from Oddington was arrested about three miles north of Carrow Point."
    )
    assert found["Brinkworth Magna"] == "PLACE"
    assert found["Oddington"] == "PLACE"
    assert found["Carrow Point"] == "PLACE"


def test_a_coast_or_hills_after_a_name_make_it_a_place():
    found = types("Homes on the Fylde coast and farms in the Quantock hills were flooded.")
    assert (found["Fylde"], found["Quantock"]) == ("PLACE", "PLACE")


def test_county_of_two_names_and_a_canal_between_two_towns_are_one_place():
    found = types(
        "Buses in Tyne and Wear were cancelled, and a barge sank in the Kennet and Avon Canal."
    )
    assert found == {"Tyne and Wear": "PLACE", "Kennet and Avon Canal": "PLACE"}


def test_firm_named_by_the_plural_of_its_trade_is_an_organisation():
    found = types("Workers at Hillcrest Homes and Moorland Buses said Sony Music had paid.")
    assert [found[n] for n in ("Hillcrest Homes", "Moorland Buses", "Sony Music")] == ["ORG"] * 3


def test_word_for_a_kind_of_firm_opening_a_sentence_stays_outside_the_name():
    found = types("Housebuilder Ashdown Estates Group cut jobs. Promoter Kilimanjaro Live said no.")
    assert found == {"Ashdown Estates Group": "ORG", "Kilimanjaro Live": "ORG"}


def test_place_ending_in_a_surname_word_is_a_place_unless_a_given_name_opens_it():
    found = types("The path runs from Selsey Point to Hackney Marsh, Graham Hill said.")
    assert (found["Selsey Point"], found["Hackney Marsh"]) == ("PLACE", "PLACE")
    assert found["Graham Hill"] == "PERSON"


def test_police_force_of_two_places_is_one_organisation():
    found = types("A spokesman for Dyfed and Powys Police said the road was closed.")
    assert found == {"Dyfed and Powys Police": "ORG"}


def test_a_description_ending_in_a_word_for_a_body_types_the_name_before_it():
    found = types("Later, Tarvo, the county's bus operator, said fares would rise.")
    assert found == {"Tarvo": "ORG"}


def test_two_unknown_words_after_in_are_a_village():
    assert types("Flooding closed roads in Brompton Regis on Monday.")["Brompton Regis"] == "PLACE"


def test_organisation_after_a_place_based_adjective_is_still_found():
    found = types("The Hague-based Permanent Court of Arbitration ruled on Friday.")
    assert found["Permanent Court of Arbitration"] == "ORG"


def test_a_named_telescope_or_probe_is_no_entity():
    text = "Images from the Kepler Space Telescope and the Parker Solar Probe were released."
    assert types(text) == {}


def test_a_saints_name_opens_a_school_or_a_district_and_stays_inside_it():
    found = types("Pupils at St Anne's Junior School moved to a site in St Mark's Wood.")
    assert found == {"St Anne's Junior School": "ORG", "St Mark's Wood": "PLACE"}


def test_castles_are_places_and_dukes_are_titles():
    found = types("The Duchess of Kent opened the garden at Caerphilly Castle.")
    assert found == {"Kent": "PLACE", "Caerphilly Castle": "PLACE"}
