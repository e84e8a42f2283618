"""Web pages read as articles: the story's headline, site, author and date, and its
text without the site's navigation, banners, scripts or styles."""

from __future__ import annotations

import pytest

from search.reading.html import extract_page
from search.reading.reader import UnreadableFile, read_articles
from tests.unit.web_pages import FURNITURE_WORDS, PAGES, write_pages


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = write_pages(tmp_path_factory.mktemp("pages"))
    return {name: read_articles(folder / name) for name in PAGES}


@pytest.mark.parametrize("name", PAGES)
def test_page_is_one_article_with_the_metadata_it_states(pages, name):
    want = PAGES[name]
    (article,) = pages[name]
    assert article.title == want.title
    assert article.source == want.source
    assert article.author == want.author
    if want.date is None:
        assert article.date is None
    else:
        assert article.date is not None and article.date.startswith(want.date)


@pytest.mark.parametrize("name", PAGES)
def test_body_starts_with_the_story_and_holds_none_of_the_site(pages, name):
    want = PAGES[name]
    (article,) = pages[name]
    assert article.body.startswith(want.body_start)
    assert all(word in article.body for word in want.body_words)
    assert [word for word in FURNITURE_WORDS if word in article.body] == []
    assert not article.body.startswith(("Home", "News"))


def test_shortened_title_gives_way_to_the_articles_heading_not_its_menu():
    page = extract_page(PAGES["harbour_short_title.html"].html)
    title, body = page.text.split("\n\n", 1)
    assert title == "Harbour deal signed"
    assert "Home" not in body and "|" not in body


def test_menu_written_as_a_paragraph_of_links_is_not_the_story():
    page = extract_page(
        "<html><head><title>Harbour deal</title></head><body>"
        '<p><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></p>'
        "<h1>Harbour deal signed</h1><p>The port authority signed the harbour deal, "
        'its <a href="/chair">chair</a> said.</p></body></html>'
    )
    assert page.text == (
        "Harbour deal signed\n\nThe port authority signed the harbour deal, its chair said."
    )


def test_each_field_says_where_it_came_from():
    shortened = extract_page(PAGES["harbour_short_title.html"].html)
    assert shortened.origins == {"title": "heading"}
    decorated = extract_page(PAGES["news_site.html"].html)
    assert decorated.origins == {
        "title": "heading",
        "source": "title",
        "author": "byline",
        "date": "meta",
    }
    stated = extract_page(PAGES["json_ld.html"].html)
    assert stated.origins == {"title": "meta", "author": "meta", "date": "meta", "source": "meta"}
    assert extract_page(PAGES["title_only_site_first.html"].html).origins == {
        "title": "title",
        "source": "title",
    }


def test_dates_keep_the_precision_the_page_states():
    def date_of(value: str) -> str | None:
        html = (
            f'<html><head><meta property="article:published_time" content="{value}">'
            "<title>Harbour deal signed</title></head>"
            "<body><p>The harbour deal was signed.</p></body></html>"
        )
        return extract_page(html).date

    assert date_of("2025-03-04T09:30:00+01:00") == "2025-03-04T09:30"
    assert date_of("2025-03-04T00:00:00Z") == "2025-03-04"
    assert date_of("2025-03-04") == "2025-03-04"
    assert date_of("20250304") == "2025-03-04"
    assert date_of("March 4, 2025") == "2025-03-04"
    assert date_of("not a date") is None


def test_malformed_json_ld_and_markup_lose_nothing():
    page = extract_page(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": </script><title>Harbour deal signed | Coastal Courier</title>'
        "<body><div><p>The harbour deal was signed on Tuesday<p>Work starts in spring."
    )
    assert page.text.split("\n\n") == [
        "Harbour deal signed",
        "The harbour deal was signed on Tuesday",
        "Work starts in spring.",
    ]
    assert page.source == "Coastal Courier"


def test_page_of_nothing_but_site_furniture_is_reported_not_indexed(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><title>Home</title><script>trackPageview()</script></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        '<div class="cookie-banner">We use cookies.</div></body></html>',
        encoding="utf-8",
    )
    with pytest.raises(UnreadableFile):
        read_articles(path)


def test_story_after_thousands_of_menu_links_keeps_its_only_paragraph(tmp_path):
    menu = "".join(
        f"<div><a href='/{i}'>L{i}</a> <a href='/x{i}'>M{i}</a></div>" for i in range(3000)
    )
    path = tmp_path / "links.html"
    path.write_text(
        f"<html><body>{menu}<p>The harbour deal was signed on Tuesday.</p></body></html>",
        encoding="utf-8",
    )
    (article,) = read_articles(path)
    assert article.title == "The harbour deal was signed on Tuesday"
    assert "L1" not in article.body and "M2999" not in article.body


def test_markup_nested_past_the_parsers_depth_and_control_characters_lose_no_text():
    deep = "<div>" * 5000 + "<p>The harbour deal was signed.</p>" + "</div>" * 5000
    assert extract_page(f"<html><body>{deep}</body></html>").text == (
        "The harbour deal was signed."
    )
    page = extract_page("<html><body><p>The harbour\x00 deal\x0b was signed.</p></body></html>")
    assert page.text == "The harbour deal was signed."


def test_heading_reads_as_shown_and_a_decorated_og_title_loses_the_site():
    page = extract_page(
        "<html><head><title>Harbour | Port News</title></head><body><main>"
        "<h1>Har<b>bour</b> deal<br>sig<wbr>ned<button>Copy link</button></h1>"
        "<p>The harbour deal was signed on Tuesday.</p></main></body></html>"
    )
    assert page.text.split("\n\n")[0] == "Harbour deal signed"
    decorated = extract_page(
        '<html><head><meta property="og:title" content="Harbour deal signed | Port News">'
        '<meta property="og:site_name" content="Port News"></head>'
        "<body><p>The harbour deal was signed on Tuesday.</p></body></html>"
    )
    assert decorated.text.split("\n\n")[0] == "Harbour deal signed"
    assert decorated.source == "Port News"
