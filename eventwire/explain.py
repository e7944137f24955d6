"""Explain a sentence: which dictionary rows and rules produced each event, and why others did not.

`eventwire dict explain "SENTENCE"` prints this, so a user who edits a pattern file can see at
once whether the pattern fires, which actor entry matched, and which modality rule applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .coding.code import code_trigger
from .records import Actor

if TYPE_CHECKING:
    from .pipeline import Pipeline


@dataclass(frozen=True)
class Explanation:
    """One trigger word and what became of it."""

    trigger: str
    lemma: str
    pattern: str  # the dictionary row (file:line WORDS) or rule that coded it; "" if none did
    plover_type: str | None
    cameo_code: str | None
    source: str
    target: str
    modality: str
    outcome: str  # "event", "not an event (…)", "dropped (…)"


def explain(pipeline: Pipeline, sentence: str, *, published: date | str | None = None) -> list[Explanation]:
    """Every trigger candidate in the text, with the pattern that coded it and the outcome."""
    events = pipeline.extract(sentence, published=published, include_unasserted=True)
    by_trigger = {(m.trigger.start, m.trigger.end): (e, m) for e in events for m in e.mentions}
    out: list[Explanation] = []
    for token in pipeline.nlp(sentence):
        lemma = token.lemma_.lower()
        if not pipeline.ontology.is_trigger_lemma(lemma) or token.pos_ not in ("VERB", "NOUN"):
            continue
        coding = code_trigger(token, pipeline.ontology)
        hit = by_trigger.get((token.idx, token.idx + len(token.text)))
        if hit is not None:
            event, mention = hit
            out.append(Explanation(
                token.text, lemma, mention.pattern, event.plover_type, event.cameo_code,
                _actor(mention.source), _actor(mention.target), mention.modality,
                "event" if mention.modality == "asserted" else f"kept as {mention.modality}",
            ))
        elif coding is None:
            out.append(Explanation(token.text, lemma, "", None, None, "", "", "",
                                   "not an event (no pattern, a statement verb or a light verb)"))
        else:
            out.append(Explanation(token.text, lemma, coding.pattern, coding.plover_type,
                                   coding.cameo_code, "", "", "",
                                   "dropped (no actor found, or the same event told by another word)"))
    return out


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    who = actor.org or actor.country or "?"
    label = f"{who}/{actor.sector}" if actor.sector else who
    return f"{label} ← {actor.entry}" if actor.entry else label
