"""The DuckDB store: the only code that writes eventwire's database.

Writes are bulk and atomic: a batch becomes four Arrow tables, each inserted with one
``INSERT ... SELECT`` inside one transaction, so a crash mid-batch leaves the file as it was.
Writes are idempotent because every id is deterministic: rows whose id already exists are skipped,
and an event id that already exists (the same real-world event reported again, possibly by another
article) only gains the new mentions, after which its counts are recomputed in SQL.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb
import pyarrow as pa

from ..errors import StorageError
from ..records import Article, Event, Failure
from . import rows
from .export import export_events
from .parquet_dir import connect_parquet_dir
from .queries import event_filters, event_rows_sql
from .schema import SCHEMA_VERSION, ddl


@dataclass(frozen=True)
class WriteCounts:
    """What one ``write_batch`` added (zeros when the batch was already stored)."""

    articles_added: int
    events_added: int
    mentions_added: int
    failures_added: int


# Recompute, for the events that gained mentions in this batch, the figures that depend on all of
# their mentions. Confidence (1 - prod(1 - c), capped) is recomputed only for events that existed
# before the batch: a new event keeps the confidence the fuse stage gave it.
_RECOUNT = """
UPDATE events SET
    n_articles = agg.n_articles,
    n_sources = agg.n_sources,
    first_seen = coalesce(agg.first_seen, events.first_seen),
    last_seen = coalesce(agg.last_seen, events.last_seen),
    confidence = CASE WHEN agg.existed THEN agg.confidence ELSE events.confidence END
