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
from ..records import Actor, Article, Count, Event, Failure, Mention, Place, Span
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
        cols["note"].append(a.note)
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


def merge_events(events: Sequence[Event]) -> list[tuple[Event, list[tuple[str, Mention]]]]:
    """Group events by id: the first copy's attributes, the union of all copies' mentions (by
    mention id, first wins). Mention ids (a hash each) are computed once, here."""
    by_id: dict[str, tuple[Event, list[tuple[str, Mention]], set[str]]] = {}
    for e in events:
        if e.id not in by_id:
            by_id[e.id] = (e, [], set())
        _, mentions, seen = by_id[e.id]
        for m in e.mentions:
            mid = m.id
            if mid not in seen:
                seen.add(mid)
                mentions.append((mid, m))
    return [(e, mentions) for e, mentions, _ in by_id.values()]


def _actor_row(a: Actor | None) -> tuple[object, ...]:
    if a is None:
        return (None, None, None, None, None)
    return (a.text, a.country, a.org, a.sector, a.code)


def _count_row(count: Count | None) -> tuple[int | None, int | None]:
    return (count.low, count.high) if count else (None, None)


def _span_row(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)


def _from_rows(name: str, rows: Sequence[tuple[object, ...]]) -> pa.Table:
    """Transpose row tuples (in schema column order) into columns; one tuple per row is much
    cheaper than one list append per cell."""
    width = len(arrow_schema(name))
    if rows and len(rows[0]) != width:
        raise AssertionError(f"{name}: row has {len(rows[0])} values for {width} columns")
    columns = [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]
    return _table(name, dict(zip(arrow_schema(name).names, columns, strict=True)))


def events_table(merged: Sequence[tuple[Event, list[tuple[str, Mention]]]]) -> pa.Table:
    """One row per distinct event id."""
    rows = []
    for e, _ in merged:
        when, places = e.when, e.places
        rows.append(
            (
                e.id,
                e.plover_type,
                e.plover_mode,
                e.plover_context,
                e.cameo_code,
                e.cameo_name,
                e.goldstein,
                e.quad_class,
                *_actor_row(e.source),
                *_actor_row(e.target),
                _day(when.start) if when else None,
                _day(when.end) if when else None,
                when.precision if when else None,
                [_place(p) for p in places],
                places[0].lat if places else None,
                places[0].lon if places else None,
                e.modality,
                e.confidence,
                e.n_articles,
                e.n_sources,
                _day(e.first_seen),
                _day(e.last_seen),
                e.acled_event_type,
                e.acled_sub_event_type,
                *_count_row(e.killed),
                *_count_row(e.injured),
            )
        )
    return _from_rows("events", rows)


def mentions_table(
    merged: Sequence[tuple[Event, list[tuple[str, Mention]]]],
    report_ids: dict[str, str] | None = None,
) -> pa.Table:
    """One row per distinct mention id, carrying its event's id and its report's (``report_ids``:
    mention id -> report id). A mention listed under two different events keeps the first."""
    report_ids = report_ids or {}
    seen: set[str] = set()
    rows = []
    for e, mentions in merged:
        for mid, m in mentions:
            if mid in seen:
                continue
            seen.add(mid)
            att = m.attribution
            rows.append(
                (
                    mid,
                    e.id,
                    m.article_id,
                    *_span_row(m.sentence),
                    *_span_row(m.trigger),
                    *_span_row(m.source_span),
                    *_span_row(m.target_span),
                    *_span_row(m.time_span),
                    [{"start": s.start, "end": s.end} for s in m.place_spans],
                    m.modality,
                    att.text if att else None,
                    att.country if att else None,
                    att.org if att else None,
                    *_span_row(m.attribution_span),
                    m.sentence_kind,
                    m.confidence,
                    m.pattern,
                    m.plover_type,
                    m.cameo_code,
                    *_count_row(m.killed),
                    *_span_row(m.killed.span if m.killed else None),
                    *_count_row(m.injured),
                    *_span_row(m.injured.span if m.injured else None),
                    report_ids.get(mid),
                )
            )
    return _from_rows("mentions", rows)
