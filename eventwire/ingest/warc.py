"""WARC files (the format of web and news crawls): each HTML page a crawler fetched → an Article.

Why our own reader: WARC is simple — a record is a ``WARC/1.x`` line, ``Name: value`` headers, a
blank line, then ``Content-Length`` bytes of body and a blank line; a ``.warc.gz`` file gzips each
record as its own member, which Python's ``gzip`` reads as one stream. A hundred lines here keep
every broken record a recorded ``Failure`` with a reason, instead of a third-party exception.

Input units (``inputs = articles + failures``): ``response`` and ``resource`` records, the ones
that hold a fetched document. ``warcinfo``, ``request``, ``metadata``, ``revisit`` and
``conversion`` records describe the crawl and are not units, like blank lines in JSON Lines.
A unit becomes an Article when its payload is HTML (``text/html`` or XHTML, or no type and it looks
like HTML) with a 2xx status; otherwise a Failure says why (not HTML, HTTP status, unsupported
encoding, too large). A record that cannot be parsed (no ``WARC/`` line, bad or missing
``Content-Length``, truncated body) ends the file with one Failure: nothing after it can be found.

Each Article's ``url`` is the record's ``WARC-Target-URI``; its date is the one the page gives
(metadata, else htmldate), else the ``WARC-Date`` (when it was fetched), else ``--published``.
``input_ref`` is ``path#N``, N counting every record of the file from 1.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from eventwire.ingest.documents import read_html
from eventwire.ingest.normalise import STAGE, parse_date
from eventwire.ingest.options import Options
from eventwire.records import Article, Failure

UNIT_TYPES = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_HEADER_LINE = 65_536
MAX_HEADERS = 256
_SKIP_CHUNK = 1 << 20
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")


class WarcError(ValueError):
    """A record that cannot be parsed: the rest of the file cannot be located."""


@dataclass(frozen=True, slots=True)
class WarcRecord:
    """One record: its number in the file, its WARC headers (names lower-cased) and its body.

    ``body`` is None when the record was longer than the size limit (it was skipped unread).
    """

    number: int
    headers: dict[str, str]
    body: bytes | None
    length: int

    @property
    def type(self) -> str:
        return self.headers.get("warc-type", "").strip().lower()


def read_warc(ref: str, stream: IO[bytes], options: Options) -> Iterator[Article | Failure]:
    """The articles and failures of one (already decompressed) WARC stream."""
    number = 0
    try:
        for record in iter_records(stream, options.max_bytes):
            number = record.number
            item = record_item(f"{ref}#{record.number}", record, options)
            if item is not None:
                yield item
    except WarcError as exc:
        yield Failure(f"{ref}#{number + 1}", STAGE, f"broken WARC record: {exc}")


def iter_records(stream: IO[bytes], max_bytes: int) -> Iterator[WarcRecord]:
    """Every record of a WARC stream, in order; raises ``WarcError`` at the first broken one.

    A body longer than ``max_bytes`` is skipped over in chunks, never held in memory.
    """
    number = 0
    while True:
        line = _next_line(stream)
        if line is None:
            return
        number += 1
        if not line.startswith(b"WARC/"):
            raise WarcError(f"expected a 'WARC/1.x' line, got {line[:40]!r}")
        headers = _headers(stream)
        length = _content_length(headers)
        if length > max_bytes:
            _skip(stream, length)
            yield WarcRecord(number, headers, None, length)
            continue
        body = stream.read(length)
        if len(body) < length:
            raise WarcError(f"truncated: {len(body)} of {length} bytes")
        yield WarcRecord(number, headers, body, length)


def split_warc(ref: str, data: bytes, max_bytes: int) -> Iterator[tuple[str, WarcRecord | Failure]]:
    """``(ref#N, record)`` for every unit record of a WARC file held in memory (gzipped or not),
    a Failure for a broken tail. Used by the Spark engine, which parses the records in parallel."""
    stream: IO[bytes] = io.BytesIO(data)
    if data[:2] == b"\x1f\x8b":
        stream = io.BufferedReader(gzip.GzipFile(fileobj=stream))  # type: ignore[arg-type]
    number, count = 0, 0
    try:
        for record in iter_records(stream, max_bytes):
            number = record.number
            if record.type in UNIT_TYPES:
                count += 1
                yield f"{ref}#{record.number}", record
    except WarcError as exc:
        count += 1
        broken = f"{ref}#{number + 1}"
        yield broken, Failure(broken, STAGE, f"broken WARC record: {exc}")
    except (OSError, EOFError, zlib.error) as exc:
        count += 1
        yield ref, Failure(ref, STAGE, f"read error: {type(exc).__name__}: {exc}")
    if count == 0:
        yield ref, Failure(ref, STAGE, "empty input (no records)")


def record_item(ref: str, record: WarcRecord, options: Options) -> Article | Failure | None:
    """One record as an Article or a Failure; None for records that are not input units."""
    if record.type not in UNIT_TYPES:
        return None
    if record.body is None:
        return Failure(ref, STAGE, f"too large ({record.length} bytes > {options.max_bytes} limit)")
    media = _media_type(record.headers.get("content-type", ""))
    payload, http_type = record.body, None
    if record.type == "response":
        if not media.startswith("application/http"):
            return Failure(ref, STAGE, f"not an HTTP response ({media or 'no Content-Type'})")
        parsed = _http_payload(record.body)
        if isinstance(parsed, str):
            return Failure(ref, STAGE, parsed)
        payload, http_type = parsed
        media = http_type
    untyped = media in ("", "application/octet-stream")
    if media not in HTML_TYPES and not (untyped and _looks_html(payload)):
        return Failure(ref, STAGE, f"not HTML ({media or 'no Content-Type'})")
    fetched = parse_date(record.headers.get("warc-date"))
    dated = dataclasses.replace(options, published=fetched or options.published)
    item = read_html(ref, payload, dated)
    uri = record.headers.get("warc-target-uri", "").strip().strip("<>") or None
    if isinstance(item, Article) and uri and item.url != uri:
        item = dataclasses.replace(item, url=uri, id=Article.make_id(item.text, uri))
    return item


def _next_line(stream: IO[bytes]) -> bytes | None:
    """The next non-blank line (records are separated by blank lines), None at the end."""
    while True:
        line = stream.readline(MAX_HEADER_LINE)
        if not line:
            return None
        if line.strip():
            return line.rstrip(b"\r\n")


def _headers(stream: IO[bytes]) -> dict[str, str]:
    headers: dict[str, str] = {}
    last = ""
    for _ in range(MAX_HEADERS):
        line = stream.readline(MAX_HEADER_LINE)
        if not line:
            raise WarcError("truncated headers")
        if not line.endswith(b"\n") and len(line) >= MAX_HEADER_LINE:
            raise WarcError("header line too long")
        text = line.decode("utf-8", errors="replace").rstrip("\r\n")
        if not text:
            return headers
        if text[0] in " \t" and last:  # a folded continuation line
            headers[last] += " " + text.strip()
            continue
        name, colon, value = text.partition(":")
        if not colon:
            raise WarcError(f"header line without ':': {text[:40]!r}")
        last = name.strip().lower()
        headers[last] = value.strip()
    raise WarcError(f"more than {MAX_HEADERS} header lines")


def _content_length(headers: dict[str, str]) -> int:
    value = headers.get("content-length")
    if value is None:
        raise WarcError("no Content-Length header")
    try:
        length = int(value)
    except ValueError:
        raise WarcError(f"Content-Length is not a number: {value[:20]!r}") from None
    if length < 0:
        raise WarcError(f"negative Content-Length {length}")
    return length


def _skip(stream: IO[bytes], length: int) -> None:
    left = length
    while left > 0:
        chunk = stream.read(min(left, _SKIP_CHUNK))
        if not chunk:
            raise WarcError(f"truncated: {length - left} of {length} bytes")
        left -= len(chunk)


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _http_payload(body: bytes) -> tuple[bytes, str] | str:
    """``(payload, media type)`` of an HTTP response block, or the reason it is not usable."""
    head, sep, payload = body.partition(b"\r\n\r\n")
    if not sep:
        head, sep, payload = body.partition(b"\n\n")
    if not sep:
        return "HTTP response without headers"
    lines = head.decode("latin-1").replace("\r\n", "\n").split("\n")
    status = lines[0].split()
    if len(status) < 2 or not status[0].upper().startswith("HTTP/") or not status[1].isdigit():
        return f"not an HTTP status line: {lines[0][:40]!r}"
    if not status[1].startswith("2"):
        return f"HTTP status {status[1]}"
    fields: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            fields[name.strip().lower()] = value.strip()
    if "chunked" in fields.get("transfer-encoding", "").lower():
        payload = _dechunk(payload)
    encoding = fields.get("content-encoding", "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            payload = _inflate(payload)
        except zlib.error as exc:
            return f"cannot decompress {encoding} body: {exc}"
    elif encoding not in ("", "identity"):
        return f"unsupported Content-Encoding {encoding!r}"
    return payload, _media_type(fields.get("content-type", ""))


def _inflate(data: bytes) -> bytes:
    """gzip or zlib (wbits 47 tells them apart), else raw deflate, as servers send either."""
    try:
        return zlib.decompress(data, 47)
    except zlib.error:
        return zlib.decompress(data, -zlib.MAX_WBITS)


def _dechunk(data: bytes) -> bytes:
    """Undo HTTP chunked transfer encoding; the data as it is when it is not chunked after all
    (crawlers often store bodies already de-chunked but keep the header)."""
    out, pos = bytearray(), 0
    while True:
        end = data.find(b"\r\n", pos)
        if end < 0:
            return data
        size_text = data[pos:end].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return data
        if size == 0:
            return bytes(out)
        start = end + 2
        if start + size > len(data):
            return data
        out += data[start : start + size]
        pos = start + size + 2


def _looks_html(payload: bytes) -> bool:
    return payload[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(_HTML_START)
