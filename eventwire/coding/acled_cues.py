"""ACLED categories told by a sentence's words: the means, the victims, the setting.

ACLED defines many sub-event types by what a report *says*, not by who did what to whom: a
chemical weapon, a rape, weapons seized, a base set up, protesters throwing stones, a town taken.
An event's PLOVER type and CAMEO code often miss these (``acled_map.tsv`` can only see the
actors), and some reports have no codable event at all ("two explosive devices were found").
``data/acled_cues.tsv`` lists the words that tell each category, read top to bottom, first match
wins, so a user can change a cue by editing one line (``eventwire dict check`` validates it).

A cue row matches a sentence when one of its ``words`` occurs, one of its ``near`` words occurs
within ``NEAR`` characters of it (``*``: no such need) and none of its ``unless`` words occurs
in the sentence. ``over`` names the ACLED event types that the cue may re-type when the sentence's
event already has one (``*`` any; ``-`` only where the event has none): a chemical weapon re-types
an air strike, but "ceasefire" does not re-type a battle.

Two kinds of row are special:
- territory rows (``Battles`` / ``Government regains territory`` and ``Non-state actor
  overtakes territory``) name who took it by the actor words nearest before the cue: the army
  regains, militants overtake;
- rows whose event type is ``-`` say the report is *not* one ACLED codes (a natural or
  man-made disaster, a crime): ACLED excludes them, and so do we (``NOT_ACLED``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..tsv import Problems, read_rows

TABLE = Path(__file__).resolve().parent.parent / "data" / "acled_cues.tsv"
COLUMNS = ("event_type", "sub_event_type", "over", "words", "near", "unless")
NEAR = 80  # characters between a cue word and its companion word
ANY, NONE = "*", "-"
# What a report may be instead of an ACLED event (its event type is "-").
NOT_ACLED = ("Natural disaster", "Man-made disaster", "Crime")
GOV_TERRITORY = "Government regains territory"
REBEL_TERRITORY = "Non-state actor overtakes territory"
# Who took a place: state forces, or anyone else armed. Words, any case, whole words.
_STATE = re.compile(
    r"\b(?:army|armies|troops|soldiers|military|government(?:-led)?\s+forces|security\s+forces|"
    r"regime\s+forces|pro-government|forces\s+loyal|armed\s+forces|police|marines|"
    r"national\s+army|defen[cs]e\s+forces|government|troopers|units)\b",
    re.IGNORECASE,
)
_NON_STATE = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|jihadists?|fighters|guerrillas?|terrorists?|"
    r"militias?|extremists?|separatists?|gunmen|opposition|taliban|shabaa?b|isis|isil|(?-i:IS)|"
    r"daesh|houthis?|huthis?|nusra|boko\s+haram|hezbollah|sdf|ypg|pkk|al-qaeda|qaeda|"
    r"islamic\s+state)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of the cue table."""

    event_type: str  # an ACLED event type, or "-" for a report ACLED does not code
    sub_event_type: str
    over: frozenset[str] | None  # event types it re-types; None: any; empty: none
    words: re.Pattern[str]
    near: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    where: str  # "acled_cues.tsv:12", for explanations

    @property
    def acled(self) -> bool:
        return self.event_type != NONE

    def find(self, sentence: str) -> int | None:
        """Where in the sentence the cue matches (the start of its word), or None."""
        if self.unless is not None and self.unless.search(sentence):
            return None
        for found in self.words.finditer(sentence):
            if self.near is None:
                return found.start()
            lo, hi = max(0, found.start() - NEAR), found.end() + NEAR
            if self.near.search(sentence[lo:hi]):
                return found.start()
        return None

    def retypes(self, event_type: str | None) -> bool:
        """Whether this cue takes precedence over an event already typed ``event_type``."""
        if event_type is None:
            return True
        return self.over is None or event_type in self.over


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found in a text: the category it gives and where it was read."""

    event_type: str
    sub_event_type: str
    cue: Cue
    sentence: int  # index of the sentence in the text

    @property
    def acled(self) -> bool:
        return self.cue.acled


def _pattern(
    value: str, path: Path, line: int, bad: Problems, column: str
) -> re.Pattern[str] | None:
    """``rape*;sexual assault`` → one case-insensitive pattern of whole words (``*``: any ending)."""
    if value == ANY:
        return None
    words = [" ".join(w.split()) for w in value.split(";") if w.strip()]
    if not words:
        bad(path, line, f"empty {column} (use '*' for none)")
        return None
    parts = []
    for word in words:
        stem = word.endswith("*")
        body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+").replace(r"\-", "[-\\s]?")
        parts.append(body + (r"\w*" if stem else ""))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])", re.IGNORECASE)


class AcledCues:
    """The cue table in order; ``match`` returns the first row found in a text."""

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self.cues = cues
        # the events of one sentence ask about the same text: read it once
        self._cached = functools.lru_cache(maxsize=4096)(self._match)

    @classmethod
    def load(cls, path: Path | None = None, *, problems: list[str] | None = None) -> AcledCues:
        """Read and validate the table; with ``problems`` given, bad rows are listed there."""
        from .acled import ACLED_TYPES  # the categories live with the event table

        path = Path(path) if path is not None else TABLE
        bad = Problems(problems)
        cues: list[Cue] = []
        for line, fields in read_rows(path, COLUMNS, bad):
            etype, subtype, over, words, near, unless = fields
            before = len(problems) if problems is not None else 0
            if etype == NONE:
                if subtype not in NOT_ACLED:
                    bad(path, line, f"{subtype!r} is not one of {', '.join(NOT_ACLED)}")
            elif etype not in ACLED_TYPES:
                bad(path, line, f"unknown ACLED event type {etype!r}")
            elif subtype not in ACLED_TYPES[etype]:
                bad(path, line, f"{subtype!r} is not a sub-event type of {etype!r}")
            retyped = _over(over)
            for name in retyped or ():
                if name not in ACLED_TYPES:
                    bad(path, line, f"unknown ACLED event type {name!r} in over")
            pattern = _pattern(words, path, line, bad, "words")
            if words == ANY:
                bad(path, line, "words cannot be '*'")
            near_pattern = _pattern(near, path, line, bad, "near")
            unless_pattern = _pattern(unless, path, line, bad, "unless")
            if pattern is None or (problems is not None and len(problems) > before):
                continue
            cues.append(
                Cue(
                    etype,
                    subtype,
                    retyped,
                    pattern,
                    near_pattern,
                    unless_pattern,
                    f"{path.name}:{line}",
                )
            )
        return cls(tuple(cues))

    def match(self, text: str) -> CueMatch | None:
        """The first row (in table order) that one of the text's sentences matches."""
        return self._cached(text)

    def _match(self, text: str) -> CueMatch | None:
        sentences = split_sentences(text)
        for cue in self.cues:
            for index, sentence in enumerate(sentences):
                at = cue.find(sentence)
                if at is None:
                    continue
                subtype = cue.sub_event_type
                if subtype in (GOV_TERRITORY, REBEL_TERRITORY):
                    subtype = taker(sentence, at) or subtype
                return CueMatch(cue.event_type, subtype, cue, index)
        return None


