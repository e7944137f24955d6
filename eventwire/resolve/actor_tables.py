"""Actor tables: CAMEO code vocabulary, tokens, dated roles and the TSV readers.

Why a module of its own: ``actors.py`` holds the matching logic; everything here is about reading
and interpreting the plain-text dictionaries (``eventwire/data/*.tsv``), so that a user who edits a
table can read one short file to see how each column is understood. Every reader yields
``(alias, entry)`` pairs and names ``file:line`` in every error it raises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from eventwire.errors import DictionaryError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

# CAMEO three-letter segments. Sectors (roles), regions, and generic actor-type prefixes.
SECTORS = frozenset(
    [
        "COP",
        "GOV",
        "INS",
        "JUD",
        "MIL",
        "OPP",
        "REB",
        "SEP",
        "SPY",
        "UAF",
        "PTY",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "DEV",
        "EDU",
        "ELI",
        "ENV",
        "HLH",
        "HRI",
        "LAB",
        "LEG",
        "MED",
        "REF",
        "MOD",
        "RAD",
        "REL",
        "PPL",
        "MUS",
        "CHR",
        "JEW",
        "BUD",
        "HIN",
        "CTH",
        "PRO",
        "SHI",
        "SUN",
        "NGO",
        "PRE",
    ]
)
RELIGIONS = frozenset(["MUS", "CHR", "JEW", "BUD", "HIN", "CTH", "PRO", "SHI", "SUN"])
MINOR = frozenset({"MOD", "RAD"})  # tertiary qualifiers, never the sector on their own
REGIONS = frozenset(
    [
        "AFR",
        "ASA",
        "BLK",
        "BAL",
        "CAS",
        "CAU",
        "CFR",
        "CRB",
        "EAF",
        "EEU",
        "EIN",
        "EUR",
        "LAM",
        "MEA",
        "MDT",
        "NAF",
        "NAM",
        "PGS",
        "SAF",
        "SAM",
        "SAS",
        "SEA",
        "WAF",
        "WST",
        "SCN",
    ]
)
GENERIC = frozenset({"IGO", "NGO", "IMG", "MNC", "INT", "NGM", "UIS"})
BRANCHES = frozenset({"LEG", "JUD", "SPY"})
# Agent codes that say "some people" without a role (PLOVER's UNK: "group", "members"; NON and
# JNK: words that are not actors at all). They occupy their words but never give a sector.
VAGUE = frozenset({"UNK", "NON", "JNK"})
# Words that turn an office into a former office-holder: "a former CIA official" is ELI.
FORMER = frozenset({"former", "retired", "ex", "onetime", "erstwhile"})
# CAMEO organisation segments → the short ids used in gold files and by users.
ORG_IDS = {
    "NAT": "NATO", "UNO": "UN", "EEC": "EU", "ISI": "ISIS", "ALQ": "AQ", "WBK": "WB",
    "AFU": "AU", "ARL": "ARL", "OPC": "OPEC", "IRC": "ICRC", "IAE": "IAEA", "ASN": "ASEAN",
    "WHO": "WHO", "HCH": "OHCHR", "HCR": "UNHCR", "KID": "UNICEF", "ICJ": "ICJ", "ICC": "ICC",
}  # fmt: skip
# A country adjective followed by one of these describes equipment, not an actor.
EQUIPMENT = frozenset(["made", "built", "supplied", "designed", "manufactured", "produced"])

# Offices written with "ex-": "ex-President Zuma" ("ex-Soviet states" are no former Soviets).
EX_ROLES = frozenset(
    "president premier minister leader chancellor governor mayor senator general commander "
    "chief head ambassador official officer king dictator".split()
)
_HELD = re.compile(r"-(?:based|led|held|controlled)$", re.IGNORECASE)
_TOKEN = re.compile(r"(?:\w\.){2,}(?:-\w+)*|\w+(?:['’\-]\w+)*")
_KINDS = ("person", "org", "metonym", "region", "agent", "country", "capital")
# Titles written short before a name, read as written out: "Sen. John Hale", "U.S. Rep.
# Conyers", "Lt. Gen. Smith" (only capitalised and with their full stop: "gen", "rep" alone are
# other words).
SHORT_TITLES = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "adm": "admiral", "maj": "major", "capt": "captain",
    "sgt": "sergeant", "cmdr": "commander", "brig": "brigadier", "amb": "ambassador",
    "atty": "attorney", "supt": "superintendent",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Role:
    code: str
    start: date | None
    end: date | None
    dated: bool


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str  # person | org | metonym | region | agent | country | capital
    country: str | None
    org: str | None
    code: str | None
    roles: tuple[_Role, ...]
    source: str  # file:line
    case_sensitive: bool
    place: bool = False  # a city or province standing for its country (countries.tsv "alias")


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # token index
    end: int
    entry: _Entry


def _norm_token(tok: str) -> str:
    t = tok.lower().replace("’", "'")
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    if "." in t:
        t = t.replace(".", "")
    t = t.removesuffix("'s")
    # "a Somalia-based group" is a group in Somalia; "the Saudi-led coalition" is Saudi Arabia's
    # (coders code a coalition as the state that leads it); "US-backed" stays one word, since
    # the backer is never the doer; "rebel-held areas", "Houthi-controlled ports" are the
    # holder's, whose ground an attack on them strikes
    return _HELD.sub("", t)


def tokenize(text: str) -> list[tuple[int, int, str, bool]]:
    """Tokens as (start, end, normalised form, written in capitals) — offsets into ``text``."""
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        start = m.start()
        if raw[:3].lower() == "ex-" and raw[3:].lower() in EX_ROLES:
            out.append((start, start + 2, "ex", False))  # "ex-President Zuma" is a former one
            raw, start = raw[3:], start + 3
        elif raw[:5].lower() == "then-" and len(raw) > 5:
            # "then-Russian Ambassador Kislyak" held the office when he acted: it is his
            out.append((start, start + 4, "then", False))
            raw, start = raw[5:], start + 5
        core = _HELD.sub("", raw)  # "US-led" is written in capitals
        form = _norm_token(raw)
        if form in SHORT_TITLES and raw[0].isupper() and text.startswith(".", m.end()):
            form = SHORT_TITLES[form]
        out.append((start, m.end(), form, core.isupper()))
    return out


def org_id_of(code: str) -> str | None:
    """The organisation a CAMEO code names: ``IGOWSTNAT`` → ``NATO``; ``None`` for states."""
    if code[:3] not in GENERIC or code[:3] == "MNC":
        return None
    segs = [code[i : i + 3] for i in range(3, len(code), 3)]
    own = [s for s in segs if s not in SECTORS and s not in REGIONS and not _is_country(s)]
    return ORG_IDS.get(own[-1], own[-1]) if own else None


@lru_cache(maxsize=4096)
def _is_country(code: str) -> bool:
    import pycountry  # imported lazily: only needed while reading codes

    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


@lru_cache(maxsize=65536)
def split_code(code: str) -> tuple[str | None, str | None, str | None]:
    """A CAMEO actor code → (country, org, sector): ``TURMIL`` → (TUR, None, MIL)."""
    prefix = code[:3]
    segs = [code[i : i + 3] for i in range(3, len(code), 3)]
    country = org = None
    if prefix in GENERIC:
        org = org_id_of(code)
        country = next((s for s in segs if s not in SECTORS and _is_country(s)), None)
    elif prefix in REGIONS:
        org = prefix
    elif prefix in SECTORS:  # "HINREB": a religious group, no state
        segs = [prefix, *segs]
    elif _is_country(prefix):
        country = prefix
    # else an unknown prefix (Phoenix's "KKL" for groups of no fixed state): no country
    skip = MINOR | RELIGIONS if prefix in GENERIC else MINOR  # "IMGMUSISI" is not a REL actor
    found = [s for s in segs if s in SECTORS and s not in skip]
    # a branch with a sector of its own is named by it even when filed under the government or
    # the army: "IRNGOVLEG" (a parliament) is LEG, "RUSMILSPY" (military intelligence) is SPY
    sector = next((s for s in found if s in BRANCHES), found[0] if found else None)
    return country, org, _sector(sector)


def _sector(code: str | None) -> str | None:
    if code in RELIGIONS:
        return "REL"
    if code == "PPL":
        return "CVL"
    return code


def _parse_date(s: str, path: str, line: int) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s)
    except ValueError as exc:
        raise DictionaryError(path, line, f"bad date {s!r}") from exc


def _parse_roles(text: str, path: str, line: int) -> tuple[_Role, ...]:
    roles = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        code, _, span = part.partition("@")
        if not re.fullmatch(r"[A-Z]{3,18}", code):
            raise DictionaryError(path, line, f"bad CAMEO code {code!r}")
        if span:
            a, sep, b = span.partition("..")
            if not sep:
                raise DictionaryError(path, line, f"bad date range {span!r} (want start..end)")
            roles.append(_Role(code, _parse_date(a, path, line), _parse_date(b, path, line), True))
        else:
            roles.append(_Role(code, None, None, False))
    if not roles:
        raise DictionaryError(path, line, "no roles")
    return tuple(roles)


def _pick_role(roles: tuple[_Role, ...], on: date | None) -> _Role:
    """The role held on ``on``; else the undated default; else the nearest in time."""
    default = next((r for r in roles if not r.dated), None)
    dated = [r for r in roles if r.dated]
    if on is None:  # no date: the role still held (open-ended), else the default
        current = [r for r in dated if r.end is None]
        if current:
            return max(current, key=lambda r: r.start or date.min)
        if default:
            return default
        return max(dated, key=lambda r: r.start or date.min)
    holding = [
        r for r in dated if (r.start is None or r.start <= on) and (r.end is None or on <= r.end)
    ]
    if holding:
        return max(holding, key=lambda r: r.start or date.min)
    if default:
        return default

    def distance(r: _Role) -> int:
        if r.end is not None and r.end < on:
            return (on - r.end).days
        return ((r.start or on) - on).days

    return min(dated, key=distance)


# --- table readers: each yields (alias, entry) and names file:line in every error ------------


def _rows(path: Path, ncols: int):
    name = path.name
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                raise DictionaryError(
                    str(path), lineno, f"expected {ncols} tab-separated columns, got {len(cols)}"
                )
            if not cols[-1].strip():
                raise DictionaryError(str(path), lineno, "empty alias")
            yield f"{name}:{lineno}", lineno, cols


def _cs(alias: str) -> bool:
    """Short aliases ("US", "IS", "AU") match only when written in capitals."""
    bare = alias.replace(".", "").strip()
    return (" " not in bare and len(bare) <= 3) or (bare.isupper() and len(bare) <= 4)


def _check_code(code: str, path: Path, lineno: int) -> None:
    if not re.fullmatch(r"[A-Z]{3,18}", code):
        raise DictionaryError(str(path), lineno, f"bad CAMEO code {code!r}")


def _read_countries(path: Path):
    for src, lineno, (iso3, kind, alias) in _rows(path, 3):
        _check_code(iso3, path, lineno)
        if kind not in ("name", "adj", "capital", "alias"):
            raise DictionaryError(str(path), lineno, f"unknown kind {kind!r}")
        k = "capital" if kind == "capital" else "country"
        # a longer code carries a role: GEOPRE = a partly recognised entity within Georgia
        code = iso3 if len(iso3) > 3 else None
        yield alias, _Entry(k, iso3[:3], None, code, (), src, _cs(alias), kind == "alias")


def _read_metonyms(path: Path):
    for src, lineno, (iso3, sector, alias) in _rows(path, 3):
        _check_code(iso3, path, lineno)
        _check_code(sector, path, lineno)
        yield alias, _Entry("metonym", iso3, None, sector, (), src, _cs(alias))


def _read_regions(path: Path):
    for src, lineno, (code, alias) in _rows(path, 2):
        _check_code(code, path, lineno)
        yield alias, _Entry("region", None, code, code, (), src, _cs(alias))


def _read_orgs(path: Path):
    """The code column is one CAMEO code, or dated roles like people's
    (``AFGREB@..2021-08-14;AFGGOV@2021-08-15..``) for a body whose role changed."""
    for src, lineno, (org, kind, country, code, alias) in _rows(path, 5):
        roles: tuple[_Role, ...] = ()
        if "@" in code or ";" in code:
            roles = _parse_roles(code, str(path), lineno)
            code = _pick_role(roles, None).code
        _check_code(code, path, lineno)
        ctry = None if country == "-" else country
        if ctry is not None:
            _check_code(ctry, path, lineno)
        org_id = None if org == "-" else org
        yield alias, _Entry("org", ctry, org_id, code, roles, src, _cs(alias))


def _read_people(path: Path):
    """``alias<TAB>roles``; the alias column may list variants separated by ``|``
    ("kassym-jomart tokayev|tokayev"), which all share the row's roles."""
    for src, lineno, (aliases, roles) in _rows(path, 2):
        parsed = _parse_roles(roles, str(path), lineno)
        for alias in aliases.split("|"):
            if not alias.strip():
                raise DictionaryError(str(path), lineno, "empty alias")
            yield alias.strip(), _Entry("person", None, None, None, parsed, src, _cs(alias))


