"""Error kinds of whole-article gold: why a required event was missed, why a prediction is spurious.

Why: one recall figure says how much is wrong, not what to fix. Every missed required gold event
and every spurious asserted prediction gets exactly one kind, so that work can be done kind by kind
(and a change shows which kinds it moved). The kinds are decided from the article's predictions
alone; the first check that holds wins.

A **missed** required gold event (no asserted prediction matches it) is looked at through the
predictions of *every* modality from its evidence sentence ("candidates"):

1. ``missed: wrong modality``  a candidate has the right type and actors but is not asserted;
2. ``missed: wrong type``      a candidate has the right actors, its type is not in the gold list;
3. ``missed: missing source``  a candidate has the right type and target, no source;
4. ``missed: wrong source``    ... the right type and target, another source;
5. ``missed: missing target``  a candidate has the right type and source, no target;
6. ``missed: wrong target``    ... the right type and source, another target;
7. ``missed: wrong actors``    a candidate has the right type, both actors wrong;
8. ``missed: other event``     candidates exist, each wrong in type and in an actor;
9. ``missed: sentence split``  no candidate, but a prediction with the right type and actors comes
                               from a sentence that overlaps the evidence without holding it whole;
10. ``missed: no event``       nothing at all from that sentence.

Checks 1-7 take the candidate closest to the gold first: one field wrong before two.

A **spurious** prediction (asserted, matching no gold event, required or optional) is checked:

1. ``spurious: forbidden``     it hits a forbidden rule of the article (the gold names this trap);
2. ``spurious: wrong type``    a gold event of the same sentence has its actors, not its type;
3. ``spurious: wrong source``  a gold event of the same sentence has its type and target;
4. ``spurious: wrong target``  a gold event of the same sentence has its type and source;
5. ``spurious: title echo``    it comes from the title only, and another prediction of the article
                               with the same type matched a gold event (the body tells it);
6. ``spurious: self-loop``     its source and target are the same actor key;
7. ``spurious: no actor``      neither source nor target;
8. ``spurious: not an event``  no gold event at all in its sentence(s);
9. ``spurious: other event``   gold events in its sentence, each differing in two of type, source,
                               target.

Gold-aware checks (1-4) come first because they say what the right answer was; self-loop and no
actor come before "not an event" because they name the extraction fault more precisely. One fault
may show twice: a prediction of the wrong type in a required event's sentence is both that event's
``missed: wrong type`` and a ``spurious: wrong type`` (recall and precision both pay for it).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from eventwire.evaluate.gold_match import (
    actor_fit,
    describe,
    forbidden_hit,
    from_evidence,
    occurrences,
    overlaps_evidence,
    want,
)
from eventwire.evaluate.gold_read import GoldArticle, GoldEvent
from eventwire.records import Event

MISSED_KINDS = (
    "missed: wrong modality",
    "missed: wrong type",
    "missed: missing source",
    "missed: wrong source",
    "missed: missing target",
    "missed: wrong target",
    "missed: wrong actors",
    "missed: other event",
    "missed: sentence split",
    "missed: no event",
)
SPURIOUS_KINDS = (
    "spurious: forbidden",
    "spurious: wrong type",
    "spurious: wrong source",
    "spurious: wrong target",
    "spurious: title echo",
    "spurious: self-loop",
    "spurious: no actor",
    "spurious: not an event",
    "spurious: other event",
)
KINDS = MISSED_KINDS + SPURIOUS_KINDS


def _missed_test(kind: str, gold: GoldEvent, event: Event) -> bool:
    fit = actor_fit(gold, event)
    type_ok = event.plover_type in gold.types
    if kind == "missed: wrong modality":
        return type_ok and fit.actors_ok
    if kind == "missed: wrong type":
        return not type_ok and fit.actors_ok
    if not type_ok:
        return False
    if kind in ("missed: missing source", "missed: wrong source"):
        missing = fit.source is None
        return fit.target_ok and not fit.source_ok and missing == (kind == "missed: missing source")
    if kind in ("missed: missing target", "missed: wrong target"):
        missing = fit.target is None
        return fit.source_ok and not fit.target_ok and missing == (kind == "missed: missing target")
    return kind == "missed: wrong actors" and not fit.source_ok and not fit.target_ok


def missed_kind(gold: GoldEvent, text: str, every: Sequence[Event]) -> tuple[str, list[Event]]:
    """The kind of a missed gold event and the predictions that decided it (see the docstring)."""
    occs = occurrences(text, gold.evidence)
    near = [e for e in every if from_evidence(e, occs)]
    if not near:
        cut = [
            e
            for e in every
            if overlaps_evidence(e, occs)
            and e.plover_type in gold.types
            and actor_fit(gold, e).actors_ok
        ]
        return ("missed: sentence split", cut) if cut else ("missed: no event", [])
    for kind in MISSED_KINDS[:7]:
        hits = [e for e in near if _missed_test(kind, gold, e)]
        if hits:
            return kind, hits
    return "missed: other event", near


def _near_gold(
    event: Event, golds: Sequence[GoldEvent], text: str
) -> tuple[str | None, GoldEvent | None, bool]:
    """A one-field-wrong kind against a gold event of the same sentence, that gold event, and
    whether any gold event is in the sentence at all."""
    same = [g for g in golds if from_evidence(event, occurrences(text, g.evidence))]
    for kind in ("spurious: wrong type", "spurious: wrong source", "spurious: wrong target"):
        for gold in same:
            fit = actor_fit(gold, event)
            type_ok = event.plover_type in gold.types
            if (
                (kind == "spurious: wrong type" and not type_ok and fit.actors_ok)
                or (kind == "spurious: wrong source" and type_ok and fit.target_ok)
                or (kind == "spurious: wrong target" and type_ok and fit.source_ok)
            ):
                return kind, gold, True
    return None, None, bool(same)


def spurious_kind(
    event: Event, art: GoldArticle, matched_types: Collection[str]
) -> tuple[str, dict[str, Any] | None]:
    """The kind of a spurious prediction and what the gold wanted there, if anything."""
    for rule in art.forbidden:
        if forbidden_hit(rule, event, occurrences(art.text, rule.evidence)):
            return "spurious: forbidden", {"forbidden": rule.id, "rule": rule.rule}
    kind, gold, any_gold = _near_gold(event, art.events, art.text)
    if kind is not None and gold is not None:
        return kind, {"id": gold.id, **want(gold)}
    title_only = bool(event.mentions) and all(m.sentence_kind == "title" for m in event.mentions)
    source = event.source.key if event.source else None
    target = event.target.key if event.target else None
    if title_only and event.plover_type in matched_types:
        return "spurious: title echo", None
    if source is not None and source == target:
        return "spurious: self-loop", None
    if event.source is None and event.target is None:
        return "spurious: no actor", None
    return ("spurious: other event" if any_gold else "spurious: not an event"), None


def error_items(
    art: GoldArticle,
    every: Sequence[Event],
    missed: Sequence[GoldEvent],
    spurious: Sequence[Event],
    matched_types: Collection[str],
) -> list[dict[str, Any]]:
    """One JSON-ready item per missed required gold event and per spurious prediction."""
    items: list[dict[str, Any]] = []
    for gold in missed:
        kind, decided = missed_kind(gold, art.text, every)
        items.append(
            {
                "kind": kind,
                "article": art.id,
                "id": gold.id,
                "evidence": gold.evidence,
                "want": want(gold),
                "got": [describe(e, art.text) for e in decided],
            }
        )
    for event in spurious:
        kind, wanted = spurious_kind(event, art, matched_types)
        got = describe(event, art.text)
        items.append(
            {
                "kind": kind,
                "article": art.id,
                "sentence": got["sentence"],
                "want": wanted,
                "got": got,
            }
        )
    return items


def count_kinds(items: Sequence[dict[str, Any]]) -> dict[str, int]:
    """``{kind: count}`` over every kind (zeros kept: stable keys), most frequent first."""
    counts = dict.fromkeys(KINDS, 0)
    for item in items:
        counts[item["kind"]] += 1
    order = {kind: i for i, kind in enumerate(KINDS)}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]])))
