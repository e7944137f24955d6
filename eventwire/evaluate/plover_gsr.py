"""End-to-end extraction scored on the PLOVER gold standard records (the ``plover-gsr`` format).

The file is a JSON array of records, each one sentence (``text``) with its gold ``event`` (old
PLOVER label names), ``source`` and ``target`` actor lists (``actorText`` + ``code``). Records
without text (the ``DOCUMENT`` header) are skipped. Gold labels are mapped to today's PLOVER
types: DEMAND → REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT → ASSAULT.

Like ``plv`` (b): ``pipe.extract_many`` runs on the bare sentence, and a predicted event is
*correct* when its PLOVER type is the gold type and one of its mentions has

- a source that overlaps the text of a gold source actor (found in the sentence; a text written
  with ``...`` counts each piece) **or** resolves to the gold actor's code (organisation, else
  country: ``RUS``; so an actor the annotator wrote differently still counts), and
- a target matched the same way, unless the record has no target (compound or one-sided
  events), which leaves the target free, like an unmarked target in ``plv``.

A side given as anything but a list (``""``, null, or a stray word such as a context name) has
no gold actor and is left free. A record whose markup pairs actors as ``SRC/TAR`` (reciprocal events) also accepts the two
swapped. ``e2e_precision`` = correct predicted events / predicted events, ``e2e_recall`` = records
with at least one correct event / records, ``e2e_f1`` their harmonic mean; ``n`` = records.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError, SourceError
from eventwire.evaluate._metrics import f1, overlaps, ratio, rounded
from eventwire.evaluate.plv import NONE_LABEL
from eventwire.records import Actor, Event, Span

LABEL_MAP = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
SKIP_LABELS = {"DOCUMENT"}
ELLIPSIS = re.compile(r"\s*\.{2,}\s*")
EXAMPLES = 25


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A gold actor: the spans where its text occurs in the sentence, and its code."""

    text: str
    code: str | None
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class GsrRecord:
    id: str
    sentence: str
    gold: str  # mapped PLOVER type
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    symmetric: bool


def find_spans(text: str, phrase: str) -> tuple[Span, ...]:
    """Every occurrence of a phrase (or of each piece of ``A ... B``), case-insensitively."""
    found: list[Span] = []
    haystack = text.lower()
    for piece in ELLIPSIS.split(" ".join(phrase.split())):
        piece = piece.strip().lower()
        if not piece:
            continue
        start = haystack.find(piece)
        while start >= 0:
            found.append(Span(start, start + len(piece)))
            start = haystack.find(piece, start + 1)
    return tuple(found)


def _actors(value: Any, text: str, where: str) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):  # "" or null: no actor; a stray string: not an actor list
        return ()
    actors = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("actorText"), str):
            raise SourceError(f"{where}: each actor needs an actorText")
        code = item.get("code") if isinstance(item.get("code"), str) else None
        actors.append(
            GoldActor(item["actorText"], code or None, find_spans(text, item["actorText"]))
        )
    return tuple(actors)


def _markup(record: dict[str, Any]) -> str:
    info = record.get("textInfo")
    if isinstance(info, dict):
        return str(info.get("markup") or "")
    return info if isinstance(info, str) else ""


def load_gsr(path: Path) -> list[GsrRecord]:
    """Read the JSON array; records without a text or with the DOCUMENT label are skipped."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read PLOVER GSR file {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path}: not a JSON array of PLOVER records ({exc})") from exc
    if not isinstance(data, list):
        raise SourceError(f"{path}: expected a JSON array of records")
    records = []
    for number, rec in enumerate(data, 1):
        if not isinstance(rec, dict):
            raise SourceError(f"{path}: record {number} is not an object")
        label, text = rec.get("event"), rec.get("text")
        if label in SKIP_LABELS or not isinstance(text, str) or not text.strip():
            continue
        if not isinstance(label, str) or not label:
            raise SourceError(f"{path}: record {number} has no event label")
        where = f"{path}: record {rec.get('id', number)}"
        records.append(
            GsrRecord(
                id=str(rec.get("id", number)),
                sentence=text,
                gold=LABEL_MAP.get(label, label),
                sources=_actors(rec.get("source"), text, where),
                targets=_actors(rec.get("target"), text, where),
                symmetric="SRC/TAR" in _markup(rec),
            )
        )
    return records


def actor_matches(gold: Sequence[GoldActor], actor: Actor | None, span: Span | None) -> bool:
    """True when the predicted actor overlaps a gold actor's text or resolves to its code."""
    for g in gold:
        if any(overlaps(span, s) for s in g.spans):
            return True
        if actor is not None and g.code and g.code in {actor.org, actor.country}:
            return True
    return False


