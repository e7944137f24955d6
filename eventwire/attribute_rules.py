"""The model's attribute rules (tag → part of speech and morphology, word exceptions), applied by
look-up instead of by spaCy's `Matcher`.

The English model's `attribute_ruler` holds ~180 one- and two-token patterns ("TAG is NN" →
NOUN, "'s tagged VBZ" → AUX, ...). spaCy's `Matcher` tries every pattern at every token, which
took 13% of the whole model's time on news text, more than the tagger and the parser's own
transition steps. Nearly every pattern pins the tag or the lower-case form of its token, so the
patterns that can apply to a token can be looked up by those two values, and the outcome for a
token depends only on (tag, lower-case form, dependency label, is-space), which repeats
endlessly in news text and is cached.

`AttributeRules` gives exactly the ruler's result: the same patterns, matched against the
annotations as they stand before any rule applies, and applied in the ruler's order (a later
pattern overrides an earlier one), by spaCy's own `set_token_attrs`. `tests/test_attribute_rules.py`
compares the two on real text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

COLUMNS = (TAG, LOWER, DEP, IS_SPACE)  # what the patterns test, in the order of `Values`
FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
CACHE_LIMIT = 200_000  # distinct token descriptions kept; a long stream of new words cannot grow it without end

Values = tuple[int, int, int, int]  # a token's (tag, lower, dep, is_space) hashes
Test = Callable[[Values], bool]


@dataclass(frozen=True)
class _Pattern:
    """One alternative of one ruler entry: a test per token, and which token gets the attrs."""

    order: int  # the entry's position in the ruler: later entries override earlier ones
    tests: tuple[Test, ...]
    index: int  # the token (of the matched span) that receives the attributes


class AttributeRules:
    """A drop-in for the model's `AttributeRuler`, built from it (see the module docstring)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._attrs: list[dict[int, Any]] = []
        # one-token patterns, by the lower-case form or else the tag they need, or neither
        self._by_lower: dict[int, list[_Pattern]] = {}
        self._by_tag: dict[int, list[_Pattern]] = {}
        self._anywhere: list[_Pattern] = []
        # longer patterns, by a lower-case form one of their tokens must have: (pattern, which token)
        self._anchored: dict[int, list[tuple[_Pattern, int]]] = {}
        self._unanchored: list[_Pattern] = []  # longer patterns without one, tried everywhere
        self._hits: dict[Values, tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict[int, Any]] = {}

    def take(self, ruler: AttributeRuler) -> AttributeRules:
        """Compile `ruler`'s patterns; its normalised attributes are reused as they are."""
        self._attrs = list(ruler.attrs)
        patterns: list[dict[str, Any]] = list(ruler.patterns)  # spaCy types them loosely
        for order, entry in enumerate(patterns):
            index: int = entry.get("index", 0)
            for alternative in entry["patterns"]:
                tests = tuple(self._test(spec) for spec in alternative)
                pattern = _Pattern(order, tests, index if index >= 0 else len(tests) + index)
                if len(tests) == 1:
                    self._file_single(pattern, alternative[0])
                    continue
                lowers = [(k, self._values(spec, "LOWER")) for k, spec in enumerate(alternative)]
                anchor = next(((k, forms) for k, forms in lowers if forms), None)
                if anchor is None:
                    self._unanchored.append(pattern)
                at, forms = anchor if anchor else (0, frozenset[int]())
                for lower in forms:
                    self._anchored.setdefault(lower, []).append((pattern, at))
        self._hits.clear()
        self._merged.clear()
        return self

    def __call__(self, doc: Doc) -> Doc:
        rows: list[Values] = [tuple(row) for row in doc.to_array(list(COLUMNS)).tolist()]
        # every match is found on the annotations as they were before any rule applied
        hits = [self._single_hits(values) for values in rows]
        for start, pattern in self._longer_matches(rows):
            i = start + pattern.index
            hits[i] = tuple(sorted({*hits[i], pattern.order}))
        for i, found in enumerate(hits):
            if found:
                set_token_attrs(doc[i], self._merge(found))
        return doc

    def _single_hits(self, values: Values) -> tuple[int, ...]:
        found = self._hits.get(values)
        if found is None:
            if len(self._hits) >= CACHE_LIMIT:
                self._hits.clear()
            candidates = (
                *self._by_lower.get(values[FIELDS["LOWER"]], ()),
                *self._by_tag.get(values[FIELDS["TAG"]], ()),
                *self._anywhere,
            )
            found = tuple(sorted({p.order for p in candidates if p.tests[0](values)}))
            self._hits[values] = found
        return found

    def _file_single(self, pattern: _Pattern, spec: dict[str, Any]) -> None:
        """File a one-token pattern under the values it needs, so a token meets only its own."""
        lowers = self._values(spec, "LOWER")
        tags = self._values(spec, "TAG")
        if lowers:
            for lower in lowers:
                self._by_lower.setdefault(lower, []).append(pattern)
        elif tags:
            for tag in tags:
                self._by_tag.setdefault(tag, []).append(pattern)
        else:
            self._anywhere.append(pattern)

    def _longer_matches(self, rows: Sequence[Values]) -> Iterator[tuple[int, _Pattern]]:
        """(start, pattern) for every match of a pattern longer than one token."""
        for j, values in enumerate(rows):
            for pattern, anchor in self._anchored.get(values[FIELDS["LOWER"]], ()):
                if _matches_at(pattern, rows, j - anchor):
                    yield j - anchor, pattern
        for pattern in self._unanchored:
            for start in range(len(rows)):
                if _matches_at(pattern, rows, start):
                    yield start, pattern

    def _merge(self, orders: tuple[int, ...]) -> dict[int, Any]:
        """The attributes of these entries, applied in order: a later one overrides."""
        merged = self._merged.get(orders)
        if merged is None:
            merged = {}
            for order in orders:
                merged.update(self._attrs[order])
            self._merged[orders] = merged
        return merged

    def _test(self, spec: dict[str, Any]) -> Test:
        """A predicate over a token's `Values` for one token of a Matcher pattern."""
        checks: list[Test] = []
        for key, wanted in spec.items():
            field = FIELDS.get(key.upper())
            if field is None:
                raise ValueError(f"attribute rules: pattern key {key!r} is not supported")
            checks.append(self._check(field, wanted))
        return lambda values: all(check(values) for check in checks)

    def _check(self, field: int, wanted: Any) -> Test:
        if field == FIELDS["IS_SPACE"]:
            flag = int(bool(wanted))
            return lambda values: values[field] == flag
        if not isinstance(wanted, dict):
            value = self._hash(wanted)
            return lambda values: values[field] == value
        if set(wanted) - {"IN", "NOT_IN", "REGEX"}:
            raise ValueError(f"attribute rules: operator in {wanted!r} is not supported")
        checks: list[Test] = []
        if "IN" in wanted:
            allowed = frozenset(self._hash(v) for v in wanted["IN"])
            checks.append(lambda values: values[field] in allowed)
        if "NOT_IN" in wanted:
            banned = frozenset(self._hash(v) for v in wanted["NOT_IN"])
            checks.append(lambda values: values[field] not in banned)
        if "REGEX" in wanted:
            regex = re.compile(wanted["REGEX"])
            strings = self.vocab.strings
            checks.append(lambda values: bool(regex.search(strings[values[field]])))
        return lambda values: all(check(values) for check in checks)

    def _values(self, spec: dict[str, Any], key: str) -> frozenset[int]:
        """The values of `key` a token spec allows, when it lists them (else empty)."""
        wanted = next((v for k, v in spec.items() if k.upper() == key), None)
        if isinstance(wanted, str):
            return frozenset([self._hash(wanted)])
        if isinstance(wanted, dict) and "IN" in wanted:
            return frozenset(self._hash(v) for v in wanted["IN"])
        return frozenset()

    def _hash(self, value: Any) -> int:
        return int(value) if isinstance(value, int) else int(self.vocab.strings.add(str(value)))


def _matches_at(pattern: _Pattern, rows: Sequence[Values], start: int) -> bool:
    """Does `pattern` match the tokens from `start` on?"""
    if start < 0 or start + len(pattern.tests) > len(rows):
        return False
    return all(test(rows[start + k]) for k, test in enumerate(pattern.tests))


@Language.factory("eventwire_attribute_rules")
def _make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    return AttributeRules(nlp.vocab)


def use_attribute_rules(nlp: Language) -> Language:
    """Swap the model's `attribute_ruler` for `AttributeRules` (same name, same place, same
    output). A model without one is returned as it is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return nlp
    rules = nlp.replace_pipe("attribute_ruler", "eventwire_attribute_rules")
    cast(AttributeRules, rules).take(ruler)
    return nlp
