"""Each article says where its source, date and author were found (``Article.origins``),
read from files written by the test: datelines, bylines, a bulletin's header, a site in
the headline, a masthead, a copyright notice and a web page's own metadata.
"""

from __future__ import annotations

from pathlib import Path

from search.reading.reader import read_articles


def read_one(tmp_path: Path, text: str, name: str = "story.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (article,) = read_articles(path)
    return article


def fields(article) -> tuple:
    return article.source, article.date, article.author, article.origins


def test_wire_story_takes_its_source_from_the_dateline(tmp_path):
    article = read_one(
        tmp_path,
        "Azerbaijan signs gas deal\n\nBAKU, July 12 (Reuters) – Azerbaijan signed a gas deal"
        " with its neighbour on Friday.\n\nMore text.\n",
    )
    # The dateline gives no year: the date stays empty rather than guessed.
    assert fields(article) == ("Reuters", None, None, {"source": "dateline"})
    assert article.body.startswith("BAKU, July 12 (Reuters) – Azerbaijan signed")


def test_dated_dateline_gives_the_date_and_the_title_skips_it(tmp_path):
    article = read_one(
        tmp_path,
        "PARIS, July 12, 2024 (AFP) - Fuel prices rose across Europe. Traders blamed supply.\n",
    )
    assert article.title == "Fuel prices rose across Europe"
    assert fields(article) == (
        "AFP",
        "2024-07-12",
        None,
        {"source": "dateline", "date": "dateline"},
    )


def test_an_unpunctuated_wire_lead_is_not_taken_for_a_headline(tmp_path):
    article = read_one(
        tmp_path,
        "WASHINGTON (AP) — The Senate passed the budget bill on Tuesday\n\nThe vote was close.\n",
    )
    assert article.title == "The Senate passed the budget bill on Tuesday"
    assert article.body.startswith("WASHINGTON (AP) — The Senate passed")
    assert (article.source, article.origins) == ("AP", {"source": "dateline"})


def test_byline_site_comes_before_the_dateline_agency(tmp_path):
    article = read_one(
        tmp_path,
        "Ceasefire talks resume\n\nBy Jane Doe and John Roe, Reuters\n\n"
        "MOSCOW (Reuters) - Talks resumed on Friday.\n",
    )
    assert fields(article) == (
        "Reuters",
        None,
        "Jane Doe and John Roe",
        {"author": "byline", "source": "byline"},
    )
    assert "By Jane Doe" not in article.body


def test_bulletin_issue_line_dates_the_story_and_stays_in_its_text(tmp_path):
    article = read_one(
        tmp_path,
        "Bulletin No. 7, March 2025\n\nRegional energy outlook\n\n"
        "The outlook for the region is stable.\n\nExports grew.\n",
    )
    assert article.title == "Regional energy outlook"
    assert fields(article) == (None, "2025-03", None, {"date": "header"})
    assert article.body.startswith("Bulletin No. 7, March 2025")


def test_bulletin_header_dates_and_names_every_article_in_it(tmp_path):
    text = (
        "CENTER FOR CASPIAN STUDIES\n\nJULY-2024\n\nBULLETIN\n\nTable of contents\n\n"
        "- I. **Ports expand**\n- II. **Rail link opens**\n\n"
        "I. Ports expand\n\nThe ports of the region expanded their capacity this month.\n\n"
        "II. Rail link opens\n\nA new rail link opened between the two capitals.\n"
    )
    path = tmp_path / "bulletin.txt"
    path.write_text(text, encoding="utf-8")
    articles = read_articles(path)
    assert [a.title for a in articles] == ["Ports expand", "Rail link opens"]
    for article in articles:
        assert fields(article) == (
            "Center for Caspian Studies",
            "2024-07",
            None,
            {"source": "header", "date": "header"},
        )


def test_site_in_the_title_and_a_date_line_say_where_they_came_from(tmp_path):
    article = read_one(
        tmp_path,
        "Gas prices rise in Baku | Sputnik Azerbaijan\n\n14 January 2025 11:12\n\n"
        "Analysts expect prices to rise further.\n",
    )
    assert article.title == "Gas prices rise in Baku"
    assert fields(article) == (
        "Sputnik Azerbaijan",
        "2025-01-14T11:12",
        None,
        {"source": "title", "date": "header"},
    )


def test_site_masthead_and_copyright_line(tmp_path):
    masthead = read_one(
        tmp_path,
        "Caliber.Az\n\nHarbour strike ends after two weeks\n\nDock workers returned.\n",
        "masthead.txt",
    )
    assert (masthead.source, masthead.origins) == ("Caliber.Az", {"source": "header"})
    notice = read_one(
        tmp_path,
        "Harbour strike ends\n\nDock workers returned to work.\n\n© 2025 Coastal Courier\n",
        "notice.txt",
    )
    assert (notice.source, notice.origins) == ("Coastal Courier", {"source": "copyright"})


def test_text_that_states_nothing_leaves_every_field_empty(tmp_path):
    article = read_one(
        tmp_path,
        "Relations between two neighbours\n\nBy March 2025 the talks had stalled,"
        " and both capitals (Baku and Moscow) – officials said – kept their distance.\n",
    )
    assert fields(article) == (None, None, None, {})


def test_web_page_fields_keep_the_origin_the_page_gives(tmp_path):
    page = (
        "<html><head><title>Harbour deal | Coastal Courier</title>"
        '<meta property="article:published_time" content="2024-07-20T09:00:00Z">'
        "</head><body><article><h1>Harbour deal signed</h1>"
        "<p>By Jane Doe</p><p>The harbour deal was signed on Saturday after long talks"
        " between the port authority and the city.</p></article></body></html>"
    )
    article = read_one(tmp_path, page, "page.html")
    assert article.title == "Harbour deal signed"
    assert (article.source, article.author) == ("Coastal Courier", "Jane Doe")
    assert article.origins["title"] == "heading"
    assert article.origins["source"] == "title"
    assert article.origins["author"] == "byline"
    assert article.origins["date"] == "meta"
