"""Each folding rule, each language's stemming and stop words, and the language detector."""

from __future__ import annotations

import pytest

from search.index.folded_field import folded_key, folded_occurrences
from search.index.stemmed_field import occurrences
from search.language import detect
from search.language.detect import LANGUAGES, OWN_LETTERS, detect_language
from search.language.folding import fold
from search.language.stemming import STOP_WORDS_ALL, query_stems, stem
from tests.fixtures.multilingual import ARTICLES, LABELLED_SENTENCES


@pytest.mark.parametrize(
    ("spellings", "folded"),
    [
        # Diacritics of Azerbaijani and Turkish: ə→a, ş→sh, ç→ch, ğ→g, ı→i, İ→i, ü→u, ö→o.
        (("Əliyev", "Aliyev"), "aliev"),
        (("Məmmədov", "Mammadov"), "mammadov"),
        (("Paşinyan", "Pashinyan"), "pashinyan"),
        (("Çavuşoğlu", "Chavushoglu"), "chavushoglu"),
        (("Erdoğan", "Erdogan"), "erdogan"),
        (("Bakı", "Baku", "Баку"), "baku"),
        (("İlham", "Ilham", "Ильхам"), "ilham"),
        (("Gürcüstan", "Gurcustan"), "gurcustan"),
        (("Gökçay", "Gokchay"), "gokchay"),
        # -yev and -ev are one ending.
        (("Aliyev", "Aliev", "ALIYEV"), "aliev"),
        (("Abiyev", "Abiev"), "abiev"),
        # Cyrillic by Wikipedia's romanisation, a surname's case ending cut.
        (("Алиев", "Алиева", "Алиеву", "Алиевым"), "aliev"),
        (("Пашинян", "Пашиняна", "Пашиняном"), "pashinyan"),
        (("Ереван", "Yerevan"), "yerevan"),
        (("Эрдоган",), "erdogan"),
        # Armenian by BGN/PCGN, an article or case ending cut.
        (("Փաշինյան", "Փաշինյանը"), "pashinyan"),
        (("Ալիև", "Ալիևի"), "aliev"),
        (("Երևան",), "yerevan"),
        # Names the region writes in several ways.
        (("Türkiye", "Turkiye", "Turkey", "TÜRKİYE"), "turkiye"),
        (("Azərbaycan", "Azerbaycan", "Azerbaijan"), "azerbaijan"),
    ],
)
def test_every_spelling_of_a_name_folds_to_one_form(spellings, folded):
    assert {fold(word) for word in spellings} == {folded}


def test_only_words_that_fold_differently_are_indexed_folded():
    assert folded_key("government") == ""
    assert folded_key("Aliyev") == "aliev"
    assert folded_key("Turkey") == "turkiye"
    # Outside the Latin alphabet only names (capitalised words) are folded.
    assert folded_key("Алиев") == "aliev"
    assert folded_key("переговоры") == ""
    assert folded_key("и") == ""


def test_folded_occurrences_keep_the_offsets_of_the_words_as_written():
    text = "Президент Алиев met Aliyev in Bakı."
    found = folded_occurrences(text)
    spans = {
        term: [text[s:e] for s, e in zip(flat[1::3], flat[2::3], strict=True)]
        for term, flat in found.items()
    }
    assert spans["aliev"] == ["Алиев", "Aliyev"]
    assert spans["baku"] == ["Bakı"]


def test_a_text_with_no_latin_word_folds_its_names():
    found = folded_occurrences("Президент Алиев прибыл в Москву.")
    assert set(found) == {"prezident", "aliev", "moskvu"}


def test_an_ascii_text_folds_only_its_variant_names():
    assert set(folded_occurrences("Turkey and Aliyev met the government.")) == {"turkiye", "aliev"}


def test_a_text_whose_words_are_ascii_folds_as_an_ascii_text():
    assert folded_occurrences("The deal’s worth £5m, “they” said.") == {}
    assert folded_occurrences("Aliyev’s £5m deal with Turkey") == {
        "aliev": [0, 0, 6],
        "turkiye": [1, 23, 29],
    }


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("en", ("negotiation", "negotiations")),
        ("ru", ("переговоры", "переговорах", "переговоров")),
        ("ru", ("граница", "границе", "границы")),
        ("tr", ("görüşmeler", "görüşmelerde", "görüşmeleri")),
        ("tr", ("müzakereler", "müzakerelerde")),
        ("az", ("danışıqlar", "danışıqlarda", "danışıqları")),
        ("az", ("sərhədin", "sərhədində", "sərhəd")),
        ("hy", ("բանակցությունները", "բանակցությունների")),
    ],
)
def test_inflected_forms_share_a_stem_in_their_language(language, forms):
    assert len({stem(form, language) for form in forms}) == 1


def test_cyrillic_takes_the_russian_stemmer_in_any_article():
    assert stem("переговорах", "en") == stem("переговоры", "ru")


def test_a_query_word_with_a_turkic_letter_looks_for_its_english_and_turkish_stems():
    assert query_stems("görüşmelerde") == [stem("görüşmelerde"), stem("görüşmelerde", "tr")]
    # Plain ASCII keeps its English stem alone, in a query and in a Turkish article.
    assert query_stems("senatte") == ["senatt"]
    assert query_stems("prime") == ["prime"]
    assert stem("fidan", "tr") == "fidan"
    assert query_stems("переговорах") == [stem("переговорах")]


def test_stop_words_of_each_language_are_dropped():
    for word in ("the", "и", "для", "için", "ve", "və", "ilə"):
        assert word in STOP_WORDS_ALL
    text = "Президент и премьер-министр провели переговоры для мира"
    assert not {"и".encode(), "для".encode()} & set(occurrences(text, "ru"))


def test_turkic_words_an_english_reader_searches_are_kept():
    for word in ("kim", "her", "en"):
        assert word not in STOP_WORDS_ALL


@pytest.mark.parametrize(("language", "text"), LABELLED_SENTENCES)
def test_the_detector_tells_each_labelled_sentence(language, text):
    assert detect_language("", text) == language


@pytest.mark.parametrize("article", ARTICLES, ids=lambda article: article.name)
def test_the_detector_tells_each_fixture_article(article):
    assert detect_language(article.title, article.body) == article.language


@pytest.mark.parametrize("everyone", [True, False], ids=["every language", "latin letters"])
def test_the_kept_models_rank_as_the_librarys_own_restriction(everyone):
    # The models are cut from py3langid's tables by hand (its own restriction keeps the
    # scores of every language): they must rank each text as the library would.
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    reference = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)
    chosen = set(LANGUAGES) if everyone else set(LANGUAGES) - OWN_LETTERS
    reference.set_languages(sorted(chosen))
    ours = detect._identifier(everyone=everyone)
    texts = [text for _, text in LABELLED_SENTENCES] + [article.body for article in ARTICLES]
    for text in texts:
        expected, found = reference.rank(text), ours.rank(text)
        assert [code for code, _ in found] == [code for code, _ in expected], text
        assert [score for _, score in found] == pytest.approx([s for _, s in expected]), text


def test_an_article_without_words_is_english():
    assert detect_language("", "") == "en"
    assert detect_language("2024", "1 000 000") == "en"
