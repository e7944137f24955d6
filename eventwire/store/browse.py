"""Read-side SQL for browsing a store: one event, one article, totals and the aggregates the
dashboard draws (timeline, dyad network, places, top actors).

Why here: these are queries over the store's tables like ``queries.py``'s, and they take the very
``event_filters`` WHERE clause that ``eventwire events`` uses, so a view shows exactly the events
the table and the CLI list. Every value reaches DuckDB as a bound parameter; only names chosen
from fixed tables below (an interval, a grouping) are put into the SQL text.

Each function takes an open connection (or cursor) and returns plain Python values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from . import word_index
from .queries import (
    EVIDENCE,
    MENTION_ORDER,
    ORDERS,
    after_clause,
    event_filters,
    narrows,
    order_by,
)
from .schema import MENTIONS

# An actor as one node: its country (ISO 3166-1 alpha-3), else its organisation, else its code.
ACTOR_KEY = "coalesce({side}_country, {side}_org, {side}_code)"
INTERVALS = ("day", "week", "month")
GROUPS = {"type": "plover_type", "quad": "CAST(quad_class AS VARCHAR)"}
SPAN_NAMES = ("sentence", "trigger", "source", "target", "time", "attribution", "killed", "injured")


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object]) -> list[dict]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def count_events(con: duckdb.DuckDBPyConnection, where: str, params: Sequence[object]) -> int:
    """How many events match ``where`` (the total shown with every page)."""
    return int(con.execute(f"SELECT count(*) FROM events WHERE {where}", list(params)).fetchall()[0][0])


def event_page(
    con: duckdb.DuckDBPyConnection,
    where: str,
    params: Sequence[object],
    *,
    limit: int,
    sort: str = "date",
) -> list[dict[str, Any]]:
    """The first ``limit`` events matching ``where`` in ``sort`` order: the rows of
    ``queries.event_rows_sql`` (events columns, ``evidence``, ``article_id``, ``n_mentions``).

    Why not that one query: on a million events its joins scan every mention and every article
    text for a page of 100. Here the page's ids come first (a scan of the filter and order
    columns only); then its events, their mentions and the first mentions' articles are looked up
    by id lists, which DuckDB answers from the primary keys and the mentions indexes."""
    top = con.execute(
        f"SELECT id FROM events WHERE {where} ORDER BY {order_by(sort)} LIMIT ?",
        [*params, limit],
    ).fetchall()
    return page_rows(con, [r[0] for r in top])


def counted_page(
    con: duckdb.DuckDBPyConnection,
    filters: Mapping[str, Any],
    *,
    after: tuple[str, object, str] | None = None,
    limit: int,
    sort: str = "date",
) -> tuple[list[dict[str, Any]], int]:
    """One page of the events matching ``filters`` (the keyword arguments of
    ``queries.event_filters``) after the keyset cursor ``after``, as ``event_page`` gives it, and
    how many events match in all (the cursor aside).

    Why not ``count_events`` then ``event_page``: each scans the events (and searches the word
    index) again. When the filters narrow the events, the matches (id and order key) are found
    once and both the count and the page are read from them; the word index is searched only
    for the events the other filters keep (``word_index.words_clause``). With modality alone, a
    count is cheap and the matches would be most of the table: the two queries stay."""
    tokens = word_index.query_tokens(filters.get("words") or ())
    if not narrows(filters) and not tokens:
        where_all, params_all = event_filters(**filters)
        where, params = event_filters(**filters, after=after)
        return event_page(con, where, params, limit=limit, sort=sort), count_events(
            con, where_all, params_all
        )
    column = ORDERS[sort][0]
    if tokens and narrows(filters):
        other, params = event_filters(**{**filters, "words": None})
        found = word_index.words_clause(tokens, "SELECT id FROM kept")
        hits = (f"kept AS MATERIALIZED (SELECT id, {column} FROM events WHERE {other}), "
                f"hits AS MATERIALIZED (SELECT id, {column} FROM kept WHERE {found})")
        params += tokens
    else:
        where, params = event_filters(**filters)
        hits = f"hits AS MATERIALIZED (SELECT id, {column} FROM events WHERE {where})"
    page, page_params = after_clause(*after) if after is not None else ("TRUE", [])
    order = order_by(sort)
    total, ids = con.execute(
        f"WITH {hits}, "
        f"page AS (SELECT id, {column} FROM hits WHERE {page} ORDER BY {order} LIMIT ?) "
        f"SELECT (SELECT count(*) FROM hits), (SELECT list(id ORDER BY {order}) FROM page)",
        [*params, *page_params, limit],
    ).fetchall()[0]
    return page_rows(con, list(ids or [])), int(total)


def page_rows(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    """The rows of ``event_page`` for these event ids, in this order."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    found = {r["id"]: r for r in _rows(con, f"SELECT * FROM events WHERE id IN ({marks})", ids)}
    mentions = con.execute(
        "SELECT event_id, article_id, sentence_start, sentence_end, trigger_start, id "
        f"FROM mentions WHERE event_id IN ({marks})",
        ids,
    ).fetchall()
    article_ids = sorted({m[1] for m in mentions})
    published: dict[str, Any] = {}
    texts: dict[str, str] = {}
    if article_ids:
        amarks = ", ".join("?" for _ in article_ids)
        for article_id, day, text in con.execute(
            f"SELECT id, published, text FROM articles WHERE id IN ({amarks})", article_ids
        ).fetchall():
            published[article_id], texts[article_id] = day, text
    first: dict[str, tuple] = {}
    counts: dict[str, int] = {}
    for m in mentions:  # the order of MENTION_ORDER
        key = (published.get(m[1]) is None, published.get(m[1]) or 0, m[1], m[2], m[4], m[5])
        counts[m[0]] = counts.get(m[0], 0) + 1
        if m[0] not in first or key < first[m[0]][0]:
            first[m[0]] = (key, m)
    rows = []
    for event_id in ids:
        row = found[event_id]
        mention = first.get(event_id)
        if mention is None:
            row.update(evidence=None, article_id=None, n_mentions=0)
        else:
            m = mention[1]
            text = texts.get(m[1])
            evidence = text[m[2]:m[3]] if text is not None and m[2] is not None else None
            row.update(evidence=evidence, article_id=m[1], n_mentions=counts[event_id])
        rows.append(row)
    return rows


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """The event's columns plus ``mentions``: each mention's columns, its evidence sentence and
    its article's title, date and source, earliest article first. None when no such event."""
    events = _rows(con, "SELECT * FROM events WHERE id = ?", [event_id])
    if not events:
        return None
    event = events[0]
    fields = ", ".join(f"m.{c.name}" for c in MENTIONS)
    event["mentions"] = _rows(
        con,
        f"SELECT {fields}, {EVIDENCE} AS evidence, a.title AS article_title, "
        f"a.published AS article_published, a.source AS article_source "
        f"FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? "
        f"ORDER BY {MENTION_ORDER}",
        [event_id],
    )
    return event


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The article (title, date, source, url, language, text) with ``mentions``: every mention in
    it, in text order, with its spans as ``{name: [start, end]}`` offsets into ``text``, its place
    spans, and its event's type, actors and date. None when no such article."""
    articles = _rows(
        con,
        "SELECT id, title, published, source, url, language, text, n_chars "
        "FROM articles WHERE id = ?",
        [article_id],
    )
    if not articles:
        return None
    article = articles[0]
    spans = ", ".join(f"m.{n}_start, m.{n}_end" for n in SPAN_NAMES)
    rows = _rows(
        con,
        f"SELECT m.id, m.event_id, m.modality, m.confidence, m.pattern, {spans}, m.place_spans, "
        "e.plover_type, e.cameo_code, e.cameo_name, e.quad_class, e.goldstein, "
        "e.source_country, e.source_org, e.source_text, e.target_country, e.target_org, "
        "e.target_text, e.date_start, e.date_end, e.modality AS event_modality "
        "FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.article_id = ? "
        "ORDER BY m.sentence_start, m.trigger_start, m.id",
        [article_id],
    )
    mentions = []
    for row in rows:
        span_map = {}
        for name in SPAN_NAMES:
            start, end = row.pop(f"{name}_start"), row.pop(f"{name}_end")
            if start is not None and end is not None:
                span_map[name] = [start, end]
        places = row.pop("place_spans") or []
        span_map["places"] = [[p["start"], p["end"]] for p in places]
        row["spans"] = span_map
        mentions.append(row)
    article["mentions"] = mentions
    return article


