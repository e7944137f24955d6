"""Score relation typing and end-to-end extraction on PLV-style sentences (the ``plv`` format).

Each row is one sentence with the source marked ``<s>…</s>`` and the target ``<t>…</t>``, and a gold
PLOVER root (``YIELD`` stands for CONCEDE or RETREAT). Two questions are asked:

(a) *type*: given the sentence and the marked spans, does ``pipe.classify`` give the gold type?
(b) *end to end*: does ``pipe.extract_many`` on the bare sentence produce an event of the gold type
    whose source and target spans overlap the marked ones?

Scoring (``score_plv``) is pure, so it is tested without a pipeline; ``evaluate_plv`` runs it.
A row whose source or target is not marked leaves that side unconstrained (like a null gold actor).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError, SourceError
from eventwire.evaluate._metrics import f1, overlaps, per_class_table, ratio, rounded, tsv_records
from eventwire.records import Event, Span

ALIASES = {"YIELD": ("CONCEDE", "RETREAT")}  # PLV label → PLOVER types it stands for
NONE_LABEL = "NONE"  # a missing prediction, as shown in the confusion table
MARKER = re.compile(r"</?[st]>")
EXAMPLES = 25  # mistakes kept in the result for debugging


@dataclass(frozen=True, slots=True)
class PlvRow:
    """One sentence, its marked source and target spans (every occurrence), and the gold label."""

    id: str
    sentence: str
    source_spans: tuple[Span, ...]
    target_spans: tuple[Span, ...]
    gold: str

    @property
    def source_span(self) -> Span | None:
        return self.source_spans[0] if self.source_spans else None

    @property
    def target_span(self) -> Span | None:
        return self.target_spans[0] if self.target_spans else None


def _trim(text: str, start: int, end: int) -> Span:
    """Drop the spaces that some annotators left inside the markers."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def parse_marked(marked: str) -> tuple[str, tuple[Span, ...], tuple[Span, ...]]:
    """Strip ``<s></s><t></t>`` markers; return the sentence and the source and target spans."""
    parts: list[str] = []
    length = 0
    opened: dict[str, int] = {}
    spans: dict[str, list[tuple[int, int]]] = {"s": [], "t": []}
    pos = 0
    for m in MARKER.finditer(marked):
        parts.append(marked[pos : m.start()])
        length += m.start() - pos
        pos = m.end()
        tag = m.group()
        kind = tag.strip("</>")
        if tag.startswith("</"):
            if kind in opened:
                spans[kind].append((opened.pop(kind), length))
        else:
            opened[kind] = length
    parts.append(marked[pos:])
    text = "".join(parts)
    found = {k: tuple(_trim(text, s, e) for s, e in v) for k, v in spans.items()}
    return text, found["s"], found["t"]


def load_plv(path: Path) -> list[PlvRow]:
    """Read the PLV TSV (``marked_sentence`` and ``gold_root`` columns are required)."""
    rows = []
    for number, rec in tsv_records(path, {"marked_sentence", "gold_root"}, "PLV"):
        marked, gold = rec.get("marked_sentence"), (rec.get("gold_root") or "").strip()
        if not marked or not gold:
            raise SourceError(f"{path}:{number}: empty marked_sentence or gold_root")
        text, src, tgt = parse_marked(marked)
        rows.append(PlvRow(rec.get("sentence_id") or str(number), text, src, tgt, gold))
    return rows


def label_correct(gold: str, predicted: str | None) -> bool:
    """True when the predicted PLOVER type is the gold label or one it stands for."""
    return predicted is not None and (predicted == gold or predicted in ALIASES.get(gold, ()))


def canonical(predicted: str | None, labels: set[str]) -> str:
    """Map a prediction into the label set of the gold (CONCEDE → YIELD) for per-class tables."""
    if predicted is None:
        return NONE_LABEL
    if predicted not in labels:
        for alias, members in ALIASES.items():
            if alias in labels and predicted in members:
                return alias
    return predicted


def e2e_correct(row: PlvRow, event: Event) -> bool:
    """Right type, and some mention whose source and target overlap the marked spans."""
    if not label_correct(row.gold, event.plover_type):
        return False
    for m in event.mentions:
        src_ok = not row.source_spans or any(overlaps(m.source_span, s) for s in row.source_spans)
        tgt_ok = not row.target_spans or any(overlaps(m.target_span, t) for t in row.target_spans)
        if src_ok and tgt_ok:
            return True
    return False


