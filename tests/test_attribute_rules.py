"""`AttributeRules` must annotate exactly as the model's own `attribute_ruler` does."""

from __future__ import annotations

from pathlib import Path

from eventwire.annotate import load_model
from eventwire.attribute_rules import AttributeRules, use_attribute_rules

FIXTURES = Path(__file__).parent / "fixtures"
# Text that reaches the rare rules: contractions, two-token patterns, regex forms, whitespace
# tokens, existential "there is", determiners used as pronouns.
ODD_TEXT = (
    "Y'all gonna  see it, ain't nothin' like it.  Let's go!\n\n"
    "There is a deal, c'mon, we gotta sign that which they gave us. I don't know; neither do   they."
)


def _annotations(doc):
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in doc]


def test_same_annotations_as_the_models_ruler():
    stock = load_model()
    ours = use_attribute_rules(load_model())
    assert isinstance(ours.get_pipe("attribute_ruler"), AttributeRules)
    assert ours.pipe_names == stock.pipe_names
    texts = [(FIXTURES / "nato-russia-2015.txt").read_text(encoding="utf-8"), ODD_TEXT, " ", ""]
    for expected, got in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        assert _annotations(got) == _annotations(expected)


def test_the_pipeline_uses_them(pipeline):
    assert isinstance(pipeline.nlp.get_pipe("attribute_ruler"), AttributeRules)
