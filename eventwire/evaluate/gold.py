"""Score end-to-end extraction against whole-article gold (the ``gold`` format of eval/FORMAT.md).

Why this shape: scoring (``score_gold``) is a pure function of gold articles and predicted events,
so it is tested with hand-made events; ``evaluate_gold`` only reads the file (through ingest, as
``eventwire run`` would: ``gold_read.py``) and runs the pipeline on each article.

    gold_read.py    gold lines -> GoldArticle (the ingested Article, its gold events, forbidden)
    gold_match.py   does a prediction come from the evidence sentence, do its actors and type match
    gold_errors.py  the kind of each missed required event and each spurious prediction
    gold.py         scores, error counts, the study / measure halves, the pipeline run

Precision and recall use asserted events only; the forbidden check uses every event, whatever its
modality, so that a negated event mis-coded as asserted is caught.

**Halves.** The articles are split once, by a hash of their id (``split_of``), into a *study* half
(look at its errors, change the system) and a *measure* half (only read its figures), so that a
change made for the study half shows whether it generalises. ``evaluate_gold`` reports both halves
beside the whole set, or scores one half alone (``split=``).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError, ExtractionError, SourceError
from eventwire.evaluate._metrics import f1, ratio, rounded
from eventwire.evaluate.gold_errors import count_kinds, error_items
from eventwire.evaluate.gold_fusion import score_fusion
from eventwire.evaluate.gold_match import (
    WITHIN_KM,
    actor_matches,
    describe,
    field_checks,
    forbidden_hit,
    from_evidence,
    match,
    occurrences,
    orientation,
    want,
)
from eventwire.evaluate.gold_read import (
    Forbidden,
    GoldArticle,
    GoldEvent,
    GoldPlace,
    load_gold,
    parse_article,
)
from eventwire.records import Article, Event

SPLITS = ("study", "measure")
# What each half reports (and the whole set beside it), with its error counts.
HALF_KEYS = (
    "articles",
    "required",
    "matched",
    "predicted",
    "required_recall",
    "precision",
    "f1",
    "forbidden_hits",
)


def split_of(article_id: str) -> str:
    """``"study"`` or ``"measure"``: a fixed half for every article id (sha1 of the id, parity)."""
    return SPLITS[int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 2]


# ---------------------------------------------------------------- scoring

FIELDS = ("date", "location", "source_sector", "cameo_root")


def score_gold(
    gold_articles: Sequence[GoldArticle | Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Event]],
) -> dict[str, Any]:
    """Score predicted events (all modalities; keyed by gold article id) against gold articles.

    Besides the figures: ``details`` (one row per gold event; a missed required one has its error
    ``kind``), ``unmatched_predictions`` (the spurious asserted predictions, with their ``kind``),
    ``errors`` (``{kind: count}``) and ``error_items`` (every error with want / got), see
    ``gold_errors.py`` for the kinds.
    """
    articles = [a if isinstance(a, GoldArticle) else parse_article(a) for a in gold_articles]
    required = matched = matched_optional = predicted = matched_preds = unasserted = 0
    forbidden_total = forbidden_hits = 0
    field_right = dict.fromkeys(FIELDS, 0)
    field_total = dict.fromkeys(FIELDS, 0)
    details: list[dict[str, Any]] = []
    unmatched: list[dict[str, Any]] = []
    forbidden_details: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for art in articles:
        if art.id not in predictions:
            raise SourceError(f"no predictions given for gold article {art.id!r}")
        every = list(predictions[art.id])
        asserted = [e for e in every if e.modality == "asserted"]
        predicted += len(asserted)
        unasserted += len(every) - len(asserted)
        hit_preds: set[int] = set()
        missed: list[tuple[GoldEvent, dict[str, Any]]] = []
        for gold in art.events:
            occs = occurrences(art.text, gold.evidence)
            matches = []
            for i, ev in enumerate(asserted):
                how = match(gold, ev, occs)
                if how is not None:
                    matches.append((ev, how))
                    hit_preds.add(i)
            checks = field_checks(gold, matches) if matches else {}
            if gold.required:
                required += 1
                if matches:
                    matched += 1
                    for name in FIELDS:
                        if checks.get(name) is not None:
                            field_total[name] += 1
                            field_right[name] += bool(checks[name])
            elif matches:
                matched_optional += 1
            detail = {
                "article": art.id,
                "id": gold.id,
                "required": gold.required,
                "matched": bool(matches),
                "want": want(gold),
                "evidence": gold.evidence,
                "fields": checks,
                "predictions": [describe(e, art.text) for e, _ in matches],
                "kind": None,
            }
            details.append(detail)
            if gold.required and not matches:
                missed.append((gold, detail))
        matched_preds += len(hit_preds)
        spurious = [e for i, e in enumerate(asserted) if i not in hit_preds]
        matched_types = {asserted[i].plover_type for i in hit_preds}
        found = error_items(art, every, [g for g, _ in missed], spurious, matched_types)
        items += found
        for (_, detail), item in zip(missed, found, strict=False):
            detail["kind"] = item["kind"]
        unmatched += [
            {"article": art.id, **item["got"], "kind": item["kind"], "want": item["want"]}
            for item in found[len(missed) :]
        ]
        for rule in art.forbidden:
            occs = occurrences(art.text, rule.evidence)
            hits = [e for e in every if forbidden_hit(rule, e, occs)]
            forbidden_total += 1
            forbidden_hits += bool(hits)
            forbidden_details.append(
                {
                    "article": art.id,
                    "id": rule.id,
                    "hit": bool(hits),
                    "rule": rule.rule,
                    "predictions": [describe(e, art.text) for e in hits],
                }
            )
    precision = ratio(matched_preds, predicted)
    recall = ratio(matched, required)
    errors = count_kinds(items)
    order = {kind: i for i, kind in enumerate(errors)}
    return {
        "required_recall": rounded(recall),
        "precision": rounded(precision),
        "f1": rounded(f1(precision, recall)),
        "forbidden_hits": forbidden_hits,
        "forbidden": forbidden_total,
        "field_accuracy": {
            k: rounded(field_right[k] / field_total[k]) if field_total[k] else None for k in FIELDS
        },
        "field_counts": {k: [field_right[k], field_total[k]] for k in FIELDS},
        "required": required,
        "matched": matched,
        "matched_optional": matched_optional,
        "predicted": predicted,
        "matched_predictions": matched_preds,
        "predicted_unasserted": unasserted,
        "articles": len(articles),
        "errors": errors,
        "details": details,
        "unmatched_predictions": unmatched,
        "forbidden_details": forbidden_details,
        "error_items": sorted(items, key=lambda item: order[item["kind"]]),
    }


def figures(result: Mapping[str, Any]) -> dict[str, Any]:
    """The headline figures of a result and its error counts (one row of the halves table)."""
    return {**{k: result[k] for k in HALF_KEYS}, "errors": dict(result["errors"])}


def score_halves(
    gold_articles: Sequence[GoldArticle], predictions: Mapping[str, Sequence[Event]]
) -> dict[str, dict[str, Any]]:
    """``figures`` of the study and the measure half, each scored on its own articles."""
    return {
        half: figures(score_gold([a for a in gold_articles if split_of(a.id) == half], predictions))
        for half in SPLITS
    }


def predict(pipeline: Any, article: Article, where: str) -> list[Event]:
    """Events of every modality from one article, through ``Pipeline.process_batch`` as ``run``
    does; one article per batch, so that fusion never mixes mentions of two gold articles."""
    batch = pipeline.process_batch([article])
    if batch.failures:
        raise ExtractionError(f"{where}: {batch.failures[0].stage}: {batch.failures[0].reason}")
    return list(batch.events)


def evaluate_gold(path: Path, pipeline: Any, *, split: str | None = None) -> dict[str, Any]:
    """Run the pipeline on every gold article (or those of one half) and score it."""
    if split is not None and split not in SPLITS:
        raise ConfigError(f"unknown split {split!r} (one of {', '.join(SPLITS)})")
    articles = load_gold(Path(path))
    if split is not None:
        articles = [a for a in articles if split_of(a.id) == split]
    started = time.perf_counter()
    predictions = {}
    for a in articles:
        if a.article is None:  # load_gold always ingests; a hand-built GoldArticle may not
            raise SourceError(f"gold article {a.id!r} has no ingested Article")
        predictions[a.id] = predict(pipeline, a.article, f"gold article {a.id!r}")
    result = score_gold(articles, predictions)
    fusion = score_fusion(articles, predictions)  # the articles' reports clustered together
    if fusion is not None:
        result["fusion"] = fusion
    if split is None:
        result["halves"] = score_halves(articles, predictions)
    else:
        result["split"] = split
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result


__all__ = [
    "SPLITS",
    "WITHIN_KM",
    "Forbidden",
    "GoldArticle",
    "GoldEvent",
    "GoldPlace",
    "actor_matches",
    "describe",
    "evaluate_gold",
    "field_checks",
    "forbidden_hit",
    "from_evidence",
    "load_gold",
    "match",
    "occurrences",
    "orientation",
    "parse_article",
    "score_gold",
    "score_halves",
    "split_of",
]
