"""`briefing articles --json` names how each file was decoded, and a short legacy
text is read, listed and found in its own letters."""

from __future__ import annotations

import json

from tests.cli.index_cli_helpers import briefing

LAVROV = "Министр иностранных дел России Сергей Лавров прибыл в Баку."
FILES = {
    "lavrov-1251.txt": (f"Новости\n\n{LAVROV}\n", "cp1251"),
    "lavrov-koi8.txt": (f"Новости\n\n{LAVROV}\n", "koi8_r"),
    "athens.txt": ("Αθήνα\n\nΟ υπουργός Εξωτερικών έφτασε στην Αθήνα.\n", "cp1253"),
    "fidan.txt": ("Bakü ziyareti\n\nDışişleri Bakanı Hakan Fidan Bakü'ye geldi.\n", "cp1254"),
    "warszawa.txt": ("Wizyta w Baku\n\nMinister przyjechał do Baku w środę.\n", "iso8859_2"),
    "oil.txt": ("Oil prices climb in Baku\n\nOil rose on Monday.\n", "utf-8"),
    "viacom.txt": ("&#163;1.8m indecency fine for Viacom\n\nViacom paid &pound;1.8m.\n", "utf-8"),
}


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, (text, code_page) in FILES.items():
        (corpus / name).write_bytes(text.encode(code_page))
    return corpus


def test_articles_json_gives_each_files_encoding_and_right_titles(tmp_path):
    corpus = _corpus(tmp_path)
    out = briefing("articles", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    listed = {a["path"]: a for a in json.loads(out.stdout)}
    encodings = {path: a["encoding"] for path, a in listed.items()}
    assert encodings == {
        "athens.txt": "cp1253",
        "fidan.txt": "cp1254",
        "lavrov-1251.txt": "cp1251",
        "lavrov-koi8.txt": "koi8-r",
        "oil.txt": "utf-8",
        "viacom.txt": "utf-8",
        "warszawa.txt": "iso8859-2",
    }
    assert listed["lavrov-1251.txt"]["title"] == "Новости"
    assert listed["athens.txt"]["title"] == "Αθήνα"
    assert listed["warszawa.txt"]["title"] == "Wizyta w Baku"
    assert listed["viacom.txt"]["title"] == "£1.8m indecency fine for Viacom"


def test_a_short_cp1251_text_is_found_by_its_own_words(tmp_path):
    corpus = _corpus(tmp_path)
    out = briefing("search", "Лавров", "--corpus", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    paths = sorted(hit["path"] for hit in json.loads(out.stdout)["results"])
    assert paths == ["lavrov-1251.txt", "lavrov-koi8.txt"]
    out = briefing("search", "Fidan", "--corpus", str(corpus), "--json")
    hit = json.loads(out.stdout)["results"][0]
    assert "Bakanı Hakan «Fidan» Bakü'ye" in hit["snippet"]
