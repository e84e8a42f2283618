"""The name lists: disputed territories, former countries, regional divisions and heads
of state are found under one canonical name, and ambiguous surnames are left out."""

from __future__ import annotations

import pytest

from search.entities import extract_entities
from search.entities.lexicon import lexicon


def found(text: str) -> dict[str, tuple[str, str]]:
    """Surface text -> (type, canonical) for every mention in ``text``."""
    return {span.text: (span.type, span.canonical) for span in extract_entities(text)}


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        ("Shelling was reported in Karabakh overnight.", "Karabakh", "Nagorno-Karabakh"),
        ("Talks on Nagorno-Karabakh resumed.", "Nagorno-Karabakh", "Nagorno-Karabakh"),
        ("Officials in Artsakh declined to comment.", "Artsakh", "Nagorno-Karabakh"),
        ("A new road links Nakhchivan to the mainland.", "Nakhchivan", "Nakhchivan"),
        ("Trains to Nakhichevan were halted.", "Nakhichevan", "Nakhchivan"),
        ("Abkhazia held a vote on Sunday.", "Abkhazia", "Abkhazia"),
        ("Troops stayed in the Tskhinvali Region.", "Tskhinvali Region", "South Ossetia"),
        ("Transnistria relies on cheap gas.", "Transnistria", "Transnistria"),
        ("The corridor would cross Zangezur.", "Zangezur", "Zangezur"),
    ],
)
def test_disputed_territories_are_places_under_one_name(text, name, canonical):
    assert found(text)[name] == ("PLACE", canonical)


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        ("He was born in the Soviet Union in 1950.", "Soviet Union", "Soviet Union"),
        ("Trade with the USSR grew slowly.", "USSR", "Soviet Union"),
        ("Carpets from Persia sold well.", "Persia", "Iran"),
        ("Copper from Zaire reached the coast.", "Zaire", "Democratic Republic of the Congo"),
        ("The band toured Czechoslovakia twice.", "Czechoslovakia", "Czechoslovakia"),
        ("Tea from Ceylon arrived by sea.", "Ceylon", "Sri Lanka"),
    ],
)
def test_former_countries_are_places_under_their_own_or_todays_name(text, name, canonical):
    assert found(text)[name] == ("PLACE", canonical)


@pytest.mark.parametrize(
    "name", ["Syunik", "Gegharkunik", "Kakheti", "Shusha", "Kalbajar", "Dagestan", "Sughd"]
)
def test_regional_divisions_are_places_in_their_plain_spelling(name):
    assert found(f"Farmers in {name} protested on Friday.")[name][0] == "PLACE"


@pytest.mark.parametrize(
    ("text", "name", "canonical"),
    [
        ("Trump said the deal was off.", "Trump", "Donald Trump"),
        ("Xi met the delegation in the capital.", "Xi", "Xi Jinping"),
        ("Blinken called for calm.", "Blinken", "Antony Blinken"),
        ("Erdogan spoke first.", "Erdogan", "Recep Tayyip Erdoğan"),
        ("Pashinyan and Bayramov signed the text.", "Bayramov", "Jeyhun Bayramov"),
    ],
)
def test_a_head_of_state_or_minister_alone_is_a_person(text, name, canonical):
    assert found(text)[name] == ("PERSON", canonical)


def test_a_surname_two_leaders_share_is_not_given_to_either():
    canonicals = {span.canonical for span in extract_entities("Aliyev said no.")}
    assert not canonicals & {"Ilham Aliyev", "Heydar Aliyev"}


def test_surnames_that_are_words_or_names_stay_out():
    for word in ("Bush", "May", "Brown", "Johnson", "Medvedev", "Sharif", "Khan"):
        assert lexicon().known.get(word, ("",))[0] != "PERSON", word
    assert found("In May the bush fires spread.").get("May", ("DATE",))[0] == "DATE"


def test_listed_surnames_alone_are_neither_places_nor_shared():
    lex = lexicon()
    people = {name: canonical for name, (kind, canonical) in lex.known.items() if kind == "PERSON"}
    surnames: dict[str, set[str]] = {}
    for canonical in set(people.values()):
        surnames.setdefault(canonical.split()[-1], set()).add(canonical)
    lone = [(name, canonical) for name, canonical in people.items() if " " not in name]
    assert ("Putin", "Vladimir Putin") in lone
    for name, canonical in lone:
        assert name not in lex.towns, name
        assert len(surnames.get(name, {canonical})) == 1, name


def test_a_full_name_after_a_title_stays_one_person():
    text = "Russian President Vladimir Putin met Foreign Minister Ararat Mirzoyan."
    assert found(text)["Vladimir Putin"] == ("PERSON", "Vladimir Putin")
    assert found(text)["Ararat Mirzoyan"] == ("PERSON", "Ararat Mirzoyan")


def test_a_region_spelt_like_a_name_stem_does_not_make_the_name_an_adjective():
    # "Susa" (Şuşa without its marks) would make "Susan" look like a demonym.
    assert found("Susan Chepkemei won the race.")["Susan Chepkemei"][0] == "PERSON"
