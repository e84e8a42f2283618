"""People, places and organisations in Turkish and Azerbaijani text, and one canonical
name for every spelling of a known person."""

from __future__ import annotations

import pytest

from search.entities.extractor import extract_entities
from search.entities.turkic import turkic_entities
from tests.fixtures.multilingual import ARTICLES
from tests.fixtures.turkic_entities import (
    AZERBAIJANI,
    AZERBAIJANI_UNSEEN,
    TURKISH,
    TURKISH_UNSEEN,
)
from tests.unit.index_fixtures import make_service, write_articles

# Typed F1 of the labelled sentences. Those the rules were written with (so kind to
# them): Turkish P 1.00 R 0.98, Azerbaijani P 1.00 R 0.98. Those written afterwards,
# measured before any change (then after the changes they prompted): Turkish P 0.87
# R 0.59 F1 0.70 (1.00 / 0.82 / 0.90), Azerbaijani P 0.82 R 0.70 F1 0.76 (0.89 / 0.80
# / 0.84); what is missed is clubs, leagues, universities and agencies no list holds.
MIN_F1 = 0.9
MIN_F1_UNSEEN = 0.8


def _f1(labelled, language: str) -> tuple[float, float, float]:
    found = expected = right = 0
    for text, labels in labelled:
        got = {(span.text, span.type) for span in turkic_entities(text, language)}
        wanted = set(labels)
        found, expected, right = found + len(got), expected + len(wanted), right + len(got & wanted)
    precision, recall = right / found, right / expected
    return precision, recall, 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize(
    ("labelled", "language", "minimum"),
    [
        (TURKISH, "tr", MIN_F1),
        (AZERBAIJANI, "az", MIN_F1),
        (TURKISH_UNSEEN, "tr", MIN_F1_UNSEEN),
        (AZERBAIJANI_UNSEEN, "az", MIN_F1_UNSEEN),
    ],
)
def test_the_labelled_sentences_are_found_with_their_types(labelled, language, minimum):
    precision, recall, f1 = _f1(labelled, language)
    assert f1 >= minimum, (precision, recall, f1)


def _names(text: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.type, s.canonical) for s in extract_entities(text) if s.type != "DATE"]


def _article(name: str) -> str:
    return next(article.body for article in ARTICLES if article.name == name)


def test_the_turkish_articles_name_their_people_places_and_ministry():
    assert _names(_article("tr_brussels_talks")) == [
        ("Türkiye", "PLACE", "Turkey"),
        ("Dışişleri Bakanlığı", "ORG", "Ministry of Foreign Affairs of Turkey"),
        ("Azerbaycan", "PLACE", "Azerbaijan"),
        ("İlham Aliyev", "PERSON", "Ilham Aliyev"),
        ("Ermenistan", "PLACE", "Armenia"),
        ("Nikol Paşinyan", "PERSON", "Nikol Pashinyan"),
    ]
    assert _names(_article("tr_erdogan_baku")) == [
        ("Erdoğan", "PERSON", "Recep Tayyip Erdoğan"),
        ("Bakü", "PLACE", "Baku"),
    ]


def test_the_azerbaijani_articles_name_their_people_and_places():
    assert _names(_article("az_brussels_talks")) == [
        ("Azərbaycan", "PLACE", "Azerbaijan"),
        ("İlham Əliyev", "PERSON", "Ilham Aliyev"),
        ("Ermənistanın", "PLACE", "Armenia"),
        ("Nikol Paşinyan", "PERSON", "Nikol Pashinyan"),
        ("Brüsseldə", "PLACE", "Brussels"),
    ]
    assert _names(_article("az_border_commission")) == [
        ("Azərbaycan", "PLACE", "Azerbaijan"),
        ("Ermənistan", "PLACE", "Armenia"),
    ]


def test_a_place_with_a_case_ending_takes_its_english_name():
    turkish = "Heyet Bakü'de ve Azerbaycan'ın başkentinde, ardından Tiflis’te görüştü."
    assert _names(turkish) == [
        ("Bakü", "PLACE", "Baku"),  # the ending after the apostrophe is not the name
        ("Azerbaycan", "PLACE", "Azerbaijan"),
        ("Tiflis", "PLACE", "Tbilisi"),
    ]
    azerbaijani = "Nümayəndə heyəti Brüsseldə, sonra Moskvadan Ermənistanın paytaxtına gedib."
    assert _names(azerbaijani) == [
        ("Brüsseldə", "PLACE", "Brussels"),  # an ending glued to the name stays in it
        ("Moskvadan", "PLACE", "Moscow"),
        ("Ermənistanın", "PLACE", "Armenia"),
    ]


def test_a_known_person_is_found_in_any_spelling_and_any_case():
    text = "Toplantıda Ceyhun Bayramov, Sergey Lavrov'la görüştü; Ərdoğan da oradaydı."
    assert _names(text) == [
        ("Ceyhun Bayramov", "PERSON", "Jeyhun Bayramov"),
        ("Sergey Lavrov", "PERSON", "Sergei Lavrov"),
        ("Ərdoğan", "PERSON", "Recep Tayyip Erdoğan"),
    ]


def test_the_words_after_a_title_are_a_person_and_the_title_is_not():
    turkish = "Görüşmeye Tarım Bakanı İbrahim Yumaklı ve Başbakan Yardımcısı katıldı."
    assert _names(turkish) == [("İbrahim Yumaklı", "PERSON", "İbrahim Yumaklı")]
    azerbaijani = "Tədbirdə Baş naziri Əli Əsədov və nazir Mikayıl Cabbarovun müavini iştirak edib."
    assert _names(azerbaijani) == [
        ("Əli Əsədov", "PERSON", "Ali Asadov"),
        ("Mikayıl Cabbarovun", "PERSON", "Mikayıl Cabbarov"),
    ]


