"""Long articles in windows: bounded memory and linear time, whatever the size of the input.

A crawl holds whatever the web served: a log file saved as `.txt`, a page of 200,000 sentences on
one line. Parsed whole, such a text costs memory in proportion to its length (spaCy keeps every
token of a doc) and time worse than that (the article's memory of actors and antecedents grows as
it goes). So a text longer than `WINDOW_CHARS` is cut into windows of at most that many characters
— at a paragraph break where there is one, else at the end of a sentence, else between words — and
each window is processed as an article of its own, one after the other. Evidence offsets stay
exact: a window knows where it starts, and its mentions are shifted by that much (`shifted`).

What a window cannot see is the rest of the article: a pronoun at the top of a window finds no
antecedent in the window before it. That is why windows are large (a few thousand words, longer
than nearly every news article, which are therefore never cut) and why the article's stored
record says where it was cut (`note`).
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from .records import Span

# ~8,000 words: longer than nearly every news article, small enough for spaCy to parse in ~50 MB.
WINDOW_CHARS = 50_000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")

T = TypeVar("T")


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """`[start, end)` windows of at most `size` characters that cover `text` end to end.

    Each cut is made in the second half of the window: at its last paragraph break (a blank
    line, else a line break), else after its last sentence end, else at its last space, else
    (one unbroken run of characters) at `size`. Linear in the length of the text."""
    if size < 2:
        raise ValueError("a window holds at least 2 characters")
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        out.append((start, _cut(text, start + size // 2, start + size)))
        start = out[-1][1]
    out.append((start, len(text)))
    return out


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a window that must end in `(lo, hi]`."""
    for mark in ("\n\n", "\n"):
        at = text.rfind(mark, lo, hi)
        if at != -1:
            return at + len(mark)
    last = None
    for last in _SENTENCE_END.finditer(text, lo, hi):
        pass
    if last is not None:
        return last.end()
    at = text.rfind(" ", lo, hi)
    return at + 1 if at != -1 else hi


def shifted(value: T, offset: int) -> T:
    """`value` with every `Span` inside it (at any depth of records and tuples) moved by
    `offset` characters: a window's mention becomes a mention of the whole article."""
    return _shift(value, offset) if offset else value


def _shift(value: Any, offset: int) -> Any:
    if isinstance(value, Span):
        return Span(value.start + offset, value.end + offset)
    if isinstance(value, tuple):
        return tuple(_shift(v, offset) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in fields(value):
            old = getattr(value, f.name)
            new = _shift(old, offset)
            if new is not old:
                changes[f.name] = new
        return replace(value, **changes) if changes else value
    return value


def note(cuts: list[tuple[int, int]], length: int) -> str | None:
    """What the article's record says about how it was read; None when it was read whole."""
    parsed_up_to = cuts[-1][1] if cuts else 0
    parts = []
    if len(cuts) > 1:
        at = ", ".join(str(end) for _, end in cuts[:-1])
        parts.append(
            f"parsed in {len(cuts)} windows of at most {WINDOW_CHARS} characters, "
            f"cut at characters {at}"
        )
    if parsed_up_to < length:
        parts.append(
            f"characters {parsed_up_to}-{length} not parsed (longer than a run reads of one "
            f"article: Settings.max_chars)"
        )
    return "; ".join(parts) or None
