"""Settings that every ingest reader receives: field names, default date, size limit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which record field (JSONL key, CSV column, Parquet column) holds each article attribute.

    Corpora name their fields differently; ``FieldMap(text="body", published="date")`` reads a
    corpus whose text is under ``body`` without converting it first.
    """

    id: str = "id"
    title: str = "title"
    text: str = "text"
    published: str = "published"
    url: str = "url"
    source: str = "source"

    def columns(self) -> tuple[str, ...]:
        """The distinct field names, text first."""
        names = (self.text, self.title, self.published, self.url, self.source, self.id)
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class Options:
    """What a reader needs besides the bytes."""

    published: date | None = None  # default for articles without a date of their own
    fields: FieldMap = field(default_factory=FieldMap)
    max_bytes: int = DEFAULT_MAX_BYTES  # limit for one text/HTML/feed document or one record
