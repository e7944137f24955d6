"""The DuckDB store against a real database file in tmp_path: writes, idempotence, fusion by id,
queries, exports, bad files and atomic batches."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date

import duckdb
import pyarrow.parquet as pq
import pytest

from eventwire.errors import ConfigError, StorageError
from eventwire.records import (
    Actor,
    Article,
    DateRange,
    Event,
    Failure,
    Mention,
    Place,
    Span,
    stable_id,
)
from eventwire.store import Store, WriteCounts

RUS = Actor("Russia", country="RUS", sector="GOV", code="RUSGOV")
RUSMIL = Actor("Russian jets", country="RUS", sector="MIL", code="RUSMIL")
NATO = Actor("NATO", org="NATO", code="IGOWSTNAT")
TUR = Actor("Turkey", country="TUR", sector="GOV", code="TURGOV")
HAMA = Place("Hama", 170017, 35.13, 36.75, country="SYR", admin1="Hama", feature="P.PPLA")
HOMS = Place("Homs", 169577, 34.73, 36.71, country="SYR", admin1="Homs", feature="P.PPLA")

TEXT1 = (
    "NATO urged Russia to cease attacks on the Syrian opposition. "
    "Russian jets struck targets near Hama and Homs on Saturday. "
    "Turkey said Russia violated its airspace."
)
TEXT2 = "🙂 Café report: Russian jets struck targets near Hama and Homs, officials said."
TEXT3 = "Russian jets struck targets near Hama and Homs at the weekend, Reuters reported."

A1 = Article(
    "a1",
    TEXT1,
    title="NATO and Russia",
    published=date(2015, 10, 5),
    source="Reuters",
    url="https://example.org/1",
    input_ref="seed.txt",
)
A2 = Article("a2", TEXT2, published=date(2015, 10, 6), source=None, input_ref="b.txt")
A3 = Article("a3", TEXT3, published=date(2015, 10, 7), source="Reuters", input_ref="c.txt")


def span(text: str, part: str, start: int = 0) -> Span:
    i = text.index(part, start)
    return Span(i, i + len(part))


def sentence_of(text: str, part: str) -> Span:
    i = text.index(part)
    s = text.rfind(". ", 0, i)
    s = 0 if s < 0 else s + 2
    e = text.find(".", i)
    return Span(s, e + 1)


def mention(
    article: Article,
    trigger: str,
    *,
    cameo: str,
    plover: str,
    confidence: float = 0.5,
    modality: str = "asserted",
    source: str | None = None,
    places: tuple[str, ...] = (),
    attribution: Actor | None = None,
) -> Mention:
    t = article.text
    return Mention(
        article_id=article.id,
        sentence=sentence_of(t, trigger),
        trigger=span(t, trigger),
        plover_type=plover,
        plover_mode=None,
        cameo_code=cameo,
        source_span=span(t, source) if source else None,
        place_spans=tuple(span(t, p) for p in places),
        modality=modality,
        attribution=attribution,
        confidence=confidence,
        pattern="test",
    )


def event(
    eid: str,
    mentions: tuple[Mention, ...],
    *,
    plover: str,
    cameo: str,
    source: Actor,
    target: Actor | None,
    when: DateRange | None,
    places: tuple[Place, ...] = (),
    modality: str = "asserted",
    confidence: float = 0.5,
) -> Event:
    return Event(
        id=eid,
        plover_type=plover,
        plover_mode=None,
        plover_context=None,
        cameo_code=cameo,
        cameo_name=f"name of {cameo}",
        goldstein=-10.0 if cameo.startswith("19") else -2.0,
        quad_class=4 if cameo.startswith("19") else 3,
        source=source,
        target=target,
        when=when,
        places=places,
        modality=modality,
        mentions=mentions,
        confidence=confidence,
        first_seen=date(2015, 10, 5),
        last_seen=date(2015, 10, 5),
    )


M_REQ = mention(
    A1, "urged", cameo="0233", plover="REQUEST", confidence=0.7, source="NATO", modality="requested"
)
M_STRIKE1 = mention(
    A1,
    "struck",
    cameo="195",
    plover="ASSAULT",
    confidence=0.6,
    source="Russian jets",
    places=("Hama", "Homs"),
)
M_VIOL = mention(
    A1, "violated", cameo="1382", plover="COERCE", confidence=0.4, attribution=TUR, source="Russia"
)
M_STRIKE2 = mention(
    A2, "struck", cameo="195", plover="ASSAULT", confidence=0.5, places=("Hama", "Homs")
)
M_STRIKE3 = mention(A3, "struck", cameo="195", plover="ASSAULT", confidence=0.5)

E_REQ = event(
    "e_req",
    (M_REQ,),
    plover="REQUEST",
    cameo="0233",
    source=NATO,
    target=RUS,
    when=DateRange(date(2015, 10, 5), date(2015, 10, 5)),
    modality="requested",
    confidence=0.7,
)
E_STRIKE = event(
    "e_strike",
    (M_STRIKE1,),
    plover="ASSAULT",
    cameo="195",
    source=RUSMIL,
    target=None,
    when=DateRange(date(2015, 10, 3), date(2015, 10, 3)),
    places=(HAMA, HOMS),
    confidence=0.6,
)
E_VIOL = event(
    "e_viol",
    (M_VIOL,),
    plover="COERCE",
    cameo="1382",
    source=RUS,
    target=TUR,
    when=DateRange(date(2015, 10, 3), date(2015, 10, 4), "range"),
    confidence=0.4,
)

ZERO = WriteCounts(0, 0, 0, 0)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "sub" / "events.duckdb"


@pytest.fixture
def store(db_path):
    with Store.open(db_path) as s:
        s.write_batch([A1], [E_REQ, E_STRIKE, E_VIOL], [Failure("bad.bin", "ingest", "binary")])
        yield s


def test_write_then_rewrite_adds_nothing(db_path):
    with Store.open(db_path) as s:
        assert s.counts() == {"articles": 0, "events": 0, "mentions": 0, "failures": 0}
        batch = ([A1], [E_REQ, E_STRIKE, E_VIOL], [Failure("bad.bin", "ingest", "binary")])
        assert s.write_batch(*batch) == WriteCounts(1, 3, 3, 1)
        assert s.write_batch(*batch) == ZERO
        assert s.counts() == {"articles": 1, "events": 3, "mentions": 3, "failures": 1}
    with Store.open(db_path, read_only=True) as s:  # reopened: the data persisted
        assert s.counts()["events"] == 3
        assert s.has_article("a1") and not s.has_article("zz")
        assert s.known_article_ids(["a1", "a2", "a1"]) == {"a1"}
        assert s.known_article_ids([]) == set()


def test_failures_keyed_by_input_and_stage(store):
    again = [
        Failure("bad.bin", "ingest", "other reason"),
        Failure("bad.bin", "extract", "x"),
        Failure("bad.bin", "extract", "dup in batch"),
    ]
    assert store.write_batch([], [], again).failures_added == 1
    assert store.counts()["failures"] == 2
    stamp = store.connection.execute("SELECT typeof(first_seen) FROM failures").fetchall()
    assert set(stamp) == {("TIMESTAMP",)}


def test_cross_article_merge_recomputes_counts(store):
    e2 = event(
        "e_strike",
        (M_STRIKE2,),
        plover="ASSAULT",
        cameo="195",
        source=RUSMIL,
        target=None,
        when=None,
        places=(HAMA, HOMS),  # the same places: reports of one strike (fuse_clusters)
        confidence=0.5,
    )
    assert store.write_batch([A2], [e2], []) == WriteCounts(1, 0, 1, 0)
    row = store.query_events(type="ASSAULT")[0]
    assert row["n_articles"] == 2 and row["n_mentions"] == 2
    assert row["n_sources"] == 2  # Reuters + an article without a source
    assert (row["first_seen"], row["last_seen"]) == (date(2015, 10, 5), date(2015, 10, 6))
    assert row["confidence"] == pytest.approx(1 - 0.4 * 0.5)
    assert row["places"][0]["name"] == "Hama"  # the stored event keeps its own attributes
    # A third article from a source already counted: one more article, no more sources.
    e3 = event(
        "e_strike",
        (M_STRIKE3,),
        plover="ASSAULT",
        cameo="195",
        source=RUSMIL,
        target=None,
        when=None,
        places=(HAMA, HOMS),
    )
    assert store.write_batch([A3], [e3], []) == WriteCounts(1, 0, 1, 0)
    row = store.query_events(type="ASSAULT")[0]
    assert (row["n_articles"], row["n_sources"], row["n_mentions"]) == (3, 2, 3)
    assert row["last_seen"] == date(2015, 10, 7)
    assert row["confidence"] == pytest.approx(1 - 0.4 * 0.5 * 0.5)
    assert store.write_batch([A3], [e3], []) == ZERO


def test_same_event_twice_in_one_batch_is_fused(db_path):
    e1 = event(
        "e_strike",
        (M_STRIKE1,),
        plover="ASSAULT",
        cameo="195",
        source=RUSMIL,
        target=None,
        when=None,
        places=(HAMA, HOMS),
        confidence=0.6,
    )
    e2 = event(
        "e_strike",
        (M_STRIKE2, M_STRIKE1),
        plover="ASSAULT",
        cameo="195",
        source=RUSMIL,
        target=None,
        when=None,
        places=(HAMA, HOMS),
    )
    with Store.open(db_path) as s:
        assert s.write_batch([A1, A2, A1], [e1, e2], []) == WriteCounts(2, 1, 2, 0)
        row = s.query_events()[0]
        assert (row["n_articles"], row["n_sources"], row["n_mentions"]) == (2, 2, 2)
        # one report per article (a1's, from e1: 0.6; a2's: 0.5), combined by noisy-OR
        assert row["confidence"] == pytest.approx(1 - 0.4 * 0.5)


# A stored event takes its founding report's id: the act's key with its article (fuse_clusters).
STORED = {stable_id(key, "a1"): key for key in ("e_strike", "e_viol", "e_req")}


def ids(rows: list[dict]) -> list[str]:
    return [STORED.get(r["id"], r["id"]) for r in rows]


def test_query_filters(store):
    # Ordered by date_start, then id.
    assert ids(store.query_events()) == ["e_strike", "e_viol", "e_req"]
    assert ids(store.query_events(actor="nato")) == ["e_req"]  # org, case-insensitive
    assert ids(store.query_events(actor="TUR")) == ["e_viol"]  # target country
    assert ids(store.query_events(actor="rusmil")) == ["e_strike"]  # CAMEO code prefix
    assert ids(store.query_events(actor="RUS")) == ["e_strike", "e_viol", "e_req"]
    assert ids(store.query_events(type="assault")) == ["e_strike"]
    assert ids(store.query_events(type="13")) == ["e_viol"]  # CAMEO prefix
    assert ids(store.query_events(type="19")) == ["e_strike"]
    assert ids(store.query_events(since=date(2015, 10, 4))) == ["e_viol", "e_req"]  # overlap
    assert ids(store.query_events(until=date(2015, 10, 3))) == ["e_strike", "e_viol"]
    assert ids(store.query_events(since=date(2015, 10, 4), until=date(2015, 10, 4))) == ["e_viol"]
    assert ids(store.query_events(modality="requested")) == ["e_req"]
    assert ids(store.query_events(actor="RUS", modality="asserted", limit=1)) == ["e_strike"]
    assert store.query_events(limit=0) == []
    assert store.query_events(actor="FRA") == []


def test_query_row_contents(store):
    row = store.query_events(type="ASSAULT")[0]
    assert row["evidence"] == "Russian jets struck targets near Hama and Homs on Saturday."
    assert row["article_id"] == "a1" and row["n_mentions"] == 1
    assert row["date_start"] == date(2015, 10, 3) and row["date_precision"] == "day"
    assert row["source_code"] == "RUSMIL" and row["target_code"] is None
    source = [row[f"source_{f}"] for f in ("text", "country", "org", "sector", "code")]
    assert source == ["Russian jets", "RUS", None, "MIL", "RUSMIL"]
    assert (row["plover_type"], row["cameo_code"], row["cameo_name"]) == (
        "ASSAULT",
        "195",
        "name of 195",
    )
    assert (row["modality"], row["confidence"], row["n_sources"]) == ("asserted", 0.6, 1)
    assert (row["lat"], row["lon"]) == (35.13, 36.75)
    assert [p["name"] for p in row["places"]] == ["Hama", "Homs"]
    assert row["places"][1]["geonameid"] == 169577
    assert row["quad_class"] == 4 and row["goldstein"] == -10.0
    viol = store.query_events(type="COERCE")[0]
    assert viol["places"] == [] and viol["lat"] is None and viol["date_precision"] == "range"


def test_spans_slice_article_text_exactly(db_path):
    """Offsets are Python code points; DuckDB substr must agree, even after an emoji."""
    e2 = event(
        "e2", (M_STRIKE2,), plover="ASSAULT", cameo="195", source=RUSMIL, target=None, when=None
    )
    with Store.open(db_path) as s:
        s.write_batch([A2], [e2], [])
        row = s.query_events()[0]
        assert row["evidence"] == M_STRIKE2.sentence.of(TEXT2)
        got = s.connection.execute(
            "SELECT substr(a.text, m.trigger_start + 1, m.trigger_end - m.trigger_start), "
            "[substr(a.text, p.start + 1, p['end'] - p.start) for p in m.place_spans] "
            "FROM mentions m JOIN articles a ON a.id = m.article_id"
        ).fetchall()
        assert got == [("struck", ["Hama", "Homs"])]


def test_export_jsonl(store, tmp_path):
    out = tmp_path / "deep" / "dir" / "events.jsonl"
    assert store.export("jsonl", out) == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids(lines) == ["e_strike", "e_viol", "e_req"]
    strike = lines[0]
    assert strike["date_start"] == "2015-10-03"
    assert [p["name"] for p in strike["places"]] == ["Hama", "Homs"]
    assert strike["n_mentions"] == 1
    m = strike["mentions"][0]
    assert m["evidence"] == "Russian jets struck targets near Hama and Homs on Saturday."
    assert m["place_spans"][0] == {"start": TEXT1.index("Hama"), "end": TEXT1.index("Hama") + 4}
    assert lines[1]["mentions"][0]["attribution_country"] == "TUR"
    assert (m["modality"], m["sentence_kind"], m["pattern"]) == ("asserted", "body", "test")
    assert (m["plover_type"], m["cameo_code"], m["confidence"]) == ("ASSAULT", "195", 0.6)
    trig = TEXT1.index("struck")
    assert (m["trigger_start"], m["trigger_end"], m["time_start"]) == (trig, trig + 6, None)
    assert (m["source_start"], m["source_end"]) == (trig - 13, trig - 1)


def test_export_csv(store, tmp_path):
    out = tmp_path / "events.csv"
    assert store.export("CSV", out) == 3
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {"id", "plover_type", "cameo_code", "places", "evidence", "n_mentions"} <= set(rows[0])
    assert rows[0]["places"] == "Hama (35.1300,36.7500); Homs (34.7300,36.7100)"
    assert rows[1]["places"] == ""
    assert rows[2]["evidence"].startswith("NATO urged Russia")


def test_export_parquet(store, tmp_path):
    out = tmp_path / "events.parquet"
    assert store.export("parquet", out) == 3
    table = pq.read_table(out)
    assert table.num_rows == 3 and "places" in table.column_names
    n = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchall()
    assert n == [(3,)]


def test_export_unknown_format(store, tmp_path):
    with pytest.raises(ConfigError, match="unknown export format"):
        store.export("xml", tmp_path / "x.xml")


def test_not_a_duckdb_file(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StorageError, match="not a DuckDB database"):
        Store.open(bad)
    with pytest.raises(StorageError, match="no such database"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StorageError, match="not an eventwire database"):
        Store.open(other, read_only=True)


def test_read_only_refuses_writes(store, db_path):
    store.close()
    store.close()  # harmless
    with Store.open(db_path, read_only=True) as ro, pytest.raises(StorageError, match="read-only"):
        ro.write_batch([A2], [], [])
    with pytest.raises(StorageError, match="closed"):
        store.counts()


HOLD_OPEN = (
    "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
    "sys.stdin.read()"
)


def test_locked_by_another_process(db_path):
    Store.open(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StorageError, match="in use by another process"):
            Store.open(db_path)
    finally:
        holder.communicate(input="")


def test_failed_batch_leaves_database_unchanged(store):
    before = store.counts()
    # The article insert succeeds, then a mention pointing at an unstored article aborts.
    orphan = event(
        "e_orphan",
        (M_STRIKE3,),
        plover="ASSAULT",
        cameo="195",
        source=RUSMIL,
        target=None,
        when=None,
    )
    with pytest.raises(StorageError, match=r"articles not stored .*: a3"):
        store.write_batch([A2], [orphan], [Failure("x", "ingest", "y")])
    assert store.counts() == before
    # Articles, failures and mentions check pass; the events insert then violates NOT NULL.
    no_code = event(
        "e_bad", (M_STRIKE2,), plover="ASSAULT", cameo="195", source=RUSMIL, target=None, when=None
    )
    no_code = Event(**{**{f: getattr(no_code, f) for f in Event.__slots__}, "cameo_code": None})
    with pytest.raises(StorageError, match="cannot write batch"):
        store.write_batch([A2], [no_code], [Failure("x", "ingest", "y")])
    assert store.counts() == before
    # A value of the wrong type is refused before anything is written, naming the column.
    bad_type = Event(**{**{f: getattr(E_REQ, f) for f in Event.__slots__}, "goldstein": "high"})
    with pytest.raises(StorageError, match=r"events\.goldstein"):
        store.write_batch([A2], [bad_type], [])
    assert store.counts() == before
    # The store still works after the failures.
    assert store.write_batch([A2], [], []).articles_added == 1


def test_text_that_is_not_unicode_is_a_clear_error(store):
    """A lone surrogate (undecodable bytes kept by surrogateescape) cannot go into DuckDB."""
    broken = Article("bad", "caf\udce9 bombing", input_ref="x.txt")
    with pytest.raises(StorageError, match=r"articles\.text"):
        store.write_batch([broken], [], [])
    assert store.counts()["articles"] == 1


def _as_spark_output(store: Store, folder) -> None:
    """The layout `run --engine spark --out DIR` writes, made here with DuckDB: events
    partitioned by `day=` (hive style), the other tables flat; no failures file at all."""
    con = store.connection
    (folder / "failures").mkdir(parents=True)
    con.execute(
        "COPY (SELECT *, coalesce(strftime(date_start, '%Y-%m-%d'), 'unknown') AS day FROM events) "
        f"TO '{folder / 'events'}' (FORMAT parquet, PARTITION_BY (day))"
    )
    for name in ("mentions", "articles"):
        (folder / name).mkdir()
        con.execute(f"COPY {name} TO '{folder / name / 'part-0.parquet'}' (FORMAT parquet)")


def test_parquet_folder_reads_like_the_database(store, tmp_path):
    folder = tmp_path / "spark-out"
    _as_spark_output(store, folder)
    assert min(p.name for p in (folder / "events").iterdir()).startswith("day=2015-10-0")
    with Store.open(folder, read_only=True) as parquet:
        assert parquet.counts() == {"articles": 1, "events": 3, "mentions": 3, "failures": 0}
        for query in ({}, {"actor": "RUS", "modality": "asserted"}, {"type": "13"},
                      {"since": date(2015, 10, 4)}, {"limit": 1}):
            assert parquet.query_events(**query) == store.query_events(**query), query
        for fmt in ("jsonl", "csv"):
            parquet.export(fmt, tmp_path / f"p.{fmt}")
            store.export(fmt, tmp_path / f"d.{fmt}")
            assert (tmp_path / f"p.{fmt}").read_text() == (tmp_path / f"d.{fmt}").read_text()
    with pytest.raises(StorageError, match="read-only"):
        Store.open(folder)
    with pytest.raises(StorageError, match="not an eventwire Parquet output"):
        Store.open(tmp_path, read_only=True)
