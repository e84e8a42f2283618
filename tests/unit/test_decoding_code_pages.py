"""Legacy code pages: short and long texts in Cyrillic, Greek, Turkish and Central
European code pages read right, and UTF-8, ASCII and other scripts are not disturbed."""

from __future__ import annotations

import codecs

import pytest

from search.reading.decoding import decode

# (language, one-line text, code page): one line is all a statistical detector gets
# from a headline or a note, and where it fails.
ONE_LINERS = [
    ("russian", "Министр иностранных дел России Сергей Лавров прибыл в Баку.", "cp1251"),
    ("russian", "Министр иностранных дел России Сергей Лавров прибыл в Баку.", "koi8_r"),
    ("russian", "Министр иностранных дел России Сергей Лавров прибыл в Баку.", "iso8859_5"),
    ("russian", "Министр иностранных дел России Сергей Лавров прибыл в Баку.", "cp866"),
    ("russian", "Министр иностранных дел России Сергей Лавров прибыл в Баку.", "mac_cyrillic"),
    ("russian", "МИНИСТР ИНОСТРАННЫХ ДЕЛ", "cp1251"),
    ("ukrainian", "Міністр закордонних справ України Дмитро Кулеба прибув до Баку.", "cp1251"),
    ("ukrainian", "Міністр закордонних справ України Дмитро Кулеба прибув до Баку.", "koi8_u"),
    ("bulgarian", "Министърът на външните работи пристигна в София във вторник.", "cp1251"),
    ("serbian", "Министар спољних послова Србије допутовао је у Београд.", "cp1251"),
    ("belarusian", "Міністр замежных спраў Беларусі прыбыў у Баку.", "cp1251"),
    ("greek", "Ο υπουργός Εξωτερικών της Ελλάδας έφτασε στην Αθήνα.", "cp1253"),
    ("greek", "Ο υπουργός Εξωτερικών της Ελλάδας έφτασε στην Αθήνα.", "iso8859_7"),
    ("greek", "Άγκυρα και Αθήνα υπέγραψαν συμφωνία.", "cp1253"),
    ("greek", "Άγκυρα και Αθήνα υπέγραψαν συμφωνία.", "iso8859_7"),
    ("turkish", "Dışişleri Bakanı Hakan Fidan Bakü'ye geldi.", "cp1254"),
    ("turkish", "İstanbul'da görüşmeler çarşamba günü başlayacak.", "iso8859_9"),
    ("polish", "Minister spraw zagranicznych Polski przyjechał do Baku w środę.", "cp1250"),
    ("polish", "Zażółć gęślą jaźń.", "iso8859_2"),
    ("czech", "Ministr zahraničí České republiky přiletěl do Baku.", "cp1250"),
    ("czech", "Příliš žluťoučký kůň úpěl ďábelské ódy.", "iso8859_2"),
    ("hungarian", "A külügyminiszter kedden Bakuba érkezett tárgyalásokra.", "cp1250"),
    ("hungarian", "Árvíztűrő tükörfúrógép.", "iso8859_2"),
    ("romanian", "Ministrul de externe al României a sosit la Bucureşti.", "cp1250"),
    ("croatian", "Ministar vanjskih poslova stigao je u Zagreb, kaže Ćorić.", "cp1250"),
    ("french", "Le ministre français est arrivé à Bakou mercredi.", "cp1252"),
    ("german", "Der Außenminister traf am Mittwoch in München ein.", "latin_1"),
    ("italian", "Il ministro degli Esteri è arrivato a Baku mercoledì.", "cp1252"),
]


@pytest.mark.parametrize(
    ("text", "code_page"),
    [(text, page) for _, text, page in ONE_LINERS],
    ids=[f"{language}-{page}" for language, _, page in ONE_LINERS],
)
def test_one_line_in_a_legacy_code_page_reads_right(text, code_page):
    decoded, encoding = decode(text.encode(code_page))
    assert decoded == text
    # Code pages that agree on every byte of the text may be named either way.
    assert text.encode(encoding) == text.encode(code_page)


def test_the_issue_example_is_cp1251_and_finds_lavrov():
    line = "Новости\nМинистр иностранных дел России Сергей Лавров прибыл в Баку.\n"
    text, encoding = decode(line.encode("cp1251"))
    assert encoding == "cp1251"
    assert "Лавров" in text


@pytest.mark.parametrize(
    ("code_page", "expected"),
    [
        ("cp1251", "cp1251"),
        ("koi8_r", "koi8-r"),
        ("cp1250", "cp1250"),
        ("iso8859_2", "iso8859-2"),
        ("cp1254", "cp1254"),
        ("cp1253", "cp1253"),
    ],
)
def test_the_name_reported_is_the_code_page_used(code_page, expected):
    texts = {
        "cp1251": "Переговоры продолжатся в Москве.",
        "koi8_r": "Переговоры продолжатся в Москве.",
        "cp1250": "Minister spraw zagranicznych przyjechał w środę.",
        "iso8859_2": "Minister spraw zagranicznych przyjechał w środę.",
        "cp1254": "Dışişleri Bakanı geldi.",
        "cp1253": "Άγκυρα και Αθήνα υπέγραψαν συμφωνία.",
    }
    _, encoding = decode(texts[code_page].encode(code_page))
    assert encoding == expected


