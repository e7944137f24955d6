"""The database as `serve` holds it: read-only, shared by request threads, time-limited, and let
go when idle so that `eventwire run` can write.

Why this shape: DuckDB lets one process write a file, or several processes read it, never both.
`serve` opens the file read-only when a request comes, answers every request on its own cursor
(a cursor is a connection of its own to the same database, safe in its own thread), and closes
the file after ``idle_close`` seconds without requests. While `eventwire run` holds the file, a
request gets ``DatabaseBusy`` (HTTP 503 with Retry-After) instead of a crash; once the run has
committed and closed, the next request opens the file again and sees the new rows whole, since
each write batch is one transaction.

A Parquet folder (a Spark run) is an in-memory DuckDB with views over the files: no lock, so it
stays open, and its requests share one connection under a lock (its empty tables are temporary
tables that other cursors would not see).

Each query runs under a time limit: a timer interrupts the cursor and the request gets
``QueryTimeout`` (HTTP 503) with a message that says to narrow the filters.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import StorageError
from ..store import Store


class DatabaseBusy(StorageError):
    """Another process (``eventwire run``) is writing the database file."""


class QueryTimeout(StorageError):
    """A query ran past the time limit and was stopped."""


class Database:
    """A read-only database for request threads. Use ``with db.cursor() as con:``."""

    def __init__(self, path: str | Path, *, time_limit: float = 10.0, idle_close: float = 2.0):
        self.path = str(path)
        self.time_limit = time_limit
        self.idle_close = idle_close
        self.shared = Path(path).is_dir()  # a Parquet folder: one connection, serialised
        self._lock = threading.Lock()
        self._query_lock = threading.Lock()
        self._store: Store | None = None
        self._active = 0
        self._last_used = time.monotonic()
        self._stop = threading.Event()
        self._closer: threading.Thread | None = None

    @property
    def is_open(self) -> bool:
        """True while the file is held open (so another process cannot write it)."""
        return self._store is not None

    def check(self) -> None:
        """Open once to fail early (missing file, not an eventwire database, wrong schema)."""
        with self.cursor():
            pass

    def start(self) -> None:
        """Start the thread that lets an idle DuckDB file go."""
        if self.shared or self._closer is not None:
            return
        self._closer = threading.Thread(target=self._close_when_idle, daemon=True)
        self._closer.start()

    def stop(self) -> None:
        self._stop.set()
        if self._closer is not None:
            self._closer.join(timeout=5)
            self._closer = None
        with self._lock:
            self._close()

    def _close_when_idle(self) -> None:
        while not self._stop.wait(min(0.5, self.idle_close)):
            with self._lock:
                idle = time.monotonic() - self._last_used
                if self._store is not None and self._active == 0 and idle >= self.idle_close:
                    self._close()

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _open(self) -> Store:
        if self._store is None:
            try:
                self._store = Store.open(self.path, read_only=True)
            except StorageError as exc:
                if "in use by another process" in str(exc):
                    raise DatabaseBusy(
                        f"database busy: {self.path} is being written by another process "
                        "(eventwire run); try again when it has finished"
                    ) from exc
                raise
        return self._store

    @contextmanager
    def cursor(self, time_limit: float | None = -1.0) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one request. ``time_limit`` in seconds (default: the database's;
        None: no limit, for exports)."""
        limit = self.time_limit if time_limit == -1.0 else time_limit
        with self._lock:
            store = self._open()
            self._active += 1
        try:
            if self.shared:
                with self._query_lock:
                    yield from _limited(store.connection, limit, close=False)
            else:
                yield from _limited(store.connection.cursor(), limit, close=True)
        finally:
            with self._lock:
                self._active -= 1
                self._last_used = time.monotonic()


def _limited(
    con: duckdb.DuckDBPyConnection, limit: float | None, *, close: bool
) -> Iterator[duckdb.DuckDBPyConnection]:
    timer = threading.Timer(limit, con.interrupt) if limit else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        yield con
    except duckdb.InterruptException as exc:
        raise QueryTimeout(
            f"the query took longer than {limit:g} s and was stopped: narrow the filters "
            "(a shorter date range, an actor or a type)"
        ) from exc
    finally:
        if timer is not None:
            timer.cancel()
        if close:
            con.close()
