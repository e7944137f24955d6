"""Walk sources, open each input, recognise its format, hand it to the right reader.

Formats are recognised by extension first (``.gz`` is decompressed and the inner extension used),
then by sniffing the first bytes: Parquet magic, ``WARC/`` (a web crawl, see ``warc.py``),
``<!doctype html``/``<html``, ``<rss``/``<feed``, a JSON object on the first line (JSON Lines),
else plain text.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from eventwire.errors import SourceError
from eventwire.ingest.decode import bom_encoding, utf16_without_bom
from eventwire.ingest.documents import read_html, read_text
from eventwire.ingest.feeds import read_feed
from eventwire.ingest.normalise import STAGE
from eventwire.ingest.options import Options
from eventwire.ingest.tables import read_csv, read_json, read_jsonl, read_parquet
from eventwire.ingest.warc import read_warc
from eventwire.records import Article, Failure

HEAD_BYTES = 8192
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".parquet": "parquet", ".pq": "parquet",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc",
}  # fmt: skip
_FEED_TAGS = ("<rss", "<feed", "<rdf:rdf")
_HTML_TAGS = ("<!doctype html", "<html", "<head", "<body")
_READ_ERRORS = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError


@dataclass(frozen=True, slots=True)
class Input:
    """One file (or stdin) to read. ``error`` is set when it is known to be unreadable already."""

    ref: str
    path: str | None = None
    stream: IO[bytes] | None = None
    size: int | None = None
    error: str | None = None


def check_sources(sources: Sequence[str]) -> None:
    """Raise ``SourceError`` for a path that does not exist: the run cannot start without it."""
    for source in sources:
        if source != "-" and not os.path.exists(source):
            raise SourceError(f"no such file or folder: {source}")


def iter_inputs(sources: Sequence[str], stdin: IO[bytes] | None) -> Iterator[Input]:
    """Every input unit's file, in a deterministic order (folders sorted, hidden names skipped)."""
    for source in sources:
        if source == "-":
            yield Input("-", stream=stdin)
        elif os.path.isdir(source):
            yield from _walk(source)
        else:
            yield Input(source, path=source, size=_regular_size(source))


def _regular_size(path: str) -> int | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _walk(folder: str) -> Iterator[Input]:
    """Depth-first, entries sorted by name; symlinked folders are reported, not followed."""
    stack: list[Iterator[os.DirEntry[str]]] = []
    error = _push(stack, folder)
    if error:
        yield Input(folder, error=error)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                error = _push(stack, entry.path)
                if error:
                    yield Input(entry.path, error=error)
            elif entry.is_dir():
                yield Input(entry.path, error="symbolic link to a folder (not followed)")
            elif entry.is_file():
                yield Input(entry.path, path=entry.path, size=entry.stat().st_size)
            elif entry.is_symlink():
                yield Input(entry.path, error="broken symbolic link")
            else:
                yield Input(entry.path, error="not a regular file")
        except OSError as exc:
            yield Input(entry.path, error=f"cannot read: {exc.strerror or exc}")


def _push(stack: list[Iterator[os.DirEntry[str]]], folder: str) -> str | None:
    try:
        with os.scandir(folder) as entries:
            stack.append(iter(sorted(entries, key=lambda entry: entry.name)))
    except OSError as exc:
        return f"cannot read folder: {exc.strerror or exc}"
    return None


def read_input(item: Input, options: Options) -> Iterator[Article | Failure]:
    """All articles and failures of one input; a read error ends the input with a Failure."""
    if item.error:
        yield Failure(item.ref, STAGE, item.error)
        return
    try:
        raw = open(item.path, "rb") if item.path is not None else item.stream  # noqa: SIM115
    except OSError as exc:
        yield Failure(item.ref, STAGE, f"cannot read: {exc.strerror or exc}")
        return
    if raw is None:
        yield Failure(item.ref, STAGE, "no stdin to read")
        return
    count = 0
    try:
        for record in _dispatch(item, raw, options):
            count += 1
            yield record
    except UnicodeDecodeError as exc:
        count += 1
        yield Failure(item.ref, STAGE, f"undecodable text: {exc}")
    except _READ_ERRORS as exc:
        count += 1
        yield Failure(item.ref, STAGE, f"read error: {type(exc).__name__}: {exc}")
    finally:
        if item.path is not None:
            raw.close()
    if count == 0:  # a corpus with only blank lines, a header-only CSV, a Parquet without rows
        yield Failure(item.ref, STAGE, "empty input (no records)")


def _dispatch(item: Input, raw: IO[bytes], options: Options) -> Iterator[Article | Failure]:
    name = (item.path or "").lower()
    stream: IO[bytes] = raw
    size = item.size
    if name.endswith(".gz"):
        stream = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
        name, size = name[:-3], None
    head = stream.read(HEAD_BYTES)
    stream = io.BufferedReader(_Replay(head, stream))  # type: ignore[assignment]
    kind = detect_kind(name, head)
    ref = item.ref
    if kind == "parquet":
        source = (
            item.path if item.path is not None and size is not None else io.BytesIO(stream.read())
        )
        yield from read_parquet(ref, source, options)
    elif kind == "jsonl":
        yield from read_jsonl(ref, stream, head, options)
    elif kind == "warc":
        yield from read_warc(ref, stream, options)
    elif kind in ("csv", "tsv"):
        yield from read_csv(ref, stream, head, options, delimiter="\t" if kind == "tsv" else ",")
    else:
        data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes and kind == "json":  # big .json: likely JSON Lines
            yield from read_jsonl(ref, io.BufferedReader(_Replay(data, stream)), head, options)
        elif len(data) > options.max_bytes:
            yield Failure(ref, STAGE, _too_large(size, options.max_bytes))
        elif kind == "json":
            yield from read_json(ref, data, options)
        elif kind == "feed":
            yield from read_feed(ref, data, options)
        elif kind == "html":
            yield read_html(ref, data, options)
        else:
            yield read_text(ref, data, options)


def _too_large(size: int | None, limit: int) -> str:
    if size is None:
        return f"too large (more than {limit} bytes > {limit} limit)"
    return f"too large ({size} bytes > {limit} limit)"


def detect_kind(name: str, head: bytes) -> str:
    """The format of an input: by extension, else by its first bytes."""
    ext = os.path.splitext(name)[1].lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"WARC/"):
        return "warc"
    encoding = bom_encoding(head) or utf16_without_bom(head) or "latin-1"
    sample = head[:2048].decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if sample.startswith(("<?xml", "<!--")):
        if any(tag in sample for tag in _FEED_TAGS):
            return "feed"
        if "<html" in sample:
            return "html"
    if sample.startswith(_HTML_TAGS):
        return "html"
    if sample.startswith(_FEED_TAGS):
        return "feed"
    if sample.startswith("{") and _first_line_is_object(head):
        return "jsonl"
    if sample.startswith("[") and sample[1:].lstrip().startswith("{"):
        return "json"
    return "text"


def _first_line_is_object(head: bytes) -> bool:
    import json

    line, newline, _ = head.partition(b"\n")
    if not newline and len(head) >= HEAD_BYTES:
        return True  # a first line longer than the sniffed head: trust the brace
    try:
        return isinstance(json.loads(line.decode("utf-8", errors="replace")), dict)
    except (ValueError, RecursionError):
        return False


class _Replay(io.RawIOBase):
    """A stream that gives back the bytes already read (the sniffed head), then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