def timeline(
    con: duckdb.DuckDBPyConnection,
    where: str,
    params: Sequence[object],
    *,
    interval: str = "day",
    group: str = "type",
) -> list[dict[str, Any]]:
    """Event counts per ``interval`` (day, week from Monday, month) of ``date_start`` and per
    ``group`` (PLOVER type, or quad class 1-4); undated events are left out."""
    if interval not in INTERVALS or group not in GROUPS:
        raise ValueError(f"interval {interval!r} or group {group!r} is not one of the known ones")
    return _rows(
        con,
        f"SELECT CAST(date_trunc('{interval}', date_start) AS DATE) AS period, "
        f"{GROUPS[group]} AS key, count(*) AS n FROM events "
        f"WHERE ({where}) AND date_start IS NOT NULL GROUP BY ALL ORDER BY period, key",
        params,
    )


def network(
    con: duckdb.DuckDBPyConnection, where: str, params: Sequence[object], *, limit: int = 200
) -> tuple[list[dict[str, Any]], int]:
    """The ``limit`` busiest dyads (source actor → target actor), with their event count, mean
    Goldstein score and counts of cooperation (quad 1-2) and conflict (quad 3-4); and how many
    dyads there are in all."""
    source, target = ACTOR_KEY.format(side="source"), ACTOR_KEY.format(side="target")
    rows = _rows(
        con,
        f"""
        WITH d AS (
            SELECT {source} AS source, {target} AS target, count(*) AS n,
                   avg(goldstein) AS goldstein,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict
            FROM events WHERE ({where}) AND {source} IS NOT NULL AND {target} IS NOT NULL
            GROUP BY ALL
        )
        SELECT *, count(*) OVER () AS dyads FROM d ORDER BY n DESC, source, target LIMIT ?
        """,
        [*params, limit],
    )
    return _counted(rows, "dyads")


