"""The word index of evidence sentences: what makes ``q`` (words of the sentence) fast.

Why: the text filter used to slice every candidate mention's sentence out of ``articles.text``
and search it, which reads article texts at query time (hundreds of ms on a million events), and
DuckDB's ``fts`` extension cannot be installed offline. The store writes, for every mention and
in the same transaction as the mention, one row of ``mention_words``: the mention's id, its
event's id (and ``hash`` of it, so that a filtered set of events finds its mentions by an integer
join), and ``words``: the distinct lower-cased words of its sentence, sorted, each preceded by a
space (" forces met moscow near …"). It is an index, not a second copy of the evidence: the
sentence is still read from the article.

What ``q`` matches (the API's ``q``, its aggregates and exports alike): every word of the query
must begin a word of one sentence of the event, ignoring case — "strike" matches "strikes" and
"Strike", not "airstrike". A word is a run of letters, marks and digits (Unicode), so punctuation
splits and is ignored: "al-Assad" asks for "al" and "assad" in the same sentence, and a query
word with no letter or digit asks for nothing.

A Parquet folder (Spark run) and a database of schema 3 have no such table; the first gets a view
that computes the same rows from its files (``fallback_view``), so the answers are the same either
way; the second is upgraded when opened for writing (``Store.open``, or ``python -m
eventwire.store.upgrade FILE``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import duckdb

# Letters, combining marks and digits of any script: DuckDB's RE2 and the query side
# (``query_tokens``) read a word the same way.
WORD_PATTERN = r"[\p{L}\p{M}\p{N}]+"
SENTENCE = "substr(a.text, m.sentence_start + 1, m.sentence_end - m.sentence_start)"
WORDS = (
    "coalesce(' ' || array_to_string(list_sort(list_distinct(regexp_extract_all("
    f"lower({SENTENCE}), '{WORD_PATTERN}'))), ' '), '')"
)
# The index's rows for mentions ``m`` joined with their articles ``a``.
ROWS = f"SELECT m.id, m.event_id, hash(m.event_id) AS event_key, {WORDS} AS words"
TABLE = "mention_words"
DDL = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, "
    "event_key UBIGINT NOT NULL, words VARCHAR NOT NULL)"
)

# The batch's new mentions (``_ew_in_mentions`` not indexed yet), once they are stored and point at
# their final event. Each step narrows to the batch before it joins a big table, so a batch costs
# about the same on a database of a million events as on an empty one.
INSERT_NEW = f"""
INSERT INTO {TABLE}
WITH new AS MATERIALIZED (
    SELECT m.id, m.event_id, m.article_id, m.sentence_start, m.sentence_end FROM mentions m
    WHERE m.id IN (SELECT id FROM _ew_in_mentions)
      AND m.id NOT IN (SELECT w.id FROM {TABLE} w WHERE w.id IN (SELECT id FROM _ew_in_mentions))
), texts AS MATERIALIZED (
    SELECT a.id, a.text FROM articles a WHERE a.id IN (SELECT article_id FROM new)
)
{ROWS} FROM new m JOIN texts a ON a.id = m.article_id
"""
# Mentions re-pointed by fusion (their report moved to another event, ``_ew_assign``): their rows
# follow, in the same transaction.
REPOINT = f"""
WITH c AS MATERIALIZED (  -- first: a plain UPDATE ... FROM planned a cross join of the index
    SELECT m.id, a.event_id FROM mentions m JOIN _ew_assign a ON m.report_id = a.report_id
)
UPDATE {TABLE} SET event_id = c.event_id, event_key = hash(c.event_id)
FROM c WHERE {TABLE}.id = c.id AND {TABLE}.event_id <> c.event_id
"""


def build(con: duckdb.DuckDBPyConnection) -> int:
    """Index every stored mention (a new table, or one of an older schema); returns the rows.
    The caller holds the transaction."""
    con.execute(DDL)
    con.execute(f"DELETE FROM {TABLE}")
    row = con.execute(
        f"INSERT INTO {TABLE} {ROWS} FROM mentions m JOIN articles a ON a.id = m.article_id"
    ).fetchall()
    return int(row[0][0]) if row else 0


def fallback_view() -> str:
    """A view with the index's rows computed from ``mentions`` and ``articles`` at query time
    (for a Parquet folder: the same answers as the stored index, read by a scan)."""
    return (
        f"CREATE VIEW {TABLE} AS {ROWS} FROM mentions m JOIN articles a ON a.id = m.article_id"
    )


def query_tokens(words: Sequence[str]) -> list[str]:
    """The words of a query as the index reads words: runs of letters, marks and digits (so
    "al-Assad," gives "al" and "assad"), distinct, in order. Lower-casing is left to DuckDB, as
    for the index."""
    out: list[str] = []
    for word in words:
        current: list[str] = []
        for ch in [*word, " "]:
            if unicodedata.category(ch)[0] in "LMN":
                current.append(ch)
            elif current:
                token = "".join(current)
                if token not in out:
                    out.append(token)
                current = []
    return out


def words_clause(tokens: Sequence[str], kept_ids: str | None) -> str:
    """A condition on ``events.id``: some mention's sentence has a word beginning with each of
    ``tokens`` (one ``?`` each, after any parameters of ``kept_ids``).

    ``kept_ids`` (SQL selecting the ids of the events the other filters keep) narrows the index
    to those events' rows first, by the integer ``event_key``; only their ``words`` are then
    searched (``OFFSET 0`` keeps DuckDB from pushing the search down into the scan of every row).
    Without it, every row's ``words`` are searched. A hash collision could only add an event that
    the other filters drop anyway: the caller keeps them, so the answer stays exact."""
    found = " AND ".join("contains(w.words, ' ' || lower(?))" for _ in tokens)
    if kept_ids is None:
        return f"id IN (SELECT w.event_id FROM {TABLE} w WHERE {found})"
    return (
        f"id IN (SELECT w.event_id FROM (SELECT event_id, words FROM {TABLE} "
        f"WHERE event_key IN (SELECT hash(id) FROM ({kept_ids})) OFFSET 0) w WHERE {found})"
    )
