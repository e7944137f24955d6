"""How far to trust a mention: the probability that a careful human coder would accept it.

Why a fitted model: a hand-set score ("0.4, plus 0.2 with a source, ...") orders mentions but its
numbers mean nothing, so nobody can choose a threshold. Here a mention's confidence is a logistic
regression over a few facts of its ``Mention`` record, fitted on the project's annotated gold
articles by ``eventwire calibrate GOLD.jsonl --write`` (``evaluate/calibrate.py``), which also
reports how well calibrated its cross-validated predictions are. The fitted numbers live in
``data/confidence.tsv``; this module only reads them and applies them.

"Accepted" is the evaluator's rule (``evaluate/gold_match.py``): an asserted event from the gold
evidence sentence whose actors and PLOVER type match some gold event, required or optional. Gold
scores asserted events only, so the model is fitted on asserted mentions; a negated, requested or
hypothetical mention gets the same formula, which then rates its coding (who, what, whom), not its
modality.

The features (``features``) are indicators: ``name`` for a yes/no fact, ``name=value`` for one
value of a category. A category value the table does not list counts as ``name=other`` (values
too rare when fitting were merged into ``other``)::

    type=ASSAULT          PLOVER type
    source_known          the source has a country or organisation
    source_via=antecedent how the source was found: dict, antecedent (a pronoun or description
                          resolved), implied (an agent the act implies), unresolved (an unknown
                          name given the article's country), none
    source_org            the source is an organisation
    source_sector         the source has a sector (GOV, MIL, ...)
    target_known, target_via=..., target_sector   the same for the target
    same_key              source and target have the same country or organisation
    sentence=title        sentence kind (title, body, caption, ...)
    trigger=noun          the trigger row's kind: verb, noun, light, other
    pattern_specific      the coding pattern needed words beside its trigger ("CALL on cease")
    family=verbs.tsv      the pattern's origin: its text before the first ':' (a table, or a rule
                          such as "demand" or "refused" that recoded it)
    attributed            someone is reported as saying so
    placed                the mention has a place
    date=day              date precision: day, week, month, year, range, published (the
                          publication date taken for want of another), none

An event's confidence combines its mentions' (``combine``): see ``fusion/fuse.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .coding.ontology import DATA_DIR
from .errors import ConfigError
from .records import Actor, Mention
from .tsv import Problems, is_float, read_rows

MODEL_FILE = DATA_DIR / "confidence.tsv"
TRIGGER_FILE = DATA_DIR / "triggers_extra.tsv"
COLUMNS = ("feature", "weight")
BIAS = "bias"
OTHER = "other"

# Feature names: yes/no indicators and categories (written ``name=value``).
FLAGS = (
    "source_known",
    "source_org",
    "source_sector",
    "target_known",
    "target_sector",
    "same_key",
    "pattern_specific",
    "attributed",
    "placed",
)
CATEGORIES = ("type", "source_via", "target_via", "sentence", "trigger", "family", "date")

_TABLE_ROW = re.compile(r"([\w.-]+\.tsv):(\d+)((?: [^:]*)?)")


def check_min_confidence(value: float | None) -> float | None:
    """``value`` if it is a valid confidence threshold (0 to 1, or None); else ConfigError."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"min confidence must be a number from 0 to 1, got {value!r}") from None
    if not 0.0 <= number <= 1.0:  # also refuses NaN
        raise ConfigError(f"min confidence must be from 0 to 1, got {value!r}")
    return number


def trigger_kinds(path: Path = TRIGGER_FILE) -> dict[int, str]:
    """Line number → kind (noun, verb, light) of the rows of the trigger table, so that a
    pattern ``triggers_extra.tsv:171 ...`` says what kind of word fired. Problems in the table
    are the ontology's to report (``Ontology.load`` reads it too); here a malformed row is
    simply left out."""
    columns = ("kind", "lemma", "before", "after", "code", "like", "note")
    return {no: row[0] for no, row in read_rows(path, columns, Problems([]))}


def _via(actor: Actor | None) -> str:
    if actor is None:
        return "none"
    entry = actor.entry or ""
    if entry.startswith("antecedent"):
        return "antecedent"
    if entry.startswith("unresolved"):
        return "unresolved"
    if entry.startswith(("implied", "place")):
        return "implied"
    return "dict"


