"""A writer waits, for a bounded time, while another process holds the database (`serve` holds it
read-only while it answers requests and lets go when idle), on a real DuckDB file."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.errors import StorageError
from eventwire.run import run
from eventwire.store import Store

# Holds the file read-only, as `serve` does, until told to go (stdin closed) or for argv[2] s.
HOLD = (
    "import duckdb, sys, time, select; c = duckdb.connect(sys.argv[1], read_only=True); "
    "print('ready', flush=True); select.select([sys.stdin], [], [], float(sys.argv[2])); c.close()"
)


def _hold(db: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def test_open_for_writing_waits_until_the_reader_lets_go(tmp_path: Path):
    db = tmp_path / "held.duckdb"
    Store.open(db).close()
    holder = _hold(db, 1.0)
    told: list[str] = []
    try:
        started = time.monotonic()
        with Store.open(db, wait=30, on_wait=told.append) as store:
            assert store.counts()["events"] == 0
        assert time.monotonic() - started < 20
    finally:
        holder.communicate(input="")
    assert len(told) == 1 and "in use by another process" in told[0] and "30 s" in told[0]


def test_the_wait_is_bounded_and_says_so(tmp_path: Path):
    db = tmp_path / "held.duckdb"
    Store.open(db).close()
    holder = _hold(db, 60)
    try:
        started = time.monotonic()
        with pytest.raises(StorageError, match=r"waited 0.5 s: .* in use by another process"):
            Store.open(db, wait=0.5)
        assert 0.5 <= time.monotonic() - started < 5
        with pytest.raises(StorageError, match=r"^\S+ is in use by another process"):
            Store.open(db)  # no wait: refused at once, as before
    finally:
        holder.communicate(input="")


def test_run_waits_for_serve_to_let_go(tmp_path: Path):
    db = tmp_path / "served.duckdb"
    Store.open(db).close()
    holder = _hold(db, 1.0)
    told: list[str] = []
    try:
        summary = run([], db=db, lock_wait=30, on_wait=told.append)
    finally:
        holder.communicate(input="")
    assert summary.inputs == 0 and len(told) == 1
