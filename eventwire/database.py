"""Stored events from Python, as DuckDB query results: ``eventwire.open(db)``.

    >>> import eventwire
    >>> with eventwire.open("events.duckdb") as db:
    ...     df = db.events(actor="RUS", since="2015-10-01").df()      # pandas
    ...     pl = db.events(type="ASSAULT").pl()                          # polars
    ...     reader = db.events().arrow()                                 # Arrow stream

Why relations and not lists of dicts: ``events`` returns a ``duckdb.DuckDBPyRelation``, a query
that runs only when it is converted (``.df()``, ``.pl()``, ``.arrow()`` — an Arrow
RecordBatchReader; ``.to_arrow_table()`` for a Table — or ``.fetchall()``), and it hands the rows
to pandas / polars / Arrow in columnar form: the table is never copied into Python objects. It is
also still a query, so it can be refined in DuckDB first (``.filter("n_articles > 1")``,
``.aggregate(...)``) before anything leaves the database.

``db`` is what ``eventwire events --db`` takes: a DuckDB file, or the Parquet folder a Spark run
wrote. The filters are the CLI's (``queries.event_filters``), with the same defaults: events told
as having happened (``modality="asserted"``; ``"any"`` for all).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Self

import duckdb

from .errors import ConfigError, StorageError
from .records import MODALITIES
from .store import Store
from .store.queries import EVIDENCE, MENTION_ORDER, event_filters, event_rows_sql


class Database:
    """A read-only handle on an eventwire database; close it (or use ``with``) when done."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def path(self) -> str:
        return self._store.path

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for SQL of your own over ``events``, ``mentions``,
        ``articles`` and ``failures``."""
        return self._store.connection

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        modality: str = "asserted",
        min_confidence: float | None = None,
        limit: int | None = None,
    ) -> duckdb.DuckDBPyRelation:
        """Events matching every given filter, ordered by date then id, with the columns of
        ``eventwire events --json``: the events table's plus ``evidence`` (the first report's
        sentence), ``article_id`` and ``n_mentions``.

        actor: source or target country / organisation, or CAMEO actor code prefix. type: PLOVER
        type or CAMEO code prefix. since/until: dates (or ``YYYY-MM-DD``) the event's date range
        overlaps. modality: one of ``records.MODALITIES`` or ``"any"``. min_confidence: 0 to 1.
        """
        if modality != "any" and modality not in MODALITIES:
            raise ConfigError(
                f"unknown modality {modality!r}: use one of {', '.join(MODALITIES)} or 'any'"
            )
        if limit is not None and limit < 0:
            raise ConfigError(f"limit must be >= 0, got {limit}")
        where, params = event_filters(
            actor=actor, type=type, since=_day(since), until=_day(until),
            modality=None if modality == "any" else modality, min_confidence=min_confidence,
        )
        if limit is not None:
            params.append(limit)
        return self._relation(event_rows_sql(where, limit=limit is not None), params)

    def mentions(self, event_id: str | None = None) -> duckdb.DuckDBPyRelation:
        """The reports (mentions) of one event, or of all events, each with its ``evidence``
        sentence and its article's ``published``, ``source`` and ``url``."""
        params: list[object] = [event_id] if event_id is not None else []
        clause = "m.event_id = ?" if event_id is not None else "TRUE"
        sql = (
            f"SELECT m.*, {EVIDENCE} AS evidence, a.published, a.source, a.url "
            f"FROM mentions m JOIN articles a ON a.id = m.article_id "
            f"WHERE {clause} ORDER BY m.event_id, {MENTION_ORDER}"
        )
        return self._relation(sql, params)

    def sql(self, query: str, params: list[object] | None = None) -> duckdb.DuckDBPyRelation:
        """Any read-only SQL over the database's tables, as a relation."""
        return self._relation(query, params or [])

    def _relation(self, sql: str, params: list[object]) -> duckdb.DuckDBPyRelation:
        try:
            return self.connection.sql(sql, params=params)
        except duckdb.Error as exc:
            raise StorageError(f"cannot query {self.path}: {exc}") from exc

    def close(self) -> None:
        """Close the database; relations obtained from it cannot be read afterwards."""
        self._store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"eventwire.Database({self.path!r})"


def open_database(db: str | Path) -> Database:
    """Open a DuckDB file or a Spark run's Parquet folder read-only (StorageError when it is
    neither, is missing, or was written by another schema version)."""
    if not Path(db).exists():
        raise StorageError(f"no database at {db}: run `eventwire run SOURCE --db {db}` first")
    return Database(Store.open(db, read_only=True))


def _day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{value!r} is not a date (YYYY-MM-DD)") from exc
