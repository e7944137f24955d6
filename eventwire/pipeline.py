"""The pipeline: `build()` loads everything once; `process_batch` is the pure batch function.

    articles ─▶ annotate (spaCy) ─▶ extract (Mention) ─▶ fuse (Event)

`build(settings)` is the one place that loads the spaCy model, the dictionaries and the gazetteer.
`Pipeline.process_batch` turns a batch of articles into events and per-article failures; the
local runner (`run.py`) and any other engine call exactly this function, so they give the same
events on the same input.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.language import Language

from .annotate import annotate, load_model
from .attribute_rules import use_attribute_rules
from .coding.acled import with_acled
from .coding.classify import Classification, classify_doc
from .coding.code import (
    CLAIMING,
    CONSTRUCTIONS,
    EPITHET_NOUNS,
    ONLY_CLAIMED,
    PRAISE_NOUNS,
    STANCE_ADJECTIVES,
)
from .coding.ontology import Ontology
from .confidence import ConfidenceModel
from .extract.casualties import with_casualties
from .extract.events import Extractor
from .fusion.fuse import fuse
from .parse_repairs import use_parse_repairs
from .prefilter import Prefilter
from .records import Actor, Article, Event, Failure, Mention
from .resolve.actors import ActorDictionary
from .resolve.places import Gazetteer
from .windows import WINDOW_CHARS, shifted, windows
from .windows import note as window_note

# A run reads at most ~200,000 words of one article: no news article comes near, and a log file
# or a dump saved as text costs a bounded time (see `eventwire bench-long`).
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class Settings:
    """What `build` loads. `model` None picks the installed English model."""

    model: str | None = None
    batch_size: int = 32
    # Parse only sentences that could hold an event (see prefilter.py for what it costs in recall).
    prefilter: bool = True
    # Parse at most this many characters of one article (None: all of it); the rest is stored but
    # not read, and the article's record says so (windows.py). Time grows with what is parsed.
    max_chars: int | None = MAX_CHARS


@dataclass
class BatchResult:
    articles: list[Article]
    events: list[Event]
    failures: list[Failure]
    mentions: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)


class Pipeline:
    """Loaded services plus the functions that use them."""

    def __init__(
        self,
        nlp: Language,
        ontology: Ontology,
        actors: ActorDictionary,
        gazetteer: Gazetteer,
        settings: Settings,
        confidence: ConfidenceModel | None = None,
    ) -> None:
        self.nlp = nlp
        self.ontology = ontology
        self.actors = actors
        self.gazetteer = gazetteer
        self.settings = settings
        self.confidence = confidence  # None keeps the extractor's own scores
        self.extractor = Extractor(ontology, actors, gazetteer)
        self.prefilter = (
            Prefilter(
                nlp,
                _with_constructions(
                    ontology.trigger_requirements(
                        saying=CLAIMING, said_verbs=ONLY_CLAIMED, said_nouns=EPITHET_NOUNS | PRAISE_NOUNS, unsaid=STANCE_ADJECTIVES
                    )
                ),
                find_actors=actors.find,
                is_place=lambda name: bool(gazetteer.candidates(name)),
            )
            if settings.prefilter
            else None
        )

    # -- batches ----------------------------------------------------------------------------
    def mentions(self, articles: Sequence[Article]) -> tuple[list[tuple[Article, list[Mention]]], list[Failure]]:
        """Annotate and extract a batch; an article that breaks a stage becomes a `Failure`.

        An article longer than a window (windows.py) is read window by window, alone."""
        if any(len(a.text) > WINDOW_CHARS for a in articles):
            return self._with_long(articles)
        try:
            select = self.prefilter.select if self.prefilter is not None else None
            annotated = list(annotate(articles, self.nlp, batch_size=len(articles) or 1, select=select))
        except Exception:  # isolate the article that breaks the parser, one by one
            if len(articles) == 1:
                raise
            done: list[tuple[Article, list[Mention]]] = []
            failed: list[Failure] = []
            for article in articles:
                ok, bad = self._one(article)
                done.extend(ok)
                failed.extend(bad)
            return done, failed
        out: list[tuple[Article, list[Mention]]] = []
        failures: list[Failure] = []
        for item in annotated:
            try:
                found = self.extractor.extract(item)
                # killed and injured as the violent events' sentences report them
                found = with_casualties(item.article.text, found)
                if self.confidence is not None:  # what a careful coder would accept (confidence.py)
                    found = [replace(m, confidence=self.confidence.probability(m)) for m in found]
                out.append((item.article, found))
            except Exception as exc:  # noqa: BLE001 - a bad article is data, not a crash
                failures.append(Failure(item.article.input_ref, "extract", _reason(exc)))
        return out, failures

    def _with_long(self, articles: Sequence[Article]) -> tuple[list[tuple[Article, list[Mention]]], list[Failure]]:
        """`mentions` for a batch holding long articles: the short ones together, each long one
        in windows; the results in the batch's order."""
        short = [a for a in articles if len(a.text) <= WINDOW_CHARS]
        done, failures = self.mentions(short) if short else ([], [])
        by_article = {id(a): (a, ms) for a, ms in done}  # stages pass the same Article along
        out: list[tuple[Article, list[Mention]]] = []
        for article in articles:
            if len(article.text) <= WINDOW_CHARS:
                if id(article) in by_article:
                    out.append(by_article[id(article)])
                continue
            pair, failure = self._windowed(article)
            if pair is not None:
                out.append(pair)
            if failure is not None:
                failures.append(failure)
        return out, failures

    def _windowed(self, article: Article) -> tuple[tuple[Article, list[Mention]] | None, Failure | None]:
        """One long article, window by window: only one window's parse is held at a time."""
        text = article.text
        limit = self.settings.max_chars
        cuts = windows(text[:limit] if limit is not None else text)
        found: list[Mention] = []
        for start, end in cuts:
            part = replace(article, text=text[start:end], title=article.title if start == 0 else None)
            done, failed = self.mentions([part])
            if failed:
                why = f"characters {start}-{end}: {failed[0].reason}"
                return None, Failure(article.input_ref, failed[0].stage, why[:500])
            found.extend(shifted(m, start) for m in done[0][1])
        return (replace(article, note=window_note(cuts, len(text))), found), None

    def _one(self, article: Article) -> tuple[list[tuple[Article, list[Mention]]], list[Failure]]:
        try:
            return self.mentions([article])
        except Exception as exc:  # noqa: BLE001
            return [], [Failure(article.input_ref, "annotate", _reason(exc))]

    def process_batch(self, articles: Sequence[Article]) -> BatchResult:
        """Articles → events (all modalities; the store keeps modality as a column)."""
        started = time.perf_counter()
        done, failures = self.mentions(articles)
        extracted = time.perf_counter()
        mentions = [m for _, ms in done for m in ms]
        events = fuse(
            mentions,
            self.ontology,
            published={a.id: a.published for a, _ in done},
            sources={a.id: a.source for a, _ in done},
        )
        texts = {a.id: a.text for a, _ in done}  # ACLED categories read with the events' words
        events = [with_acled(e, texts) for e in events]
        return BatchResult(
            articles=[a for a, _ in done],
            events=events,
            failures=failures,
            mentions=len(mentions),
            stage_seconds={
                "parse_extract": extracted - started,
                "fuse": time.perf_counter() - extracted,
            },
        )

    # -- one text -----------------------------------------------------------------------------
    def extract(
        self,
        text: str,
        *,
        published: date | str | None = None,
        title: str | None = None,
        include_unasserted: bool = False,
    ) -> list[Event]:
        """Events reported by one text; by default only those reported as having happened."""
        return self.extract_many([text], [published], include_unasserted=include_unasserted, titles=[title])[0]

    def extract_many(
        self,
        texts: Sequence[str],
        published: Sequence[date | str | None] | None = None,
        *,
        include_unasserted: bool = False,
        titles: Sequence[str | None] | None = None,
    ) -> list[list[Event]]:
        dates = [_as_date(p) for p in (published or [None] * len(texts))]
        names = titles or [None] * len(texts)
        articles = [
            Article(id=Article.make_id(t, None) + f"-{i}", text=t, title=n, published=d, input_ref=f"text:{i}")
            for i, (t, d, n) in enumerate(zip(texts, dates, names))
        ]
        done, failures = self.mentions(articles)
        if failures:
            from .errors import ExtractionError

            raise ExtractionError(failures[0].reason)
        out = []
        for article, mentions in done:
            keep = [m for m in mentions if include_unasserted or m.modality == "asserted"]
            own = {article.id: article.text}
            out.append([with_acled(e, own) for e in fuse(keep, self.ontology)])
        return out

    def classify(
        self,
        sentence: str,
        source_span: tuple[int, int] | None = None,
        target_span: tuple[int, int] | None = None,
    ) -> Classification | None:
        """The relation between two marked actors: the trigger that connects them in the parse."""
        return self.classify_many([(sentence, source_span, target_span)])[0]

    def classify_many(
        self, items: Sequence[tuple[str, tuple[int, int] | None, tuple[int, int] | None]]
    ) -> list[Classification | None]:
        """`classify` over many sentences with one `nlp.pipe` call."""
        # The actors are given, so named-entity recognition adds nothing but a third of the time.
        docs = self.nlp.pipe([sentence for sentence, _, _ in items], batch_size=256, disable=["ner"])
        return [classify_doc(doc, self.ontology, s, t) for doc, (_, s, t) in zip(docs, items)]

    def resolve_actor(self, text: str, on: date | None = None) -> Actor | None:
        return self.actors.resolve(text, on=on)


def _with_constructions(
    requirements: dict[str, list[tuple[frozenset[str], ...]]],
) -> dict[str, list[tuple[frozenset[str], ...]]]:
    """The ontology's trigger requirements plus the words code.py's constructions start from."""
    merged = {lemma: list(reqs) for lemma, reqs in requirements.items()}
    for lemma, reqs in CONSTRUCTIONS.items():
        merged.setdefault(lemma, []).extend(reqs)
    return merged


def build(settings: Settings | None = None) -> Pipeline:
    """Load the spaCy model, dictionaries and gazetteer once."""
    settings = settings or Settings()
    return Pipeline(
        # the model's attribute rules by look-up: the same annotations, a tenth of the time;
        # then our repairs of the parses news text makes common
        use_parse_repairs(use_attribute_rules(load_model(settings.model))),
        Ontology.load(),
        ActorDictionary.load(),
        Gazetteer.load(),
        settings,
        ConfidenceModel.load(),
    )


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    from .errors import ConfigError

    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ConfigError(f"published date {value!r} is not YYYY-MM-DD") from exc


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:500]