def _type_scores(rows: Sequence[PlvRow], preds: Sequence[str | None]) -> dict[str, Any]:
    labels = {r.gold for r in rows}
    confusion: dict[str, Counter[str]] = {g: Counter() for g in sorted(labels)}
    predicted_as: Counter[str] = Counter()
    correct = 0
    mistakes: list[dict[str, Any]] = []
    for row, pred in zip(rows, preds, strict=True):
        label = canonical(pred, labels)
        confusion[row.gold][label] += 1
        predicted_as[label] += 1
        if label_correct(row.gold, pred):
            correct += 1
        elif len(mistakes) < EXAMPLES:
            mistakes.append(
                {"id": row.id, "gold": row.gold, "predicted": pred, "sentence": row.sentence[:200]}
            )
    per_class, macro = per_class_table(confusion, predicted_as, sorted(labels))
    return {
        "type_accuracy": rounded(ratio(correct, len(rows))),
        "type_macro_f1": rounded(macro),
        "type_correct": correct,
        "type_missing": sum(p is None for p in preds),
        "per_class": per_class,
        "confusion": {g: dict(c) for g, c in confusion.items()},
        "type_mistakes": mistakes,
    }


def _e2e_scores(rows: Sequence[PlvRow], batches: Sequence[Sequence[Event]]) -> dict[str, Any]:
    predicted = correct = found = 0
    misses: list[dict[str, Any]] = []
    for row, events in zip(rows, batches, strict=True):
        right = sum(e2e_correct(row, e) for e in events)
        predicted += len(events)
        correct += right
        found += right > 0
        if not right and len(misses) < EXAMPLES:
            misses.append(
                {
                    "id": row.id,
                    "gold": row.gold,
                    "sentence": row.sentence[:200],
                    "predicted": [e.plover_type for e in events],
                }
            )
    p, r = ratio(correct, predicted), ratio(found, len(rows))
    return {
        "e2e_precision": rounded(p),
        "e2e_recall": rounded(r),
        "e2e_f1": rounded(f1(p, r)),
        "e2e_predicted": predicted,
        "e2e_correct": correct,
        "e2e_rows_found": found,
        "e2e_misses": misses,
    }


def score_plv(
    rows: Sequence[PlvRow],
    type_predictions: Sequence[str | None] | None,
    e2e_predictions: Sequence[Sequence[Event]] | None,
) -> dict[str, Any]:
    """Score (a) one predicted type per row and (b) the events extracted from each row.

    Either part may be None to skip it (its keys are then absent from the result).
    """
    for name, preds in (
        ("type_predictions", type_predictions),
        ("e2e_predictions", e2e_predictions),
    ):
        if preds is not None and len(preds) != len(rows):
            raise ConfigError(f"{name} has {len(preds)} entries for {len(rows)} rows")
    result: dict[str, Any] = {
        "n": len(rows),
        "unmarked_source": sum(not r.source_spans for r in rows),
        "unmarked_target": sum(not r.target_spans for r in rows),
    }
    if type_predictions is not None:
        result.update(_type_scores(rows, type_predictions))
    if e2e_predictions is not None:
        result.update(_e2e_scores(rows, e2e_predictions))
    return result


def as_pair(span: Span | None) -> tuple[int, int] | None:
    """A span as the (start, end) pair that `classify` takes."""
    return None if span is None else (span.start, span.end)


def evaluate_plv(path: Path, pipeline: Any) -> dict[str, Any]:
    """Classify every marked pair, extract from every bare sentence, and score both."""
    rows = load_plv(Path(path))
    started = time.perf_counter()
    found = pipeline.classify_many(
        [(row.sentence, as_pair(row.source_span), as_pair(row.target_span)) for row in rows]
    )
    types = [cls.plover_type if cls is not None else None for cls in found]
    typed = time.perf_counter()
    batches = pipeline.extract_many([r.sentence for r in rows], [None] * len(rows))
    result = score_plv(rows, types, batches)
    result["seconds_type"] = round(typed - started, 3)
    result["seconds_e2e"] = round(time.perf_counter() - typed, 3)
    return result
