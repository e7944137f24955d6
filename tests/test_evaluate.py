"""Tests for eventwire.evaluate: gold and PLV scoring on hand-made gold and hand-made events."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import ConfigError, SourceError
from eventwire.evaluate import guess_format, json_line, render, run_evaluate
from eventwire.evaluate.gold import load_gold, parse_article, score_gold
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
) -> Event:
    span = sentence_span(text, sentence)
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
