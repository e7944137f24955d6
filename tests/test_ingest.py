"""Ingest on real files built in tmp_path: every input is an Article or a Failure with a reason."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import SourceError
from eventwire.ingest import FieldMap, read_sources
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.normalise import normalise_text, parse_date
from eventwire.records import Article, Failure

STORY = (
    "NATO urges Russia to halt strikes\n\n"
    "BRUSSELS - NATO on Monday called on Russia to cease attacks on the Syrian opposition.\n"
)
GOOD_HTML = """<!doctype html>
<html><head><title>Turkey protests airspace violation | Example News</title>
<meta property="og:title" content="Turkey protests airspace violation">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2015-10-05T10:00:00Z">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Turkey protests airspace violation</h1>
<p>ANKARA - Turkey summoned the Russian ambassador on Monday after a Russian jet entered Turkish
airspace near the Syrian border on Saturday, the foreign ministry said in a statement.</p>
<p>Turkish F-16 jets intercepted the aircraft and it returned to Syrian airspace, the ministry
said, warning that Russia would be responsible for any undesired incident.</p>
<p>NATO allies met in Brussels to discuss the incident and called on Moscow to respect the
airspace of member states.</p></article></body></html>
"""
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World Desk</title>
<item><title>EU condemns attack</title><link>https://example.org/a</link>
<pubDate>Mon, 05 Oct 2015 14:00:00 GMT</pubDate>
<description>&lt;p&gt;BRUSSELS - The EU &lt;b&gt;condemned&lt;/b&gt; the attack.&lt;/p&gt;
</description></item>
<item><title>UN envoy visits Damascus</title><link>https://example.org/b</link>
<description>DAMASCUS - The UN envoy met officials on Tuesday.</description></item>
</channel></rss>
"""


def read_all(*paths: Path | str, **kwargs) -> list[Article | Failure]:
    return list(read_sources([str(p) for p in paths], **kwargs))


def failures(records: list[Article | Failure]) -> dict[str, str]:
    return {r.input_ref: r.reason for r in records if isinstance(r, Failure)}


def articles(records: list[Article | Failure]) -> dict[str, Article]:
    return {r.input_ref: r for r in records if isinstance(r, Article)}


def build_bad_folder(root: Path) -> Path:
    """A folder of awkward inputs, one per kind of trouble."""
    folder = root / "inputs"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "secret.txt").write_text("should never be read")
    (folder / ".notes.txt").write_text("hidden file")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\r\n ")
    (folder / "binary.bin").write_bytes(b"\x00\x01\x02\x03PK\x03\x04" * 50)
    (folder / "invalid-utf8.txt").write_bytes(
        b"Talks in Vienna\n\nIran\xe2\x80 and the EU met \xff.\n"
    )
    french = "Paris dénonce les frappes\n\nLe ministre a dénoncé les frappes à Homs – « non ».\n"
    (folder / "cp1252.txt").write_bytes(french.encode("cp1252"))
    (folder / "utf16.txt").write_bytes(STORY.encode("utf-16"))
    (folder / "malformed.html").write_text(
        "<html><head><title>Clashes in Kiev</title><body><p>KIEV - Protesters clashed with police"
        "<div><b>unclosed<script>var a='</div>'</scr"
    )
    (folder / "sub" / "good.html").write_text(GOOD_HTML)
    (folder / "corpus.jsonl").write_text(
        json.dumps(
            {
                "title": "Iraq talks",
                "text": "BAGHDAD - Iraq and Iran met.",
                "published": "2015-10-03",
            }
        )
        + "\n"
        + '{"title": "cut off", "text": "Iraq said\n'
        + "\n"
        + json.dumps({"title": "no body", "published": "2015-10-04"})
        + "\n"
        + json.dumps(["not", "an", "object"])
        + "\n"
    )
    (folder / "corpus.csv").write_text(
        "title,text,published,url\n"
        '"EU summit","BRUSSELS - EU leaders met, and agreed.",2015-10-15,https://e.org/1\n'
        'Empty row text,,2015-10-16,\n"Multi","Line one\nline two",16 October 2015,\n'
    )
    table = pa.table(
        {
            "title": ["A", "B", None],
            "text": ["Russia struck Hama.", "", "Iran protested."],
            "published": [date(2015, 10, 1), None, date(2015, 10, 2)],
        }
    )
    pq.write_table(table, folder / "corpus.parquet", row_group_size=2)
    (folder / "feed.rss").write_text(RSS)
    (folder / "broken.rss").write_text(
        '<?xml version="1.0"?><rss><channel><title>A & B</title><itme>'
    )
    return folder


