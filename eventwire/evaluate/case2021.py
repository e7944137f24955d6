"""ACLED-style sub-event type of a news snippet, scored on CASE 2021 task 2 (``case2021``).

The file is a TSV with ``EventSnippet`` and ``SubType`` columns (``id`` optional). CASE's labels
are ACLED's sub-event types under short names (``AIR_STRIKE`` = "Air/drone strike") plus a few
classes ACLED does not code (diplomacy, attribution of an attack, crime, disasters).

Prediction: ``pipe.extract_many`` on the snippet; of the events reported as having happened, the
*most salient* is the one with an ACLED sub-event type (``eventwire.coding.acled``, driven by
``data/acled_map.tsv``) told in the earliest sentence (news puts the main event first), and
within a sentence the most violent (lowest Goldstein score), then the one whose table row comes
first (rows are ordered specific-first: an air strike beats a generic armed clash), then the
earliest trigger. The words of the snippet then refine that category the way
``acled.acled_subevent`` refines an event's from its sentences (``acled_cues``: the first cue
row the snippet matches re-types the event where the row allows, or types a snippet whose events
have none); a cue that the report is not one ACLED codes gives CASE's disaster and crime classes
(``NOT_ACLED_TO_CASE``). With neither, the first event's PLOVER type may still give one of CASE's
non-ACLED classes (``NON_ACLED``: accusing → ``ATTRIB``, diplomatic moves → ``DIPLO``). A snippet
where nothing applies is predicted ``NONE``, which is never correct: it counts against accuracy
and the gold class's recall.

``accuracy`` = snippets predicted right / snippets; ``macro_f1`` = the mean F1 over the gold
classes present in the file (classes we never predict score 0); ``n`` = snippets.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.coding.acled import AcledMap, combine, default_map
from eventwire.coding.acled_cues import AcledCues, default_cues
from eventwire.errors import ConfigError, SourceError
from eventwire.evaluate._metrics import per_class_table, ratio, rounded, tsv_records
from eventwire.records import Event

NONE_LABEL = "NONE"
EXAMPLES = 25

# CASE 2021 label → the ACLED sub-event type it names.
CASE_TO_ACLED = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
ACLED_TO_CASE = {v: k for k, v in CASE_TO_ACLED.items()}
# CASE classes outside ACLED that a PLOVER type names well enough (ATTRIB: blaming or claiming
# an attack; DIPLO: meetings, sanctions, expulsions, endorsements, rebuffs between states).
NON_ACLED = {
    "ACCUSE": "ATTRIB",
    "CONSULT": "DIPLO",
    "SANCTION": "DIPLO",
    "SUPPORT": "DIPLO",
    "REJECT": "DIPLO",
}
# What the cue table says a report is when ACLED does not code it (``acled_cues.NOT_ACLED``).
NOT_ACLED_TO_CASE = {
    "Natural disaster": "NATURAL_DISASTER",
    "Man-made disaster": "MAN_MADE_DISASTER",
    "Crime": "ORG_CRIME",
}


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    gold: str


def load_case(path: Path) -> list[Snippet]:
    """Read the TSV (``EventSnippet`` and ``SubType`` columns are required)."""
    rows = []
    for number, rec in tsv_records(path, {"EventSnippet", "SubType"}, "CASE 2021"):
        text = (rec.get("EventSnippet") or "").strip()
        gold = (rec.get("SubType") or "").strip()
        if not text or not gold:
            raise SourceError(f"{path}:{number}: empty EventSnippet or SubType")
        rows.append(Snippet((rec.get("id") or str(number)).strip(), text, gold))
    return rows


def _start(event: Event) -> tuple[int, int]:
    starts = [(m.sentence.start, m.trigger.start) for m in event.mentions]
    return min(starts) if starts else (sys.maxsize, sys.maxsize)


def salient(events: Sequence[Event], table: AcledMap) -> tuple[Event, tuple[str, str]] | None:
    """The snippet's most salient event with an ACLED sub-event type, and that type."""
    ranked = [(rank, e) for e in events if (rank := table.rank(e)) is not None]
    if not ranked:
        return None
    rank, event = min(
        ranked, key=lambda p: (_start(p[1])[0], p[1].goldstein, p[0], _start(p[1])[1])
    )
    rule = table.rules[rank]
    return event, (rule.event_type, rule.sub_event_type)


def predict(
    events: Sequence[Event], table: AcledMap, text: str | None = None, cues: AcledCues | None = None
) -> str:
    """The CASE label predicted for one snippet's events (``NONE`` when nothing applies).

    With the snippet's ``text``, its words refine the salient event's category the way
    ``acled.acled_subevent`` does for an event (``acled_cues``), and type a snippet whose
    events have none."""
    found = salient(events, table)
    typed = found[1] if found is not None else None
    if text is not None:
        cue = (cues or default_cues()).match(text)
        if cue is not None and cue.cue.retypes(typed[0] if typed else None):
            if not cue.acled:
                return NOT_ACLED_TO_CASE[cue.sub_event_type]
            typed = combine(typed, cue)
    if typed is not None:
        return ACLED_TO_CASE.get(typed[1], typed[1])
    asserted = sorted((e for e in events if e.modality == "asserted"), key=_start)
    for event in asserted:
        if event.plover_type in NON_ACLED:
            return NON_ACLED[event.plover_type]
    return NONE_LABEL


def score_case(snippets: Sequence[Snippet], predictions: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the gold classes, a per-class table and the confusions."""
    if len(predictions) != len(snippets):
        raise ConfigError(f"{len(predictions)} predictions for {len(snippets)} snippets")
    labels = sorted({s.gold for s in snippets})
    confusion: dict[str, Counter[str]] = {label: Counter() for label in labels}
    predicted_as: Counter[str] = Counter(predictions)
    mistakes: list[dict[str, Any]] = []
    for snip, pred in zip(snippets, predictions, strict=True):
        confusion[snip.gold][pred] += 1
        if pred != snip.gold and len(mistakes) < EXAMPLES:
            mistakes.append(
                {"id": snip.id, "gold": snip.gold, "predicted": pred, "snippet": snip.text[:200]}
            )
    per_class, macro = per_class_table(confusion, predicted_as, labels)
    correct = sum(confusion[label][label] for label in labels)
    return {
        "n": len(snippets),
        "accuracy": rounded(ratio(correct, len(snippets))),
        "macro_f1": rounded(macro),
        "correct": correct,
        "predicted_none": predicted_as[NONE_LABEL],
        "per_class": per_class,
        "confusion": {g: dict(c) for g, c in confusion.items()},
        "mistakes": mistakes,
    }


def evaluate_case2021(path: Path, pipeline: Any, table: AcledMap | None = None) -> dict[str, Any]:
    """Extract from every snippet, pick its ACLED sub-event type, and score."""
    snippets = load_case(Path(path))
    table = table or default_map()
    started = time.perf_counter()
    batches = pipeline.extract_many([s.text for s in snippets], [None] * len(snippets))
    cues = default_cues()
    predictions = [predict(ev, table, s.text, cues) for ev, s in zip(batches, snippets, strict=True)]
    result = score_case(snippets, predictions)
    result["seconds_e2e"] = round(time.perf_counter() - started, 3)
    return result