def features(mention: Mention, kinds: Mapping[int, str]) -> list[str]:
    """The indicators of a mention that are on (see the module docstring)."""
    src, tgt = mention.source, mention.target
    rows = _TABLE_ROW.findall(mention.pattern)
    trigger, specific = OTHER, False
    if rows:  # the innermost table row: recoding rules wrap it ("demand: verbs.tsv:12 ...")
        table, line, shown = rows[-1]
        trigger = "verb" if table == "verbs.tsv" else kinds.get(int(line), OTHER)
        specific = len(shown.split()) > 1
    family = mention.pattern.split(":", 1)[0].strip() or OTHER
    when = mention.when
    same_key = bool(src and tgt and src.key and src.key == tgt.key)
    flags = {
        "source_known": src is not None and src.key is not None,
        "source_org": src is not None and src.org is not None,
        "source_sector": src is not None and src.sector is not None,
        "target_known": tgt is not None and tgt.key is not None,
        "target_sector": tgt is not None and tgt.sector is not None,
        "same_key": same_key,
        "pattern_specific": specific,
        "attributed": mention.attribution is not None,
        "placed": bool(mention.places),
    }
    values = {
        "type": mention.plover_type,
        "source_via": _via(src),
        "target_via": _via(tgt),
        "sentence": mention.sentence_kind,
        "trigger": trigger,
        "family": family,
        "date": when.precision if when is not None else "none",
    }
    return [name for name in FLAGS if flags[name]] + [f"{k}={values[k]}" for k in CATEGORIES]


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def combine(probabilities: Iterable[float]) -> float:
    """An event's confidence from its mentions': the chance that at least one is right, taking
    them as independent (noisy-OR), capped at 0.99. ``eventwire calibrate`` reports this against
    the maximum; the store's merge SQL and the Spark merge compute the same."""
    disbelief = 1.0
    for p in probabilities:
        disbelief *= 1.0 - p
    return round(min(1.0 - disbelief, 0.99), 3)


@dataclass(frozen=True)
class ConfidenceModel:
    """Fitted weights of the indicators; ``probability`` applies them to a mention."""

    weights: Mapping[str, float]
    bias: float
    kinds: Mapping[int, str] = field(default_factory=dict)

    def score(self, indicators: Sequence[str]) -> float:
        """The linear score (log-odds) of a list of indicators."""
        total = self.bias
        for name in indicators:
            weight = self.weights.get(name)
            if weight is None and "=" in name:
                weight = self.weights.get(name.split("=", 1)[0] + "=" + OTHER)
            total += weight or 0.0
        return total

    def probability_of(self, indicators: Sequence[str]) -> float:
        """``sigmoid(score)``, rounded to 3 places and kept inside (0, 1)."""
        return min(max(round(sigmoid(self.score(indicators)), 3), 0.001), 0.999)

    def probability(self, mention: Mention) -> float:
        """The probability that a careful coder accepts this mention."""
        return self.probability_of(features(mention, self.kinds))

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        *,
        triggers: Path | None = TRIGGER_FILE,
        problems: list[str] | None = None,
    ) -> ConfidenceModel:
        """Read ``feature<TAB>weight`` rows (default ``data/confidence.tsv``). Every problem
        names the file and line: raised as ``DictionaryError``, or collected into ``problems``."""
        path = Path(path) if path is not None else MODEL_FILE
        bad = Problems(problems)
        weights: dict[str, float] = {}
        bias: float | None = None
        for no, (name, weight) in read_rows(path, COLUMNS, bad):
            if not is_float(weight) or not math.isfinite(float(weight)):
                bad(path, no, f"weight {weight!r} is not a finite number")
                continue
            if name == BIAS:
                if bias is not None:
                    bad(path, no, "a second bias row")
                bias = float(weight)
                continue
            reason = _feature_problem(name)
            if reason:
                bad(path, no, reason)
            elif name in weights:
                bad(path, no, f"feature {name!r} is listed twice")
            else:
                weights[name] = float(weight)
        if bias is None:
            bad(path, 0, f"no {BIAS!r} row")
        kinds = trigger_kinds(triggers) if triggers is not None else {}
        return cls(weights, bias or 0.0, kinds)


def _feature_problem(name: str) -> str | None:
    if "=" in name:
        category, value = name.split("=", 1)
        if category not in CATEGORIES:
            return f"unknown feature category {category!r} (one of {', '.join(CATEGORIES)})"
        if not value:
            return f"feature {name!r} has no value after '='"
        return None
    if name not in FLAGS:
        return (
            f"unknown feature {name!r}: a flag ({', '.join(FLAGS)}) or category=value"
            f" ({', '.join(CATEGORIES)})"
        )
    return None
