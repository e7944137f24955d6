"""Benchmark: the full pipeline against bare spaCy on the same texts, in one run.

The parser is the limit: eventwire should process text nearly as fast as `nlp.pipe` alone with the
same model and the same number of processes (and faster with the pre-filter, which parses less).
Both are measured here, one after the other on the same machine, so their ratio means something
even on a noisy machine where absolute figures do not.

    full:  read corpus → `run.run` (worker pool, batches, bulk DuckDB writes into a temp file)
    spaCy: `nlp.pipe(texts, n_process=workers)` over the same article texts
    components (one CPU each, fresh process): `classify` sentences/s (`benchmarks/classify.py`),
           gazetteer toponyms/s, load seconds and memory added (`benchmarks/geo.py`)

Peak RSS per worker is the largest resident set of any worker process (`getrusage` of the
children; of this process when `workers == 1`), read before the spaCy run starts its own.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

from ..errors import EventwireError
from ..ingest import read_sources
from ..pipeline import Settings
from ..records import Article
from ..run import RunSummary, run


class BenchError(EventwireError):
    """A component benchmark could not run."""


@dataclass
class BenchResult:
    articles: int
    words: int
    events: int
    seconds: float
    articles_per_s: float
    words_per_s: float
    events_per_s: float
    peak_rss_mb_per_worker: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    spacy_seconds: float = 0.0
    spacy_words_per_s: float = 0.0
    ratio_to_spacy: float = 0.0
    workers: int = 1
    prefilter: bool = False
    # Component figures, each from a fresh process pinned to one CPU (see `_component`).
    classify: dict[str, object] = field(default_factory=dict)
    gazetteer: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def bench(
    corpus: str | Path,
    *,
    workers: int = 1,
    limit: int | None = None,
    prefilter: bool = True,
    batch_size: int = 32,
    spacy: bool = True,
    components: bool = True,
    classify_input: Path | None = None,
) -> BenchResult:
    """Measure the full pipeline and bare spaCy on the first `limit` articles of `corpus`, then
    (with `components`) relation classification and the gazetteer on one core each.

    `classify_input` is a PLV-format TSV of marked sentences to classify; by default sentences of
    the corpus that name two actors are used."""
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        source = _sample(corpus, limit, Path(tmp))
        texts = [a.text for a in _articles(source)]
        words = sum(len(t.split()) for t in texts)
        settings = Settings(batch_size=batch_size, prefilter=prefilter)
        summary: RunSummary = run(
            [str(source)], db=Path(tmp) / "bench.duckdb", workers=workers,
            batch_size=batch_size, settings=settings,
        )
        rss = _peak_rss_mb(workers)
        spacy_seconds = _spacy_seconds(texts, workers, batch_size) if spacy else 0.0
        extra_args = ["--plv", str(classify_input)] if classify_input else []
        classify = _component("eventwire.benchmarks.classify", str(source), *extra_args) if components else {}
        gazetteer = _component("eventwire.benchmarks.geo") if components else {}
    seconds = max(summary.seconds, 1e-9)
    spacy_wps = words / spacy_seconds if spacy_seconds else 0.0
    return BenchResult(
        articles=summary.articles,
        words=words,
        events=summary.events,
        seconds=round(seconds, 3),
        articles_per_s=round(summary.articles / seconds, 2),
        words_per_s=round(words / seconds, 1),
        events_per_s=round(summary.events / seconds, 2),
        peak_rss_mb_per_worker=round(rss, 1),
        stage_seconds={k: round(v, 3) for k, v in summary.stage_seconds.items()},
        spacy_seconds=round(spacy_seconds, 3),
        spacy_words_per_s=round(spacy_wps, 1),
        ratio_to_spacy=round((words / seconds) / spacy_wps, 3) if spacy_wps else 0.0,
        workers=workers,
        prefilter=prefilter,
        classify=classify,
        gazetteer=gazetteer,
    )


def _sample(corpus: str | Path, limit: int | None, tmp: Path) -> Path:
    """The corpus itself, or (with `limit`) a JSONL file of its first `limit` articles."""
    if limit is None:
        return Path(corpus)
    out = tmp / "sample.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for a in islice(_articles(Path(corpus)), limit):
            record = {"id": a.id, "text": a.text, "title": a.title, "source": a.source,
                      "url": a.url, "published": a.published.isoformat() if a.published else None}
            fh.write(json.dumps(record) + "\n")
    return out


def _articles(source: Path) -> Iterator[Article]:
    return (a for a in read_sources([str(source)]) if isinstance(a, Article))


def _spacy_seconds(texts: list[str], workers: int, batch_size: int) -> float:
    """Bare `nlp.pipe` with the pipeline's model, as its package ships it, and process count
    over the same texts."""
    from ..annotate import load_model

    nlp = load_model(None, stock=True)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=max(1, workers)):
        pass
    return time.perf_counter() - started


def _component(module: str, *args: str) -> dict[str, object]:
    """Run a component benchmark module in a fresh interpreter and read its JSON line.

    A fresh process gives a clean load time and memory figure, and lets the module pin itself to
    one CPU without pinning this one."""
    done = subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, check=False
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise BenchError(f"{module} failed: {done.stderr.strip()[-500:]}")
    result: dict[str, object] = json.loads(lines[-1])
    return result


def _peak_rss_mb(workers: int) -> float:
    """Largest resident set of a worker: the children when pooled, else this process."""
    who = resource.RUSAGE_CHILDREN if workers > 1 else resource.RUSAGE_SELF
    kb = resource.getrusage(who).ru_maxrss
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024  # bytes on macOS

