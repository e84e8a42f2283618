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


MATCH_REPORT = (
    "Leeds beat Burnley 2-1 at Elland Road on Saturday. The striker scored twice and "
    "his manager praised the squad. Burnley had a penalty saved before half-time. "
    "Thousands of fans from Burnley had travelled to Leeds for the match."
)


def test_a_city_is_its_club_in_a_match_report_and_a_place_after_in_or_from():
    spans = [(s.text, s.type) for s in extract_entities(MATCH_REPORT)]
    assert spans[:2] == [("Leeds", "ORG"), ("Burnley", "ORG")]
    assert ("Burnley", "PLACE") in spans  # "fans from Burnley"
    assert spans[-1] == ("Leeds", "PLACE")  # "travelled to Leeds"


def test_a_city_outside_sport_stays_a_place():
    text = "Leeds council said the new tram line would open in 2030, and Leeds would pay half."
    assert {s.type for s in extract_entities(text) if s.text == "Leeds"} == {"PLACE"}


def test_a_country_is_a_place_even_in_a_match_report():
    text = "England beat India by five wickets; the bowler took three wickets in the innings."
    assert types(text)["England"] == "PLACE"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Factories in Saxony and Thuringia will close.", "Thuringia"),
        ("The island of Crete and the Peloponnese were hit by fires.", "Peloponnese"),
        ("Workers returned to Sumgait, Ganja and other cities.", "Sumgait"),
    ],
)
def test_regions_and_towns_in_their_english_spelling_are_places(text, name):
    assert types(text)[name] == "PLACE"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The permit was granted by the province of South Holland.", "South Holland"),
        ("Snow closed the road over the Stelvio Pass on Monday.", "Stelvio Pass"),
        ("Queues formed at Liverpool John Lennon Airport.", "Liverpool John Lennon Airport"),
        ("Fans gathered on the Place du Capitole after the game.", "Place du Capitole"),
        ("Smoke reached the town of Flin Flon by noon.", "Flin Flon"),
        ("Trains between Oberwald and Andermatt were stopped.", "Oberwald"),
        ("Four councils, including Sliedrecht, joined the claim.", "Sliedrecht"),
    ],
)
def test_place_words_and_listed_towns_make_places(text, name):
    assert types(text)[name] == "PLACE"


@pytest.mark.parametrize(
    "text",
    [
        "NASA delays its Moon flight as the rover heads for Mars.",
        "Unions in Italy welcomed the agreement.",
        "Chipmaker cuts forecast as demand slows",
    ],
)
def test_planets_and_common_nouns_opening_a_sentence_are_no_entities(text):
    assert set(types(text)) <= {"NASA", "Italy"}


def test_a_name_of_a_country_is_a_person_from_there_and_a_company_of_one_splits():
    text = "Okello Wanjiru of Uganda won the race. Later, Veltrix of France bought the team."
    assert [(s.text, s.type) for s in extract_entities(text)] == [
        ("Okello Wanjiru", "PERSON"),
        ("Uganda", "PLACE"),
        ("Veltrix", "ORG"),
        ("France", "PLACE"),
    ]


def test_a_pair_whose_first_word_is_no_english_word_is_a_person_despite_a_common_surname():
    assert types("The loss of Tavish Smith to injury was a blow.")["Tavish Smith"] == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "Engineers found a fault in the Orion capsule.",
        "Her Eras tour ended in Vancouver.",
        "He has had an Achilles injury since April.",
    ],
)
def test_a_name_before_a_product_or_mission_noun_is_no_entity(text):
    assert set(types(text)) <= {"Vancouver", "April"}


def test_saint_in_a_city_name_is_read_in_all_three_spellings():
    for name in ("St Louis", "St. Louis", "Saint Louis"):
        assert types(f"She studied in {name} for a year.")[name] == "PLACE"


def test_a_common_word_in_capitals_is_no_organisation_unless_a_cue_says_so():
    text = "The Chancellor will deliver the Budget. The results appeared in the journal Nature."
    assert types(text) == {"Nature": "ORG"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The show was on Channel 4 last night.", {"Channel 4": "ORG"}),
        ("Lords voted against the bill, and the Commons will decide.", None),
        ("Microsoft will release a new Xbox and a Windows update.", {"Microsoft": "ORG"}),
        ("Wales won the Six Nations and the Grand Slam.", {"Wales": "PLACE"}),
    ],
)
def test_broadcasters_houses_products_and_tournaments(text, expected):
    expected = expected or {"Lords": "ORG", "Commons": "ORG"}
    assert types(text) == expected


def test_a_tennis_report_keeps_its_city_a_place():
    text = (
        "Sharapova beat Kuznetsova 6-4 6-2 in the semi-final. Her coach said the match "
        "was hard, and Beijing organisers were pleased with the season."
    )
    assert types(text)["Beijing"] == "PLACE"


