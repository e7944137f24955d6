"""Build a folder of hostile inputs: mutated copies of the project's own fixtures, of every kind
eventwire reads (text, HTML, RSS, JSONL, CSV, WARC), plus a few extreme files.

    .venv/bin/python scripts/hostile.py DIR [--count 244] [--seed 15] [--no-extremes]

The seeds are the project's fixtures (tests/fixtures, examples/, the WARC of tests/warcs.py);
each mutated file is a seed put through a few random byte-level mutations (bytes flipped, cut,
repeated, spliced from another seed, NUL bytes and markup thrown in, the end cut off). The
extremes: a 4 MB one-line text of 200,000 short sentences, HTML nested 100,000 deep, a file of
NUL bytes, and a gzipped WARC cut off in the middle of a record. `scripts/fuzz.py` runs such
folders through `eventwire run` and checks that every input is accounted for.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("txt", "html", "rss", "jsonl", "csv", "warc")
MAX_SIZE = 200_000  # a mutated file stays below this; the extremes are the big ones
TOKENS = [b"<", b">", b"</p>", b"<div>", b"<![CDATA[", b"]]>", b"&amp;", b"&#0;", b'"', b",", b"\n",
          b"\r\n", b"{", b"}", b"[", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\\u0000",
          b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"\t", b"  ", b"<item>", b"</item>"]


def seeds() -> dict[str, list[bytes]]:
    """The fixtures each kind of input starts from."""
    sys.path.insert(0, str(ROOT / "tests"))
    from warcs import PAGE_A, PAGE_B, records  # the WARC the tests write by hand

    bad = ROOT / "examples" / "bad-inputs"
    story = (ROOT / "tests" / "fixtures" / "nato-russia-2015.txt").read_bytes()
    gold = sorted((ROOT / "tests" / "fixtures" / "gold_small" / "articles").glob("*"))
    texts = [story, (bad / "latin1.txt").read_bytes(), (bad / "utf16.txt").read_bytes()]
    texts += [p.read_bytes() for p in gold if p.is_file()]
    rows = [json.loads(line) for line in (bad / "broken.jsonl").read_text().splitlines()
            if line.strip().startswith("{") and _is_json(line)]
    rows = [r for r in rows if isinstance(r, dict)]
    table = io.StringIO()
    writer = csv.DictWriter(table, ["title", "text", "published", "url"], extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow(r)
    paragraphs = story.decode("utf-8", "replace").split("\n")
    page = "<html><head><title>" + paragraphs[0] + "</title></head><body><article>" + "".join(
        f"<p>{p}</p>" for p in paragraphs[1:] if p.strip()) + "</article></body></html>"
    return {
        "txt": texts,
        "html": [PAGE_A.encode(), PAGE_B.encode(), (bad / "broken.html").read_bytes(), page.encode()],
        "rss": [(bad / "feed.rss").read_bytes(), (bad / "broken.rss").read_bytes()],
        "jsonl": [(bad / "broken.jsonl").read_bytes(),
                  (ROOT / "tests" / "fixtures" / "seed_gold.jsonl").read_bytes()],
        "csv": [table.getvalue().encode()],
        "warc": [b"".join(records()), b"".join(records(broken_tail=True))],
    }


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def mutate(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """`data` after 1 to 6 random edits."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randint(0, len(out))
        size = rng.randint(1, max(1, len(out) // 4))
        choice = rng.randrange(8)
        if choice == 0 and out:  # flip bytes
            for i in range(at, min(len(out), at + rng.randint(1, 16))):
                out[i] = rng.randrange(256)
        elif choice == 1:  # cut a range
            del out[at : at + size]
        elif choice == 2:  # repeat a range
            chunk = bytes(out[at : at + size]) * rng.randint(2, 50)
            out[at:at] = chunk
        elif choice == 3:  # splice another seed
            other = rng.choice(others)
            start = rng.randint(0, len(other))
            out[at:at] = other[start : start + rng.randint(1, 2000)]
        elif choice == 4:  # markup, quotes, NULs, BOMs
            out[at:at] = b"".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 20)))
        elif choice == 5:  # the end cut off
            del out[at:]
        elif choice == 6:  # random bytes
            out[at:at] = rng.randbytes(rng.randint(1, 64))
        else:  # one long line: every line break gone
            out = bytearray(bytes(out).replace(b"\n", b" "))
        if len(out) > MAX_SIZE:
            del out[MAX_SIZE:]
    return bytes(out)


def write_mutants(folder: Path, count: int, seed: int, start: int = 0) -> list[Path]:
    """`count` mutated files of every kind, in turn, into `folder`; their paths."""
    rng = random.Random(seed)
    pool = seeds()
    everything = [s for group in pool.values() for s in group]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        kind = KINDS[n % len(KINDS)]
        data = mutate(rng.choice(pool[kind]), rng, everything)
        suffix = kind
        if kind == "warc" and rng.random() < 0.5:  # gzipped, as crawlers write them
            data, suffix = gzip.compress(data), "warc.gz"
            if rng.random() < 0.3:
                data = data[: rng.randint(0, len(data))]
        path = folder / f"m{n:05d}.{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def write_extremes(folder: Path) -> list[Path]:
    """The four extreme files of issue 15."""
    folder.mkdir(parents=True, exist_ok=True)
    words = ["Rain fell.", "Rebels shelled Homs.", "Shops shut.", "Police arrested two men."]
    sentences = " ".join(words[i % len(words)] + f" {i}" for i in range(200_000))
    long_line = (sentences * (4_000_000 // len(sentences) + 1))[:4_000_000]
    nested = "<html><body>" + "<div>" * 100_000 + "Rebels shelled Homs on Monday." + "</div>" * 100_000
    warc = gzip.compress(b"".join(_warc_records()))
    out = {
        "x-long-line.txt": long_line.encode(),
        "x-nested.html": (nested + "</body></html>").encode(),
        "x-nul.txt": b"\x00" * 100_000,
        "x-truncated.warc.gz": warc[: len(warc) * 2 // 3],
    }
    for name, data in out.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in out]


def _warc_records() -> list[bytes]:
    sys.path.insert(0, str(ROOT / "tests"))
    from warcs import records

    return records()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=244, help="mutated files (default 244)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--no-extremes", action="store_true")
    args = parser.parse_args()
    paths = write_mutants(args.folder, args.count, args.seed)
    if not args.no_extremes:
        paths += write_extremes(args.folder)
    print(f"{len(paths)} files in {args.folder}")


if __name__ == "__main__":
    main()
