"""Reports as rows, and re-clustering them into events (shared by the DuckDB store and Spark).

Why rows: fusion across articles (``fusion/clusters.py``) is a function of the set of all reports,
so whoever holds the reports — the DuckDB file, or the Spark driver after all batches — must be
able to rebuild them and cluster again. A report row is the article-level event's row (the
``events`` columns) plus its article, publication date and source; ``report_from_row`` reads it
back into a ``Report`` (without mentions: those stay in the ``mentions`` table, linked by
``report_id``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import pyarrow as pa

from ..fusion.clusters import Report, cluster, event_ids, merge
from ..records import Actor, Count, DateRange, Event, Place
from . import rows
from .schema import arrow_schema


def reports_table(reports: Sequence[Report], event_of: Mapping[str, str]) -> pa.Table:
    """One row per report (ids distinct), with ``event_of[report id]`` as its event."""
    events = rows.events_table([(r.event, []) for r in reports])
    extra = {
        "id": [r.id for r in reports],
        "key_id": [r.event.id for r in reports],
        "event_id": [event_of[r.id] for r in reports],
        "article_id": [r.article_id for r in reports],
        "published": [rows._day(r.published) for r in reports],
        "source": [r.source for r in reports],
        "headline": [_headline(r) for r in reports],
    }
    schema = arrow_schema("reports")
    columns = [
        pa.array(extra[f.name], f.type) if f.name in extra else events.column(f.name)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def _headline(report: Report) -> bool:
    if report.headline is not None:
        return report.headline
    return any(m.sentence_kind == "title" for m in report.event.mentions)


def _actor(row: Mapping[str, Any], side: str) -> Actor | None:
    text = row[f"{side}_text"]
    if text is None:
        return None
    return Actor(
        text,
        country=row[f"{side}_country"],
        org=row[f"{side}_org"],
        sector=row[f"{side}_sector"],
        code=row[f"{side}_code"],
    )


def _count(row: Mapping[str, Any], name: str) -> Count | None:
    low = row[f"{name}_low"]
    return None if low is None else Count(low, row[f"{name}_high"])


def report_from_row(row: Mapping[str, Any]) -> Report:
    """The ``Report`` a ``reports`` row stores (its event without mentions)."""
    start, end = row["date_start"], row["date_end"]
    when = DateRange(start, end, row["date_precision"] or "day") if start and end else None
    places = tuple(
        Place(
            p["name"], p["geonameid"], p["lat"], p["lon"], country=p["country"],
            admin1=p["admin1"], feature=p["feature"], precision=p["precision"],
        )
        for p in row["places"] or []
    )
    event = Event(
        id=row["key_id"],
        plover_type=row["plover_type"],
        plover_mode=row["plover_mode"],
        plover_context=row["plover_context"],
        cameo_code=row["cameo_code"],
        cameo_name=row["cameo_name"],
        goldstein=row["goldstein"],
        quad_class=row["quad_class"],
        source=_actor(row, "source"),
        target=_actor(row, "target"),
        when=when,
        places=places,
        modality=row["modality"],
        mentions=(),
        confidence=row["confidence"],
        n_articles=row["n_articles"],
        n_sources=row["n_sources"],
        first_seen=row["first_seen"],
        last_seen=row["last_seen"],
        acled_event_type=row["acled_event_type"],
        acled_sub_event_type=row["acled_sub_event_type"],
        killed=_count(row, "killed"),
        injured=_count(row, "injured"),
    )
    return Report(event, row["article_id"], row["published"], row["source"], row["headline"])


def reports_from_table(table: pa.Table) -> list[Report]:
    return [report_from_row(r) for r in table.to_pylist()]


def recluster(reports: Iterable[Report]) -> tuple[list[Event], dict[str, str]]:
    """Cluster reports into events: the events (without mentions) and report id -> event id."""
    groups = cluster(list(reports))
    ids = event_ids(groups)
    events = [merge(g, eid) for g, eid in zip(groups, ids, strict=True)]
    return events, {r.id: eid for g, eid in zip(groups, ids, strict=True) for r in g}


def events_rows(events: Sequence[Event]) -> pa.Table:
    """The ``events`` table rows of fused events."""
    return rows.events_table([(e, []) for e in events])


def aliases(
    before: Mapping[str, str], after: Mapping[str, str], order: Mapping[str, tuple[date, str, str]]
) -> dict[str, str]:
    """Old event id -> new event id, for each event id of ``before`` (report -> event) that is no
    event of ``after``: the new event of the old event's first report (founder order)."""
    alive = set(after.values())
    firsts: dict[str, str] = {}
    for rid, old in sorted(before.items(), key=lambda kv: order[kv[0]]):
        firsts.setdefault(old, rid)
    return {old: after[rid] for old, rid in firsts.items() if old not in alive}


__all__ = [
    "aliases",
    "events_rows",
    "recluster",
    "report_from_row",
    "reports_from_table",
    "reports_table",
]
