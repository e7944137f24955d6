"""The seed article is the first acceptance test: a floor that no change may break."""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluate.gold import evaluate_gold

FIXTURES = Path(__file__).parent / "fixtures"


def test_seed_gold_floor(pipeline):
    result = evaluate_gold(FIXTURES / "seed_gold.jsonl", pipeline)
    missed = [d["id"] for d in result["details"] if d.get("required") and not d.get("matched")]
    assert result["required_recall"] == 1.0, f"missed required events: {missed}"
    assert result["forbidden_hits"] == 0, result.get("forbidden_details")
    assert result["precision"] >= 0.8, result.get("unmatched_predictions")
    assert result["field_accuracy"]["date"] >= 0.9
    assert result["field_accuracy"]["location"] >= 0.9


def test_negated_and_requested_are_not_facts(pipeline):
    text = (
        "NATO urged Russia to stop bombing Aleppo. "
        "Russian jets did not strike Idlib on Monday."
    )
    asserted = pipeline.extract(text, published="2015-10-05")
    assert all(e.modality == "asserted" for e in asserted)
    assert not [e for e in asserted if e.plover_type == "ASSAULT"]
    everything = pipeline.extract(text, published="2015-10-05", include_unasserted=True)
    moods = {e.modality for e in everything if e.plover_type == "ASSAULT"}
    assert moods and moods <= {"requested", "negated"}


def test_evidence_spans_slice_the_text(pipeline):
    text = (FIXTURES / "nato-russia-2015.txt").read_text(encoding="utf-8")
    for event in pipeline.extract(text, published="2015-10-05", include_unasserted=True):
        for m in event.mentions:
            sentence = text[m.sentence.start : m.sentence.end]
            assert sentence.strip() == sentence and sentence
            assert m.sentence.start <= m.trigger.start < m.trigger.end <= m.sentence.end
            for span in (m.source_span, m.target_span, m.time_span, *m.place_spans):
                if span is not None:
                    assert 0 <= span.start < span.end <= len(text)
