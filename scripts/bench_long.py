"""Benchmark: time and peak memory for one very long article (0.4, 1, 2, 4 MB by default).

    .venv/bin/python scripts/bench_long.py [--sizes 0.4,1,2,4] [--max-chars N|none]

Each size runs in a fresh process (so each peak is its own): load the pipeline, note the resident
memory, process one article of that many megabytes — a single line of short sentences, one in
eight reporting an event, like a log or a dump saved as `.txt` — and report the seconds, the peak
resident memory, and what the peak added to the loaded pipeline. Time should grow linearly with the
size (seconds per MB flat) and memory stay flat: the article is read in windows (windows.py).
`--max-chars none` parses the whole text (by default a run parses at most Settings.max_chars).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

SENTENCES = [
    "Rain fell again.",
    "Markets were calm.",
    "Turkish jets bombed Kurdish positions near Qamishli.",
    "Shops shut early.",
    "The talks went on.",
    "Traffic was slow.",
    "NATO urged Russia to stop its airstrikes.",
    "Prices rose a bit.",
]


def article_text(megabytes: float) -> str:
    """One line of short sentences, `megabytes` million characters long."""
    want = int(megabytes * 1_000_000)
    line = " ".join(SENTENCES) + " "
    return (line * (want // len(line) + 1))[:want]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(megabytes: float, max_chars: int | None) -> dict[str, float | int | str | None]:
    """Process one article of `megabytes` MB in this process; the figures as a dict."""
    from eventwire.pipeline import Settings, build
    from eventwire.records import Article

    pipeline = build(Settings(max_chars=max_chars))
    pipeline.process_batch([Article(id="warm", text="NATO urged Russia to stop.", input_ref="w")])
    loaded = _peak_mb()
    text = article_text(megabytes)
    article = Article(id="long", text=text, input_ref="long.txt")
    started = time.perf_counter()
    result = pipeline.process_batch([article])
    seconds = time.perf_counter() - started
    note = result.articles[0].note if result.articles else None
    return {
        "mb": megabytes,
        "seconds": round(seconds, 1),
        "s_per_mb": round(seconds / megabytes, 1),
        "peak_mb": round(_peak_mb()),
        "loaded_mb": round(loaded),
        "added_mb": round(_peak_mb() - loaded),
        "mentions": result.mentions,
        "failures": len(result.failures),
        "windows": (note or "").count(",") + 1 if note and "windows" in note else 1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.4,1,2,4", help="article sizes in MB, comma-separated")
    parser.add_argument("--max-chars", default="none",
                        help="characters parsed per article: a number, 'none' (all), 'default'")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # the child's size
    args = parser.parse_args()
    from eventwire.pipeline import MAX_CHARS

    limit = {"none": None, "default": MAX_CHARS}.get(args.max_chars)
    if limit is None and args.max_chars not in ("none",):
        limit = int(args.max_chars)
    if args.one is not None:
        print(json.dumps(one(args.one, limit)))
        return
    print(f"{'MB':>5} {'seconds':>8} {'s/MB':>6} {'peak MB':>8} {'loaded MB':>10} {'added MB':>9} "
          f"{'mentions':>9}")
    for size in (float(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--max-chars", args.max_chars],
            capture_output=True, text=True, check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['mb']:>5} {r['seconds']:>8} {r['s_per_mb']:>6} {r['peak_mb']:>8} "
              f"{r['loaded_mb']:>10} {r['added_mb']:>9} {r['mentions']:>9}", flush=True)


if __name__ == "__main__":
    main()
