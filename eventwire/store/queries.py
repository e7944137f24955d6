"""Read-side SQL shared by ``Store.query_events`` and the exports.

Evidence text is never stored twice: it is sliced from ``articles.text`` with ``substr`` at read
time (DuckDB ``substr`` counts code points from 1, Python offsets count code points from 0).
The "first mention" of an event is the one from the earliest-published article, then by article id
and position, so it is stable across runs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from ..confidence import check_min_confidence
from . import word_index
from .schema import MENTIONS

# Order of an event's mentions: earliest article first, then position in the article.
MENTION_ORDER = "a.published NULLS LAST, m.article_id, m.sentence_start, m.trigger_start, m.id"
EVENT_ORDER = "date_start NULLS LAST, id"
EVIDENCE = "substr(a.text, m.sentence_start + 1, m.sentence_end - m.sentence_start)"


def event_filters(
    *,
    actor: str | None = None,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    modality: str | None = None,
    min_confidence: float | None = None,
    source: str | None = None,
    target: str | None = None,
    types: Sequence[str] | None = None,
    cameo: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    words: Sequence[str] | None = None,
    after: tuple[str, object, str] | None = None,
) -> tuple[str, list[object]]:
    """A WHERE clause (``TRUE`` when no filter) over ``events`` columns, with its parameters.

    actor: source or target country / org equal (case-insensitive), or CAMEO actor code prefix.
    type: PLOVER type equal (case-insensitive), or CAMEO event code prefix.
    since/until: the event's [date_start, date_end] overlaps the window (undated events drop out).
    min_confidence: the event's confidence is at least this (0 to 1; else ConfigError).
    source/target: like ``actor``, on that side only.
    types: PLOVER type is one of these (case-insensitive). cameo: CAMEO event code prefix.
    bbox: (west, south, east, north) degrees around the event's first place (``lat``/``lon``).
    words: each word begins a word (case-insensitive; "strike" matches "strikes") of the
    sentence of one of the event's mentions; punctuation is ignored (see ``word_index``).
    after: keyset cursor ``(order key, key value, id)`` from ``order_by``: only events after it.
    """
    clauses: list[str] = []
    params: list[object] = []
    if actor:
        sides = []
        for side in ("source", "target"):
            sides.append(
                f"upper({side}_country) = upper(?) OR upper({side}_org) = upper(?)"
                f" OR starts_with(upper({side}_code), upper(?))"
            )
            params += [actor, actor, actor]
        clauses.append("(" + " OR ".join(sides) + ")")
    if type:
        clauses.append("(upper(plover_type) = upper(?) OR starts_with(cameo_code, ?))")
        params += [type, type]
    if since is not None:
        clauses.append("coalesce(date_end, date_start) >= ?")
        params.append(since)
    if until is not None:
        clauses.append("date_start <= ?")
        params.append(until)
    if modality:
        clauses.append("lower(modality) = lower(?)")
        params.append(modality)
    threshold = check_min_confidence(min_confidence)
    if threshold is not None:
        clauses.append("confidence >= ?")
        params.append(threshold)
    for side, key in (("source", source), ("target", target)):
        if key:
            clauses.append(
                f"(upper({side}_country) = upper(?) OR upper({side}_org) = upper(?)"
                f" OR starts_with(upper({side}_code), upper(?)))"
            )
            params += [key, key, key]
    if types:
        clauses.append("upper(plover_type) IN (" + ", ".join("upper(?)" for _ in types) + ")")
        params += list(types)
    if cameo:
        clauses.append("starts_with(cameo_code, ?)")
        params.append(cameo)
    if bbox is not None:
        clauses.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
        params += [bbox[0], bbox[2], bbox[1], bbox[3]]
    tokens = word_index.query_tokens(words or ())
    if tokens:  # the word index (word_index.py), narrowed first to what the other filters keep
        narrow = narrows({"actor": actor, "type": type, "since": since, "until": until,
                          "min_confidence": threshold, "source": source, "target": target,
                          "types": types, "cameo": cameo, "bbox": bbox})
        kept = f"SELECT id FROM events WHERE {' AND '.join(clauses)}" if narrow and clauses else None
        clauses.append(word_index.words_clause(tokens, kept))
        params += [*(params if kept else []), *tokens]
    if after is not None:
        clause, values = after_clause(*after)
        clauses.append(clause)
        params += values
    return (" AND ".join(clauses) or "TRUE"), params


def narrows(filters: Mapping[str, object]) -> bool:
    """Whether ``filters`` (keyword arguments of ``event_filters``) set any filter but modality
    and words. Then the events they keep are few enough that it pays to find them first, once:
    the word index is searched only for them, and a page and its total are read from them
    (``browse.counted_page``). Modality alone keeps most events: narrowing to most of a million
    events costs more than searching every sentence. Either way the answer is the same."""
    return any(
        value not in (None, "", (), [])
        for name, value in filters.items()
        if name not in ("modality", "words", "after")
    )


# Orders a page of events may take: name -> (column, descending). Ties are broken by id.
ORDERS: dict[str, tuple[str, bool]] = {
    "date": ("date_start", False),
    "-date": ("date_start", True),
    "type": ("plover_type", False),
    "-type": ("plover_type", True),
    "source": ("source_country", False),
    "-source": ("source_country", True),
    "target": ("target_country", False),
    "-target": ("target_country", True),
    "goldstein": ("goldstein", False),
    "-goldstein": ("goldstein", True),
    "confidence": ("confidence", False),
    "-confidence": ("confidence", True),
    "articles": ("n_articles", False),
    "-articles": ("n_articles", True),
}


def order_by(sort: str = "date", prefix: str = "") -> str:
    """The ORDER BY list for ``sort`` (a key of ``ORDERS``): the column, nulls last, then id.
    Keyset paging (``event_filters(after=...)``) relies on this exact order."""
    column, descending = ORDERS[sort]
    return f"{prefix}{column} {'DESC' if descending else 'ASC'} NULLS LAST, {prefix}id"


def after_clause(sort: str, value: object, last_id: str) -> tuple[str, list[object]]:
    """Rows that come after ``(value, last_id)`` in ``order_by(sort)``."""
    column, descending = ORDERS[sort]
    if value is None:  # nulls come last: only nulls with a greater id follow
        return f"({column} IS NULL AND id > ?)", [last_id]
    op = "<" if descending else ">"
    return (
        f"({column} {op} ? OR ({column} = ? AND id > ?) OR {column} IS NULL)",
        [value, value, last_id],
    )


def event_rows_sql(
    where: str, *, limit: bool, places_as_text: bool = False, sort: str = "date"
) -> str:
    """Events matching ``where`` plus ``evidence`` (first mention's sentence), ``article_id`` (its
    article) and ``n_mentions``. With ``limit`` the query takes one more ``?`` parameter.
    ``sort`` is a key of ``ORDERS`` (default: by date, as the CLI lists them).
    Events are selected (and limited) before mentions are touched, so a small query on a big
    database reads only the mentions it returns."""
    places = (
        "array_to_string(list_transform(sel.places, lambda p: "
        "format('{} ({:.4f},{:.4f})', p.name, p.lat, p.lon)), '; ') AS places"
    )
    cols = "sel.* REPLACE (" + places + ")" if places_as_text else "sel.*"
    return f"""