def places(
    con: duckdb.DuckDBPyConnection, where: str, params: Sequence[object], *, limit: int = 5000
) -> tuple[list[dict[str, Any]], int]:
    """The ``limit`` places with most events (every place of every matching event counts), each
    with name, GeoNames id, coordinates, country and event count; and how many places in all."""
    rows = _rows(
        con,
        f"""
        WITH p AS (
            SELECT unnest(places) AS p FROM events WHERE ({where}) AND len(places) > 0
        ), g AS (  -- one group per GeoNames id (else per name and point): an integer key is fast
            SELECT min(p.name) AS name, any_value(p.geonameid) AS geonameid,
                   any_value(p.lat) AS lat, any_value(p.lon) AS lon,
                   any_value(p.country) AS country, count(*) AS n
            FROM p WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
            GROUP BY coalesce(p.geonameid, hash(p.name, p.lat, p.lon))
        )
        SELECT *, count(*) OVER () AS total FROM g ORDER BY n DESC, name LIMIT ?
        """,
        [*params, limit],
    )
    return _counted(rows, "total")


def actors(
    con: duckdb.DuckDBPyConnection, where: str, params: Sequence[object], *, limit: int = 50
) -> list[dict[str, Any]]:
    """The ``limit`` actors in most events, counting each event once per side it is on, with how
    often they were source and target."""
    source, target = ACTOR_KEY.format(side="source"), ACTOR_KEY.format(side="target")
    return _rows(
        con,
        f"""
        WITH sel AS (SELECT {source} AS s, {target} AS t FROM events WHERE {where}),
        sides AS (
            SELECT s AS actor, 1 AS as_source, 0 AS as_target FROM sel WHERE s IS NOT NULL
            UNION ALL
            SELECT t, 0, 1 FROM sel WHERE t IS NOT NULL
        )
        SELECT actor, count(*) AS n, sum(as_source)::BIGINT AS as_source,
               sum(as_target)::BIGINT AS as_target
        FROM sides GROUP BY actor ORDER BY n DESC, actor LIMIT ?
        """,
        [*params, limit],
    )


def _counted(rows: list[dict[str, Any]], column: str) -> tuple[list[dict[str, Any]], int]:
    """Rows that carry the count of all matches (``count(*) OVER ()`` as ``column``), split
    into the rows without it and that count."""
    total = int(rows[0][column]) if rows else 0
    for row in rows:
        del row[column]
    return rows, total
