"""End-to-end geoparsing score: find the toponyms ourselves, then resolve them (``geo-e2e``).

Why a second score: ``geo`` hands the resolver the gold spans, which isolates disambiguation but
hides recognition errors. Here toponyms are found the way the pipeline finds them — spaCy's
named entities (GPE, LOC, FAC, and NORP read as a country or continent adjective) that the
gazetteer can resolve — and scored against the gold spans:

* span precision / recall / F1: a predicted span matches a gold toponym when the two overlap
  (GeoVirus offsets are sometimes one character off, and gold and spaCy disagree on "the");
* ``acc_161km`` / ``median_km`` over the gold toponyms, a missed toponym counting as the largest
  error (20,039 km), so the figure is comparable with ``geo``'s.

Resolution context is the same as ``geo``'s (``resolve_article`` with the source's locale from
``source_locales``) over the found names.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from eventwire.evaluate.geo import (
    MAX_KM,
    GoldToponym,
    auc,
    great_circle_km,
    read_articles,
    read_sources,
    resolve_article,
    source_locales,
)
from eventwire.resolve.places import Gazetteer

ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def find_toponyms(doc: Any, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, text) of the entities in a spaCy ``doc`` that the gazetteer knows."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        text = ent.text
        if ent.label_ == "NORP":
            place = gazetteer.resolve(text, adjectives=True)
            if place is None or place.precision not in ("country", "region"):
                continue
        elif not gazetteer.candidates(text) and gazetteer.resolve(text) is None:
            continue
        out.append((ent.start_char, ent.end_char, text))
    return out


def _overlaps(a: tuple[int, int], g: GoldToponym) -> bool:
    return g.start is not None and g.end is not None and a[0] < g.end and g.start < a[1]


def evaluate_geo_e2e(
    path: Path, gazetteer: Gazetteer | None = None, nlp: Any = None
) -> dict[str, Any]:
    """Toponym recognition (span P/R/F1) and resolution of the found toponyms, against gold."""
    if nlp is None:
        from eventwire.annotate import load_model  # local import: spaCy only when asked

        nlp = load_model()
    gazetteer = gazetteer or Gazetteer.load()
    articles = read_articles(Path(path))
    errors: list[float] = []
    predicted = matched_pred = 0
    gold_total = gold_hits = 0
    texts = [text for text, _ in articles]
    founds = [find_toponyms(doc, gazetteer) for doc in nlp.pipe(texts, batch_size=16)]
    names = [[t for _, _, t in found] for found in founds]
    locales = source_locales(gazetteer, names, read_sources(Path(path)))
    for (_text, gold), found, article_names, locale in zip(articles, founds, names, locales):
        places = resolve_article(gazetteer, article_names, locale)
        predicted += len(found)
        for start, end, _t in found:
            matched_pred += any(_overlaps((start, end), g) for g in gold)
        for g in gold:
            if g.start is None:
                continue
            gold_total += 1
            hit = next((i for i, (s, e, _t) in enumerate(found) if _overlaps((s, e), g)), None)
            gold_hits += hit is not None
            place = places[hit] if hit is not None else None
            errors.append(
                MAX_KM if place is None else great_circle_km(g.lat, g.lon, place.lat, place.lon)
            )
    precision = matched_pred / predicted if predicted else 0.0
    recall = gold_hits / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n = len(errors)
    return {
        "file": str(path),
        "n": n,
        "predicted": predicted,
        "span_precision": precision,
        "span_recall": recall,
        "span_f1": f1,
        "acc_161km": sum(e <= 161 for e in errors) / n if n else float("nan"),
        "median_km": statistics.median(errors) if errors else float("nan"),
        "auc": auc(errors),
    }