WITH sel AS (
    SELECT * FROM events WHERE {where} ORDER BY {order_by(sort)} {"LIMIT ?" if limit else ""}
), first AS (
    SELECT m.event_id, m.article_id, m.sentence_start, m.sentence_end,
           count(*) OVER (PARTITION BY m.event_id) AS n_mentions
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.event_id IN (SELECT id FROM sel)
    QUALIFY row_number() OVER (PARTITION BY m.event_id ORDER BY {MENTION_ORDER}) = 1
)
SELECT {cols},
       {EVIDENCE} AS evidence,
       m.article_id,
       coalesce(m.n_mentions, 0) AS n_mentions
FROM sel
LEFT JOIN first m ON m.event_id = sel.id
LEFT JOIN articles a ON a.id = m.article_id
ORDER BY {order_by(sort, "sel.")}
"""


def events_nested_sql(where: str = "TRUE") -> str:
    """Events matching ``where`` with their mentions nested (each with its evidence sentence),
    for JSONL."""
    fields = ", ".join(f"{c.name} := m.{c.name}" for c in MENTIONS if c.name != "event_id")
    return f"""
WITH sel AS (
    SELECT * FROM events WHERE {where}
), ms AS (
    SELECT m.event_id,
           list(struct_pack({fields}, evidence := {EVIDENCE}) ORDER BY {MENTION_ORDER})
               AS mentions,
           count(*) AS n_mentions
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.event_id IN (SELECT id FROM sel)
    GROUP BY m.event_id
)
SELECT e.*, coalesce(ms.n_mentions, 0) AS n_mentions, coalesce(ms.mentions, []) AS mentions
FROM sel e LEFT JOIN ms ON ms.event_id = e.id
ORDER BY e.date_start NULLS LAST, e.id
"""
