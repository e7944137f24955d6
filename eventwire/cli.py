"""The `eventwire` command: thin wrappers that parse options and call one library function each.

`EventwireError` is caught in exactly one place (`main`) and printed as one line; `--debug` shows
the traceback instead.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console

from . import __version__
from .errors import ConfigError, EventwireError

err = Console(stderr=True)


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


@click.group()
@click.version_option(__version__, prog_name="eventwire")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """eventwire: news in, political events (PLOVER + CAMEO) out."""
    ctx.obj = {"debug": debug}


@cli.command("run")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default="eventwire.duckdb", show_default=True, help="DuckDB file to write.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that have none.")
@click.option("--workers", type=int, default=None,
              help="Worker processes (default: one per usable CPU core; 1 runs in this process).")
@click.option("--time-limit", type=float, default=None,
              help="Seconds a worker may spend on one batch, then on each of its articles alone "
                   "(default 300); past it the article is recorded as a failure.")
@click.option("--batch-size", default=32, show_default=True, help="Articles per batch.")
@click.option("--field", "fields", multiple=True, metavar="NAME=COLUMN",
              help="Map a record field to another column name, e.g. --field text=body.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON (last line).")
@click.option("--prefilter/--no-prefilter", default=None,
              help="Parse only sentences that could hold an event (default: on).")
@click.option("--resume", is_flag=True, help="Skip articles already stored in --db.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True)
@click.option("--master", default=None, help="Spark master URL (engine spark), e.g. local[2].")
@click.option("--out", default=None, help="Output folder of Parquet (engine spark).")
@click.option("--lock-wait", type=float, default=None,
              help="Seconds to wait while another process (serve) holds --db [default: 30].")
def run_cmd(sources: tuple[str, ...], db: str, published: str | None, workers: int | None,
            time_limit: float | None, batch_size: int, fields: tuple[str, ...], as_json: bool,
            prefilter: bool | None, resume: bool, engine: str, master: str | None, out: str | None,
            lock_wait: float | None) -> None:
    """Read SOURCES (files, folders, '-' for stdin) into the event database."""
    from .ingest import FieldMap
    from .pipeline import Settings
    from .run import LOCK_WAIT, TIME_LIMIT, run
    from .views import run_progress

    mapping = FieldMap(**dict(_pair(f) for f in fields)) if fields else None
    settings = Settings(batch_size=batch_size)
    if prefilter is not None:
        settings = Settings(batch_size=batch_size, prefilter=prefilter)
    if engine == "spark":
        from .spark import run_spark

        if not out:
            raise ConfigError("--engine spark writes Parquet: give --out DIR")
        result = run_spark(list(sources), out, master=master, published=_date(published),
                           fields=mapping, settings=settings)
        click.echo(json.dumps(result) if as_json else
                   f"{result['inputs']} inputs → {result['articles']} articles, "
                   f"{result['failures']} failures, {result['events']} events in "
                   f"{result['seconds']} s → {out}")
        return
    with run_progress(err, enabled=not as_json) as progress:
        summary = run(list(sources), db=db, published=_date(published), workers=workers,
                      batch_size=batch_size, fields=mapping, stdin=sys.stdin.buffer,
                      progress=progress, settings=settings, resume=resume,
                      time_limit=time_limit if time_limit is not None else TIME_LIMIT,
                      lock_wait=LOCK_WAIT if lock_wait is None else lock_wait,
                      on_wait=lambda message: err.print(message, markup=False))
    if summary.interrupted:
        _stopped(summary.articles, summary.failures)
    counts = summary.as_dict()
    if as_json:
        keys = ("inputs", "articles", "failures", "events", "events_added", "seconds")
        click.echo(json.dumps({k: counts[k] for k in keys}))
    else:
        from .views import print_summary

        print_summary(Console(), counts, db)


def _stopped(articles: int, failures: int) -> None:
    """After Ctrl-C: what is stored, and the command that carries on from there; exit 130."""
    import shlex

    args = sys.argv[1:]
    again = shlex.join(["eventwire", *args, *([] if "--resume" in args else ["--resume"])])
    err.print(f"Stopped after {articles} articles and {failures} failures, all stored. "
              f"To carry on:\n  {again}", markup=False, soft_wrap=True)
    raise SystemExit(130)


def _pair(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise ConfigError(f"--field expects NAME=COLUMN, got {text!r}")
    name, column = text.split("=", 1)
    return name.strip(), column.strip()


@cli.command("extract")
@click.argument("text_or_file")
@click.option("--published", help="Publication date (YYYY-MM-DD) to resolve relative dates.")
@click.option("--all", "include_unasserted", is_flag=True,
              help="Also show negated, requested, hypothetical, future and denied events.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event.")
def extract_cmd(text_or_file: str, published: str | None, include_unasserted: bool, as_json: bool) -> None:
    """Print the events of one TEXT (or FILE)."""
    from .pipeline import build
    from .views import event_json, print_events

    path = Path(text_or_file)
    text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else text_or_file
    events = build().extract(text, published=_date(published), include_unasserted=include_unasserted)
    if as_json:
        for event in events:
            click.echo(json.dumps(event_json(event, text)))
    else:
        print_events(Console(), events, text)


_DB_HELP = "DuckDB file, or the Parquet folder of `run --engine spark --out DIR`."
_CONFIDENCE_HELP = ("Only events at least this confident (0-1): the probability that a careful "
                    "coder would accept the event (see `eventwire calibrate`).")


@cli.command("events")
@click.option("--db", default="eventwire.duckdb", show_default=True, help=_DB_HELP)
@click.option("--actor", help="Source or target: ISO3 country, organisation id or CAMEO code prefix.")
@click.option("--type", "type_", help="PLOVER type (ASSAULT) or CAMEO code prefix (19).")
@click.option("--since", help="Events on or after this date.")
@click.option("--until", help="Events on or before this date.")
@click.option("--modality", default="asserted", show_default=True,
              help="asserted, negated, requested, hypothetical, future, denied, or 'any'.")
@click.option("--limit", type=int, default=None)
@click.option("--min-confidence", type=float, default=None, help=_CONFIDENCE_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def events_cmd(db: str, actor: str | None, type_: str | None, since: str | None, until: str | None,
               modality: str, limit: int | None, min_confidence: float | None,
               as_json: bool) -> None:
    """List stored events with their evidence sentence."""
    from .store import Store
    from .views import print_rows

    if not Path(db).exists():
        raise ConfigError(f"no database at {db}: run `eventwire run SOURCE --db {db}` first")
    with Store.open(db, read_only=True) as store:
        rows = store.query_events(actor=actor, type=type_, since=_date(since), until=_date(until),
                                  modality=None if modality == "any" else modality, limit=limit,
                                  min_confidence=min_confidence)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, default=str))
    else:
        print_rows(Console(), rows)


@cli.command("export")
@click.option("--db", default="eventwire.duckdb", show_default=True, help=_DB_HELP)
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "plover", "polecat", "acled"]),
              help="gdelt: GDELT 2.0 Event table (+ its Mentions table beside it); plover: PLOVER "
                   "JSON lines; polecat: POLECAT weekly TSV; acled: ACLED CSV.")
@click.option("-o", "--output", required=True, help="File to write.")
@click.option("--min-confidence", type=float, default=None, help=_CONFIDENCE_HELP)
@click.option("--actor", help="Source or target: ISO3 country, organisation id or CAMEO code prefix.")
@click.option("--type", "type_", help="PLOVER type (ASSAULT) or CAMEO code prefix (19).")
@click.option("--since", help="Events on or after this date.")
@click.option("--until", help="Events on or before this date.")
@click.option("--modality", default=None,
              help="asserted, negated, ..., or 'any' (default: any for jsonl/csv/parquet, "
                   "asserted for gdelt/plover/polecat/acled).")
def export_cmd(db: str, fmt: str, output: str, min_confidence: float | None, actor: str | None,
               type_: str | None, since: str | None, until: str | None,
               modality: str | None) -> None:
    """Write stored events to a file."""
    from .store import Store

    if not Path(db).exists():
        raise ConfigError(f"no database at {db}")
    with Store.open(db, read_only=True) as store:
        n = store.export(fmt, output, min_confidence=min_confidence, actor=actor, type=type_,
                         since=_date(since), until=_date(until), modality=modality)
    err.print(f"wrote {n} events to {output}")
    if fmt == "gdelt":
        from .store.export_gdelt import mentions_path

        err.print(f"wrote their mentions to {mentions_path(Path(output))}")


@cli.command("serve")
@click.option("--db", default="eventwire.duckdb", show_default=True, help=_DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the API has no authentication, so loopback by default.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--time-limit", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is stopped with a message.")
def serve_cmd(db: str, host: str, port: int, time_limit: float) -> None:
    """Browse the database read-only: the dashboard at /, the JSON API under /api (docs at /docs)."""
    from .serve import serve

    if not Path(db).exists():
        raise ConfigError(f"no database at {db}: run `eventwire run SOURCE --db {db}` first")
    serve(db, host=host, port=port, time_limit=time_limit, announce=err.print)


@cli.command("evaluate")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", default=None, help="gold, plv, actors, geo (guessed when left out).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON line (last line).")
@click.option("--prefilter/--no-prefilter", default=True, show_default=True,
              help="Parse only sentences that could hold an event (to measure what it costs).")
@click.option("--split", type=click.Choice(["study", "measure"]), default=None,
              help="gold: score only this half of the articles (fixed by a hash of each id); "
                   "without it both halves are reported beside the whole set.")
def evaluate_cmd(path: Path, fmt: str | None, as_json: bool, prefilter: bool,
                 split: str | None) -> None:
    """Score eventwire against a gold set (see eval/FORMAT.md)."""
    from .evaluate import guess_format, json_line, render, run_evaluate
    from .pipeline import Settings, build

    def factory():
        return build(Settings(prefilter=prefilter))

    if split is None:
        result = run_evaluate(path, fmt, factory)
    else:  # the dispatcher takes no per-format options: call the gold scorer itself
        from .evaluate.gold import evaluate_gold

        if (fmt or guess_format(path)) != "gold":
            raise ConfigError("--split applies to the gold format only")
        result = {"format": "gold", "path": str(path), **evaluate_gold(path, factory(), split=split)}
    result["prefilter"] = prefilter
    if as_json:
        click.echo(json_line(result))
    else:
        click.echo(render(result, result.get("format", fmt or "")))


@cli.command("calibrate")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--folds", type=int, default=None,
              help="Cross-validate in N folds of articles (default: leave one article out).")
@click.option("--write", "write", is_flag=True,
              help="Write the fitted weights to eventwire/data/confidence.tsv (or --to).")
@click.option("--to", "to", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the weights to this file instead of the packaged table (implies --write).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON line (last line).")
def calibrate_cmd(gold: tuple[Path, ...], folds: int | None, write: bool, to: Path | None,
                  as_json: bool) -> None:
    """Fit the event confidence model on GOLD files (the gold format of eval/FORMAT.md) and
    report its cross-validated calibration."""
    from .evaluate.calibrate import calibrate, json_ready, render, write_model
    from .pipeline import build

    result = calibrate(list(gold), build(), folds=folds)
    if write or to is not None:
        written = write_model(result, to) if to is not None else write_model(result)
        err.print(f"wrote the confidence model to {written}")
    if as_json:
        click.echo(json.dumps(json_ready(result)))
    else:
        click.echo(render(result))


@cli.command("bench")
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("--workers", default=1, show_default=True, help="Worker processes (and spaCy n_process).")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--batch-size", default=32, show_default=True, help="Articles per batch.")
@click.option("--prefilter/--no-prefilter", default=True, show_default=True,
              help="Parse only sentences that could hold an event.")
@click.option("--no-spacy", is_flag=True, help="Skip the bare spaCy comparison run.")
@click.option("--components/--no-components", default=True, show_default=True,
              help="Also time relation classification and the gazetteer, one core each.")
@click.option("--classify-input", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="PLV-format TSV of marked sentences for the classification figure "
                   "(default: corpus sentences naming two actors).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON line.")
def bench_cmd(corpus: Path, workers: int, limit: int | None, batch_size: int, prefilter: bool,
              no_spacy: bool, components: bool, classify_input: Path | None, as_json: bool) -> None:
    """Time the full pipeline on CORPUS against bare spaCy on the same texts, then relation
    classification (sentences/s) and the gazetteer (toponyms/s, load time, memory) on one core."""
    from .benchmarks.pipeline import bench

    result = bench(corpus, workers=workers, limit=limit, prefilter=prefilter,
                   batch_size=batch_size, spacy=not no_spacy, components=components,
                   classify_input=classify_input).as_dict()
    if as_json:
        click.echo(json.dumps(result))
        return
    for key, value in result.items():
        click.echo(f"{key:>24}  {value}")


@cli.group("dict")
def dict_group() -> None:
    """Check the dictionaries and data tables."""


@dict_group.command("check")
def dict_check() -> None:
    """Validate every data table; print problems with file and line."""
    from .dictcheck import check_dictionaries

    problems = check_dictionaries()
    for problem in problems:
        click.echo(problem)
    if problems:
        raise ConfigError(f"{len(problems)} problem(s) in the dictionaries")
    click.echo("dictionaries OK")


@dict_group.command("explain")
@click.argument("sentence")
@click.option("--published", help="Publication date (YYYY-MM-DD) to resolve relative dates.")
def dict_explain(sentence: str, published: str | None) -> None:
    """Show which pattern, actor entry and modality rule produced each event of SENTENCE."""
    from rich.table import Table

    from .explain import explain
    from .pipeline import build

    rows = explain(build(), sentence, published=_date(published))
    table = Table(title=f"{len(rows)} trigger words")
    for col in ("word", "pattern", "type", "cameo", "source", "target", "modality", "outcome"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r.trigger, r.pattern or "—", r.plover_type or "—", r.cameo_code or "—",
                      r.source, r.target, r.modality, r.outcome)
    Console(width=max(Console().width, 150)).print(table)


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except EventwireError as exc:
        if debug:
            raise
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(1)


if __name__ == "__main__":
    main()
