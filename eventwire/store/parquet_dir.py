"""Read the Parquet folder that `eventwire run --engine spark --out DIR` writes, as a store.

Why: a Spark run's output is the same four tables as the DuckDB file, so `eventwire events` and
`eventwire export` should read it with the same filters and the same output. An in-memory DuckDB
connection gets one view per table over ``read_parquet`` (``events`` with
``hive_partitioning=true``, its ``day=`` folders dropped again), and every read-side query of
``Store`` runs on it unchanged. Nothing is copied: DuckDB reads the files where they are.

Layout read (what the Spark engine writes)::

    DIR/events/day=YYYY-MM-DD/*.parquet   DIR/mentions/*.parquet
    DIR/articles/*.parquet                DIR/failures/*.parquet

A table folder without Parquet files (Spark writes none for an empty table) reads as empty.
The word index of ``q`` (``word_index.py``) is a view computed from the mentions and articles.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import StorageError
from . import word_index
from .schema import TABLES

PARTITION_COLUMN = "day"


def is_parquet_dir(path: str | Path) -> bool:
    """True for a folder with an ``events`` sub-folder: what a Spark run writes."""
    folder = Path(path)
    return folder.is_dir() and (folder / "events").is_dir()


def connect_parquet_dir(path: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with views ``articles``, ``events``, ``mentions`` and
    ``failures`` over the Parquet files under ``path``.

    Raises StorageError when ``path`` is not such a folder or a file cannot be read.
    """
    folder = Path(path)
    if not is_parquet_dir(folder):
        raise StorageError(
            f"{folder} is a folder but not an eventwire Parquet output (no events/ folder in it); "
            "give a DuckDB file or the --out folder of `eventwire run --engine spark`"
        )
    con = duckdb.connect(":memory:")
    try:
        for name, columns in TABLES.items():
            con.execute(_view(folder, name, [c.name for c in columns]))
        con.execute(word_index.fallback_view())  # no index files: the same rows, by a scan
    except duckdb.Error as exc:
        con.close()
        raise StorageError(f"cannot read the Parquet files under {folder}: {exc}") from exc
    return con


def _view(folder: Path, name: str, columns: list[str]) -> str:
    table = folder / name
    pattern = "**/*.parquet" if name == "events" else "*.parquet"
    if not any(table.glob(pattern)):
        body = ",\n  ".join(f"{c.name} {c.sql.replace(' PRIMARY KEY', '')}" for c in TABLES[name])
        return f"CREATE TEMP TABLE {name} (\n  {body}\n)"
    source = _quote(str(table / pattern))
    hive = ", hive_partitioning = true" if name == "events" else ""
    # columns by name, in the store's order: the files' order and extra columns do not matter
    names = ", ".join(f'"{c}"' for c in columns)
    return f"CREATE VIEW {name} AS SELECT {names} FROM read_parquet({source}{hive})"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
