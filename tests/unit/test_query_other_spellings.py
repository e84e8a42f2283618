"""A name or word found in the corpus's other spellings: in phrases, in titles, and typed
without the Turkish and Azerbaijani letters.

A real index on disk over :mod:`tests.fixtures.multilingual`; the spellings come from
the corpus's own vocabulary, as the app reads it.
"""

from __future__ import annotations

import os

import pytest

from search.index import checksums
from search.index.schema import build_schema
from search.index.vocabulary import (
    SPELT_OTHERWISE_NAME,
    load_spelt_otherwise,
    read_vocabulary,
    words_of,
)
from search.language.folding import may_be_spelt_otherwise
from search.query.other_spellings import OtherSpellings, plain
from search.query.parser import parse
from search.query.whoosh_query import to_whoosh
from tests.unit.index_fixtures import fixture_names, make_service, multilingual_service


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return multilingual_service(tmp_path_factory.mktemp("other-spellings"))


def _marked(results, name: str) -> list[str]:
    hit = next(hit for hit in results.hits if hit.id == f"{name}-0")
    return [hit.snippet.text[start:end] for start, end in hit.snippet.highlights]


def test_a_phrase_finds_every_spelling_of_its_words_the_spelling_typed_first(service):
    results = service.search('"Ilham Aliev"')
    names = fixture_names(results)
    assert names[0] == "en_aliev_spelling"  # "Ilham Aliev", as typed
    assert {"en_brussels_talks", "ru_brussels_talks", "az_brussels_talks"} <= set(names)
    assert _marked(results, "az_brussels_talks") == ["İlham", "Əliyev"]
    assert _marked(results, "ru_brussels_talks") == ["Ильхам", "Алиев"]


def test_a_phrase_in_cyrillic_finds_the_latin_spellings(service):
    names = fixture_names(service.search('"Ильхам Алиев"'))
    assert names[0] == "ru_brussels_talks"
    assert {"en_aliev_spelling", "en_brussels_talks", "az_brussels_talks"} <= set(names)


def test_a_phrase_typed_in_two_scripts_finds_it_written_in_one(service):
    names = set(fixture_names(service.search('"Ильхам Aliyev"')))
    assert {"ru_brussels_talks", "en_brussels_talks", "az_brussels_talks"} <= names


def test_a_phrase_still_needs_its_words_side_by_side(service):
    # Both words are in the Russian article on Putin, but not one after the other.
    assert "ru_putin_aliev" not in fixture_names(service.search('"Aliev Ilham"'))


def test_a_title_is_searched_in_every_spelling(service):
    names = fixture_names(service.search("title:Aliev"))
    assert names[0] == "en_aliev_spelling"
    assert {"ru_brussels_talks", "ru_putin_aliev", "az_brussels_talks", "hy_pashinyan"} <= set(
        names
    )
    assert {"en_aliev_spelling", "en_brussels_talks", "az_brussels_talks"} <= set(
        fixture_names(service.search("title:Алиев"))
    )


def test_a_title_phrase_is_searched_in_every_spelling(service):
    names = set(fixture_names(service.search('title:"Aliyev Pashinyan"')))
    # "Алиев и Пашинян": the stop word between them is no word of the phrase.
    assert "ru_brussels_talks" in names


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("gorusmeler", {"tr_brussels_talks"}),
        # Through Paşinyan, the spellings of other alphabets too.
        (
            "Pasinyan",
            {"tr_brussels_talks", "az_brussels_talks", "en_brussels_talks", "ru_brussels_talks"},
        ),
        ("Erdogan", {"tr_erdogan_baku"}),
        ("Azerbaycan", {"tr_brussels_talks", "az_brussels_talks", "az_border_commission"}),
        ("danisiqlar", {"az_brussels_talks", "az_border_commission"}),
        # Inflections the corpus does not hold, through the Turkish stemmer.
        ("gorusmelerin", {"tr_brussels_talks"}),
        ("danisiqlarda", {"az_brussels_talks", "az_border_commission"}),
        # A word only the title holds ("görüşmesini"), with a field and without.
        ("title:gorusmesini", {"tr_brussels_talks"}),
        ("gorusmesini", {"tr_brussels_talks"}),
    ],
)
def test_turkish_and_azerbaijani_typed_without_their_letters(service, typed, found):
    results = service.search(typed)
    assert found <= set(fixture_names(results))
    assert results.suggestion is None  # found in another spelling: not misspelt