def _sides_match(rec: GsrRecord, event: Event, swap: bool) -> bool:
    for m in event.mentions:
        src, src_span, tgt, tgt_span = m.source, m.source_span, m.target, m.target_span
        if swap:
            src, src_span, tgt, tgt_span = tgt, tgt_span, src, src_span
        src_ok = not rec.sources or actor_matches(rec.sources, src, src_span)
        tgt_ok = not rec.targets or actor_matches(rec.targets, tgt, tgt_span)
        if src_ok and tgt_ok:
            return True
    return False


def actors_match(rec: GsrRecord, event: Event) -> bool:
    """Source and target agree with the record (either way round for reciprocal records)."""
    return _sides_match(rec, event, False) or (rec.symmetric and _sides_match(rec, event, True))


def gsr_correct(rec: GsrRecord, event: Event) -> bool:
    """The gold type, and actors that agree with the record."""
    return event.plover_type == rec.gold and actors_match(rec, event)


def _shown_label(rec: GsrRecord, events: Sequence[Event]) -> str:
    """The predicted type shown in the confusion table for one record."""
    if any(gsr_correct(rec, e) for e in events):
        return rec.gold
    same_actors = [e for e in events if actors_match(rec, e)]
    pool = same_actors or list(events)
    return pool[0].plover_type if pool else NONE_LABEL


def score_gsr(records: Sequence[GsrRecord], batches: Sequence[Sequence[Event]]) -> dict[str, Any]:
    """Score the events extracted from each record (pure: tested without a pipeline)."""
    if len(batches) != len(records):
        raise ConfigError(f"{len(batches)} predictions for {len(records)} records")
    labels = sorted({r.gold for r in records})
    support: Counter[str] = Counter(r.gold for r in records)
    found_by: Counter[str] = Counter()
    predicted_by: Counter[str] = Counter()
    correct_by: Counter[str] = Counter()
    confusion: dict[str, Counter[str]] = {label: Counter() for label in labels}
    misses: list[dict[str, Any]] = []
    for rec, events in zip(records, batches, strict=True):
        right = 0
        for e in events:
            predicted_by[e.plover_type] += 1
            if gsr_correct(rec, e):
                right += 1
                correct_by[e.plover_type] += 1
        found_by[rec.gold] += right > 0
        confusion[rec.gold][_shown_label(rec, events)] += 1
        if not right and len(misses) < EXAMPLES:
            misses.append(
                {
                    "id": rec.id,
                    "gold": rec.gold,
                    "sentence": rec.sentence[:200],
                    "predicted": [e.plover_type for e in events],
                }
            )
    predicted, correct, found = (
        sum(predicted_by.values()),
        sum(correct_by.values()),
        sum(found_by.values()),
    )
    p, r = ratio(correct, predicted), ratio(found, len(records))
    per_class = {}
    for label in labels:
        lp, lr = (
            ratio(correct_by[label], predicted_by[label]),
            ratio(found_by[label], support[label]),
        )
        per_class[label] = {
            "precision": rounded(lp),
            "recall": rounded(lr),
            "f1": rounded(f1(lp, lr)),
            "support": support[label],
            "predicted": predicted_by[label],
        }
    return {
        "n": len(records),
        "e2e_precision": rounded(p),
        "e2e_recall": rounded(r),
        "e2e_f1": rounded(f1(p, r)),
        "e2e_predicted": predicted,
        "e2e_correct": correct,
        "e2e_rows_found": found,
        "rows_without_events": sum(not events for events in batches),
        "per_class": per_class,
        "confusion": {g: dict(c) for g, c in confusion.items()},
        "e2e_misses": misses,
    }


def evaluate_plover_gsr(path: Path, pipeline: Any) -> dict[str, Any]:
    """Extract from every record's sentence and score end to end."""
    records = load_gsr(Path(path))
    started = time.perf_counter()
    batches = pipeline.extract_many([r.sentence for r in records], [None] * len(records))
    result = score_gsr(records, batches)
    result["seconds_e2e"] = round(time.perf_counter() - started, 3)
    return result
