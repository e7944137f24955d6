"""Streaming downloads of a selection of events: CSV, JSONL, Parquet and GeoJSON.

CSV, JSONL and Parquet are the files ``eventwire export`` writes — the same queries from
``store.queries`` — made by DuckDB's ``COPY`` into a temporary file that is streamed and then
deleted, so a download of a million rows never sits in Python's memory and has no row cap.
GeoJSON (which DuckDB cannot write without an extension) is built a thousand rows at a time.
Exports run without the time limit of the other endpoints: a complete file is what was asked for.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from fastapi.responses import StreamingResponse

from ..store.export import copy_sql
from ..store.queries import event_rows_sql
from .db import Database

EXPORT_FORMATS = ("csv", "jsonl", "parquet", "geojson")
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "geojson": "application/geo+json",
}
CHUNK = 1 << 16


def export_stream(db: Database, fmt: str, where: str, params: list[object]) -> StreamingResponse:
    """A response streaming every event matching ``where`` in ``fmt``. The query runs before
    the response starts, so a busy database is an error status, not a cut-off file."""
    if fmt == "geojson":
        body: Iterator[bytes] = _geojson(db, where, params)
    else:
        body = _copied(db, fmt, where, params)
    first = next(body)  # runs the query (and raises its errors) before any byte is sent
    body = _prepend(first, body)
    headers = {"Content-Disposition": f'attachment; filename="events.{fmt}"'}
    return StreamingResponse(body, media_type=MEDIA[fmt], headers=headers)


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    try:
        yield first
        yield from rest
    finally:
        close = getattr(rest, "close", None)
        if close is not None:
            close()


def _copied(db: Database, fmt: str, where: str, params: list[object]) -> Iterator[bytes]:
    handle, name = tempfile.mkstemp(prefix="eventwire-export-", suffix=f".{fmt}")
    os.close(handle)
    path = Path(name)
    try:
        with db.cursor(time_limit=None) as con:
            con.execute(copy_sql(fmt, where, Path(path)), params).fetchall()
        yield b""
        with path.open("rb") as f:
            while chunk := f.read(CHUNK):
                yield chunk
    finally:
        path.unlink(missing_ok=True)


def _geojson(db: Database, where: str, params: list[object]) -> Iterator[bytes]:
    columns = ("id", "plover_type", "cameo_code", "source_country", "source_org",
               "target_country", "target_org", "date_start", "date_end", "goldstein",
               "confidence", "n_articles", "evidence", "article_id")
    with db.cursor(time_limit=None) as con:
        cur = con.execute(event_rows_sql(where, limit=False), params)
        names = [d[0] for d in cur.description]
        yield b'{"type":"FeatureCollection","features":['
        first = True
        while batch := cur.fetchmany(1000):
            parts = []
            for values in batch:
                row = dict(zip(names, values, strict=True))
                if row["lat"] is None or row["lon"] is None:
                    continue
                props = {c: row[c] for c in columns}
                feature = {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                    "properties": props,
                }
                parts.append(json.dumps(feature, default=str, ensure_ascii=False))
            if parts:
                yield ((b"" if first else b",") + ",".join(parts).encode())
                first = False
        yield b"]}"