def _read_agents(path: Path):
    for src, lineno, (code, alias) in _rows(path, 2):
        _check_code(code, path, lineno)
        yield alias, _Entry("agent", None, None, code, (), src, _cs(alias))


# Military ranks as written before a name (normalised tokens: "Lt. Gen." → "lt", "gen").
MILITARY_TITLES = frozenset(
    "general gen admiral adm colonel col brigadier brig lt lieutenant maj major marshal "
    "colonel-general lieutenant-general major-general brigadier-general rear vice field".split()
)
_TITLE_ENTRY = _Entry("agent", None, None, "MIL", (), "title:rank", False)
# Words after a faith that make its holder a religious figure: "a Jewish community leader".
FAITH_LEADERS = frozenset({"leader", "leaders", "elder", "elders", "figure", "figures"})
# Role words for those who stand outside the body their "of" phrase names: "critics of the
# Chinese government" are no part of it, unlike "the president of the league".
OUTSIDERS = frozenset({"critic", "critics", "opponent", "opponents", "detractors"})


def add_titles(
    toks: list[tuple[int, int, str, bool]], text: str, matches: list[_Match]
) -> list[_Match]:
    """A military rank written before a person's name ("General Thierry Burkhard",
    "Lt. Gen. ...") is their role word: MIL. Only capitalised, only right before a person —
    "general" alone is too common a word ("the general public") to be an agent entry."""
    out: list[_Match] = []
    covered = {k for m in matches for k in range(m.start, m.end)}
    for m in matches:
        if m.entry.kind == "person":
            k = m.start
            while (
                k > 0
                and k - 1 not in covered
                and toks[k - 1][2] in MILITARY_TITLES
                and text[toks[k - 1][0]].isupper()
            ):
                k -= 1
            if k < m.start:
                out.append(_Match(k, m.start, _TITLE_ENTRY))
        out.append(m)
    return out
# Compass words that also name a region ("Western"): before a country they only say which part.
COMPASS = frozenset({"western", "eastern", "northern", "southern", "central"})
