"""Worker processes that cannot hang a run: each is watched, and one that dies or overruns costs
only its batch.

`multiprocessing.Pool` waits forever for the result of a worker that died (out of memory, a
segfault in a parser, `kill -9`), and it cannot stop a worker that never returns. So the workers
here are supervised one by one: each takes one batch at a time through its own pipe, and the
parent waits on every pipe *and* every process at once (`multiprocessing.connection.wait`), with a
time limit. When a worker dies or overruns its batch, the worker is replaced and its batch is
split: each article is tried again alone, so the one that kills a worker or never ends is found
and recorded as a `Failure` (stage `worker`, reason `worker died (…)` or `timed out after N s`)
while the others are processed as usual. A worker says when it begins a batch: one that dies
before (killed while idle, say) is replaced and its batch handed on whole, blaming no article.

Results come back in the order the batches were read (as `Pool.imap` would give them), and at
most `2 × workers` batches are read ahead of the one being stored, so memory stays bounded however
long the input is.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from .errors import ExtractionError
from .pipeline import BatchResult, Pipeline, Settings, build
from .records import Article, Failure

Job = tuple[list[Failure], list[Article]]
STAGE = "worker"  # the stage named in a Failure when the worker process itself failed


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity mask, which a container or `taskset`
    narrows), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class _Open:
    """A batch read from the input and not yet handed back: how many of its parts are out."""

    failures: list[Failure]
    out: int = 0
    results: list[BatchResult] = field(default_factory=list)


@dataclass
class _Task:
    seq: int
    articles: list[Article]
    spared: bool = False  # handed once to a worker that died before it began it


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx: mp.context.BaseContext, settings: Settings) -> None:
        self.conn, child = ctx.Pipe()
        self.proc: BaseProcess = ctx.Process(target=_serve, args=(child, settings), daemon=True)  # type: ignore[attr-defined]
        self.proc.start()
        child.close()
        self.ready = False
        self.task: _Task | None = None
        self.began = False  # the worker said it has begun its task
        self.started = 0.0

    def give(self, task: _Task) -> None:
        self.task, self.started, self.began = task, time.monotonic(), False
        try:
            self.conn.send(task.articles)
        except OSError:  # it died in the meantime: `_service` finds it and the task is retried
            pass

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def why_dead(self) -> str:
        self.proc.join(1)
        code = self.proc.exitcode
        if code is not None and code < 0:
            try:
                return f"worker died ({signal.Signals(-code).name})"
            except ValueError:
                return f"worker died (signal {-code})"
        return f"worker died (exit code {code})"


def supervise(
    batches: Iterable[Job],
    workers: int,
    settings: Settings,
    time_limit: float | None,
    on_lost: Callable[[str], None] | None = None,
) -> Iterator[tuple[list[Failure], BatchResult]]:
    """Run `Pipeline.process_batch` over the batches in `workers` watched processes.

    `time_limit`: seconds one batch (and, when it is retried alone, one article) may take; None
    for no limit. `on_lost` hears why each lost worker was replaced. Raises ExtractionError
    when workers keep dying before they are ready (no model, say)."""
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    pool = [_Worker(ctx, settings) for _ in range(workers)]
    source = enumerate(batches)
    todo: deque[_Task] = deque()
    open_: dict[int, _Open] = {}
    next_out = 0
    exhausted = False
    failed_starts = 0
    try:
        while True:
            while not exhausted and len(open_) < 2 * workers:
                try:
                    seq, (failures, articles) = next(source)
                except StopIteration:
                    exhausted = True
                    break
                open_[seq] = _Open(list(failures))
                if articles:
                    open_[seq].out = 1
                    todo.append(_Task(seq, list(articles)))
            if next_out in open_ and open_[next_out].out == 0:
                done = open_.pop(next_out)
                next_out += 1
                yield done.failures, _merge(done.results)
                continue  # read the next batch before waiting on the workers
            if exhausted and not open_:
                return
            for worker in pool:
                if worker.ready and worker.task is None and todo:
                    worker.give(todo.popleft())
            if not todo and all(w.task is None for w in pool):  # never: every open part is out
                raise RuntimeError(f"batch {next_out} is neither queued nor with a worker")
            _wait(pool, time_limit)
            for i, worker in enumerate(pool):
                lost = _service(worker, open_, todo, time_limit)
                if lost is None:
                    continue
                task, reason = lost
                if not worker.ready:
                    # killed while loading costs nothing; a worker that never starts (no model,
                    # say) would be replaced for ever
                    failed_starts += 1
                    if failed_starts >= MAX_FAILED_STARTS:
                        raise ExtractionError(f"a worker process could not start: {reason}")
                if on_lost is not None:
                    on_lost(reason)
                worker.stop()
                pool[i] = _Worker(ctx, settings)
                if task is not None and (worker.began or task.spared):
                    _retry(task, reason, open_, todo)
                elif task is not None:
                    # handed to a worker already dying (killed while idle): not the task's doing
                    task.spared = True
                    todo.appendleft(task)
    finally:
        for worker in pool:
            worker.stop()


# Workers that may die before they are ready before a run gives up (a broken install).
MAX_FAILED_STARTS = 3


def _wait(pool: list[_Worker], time_limit: float | None) -> None:
    """Sleep until a worker answers or dies, or the first running batch reaches its limit."""
    handles: list[object] = []
    for worker in pool:
        handles += [worker.conn, worker.proc.sentinel]
    timeout = None
    if time_limit is not None:
        now = time.monotonic()
        ends = [w.started + time_limit - now for w in pool if w.task is not None]
        timeout = max(0.0, min(ends)) if ends else None
    wait(handles, timeout)  # type: ignore[arg-type]


def _service(
    worker: _Worker, open_: dict[int, _Open], todo: deque[_Task], time_limit: float | None
) -> tuple[_Task | None, str] | None:
    """Read the worker's answer if it has one; (its task, why) when the worker is lost: dead
    (its pipe closed, or its process gone without a word), or over its time limit."""
    if worker.conn.poll():  # an answer, or the end of the pipe when the worker died
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            message = None
        if message is not None:
            _handle(worker, message, open_, todo)
            return None
    elif worker.proc.is_alive():
        if (
            worker.task is not None
            and time_limit is not None
            and time.monotonic() - worker.started >= time_limit
        ):
            return worker.task, f"timed out after {time_limit:g} s"
        return None
    return worker.task, worker.why_dead()


def _handle(
    worker: _Worker, message: tuple[str, object], open_: dict[int, _Open], todo: deque[_Task]
) -> None:
    """A worker's answer: ready, failed to start, a batch's result, or the error it raised."""
    kind, value = message
    if kind == "ready":
        worker.ready = True
    elif kind == "began":
        worker.began = True
    elif kind == "failed-to-start":
        raise ExtractionError(f"a worker process could not start: {value}")
    elif worker.task is not None:
        task, worker.task = worker.task, None
        if kind == "result":
            opened = open_[task.seq]
            opened.results.append(value)  # type: ignore[arg-type]
            opened.out -= 1
        else:  # the batch raised in the worker
            _retry(task, str(value), open_, todo)


def _retry(task: _Task, reason: str, open_: dict[int, _Open], todo: deque[_Task]) -> None:
    """A batch that failed as a whole: each article again, alone; an article alone: a Failure."""
    opened = open_[task.seq]
    if len(task.articles) > 1:
        opened.out += len(task.articles) - 1
        todo.extendleft(_Task(task.seq, [a]) for a in reversed(task.articles))
        return
    opened.failures.append(Failure(task.articles[0].input_ref, STAGE, reason))
    opened.out -= 1


def _merge(results: list[BatchResult]) -> BatchResult:
    """One result for a batch that was processed in parts (after a retry)."""
    if len(results) == 1:
        return results[0]
    merged = BatchResult([], [], [])
    for r in results:
        merged.articles += r.articles
        merged.events += r.events
        merged.failures += r.failures
        merged.mentions += r.mentions
        for stage, seconds in r.stage_seconds.items():
            merged.stage_seconds[stage] = merged.stage_seconds.get(stage, 0.0) + seconds
    return merged


def _serve(conn: Connection, settings: Settings) -> None:
    """A worker's life: load the pipeline once, then process batches until the pipe closes.

    Ctrl-C reaches every process of the terminal's group; a worker ignores it, and the parent
    decides (it finishes the batch in hand and stops: `run.py`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pipeline: Pipeline = build(settings)
    except Exception as exc:  # noqa: BLE001 - told to the parent, which stops the run
        conn.send(("failed-to-start", f"{type(exc).__name__}: {exc}"))
        return
    gc.freeze()  # the pipeline lives as long as the worker: the collector need not scan it again
    conn.send(("ready", None))
    while True:
        try:
            articles = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(("began", None))
        try:
            answer: tuple[str, object] = ("result", pipeline.process_batch(articles))
        except Exception as exc:  # noqa: BLE001 - the parent retries the batch article by article
            answer = ("error", f"{type(exc).__name__}: {exc}"[:500])
        conn.send(answer)