@pytest.mark.parametrize(
    ("text", "name", "entity_type"),
    [
        ("He studied at the London School of Economics.", "London School of Economics", "ORG"),
        ("Singer-songwriter Paddy Casey won the award.", "Paddy Casey", "PERSON"),
    ],
)
def test_a_place_named_school_and_a_role_opening_a_sentence(text, name, entity_type):
    assert types(text)[name] == entity_type


def test_letters_after_a_name_stay_out_and_its_surname_is_the_same_person():
    text = "Finance Secretary Tom McCabe MSP said councils must act. McCabe added more."
    assert [(s.text, s.type) for s in extract_entities(text)] == [
        ("Tom McCabe", "PERSON"),
        ("McCabe", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He met Ed Sullivan on the show.", "Ed Sullivan"),
        ("US Undersecretary of State John Bolton said no.", "John Bolton"),
    ],
)
def test_short_given_names_and_more_titles_make_people(text, name):
    assert types(text)[name] == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ruling Georgian Dream party won.", "Georgian Dream"),
        ("A campaigner with the charity Christian Aid said fines were low.", "Christian Aid"),
        ("The Islamic Revolutionary Guard Corps held drills.", "Islamic Revolutionary Guard Corps"),
        ("The Pan American Health Organization said so.", "Pan American Health Organization"),
        ("The Russian Foreign Ministry said no.", "Foreign Ministry"),
        ("Merseyside Police said the night passed off.", "Merseyside Police"),
    ],
)
def test_a_nationality_word_opens_an_organisations_name_but_not_a_ministrys(text, name):
    assert types(text)[name] == "ORG"


def test_a_place_word_before_of_and_a_country_stays_one_place():
    assert types("Output in the Gulf of Mexico fell.") == {"Gulf of Mexico": "PLACE"}


def test_an_organisation_word_opening_a_sentence_is_no_name_unless_it_names_one():
    text = "Oil exports fell. Parliament passed the law, and Labour voted for it."
    assert types(text) == {"Parliament": "ORG", "Labour": "ORG"}


def test_technical_abbreviations_and_award_nights_are_no_entities():
    text = "SUV sales rose before the IPO. She won at the Golden Globes and the Superbowl."
    assert types(text) == {}


def test_a_county_before_its_name_is_a_place():
    assert types("The plant in County Durham will close.") == {"County Durham": "PLACE"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Morrissey said he would tour again.", "Morrissey"),
        ("Later, Okonjo, 32, took the stage.", "Okonjo"),
        ("The case involved the Gupta family and its companies.", "Gupta"),
    ],
)
def test_an_age_a_pronoun_after_said_or_a_family_make_a_person(text, name):
    assert types(text)[name] == "PERSON"


@pytest.mark.parametrize(
    "text",
    [
        "The budget comes before the General Election.",
        "The last film in the Lord of the Rings trilogy made money.",
    ],
)
def test_a_title_word_before_an_event_or_a_work_makes_no_person(text):
    assert "PERSON" not in types(text).values()


def test_competitions_are_no_entities_and_a_rival_firm_is_no_person():
    text = "Chelsea reached the Champions League final. The offer from rival Xstrata was low."
    assert types(text) == {"Chelsea": "ORG", "Xstrata": "ORG"}


@pytest.mark.parametrize(
    ("text", "name", "entity_type"),
    [
        ("Voting was slow in remote districts such as Humla.", "Humla", "PLACE"),
        ("Officials in the Alentejo extended voting.", "Alentejo", "PLACE"),
        ("Chelsea are top in the Premiership.", "Premiership", "ORG"),
        ("Members in the Senedd voted.", "Senedd", "ORG"),
    ],
)
def test_in_the_and_such_as_after_place_nouns_place_a_name_leagues_excepted(
    text, name, entity_type
):
    assert types(text)[name] == entity_type


def test_a_common_word_after_in_is_no_place():
    assert "PLACE" not in types("Prices rose in Spring and fell in the Matrix sequel.").values()


def test_a_region_is_its_side_in_a_match_report_but_a_country_is_not():
    text = (
        "Leinster beat Ulster 24-10 on Saturday. The fly-half scored two tries and the "
        "coach praised the squad. Ireland play Wales next week; fans in Ulster were glum."
    )
    spans = [(s.text, s.type) for s in extract_entities(text)]
    assert spans[:2] == [("Leinster", "ORG"), ("Ulster", "ORG")]
    assert ("Ireland", "PLACE") in spans and ("Wales", "PLACE") in spans
    assert spans[-1] == ("Ulster", "PLACE")


def test_a_city_before_derby_or_rivals_stays_a_place_in_a_match_report():
    text = (
        "Chelsea beat Arsenal 2-1 in the London derby. The manager praised the squad and "
        "the striker scored twice."
    )
    assert types(text) == {"Chelsea": "ORG", "Arsenal": "ORG", "London": "PLACE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Li Na won the match.", {"Li Na": "PERSON"}),
        ("The Federation said it would act.", {}),
    ],
)
def test_chinese_family_names_and_generic_bodies(text, expected):
    assert types(text) == expected


