"""Shared fixtures: one real pipeline per test session (spaCy model, dictionaries, gazetteer)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import build

    return build()


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"
