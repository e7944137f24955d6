"""The JSON API over a real database made by the real pipeline (the demo article)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from eventwire.store import Store


def _all_events(client, **params) -> list[dict]:
    """Every page, following `next` links."""
    out = []
    r = client.get("/api/events", params=params)
    while True:
        assert r.status_code == 200, r.text
        body = r.json()
        out += body["events"]
        if not body["next"]:
            return out
        r = client.get(body["next"])


def test_events_match_the_cli_query_and_page_by_cursor(client, demo_db: Path):
    with Store.open(demo_db, read_only=True) as store:
        cli_rows = store.query_events(modality="asserted")
    first = client.get("/api/events", params={"limit": 3}).json()
    assert first["total"] == len(cli_rows) and first["count"] == 3
    assert first["next"].startswith("/api/events?") and "cursor=" in first["next"]
    assert first["country_codes"] == "ISO 3166-1 alpha-3"
    paged = _all_events(client, limit=3)
    assert [e["id"] for e in paged] == [r["id"] for r in cli_rows]
    assert [e["evidence"] for e in paged] == [r["evidence"] for r in cli_rows]
    assert {e["n_mentions"] for e in paged} >= {1}


def test_every_sort_pages_through_every_event_once(client):
    total = client.get("/api/events", params={"modality": "any", "limit": 1}).json()["total"]
    for sort in ("date", "-date", "confidence", "-confidence", "source", "-target", "-articles"):
        events = _all_events(client, modality="any", limit=4, sort=sort)
        assert len(events) == total and len({e["id"] for e in events}) == total, sort


def test_filters_narrow_the_selection(client):
    everything = client.get("/api/events").json()["total"]
    rus = _all_events(client, actor="RUS")
    assert 0 < len(rus) < everything
    assert all("RUS" in (e["source_country"], e["target_country"]) for e in rus)
    source = _all_events(client, source="NATO")
    assert source and all(e["source_org"] == "NATO" for e in source)
    assault = _all_events(client, type="ASSAULT")
    assert assault and all(e["plover_type"] == "ASSAULT" for e in assault)
    two = _all_events(client, type=["ASSAULT", "ACCUSE"])
    assert len(two) == len(assault) + len(_all_events(client, type="ACCUSE"))
    assert all(e["cameo_code"].startswith("19") for e in _all_events(client, cameo="19"))
    homs = _all_events(client, bbox="36.5,34.5,37,35")
    assert homs and all(36.5 <= e["lon"] <= 37 and 34.5 <= e["lat"] <= 35 for e in homs)
    words = _all_events(client, q="airspace Turkish")
    assert words and all("airspace" in e["evidence"] for e in words)
    later = _all_events(client, since="2015-10-05")
    assert later and all(e["date_end"] >= "2015-10-05" for e in later)
    confident = _all_events(client, min_confidence=0.8)
    assert all(e["confidence"] >= 0.8 for e in confident)
    assert len(_all_events(client, modality="any")) > everything


def test_event_and_article_detail(client):
    event = _all_events(client, actor="RUS", type="ASSAULT")[0]
    detail = client.get(f"/api/events/{event['id']}").json()["event"]
    assert detail["id"] == event["id"] and detail["mentions"]
    assert detail["mentions"][0]["evidence"] == event["evidence"]
    article = client.get(f"/api/articles/{event['article_id']}").json()["article"]
    text = article["text"]
    mine = [m for m in article["mentions"] if m["event_id"] == event["id"]]
    start, end = mine[0]["spans"]["sentence"]
    assert text[start:end] == event["evidence"]
    trigger = mine[0]["spans"]["trigger"]
    assert start <= trigger[0] < trigger[1] <= end
    assert len({m["event_id"] for m in article["mentions"]}) > 1  # the other events beside it
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404


def test_aggregates_take_the_same_filters(client):
    timeline = client.get("/api/timeline").json()
    assert timeline["interval"] == "day" and timeline["counts"]
    rus = client.get("/api/timeline", params={"actor": "RUS"}).json()["counts"]
    assert sum(c["n"] for c in rus) < sum(c["n"] for c in timeline["counts"])
    quads = client.get("/api/timeline", params={"group": "quad", "interval": "week"}).json()
    assert {c["key"] for c in quads["counts"]} <= {"1", "2", "3", "4"}
    network = client.get("/api/network").json()
    assert any(e["source"] == "RUS" and e["target"] == "SYR" for e in network["edges"])
    assert all(e["cooperation"] + e["conflict"] <= e["n"] for e in network["edges"])
    places = client.get("/api/places").json()
    names = {f["properties"]["name"] for f in places["features"]}
    assert places["type"] == "FeatureCollection" and {"Homs", "Idlib"} <= names
    lon, lat = places["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    actors = client.get("/api/actors").json()["actors"]
    assert actors[0]["n"] == actors[0]["as_source"] + actors[0]["as_target"]


def test_exports_stream_the_whole_selection(client, tmp_path: Path):
    ids = {e["id"] for e in _all_events(client, actor="RUS")}
    r = client.get("/api/export", params={"format": "csv", "actor": "RUS"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert {row["id"] for row in csv.DictReader(io.StringIO(r.text))} == ids
    lines = client.get("/api/export", params={"format": "jsonl", "actor": "RUS"}).text
    records = [json.loads(line) for line in lines.splitlines()]
    assert {r["id"] for r in records} == ids and all(r["mentions"] for r in records)
    (tmp_path / "e.parquet").write_bytes(
        client.get("/api/export", params={"format": "parquet", "actor": "RUS"}).content)
    assert set(pq.read_table(tmp_path / "e.parquet").column("id").to_pylist()) == ids
    geo = client.get("/api/export", params={"format": "geojson", "actor": "RUS"}).json()
    assert geo["features"] and {f["properties"]["id"] for f in geo["features"]} <= ids


def test_bad_parameters_are_422_naming_the_parameter(client):
    cases = {
        "since=yesterday": "since", "bbox=1,2,3": "bbox", "bbox=10,0,5,1": "bbox",
        "type=BOMBING": "type", "cameo=1x": "cameo", "limit=0": "limit", "limit=5000": "limit",
        "min_confidence=2": "min_confidence", "modality=maybe": "modality",
        "sort=evidence": "sort", "cursor=%%%": "cursor", "since=2016-01-01&until=2015-01-01": "since",
    }
    for query, name in cases.items():
        r = client.get(f"/api/events?{query}")
        assert r.status_code == 422, query
        assert name in r.json()["error"], (query, r.json())
    r = client.get("/api/timeline?interval=year")
    assert r.status_code == 422 and "interval" in r.json()["error"]
    r = client.get("/api/export?format=xlsx")
    assert r.status_code == 422 and "format" in r.json()["error"]


def test_a_cursor_of_another_sort_is_refused(client):
    token = client.get("/api/events", params={"limit": 2}).json()["cursor"]
    r = client.get("/api/events", params={"limit": 2, "sort": "-confidence", "cursor": token})
    assert r.status_code == 422 and "sort" in r.json()["error"]


def test_serving_never_writes_the_database(demo_db: Path, tmp_path: Path):
    from fastapi.testclient import TestClient

    from eventwire.serve.app import create_app

    db = tmp_path / "copy.duckdb"
    db.write_bytes(demo_db.read_bytes())
    before = db.read_bytes()
    with TestClient(create_app(db)) as c:
        for path in ("/api/events", "/api/timeline", "/api/network", "/api/places",
                     "/api/actors", "/api/export?format=parquet"):
            assert c.get(path).status_code == 200
    assert db.read_bytes() == before
    assert not Path(str(db) + ".wal").exists()


def test_slow_queries_stop_with_a_clear_message(demo_db: Path):
    from eventwire.serve.db import Database, QueryTimeout

    db = Database(demo_db)
    with pytest.raises(QueryTimeout, match="narrow the filters"), db.cursor(time_limit=0.2) as con:
        # a query that cannot finish in 0.2 s on any machine
        con.execute("SELECT count(*) FROM range(10000000000) a").fetchall()
    with db.cursor() as con:  # the connection still answers
        assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] > 0
    db.stop()


def test_a_parquet_folder_is_served_like_a_file(client, demo_db: Path, tmp_path: Path):
    from fastapi.testclient import TestClient

    from eventwire.serve.app import create_app

    folder = tmp_path / "spark"
    con = duckdb.connect(str(demo_db), read_only=True)
    for table in ("articles", "mentions", "failures"):
        (folder / table).mkdir(parents=True)
        con.execute(f"COPY {table} TO '{folder / table / 'part-0.parquet'}' (FORMAT parquet)")
    (folder / "events" / "day=2015-10-05").mkdir(parents=True)
    con.execute(f"COPY events TO '{folder / 'events' / 'day=2015-10-05' / 'p.parquet'}' "
                "(FORMAT parquet)")
    con.close()
    with TestClient(create_app(folder)) as c:
        assert [e["id"] for e in _all_events(c)] == [e["id"] for e in _all_events(client)]
        assert c.get("/api/places").json()["features"]
