"""What a date mention means: its day, month or year, resolved against the article's date."""

from __future__ import annotations

import pytest

from search.explore.dates import DateValue, normalise_date


def day(iso: str, resolved: bool = False) -> DateValue:
    return DateValue(iso, iso, "day", resolved)


@pytest.mark.parametrize(
    ("mention", "article_date", "expected"),
    [
        ("12 March 2024", None, day("2024-03-12")),
        ("March 12, 2024", None, day("2024-03-12")),
        ("Wednesday, 3 July 2024", None, day("2024-07-03")),
        ("2024-03-12", None, day("2024-03-12")),
        ("12/03/2024", None, day("2024-03-12")),
        ("March 2024", None, DateValue("2024-03", "2024-03", "month")),
        ("in 2004", None, DateValue("2004", "2004", "year")),
    ],
)
def test_a_full_date_needs_nothing_from_the_article(mention, article_date, expected):
    assert normalise_date(mention, article_date) == expected


@pytest.mark.parametrize(
    ("mention", "article_date", "expected"),
    [
        ("on July 3", "2024-07-10", day("2024-07-03", True)),
        ("July 3", "2024-07", day("2024-07-03", True)),
        ("July 3", "2024", day("2024-07-03", True)),
        # Across the turn of the year, the nearer year wins.
        ("December 28", "2025-01-05", day("2024-12-28", True)),
        ("January 4", "2024-12-20", day("2025-01-04", True)),
        ("Sept. 5", "2024-09-20", day("2024-09-05", True)),
        ("in March", "2024-07-10", DateValue("2024-03", "2024-03", "month", True)),
    ],
)
def test_a_missing_year_comes_from_the_article_date(mention, article_date, expected):
    assert normalise_date(mention, article_date) == expected


@pytest.mark.parametrize(
    ("mention", "before", "expected"),
    [
        ("yesterday", "", day("2024-07-09", True)),
        ("today", "", day("2024-07-10", True)),
        ("tomorrow", "", day("2024-07-11", True)),
        ("Monday", "talks ended on ", day("2024-07-08", True)),
        ("Wednesday", "", day("2024-07-10", True)),
        ("Monday", "the ministers will meet on ", day("2024-07-15", True)),
        ("last week", "", DateValue("2024-07-01", "2024-07-07", "day", True)),
        ("next week", "", DateValue("2024-07-15", "2024-07-21", "day", True)),
        ("last month", "", DateValue("2024-06", "2024-06", "month", True)),
        ("last year", "", DateValue("2023", "2023", "year", True)),
    ],
)
def test_relative_dates_count_from_the_article_date(mention, before, expected):
    # 2024-07-10 is a Wednesday.
    assert normalise_date(mention, "2024-07-10", before) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("12-14 March 2024", DateValue("2024-03-12", "2024-03-14", "day")),
        ("March 12–14, 2024", DateValue("2024-03-12", "2024-03-14", "day")),
        ("March to May 2024", DateValue("2024-03", "2024-05", "month")),
        ("between 2019 and 2021", DateValue("2019", "2021", "year")),
        ("2019-2021", DateValue("2019", "2021", "year")),
        ("the 1990s", DateValue("1990", "1999", "year")),
    ],
)
def test_ranges_stay_ranges(mention, expected):
    assert normalise_date(mention, None) == expected
    assert expected.is_range


@pytest.mark.parametrize(
    ("mention", "article_date"),
    [
        ("July 3", None),
        ("yesterday", None),
        ("yesterday", "2024-07"),
        ("Monday", "2024"),
        ("last week", "2024"),
        ("31 February 2024", None),
        ("14-12 March 2024", None),
        ("Theresa May", "2024-07-10"),
    ],
)
def test_what_cannot_be_told_names_no_date(mention, article_date):
    assert normalise_date(mention, article_date) is None


@pytest.mark.parametrize(
    ("mention", "before", "article_date", "expected"),
    [
        ("Thursday", "shares closed lower last ", "2025-02-20", "2025-02-13"),
        ("Thursday", "the company announced on ", "2025-02-20", "2025-02-20"),
        ("Wednesday", "temperatures could drop on ", "2025-01-13", "2025-01-15"),
        ("Thursday", "a warning until midnight on ", "2025-01-13", "2025-01-16"),
        ("November", "the bank said last ", "2025-11-20", "2024-11"),
        ("November", "the bank said in ", "2025-11-20", "2025-11"),
    ],
)
def test_cues_before_a_weekday_or_a_month_say_which_one(mention, before, article_date, expected):
    assert normalise_date(mention, article_date, before).start == expected
