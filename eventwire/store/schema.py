"""The database schema, declared once.

Each table is a list of ``Column``s; the DuckDB DDL *and* the Arrow schema used for bulk inserts are
both generated from it, so the two cannot drift apart. Every span column is a pair of character
offsets ``[start, end)`` into ``articles.text`` (Python string indices = DuckDB ``substr`` code
points), never a copied string.

Bump ``SCHEMA_VERSION`` whenever a column changes; ``Store.open`` refuses a file written with
another version instead of failing later with a confusing binder error (or upgrades it, where
``UPGRADES`` says how).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from . import word_index

SCHEMA_VERSION = "4"
# Versions a database opened for writing is upgraded from (``Store.open``): 3 -> 4 adds the word
# index of evidence sentences (``word_index.py``), built from the stored mentions.
UPGRADES = {"3": "4"}


@dataclass(frozen=True)
class Column:
    name: str
    sql: str  # DuckDB type (plus constraints)
    arrow: pa.DataType


PLACE_SQL = (
    "STRUCT(name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, "
    "admin1 VARCHAR, feature VARCHAR, precision VARCHAR)"
)
PLACE_ARROW = pa.struct(
    [
        ("name", pa.string()),
        ("geonameid", pa.int64()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("feature", pa.string()),
        ("precision", pa.string()),
    ]
)
SPAN_SQL = 'STRUCT("start" INTEGER, "end" INTEGER)'
SPAN_ARROW = pa.struct([("start", pa.int32()), ("end", pa.int32())])


def _actor_columns(prefix: str) -> list[Column]:
    return [
        Column(f"{prefix}_{field}", "VARCHAR", pa.string())
        for field in ("text", "country", "org", "sector", "code")
    ]


def _count_columns(prefix: str) -> list[Column]:
    """A reported number of people: ``low`` (most conservative) and ``high`` (null: no bound)."""
    return [
        Column(f"{prefix}_low", "INTEGER", pa.int32()),
        Column(f"{prefix}_high", "INTEGER", pa.int32()),
    ]


def _span_columns(prefix: str) -> list[Column]:
    return [
        Column(f"{prefix}_start", "INTEGER", pa.int32()),
        Column(f"{prefix}_end", "INTEGER", pa.int32()),
    ]


ARTICLES: list[Column] = [
    Column("id", "VARCHAR PRIMARY KEY", pa.string()),
    Column("input_ref", "VARCHAR", pa.string()),
    Column("title", "VARCHAR", pa.string()),
    Column("published", "DATE", pa.date32()),
    Column("source", "VARCHAR", pa.string()),
    Column("url", "VARCHAR", pa.string()),
    Column("language", "VARCHAR", pa.string()),
    Column("text", "VARCHAR NOT NULL", pa.string()),
    Column("n_chars", "INTEGER NOT NULL", pa.int32()),
    Column("note", "VARCHAR", pa.string()),  # where a long article was cut (windows.py)
]

FAILURES: list[Column] = [
    Column("id", "VARCHAR PRIMARY KEY", pa.string()),  # stable_id(input_ref, stage)
    Column("input_ref", "VARCHAR NOT NULL", pa.string()),
    Column("stage", "VARCHAR NOT NULL", pa.string()),
    Column("reason", "VARCHAR", pa.string()),
    Column("first_seen", "TIMESTAMP", pa.timestamp("us")),
]

EVENTS: list[Column] = [
    Column("id", "VARCHAR PRIMARY KEY", pa.string()),
    Column("plover_type", "VARCHAR NOT NULL", pa.string()),
    Column("plover_mode", "VARCHAR", pa.string()),
    Column("plover_context", "VARCHAR", pa.string()),
    Column("cameo_code", "VARCHAR NOT NULL", pa.string()),
    Column("cameo_name", "VARCHAR", pa.string()),
    Column("goldstein", "DOUBLE", pa.float64()),
    Column("quad_class", "TINYINT", pa.int8()),
    *_actor_columns("source"),
    *_actor_columns("target"),
    Column("date_start", "DATE", pa.date32()),
    Column("date_end", "DATE", pa.date32()),
    Column("date_precision", "VARCHAR", pa.string()),
    Column("places", f"{PLACE_SQL}[]", pa.list_(PLACE_ARROW)),
    Column("lat", "DOUBLE", pa.float64()),  # of the first place, for maps and quick filters
    Column("lon", "DOUBLE", pa.float64()),
    Column("modality", "VARCHAR NOT NULL", pa.string()),
    Column("confidence", "DOUBLE", pa.float64()),
    Column("n_articles", "INTEGER", pa.int32()),
    Column("n_sources", "INTEGER", pa.int32()),
    Column("first_seen", "DATE", pa.date32()),
    Column("last_seen", "DATE", pa.date32()),
    Column("acled_event_type", "VARCHAR", pa.string()),
    Column("acled_sub_event_type", "VARCHAR", pa.string()),
    *_count_columns("killed"),
    *_count_columns("injured"),
]

MENTIONS: list[Column] = [
    Column("id", "VARCHAR PRIMARY KEY", pa.string()),
    Column("event_id", "VARCHAR NOT NULL", pa.string()),
    Column("article_id", "VARCHAR NOT NULL", pa.string()),
    *_span_columns("sentence"),
    *_span_columns("trigger"),
    *_span_columns("source"),
    *_span_columns("target"),
    *_span_columns("time"),
    Column("place_spans", f"{SPAN_SQL}[]", pa.list_(SPAN_ARROW)),
    Column("modality", "VARCHAR NOT NULL", pa.string()),
    Column("attribution_text", "VARCHAR", pa.string()),
    Column("attribution_country", "VARCHAR", pa.string()),
    Column("attribution_org", "VARCHAR", pa.string()),
    *_span_columns("attribution"),
    Column("sentence_kind", "VARCHAR", pa.string()),
    Column("confidence", "DOUBLE", pa.float64()),
    Column("pattern", "VARCHAR", pa.string()),
    Column("plover_type", "VARCHAR", pa.string()),
    Column("cameo_code", "VARCHAR", pa.string()),
    *_count_columns("killed"),
    *_span_columns("killed"),
    *_count_columns("injured"),
    *_span_columns("injured"),
    Column("report_id", "VARCHAR", pa.string()),  # its article's report (see REPORTS)
]

# One row per article's account of an act (``fusion.clusters.Report``): the article-level event as
# the pipeline gave it, kept so that the store can re-cluster reports into events as new articles
# come (``store/reports.py``). ``key_id`` is the act's key hash, ``event_id`` the fused event.
REPORTS: list[Column] = [
    Column("id", "VARCHAR PRIMARY KEY", pa.string()),
    Column("key_id", "VARCHAR NOT NULL", pa.string()),
    Column("event_id", "VARCHAR NOT NULL", pa.string()),
    Column("article_id", "VARCHAR NOT NULL", pa.string()),
    Column("published", "DATE", pa.date32()),
    Column("source", "VARCHAR", pa.string()),
    Column("headline", "BOOLEAN", pa.bool_()),  # told in the article's title
    *[c for c in EVENTS if c.name != "id"],
]

# Ids of events that later merged into another (or whose founder changed): alias -> event id.
EVENT_ALIASES: list[Column] = [
    Column("id", "VARCHAR PRIMARY KEY", pa.string()),
    Column("event_id", "VARCHAR NOT NULL", pa.string()),
]

TABLES: dict[str, list[Column]] = {
    "articles": ARTICLES,
    "failures": FAILURES,
    "events": EVENTS,
    "mentions": MENTIONS,
    "reports": REPORTS,
    "event_aliases": EVENT_ALIASES,
}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema matching ``table``'s columns, for building insert batches."""
    return pa.schema([(c.name, c.arrow) for c in TABLES[table]])


def ddl() -> list[str]:
    """``CREATE TABLE IF NOT EXISTS`` statements for every table, plus the metadata table."""
    statements = [
        "CREATE TABLE IF NOT EXISTS eventwire_meta (key VARCHAR PRIMARY KEY, value VARCHAR)"
    ]
    for name, columns in TABLES.items():
        body = ",\n  ".join(f"{c.name} {c.sql}" for c in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {name} (\n  {body}\n)")
    statements += INDEXES
    statements.append(word_index.DDL)  # not in TABLES: a Spark run writes no such files
    return statements


# Look-ups by a list of ids (a page of events' mentions, an article's mentions: `serve`) use
# these instead of scanning the whole mentions table.
INDEXES = [
    "CREATE INDEX IF NOT EXISTS mentions_event_id ON mentions (event_id)",
    "CREATE INDEX IF NOT EXISTS mentions_article_id ON mentions (article_id)",
]
