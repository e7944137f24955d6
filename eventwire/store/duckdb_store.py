"""The DuckDB store: the only code that writes eventwire's database.

Writes are bulk and atomic: a batch becomes four Arrow tables, each inserted with one
``INSERT ... SELECT`` inside one transaction, so a crash mid-batch leaves the file as it was.
Writes are idempotent because every id is deterministic: rows whose id already exists are skipped.
Fusion across articles happens here, at write time: each event of a batch is split into its
*reports* (one per article, stored in ``reports``), and the reports new to the database are
clustered with every stored report they are connected to (``fusion/clusters.py``: the connected
component of the compatibility graph, so the result is the one a single pass over all reports
would give, whatever the batches and their order). The events of that component are rewritten,
their mentions re-pointed, and an event id that disappears is kept in ``event_aliases``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb
import pyarrow as pa

from ..errors import StorageError
from ..fusion.clusters import PUBLISHED_DAYS, SLACK_DAYS, Report, compatible, reports_of, type_class
from ..fusion.clusters import TYPE_CLASSES as _CLASSES
from ..records import Article, Event, Failure
from . import reports as report_rows
from . import rows, word_index
from .export import export_events
from .parquet_dir import connect_parquet_dir
from .queries import event_filters, event_rows_sql
from .schema import SCHEMA_VERSION, UPGRADES, ddl


@dataclass(frozen=True)
class WriteCounts:
    """What one ``write_batch`` added (zeros when the batch was already stored)."""

    articles_added: int
    events_added: int
    mentions_added: int
    failures_added: int


# Reports in the blocks of the frontier (same PLOVER type and modality) that share a party with one
# of its reports, on either side (``fusion.clusters._actors_fit`` needs one), and whose dates could
# fit it (``fusion.clusters._gap_days``): the candidates of one round of ``_component``. The party
# test keeps the round's cost to the reports of the same parties however large the store grows.
_CANDIDATES = """
SELECT DISTINCT r.* FROM reports r
JOIN _ew_front f ON r.plover_type = f.plover_type AND r.modality = f.modality AND (
    coalesce(r.source_org, r.source_country) IN (f.source_key, f.target_key)
    OR coalesce(r.target_org, r.target_country) IN (f.source_key, f.target_key)
)
WHERE f.lo IS NULL OR r.date_start IS NULL OR (
    r.date_end >= f.lo - ? AND
    r.date_start - (CASE WHEN r.date_precision = 'published' THEN ? ELSE 0 END) <= f.hi + ?
)
"""


class Store:
    """An eventwire database file. Open with ``Store.open(path)``; use as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._con: duckdb.DuckDBPyConnection | None = con
        self.path = path
        self.read_only = read_only

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        wait: float = 0.0,
        on_wait: Callable[[str], None] | None = None,
    ) -> Store:
        """Open (and, unless read-only, create) a database; the schema is created if missing.

        Read-only, ``path`` may also be the Parquet folder a Spark run wrote (``run --engine
        spark --out DIR``): its tables are read in place (see ``parquet_dir``).

        ``wait``: seconds to keep trying while another process holds the file (``serve`` lets
        it go when idle); ``on_wait`` is told once, with what is waited for.

        Raises StorageError when the file is not a DuckDB database, is locked by another process
        (for longer than ``wait``), is missing (read-only), or was written by another schema
        version.
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
        con = _connect(name, read_only, wait, on_wait)
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
            if row and row[0] in UPGRADES and not self.read_only:
                row = self._upgrade(row[0])
        except duckdb.CatalogException as exc:
            raise StorageError(
                f"{self.path} is a DuckDB file but not an eventwire database"
            ) from exc
        except duckdb.Error as exc:
            raise StorageError(f"cannot prepare {self.path}: {exc}") from exc
        version = row[0] if row else None
        if version in UPGRADES and self.read_only:
            raise StorageError(
                f"{self.path} has schema version {version}, this eventwire reads "
                f"{SCHEMA_VERSION}: upgrade it once (it builds the word index) with "
                f"`python -m eventwire.store.upgrade {self.path}` (or any write to it)"
            )
        if version != SCHEMA_VERSION:
            raise StorageError(
                f"{self.path} has schema version {version}, this eventwire writes "
                f"{SCHEMA_VERSION}: export it with the old version or start a new database"
            )

    def _upgrade(self, version: str) -> tuple[str]:
        """Upgrade the file from ``version`` to the next, in one transaction (a kill leaves the
        old version whole); returns the new version's row."""
        con = self._conn
        while version in UPGRADES:
            with self._transaction():
                if UPGRADES[version] == "4":
                    word_index.build(con)
                version = UPGRADES[version]
                con.execute(
                    "UPDATE eventwire_meta SET value = ? WHERE key = 'schema_version'", [version]
                )
        return (version,)

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
        rows.events_table(merged)  # a value of the wrong type is refused before anything is written
        report_of: dict[str, str] = {}  # mention id -> report id (first wins, like mention rows)
        inputs = {
            "_ew_in_articles": rows.articles_table(articles),
            "_ew_in_failures": rows.failures_table(failures, _now()),
        }
        try:
            for name, table in inputs.items():
                con.register(name, table)
            with self._transaction():
                added_articles = self._insert_new("articles", "_ew_in_articles")
                added_failures = self._insert_new("failures", "_ew_in_failures")
                reports = self._reports(events)
                for r in reports:
                    for m in r.event.mentions:
                        report_of.setdefault(m.id, r.id)
                con.register("_ew_in_mentions", rows.mentions_table(merged, report_of))
                self._check_articles_known()
                new = self._new_reports(reports)
                added_events = self._fuse(new) if new else 0
                added_mentions = self._insert_new("mentions", "_ew_in_mentions")
                if added_mentions:
                    con.execute(_REPOINT_MENTIONS)
                    con.execute(word_index.INSERT_NEW)  # same transaction: never out of step
        except duckdb.Error as exc:
            raise StorageError(f"cannot write batch to {self.path}: {exc}") from exc
        finally:
            for name in (*inputs, "_ew_in_mentions"):
                _unregister(con, name)
        return WriteCounts(added_articles, added_events, added_mentions, added_failures)

    # -- fusion at write time (see the module docstring) ---------------------------------------

    def _reports(self, events: Sequence[Event]) -> list[Report]:
        """The batch's events as reports, one per event and article, distinct by report id."""
        ids = sorted({m.article_id for e in events for m in e.mentions})
        if not ids:
            return []
        con = self._conn
        con.register("_ew_ids", pa.table({"id": pa.array(ids, type=pa.string())}))
        try:
            known = con.execute(
                "SELECT a.id, a.published, a.source FROM articles a "
                "SEMI JOIN _ew_ids i ON a.id = i.id"
            ).fetchall()
        finally:
            _unregister(con, "_ew_ids")
        published = {r[0]: r[1] for r in known}
        sources = {r[0]: r[2] for r in known}
        out: dict[str, Report] = {}
        for r in reports_of(events, published, sources):
            out.setdefault(r.id, r)
        return list(out.values())

    def _new_reports(self, reports: list[Report]) -> list[Report]:
        if not reports:
            return []
        con = self._conn
        con.register("_ew_ids", pa.table({"id": pa.array([r.id for r in reports], pa.string())}))
        try:
            have = {row[0] for row in con.execute(
                "SELECT r.id FROM reports r SEMI JOIN _ew_ids i ON r.id = i.id"
            ).fetchall()}
        finally:
            _unregister(con, "_ew_ids")
        return [r for r in reports if r.id not in have]

    def _component(self, new: list[Report]) -> tuple[list[Report], dict[str, str]]:
        """The stored reports connected to the new ones through compatible pairs, round by
        round from the frontier; with the event each stored one belongs to now."""
        con = self._conn
        found: dict[str, Report] = {r.id: r for r in new}
        before: dict[str, str] = {}
        # a report that cannot fuse (not asserted, or dated too vaguely) is an event of its own
        frontier = [r for r in new if r.event.modality == "asserted" and not r.vague]
        while frontier:
            front = _front_table(frontier)
            con.register("_ew_front", front)
            try:
                cur = con.execute(_CANDIDATES, [SLACK_DAYS, PUBLISHED_DAYS, SLACK_DAYS])
                names = [d[0] for d in cur.description]
                rows_ = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
            finally:
                _unregister(con, "_ew_front")
            by_block: dict[tuple[str, str], list[Report]] = {}
            for f in frontier:
                by_block.setdefault(f.block, []).append(f)
            nxt = []
            for row in rows_:
                if row["id"] in found:
                    continue
                report = report_rows.report_from_row(row)
                if any(compatible(report, f) for f in by_block.get(report.block, ())):
                    found[report.id] = report
                    before[report.id] = row["event_id"]
                    nxt.append(report)
            frontier = nxt
        return list(found.values()), before

    def _fuse(self, new: list[Report]) -> int:
        """Store the new reports and re-cluster their component; returns events added."""
        con = self._conn
        component, before = self._component(new)
        events, after = report_rows.recluster(component)
        order = {r.id: r.order for r in component}
        renamed = report_rows.aliases(before, after, order)
        tables = {
            "_ew_in_reports": report_rows.reports_table(new, after),
            "_ew_assign": pa.table(
                {"report_id": list(after), "event_id": list(after.values())},
                schema=pa.schema([("report_id", pa.string()), ("event_id", pa.string())]),
            ),
            "_ew_old": pa.table({"id": pa.array(sorted(set(before.values())), pa.string())}),
            "_ew_in_events": report_rows.events_rows(events),
            "_ew_aliases": pa.table(
                {"id": list(renamed), "event_id": list(renamed.values())},
                schema=pa.schema([("id", pa.string()), ("event_id", pa.string())]),
            ),
        }
        try:
            for name, table in tables.items():
                con.register(name, table)
            con.execute("INSERT INTO reports BY NAME SELECT * FROM _ew_in_reports")
            con.execute(
                "UPDATE reports SET event_id = a.event_id FROM _ew_assign a "
                "WHERE reports.id = a.report_id AND reports.event_id <> a.event_id"
            )
            con.execute("DELETE FROM events WHERE id IN (SELECT id FROM _ew_old)")
            con.execute("INSERT INTO events BY NAME SELECT * FROM _ew_in_events")
            con.execute(
                "UPDATE mentions SET event_id = a.event_id FROM _ew_assign a "
                "WHERE mentions.report_id = a.report_id AND mentions.event_id <> a.event_id"
            )
            con.execute(word_index.REPOINT)
            # aliases: earlier aliases follow their event; an id that lives again is no alias
            con.execute(
                "UPDATE event_aliases SET event_id = n.event_id FROM _ew_aliases n "
                "WHERE event_aliases.event_id = n.id"
            )
            con.execute(
                "INSERT OR REPLACE INTO event_aliases BY NAME SELECT * FROM _ew_aliases"
            )
            con.execute("DELETE FROM event_aliases WHERE id IN (SELECT id FROM _ew_in_events)")
        finally:
            for name in tables:
                _unregister(con, name)
        return len(set(after.values()) - set(before.values()))

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

    def export(
        self, fmt: str, path: str | Path, *, min_confidence: float | None = None, **filters: Any
    ) -> int:
        """Write the events (those matching ``min_confidence`` and the ``query_events``
        filters ``actor``, ``type``, ``since``, ``until``, ``modality``) as ``jsonl``, ``csv``,
        ``parquet``, ``gdelt``, ``plover``, ``polecat`` or ``acled``; returns rows written."""
        return export_events(self._conn, fmt, path, min_confidence=min_confidence, **filters)

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


