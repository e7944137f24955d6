"""The ``fusion`` block of a gold evaluation: does fusion join what is one happening, and only that?

Gold files for several articles give each gold event a ``group`` (the real-world event). Every
article's events are the *reports* the pipeline gives for it alone (what ``score_gold`` scores);
``fusion.clusters.fuse_reports`` then clusters the reports of all articles together, as the store
does. A unit is one asserted report that matches at least one gold event with a group, with the
set of groups it matches (one report may match two gold events).

Over every pair of units from two different articles:

- *same in gold*: their group sets share a group; *same predicted*: one fused event holds both;
- ``pairwise_precision`` = pairs same in both / pairs same predicted,
  ``pairwise_recall`` = pairs same in both / pairs same in gold;
- ``over_merged``: each pair joined by fusion whose groups differ (the worst error: two
  happenings counted as one), with the fused event id; ``under_merged``: pairs left apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from eventwire.evaluate._metrics import f1, ratio, rounded
from eventwire.evaluate.gold_match import match, occurrences
from eventwire.evaluate.gold_read import GoldArticle
from eventwire.fusion.clusters import Report, cluster, event_ids
from eventwire.records import Event


def score_fusion(
    articles: Sequence[GoldArticle], predictions: Mapping[str, Sequence[Event]]
) -> dict[str, Any] | None:
    """The fusion block, or None when no gold event has a ``group``."""
    if not any(g.group for a in articles for g in a.events):
        return None
    reports = [
        Report(e, a.id, a.published, None)
        for a in articles
        for e in predictions[a.id]
    ]
    groups = cluster(reports)
    fused_of = {r.id: eid for g, eid in zip(groups, event_ids(groups), strict=True) for r in g}
    units = []  # (article, report id, fused id, groups)
    for a in articles:
        for e in predictions[a.id]:
            if e.modality != "asserted":
                continue
            matched = frozenset(
                g.group
                for g in a.events
                if g.group and match(g, e, occurrences(a.text, g.evidence)) is not None
            )
            if matched:
                rid = Report(e, a.id).id
                units.append((a.id, e, fused_of[rid], matched))
    both = same_pred = same_gold = 0
    over: list[dict[str, Any]] = []
    under: list[dict[str, Any]] = []
    for i, (art_a, ev_a, fa, ga) in enumerate(units):
        for art_b, ev_b, fb, gb in units[i + 1 :]:
            if art_a == art_b:
                continue
            gold_same, pred_same = bool(ga & gb), fa == fb
            same_pred += pred_same
            same_gold += gold_same
            both += gold_same and pred_same
            if pred_same and not gold_same:
                over.append(_pair(fa, art_a, ga, ev_a, art_b, gb, ev_b))
            if gold_same and not pred_same:
                under.append(_pair(None, art_a, ga, ev_a, art_b, gb, ev_b))
    precision, recall = ratio(both, same_pred), ratio(both, same_gold)
    return {
        "pairwise_precision": rounded(precision),
        "pairwise_recall": rounded(recall),
        "pairwise_f1": rounded(f1(precision, recall)),
        "pairs_gold": same_gold,
        "pairs_predicted": same_pred,
        "pairs_right": both,
        "units": len(units),
        "reports": len(reports),
        "events": len(groups),
        "multi_article_events": sum(len({r.article_id for r in g}) > 1 for g in groups),
        "over_merged": over,
        "under_merged": under,
    }


def _pair(
    fused: str | None, art_a: str, ga: frozenset[str], ev_a: Event, art_b: str,
    gb: frozenset[str], ev_b: Event,
) -> dict[str, Any]:
    def side(article: str, groups: frozenset[str], e: Event) -> dict[str, Any]:
        return {
            "article": article,
            "groups": sorted(groups),
            "type": e.plover_type,
            "source": e.source.key if e.source else None,
            "target": e.target.key if e.target else None,
            "when": [e.when.start.isoformat(), e.when.end.isoformat()] if e.when else None,
        }

    return {"event": fused, "a": side(art_a, ga, ev_a), "b": side(art_b, gb, ev_b)}


__all__ = ["score_fusion"]
