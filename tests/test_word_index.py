"""The word index of evidence sentences (``store/word_index.py``) on real DuckDB files: what ``q``
matches, that the index stays in step with the mentions (fusion, a kill mid-write, an old
database upgraded), and that a Parquet folder, which has no index, answers the same."""

from __future__ import annotations

import subprocess
import sys
import time
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from stored_events import as_spark_output

from eventwire.errors import StorageError
from eventwire.records import Actor, Article, Event, Mention, Place, Span
from eventwire.serve.app import create_app
from eventwire.store import Store, browse, word_index
from eventwire.store.queries import ORDERS, event_filters, order_by

RUSMIL = Actor("Russian jets", country="RUS", sector="MIL", code="RUSMIL")
REB = Actor("Rebels", country="SYR", sector="REB", code="SYRREB")
HAMA = Place("Hama", 170017, 35.13, 36.75, country="SYR", admin1="Hama", feature="P.PPLA")
HOMS = Place("Homs", 169577, 34.73, 36.71, country="SYR", admin1="Homs", feature="P.PPLA")

TEXT1 = (
    "Government AIRSTRIKES hit Aleppo's outskirts on Monday. "
    "Rebels' strikes on al-Bab killed 3 soldiers, officials said. "
    "Talks with Moscow resumed on Tuesday. Delegates met in Geneva. "
    "Russian jets struck targets near Hama and Homs."
)
TEXT2 = "Officials in Ankara said Russian jets struck near Hama at dawn."
A1 = Article("wa1", TEXT1, published=date(2016, 3, 2), source="Wire One")
A2 = Article("wa2", TEXT2, published=date(2016, 3, 1), source="Wire Two")


def _sentence(text: str, part: str) -> Span:
    i = text.index(part)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    return Span(start, text.index(".", i) + 1)


def _mention(article: Article, part: str, trigger: str, plover: str = "ASSAULT") -> Mention:
    t = article.text
    i = t.index(trigger, t.index(part))
    return Mention(article_id=article.id, sentence=_sentence(t, part),
                   trigger=Span(i, i + len(trigger)), plover_type=plover, plover_mode=None,
                   cameo_code="190" if plover == "ASSAULT" else "040", pattern="test")


def _event(eid: str, mentions: tuple[Mention, ...], plover: str = "ASSAULT", **fields) -> Event:
    base: dict[str, object] = {
        "id": eid, "plover_type": plover, "plover_mode": None, "plover_context": None,
        "cameo_code": "190" if plover == "ASSAULT" else "040", "cameo_name": "x",
        "goldstein": -10.0, "quad_class": 4, "source": None, "target": None, "when": None,
        "places": (), "modality": "asserted", "mentions": mentions, "confidence": 0.5,
    }  # fmt: skip
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


AIR = _event("e_air", (_mention(A1, "Government", "hit"),))
STRIKES = _event("e_strikes", (_mention(A1, "Rebels'", "killed"),), source=REB)
# one event told in two sentences: words of both never match together
TALKS = _event("e_talks", (_mention(A1, "Talks", "resumed", "CONSULT"),
                           _mention(A1, "Delegates", "met", "CONSULT")), plover="CONSULT")
JETS1 = _event("e_jets", (_mention(A1, "Russian jets", "struck"),), source=RUSMIL,
               places=(HAMA, HOMS))
# the same strike in an article published a day earlier: fused, and named after this report
JETS2 = _event("e_jets", (_mention(A2, "Officials", "struck"),), source=RUSMIL,
               places=(HAMA, HOMS))


def _ids(con, **filters) -> set[str]:
    where, params = event_filters(**filters)
    return {r[0] for r in con.execute(f"SELECT id FROM events WHERE {where}", params).fetchall()}


def _reference(con, words: list[str], **filters) -> set[str]:
    """What q means, the slow way in Python: some sentence of the event has, for each query
    word, a word that begins with it (words: runs of letters, marks and digits; any case)."""
    tokens = [t.lower() for t in word_index.query_tokens(words)]
    out = set()
    rows = con.execute(
        "SELECT m.event_id, substr(a.text, m.sentence_start + 1, m.sentence_end - m.sentence_start)"
        " FROM mentions m JOIN articles a ON a.id = m.article_id"
    ).fetchall()
    for event_id, sentence in rows:
        found = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in sentence.lower())
        if all(any(w.startswith(t) for w in found.split()) for t in tokens):
            out.add(event_id)
    return out & _ids(con, **filters) if tokens else _ids(con, **filters)


