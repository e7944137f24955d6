"""Fuzz `eventwire run`: N mutated inputs of every kind, and every one must be accounted for.

    .venv/bin/python scripts/fuzz.py N [--seed 15] [--workers 2] [--chunk 500]
    .venv/bin/python scripts/fuzz.py --folder DIR      # check a folder made by scripts/hostile.py

The inputs are the project's own fixtures mutated byte by byte (`scripts/hostile.py`): text,
HTML, RSS, JSONL, CSV and WARC in turn. They go through the real command, `eventwire run DIR
--json`, in chunks of `--chunk` files, each into a fresh database and each with a time limit
(a minute plus 3 s a file). A chunk counts as a *crash* when the command fails or prints a
traceback, a *hang* when it overruns its time limit, and a *mismatch* when the counts do not add
up: the summary's `inputs` must equal `articles + failures` and the number of units ingest reads
from the folder, and in the database every article read must be stored or have a failure.
Exit status 1 if any chunk crashed, hung or did not add up. `make test` runs a small N.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import write_mutants

EVENTWIRE = Path(sys.executable).with_name("eventwire")


def check(folder: Path, db: Path, workers: int, timeout: float) -> dict[str, object]:
    """Run one folder; what happened, with the counts."""
    import duckdb

    from eventwire.ingest import read_sources
    from eventwire.records import Article

    command = [str(EVENTWIRE), "run", str(folder), "--db", str(db), "--json",
               "--workers", str(workers), "--published", "2015-10-05"]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"status": "hang", "seconds": round(time.perf_counter() - started, 1)}
    seconds = round(time.perf_counter() - started, 1)
    if done.returncode != 0 or "Traceback" in done.stderr:
        return {"status": "crash", "seconds": seconds, "stderr": done.stderr[-3000:]}
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    units = list(read_sources([str(folder)]))
    wanted = {u.id for u in units if isinstance(u, Article)}
    con = duckdb.connect(str(db), read_only=True)
    stored = {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    failed_refs = {r[0] for r in con.execute("SELECT input_ref FROM failures").fetchall()}
    stages = dict(con.execute("SELECT stage, count(*) FROM failures GROUP BY 1 ORDER BY 1").fetchall())
    cut = con.execute("SELECT count(*) FROM articles WHERE note IS NOT NULL").fetchone()
    con.close()
    lost = [u.input_ref for u in units if isinstance(u, Article)
            and u.id not in stored and u.input_ref not in failed_refs]
    adds_up = (summary["inputs"] == summary["articles"] + summary["failures"] == len(units)
               and not lost and stored <= wanted)
    return {"status": "ok" if adds_up else "mismatch", "seconds": seconds, "units": len(units),
            **{k: summary[k] for k in ("inputs", "articles", "failures", "events")},
            "failures_by_stage": stages, "articles_cut": cut[0] if cut else 0,
            **({"lost": lost[:5]} if lost else {})}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=0, help="mutated inputs to make and run")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=500, help="files per `eventwire run`")
    parser.add_argument("--folder", type=Path, help="run this folder instead of making inputs")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eventwire-fuzz-"))
    totals = {"files": 0, "inputs": 0, "articles": 0, "failures": 0, "crashes": 0, "hangs": 0,
              "mismatches": 0}
    started = time.perf_counter()
    try:
        if args.folder is not None:
            jobs = [(args.folder, sum(1 for p in args.folder.rglob("*") if p.is_file()))]
        else:
            jobs = [(work / f"in{i}", min(args.chunk, args.n - i)) for i in range(0, args.n, args.chunk)]
        for number, (folder, count) in enumerate(jobs):
            if args.folder is None:
                write_mutants(folder, count, args.seed + number, start=number * args.chunk)
            db = work / f"run{number}.duckdb"
            r = check(folder, db, args.workers, timeout=60 + 3 * count)
            totals["files"] += count
            for key in ("inputs", "articles", "failures"):
                totals[key] += int(r.get(key, 0))  # type: ignore[call-overload]
            status = r["status"]
            totals["crashes"] += status == "crash"
            totals["hangs"] += status == "hang"
            totals["mismatches"] += status == "mismatch"
            print(f"chunk {number + 1}/{len(jobs)}: {count} files, {json.dumps(r)}", flush=True)
            if args.folder is None:
                shutil.rmtree(folder, ignore_errors=True)
                db.unlink(missing_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    totals_line = ", ".join(f"{k} {v}" for k, v in totals.items())
    print(f"fuzz: {totals_line}; {time.perf_counter() - started:.0f} s; "
          f"peak memory of one process {peak:.0f} MB")
    if totals["crashes"] or totals["hangs"] or totals["mismatches"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
