"""The plover-gsr, petr-gsr and case2021 evaluation formats: loading, scoring, dispatch, tables.

Fixture files are written here (our own sentences, in each format's layout); scoring is checked
on hand-made events, and each format once end to end with the real pipeline (keys only: the
scores belong to the extraction, which other tests hold to floors).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.coding.acled import default_map
from eventwire.errors import ConfigError, SourceError
from eventwire.evaluate import guess_format, json_line, render, run_evaluate
from eventwire.evaluate.case2021 import Snippet, load_case, predict, score_case
from eventwire.evaluate.petr_gsr import code_root, load_petr, score_petr
from eventwire.evaluate.plover_gsr import find_spans, load_gsr, score_gsr
from eventwire.records import Actor, Event, Mention, Span

# ------------------------------------------------------------------ fixtures (our own sentences)

GSR = [
    {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "header", "comment": "no text"},
    {
        "id": "X-DEMAND-0001",
        "event": "DEMAND",
        "source": [{"actorText": "Ruritania", "code": "RUR"}],
        "target": [{"actorText": "Freedonia", "code": "FRE"}],
        "text": "Ruritania demanded that Freedonia release the sailors.",
        "textInfo": {
            "markup": "(SRC: Ruritania) (EVT: demanded) that (TAR: Freedonia) release the sailors."
        },
    },
    {
        "id": "X-AGREE-0001",
        "event": "AGREE",
        "source": [
            {"actorText": "Ruritanian", "code": "RUR"},
            {"actorText": "Freedonian", "code": "FRE"},
        ],
        "target": "diplomatic",
        "text": "Ruritanian and Freedonian envoys agreed to reopen the border.",
        "textInfo": {
            "markup": "(SRC/TAR: Ruritanian) and (SRC/TAR: Freedonian) envoys (EVT: agreed) to reopen"
        },
    },
    {
        "id": "X-FIGHT-0001",
        "event": "FIGHT",
        "source": [{"actorText": "Ruritanian ... troops", "code": "RUR"}],
        "target": [{"actorText": "rebels", "code": "RUR"}],
        "text": "Ruritanian army troops fought rebels near the capital.",
        "textInfo": "(SRC: Ruritanian army troops) (EVT: fought) (TAR: rebels) near the capital.",
    },
]

PETR = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
# a comment line with <EventCoding ...> in it
<Sentences>
<Sentence category="T" date="20150105" id="S1" evaluate="true"/>
<EventCoding eventcode="0231" sourcecode="RURGOV" targetcode="FRE" />
<Text>
Ruritania's government asked
Freedonia for food aid.
</Text>
<Parse>
1	x	x	X	X	_	0	root	_	_
</Parse>
</Sentence>

<Sentence category="T" date="20150106" id="S2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>
The weather was fine.
</Text>
</Sentence>

<Sentence category="T" date="20150107" id="S3" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="---REB" targetcode="IGOUNOMIL" />
<Text>
Rebels attacked UN peacekeepers.
</Text>
</Sentence>

<Sentence category="T" date="20150109" id="S5" evaluate="true"/>
<EventCoding eventcode="141" sourcecode="RUROPP" targetcode="RURGOV" />
<Text>
</Text>
<Parse>
1	Crowds	crowd	NOUN	NNS	_	2	nsubj	_	_
2	marched	march	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_
</Parse>
</Sentence>

<Sentence category="T" date="20150108" id="S4" evaluate="false"/>
<EventCoding eventcode="190" sourcecode="RUR" targetcode="FRE" />
<Text>
Not evaluated.
</Text>
</Sentence>
</Sentences>
</Validation>
"""

CASE = (
    "id\tEventSnippet\tSubType\r\n"
    "1\tRuritanian jets bombed a village, killing four people.\tAIR_STRIKE\r\n"
    "2\tStudents marched peacefully through the capital.\tPEACE_PROTEST\r\n"
    "3\tThe minister met his Freedonian counterpart.\tDIPLO\r\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def make_event(
    ptype: str,
    cameo: str,
    *,
    mode: str | None = None,
    source: Actor | None = None,
    target: Actor | None = None,
    source_span: tuple[int, int] | None = None,
    target_span: tuple[int, int] | None = None,
    start: int = 0,
    goldstein: float = -5.0,
    modality: str = "asserted",
    sentence: tuple[int, int] = (0, 100),
) -> Event:
    mention = Mention(
        "a",
        Span(*sentence),
        Span(start, start + 3),
        ptype,
        mode,
        cameo,
        source=source,
        target=target,
        source_span=Span(*source_span) if source_span else None,
        target_span=Span(*target_span) if target_span else None,
        modality=modality,
    )
    return Event(
        id=f"{cameo}-{start}",
        plover_type=ptype,
        plover_mode=mode,
        plover_context=None,
        cameo_code=cameo,
        cameo_name="",
        goldstein=goldstein,
        quad_class=4,
        source=source,
        target=target,
        when=None,
        places=(),
        modality=modality,
        mentions=(mention,),
        confidence=0.5,
    )


