"""eventwire: turn news into a database of political events (PLOVER + CAMEO), offline.

    >>> import eventwire
    >>> events = eventwire.extract("NATO urged Russia to stop its airstrikes.", published="2015-10-05")

`extract` keeps one loaded pipeline per process (loading spaCy and the dictionaries takes a few
seconds); `eventwire.pipeline.build()` gives you your own.
"""

from __future__ import annotations

import sys
from datetime import date
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pathlib import Path

    from .database import Database
    from .pipeline import Classification, Pipeline
    from .records import Actor, Event


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    from .pipeline import build

    return build()


def extract(
    text: str,
    *,
    published: date | str | None = None,
    include_unasserted: bool = False,
    min_confidence: float | None = None,
) -> list[Event]:
    """The events one text reports (by default only those told as having happened); with
    ``min_confidence`` (0 to 1) only those at least that confident, i.e. that a careful coder
    would accept with at least that probability (``eventwire/confidence.py``)."""
    from .confidence import check_min_confidence

    threshold = check_min_confidence(min_confidence)
    events = default_pipeline().extract(text, published=published, include_unasserted=include_unasserted)
    return events if threshold is None else [e for e in events if e.confidence >= threshold]


def classify(sentence: str, source_span: tuple[int, int] | None, target_span: tuple[int, int] | None) -> Classification | None:
    """The relation between two marked actors in a sentence."""
    return default_pipeline().classify(sentence, source_span, target_span)


def resolve_actor(text: str, date: date | None = None) -> Actor | None:
    """Actor text → country / organisation / sector / CAMEO code."""
    from .resolve.actors import resolve_actor as _resolve

    return _resolve(text, date)


def run(sources: list[str], **options: Any) -> Any:
    """Process sources into a DuckDB file; see `eventwire.run.run` for the options."""
    from .run import run as _run

    return _run(sources, **options)


# Named like the builtin on purpose (the name users look for); this module never calls the builtin.
def open(db: str | Path) -> Database:
    """A read-only handle on a stored database (a DuckDB file or a Spark run's Parquet folder):
    ``eventwire.open(db).events(actor="RUS").df()``; see `eventwire.database`."""
    from .database import open_database

    return open_database(db)


__all__ = ["__version__", "classify", "extract", "open", "resolve_actor", "run"]


class _Package(ModuleType):
    """The package module, whose public functions no submodule can replace.

    Importing a submodule sets it as an attribute of its package: the first import of
    ``eventwire.run`` (the module) or ``eventwire.extract.events`` would replace the functions
    ``eventwire.run`` and ``eventwire.extract``, and a notebook's second call would raise
    ``TypeError: 'module' object is not callable``. Here such an assignment is ignored for every
    name in ``__all__``; the submodules stay importable by their full names (``from eventwire.run
    import run``, ``sys.modules``)."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, ModuleType) and name in __all__:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