def test_bad_folder_counts_and_reasons(tmp_path: Path) -> None:
    folder = build_bad_folder(tmp_path)
    records = read_all(folder)
    refs = [r.input_ref for r in records]
    assert len(refs) == len(set(refs)), "one record per input unit"
    assert not any(".hidden" in ref or ".notes" in ref for ref in refs)
    f, a = failures(records), articles(records)
    p = str(folder)
    assert f[f"{p}/empty.txt"] == "empty input"
    assert f[f"{p}/blank.txt"] == "empty input"
    assert f[f"{p}/binary.bin"] == "binary file (not text)"
    assert f[f"{p}/corpus.jsonl:2"].startswith("invalid JSON")
    assert f[f"{p}/corpus.jsonl:4"] == "no text field ('text')"
    assert f[f"{p}/corpus.jsonl:5"].startswith("not a JSON object")
    assert f[f"{p}/corpus.csv:3"] == "empty text field ('text')"
    assert f[f"{p}/corpus.parquet:2"] == "empty text field ('text')"
    assert f[f"{p}/broken.rss"].startswith("broken feed")
    # Units: 13 files (jsonl, csv, parquet, feed expand) → exact totals.
    assert len(a) == 12 and len(f) == 9
    assert "Iran\ufffd" not in a[f"{p}/invalid-utf8.txt"].text  # decoded, not replaced
    assert "dénoncé" in a[f"{p}/cp1252.txt"].text and "«" in a[f"{p}/cp1252.txt"].text
    assert a[f"{p}/utf16.txt"].title == "NATO urges Russia to halt strikes"
    assert a[f"{p}/malformed.html"].text.startswith("Clashes in Kiev\n\nKIEV - Protesters")
    assert a[f"{p}/corpus.csv:4"].text == "Multi\n\nLine one\nline two"
    assert a[f"{p}/corpus.csv:4"].published == date(2015, 10, 16)
    assert a[f"{p}/corpus.parquet:1"].published == date(2015, 10, 1)
    assert a[f"{p}/corpus.parquet:3"].title is None
    assert refs.index(f"{p}/sub/good.html") > refs.index(f"{p}/malformed.html")  # sorted walk


def test_good_html_title_date_and_site(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(GOOD_HTML)
    (article,) = read_all(page)
    assert isinstance(article, Article)
    assert article.title == "Turkey protests airspace violation"
    assert article.text.split("\n")[0] == article.title
    assert "Home | World" not in article.text  # boilerplate removed
    assert "summoned the Russian ambassador" in article.text
    assert article.published == date(2015, 10, 5)
    assert article.source == "Example News"


def test_feed_entries(tmp_path: Path) -> None:
    feed = tmp_path / "world.xml"
    feed.write_text(RSS)
    first, second = read_all(feed, published=date(2015, 10, 9))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.input_ref == f"{feed}#1" and second.input_ref == f"{feed}#2"
    assert first.text == "EU condemns attack\n\nBRUSSELS - The EU condemned the attack."
    assert first.published == date(2015, 10, 5) and first.url == "https://example.org/a"
    assert second.published == date(2015, 10, 9)  # the default fills the gap
    assert first.source == "World Desk"


def test_too_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "The ministers met again. " * 100)
    (failure,) = read_all(big, max_bytes=500)
    assert isinstance(failure, Failure)
    assert failure.reason == f"too large ({big.stat().st_size} bytes > 500 limit)"
    lines = tmp_path / "big.jsonl"
    lines.write_text(
        json.dumps({"text": "x" * 2000}) + "\n" + json.dumps({"text": "Short."}) + "\n"
    )
    too_big, ok = read_all(lines, max_bytes=500)
    assert isinstance(too_big, Failure) and too_big.reason.startswith("too large (2")
    assert isinstance(ok, Article) and ok.input_ref == f"{lines}:2"


def test_field_map_and_stdin(tmp_path: Path) -> None:
    data = json.dumps({"body": "Iran protested.", "date": "October 5, 2015", "headline": "Protest"})
    stdin = io.BytesIO((data + "\n" + data + "\n").encode())
    fields = FieldMap(text="body", published="date", title="headline")
    first, second = read_all("-", stdin=stdin, fields=fields)
    assert isinstance(first, Article) and first.input_ref == "-:1" and second.input_ref == "-:2"
    assert first.text == "Protest\n\nIran protested." and first.published == date(2015, 10, 5)
    assert first.id == second.id  # same text and url → same id
    (plain,) = read_all("-", stdin=io.BytesIO(STORY.encode()))
    assert isinstance(plain, Article) and plain.input_ref == "-"


