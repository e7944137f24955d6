"""Fusion across articles: the reports of one happening, from many outlets, become one event.

``fuse.py`` turns each article's mentions into *reports* (one per act the article tells). Here
the reports of all articles are clustered into events. The rule, in full:

**Two reports may be one event** (``compatible``) when all of these hold:

- they come from different articles (an article that tells two acts means two);
- both are reported as having happened (modality ``asserted``): a demand, plan or threat of an
  act in two articles is no happening to count, so those reports stay events of their own;
- PLOVER types that are equal or in one class of ``TYPE_CLASSES``;
- actors agree where both are known (organisation, else country): an unknown side is compatible
  with a known one, and at least one side must be known and equal in both; for the symmetric
  types (``SYMMETRIC``: meetings, deals) the sides may be swapped;
- a dyad that names one state only (Democrats against Republicans, or "lawmakers" against no
  one named) says little by its country. Unless both reports name the same town (or two within
  ``NEAR_KM``), they must share, on one side, a full name (two capitalised words, "Paul
  Manafort": a surname alone, "Trump", is also in "Trump's son") or the state's own name
  ("Ethiopia's government") — party and institution words such as "Republicans" or "Senate"
  name no one in particular — and each must be *anchored*: dated in its own words (not only by
  the publication date) or told in its article's headline, as domestic politics is full of
  undated background ("Democrats have slammed the plan") that no two outlets tell as one act;
- their dates overlap, give or take ``SLACK_DAYS`` (time zones, one outlet's "yesterday"); a date
  known only from the publication date means "on or up to ``PUBLISHED_DAYS`` before
  publication" (so does a report whose text gives no date, by its article's date); a report
  with no date at all is compatible with a dated one (never with another undated one); a
  report dated only vaguely (a window wider than ``VAGUE_DAYS``: "last year", background)
  never fuses;
- their places agree where both give one (the dateline, where a report was filed, is no place of
  the act): the same place, one inside the other (a town in the province or country named), or
  within ``NEAR_KM``.

**Events are groups of pairwise-compatible reports** (complete linkage): that is the rule that
stops chaining (A~B and B~C do not put A with C unless A~C). The groups are built greedily over
the compatible pairs, best pair first (``_pair_score``: more shared actors, the same place,
closer dates), ties by report id, joining two groups only when every report of one is compatible
with every report of the other. The result is a function of the *set* of reports — no input
order, batch or machine enters it — and groups never span two connected components of the
compatibility graph, so the store re-clusters only the component a new report touches.

**Ids.** An event takes the id of its *founder*: the report published first (then the smallest
act key, then article), so an event's id stays the same while later reports join it. When an
earlier report joins, or two events merge, the id changes, and the store records the old id in
``event_aliases``.

**A fused event** takes the type, mode and CAMEO code of its most confident report, the richest
actor description on each side, the most precise date reported, the places of all reports, the
noisy-OR of their confidences, ``n_articles``, ``n_sources``, first/last seen over its reports,
casualties as the range over its reports, and the ACLED category most of its reports give.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property

from ..confidence import combine
from ..records import Actor, Count, DateRange, Event, Place, stable_id

# PLOVER types a coder may choose between for one happening (a hostage release is CONCEDE or
# RETREAT); each class is one block for clustering.
TYPE_CLASSES: tuple[frozenset[str], ...] = (frozenset({"CONCEDE", "RETREAT"}),)
SYMMETRIC = frozenset({"CONSULT", "AGREE"})  # "X met Y" is "Y met X"
PUBLISHED_DAYS = 3  # a date known only from publication: that day or up to 3 days before
SLACK_DAYS = 1  # dates of two reports may miss each other by a day
VAGUE_DAYS = 7  # a report dated to a wider window than this (a month, a year) never fuses
NEAR_KM = 50.0  # two precise places this close are one place of action

_NAME = re.compile(r"[A-Z][\w\-]{2,}")
# Capitalised words that name no one in particular: function words, titles, parties, institutions.
_NOT_NAMES = frozenset(
    """The And For Former Nearly Some More Than Mr Mrs Ms Dr President Vice Senator Governor
    Minister Ministry Prime Secretary Chairman Leader Speaker Majority Minority Republican
    Republicans Democrat Democrats Democratic Party Congress Congressional Senate House
    Representatives Committee Parliament Government Administration White Federal National
    State States United Department Justice Supreme Court Police Army Military Forces Officials
    Office""".split()
)


def type_class(plover_type: str) -> str:
    """The block a PLOVER type clusters in: itself, or its class of ``TYPE_CLASSES``."""
    for cls in TYPE_CLASSES:
        if plover_type in cls:
            return "|".join(sorted(cls))
    return plover_type


@dataclass(frozen=True)
class Report:
    """One article's account of an act: an article-level event and where it comes from."""

    event: Event
    article_id: str
    published: date | None = None
    source: str | None = None
    headline: bool | None = None  # told in the article's title; None: read it from the mentions

    @cached_property
    def anchored(self) -> bool:
        """Dated in its own words, or the article's headline act (see the module docstring)."""
        when = self.event.when
        if when is not None and when.precision != "published" and not self.vague:
            return True
        if self.headline is not None:
            return self.headline
        return any(m.sentence_kind == "title" for m in self.event.mentions)

    @property
    def id(self) -> str:
        """Unique per article and act (``event.id`` is the act's key hash, shared by articles
        that tell it with the same key)."""
        return stable_id(self.event.id, self.article_id)

    @cached_property
    def window(self) -> tuple[date, date] | None:
        """When it may have happened: the reported dates, or the days up to publication."""
        when = self.event.when
        if when is None:  # no date in the text: the article's date, if it has one
            if self.published is None:
                return None
            return self.published - timedelta(days=PUBLISHED_DAYS), self.published
        if when.precision == "published":
            return when.start - timedelta(days=PUBLISHED_DAYS), when.end
        return when.start, when.end

    @cached_property
    def vague(self) -> bool:
        w = self.window
        return w is not None and (w[1] - w[0]).days > VAGUE_DAYS

    @cached_property
    def places(self) -> tuple[Place, ...]:
        return tuple(p for p in self.event.places if p.precision != "dateline")

    @cached_property
    def block(self) -> tuple[str, str]:
        return type_class(self.event.plover_type), self.event.modality

    @cached_property
    def order(self) -> tuple[date, str, str]:
        """Founder order: published first, then the act's key, then the article."""
        return (self.published or date.max, self.event.id, self.article_id)