RUSSIAN_STORY = (
    "Президент Азербайджана Ильхам Алиев принял в Баку делегацию во главе с министром "
    "иностранных дел России Сергеем Лавровым. Стороны обсудили вопросы региональной "
    "безопасности, транспортных коридоров и энергетического сотрудничества.\n\n"
    "По словам Лаврова, Москва заинтересована в скорейшем подписании мирного договора "
    'между Баку и Ереваном. "Мы готовы содействовать", - подчеркнул министр.\n'
)
# Typographic quotes and dashes, as Windows editors write them (cp1251 has them).
RUSSIAN_TYPOGRAPHY = "«Мы готовы содействовать», — подчеркнул министр Лавров… №5\n"
GREEK_STORY = (
    "Ο πρωθυπουργός συναντήθηκε σήμερα στην Αθήνα με τον πρόεδρο της Κύπρου. Οι δύο "
    "ηγέτες συζήτησαν την ενεργειακή συνεργασία και τις εξελίξεις στην Ανατολική "
    "Μεσόγειο, σύμφωνα με ανακοίνωση του γραφείου Τύπου.\n"
)
TURKISH_STORY = (
    "Dışişleri Bakanı, Azerbaycanlı mevkidaşıyla Bakü'de bir araya geldi. Görüşmede "
    "bölgesel güvenlik, enerji nakil hatları ve ulaştırma koridorları ele alındı. "
    "İki bakan, ortak basın toplantısında işbirliğinin süreceğini açıkladı.\n"
)
POLISH_STORY = (
    "Premier spotkał się w środę z prezydentem Azerbejdżanu. Rozmowy dotyczyły "
    "bezpieczeństwa energetycznego, dostaw gazu przez Gruzję i Turcję oraz współpracy "
    "gospodarczej. Obie strony podpisały porozumienie o żegludze.\n"
)


@pytest.mark.parametrize(
    ("text", "code_page"),
    [
        (RUSSIAN_STORY, "cp1251"),
        (RUSSIAN_TYPOGRAPHY, "cp1251"),
        (RUSSIAN_STORY, "koi8_r"),
        (RUSSIAN_STORY, "cp866"),
        (GREEK_STORY, "cp1253"),
        (GREEK_STORY, "iso8859_7"),
        (TURKISH_STORY, "cp1254"),
        (TURKISH_STORY, "iso8859_9"),
        (POLISH_STORY, "cp1250"),
        (POLISH_STORY, "iso8859_2"),
    ],
    ids=lambda value: value if len(value) < 20 else value.split()[0],
)
def test_a_longer_story_in_a_legacy_code_page_reads_right(text, code_page):
    decoded, _ = decode((text * 20).encode(code_page))
    assert decoded == text * 20


@pytest.mark.parametrize(
    "text",
    [
        "Oil prices climb in Baku\n\nTraders worried about supply & demand (AT&T, R&D).\n",
        "Министр иностранных дел России Сергей Лавров прибыл в Баку.",
        "Ο υπουργός έφτασε στην Αθήνα. Dışişleri Bakanı geldi. Zażółć gęślą jaźń.",
        "«Мы готовы» — сказал он; “quoted” – dash … €5",
    ],
)
def test_ascii_and_utf8_are_read_as_utf8_unchanged(text):
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8")


@pytest.mark.parametrize(
    ("text", "code_page"),
    [
        ("وصل وزير الخارجية الروسي سيرغي لافروف إلى باكو يوم الثلاثاء.", "cp1256"),
        ("שר החוץ הרוסי סרגיי לברוב הגיע לבאקו ביום שלישי.", "cp1255"),
        ("俄罗斯外交部长拉夫罗夫星期二抵达巴库，与阿塞拜疆外长举行会谈。", "gbk"),
        ("ロシアのラブロフ外相は火曜日にバクーに到着し、外相と会談した。", "shift_jis"),
        ("러시아 외무장관 라브로프가 화요일 바쿠에 도착했다.", "euc_kr"),
        ("Lietuvos užsienio reikalų ministras antradienį atvyko į Baku.", "cp1257"),
    ],
)
def test_other_scripts_are_not_taken_for_cyrillic_or_greek(text, code_page):
    decoded, _ = decode(text.encode(code_page))
    assert decoded == text


