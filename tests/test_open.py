"""`eventwire.open(db)`: stored events as pandas, polars and Arrow, from a DuckDB file and from
the Parquet folder of a Spark run, with the CLI's filters."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from stored_events import as_spark_output, write_sample

import eventwire
from eventwire.errors import ConfigError, StorageError
from eventwire.store import Store


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("open")
    db = write_sample(folder / "events.duckdb")
    return {"duckdb": db, "parquet": as_spark_output(db, folder / "spark-out")}


@pytest.mark.parametrize("kind", ["duckdb", "parquet"])
def test_events_convert_to_pandas_polars_and_arrow(databases, kind):
    with eventwire.open(databases[kind]) as db:
        rel = db.events()
        assert isinstance(rel, duckdb.DuckDBPyRelation)  # a query, not rows copied into Python
        df, frame, reader = rel.df(), rel.pl(), rel.arrow()
        table = reader.read_all()
        assert isinstance(df, pd.DataFrame) and isinstance(frame, pl.DataFrame)
        assert isinstance(table, pa.Table)
        ids = ["ev_violate", "ev_strike", "ev_rally", "ev_visit"]  # asserted, by date then id
        assert sorted(df["id"]) == sorted(ids)
        assert list(df["id"]) == frame["id"].to_list() == table.column("id").to_pylist()
        assert list(df["id"]) == [r["id"] for r in _cli_rows(databases[kind])]
        strike = frame.filter(pl.col("id") == "ev_strike").row(0, named=True)
        assert (strike["n_articles"], strike["n_mentions"], strike["killed_low"]) == (2, 2, 12)
        assert strike["evidence"].startswith("Russian jets struck a market")
        assert strike["places"][0]["name"] == "Hama"
        assert rel.filter("n_articles > 1").aggregate("count(*)").fetchall() == [(1,)]


@pytest.mark.parametrize("kind", ["duckdb", "parquet"])
def test_filters_are_the_cli_filters(databases, kind):
    path = databases[kind]
    queries = [
        {"actor": "RUS"}, {"type": "ASSAULT"}, {"type": "04"}, {"since": date(2015, 10, 4)},
        {"until": date(2015, 10, 3)}, {"modality": "negated"}, {"min_confidence": 0.6},
        {"limit": 2},
    ]
    with eventwire.open(path) as db, Store.open(path, read_only=True) as store:
        for query in queries:
            want = [r["id"] for r in store.query_events(**{"modality": "asserted", **query})]
            assert db.events(**query).df()["id"].tolist() == want, query
        assert len(db.events(modality="any").pl()) == 5
        assert db.events(modality="negated").df()["id"].tolist() == ["ev_denied"]
        assert db.events(since="2015-10-04").df()["id"].tolist() == ["ev_rally", "ev_violate",
                                                                   "ev_visit"]
        mentions = db.mentions("ev_strike").pl()
        assert mentions["article_id"].to_list() == ["art1", "art2"]
        assert mentions["evidence"][1].startswith("Officials said Russian jets struck")


def test_bad_arguments_are_clear_errors(databases, tmp_path):
    with eventwire.open(databases["duckdb"]) as db:
        with pytest.raises(ConfigError, match="not a date"):
            db.events(since="last week")
        with pytest.raises(ConfigError, match="unknown modality"):
            db.events(modality="asserted!")
        with pytest.raises(ConfigError):
            db.events(min_confidence=2)
    with pytest.raises(StorageError, match="no database"):
        eventwire.open(tmp_path / "missing.duckdb")
    assert callable(eventwire.open) and eventwire.open is not open


def _cli_rows(path):
    with Store.open(path, read_only=True) as store:
        return store.query_events(modality="asserted")
