"""The same pipeline on Spark: `Pipeline.process_batch` under `mapPartitions`, Parquet out.

    JSONL lines / Parquet rows / WARC records ─▶ (ref, record) ─▶ batches of consecutive records,
    whole in one partition ─▶ mapPartitions: Article|Failure →
    process_batch (pipeline built once per executor process) ─▶ articles, failures, reports and
    mentions as one Arrow stream per table and batch ─▶ Spark SQL: first copy of every id kept ─▶
    the reports clustered into events on the driver, as the store does ─▶ Parquet under OUT/

Output: `OUT/events/day=YYYY-MM-DD/*.parquet` (partitioned by the event's start date, `unknown`
when it has none), `OUT/reports`, `OUT/mentions`, `OUT/articles`, `OUT/failures`, with the
columns of the DuckDB store's tables, so `duckdb.read_parquet('OUT/events/**/*.parquet', hive_partitioning=true)` reads
them directly. Ids are the same as a local run's, so a Spark run and `eventwire run` over the same
input give the same events (same ids, types, actors, dates, places, modality and mentions).
Batches are `batch_size` consecutive input records, whatever the partitioning, so runs on any
number of cores give identical events. Fusion across articles does not depend on batches at
all: each batch gives per-article reports, and all reports are clustered together at the end
(``fusion/clusters.py``), so the events are the local run's however either cut its batches.

PySpark is an optional extra (`pip install eventwire[spark]`); nothing here imports it at import
time, and workers need eventwire installed (or shipped with `--py-files`).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import accumulate, count
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .ingest.normalise import STAGE
from .ingest.options import FieldMap, Options
from .ingest.tables import record_article
from .pipeline import Pipeline, Settings, build
from .records import Article, Failure

TABLES = ("articles", "reports", "mentions", "failures")  # what each batch emits
MAX_TASKS = 1024  # pipeline tasks per run at most; past that, each task gets several batches
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
    """Process `sources` (JSONL, Parquet or WARC paths Spark can read) on Spark into Parquet at
    `out`; returns the counts and `seconds`, the time of the job (the session's start excluded)."""
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
    size = settings.batch_size
    cores = session.sparkContext.defaultParallelism
    numbered, total = _numbered(records)
    # One batch per pipeline task, up to MAX_TASKS: Spark hands the next task to whichever core
    # is free, so the cores stay busy to the end, give or take one batch. With a few batches per
    # task, a core sat idle while another finished the task that got one batch more. Workers are
    # reused, so the pipeline is still loaded once per worker.
    wanted = partitions or max(cores, min(-(-total // size), MAX_TASKS))
    if not session.sparkContext.getConf().contains("spark.sql.shuffle.partitions"):
        # the tables are small next to the pipeline's work: 200 shuffle tasks are overhead
        session.conf.set("spark.sql.shuffle.partitions", str(cores))
    # Batches are cut from the input order, `batch_size` records each, and a batch is never split
    # between partitions: the batches, and so the events, do not depend on how many cores run
    # them (fusion within a batch picks an event's code and date precision from its mentions).
    batches = (
        numbered.map(lambda pair: ((pair[1] // size, pair[1]), pair[0][1:]))
        .repartitionAndSortWithinPartitions(wanted, partitionFunc=lambda key: key[0])
    )
    rows = batches.mapPartitions(lambda part: _process_partition(part, settings, options))
    counts = _write(session, rows, str(out))
    counts["seconds"] = round(time.perf_counter() - started, 3)
    return counts


def _numbered(rdd: Any) -> tuple[Any, int]:
    """`rdd.zipWithIndex()` and the number of items: the per-partition count that
    `zipWithIndex` runs to find where each partition starts, kept instead of thrown away."""
    sizes = rdd.mapPartitions(lambda items: [sum(1 for _ in items)]).collect()
    starts = [0, *accumulate(sizes)]

    def number(k: int, items: Iterable[Any]) -> Iterator[tuple[Any, int]]:
        return zip(items, count(starts[k]))

    return rdd.mapPartitionsWithIndex(number), sum(sizes)


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
    session = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.python.worker.reuse", "true")  # a worker keeps its loaded pipeline
        # local files without Hadoop's checksum side files: one `.crc` written and renamed
        # along with each of the ~300 Parquet files of a year's events cost a quarter of the write
        .config("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem")
        .getOrCreate()
    )
    return session


def _records(session: Any, source: str, number: int, options: Options) -> Any:
    """An RDD of ((source number, row), input_ref, kind, payload): a JSONL line, a Parquet row
    as a dict or a WARC record; the first item orders rows as the input does, whatever the
    partitioning."""
    if _is_warc(source):
        return _warc_records(session, source, number, options)
    if source.endswith(".parquet") or (Path(source).is_dir() and any(Path(source).glob("*.parquet"))):
        frame = session.read.parquet(source)
        wanted = [c for c in options.fields.columns() if c in frame.columns]
        return frame.select(*wanted).rdd.zipWithIndex().map(
            lambda pair: ((number, pair[1]), f"{source}:{pair[1] + 1}", "record", pair[0].asDict())
        )
    lines = session.read.text(source).rdd.zipWithIndex()
    return lines.map(lambda pair: ((number, pair[1]), f"{source}:{pair[1] + 1}", "line", pair[0][0]))


def _is_warc(source: str) -> bool:
    name = source.lower().rstrip("/")
    if name.endswith((".warc", ".warc.gz")):
        return True
    folder = Path(source)
    return folder.is_dir() and any(folder.glob("*.warc*"))


def _warc_records(session: Any, source: str, number: int, options: Options) -> Any:
    """WARC files (a file, a folder or a glob): each file is read whole by one task and split
    into its records, which are then spread over the partitions, so the HTML of one big file is
    parsed in parallel. A file must fit in an executor's memory (crawls ship ~1 GB files)."""
    from .ingest.warc import split_warc

    folder = source.rstrip("/") if Path(source).is_dir() else None  # checked on the driver
    single = folder is None and not any(c in source for c in "*?[")
    limit = options.max_bytes

    def split(pair: tuple[str, bytes]) -> Iterator[tuple[str, Any]]:
        name = pair[0]  # a URI, file:/… for a local file
        if single:
            name = source  # refs as the local run writes them: the path as given
        elif folder is not None:
            name = f"{folder}/{name.rsplit('/', 1)[-1]}"
        yield from split_warc(name, pair[1], limit)

    files = session.sparkContext.binaryFiles(source if folder is None else f"{folder}/*.warc*")
    return files.flatMap(split).zipWithIndex().map(
        lambda pair: ((number, pair[1]), pair[0][0], "warc", pair[0][1])
    )


def _item(ref: str, kind: str, payload: Any, options: Options) -> Article | Failure | None:
    """One input unit, as the local readers turn it into an Article or Failure."""
    if kind == "record":
        return record_article(ref, payload, options)
    if kind == "warc":
        from .ingest.warc import record_item

        return payload if isinstance(payload, Failure) else record_item(ref, payload, options)
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
        # PySpark's daemon runs a full `gc.collect()` after every task of a reused worker; over
        # the loaded model and dictionaries that took ~0.25 s per task, 10% of a batch's time.
        # Frozen, they are never scanned again (they live as long as the worker anyway).
        gc.freeze()
    return _PIPELINES[settings]


Order = tuple[int, int]  # (batch number, position in the input)
Blob = tuple[str, int, int, bytes]  # (table, batch number, position, Arrow IPC stream)


def _process_partition(
    part: Iterable[tuple[Order, tuple[str, str, Any]]], settings: Settings, options: Options
) -> Iterator[Blob]:
    """Each batch's rows of the store's four tables, one Arrow IPC stream per table and batch.
    `part` holds whole batches, sorted by (batch number, input position).

    Why Arrow streams and not rows: the rows then cross into the JVM as a few blobs per batch
    and are decoded there column-wise (`_decode`), and everything after (keeping the first copy
    of an id, recounting merged events) runs as Spark SQL, without one more Python pass over
    every row (that pass took as long as the pipeline itself on local[1])."""
    from .fusion.clusters import reports_of
    from .store import reports as report_rows
    from .store import rows as tables

    pipeline: Pipeline | None = None
    batch: list[Article] = []
    failures: list[Failure] = []
    first: Order | None = None

    def flush() -> Iterator[Blob]:
        nonlocal pipeline
        if pipeline is None:
            pipeline = _pipeline(settings)
        result = pipeline.process_batch(batch)
        merged = tables.merge_events(result.events)
        published = {a.id: a.published for a in result.articles}
        sources = {a.id: a.source for a in result.articles}
        reports = list({r.id: r for r in reports_of(result.events, published, sources)}.values())
        report_of: dict[str, str] = {}
        for r in reports:
            for m in r.event.mentions:
                report_of.setdefault(m.id, r.id)
        produced = {
            "articles": tables.articles_table(result.articles),
            "failures": tables.failures_table(failures + result.failures, _now()),
            # the reports' events are clustered once all batches are in (`_write`)
            "reports": report_rows.reports_table(reports, {r.id: r.event.id for r in reports}),
            "mentions": tables.mentions_table(merged, report_of),
        }
        order = first or (0, 0)
        for name, table in produced.items():
            if table.num_rows:
                yield name, order[0], order[1], _ipc(table)

    for order, (ref, kind, payload) in part:
        if first is not None and order[0] != first[0]:
            yield from flush()
            batch, failures = [], []
        if first is None or order[0] != first[0]:
            first = order
        item = _item(ref, kind, payload, options)
        if isinstance(item, Article):
            batch.append(item)
        elif isinstance(item, Failure):
            failures.append(item)
    if batch or failures:
        yield from flush()


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def _ipc(table: Any) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _decode(name: str) -> Any:
    """A `mapInArrow` function: the blobs of table `name` → its rows, with the order of the
    batch that produced them (`_batch`, `_pos`) for keeping the first copy of an id."""

    def decode(blobs: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from .store.schema import arrow_schema

        schema = arrow_schema(name)
        for chunk in blobs:
            columns = (chunk.column(c).to_pylist() for c in ("batch", "pos", "data"))
            for batch_no, pos, data in zip(*columns, strict=True):
                table = pa.ipc.open_stream(data).read_all().cast(schema)
                n = table.num_rows
                table = table.append_column("_batch", pa.array([batch_no] * n, pa.int64()))
                table = table.append_column("_pos", pa.array([pos] * n, pa.int64()))
                yield from table.to_batches()

    return decode


def _write(session: Any, rows: Any, out: str) -> dict[str, Any]:
    """Keep the first copy of every id (in input order), cluster the reports into events as the
    store does (``_fuse``), write Parquet."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import LongType, StructField

    from .store.schema import arrow_schema

    blobs = session.createDataFrame(rows, "table string, batch long, pos long, data binary")
    cached = blobs.persist(StorageLevel.MEMORY_AND_DISK)
    cached.count()  # the pipeline runs here, one task per batch (see `run_spark`)
    # What follows handles a few rows per article: one task per batch would be all overhead
    # (~70 ms each), so the cached blobs are read by as many tasks as there are cores.
    blobs = cached.coalesce(session.sparkContext.defaultParallelism)
    frames = {}
    for name in TABLES:
        schema = from_arrow_schema(arrow_schema(name))
        schema = schema.add(StructField("_batch", LongType(), False))
        schema = schema.add(StructField("_pos", LongType(), False))
        decoded = (
            blobs.where(F.col("table") == name).select("batch", "pos", "data")
            .mapInArrow(_decode(name), schema)
        )
        first = Window.partitionBy("id").orderBy("_batch", "_pos")
        kept = decoded.withColumn("_rank", F.row_number().over(first)).where("_rank = 1")
        # kept once: the recount reads mentions and articles, and each table is counted and
        # written, so without it every use would decode and rank the rows again
        frames[name] = kept.drop("_rank").persist(StorageLevel.MEMORY_AND_DISK)
    decoded_frames = list(frames.values())
    frames["events"], frames["reports"], frames["mentions"] = _fuse(
        session, frames["reports"], frames["mentions"]
    )
    day = F.coalesce(F.date_format("date_start", "yyyy-MM-dd"), F.lit("unknown"))
    frames["events"] = frames["events"].withColumn("day", day)
    counts = {}
    for name in ("events", "reports", "mentions", "articles", "failures"):
        frame = frames[name].drop("_batch", "_pos")
        counts[name] = frame.count()
        if name == "events":  # one file per day, not one per day and task
            writer = frame.repartition("day").write.mode("overwrite").partitionBy("day")
            writer.parquet(f"{out}/events")
        else:
            frame.write.mode("overwrite").parquet(f"{out}/{name}")
    for frame in (*frames.values(), *decoded_frames, cached):
        frame.unpersist()
    return {
        "inputs": counts["articles"] + counts["failures"],
        "articles": counts["articles"],
        "failures": counts["failures"],
        "events": counts["events"],
        "out": out,
    }


def _fuse(session: Any, reports: Any, mentions: Any) -> tuple[Any, Any, Any]:
    """Cluster every report into events on the driver, as the store does at write time
    (``store/reports.py``: the same function), and point reports and mentions at their events.

    The reports are a few small rows per article (no text), so they are collected: ~7 per
    article, some 7 MB per 10,000 articles. A corpus whose reports outgrow the driver would
    need the clustering per block (type class and modality) instead, which it allows."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    from .store import reports as report_rows
    from .store.schema import arrow_schema

    collected = reports.drop("_batch", "_pos").toArrow()
    events, event_of = report_rows.recluster(report_rows.reports_from_table(collected))
    table = report_rows.events_rows(events)
    schema = from_arrow_schema(arrow_schema("events"))
    frame = session.createDataFrame(table.to_pylist(), schema)
    assign = session.createDataFrame(
        sorted(event_of.items()), "report_id string, _event_id string"
    )
    keep = mentions.columns
    pointed = mentions.join(assign, "report_id", "left").withColumn(
        "event_id", F.coalesce("_event_id", "event_id")
    )
    reassigned = reports.join(
        assign.withColumnRenamed("report_id", "id"), "id", "left"
    ).withColumn("event_id", F.coalesce("_event_id", "event_id"))
    level = StorageLevel.MEMORY_AND_DISK
    return (
        frame.persist(level),
        reassigned.select(*reports.columns).persist(level),
        pointed.select(*keep).persist(level),
    )
