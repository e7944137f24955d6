"""The records that flow between eventwire's stages.

Every record is a frozen dataclass: stages pass them along, never loose dicts. Evidence is always
a pair of character offsets into the stored article text (``Span``), never a copied string that
could drift from the article.

Flow: ``Article`` → ``Mention`` (with ``Actor``, ``Place``, ``DateRange``) → ``Event``; a bad input
becomes a ``Failure`` instead.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

# Modalities a mention can carry. Only "asserted" mentions report something that happened.
MODALITIES = ("asserted", "negated", "requested", "hypothetical", "future", "denied")


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic id from content: re-running the same input gives the same id."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into an article's text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, normalised. ``id`` hashes the normalised text and url."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = "en"
    input_ref: str = ""  # where it came from: path, path:line, url
    note: str | None = None  # how it was read when not whole: where it was cut (windows.py)

    @staticmethod
    def make_id(text: str, url: str | None) -> str:
        return stable_id(" ".join(text.split()), url or "")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become an article (or an article a stage could not process)."""

    input_ref: str
    stage: str  # "ingest", "annotate", "extract", ...
    reason: str

    @property
    def id(self) -> str:
        return stable_id(self.input_ref, self.stage)


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    kind: str = "body"  # body | title | caption | keywords | byline


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor. ``code`` is the CAMEO actor code (country + sector, e.g. ``RUSMIL``)."""

    text: str
    country: str | None = None  # ISO 3166 alpha-3
    org: str | None = None  # NATO, UN, EU, ISIS, ...
    sector: str | None = None  # GOV, MIL, REB, OPP, CVL, ...
    code: str | None = None
    entry: str | None = None  # the dictionary entry that matched, for explanations

    @property
    def key(self) -> str | None:
        """The id used to compare actors: organisation first, else country."""
        return self.org or self.country


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str | None = None  # ISO3
    admin1: str | None = None
    # GeoNames feature class/code, e.g. "P.PPLA"; "S" a site placed by the place its name holds,
    # "S.CONTEXT" one placed at the article's main town because nothing in its name locates it
    feature: str | None = None
    # city | admin1 | admin2 | country | region | site | dateline (where the article was filed)
    precision: str = "city"


@dataclass(frozen=True, slots=True)
class DateRange:
    """When something happened: ``[start, end]`` inclusive, and how precise that is."""

    start: date
    end: date
    precision: str = "day"  # day | week | month | year | range


@dataclass(frozen=True, slots=True)
class Count:
    """How many people an event killed or injured, as reported.

    ``low`` is the most conservative figure the words allow ("dozens" -> 12, as ACLED codes it),
    ``high`` the largest, or None when the report sets no upper bound ("at least 43"). ``span``
    points at the words in the article; an event's range over several reports has none.
    """

    low: int
    high: int | None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One report of an event in one sentence of one article."""

    article_id: str
    sentence: Span
    trigger: Span
    plover_type: str
    plover_mode: str | None
    cameo_code: str
    source: Actor | None = None
    target: Actor | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    places: tuple[Place, ...] = ()
    place_spans: tuple[Span, ...] = ()
    when: DateRange | None = None
    time_span: Span | None = None
    modality: str = "asserted"
    attribution: Actor | None = None
    attribution_span: Span | None = None
    sentence_kind: str = "body"
    confidence: float = 0.5
    pattern: str = ""  # which rule or pattern produced it, for `dict explain`
    killed: Count | None = None
    injured: Count | None = None

    @property
    def id(self) -> str:
        # the target's place tells apart one act done to several parties ("traveled to
        # Ethiopia, South Sudan and Congo": three visits, one word)
        where = self.target_span.start if self.target_span else None
        return stable_id(self.article_id, self.trigger.start, self.trigger.end, self.cameo_code, where)


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world event: one or more mentions fused."""

    id: str
    plover_type: str
    plover_mode: str | None
    plover_context: str | None
    cameo_code: str
    cameo_name: str
    goldstein: float
    quad_class: int
    source: Actor | None
    target: Actor | None
    when: DateRange | None
    places: tuple[Place, ...]
    modality: str
    mentions: tuple[Mention, ...]
    confidence: float
    n_articles: int = 1
    n_sources: int = 1
    first_seen: date | None = None
    last_seen: date | None = None
    acled_event_type: str | None = None  # ACLED's categories where one applies (coding/acled.py)
    acled_sub_event_type: str | None = None
    killed: Count | None = None  # the range over the event's reports
    injured: Count | None = None
