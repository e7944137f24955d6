"""Bytes → text, or a reason why not.

Why a module of its own: encoding trouble is the most common way news tools crash (DESIGN, pain 6).
Every byte string that reaches ingest goes through :func:`decode_bytes`, which either returns the
text with the encoding it used, or a human-readable reason that ingest turns into a ``Failure``.

Order of attempts: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, UTF-16 without a BOM
(recognised by its pattern of NUL bytes), a charset the document declares (HTML ``<meta charset>``),
then a guess by ``charset_normalizer``. English news in a legacy encoding is almost always cp1252,
so cp1252 wins over the guess unless the guess reads clearly better.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Bytes that never occur in text: C0 controls other than \t \n \v \f \r, ESC aside, and DEL.
_CONTROL_BYTES = frozenset(set(range(0x09)) | set(range(0x0E, 0x20)) | {0x7F}) - {0x1B}
_SAMPLE = 8192  # bytes inspected for the binary check
_MAX_CONTROL_RATIO = 0.10

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The outcome of decoding: ``text`` and ``encoding``, or ``reason`` when it failed."""

    text: str | None
    encoding: str | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.text is not None


def bom_encoding(data: bytes) -> str | None:
    """The encoding named by a leading byte-order mark, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the bytes look like mostly-ASCII UTF-16, else None.

    ASCII text in UTF-16 has a NUL in every other byte; the binary check would otherwise reject it.
    """
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.6 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.6 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes, or many control characters.

    Call it on bytes that carry no UTF-16/32 byte-order mark (those legitimately contain NULs).
    """
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL_BYTES)
    return controls / len(sample) > _MAX_CONTROL_RATIO


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a whole document. Never raises: a failure comes back as ``Decoded(reason=...)``."""
    bom = bom_encoding(data)
    if bom:
        try:
            return _unless_binary(data.decode(bom), bom)
        except UnicodeDecodeError as exc:
            return Decoded(None, reason=f"undecodable text: invalid {bom} ({exc.reason})")
    utf16 = utf16_without_bom(data)
    if utf16:
        try:
            return _unless_binary(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all; the binary check below decides
    if looks_binary(data):
        return Decoded(None, reason="binary file (not text)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass  # legacy encoding: try the declared charset, then a guess
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall through to the guess
    return _guess(data)


def _unless_binary(text: str, encoding: str) -> Decoded:
    """Apply the control-character check to text decoded from a wide encoding."""
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL_BYTES)
    if sample and controls / len(sample) > _MAX_CONTROL_RATIO:
        return Decoded(None, reason="binary file (not text)")
    return Decoded(text, encoding)


def _guess(data: bytes) -> Decoded:
    """Guess a single-byte encoding, preferring cp1252 when it reads as well as the best guess."""
    import charset_normalizer  # imported here: only legacy-encoded inputs need it

    best = charset_normalizer.from_bytes(data).best()
    cp1252 = None
    try:
        cp1252_text = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252_text = None
    if cp1252_text is not None:
        cp1252 = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
        if best is None or cp1252 is None or cp1252.chaos <= best.chaos + 0.02:
            return Decoded(cp1252_text, "cp1252")
    if best is None:
        return Decoded(None, reason="undecodable text (not UTF-8, and no other encoding fits)")
    return Decoded(str(best), best.encoding)


def decode_line(data: bytes) -> tuple[str, str]:
    """Decode one line of a record file (JSONL/CSV): UTF-8, else cp1252, else Latin-1.

    Returns ``(text, encoding)``. A line never fails to decode: Latin-1 maps every byte, so a
    line of a legacy-encoded corpus is processed rather than lost.
    """
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"
