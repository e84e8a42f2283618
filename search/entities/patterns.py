"""DATE and MONEY spans, and road numbers as places, found by regular expressions.

Dates: full dates ("12 March 2024", "March 12, 2024", "2024-03-12", "12/03/2024"),
month and year, day and month, a month after "in"/"since"/"by"... or ending a range
("between February and April"), a range of months ("January-October"), a month in
lower case with a year ("march 2026", as machine translation writes it), weekdays,
years after a preposition ("in 2004"), and a month and year joined by a hyphen
("OCTOBER-2025"). Money: a currency sign or code next to an amount ("$5.2bn", "£300m",
"US$ 3 million", "Rs 500 crore", "NOK 40 million", with a scale "R54 billion" and
"MK150 billion") or an amount followed by a currency word ("40 million euros", "1.5bn
dollars"). Roads: a British road number with "the" before it and a word of roads after
it ("the A30 near Bodmin", "the M4 motorway"; not "the A380 superjumbo").
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def _names(text: str) -> list[str]:
    return text.split()


MONTHS = _names(
    "January February March April May June July August September October November December"
)
MONTH_ABBREVIATIONS = _names("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
WEEKDAYS = _names("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

_MONTH = "(?:" + "|".join(MONTHS + [m + r"\.?" for m in MONTH_ABBREVIATIONS]) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"

_MONTH_CUES = _names("in since until by from last next early late mid")
# Also before a month ending a range ("between February and April", "to September",
# "the end of June");
# not before "May", which after "and" is as often a name.
_RANGE_CUES = _names("to between and through till of")
_MONTH_NOT_MAY = "(?:" + "|".join(m for m in MONTHS if m != "May") + ")"
_YEAR_CUES = _names(
    "in since until by from of during before after the early late to than between for and or"
)


def _after(words: list[str]) -> str:
    """A lookbehind for any of ``words`` (either case of the first letter) and a space."""
    forms = words + [word.capitalize() for word in words]
    return "(?:" + "|".join(rf"(?<=\b{form} )" for form in forms) + ")"


# Two scanners, each opening with a lookahead on the first character, so that the
# many alternatives are only tried where a date can start (a capital or a digit); the
# first looks for the three letters of a month or a weekday next, and the alternatives
# with many words before them for those of a month or a year, before trying the words.
_NAMED_OPENINGS = "|".join(dict.fromkeys(name[:3] for name in MONTHS + WEEKDAYS))
_NAMED = rf"(?={_NAMED_OPENINGS})"
_NAMED_MONTH = "(?=" + "|".join(month[:3] for month in MONTHS) + ")"
_DATE_WORDS_RE = re.compile(
    rf"(?=[ADFJMNOSTW]){_NAMED}(?<![\w-])(?:"
    rf"{_MONTH}[–-]{_MONTH}(?!,?\s+{_YEAR})"
    rf"|(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:[–-]{_DAY})?(?:,?\s+{_YEAR})?(?![\d:])"
    rf"|{_WEEKDAY},?\s+{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH},?\s+{_YEAR}"
    rf"|{_NAMED_MONTH}{_after(_MONTH_CUES)}{_MONTH}"
    rf"|{_NAMED_MONTH}{_after(_RANGE_CUES)}{_MONTH_NOT_MAY}"
    rf"|{_WEEKDAY}"
    r")(?![\w-])"
)
# Days named for a feast ("Boxing Day", "Christmas Eve", "Good Friday"), looked for only
# where such a word is, so that the scanner above keeps to its few first letters.
_NAMED_DAY_RE = re.compile(
    r"(?<![\w-])(?:"
    r"(?:Boxing|Christmas|New[ \t]Year[’']s|Valentine[’']s|Armistice|Remembrance)[ \t]Day"
    r"|(?:Christmas|New[ \t]Year[’']s)[ \t]Eve|Easter[ \t](?:Sunday|Monday)"
    r"|Good[ \t]Friday(?![ \t]Agreement)"
    r")(?![\w-])"
)
_NAMED_DAY_WORDS = (" Day", " Eve", "Good Friday", "Easter ")
_DATE_NUMBERS_RE = re.compile(
    r"(?=\d)(?<![\w-])(?:"
    rf"{_DAY}(?:[–-]{_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_YEAR}-[01]\d-[0-3]\d"
    rf"|[0-3]?\d[/.][01]?\d[/.]{_YEAR}"
    rf"|(?=1[89]|20){_after(_YEAR_CUES)}{_YEAR}s?"
    r")(?![\w-])"
)

# A bulletin's issue line: "OCTOBER-2025", "July-2024".
_MONTH_DASH_YEAR_RE = re.compile(
    r"(?=[ADFJMNOS])(?<![\w-])(?:"
    + "|".join(MONTHS + [m.upper() for m in MONTHS])
    + rf")-{_YEAR}(?![\w-])"
)

# Machine-translated text writes months in lower case; only a year after one makes it a date
# ("in march 2026", not "a march on the capital").
_LOWER_MONTH_YEAR_RE = re.compile(
    r"(?=[adfjmnos])(?<![\w-])(?:" + "|".join(m.lower() for m in MONTHS) + rf")\s+{_YEAR}(?![\w-])"
)

# What the two scanners above cannot match without (a year after a space, after a
# hyphen): a search for it is cheaper than their scan, which most texts are spared.
_SPACE_YEAR_RE = re.compile(rf"\s{_YEAR}")
_LOWER_MONTHS = tuple(month.lower() for month in MONTHS)
_DASH_YEAR_RE = re.compile(rf"-{_YEAR}")

_SIGN = r"(?:US\$|A\$|C\$|HK\$|NZ\$|R\$|S\$|\$|£|€|¥|₹|₽|₦|₩|₺)"
_CODE = (
    r"(?:USD|EUR|GBP|JPY|CNY|RMB|INR|RUB|CHF|AUD|CAD|BRL|MXN|ZAR|NGN|KES|AZN|NOK|SEK|DKK|PLN"
    r"|CZK|HUF|TRY|KRW|Rs\.?|Rp)"
)
_AMOUNT = r"\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:bn|m|k|tn|trillion|billion|million|thousand|crore|lakh)\b)?"
_CURRENCY_WORDS = (
    r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|rupees?|roubles?|"
    r"rubles?|francs?|pesos?|reais|real|rand|naira|shillings?|manats?|dinars?|dirhams?|"
    r"riyals?|rials?|lira|liras|won|baht|ringgit|rupiah|hryvnias?|zlotys?|kroner|kronor|"
    r"krona|krone|lari|tenge|drams?|soms?|somoni|cedis?|kwacha|birr|pence|cents)"
)

# What opens an amount: a capital is tried further only where a currency's sign, code
# or letters before a number stand ("US$", "NOK 40", "R54").
_MONEY_OPENING = (
    rf"(?=[0-9$£€¥₹₽₦₩₺]|US\$|A\$|C\$|HK\$|NZ\$|R\$|S\$|(?:R|MK|K|KSh|Sh)\d|{_CODE}\s?\d)"
)
MONEY_RE = re.compile(
    rf"(?=[0-9$£€¥₹₽₦₩₺A-Z]){_MONEY_OPENING}(?<![\w$£€¥])(?:"
    rf"{_SIGN}\s?(?:{_AMOUNT}){_SCALE}"
    rf"|(?:R|MK|K|KSh|Sh)(?:{_AMOUNT})\s?(?:bn|m|tn|trillion|billion|million)\b"
    rf"|{_CODE}\s?(?:{_AMOUNT}){_SCALE}"
    rf"|(?:{_AMOUNT})(?:\s?(?:bn|m|tn|trillion|billion|million|thousand|crore|lakh))?"
    rf"\s+(?:US\s+|Hong\s+Kong\s+|Australian\s+|Canadian\s+|Swiss\s+|Singapore\s+|New\s+Zealand\s+|Taiwan\s+)?{_CURRENCY_WORDS}\b"
    rf"|(?:{_AMOUNT}){_SCALE}\s?{_CODE}\b"
    r")"
)

# Where an amount may start: a digit or a currency's sign after no word character or
# sign, or a capital with a digit a few characters on (the currency's code or letters:
# "US$ 3", "Rs. 500", "KSh 40", "NOK 40", "R54"). The engine skips to these, where it
# tries MONEY_RE, which opens with lookarounds, at every character.
_MONEY_STARTS = re.compile(
    r"[0-9$£€¥₹₽₦₩₺A-Z](?<![\w$£€¥].)(?:(?<![A-Z])|(?=[A-Za-z]{0,2}\.?\$?\s?\d))"
)


ROAD_RE = re.compile(
    r"\b[Tt]he (?:([AM]\d{1,4}(?:\(M\))?)(?=[ \t]+(?:near|between|motorway|road|bypass|junction"
    r"|southbound|northbound|eastbound|westbound|towards|toward|through|carriageway)\b)"
    # "the M4 in Berkshire": a motorway ("the A380 in service" is a plane)
    r"|(M\d{1,3})(?=[ \t]+(?:in|at)\b))"
)
# What ROAD_RE cannot match without: few texts have it, so most are spared the scan.
_ROAD_CUE_RE = re.compile(r"he [AM]\d")
# "after an M4 crash": a road before an accident, looked for only where one is told.
_ROAD_ACCIDENT_RE = re.compile(
    r"(?<![\w-])[AM]\d{1,4}(?=[ \t]+(?:crash|collision|closure|roadworks)\b)"
)
_ACCIDENT_WORDS = (" crash", " collision", " closure", " roadworks")


# A date naming a day: a weekday, or a day of the month with its month.
_DAY_LEVEL_RE = re.compile(rf"{_WEEKDAY}|(?<![\d,.])\d{{1,2}}(?:st|nd|rd|th)?(?![\d,.])")
_RANGE_JOINS = (" to ", " until ", "–", " – ", " - ")


def entity_dates(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The dates an entity is made of, from the patterns' spans: two dates naming days
    with "to" between them are one, as a range of days is ("Monday 9 March to Friday 13
    March", "Monday to Saturday"); months and years stay apart ("February to March",
    "2019 to 2024")."""
    dates = sorted(span for span in spans if span[2] == "DATE")
    joined: list[tuple[int, int, str]] = []
    for span in dates:
        if joined and span[1] <= joined[-1][1]:
            continue  # "9 March" inside "Monday 9 March"
        if joined and span[0] == joined[-1][0]:
            joined[-1] = span  # "Monday 9 March" over "Monday"
            continue
        if joined:
            start, end, _ = joined[-1]
            if (
                text[end : span[0]] in _RANGE_JOINS
                and _DAY_LEVEL_RE.search(text, start, end)
                and _DAY_LEVEL_RE.search(text, span[0], span[1])
            ):
                joined[-1] = (start, span[1], "DATE")
                continue
        joined.append(span)
    return [span for span in spans if span[2] != "DATE"] + joined