RUR = Actor("Ruritania", country="RUR", code="RURGOV", sector="GOV")
FRE = Actor("Freedonia", country="FRE", code="FRE")

# ------------------------------------------------------------------ plover-gsr


def test_gsr_loads_maps_labels_and_finds_actor_spans(tmp_path: Path) -> None:
    records = load_gsr(write(tmp_path, "gsr.json", json.dumps(GSR)))
    assert [r.gold for r in records] == ["REQUEST", "AGREE", "ASSAULT"]  # DOCUMENT skipped
    demand, agree, fight = records
    assert demand.sources[0].spans == (Span(0, 9),) and not demand.symmetric
    assert agree.symmetric and agree.targets == ()
    assert fight.sources[0].spans == (Span(0, 10), Span(16, 22))  # "Ruritanian ... troops"
    assert find_spans("A b a", "a") == (Span(0, 1), Span(4, 5))


def test_gsr_scoring(tmp_path: Path) -> None:
    records = load_gsr(write(tmp_path, "gsr.json", json.dumps(GSR)))
    batches = [
        # right type, actors by span; plus a wrong-type event (a false positive)
        [
            make_event("REQUEST", "100", source_span=(0, 9), target_span=(24, 33)),
            make_event("COERCE", "170", source_span=(0, 9)),
        ],
        # reciprocal record, no gold target: source matched by code, target free
        [make_event("AGREE", "030", source=FRE, target=RUR)],
        # right type but the actors swapped on a non-reciprocal record
        [make_event("ASSAULT", "190", source_span=(23, 29), target_span=(0, 10))],
    ]
    result = score_gsr(records, batches)
    assert result["n"] == 3
    assert result["e2e_correct"] == 2 and result["e2e_predicted"] == 4
    assert result["e2e_precision"] == 0.5 and result["e2e_recall"] == pytest.approx(0.6667)
    assert result["e2e_f1"] == pytest.approx(0.5714)
    assert result["per_class"]["ASSAULT"]["recall"] == 0.0
    assert result["confusion"]["ASSAULT"] == {"ASSAULT": 1}  # shown type, though actors are wrong
    assert result["e2e_misses"][0]["id"] == "X-FIGHT-0001"
    with pytest.raises(ConfigError):
        score_gsr(records, batches[:2])


def test_gsr_bad_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="JSON array"):
        load_gsr(write(tmp_path, "bad.json", "{not json"))
    with pytest.raises(SourceError, match="actorText"):
        load_gsr(
            write(
                tmp_path, "bad2.json", json.dumps([{"event": "AGREE", "text": "x", "source": [{}]}])
            )
        )


# ------------------------------------------------------------------ petr-gsr


def test_petr_loads_records(tmp_path: Path) -> None:
    sentences = load_petr(write(tmp_path, "v.xml", PETR))
    assert [s.id for s in sentences] == ["S1", "S2", "S3", "S5"]  # evaluate="false" skipped
    assert sentences[3].text == "Crowds marched."  # an empty <Text>: rebuilt from the parse
    assert sentences[0].text == "Ruritania's government asked Freedonia for food aid."
    assert sentences[0].published.isoformat() == "2015-01-05"
    assert sentences[1].codings == ()
    assert code_root("IGOUNOMIL") == "IGOUNO" and code_root("RURGOV") == "RUR"
    with pytest.raises(SourceError):
        load_petr(write(tmp_path, "empty.xml", "<Validation></Validation>"))


def test_petr_scoring(tmp_path: Path) -> None:
    sentences = load_petr(write(tmp_path, "v.xml", PETR))[:3]
    un = Actor("UN peacekeepers", org="UN", code="IGOUNO")
    batches = [
        # the best event is the one about the gold actors: root right (02), code not (0231)
        [
            make_event("REQUEST", "020", source=RUR, target=FRE),
            make_event("AID", "070", source=FRE),
        ],
        [make_event("CONSULT", "040", source=RUR, target=FRE)],  # a no-event sentence: false alarm
        [make_event("ASSAULT", "190", source=None, target=un)],  # "---" source accepts anything
    ]
    result = score_petr(sentences, batches)
    assert result["n"] == 3 and result["codings"] == 2
    assert result["root_accuracy"] == 1.0 and result["code_accuracy"] == 0.5
    assert result["actor_accuracy"] == 1.0
    assert result["e2e_predicted"] == 4 and result["e2e_correct"] == 2
    assert result["e2e_precision"] == 0.5 and result["e2e_recall"] == 1.0
    assert result["noevent_sentences"] == 1 and result["noevent_false_alarms"] == 1
    nothing = score_petr(sentences, [[], [], []])
    assert nothing["root_accuracy"] == 0.0 and nothing["e2e_f1"] == 0.0
    assert len(nothing["mistakes"]) == 2 and nothing["mistakes"][0]["best"] is None


