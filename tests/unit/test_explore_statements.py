"""Who said what: quotations and reported speech attributed to named speakers."""

from __future__ import annotations

import re

import pytest

from search.explore.statements import DIRECT, REPORTED, find_statements
from search.models.articles import EntitySpan

NAMES = {
    "Ilham Aliyev": ("PERSON", "Ilham Aliyev"),
    "Aliyev": ("PERSON", "Ilham Aliyev"),
    "Shehbaz Sharif": ("PERSON", "Shehbaz Sharif"),
    "Sharif": ("PERSON", "Shehbaz Sharif"),
    "Nikol Pashinyan": ("PERSON", "Nikol Pashinyan"),
    "Foreign Ministry": ("ORG", "Foreign Ministry"),
    "Met Office": ("ORG", "Met Office"),
    "Matthew Lehnert": ("PERSON", "Matthew Lehnert"),
    "Baku": ("PLACE", "Baku"),
}


def entities(text: str) -> list[EntitySpan]:
    """The names above wherever they stand in ``text``, longest first."""
    spans: list[EntitySpan] = []
    for name in sorted(NAMES, key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            if any(s.start < match.end() and match.start() < s.end for s in spans):
                continue
            kind, canonical = NAMES[name]
            spans.append(EntitySpan(match.start(), match.end(), kind, name, canonical))
    return spans


def statements(text: str) -> list[tuple[str, str, str]]:
    return [
        (s.speaker, s.kind, text[s.start : s.end]) for s in find_statements(text, entities(text))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“We have chosen the way of independence,” Aliyev said.",
        "“We have chosen the way of independence,” said Aliyev.",
        "“We have chosen the way of independence,” said Ilham Aliyev, in Baku.",
        "Aliyev said: “We have chosen the way of independence.”",
        'Aliyev stated, "We have chosen the way of independence."',
        "Ilham Aliyev told reporters in Baku: «We have chosen the way of independence.»",
    ],
)
def test_a_quotation_is_attributed_to_the_speaker_beside_it(text):
    [(speaker, kind, words)] = statements(text)
    assert (speaker, kind) == ("Ilham Aliyev", DIRECT)
    assert words.startswith("We have chosen the way of independence")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "According to Sharif, the projects will be signed in November.",
            "the projects will be signed in November",
        ),
        (
            "The projects will be signed in November, according to Sharif.",
            "The projects will be signed in November",
        ),
        (
            "Sharif said that the projects will be signed in November.",
            "the projects will be signed in November",
        ),
        (
            "Shehbaz Sharif told Aliyev on Monday that the projects will be signed in November.",
            "the projects will be signed in November",
        ),
    ],
)
def test_reported_speech_keeps_the_clause_and_its_speaker(text, words):
    assert statements(text) == [("Shehbaz Sharif", REPORTED, words)]


def test_he_and_a_title_stand_for_the_person_named_before_them_in_the_paragraph():
    text = (
        "Ilham Aliyev met Shehbaz Sharif in Baku. “Our trade will double this year,” "
        "the Pakistani prime minister said. “We agree on every point raised,” he added."
    )
    assert [speaker for speaker, _, _ in statements(text)] == ["Shehbaz Sharif", "Shehbaz Sharif"]


def test_a_pronoun_does_not_reach_into_another_paragraph():
    text = "Ilham Aliyev arrived in Baku.\n\n“We agree on every point raised,” he said."
    assert statements(text) == []


def test_an_organisation_can_speak_but_a_place_cannot():
    text = (
        "“The talks will continue next week,” the Foreign Ministry said. "
        "“The talks will continue next week,” Baku said."
    )
    assert statements(text) == [("Foreign Ministry", DIRECT, "The talks will continue next week,")]


def test_a_quotation_nobody_is_named_for_is_left_out():
    assert statements("“The talks will continue next week,” a source said.") == []
    assert statements("The slogan “peace for our time and always” was everywhere.") == []


def test_he_is_the_subject_named_first_not_the_person_met_at_the_end():
    text = (
        "Nikol Pashinyan arrived in Baku for talks with Ilham Aliyev. "
        "“We have many questions to discuss,” he said."
    )
    assert [speaker for speaker, _, _ in statements(text)] == ["Nikol Pashinyan"]


def test_a_surname_the_extractor_kept_apart_is_named_by_the_full_name_before_it():
    text = "Olaf Scholz spoke first. “We will hold the vote in January,” Scholz said."
    spans = [
        EntitySpan(0, 11, "PERSON", "Olaf Scholz", "Olaf Scholz"),
        EntitySpan(61, 67, "PERSON", "Scholz", "Scholz"),
    ]
    assert text[61:67] == "Scholz"
    assert [s.speaker for s in find_statements(text, spans)] == ["Olaf Scholz"]


def test_a_statement_with_its_speaker_after_it_is_reported():
    text = "Growth will reach three percent next year, Shehbaz Sharif told parliament."
    assert statements(text) == [
        ("Shehbaz Sharif", REPORTED, "Growth will reach three percent next year")
    ]


def test_a_person_named_with_their_organisation_is_the_speaker():
    text = '"Roads could be cut off for days," said Met Office forecaster Matthew Lehnert.'
    assert statements(text) == [("Matthew Lehnert", DIRECT, "Roads could be cut off for days,")]
    text = "Met Office forecaster Matthew Lehnert said that the cold would ease by Saturday."
    assert statements(text) == [("Matthew Lehnert", REPORTED, "the cold would ease by Saturday")]


def test_a_quotation_over_two_sentences_is_one_statement():
    text = '"The old law came from the coup. We deserve a civil law," Aliyev said.'
    assert statements(text) == [
        ("Ilham Aliyev", DIRECT, "The old law came from the coup. We deserve a civil law,")
    ]
