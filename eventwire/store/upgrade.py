"""Upgrade a database to the current schema, and say what it took.

    python -m eventwire.store.upgrade events.duckdb

Why a command: ``Store.open`` upgrades a file of an older schema whenever it opens it for writing
(schema 3 -> 4 builds the word index, ``word_index.py``), but ``serve``, ``events`` and
``export`` open files read-only and refuse an old one; this opens it for writing once, and
nothing else.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .duckdb_store import Store
from .word_index import TABLE


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Upgrade an eventwire database to this version.")
    parser.add_argument("db", type=Path)
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"{args.db}: no such database file")
    started = time.perf_counter()
    with Store.open(args.db) as store:
        rows = store.connection.execute(f"SELECT count(*) FROM {TABLE}").fetchall()[0][0]
    print(f"{args.db}: schema up to date, {rows:,} mentions in the word index "
          f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
