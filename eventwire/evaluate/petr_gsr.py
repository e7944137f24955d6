"""CAMEO codes and actors per sentence, scored on PETRARCH-2's validation records (``petr-gsr``).

The file is PETRARCH's validation XML: ``<Sentence id=.. date=.. evaluate="true"/>`` followed by
``<EventCoding eventcode=.. sourcecode=.. targetcode=../>`` lines (or ``noevents="True"``), then
``<Text>`` and a CoNLL-U parse, used only to rebuild a sentence whose ``<Text>`` is empty. It is not well-formed XML (``#`` comment lines, sentences
opened by a self-closing tag), so it is read with patterns, record by record.

Actors are compared by their CAMEO actor-code root: the first three letters (``RUS`` of
``RUSMIL``), or six for international codes (``IGOUNO`` of ``IGOUNOMIL``); a gold ``---`` (unknown
country, e.g. ``---REB``) accepts any actor. A predicted actor's root comes from its code, else
its country.

Matching, for each gold coding of a sentence: the *best* predicted event of that sentence is the
one with the most agreeing actors (source, target: 0-2), then the same CAMEO root, then the same
code, then the highest confidence. ``root_accuracy`` = gold codings whose best event has the gold
CAMEO root (two digits) / gold codings; ``code_accuracy`` the same for the full code;
``actor_accuracy`` for both actors. A sentence where nothing is extracted gets every coding wrong.
Which events are compared: PETRARCH-2 has no modality, and its gold codes what a sentence says
is done, planned or threatened ("will meet in Zurich" 040, "will supply arms" 072, "is scheduled to
attend a summit" 042). So every extracted event is scored except those the sentence reports as not
happening (negated, denied) and acts that one party only asks another to do (requested: the
request itself is coded as its own 02x/10x event). ``root_accuracy_asserted`` gives the root
accuracy of the events reported as facts alone, for comparison.

End to end, a predicted event is correct when some gold coding of its sentence has its CAMEO root
and both actors: ``e2e_precision`` = correct events / predicted events (events predicted for a
``noevents`` sentence all count against it), ``e2e_recall`` = gold codings with a correct event /
gold codings. ``n`` = sentences scored.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError, SourceError
from eventwire.evaluate._metrics import f1, ratio, rounded
from eventwire.records import Actor, Event

SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.DOTALL)
CODING = re.compile(r"<EventCoding\b([^>]*)/?>")
TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.DOTALL)
ATTR = re.compile(r'(\w+)="([^"]*)"')
INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC")
UNKNOWN = "---"
EXAMPLES = 25
# Modalities of events that do not count as coded: the sentence says they did not or will not
# happen, or only that someone asks for them (see the module docstring).
NOT_CODED = frozenset({"negated", "denied", "requested"})


@dataclass(frozen=True, slots=True)
class Coding:
    cameo: str
    source: str
    target: str

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class PetrSentence:
    id: str
    text: str
    published: date | None
    codings: tuple[Coding, ...]  # empty: the sentence has no events


def _attrs(text: str) -> dict[str, str]:
    return dict(ATTR.findall(text))


def _date(value: str) -> date | None:
    if re.fullmatch(r"\d{8}", value or ""):
        try:
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            return None
    return None


def _text_from_parse(body: str) -> str:
    """Rebuild a sentence from its CoNLL-U parse (token forms, ``SpaceAfter=No`` honoured):
    some records carry their sentence only there."""
    match = PARSE.search(body)
    if not match:
        return ""
    parts = []
    for line in match.group(1).splitlines():
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].isdigit():
            continue
        parts.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return "".join(parts).strip()


def load_petr(path: Path) -> list[PetrSentence]:
    """Read the validation records marked ``evaluate="true"`` that have a text."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read PETRARCH validation file {path}: {exc}") from exc
    if "<Sentence" not in raw:
        raise SourceError(f"{path}: no <Sentence> records (not a PETRARCH validation file)")
    out: list[PetrSentence] = []
    for m in SENTENCE.finditer(raw):
        attrs, body = _attrs(m.group(1)), m.group(2)
        if attrs.get("evaluate", "true").lower() != "true":
            continue
        text_match = TEXT.search(body)
        text = " ".join(text_match.group(1).split()) if text_match else ""
        if not text:
            text = _text_from_parse(body)
        if not text:
            continue
        codings = []
        for c in CODING.finditer(body):
            ca = _attrs(c.group(1))
            if ca.get("noevents", "").lower() == "true" or "eventcode" not in ca:
                continue
            codings.append(
                Coding(ca["eventcode"], ca.get("sourcecode", ""), ca.get("targetcode", ""))
            )
        out.append(
            PetrSentence(
                attrs.get("id", str(len(out) + 1)),
                text,
                _date(attrs.get("date", "")),
                tuple(codings),
            )
        )
    if not out:
        raise SourceError(f"{path}: no sentence to evaluate")
    return out


