"""A bar chart of counts per month in one line of block characters, for any span.

Each month between the first and the last gets a bar (empty months too, so gaps show);
a span longer than the width shares each bar among a few months.
"""

from __future__ import annotations

from collections.abc import Mapping

BLOCKS = " ▁▂▃▄▅▆▇█"


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` ("2024-07"), both included."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_bars(counts: Mapping[str, int], width: int) -> tuple[str, int]:
    """One bar per month (or per few months) of ``counts``, at most ``width`` of them.

    Args:
        counts: how many per month ("2024-07" -> 3).
        width: the most bars to draw.

    Returns:
        The bars, and how many months each stands for (0 when there is nothing to draw).
    """
    if not counts or width < 1:
        return "", 0
    months = months_between(min(counts), max(counts))
    per_bar = -(-len(months) // width)
    totals = [
        sum(counts.get(month, 0) for month in months[i : i + per_bar])
        for i in range(0, len(months), per_bar)
    ]
    top = max(totals)
    steps = len(BLOCKS) - 1
    # A month with anything in it gets at least the lowest bar.
    bars = "".join(BLOCKS[-(-total * steps // top)] if total else BLOCKS[0] for total in totals)
    return bars, per_bar


def chart_lines(counts: Mapping[str, int], width: int, noun: str) -> list[str]:
    """The bars and a line under them naming the span and the busiest month.

    Args:
        counts: how many per month.
        width: the cells the chart may fill.
        noun: what is counted, in the plural ("events").

    Returns:
        Two lines, or one saying there is nothing to chart.
    """
    bars, per_bar = month_bars(counts, width)
    if not bars:
        return [f"No {noun} dated to a month."]
    first, last = min(counts), max(counts)
    busiest = max(counts, key=lambda month: (counts[month], month))
    each = "" if per_bar == 1 else f" · a bar is {per_bar} months"
    return [
        bars,
        f"{first} … {last}{each} · most {noun}: {counts[busiest]} in {busiest}",
    ]
