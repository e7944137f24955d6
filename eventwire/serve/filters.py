"""The filter bar of every endpoint: query parameters → the keyword arguments of
``store.queries.event_filters`` (the same filters as ``eventwire events``).

Why a module of its own: every endpoint (events, the aggregates, export) takes the same filters,
so they are declared once, as a FastAPI dependency, and checked once. A bad value raises
``BadParameter`` naming the parameter and why; the app turns it into a 422.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Query

from ..store.queries import ORDERS

MODALITIES = ("asserted", "negated", "requested", "hypothetical", "future", "denied", "any")
COUNTRY_CODES = "ISO 3166-1 alpha-3"
_KEY = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_CAMEO = re.compile(r"^[0-9]{1,4}$")
_MAX_WORDS = 8
_JOINERS = "-'’.,"


class BadParameter(ValueError):
    """A query parameter has a value the API cannot use; becomes HTTP 422."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(f"{name}: {why}")
        self.name, self.why = name, why


@cache
def plover_types() -> tuple[str, ...]:
    """The PLOVER event types, from the packaged ontology table."""
    path = Path(__file__).resolve().parent.parent / "data" / "plover_types.tsv"
    types = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("type\t"):
            types.append(line.split("\t", 1)[0])
    return tuple(types)


@dataclass(frozen=True)
class Filters:
    """The checked filters of one request."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    types: tuple[str, ...] = ()
    cameo: str | None = None
    since: date | None = None
    until: date | None = None
    bbox: tuple[float, float, float, float] | None = None
    modality: str | None = "asserted"
    min_confidence: float | None = None
    words: tuple[str, ...] = ()

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``event_filters``."""
        return {
            "actor": self.actor,
            "source": self.source,
            "target": self.target,
            "types": self.types or None,
            "cameo": self.cameo,
            "since": self.since,
            "until": self.until,
            "bbox": self.bbox,
            "modality": self.modality,
            "min_confidence": self.min_confidence,
            "words": self.words or None,
        }


