"""Run sources into the database: read → batch → process (in worker processes) → store.

Only this process writes the database, one transaction per batch, so a crash or kill loses at most
the batch in flight and never leaves half a batch behind. Ids are deterministic, so a second run
over the same inputs adds nothing. Workers load the pipeline once and then process whole batches
with `Pipeline.process_batch`; they are watched (workers.py), so a worker that dies or overruns
its time limit costs only its batch, whose articles are tried again one by one.

Streaming: the input is read lazily and at most `2 × workers` batches are in flight at once, so a
corpus of any size runs in bounded memory. Resume: with `resume=True`, articles whose ids are
already stored are counted but not processed again, so a stopped run picks up where it stopped.
Ctrl-C (SIGINT) stops the run after the batch being stored (`RunSummary.interrupted`); a second
Ctrl-C stops it at once, which loses nothing stored either.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from types import FrameType
from typing import IO

from .ingest import FieldMap, read_sources
from .pipeline import BatchResult, Pipeline, Settings, build
from .records import Article, Failure
from .store import Store
from .workers import supervise, usable_cores

DEFAULT_DB = "eventwire.duckdb"
# Seconds one batch may take in a worker, and one article when its batch is retried alone. A
# batch of news takes a few seconds; an article at the parse limit (Settings.max_chars) ~1 min.
TIME_LIMIT = 300.0
# Seconds `run` waits for a database another process holds (`serve` lets go after 2 s idle).
LOCK_WAIT = 30.0


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
    workers_replaced: int = 0  # workers that died or overran and were replaced (workers.py)
    interrupted: bool = False  # stopped by Ctrl-C before the end of the input: run again with resume

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def run(
    sources: Sequence[str],
    *,
    db: str | Path = DEFAULT_DB,
    published: date | None = None,
    workers: int | None = 1,
    batch_size: int = 32,
    fields: FieldMap | None = None,
    stdin: IO[bytes] | None = None,
    settings: Settings | None = None,
    progress: Callable[[RunSummary], None] | None = None,
    resume: bool = False,
    time_limit: float | None = TIME_LIMIT,
    lock_wait: float = LOCK_WAIT,
    on_wait: Callable[[str], None] | None = None,
) -> RunSummary:
    """Process every input of `sources` into the DuckDB file `db` and return the counts.

    `workers` None: one per usable core; 1 processes in this process (no time limit applies).
    `resume` skips articles already stored (counted in `articles` and `skipped`). `time_limit`:
    seconds a worker may spend on one batch (and on one article, when the batch is retried).
    `lock_wait`: seconds to wait while another process (`eventwire serve`) holds `db`;
    `on_wait` is told when waiting starts."""
    settings = settings or Settings(batch_size=batch_size)
    workers = usable_cores() if workers is None else workers
    started = time.perf_counter()
    summary = RunSummary()
    event_ids: set[str] = set()
    items = read_sources(sources, published=published, fields=fields, stdin=stdin)
    with _stop_on_sigint() as stop, Store.open(db, wait=lock_wait, on_wait=on_wait) as store:
        batches = _batches(items, batch_size)
        if resume:
            batches = _unknown(batches, store, summary)

        def lost(reason: str) -> None:
            summary.workers_replaced += 1

        results = process_batches(batches, workers, settings, time_limit, lost)
        try:
            for ingest_failures, result in results:
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
                if stop.is_set():
                    summary.interrupted = True
                    break
        finally:
            results.close()  # stops the workers now, also when interrupted or failing
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
    batches: Iterable[Job],
    workers: int,
    settings: Settings,
    time_limit: float | None = TIME_LIMIT,
    on_lost: Callable[[str], None] | None = None,
) -> Generator[tuple[list[Failure], BatchResult], None, None]:
    """Run `Pipeline.process_batch` over the batches, in order, in `workers` processes.

    At most `2 * workers` batches are submitted ahead of the one being consumed, so memory stays
    bounded however long the input is (the input iterator is only advanced as results come back).
    One worker (`workers` <= 1) means this process, unwatched: no time limit applies.
    """
    if workers <= 1:
        pipeline = _local_pipeline(settings)
        for failures, articles in batches:
            yield failures, pipeline.process_batch(articles)
        return
    yield from supervise(batches, workers, settings, time_limit, on_lost)


def _local_pipeline(settings: Settings) -> Pipeline:
    """The process's shared pipeline (`eventwire.default_pipeline`) when the settings are the
    defaults (the batch size aside: the pipeline does not use it), so that a notebook's second
    `eventwire.run` does not load spaCy again; else a pipeline of its own."""
    if replace(settings, batch_size=Settings.batch_size) == Settings():
        from . import default_pipeline

        return default_pipeline()
    return build(settings)


@contextmanager
def _stop_on_sigint() -> Iterator[threading.Event]:
    """While running: the first Ctrl-C asks the run to stop after the batch being stored (the
    event is set), the second stops it at once (KeyboardInterrupt). Only in the main thread,
    where Python delivers signals; elsewhere the event is never set."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def ask(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, ask)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
