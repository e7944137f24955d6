"""Fit the confidence model (``confidence.py``) on whole-article gold, and report its calibration.

    eventwire calibrate GOLD.jsonl [GOLD2.jsonl ...] [--folds N] [--write] [--json]

**Labels.** Every gold article (``load_gold``: read through ingest as ``eventwire run`` would) goes
through ``Pipeline.process_batch`` alone, as ``eventwire evaluate`` does. Each *asserted* mention
is made an event on its own (``fuse([mention])``) and labelled accepted when that event matches a
gold event, required or optional, under the evaluator's rules (from the evidence sentence, actors
in either allowed orientation, PLOVER type listed: ``gold_match.py``). Each asserted event of the
batch is labelled the same way, with all its mentions.

**Why fit mentions, not events.** A mention is what the features describe (its sentence, its
pattern, how its actors were found), there are more of them than events, and the store has to
recombine mentions anyway when the same event turns up in another batch; the event's confidence is
then ``confidence.combine`` of its mentions' (noisy-OR). The report scores that combination, and
the maximum beside it, against the event labels, so that a combination that overstates shows.

**Model.** Logistic regression with an L2 penalty (the bias is not penalised), fitted by Newton's
method in numpy on indicator features; category values seen fewer than ``MIN_COUNT`` times in the
training data become ``name=other``. The penalty is chosen from ``PENALTIES`` by cross-validated
log loss over the training articles.

**Cross-validation by article.** Each article is held out in turn (leave one article out: with a
few dozen articles, fewer folds make the figures depend on how the articles fall), or with
``folds`` the articles are dealt into that many folds by a hash of their id; the mentions of one
article are never on both sides. Inside each training part the penalty is chosen again the same
way (nested), so the held-out predictions are honest. Reported: a calibration table
(predicted confidence bins: count, mean prediction, share accepted), Brier score and log loss of
the held-out predictions, and of the constant base rate of each training part, for events (what
users filter on) and for mentions.
"""

from __future__ import annotations

import hashlib
import math
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from eventwire import __version__
from eventwire.confidence import (
    BIAS,
    COLUMNS,
    MODEL_FILE,
    OTHER,
    ConfidenceModel,
    combine,
    features,
    trigger_kinds,
)
from eventwire.errors import ConfigError, ExtractionError, SourceError, StorageError
from eventwire.evaluate.gold import load_gold, match, occurrences
from eventwire.fusion.fuse import fuse
from eventwire.records import Event

MIN_COUNT = 5
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
BINS = 5
EPS = 1e-6


@dataclass(frozen=True)
class Sample:
    """One asserted mention: its indicators, its label, and the event it was fused into."""

    article: str
    event: int
    indicators: tuple[str, ...]
    accepted: bool


@dataclass(frozen=True)
class Data:
    samples: list[Sample]
    event_accepted: list[bool]  # by event index
    articles: int


# ---------------------------------------------------------------- labels


def _accepted(gold: Any, event: Event, occs: Sequence[Sequence[tuple[int, int]]]) -> bool:
    return any(match(g, event, o) is not None for g, o in zip(gold.events, occs, strict=True))


def collect(paths: Sequence[Path], pipeline: Any) -> Data:
    """Run the pipeline on every gold article and label its asserted mentions and events."""
    kinds = trigger_kinds()
    samples: list[Sample] = []
    event_accepted: list[bool] = []
    n_articles = 0
    seen: set[str] = set()
    for path in paths:
        for gold in load_gold(Path(path)):
            if gold.article is None:
                raise SourceError(f"gold article {gold.id!r} has no ingested Article")
            batch = pipeline.process_batch([gold.article])
            if batch.failures:
                failure = batch.failures[0]
                raise ExtractionError(
                    f"gold article {gold.id!r}: {failure.stage}: {failure.reason}"
                )
            n_articles += 1
            occs = [occurrences(gold.text, g.evidence) for g in gold.events]
            # folds follow this key, the article id, so that they do not depend on how the path
            # was typed (the file name only tells apart the same id in two files)
            key = gold.id if gold.id not in seen else f"{Path(path).name}#{gold.id}"
            seen.add(key)
            for event in batch.events:
                if event.modality != "asserted":
                    continue
                index = len(event_accepted)
                event_accepted.append(_accepted(gold, event, occs))
                for m in event.mentions:
                    alone = fuse([m], pipeline.ontology)[0]
                    samples.append(
                        Sample(key, index, tuple(features(m, kinds)), _accepted(gold, alone, occs))
                    )
    return Data(samples, event_accepted, n_articles)


