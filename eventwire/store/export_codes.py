"""What the standard exports (GDELT, PLOVER/POLECAT, ACLED) share: code tables and SQL pieces.

The exports stay in SQL, like the plain ones: rows never pass through Python. What SQL cannot
know — a country's FIPS 10-4 code, its ISO numeric code and name, its centre; a province's
GeoNames code — comes from eventwire's data tables, registered on the connection as small Arrow
tables for the length of one export (``code_tables``):

    _ew_countries (iso3, iso2, iso_numeric, fips, name, lat, lon)   data/country_codes.tsv
                                                                    + data/countries_geo.tsv
    _ew_admin1    (iso3, name, code)   code = GeoNames admin1 code without the country ("11")
    _ew_plover    (type, quad, score)  data/plover_types.tsv: PLOVER's quad and base score

Numbers that several formats print for one event (GDELT's ``GLOBALEVENTID``, the digits of
ACLED's ``event_id_cnty``) are the same: :data:`NUMERIC_ID`, so the files can be joined.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import DictionaryError
from ..tsv import Problems, read_rows
from .queries import EVIDENCE, MENTION_ORDER

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COUNTRY_CODES = DATA_DIR / "country_codes.tsv"
COUNTRY_POINTS = DATA_DIR / "countries_geo.tsv"
ADMIN1 = DATA_DIR / "admin1.tsv"
PLOVER_TYPES = DATA_DIR / "plover_types.tsv"

# A positive 60-bit integer from an event id: the first 15 hex digits of its MD5. Deterministic
# (the same event always gets the same number), and any id string works, hex or not.
NUMERIC_ID = "('0x' || substr(md5({id}), 1, 15))::BIGINT"

# The 1-based number of the sentence starting at ``start`` in ``text``. The store keeps spaCy's
# sentence spans, not their numbers, so this counts the sentence boundaries before it: a line
# break, or . ! ? (and closing quotes) followed by a space and a capital or digit. The first
# character of the sentence is included so the boundary just before it is counted.
SENTENCE_NUMBER = (
    "1 + len(regexp_extract_all(substr({text}, 1, {start} + 1), "
    "'\\n\\s*\\S|[.!?][\"''”’)\\]]*[ \\t]+[\"“‘''(]?[A-Z0-9]'))"
)


def yyyymmdd(expr: str) -> str:
    """SQL: a DATE as the integer YYYYMMDD (NULL stays NULL)."""
    return f"CAST(strftime({expr}, '%Y%m%d') AS INTEGER)"


def reports_sql(where: str) -> str:
    """Common table expressions ``sel`` (the events matching ``where``) and ``reports`` (their
    mentions with the article's fields, ``rank`` 1 for the first report in the store's mention
    order, ``n_mentions`` per event, ``sentence_no`` and ``evidence``)."""
    sentence_no = SENTENCE_NUMBER.format(text="a.text", start="m.sentence_start")
    return f"""
sel AS (
    SELECT * FROM events WHERE {where}
), reports AS (
    SELECT m.*, a.published, a.url, a.source AS article_source, a.input_ref, a.title,
           a.language, a.n_chars,
           {sentence_no} AS sentence_no,
           {EVIDENCE} AS evidence,
           row_number() OVER (PARTITION BY m.event_id ORDER BY {MENTION_ORDER}) AS rank,
           count(*) OVER (PARTITION BY m.event_id) AS n_mentions
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.event_id IN (SELECT id FROM sel)
)"""


def url_host(expr: str) -> str:
    """SQL: the host of a URL without ``www.`` (``https://www.bbc.co.uk/x`` -> ``bbc.co.uk``)."""
    return f"nullif(regexp_extract({expr}, '^[a-zA-Z][a-zA-Z0-9+.-]*://(www\\.)?([^/:?#]+)', 2), '')"


@contextmanager
def code_tables(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Register ``_ew_countries``, ``_ew_admin1`` and ``_ew_plover`` on ``con`` for the duration
    of the block."""
    tables = {"_ew_countries": _countries(), "_ew_admin1": _admin1(), "_ew_plover": _plover()}
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            try:
                con.unregister(name)
            except duckdb.Error:
                pass  # the connection failed or closed meanwhile: nothing left to clean


@lru_cache(maxsize=1)
def _countries() -> pa.Table:
    columns = ("iso2", "iso3", "iso_numeric", "fips", "name")
    rows = [fields for _, fields in read_rows(COUNTRY_CODES, columns, Problems(None))]
    points = {r[1]: (r[6], r[7]) for r in _hash_tsv(COUNTRY_POINTS, 10)}
    return pa.table(
        {
            "iso3": [r[1] for r in rows],
            "iso2": [r[0] for r in rows],
            "iso_numeric": pa.array([int(r[2]) for r in rows], pa.int32()),
            "fips": [r[3] or None for r in rows],
            "name": [r[4] for r in rows],
            "lat": pa.array([_float(points.get(r[1], ("", ""))[0]) for r in rows], pa.float64()),
            "lon": pa.array([_float(points.get(r[1], ("", ""))[1]) for r in rows], pa.float64()),
        }
    )


@lru_cache(maxsize=1)
def _admin1() -> pa.Table:
    rows = _hash_tsv(ADMIN1, 9)
    return pa.table(
        {
            "iso3": [r[4] for r in rows],
            "name": [r[2] for r in rows],
            "code": [r[0].split(".", 1)[1] if "." in r[0] else r[0] for r in rows],
        }
    )


@lru_cache(maxsize=1)
def _plover() -> pa.Table:
    columns = ("type", "quad", "score", "requires_recipient", "modes")
    rows = [fields for _, fields in read_rows(PLOVER_TYPES, columns, Problems(None))]
    return pa.table(
        {
            "type": [r[0] for r in rows],
            "quad": pa.array([int(r[1]) for r in rows], pa.int8()),
            "score": pa.array([float(r[2]) for r in rows], pa.float64()),
        }
    )


def _hash_tsv(path: Path, width: int) -> list[list[str]]:
    """Rows of a generated table whose column line is a ``# Columns:`` comment."""
    rows = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != width:
            raise DictionaryError(str(path), no, f"expected {width} fields, found {len(fields)}")
        rows.append(fields)
    return rows


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None
