"""Reading eventwire's plain-text tables: ``#`` header lines, a column line, tab-separated rows.

Every problem names the file and line. ``Problems`` either raises ``DictionaryError`` at the first
one (loading for a run) or collects them all (``eventwire dict check``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import DictionaryError


class Problems:
    """Raise on the first bad row, or collect them all (for ``eventwire dict check``)."""

    def __init__(self, collect: list[str] | None) -> None:
        self.collect = collect

    def __call__(self, path: Path, line: int, reason: str) -> None:
        if self.collect is None:
            raise DictionaryError(str(path), line, reason)
        self.collect.append(f"{path}:{line}: {reason}")


def read_rows(path: Path, columns: Sequence[str], bad: Problems) -> Iterator[tuple[int, list[str]]]:
    """Rows of a TSV after its ``#`` header and column line, each checked for its field count."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        bad(path, 0, f"cannot read: {exc}")
        return
    header_seen = False
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            header_seen = True
            if fields != list(columns):
                bad(path, no, f"expected columns {'/'.join(columns)}, found {'/'.join(fields)}")
                return
            continue
        if len(fields) != len(columns):
            bad(path, no, f"expected {len(columns)} tab-separated fields, found {len(fields)}")
            continue
        yield no, fields
    if not header_seen:
        bad(path, 0, "no column header line")


def is_float(text: str) -> bool:
    """Whether a table field is a number (validation without exceptions as control flow)."""
    try:
        float(text)
    except ValueError:
        return False
    return True
