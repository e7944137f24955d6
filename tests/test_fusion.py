"""Fusion across articles (fuse_clusters.py): the pairwise rule, the rule that stops chaining,
ids and aliases, casualties and ACLED categories of fused events, and a store that gives the same
events and ids whatever the order and the batches of its input (real DuckDB files, and a real run
of the pipeline on a small corpus)."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.fusion.clusters import Report, cluster, compatible, fuse_reports
from eventwire.records import Actor, Article, Count, DateRange, Event, Mention, Place, Span
from eventwire.store import Store, WriteCounts

RUS = Actor("Russian jets", country="RUS", sector="MIL", code="RUSMIL")
TUR = Actor("Turkey", country="TUR", sector="GOV", code="TURGOV")
SYR = Actor("Syrian rebels", country="SYR", sector="REB", code="SYRREB")
ALEPPO = Place("Aleppo", 170063, 36.20, 37.16, country="SYR", admin1="Aleppo", precision="city")
NEAR_ALEPPO = Place("Anadan", 173000, 36.29, 37.04, country="SYR", admin1="Aleppo")
HOMS = Place("Homs", 169577, 34.73, 36.71, country="SYR", admin1="Homs", precision="city")
SYRIA = Place("Syria", 163843, 35.0, 38.0, country="SYR", precision="country")
MOSCOW_DATELINE = Place("Moscow", 524901, 55.75, 37.62, country="RUS", precision="dateline")


def day(d: int, month: int = 10) -> DateRange:
    return DateRange(date(2015, month, d), date(2015, month, d), "day")


def published(d: int) -> DateRange:
    return DateRange(date(2015, 10, d), date(2015, 10, d), "published")


def event(
    key: str,
    article: str,
    *,
    plover: str = "ASSAULT",
    source: Actor | None = RUS,
    target: Actor | None = SYR,
    when: DateRange | None = None,
    places: tuple[Place, ...] = (),
    confidence: float = 0.5,
    killed: Count | None = None,
    cameo: str = "195",
) -> Event:
    mention = Mention(
        article_id=article,
        sentence=Span(0, 10),
        trigger=Span(0, 5),
        plover_type=plover,
        plover_mode=None,
        cameo_code=cameo,
        source=source,
        target=target,
        when=when,
        places=places,
        confidence=confidence,
        killed=killed,
    )
    return Event(
        id=key,
        plover_type=plover,
        plover_mode=None,
        plover_context=None,
        cameo_code=cameo,
        cameo_name="name",
        goldstein=-10.0,
        quad_class=4,
        source=source,
        target=target,
        when=when,
        places=places,
        modality="asserted",
        mentions=(mention,),
        confidence=confidence,
        killed=killed,
    )


def report(key: str, article: str, pub: int = 5, **kw: object) -> Report:
    return Report(event(key, article, **kw), article, date(2015, 10, pub), f"src-{article}")


# -- the pairwise rule --------------------------------------------------------------------------


def test_same_act_from_two_outlets_is_one_event() -> None:
    a = report("k1", "a", when=day(3), places=(ALEPPO,))
    b = report("k2", "b", when=DateRange(date(2015, 10, 3), date(2015, 10, 4), "range"))
    c = report("k3", "c", pub=5, when=published(5), places=(NEAR_ALEPPO,))
    assert compatible(a, b) and compatible(a, c) and compatible(b, c)
    (fused,) = fuse_reports([c, b, a])
    assert fused.n_articles == 3 and fused.n_sources == 3
    assert fused.when == day(3)  # the most precise date reported
    assert {p.name for p in fused.places} == {"Aleppo", "Anadan"}


def test_what_differs_stays_apart() -> None:
    base = report("k1", "a", when=day(3), places=(ALEPPO,))
    assert not compatible(base, report("k1", "a", when=day(3)))  # one article tells two acts
    assert not compatible(base, report("k2", "b", when=day(3), target=TUR))  # another target
    assert not compatible(base, report("k2", "b", when=day(3), plover="ACCUSE"))
    assert not compatible(base, report("k2", "b", when=day(3), places=(HOMS,)))  # 150 km away
    assert not compatible(base, report("k2", "b", when=day(3, month=12)))  # months apart
    assert not compatible(base, report("k2", "b", when=day(5)))  # two days apart
    # an unknown side is compatible with a known one, a place inside the country too
    assert compatible(base, report("k2", "b", when=day(4), target=None, places=(SYRIA,)))
    # but some side must be known and shared
    assert not compatible(
        report("k1", "a", source=None, when=day(3)), report("k2", "b", target=None, when=day(3))
    )
    # a year is too vague to tell one strike from another
    vague = DateRange(date(2015, 1, 1), date(2015, 12, 31), "year")
    assert not compatible(base, report("k2", "b", when=vague))


def test_publication_date_means_on_or_a_few_days_before() -> None:
    told = report("k1", "a", pub=6, when=published(6))  # no date in the text: 3-6 October
    assert compatible(told, report("k2", "b", when=day(3)))
    assert not compatible(told, report("k2", "b", when=day(1)))
    assert not compatible(told, report("k2", "b", when=day(8)))  # after publication (+1 slack)
    # an article without any date fits a dated report, never another undated one
    undated = Report(event("k3", "c"), "c", None, None)
    assert compatible(undated, report("k2", "b", when=day(3)))
    assert not compatible(undated, Report(event("k4", "d"), "d", None, None))


def test_dateline_is_no_place_of_the_act() -> None:
    a = report("k1", "a", when=day(3), places=(MOSCOW_DATELINE,))
    assert compatible(a, report("k2", "b", when=day(3), places=(ALEPPO,)))


def test_domestic_dyads_need_a_shared_name() -> None:
    usa = lambda text: Actor(text, country="USA", sector="GOV", code="USAGOV")
    a = report("k1", "a", plover="ACCUSE", source=usa("Republicans"), target=usa("Democratic"),
               when=published(5))
    b = report("k2", "b", plover="ACCUSE", source=usa("Congressional Democrats"),
               target=usa("Republican"), when=published(5))
    c = report("k3", "c", plover="ACCUSE", source=usa("A grand jury"),
               target=usa("Paul Manafort"), when=day(3))
    d = report("k4", "d", plover="ACCUSE", source=usa("U.S. prosecutors"),
               target=usa("Trump's former campaign manager Paul Manafort"), when=day(4))
    assert not compatible(a, b)
    assert compatible(c, d)
    # each must be anchored: dated in its own words, or its article's headline act
    undated = replace(d, event=replace(d.event, when=published(5)))
    assert not compatible(c, undated)
    assert compatible(c, replace(undated, headline=True))
    # party and institution words name no one in particular
    e = report("k5", "e", plover="ACCUSE", source=usa("Senate Republicans"),
               target=usa("the FBI"), when=day(3))
    f = report("k6", "f", plover="ACCUSE", source=usa("House Republicans"),
               target=usa("the Senate bill"), when=day(3))
    assert not compatible(e, f)


def test_meetings_are_symmetric() -> None:
    a = report("k1", "a", plover="CONSULT", source=TUR, target=RUS, when=day(3))
    b = report("k2", "b", plover="CONSULT", source=RUS, target=TUR, when=day(3))
    assert compatible(a, b)
    assert not compatible(
        report("k1", "a", source=TUR, target=RUS, when=day(3)),
        report("k2", "b", source=RUS, target=TUR, when=day(3)),
    )


def test_release_is_concede_or_retreat() -> None:
    a = report("k1", "a", plover="CONCEDE", source=SYR, target=TUR, when=day(3))
    b = report("k2", "b", plover="RETREAT", source=SYR, target=TUR, when=day(3))
    assert compatible(a, b)


def test_chaining_stops_every_report_fits_every_other() -> None:
    # A (target unknown) fits B (-> Syria) and C (-> Turkey); B and C do not fit each other.
    a = report("ka", "a", target=None, when=day(3))
    b = report("kb", "b", when=day(3))
    c = report("kc", "c", target=TUR, when=day(3))
    assert compatible(a, b) and compatible(a, c) and not compatible(b, c)
    groups = cluster([a, b, c])
    assert len(groups) == 2
    for group in groups:
        assert all(compatible(x, y) for x in group for y in group if x is not y)


def test_clusters_do_not_depend_on_input_order() -> None:
    rng = random.Random(3)
    reports = [
        report(f"k{i}", f"art{i}", pub=4 + i % 3, when=day(1 + i % 5),
               target=[SYR, TUR, None][i % 3],
               places=[(), (ALEPPO,), (HOMS,)][i % 3 if i % 2 else 0])
        for i in range(30)
    ]
    want = [sorted(r.id for r in g) for g in cluster(reports)]
    for _ in range(5):
        rng.shuffle(reports)
        assert [sorted(r.id for r in g) for g in cluster(reports)] == want


def test_fused_event_takes_casualty_range_and_acled_category() -> None:
    a = report("k1", "a", when=day(3), killed=Count(12, 24), cameo="195")
    b = report("k2", "b", when=day(3), killed=Count(20, 20))
    (fused,) = fuse_reports([a, b])
    assert fused.killed == Count(12, 24, None)
    c = report("k3", "c", when=day(3), killed=Count(43, None))  # "at least 43": no upper bound
    (fused,) = fuse_reports([a, b, c])
    assert fused.killed == Count(12, None, None)
    assert (fused.acled_event_type, fused.acled_sub_event_type) == (None, None)  # none typed


def test_fused_event_takes_the_category_most_reports_give() -> None:
    def typed(r, sub):
        return replace(r, event=replace(r.event, acled_event_type=EXPLOSIONS, acled_sub_event_type=sub))

    a = typed(report("k1", "a", when=day(3), cameo="195"), "Shelling/artillery/missile attack")
    b = typed(report("k2", "b", when=day(3)), "Air/drone strike")
    c = typed(report("k3", "c", when=day(3)), "Air/drone strike")
    (fused,) = fuse_reports([a, b, c])
    assert (fused.acled_event_type, fused.acled_sub_event_type) == (EXPLOSIONS, "Air/drone strike")
    (fused,) = fuse_reports([a, b])  # a tie: the first-published report's
    assert fused.acled_sub_event_type == "Shelling/artillery/missile attack"


EXPLOSIONS = "Explosions/Remote violence"


# -- the store: same events and ids whatever the batches and their order --------------------------


def _corpus() -> tuple[list[Article], list[Event]]:
    articles, events = [], []
    spec = [  # (article, published day, report key, when, target, places)
        ("a1", 4, "strike", day(3), SYR, (ALEPPO,)),
        ("a2", 5, "strike", published(5), SYR, ()),
        ("a3", 6, "strike2", day(3), None, (NEAR_ALEPPO,)),
        ("a4", 5, "other", day(3), TUR, ()),  # fits a3's unknown target, not a1/a2's
        ("a5", 9, "later", day(8), SYR, (HOMS,)),
        ("a6", 8, "later", day(8), SYR, (HOMS,)),
        ("a0", 2, "early", day(2), SYR, (ALEPPO,)),  # a day before a1's: one event
    ]
    for art, pub, key, when, target, places in spec:
        articles.append(
            Article(art, f"text of {art}", published=date(2015, 10, pub), source=art[:2])
        )
        events.append(event(key, art, when=when, target=target, places=places))
    return articles, events


def _snapshot(path: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
    with Store.open(path, read_only=True) as s:
        con = s.connection
        events = con.execute(
            "SELECT id, plover_type, target_country, date_start, date_end, n_articles, n_sources, "
            "first_seen, last_seen, confidence, places FROM events ORDER BY id"
        ).fetchall()
        mentions = con.execute("SELECT id, event_id FROM mentions ORDER BY id").fetchall()
        aliases = con.execute("SELECT id, event_id FROM event_aliases ORDER BY id").fetchall()
    return events, mentions, aliases


def _write(path: Path, articles: list[Article], events: list[Event], size: int) -> None:
    with Store.open(path) as s:
        for i in range(0, len(articles), size):
            s.write_batch(articles[i : i + size], events[i : i + size], [])


def test_store_same_events_and_ids_in_any_order_and_batches(tmp_path: Path) -> None:
    articles, events = _corpus()
    _write(tmp_path / "one.duckdb", articles, events, size=len(articles))
    want_events, want_mentions, _ = _snapshot(tmp_path / "one.duckdb")
    # a0-a3: one strike near Aleppo (a3's unknown target fits it and a4's; it joins the group
    # it fits best, every report fitting every other); a4 alone; a5 and a6 one strike at Homs
    assert sorted(r[5] for r in want_events) == [1, 2, 4]
    order = list(range(len(articles)))
    rng = random.Random(11)
    for run_no, size in enumerate((1, 2, 3)):
        rng.shuffle(order)
        path = tmp_path / f"run{run_no}.duckdb"
        _write(path, [articles[i] for i in order], [events[i] for i in order], size)
        got_events, got_mentions, _ = _snapshot(path)
        assert got_events == want_events and got_mentions == want_mentions


def test_store_finds_earlier_reports_by_their_parties_on_either_side(tmp_path: Path) -> None:
    """Each batch looks up stored reports that share a party with its own: a meeting told the
    other way round joins, an act between other parties is never a candidate."""
    spec = [("m1", TUR, RUS), ("m2", RUS, TUR), ("m3", SYR, SYR)]
    articles = [Article(a, f"text of {a}", published=date(2015, 10, 5), source=a) for a, _, _ in spec]
    events = [event(a, a, plover="CONSULT", cameo="040", source=s, target=t, when=day(3)) for a, s, t in spec]
    _write(tmp_path / "db.duckdb", articles, events, size=1)
    found, _, _ = _snapshot(tmp_path / "db.duckdb")
    assert sorted(r[5] for r in found) == [1, 2]  # m1 and m2 one meeting; m3 its own


def test_store_keeps_ids_as_reports_join_and_aliases_merged_ones(tmp_path: Path) -> None:
    articles, events = _corpus()
    by = {a.id: (a, e) for a, e in zip(articles, events, strict=True)}
    path = tmp_path / "db.duckdb"
    with Store.open(path) as s:
        s.write_batch([by["a1"][0]], [by["a1"][1]], [])
        (first,) = [r["id"] for r in s.query_events()]
        # a later report of the same strike joins: the id stays, nothing is added
        counts = s.write_batch([by["a2"][0]], [by["a2"][1]], [])
        assert counts.events_added == 0 and [r["id"] for r in s.query_events()] == [first]
        assert s.query_events()[0]["n_articles"] == 2
        # an earlier report arrives: it founds the event, the old id becomes an alias
        s.write_batch([by["a0"][0]], [by["a0"][1]], [])
        (now,) = [r["id"] for r in s.query_events()]
        assert now != first
        aliases = s.connection.execute("SELECT id, event_id FROM event_aliases").fetchall()
        assert aliases == [(first, now)]
        mentions = s.connection.execute("SELECT DISTINCT event_id FROM mentions").fetchall()
        assert mentions == [(now,)]
        # the whole corpus, then the whole corpus again: the second write changes nothing
        s.write_batch(articles, events, [])
        before = _rows(s)
        assert s.write_batch(articles, events, []) == WriteCounts(0, 0, 0, 0)
        assert _rows(s) == before


def _rows(s: Store) -> list[tuple]:
    return s.connection.execute(
        "SELECT e.*, m.id FROM events e JOIN mentions m ON m.event_id = e.id ORDER BY m.id"
    ).fetchall()


def test_run_same_corpus_in_two_orders_and_batch_sizes(tmp_path: Path, pipeline) -> None:
    """The real pipeline, as `eventwire run` drives it (ingest, `process_batch`, `write_batch`):
    one JSONL corpus, whole in batches of 4 and reversed in batches of 1, gives the same events
    (ids, counts, dates, places) and mentions."""
    from eventwire.ingest import read_sources

    texts = [
        ("Turkish jets bombed Kurdish positions near Qamishli on Saturday.", "2015-10-05", "AP"),
        ("Turkish warplanes bombed Kurdish positions near Qamishli, officials said.", "2015-10-04",
         "Reuters"),
        ("Turkish jets bombed Kurdish positions near Qamishli on Sunday.", "2015-10-05", "AFP"),
        ("Russian warplanes struck targets near Aleppo on Monday.", "2015-10-06", "AP"),
        ("Russian jets struck targets near Homs in March.", "2015-10-06", "DPA"),
        ("NATO condemned Russia on Monday.", "2015-10-06", "AP"),
    ]
    lines = [json.dumps({"text": t, "published": p, "source": s}) for t, p, s in texts]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = [a for a in read_sources([str(corpus)]) if isinstance(a, Article)]
    assert len(articles) == len(texts)

    def run(path: Path, ordered: list[Article], size: int) -> None:
        with Store.open(path) as store:
            for i in range(0, len(ordered), size):
                result = pipeline.process_batch(ordered[i : i + size])
                store.write_batch(result.articles, result.events, result.failures)

    run(tmp_path / "f.duckdb", articles, 4)
    run(tmp_path / "b.duckdb", articles[::-1], 1)
    want, want_m, _ = _snapshot(tmp_path / "f.duckdb")
    got, got_m, _ = _snapshot(tmp_path / "b.duckdb")
    assert want and got == want and got_m == want_m
    assert max(r[5] for r in want) >= 2  # reports of the bombing near Qamishli fused


@pytest.mark.parametrize("n", [0, 1])
def test_fuse_reports_of_nothing_or_one(n: int) -> None:
    reports = [report("k1", "a", when=day(3))][:n]
    fused = fuse_reports(reports)
    assert len(fused) == n
    if n:
        assert fused[0].id == reports[0].id and fused[0].n_articles == 1


# -- the fusion block of `eventwire evaluate` ----------------------------------------------------


def test_fusion_block_counts_pairs_and_lists_over_merges() -> None:
    from eventwire.evaluate.gold_fusion import score_fusion
    from eventwire.evaluate.gold_read import parse_article

    text = "Russian jets struck Aleppo on Saturday."
    gold = []
    for art, group in (("a", "strike"), ("b", "strike"), ("c", "other-strike")):
        gold.append(parse_article({
            "id": art, "published": "2015-10-05", "text": text,
            "events": [{"evidence": text, "source": "RUS", "target": "SYR",
                        "type": ["ASSAULT"], "group": group}],
        }))
    span = Span(0, len(gold[0].text))

    def predicted(article: str, when: DateRange) -> Event:
        e = event(f"k{article}", article, when=when, places=(ALEPPO,))
        return replace(e, mentions=tuple(replace(m, sentence=span) for m in e.mentions))

    # a and b fused (right); c kept apart although it could fit: two days later
    preds = {"a": [predicted("a", day(3))], "b": [predicted("b", day(4))],
             "c": [predicted("c", day(6))]}
    block = score_fusion(gold, preds)
    assert block is not None
    assert (block["pairs_gold"], block["pairs_predicted"], block["pairs_right"]) == (1, 1, 1)
    assert block["pairwise_f1"] == 1.0 and block["over_merged"] == []
    # c told on the same day: fused with a and b, two over-merged pairs of different groups
    preds["c"] = [predicted("c", day(3))]
    block = score_fusion(gold, preds)
    assert block["pairwise_precision"] == 0.3333
    assert len(block["over_merged"]) == 2
    assert {p["b"]["groups"][0] for p in block["over_merged"]} == {"other-strike"}
