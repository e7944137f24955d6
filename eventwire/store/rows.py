"""Records → Arrow tables, column by column.

The store inserts whole Arrow tables in one statement (DuckDB reads them without copying), so this
module turns a batch of frozen records into columnar lists. It also de-duplicates within a batch:
the database skips ids it already has, but two rows with the same id in one insert would break the
primary key, so the first occurrence wins here (for an event, later copies contribute their extra
mentions, which is how fusion by id works inside a batch too).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import pyarrow as pa

from ..errors import StorageError
from ..records import Actor, Article, Event, Failure, Mention, Place, Span
from .schema import arrow_schema


def _day(value: date | None) -> date | None:
    """A ``date``; a ``datetime`` (a subclass of date) is cut to its day instead of failing Arrow."""
    if isinstance(value, datetime):
        return value.date()
    return value


def _table(name: str, columns: dict[str, list[object]]) -> pa.Table:
    """Build one Arrow table, turning a conversion error into a StorageError that names the table
    and column (a bad value must be a clear error, not a pyarrow traceback)."""
    schema = arrow_schema(name)
    arrays = []
    for field in schema:
        try:
            arrays.append(pa.array(columns[field.name], type=field.type))
        except (pa.ArrowException, TypeError, ValueError, OverflowError, UnicodeError) as exc:
            raise StorageError(f"cannot store {name}.{field.name}: {exc}") from exc
    return pa.Table.from_arrays(arrays, schema=schema)


def articles_table(articles: Sequence[Article]) -> pa.Table:
    """One row per distinct article id."""
    seen: set[str] = set()
    cols: dict[str, list[object]] = {c: [] for c in arrow_schema("articles").names}
    for a in articles:
        if a.id in seen:
            continue
        seen.add(a.id)
        cols["id"].append(a.id)
        cols["input_ref"].append(a.input_ref)
        cols["title"].append(a.title)
        cols["published"].append(_day(a.published))
        cols["source"].append(a.source)
        cols["url"].append(a.url)
        cols["language"].append(a.language)
        cols["text"].append(a.text)
        cols["n_chars"].append(len(a.text) if isinstance(a.text, str) else None)
    return _table("articles", cols)


def failures_table(failures: Sequence[Failure], now: datetime) -> pa.Table:
    """One row per distinct (input_ref, stage); ``now`` stamps first_seen."""
    seen: set[str] = set()
    cols: dict[str, list[object]] = {c: [] for c in arrow_schema("failures").names}
    for f in failures:
        if f.id in seen:
            continue
        seen.add(f.id)
        cols["id"].append(f.id)
        cols["input_ref"].append(f.input_ref)
        cols["stage"].append(f.stage)
        cols["reason"].append(f.reason)
        cols["first_seen"].append(now)
    return _table("failures", cols)


def _actor(cols: dict[str, list[object]], prefix: str, actor: Actor | None) -> None:
    for field in ("text", "country", "org", "sector", "code"):
        cols[f"{prefix}_{field}"].append(getattr(actor, field) if actor is not None else None)


def _place(p: Place) -> dict[str, object]:
    return {
        "name": p.name,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "admin1": p.admin1,
        "feature": p.feature,
        "precision": p.precision,
    }


def _span(cols: dict[str, list[object]], prefix: str, span: Span | None) -> None:
    cols[f"{prefix}_start"].append(span.start if span is not None else None)
    cols[f"{prefix}_end"].append(span.end if span is not None else None)


def merge_events(events: Sequence[Event]) -> list[tuple[Event, list[Mention]]]:
    """Group events by id: the first copy's attributes, the union of all copies' mentions (by
    mention id, first wins)."""
    by_id: dict[str, tuple[Event, list[Mention], set[str]]] = {}
    for e in events:
        if e.id not in by_id:
            by_id[e.id] = (e, [], set())
        _, mentions, seen = by_id[e.id]
        for m in e.mentions:
            if m.id not in seen:
                seen.add(m.id)
                mentions.append(m)
    return [(e, mentions) for e, mentions, _ in by_id.values()]


def events_table(merged: Sequence[tuple[Event, list[Mention]]]) -> pa.Table:
    """One row per distinct event id."""
    cols: dict[str, list[object]] = {c: [] for c in arrow_schema("events").names}
    for e, _ in merged:
        cols["id"].append(e.id)
        cols["plover_type"].append(e.plover_type)
        cols["plover_mode"].append(e.plover_mode)
        cols["plover_context"].append(e.plover_context)
        cols["cameo_code"].append(e.cameo_code)
        cols["cameo_name"].append(e.cameo_name)
        cols["goldstein"].append(e.goldstein)
        cols["quad_class"].append(e.quad_class)
        _actor(cols, "source", e.source)
        _actor(cols, "target", e.target)
        cols["date_start"].append(_day(e.when.start) if e.when else None)
        cols["date_end"].append(_day(e.when.end) if e.when else None)
        cols["date_precision"].append(e.when.precision if e.when else None)
        cols["places"].append([_place(p) for p in e.places])
        cols["lat"].append(e.places[0].lat if e.places else None)
        cols["lon"].append(e.places[0].lon if e.places else None)
        cols["modality"].append(e.modality)
        cols["confidence"].append(e.confidence)
        cols["n_articles"].append(e.n_articles)
        cols["n_sources"].append(e.n_sources)
        cols["first_seen"].append(_day(e.first_seen))
        cols["last_seen"].append(_day(e.last_seen))
    return _table("events", cols)


def mentions_table(merged: Sequence[tuple[Event, list[Mention]]]) -> pa.Table:
    """One row per distinct mention id, carrying its event's id. A mention listed under two
    different events keeps the first."""
    seen: set[str] = set()
    cols: dict[str, list[object]] = {c: [] for c in arrow_schema("mentions").names}
    for e, mentions in merged:
        for m in mentions:
            mid = m.id
            if mid in seen:
                continue
            seen.add(mid)
            cols["id"].append(mid)
            cols["event_id"].append(e.id)
            cols["article_id"].append(m.article_id)
            _span(cols, "sentence", m.sentence)
            _span(cols, "trigger", m.trigger)
            _span(cols, "source", m.source_span)
            _span(cols, "target", m.target_span)
            _span(cols, "time", m.time_span)
            cols["place_spans"].append([{"start": s.start, "end": s.end} for s in m.place_spans])
            cols["modality"].append(m.modality)
            att = m.attribution
            cols["attribution_text"].append(att.text if att else None)
            cols["attribution_country"].append(att.country if att else None)
            cols["attribution_org"].append(att.org if att else None)
            _span(cols, "attribution", m.attribution_span)
            cols["sentence_kind"].append(m.sentence_kind)
            cols["confidence"].append(m.confidence)
            cols["pattern"].append(m.pattern)
            cols["plover_type"].append(m.plover_type)
            cols["cameo_code"].append(m.cameo_code)
    return _table("mentions", cols)