# Where the two date scanners may start: a month's or weekday's first three letters and a
# digit, each after no letter, digit or hyphen. These open with a plain letter or digit,
# which the regular expression engine skips to quickly; the scanners themselves open with
# lookarounds, which it tries at every character.
_SCANNERS_BY_START = (
    (_DATE_WORDS_RE, re.compile(rf"(?:{_NAMED_OPENINGS})(?<![\w-]...)")),
    (_DATE_NUMBERS_RE, re.compile(r"\d(?<![\w-]\d)")),
)


def scan_from(scanner: re.Pattern, starts: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of ``scanner.finditer(text)``, tried only where ``starts`` finds one
    may start."""
    end = 0
    for start in starts.finditer(text):
        if start.start() >= end:
            match = scanner.match(text, start.start())
            if match:
                yield match
                end = match.end()


def _lower_month_before_a_year(text: str) -> bool:
    """Whether a month in lower case stands before a year, as ``_LOWER_MONTH_YEAR_RE``
    needs: the years are few, and what is before each is read only there."""
    return any(
        text[: year.start()].rstrip().endswith(_LOWER_MONTHS)
        for year in _SPACE_YEAR_RE.finditer(text)
    )


def find_patterns(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, type) for MONEY, DATE and road (PLACE) spans in ``text``."""
    for match in scan_from(MONEY_RE, _MONEY_STARTS, text):
        yield match.start(), match.end(), "MONEY"
    if _ROAD_CUE_RE.search(text):
        for match in ROAD_RE.finditer(text):
            road = match.lastindex or 1
            yield match.start(road), match.end(road), "PLACE"
    if any(word in text for word in _ACCIDENT_WORDS):
        for match in _ROAD_ACCIDENT_RE.finditer(text):
            yield match.start(), match.end(), "PLACE"
    for scanner, starts in _SCANNERS_BY_START:
        for match in scan_from(scanner, starts, text):
            yield match.start(), match.end(), "DATE"
    scanners = []
    if _lower_month_before_a_year(text):
        scanners.append(_LOWER_MONTH_YEAR_RE)
    if _DASH_YEAR_RE.search(text):
        scanners.append(_MONTH_DASH_YEAR_RE)
    if any(word in text for word in _NAMED_DAY_WORDS):
        scanners.append(_NAMED_DAY_RE)
    for scanner in scanners:
        for match in scanner.finditer(text):
            yield match.start(), match.end(), "DATE"
