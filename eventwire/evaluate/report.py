"""Readable tables for evaluation results (the CLI's output without ``--json``).

Why separate: scoring returns plain dicts (one JSON line for machines); this module only turns a
result into text with rich, so the same result can be printed, logged or compared in tests.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

from rich.console import Console
from rich.table import Table

from eventwire.evaluate.gold import HALF_KEYS

WIDTH = 140
SKIP = {
    "details",
    "unmatched_predictions",
    "forbidden_details",
    "per_class",
    "confusion",
    "type_mistakes",
    "e2e_misses",
    "field_accuracy",
    "field_counts",
    "mistakes",
    "errors",
    "error_items",
    "halves",
    "fusion",
}
PER_CLASS_TITLES = {
    "plv": "per class (type given the marked pair)",
    "plover-gsr": "per class (end to end: recall over records, precision over predicted events)",
    "case2021": "per class (ACLED-style sub-event type of the snippet's most salient event)",
}
TOP_CONFUSIONS = 20


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _summary(result: Mapping[str, Any], title: str) -> Table:
    table = Table(title=title, show_header=True)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in result.items():
        if key not in SKIP:
            table.add_row(key, _fmt(value))
    for key, value in (result.get("field_accuracy") or {}).items():
        counts = (result.get("field_counts") or {}).get(key)
        shown = _fmt(value) + (f"  ({counts[0]}/{counts[1]})" if counts else "")
        table.add_row(f"field_accuracy.{key}", shown)
    return table


def _actors(item: Mapping[str, Any]) -> str:
    return f"{item.get('source') or '∅'} → {item.get('target') or '∅'}"


def _gold_tables(result: Mapping[str, Any]) -> Iterable[Table]:
    events = Table(title="gold events (kind: why a required one was missed)", show_lines=False)
    for col in ("", "id", "req", "want", "got", "fields", "kind", "evidence"):
        events.add_column(col, overflow="fold")
    for d in result.get("details", []):
        want = d.get("want", {})
        got = "; ".join(f"{p['type']} {_actors(p)}" for p in d.get("predictions", []))
        fields = " ".join(
            f"{k}{'✓' if v else '✗'}" for k, v in (d.get("fields") or {}).items() if v is not None
        )
        events.add_row(
            "✓" if d.get("matched") else "✗",
            d.get("id", ""),
            "yes" if d.get("required") else "opt",
            f"{'/'.join(want.get('type', []))} {_actors(want)}",
            got or "–",
            fields,
            _short_kind(d.get("kind")),
            d.get("evidence", "")[:50],
        )
    yield events
    unmatched = Table(title="unmatched predictions (false positives), by kind")
    for col in ("kind", "type", "cameo", "actors", "when", "places", "sentence"):
        unmatched.add_column(col, overflow="fold")
    order = {kind: i for i, kind in enumerate(result.get("errors") or {})}
    rows = result.get("unmatched_predictions", [])
    for p in sorted(rows, key=lambda p: order.get(p.get("kind"), len(order))):
        unmatched.add_row(
            _short_kind(p.get("kind")),
            p["type"],
            p.get("cameo") or "",
            _actors(p),
            _fmt(p.get("when")),
            ", ".join(p.get("places") or []),
            p.get("sentence", "")[:90],
        )
    yield unmatched
    forbidden = Table(title="forbidden patterns")
    for col in ("", "id", "rule", "offending predictions"):
        forbidden.add_column(col, overflow="fold")
    for f in result.get("forbidden_details", []):
        offending = "; ".join(
            f"{p['type']} {_actors(p)} ({p['modality']})" for p in f["predictions"]
        )
        forbidden.add_row("HIT" if f["hit"] else "ok", f["id"], f.get("rule", ""), offending or "–")
    yield forbidden
    yield from _gold_halves(result)
    yield from _gold_fusion(result)


def _gold_fusion(result: Mapping[str, Any]) -> Iterable[Table]:
    """The fusion block (``gold_fusion.py``): pairwise figures, then every over-merged pair."""
    fusion = result.get("fusion")
    if not fusion:
        return
    figures = Table(title="fusion across articles (pairs of matched reports)")
    figures.add_column("metric")
    figures.add_column("value", justify="right")
    for key, value in fusion.items():
        if key not in ("over_merged", "under_merged"):
            figures.add_row(key, _fmt(value))
    figures.add_row("over_merged", str(len(fusion["over_merged"])))
    figures.add_row("under_merged", str(len(fusion["under_merged"])))
    yield figures
    for title, key in (("over-merged pairs", "over_merged"), ("under-merged pairs", "under_merged")):
        if fusion[key]:
            table = Table(title=title)
            for col in ("article", "groups", "report", "article", "groups", "report"):
                table.add_column(col, overflow="fold")
            for pair in fusion[key]:
                cells = []
                for side in (pair["a"], pair["b"]):
                    cells += [side["article"], ", ".join(side["groups"]),
                              f"{side['type']} {_actors(side)} {_fmt(side['when'])}"]
                table.add_row(*cells)
            yield table


def _short_kind(kind: str | None) -> str:
    return (kind or "").split(": ", 1)[-1]


def _gold_halves(result: Mapping[str, Any]) -> Iterable[Table]:
    """Headline figures and error counts by kind for the whole set and each half (if given)."""
    halves = result.get("halves") or {}
    columns = {result.get("split") or "whole": result, **halves}
    figures = Table(title="whole set and halves" if halves else f"{next(iter(columns))} half")
    figures.add_column("metric")
    for name in columns:
        figures.add_column(name, justify="right")
    for key in HALF_KEYS:
        figures.add_row(key, *(_fmt(col.get(key)) for col in columns.values()))
    yield figures
    errors = result.get("errors") or {}
    if any(errors.values()):
        table = Table(title="errors by kind (most frequent first)")
        table.add_column("kind")
        for name in columns:
            table.add_column(name, justify="right")
        counts = [c.get("errors") or {} for c in columns.values()]
        for kind in errors:
            if any(c.get(kind) for c in counts):
                table.add_row(kind, *(str(c.get(kind, 0)) for c in counts))
        yield table


def _plv_tables(result: Mapping[str, Any], fmt: str = "plv") -> Iterable[Table]:
    per_class = result.get("per_class") or {}
    if per_class:
        table = Table(title=PER_CLASS_TITLES.get(fmt, "per class"))
        for col in ("class", "precision", "recall", "f1", "support", "predicted"):
            table.add_column(col, justify="left" if col == "class" else "right")
        for label, row in per_class.items():
            table.add_row(
                label,
                *(_fmt(row[k]) for k in ("precision", "recall", "f1", "support", "predicted")),
            )
        yield table
    confusion = result.get("confusion") or {}
    if confusion:
        columns = sorted({p for row in confusion.values() for p in row})
        table = Table(caption="rows: gold label, columns: predicted type", title="confusion")
        table.add_column("gold")
        for col in columns:
            table.add_column(col[:6], justify="right")
        for gold, row in confusion.items():
            table.add_row(gold, *(str(row.get(c, "")) for c in columns))
        yield table


def _top_confusions(result: Mapping[str, Any]) -> Iterable[Table]:
    """For many classes a matrix is too wide: list the most frequent gold → predicted errors."""
    pairs = [
        (count, gold, pred)
        for gold, row in (result.get("confusion") or {}).items()
        for pred, count in row.items()
        if pred != gold
    ]
    if pairs:
        table = Table(title=f"most frequent confusions (top {TOP_CONFUSIONS})")
        for col in ("gold", "predicted", "count"):
            table.add_column(col, justify="right" if col == "count" else "left")
        for count, gold, pred in sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))[:TOP_CONFUSIONS]:
            table.add_row(gold, pred, str(count))
        yield table


def _mistakes(result: Mapping[str, Any]) -> Iterable[Table]:
    rows = result.get("mistakes") or []
    if rows:
        table = Table(title=f"first {len(rows)} mistakes")
        columns = list(rows[0])
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(_fmt(row.get(c)) for c in columns))
        yield table


def render(result: Mapping[str, Any], fmt: str) -> str:
    """Render an evaluation result as readable tables (summary first, then format details)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=WIDTH, color_system=None, force_terminal=False)
    if fmt == "gold":
        for table in _gold_tables(result):
            console.print(table)
    elif fmt in ("plv", "plover-gsr"):
        for table in _plv_tables(result, fmt):
            console.print(table)
    elif fmt == "case2021":
        for table in (
            *_plv_tables({"per_class": result.get("per_class")}, fmt),
            *_top_confusions(result),
        ):
            console.print(table)
    elif fmt == "petr-gsr":
        for table in _mistakes(result):
            console.print(table)
    console.print(_summary(result, f"evaluate ({fmt})"))
    return buffer.getvalue()
