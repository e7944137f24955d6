"""Tests for eventwire.evaluate: gold and PLV scoring on hand-made gold and hand-made events."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import ConfigError, SourceError
from eventwire.evaluate import guess_format, json_line, render, run_evaluate
from eventwire.evaluate.gold import (
    evaluate_gold,
    load_gold,
    parse_article,
    predict,
    score_gold,
    split_of,
)
from eventwire.evaluate.plv import load_plv, parse_marked, score_plv
from eventwire.records import Actor, DateRange, Event, Mention, Place, Span

TEXT = (
    "Keywords NATO Russia strikes\n"
    "NATO urged Russia to stop the strikes. "
    "Turkey met France in Paris on Monday. "
    "Russian jets bombed Homs but did not target ISIS. "
    "Later NATO urged Russia again."
)
DAY = date(2015, 10, 5)
PARIS = Place("Paris", 2988507, 48.8534, 2.3488, "FRA")
LYON = Place("Lyon", 2996944, 45.7485, 4.8467, "FRA")  # about 390 km from Paris
HOMS = Place("Homs", 169577, 34.7268, 36.7234, "SYR")

GOLD = {
    "id": "a1",
    "published": "2015-10-05",
    "text": TEXT,
    "events": [
        {
            "id": "urge",
            "evidence": "NATO urged Russia to stop",
            "source": "NATO",
            "target": "RUS",
            "type": ["REQUEST"],
            "cameo_root": ["10"],
            "date": ["2015-10-05", "2015-10-05"],
        },
        {
            "id": "meet",
            "evidence": "Turkey met France",
            "source": "TUR",
            "target": "FRA",
            "symmetric": True,
            "type": ["CONSULT"],
            "source_sector": "GOV",
            "locations": [{"name": "Paris", "country": "FRA", "lat": 48.8534, "lon": 2.3488}],
        },
        {
            "id": "bomb",
            "evidence": "bombed Homs",
            "source": "RUS",
            "target": None,
            "type": ["ASSAULT"],
            "locations_any": [{"name": "Homs", "lat": 34.7268, "lon": 36.7234}],
        },
        {
            "id": "again",
            "required": False,
            "evidence": "urged Russia again",
            "source": "NATO",
            "target": "RUS",
            "type": ["REQUEST"],
        },
    ],
    "forbidden": [
        {
            "id": "negated",
            "evidence": "did not target ISIS",
            "source": "RUS",
            "target": "ISIS",
            "type": ["ASSAULT"],
            "modality": "asserted",
        },
        {"id": "keywords", "evidence": "Keywords NATO Russia strikes"},
    ],
}


def sentence_span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start, start + len(sentence))


def event(
    sentence: str,
    plover: str,
    source: Actor | None,
    target: Actor | None,
    *,
    modality: str = "asserted",
    when: DateRange | None = None,
    places: tuple[Place, ...] = (),
    text: str = TEXT,
    sentence_kind: str = "body",
    span: Span | None = None,
) -> Event:
    span = span or sentence_span(text, sentence)
    mention = Mention(
        "a1",
        span,
        Span(span.start, span.start + 1),
        plover,
        None,
        "010",
        source=source,
        target=target,
        modality=modality,
        when=when,
        places=places,
        sentence_kind=sentence_kind,
    )
    return Event(
        f"e{span.start}{plover}",
        plover,
        None,
        None,
        "010",
        "",
        0.0,
        1,
        source,
        target,
        when,
        places,
        modality,
        (mention,),
        0.5,
    )


NATO = Actor("NATO", org="NATO")
RUS = Actor("Russia", country="RUS", sector="GOV")
TUR = Actor("Turkey", country="TUR", sector="GOV")
FRA = Actor("France", country="FRA", sector="GOV")
ISIS = Actor("ISIS", org="ISIS")
S_URGE = "NATO urged Russia to stop the strikes."
S_MEET = "Turkey met France in Paris on Monday."
S_BOMB = "Russian jets bombed Homs but did not target ISIS."
S_AGAIN = "Later NATO urged Russia again."
S_KEYS = "Keywords NATO Russia strikes"


def test_perfect_predictions_score_one() -> None:
    preds = [
        event(S_URGE, "REQUEST", NATO, RUS, when=DateRange(DAY, DAY)),
        event(S_MEET, "CONSULT", FRA, TUR, places=(PARIS,)),  # swapped: symmetric
        event(S_BOMB, "ASSAULT", RUS, None, places=(HOMS,)),
    ]
    result = score_gold([GOLD], {"a1": preds})
    assert result["required"] == 3 and result["matched"] == 3 and result["predicted"] == 3
    assert result["required_recall"] == 1.0 and result["precision"] == 1.0 and result["f1"] == 1.0
    assert result["forbidden_hits"] == 0
    fields = result["field_accuracy"]
    assert fields["date"] == 1.0 and fields["location"] == 1.0
    # the sector is checked on the actor that matched the gold source (France was the source)
    assert fields["source_sector"] == 1.0
    assert result["field_counts"]["date"] == [1, 1]  # gold events without a date are not counted
    json.loads(json_line(result))


def test_wrong_type_sentence_or_actor_do_not_match() -> None:
    preds = [
        event(S_URGE, "ACCUSE", NATO, RUS),  # wrong type
        event(S_MEET, "REQUEST", NATO, RUS),  # right type and actors of "urge", wrong sentence
        event(S_BOMB, "ASSAULT", TUR, None),  # wrong source
    ]
    result = score_gold([GOLD], {"a1": preds})
    assert result["matched"] == 0 and result["precision"] == 0.0
    assert len(result["unmatched_predictions"]) == 3
    assert all(not d["matched"] for d in result["details"])


def test_null_target_and_optional_events() -> None:
    preds = [
        event(S_BOMB, "ASSAULT", RUS, Actor("Syria", country="SYR")),  # any target accepted
        event(S_AGAIN, "REQUEST", NATO, RUS),  # optional: not a false positive, not recall
    ]
    result = score_gold([GOLD], {"a1": preds})
    assert result["matched"] == 1 and result["matched_optional"] == 1
    assert result["precision"] == 1.0
    assert result["required_recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["f1"] == pytest.approx(0.5, abs=1e-4)


def test_unasserted_events_do_not_count_for_precision_but_hit_forbidden() -> None:
    preds = [
        event(S_BOMB, "ASSAULT", RUS, ISIS, modality="negated"),  # correct handling of negation
        event(S_URGE, "REQUEST", NATO, RUS, modality="future"),
    ]
    result = score_gold([GOLD], {"a1": preds})
    assert result["predicted"] == 0 and result["predicted_unasserted"] == 2
    assert result["forbidden_hits"] == 0 and result["matched"] == 0
    bad = [event(S_BOMB, "ASSAULT", RUS, ISIS)]  # the negated attack coded as asserted
    result = score_gold([GOLD], {"a1": bad})
    assert result["forbidden_hits"] == 1
    hit = [f for f in result["forbidden_details"] if f["hit"]]
    assert hit[0]["id"] == "negated" and hit[0]["predictions"][0]["target"] == "ISIS"


def test_forbidden_without_keys_hits_any_event_in_the_sentence() -> None:
    preds = [event(S_KEYS, "ASSAULT", RUS, None, modality="hypothetical")]
    result = score_gold([GOLD], {"a1": preds})
    assert result["forbidden_hits"] == 1 and result["forbidden"] == 2


def test_field_errors_are_reported() -> None:
    preds = [
        event(S_URGE, "REQUEST", NATO, RUS, when=DateRange(date(2015, 9, 1), date(2015, 9, 2))),
        event(
            S_MEET,
            "CONSULT",
            Actor("Turkish army", country="TUR", sector="MIL"),
            FRA,
            places=(LYON,),
        ),
        event(S_BOMB, "ASSAULT", RUS, None),
    ]
    result = score_gold([GOLD], {"a1": preds})
    assert result["matched"] == 3
    assert result["field_accuracy"] == {
        "date": 0.0,
        "location": 0.0,
        "source_sector": 0.0,
        "cameo_root": 0.0,
    }
    assert result["field_counts"]["location"] == [0, 2]


def test_evidence_may_be_any_occurrence() -> None:
    text = "Russia urged Turkey. Russia urged Turkey."
    gold = {
        "id": "d",
        "text": text,
        "events": [
            {
                "evidence": "Russia urged Turkey",
                "source": "RUS",
                "target": "TUR",
                "type": ["REQUEST"],
            }
        ],
    }
    second = Span(21, len(text))
    mention = Mention("d", second, Span(28, 33), "REQUEST", None, "010", source=RUS, target=TUR)
    ev = Event(
        "x",
        "REQUEST",
        None,
        None,
        "010",
        "",
        0.0,
        1,
        RUS,
        TUR,
        None,
        (),
        "asserted",
        (mention,),
        0.5,
    )
    assert score_gold([gold], {"d": [ev]})["matched"] == 1


def test_region_group_matches_country_or_org() -> None:
    text = "Western governments criticised Russia."
    gold = {
        "id": "w",
        "text": text,
        "events": [
            {
                "evidence": "Western governments",
                "source": "WST",
                "target": "RUS",
                "type": ["ACCUSE"],
            }
        ],
    }
    west = Actor("Western governments", country="WST", sector="GOV")
    preds = [event(text, "ACCUSE", west, RUS, text=text)]
    assert score_gold([gold], {"w": preds})["matched"] == 1


def test_gold_file_errors_and_relative_files(tmp_path: Path) -> None:
    (tmp_path / "art.txt").write_text(TEXT, encoding="utf-8")
    line = {k: v for k, v in GOLD.items() if k != "text"} | {"file": "art.txt"}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    articles = load_gold(path)
    assert articles[0].text == TEXT and articles[0].published == DAY
    assert guess_format(path) == "gold"
    with pytest.raises(SourceError, match="not in the text"):
        parse_article({"id": "x", "text": "abc", "events": [{"evidence": "zzz", "type": ["AID"]}]})
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(SourceError, match="g.jsonl:1"):
        load_gold(path)
    with pytest.raises(SourceError, match="no predictions"):
        score_gold([GOLD], {})


def test_render_gold_lists_events_and_forbidden() -> None:
    result = score_gold([GOLD], {"a1": [event(S_BOMB, "ASSAULT", RUS, ISIS)]})
    text = render(result, "gold")
    assert "urge" in text and "negated" in text and "HIT" in text and "required_recall" in text


# ---------------------------------------------------------------- gold: ingest, error kinds, halves

SMALL = Path(__file__).parent / "fixtures" / "gold_small" / "gold.jsonl"
ANKARA_TITLE = "Turkey accuses Russia of violating its airspace"
BRUSSELS_TITLE = "NATO condemns Russia over Syria strikes"


def test_gold_articles_are_read_by_the_run_ingest() -> None:
    ankara, brussels = load_gold(SMALL)
    # a .txt file: its first line is the article's title, as `eventwire run` reads it
    assert ankara.article is not None and ankara.article.title == ANKARA_TITLE
    assert ankara.text.startswith(ANKARA_TITLE + "\n\nANKARA - ")
    # an inline entry is built like a JSONL corpus line: the title goes in front of the text,
    # so evidence from the headline is found
    assert brussels.article is not None and brussels.article.title == BRUSSELS_TITLE
    assert brussels.text.startswith(BRUSSELS_TITLE + "\n\nBRUSSELS - ")
    assert brussels.published == date(2015, 10, 6) == brussels.article.published
    headline = brussels.events[0]
    assert headline.id == "headline" and brussels.text.index(headline.evidence) == 0
    # and the annotator labels that first line a title
    from eventwire.annotate import split_blocks

    assert [b.kind for b in split_blocks(brussels.article)][:2] == ["title", "body"]


def test_gold_text_files_are_normalised_like_run(tmp_path: Path) -> None:
    # CRLF line ends, a byte-order mark, trailing spaces: ingest removes them, offsets follow
    body = "\ufeffRussia Bombs Homs  \r\n\r\nRussian jets bombed Homs on Monday.  \r\n"
    (tmp_path / "a.txt").write_bytes(body.encode("utf-8"))
    line = {"id": "t", "file": "a.txt", "events": [{"evidence": "bombed Homs", "type": "ASSAULT"}]}
    (tmp_path / "g.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (article,) = load_gold(tmp_path / "g.jsonl")
    assert article.text == "Russia Bombs Homs\n\nRussian jets bombed Homs on Monday."
    assert article.article is not None and article.article.title == "Russia Bombs Homs"
    # what ingest cannot read is an error naming the gold line
    (tmp_path / "a.txt").write_bytes(b"  \n")
    with pytest.raises(SourceError, match=r"g\.jsonl:1: ingest cannot read the article: empty"):
        load_gold(tmp_path / "g.jsonl")
    (tmp_path / "a.txt").unlink()
    with pytest.raises(SourceError, match=r"g\.jsonl:1: no such file"):
        load_gold(tmp_path / "g.jsonl")


def test_gold_html_files_go_through_the_html_reader(tmp_path: Path) -> None:
    page = (
        "<!doctype html><html><head><title>NATO condemns Russia</title></head><body>"
        "<script>var x = 1;</script><article><p>NATO condemned Russia on Tuesday over air "
        "strikes in Syria, officials in Brussels said after a long meeting.</p></article>"
        "</body></html>"
    )
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    line = {
        "id": "h",
        "file": "a.html",
        "events": [{"evidence": "NATO condemned", "type": "ACCUSE"}],
    }
    (tmp_path / "g.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (article,) = load_gold(tmp_path / "g.jsonl")
    assert "<" not in article.text and "var x" not in article.text
    assert "NATO condemned Russia on Tuesday" in article.text


def test_gold_evidence_is_normalised_like_the_text() -> None:
    decomposed = "Le Drian met Jose\u0301 in Paris."  # ingest writes NFC: "José"
    obj = {
        "id": "n",
        "text": decomposed,
        "events": [{"evidence": "met Jose\u0301", "type": "CONSULT"}],
    }
    article = parse_article(obj)
    assert article.text == "Le Drian met Jos\u00e9 in Paris."
    assert article.events[0].evidence == "met Jos\u00e9"
    bad = {"id": "x", "text": "abc", "events": [{"id": "e1", "evidence": "zzz", "type": ["AID"]}]}
    with pytest.raises(SourceError, match=r"g\.jsonl:3: evidence 'zzz' \(e1\) is not in the text"):
        parse_article(bad, where="g.jsonl:3")


def kind_of(result: dict, gold_id: str) -> str | None:
    return next(d["kind"] for d in result["details"] if d["id"] == gold_id)


@pytest.mark.parametrize(
    ("preds", "kind"),
    [
        ([], "missed: no event"),
        ([event(S_URGE, "REQUEST", NATO, RUS, modality="requested")], "missed: wrong modality"),
        ([event(S_URGE, "ACCUSE", NATO, RUS)], "missed: wrong type"),
        ([event(S_URGE, "REQUEST", None, RUS)], "missed: missing source"),
        ([event(S_URGE, "REQUEST", TUR, RUS)], "missed: wrong source"),
        ([event(S_URGE, "REQUEST", NATO, None)], "missed: missing target"),
        ([event(S_URGE, "REQUEST", NATO, TUR)], "missed: wrong target"),
        ([event(S_URGE, "REQUEST", TUR, FRA)], "missed: wrong actors"),
        ([event(S_URGE, "ACCUSE", TUR, FRA)], "missed: other event"),
        # the sentence splitter cut "NATO urged Russia | to stop the strikes."
        ([event(S_URGE, "REQUEST", NATO, RUS, span=Span(29, 46))], "missed: sentence split"),
        # the closest candidate decides: one field wrong (type) before two (actors)
        (
            [event(S_URGE, "REQUEST", TUR, FRA), event(S_URGE, "ACCUSE", NATO, RUS)],
            "missed: wrong type",
        ),
    ],
)
def test_missed_error_kinds(preds: list[Event], kind: str) -> None:
    assert TEXT[29:46] == "NATO urged Russia"
    result = score_gold([GOLD], {"a1": preds})
    assert kind_of(result, "urge") == kind
    assert kind_of(result, "again") is None  # optional events are never errors
    assert result["errors"][kind] >= 1
    item = next(i for i in result["error_items"] if i.get("id") == "urge")
    assert item["kind"] == kind and item["want"]["source"] == "NATO"
    assert item["evidence"] == "NATO urged Russia to stop"


TITLED = "Russia Bombs Homs\n\nRussian jets bombed Homs on Monday. Turkey said nothing."
TITLED_GOLD = {
    "id": "t1",
    "text": TITLED,
    "events": [
        {"id": "bomb", "evidence": "Russian jets bombed Homs", "source": "RUS", "type": ["ASSAULT"]}
    ],
}


@pytest.mark.parametrize(
    ("gold", "pred", "kind"),
    [
        (GOLD, event(S_KEYS, "ASSAULT", RUS, None), "spurious: forbidden"),
        (GOLD, event(S_URGE, "ACCUSE", NATO, RUS), "spurious: wrong type"),
        (GOLD, event(S_URGE, "REQUEST", TUR, RUS), "spurious: wrong source"),
        (GOLD, event(S_URGE, "REQUEST", NATO, None), "spurious: wrong target"),
        (
            TITLED_GOLD,
            event("Russia Bombs Homs", "ASSAULT", TUR, None, text=TITLED, sentence_kind="title"),
            "spurious: title echo",
        ),
        (
            TITLED_GOLD,
            event("Turkey said nothing.", "ACCUSE", TUR, TUR, text=TITLED),
            "spurious: self-loop",
        ),
        (
            TITLED_GOLD,
            event("Turkey said nothing.", "ACCUSE", None, None, text=TITLED),
            "spurious: no actor",
        ),
        (
            TITLED_GOLD,
            event("Turkey said nothing.", "ACCUSE", TUR, RUS, text=TITLED),
            "spurious: not an event",
        ),
        (
            TITLED_GOLD,
            event("Russian jets bombed Homs on Monday.", "ACCUSE", TUR, None, text=TITLED),
            "spurious: other event",
        ),
    ],
)
def test_spurious_error_kinds(gold: dict, pred: Event, kind: str) -> None:
    matched = event("Russian jets bombed Homs on Monday.", "ASSAULT", RUS, None, text=TITLED)
    preds = [pred, matched] if gold is TITLED_GOLD else [pred]
    result = score_gold([gold], {gold["id"]: preds})
    (spurious,) = result["unmatched_predictions"]
    assert spurious["kind"] == kind
    assert result["errors"][kind] == 1
    spurious_items = [i for i in result["error_items"] if i["kind"].startswith("spurious")]
    assert [i["kind"] for i in spurious_items] == [kind]
    assert spurious_items[0]["got"]["type"] == pred.plover_type


def test_title_echo_needs_a_matched_event_of_its_type() -> None:
    title = event("Russia Bombs Homs", "ASSAULT", TUR, None, text=TITLED, sentence_kind="title")
    result = score_gold([TITLED_GOLD], {"t1": [title]})
    assert result["unmatched_predictions"][0]["kind"] == "spurious: not an event"
    assert kind_of(result, "bomb") == "missed: no event"


def test_error_counts_keep_every_kind_most_frequent_first() -> None:
    preds = [event(S_URGE, "ACCUSE", NATO, RUS), event(S_KEYS, "ASSAULT", RUS, None)]
    errors = score_gold([GOLD], {"a1": preds})["errors"]
    # missed: urge (wrong type), meet and bomb (no event); spurious: the two predictions
    assert list(errors)[:1] == ["missed: no event"] and errors["missed: no event"] == 2
    assert errors["missed: wrong type"] == 1 and errors["spurious: wrong type"] == 1
    assert errors["spurious: forbidden"] == 1 and errors["missed: wrong modality"] == 0
    assert sum(errors.values()) == 5
    text = render(score_gold([GOLD], {"a1": preds}), "gold")
    assert "errors by kind" in text and "spurious: forbidden" in text


def test_split_of_is_a_fixed_half_by_id() -> None:
    import hashlib

    ids = [f"article-{i}" for i in range(40)]
    halves = [split_of(i) for i in ids]
    assert set(halves) == {"study", "measure"}
    for i, half in zip(ids, halves, strict=True):
        parity = int(hashlib.sha1(i.encode()).hexdigest(), 16) % 2
        assert half == ("study" if parity == 0 else "measure")
    assert split_of("ankara-1") == "study" and split_of("brussels-1") == "measure"


def test_evaluate_gold_reports_halves_with_the_real_pipeline(pipeline) -> None:
    result = evaluate_gold(SMALL, pipeline)
    halves = result["halves"]
    assert set(halves) == {"study", "measure"}
    assert halves["study"]["articles"] == 1 and halves["measure"]["articles"] == 1
    assert halves["study"]["required"] == 2 and halves["measure"]["required"] == 2
    for key in ("matched", "predicted", "forbidden_hits"):
        assert halves["study"][key] + halves["measure"][key] == result[key]
    for kind, count in result["errors"].items():
        assert halves["study"]["errors"][kind] + halves["measure"]["errors"][kind] == count
    json.loads(json_line(result))
    # what was scored is what a run stores: title sentences labelled as titles
    _, brussels = load_gold(SMALL)
    events = predict(pipeline, brussels.article, "brussels-1")
    assert events
    title_end = len(BRUSSELS_TITLE)
    for ev in events:
        for m in ev.mentions:
            assert (m.sentence_kind == "title") == (m.sentence.end <= title_end)
    text = render(result, "gold")
    assert "whole set and halves" in text and "measure" in text
    only = evaluate_gold(SMALL, pipeline, split="measure")
    assert only["split"] == "measure" and only["articles"] == 1 and "halves" not in only
    assert {d["article"] for d in only["details"]} == {"brussels-1"}
    with pytest.raises(ConfigError, match="unknown split"):
        evaluate_gold(SMALL, pipeline, split="train")


def test_cli_split_option_scores_one_half() -> None:
    from click.testing import CliRunner

    from eventwire.cli import cli

    out = CliRunner().invoke(cli, ["evaluate", str(SMALL), "--split", "study", "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.output.strip().splitlines()[-1])
    assert result["split"] == "study" and result["articles"] == 1 and result["required"] == 2
    assert "errors" in result and "error_items" in result


# ---------------------------------------------------------------- PLV

PLV_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tgold_root\n"


def test_parse_marked_spans() -> None:
    text, src, tgt = parse_marked("<s>The UN </s>asked <t>Iran</t> to help <t>Iran</t>'s people.")
    assert text == "The UN asked Iran to help Iran's people."
    assert [s.of(text) for s in src] == ["The UN"]
    assert [t.of(text) for t in tgt] == ["Iran", "Iran"]
    text, src, tgt = parse_marked("<s>Teachers</s> went on strike.")
    assert text == "Teachers went on strike." and tgt == ()


def plv_rows(tmp_path: Path) -> list:
    lines = [
        ("1", "<s>Iran</s> condemned <t>the US</t>.", "ACCUSE"),
        ("2", "<s>Rebels</s> withdrew from <t>the town</t>.", "YIELD"),
        ("3", "<s>Egypt</s> met <t>Israel</t>.", "CONSULT"),
        ("4", "<s>Army</s> shelled <t>the city</t>.", "ASSAULT"),
    ]
    path = tmp_path / "plv.tsv"
    body = "".join(f"{i}\t{i}\tplain\t{m}\t{g}\n" for i, m, g in lines)
    path.write_text(PLV_HEADER + body, encoding="utf-8")
    assert guess_format(path) == "plv"
    return load_plv(path)


def plv_event(row, plover: str, src: Span | None, tgt: Span | None) -> Event:
    sentence = Span(0, len(row.sentence))
    mention = Mention(
        row.id, sentence, Span(0, 1), plover, None, "010", source_span=src, target_span=tgt
    )
    return Event(
        row.id,
        plover,
        None,
        None,
        "010",
        "",
        0.0,
        1,
        None,
        None,
        None,
        (),
        "asserted",
        (mention,),
        0.5,
    )


def test_score_plv_types_and_end_to_end(tmp_path: Path) -> None:
    rows = plv_rows(tmp_path)
    assert [r.gold for r in rows] == ["ACCUSE", "YIELD", "CONSULT", "ASSAULT"]
    types = ["ACCUSE", "RETREAT", "ACCUSE", None]  # RETREAT counts for YIELD
    r1, r2, r3, _ = rows
    e2e = [
        [
            plv_event(r1, "ACCUSE", r1.source_span, r1.target_span),  # correct
            plv_event(r1, "ACCUSE", r1.target_span, Span(0, 1)),
        ],  # spans swapped: wrong
        [plv_event(r2, "CONCEDE", Span(0, 3), r2.target_span)],  # partial overlap, alias: correct
        [plv_event(r3, "CONSULT", None, r3.target_span)],  # no source span: wrong
        [],
    ]
    result = score_plv(rows, types, e2e)
    assert result["n"] == 4
    assert result["type_accuracy"] == 0.5
    per = result["per_class"]
    assert per["ACCUSE"]["precision"] == 0.5 and per["ACCUSE"]["recall"] == 1.0
    assert per["YIELD"]["f1"] == 1.0 and per["ASSAULT"]["f1"] == 0.0
    # macro F1 over the four gold classes: ACCUSE 2/3, YIELD 1, CONSULT 0, ASSAULT 0
    assert result["type_macro_f1"] == pytest.approx((2 / 3 + 1) / 4, abs=1e-4)
    assert result["confusion"]["CONSULT"] == {"ACCUSE": 1}
    assert result["confusion"]["ASSAULT"] == {"NONE": 1}
    assert result["e2e_predicted"] == 4 and result["e2e_correct"] == 2
    assert result["e2e_precision"] == 0.5 and result["e2e_recall"] == 0.5
    assert result["e2e_f1"] == 0.5
    text = render(result, "plv")
    assert "YIELD" in text and "confusion" in text and "e2e_f1" in text
    assert "\n" not in json_line(result)


def test_score_plv_rejects_misaligned_predictions(tmp_path: Path) -> None:
    rows = plv_rows(tmp_path)
    with pytest.raises(ConfigError):
        score_plv(rows, ["ACCUSE"], None)


def test_dispatcher_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("hello\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot tell"):
        guess_format(path)
    with pytest.raises(ConfigError, match="unknown evaluation format"):
        run_evaluate(path, "nope", None)
    with pytest.raises(ConfigError, match="needs an extraction pipeline"):
        run_evaluate(path, "gold", None)
    with pytest.raises(SourceError):
        run_evaluate(tmp_path / "missing.jsonl", None, None)


def test_run_evaluate_gold_with_the_real_pipeline(tmp_path: Path) -> None:
    pipeline = pytest.importorskip("eventwire.pipeline")
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    result = run_evaluate(path, None, pipeline.build)
    for key in (
        "required_recall",
        "precision",
        "f1",
        "forbidden_hits",
        "field_accuracy",
        "required",
        "matched",
        "predicted",
    ):
        assert key in result
    assert result["format"] == "gold" and result["required"] == 3