def code_root(code: str | None) -> str | None:
    """``RUSMIL`` → ``RUS``; ``IGOUNOMIL`` → ``IGOUNO``; empty → None."""
    if not code:
        return None
    code = code.upper()
    return code[:6] if code[:3] in INTERNATIONAL and len(code) >= 6 else code[:3]


def actor_root(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return code_root(actor.code) or (actor.country.upper() if actor.country else None)


def actor_ok(gold_code: str, actor: Actor | None) -> bool:
    """A predicted actor agrees with a gold code (``---`` accepts anything)."""
    gold = code_root(gold_code)
    if gold is None or gold.startswith(UNKNOWN):
        return True
    found = actor_root(actor)
    if found is None:
        return False
    if gold in INTERNATIONAL or found in INTERNATIONAL:  # "IGO" alone: any IGO
        return found[:3] == gold[:3]
    return found == gold


def agreement(coding: Coding, event: Event) -> int:
    """How many of the two actors agree (0-2)."""
    return int(actor_ok(coding.source, event.source)) + int(actor_ok(coding.target, event.target))


def best_event(coding: Coding, events: Sequence[Event]) -> Event | None:
    """The predicted event compared with a gold coding (see the module docstring)."""
    if not events:
        return None
    return max(
        events,
        key=lambda e: (
            agreement(coding, e),
            e.cameo_code[:2] == coding.root,
            e.cameo_code == coding.cameo,
            e.confidence,
        ),
    )


def event_correct(event: Event, codings: Sequence[Coding]) -> bool:
    """End to end: same CAMEO root and both actors as some gold coding."""
    return any(event.cameo_code[:2] == c.root and agreement(c, event) == 2 for c in codings)


def score_petr(
    sentences: Sequence[PetrSentence], batches: Sequence[Sequence[Event]]
) -> dict[str, Any]:
    """Score the events extracted from each sentence (pure: tested without a pipeline)."""
    if len(batches) != len(sentences):
        raise ConfigError(f"{len(batches)} predictions for {len(sentences)} sentences")
    codings = root_ok = code_ok = actors_ok = found = 0
    predicted = correct = false_alarms = 0
    mistakes: list[dict[str, Any]] = []
    for sent, events in zip(sentences, batches, strict=True):
        predicted += len(events)
        right = sum(event_correct(e, sent.codings) for e in events)
        correct += right
        if not sent.codings:
            false_alarms += len(events)
        for c in sent.codings:
            codings += 1
            best = best_event(c, events)
            r_ok = best is not None and best.cameo_code[:2] == c.root
            root_ok += r_ok
            code_ok += best is not None and best.cameo_code == c.cameo
            actors_ok += best is not None and agreement(c, best) == 2
            found += any(e.cameo_code[:2] == c.root and agreement(c, e) == 2 for e in events)
            if not r_ok and len(mistakes) < EXAMPLES:
                mistakes.append(
                    {
                        "id": sent.id,
                        "gold": f"{c.cameo} {c.source}→{c.target}",
                        "best": None
                        if best is None
                        else f"{best.cameo_code} {actor_root(best.source)}→{actor_root(best.target)}",
                        "sentence": sent.text[:200],
                    }
                )
    p, r = ratio(correct, predicted), ratio(found, codings)
    return {
        "n": len(sentences),
        "codings": codings,
        "root_accuracy": rounded(ratio(root_ok, codings)),
        "code_accuracy": rounded(ratio(code_ok, codings)),
        "actor_accuracy": rounded(ratio(actors_ok, codings)),
        "e2e_precision": rounded(p),
        "e2e_recall": rounded(r),
        "e2e_f1": rounded(f1(p, r)),
        "e2e_predicted": predicted,
        "e2e_correct": correct,
        "noevent_sentences": sum(not s.codings for s in sentences),
        "noevent_false_alarms": false_alarms,
        "sentences_without_events": sum(not events for events in batches),
        "mistakes": mistakes,
    }


def evaluate_petr_gsr(path: Path, pipeline: Any) -> dict[str, Any]:
    """Extract from every validation sentence (with its date) and score codes and actors."""
    sentences = load_petr(Path(path))
    started = time.perf_counter()
    found = pipeline.extract_many(
        [s.text for s in sentences], [s.published for s in sentences], include_unasserted=True
    )
    batches = [[e for e in events if e.modality not in NOT_CODED] for events in found]
    result = score_petr(sentences, batches)
    asserted = [[e for e in events if e.modality == "asserted"] for events in found]
    result["root_accuracy_asserted"] = score_petr(sentences, asserted)["root_accuracy"]
    result["seconds_e2e"] = round(time.perf_counter() - started, 3)
    return result
