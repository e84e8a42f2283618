"""Metadata stated in the text: dates at their precision, authors, publishers, links."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.reading.metadata import (
    author_in_title,
    clean_title,
    clean_url,
    derived_title,
    find_byline,
    find_date,
    parse_date,
    split_site,
    stated_source,
)
from search.reading.reader import read_articles


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("14 January 2025 11:12", "2025-01-14T11:12"),
        ("JULY-2024", "2024-07"),
        ("July 2024", "2024-07"),
        ("2024-07-20", "2024-07-20"),
        ("20.07.2024", "2024-07-20"),
        ("Published: 3 March 2023", "2023-03-03"),
        ("Updated on March 5, 2021 at 09:30", "2021-03-05T09:30"),
        ("January 14, 2025 11:12 PM", "2025-01-14T23:12"),
        ("Monday, 14th January 2025", "2025-01-14"),
        ("2024-07", "2024-07"),
        ("07/2024", "2024-07"),
    ],
)
def test_dates_keep_the_precision_the_text_states(line, expected):
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "March 15",
        "2",
        "The summit is planned for May 2026 in Yerevan, officials said.",
        "Preparations for COP29",
    ],
)
def test_lines_that_are_not_a_publication_date_give_none(line):
    assert parse_date(line) is None


def test_date_line_is_found_only_near_the_top():
    paras = ["Lead paragraph of the story.", "14 January 2025 11:12", "Body."]
    assert find_date(paras) == (1, "2025-01-14T11:12")
    assert find_date(["Body."] * 5 + ["14 January 2025"]) is None


def test_byline_paragraph_gives_the_author():
    assert find_byline(["By Jane Ostrova", "Text."]) == (0, "Jane Ostrova", None)
    assert find_byline(["Author: Tomas Berg | Riga", "Text."]) == (0, "Tomas Berg", None)


@pytest.mark.parametrize(
    ("line", "author", "site"),
    [
        ("By Jane Ostrova, Caliber.Az", "Jane Ostrova", "Caliber.Az"),
        ("By Jane Ostrova | BBC News", "Jane Ostrova", "BBC News"),
        ("By Jane Ostrova, Reuters", "Jane Ostrova", "Reuters"),
        ("By Reuters", None, "Reuters"),
        ("Source: APA", None, "APA"),
        ("Source: news.am.", None, "news.am"),
        ("By Jane Ostrova, Baku", "Jane Ostrova", None),
        ("By Jane Ostrova, Staff Writer", "Jane Ostrova", None),
        ("By Jane Post", "Jane Post", None),
    ],
)
def test_site_named_in_a_byline_becomes_source(line, author, site):
    assert find_byline(["Lead paragraph.", line, "Text."]) == (1, author, site)


def test_sentence_starting_with_by_is_not_a_byline():
    assert find_byline(["By signing the document, Armenia strengthens its position."]) is None


def test_author_named_at_the_end_of_a_headline():
    title = (
        "Yerevan and Washington set to sign partnership document - "
        '"They made it...” Analysis by Farhad Mammadov'
    )
    assert author_in_title(title) == "Farhad Mammadov"


def test_by_inside_a_headline_is_not_an_author():
    assert author_in_title("False start by Yerevan and Trump’s Asian tour weekly review") is None


def test_publisher_from_copyright_line_prefers_its_own_capitalisation():
    lines = ["Any use of materials is allowed", "Caliber.az © 2025. .", "POLITICS"]
    text = "\n".join([*lines, "Story text.", "Caliber.Az"])
    assert stated_source(lines, text)[0] == "Caliber.Az"


def test_publisher_from_a_masthead_in_capitals():
    lines = ["", "CENTER OF ANALYSIS OF INTERNATIONAL RELATIONS", "JULY-2024", "BULLETIN"]
    publisher, _ = stated_source(lines, "\n".join(lines))
    assert publisher == "Center of Analysis of International Relations"


def test_no_publisher_when_none_is_stated():
    lines = ["City council approves new budget", "", "The council approved the budget."]
    assert stated_source(lines, "\n".join(lines)) is None


def test_tracking_parameters_are_removed_from_links():
    assert (
        clean_url("https://example.org/a?id=7&utm_source=feed&fbclid=XYZ")
        == "https://example.org/a?id=7"
    )
    assert (
        clean_url("https://www.facebook.com/jeff.mah.5/posts/pfbid02?cft[0]=AZU&tn=%2CO%2CP-R")
        == "https://www.facebook.com/jeff.mah.5/posts/pfbid02"
    )


def test_titles_lose_site_separators_and_stay_short():
    assert clean_title("Radically changing situation – scorpions in Baku show Washington |") == (
        "Radically changing situation – scorpions in Baku show Washington"
    )
    long_title = clean_title("word " * 60)
    assert len(long_title) <= 121 and long_title.endswith("…")


def test_text_without_a_headline_is_titled_by_its_first_sentence():
    assert derived_title("No Airbus plane deal between EU and China. More later.") == (
        "No Airbus plane deal between EU and China"
    )


def test_site_name_after_a_bar_is_the_publisher():
    assert split_site("Lighthouse restored after storm damage | Coastal Courier") == (
        "Lighthouse restored after storm damage",
        "Coastal Courier",
    )
    assert split_site("Radically changing situation – scorpions in Baku show Washington |") == (
        "Radically changing situation – scorpions in Baku show Washington |",
        None,
    )


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [
        (
            "Oil output steady in the Caspian | Reuters",
            "Oil output steady in the Caspian",
            "Reuters",
        ),
        (
            "Oil output steady in the Caspian - Reuters",
            "Oil output steady in the Caspian",
            "Reuters",
        ),
        ("Border text agreed at last - BBC News", "Border text agreed at last", "BBC News"),
        ("Ceasefire holds along the line – news.am", "Ceasefire holds along the line", "news.am"),
        ("Georgia votes amid protests — OC Media", "Georgia votes amid protests", "OC Media"),
        (
            "Summit ends without a deal - Times of India",
            "Summit ends without a deal",
            "Times of India",
        ),
        ("Caliber.Az: Baku hosts energy forum", "Baku hosts energy forum", "Caliber.Az"),
        ("Trend.az - Baku hosts energy forum", "Baku hosts energy forum", "Trend.az"),
        (
            "Pashinyan visits Moscow again eurasianet.org",
            "Pashinyan visits Moscow again",
            "eurasianet.org",
        ),
        ("Ferry line reopens to Aktau APA.az", "Ferry line reopens to Aktau", "APA.az"),
    ],
)
def test_site_named_after_or_before_title_becomes_source(title, headline, site):
    assert split_site(title) == (headline, site)


def test_site_named_after_title_becomes_source():
    title = "Harbour strike ends after two weeks Report.az weekly review"
    assert split_site(title) == ("Harbour strike ends after two weeks", "Report.az")


@pytest.mark.parametrize(
    "title",
    [
        "Energy ministers meet in Baku",
        "Talks resume as delegates meet – in Baku",
        "Energy ministers meet - Baku and Tbilisi",
        "Mr. Smith goes to Washington",
        "Inflation reaches 3.5 percent in March",
        "Shares fall sharply at Amazon.com",
        "Forum opens in St.Petersburg today",
        "Aliyev answers questions - Shusha Global Media Forum",
        "Exclusive: Armenia signs arms deal with India",
        "Oil prices rise again | Analysis",
        "Radically changing situation – scorpions in Baku show Washington",
    ],
)
def test_ordinary_words_in_a_title_are_not_a_site(title):
    assert split_site(title) == (title, None)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Harbour strike ends after two weeks - Caliber.Az\n\nThe strike ended.", "Caliber.Az"),
        ("Harbour strike ends\n\nSource: APA\n\nThe strike ended.", "APA"),
        ("Harbour strike ends\n\nBy Jane Ostrova, Report.az\n\nThe strike ended.", "Report.az"),
        ("Harbour strike ends in Baku\n\nBy Jane Ostrova, Baku\n\nThe strike ended.", None),
    ],
)
def test_article_source_comes_from_its_title_or_byline(tmp_path, text, source):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = read_articles(path)
    assert article.source == source
    assert "Source:" not in article.body and "Ostrova" not in article.body


def test_seed_weekly_review_carries_its_site_as_source():
    seed = Path(__file__).parent.parent.parent / "seeds" / "000_5dd02134285bf95d.txt"
    (article,) = read_articles(seed)
    assert (article.title, article.source) == (
        "False start by Yerevan and Trump’s Asian tour",
        "Caliber.Az",
    )


def test_byline_and_date_before_the_headline_are_metadata_not_title():
    path = Path(__file__).parent.parent / "fixtures" / "documents" / "story_with_byline_first.txt"
    (article,) = read_articles(path)
    assert (article.title, article.author, article.date) == (
        "Harbour cranes replaced",
        "Jane Ostrova",
        "2024-05-12",
    )
    assert article.paragraphs == [
        "The port replaced its two oldest cranes this spring. The new ones lift twice as much.",
        "Work on the quay continues.",
    ]