# ------------------------------------------------------------------ case2021


def test_case_predicts_the_salient_event() -> None:
    table = default_map()
    strike = make_event("ASSAULT", "195", mode="aerial", start=20, goldstein=-10)
    arrest = make_event("COERCE", "173", mode="arrest", start=5, goldstein=-5)
    assert predict([strike, arrest], table) == "AIR_STRIKE"  # same sentence: the most violent
    earlier = make_event("COERCE", "173", mode="arrest", start=5, sentence=(0, 50))
    later = make_event("ASSAULT", "195", mode="aerial", start=60, goldstein=-10, sentence=(51, 120))
    assert predict([later, earlier], table) == "ARREST"  # the first sentence carries the news
    meeting = make_event("CONSULT", "040", source=RUR, target=FRE)
    assert predict([meeting], table) == "DIPLO"  # a CASE class outside ACLED
    assert (
        predict([make_event("ASSAULT", "195", mode="aerial", modality="negated")], table) == "NONE"
    )
    assert predict([], table) == "NONE"


def test_case_scoring(tmp_path: Path) -> None:
    snippets = load_case(write(tmp_path, "dev.tsv", CASE))
    assert [s.gold for s in snippets] == ["AIR_STRIKE", "PEACE_PROTEST", "DIPLO"]
    result = score_case(snippets, ["AIR_STRIKE", "NONE", "AIR_STRIKE"])
    assert result["n"] == 3 and result["correct"] == 1
    assert result["accuracy"] == pytest.approx(0.3333)
    # AIR_STRIKE: p 1/2, r 1 → f1 2/3; the others 0 → macro 2/9
    assert result["macro_f1"] == pytest.approx(0.2222)
    assert result["per_class"]["AIR_STRIKE"]["predicted"] == 2
    assert result["predicted_none"] == 1
    assert result["confusion"]["DIPLO"] == {"AIR_STRIKE": 1}
    with pytest.raises(SourceError, match="missing columns"):
        load_case(write(tmp_path, "x.tsv", "a\tb\n1\t2\n"))
    with pytest.raises(ConfigError):
        score_case([Snippet("1", "x", "ATTACK")], [])


# ------------------------------------------------------------------ dispatch, tables, end to end


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("gsr.txt", json.dumps(GSR, indent=1), "plover-gsr"),
        ("v.xml", PETR, "petr-gsr"),
        ("dev.tsv", CASE, "case2021"),
    ],
)
def test_formats_are_guessed(tmp_path: Path, name: str, text: str, fmt: str) -> None:
    assert guess_format(write(tmp_path, name, text)) == fmt


@pytest.mark.parametrize(
    ("name", "text", "fmt", "keys"),
    [
        ("gsr.txt", json.dumps(GSR), "plover-gsr", {"e2e_precision", "e2e_recall", "e2e_f1", "n"}),
        ("v.xml", PETR, "petr-gsr", {"root_accuracy", "code_accuracy", "e2e_f1", "n"}),
        ("dev.tsv", CASE, "case2021", {"accuracy", "macro_f1", "n"}),
    ],
)
def test_end_to_end_contract(
    pipeline, tmp_path: Path, name: str, text: str, fmt: str, keys: set[str]
) -> None:
    result = run_evaluate(write(tmp_path, name, text), fmt, lambda: pipeline)
    assert keys <= set(result) and result["format"] == fmt
    line = json_line(result)
    assert "\n" not in line and json.loads(line)["n"] == result["n"]
    table = render(result, fmt)
    assert fmt in table
    if fmt != "petr-gsr":
        assert "per class" in table


def test_case_table_lists_confusions() -> None:
    snippets = [Snippet("1", "x", "ATTACK"), Snippet("2", "y", "ARREST")]
    table = render({"format": "case2021", **score_case(snippets, ["ARREST", "ARREST"])}, "case2021")
    assert "most frequent confusions" in table and "ATTACK" in table
