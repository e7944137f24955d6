"""Read whole-article gold (the ``gold`` format of eval/FORMAT.md) into frozen records.

Why through ingest: what is scored must be what a user's ``eventwire run`` stores. A ``file``
entry is read by the same ingest code as ``run`` (``read_sources``: a ``.txt`` file's first line
becomes the title, an HTML page goes through trafilatura, ...); an inline entry is built like a
JSONL corpus line (``record_article``: ``title`` put in front of ``text`` as ``"Title\\n\\n"``).
The gold ``published`` date is the default date, as ``run --published`` gives it.

Evidence strings index the ingested ``Article.text``. Ingest normalises text (NFC, no control
characters, titles on one line); evidence that is not found as written is normalised the same
way, and evidence still not found is a ``SourceError`` naming the gold file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import SourceError
from eventwire.evaluate._metrics import jsonl_records
from eventwire.ingest import read_sources
from eventwire.ingest.normalise import normalise_text
from eventwire.ingest.options import Options
from eventwire.ingest.tables import record_article
from eventwire.records import Article, Failure


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    lat: float
    lon: float
    country: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event; ``source``/``target`` None means "anything, including none"."""

    id: str
    evidence: str
    types: tuple[str, ...]
    source: str | None = None
    target: str | None = None
    symmetric: bool = False
    required: bool = True
    cameo_root: tuple[str, ...] = ()
    date: tuple[date, date] | None = None
    locations: tuple[GoldPlace, ...] = ()
    locations_any: tuple[GoldPlace, ...] = ()
    source_sector: str | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Forbidden:
    """A pattern no system may produce; a None field is a key the gold line did not give."""

    id: str
    evidence: str
    source: str | None = None
    target: str | None = None
    types: tuple[str, ...] | None = None
    modality: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """A gold line: ``text`` is the ingested ``article.text`` that evidence and spans index."""

    id: str
    text: str
    published: date | None
    events: tuple[GoldEvent, ...]
    forbidden: tuple[Forbidden, ...] = ()
    article: Article | None = None  # as ingest built it; the pipeline runs on this


def _date(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise SourceError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def _places(items: Any, where: str) -> tuple[GoldPlace, ...]:
    if not isinstance(items, list):
        raise SourceError(f"{where}: places must be a list of {{name, lat, lon}}")
    try:
        return tuple(
            GoldPlace(str(p["name"]), float(p["lat"]), float(p["lon"]), p.get("country"))
            for p in items
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceError(f"{where}: a place needs name, lat and lon ({exc})") from exc


def _types(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not value:
        raise SourceError(f"{where}: 'type' must be a non-empty list of PLOVER types")
    return tuple(str(t) for t in value)


def _event(obj: Mapping[str, Any], where: str) -> GoldEvent:
    if "evidence" not in obj or "type" not in obj:
        raise SourceError(f"{where}: a gold event needs 'evidence' and 'type'")
    span = obj.get("date")
    when = None
    if span is not None:
        if not isinstance(span, list) or len(span) != 2:
            raise SourceError(f"{where}: 'date' must be [first, last]")
        when = (_date(span[0], where), _date(span[1], where))
    return GoldEvent(
        id=str(obj.get("id", "")),
        evidence=str(obj["evidence"]),
        types=_types(obj["type"], where),
        source=obj.get("source"),
        target=obj.get("target"),
        symmetric=bool(obj.get("symmetric", False)),
        required=bool(obj.get("required", True)),
        cameo_root=tuple(str(c) for c in obj.get("cameo_root", ())),
        date=when,
        locations=_places(obj.get("locations", []), where),
        locations_any=_places(obj.get("locations_any", []), where),
        source_sector=obj.get("source_sector"),
        group=obj.get("group"),
    )


def _forbidden(obj: Mapping[str, Any], where: str) -> Forbidden:
    if "evidence" not in obj:
        raise SourceError(f"{where}: a forbidden entry needs 'evidence'")
    return Forbidden(
        id=str(obj.get("id", "")),
        evidence=str(obj["evidence"]),
        source=obj.get("source"),
        target=obj.get("target"),
        types=_types(obj["type"], where) if "type" in obj else None,
        modality=obj.get("modality"),
        rule=str(obj.get("rule") or obj.get("note") or ""),
    )


def ingest_article(
    obj: Mapping[str, Any], *, base_dir: Path | None, published: date | None, where: str
) -> Article:
    """The ``Article`` a user's run would store for this gold line (see the module docstring)."""
    if "text" in obj:
        if not isinstance(obj["text"], str):
            raise SourceError(f"{where}: 'text' must be a string")
        record = {k: obj[k] for k in ("text", "title", "url", "source") if k in obj}
        built = record_article(where, record, Options(published=published))
    elif "file" in obj:
        file = (base_dir or Path(".")) / str(obj["file"])
        try:
            found = list(read_sources([str(file)], published=published))
        except SourceError as exc:
            raise SourceError(f"{where}: {exc}") from exc
        if len(found) != 1:
            raise SourceError(
                f"{where}: article file {file} holds {len(found)} records (want one article)"
            )
        built = found[0]
    else:
        raise SourceError(f"{where}: a gold article needs 'text' or 'file'")
    if isinstance(built, Failure):
        raise SourceError(f"{where}: ingest cannot read the article: {built.reason}")
    return built


def _locate(item: Any, text: str, where: str) -> Any:
    """The gold item with its evidence as it appears in the ingested text, or a SourceError."""
    if item.evidence in text:
        return item
    for candidate in (normalise_text(item.evidence), " ".join(item.evidence.split())):
        if candidate and candidate in text:
            return replace(item, evidence=candidate)
    raise SourceError(
        f"{where}: evidence {item.evidence!r} ({item.id}) is not in the text of the article "
        "as ingest reads it"
    )


def parse_article(
    obj: Mapping[str, Any], *, base_dir: Path | None = None, where: str = "<gold>"
) -> GoldArticle:
    """Turn one gold JSON object into a ``GoldArticle``; errors name ``where`` (file:line)."""
    published = _date(obj["published"], where) if obj.get("published") else None
    article = ingest_article(obj, base_dir=base_dir, published=published, where=where)
    text = article.text
    events = tuple(
        _locate(_event(e, f"{where} event {i}"), text, where)
        for i, e in enumerate(obj.get("events", []))
    )
    forbidden = tuple(
        _locate(_forbidden(f, f"{where} forbidden {i}"), text, where)
        for i, f in enumerate(obj.get("forbidden", []))
    )
    return GoldArticle(str(obj.get("id", where)), text, published, events, forbidden, article)


def load_gold(path: Path) -> list[GoldArticle]:
    """Read a gold JSONL file; ``file`` entries are read relative to the gold file."""
    path = Path(path)
    articles: list[GoldArticle] = []
    for number, obj in jsonl_records(path, "gold file"):
        article = parse_article(obj, base_dir=path.parent, where=f"{path}:{number}")
        if any(a.id == article.id for a in articles):
            raise SourceError(f"{path}:{number}: duplicate article id {article.id!r}")
        articles.append(article)
    return articles