# ---------------------------------------------------------------- the pairwise rule


def _key(actor: Actor | None) -> str | None:
    return actor.key if actor is not None else None


def _names(actor: Actor | None) -> frozenset[str]:
    if actor is None:
        return frozenset()
    words = (w.removesuffix("’s").removesuffix("'s") for w in _NAME.findall(actor.text))
    return frozenset(w for w in words if w not in _NOT_NAMES)


@functools.lru_cache(maxsize=512)
def _state_name(code: str) -> frozenset[str]:
    """The words of a state's name ("ETH" -> {"Ethiopia"}), for the single-state rule."""
    import pycountry  # imported lazily: only single-state dyads need it

    country = pycountry.countries.get(alpha_3=code)
    return frozenset(_NAME.findall(country.name)) - _NOT_NAMES if country else frozenset()


def _sides(a: Event, b: Event, swap: bool) -> list[tuple[Actor | None, Actor | None]]:
    if swap:
        return [(a.source, b.target), (a.target, b.source)]
    return [(a.source, b.source), (a.target, b.target)]


def _actors_fit(a: Report, b: Report, swap: bool, placed: bool) -> int | None:
    """How many sides are known and equal in both, or None when a known side disagrees or
    none is shared (or a domestic dyad shares no name)."""
    shared = 0
    sides = _sides(a.event, b.event, swap)
    for x, y in sides:
        kx, ky = _key(x), _key(y)
        if kx is not None and ky is not None:
            if kx != ky:
                return None
            shared += 1
    if shared == 0:
        return None
    actors = (a.event.source, a.event.target, b.event.source, b.event.target)
    if len({_key(x) for x in actors} - {None}) == 1 and not placed:
        if not (a.anchored and b.anchored):
            return None
        (state,) = {_key(x) for x in actors} - {None}
        own = _state_name(state)
        if not any(len(s) >= 2 or s & own for s in (_names(x) & _names(y) for x, y in sides)):
            return None
    return shared


def _actors(a: Report, b: Report, placed: bool) -> int | None:
    fits = [_actors_fit(a, b, False, placed)]
    if a.event.plover_type in SYMMETRIC and b.event.plover_type in SYMMETRIC:
        fits.append(_actors_fit(a, b, True, placed))
    known = [f for f in fits if f is not None]
    return max(known) if known else None


def _gap_days(a: Report, b: Report) -> int | None:
    """Days between the two windows (0 when they overlap); None when they do not fit."""
    wa, wb = a.window, b.window
    if wa is None and wb is None:
        return None  # two undated reports: nothing says they tell the same day
    if a.vague or b.vague:
        return None
    if wa is None or wb is None:
        return SLACK_DAYS + 1  # fits, but any dated pair is a better one
    gap = max((wb[0] - wa[1]).days, (wa[0] - wb[1]).days, 0)
    return gap if gap <= SLACK_DAYS else None


