"""A small WARC file written by hand for the WARC tests (ingest and Spark): two news pages, a
crawl's other record kinds, a non-HTML response, an HTTP 404 and, on request, a broken tail."""

from __future__ import annotations

import gzip
from pathlib import Path

PAGE_A = """<!doctype html><html><head><title>Turkey protests airspace violation</title></head>
<body><article><h1>Turkey protests airspace violation</h1>
<p>ANKARA - Turkey summoned the Russian ambassador on Sunday after a Russian jet violated its
airspace near Hatay.</p>
<p>Turkish jets bombed Kurdish positions near Qamishli on Saturday, officials said.</p>
</article></body></html>"""

PAGE_B = """<!doctype html><html><head><title>NATO calls on Russia to stop strikes</title>
<meta property="article:published_time" content="2015-10-04T09:00:00Z"></head>
<body><article><h1>NATO calls on Russia to stop strikes</h1>
<p>BRUSSELS - NATO called on Russia to cease its airstrikes on Syrian rebels near Homs.</p>
<p>France condemned the Russian strikes, the foreign ministry said.</p>
</article></body></html>"""


def record(kind: str, uri: str | None, body: bytes, *, content_type: str,
           date: str = "2015-10-05T12:00:00Z") -> bytes:
    """One WARC/1.0 record: headers, blank line, body, blank line."""
    headers = [f"WARC-Type: {kind}", f"WARC-Date: {date}",
               "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>"]
    if uri:
        headers.append(f"WARC-Target-URI: {uri}")
    headers += [f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    return ("WARC/1.0\r\n" + "\r\n".join(headers) + "\r\n\r\n").encode() + body + b"\r\n\r\n"


def http(status: str, content_type: str, body: str | bytes, extra: str = "") -> bytes:
    data = body.encode() if isinstance(body, str) else body
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra}"
    return f"{head}Content-Length: {len(data)}\r\n\r\n".encode() + data


def chunked(data: str) -> bytes:
    raw = data.encode()
    middle = len(raw) // 2
    parts = (raw[:middle], raw[middle:])
    return b"".join(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in parts) + b"0\r\n\r\n"


def records(broken_tail: bool = False) -> list[bytes]:
    """Records 1-7: warcinfo, request, page A (chunked), page B, PNG, 404, page A as resource."""
    out = [
        record("warcinfo", None, b"software: hand-written\r\n", content_type="application/warc-fields"),
        record("request", "https://news.example/a", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
               content_type="application/http; msgtype=request"),
        record("response", "https://news.example/a",
               http("200 OK", "text/html; charset=utf-8", chunked(PAGE_A),
                    "Transfer-Encoding: chunked\r\n"),
               content_type="application/http; msgtype=response"),
        record("response", "https://news.example/b", http("200 OK", "text/html", PAGE_B),
               content_type="application/http; msgtype=response", date="2015-10-06T08:00:00Z"),
        record("response", "https://news.example/logo.png",
               http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
               content_type="application/http; msgtype=response"),
        record("response", "https://news.example/gone", http("404 Not Found", "text/html", "<html/>"),
               content_type="application/http; msgtype=response"),
        record("resource", "https://mirror.example/a", PAGE_A.encode(), content_type="text/html"),
    ]
    if broken_tail:
        out.append(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\n<html>cut")
    return out


def write_warc(path: Path, *, gz: bool = False, broken_tail: bool = False) -> Path:
    """Write the records; gzipped the way crawlers do it, one gzip member per record."""
    parts = records(broken_tail)
    path.write_bytes(b"".join(gzip.compress(p) for p in parts) if gz else b"".join(parts))
    return path
