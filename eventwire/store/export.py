"""Exports of the events table: JSONL (nested), CSV (flat) and Parquet.

All three are a DuckDB ``COPY (query) TO file``: the rows never pass through Python, so exporting
a large database costs what DuckDB's writers cost.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import ConfigError, StorageError
from .queries import event_filters, event_rows_sql, events_nested_sql

FORMATS = ("jsonl", "csv", "parquet")


def _quote(path: Path) -> str:
    """A SQL string literal for a path (COPY takes no bound parameter for its target)."""
    return "'" + str(path).replace("'", "''") + "'"


def export_events(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    path: str | Path,
    *,
    min_confidence: float | None = None,
) -> int:
    """Write every event (with ``min_confidence``, those at least that confident) to ``path`` in
    ``fmt``; returns the number of rows (events) written.

    jsonl: one event per line, ``places`` and ``mentions`` nested, each mention with its
    ``evidence`` sentence. csv: one flat row per event, places as ``name (lat,lon); ...``, plus the
    first mention's evidence. parquet: the events table as stored (native types).
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    where, params = event_filters(min_confidence=min_confidence)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the folder for {target}: {exc}") from exc
    if fmt == "jsonl":
        query, options = events_nested_sql(where), "FORMAT json"
    elif fmt == "csv":
        query, options = event_rows_sql(where, limit=False, places_as_text=True), "HEADER"
    else:
        query = f"SELECT * FROM events WHERE {where} ORDER BY date_start NULLS LAST, id"
        options = "FORMAT parquet"
    try:
        result = con.execute(f"COPY ({query}) TO {_quote(target)} ({options})", params).fetchall()
    except duckdb.Error as exc:
        raise StorageError(f"cannot export {fmt} to {target}: {exc}") from exc
    return int(result[0][0]) if result else 0