def _km(p: Place, q: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (p.lat, p.lon, q.lat, q.lon))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _inside(small: Place, big: Place) -> bool:
    """``small`` lies in ``big``: a place in the country or province named."""
    if big.country is None or small.country != big.country:
        return False
    if big.precision == "country":
        return True
    return big.precision == "admin1" and big.admin1 is not None and small.admin1 == big.admin1


def _place_fit(p: Place, q: Place) -> int:
    """2: the same place; 1: one inside the other or near; 0: apart."""
    if p.geonameid is not None and p.geonameid == q.geonameid:
        return 2
    if _inside(p, q) or _inside(q, p):
        return 1
    precise = ("city", "site", "admin2")
    if p.precision in precise and q.precision in precise and _km(p, q) <= NEAR_KM:
        return 1
    return 0


def _places(a: Report, b: Report) -> int | None:
    """Place agreement (see ``_place_fit``, best pair), -1 when either gives none, None apart."""
    if not a.places or not b.places:
        return -1
    best = max(_place_fit(p, q) for p in a.places for q in b.places)
    return best if best > 0 else None


def _same_locality(a: Report, b: Report) -> bool:
    """Both name one town or site (not merely a province or the country): the same one, or two
    within ``NEAR_KM``. What identifies an act when its actors are one state's."""
    local = ("city", "site", "admin2")
    return any(
        p.precision in local and q.precision in local
        and (p.geonameid == q.geonameid or _km(p, q) <= NEAR_KM)
        for p in a.places
        for q in b.places
    )


def _pair_score(a: Report, b: Report) -> tuple[int, int, int] | None:
    """None when the two reports cannot be one event; else how well they fit (higher first)."""
    if a.article_id == b.article_id or a.block != b.block or a.event.modality != "asserted":
        return None
    gap = _gap_days(a, b)
    if gap is None:
        return None
    where = _places(a, b)
    if where is None:
        return None
    shared = _actors(a, b, placed=_same_locality(a, b))
    if shared is None:
        return None
    return shared, where, -gap


def compatible(a: Report, b: Report) -> bool:
    """The pairwise rule of the module docstring."""
    return _pair_score(a, b) is not None


# ---------------------------------------------------------------- clustering


Pair = tuple[tuple[int, int, int], str, str, int, int]  # (score, id, id, index, index)


