"""Relation-classification speed: `classify` calls per second on one core.

`eventwire.classify(sentence, source_span, target_span)` is what a user calls when the actors are
already known (a coding project, an annotation tool). Its speed is reported by `eventwire bench`
and measured here, in a process pinned to one CPU so that the figure means "per core" whatever
the machine. The sentences are either a PLV-format TSV (actors marked in the text) or, by
default, sentences of the benchmark corpus in which the actor dictionary finds two different
actors — the first taken as source, the second as target, as a coder would mark them.

    python -m eventwire.benchmarks.classify CORPUS [--plv TSV] [--n 1000]   → one JSON line
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..ingest import read_sources
from ..pipeline import Pipeline, Settings, build
from ..records import Article

Item = tuple[str, tuple[int, int] | None, tuple[int, int] | None]

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[\"“A-Z])")


def corpus_items(articles: Iterable[Article], pipeline: Pipeline, n: int) -> list[Item]:
    """Up to `n` sentences of the articles that name two different actors, with their spans."""
    out: list[Item] = []
    for article in articles:
        for sentence in _SENTENCE_END.split(article.text):
            if len(sentence) > 600:
                continue
            found = pipeline.actors.find(sentence)
            keys = {actor.key for _, _, actor in found}
            if len(found) >= 2 and len(keys) >= 2:
                (s0, s1, _), (t0, t1, _) = found[0], found[1]
                out.append((sentence, (s0, s1), (t0, t1)))
                if len(out) >= n:
                    return out
    return out


def plv_items(path: Path) -> list[Item]:
    """The marked pairs of a PLV-format TSV (see `evaluate/plv.py`)."""
    from ..evaluate.plv import as_pair, load_plv

    return [(r.sentence, as_pair(r.source_span), as_pair(r.target_span)) for r in load_plv(path)]


def classify_speed(items: Sequence[Item], pipeline: Pipeline) -> dict[str, float]:
    """Sentences per second of `Pipeline.classify_many` over `items` (after a short warm-up)."""
    pipeline.classify_many(list(items[:20]))
    started = time.perf_counter()
    found = pipeline.classify_many(list(items))
    seconds = time.perf_counter() - started
    return {
        "sentences": len(items),
        "sentences_per_s": round(len(items) / seconds, 1) if seconds else 0.0,
        "coded": sum(c is not None for c in found),
    }


def _one_core() -> int | None:
    """Pin this process to one CPU (Linux); the CPU used, or None where pinning is unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--plv", type=Path, help="PLV-format TSV of marked sentences to use instead")
    parser.add_argument("--n", type=int, default=1000, help="sentences taken from the corpus")
    args = parser.parse_args(argv)
    cpu = _one_core()
    pipeline = build(Settings())
    if args.plv is not None:
        items = plv_items(args.plv)
    else:
        articles = (a for a in read_sources([str(args.corpus)]) if isinstance(a, Article))
        items = corpus_items(articles, pipeline, args.n)
    result: dict[str, object] = dict(classify_speed(items, pipeline))
    result["cpu"] = cpu
    result["input"] = str(args.plv or args.corpus)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