def test_a_title_before_a_district_s_name_gives_a_person():
    text = "Toplantıya Merkez Bankası Başkanı Fatih Karahan katıldı."
    assert _names(text) == [
        ("Merkez Bankası", "ORG", "Central Bank of Turkey"),
        ("Fatih Karahan", "PERSON", "Fatih Karahan"),
    ]


def test_a_capitalised_word_opening_a_sentence_is_no_name_unless_listed():
    text = "Görüşmelerde barış ele alındı. Anlaşmalar imzalandı. Ordu tatbikat yaptı."
    assert _names(text) == []
    assert _names("Tatbikatı Ordu Valisi de izledi.") == [("Ordu", "PLACE", "Ordu")]
    assert _names("İclasda danışıqlar davam etdirilib. Danışıqlarda sülh müzakirə olunub.") == []


def test_a_given_name_and_a_surname_are_a_person():
    text = "Açıklamayı Ahmet Yılmaz yaptı. Elnur Məmmədov da çıxış edib. Van Gölü dondu."
    assert _names(text) == [
        ("Ahmet Yılmaz", "PERSON", "Ahmet Yılmaz"),
        ("Elnur Məmmədov", "PERSON", "Elnur Məmmədov"),
    ]


def test_a_lone_surname_takes_the_full_name_the_text_gives_it():
    text = (
        "Sözcü Mariya Zaharova açıklama yaptı. Zaharova'ya göre görüşme olumluydu. "
        "Daha sonra Məmmədov da konuştu."
    )
    assert _names(text) == [
        ("Mariya Zaharova", "PERSON", "Mariya Zaharova"),
        ("Zaharova", "PERSON", "Mariya Zaharova"),
        ("Məmmədov", "PERSON", "Məmmədov"),
    ]
    # A surname opening a sentence counts only when the text names its bearer in full.
    assert _names("Əliyevin çıxışı gözlənilir. Ermənistan cavab verib.") == [
        ("Ermənistan", "PLACE", "Armenia")
    ]


def test_only_listed_bodies_are_organisations_and_a_ministry_is_its_country_s():
    text = (
        "Rusya Dışişleri Bakanlığı, NATO'nun ve AB'nin açıklamasını eleştirdi. "
        "Dışişleri Bakanlığı ise BM Güvenlik Konseyi'ne başvurdu."
    )
    assert _names(text) == [
        ("Rusya", "PLACE", "Russia"),
        ("Dışişleri Bakanlığı", "ORG", "Ministry of Foreign Affairs of Russia"),
        ("NATO", "ORG", "NATO"),
        ("AB", "ORG", "European Union"),
        ("Dışişleri Bakanlığı", "ORG", "Ministry of Foreign Affairs of Turkey"),
        ("BM Güvenlik Konseyi", "ORG", "UN Security Council"),
    ]
    azerbaijani = "Xarici İşlər Nazirliyinin bəyanatında ATƏT-in və BMT-nin adı çəkilib."
    assert _names(azerbaijani) == [
        ("Xarici İşlər Nazirliyinin", "ORG", "Ministry of Foreign Affairs of Azerbaijan"),
        ("ATƏT", "ORG", "OSCE"),
        ("BMT", "ORG", "United Nations"),
    ]


def test_an_english_text_with_turkish_letters_keeps_the_english_extractor():
    text = (
        "President Recep Tayyip Erdoğan met İlham Əliyev in Baku on Tuesday, and the "
        "two leaders discussed the gas pipeline with the Foreign Ministry."
    )
    assert ("Foreign Ministry", "ORG", "Foreign Ministry") in _names(text)
    people = {canonical for _, kind, canonical in _names(text) if kind == "PERSON"}
    assert people == {"Recep Tayyip Erdoğan", "Ilham Aliyev"}


def test_a_persons_name_in_another_english_spelling_takes_the_listed_name():
    text = "Azerbaijani President Ilham Aliev met Russian President Vladimir Putin."
    assert ("Ilham Aliev", "PERSON", "Ilham Aliyev") in _names(text)
    assert ("George W Bush", "PERSON", "George W. Bush") in _names("George W Bush spoke.")
    # A single word keeps the English extractor's canonical: the text must say which.
    assert ("Aliev", "PERSON", "Aliev") in _names("Mr Aliev spoke to reporters.")


def test_an_entity_page_counts_every_article_naming_him_in_any_language(tmp_path):
    for article in ARTICLES:
        write_articles(
            tmp_path / "corpus",
            f"{article.name}.txt",
            {"title": article.title, "body": article.body},
        )
    service = make_service(tmp_path / "corpus", tmp_path / "index", extract=extract_entities)
    service.update()
    page = service.entity("Aliyev")
    assert (page.name, page.type, page.articles) == ("Ilham Aliyev", "PERSON", 6)
    assert {"İlham Əliyev", "Ilham Aliev", "İlham Aliyev", "Ильхам Алиев"} <= set(page.aliases)


def test_every_mention_points_at_its_own_text_and_none_overlap():
    texts = [text for text, _ in TURKISH + AZERBAIJANI + TURKISH_UNSEEN + AZERBAIJANI_UNSEEN]
    texts += [article.body for article in ARTICLES if article.language in ("tr", "az")]
    for text in texts:
        spans = extract_entities(text)
        assert all(text[s.start : s.end] == s.text for s in spans), text
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False)), text
