"""The same pipeline on Spark: `Pipeline.process_batch` under `mapPartitions`, Parquet out.

    JSONL lines / Parquet rows ─▶ (ref, record) ─▶ mapPartitions: Article|Failure → batches →
    process_batch (pipeline built once per executor process) ─▶ rows of the store's four tables
    ─▶ events merged by id across partitions, counts recomputed ─▶ Parquet under OUT/

Output: `OUT/events/day=YYYY-MM-DD/*.parquet` (partitioned by the event's start date, `unknown`
when it has none), `OUT/mentions`, `OUT/articles`, `OUT/failures`, with the columns of the DuckDB
store's tables, so `duckdb.read_parquet('OUT/events/**/*.parquet', hive_partitioning=true)` reads
them directly. Ids are the same as a local run's, so a Spark run and `eventwire run` over the same
input give the same events (same ids, types, codes, actors, dates, places, modality and mentions).
An event's `confidence` may differ where the two runs cut batches differently, as fusion within a
batch and merging across batches weigh mentions differently.

PySpark is an optional extra (`pip install eventwire[spark]`); nothing here imports it at import
time, and workers need eventwire installed (or shipped with `--py-files`).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .ingest.normalise import STAGE
from .ingest.options import FieldMap, Options
from .ingest.tables import record_article
from .pipeline import Pipeline, Settings, build
from .records import Article, Failure

TABLES = ("articles", "events", "mentions", "failures")
_PIPELINES: dict[Settings, Pipeline] = {}  # one per executor process (Python workers are reused)


def run_spark(
    sources: Sequence[str],
    out: str | Path,
    *,
    master: str | None = None,
    published: date | None = None,
    fields: FieldMap | None = None,
    settings: Settings | None = None,
    partitions: int | None = None,
    spark: Any = None,
) -> dict[str, Any]:
    """Process `sources` (JSONL or Parquet paths Spark can read) on Spark into Parquet at `out`."""
    session = spark or _session(master)
    settings = settings or Settings()
    options = Options(published=published, fields=fields or FieldMap())
    started = time.perf_counter()
    records = None
    for number, source in enumerate(sources):
        rdd = _records(session, source, number, options)
        records = rdd if records is None else records.union(rdd)
    if records is None:
        raise ConfigError("no sources given")
    wanted = partitions or session.sparkContext.defaultParallelism
    if records.getNumPartitions() < wanted:
        records = records.repartition(wanted)
    from pyspark import StorageLevel

    rows = records.mapPartitions(lambda part: _process_partition(part, settings, options))
    rows.persist(StorageLevel.MEMORY_AND_DISK)
    rows.count()  # run the pipeline once, before the tables below read the rows
    counts = _write(session, rows, str(out))
    rows.unpersist()
    counts["seconds"] = round(time.perf_counter() - started, 3)
    return counts


def _session(master: str | None) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("the Spark engine needs PySpark: pip install 'eventwire[spark]'") from exc
    builder = SparkSession.builder.appName("eventwire")
    if master:
        builder = builder.master(master)
    if (master or "local").startswith("local"):
        # local executors run this interpreter (with eventwire and spaCy), not the system python
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.config("spark.ui.enabled", "false").getOrCreate()


def _records(session: Any, source: str, number: int, options: Options) -> Any:
    """An RDD of ((source number, row), input_ref, kind, payload): a JSONL line or a Parquet row
    as a dict; the first item orders rows as the input does, whatever the partitioning."""
    if source.endswith(".parquet") or (Path(source).is_dir() and any(Path(source).glob("*.parquet"))):
        frame = session.read.parquet(source)
        wanted = [c for c in options.fields.columns() if c in frame.columns]
        return frame.select(*wanted).rdd.zipWithIndex().map(
            lambda pair: ((number, pair[1]), f"{source}:{pair[1] + 1}", "record", pair[0].asDict())
        )
    lines = session.read.text(source).rdd.zipWithIndex()
    return lines.map(lambda pair: ((number, pair[1]), f"{source}:{pair[1] + 1}", "line", pair[0][0]))


def _item(ref: str, kind: str, payload: Any, options: Options) -> Article | Failure | None:
    """One input unit, as the local JSONL/Parquet readers turn it into an Article or Failure."""
    if kind == "record":
        return record_article(ref, payload, options)
    if payload is None or not payload.strip(" \t\r\n"):
        return None  # a blank line is not a record
    if len(payload.encode("utf-8", "surrogatepass")) > options.max_bytes:
        return Failure(ref, STAGE, f"too large (> {options.max_bytes} limit)")
    try:
        record = json.loads(payload)
    except json.JSONDecodeError as exc:
        return Failure(ref, STAGE, f"invalid JSON: {exc.msg} (column {exc.colno})")
    except (ValueError, RecursionError) as exc:
        return Failure(ref, STAGE, f"invalid JSON: {exc}")
    return record_article(ref, record, options)


def _pipeline(settings: Settings) -> Pipeline:
    if settings not in _PIPELINES:
        _PIPELINES[settings] = build(settings)
    return _PIPELINES[settings]


Order = tuple[int, int]


def _process_partition(
    part: Iterable[tuple[Order, str, str, Any]], settings: Settings, options: Options
) -> Iterator[tuple[str, str, Order, tuple[Any, ...]]]:
    """(table, id, input order of the batch, row) for every row the batch function produces."""
    from .store import rows as tables

    pipeline: Pipeline | None = None
    batch: list[Article] = []
    failures: list[Failure] = []
    first: Order | None = None

    def flush() -> Iterator[tuple[str, str, Order, tuple[Any, ...]]]:
        nonlocal pipeline
        if pipeline is None:
            pipeline = _pipeline(settings)
        result = pipeline.process_batch(batch)
        merged = tables.merge_events(result.events)
        produced = {
            "articles": tables.articles_table(result.articles),
            "failures": tables.failures_table(failures + result.failures, _now()),
            "events": tables.events_table(merged),
            "mentions": tables.mentions_table(merged),
        }
        for name, table in produced.items():
            for row in table.to_pylist():
                yield name, str(row["id"]), first or (0, 0), tuple(row.values())

    for order, ref, kind, payload in part:
        item = _item(ref, kind, payload, options)
        if first is None:
            first = order
        if isinstance(item, Article):
            batch.append(item)
        elif isinstance(item, Failure):
            failures.append(item)
        if len(batch) >= settings.batch_size or len(failures) >= settings.batch_size * 4:
            yield from flush()
            batch, failures, first = [], [], None
    if batch or failures:
        yield from flush()


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _write(session: Any, rows: Any, out: str) -> dict[str, Any]:
    """Keep the first row of every id (in input order), recount merged events, write Parquet."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    from .store.schema import arrow_schema

    frames = {}
    for name in TABLES:
        firsts = (
            rows.filter(lambda r, n=name: r[0] == n)
            .map(lambda r: (r[1], (r[2], r[3])))
            .reduceByKey(lambda a, b: a if a[0] <= b[0] else b)
            .map(lambda kv: kv[1][1])
        )
        frames[name] = session.createDataFrame(firsts, from_arrow_schema(arrow_schema(name)))
    events, mentions, articles = frames["events"], frames["mentions"], frames["articles"]
    source_key = F.coalesce(
        F.concat(F.lit("source:"), F.col("a.source")), F.concat(F.lit("article:"), F.col("m.article_id"))
    )
    agg = (
        mentions.alias("m")
        .join(articles.alias("a"), F.col("a.id") == F.col("m.article_id"), "left")
        .groupBy(F.col("m.event_id").alias("event_id"))
        .agg(
            F.countDistinct("m.article_id").alias("_n_articles"),
            F.countDistinct(source_key).alias("_n_sources"),
            F.min("a.published").alias("_first_seen"),
            F.max("a.published").alias("_last_seen"),
        )
    )
    columns = events.columns
    events = (
        events.join(agg, events.id == agg.event_id, "left")
        .withColumn("n_articles", F.coalesce("_n_articles", "n_articles"))
        .withColumn("n_sources", F.coalesce("_n_sources", "n_sources"))
        .withColumn("first_seen", F.coalesce("_first_seen", "first_seen"))
        .withColumn("last_seen", F.coalesce("_last_seen", "last_seen"))
        .select(*columns)
        .withColumn("day", F.coalesce(F.date_format("date_start", "yyyy-MM-dd"), F.lit("unknown")))
    )
    events.write.mode("overwrite").partitionBy("day").parquet(f"{out}/events")
    for name in ("mentions", "articles", "failures"):
        frames[name].write.mode("overwrite").parquet(f"{out}/{name}")
    n_articles = frames["articles"].count()
    n_failures = frames["failures"].count()
    return {
        "inputs": n_articles + n_failures,
        "articles": n_articles,
        "failures": n_failures,
        "events": session.read.parquet(f"{out}/events").count(),
        "out": out,
    }
