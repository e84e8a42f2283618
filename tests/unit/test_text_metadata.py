"""Source, date and author stated in a story's own text: datelines of the wire agencies,
bylines, a bulletin's issue line and a site named in the headline. A field the text does
not state stays empty.
"""

from __future__ import annotations

import pytest

from search.reading.datelines import find_dateline
from search.reading.metadata import find_byline, issue_date, split_site


@pytest.mark.parametrize(
    ("paragraph", "agency", "date"),
    [
        ("BAKU, July 12 (Reuters) – Azerbaijan signed a gas deal.", "Reuters", None),
        ("BAKU, 3 March (Trend) – The minister met his counterpart.", "Trend", None),
        ("MOSCOW (Reuters) - Talks resumed on Friday.", "Reuters", None),
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "AP", None),
        ("PARIS, July 12, 2024 (AFP) - Prices rose.", "AFP", "2024-07-12"),
        ("Paris (AFP) – Prices rose.", "AFP", None),
        ("Baku, Azerbaijan, March 3 (Trend) – Exports grew.", "Trend", None),
        ("LONDON, 12 July 2024 /PRNewswire/ -- A company said.", "PRNewswire", "2024-07-12"),
        ("TBILISI, 14 January 2025 – Protests continued.", None, "2025-01-14"),
    ],
)
def test_datelines_of_the_agencies_give_source_and_a_dated_day(paragraph, agency, date):
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.agency, found.date) == (agency, date)
    assert paragraph[found.end :][0].isupper()


@pytest.mark.parametrize(
    "paragraph",
    [
        "MOSCOW — The talks resumed.",  # a place alone states neither source nor date
        "Azerbaijan – Armenia",
        "The Ministry (MFA) – said nothing more.",
        "Meanwhile, the talks (held in Baku) – went on.",
        "BAKU (photo) – A ferry docks.",
        "Washington’s invasion of the South Caucasus, after February 24 – analysis.",
    ],
)
def test_prose_with_a_dash_is_no_dateline(paragraph):
    assert find_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("line", "author", "site"),
    [
        ("By Jane Doe", "Jane Doe", None),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe", "Reuters"),
        ("By Jane Doe and John Roe, Staff Writers", "Jane Doe and John Roe", None),
        (
            "By Jane Doe, John Roe and Ann Poe | BBC News",
            "Jane Doe, John Roe and Ann Poe",
            "BBC News",
        ),
        ("By Jane Doe for Caliber.Az", "Jane Doe", "Caliber.Az"),
        ("Reporting by Jane Doe; editing aside", None, None),
        ("By Ursula von der Leyen", "Ursula von der Leyen", None),
        ("By Jan Novak and April Ryan", "Jan Novak and April Ryan", None),
        ("By Jane Doe, Staff Writer, Baku", "Jane Doe", None),
    ],
)
def test_bylines_name_authors_and_the_site_they_write_for(line, author, site):
    found = find_byline(["Headline text here", line, "Body."])
    if author is None and site is None:
        assert found is None
    else:
        assert found == (1, author, site)


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, parliament had voted to approve the budget",
        "By March, the talks",
        "By April, the talks had stalled",
        "By then Parliament",
    ],
)
def test_a_sentence_starting_with_by_names_no_author(line):
    assert find_byline([line, "Body."]) is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Bulletin No. 7, March 2025", "2025-03"),
        ("Issue 12 | 14 July 2024", "2024-07-14"),
        ("Weekly digest – JULY-2024", "2024-07"),
        ("Newsletter #3, 2024-07-15", "2024-07-15"),
        ("Review: March 2025 was the warmest on record", None),
        ("BULLETIN", None),
    ],
)
def test_a_bulletins_issue_line_gives_its_date_at_its_precision(line, date):
    assert issue_date(line) == date


@pytest.mark.parametrize(
    ("title", "headline", "site"),
    [
        (
            "False start by Yerevan and Trump’s Asian tour Caliber.Az weekly review",
            "False start by Yerevan and Trump’s Asian tour",
            "Caliber.Az",
        ),
        (
            "Gas prices rise in Baku | Sputnik Azerbaijan",
            "Gas prices rise in Baku",
            "Sputnik Azerbaijan",
        ),
    ],
)
def test_a_site_named_in_the_title_is_the_source(title, headline, site):
    assert split_site(title) == (headline, site)
