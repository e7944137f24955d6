"""Run sources into the database: read → batch → process (in worker processes) → store.

Only this process writes the database, one transaction per batch, so a crash or kill loses at most
the batch in flight and never leaves half a batch behind. Ids are deterministic, so a second run
over the same inputs adds nothing. Workers load the pipeline once (pool initializer) and then
process whole batches with `Pipeline.process_batch`.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import IO

from .ingest import FieldMap, read_sources
from .pipeline import BatchResult, Pipeline, Settings, build
from .records import Article, Failure
from .store import Store

DEFAULT_DB = "eventwire.duckdb"


@dataclass
class RunSummary:
    inputs: int = 0
    articles: int = 0
    failures: int = 0
    events: int = 0
    events_added: int = 0
    articles_added: int = 0
    mentions: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def run(
    sources: Sequence[str],
    *,
    db: str | Path = DEFAULT_DB,
    published: date | None = None,
    workers: int = 1,
    batch_size: int = 32,
    fields: FieldMap | None = None,
    stdin: IO[bytes] | None = None,
    settings: Settings | None = None,
    progress: Callable[[RunSummary], None] | None = None,
) -> RunSummary:
    """Process every input of `sources` into the DuckDB file `db` and return the counts."""
    settings = settings or Settings(batch_size=batch_size)
    started = time.perf_counter()
    summary = RunSummary()
    event_ids: set[str] = set()
    items = read_sources(sources, published=published, fields=fields, stdin=stdin)
    with Store.open(db) as store:
        for ingest_failures, result in _results(items, workers, batch_size, settings):
            failures = ingest_failures + result.failures
            counts = store.write_batch(result.articles, result.events, failures)
            summary.inputs += len(ingest_failures) + len(result.articles) + len(result.failures)
            summary.articles += len(result.articles)
            summary.failures += len(failures)
            summary.articles_added += counts.articles_added
            summary.events_added += counts.events_added
            summary.mentions += result.mentions
            event_ids.update(e.id for e in result.events)
            summary.events = len(event_ids)
            if progress is not None:
                progress(summary)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _batches(
    items: Iterable[Article | Failure], size: int
) -> Iterator[tuple[list[Failure], list[Article]]]:
    """Group ingest output into (failures, articles) batches of `size` articles."""
    failures: list[Failure] = []
    articles: list[Article] = []
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
        else:
            articles.append(item)
        if len(articles) >= size or len(failures) >= size * 4:
            yield failures, articles
            failures, articles = [], []
    if failures or articles:
        yield failures, articles


def _results(
    items: Iterable[Article | Failure], workers: int, size: int, settings: Settings
) -> Iterator[tuple[list[Failure], BatchResult]]:
    batches = _batches(items, size)
    if workers <= 1:
        pipeline = build(settings)
        for failures, articles in batches:
            yield failures, pipeline.process_batch(articles)
        return
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending = ((f, a) for f, a in batches)
        for failures, result in pool.imap(_work, pending, chunksize=1):
            yield failures, result


_WORKER: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = build(settings)


def _work(job: tuple[list[Failure], list[Article]]) -> tuple[list[Failure], BatchResult]:
    failures, articles = job
    assert _WORKER is not None, "worker not initialised"
    return failures, _WORKER.process_batch(articles)
