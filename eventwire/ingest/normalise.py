"""Text normalisation, date parsing and the one place an ``Article`` is built.

Why: every later stage stores character offsets into ``Article.text``, so the text must be fixed
once, here, the same way for every format: NFC, ``\\n`` line ends, no trailing spaces, no control
characters or lone surrogates. The article id hashes that normalised text (and the url), so the
same story read from an HTML page or a JSONL corpus twice gets the same id.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from eventwire.records import Article, Failure

STAGE = "ingest"

# Line-breaking characters that become "\n"; every other C0/C1 control except \t is dropped.
_BREAKS = {0x0B: "\n", 0x0C: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"}
_DROP = {c: None for c in (*range(0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A)}
_TRANSLATE = {**_DROP, **_BREAKS, 0xFEFF: None}
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_TRAILING = re.compile(r"[^\S\n]+$", re.MULTILINE)
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],  # never "yesterday" relative to today
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no trailing spaces, no control characters; stripped at both ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SPECIAL.search(text):  # str.translate is slow on non-ASCII text: only when needed
        text = text.translate(_TRANSLATE)
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING.sub("", text)
    return text.strip()


def clean_title(title: str | None) -> str | None:
    """A title on one line with single spaces, or None when there is nothing left."""
    if not title:
        return None
    title = " ".join(normalise_text(title).split())
    return title or None


def first_line(text: str) -> str | None:
    """The first non-empty line: the title of a plain-text article."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return None


def parse_date(value: Any) -> date | None:
    """A calendar date from ISO, RFC 2822 or a common written form; None when unparsable.

    An unparsable date is not a failure: the article is still news, just undated.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass  # not ISO; try the other forms
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass  # not RFC 2822
    return _dateparser(text)


def _dateparser(text: str) -> date | None:
    import dateparser  # imported here: ISO and RFC 2822 dates, the common case, do not need it

    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except (ValueError, TypeError, OverflowError, re.error):
        return None
    return parsed.date() if parsed else None


def as_text(value: Any) -> str | None:
    """A metadata value (title, url, source) as text; numbers are written out, others dropped."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    return None


def build_article(
    text: str,
    *,
    input_ref: str,
    title: str | None = None,
    published: date | None = None,
    default_published: date | None = None,
    url: str | None = None,
    source: str | None = None,
    max_chars: int | None = None,
) -> Article | Failure:
    """Normalise and assemble one article, or say why it cannot be one.

    The pipeline reads the first line of ``text`` as the title, so a title that the text does not
    already start with is put in front as ``"Title\\n\\n"``. An article whose body is empty but
    has a title (a headline-only feed item) is kept with the title as its text.
    """
    body = normalise_text(text)
    title = clean_title(title)
    if title and body:
        head = first_line(body) or ""
        if not body.startswith(title) and " ".join(head.split()).casefold() != title.casefold():
            body = f"{title}\n\n{body}"
    elif title:
        body = title
    if not body:
        return Failure(input_ref, STAGE, "empty input")
    if max_chars is not None and len(body) > max_chars:
        return Failure(input_ref, STAGE, f"too large ({len(body)} characters > {max_chars} limit)")
    url = as_text(url)
    return Article(
        id=Article.make_id(body, url),
        text=body,
        title=title,
        published=published or default_published,
        source=as_text(source),
        url=url,
        input_ref=input_ref,
    )
