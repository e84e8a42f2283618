"""The bundled seeds read into the articles a reader expects, with their metadata."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from search.locations import seeds_dir
from search.models import SkippedFile
from search.reading.reader import read_articles, walk_corpus


def seed(prefix: str) -> Path:
    (path,) = seeds_dir().glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="module")
def seeds():
    return {prefix: read_articles(seed(prefix)) for prefix in ("000", "001", "002", "003", "004")}


def test_walk_lists_the_five_seeds_and_skips_nothing():
    found = list(walk_corpus(seeds_dir()))
    assert not [f for f in found if isinstance(f, SkippedFile)]
    assert sorted(p.name[:3] for p in found) == ["000", "001", "002", "003", "004"]


def test_bulletin_splits_into_its_four_listed_articles(seeds):
    bulletin = seeds["002"]
    assert [a.title for a in bulletin] == [
        "Key Takeaways from Q&A session with President Ilham Aliyev "
        "at the Shusha Global Media Forum",
        "Armenia's arms spree is a dangerous game of escalation",
        "The Azerbaijan-Pakistan-Türkiye trilateral partnership is rapidly evolving",
        "Azerbaijan and China upgrade bilateral relations to strategic partnership",
    ]
    assert [a.position for a in bulletin] == [0, 1, 2, 3]
    for article in bulletin:
        assert article.source == "Center of Analysis of International Relations"
        assert article.date == "2024-07"
        assert "Table of contents" not in article.body


def test_bulletin_text_is_repaired(seeds):
    arms, trilateral, china = seeds["002"][1], seeds["002"][2], seeds["002"][3]
    assert "A $600 million arms deal" in arms.body and "\\$" not in arms.body
    assert "economic integration. Prime Minister Sharif noted" in trilateral.body
    assert "sovereignty and territorial integrity" in china.body
    first = seeds["002"][0]
    assert "raises questions about Armenia’s commitment to the peace process" in first.body


def test_feed_splits_into_five_posts_each_with_its_link(seeds):
    feed = seeds["001"]
    assert [a.title for a in feed] == [
        "Relations between Russia and Azerbaijan",
        "China EU Summit",
        "No Airbus plane deal between EU and China",
        "“six months” timeframe",
        "Albanese’s approach to China",
    ]
    assert [a.url.split("/")[-1] or a.url.split("/")[-2] for a in feed] == [
        "pfbid02FirLjvHVwC43obBNwPAh6QWPLJ1qDnhvTtRmiCxrnKRXgZB87ZuZsZJUpQxUoMJkl",
        "pfbid02zdrkogovZoQJzbY39druKAZ55XHeD11mjwHDzvuaD9GQZ8jfx5Z4evGnA2SDwdsil",
        "pfbid0sTfEQYQyyzxTf7oZezTNYxKNxXduKjRREotqp2TZMqpAVrLaLAiPt9b2ZnJAQYjdl",
        "1270515064741509",
        "1915150549274154",
    ]
    assert all(a.url.startswith("https://www.facebook.com/jeff.mah.5/") for a in feed)
    assert all("facebook.com" not in a.body for a in feed)
    assert feed[4].body.endswith("coverage of Anthony Albanese’s China policy.")


def test_caliber_page_loses_its_chrome_and_keeps_its_metadata(seeds):
    (article,) = seeds["004"]
    assert article.title.startswith("Yerevan and Washington set to sign partnership document")
    assert (article.author, article.date, article.source) == (
        "Farhad Mammadov",
        "2025-01-14T11:12",
        "Caliber.Az",
    )
    assert article.body.startswith("Political scientist and head of the Southern Caucasus")
    assert article.body.endswith("Farhad Mammadov writes.")
    for chrome in (
        "twitter",
        "youtube",
        "Any use of materials",
        "A+",
        "WHAT ARE YOU LOOKING FOR",
        "©",
        "Views:",
        "Share it on social media",
        "copy link",
        "loading",
        "14 January 2025",
    ):
        assert chrome not in article.body


def test_machine_translated_page_loses_its_site_label_and_comment_box(seeds):
    (article,) = seeds["003"]
    assert article.title == "Radically changing situation – scorpions in Baku show Washington"
    assert article.body.startswith("Washington’s invasion of the South Caucasus")
    assert article.body.endswith("principled position of the West.")
    for chrome in ("Azerbaijan news", "Leave a Reply", "Back to top", "Newsletter", "Subscribe"):
        assert chrome not in article.body


def test_weekly_review_is_one_article(seeds):
    (article,) = seeds["000"]
    # The site and the column's name leave the title; the site is the source.
    assert article.title == "False start by Yerevan and Trump’s Asian tour"
    assert article.source == "Caliber.Az"
    assert article.author is None
    assert article.paragraphs[0].startswith("The editorial team of Caliber.Az presents")
    assert "Trump's Asian tour" in article.paragraphs


def test_titles_are_not_repeated_at_the_start_of_bodies(seeds):
    for articles in seeds.values():
        for article in articles:
            if len(article.paragraphs) > 1:
                assert article.paragraphs[0].rstrip(".") != article.title


def test_article_ids_follow_the_corpus_relative_place_not_the_machine(tmp_path):
    root = tmp_path / "elsewhere"
    (root / "bulletins").mkdir(parents=True)
    copy = root / "bulletins" / "bulletin.txt"
    shutil.copyfile(seed("002"), copy)
    moved = tmp_path / "moved"
    shutil.copytree(root, moved)
    here = read_articles(copy, root=root)
    there = read_articles(moved / "bulletins" / "bulletin.txt", root=moved)
    assert [a.id for a in here] == [a.id for a in there]
    assert {a.path for a in here} == {"bulletins/bulletin.txt"}
    assert len({a.id for a in here}) == len(here)


def test_every_seed_article_has_its_own_id(seeds):
    all_ids = [a.id for articles in seeds.values() for a in articles]
    assert len(set(all_ids)) == len(all_ids) == 12


def test_editing_one_article_changes_only_its_content_hash(seeds, tmp_path):
    edited = tmp_path / "feed.txt"
    text = seed("001").read_text(encoding="utf-8")
    edited.write_text(text.replace("China EU Summit", "EU-China Summit"), encoding="utf-8")
    before = seeds["001"]
    after = read_articles(edited)
    pairs = zip(before, after, strict=True)
    changed = [b.position for b, a in pairs if b.content_hash != a.content_hash]
    assert changed == [1]
    edited_again = tmp_path / seed("001").name
    edited.rename(edited_again)
    assert [a.id for a in read_articles(edited_again)] == [b.id for b in before]
