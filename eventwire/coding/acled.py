"""ACLED-style categories for eventwire events: (event type, sub-event type) from PLOVER and CAMEO.

Why a table and not code: ACLED's categories mix the *means* of violence (air strike, shelling,
IED), the *victims* (civilians) and the *setting* (protest, riot), which an event carries as its
CAMEO code, PLOVER type/mode/context and actor sectors. ``data/acled_map.tsv`` lists rules over
those fields (and words of the source actor: "warplanes", "suicide bomber"), read top to bottom, first match wins, so a user can change a category by editing
one line (``eventwire dict check`` validates the table; errors name the file and line).

    acled_subevent(event) -> ("Explosions/Remote violence", "Air/drone strike") | None

Only events reported as having happened (modality ``asserted``) get a category: ACLED codes
events that took place, not threats, requests or denials.

The words of the sentences that tell an event refine its category (``acled_cues.py``, driven
by ``data/acled_cues.tsv``): ACLED defines many sub-event types by the means or the setting a
report names ("chlorine", "raped", "weapons were seized", "protesters threw stones"), and it
does not code disasters or crime. Given those sentences, ``acled_subevent`` lets a cue re-type
the table's category where the cue row allows it (its ``over`` column), and a "not ACLED" cue
(an earthquake, a factory blast, smuggling) takes the category away. Words never give a category
to an event the table gives none (a meeting in a sentence that mentions a protest is no protest):

    acled_subevent(event, sentences=["Rebels fired shells filled with chlorine gas."])
    -> ("Explosions/Remote violence", "Chemical weapon")
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..records import Actor, Event
from ..tsv import Problems, read_rows
from .acled_cues import AcledCues, CueMatch, default_cues

TABLE = Path(__file__).resolve().parent.parent / "data" / "acled_map.tsv"
COLUMNS = (
    "cameo",
    "plover_type",
    "mode",
    "context",
    "source_sector",
    "target_sector",
    "source_words",
    "event_type",
    "sub_event_type",
)
ANY = "*"
NO_SECTOR = "-"

# ACLED event types and their sub-event types (ACLED codebook, 2019 onwards).
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


@dataclass(frozen=True, slots=True)
class AcledRule:
    """One row of the table; ``None`` in a field means "any"."""

    cameo: str | None
    plover_type: str | None
    mode: str | None
    context: str | None
    source: frozenset[str] | None
    target: frozenset[str] | None
    source_words: re.Pattern[str] | None  # any of these words in the source actor's text
    event_type: str
    sub_event_type: str
    where: str  # "acled_map.tsv:23", for explanations

    def matches(self, event: Event) -> bool:
        if self.cameo is not None and not event.cameo_code.startswith(self.cameo):
            return False
        if self.plover_type is not None and event.plover_type != self.plover_type:
            return False
        if self.mode is not None and event.plover_mode != self.mode:
            return False
        if self.context is not None and self.context not in _contexts(event.plover_context):
            return False
        if not (_sector_ok(self.source, event.source) and _sector_ok(self.target, event.target)):
            return False
        if self.source_words is not None:
            return event.source is not None and bool(self.source_words.search(event.source.text))
        return True


def _contexts(value: str | None) -> set[str]:
    return {c.strip() for c in (value or "").split(";") if c.strip()}


def _sector_ok(wanted: frozenset[str] | None, actor: Actor | None) -> bool:
    if wanted is None:
        return True
    sector = actor.sector if actor is not None else None
    return (sector or NO_SECTOR) in wanted


def _words(value: str, path: Path, line: int, bad: Problems) -> re.Pattern[str] | None:
    """``warplanes;air force`` → one case-insensitive pattern matching any of them as words."""
    if value == ANY:
        return None
    words = [" ".join(w.split()) for w in value.split(";") if w.strip()]
    if not words:
        bad(path, line, "empty source_words (use '*' for any)")
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _optional(value: str) -> str | None:
    return None if value == ANY else value


def _sectors(value: str, path: Path, line: int, bad: Problems) -> frozenset[str] | None:
    if value == ANY:
        return None
    sectors = frozenset(s.strip() for s in value.split(";") if s.strip())
    for s in sectors:
        if s != NO_SECTOR and not (len(s) == 3 and s.isalpha() and s.isupper()):
            bad(path, line, f"bad sector {s!r} (three capital letters, '-' or '*')")
    return sectors


class AcledMap:
    """The rules of ``acled_map.tsv`` in order; ``subevent`` returns the first match."""

    def __init__(self, rules: tuple[AcledRule, ...]) -> None:
        self.rules = rules

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        *,
        plover_modes: dict[str, frozenset[str]] | None = None,
        problems: list[str] | None = None,
    ) -> AcledMap:
        """Read and validate the table. ``plover_modes`` (type → modes) checks the PLOVER
        columns too; with ``problems`` given, bad rows are listed there instead of raising."""
        path = Path(path) if path is not None else TABLE
        bad = Problems(problems)
        rules: list[AcledRule] = []
        for line, fields in read_rows(path, COLUMNS, bad):
            cameo, ptype, mode, context, source, target, words, etype, subtype = fields
            before = len(problems) if problems is not None else 0
            if cameo != ANY and not (cameo.isdigit() and 2 <= len(cameo) <= 4):
                bad(path, line, f"bad CAMEO prefix {cameo!r} (2-4 digits or '*')")
            if plover_modes is not None and ptype != ANY:
                if ptype not in plover_modes:
                    bad(path, line, f"unknown PLOVER type {ptype!r}")
                elif mode != ANY and mode not in plover_modes[ptype]:
                    bad(path, line, f"{mode!r} is not a mode of {ptype}")
            if mode != ANY and ptype == ANY:
                bad(path, line, "a mode needs its PLOVER type")
            if etype not in ACLED_TYPES:
                bad(path, line, f"unknown ACLED event type {etype!r}")
            elif subtype not in ACLED_TYPES[etype]:
                bad(path, line, f"{subtype!r} is not a sub-event type of {etype!r}")
            src = _sectors(source, path, line, bad)
            tgt = _sectors(target, path, line, bad)
            pattern = _words(words, path, line, bad)
            if problems is not None and len(problems) > before:
                continue
            rules.append(
                AcledRule(
                    _optional(cameo),
                    _optional(ptype),
                    _optional(mode),
                    _optional(context),
                    src,
                    tgt,
                    pattern,
                    etype,
                    subtype,
                    f"{path.name}:{line}",
                )
            )
        return cls(tuple(rules))

    def rule_for(self, event: Event) -> AcledRule | None:
        """The first rule that matches an asserted event (None for other modalities)."""
        found = self.rank(event)
        return None if found is None else self.rules[found]

    def rank(self, event: Event) -> int | None:
        """The row index of the first matching rule: lower is more specific (the table is
        ordered specific-first), which also ranks competing events of one sentence."""
        if event.modality != "asserted":
            return None
        return next((i for i, r in enumerate(self.rules) if r.matches(event)), None)

    def subevent(self, event: Event) -> tuple[str, str] | None:
        """(ACLED event type, sub-event type) of an event, or None where ACLED has none."""
        rule = self.rule_for(event)
        return None if rule is None else (rule.event_type, rule.sub_event_type)


@functools.lru_cache(maxsize=1)
def default_map() -> AcledMap:
    """The packaged table, read once on first use (never at import time)."""
    return AcledMap.load()


def acled_subevent(
    event: Event,
    table: AcledMap | None = None,
    *,
    sentences: Sequence[str] | None = None,
    cues: AcledCues | None = None,
) -> tuple[str, str] | None:
    """(ACLED event type, sub-event type) for one event, from the packaged tables by default.

    ``sentences``: the text of the sentences that tell the event (``event_sentences``); their
    words may re-type the category or take it away (a disaster, a crime)."""
    typed = (table or default_map()).subevent(event)
    if sentences is None or typed is None:
        return typed  # words refine an ACLED category; they give none to a meeting or a threat
    return combine(typed, (cues or default_cues()).match(" ".join(sentences)))


def combine(typed: tuple[str, str] | None, cue: CueMatch | None) -> tuple[str, str] | None:
    """The category from an event's table row and the cue its sentences carry, if any.

    The cue wins where its row may re-type the event's category, or where there is none (a
    snippet whose events have no category: the case2021 evaluator); a "not ACLED" cue that
    wins leaves no category at all."""
    if cue is None or not cue.cue.retypes(typed[0] if typed else None):
        return typed
    return (cue.event_type, cue.sub_event_type) if cue.acled else None


def with_acled(event: Event, texts: Mapping[str, str]) -> Event:
    """The event with its ACLED categories set from the table and its sentences' words
    (``texts``: article id -> text, for the articles it was read from)."""
    found = acled_subevent(event, sentences=event_sentences(event, texts))
    etype, subtype = found if found is not None else (None, None)
    if (etype, subtype) == (event.acled_event_type, event.acled_sub_event_type):
        return event
    return replace(event, acled_event_type=etype, acled_sub_event_type=subtype)


def event_sentences(event: Event, texts: Mapping[str, str]) -> list[str]:
    """The sentences that tell an event, from its articles' texts (by article id)."""
    out = []
    for mention in event.mentions:
        text = texts.get(mention.article_id)
        if text is not None:
            sentence = mention.sentence.of(text)
            if sentence not in out:
                out.append(sentence)
    return out


__all__ = [
    "ACLED_TYPES",
    "AcledMap",
    "AcledRule",
    "acled_subevent",
    "combine",
    "default_map",
    "event_sentences",
    "with_acled",
]
