"""Single-article documents: plain text and HTML pages. One file in, one Article or Failure out."""

from __future__ import annotations

import logging
from html.parser import HTMLParser

from eventwire.ingest.decode import declared_charset, decode_bytes
from eventwire.ingest.normalise import STAGE, build_article, first_line, normalise_text, parse_date
from eventwire.ingest.options import Options
from eventwire.records import Article, Failure

log = logging.getLogger(__name__)

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "figcaption",
    "main", "aside", "nav", "form", "title",
}  # fmt: skip


def read_text(ref: str, data: bytes, options: Options) -> Article | Failure:
    """A plain-text article: its first non-empty line is the title."""
    if not data.strip():
        return Failure(ref, STAGE, "empty input")
    decoded = decode_bytes(data)
    if decoded.text is None:
        return Failure(ref, STAGE, decoded.reason or "undecodable text")
    text = normalise_text(decoded.text)
    return build_article(
        text,
        input_ref=ref,
        title=first_line(text),
        default_published=options.published,
        max_chars=options.max_bytes,
    )


def read_html(ref: str, data: bytes, options: Options) -> Article | Failure:
    """An HTML page: main text and metadata via trafilatura, a plain tag-stripper as fallback.

    The published date comes from the page metadata (trafilatura), else htmldate, else the
    ``published`` default.
    """
    if not data.strip():
        return Failure(ref, STAGE, "empty input")
    decoded = decode_bytes(data, declared=declared_charset(data))
    if decoded.text is None:
        return Failure(ref, STAGE, decoded.reason or "undecodable text")
    html = decoded.text
    text = title = date_text = url = site = None
    doc = _trafilatura(html)
    if doc is not None:
        text, title = doc.text, doc.title
        date_text, url, site = doc.date, doc.url, doc.sitename
    if not text or not normalise_text(text):
        fallback_title, text = html_to_text(html)
        title = title or fallback_title
    if not normalise_text(text or "") and not title:
        return Failure(ref, STAGE, "no text extracted from HTML")
    published = parse_date(date_text) or _htmldate(html)
    return build_article(
        text or "",
        input_ref=ref,
        title=title,
        published=published,
        default_published=options.published,
        url=url,
        source=site,
        max_chars=options.max_bytes,
    )


def _trafilatura(html: str):  # -> trafilatura.settings.Document | None
    import trafilatura  # imported here: slow to import, and only HTML needs it

    try:
        return trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True
        )
    # A third-party parser on hostile input: any error it raises means "fall back".
    except Exception as exc:  # noqa: BLE001
        log.debug("trafilatura failed: %s", exc)
        return None


def _htmldate(html: str):  # -> date | None
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=True, original_date=True)
    # A third-party parser on hostile input: no date rather than a crash.
    except Exception as exc:  # noqa: BLE001
        log.debug("htmldate failed: %s", exc)
        return None
    return parse_date(found)


class _TextCollector(HTMLParser):
    """Collects visible text, a newline at each block element, and the ``<title>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP and self._skip:
            self._skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str | None, str]:
    """Plain tag stripping: ``(title, text)``. Used for feed summaries and broken pages."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError) as exc:  # html.parser's rare complaints on broken markup
        log.debug("html.parser stopped early: %s", exc)
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    title = " ".join("".join(collector.title_parts).split()) or None
    return title, text
