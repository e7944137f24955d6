"""The Spark engine (local[2]) gives the same events as the local run on the same input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

from eventwire.run import run
from eventwire.spark import run_spark
from eventwire.store import Store

TEXTS = [
    "Turkish jets bombed Kurdish positions near Qamishli on Sunday.",
    "NATO called on Russia to cease its airstrikes on Syrian rebels.",
    "Russian warplanes struck targets near Aleppo on Monday, killing civilians.",
    "France condemned the Russian strikes near Homs last week.",
    "Iran and Iraq signed an agreement in Baghdad on Saturday.",
]
# What makes two events the same event (confidence depends on how batches were cut).
COLUMNS = ("id", "plover_type", "plover_mode", "cameo_code", "source_country", "source_org",
           "target_country", "target_org", "date_start", "date_end", "modality", "n_articles")


def test_spark_and_local_runs_give_identical_events(tmp_path: Path) -> None:
    """JSONL and a gzipped WARC in one run: same articles, failures, events (with counts merged
    across partitions: the WARC holds one page twice, under two URLs) and mentions; and the
    output folder reads back through the store as the DuckDB file does."""
    import duckdb
    from warcs import write_warc

    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps({"text": t, "published": "2015-10-05", "source": "wire"}) for t in TEXTS]
    corpus.write_text("\n".join(lines + ["{broken"]) + "\n", encoding="utf-8")
    crawl = write_warc(tmp_path / "crawl.warc.gz", gz=True, broken_tail=True)
    sources = [str(corpus), str(crawl)]
    local = run(sources, db=tmp_path / "l.duckdb", batch_size=2)
    out = tmp_path / "spark"
    counts = run_spark(sources, out, master="local[2]")
    assert counts["articles"] == local.articles == 8 and counts["failures"] == local.failures == 4
    cols = ", ".join(COLUMNS)
    con = duckdb.connect()
    got = con.execute(
        f"SELECT {cols} FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning=true) "
        "ORDER BY id"
    ).fetchall()
    got_m = con.execute(f"SELECT id, event_id FROM read_parquet('{out}/mentions/*.parquet') ORDER BY id").fetchall()
    got_f = con.execute(f"SELECT id, input_ref, reason FROM read_parquet('{out}/failures/*.parquet') ORDER BY id").fetchall()
    with Store.open(tmp_path / "l.duckdb", read_only=True) as store:
        want = store.connection.execute(f"SELECT {cols} FROM events ORDER BY id").fetchall()
        want_m = store.connection.execute("SELECT id, event_id FROM mentions ORDER BY id").fetchall()
        want_f = store.connection.execute("SELECT id, input_ref, reason FROM failures ORDER BY id").fetchall()
        want_rus = [(r["id"], r["evidence"]) for r in store.query_events(actor="RUS")]
    assert want and got == want and got_m == want_m and got_f == want_f
    # page A's bombing near Qamishli (Saturday), seen in two articles, and the JSONL line's
    # (Sunday: within a day, the same place) fuse into one event of three reports
    assert max(row[-1] for row in got) == 3
    with Store.open(out, read_only=True) as parquet:  # `eventwire events --db OUT`
        assert [(r["id"], r["evidence"]) for r in parquet.query_events(actor="RUS")] == want_rus