# ---------------------------------------------------------------- fitting


def vocabulary(rows: Sequence[Sequence[str]], min_count: int = MIN_COUNT) -> list[str]:
    """The indicators to fit: every flag seen; category values seen ``min_count`` times or more,
    the rest merged into ``name=other``."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    kept: set[str] = set()
    for name, n in counts.items():
        if "=" in name and n < min_count:
            kept.add(name.split("=", 1)[0] + "=" + OTHER)
        else:
            kept.add(name)
    return sorted(kept)


def _matrix(rows: Sequence[Sequence[str]], vocab: Sequence[str]) -> np.ndarray:
    index = {name: i + 1 for i, name in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, 0] = 1.0
    for r, row in enumerate(rows):
        for name in row:
            col = index.get(name)
            if col is None and "=" in name:
                col = index.get(name.split("=", 1)[0] + "=" + OTHER)
            if col is not None:
                x[r, col] = 1.0
    return x


def _newton(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    reg = np.full(x.shape[1], penalty)
    reg[0] = EPS  # the bias is (almost) free
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg * w
        hess = (x.T * (p * (1.0 - p))) @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return w


def fit(
    rows: Sequence[Sequence[str]], labels: Sequence[bool], penalty: float, kinds: Any = None
) -> ConfidenceModel:
    """An L2-penalised logistic regression of ``labels`` on the indicator ``rows``."""
    vocab = vocabulary(rows)
    w = _newton(_matrix(rows, vocab), np.asarray(labels, dtype=float), penalty)
    weights = {name: round(float(v), 4) for name, v in zip(vocab, w[1:], strict=True)}
    return ConfidenceModel(weights, round(float(w[0]), 4), kinds or {})


def fold_of(article: str, folds: int) -> int:
    """The fold of an article: a hash of its key, so that folds do not depend on file order."""
    return int(hashlib.sha1(article.encode("utf-8")).hexdigest(), 16) % folds


def folds_of(articles: Iterable[str], folds: int | None) -> dict[str, int]:
    """Each article's fold: its own when ``folds`` is None (leave one article out), else
    ``fold_of``."""
    names = sorted(set(articles))
    if folds is None:
        return {a: i for i, a in enumerate(names)}
    return {a: fold_of(a, folds) for a in names}


def choose_penalty(samples: Sequence[Sample], folds: int | None) -> float:
    """The penalty with the least held-out log loss, cross-validated by article."""
    best, best_loss = PENALTIES[0], math.inf
    for penalty in PENALTIES:
        preds = _held_out(samples, folds, lambda train, p=penalty: fit(*_xy(train), p))  # type: ignore[misc]
        loss = log_loss(preds, [s.accepted for s in samples])
        if loss < best_loss - 1e-12:
            best, best_loss = penalty, loss
    return best


def _xy(samples: Sequence[Sample]) -> tuple[list[tuple[str, ...]], list[bool]]:
    return [s.indicators for s in samples], [s.accepted for s in samples]


def _held_out(
    samples: Sequence[Sample],
    folds: int | None,
    train: Callable[[list[Sample]], ConfidenceModel],
) -> list[float]:
    """Each sample's prediction from a model trained without its article's fold."""
    preds = [0.0] * len(samples)
    fold = folds_of((s.article for s in samples), folds)
    for k in sorted(set(fold.values())):
        inside = [s for s in samples if fold[s.article] != k]
        held = [i for i, s in enumerate(samples) if fold[s.article] == k]
        if not inside:  # one article only: nothing to learn from, predict the base rate
            rate = sum(s.accepted for s in samples) / len(samples)
            for i in held:
                preds[i] = rate
            continue
        model = train(inside)
        for i in held:
            preds[i] = model.probability_of(samples[i].indicators)
    return preds


# ---------------------------------------------------------------- scores


def brier(preds: Sequence[float], labels: Sequence[bool]) -> float:
    return sum((p - y) ** 2 for p, y in zip(preds, labels, strict=True)) / max(len(preds), 1)


def log_loss(preds: Sequence[float], labels: Sequence[bool]) -> float:
    total = 0.0
    for p, y in zip(preds, labels, strict=True):
        p = min(max(p, EPS), 1 - EPS)
        total -= math.log(p if y else 1 - p)
    return total / max(len(preds), 1)


def calibration_table(
    preds: Sequence[float], labels: Sequence[bool], bins: int = BINS
) -> list[dict[str, Any]]:
    """Predictions in ``bins`` equal-width bins: count, mean prediction, share accepted."""
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [
            (p, y)
            for p, y in zip(preds, labels, strict=True)
            if lo <= p < hi or (b == bins - 1 and p == 1.0)
        ]
        if not inside:
            continue
        rows.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "n": len(inside),
                "mean_confidence": round(sum(p for p, _ in inside) / len(inside), 3),
                "accepted": round(sum(y for _, y in inside) / len(inside), 3),
            }
        )
    return rows


def _scores(
    preds: Sequence[float], base: Sequence[float], labels: Sequence[bool]
) -> dict[str, Any]:
    return {
        "n": len(labels),
        "accepted": sum(labels),
        "base_rate": round(sum(labels) / len(labels), 3) if labels else None,
        "brier": round(brier(preds, labels), 4),
        "log_loss": round(log_loss(preds, labels), 4),
        "brier_base_rate": round(brier(base, labels), 4),
        "log_loss_base_rate": round(log_loss(base, labels), 4),
        "calibration": calibration_table(preds, labels),
    }


# ---------------------------------------------------------------- the command


def calibrate(paths: Sequence[Path], pipeline: Any, *, folds: int | None = None) -> dict[str, Any]:
    """Label, cross-validate (``folds`` None: leave one article out) and fit; the result's
    ``model`` is the model fitted on everything."""
    if folds is not None and folds < 2:
        raise ConfigError(f"--folds must be 2 or more, got {folds}")
    data = collect(paths, pipeline)
    if not data.samples or len({s.accepted for s in data.samples}) < 2:
        raise ConfigError("the gold gives no asserted mentions of both kinds (accepted and not)")
    return {**report(data, folds), "paths": [str(p) for p in paths]}


def report(data: Data, folds: int | None = None) -> dict[str, Any]:
    """Cross-validated scores of ``data`` and the final model (see the module docstring)."""
    samples, labels = data.samples, [s.accepted for s in data.samples]
    kinds = trigger_kinds()
    preds = _held_out(
        samples, folds, lambda train: fit(*_xy(train), choose_penalty(train, folds), kinds)
    )
    base = _held_out(samples, folds, lambda train: _constant(train))
    by_event: dict[int, list[int]] = {}
    for i, s in enumerate(samples):
        by_event.setdefault(s.event, []).append(i)
    events = sorted(by_event)
    event_labels = [data.event_accepted[e] for e in events]
    noisy_or = [combine(preds[i] for i in by_event[e]) for e in events]
    best = [max(preds[i] for i in by_event[e]) for e in events]
    # the constant for events: the share of accepted events among the other folds' events
    fold = folds_of((s.article for s in samples), folds)
    event_fold = [fold[samples[by_event[e][0]].article] for e in events]
    event_base = [
        _rate([y for y, f in zip(event_labels, event_fold, strict=True) if f != k] or event_labels)
        for k in event_fold
    ]
    penalty = choose_penalty(samples, folds)
    model = fit(*_xy(samples), penalty, kinds)
    return {
        "articles": data.articles,
        "cross_validation": _cv_name(folds),
        "folds": len(set(fold.values())),
        "penalty": penalty,
        "events": _scores(noisy_or, event_base, event_labels),
        "events_max": {
            k: v for k, v in _scores(best, event_base, event_labels).items() if k != "calibration"
        },
        "mentions": _scores(preds, base, labels),
        "model": model,
    }


def _cv_name(folds: int | None) -> str:
    return "leaving one article out" if folds is None else f"in {folds} folds by article"


def _rate(labels: Sequence[bool]) -> float:
    return min(max(sum(labels) / len(labels), EPS), 1 - EPS)


def _constant(train: Sequence[Sample]) -> ConfidenceModel:
    """The base rate of ``train`` as a model with a bias only."""
    rate = _rate([s.accepted for s in train])
    return ConfidenceModel({}, math.log(rate / (1 - rate)))


def render(result: dict[str, Any]) -> str:
    """The readable report: calibration table and scores for events, then mentions."""
    lines = [
        f"{result['articles']} articles, cross-validation {result['cross_validation']}, "
        + f"L2 penalty {result['penalty']}",
    ]
    for level in ("events", "mentions"):
        r = result[level]
        lines += [
            "",
            f"{level}: {r['n']} asserted, {r['accepted']} accepted (base rate {r['base_rate']})",
            f"  {'confidence':<12}{'n':>5}{'mean conf':>11}{'accepted':>10}",
        ]
        lines += [
            f"  {row['bin']:<12}{row['n']:>5}{row['mean_confidence']:>11.3f}{row['accepted']:>10.3f}"
            for row in r["calibration"]
        ]
        lines.append(
            f"  Brier {r['brier']:.4f} (base rate {r['brier_base_rate']:.4f}),"
            f" log loss {r['log_loss']:.4f} (base rate {r['log_loss_base_rate']:.4f})"
        )
        if level == "events":
            m = result["events_max"]
            lines.append(
                f"  (max of the mentions instead of noisy-OR: Brier {m['brier']:.4f},"
                f" log loss {m['log_loss']:.4f})"
            )
    return "\n".join(lines)


def json_ready(result: dict[str, Any]) -> dict[str, Any]:
    """The result without the model object, with the fitted weights instead."""
    model: ConfidenceModel = result["model"]
    out = {k: v for k, v in result.items() if k != "model"}
    out["weights"] = {BIAS: model.bias, **dict(sorted(model.weights.items()))}
    return out


def write_model(result: dict[str, Any], path: Path = MODEL_FILE) -> Path:
    """Write the fitted weights with a header saying how, when and on what they were fitted."""
    model: ConfidenceModel = result["model"]
    ev, me = result["events"], result["mentions"]
    header = [
        "# Confidence model of eventwire/confidence.py: log-odds weights of a logistic regression",
        "# over the indicators of a Mention. Fitted numbers only, no gold text. Do not edit by hand:",
        "# refit with",
        f"#   eventwire calibrate {' '.join(result['paths'])} --write",
        f"# Fitted {datetime.now(UTC).date().isoformat()}, eventwire {__version__}, {_commit()}",
        f"# on {result['articles']} articles: {me['n']} asserted mentions ({me['accepted']} "
        + f"accepted), {ev['n']} events ({ev['accepted']} accepted); L2 penalty {result['penalty']}.",
        f"# Cross-validation {result['cross_validation']}, events (noisy-OR of mentions): "
        + f"Brier {ev['brier']} (base rate {ev['brier_base_rate']}), "
        + f"log loss {ev['log_loss']} (base rate {ev['log_loss_base_rate']}).",
    ]
    rows = [f"{BIAS}\t{model.bias}"] + [f"{k}\t{v}" for k, v in sorted(model.weights.items())]
    text = "\n".join([*header, "\t".join(COLUMNS), *rows]) + "\n"
    target = Path(path)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StorageError(f"cannot write {target}: {exc}") from exc
    return target


def _commit() -> str:
    """The git commit the package was fitted at, when it runs from a checkout."""
    root = Path(__file__).resolve().parents[2]
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            # the model file itself is left out: a refit rewrites it
            ["git", "diff", "--quiet", "HEAD", "--", "eventwire", f":(exclude){MODEL_FILE}"],
            cwd=root,
            timeout=10,
            check=False,
        ).returncode
    except (OSError, subprocess.SubprocessError):
        return "commit unknown"
    return f"commit {head}" + (" with local changes" if dirty else "")
