"""The JSON API: events (paged), one event, one article, the aggregates the dashboard draws, and
exports of the current selection.

Every endpoint answers with the store's own read functions — ``queries.event_filters`` and
``event_rows_sql`` (what ``eventwire events`` runs) and ``browse`` — on a read-only cursor of the
``Database`` kept in ``request.app.state.db``. Errors are raised as the project's exceptions and
turned into HTTP answers in ``app.py``: a bad parameter 422, a busy database or a slow query 503.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from ..store import browse
from ..store.queries import ORDERS, event_filters
from .db import Database
from .exports import EXPORT_FORMATS, export_stream
from .filters import (
    COUNTRY_CODES,
    Filters,
    check_sort,
    decode_cursor,
    encode_cursor,
    event_filters_param,
)

router = APIRouter(prefix="/api")
FiltersDep = Annotated[Filters, Depends(event_filters_param)]
_ID = Path(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_:\-]+$")


def _db(request: Request) -> Database:
    return request.app.state.db


def _plain(value: Any) -> Any:
    """JSON-ready values: dates as ISO text, non-finite floats as null."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def json_response(body: dict[str, Any], status: int = 200) -> Response:
    """JSON quickly: a page of 1,000 events is too slow through FastAPI's generic encoder."""
    text = json.dumps(_plain(body), ensure_ascii=False, separators=(",", ":"))
    return Response(text, status_code=status, media_type="application/json")


def _where(filters: Filters, **extra: Any) -> tuple[str, list[object]]:
    return event_filters(**filters.kwargs(), **extra)


@router.get("/events", summary="Events matching the filters, one page at a time")
def events(
    request: Request,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="Events per page (1-1000).")] = 100,
    sort: Annotated[str, Query(description="Order: " + ", ".join(ORDERS))] = "date",
    cursor: Annotated[str | None, Query(
        max_length=2000, description="Opaque token from the previous page's `next`.")] = None,
) -> Response:
    """Each event with its actors, places, dates, counts, its first mention's evidence sentence
    and article; ``total`` counts every match, ``next`` is the link to the following page
    (null on the last)."""
    sort = check_sort(sort)
    after = decode_cursor(cursor, sort) if cursor else None
    with _db(request).cursor() as con:
        rows, total = browse.counted_page(
            con, filters.kwargs(), after=after, limit=limit + 1, sort=sort
        )
    more = len(rows) > limit
    rows = rows[:limit]
    token = None
    if more:
        last = rows[-1]
        token = encode_cursor(sort, last[ORDERS[sort][0]], str(last["id"]))
    next_link = None
    if token:
        query = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
        next_link = f"{request.url.path}?{urlencode([*query, ('cursor', token)])}"
    return json_response({
        "total": total,
        "count": len(rows),
        "limit": limit,
        "sort": sort,
        "cursor": token,
        "next": next_link,
        "country_codes": COUNTRY_CODES,
        "events": rows,
    })


@router.get("/events/{event_id}", summary="One event with all its mentions")
def event(request: Request, event_id: Annotated[str, _ID]) -> Response:
    with _db(request).cursor() as con:
        found = browse.event_detail(con, event_id)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return json_response({"country_codes": COUNTRY_CODES, "event": found})


@router.get("/articles/{article_id}", summary="One article with every mention's spans")
def article(request: Request, article_id: Annotated[str, _ID]) -> Response:
    """Title, date, source, url, text, and each mention's spans (trigger, source, target, place,
    time…) as ``[start, end)`` character offsets into ``text``."""
    with _db(request).cursor() as con:
        found = browse.article_detail(con, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return json_response({"article": found})


@router.get("/timeline", summary="Event counts per period, by type or quad class")
def timeline(
    request: Request,
    filters: FiltersDep,
    interval: Annotated[str, Query(pattern="^(auto|day|week|month)$",
                                   description="day, week, month, or auto")] = "auto",
    group: Annotated[str, Query(pattern="^(type|quad)$",
                                description="type (PLOVER) or quad (class 1-4)")] = "type",
) -> Response:
    """``auto`` picks day for spans up to 120 days, week up to three years, else month."""
    where, params = _where(filters)
    with _db(request).cursor() as con:
        if interval == "auto":
            interval = _auto_interval(filters, con, where, params)
        rows = browse.timeline(con, where, params, interval=interval, group=group)
    return json_response({"interval": interval, "group": group, "counts": rows})


def _auto_interval(filters: Filters, con: Any, where: str, params: list[object]) -> str:
    first, last = filters.since, filters.until
    if first is None or last is None:
        found = con.execute(
            f"SELECT min(date_start), max(date_start) FROM events WHERE {where}", params
        ).fetchall()[0]
        first, last = first or found[0], last or found[1]
    if first is None or last is None:
        return "day"
    days = (last - first).days
    return "day" if days <= 120 else "week" if days <= 3 * 366 else "month"


@router.get("/network", summary="Dyads: who acts on whom, how often, how (Goldstein)")
def network(
    request: Request,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="Busiest dyads to return.")] = 150,
) -> Response:
    """Nodes are actors (ISO 3166-1 alpha-3 country, else organisation, else CAMEO code)."""
    where, params = _where(filters)
    with _db(request).cursor() as con:
        dyads, total = browse.network(con, where, params, limit=limit)
    nodes: dict[str, dict[str, Any]] = {}
    for d in dyads:
        for side, key in (("source", "out"), ("target", "in")):
            node = nodes.setdefault(d[side], {"id": d[side], "out": 0, "in": 0})
            node[key] += d["n"]
    return json_response({
        "total_dyads": total,
        "truncated": total > len(dyads),
        "country_codes": COUNTRY_CODES,
        "nodes": list(nodes.values()),
        "edges": dyads,
    })


@router.get("/places", summary="GeoJSON: one point per place with its event count")
def places(
    request: Request,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=20000, description="Busiest places to return.")] = 5000,
) -> Response:
    where, params = _where(filters)
    with _db(request).cursor() as con:
        rows, total = browse.places(con, where, params, limit=limit)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
            "properties": {k: r[k] for k in ("name", "geonameid", "country", "n")},
        }
        for r in rows
    ]
    return json_response({
        "type": "FeatureCollection",
        "total_places": total,
        "truncated": total > len(rows),
        "country_codes": COUNTRY_CODES,
        "features": features,
    })


@router.get("/actors", summary="The actors in most events, as source and as target")
def actors(
    request: Request,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> Response:
    where, params = _where(filters)
    with _db(request).cursor() as con:
        rows = browse.actors(con, where, params, limit=limit)
    return json_response({"country_codes": COUNTRY_CODES, "actors": rows})


@router.get("/export", summary="Download every event of the selection (no row cap)")
def export(
    request: Request,
    filters: FiltersDep,
    format: Annotated[str, Query(pattern="^(" + "|".join(EXPORT_FORMATS) + ")$",
                                 description=", ".join(EXPORT_FORMATS))] = "csv",
) -> StreamingResponse:
    """Streams the selection as CSV (one flat row per event, as ``eventwire export``), JSONL (one
    event per line with its mentions), Parquet or GeoJSON (one point per event)."""
    where, params = _where(filters)
    return export_stream(_db(request), format, where, params)
