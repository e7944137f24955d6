"""Gazetteer benchmark figures: load time, memory added, toponyms resolved per second.

Why a function and not a timed test: CI machines are noisy (STYLE.md), so speed is reported by a
command (`eventwire bench`, which runs this module in a fresh process pinned to one CPU) and read by people. The toponyms are drawn from the gazetteer
itself (every k-th GeoNames city name plus country names), so the figure needs no corpus and
resolves a realistic mix of unique, ambiguous and unknown-context names; each is resolved with a
small article context (two nearby places and a country), the way the extractor calls it.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

from eventwire.resolve.places import Gazetteer


def _rss_mb() -> float:
    import psutil  # local import: only the benchmark needs it

    return psutil.Process().memory_info().rss / 2**20


def bench_gazetteer(
    n: int = 50_000, *, cache_dir: Path | None = None, gazetteer: Gazetteer | None = None
) -> dict[str, float]:
    """``toponyms_per_s`` (one core), ``load_seconds`` and ``rss_added_mb`` of ``Gazetteer.load``.

    ``load_seconds`` is the warm load (city cache present, see ``geonames_index``); the first
    load on a machine also builds that cache, which takes a few seconds more. Pass ``gazetteer``
    to time resolution only (``load_seconds`` and ``rss_added_mb`` are then 0).
    """
    gc.collect()
    before = _rss_mb()
    start = time.perf_counter()
    gaz = gazetteer or Gazetteer.load(cache_dir=cache_dir)
    load = time.perf_counter() - start if gazetteer is None else 0.0
    added = _rss_mb() - before if gazetteer is None else 0.0
    cities = gaz._c.names  # the benchmark samples the gazetteer's own names
    step = max(1, len(cities) // max(1, n - 200))
    names = list(cities[::step])[: max(0, n - 200)]
    names += ["Syria", "France", "United States", "Georgia", "Paris", "Springfield"] * 34
    context = [p for p in (gaz.resolve("Damascus"), gaz.resolve("Homs")) if p is not None]
    start = time.perf_counter()
    for name in names:
        gaz.resolve(name, countries=("SYR",), near=context)
    seconds = time.perf_counter() - start
    return {
        "toponyms": float(len(names)),
        "toponyms_per_s": len(names) / seconds if seconds else float("inf"),
        "load_seconds": load,
        "rss_added_mb": added,
    }


def main() -> None:
    """One JSON line of `bench_gazetteer` figures, measured in this process pinned to one CPU."""
    import json
    import os

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(json.dumps({k: round(v, 3) for k, v in bench_gazetteer().items()}))


if __name__ == "__main__":
    main()
