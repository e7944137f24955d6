"""How the Spark engine scales: the same input on local[1] and local[2], timed, events compared.

    python -m eventwire.benchmarks.spark CORPUS [--limit N] [--cores 1,2] [--partitions N] [--json]

Why a command of its own: the speed-up of local[2] over local[1] is the figure that says the
engine adds cores rather than overhead, and it is only meaningful when both runs read the same
input and produce the same events, so the command checks that too (event ids and the columns
that make an event the same event) and exits 1 when they differ.

Each run gets a fresh Spark session, started before the clock does, and (unless `--no-warmup`)
first processes a few lines, timed apart: the timing is then the job (reading, the pipeline,
merging, writing Parquet) with the workers' pipelines loaded, not the JVM's and the models'
start, which a long run pays once per executor. The first `--limit` records of CORPUS are copied
to a temporary JSONL so both runs read exactly the same lines.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from ..errors import ConfigError, EventwireError
from ..pipeline import Settings

# The columns that make two events the same event (confidence depends on how batches were cut).
SAME_EVENT = ("id", "plover_type", "plover_mode", "cameo_code", "source_country", "source_org",
              "target_country", "target_org", "date_start", "date_end", "modality", "n_articles")


def spark_bench(
    corpus: str | Path,
    *,
    limit: int | None = None,
    cores: Sequence[int] = (1, 2),
    partitions: int | None = None,
    settings: Settings | None = None,
    workdir: str | Path | None = None,
    warmup: bool = True,
) -> dict[str, Any]:
    """Run the Spark engine on the first `limit` lines of `corpus` once per entry of `cores`;
    returns seconds per run, `speedup` (first run's time / last run's) and `identical_events`.

    With `warmup`, each session first runs the first 2 × cores lines (timed apart, as
    `warmup_seconds`): the JVM's first query plans and every Python worker's pipeline load are
    start-up costs, paid once per executor however large the input, not throughput."""
    from ..spark import run_spark

    if len(cores) < 2 or any(n < 1 for n in cores):
        raise ConfigError(f"give at least two core counts >= 1, got {list(cores)}")
    own = workdir is None
    work = Path(tempfile.mkdtemp(prefix="eventwire-spark-bench-")) if workdir is None else Path(workdir)
    try:
        source = _copy_head(Path(corpus), work / "input.jsonl", limit)
        seconds: dict[str, float] = {}
        warmups: dict[str, float] = {}
        loads: dict[str, float] = {}
        outs: dict[str, Path] = {}
        counts: dict[str, Any] = {}
        warm = _copy_head(source, work / "warmup.jsonl", 2 * max(cores)) if warmup else None
        for n in cores:
            master = f"local[{n}]"
            session = _fresh_session(master)
            try:
                if warm is not None:  # JVM code paths and the pipeline in each Python worker
                    started = run_spark([str(warm)], work / f"warm-{n}", spark=session,
                                        settings=settings, partitions=n)
                    warmups[master] = started["seconds"]
                loads[master] = round(os.getloadavg()[0], 2)  # other work on the machine
                counts = run_spark([str(source)], work / f"out-{n}", spark=session,
                                   settings=settings, partitions=partitions)
            finally:
                session.stop()
            seconds[master], outs[master] = counts["seconds"], work / f"out-{n}"
        events = {master: _events(out) for master, out in outs.items()}
        first, last = f"local[{cores[0]}]", f"local[{cores[-1]}]"
        return {
            "articles": counts["articles"],
            "failures": counts["failures"],
            "events": len(events[last]),
            "seconds": seconds,
            "warmup_seconds": warmups,
            "load_average_before": loads,
            "speedup": round(seconds[first] / seconds[last], 3),
            "identical_events": all(rows == events[first] for rows in events.values()),
            "differing_events": len(set(events[first]).symmetric_difference(events[last])),
            "partitions": partitions,
        }
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)


def _copy_head(corpus: Path, target: Path, limit: int | None) -> Path:
    if not corpus.is_file():
        raise ConfigError(f"{corpus}: not a file (give a JSONL corpus)")
    target.parent.mkdir(parents=True, exist_ok=True)
    with corpus.open("rb") as src, target.open("wb") as dst:
        lines = (line for line in src if line.strip())
        for line in islice(lines, limit):
            dst.write(line if line.endswith(b"\n") else line + b"\n")
    return target


def _fresh_session(master: str) -> Any:
    """A new session on `master` (a stopped one is not reused: its master cannot change)."""
    from ..spark import _session

    return _session(master)


def _events(out: Path) -> list[tuple[Any, ...]]:
    import duckdb

    cols = ", ".join(SAME_EVENT)
    glob = str(out / "events" / "**" / "*.parquet").replace("'", "''")
    with duckdb.connect() as con:
        return con.execute(
            f"SELECT {cols} FROM read_parquet('{glob}', hive_partitioning=true) ORDER BY id"
        ).fetchall()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.benchmarks.spark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="a JSONL corpus (one article per line)")
    parser.add_argument("--limit", type=int, default=None,
                        help="first N lines (default: the whole corpus)")
    parser.add_argument("--cores", default="1,2", help="local[N] runs to compare (default 1,2)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="input partitions (default: the engine's choice)")
    parser.add_argument("--no-prefilter", action="store_true", help="parse every sentence")
    parser.add_argument("--no-warmup", action="store_true",
                        help="time cold sessions (pipeline loads and first queries included)")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    args = parser.parse_args(argv)
    try:
        cores = [int(n) for n in args.cores.split(",")]
        result = spark_bench(args.corpus, limit=args.limit, cores=cores,
                             partitions=args.partitions, warmup=not args.no_warmup,
                             settings=Settings(prefilter=not args.no_prefilter))
    except (EventwireError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result))
    else:
        for master, secs in result["seconds"].items():
            warm = result["warmup_seconds"].get(master)
            print(f"{master:>10}  {secs:8.2f} s" + (f"  (warm-up {warm:.2f} s)" if warm else "")
                  + f"  load average before: {result['load_average_before'][master]}")
        print(f"{'speed-up':>10}  {result['speedup']:8.3f}")
        print(f"{'events':>10}  {result['events']} ({result['articles']} articles), identical: "
              f"{result['identical_events']} ({result['differing_events']} rows differ)")
    return 0 if result["identical_events"] else 1


if __name__ == "__main__":
    sys.exit(main())
