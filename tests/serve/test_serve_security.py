"""Hostile requests: SQL injection strings on every parameter, and generated requests from the
OpenAPI schema (schemathesis). Neither may get a 500, more rows, or a changed database."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import schemathesis
from hypothesis import HealthCheck, given, settings

INJECTIONS = (
    "' OR '1'='1",
    "RUS' OR 1=1 --",
    "1; DROP TABLE events; --",
    "\" OR \"\"=\"",
    "') UNION SELECT id, text FROM articles --",
    "1) OR (1=1",
    "*/ OR 1=1 /*",
    "%' OR 1=1 --",
    "%",
    "_",
    "\\",
    "RUS\x00",
)


def _empty(path: str, body) -> bool:
    """The answer holds no row."""
    if path == "/api/events":
        return body["total"] == 0 and body["events"] == []
    if path == "/api/timeline":
        return body["counts"] == []
    if path == "/api/network":
        return body["edges"] == []
    if path == "/api/places":
        return body["features"] == []
    if path == "/api/actors":
        return body["actors"] == []
    raise AssertionError(path)


def test_sql_injection_on_every_parameter_is_refused_or_matches_nothing(client, demo_db: Path):
    spec = client.get("/openapi.json").json()
    total = client.get("/api/events", params={"modality": "any"}).json()["total"]
    checked = 0
    for path, item in spec["paths"].items():
        for param in item["get"].get("parameters", []):
            name = param["name"]
            for payload in INJECTIONS:
                if param["in"] == "path":
                    url, params = path.replace("{" + name + "}", quote(payload, safe="")), {}
                else:
                    url, params = path, {name: payload}
                r = client.get(url, params=params)
                checked += 1
                assert r.status_code != 500, (url, params, r.text)
                if r.status_code >= 400:
                    assert r.status_code < 500 and r.json()["error"], (url, params, r.text)
                    continue
                if path == "/api/export":
                    assert r.text.count("\n") <= 1, (url, params)  # a header line at most
                else:
                    assert _empty(path, r.json()), (url, params, r.text[:300])
    assert checked > 100
    after = client.get("/api/events", params={"modality": "any"}).json()["total"]
    assert after == total  # nothing dropped, nothing added


def test_generated_requests_never_get_a_server_error(app):
    """schemathesis draws requests for every operation from /openapi.json (bounded examples)."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def no_server_error(case) -> None:
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:500])

        no_server_error()
