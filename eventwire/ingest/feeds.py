"""RSS and Atom feeds: each entry is one input unit and becomes one Article or Failure.

A feed file that cannot be parsed at all (feedparser reports it broken and finds no entries), or
that has no entries, is itself one unit and becomes one Failure.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from datetime import date
from typing import Any

from eventwire.ingest.documents import html_to_text
from eventwire.ingest.normalise import STAGE, as_text, build_article, parse_date
from eventwire.ingest.options import Options
from eventwire.records import Article, Failure

log = logging.getLogger(__name__)


def read_feed(ref: str, data: bytes, options: Options) -> Iterator[Article | Failure]:
    """Entries of one feed document, referenced as ``path#N`` (N counts from 1)."""
    import feedparser  # imported here: only feeds need it

    if not data.strip():
        yield Failure(ref, STAGE, "empty input")
        return
    try:
        # A file-like object, never a string: feedparser would fetch a string that looks like a URL.
        parsed = feedparser.parse(io.BytesIO(data))
    # A third-party parser on hostile input: whatever it raises, the feed is one failure.
    except Exception as exc:  # noqa: BLE001
        yield Failure(ref, STAGE, f"broken feed: {type(exc).__name__}: {exc}")
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            yield Failure(ref, STAGE, f"broken feed: {problem or 'not a feed'}")
        else:
            yield Failure(ref, STAGE, "feed has no entries")
        return
    feed_title = as_text((parsed.get("feed") or {}).get("title"))
    for number, entry in enumerate(entries, 1):
        yield _entry_article(f"{ref}#{number}", entry, feed_title, options)


def _entry_article(
    ref: str, entry: Any, feed_title: str | None, options: Options
) -> Article | Failure:
    title = entry.get("title")
    if title and "<" in title:
        title = html_to_text(title)[1]
    body = _entry_body(entry)
    if not (title or "").strip() and not body.strip():
        return Failure(ref, STAGE, "feed entry has no title or text")
    source = (entry.get("source") or {}).get("title") or feed_title
    return build_article(
        body,
        input_ref=ref,
        title=title,
        published=_entry_date(entry),
        default_published=options.published,
        url=entry.get("link"),
        source=source,
        max_chars=options.max_bytes,
    )


def _entry_body(entry: Any) -> str:
    """The fullest text the entry carries (``content`` over ``summary``), HTML stripped."""
    candidates = [part.get("value") or "" for part in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    texts = [html_to_text(value)[1] if "<" in value else value for value in candidates]
    return max(texts, key=len)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, AttributeError):
                continue
    for key in ("published", "updated", "created"):
        found = parse_date(entry.get(key))
        if found:
            return found
    return None
