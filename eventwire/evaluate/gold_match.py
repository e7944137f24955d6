"""Matching predicted events to gold events and forbidden patterns (helpers of ``gold.py``).

A prediction comes *from the evidence sentence* when one of its mentions' sentence spans contains an
occurrence of the evidence string. It matches a gold event when, in addition, its source and target
match (either way round for ``symmetric`` events; a null gold actor accepts anything) and its PLOVER
type is in the gold list. ``actor_fit`` says which side is wrong when they do not, for the error
kinds of ``gold_errors.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.evaluate._metrics import haversine_km
from eventwire.evaluate.gold_read import Forbidden, GoldEvent, GoldPlace
from eventwire.records import Actor, Event, Place

WITHIN_KM = 161.0


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``needle`` in ``text``; any of them may be the evidence."""
    found, start = [], text.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def from_evidence(event: Event, occs: Sequence[tuple[int, int]]) -> bool:
    """True when one of the event's mention sentences contains an evidence occurrence."""
    return any(
        m.sentence.start <= s and e <= m.sentence.end for m in event.mentions for s, e in occs
    )


def overlaps_evidence(event: Event, occs: Sequence[tuple[int, int]]) -> bool:
    """True when a mention sentence overlaps an evidence occurrence without containing it
    (the sentence splitter cut the evidence in two)."""
    return any(
        m.sentence.start < e
        and s < m.sentence.end
        and not (m.sentence.start <= s and e <= m.sentence.end)
        for m in event.mentions
        for s, e in occs
    )


def actor_matches(key: str | None, actor: Actor | None) -> bool:
    """Gold key None accepts anything; otherwise the organisation id or the country must equal it.

    Comparing both fields lets region groups ("WST") match whichever field the resolver used.
    """
    if key is None:
        return True
    return actor is not None and key in (actor.org, actor.country)


def orientation(gold: GoldEvent, event: Event) -> str | None:
    """How a predicted event's actors match the gold one: "direct", "swapped" or None."""
    if actor_matches(gold.source, event.source) and actor_matches(gold.target, event.target):
        return "direct"
    if (
        gold.symmetric
        and actor_matches(gold.source, event.target)
        and actor_matches(gold.target, event.source)
    ):
        return "swapped"
    return None


@dataclass(frozen=True, slots=True)
class Fit:
    """How a prediction's actors fit a gold event, in the orientation that fits best.

    ``source``/``target`` are the predicted actors in the gold source and target roles (swapped
    for a ``symmetric`` gold event when that fits better)."""

    source_ok: bool
    target_ok: bool
    source: Actor | None
    target: Actor | None

    @property
    def actors_ok(self) -> bool:
        return self.source_ok and self.target_ok


def match(gold: GoldEvent, event: Event, occs: Sequence[tuple[int, int]]) -> str | None:
    """The FORMAT.md rule: a prediction matches a gold event when it comes from the evidence
    sentence, its actors fit ("direct" or "swapped", returned) and its type is accepted."""
    if not from_evidence(event, occs) or event.plover_type not in gold.types:
        return None
    return orientation(gold, event)


def actor_fit(gold: GoldEvent, event: Event) -> Fit:
    """Which of the gold event's actors the prediction gets right (see ``Fit``)."""
    direct = Fit(
        actor_matches(gold.source, event.source),
        actor_matches(gold.target, event.target),
        event.source,
        event.target,
    )
    if not gold.symmetric:
        return direct
    swapped = Fit(
        actor_matches(gold.source, event.target),
        actor_matches(gold.target, event.source),
        event.target,
        event.source,
    )
    better = swapped.source_ok + swapped.target_ok > direct.source_ok + direct.target_ok
    return swapped if better else direct


def want(gold: GoldEvent) -> dict[str, Any]:
    """What a gold event asks for, JSON-ready."""
    return {"source": gold.source, "target": gold.target, "type": list(gold.types)}


def forbidden_hit(rule: Forbidden, event: Event, occs: Sequence[tuple[int, int]]) -> bool:
    """True when the event is from the evidence sentence and matches every key the rule gives."""
    if not from_evidence(event, occs):
        return False
    if rule.source is not None and not actor_matches(rule.source, event.source):
        return False
    if rule.target is not None and not actor_matches(rule.target, event.target):
        return False
    if rule.types is not None and event.plover_type not in rule.types:
        return False
    return rule.modality is None or event.modality == rule.modality


def _near(place: GoldPlace, found: Sequence[Place]) -> bool:
    return any(haversine_km(place.lat, place.lon, p.lat, p.lon) <= WITHIN_KM for p in found)


def _places_of(events: Sequence[Event]) -> list[Place]:
    places = [p for e in events for p in e.places]
    places += [p for e in events for m in e.mentions for p in m.places]
    return places


def field_checks(gold: GoldEvent, matches: Sequence[tuple[Event, str]]) -> dict[str, bool | None]:
    """Which fields of a matched gold event are right (None: the gold does not give that field)."""
    events = [e for e, _ in matches]
    checks: dict[str, bool | None] = {"date": None, "location": None, "source_sector": None}
    if gold.date is not None:
        first, last = gold.date
        checks["date"] = any(
            e.when is not None and e.when.start <= last and e.when.end >= first for e in events
        )
    if gold.locations or gold.locations_any:
        found = _places_of(events)
        ok_all = all(_near(p, found) for p in gold.locations)
        ok_any = not gold.locations_any or any(_near(p, found) for p in gold.locations_any)
        checks["location"] = ok_all and ok_any
    if gold.source_sector is not None:
        sources = [e.source if how == "direct" else e.target for e, how in matches]
        checks["source_sector"] = any(
            a is not None and a.sector == gold.source_sector for a in sources
        )
    checks["cameo_root"] = (
        any(e.cameo_code[:2] in gold.cameo_root for e in events) if gold.cameo_root else None
    )
    return checks


def describe(event: Event, text: str) -> dict[str, Any]:
    """A short, JSON-ready view of a predicted event for the debugging details."""
    sentence = event.mentions[0].sentence.of(text) if event.mentions else ""
    return {
        "type": event.plover_type,
        "mode": event.plover_mode,
        "cameo": event.cameo_code,
        "source": event.source.key if event.source else None,
        "target": event.target.key if event.target else None,
        "modality": event.modality,
        "when": [event.when.start.isoformat(), event.when.end.isoformat()] if event.when else None,
        "places": [p.name for p in event.places],
        "sentence": " ".join(sentence.split())[:160],
    }
