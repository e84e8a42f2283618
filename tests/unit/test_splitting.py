"""Splitting files into articles: contents, numbered sections, feeds, single stories."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from benchmarks.corpus import bbc_folder
from search.reading.reader import read_articles, walk_corpus
from search.reading.splitting import split

DOCUMENTS = Path(__file__).parent.parent / "fixtures" / "documents"
BBC = bbc_folder()


def read(name: str):
    return read_articles(DOCUMENTS / name)


def test_bulletin_with_contents_splits_into_sections():
    articles = read("bulletin_with_contents.txt")
    assert [a.title for a in articles] == [
        "Gas storage levels ahead of the spring",
        "A new interconnector for Lithuania",
        "Prices and the winter that was not",
    ]
    assert articles[1].body.startswith("The second cable between Lithuania and Poland")
    assert all("........" not in a.body and "Contents" not in a.body for a in articles)
    stated = {(a.source, a.date) for a in articles}
    assert stated == {("Baltic Institute for Energy Policy", "2023-03")}


def test_roman_numbered_sections_split_without_contents():
    articles = read("numbered_sections.txt")
    assert [a.title for a in articles] == ["Harbour works", "Rail freight", "Customs"]
    assert articles[2].body.startswith("A new electronic declaration system")


def test_numbered_list_inside_an_article_is_not_a_split():
    (article,) = read("article_with_numbered_list.txt")
    assert article.title == "City council approves new budget"
    assert "2. Extend the tram line to the new hospital." in article.paragraphs


def test_numbered_subheadings_after_an_introduction_are_not_a_split():
    (article,) = read("article_with_numbered_subheadings.txt")
    assert article.title == "What the new trade agreement changes"
    assert "1. Tariffs" in article.paragraphs and "2. Services" in article.paragraphs


def test_feed_with_a_link_after_each_post_splits_into_posts():
    articles = read("feed_links_after.txt")
    assert [(a.title, a.url) for a in articles] == [
        ("Port strike enters second week", "https://example.org/posts/port-strike-second-week"),
        ("Wind farm approved", "https://example.org/posts/wind-farm-approved"),
        ("Bridge reopens to traffic", "https://example.org/posts/bridge-reopens"),
    ]
    assert all("https://" not in a.body for a in articles)


def test_feed_with_a_link_before_each_post_splits_into_posts():
    articles = read("feed_links_before.txt")
    assert [(a.title, a.url) for a in articles] == [
        ("Early harvest in the south", "https://news.example.net/2024/05/01/harvest"),
        ("Museum reopens its east wing", "https://news.example.net/2024/05/02/museum"),
    ]


def test_single_story_with_one_link_line_is_not_a_feed():
    (article,) = read("story_with_source_link.txt")
    assert article.title == "Heavy snow closes mountain pass"
    assert article.url == "https://www.example.com/regional/heavy-snow-closes-pass"
    assert "https://" not in article.body
    assert article.body.endswith("adds about forty minutes to the journey.")


def test_link_introduced_by_a_colon_is_a_reference_not_a_separator():
    paras = [
        "Ministry publishes the new rules",
        "The full text of the regulation is available here:",
        "https://example.gov/rules.pdf",
        "Officials said a summary in plain language will follow next week.",
        "https://example.gov/summary",
    ]
    front, parts = split(paras)
    assert front == [] and len(parts) == 1


def test_web_page_becomes_one_story_with_its_metadata():
    (article,) = read("web_page_with_chrome.txt")
    assert article.title == "Ferry operator orders three electric ships"
    assert (article.author, article.date, article.source) == (
        "Jane Ostrova",
        "2023-03-03",
        "Northern Ledger",
    )
    assert article.paragraphs == [
        "The ferry operator serving the islands has ordered three battery-electric ships from "
        "a shipyard in the north, its chief executive said on Friday. The first vessel is due "
        "to enter service in 2026.",
        "The ships will charge at the mainland terminal during the twenty-minute turnaround, "
        "using power from the new offshore wind farm.",
    ]


def test_pdf_page_breaks_and_page_numbers_are_repaired():
    (article,) = read("pdf_page_breaks.txt")
    assert "covered the oldest network in the eastern districts." in article.body
    assert "along the main pipeline so that bursts" in article.body
    assert "Prime Minister Anna Varga said" in article.body
    assert "Page 4" not in article.body and "\n\n3\n\n" not in article.body


def test_markdown_heading_and_emphasis_marks_are_removed():
    (article,) = read("library.md")
    assert article.title == "Library opens on Sundays"
    assert "**" not in article.body and "open on Sundays from next month" in article.body


def test_html_page_is_extracted_with_its_metadata():
    (article,) = read("page.html")
    assert article.title == "Lighthouse restored after storm damage"
    assert (article.author, article.source, article.date) == (
        "Tomas Berg",
        "Coastal Courier",
        "2024-02-11",
    )
    assert article.body.startswith("The lighthouse on the northern headland shone again")
    assert "Home" not in article.body and "Share on Facebook" not in article.body


@pytest.mark.skipif(not BBC.is_dir(), reason=f"BBC news corpus not present at {BBC}")
def test_news_stories_are_one_article_each_titled_by_their_headline():
    wrong = []
    for path in walk_corpus(BBC):
        if not isinstance(path, Path) or path.name == "README.TXT":
            continue
        articles = read_articles(path)
        first_line = path.read_bytes().split(b"\n", 1)[0]
        try:
            headline = " ".join(first_line.decode("utf-8").split())
        except UnicodeDecodeError:
            headline = " ".join(first_line.decode("cp1252").split())
        headline = html.unescape(headline)  # "&#163;1.8m fine" is listed as "£1.8m fine"
        if len(articles) != 1 or articles[0].title != headline:
            wrong.append((path.name, [a.title for a in articles]))
    assert wrong == []


def test_contents_without_numbers_match_headings_with_or_without_page_numbers():
    body = "Text of the section that is long enough to be read as prose by anyone at all."
    paras = [
        "Annual report",
        "Contents",
        "Foreword 2",
        "Chapter 11 bankruptcy explained 5",
        "Foreword",
        body,
        "Chapter 11 bankruptcy explained",
        body,
    ]
    front, parts = split(paras)
    assert front == paras[:4]
    assert [(p.heading, p.paragraphs) for p in parts] == [
        ("Foreword", [body]),
        ("Chapter 11 bankruptcy explained", [body]),
    ]


def test_numbered_contents_list_without_a_heading_is_not_taken_for_sections():
    body = (
        "The dredging of the northern basin started in June and is expected to last until "
        "the end of the year, port officials said on Monday."
    )
    paras = [
        "I. Harbour works",
        "II. Rail freight",
        "I. Harbour works",
        body,
        "II. Rail freight",
        body,
    ]
    front, parts = split(paras)
    assert front == paras[:2]
    assert [(p.heading, p.paragraphs) for p in parts] == [
        ("Harbour works", [body]),
        ("Rail freight", [body]),
    ]
