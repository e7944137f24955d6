"""How results look on a terminal and in JSON: tables, progress bar, event dictionaries."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .records import Actor, Event


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    who = actor.org or actor.country or "?"
    return f"{who}/{actor.sector}" if actor.sector else who


def event_json(event: Event, text: str | None = None) -> dict[str, Any]:
    """A plain dictionary for one event, with its evidence sentences sliced from the text."""

    def actor(a: Actor | None) -> dict[str, Any] | None:
        if a is None:
            return None
        return {"text": a.text, "country": a.country, "org": a.org, "sector": a.sector, "code": a.code}

    return {
        "id": event.id,
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "plover_context": event.plover_context,
        "cameo_code": event.cameo_code,
        "cameo_name": event.cameo_name,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "source": actor(event.source),
        "target": actor(event.target),
        "date_start": event.when.start.isoformat() if event.when else None,
        "date_end": event.when.end.isoformat() if event.when else None,
        "date_precision": event.when.precision if event.when else None,
        "places": [
            {"name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country": p.country}
            for p in event.places
        ],
        "modality": event.modality,
        "confidence": event.confidence,
        "mentions": [
            {
                "sentence": [m.sentence.start, m.sentence.end],
                "trigger": [m.trigger.start, m.trigger.end],
                "evidence": m.sentence.of(text) if text is not None else None,
                "pattern": m.pattern,
                "attribution": actor(m.attribution),
            }
            for m in event.mentions
        ],
    }


def wide(console: Console) -> Console:
    """Tables need room: use at least 150 columns when the output is not a terminal."""
    return console if console.is_terminal else Console(width=max(console.width, 150))


def print_events(console: Console, events: Sequence[Event], text: str) -> None:
    console = wide(console)
    table = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("type", "cameo", "source", "target", "date", "places", "evidence"):
        table.add_column(col, overflow="fold")
    for e in events:
        m = e.mentions[0]
        when = "" if e.when is None else (
            e.when.start.isoformat() if e.when.start == e.when.end
            else f"{e.when.start.isoformat()}…{e.when.end.isoformat()}"
        )
        table.add_row(
            e.plover_type + (f" ({e.modality})" if e.modality != "asserted" else ""),
            e.cameo_code, actor_label(e.source), actor_label(e.target), when,
            ", ".join(p.name for p in e.places), m.sentence.of(text)[:110],
        )
    console.print(table)


def print_rows(console: Console, rows: Sequence[dict[str, Any]]) -> None:
    console = wide(console)
    table = Table(title=f"{len(rows)} events")
    for col in ("type", "cameo", "source", "target", "date", "places", "n", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        src = r.get("source_org") or r.get("source_country") or "—"
        tgt = r.get("target_org") or r.get("target_country") or "—"
        start, end = r.get("date_start"), r.get("date_end")
        when = "" if start is None else (str(start) if start == end else f"{start}…{end}")
        places = ", ".join(p["name"] for p in (r.get("places") or []) if p)
        table.add_row(
            str(r.get("plover_type")), str(r.get("cameo_code")), src, tgt, when, places,
            str(r.get("n_mentions", "")), str(r.get("evidence") or "")[:110],
        )
    console.print(table)


def print_summary(console: Console, counts: dict[str, Any], db: str) -> None:
    console.print(
        f"[bold]{counts['inputs']}[/bold] inputs → {counts['articles']} articles, "
        f"{counts['failures']} failures, {counts['events']} events "
        f"({counts['events_added']} new) in {counts['seconds']} s → {db}"
    )


@contextmanager
def run_progress(console: Console, *, enabled: bool = True) -> Iterator[Callable[[Any], None] | None]:
    """A progress line counting inputs, articles and events as batches land."""
    if not enabled:
        yield None
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("starting…", total=None)

        def update(summary: Any) -> None:
            progress.update(task, description=(
                f"{summary.inputs} inputs · {summary.articles} articles · "
                f"{summary.failures} failures · {summary.events} events"))

        yield update
