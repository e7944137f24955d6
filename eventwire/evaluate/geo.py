"""Score place resolution on geoparsing gold sets (LGL, GeoWebNews, GeoVirus XML).

Why this shape: the toponym spans come from the gold, so the score isolates *resolution*
(which place a name means) from recognition. Each toponym is resolved with the article's other
toponyms as context, the way the pipeline sees an article (``resolve_article``: every name alone,
then twice again with the countries named outright and the current readings of the *other*
names), plus the source's locale when the gold names a source (``source_locales``: a local paper's
usual area, learnt from our own readings of its *other* articles — never from the gold places,
never from the article itself). A user can pass the same context (``near`` places their source
covers); ``acc_161km_without_locale`` reports the score without it. A gold toponym is known to be
a place, so one the gazetteer cannot read ("Bywater", "Sloss Furnaces") is placed at the
article's main town as a site (``known_place``); ``sites`` reports the share resolved as sites.

Metrics follow Gritta et al. ("What's missing in geoparsing?", 2018; "A pragmatic guide to
geoparsing evaluation", 2019): accuracy within 161 km, median error, and the area under the
curve of sorted log(1 + error km) normalised by log(20039 km) (lower is better). An unresolved
toponym counts as the largest possible error, 20039 km.

Formats (detected from the tags, not the file name):
* LGL: ``<toponym><start/><end/><phrase/><gaztag geonameid=…><lat/><lon/>…`` (no gaztag: skipped)
* GeoWebNews: ``<toponym><extractedName/><start/><end/><geonamesID/><latitude/><longitude/>``
  (no coordinates: not a resolvable toponym, skipped)
* GeoVirus: ``<location><name/><start/><end/><lat/><lon/>`` (no geonameid)
"""

from __future__ import annotations

import math
import re
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

from eventwire.errors import SourceError
from eventwire.records import Place
from eventwire.resolve.place_fallbacks import CONTEXT_SITE
from eventwire.resolve.places import Gazetteer

PASSES = 2
LOCALE_MIN = 3
LOCALE_SHARE = 0.3
LOCALE_PLACES = 3
MAX_KM = 20039.0  # half the Earth's circumference: the worst possible error


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym: the text as it appears in the article and where it really is."""

    text: str
    lat: float
    lon: float
    geonameid: int | None
    start: int | None = None  # character offsets in the article text, when the gold gives them
    end: int | None = None


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def read_articles(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """Articles as (text, gold toponyms) from one of the three XML formats."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SourceError(f"{path}: cannot read geoparsing gold: {exc}") from exc
    articles = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for node in art.iter():
            if node.tag not in ("toponym", "location"):
                continue
            item = _parse_toponym(node, text)
            if item is not None:
                gold.append(item)
        articles.append((text, gold))
    return articles


def _parse_toponym(node: ET.Element, text: str) -> GoldToponym | None:
    gaz = node.find("gaztag")
    if gaz is not None:  # LGL
        lat, lon = gaz.findtext("lat"), gaz.findtext("lon")
        gid = gaz.get("geonameid")
        name = node.findtext("phrase")
    else:
        lat = node.findtext("latitude") or node.findtext("lat")
        lon = node.findtext("longitude") or node.findtext("lon")
        gid = node.findtext("geonamesID")
        name = node.findtext("extractedName") or node.findtext("phrase") or node.findtext("name")
    if not lat or not lon:
        return None
    start, end = (node.findtext("start") or "").strip(), (node.findtext("end") or "").strip()
    offsets = (int(start), int(end)) if start.isdigit() and end.isdigit() else (None, None)
    if not name:
        if offsets[0] is None:
            return None
        name = text[offsets[0] : offsets[1]]  # GeoVirus offsets can be off by one: name first
    return GoldToponym(
        name.strip(), float(lat), float(lon), int(gid) if gid and gid.strip().isdigit() else None,
        *offsets,
    )  # fmt: skip


_CONTAINER = re.compile(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b)\s*[A-Z]")