def test_a_hyphenated_common_word_opening_a_sentence_is_no_name():
    assert types("Full-time staff left the plant. Long-term plans were set.") == {}


def test_people_known_by_one_name_are_people():
    text = "U2 frontman Bono and Beyonce sang. Ronaldinho scored."
    assert types(text) == {"Bono": "PERSON", "Beyonce": "PERSON", "Ronaldinho": "PERSON"}


def test_a_city_and_city_or_town_is_a_club_unless_the_whole_is_a_listed_city():
    text = "Exeter City drew with Ipswich Town. He flew on to Mexico City."
    assert types(text) == {"Exeter City": "ORG", "Ipswich Town": "ORG", "Mexico City": "PLACE"}


def test_a_language_adjective_is_no_place():
    assert types("In Spanish-speaking countries it sold well.") == {}


def test_months_ending_a_range_are_dates_but_may_after_and_is_left_alone():
    text = "Sales ran from October to April and rose in the months to September. Bill and May met."
    dates = [s.text for s in extract_entities(text) if s.type == "DATE"]
    assert dates == ["October", "April", "September"]


def test_amounts_in_rand_kwacha_and_kroner_are_money():
    text = "Contracts worth R54 billion, MK150 billion and NOK 40 million were signed."
    money = [s.text for s in extract_entities(text) if s.type == "MONEY"]
    assert money == ["R54 billion", "MK150 billion", "NOK 40 million"]


def test_from_a_place_to_a_name_makes_a_place_and_contractions_are_no_names():
    text = "Don't worry, the line runs from Edinburgh to Tweedbank, said the Sri Lankan."
    assert types(text) == {"Edinburgh": "PLACE", "Tweedbank": "PLACE"}


def test_a_wharf_is_a_place():
    assert types("Offices at Canary Wharf emptied.") == {"Canary Wharf": "PLACE"}


def test_counties_and_english_city_names_are_places_and_still_open_peoples_names():
    text = "Devon singer Joss Stone won in Venice. Devon Malcolm bowled for Kent."
    assert types(text) == {
        "Devon": "PLACE",
        "Joss Stone": "PERSON",
        "Venice": "PLACE",
        "Devon Malcolm": "PERSON",
        "Kent": "PLACE",
    }


def test_an_age_before_a_name_makes_a_person_and_stays_out_of_it():
    text = "Seventeen-year-old Stone won the prize. The 23-year-old Prutton left."
    assert types(text) == {"Stone": "PERSON", "Prutton": "PERSON"}


def test_an_adjective_opening_a_sentence_and_device_abbreviations_are_no_names():
    assert types("Downloadable games sold well. The DVR market grew.") == {}


@pytest.mark.parametrize(
    ("text", "name", "entity_type"),
    [
        ("The mayor of Cannes said visitor numbers were up.", "Cannes", "PLACE"),
        ("Police were sent to the town on the Riviera.", "Riviera", "PLACE"),
        ("She thanked her collaborator A. G. Cook.", "A. G. Cook", "PERSON"),
        ("Arsenal are linked with Eberechi Eze of Crystal Palace.", "Eberechi Eze", "PERSON"),
        ("Owner Kyril Louis-Dreyfus said no.", "Kyril Louis-Dreyfus", "PERSON"),
        ("Protesters gathered outside the Capitol.", "Capitol", "PLACE"),
        ("The final was broadcast on BBC One.", "BBC One", "ORG"),
    ],
)
def test_cues_for_places_people_and_channels(text, name, entity_type):
    assert types(text)[name] == entity_type


@pytest.mark.parametrize(
    "text",
    [
        "Sean Baker, whose film Anora won the Palme d'Or, sat on the jury.",
        "He performed his hit Stargazing with a string section.",
    ],
)
def test_a_work_after_its_kind_and_a_prize_are_no_entities(text):
    assert set(types(text)) <= {"Sean Baker"}


def test_a_month_after_the_end_of_is_a_date():
    dates = [s.text for s in extract_entities("Profits fell in the six months to the end of June.")]
    assert dates == ["June"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Scottish Labour leader Anas Sarwar said no.", "Scottish Labour"),
        ("The Welsh Conservatives agreed.", "Welsh Conservatives"),
        ("The US Senate passed the bill.", "US Senate"),
    ],
)
def test_a_party_branch_and_a_chamber_named_with_their_country_are_one_organisation(text, name):
    assert types(text)[name] == "ORG"


def test_a_comma_after_a_kind_of_work_ends_the_cue():
    assert types("In the film, Tavish Okafor plays a spy.") == {"Tavish Okafor": "PERSON"}
