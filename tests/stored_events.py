"""A small database of real records for the export and `eventwire.open` tests.

Two reports of one air strike (one with a URL and an outlet, one a local file with neither), a
visit, a protest dated only to a month, an airspace violation over a weekend, and a negated
attack; casualties and ACLED categories are filled as the store's contract says (``Count`` on
mentions and events). Everything is written through the real ``Store``. The texts are written
for these tests.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eventwire.records import Actor, Article, Count, DateRange, Event, Mention, Place, Span
from eventwire.store import Store

TEXT1 = (
    "Russian Air Force strikes hit Hama.\n\n"
    "Russian jets struck a market in Hama on Saturday, killing dozens of civilians. "
    "Turkey said Russian jets violated its airspace at the weekend.\n"
    "Merkel visited Ankara on Monday. Protesters rallied in Berlin this month."
)
TEXT2 = "Officials said Russian jets struck a market in Hama, killing at least 40 people and injuring 70."

A1 = Article(
    "art1", TEXT1, title="Russian Air Force strikes hit Hama.", published=date(2015, 10, 5),
    source="Reuters", url="https://www.example.org/syria/1", input_ref="feed.xml#1",
)
A2 = Article("art2", TEXT2, published=date(2015, 10, 7), input_ref="notes/b2.txt")

RUSMIL = Actor("Russian jets", country="RUS", sector="MIL", code="RUSMIL")
SYRCVL = Actor("civilians", country="SYR", sector="CVL", code="SYRCVL")
TURGOV = Actor("Turkey", country="TUR", sector="GOV", code="TURGOV")
MERKEL = Actor("Merkel", country="DEU", sector="GOV", code="DEUGOV")
PROTESTERS = Actor("Protesters", country="DEU", sector="OPP", code="DEUOPP")
NATO = Actor("NATO", org="NATO", code="IGOWSTNAT")

HAMA = Place("Hama", 170017, 35.13179, 36.75783, country="SYR", admin1="Hama", feature="P.PPLA")
ANKARA = Place("Ankara", 323786, 39.91987, 32.85427, country="TUR", admin1="Ankara",
               feature="P.PPLC")
BERLIN = Place("Berlin", 2950159, 52.52437, 13.41053, country="DEU", admin1="Berlin",
               feature="P.PPLC")


def span(text: str, part: str, followed_by: str = "") -> Span:
    """The first ``part`` (that ``followed_by`` follows) in ``text``."""
    i = text.index(part + followed_by)
    return Span(i, i + len(part))


def sentence(text: str, part: str) -> Span:
    """The sentence holding ``part``: from after the previous '. ' or line break to its '.'."""
    i = text.index(part)
    dot, newline = text.rfind(". ", 0, i), text.rfind("\n", 0, i)
    start = max(dot + 2 if dot >= 0 else 0, newline + 1)
    return Span(start, text.index(".", i) + 1)


def mention(article: Article, trigger: str, cameo: str, plover: str, **fields: object) -> Mention:
    t = article.text
    return Mention(
        article_id=article.id, sentence=sentence(t, trigger), trigger=span(t, trigger),
        plover_type=plover, plover_mode=None, cameo_code=cameo, pattern="test", **fields,
    )  # type: ignore[arg-type]


M_STRIKE1 = mention(
    A1, "struck", "195", "ASSAULT", source_span=span(TEXT1, "Russian jets"),
    target_span=span(TEXT1, "civilians"), confidence=0.62,
    killed=Count(12, None, span(TEXT1, "dozens")),
)
M_STRIKE2 = mention(
    A2, "struck", "195", "ASSAULT", source_span=span(TEXT2, "Russian jets"), confidence=0.55,
    killed=Count(40, None, span(TEXT2, "at least 40")), injured=Count(70, 70, span(TEXT2, "70")),
)
M_VIOLATE = mention(A1, "violated", "1382", "COERCE", source_span=span(TEXT1, "Russian jets", " violated"),
                    confidence=0.4)
M_VISIT = mention(A1, "visited", "042", "CONSULT", source_span=span(TEXT1, "Merkel"),
                  target_span=span(TEXT1, "Ankara"), confidence=0.8)
M_RALLY = mention(A1, "rallied", "141", "PROTEST", source_span=span(TEXT1, "Protesters"),
                  confidence=0.7)
M_DENIED = mention(A1, "said", "190", "ASSAULT", modality="negated", confidence=0.3)


def event(eid: str, mentions: tuple[Mention, ...], plover: str, cameo: str, **fields: object) -> Event:
    violent = cameo.startswith("19")
    base: dict[str, object] = {
        "id": eid, "plover_type": plover, "plover_mode": None, "plover_context": None,
        "cameo_code": cameo, "cameo_name": f"name of {cameo}",
        "goldstein": -10.0 if violent else 1.0, "quad_class": 4 if violent else 1,
        "source": None, "target": None, "when": None, "places": (), "modality": "asserted",
        "mentions": mentions, "confidence": 0.5,
        "first_seen": date(2015, 10, 5), "last_seen": date(2015, 10, 5),
    }  # fmt: skip
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


E_STRIKE = event(
    "ev_strike", (M_STRIKE1, M_STRIKE2), "ASSAULT", "195", source=RUSMIL, target=SYRCVL,
    when=DateRange(date(2015, 10, 3), date(2015, 10, 3), "day"), places=(HAMA,), confidence=0.83,
    acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
    killed=Count(12, None), injured=Count(70, 70),
)
E_VIOLATE = event(
    "ev_violate", (M_VIOLATE,), "COERCE", "1382", source=RUSMIL, target=TURGOV,
    when=DateRange(date(2015, 10, 3), date(2015, 10, 4), "range"),
)
E_VISIT = event(
    "ev_visit", (M_VISIT,), "CONSULT", "042", source=MERKEL, target=TURGOV,
    when=DateRange(date(2015, 10, 5), date(2015, 10, 5), "day"), places=(ANKARA,),
    plover_mode="visit",
)
E_RALLY = event(
    "ev_rally", (M_RALLY,), "PROTEST", "141", source=PROTESTERS,
    when=DateRange(date(2015, 10, 1), date(2015, 10, 31), "month"), places=(BERLIN,),
    acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
)
E_DENIED = event(
    "ev_denied", (M_DENIED,), "ASSAULT", "190", source=TURGOV, target=RUSMIL, modality="negated",
    when=DateRange(date(2015, 10, 5), date(2015, 10, 5), "published"),
)
EVENTS = (E_STRIKE, E_VIOLATE, E_VISIT, E_RALLY, E_DENIED)


def write_sample(path: Path) -> Path:
    """Store the sample in a DuckDB file at ``path`` (through the real Store); returns it."""
    with Store.open(path) as store:
        store.write_batch([A1, A2], list(EVENTS), [])
        # The store names an event after its first-published report; the export tests read
        # better with the sample's names, so each stored event takes its sample's name.
        con = store.connection
        for e in EVENTS:
            row = con.execute("SELECT event_id FROM mentions WHERE id = ?", [e.mentions[0].id]).fetchone()
            for table in ("events", "mentions", "reports", "mention_words"):
                column = "id" if table == "events" else "event_id"
                con.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [e.id, row[0]])
        con.execute("UPDATE mention_words SET event_key = hash(event_id)")  # the word index
    return path


def as_spark_output(db: Path, folder: Path) -> Path:
    """The layout `run --engine spark --out DIR` writes, made with DuckDB from the file ``db``:
    events partitioned by ``day=`` (hive style), the other tables flat, no failures file."""
    with Store.open(db, read_only=True) as store:
        con = store.connection
        (folder / "failures").mkdir(parents=True)
        con.execute(
            "COPY (SELECT *, coalesce(strftime(date_start, '%Y-%m-%d'), 'unknown') AS day "
            f"FROM events) TO '{folder / 'events'}' (FORMAT parquet, PARTITION_BY (day))"
        )
        for name in ("mentions", "articles"):
            (folder / name).mkdir()
            con.execute(f"COPY {name} TO '{folder / name / 'part-0.parquet'}' (FORMAT parquet)")
    return folder
