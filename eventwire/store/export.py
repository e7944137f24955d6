"""Exports of the events table: JSONL (nested), CSV (flat) and Parquet, and the standard formats
researchers load — GDELT 2.0 (``export_gdelt``), PLOVER JSON lines and POLECAT TSV
(``export_plover``), ACLED CSV (``export_acled``).

All are a DuckDB ``COPY (query) TO file``: the rows never pass through Python, so exporting
a large database costs what DuckDB's writers cost.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from ..errors import ConfigError, StorageError
from .queries import event_filters, event_rows_sql, events_nested_sql

PLAIN_FORMATS = ("jsonl", "csv", "parquet")
# Formats of other event datasets: they hold events told as having happened, so by default only
# those (modality "asserted") are written; ``modality="any"`` writes them all.
STANDARD_FORMATS = ("gdelt", "plover", "polecat", "acled")
FORMATS = PLAIN_FORMATS + STANDARD_FORMATS


def copy_sql(fmt: str, where: str, target: Path) -> str:
    """The COPY statement writing the events that ``where`` selects as jsonl, csv or parquet
    (the CLI's `export` and `serve`'s /api/export both write through it)."""
    if fmt == "jsonl":
        query, options = events_nested_sql(where), "FORMAT json"
    elif fmt == "csv":
        query, options = event_rows_sql(where, limit=False, places_as_text=True), "HEADER"
    else:
        query = f"SELECT * FROM events WHERE {where} ORDER BY date_start NULLS LAST, id"
        options = "FORMAT parquet"
    return f"COPY ({query}) TO {_quote(target)} ({options})"


def _quote(path: Path) -> str:
    """A SQL string literal for a path (COPY takes no bound parameter for its target)."""
    return "'" + str(path).replace("'", "''") + "'"


def export_events(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    path: str | Path,
    *,
    min_confidence: float | None = None,
    actor: str | None = None,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    modality: str | None = None,
) -> int:
    """Write every event matching the filters (those of ``queries.event_filters``; all events
    when none is given) to ``path`` in ``fmt``; returns the number of rows (events) written.

    jsonl: one event per line, ``places`` and ``mentions`` nested, each mention with its
    ``evidence`` sentence. csv: one flat row per event, places as ``name (lat,lon); ...``, plus the
    first mention's evidence. parquet: the events table as stored (native types).
    gdelt, plover, polecat, acled: see their modules; ``modality`` defaults to ``asserted`` for
    them (``any``: every modality). gdelt also writes its Mentions table beside ``path``
    (``export_gdelt.mentions_path``).
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if modality is None and fmt in STANDARD_FORMATS:
        modality = "asserted"
    where, params = event_filters(
        actor=actor, type=type, since=since, until=until,
        modality=None if modality == "any" else modality, min_confidence=min_confidence,
    )
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the folder for {target}: {exc}") from exc
    if fmt in STANDARD_FORMATS:
        return _export_standard(con, fmt, where, params, target)
    try:
        result = con.execute(copy_sql(fmt, where, target), params).fetchall()
    except duckdb.Error as exc:
        raise StorageError(f"cannot export {fmt} to {target}: {exc}") from exc
    return int(result[0][0]) if result else 0


def _export_standard(
    con: duckdb.DuckDBPyConnection, fmt: str, where: str, params: list[object], target: Path
) -> int:
    """Dispatch to the module of a standard format (imported only when used)."""
    if fmt == "gdelt":
        from .export_gdelt import export_gdelt

        return export_gdelt(con, where, params, target)[0]
    if fmt == "acled":
        from .export_acled import export_acled

        return export_acled(con, where, params, target)
    from .export_plover import export_plover, export_polecat

    if fmt == "plover":
        return export_plover(con, where, params, target)
    return export_polecat(con, where, params, target)
