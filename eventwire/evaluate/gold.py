"""Score end-to-end extraction against whole-article gold (the ``gold`` format of eval/FORMAT.md).

Why this shape: scoring (``score_gold``) is a pure function of gold articles and predicted events,
so it is tested with hand-made events; ``evaluate_gold`` only reads the file and runs the pipeline.

A prediction comes *from the evidence sentence* when one of its mentions' sentence spans contains an
occurrence of the evidence string. It matches a gold event when, in addition, its source and target
match (either way round for ``symmetric`` events; a null gold actor accepts anything) and its PLOVER
type is in the gold list. Precision and recall use asserted events only; the forbidden check uses
every event, whatever its modality, so that a negated event mis-coded as asserted is caught.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import SourceError
from eventwire.evaluate._metrics import f1, haversine_km, ratio, rounded
from eventwire.records import Actor, Event, Place

WITHIN_KM = 161.0


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    lat: float
    lon: float
    country: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event; ``source``/``target`` None means "anything, including none"."""

    id: str
    evidence: str
    types: tuple[str, ...]
    source: str | None = None
    target: str | None = None
    symmetric: bool = False
    required: bool = True
    cameo_root: tuple[str, ...] = ()
    date: tuple[date, date] | None = None
    locations: tuple[GoldPlace, ...] = ()
    locations_any: tuple[GoldPlace, ...] = ()
    source_sector: str | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Forbidden:
    """A pattern no system may produce; a None field is a key the gold line did not give."""

    id: str
    evidence: str
    source: str | None = None
    target: str | None = None
    types: tuple[str, ...] | None = None
    modality: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: date | None
    events: tuple[GoldEvent, ...]
    forbidden: tuple[Forbidden, ...] = ()


# ---------------------------------------------------------------- reading


