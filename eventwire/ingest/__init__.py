"""Ingest: sources (files, folders, stdin) → ``Article`` or ``Failure`` records.

Count invariant — every input unit yields exactly one ``Article`` or exactly one ``Failure``,
so ``inputs = articles + failures`` and nothing is dropped silently. The units are:

- a plain-text or HTML file (or stdin holding one): one unit;
- a JSONL/NDJSON line, a CSV/TSV row, a Parquet row, an element of a JSON array: one unit each
  (blank lines hold no record and are not units);
- an RSS/Atom feed entry: one unit; a feed file that cannot be parsed or has no entries is one
  unit (one Failure);
- a WARC ``response``/``resource`` record (``.warc``, ``.warc.gz``): one unit; the crawl's other
  records are not units, and a broken record ends the file with one Failure (see ``warc.py``);
- a CSV/Parquet file without the text column, an unreadable file or folder, a special file: one
  unit (one Failure). A read error in the middle of a streamed corpus ends that file with one
  Failure for the rest of it.

``input_ref`` says where a record came from: the path as given (joined with the names found
when walking a folder), ``path:N`` for a JSONL/CSV line or Parquet row, ``path#N`` for a feed
entry, JSON array element or WARC record, ``-`` / ``-:N`` for stdin.

A missing path raises ``SourceError`` when ``read_sources`` is called, before anything is read:
the run cannot start. Everything else is per input and becomes a ``Failure``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import IO

from eventwire.errors import ConfigError
from eventwire.ingest.files import check_sources, iter_inputs, read_input
from eventwire.ingest.options import DEFAULT_MAX_BYTES, FieldMap, Options
from eventwire.records import Article, Failure

__all__ = ["DEFAULT_MAX_BYTES", "FieldMap", "read_sources"]


def read_sources(
    sources: Sequence[str],
    *,
    published: date | None = None,
    fields: FieldMap | None = None,
    stdin: IO[bytes] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Failure]:
    """Read every source and yield its articles and failures, lazily and in a stable order.

    ``sources`` are files, folders (read recursively, sorted, hidden names skipped) or ``"-"`` for
    ``stdin`` (default: the process's standard input, as bytes). ``published`` is the date given
    to articles that carry none. ``fields`` names the record fields of JSONL/CSV/Parquet corpora.
    ``max_bytes`` limits one text/HTML/feed document or one record line.

    Raises ``SourceError`` at once for a path that does not exist, ``ConfigError`` for bad options.
    """
    if isinstance(sources, str):
        sources = [sources]  # one path given bare: not a sequence of one-letter paths
    if max_bytes < 1:
        raise ConfigError(f"max_bytes must be positive, got {max_bytes}")
    if isinstance(published, datetime):
        published = published.date()
    check_sources(sources)
    options = Options(published=published, fields=fields or FieldMap(), max_bytes=max_bytes)
    return _read(list(sources), options, stdin)


def _read(
    sources: list[str], options: Options, stdin: IO[bytes] | None
) -> Iterator[Article | Failure]:
    if "-" in sources and stdin is None:
        stdin = sys.stdin.buffer
    for item in iter_inputs(sources, stdin):
        yield from read_input(item, options)