def test_sniffing_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(GOOD_HTML)
    (tmp_path / "feed").write_text(RSS)
    (tmp_path / "lines").write_text(json.dumps({"text": "Iran protested."}) + "\n")
    (tmp_path / "corpus.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Iraq protested."}\n'))
    (tmp_path / "bad.jsonl.gz").write_bytes(b"not gzip at all")
    records = read_all(tmp_path)
    a, f = articles(records), failures(records)
    assert a[f"{tmp_path}/page"].title == "Turkey protests airspace violation"
    assert f"{tmp_path}/feed#2" in a and f"{tmp_path}/lines:1" in a
    assert a[f"{tmp_path}/corpus.jsonl.gz:1"].text == "Iraq protested."
    assert f[f"{tmp_path}/bad.jsonl.gz"].startswith("read error")


def test_missing_path_raises_before_reading(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read_sources([str(tmp_path), str(tmp_path / "missing.txt")])


def test_examples_bad_inputs_folder() -> None:
    folder = Path(__file__).parent.parent / "examples" / "bad-inputs"
    records = read_all(folder)
    assert len(articles(records)) == 7 and len(failures(records)) == 5


def test_normalise_and_dates() -> None:
    assert normalise_text("  A\r\nB \t\r\nC\x00\x07\ud800 e\u0301  ") == "A\nB\nC é"
    assert parse_date("2015-10-05T10:00:00Z") == date(2015, 10, 5)
    assert parse_date("Mon, 05 Oct 2015 14:00:00 GMT") == date(2015, 10, 5)
    assert parse_date("5 October 2015") == date(2015, 10, 5)
    assert parse_date("not a date") is None and parse_date("2015") is None
    assert decode_bytes("café".encode("cp1252")).encoding == "cp1252"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".html", ".rss", ".json"]))
def test_any_bytes_give_one_record_and_stable_ids(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    first = read_all(path)
    if suffix in (".txt", ".html"):
        assert len(first) == 1
    assert first and all(isinstance(r, (Article, Failure)) for r in first)
    assert [getattr(r, "id", None) for r in first] == [
        getattr(r, "id", None) for r in read_all(path)
    ]


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(st.binary(max_size=80).filter(lambda b: b"\n" not in b), min_size=1, max_size=5)
)
def test_any_jsonl_lines_give_one_record_per_nonblank_line(
    tmp_path: Path, lines: list[bytes]
) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    records = read_all(path)
    nonblank = [n for n, line in enumerate(lines, 1) if line.strip(b" \t\r\n")]
    if not nonblank:  # a file of blank lines is one unit: one Failure
        assert len(records) == 1 and records[0].reason == "empty input (no records)"
    else:
        assert [r.input_ref for r in records] == [f"{path}:{n}" for n in nonblank]


def test_warc_pages_become_articles_and_other_records_failures(tmp_path: Path) -> None:
    from warcs import write_warc

    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        path = write_warc(tmp_path / name, gz=gz, broken_tail=True)
        records = read_all(path)
        a, f = articles(records), failures(records)
        assert sorted(a) == [f"{path}#3", f"{path}#4", f"{path}#7"]  # warcinfo, request: no units
        page_a, page_b = a[f"{path}#3"], a[f"{path}#4"]
        assert page_a.url == "https://news.example/a" and a[f"{path}#7"].url == "https://mirror.example/a"
        assert page_a.title == "Turkey protests airspace violation"
        assert "summoned the Russian ambassador" in page_a.text  # de-chunked HTTP body
        assert page_a.published == date(2015, 10, 5)  # WARC-Date: the page gives none
        assert page_b.published == date(2015, 10, 4)  # the page's own date beats WARC-Date
        assert f == {
            f"{path}#5": "not HTML (image/png)",
            f"{path}#6": "HTTP status 404",
            f"{path}#8": "broken WARC record: truncated: 9 of 5000 bytes",
        }


def test_warc_sniffed_too_large_and_unreadable(tmp_path: Path) -> None:
    from warcs import write_warc

    write_warc(tmp_path / "crawl-no-extension")
    records = read_all(tmp_path / "crawl-no-extension", max_bytes=480)
    a, f = articles(records), failures(records)
    assert sorted(a) == [f"{tmp_path}/crawl-no-extension#{n}" for n in (4, 7)]
    assert f[f"{tmp_path}/crawl-no-extension#3"] == "too large (499 bytes > 480 limit)"
    (tmp_path / "cut.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\n")[:-6])
    (tmp_path / "junk.warc").write_bytes(b"not a crawl\n")
    (tmp_path / "info-only.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    f = failures(read_all(tmp_path / "cut.warc.gz", tmp_path / "junk.warc", tmp_path / "info-only.warc"))
    assert f[f"{tmp_path}/cut.warc.gz"].startswith("read error")
    assert f[f"{tmp_path}/junk.warc#1"] == "broken WARC record: expected a 'WARC/1.x' line, got b'not a crawl'"
    assert f[f"{tmp_path}/info-only.warc"] == "empty input (no records)"
