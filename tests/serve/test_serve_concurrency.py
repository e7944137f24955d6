"""`serve` while `eventwire run` writes the same file: each answer is whole (the totals before or
after a batch) or a clear "database busy" 503, never a crash."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

# The writer does what `eventwire run` does (open the store, process a batch, write it, close),
# but says when it holds the file and waits to be told to write, so the test can look in between.
# The batch is processed here by the session's pipeline and handed over pickled.
WRITER = """
import pickle, sys
from eventwire.store import Store

db, batch = sys.argv[1], sys.argv[2]
with Store.open(db) as store:
    print("locked", flush=True)
    sys.stdin.readline()
    with open(batch, "rb") as f:
        articles, events, failures = pickle.load(f)
    store.write_batch(articles, events, failures)
print("done", flush=True)
"""


def test_readers_get_whole_answers_or_database_busy(demo_db: Path, tmp_path: Path, pipeline):
    from fastapi.testclient import TestClient

    from eventwire.ingest import read_sources
    from eventwire.serve.app import create_app

    db = tmp_path / "live.duckdb"
    shutil.copy(demo_db, db)
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps({
        "id": "new-1", "title": "Arrests", "published": "2015-10-06",
        "text": "Turkish police arrested two opposition journalists in Ankara on Tuesday.",
    }) + "\n", encoding="utf-8")
    articles = [a for a in read_sources([str(source)]) if hasattr(a, "text")]
    result = pipeline.process_batch(articles)
    batch = tmp_path / "batch.pickle"
    batch.write_bytes(pickle.dumps((result.articles, result.events, result.failures)))
    app = create_app(db, idle_close=0.2)
    with TestClient(app) as client:
        before = client.get("/api/events", params={"modality": "any"}).json()["total"]
        deadline = time.monotonic() + 10
        while app.state.db.is_open and time.monotonic() < deadline:
            time.sleep(0.05)  # serve lets an idle file go
        assert not app.state.db.is_open
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(batch)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert writer.stdout.readline().strip() == "locked"
            for path in ("/api/events", "/api/timeline", "/api/places"):
                r = client.get(path)
                assert r.status_code == 503, r.text
                assert "database busy" in r.json()["error"] and r.headers["Retry-After"]
            writer.stdin.write("go\n")
            writer.stdin.flush()
            assert writer.stdout.readline().strip() == "done"
        finally:
            writer.stdin.close()
            assert writer.wait(timeout=60) == 0
        after = client.get("/api/events", params={"modality": "any"}).json()
        assert after["total"] > before
        assert client.get("/api/events", params={"q": "journalists Ankara"}).json()["total"] >= 1
