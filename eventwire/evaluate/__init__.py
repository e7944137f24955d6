"""``eventwire evaluate``: score the system on gold sets (contract: eval/FORMAT.md).

Why a dispatcher: each format lives in its own module, imported only when asked for, so that
evaluating actor resolution never loads spaCy and a missing module gives a clear ConfigError.

    run_evaluate(path, fmt, pipeline_factory) -> dict   # the CLI's one call
    render(result, fmt) -> str                          # readable tables
    json_line(result) -> str                            # the one-line JSON printed last
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError, SourceError

# format -> (module, function, needs the extraction pipeline)
REGISTRY: dict[str, tuple[str, str, bool]] = {
    "gold": ("eventwire.evaluate.gold", "evaluate_gold", True),
    "plv": ("eventwire.evaluate.plv", "evaluate_plv", True),
    "plover-gsr": ("eventwire.evaluate.plover_gsr", "evaluate_plover_gsr", True),
    "petr-gsr": ("eventwire.evaluate.petr_gsr", "evaluate_petr_gsr", True),
    "case2021": ("eventwire.evaluate.case2021", "evaluate_case2021", True),
    "actors": ("eventwire.evaluate.actors", "evaluate_actors", False),
    "geo": ("eventwire.evaluate.geo", "evaluate_geo", False),
    "geo-e2e": ("eventwire.evaluate.geo_e2e", "evaluate_geo_e2e", False),
}
# Formats the contract names; those absent from REGISTRY are recognised but not implemented yet.
KNOWN_FORMATS = ("gold", "plv", "plover-gsr", "petr-gsr", "case2021", "geo", "geo-e2e", "actors")
HEAD_BYTES = 65536


def _head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc}") from exc


def _guess_jsonl(first: str) -> str | None:
    try:
        obj = json.loads(first)
    except json.JSONDecodeError:
        return None
    if not isinstance(obj, dict):
        return None
    if "events" in obj and ("text" in obj or "file" in obj):
        return "gold"
    if "actor" in obj and "expected" in obj:
        return "actors"
    expected = obj.get("expected")
    if "text" in obj and isinstance(expected, list) and expected and "geonameid" in expected[0]:
        return "geo"
    return None


def guess_format(path: Path | str) -> str:
    """Guess an evaluation format from a file's first bytes; ConfigError when it cannot tell."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"no such file: {path}")
    head = _head(path).lstrip("\ufeff")
    stripped = head.lstrip()
    first_line = stripped.split("\n", 1)[0]
    header = [h.strip() for h in head.split("\n", 1)[0].split("\t")]
    guess: str | None = None
    if "marked_sentence" in header and "gold_root" in header:
        guess = "plv"
    elif "EventSnippet" in header and "SubType" in header:
        guess = "case2021"
    elif stripped.startswith("{"):
        guess = _guess_jsonl(first_line)
    elif stripped.startswith("[") and (
        '"PLOVER-GSR' in head or ('"eventText"' in head and '"textInfo"' in head)
    ):
        guess = "plover-gsr"
    elif stripped.startswith("<"):
        if "<Validation" in head:
            guess = "petr-gsr"
        elif "<articles" in head:
            guess = "geo"
    if guess is None:
        raise ConfigError(
            f"cannot tell the evaluation format of {path}; pass --format "
            f"(one of {', '.join(KNOWN_FORMATS)})"
        )
    return guess


def _scorer(fmt: str) -> tuple[Callable[..., dict[str, Any]], bool]:
    if fmt not in REGISTRY:
        if fmt in KNOWN_FORMATS:
            raise ConfigError(
                f"evaluation format {fmt!r} is not implemented yet "
                f"(available: {', '.join(REGISTRY)})"
            )
        raise ConfigError(f"unknown evaluation format {fmt!r} (one of {', '.join(KNOWN_FORMATS)})")
    module_name, function, needs_pipeline = REGISTRY[fmt]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise ConfigError(f"evaluation format {fmt!r} is not available in this build") from exc
    return getattr(module, function), needs_pipeline


def evaluate(path: Path, fmt: str, pipeline: Any = None) -> dict[str, Any]:
    """Score one file in one format; ``pipeline`` is required by the formats that extract."""
    scorer, needs_pipeline = _scorer(fmt)
    if needs_pipeline:
        if pipeline is None:
            raise ConfigError(f"evaluation format {fmt!r} needs an extraction pipeline")
        return scorer(Path(path), pipeline)
    return scorer(Path(path))


def run_evaluate(
    path: Path, fmt: str | None, pipeline_factory: Callable[[], Any] | None
) -> dict[str, Any]:
    """Guess the format when not given, build the pipeline only if needed, and score the file."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"no such file: {path}")
    fmt = fmt or guess_format(path)
    _, needs_pipeline = _scorer(fmt)
    pipeline = None
    if needs_pipeline:
        if pipeline_factory is None:
            raise ConfigError(f"evaluation format {fmt!r} needs an extraction pipeline")
        pipeline = pipeline_factory()
    result = evaluate(path, fmt, pipeline)
    return {"format": fmt, "path": str(path), **result}


def render(result: dict[str, Any], fmt: str) -> str:
    """Readable tables for a result (rich is imported only when a table is wanted)."""
    from eventwire.evaluate.report import render as _render

    return _render(result, fmt)


def json_line(result: dict[str, Any]) -> str:
    """The result as one JSON line (no newlines inside), for ``--json``'s last line."""
    return json.dumps(result, ensure_ascii=False, separators=(",", ":"), default=str)


__all__ = [
    "KNOWN_FORMATS",
    "REGISTRY",
    "evaluate",
    "guess_format",
    "json_line",
    "render",
    "run_evaluate",
]