def _key(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _KEY.match(value):
        raise BadParameter(
            name, "an actor is an ISO 3166-1 alpha-3 country (RUS), an organisation id (NATO) "
            "or a CAMEO actor code prefix: letters, digits, '_', '-' or '.', at most 64"
        )
    return value


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    parts = value.split(",")
    why = "give west,south,east,north in degrees, e.g. 35,32,39,37"
    if len(parts) != 4:
        raise BadParameter("bbox", why)
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise BadParameter("bbox", why) from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise BadParameter("bbox", why)
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise BadParameter("bbox", "need -180 <= west <= east <= 180 and -90 <= south <= north <= 90")
    return west, south, east, north


def _words(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    words = tuple(w for w in value.split() if w)
    if len(words) > _MAX_WORDS or any(len(w) > 100 for w in words):
        raise BadParameter("q", f"at most {_MAX_WORDS} words of at most 100 characters")
    if any("\x00" in w for w in words):
        raise BadParameter("q", "a NUL character cannot occur in a sentence")
    for word in words:
        if not _is_word(word):
            raise BadParameter(
                "q", f"{word!r} is not a word: words are letters and digits, joined inside a word "
                "by - ' . or , (al-Assad, U.S., 1,000), at most followed by . , ; : ! or ?"
            )
    return words


def _is_word(word: str) -> bool:
    """Letters, marks and digits (what the word index reads: ``store/word_index.py``), with
    joiners only between them and closing punctuation only at the end: a query is words, not a
    pattern, so anything else is refused rather than quietly ignored."""
    core = word.rstrip(".,;:!?")
    if not core:
        return False
    after_joiner = True
    for ch in core:
        if unicodedata.category(ch)[0] in "LMN":
            after_joiner = False
        elif ch in _JOINERS and not after_joiner:
            after_joiner = True
        else:
            return False
    return not after_joiner


def event_filters_param(
    actor: Annotated[str | None, Query(
        description="Source or target: ISO 3166-1 alpha-3 country (RUS), organisation id "
        "(NATO) or CAMEO actor code prefix.")] = None,
    source: Annotated[str | None, Query(description="Source actor, as for actor.")] = None,
    target: Annotated[str | None, Query(description="Target actor, as for actor.")] = None,
    type: Annotated[list[str] | None, Query(
        description="PLOVER event type (ASSAULT); repeat for several.")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO event code prefix (19).")] = None,
    since: Annotated[date | None, Query(description="Events on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Events on or before (YYYY-MM-DD).")] = None,
    bbox: Annotated[str | None, Query(
        description="west,south,east,north (degrees) around the event's first place.")] = None,
    modality: Annotated[str, Query(
        description="asserted (default), negated, requested, hypothetical, future, denied "
        "or any.")] = "asserted",
    min_confidence: Annotated[float | None, Query(
        description="Only events at least this confident (0 to 1).")] = None,
    q: Annotated[str | None, Query(
        description="Words that must all begin words of one of the event's sentences, "
        "ignoring case: 'strike' matches 'strikes' and 'Strike', not 'airstrike'; "
        "'al-Assad' asks for 'al' and 'assad'.")] = None,
) -> Filters:
    """FastAPI dependency: the filters of the request, checked."""
    types: list[str] = []
    known = plover_types()
    for value in type or []:
        for part in value.split(","):
            if not part:
                continue
            if part.upper() not in known:
                raise BadParameter("type", f"{part!r} is not a PLOVER type: one of {', '.join(known)}")
            types.append(part.upper())
    if cameo and not _CAMEO.match(cameo):
        raise BadParameter("cameo", "a CAMEO event code prefix is 1 to 4 digits, e.g. 19 or 190")
    if since and until and since > until:
        raise BadParameter("since", f"since ({since}) is after until ({until})")
    if modality not in MODALITIES:
        raise BadParameter("modality", f"one of {', '.join(MODALITIES)}")
    if min_confidence is not None and not (
        math.isfinite(min_confidence) and 0 <= min_confidence <= 1
    ):
        raise BadParameter("min_confidence", "a number from 0 to 1")
    return Filters(
        actor=_key("actor", actor),
        source=_key("source", source),
        target=_key("target", target),
        types=tuple(dict.fromkeys(types)),
        cameo=cameo or None,
        since=since,
        until=until,
        bbox=_bbox(bbox),
        modality=None if modality == "any" else modality,
        min_confidence=min_confidence,
        words=_words(q),
    )


# -- paging ----------------------------------------------------------------------------------


def check_sort(sort: str) -> str:
    if sort not in ORDERS:
        raise BadParameter("sort", f"one of {', '.join(ORDERS)}")
    return sort


def encode_cursor(sort: str, value: object, last_id: str) -> str:
    """An opaque token for the page after the row ``(value, last_id)`` in ``sort`` order."""
    if isinstance(value, date):
        value = value.isoformat()
    raw = json.dumps([sort, value, last_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, sort: str) -> tuple[str, object, str]:
    """The ``after`` argument of ``event_filters`` from a cursor given back by the client."""
    why = "not a cursor from this API: use the `next` link of the previous page"
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        cursor_sort, value, last_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise BadParameter("cursor", why) from None
    if cursor_sort != sort:
        raise BadParameter("cursor", f"this cursor pages in sort order {cursor_sort!r}, not {sort!r}")
    if not isinstance(last_id, str):
        raise BadParameter("cursor", why)
    column = ORDERS[sort][0]
    if value is not None:
        try:
            if column == "date_start":
                value = date.fromisoformat(value)
            elif column in ("goldstein", "confidence"):
                value = float(value)
                if not math.isfinite(value):
                    raise ValueError(value)
            elif column == "n_articles":
                if not isinstance(value, int) or isinstance(value, bool):
                    raise ValueError(value)
            elif not isinstance(value, str):
                raise ValueError(value)
        except (TypeError, ValueError):
            raise BadParameter("cursor", why) from None
    return sort, value, last_id
