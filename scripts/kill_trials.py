"""Crash-safety trials: kill -9 a whole run at a random moment, resume it, and compare the database
with one an uninterrupted run wrote.

    .venv/bin/python scripts/kill_trials.py [--trials 20] [--files 60] [--workers 2] [--seed 15]

The input is a folder of mutated fixtures of every kind (`scripts/hostile.py`). A reference run
writes it whole first. Each trial then starts `eventwire run` in a process group of its own and
kills the whole group with SIGKILL (the run and its workers) at a random moment: after a random
number of the batches it writes (seen as changes to the database file or its write-ahead log; 0 is
"while starting"), plus a random fraction of a second, so that kills fall while batches are being
processed and written, not only while spaCy loads. It then runs the same command with `--resume`
and compares every table with the reference, row by row (all columns but the time a failure was
first seen). It prints n/N identical and exits 1 unless all are.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import write_mutants

EVENTWIRE = Path(sys.executable).with_name("eventwire")
BATCH = 4  # articles per batch: many transactions, many moments to be killed between
TABLES = {
    "articles": "SELECT * FROM articles ORDER BY id",
    "failures": "SELECT * EXCLUDE (first_seen) FROM failures ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "mentions": "SELECT * FROM mentions ORDER BY id",
    "eventwire_meta": "SELECT * FROM eventwire_meta ORDER BY key",
}


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in TABLES.items()}
    finally:
        con.close()


def _articles(db: Path) -> int:
    """How many articles the killed run left stored (0 when it had not created the file)."""
    import duckdb

    if not db.exists():
        return 0
    con = duckdb.connect(str(db))  # read-write: replays what the log of a killed run holds
    try:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0
    except duckdb.Error:
        return 0  # killed before the tables were made
    finally:
        con.close()


def _wait_for_commits(proc: subprocess.Popen[bytes], db: Path, commits: int, extra: float) -> bool:
    """Wait until the run has changed its database files `commits` times, then `extra` seconds;
    True if it finished first."""
    files = (db, Path(str(db) + ".wal"))
    seen, last = 0, None
    while seen < commits:
        if proc.poll() is not None:
            return True
        state = tuple((f.stat().st_size, f.stat().st_mtime_ns) if f.exists() else None for f in files)
        if last is not None and state != last:
            seen += 1
        last = state
        time.sleep(0.01)
    try:
        proc.wait(timeout=extra)
        return True
    except subprocess.TimeoutExpired:
        return False


def command(folder: Path, db: Path, workers: int) -> list[str]:
    return [str(EVENTWIRE), "run", str(folder), "--db", str(db), "--workers", str(workers),
            "--batch-size", str(BATCH), "--published", "2015-10-05", "--json"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--files", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="eventwire-kill-"))
    try:
        folder = work / "in"
        write_mutants(folder, args.files, args.seed)
        reference = work / "reference.duckdb"
        started = time.perf_counter()
        subprocess.run(command(folder, reference, args.workers), check=True, capture_output=True)
        full = time.perf_counter() - started
        expected = dump(reference)
        batches = -(-len(expected["articles"]) // BATCH) + 1  # at least: failures add more
        counts = {name: len(rows) for name, rows in expected.items()}
        print(f"reference: {full:.1f} s, {counts}", flush=True)
        same = 0
        for trial in range(1, args.trials + 1):
            db = work / f"trial{trial}.duckdb"
            commits, extra = rng.randint(0, batches - 1), rng.uniform(0.0, 1.5)
            proc = subprocess.Popen(command(folder, db, args.workers), start_new_session=True,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            started = time.perf_counter()
            finished = _wait_for_commits(proc, db, commits, extra)
            after = time.perf_counter() - started
            if not finished:
                os.killpg(proc.pid, signal.SIGKILL)  # the run and every worker, at once
                proc.wait()
            stored = _articles(db)
            resumed = subprocess.run([*command(folder, db, args.workers), "--resume"],
                                     capture_output=True, text=True, check=False)
            ok = resumed.returncode == 0 and dump(db) == expected
            same += ok
            print(f"trial {trial}: killed after {commits} writes + {extra:.1f} s ({after:.1f} s) "
                  f"{'(had finished) ' if finished else ''}with {stored} articles stored; "
                  f"resumed: {'identical' if ok else 'DIFFERENT'}"
                  + ("" if resumed.returncode == 0 else f" (exit {resumed.returncode}: "
                     f"{resumed.stderr.strip()[-300:]})"), flush=True)
            db.unlink(missing_ok=True)
            Path(str(db) + ".wal").unlink(missing_ok=True)
        print(f"{same}/{args.trials} identical to the uninterrupted run")
        if same != args.trials:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
