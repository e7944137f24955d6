"""The same pipeline on Spark: `Pipeline.process_batch` under `mapPartitions`, Parquet out.

    JSONL lines / Parquet rows / WARC records ─▶ (ref, record) ─▶ batches of consecutive records,
    whole in one partition ─▶ mapPartitions: Article|Failure →
    process_batch (pipeline built once per executor process) ─▶ rows of the store's four tables
    ─▶ events merged by id across partitions, counts recomputed ─▶ Parquet under OUT/

Output: `OUT/events/day=YYYY-MM-DD/*.parquet` (partitioned by the event's start date, `unknown`
when it has none), `OUT/mentions`, `OUT/articles`, `OUT/failures`, with the columns of the DuckDB
store's tables, so `duckdb.read_parquet('OUT/events/**/*.parquet', hive_partitioning=true)` reads
them directly. Ids are the same as a local run's, so a Spark run and `eventwire run` over the same
input give the same events (same ids, types, actors, dates, places, modality and mentions).
Batches are `batch_size` consecutive input records, whatever the partitioning, so runs on any
number of cores give identical events; they are the local run's batches too when every record
is an article. Where the two cut batches differently (blank or broken lines), an event's CAMEO
code, date precision and `confidence` may differ, as fusion within a batch picks them from the
mentions it has.

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
    # Several pipeline tasks per core: articles differ in length, and with one task per core the
    # cores that finish first sit idle while the last partition runs (local[2] vs local[1] on 600
    # articles: 1.66x with 2 partitions, 1.88x with 8). Workers are reused, so the pipeline is
    # still loaded once per worker.
    wanted = partitions or max(4 * cores, records.getNumPartitions())
    if not session.sparkContext.getConf().contains("spark.sql.shuffle.partitions"):
        # the tables are small next to the pipeline's work: 200 shuffle tasks are overhead
        session.conf.set("spark.sql.shuffle.partitions", str(cores))
    # Batches are cut from the input order, `batch_size` records each, and a batch is never split
    # between partitions: the batches, and so the events, do not depend on how many cores run
    # them (fusion within a batch picks an event's code and date precision from its mentions).
    batches = (
        records.zipWithIndex()
        .map(lambda pair: ((pair[1] // size, pair[1]), pair[0][1:]))
        .repartitionAndSortWithinPartitions(wanted, partitionFunc=lambda key: key[0])
    )
    from pyspark import StorageLevel

    rows = batches.mapPartitions(lambda part: _process_partition(part, settings, options))
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
    session = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.python.worker.reuse", "true")  # a worker keeps its loaded pipeline
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
    return _PIPELINES[settings]


Order = tuple[int, int]  # (batch number, position in the input)
# What an event's counts are recomputed from, as the store does for merged events: the ids of
# the articles that mention it, their source keys, and the first and last publication dates.
Seen = tuple[frozenset[str], frozenset[str], date | None, date | None]
OutRow = tuple[str, str, Order, tuple[Any, ...], Seen | None]
Kept = tuple[Order, tuple[Any, ...], Seen | None]  # the row kept for an id so far


def _process_partition(
    part: Iterable[tuple[Order, tuple[str, str, Any]]], settings: Settings, options: Options
) -> Iterator[OutRow]:
    """(table, id, order of the batch, row, Seen of an event) for every row the batch function
    produces. `part` holds whole batches, sorted by (batch number, input position)."""
    from .store import rows as tables

    pipeline: Pipeline | None = None
    batch: list[Article] = []
    failures: list[Failure] = []
    first: Order | None = None

    def flush() -> Iterator[OutRow]:
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
        seen = _seen(produced["articles"], produced["mentions"])
        for name, table in produced.items():
            for row in table.to_pylist():
                key = str(row["id"])
                event = seen.get(key) if name == "events" else None
                yield name, key, first or (0, 0), tuple(row.values()), event

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


def _seen(articles: Any, mentions: Any) -> dict[str, Seen]:
    """Seen of every event of a batch, from its mentions and their articles (Arrow tables)."""
    info = {
        a["id"]: (a["source"], a["published"])
        for a in articles.select(["id", "source", "published"]).to_pylist()
    }
    ids: dict[str, set[str]] = {}
    for m in mentions.select(["event_id", "article_id"]).to_pylist():
        ids.setdefault(m["event_id"], set()).add(m["article_id"])
    out: dict[str, Seen] = {}
    for event_id, article_ids in ids.items():
        known = [(a, *info.get(a, (None, None))) for a in article_ids]
        keys = {f"source:{src}" if src is not None else f"article:{a}" for a, src, _ in known}
        dates = [d for _, _, d in known if d is not None]
        out[event_id] = (frozenset(article_ids), frozenset(keys),
                         min(dates, default=None), max(dates, default=None))
    return out


def _first(a: Kept, b: Kept) -> Kept:
    """The row that comes first in the input, with what both have seen."""
    row = a[1] if a[0] <= b[0] else b[1]
    seen = a[2] if b[2] is None else b[2] if a[2] is None else _union(a[2], b[2])
    return min(a[0], b[0]), row, seen


def _union(a: Seen, b: Seen) -> Seen:
    firsts = [d for d in (a[2], b[2]) if d is not None]
    lasts = [d for d in (a[3], b[3]) if d is not None]
    return a[0] | b[0], a[1] | b[1], min(firsts, default=None), max(lasts, default=None)


def _final(table: str, row: tuple[Any, ...], seen: Seen | None) -> tuple[Any, ...]:
    """An events row with its counts over all its mentions, and its `day` partition value."""
    if table != "events":
        return row
    values = list(row)
    if seen is not None:
        ids, keys, first_seen, last_seen = seen
        values[_EVENT_COL["n_articles"]] = len(ids)
        values[_EVENT_COL["n_sources"]] = len(keys)
        if first_seen is not None:
            values[_EVENT_COL["first_seen"]] = first_seen
        if last_seen is not None:
            values[_EVENT_COL["last_seen"]] = last_seen
    start = values[_EVENT_COL["date_start"]]
    values.append(start.isoformat() if start is not None else "unknown")
    return tuple(values)


def _event_columns() -> dict[str, int]:
    from .store.schema import EVENTS

    return {c.name: i for i, c in enumerate(EVENTS)}


_EVENT_COL = _event_columns()


def _write(session: Any, rows: Any, out: str) -> dict[str, Any]:
    """Keep the first row of every id (in input order), recount merged events, write Parquet.

    One shuffle keeps the first row of each (table, id) and unites what the copies of an event
    have seen, so its counts come out as the store's recount gives them; each table is then one
    DataFrame, built without per-row schema checks (the rows come from the store's own Arrow
    tables)."""
    from pyspark import StorageLevel
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StringType, StructField

    from .store.schema import arrow_schema

    firsts = (
        rows.map(lambda r: ((r[0], r[1]), (r[2], r[3], r[4])))
        .reduceByKey(_first)
        .map(lambda kv: (kv[0][0], _final(kv[0][0], kv[1][1], kv[1][2])))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    frames = {}
    for name in TABLES:
        schema = from_arrow_schema(arrow_schema(name))
        if name == "events":
            schema = schema.add(StructField("day", StringType(), False))
        table_rows = firsts.filter(lambda r, n=name: r[0] == n).map(lambda r: r[1])
        frames[name] = session.createDataFrame(table_rows, schema, verifySchema=False)
    events = frames["events"]
    # one file per day, not one per day and task
    events.repartition("day").write.mode("overwrite").partitionBy("day").parquet(f"{out}/events")
    for name in ("mentions", "articles", "failures"):
        frames[name].write.mode("overwrite").parquet(f"{out}/{name}")
    counts = dict(firsts.map(lambda r: (r[0], 1)).countByKey())
    firsts.unpersist()
    n_articles, n_failures = counts.get("articles", 0), counts.get("failures", 0)
    return {
        "inputs": n_articles + n_failures,
        "articles": n_articles,
        "failures": n_failures,
        "events": counts.get("events", 0),
        "out": out,
    }
