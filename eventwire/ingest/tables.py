"""Record corpora: JSONL/NDJSON, JSON, CSV/TSV and Parquet.

Each record (a JSONL line, a CSV row, a Parquet row, an element of a JSON array) is one input
unit, referenced as ``path:N`` (line number for JSONL/CSV, row number for Parquet, from 1) or
``path#N`` for JSON array elements. JSONL and CSV are read line by line and Parquet batch by
batch, so a corpus of any size runs in bounded memory. Blank lines hold no record and are not
units. A CSV/Parquet file whose columns lack the text field is one unit: one Failure for the file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any

from eventwire.ingest.decode import bom_encoding, decode_bytes, decode_line
from eventwire.ingest.normalise import STAGE, as_text, build_article, parse_date
from eventwire.ingest.options import Options
from eventwire.records import Article, Failure

PARQUET_BATCH_ROWS = 1024


def record_article(ref: str, record: Any, options: Options) -> Article | Failure:
    """One record (a mapping of field → value) as an Article, named by ``options.fields``."""
    if not isinstance(record, dict):
        return Failure(ref, STAGE, f"not a JSON object (got {type(record).__name__})")
    fields = options.fields
    text = record.get(fields.text)
    if text is None:
        return Failure(ref, STAGE, f"no text field ('{fields.text}')")
    if isinstance(text, bytes):
        text = decode_line(text)[0]
    if not isinstance(text, str):
        return Failure(ref, STAGE, f"text field ('{fields.text}') is not a string")
    if not text.strip():
        return Failure(ref, STAGE, f"empty text field ('{fields.text}')")
    return build_article(
        text,
        input_ref=ref,
        title=as_text(record.get(fields.title)),
        published=parse_date(record.get(fields.published)),
        default_published=options.published,
        url=as_text(record.get(fields.url)),
        source=as_text(record.get(fields.source)),
        max_chars=options.max_bytes,
    )


def iter_lines(stream: IO[bytes], head: bytes, limit: int) -> Iterator[tuple[int, str | None, int]]:
    """``(line number, decoded line or None when longer than limit, size)`` for each line.

    A line longer than ``limit`` is skipped over in chunks, never held whole in memory.
    """
    wide = bom_encoding(head)
    if wide in ("utf-16", "utf-32"):
        yield from _iter_wide_lines(stream, wide, limit)
        return
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while more := stream.readline(1 << 20):
                size += len(more)
                if more.endswith(b"\n"):
                    break
            yield number, None, size
            continue
        text = decode_line(line)[0]
        if number == 1:
            text = text.lstrip("\ufeff")
        yield number, text, len(line)


def _iter_wide_lines(
    stream: IO[bytes], encoding: str, limit: int
) -> Iterator[tuple[int, str | None, int]]:
    reader = io.TextIOWrapper(stream, encoding=encoding, newline="")  # type: ignore[arg-type]
    for number, line in enumerate(reader, 1):
        size = len(line) * 2
        yield number, (line if size <= limit else None), size


def read_jsonl(
    ref: str, stream: IO[bytes], head: bytes, options: Options
) -> Iterator[Article | Failure]:
    """One article per non-blank line."""
    for number, line, size in iter_lines(stream, head, options.max_bytes):
        line_ref = f"{ref}:{number}"
        if line is None:
            yield Failure(line_ref, STAGE, f"too large ({size} bytes > {options.max_bytes} limit)")
            continue
        if not line.strip(" \t\r\n"):
            continue  # only JSON whitespace: a blank line, not a record
        try:
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield Failure(line_ref, STAGE, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:
            yield Failure(line_ref, STAGE, f"invalid JSON: {exc}")
            continue
        yield record_article(line_ref, record, options)


def read_json(ref: str, data: bytes, options: Options) -> Iterator[Article | Failure]:
    """A ``.json`` file: one object, an array of objects, or JSON Lines under a ``.json`` name."""
    decoded = decode_bytes(data)
    if decoded.text is None:
        yield Failure(ref, STAGE, decoded.reason or "undecodable text")
        return
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        yield Failure(ref, STAGE, "empty input")
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if _first_line_is_object(text):
            yield from read_jsonl(ref, io.BytesIO(data), data[:4], options)
        else:
            yield Failure(
                ref, STAGE, f"invalid JSON: {exc.msg} (line {exc.lineno} column {exc.colno})"
            )
        return
    except (ValueError, RecursionError) as exc:
        yield Failure(ref, STAGE, f"invalid JSON: {exc}")
        return
    if isinstance(document, list):
        if not document:
            yield Failure(ref, STAGE, "empty JSON array")
        for number, record in enumerate(document, 1):
            yield record_article(f"{ref}#{number}", record, options)
    else:
        yield record_article(ref, document, options)


def _first_line_is_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text.split("\n", 1)[0]), dict)
    except (ValueError, RecursionError):
        return False


def read_csv(
    ref: str, stream: IO[bytes], head: bytes, options: Options, *, delimiter: str = ","
) -> Iterator[Article | Failure]:
    """Rows of a CSV/TSV file with a header row; ``path:N`` is the row's first line."""
    oversize: list[int] = []  # sizes of lines too long to hold; their row becomes a Failure

    def lines() -> Iterator[str]:
        for _, line, size in iter_lines(stream, head, options.max_bytes):
            if line is None:
                oversize.append(size)
            yield line or "\n"

    reader = csv.reader(lines(), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        yield Failure(ref, STAGE, "empty input")
        return
    except csv.Error as exc:
        yield Failure(ref, STAGE, f"invalid CSV header: {exc}")
        return
    oversize.clear()
    if options.fields.text not in header:
        columns = ", ".join(header[:20]) or "none"
        yield Failure(ref, STAGE, f"no text column ('{options.fields.text}'); columns: {columns}")
        return
    yield from _csv_rows(ref, reader, header, oversize, options)


def _csv_rows(
    ref: str, reader: Any, header: list[str], oversize: list[int], options: Options
) -> Iterator[Article | Failure]:
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Failure(f"{ref}:{start}", STAGE, f"invalid CSV row: {exc}")
            continue
        if oversize:
            size = sum(oversize)
            oversize.clear()
            yield Failure(
                f"{ref}:{start}", STAGE, f"too large ({size} bytes > {options.max_bytes} limit)"
            )
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank line holds no record
        record = dict(zip(header, row))  # a short row lacks the last columns: None
        yield record_article(f"{ref}:{start}", record, options)


def read_parquet(ref: str, source: Any, options: Options) -> Iterator[Article | Failure]:
    """Rows of a Parquet file (a path or a readable binary file), read in batches."""
    import pyarrow as pa  # imported here: only Parquet needs it
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(source)
        names = set(parquet.schema_arrow.names)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield Failure(ref, STAGE, f"invalid Parquet: {exc}")
        return
    if options.fields.text not in names:
        present = ", ".join(sorted(names)[:20]) or "none"
        yield Failure(ref, STAGE, f"no text column ('{options.fields.text}'); columns: {present}")
        return
    columns = [name for name in options.fields.columns() if name in names]
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
            for record in batch.to_pylist():
                row += 1
                yield record_article(f"{ref}:{row}", record, options)
    except (pa.ArrowException, OSError, ValueError) as exc:
        yield Failure(f"{ref}:{row + 1}", STAGE, f"invalid Parquet from row {row + 1} on: {exc}")