def placed_names(gazetteer: Gazetteer, text: str, gold: Sequence[GoldToponym]) -> list[str]:
    """The toponyms' names, each with the province or country the text puts it in, if any.

    "ALLENDALE, N.J. --", "a school shooting in Parkland, Florida": the words after the comma
    place the town, and one sense per article carries that to its other mentions ("Allendale").
    The container must be a county, province or country of higher rank than the name, and no
    list may go on after it ("Saipan, Guam, Alaska and Hawaii" places nothing).
    """
    containers: dict[str, str] = {}
    for g in gold:
        if g.end is None or g.text.lower() in containers:
            continue
        m = _CONTAINER.match(text, g.end)
        if m is None:
            continue
        words = m.group(1).split()
        for size in range(len(words), 0, -1):  # "Florida The" → "Florida"
            tail = " ".join(words[:size])
            end = m.start(1) + len(tail)
            tail = tail.rstrip(".") if tail.count(".") == 1 else tail  # "Missouri." / "N.J."
            if not gazetteer.candidates(tail):
                continue
            if gazetteer.contains(tail, g.text) and not _LIST_GOES_ON.match(text, end):
                containers[g.text.lower()] = tail
            break
    out = []
    for g in gold:
        container = containers.get(g.text.lower())
        out.append(f"{g.text}, {container}" if container else g.text)
    return out


def resolve_article(
    gazetteer: Gazetteer, names: list[str], source_near: Sequence[Place] = ()
) -> list[Place | None]:
    """Resolve an article's toponyms, each with the others as context.

    A first pass resolves every name alone; then each name is resolved again with the countries
    named outright and the current readings of the *other* names, twice, so that a name first
    read wrongly alone ("Paris" → France among Texas towns) stops pulling the others its way.
    ``source_near``: places the source usually writes about (its locale, see
    ``source_locales``), used as weak context after the article's own places.
    """
    unique = list(dict.fromkeys(names))
    current = {n: gazetteer.resolve(n, adjectives=True) for n in unique}
    for _ in range(PASSES):
        countries = {
            p.country for p in current.values() if p is not None and p.precision == "country"
        }
        nxt = {}
        for name in unique:
            # A site placed at the article's main town is an echo of the others, not evidence.
            near = [
                p
                for n, p in current.items()
                if n != name and p is not None and p.feature != CONTEXT_SITE
            ]
            # A name's own reading is no evidence for itself ("Georgia" → GEO → Georgia).
            others = sorted(
                c
                for c in countries
                if c and any(q.country == c and q.precision == "country" for q in near)
            )
            nxt[name] = gazetteer.resolve(
                name,
                countries=others,
                near=[*near, *source_near],
                adjectives=True,
                known_place=True,
            )
        current = nxt
    return [current[n] for n in names]