def _over(value: str) -> frozenset[str] | None:
    if value == ANY:
        return None
    if value == NONE:
        return frozenset()
    return frozenset(v.strip() for v in value.split(";") if v.strip())


def split_sentences(text: str) -> list[str]:
    """Sentences of a short text, split after . ! ? before a capital (enough for cue words)."""
    return [s for s in _SENTENCE.split(text) if s.strip()]


def taker(sentence: str, at: int) -> str | None:
    """Who took a place, by the actor word nearest before the verb at ``at`` (else after it)."""
    before = [(m.end(), GOV_TERRITORY) for m in _STATE.finditer(sentence, 0, at)]
    before += [(m.end(), REBEL_TERRITORY) for m in _NON_STATE.finditer(sentence, 0, at)]
    if before:
        return max(before)[1]
    after = [(m.start(), GOV_TERRITORY) for m in _STATE.finditer(sentence, at)]
    after += [(m.start(), REBEL_TERRITORY) for m in _NON_STATE.finditer(sentence, at)]
    return min(after)[1] if after else None


@functools.lru_cache(maxsize=1)
def default_cues() -> AcledCues:
    """The packaged cue table, read once on first use (never at import time)."""
    return AcledCues.load()


__all__ = ["NOT_ACLED", "AcledCues", "Cue", "CueMatch", "default_cues", "split_sentences", "taker"]