def _candidate_pairs(reports: Sequence[Report]) -> list[Pair]:
    """Every compatible pair, found within blocks (type class, modality) and, for dated
    reports, by a sweep over window starts."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(reports):
        blocks.setdefault(r.block, []).append(i)
    pairs = []
    reach = timedelta(days=SLACK_DAYS)
    for members in blocks.values():
        fusable = [i for i in members if reports[i].event.modality == "asserted"
                   and not reports[i].vague]
        dated = sorted((i for i in fusable if reports[i].window is not None),
                       key=lambda i: reports[i].window[0])  # type: ignore[index]
        undated = [i for i in fusable if reports[i].window is None]
        for n, i in enumerate(dated):
            end = reports[i].window[1] + reach  # type: ignore[index]
            for j in dated[n + 1 :]:
                if reports[j].window[0] > end:  # type: ignore[index]
                    break
                pairs.append((i, j))
            pairs.extend((i, j) for j in undated)
    out = []
    for i, j in pairs:
        score = _pair_score(reports[i], reports[j])
        if score is not None:
            a, b = sorted((reports[i].id, reports[j].id))
            out.append((score, a, b, i, j))
    out.sort(key=lambda p: (tuple(-s for s in p[0]), p[1], p[2]))
    return out


def cluster(reports: Sequence[Report]) -> list[list[Report]]:
    """Groups of pairwise-compatible reports (see the module docstring), each in founder order,
    the groups in the order of their founders. Duplicate report ids count once."""
    unique = sorted({r.id: r for r in reports}.values(), key=lambda r: r.id)
    group_of = list(range(len(unique)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(unique))}
    pairs = _candidate_pairs(unique)
    fits = {(i, j) for _, _, _, i, j in pairs} | {(j, i) for _, _, _, i, j in pairs}
    for _, _, _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if all((x, y) in fits for x in members[gi] for y in members[gj]):
            small, big = sorted((gi, gj), key=lambda g: (len(members[g]), g))
            for x in members[small]:
                group_of[x] = big
            members[big].extend(members.pop(small))
    groups = [sorted((unique[i] for i in m), key=lambda r: r.order) for m in members.values()]
    return sorted(groups, key=lambda g: g[0].order)


def components(reports: Sequence[Report]) -> list[list[Report]]:
    """The connected components of the compatibility graph (what one re-clustering must see)."""
    unique = sorted({r.id: r for r in reports}.values(), key=lambda r: r.id)
    parent = list(range(len(unique)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, _, _, i, j in _candidate_pairs(unique):
        parent[find(i)] = find(j)
    out: dict[int, list[Report]] = {}
    for i, r in enumerate(unique):
        out.setdefault(find(i), []).append(r)
    return list(out.values())


# ---------------------------------------------------------------- building events

_PRECISION = {"day": 0, "week": 1, "range": 2, "month": 3, "year": 4, "published": 5}


def _best_date(group: Sequence[Report]) -> DateRange | None:
    """The most precise date reported: the narrowest window of a stated date, else the earliest
    publication date (the act was on or before it)."""
    dates = [r.event.when for r in group if r.event.when is not None]
    if not dates:
        return None
    return min(
        dates,
        key=lambda d: (d.precision == "published", (d.end - d.start).days,
                       _PRECISION.get(d.precision, 9), d.start, d.end),
    )


def _richest(actors: Iterable[Actor | None]) -> Actor | None:
    """The description that says most (key, sector, code); the first of equals."""
    best: Actor | None = None
    rank = -1
    for a in actors:
        if a is None:
            continue
        r = (a.key is not None) + (a.sector is not None) + (a.code is not None)
        if r > rank:
            best, rank = a, r
    return best


def count_range(counts: Iterable[Count | None]) -> Count | None:
    """The range over several reports' figures: the lowest low, the highest high (None, no
    bound, when any report gives none); no span, as it comes from several places."""
    found = [c for c in counts if c is not None]
    if not found:
        return None
    highs = [c.high for c in found]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return Count(low=min(c.low for c in found), high=high, span=None)


def merge(group: Sequence[Report], event_id: str) -> Event:
    """One event from a group of reports (see the module docstring for each field)."""
    group = sorted(group, key=lambda r: r.order)
    best = max(group, key=lambda r: (r.event.confidence, [-ord(c) for c in r.event.id]))
    places: dict[object, Place] = {}
    for r in group:
        for p in r.event.places:
            places.setdefault(p.geonameid or (p.name, p.country), p)
    seen = [r.published for r in group if r.published is not None]
    articles = {r.article_id for r in group}
    mentions = tuple(m for r in group for m in r.event.mentions)
    fused = replace(
        best.event,
        id=event_id,
        source=_richest(r.event.source for r in group),
        target=_richest(r.event.target for r in group),
        when=_best_date(group),
        places=tuple(places.values()),
        mentions=tuple(sorted(mentions, key=lambda m: (m.article_id, m.trigger.start))),
        confidence=combine(r.event.confidence for r in group),
        n_articles=len(articles),
        n_sources=len({r.source or f"article:{r.article_id}" for r in group}),
        first_seen=min(seen) if seen else None,
        last_seen=max(seen) if seen else None,
        killed=count_range(r.event.killed for r in group),
        injured=count_range(r.event.injured for r in group),
    )
    # each report was typed with its own sentences' words (acled.with_acled in the pipeline);
    # the event takes the category most of its reports give, the first-published on a tie
    typed = [(r.event.acled_event_type, r.event.acled_sub_event_type) for r in group]
    votes = Counter(t for t in typed if t[0] is not None)
    if not votes:
        return replace(fused, acled_event_type=None, acled_sub_event_type=None)
    top = max(votes.values())
    etype, subtype = next(t for t in typed if votes.get(t) == top)
    return replace(fused, acled_event_type=etype, acled_sub_event_type=subtype)


def event_ids(groups: Sequence[Sequence[Report]]) -> list[str]:
    """Each group's id: its founder's report id (the report published first; unique, as a report
    belongs to one group)."""
    return [min(g, key=lambda r: r.order).id for g in groups]


def fuse_reports(reports: Sequence[Report]) -> list[Event]:
    """Cluster reports and build one event per group, in founder order."""
    groups = cluster(reports)
    return [merge(g, eid) for g, eid in zip(groups, event_ids(groups), strict=True)]


def reports_of(
    events: Iterable[Event],
    published: Mapping[str, date | None],
    sources: Mapping[str, str | None],
) -> list[Report]:
    """Split events into reports, one per event and article (an event already fused across
    articles gives one report per article, carrying the event's fields)."""
    out = []
    for e in events:
        by_article: dict[str, list] = {}
        for m in e.mentions:
            by_article.setdefault(m.article_id, []).append(m)
        for article, mentions in by_article.items():
            event = e if len(by_article) == 1 else replace(e, mentions=tuple(mentions))
            out.append(Report(event, article, published.get(article), sources.get(article)))
    return out


__all__ = [
    "NEAR_KM",
    "PUBLISHED_DAYS",
    "SLACK_DAYS",
    "SYMMETRIC",
    "TYPE_CLASSES",
    "VAGUE_DAYS",
    "Report",
    "cluster",
    "compatible",
    "components",
    "count_range",
    "event_ids",
    "fuse_reports",
    "merge",
    "reports_of",
    "type_class",
]