def test_a_stray_pound_sign_in_short_english_stays_a_pound_sign():
    text, encoding = decode("Chelsea wrote off the \xa315.8m signing.".encode("cp1252"))
    assert text == "Chelsea wrote off the £15.8m signing."
    assert encoding == "cp1252"


# A few dozen news sentences per language, each read back from every code page that
# writes it: a property of the decoder, not of one sample.
SENTENCES = {
    ("cp1252", "latin_1"): [
        "Le ministère a annoncé que les négociations reprendront à la rentrée.",
        "Les délégués se sont réunis à Genève pour évoquer la sécurité régionale.",
        "El ministro de Asuntos Exteriores llegó a Bakú el miércoles por la mañana.",
        "España y Azerbaiyán firmaron un acuerdo energético.",
        "Die Verhandlungen über die Grenzöffnung wurden fortgesetzt.",
        "Österreich und Deutschland begrüßten die Einigung.",
        "O ministro dos Negócios Estrangeiros chegou a Baku na terça-feira.",
        "A delegação portuguesa discutiu questões de segurança energética.",
        "La riunione si è svolta a Roma con i rappresentanti della città.",
        "Förhandlingarna fortsätter nästa vecka i Stockholm.",
    ],
    ("cp1251", "koi8_r", "iso8859_5", "cp866"): [
        "Переговоры продолжатся в следующем месяце в Москве.",
        "Президент Азербайджана Ильхам Алиев встретился с делегацией.",
        "Стороны обсудили вопросы торговли и энергетики.",
        "Ереван и Баку обменялись заявлениями.",
        "В Тбилиси прошла встреча министров.",
        "Правительство утвердило бюджет на следующий год.",
    ],
    ("cp1251", "koi8_u"): [
        "Президент України підписав указ про санкції.",
        "Делегація прибула до Києва у четвер.",
        "Переговори щодо зерна тривають у Стамбулі.",
    ],
    ("cp1251",): [
        "Българският премиер пристигна в Брюксел в сряда.",
        "Парламентът прие бюджета след дълъг дебат.",
        "Влада Србије усвојила је нови закон о енергетици.",
    ],
    ("cp1253", "iso8859_7"): [
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ενέργεια.",
        "Ο πρωθυπουργός συναντήθηκε με τον πρόεδρο της Τουρκίας.",
        "Οι διαπραγματεύσεις συνεχίζονται στη Θεσσαλονίκη.",
    ],
    ("cp1254", "iso8859_9"): [
        "Türkiye ile Azerbaycan arasında yeni bir enerji anlaşması imzalandı.",
        "Cumhurbaşkanı Erdoğan Bakü'de temaslarda bulundu.",
        "Görüşmelerde bölgesel güvenlik ele alındı.",
        "Şirket, doğalgaz boru hattının inşasına başladı.",
    ],
    ("cp1250", "iso8859_2"): [
        "Premier Polski spotkał się z prezydentem Azerbejdżanu w Warszawie.",
        "Rozmowy dotyczyły bezpieczeństwa energetycznego regionu.",
        "Rząd przyjął nową ustawę o źródłach odnawialnych.",
        "Česká vláda schválila nový zákon o energetice.",
        "Jednání o dodávkách plynu pokračují příští týden.",
        "A magyar kormány új energiastratégiát fogadott el.",
        "A tárgyalások jövő héten folytatódnak Budapesten.",
        "Guvernul a aprobat bugetul pentru anul următor.",
        "România şi Azerbaidjan au semnat un acord energetic.",
        "Hrvatska vlada usvojila je novi zakon o energiji.",
        "Pregovori će se nastaviti sljedećeg tjedna u Zagrebu.",
    ],
}


def test_every_sentence_reads_back_from_every_code_page_that_writes_it():
    wrong = []
    for code_pages, sentences in SENTENCES.items():
        for sentence in sentences:
            for code_page in code_pages:
                decoded, encoding = decode(sentence.encode(code_page))
                if decoded != sentence:
                    wrong.append(f"{code_page} read as {encoding}: {decoded}")
    assert wrong == []
    assert sum(len(s) * len(p) for p, s in SENTENCES.items()) >= 80


def test_utf8_with_a_few_windows_bytes_pasted_in_loses_nothing():
    story = "Der Außenminister traf in München ein; Ελλάδα und Россия berieten. " * 5
    data = story.encode() + "Preise stiegen \x96 kräftig, hieß es: \x93gut\x94.".encode("latin-1")
    text, encoding = decode(data)
    assert text == story + "Preise stiegen – kräftig, hieß es: “gut”."
    assert encoding == "utf-8+cp1252"


def test_a_legacy_text_is_not_taken_for_utf8_with_strays():
    text = "«МИНИСТР ИНОСТРАННЫХ ДЕЛ» прибыл в Баку. Ё Ї »"
    assert decode(text.encode("cp1251")) == (text, "cp1251")
