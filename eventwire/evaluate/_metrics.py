"""Small scoring helpers shared by the evaluation formats.

Kept apart so that ``gold`` and ``plv`` compute precision, recall, F1, distances and span overlaps
the same way, and so that each is testable without a pipeline.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from eventwire.errors import SourceError
from eventwire.records import Span

EARTH_RADIUS_KM = 6371.0088


def ratio(part: int, whole: int) -> float:
    """``part / whole``, with 0.0 for an empty denominator (a score, never a ZeroDivisionError)."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall; 0.0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres: the 161 km (100 mile) rule needs real distances."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def overlaps(a: Span | None, b: Span | None) -> bool:
    """True when two half-open character spans share at least one character."""
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def rounded(value: float | None, digits: int = 4) -> float | None:
    """Round a score for the JSON line (keeps the line short and stable across runs)."""
    return None if value is None else round(value, digits)


def tsv_records(path: Path, required: set[str], what: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a gold TSV; SourceError naming the file if it is unreadable or lacks
    a required column. Fields may be long (whole snippets), so the csv size limit is lifted."""
    csv.field_size_limit(sys.maxsize)
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            missing = required - set(reader.fieldnames or ())
            if missing:
                raise SourceError(f"{path}: not a {what} file, missing columns {sorted(missing)}")
            yield from enumerate(reader, 2)
    except OSError as exc:
        raise SourceError(f"cannot read {what} file {path}: {exc}") from exc


def jsonl_records(path: Path, what: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line of a gold JSONL file; SourceError naming
    the file, and the line, when it is unreadable, not JSON or not an object."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SourceError(f"cannot read {what} {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise SourceError(f"{path}:{number}: each line must be a JSON object")
        yield number, obj


def per_class_table(
    confusion: Mapping[str, Counter[str]], predicted_as: Counter[str], labels: Iterable[str]
) -> tuple[dict[str, dict[str, float | int | None]], float]:
    """Per-class precision/recall/F1 from a gold → predicted confusion, and the macro-F1."""
    table: dict[str, dict[str, float | int | None]] = {}
    f1s = []
    for label in labels:
        tp, support = confusion[label][label], sum(confusion[label].values())
        p, r = ratio(tp, predicted_as[label]), ratio(tp, support)
        f1s.append(f1(p, r))
        table[label] = {
            "precision": rounded(p),
            "recall": rounded(r),
            "f1": rounded(f1s[-1]),
            "support": support,
            "predicted": predicted_as[label],
        }
    return table, (sum(f1s) / len(f1s) if f1s else 0.0)