FROM (
    SELECT m.event_id,
           t.existed,
           count(DISTINCT m.article_id) AS n_articles,
           count(DISTINCT coalesce('source:' || a.source, 'article:' || m.article_id))
               AS n_sources,
           min(a.published) AS first_seen,
           max(a.published) AS last_seen,
           least(0.99, 1 - product(1 - m.confidence)) AS confidence
    FROM mentions m
    JOIN _ew_touched t ON t.id = m.event_id
    LEFT JOIN articles a ON a.id = m.article_id
    GROUP BY m.event_id, t.existed
) AS agg
WHERE events.id = agg.event_id
"""

_TOUCHED = """
CREATE OR REPLACE TEMP TABLE _ew_touched AS
SELECT DISTINCT i.event_id AS id, (e.id IS NOT NULL) AS existed
FROM _ew_in_mentions i LEFT JOIN events e ON e.id = i.event_id
WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.id = i.id)
"""


class Store:
    """An eventwire database file. Open with ``Store.open(path)``; use as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._con: duckdb.DuckDBPyConnection | None = con
        self.path = path
        self.read_only = read_only

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (and, unless read-only, create) a database; the schema is created if missing.

        Read-only, ``path`` may also be the Parquet folder a Spark run wrote (``run --engine
        spark --out DIR``): its tables are read in place (see ``parquet_dir``).

        Raises StorageError when the file is not a DuckDB database, is locked by another process,
        is missing (read-only), or was written by another schema version.
        """
        name = str(path)
        in_memory = name == ":memory:"
        if not in_memory:
            p = Path(path)
            if read_only and not p.exists():
                raise StorageError(f"{p}: no such database (run `eventwire run` to create it)")
            if p.is_dir() and read_only:
                return cls(connect_parquet_dir(p), name, read_only=True)
            if p.is_dir():
                raise StorageError(
                    f"{p} is a folder, not a database file (a Parquet folder is read-only)"
                )
            if not read_only:
                try:
                    p.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StorageError(f"cannot create the folder for {p}: {exc}") from exc
        try:
            con = duckdb.connect(name, read_only=read_only)
        except duckdb.Error as exc:
            raise StorageError(_open_message(name, exc)) from exc
        store = cls(con, name, read_only)
        try:
            store._prepare()
        except BaseException:
            con.close()
            raise
        return store

    def _prepare(self) -> None:
        """Create missing tables (read-write) and check the schema version."""
        con = self._conn
        try:
            if not self.read_only:
                with self._transaction():
                    for statement in ddl():
                        con.execute(statement)
                    con.execute(
                        "INSERT INTO eventwire_meta SELECT 'schema_version', ? WHERE NOT EXISTS "
                        "(SELECT 1 FROM eventwire_meta WHERE key = 'schema_version')",
                        [SCHEMA_VERSION],
                    )
            row = _one(con, "SELECT value FROM eventwire_meta WHERE key = 'schema_version'")
        except duckdb.CatalogException as exc:
            raise StorageError(
                f"{self.path} is a DuckDB file but not an eventwire database"
            ) from exc
        except duckdb.Error as exc:
            raise StorageError(f"cannot prepare {self.path}: {exc}") from exc
        version = row[0] if row else None
        if version != SCHEMA_VERSION:
            raise StorageError(
                f"{self.path} has schema version {version}, this eventwire writes "
                f"{SCHEMA_VERSION}: export it with the old version or start a new database"
            )

    @property
    def _conn(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StorageError(f"{self.path}: the store is closed")
        return self._con

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN … COMMIT, ROLLBACK on any exception (KeyboardInterrupt included)."""
        con = self._conn
        con.begin()
        try:
            yield
        except BaseException:
            con.rollback()
            raise
        con.commit()

    # -- writing ---------------------------------------------------------------------------

    def write_batch(
        self,
        articles: Sequence[Article],
        events: Sequence[Event],
        failures: Sequence[Failure],
    ) -> WriteCounts:
        """Store one batch atomically; returns what was new. Writing a batch twice adds nothing.

        Every mention must point to an article stored before or in this batch (its spans are
        offsets into that article's text); otherwise StorageError and nothing is written.
        """
        if self.read_only:
            raise StorageError(f"{self.path} is open read-only: cannot write")
        con = self._conn
        merged = rows.merge_events(events)
        inputs = {
            "_ew_in_articles": rows.articles_table(articles),
            "_ew_in_failures": rows.failures_table(failures, _now()),
            "_ew_in_events": rows.events_table(merged),
            "_ew_in_mentions": rows.mentions_table(merged),
        }
        try:
            for name, table in inputs.items():
                con.register(name, table)
            with self._transaction():
                added_articles = self._insert_new("articles", "_ew_in_articles")
                added_failures = self._insert_new("failures", "_ew_in_failures")
                self._check_articles_known()
                con.execute(_TOUCHED)
                added_events = self._insert_new("events", "_ew_in_events")
                added_mentions = self._insert_new("mentions", "_ew_in_mentions")
                if added_mentions:
                    con.execute(_RECOUNT).fetchall()
                con.execute("DROP TABLE IF EXISTS _ew_touched")
        except duckdb.Error as exc:
            raise StorageError(f"cannot write batch to {self.path}: {exc}") from exc
        finally:
            for name in inputs:
                _unregister(con, name)
        return WriteCounts(added_articles, added_events, added_mentions, added_failures)

    def _insert_new(self, table: str, source: str) -> int:
        """Insert the rows of ``source`` whose id is not in ``table``; returns how many."""
        row = _one(
            self._conn,
            f"INSERT INTO {table} BY NAME SELECT * FROM {source} i "
            f"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = i.id)",
        )
        return int(row[0]) if row else 0

    def _check_articles_known(self) -> None:
        missing = self._conn.execute(
            "SELECT DISTINCT i.article_id FROM _ew_in_mentions i "
            "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = i.article_id) "
            "ORDER BY 1 LIMIT 5"
        ).fetchall()
        if missing:
            ids = ", ".join(r[0] for r in missing)
            raise StorageError(
                f"mentions refer to articles not stored (write their Article in the same batch "
                f"or before): {ids}"
            )

    # -- reading ---------------------------------------------------------------------------

    def query_events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        modality: str | None = None,
        limit: int | None = None,
        min_confidence: float | None = None,
    ) -> list[dict[str, object]]:
        """Events matching every given filter, ordered by date_start then id.

        Each dict has the events columns (native types: ``date``, ``float``, ``places`` as a list
        of dicts) plus ``evidence`` (the first mention's sentence), ``article_id`` and
        ``n_mentions``. See ``queries.event_filters`` for what each filter matches.
        """
        where, params = event_filters(
            actor=actor, type=type, since=since, until=until, modality=modality,
            min_confidence=min_confidence,
        )
        if limit is not None:
            if limit < 0:
                raise StorageError(f"limit must be >= 0, got {limit}")
            params.append(limit)
        sql = event_rows_sql(where, limit=limit is not None)
        try:
            cur = self._conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        except duckdb.Error as exc:
            raise StorageError(f"cannot query {self.path}: {exc}") from exc

    def export(self, fmt: str, path: str | Path, *, min_confidence: float | None = None) -> int:
        """Write all events (or those with at least ``min_confidence``) as ``jsonl``, ``csv`` or
        ``parquet``; returns rows written."""
        return export_events(self._conn, fmt, path, min_confidence=min_confidence)

    def counts(self) -> dict[str, int]:
        """Row counts of articles, events, mentions and failures."""
        con = self._conn
        out: dict[str, int] = {}
        for table in ("articles", "events", "mentions", "failures"):
            row = _one(con, f"SELECT count(*) FROM {table}")
            out[table] = int(row[0]) if row else 0
        return out

    def has_article(self, article_id: str) -> bool:
        """True when the article is stored (a resumed run skips it)."""
        row = _one(self._conn, "SELECT 1 FROM articles WHERE id = ? LIMIT 1", [article_id])
        return row is not None

    def known_article_ids(self, ids: Sequence[str]) -> set[str]:
        """The subset of ``ids`` already stored, in one query (for resuming a run in batches)."""
        if not ids:
            return set()
        con = self._conn
        con.register("_ew_ids", pa.table({"id": pa.array(list(ids), type=pa.string())}))
        try:
            found = con.execute(
                "SELECT DISTINCT a.id FROM articles a SEMI JOIN _ew_ids i ON a.id = i.id"
            ).fetchall()
        finally:
            _unregister(con, "_ew_ids")
        return {r[0] for r in found}

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for read-only SQL by the API and exports of other formats.
        Writing through it bypasses the store's guarantees."""
        return self._conn

    # -- closing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._con is not None:
            self._con.close()
            self._con = None

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
        return f"Store({self.path!r}, read_only={self.read_only})"


def _one(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object] | None = None
) -> tuple[Any, ...] | None:
    """The first row of a statement, reading the result to its end: DuckDB 2 refuses further
    work on a connection whose last result was only partly fetched (``fetchone``)."""
    result = con.execute(sql, params or []).fetchall()
    return result[0] if result else None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    try:
        con.unregister(name)
    except duckdb.Error:
        pass  # never registered (the batch failed before): nothing to clean up


def _open_message(path: str, exc: duckdb.Error) -> str:
    text = str(exc)
    low = text.lower()
    if "lock" in low:
        return (
            f"{path} is in use by another process (DuckDB allows one writer); close it "
            f"or open it read-only. ({text})"
        )
    if "not a valid duckdb database" in low or ("wal" in low and "corrupt" in low):
        return f"{path} is not a DuckDB database file"
    return f"cannot open {path}: {text}"


__all__ = ["Store", "WriteCounts"]
