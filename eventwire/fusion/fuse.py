"""Fuse one article's mentions into reports: each act the article tells becomes one `Event`.

Within one article, two mentions are the same act when they agree on what (PLOVER type), who
(source and target keys), when (the same resolved date range), where (the same first place the
text gives for the act, when any: a dateline is where the report was filed) and modality. The
article is the authority on whether it tells one act or two, so this is deliberately
conservative. A headline that echoes an act its article's body tells joins the body's event.
The event id is a hash of that key (without the article for a dated act), so the same act told
the same way by another article gets the same id.

Across articles, reports are clustered into events by ``fusion/clusters.py`` (where the rule is
written out): the store does it as it writes, and Spark after its batches, over every report, so
the result does not depend on batches or order. ``fuse`` itself never merges two articles.

An event's confidence is the noisy-OR of its mentions' (``confidence.combine``): each mention's is
the fitted probability that a coder accepts it, and on the gold the noisy-OR of the cross-validated
mention probabilities scores events better than their maximum (``eventwire calibrate`` reports
both). A fused event combines its reports' the same way (``fusion.clusters.merge``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from ..coding.ontology import Ontology
from ..confidence import combine
from ..records import Actor, Event, Mention, Place, stable_id
from .clusters import count_range


def actor_key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    if actor.key:
        return actor.key
    return f"~{actor.sector}" if actor.sector else ""


def fusion_key(mention: Mention) -> tuple[str, ...]:
    when = mention.when
    dated = (when.start.isoformat(), when.end.isoformat()) if when else ("", mention.article_id)
    place = mention.places[0] if mention.places else None
    if place is not None and place.precision == "dateline":
        place = None  # where the report was filed: other reports of the act come from elsewhere
    where = str(place.geonameid or place.country) if place else ""
    return (
        mention.plover_type,
        actor_key(mention.source),
        actor_key(mention.target),
        *dated,
        where,
        mention.modality,
    )


def _gist(mention: Mention) -> tuple[str, ...]:
    """What an act is, leaving out when and where: article, type, actors, modality."""
    return (
        mention.article_id,
        mention.plover_type,
        actor_key(mention.source),
        actor_key(mention.target),
        mention.modality,
    )


def _echoed(gist: tuple[str, ...], told: Mapping[tuple[str, ...], tuple[str, ...]]) -> tuple[str, ...] | None:
    """The body act a headline act with a side it leaves unnamed echoes: "Pence voices U.S.
    concern to Turkish prime minister" (no one resolved as its source) is the body's "Pence
    expressed deep concern to Turkey's prime minister". The first body act of the same type and
    modality whose named sides agree with the headline's, when the headline names one."""
    article, kind, source, target, mood = gist
    if not source and not target:
        return None
    for (a, t, s, g, m), key in told.items():
        if (a, t, m) == (article, kind, mood) and source in ("", s) and target in ("", g):
            return key
    return None


def fuse(
    mentions: Iterable[Mention],
    ontology: Ontology,
    *,
    published: Mapping[str, date | None] | None = None,
    sources: Mapping[str, str | None] | None = None,
) -> list[Event]:
    """Group each article's mentions by fusion key and build one `Event` (a report) per group,
    in first-mention order. Mentions of different articles never share an event here."""
    keyed = [((m.article_id, *fusion_key(m)), m) for m in mentions]
    told: dict[tuple[str, ...], tuple[str, ...]] = {}  # what the body of each article tells: (article, type, who, whom, modality) -> key
    for key, mention in keyed:
        if mention.sentence_kind != "title":
            told.setdefault(_gist(mention), key)
    groups: dict[tuple[str, ...], list[Mention]] = {}
    for key, mention in keyed:
        if mention.sentence_kind == "title":
            # the headline's echo of an act its body tells is that act, though the headline has
            # no date or place of its own ("NATO Calls on Russia to Cease Strikes")
            key = told.get(_gist(mention)) or _echoed(_gist(mention), told) or key
        groups.setdefault(key, []).append(mention)
    published = published or {}
    sources = sources or {}
    return [_event(key[1:], group, ontology, published, sources) for key, group in groups.items()]


def _event(
    key: tuple[str, ...],
    group: list[Mention],
    ontology: Ontology,
    published: Mapping[str, date | None],
    sources: Mapping[str, str | None],
) -> Event:
    best = max(group, key=lambda m: (m.sentence_kind != "title", m.confidence, -m.trigger.start))
    info = ontology.cameo(best.cameo_code)
    plover = ontology.plover(best.cameo_code)
    articles = {m.article_id for m in group}
    seen = [d for d in (published.get(a) for a in articles) if d is not None]
    event = Event(
        id=stable_id(*key),
        plover_type=best.plover_type,
        plover_mode=best.plover_mode,
        plover_context=plover[2] if plover else None,
        cameo_code=best.cameo_code,
        cameo_name=info.name,
        goldstein=info.goldstein,
        quad_class=info.quad_class,
        source=_richest(m.source for m in group),
        target=_richest(m.target for m in group),
        when=best.when,
        places=_union_places(group),
        modality=best.modality,
        mentions=tuple(sorted(group, key=lambda m: (m.article_id, m.trigger.start))),
        confidence=combine(m.confidence for m in group),
        n_articles=len(articles),
        n_sources=len({sources.get(a) or a for a in articles}),
        first_seen=min(seen) if seen else None,
        last_seen=max(seen) if seen else None,
        killed=count_range(m.killed for m in group),
        injured=count_range(m.injured for m in group),
    )
    return event  # its ACLED category comes with its sentences' words (pipeline: with_acled)


def _richest(actors: Iterable[Actor | None]) -> Actor | None:
    """The actor description that says most (country, org, sector) among the mentions."""
    found = [a for a in actors if a is not None]
    if not found:
        return None
    return max(found, key=lambda a: (a.key is not None) + (a.sector is not None) + (a.code is not None))


def _union_places(group: list[Mention]) -> tuple[Place, ...]:
    out: dict[object, Place] = {}
    for mention in group:
        for place in mention.places:
            out.setdefault(place.geonameid or (place.name, place.country), place)
    return tuple(out.values())
