"""`briefing entity` counts a person's articles in every language and spelling."""

from __future__ import annotations

import json

from tests.cli.index_cli_helpers import briefing
from tests.fixtures.multilingual import write_corpus


def test_the_entity_page_counts_every_article_naming_him_in_any_language(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    out = briefing("entity", "Aliyev", "--corpus", str(corpus), "--json")
    assert out.returncode == 0, out.stderr
    page = json.loads(out.stdout)
    # English (Aliyev, Aliev), Russian twice (Алиев, Алиевым), Turkish, Azerbaijani.
    assert (page["name"], page["articles"]) == ("Ilham Aliyev", 6)
    assert {"İlham Aliyev", "İlham Əliyev", "Ilham Aliev"} <= set(page["aliases"])
    text = briefing("entity", "Aliyev", "--corpus", str(corpus))
    assert "named in 6 articles" in text.stdout


def test_the_entity_page_is_found_by_any_spelling_of_the_name(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    for typed, name in [
        ("Алиев", "Ilham Aliyev"),
        ("Əliyev", "Ilham Aliyev"),
        ("Aliev", "Ilham Aliyev"),
        ("Пашинян", "Nikol Pashinyan"),
        ("Paşinyan", "Nikol Pashinyan"),
    ]:
        out = briefing("entity", typed, "--corpus", str(corpus), "--json")
        assert out.returncode == 0, (typed, out.stderr)
        assert json.loads(out.stdout)["name"] == name, typed
