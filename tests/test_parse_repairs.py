"""The parse repairs on sentences written for these tests, through the real model."""

from __future__ import annotations

import pytest


def _dep(pipeline, text: str, word: str) -> str:
    doc = pipeline.nlp(text)
    return next(t.dep_ for t in doc if t.text == word)


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) - China vowed on Friday to fight the U.S. at any cost.",
        "Turkey threatened on Tuesday to expel ten Western ambassadors.",
    ],
)
def test_a_time_phrase_between_a_verb_and_its_infinitive_leaves_it_the_complement(pipeline, text):
    word = "fight" if "fight" in text else "expel"
    assert _dep(pipeline, text, word) == "xcomp"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # after a verb that takes no infinitive complement, the infinitive states a purpose
        ("Lt. Gen. Prosper Avril resigned yesterday to allow the first democratic elections.", "allow"),
        # after an object too
        ("Russia sent troops on Monday to help Kazakhstan's government.", "help"),
    ],
)
def test_an_infinitive_of_purpose_stays_one(pipeline, text, word):
    assert _dep(pipeline, text, word) != "xcomp"


def test_the_content_of_a_proposal_hangs_on_the_proposal(pipeline):
    doc = pipeline.nlp("Turkey said it was studying the offer by Greece that the two countries meet in Geneva.")
    meet = next(t for t in doc if t.text == "meet")
    assert (meet.dep_, meet.head.text) == ("acl", "offer")
    # a clause told to a person stays the verb's ("told Merkel that they should meet")
    doc = pipeline.nlp("Putin told Merkel that the two countries should meet.")
    assert next(t for t in doc if t.text == "meet").dep_ == "ccomp"