def read_sources(path: Path) -> list[str | None]:
    """Each article's source (LGL's ``<domain>``, else the host of its link/url/source URL)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SourceError(f"{path}: cannot read geoparsing gold: {exc}") from exc
    out: list[str | None] = []
    for art in root.iter("article"):
        domain = (art.findtext("domain") or "").strip()
        if not domain:
            url = next((u for u in (art.findtext(t) for t in ("link", "url", "source")) if u), "")
            domain = urlsplit(url.strip()).netloc
        out.append(domain.removeprefix("www.") or None)
    return out


def source_locales(
    gazetteer: Gazetteer, articles: list[list[str]], sources: list[str | None]
) -> list[list[Place]]:
    """Per article, the places its source usually writes about (a local paper's area).

    Why: a local story often names one ambiguous town and nothing else ("Paris" in a Texas
    paper); the source's other articles say where it is. Each article is first resolved on its
    own; when the places of the source's *other* articles fall mostly (≥ LOCALE_SHARE,
    ≥ LOCALE_MIN) into one admin1 area, that area's most named places become context for the
    article. Only our own readings are used, never the gold; an article never lends itself
    context (a misread name would confirm itself), so a source with one article gets none.
    A user can pass the same thing: places their source is known to cover, as ``near``.
    """
    per_article: list[tuple[Counter[tuple[str, str]], Counter[tuple[str, str, Place]]]] = []
    totals: dict[str, tuple[Counter[tuple[str, str]], Counter[tuple[str, str, Place]]]] = {}
    for names, source in zip(articles, sources):
        areas: Counter[tuple[str, str]] = Counter()
        towns: Counter[tuple[str, str, Place]] = Counter()
        if source is not None:
            for p in resolve_article(gazetteer, names):
                if p is None or p.precision not in ("city", "admin2"):
                    continue
                if not p.country or not p.admin1:
                    continue
                areas[(p.country, p.admin1)] += 1
                if p.precision == "city":
                    towns[(p.country, p.admin1, p)] += 1
            total = totals.setdefault(source, (Counter(), Counter()))
            total[0].update(areas)
            total[1].update(towns)
        per_article.append((areas, towns))
    out: list[list[Place]] = []
    for (areas, towns), source in zip(per_article, sources):
        if source is None:
            out.append([])
            continue
        others = totals[source][0] - areas
        if not others:
            out.append([])
            continue
        key, top = others.most_common(1)[0]
        if top < LOCALE_MIN or top < LOCALE_SHARE * sum(others.values()):
            out.append([])
            continue
        inside = Counter(
            {p: n for (c, a1, p), n in (totals[source][1] - towns).items() if (c, a1) == key}
        )
        out.append([p for p, _ in inside.most_common(LOCALE_PLACES)])
    return out


def auc(errors_km: list[float]) -> float:
    """Area under the sorted, log-scaled error curve, normalised to [0, 1] (lower is better)."""
    if not errors_km:
        return float("nan")
    scaled = sorted(math.log(1 + e) / math.log(MAX_KM) for e in errors_km)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in pairwise(scaled))
    return area / (len(scaled) - 1)


def evaluate_geo(path: Path, gazetteer: Gazetteer | None = None) -> dict:
    """Resolution scores for one gold file: acc_161km, geonameid_accuracy, median_km, auc, n."""
    gazetteer = gazetteer or Gazetteer.load()
    errors: list[float] = []
    id_errors: list[float] = []  # toponyms the gold links to a GeoNames entry (Mordecai3's set)
    id_hits = id_total = resolved = sites = 0
    articles = read_articles(Path(path))
    golds = [gold for _text, gold in articles]
    names = [placed_names(gazetteer, text, gold) for text, gold in articles]
    locales = source_locales(gazetteer, names, read_sources(Path(path)))
    hits_alone = 0  # within 161 km with the article's own context only (no source locale)
    for gold, article_names, locale in zip(golds, names, locales):
        predicted = resolve_article(gazetteer, article_names, locale)
        alone = resolve_article(gazetteer, article_names) if locale else predicted
        hits_alone += sum(
            p is not None and great_circle_km(g.lat, g.lon, p.lat, p.lon) <= 161
            for g, p in zip(gold, alone)
        )
        for g, p in zip(gold, predicted):
            if p is None:
                errors.append(MAX_KM)
            else:
                resolved += 1
                sites += p.precision == "site"
                errors.append(great_circle_km(g.lat, g.lon, p.lat, p.lon))
            if g.geonameid is not None:
                id_errors.append(errors[-1])
                id_total += 1
                id_hits += p is not None and p.geonameid == g.geonameid
    n = len(errors)
    return {
        "file": str(path),
        "n": n,
        "resolved": resolved / n if n else float("nan"),
        "sites": sites / n if n else float("nan"),
        "acc_161km": sum(e <= 161 for e in errors) / n if n else float("nan"),
        "geonameid_accuracy": id_hits / id_total if id_total else None,
        "n_with_geonameid": id_total,
        "acc_161km_with_geonameid": (
            sum(e <= 161 for e in id_errors) / len(id_errors) if id_errors else None
        ),
        "median_km": statistics.median(errors) if errors else float("nan"),
        "auc": auc(errors),
        "acc_161km_without_locale": hits_alone / n if n else float("nan"),
    }
