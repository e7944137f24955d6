"""Measure `serve` over a database: API latency per endpoint and the dashboard's first render.

    python -m eventwire.serve.generate big.duckdb --events 1000000
    python -m eventwire.serve.bench big.duckdb [--requests 40] [--json]

What it does: starts ``eventwire serve`` on the database in a subprocess (a real server on a
free loopback port), then, for each endpoint, sends ``--requests`` sequential requests whose
filters vary at random (seeded) over every filter the endpoint takes at once — actor, type, dates,
bbox, modality, min_confidence and text words (``q``, served by the word index of
``store/word_index.py``) — and reports p50/p95/max in milliseconds; then the same without the
text words, and with no filter at all (the whole database: the heaviest aggregates). Last, Debian's chromium opens the dashboard and the
time until its four views have drawn is measured (median of a few loads, cold server cache on
the first). Targets (issue 14): /api/events p95 < 100 ms, the aggregates < 300 ms, first render
< 2 s. Timings on a shared machine vary; the machine's load average is reported with them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

ENDPOINTS = ("/api/events", "/api/timeline", "/api/network", "/api/places")
TARGETS_MS = {"/api/events": 100, "/api/timeline": 300, "/api/network": 300, "/api/places": 300}
ACTORS = "RUS USA SYR UKR TUR ISR IRN CHN FRA NATO UN".split()
TYPES = "ASSAULT ACCUSE CONSULT PROTEST AID MOBILIZE COERCE REQUEST".split()
WORDS = "attacked met forces criticised Moscow near".split()
BOXES = ("-20,0,80,60", "30,25,50,40", "-130,20,-60,55", "60,0,150,50")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str | Path, port: int) -> subprocess.Popen:
    """``eventwire serve`` on ``db``, once it answers."""
    exe = Path(sys.executable).with_name("eventwire")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "eventwire.cli"]
    proc = subprocess.Popen([*cmd, "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("serve did not answer within 60 s")


def filters(rng: random.Random, *, words: bool) -> dict[str, str]:
    start = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 3000))
    chosen = {
        "actor": rng.choice(ACTORS),
        "type": rng.choice(TYPES),
        "since": start.isoformat(),
        "until": (start + timedelta(days=rng.randrange(30, 900))).isoformat(),
        "bbox": rng.choice(BOXES),
        "modality": "asserted",
        "min_confidence": f"{rng.choice((0.3, 0.5, 0.7)):.1f}",
    }
    if words:
        chosen["q"] = rng.choice(WORDS)
    return chosen


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1),
            "max_ms": round(ordered[-1], 1), "n": len(ordered)}


def time_api(base: str, requests: int, seed: int = 14) -> dict[str, dict]:
    rng = random.Random(seed)
    out: dict[str, dict] = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for endpoint in ENDPOINTS:  # warm up: the first request opens the file
            client.get(endpoint).raise_for_status()
        for label, words in (("all filters", True), ("all but q", False), ("no filter", None)):
            for endpoint in ENDPOINTS:
                samples = []
                for _ in range(requests if words is not None else max(5, requests // 4)):
                    params = filters(rng, words=words) if words is not None else {}
                    if endpoint == "/api/events":
                        params["limit"] = "100"
                    started = time.perf_counter()
                    r = client.get(endpoint, params=params)
                    samples.append((time.perf_counter() - started) * 1000)
                    r.raise_for_status()
                out[f"{endpoint} ({label})"] = percentiles(samples)
    return out


def time_first_render(base: str, loads: int = 3, screenshot: Path | None = None
                      ) -> dict[str, object]:
    """Milliseconds from navigation to all four views drawn (``body[data-ready]``); with
    ``screenshot``, a PNG of the first load's window is saved there."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), headless=True,
                                    args=["--no-sandbox"])
        for i in range(loads):
            page = browser.new_page(viewport={"width": 1280, "height": 760})
            started = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready]", state="attached", timeout=60000)
            times.append((time.perf_counter() - started) * 1000)
            if i == 0 and screenshot is not None:
                page.wait_for_timeout(500)  # the map's shapes arrive after the views
                page.screenshot(path=str(screenshot))
            page.close()
        browser.close()
    return {"first_ms": round(times[0]), "median_ms": round(statistics.median(times)),
            "loads": loads}


def chromium() -> str:
    return os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")


def bench(db: str | Path, *, requests: int = 40, browser: bool = True,
          screenshot: Path | None = None) -> dict[str, object]:
    port = free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        result: dict[str, object] = {"db": str(db), "load_average": os.getloadavg()[0]}
        with httpx.Client(base_url=base) as client:
            result["events"] = client.get("/api/events", params={"limit": 1,
                                          "modality": "any"}).json()["total"]
        result["api"] = time_api(base, requests)
        if browser:
            result["first_render"] = time_first_render(base, screenshot=screenshot)
        result["load_average_after"] = os.getloadavg()[0]
        return result
    finally:
        server.terminate()
        server.wait(timeout=10)


def render(result: dict) -> str:
    lines = [(f"{result['db']}: {result['events']:,} events; load average "
              f"{result['load_average']:.1f} → {result['load_average_after']:.1f}")]
    for name, r in result["api"].items():
        endpoint = name.split(" ")[0]
        target = TARGETS_MS[endpoint]
        ok = "ok" if r["p95_ms"] < target else "OVER"
        lines.append(f"  {name:<34} p50 {r['p50_ms']:7.1f}  p95 {r['p95_ms']:7.1f}  "
                     f"max {r['max_ms']:7.1f} ms  (target p95 < {target}: {ok})")
    if "first_render" in result:
        fr = result["first_render"]
        lines.append(f"  dashboard first render: {fr['first_ms']} ms cold, median "
                     f"{fr['median_ms']} ms of {fr['loads']} (target < 2000)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--requests", type=int, default=40, help="per endpoint and filter set")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--screenshot", type=Path, help="save the dashboard's window as PNG")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = bench(args.db, requests=args.requests, browser=not args.no_browser,
                   screenshot=args.screenshot)
    print(json.dumps(result) if args.json else render(result))


if __name__ == "__main__":
    main()