# The batch's new mentions were written with the event id their batch gave: point them at the
# event their report belongs to now.
_REPOINT_MENTIONS = """
UPDATE mentions SET event_id = r.event_id FROM reports r, _ew_in_mentions i
WHERE mentions.id = i.id AND mentions.report_id = r.id AND mentions.event_id <> r.event_id
"""


def _front_table(frontier: Sequence[Report]) -> pa.Table:
    """The frontier's blocks, parties and windows (``lo``/``hi`` null for an undated report), one
    row per PLOVER type of each report's type class."""
    types, modalities, sources, targets, los, his = [], [], [], [], [], []
    for r in frontier:
        cls = type_class(r.event.plover_type)
        members = next((sorted(c) for c in _CLASSES if "|".join(sorted(c)) == cls), [cls])
        for t in members:
            types.append(t)
            modalities.append(r.event.modality)
            sources.append(r.event.source.key if r.event.source else None)
            targets.append(r.event.target.key if r.event.target else None)
            los.append(r.window[0] if r.window else None)
            his.append(r.window[1] if r.window else None)
    return pa.table(
        {
            "plover_type": pa.array(types, pa.string()),
            "modality": pa.array(modalities, pa.string()),
            "source_key": pa.array(sources, pa.string()),
            "target_key": pa.array(targets, pa.string()),
            "lo": pa.array(los, pa.date32()),
            "hi": pa.array(his, pa.date32()),
        }
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    try:
        con.unregister(name)
    except duckdb.Error:
        pass  # never registered (the batch failed before): nothing to clean up


LOCK_POLL = 0.25  # seconds between tries while another process holds the file


def _connect(
    name: str, read_only: bool, wait: float, on_wait: Callable[[str], None] | None
) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect``, tried again for up to ``wait`` seconds while the file is locked."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return duckdb.connect(name, read_only=read_only)
        except duckdb.Error as exc:
            locked = "lock" in str(exc).lower()
            if not locked or time.monotonic() >= deadline:
                message = _open_message(name, exc)
                if locked and wait > 0:
                    message = f"waited {wait:g} s: {message}"
                raise StorageError(message) from exc
            if on_wait is not None and not told:
                on_wait(f"{name} is in use by another process (eventwire serve lets it go when "
                        f"idle); waiting up to {wait:g} s for it")
                told = True
            time.sleep(min(LOCK_POLL, max(0.0, deadline - time.monotonic())))


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
