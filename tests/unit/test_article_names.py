"""An article's names as the index's column keeps them: what goes in comes back out."""

from __future__ import annotations

from search.explore.article_data import SharedSentence
from search.explore.article_names import NamedEntity, article_names, decode, encode
from search.models.articles import EntitySpan

# The spans of "On 2 July Ilham Aliyev met Nikol Pashinyan in Baku. Aliyev said Aliyev's
# Baku was ready. Aliyev ...", a date first: only names count.
SPANS = [
    EntitySpan(3, 9, "DATE", "2 July", "2 July"),
    EntitySpan(10, 22, "PERSON", "Ilham Aliyev", "Ilham Aliyev"),
    EntitySpan(27, 42, "PERSON", "Nikol Pashinyan", "Nikol Pashinyan"),
    EntitySpan(46, 50, "PLACE", "Baku", "Baku"),
    EntitySpan(52, 58, "PERSON", "Aliyev", "Ilham Aliyev"),
    EntitySpan(64, 72, "PERSON", "Aliyev's", "Ilham Aliyev"),
    EntitySpan(73, 77, "PLACE", "Baku", "Baku"),
    EntitySpan(78, 84, "PERSON", "Aliyev", "Ilham Aliyev"),
]
SHARED = [
    SharedSentence(
        0, 41, (("PERSON", "Ilham Aliyev"), ("PERSON", "Nikol Pashinyan"), ("PLACE", "Baku"))
    ),
    SharedSentence(42, 69, (("PERSON", "Ilham Aliyev"), ("PLACE", "Baku"))),
]


def test_names_and_shared_sentences_come_back_as_they_went_in():
    names = article_names("a1", "2024-07-02", SPANS, SHARED)
    # Each other form with how often it was written, the most written first.
    assert names.named(("PERSON", "Ilham Aliyev")) == NamedEntity(
        "PERSON", "Ilham Aliyev", 4, (("Aliyev", 2), ("Aliyev's", 1))
    )
    assert names.named(("PLACE", "Baku")) == NamedEntity("PLACE", "Baku", 2)
    assert names.named(("DATE", "2 July")) is None  # dates and amounts name no one
    assert decode(encode(names)) == names


def test_a_page_about_one_name_keeps_its_own_entry_and_its_sentences():
    found = decode(encode(article_names("a1", None, SPANS, SHARED)), ("PERSON", "Nikol Pashinyan"))
    assert found.date is None
    assert found.names == (NamedEntity("PERSON", "Nikol Pashinyan", 1),)
    aliyev = decode(encode(article_names("a1", None, SPANS, SHARED)), ("PERSON", "Ilham Aliyev"))
    assert aliyev.names[0].forms == (("Aliyev", 2), ("Aliyev's", 1))
    assert [s.start for s in found.shared] == [0]
    assert found.shared[0].names == SHARED[0].names
    assert decode(encode(article_names("a1", None, SPANS, SHARED)), ("ORG", "Nobody")).shared == ()


def test_separator_characters_in_a_name_cannot_break_the_record():
    spans = [EntitySpan(0, 5, "ORG", "A\x1eB\x1dC", "A\x1fB 1 2")]
    found = decode(encode(article_names("x\x1e", "2024", spans, [])))
    assert found.id == "x "
    assert found.names == (NamedEntity("ORG", "A B 1 2", 1, (("A B C", 1),)),)


def test_an_article_naming_no_one_comes_back_empty():
    empty = article_names("a2", None, [], [])
    assert decode(encode(empty)) == empty
    assert (empty.names, empty.shared) == ((), ())