def _date(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise SourceError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def _places(items: Any, where: str) -> tuple[GoldPlace, ...]:
    if not isinstance(items, list):
        raise SourceError(f"{where}: places must be a list of {{name, lat, lon}}")
    try:
        return tuple(
            GoldPlace(str(p["name"]), float(p["lat"]), float(p["lon"]), p.get("country"))
            for p in items
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceError(f"{where}: a place needs name, lat and lon ({exc})") from exc


def _types(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not value:
        raise SourceError(f"{where}: 'type' must be a non-empty list of PLOVER types")
    return tuple(str(t) for t in value)


def _event(obj: Mapping[str, Any], where: str) -> GoldEvent:
    if "evidence" not in obj or "type" not in obj:
        raise SourceError(f"{where}: a gold event needs 'evidence' and 'type'")
    span = obj.get("date")
    when = None
    if span is not None:
        if not isinstance(span, list) or len(span) != 2:
            raise SourceError(f"{where}: 'date' must be [first, last]")
        when = (_date(span[0], where), _date(span[1], where))
    return GoldEvent(
        id=str(obj.get("id", "")),
        evidence=str(obj["evidence"]),
        types=_types(obj["type"], where),
        source=obj.get("source"),
        target=obj.get("target"),
        symmetric=bool(obj.get("symmetric", False)),
        required=bool(obj.get("required", True)),
        cameo_root=tuple(str(c) for c in obj.get("cameo_root", ())),
        date=when,
        locations=_places(obj.get("locations", []), where),
        locations_any=_places(obj.get("locations_any", []), where),
        source_sector=obj.get("source_sector"),
        group=obj.get("group"),
    )


def _forbidden(obj: Mapping[str, Any], where: str) -> Forbidden:
    if "evidence" not in obj:
        raise SourceError(f"{where}: a forbidden entry needs 'evidence'")
    return Forbidden(
        id=str(obj.get("id", "")),
        evidence=str(obj["evidence"]),
        source=obj.get("source"),
        target=obj.get("target"),
        types=_types(obj["type"], where) if "type" in obj else None,
        modality=obj.get("modality"),
        rule=str(obj.get("rule", "")),
    )


def parse_article(
    obj: Mapping[str, Any], *, base_dir: Path | None = None, where: str = "<gold>"
) -> GoldArticle:
    """Turn one gold JSON object into a ``GoldArticle``; errors name ``where`` (file:line)."""
    if "text" in obj:
        text = str(obj["text"])
    elif "file" in obj:
        file = (base_dir or Path(".")) / str(obj["file"])
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise SourceError(f"{where}: cannot read article file {file}: {exc}") from exc
    else:
        raise SourceError(f"{where}: a gold article needs 'text' or 'file'")
    published = _date(obj["published"], where) if obj.get("published") else None
    events = tuple(_event(e, f"{where} event {i}") for i, e in enumerate(obj.get("events", [])))
    forbidden = tuple(
        _forbidden(f, f"{where} forbidden {i}") for i, f in enumerate(obj.get("forbidden", []))
    )
    for item in (*events, *forbidden):
        if item.evidence not in text:
            raise SourceError(f"{where}: evidence {item.evidence!r} ({item.id}) is not in the text")
    return GoldArticle(str(obj.get("id", where)), text, published, events, forbidden)


def load_gold(path: Path) -> list[GoldArticle]:
    """Read a gold JSONL file; ``file`` entries are read relative to the gold file."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SourceError(f"cannot read gold file {path}: {exc}") from exc
    articles = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise SourceError(f"{path}:{number}: each line must be a JSON object")
        article = parse_article(obj, base_dir=path.parent, where=f"{path}:{number}")
        if any(a.id == article.id for a in articles):
            raise SourceError(f"{path}:{number}: duplicate article id {article.id!r}")
        articles.append(article)
    return articles


# ---------------------------------------------------------------- matching


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


# ---------------------------------------------------------------- scoring

FIELDS = ("date", "location", "source_sector", "cameo_root")


def score_gold(
    gold_articles: Sequence[GoldArticle | Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Event]],
) -> dict[str, Any]:
    """Score predicted events (all modalities; keyed by gold article id) against gold articles."""
    articles = [a if isinstance(a, GoldArticle) else parse_article(a) for a in gold_articles]
    required = matched = matched_optional = predicted = matched_preds = unasserted = 0
    forbidden_total = forbidden_hits = 0
    field_right = dict.fromkeys(FIELDS, 0)
    field_total = dict.fromkeys(FIELDS, 0)
    details: list[dict[str, Any]] = []
    unmatched: list[dict[str, Any]] = []
    forbidden_details: list[dict[str, Any]] = []
    for art in articles:
        if art.id not in predictions:
            raise SourceError(f"no predictions given for gold article {art.id!r}")
        every = list(predictions[art.id])
        asserted = [e for e in every if e.modality == "asserted"]
        predicted += len(asserted)
        unasserted += len(every) - len(asserted)
        hit_preds: set[int] = set()
        for gold in art.events:
            occs = occurrences(art.text, gold.evidence)
            matches = []
            for i, ev in enumerate(asserted):
                how = orientation(gold, ev) if from_evidence(ev, occs) else None
                if how is not None and ev.plover_type in gold.types:
                    matches.append((ev, how))
                    hit_preds.add(i)
            checks = field_checks(gold, matches) if matches else {}
            if gold.required:
                required += 1
                if matches:
                    matched += 1
                    for name in FIELDS:
                        if checks.get(name) is not None:
                            field_total[name] += 1
                            field_right[name] += bool(checks[name])
            elif matches:
                matched_optional += 1
            details.append(
                {
                    "article": art.id,
                    "id": gold.id,
                    "required": gold.required,
                    "matched": bool(matches),
                    "want": {
                        "source": gold.source,
                        "target": gold.target,
                        "type": list(gold.types),
                    },
                    "evidence": gold.evidence,
                    "fields": checks,
                    "predictions": [describe(e, art.text) for e, _ in matches],
                }
            )
        matched_preds += len(hit_preds)
        unmatched += [
            {"article": art.id, **describe(e, art.text)}
            for i, e in enumerate(asserted)
            if i not in hit_preds
        ]
        for rule in art.forbidden:
            occs = occurrences(art.text, rule.evidence)
            hits = [e for e in every if forbidden_hit(rule, e, occs)]
            forbidden_total += 1
            forbidden_hits += bool(hits)
            forbidden_details.append(
                {
                    "article": art.id,
                    "id": rule.id,
                    "hit": bool(hits),
                    "rule": rule.rule,
                    "predictions": [describe(e, art.text) for e in hits],
                }
            )
    precision = ratio(matched_preds, predicted)
    recall = ratio(matched, required)
    return {
        "required_recall": rounded(recall),
        "precision": rounded(precision),
        "f1": rounded(f1(precision, recall)),
        "forbidden_hits": forbidden_hits,
        "forbidden": forbidden_total,
        "field_accuracy": {
            k: rounded(field_right[k] / field_total[k]) if field_total[k] else None for k in FIELDS
        },
        "field_counts": {k: [field_right[k], field_total[k]] for k in FIELDS},
        "required": required,
        "matched": matched,
        "matched_optional": matched_optional,
        "predicted": predicted,
        "matched_predictions": matched_preds,
        "predicted_unasserted": unasserted,
        "articles": len(articles),
        "details": details,
        "unmatched_predictions": unmatched,
        "forbidden_details": forbidden_details,
    }


def evaluate_gold(path: Path, pipeline: Any) -> dict[str, Any]:
    """Run the pipeline on every gold article (all modalities kept) and score it."""
    articles = load_gold(Path(path))
    started = time.perf_counter()
    predictions = {
        a.id: pipeline.extract(a.text, published=a.published, include_unasserted=True)
        for a in articles
    }
    result = score_gold(articles, predictions)
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result
