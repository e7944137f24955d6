"""Run sources into the database: read → batch → process (in worker processes) → store.

Only this process writes the database, one transaction per batch, so a crash or kill loses at most
the batch in flight and never leaves half a batch behind. Ids are deterministic, so a second run
over the same inputs adds nothing. Workers load the pipeline once (pool initializer) and then
process whole batches with `Pipeline.process_batch`.

Streaming: the input is read lazily and at most `2 × workers` batches are in flight at once
(`multiprocessing.Pool.imap` would read the whole input ahead), so a corpus of any size runs in
bounded memory. Resume: with `resume=True`, articles whose ids are already stored are counted
but not processed again, so a stopped run picks up where it stopped.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from multiprocessing.pool import AsyncResult
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
    skipped: int = 0  # articles already stored, not processed again (resume)
    mentions: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

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
    resume: bool = False,
) -> RunSummary:
    """Process every input of `sources` into the DuckDB file `db` and return the counts.

    `resume` skips articles already stored (counted in `articles` and `skipped`)."""
    settings = settings or Settings(batch_size=batch_size)
    started = time.perf_counter()
    summary = RunSummary()
    event_ids: set[str] = set()
    items = read_sources(sources, published=published, fields=fields, stdin=stdin)
    with Store.open(db) as store:
        batches = _batches(items, batch_size)
        if resume:
            batches = _unknown(batches, store, summary)
        for ingest_failures, result in process_batches(batches, workers, settings):
            failures = ingest_failures + result.failures
            counts = store.write_batch(result.articles, result.events, failures)
            summary.inputs += len(ingest_failures) + len(result.articles) + len(result.failures)
            summary.articles += len(result.articles)
            for stage, seconds in result.stage_seconds.items():
                summary.stage_seconds[stage] = summary.stage_seconds.get(stage, 0.0) + seconds
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


def _unknown(
    batches: Iterable[tuple[list[Failure], list[Article]]], store: Store, summary: RunSummary
) -> Iterator[tuple[list[Failure], list[Article]]]:
    """Drop the articles already stored (one query per batch); count them as skipped."""
    for failures, articles in batches:
        known = store.known_article_ids([a.id for a in articles])
        if known:
            summary.skipped += len(known)
            summary.inputs += len(known)
            summary.articles += len(known)
            articles = [a for a in articles if a.id not in known]
        if failures or articles:
            yield failures, articles


Job = tuple[list[Failure], list[Article]]


def process_batches(
    batches: Iterable[Job], workers: int, settings: Settings
) -> Iterator[tuple[list[Failure], BatchResult]]:
    """Run `Pipeline.process_batch` over the batches, in order, in `workers` processes.

    At most `2 * workers` batches are submitted ahead of the one being consumed, so memory stays
    bounded however long the input is (the input iterator is only advanced as results come back).
    """
    if workers <= 1:
        pipeline = build(settings)
        for failures, articles in batches:
            yield failures, pipeline.process_batch(articles)
        return
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending: deque[AsyncResult[tuple[list[Failure], BatchResult]]] = deque()
        for job in batches:
            pending.append(pool.apply_async(_work, (job,)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


_WORKER: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = build(settings)
    gc.freeze()  # the pipeline lives as long as the worker: the collector need not scan it again


def _work(job: Job) -> tuple[list[Failure], BatchResult]:
    failures, articles = job
    assert _WORKER is not None, "worker not initialised"
    return failures, _WORKER.process_batch(articles)