def test_a_word_typed_without_its_letters_is_marked_as_the_article_writes_it(service):
    results = service.search("gorusmeler")
    assert _marked(results, "tr_brussels_talks") == ["görüşmeleri", "Görüşmelerde"]


def test_the_turkish_spelling_typed_ranks_first(service):
    assert fixture_names(service.search("Əliyev"))[0] == "az_brussels_talks"
    assert fixture_names(service.search('"İlham Əliyev"'))[0] == "az_brussels_talks"


@pytest.mark.parametrize(
    "query",
    ["negotiation", "Brussels treaty", '"peace treaty"', "title:Moscow", "переговоры"],
)
def test_a_word_with_no_other_spelling_is_searched_as_before(service, query):
    # The same Whoosh query as without the corpus's spellings: the same hits and scores.
    others = OtherSpellings(read_vocabulary(service.folder).counts)
    schema = build_schema()
    assert to_whoosh(parse(query), schema, others=others) == to_whoosh(parse(query), schema)
    assert service.search(query).hits


def test_only_words_that_can_be_spelt_otherwise_are_keyed():
    others = OtherSpellings({"government": 40, "aliyev": 3, "görüşmeler": 2, "алиев": 5})
    assert others.words("Aliev") == ["алиев", "aliyev"]  # the most used first
    assert others.words("gorusmeler") == ["görüşmeler"]
    assert others.words("governments") == []
    assert plain("Azərbaycan") == "azerbaycan"
    assert plain("Paşinyan") == "pasinyan"


def test_the_vocabulary_keeps_words_as_the_index_lowers_them():
    # Lower-cased, "İlham" holds a combining dot; case-folded, "և" would be two letters.
    assert words_of("İlham Ալիևի") == {"İlham".lower(), "ալիևի"}


def _spelt_otherwise_in_vocabulary(folder) -> dict[str, int]:
    counts = read_vocabulary(folder).counts
    return {word: n for word, n in counts.items() if may_be_spelt_otherwise(word)}


def test_the_words_spelt_otherwise_are_listed_apart_and_kept_up_to_date(tmp_path):
    service = multilingual_service(tmp_path)
    listed = load_spelt_otherwise(service.folder)
    assert listed == _spelt_otherwise_in_vocabulary(service.folder)
    assert {"paşinyan", "пашинян", "aliyev"} <= listed.keys()
    assert "government" not in listed

    (tmp_path / "corpus" / "hy_pashinyan.txt").unlink()
    (tmp_path / "corpus" / "tr_brussels_talks.txt").unlink()
    service.update()
    after = load_spelt_otherwise(service.folder)
    assert after == _spelt_otherwise_in_vocabulary(service.folder)
    assert after != listed
    assert not [word for word in after if word.startswith("փաշինյան")]
    assert [word for word in listed if word.startswith("փաշինյան")]


def _forget_the_list(folder, *, keep: bool) -> None:
    """Make the index one an older version wrote or updated: checksums that never knew
    of the list, and the list gone or (``keep``) left behind, out of date."""
    listed = folder / SPELT_OTHERWISE_NAME
    if keep:
        listed.write_text("{}", "utf-8")
        vocabulary = (folder / "words.json").stat()
        os.utime(listed, ns=(vocabulary.st_atime_ns, vocabulary.st_mtime_ns - 1))
    else:
        listed.unlink()
    checksums.record(folder, [n for n in checksums.load(folder) if n != SPELT_OTHERWISE_NAME])


@pytest.mark.parametrize("keep", [False, True], ids=["without the list", "with a stale list"])
def test_an_index_an_older_version_wrote_still_finds_every_spelling(tmp_path, keep):
    built = multilingual_service(tmp_path)
    before = fixture_names(built.search("Pasinyan"))
    _forget_the_list(built.folder, keep=keep)
    older = make_service(tmp_path / "corpus", built.folder)
    assert not older.needs_update()
    assert fixture_names(older.search("Pasinyan")) == before
    assert {"tr_brussels_talks", "ru_brussels_talks"} <= set(before)
