"""Relation classification with known actors: the parse path between them decides the type."""

from __future__ import annotations

import pytest


def _spans(sentence: str, source: str, target: str) -> tuple[tuple[int, int], tuple[int, int]]:
    s, t = sentence.index(source), sentence.index(target)
    return (s, s + len(source)), (t, t + len(target))


@pytest.mark.parametrize(
    ("sentence", "source", "target", "expected"),
    [
        # legal action is ACCUSE (PLOVER: sue, charge, indict), including verdicts of guilt
        ("The union is suing the ministry for damages.", "The union", "the ministry", "ACCUSE"),
        ("A court in Paris convicted the former mayor of fraud.", "A court in Paris", "the former mayor", "ACCUSE"),
        ("The judge found the company guilty of bribery.", "The judge", "the company", "ACCUSE"),
        # pledged or restated support is verbal SUPPORT, not a promise to cooperate (AGREE)
        ("Japan pledged its full support for the Philippine government.", "Japan", "the Philippine government", "SUPPORT"),
        ("The minister welcomed the decision of the council.", "The minister", "the council", "SUPPORT"),
        # returning property and cutting tariffs are immediate concessions (CONCEDE/RETREAT)
        ("Spain returned ancient paintings to Mexico.", "Spain", "Mexico", "RETREAT"),
        ("Canada reduced tariffs on Brazilian goods.", "Canada", "Brazilian goods", "RETREAT"),
        # taking a town by force is an assault
        ("Rebel fighters captured two towns near the border from the army.", "Rebel fighters", "two towns", "ASSAULT"),
        # joint war games are material cooperation
        ("Chile and Peru staged joint war games in May.", "Chile", "Peru", "COOPERATE"),
    ],
)
def test_codebook_conventions(pipeline, sentence, source, target, expected):
    src, tgt = _spans(sentence, source, target)
    found = pipeline.classify(sentence, src, tgt)
    assert found is not None and found.plover_type == expected, found


def test_reported_obligation_is_a_demand(pipeline):
    sentence = "Germany says Iran must release the detained sailors."
    src, tgt = _spans(sentence, "Germany", "Iran")
    found = pipeline.classify(sentence, src, tgt)
    assert found is not None and found.plover_type == "REQUEST"
    assert found.pattern.startswith("demand:must")


def test_investigation_target_is_the_noun_party(pipeline):
    text = "The European Commission opened an investigation into Hungary on Monday."
    events = pipeline.extract(text, published="2020-01-01")
    accuse = [e for e in events if e.plover_type == "ACCUSE"]
    assert accuse, events
    targets = {m.target.text for e in accuse for m in e.mentions if m.target}
    assert "Hungary" in targets


def test_condemned_thing_is_kept_as_target(pipeline):
    text = "France condemned the bombing of the hospital in Kunduz."
    events = pipeline.extract(text, published="2020-01-01")
    accuse = [e for e in events if e.plover_type == "ACCUSE"]
    assert accuse and any(m.target is not None for e in accuse for m in e.mentions)


def _dyads(events, plover_type):
    return {
        (m.source.text if m.source else None, m.target.text if m.target else None)
        for e in events if e.plover_type == plover_type for m in e.mentions
    }


def test_recipient_of_a_handed_over_thing(pipeline):
    events = pipeline.extract("Spain returned ancient paintings to Mexico.", published="2020-01-01")
    assert ("Spain", "Mexico") in _dyads(events, "RETREAT")


def test_joint_act_of_conjoined_parties(pipeline):
    events = pipeline.extract("Chile and Peru signed a trade agreement.", published="2020-01-01")
    assert any(("Chile", "Peru") in _dyads(events, e.plover_type) for e in events), events


def test_reported_pronoun_points_at_the_named_reporter(pipeline):
    events = pipeline.extract("Colombia said it would release the prisoners.", published="2020-01-01",
                              include_unasserted=True)
    sources = {m.source.text for e in events for m in e.mentions if m.source}
    assert "Colombia" in sources