def _in_step(con) -> None:
    """The index holds one row per mention, with the mention's event and sentence words now."""
    stored = con.execute(
        "SELECT id, event_id, event_key, words FROM mention_words ORDER BY id").fetchall()
    fresh = con.execute(
        f"{word_index.ROWS} FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY m.id"
    ).fetchall()
    assert stored == fresh and stored


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "words.duckdb"
    with Store.open(path) as store:
        store.write_batch([A1], [AIR, STRIKES, TALKS, JETS1], [])
    return path


def _jets_id(con) -> str:
    return con.execute("SELECT event_id FROM mentions WHERE article_id = 'wa1' "
                       "AND sentence_start = ?", [TEXT1.index("Russian jets")]).fetchall()[0][0]


def test_q_matches_word_starts_in_one_sentence_any_case(db: Path):
    with Store.open(db, read_only=True) as store:
        con = store.connection
        _in_step(con)
        name = {
            con.execute("SELECT event_id FROM mentions WHERE sentence_start = ?",
                        [_sentence(TEXT1, part).start]).fetchall()[0][0]: label
            for part, label in (("Government", "air"), ("Rebels'", "strikes"),
                                ("Talks", "talks"), ("Russian jets", "jets"))
        }

        def q(*words: str, **filters) -> set[str]:
            found = _ids(con, words=list(words), **filters)
            assert found == _reference(con, list(words), **filters), words
            return {name[i] for i in found}

        assert q("strike") == {"strikes"}  # a word's start: not "airstrikes"
        assert q("STRIKES") == {"strikes"} and q("airstrike") == {"air"}  # any case
        assert q("aleppo") == {"air"} and q("Aleppo's") == {"air"}  # punctuation splits
        assert q("al-Bab") == {"strikes"} and q("bab,") == {"strikes"}
        assert q("3", "soldiers") == {"strikes"} and q("3", "Moscow") == set()
        assert q("talks", "moscow") == {"talks"}
        assert q("talks", "geneva") == set()  # two sentences of one event: not together
        assert q("ha") == {"jets"} and q("hama", "homs", "jets") == {"jets"}
        assert q("--") == q() == set(name.values())  # no word: no filter
        assert q("struck", source="RUS") == {"jets"} and q("struck", source="SYR") == set()
        assert q("officials", type="ASSAULT", actor="SYR") == {"strikes"}


@pytest.mark.parametrize("sort", ["date", "-confidence", "source"])
def test_counted_page_matches_the_filter_page_by_page(db: Path, sort: str):
    with Store.open(db, read_only=True) as store:
        con = store.connection
        for filters in ({"words": ["on"]}, {"words": ["on"], "types": ["ASSAULT"]},
                        {"words": ["s"], "modality": "asserted"}, {"types": ["ASSAULT"]},
                        {"modality": "asserted"}, {"words": ["nothing"], "types": ["CONSULT"]}):
            where, params = event_filters(**filters)
            expected = [r[0] for r in con.execute(
                f"SELECT id FROM events WHERE {where} ORDER BY {order_by(sort)}", params
            ).fetchall()]
            seen, after = [], None
            while True:
                rows, total = browse.counted_page(con, filters, after=after, limit=1, sort=sort)
                assert total == len(expected), filters
                if not rows:
                    break
                seen.append(rows[0]["id"])
                after = (sort, rows[0][ORDERS[sort][0]], rows[0]["id"])
            assert seen == expected, filters


def test_the_index_follows_mentions_through_fusion(db: Path):
    with Store.open(db) as store:
        con = store.connection
        before = _jets_id(con)
        assert store.write_batch([A2], [JETS2], []).mentions_added == 1
        after = _jets_id(con)
        assert after != before  # renamed after the earlier report: the old mention re-pointed
        _in_step(con)
        assert _ids(con, words=["hama", "dawn"]) == {after} == _ids(con, words=["targets"])
        assert store.write_batch([A2], [JETS2], []).mentions_added == 0  # again: nothing
        _in_step(con)


