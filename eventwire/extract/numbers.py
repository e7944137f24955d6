"""Quantities as English news writes them: digits, number words, vague words and qualifiers.

``quantity(tokens, i)`` reads "at least 43", "more than 4,100", "twenty-five", "one hundred and
twenty", "1.2 million", "dozens of", "tens of thousands", "between 20 and 30", "up to 15" at
token ``i`` and gives ``(low, high, first number token, tokens used)``: ``low`` the most
conservative figure the words allow, ``high`` the largest, or None when they set no bound.
Vague words follow ACLED's codebook ("tens" 10, "dozens" 12, "hundreds" 100; "several" 3,
"many" 10). A figure of a date, an age, a measure or a time ("on 12 May", "a 43-year-old",
"43 km", "two days") is no quantity of people and reads as None. ``extract/casualties.py``
decides which quantities count the dead and the hurt.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague quantities: (low, high). ACLED: tens 10, dozens 12, hundreds 100; several 3, many 10.
_VAGUE: dict[str, tuple[int, int | None]] = {
    "dozen": (12, 12),
    "score": (20, 20),
    "tens": (10, None),
    "dozens": (12, None),
    "scores": (20, None),
    "hundreds": (100, None),
    "thousands": (1000, None),
    "millions": (1_000_000, None),
    "several": (3, None),
    "many": (10, None),
    "numerous": (10, None),
    "few": (2, None),
    "handful": (2, None),
    "couple": (2, 2),
    "number": (2, None),  # "a number of"
}
_FLOOR = (
    "at least",
    "more than",
    "over",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
    "a minimum of",
    "at minimum",
    "well over",
    "over a",
)
_CEILING = (
    "up to",
    "as many as",
    "at most",
    "no more than",
    "fewer than",
    "less than",
    "under",
    "not more than",
)
_ABOUT = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "close to",
    "some",
    "an estimated",
    "estimated",
    "a total of",
    "totalling",
    "just over",
    "just under",
    "a reported",
    "reportedly",
)
# Words after a figure that make it a measure, not people.
_NOT_PEOPLE = frozenset(
    "km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters m "
    "kg kilograms tonnes tons percent per cent % year years month months week weeks day days "
    "hour hours minute minutes am pm a.m. p.m. o'clock gmt bc ad times rounds round houses "
    "homes buildings vehicles cars shops acres hectares dollars euros pounds rupees troops "
    "st nd rd th".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


_TOKEN = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:-(?=[a-z]))?[a-z%]*"
    r"|[A-Za-z]+(?:[-'][A-Za-z]+)*|[^\sA-Za-z\d]",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    low: str
    start: int
    end: int


def tokens(text: str, base: int) -> list[Tok]:
    return [
        Tok(m.group(), m.group().lower(), base + m.start(), base + m.end())
        for m in _TOKEN.finditer(text)
    ]


def digits(word: str) -> int | None:
    if not re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", word):
        return None
    value = float(word.replace(",", ""))
    return int(value) if value == int(value) else None


@functools.lru_cache(maxsize=16)
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases indexed by their first word, for a quick look-up at each token."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append(words)
    return index


def phrase_at(toks: Sequence[Tok], i: int, phrases: tuple[str, ...]) -> int:
    """Length (in tokens) of the longest of ``phrases`` starting at ``i``, or 0."""
    if i >= len(toks):
        return 0
    best = 0
    for words in _by_first_word(phrases).get(toks[i].low, ()):
        if len(words) > best and tuple(t.low for t in toks[i : i + len(words)]) == words:
            best = len(words)
    return best


def _number(toks: Sequence[Tok], i: int) -> tuple[int, int | None, int] | None:
    """A quantity starting at token ``i``: (low, high, tokens used), without qualifiers."""
    if i >= len(toks):
        return None
    word = toks[i].low
    if word in ("a", "an", "one") and i + 1 < len(toks):
        nxt = toks[i + 1].low
        if nxt in _VAGUE and nxt not in ("tens", "dozens", "scores", "hundreds", "thousands"):
            low, high = _VAGUE[nxt]
            used = 2 + (i + 2 < len(toks) and toks[i + 2].low == "of")
            return low, high, used
        if nxt in _SCALES:
            return _SCALES[nxt], _SCALES[nxt], 2
        if word in ("a", "an"):
            return 1, 1, 1  # "a soldier was killed": checked by the caller's context
    if (
        word == "half"
        and i + 2 < len(toks)
        and toks[i + 1].low == "a"
        and toks[i + 2].low == "dozen"
    ):
        return 6, 6, 3
    if word in _VAGUE and word not in ("dozen", "score", "couple", "number", "few", "handful"):
        low, high = _VAGUE[word]
        used = 1
        if i + 2 < len(toks) and toks[i + 1].low == "of" and toks[i + 2].low in ("thousands",):
            low, used = low * 1000, 3  # "tens of thousands", "hundreds of thousands"
        if i + used < len(toks) and toks[i + used].low == "of":
            used += 1
        return low, high, used
    value = digits(word)
    used = 1
    scale = toks[i + 1].low if i + 1 < len(toks) else ""
    if value is None and scale in ("thousand", "million") and re.fullmatch(r"\d+\.\d+", word):
        return round(float(word) * _SCALES[scale]), round(float(word) * _SCALES[scale]), 2
    if value is None:
        value, used = _words_number(toks, i)
        if value is None:
            return None
    if i + used < len(toks) and toks[i + used].low in ("thousand", "million") and value < 1000:
        value, used = round(value * _SCALES[toks[i + used].low]), used + 1
    if (
        i + used + 1 < len(toks)
        and toks[i + used].low in ("to", "or", "-")
        and toks[i + used].text != ""
    ):
        other = digits(toks[i + used + 1].low)
        if other is None:
            other = _words_number(toks, i + used + 1)[0]
        if other is not None and other > value:  # "20 to 30", "two or three", "20-30"
            return value, other, used + 2
    return value, value, used


def _words_number(toks: Sequence[Tok], i: int) -> tuple[int | None, int]:
    """ "twenty-five", "one hundred and twenty", "two thousand": (value, tokens used)."""
    total, current, used = 0, 0, 0
    seen = False
    j = i
    while j < len(toks):
        parts = toks[j].low.split("-")
        if all(p in _UNITS or p in _TENS for p in parts) and len(parts) <= 2:
            current += sum(_UNITS.get(p, 0) + _TENS.get(p, 0) for p in parts)
        elif toks[j].low in _SCALES and seen:
            scale = _SCALES[toks[j].low]
            if scale == 100:
                current *= 100
            else:
                total, current = total + current * scale, 0
        elif (
            toks[j].low == "and"
            and seen
            and j + 1 < len(toks)
            and (toks[j + 1].low.split("-")[0] in _UNITS or toks[j + 1].low.split("-")[0] in _TENS)
            and toks[j - 1].low in _SCALES
        ):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
        used = j - i
    return (total + current, used) if seen else (None, 0)


def quantity(toks: Sequence[Tok], i: int) -> tuple[int, int | None, int, int] | None:
    """A qualified quantity at ``i``: (low, high, first token of the number, tokens used)."""
    used = 0
    kind = "exact"
    if i >= len(toks):
        return None
    if toks[i].low == "between":
        first = _number(toks, i + 1)
        k = i + 1 + (first[2] if first else 0)
        if first and k < len(toks) and toks[k].low == "and":
            second = _number(toks, k + 1)
            if second is not None:
                return first[0], second[1], i + 1, k + 1 + second[2] - i
        return None
    for phrases, name in ((_FLOOR, "floor"), (_CEILING, "ceiling"), (_ABOUT, "about")):
        n = phrase_at(toks, i, phrases)
        if n:
            used, kind = n, name
            break
    found = _number(toks, i + used)
    if found is None:
        return None
    low, high, n = found
    if _not_people(toks, i + used, n):
        return None
    if kind == "floor":
        high = None
    elif kind == "ceiling":
        low, high = min(1, low), high if high is not None else low
    return low, high, i + used, used + n


def _not_people(toks: Sequence[Tok], start: int, n: int) -> bool:
    """A figure of a date, an age, a measure or a time, not of people."""
    word = toks[start].low
    after = toks[start + n].low if start + n < len(toks) else ""
    before = toks[start - 1].low if start > 0 else ""
    if re.fullmatch(r"\d+[a-z%]+|\d+-", word) or "-year" in word:
        return True  # "43km", "3pm", "43-year-old"
    if after in _NOT_PEOPLE or after.startswith("year-old") or after in _MONTHS:
        return True
    if after == "-" or (
        after == "." and start + n + 1 < len(toks) and toks[start + n + 1].low.isdigit()
    ):
        return True
    if before in _MONTHS or before in ("aged", "age", "ages", "route", "no", "number"):
        return True
    years = ("in", "since", "of", "by", "until", "from")
    return bool(re.fullmatch(r"(1[89]|20)\d\d", word)) and before in years


__all__ = ["Tok", "digits", "phrase_at", "quantity", "tokens"]
