"""Fallback readings of names the gazetteer's index does not hold as they are written.

Split from ``places`` (which keeps lookup and scoring) so each module stays small. ``Fallbacks``
is a mixin of ``Gazetteer``: its methods use the gazetteer's tables and its ``resolve``.

* ``_adjective``: "Russian" → Russia, only when the caller asks for adjectives.
* ``_county``: "Laurel County" → a US county placed in the state the article points to.
* ``_site``: "Royal Street", "Colorado State University" → the place it names, else the
  article's first town.
* ``_embedded``: "Harare City Council", "Bank of Mexico" → the longest place name inside.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.records import Place
from eventwire.resolve.geonames_index import CityTables, normalise
from eventwire.resolve.place_tables import HINTS, MODIFIERS, SITES

if TYPE_CHECKING:
    from eventwire.resolve.place_tables import Area

POSSESSIVE = re.compile(r"['’]s$")
MAX_EMBEDDED_WORDS = 10
# A town named inside a longer name must have about 50,000 people (log10 population) unless the
# article's context favours it (``_sizeable``).
INNER_CITY_PRIOR = 4.7
# Words that join or qualify the parts of a name, never a place name's first or last word.
GLUE_WORDS = frozenset("of the and for in on at de du des la le el al von van & -".split())
# The feature code of a site placed at the article's main town (nothing in its name locates it).
CONTEXT_SITE = "S.CONTEXT"
# A country's missions abroad: they lie in the host country, not in the one they name.
EMBASSY_WORDS = frozenset({"embassy", "embassies", "consulate", "consulates"})
# Words of organisation and building names that are no place on their own ("City Council").
GENERIC_WORDS = SITES | frozenset(HINTS) | frozenset(
    "council bank office embassy ministry house senate congress commission committee agency "
    "authority police sheriff sheriffs federal national international royal new old great "
    "republic union company corporation group club fc united high middle elementary primary "
    "saint st mount fort lake river cup world summit news channel radio tv times post herald "
    "association foundation trust society party army navy forces government".split()
)  # fmt: skip


@dataclass(slots=True)
class Context:
    countries: frozenset[str]
    near_countries: frozenset[str]
    near_points: list[tuple[float, float]]
    near_admin1: frozenset[tuple[str, str]]
    hint: str | None
    within: Place | None = None  # the "X" of "Y, X"
    home: str | None = None  # the country most of the article's places lie in
    near_places: Sequence[Place] = ()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine): exact enough for scoring and evaluation."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Fallbacks:
    """Mixin of ``Gazetteer``: readings tried when a name is not in the index as written."""

    _adjectives: dict[str, list[Area]]
    _areas: dict[str, list[Area]]
    _counties: dict[str, list[str]]
    _admin1_places: dict[str, Place]
    _admin1_prior: dict[int | None, float]
    _stop: frozenset[str]
    _c: CityTables

    def resolve(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        near: Sequence[Place] = (),
        hint: str | None = None,
        adjectives: bool = False,
    ) -> Place | None:
        raise NotImplementedError  # Gazetteer.resolve

    def _score_area(self, area: Area, ctx: Context) -> float:
        raise NotImplementedError  # Gazetteer._score_area

    def _scored(
        self,
        name: str,
        countries: Sequence[str],
        near: Sequence[Place],
        hint: str | None,
        ctx: Context,
    ) -> tuple[Place | None, float]:
        raise NotImplementedError  # Gazetteer._scored

    def _city_prior(self, place: Place) -> float | None:
        raise NotImplementedError  # Gazetteer._city_prior

    def _city(self, row: int) -> Place:
        raise NotImplementedError  # Gazetteer._city

    def _context(
        self,
        countries: Sequence[str],
        near: Sequence[Place],
        hint: str | None,
        within: Place | None,
    ) -> Context:
        raise NotImplementedError  # Gazetteer._context

    def _adjective(self, text: str, ctx: Context) -> Place | None:
        """ "Russian" → Russia, "Europeans" → Europe (only when the caller asks for adjectives)."""
        core = POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?'))
        if not core[:1].isupper():
            return None
        key = normalise(core)
        areas = self._adjectives.get(key)
        # A word that is also a country's or region's name is that place ("England"); one that
        # names a province is it when the article is about the province's country ("Western" in
        # a Zambian story), else the demonym ("Western governments"); a county never wins
        # ("Canadian" is no Canadian County, Oklahoma).
        about = ctx.countries | ctx.near_countries
        if not areas or any(
            a.kind not in ("admin1", "admin2") or (a.kind == "admin1" and a.place.country in about)
            for a in self._areas.get(key, ())
        ):
            return None
        return max(areas, key=lambda a: self._score_area(a, ctx)).place

    def _county(self, text: str, ctx: Context) -> Place | None:
        """ "Laurel County", "Rapides Parish": a US county, placed in the state the article's
        other places point to (else the most populous state that has a county of that name).

        The county list has names only, so the point is the middle of the article's places in
        that state (local news names the county's towns) or, without any, the state's point.
        """
        core = POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?'))
        if not core[:1].isupper():
            return None
        states = self._counties.get(normalise(core))
        if not states:
            return None
        codes = {self._admin1_places[c].geonameid: c for c in states if c in self._admin1_places}
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
        seat = self._namesake_town(core, codes.get(state.geonameid, ""))
        if inside:
            lat = sum(q.lat for q in inside) / len(inside)
            lon = sum(q.lon for q in inside) / len(inside)
        elif seat is not None:
            lat, lon = seat
        else:
            lat, lon = state.lat, state.lon
        name = " ".join(core.split())
        return Place(name, None, lat, lon, "USA", state.name, "A.ADM2", "admin2")

    def _namesake_town(self, county: str, admin1: str) -> tuple[float, float] | None:
        """The point of the biggest town of the state ``admin1`` ("US.CA") named like the
        county ("Orange County" → Orange): most counties are named after a town inside them,
        often their seat, so it stands for the county better than the state's middle."""
        words = county.split()
        if len(words) < 2 or "." not in admin1:
            return None
        cc, code = admin1.split(".", 1)
        best, best_pop = None, -1
        for c in self._c.lookup(normalise(" ".join(words[:-1]))):
            row = c >> 1
            pop = self._c.populations[row]
            if (
                self._c.countries[row] == cc
                and self._c.admin1_codes[row] == code
                and pop > best_pop
            ):
                best, best_pop = (self._c.lats[row], self._c.lons[row]), pop
        return best

    def _site(
        self, text: str, countries: Sequence[str], near: Sequence[Place], ctx: Context
    ) -> Place | None:
        """ "Royal Street", "Colorado State University": a site GeoNames' cities do not hold,
        placed at the place it names ("Manila Cathedral" → Manila; "Arizona State University"
        → a town of the article in Arizona, else Arizona) or else at the article's first town
        (local news names its streets without their town).

        Only names that end in a site word (``place_tables.SITE_WORDS``) qualify, so demonyms and
        organisations ("Arab", "European Commission") are left to ``_embedded``.
        """
        core = POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?'))
        words = core.split()
        if len(words) > 1 and core[:1].isupper() and EMBASSY_WORDS & {w.lower() for w in words}:
            # "Russian Embassy", "Embassy of Armenia": abroad, so in the article's town, never
            # in the country it names
            return self._at_main_town(core, ctx)
        if len(words) < 2 or words[-1].lower() not in SITES or not core[:1].isupper():
            return None
        inner = self._inner(words, countries, near, ctx, adjectives=False)
        town: Place | None = None
        if inner is not None and inner.precision == "city":
            town = inner
        elif inner is not None:
            town = next(
                (p for p in ctx.near_places if p.precision == "city" and p.country == inner.country
                 and (inner.precision != "admin1" or p.admin1 == inner.admin1)),
                inner,
            )  # fmt: skip
        if town is None:
            return self._at_main_town(core, ctx)
        return Place(
            " ".join(words), None, town.lat, town.lon, town.country, town.admin1, "S", "site"
        )

    def _main_town(self, ctx: Context) -> Place | None:
        """The central town of the article's main province: the province most of its towns and
        counties lie in (on a tie, one in a country the article names outright), and there the
        town nearest to the others (the bigger on a tie).

        Why: local news names its streets and venues without their town, and the town is where
        the story's places cluster ("Bywater" among Lafayette, Franklin and New Orleans; a
        village among its neighbours, not the state's big city); a stray foreign name
        ("Chartres" in a New Orleans story) must not move them. A province named only as such
        ("English") is no town's evidence.
        """
        tally: dict[tuple[str | None, str | None], int] = {}
        for p in ctx.near_places:
            if p.precision in ("city", "admin2") and p.admin1:
                tally[(p.country, p.admin1)] = tally.get((p.country, p.admin1), 0) + 1
        towns = [p for p in ctx.near_places if p.precision == "city"]
        if not towns:
            return None
        top = max(
            towns, key=lambda p: (tally.get((p.country, p.admin1), 0), p.country in ctx.countries)
        )
        group = [p for p in towns if (p.country, p.admin1) == (top.country, top.admin1)]
        return min(
            group,
            key=lambda p: (
                sum(km(p.lat, p.lon, q.lat, q.lon) for q in group),
                -(self._city_prior(p) or 0.0),
            ),
        )

    def _at_main_town(self, text: str, ctx: Context) -> Place | None:
        """A site named ``text``, placed at the article's main town, else (no town named) at the
        province or country it names most; None when it names no place at all."""
        town = self._main_town(ctx) or _main_area(ctx.near_places)
        if town is None:
            return None
        name = " ".join(POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?')).split())
        return Place(
            name, None, town.lat, town.lon, town.country, town.admin1, CONTEXT_SITE, "site"
        )

    def _sizeable(self, place: Place, ctx: Context) -> bool:
        """May a town named inside a longer name stand for it? Only a sizeable town, or one in
        a province the article's other places lie in ("Walker County Sheriff's Office")."""
        prior = self._city_prior(place)
        if prior is None or prior >= INNER_CITY_PRIOR:
            return True
        return (place.country, place.admin1) in ctx.near_admin1

    def _embedded(
        self, text: str, countries: Sequence[str], near: Sequence[Place], *, adjectives: bool
    ) -> Place | None:
        """ "Harare City Council", "Bank of Mexico", "University of Alberta": a name that is not
        a place itself but names one inside it — that place (the best-scored of the longest).
        Adjectives count only when the caller reads adjectives ("European Commission")."""
        core = POSSESSIVE.sub("", text.strip().strip('"“”()[],;:!?'))
        words = core.split()
        if len(words) < 2 or len(words) > MAX_EMBEDDED_WORDS or not core[:1].isupper():
            return None
        ctx = self._context(countries, near, None, None)
        return self._inner(words, countries, near, ctx, adjectives=adjectives)

    def _inner(
        self,
        words: list[str],
        countries: Sequence[str],
        near: Sequence[Place],
        ctx: Context,
        *,
        adjectives: bool,
    ) -> Place | None:
        """The place named by the longest run of words inside ``words`` (never all of them).

        Among runs of one length the best-scored reading wins ("Robinson College Cambridge" →
        Cambridge, not Robinson, Illinois); names before adjectives ("British Embassy Tokyo" →
        Tokyo). Runs that start or end with a joining word ("of", "and") or hold only generic
        words ("City", "State", "Council") are skipped.
        """
        words = words[:MAX_EMBEDDED_WORDS]
        for size in range(len(words) - 1, 0, -1):
            best: Place | None = None
            best_score = -math.inf
            for i in range(len(words) - size + 1):
                run = words[i : i + size]
                low = [w.lower().strip(".,") for w in run]
                if low[0] in GLUE_WORDS or low[-1] in GLUE_WORDS or not run[0][:1].isupper():
                    continue
                if all(w in GENERIC_WORDS or w in MODIFIERS for w in low):
                    continue  # "Central District" in "Seoul Central District Court"
                inner = " ".join(run)
                if normalise(inner) in self._stop:
                    continue
                place, score = self._scored(inner, countries, near, None, ctx)
                if place is None or not self._sizeable(place, ctx):
                    continue  # "Brands Hatch" is no site in Hatch, New Mexico
                if place.precision == "admin2" and not (
                    place.country in ctx.countries or place.country in ctx.near_countries
                ):
                    continue  # nor "Craven Cottage" one in Craven County, North Carolina
                if score > best_score:
                    best, best_score = place, score
            if best is not None:
                return best
        if adjectives:
            for w in words:
                adjective = self._adjective(w, ctx)
                if adjective is not None:
                    return adjective
        return None


def _main_area(places: Sequence[Place]) -> Place | None:
    """Without a town: the province, else the country, the article names most (None if none)."""
    for kinds in (("admin2", "admin1"), ("country",)):
        counts: dict[Place, int] = {}
        for p in places:
            if p.precision in kinds:
                counts[p] = counts.get(p, 0) + 1
        if counts:
            return max(counts, key=lambda p: counts[p])
    return None