def test_an_old_database_is_upgraded_when_opened_for_writing(db: Path):
    with Store.open(db) as store:
        expected = _ids(store.connection, words=["struck"])
        store.connection.execute("DROP TABLE mention_words")  # what schema 3 was
        store.connection.execute("UPDATE eventwire_meta SET value = '3'")
    with pytest.raises(StorageError, match="schema version 3.*upgrade it once"):
        Store.open(db, read_only=True)
    with Store.open(db) as store:
        _in_step(store.connection)
    with Store.open(db, read_only=True) as store:
        assert _ids(store.connection, words=["struck"]) == expected
        assert store.connection.execute(
            "SELECT value FROM eventwire_meta WHERE key = 'schema_version'").fetchall() == [("4",)]


def test_a_parquet_folder_answers_q_like_the_database(db: Path, tmp_path: Path):
    folder = as_spark_output(db, tmp_path / "spark-out")
    with Store.open(db, read_only=True) as duck, Store.open(folder, read_only=True) as parquet:
        for words in (["strike"], ["talks", "moscow"], ["hama"], ["al-Bab"], ["zzz"]):
            for filters in ({}, {"modality": "asserted"}, {"types": ["ASSAULT"]}):
                assert _ids(parquet.connection, words=words, **filters) == _ids(
                    duck.connection, words=words, **filters), (words, filters)
                page = browse.counted_page(parquet.connection, {"words": words, **filters},
                                           limit=10)
                assert page == browse.counted_page(duck.connection, {"words": words, **filters},
                                                   limit=10)


def test_api_q_uses_the_index_and_refuses_what_is_not_a_word(db: Path):
    with TestClient(create_app(db)) as client:
        body = client.get("/api/events", params={"q": "Strike", "modality": "any"}).json()
        assert body["total"] == 1 and "strikes" in body["events"][0]["evidence"]
        for bad in ("%", "' OR 1=1", "(strike)", "a_b"):
            r = client.get("/api/events", params={"q": bad})
            assert r.status_code == 422 and "not a word" in r.text, bad
        assert "begin words" in client.get("/openapi.json").text


WRITER = """
import sys
from datetime import date
from eventwire.records import Article, Event, Mention, Span
from eventwire.store import Store
with Store.open(sys.argv[1]) as store:
    for b in range(10_000):
        arts, events = [], []
        for i in range(150):
            text = f"Fighters attacked post {b}-{i} near the river. Talks number {i} failed."
            a = Article(f"k{b}-{i}", text, published=date(2016, 1, 1 + i % 28))
            m = Mention(article_id=a.id, sentence=Span(0, text.index(".") + 1),
                        trigger=Span(9, 17), plover_type="ASSAULT", plover_mode=None,
                        cameo_code="190")
            arts.append(a)
            events.append(Event(f"k{b}-{i}", "ASSAULT", None, None, "190", "x", -10.0, 4,
                                None, None, None, (), "asserted", (m,), 0.5))
        store.write_batch(arts, events, [])
        print(b, flush=True)
"""


def test_a_kill_mid_write_never_leaves_the_index_out_of_step(tmp_path: Path):
    path = tmp_path / "killed.duckdb"
    for delay in (0.05, 0.13):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout is not None
        writer.stdout.readline()  # one batch stored: the next is being written
        time.sleep(delay)
        writer.kill()
        writer.wait()
    with Store.open(path) as store:
        con = store.connection
        _in_step(con)
        counts = store.counts()
        assert counts["mentions"] == counts["events"] == counts["articles"] > 0
        assert counts["mentions"] % 150 == 0  # whole batches only
        n = len(_ids(con, words=["attacked", "river"]))
        assert n == counts["events"] and not _ids(con, words=["talks", "attacked"])


def test_query_tokens_read_words_as_the_index_does():
    assert word_index.query_tokens(["al-Assad,", "U.S.", "नमस्ते", "x_y", "--", "al"]) == [
        "al", "Assad", "U", "S", "नमस्ते", "x", "y"]
    with Store.open(":memory:") as store:
        got = store.connection.execute(
            f"SELECT regexp_extract_all('al-Assad, U.S. नमस्ते x_y --', '{word_index.WORD_PATTERN}')"
        ).fetchall()[0][0]
    assert got == ["al", "Assad", "U", "S", "नमस्ते", "x", "y"]
