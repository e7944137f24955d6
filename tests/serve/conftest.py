"""Fixtures for `serve`: the demo database (the real pipeline on the seed article, plus an article
written to attack the page), the app over it in-process, and a real server for the browser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from hostile import XSS_TEXT, XSS_TITLE, XSS_URL

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")

def _write_xss(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    record = {"id": "hostile-1", "title": XSS_TITLE, "text": XSS_TEXT, "url": XSS_URL,
              "published": "2015-10-04", "source": "<i>Hostile Wire</i>"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:
    """The seed article and the hostile article through the pipeline into one DuckDB file (what
    `eventwire run` does, with the session's already loaded pipeline)."""
    from eventwire.ingest import read_sources
    from eventwire.records import Article
    from eventwire.store import Store

    folder = tmp_path_factory.mktemp("serve")
    db = folder / "demo.duckdb"
    sources = [str(ROOT / "examples" / "demo"), str(_write_xss(folder))]
    articles = [a for a in read_sources(sources, published=date(2015, 10, 5))
                if isinstance(a, Article)]
    assert len(articles) == 2
    result = pipeline.process_batch(articles)
    with Store.open(db) as store:
        store.write_batch(result.articles, result.events, result.failures)
    return db


@pytest.fixture(scope="session")
def app(demo_db: Path):
    from eventwire.serve.app import create_app

    return create_app(demo_db)


@pytest.fixture(scope="session")
def client(app) -> Iterator:
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def free_port() -> int:
    from eventwire.serve.bench import free_port as port

    return port()


@pytest.fixture(scope="session")
def server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`eventwire serve` on a copy of the demo database, as a user starts it."""
    db = tmp_path_factory.mktemp("served") / "demo.duckdb"
    shutil.copy(demo_db, db)
    port = free_port()
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "serve exited")
            try:
                httpx.get(base + "/openapi.json", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()
