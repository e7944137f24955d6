"""Actor resolution: a noun phrase from the news → country / organisation + sector + CAMEO code.

Why a dictionary and not a model: event coders (PETRARCH, NGEC) live or die by their actor
dictionaries, and users need to read and fix them. So every fact lives in a plain TSV file under
``eventwire/data/`` (derived ones are rebuilt by ``scripts/build_actors.py``; small hand-written
ones sit beside them and win), and every ``Actor`` says which row matched (``entry``).

Matching is case-insensitive on token boundaries, longest alias first, over one hash index built
at load (``resolve`` handles well over 20k phrases a second). Hyphenated equipment adjectives
("Russian-made", "US-supplied") stay one token and so never name an actor; "Russian made" is
also skipped. Pronouns and generic descriptions ("the alliance", "they") resolve to ``None``:
coreference is the caller's job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from eventwire.errors import DictionaryError
from eventwire.records import Actor

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
# CAMEO organisation segments → the short ids used in gold files and by users.
ORG_IDS = {
    "NAT": "NATO", "UNO": "UN", "EEC": "EU", "ISI": "ISIS", "ALQ": "AQ", "WBK": "WB",
    "AFU": "AU", "ARL": "ARL", "OPC": "OPEC", "IRC": "ICRC", "IAE": "IAEA", "ASN": "ASEAN",
    "WHO": "WHO", "HCH": "OHCHR", "HCR": "UNHCR", "KID": "UNICEF", "ICJ": "ICJ", "ICC": "ICC",
}  # fmt: skip
# A country adjective followed by one of these describes equipment, not an actor.
EQUIPMENT = frozenset(["made", "built", "supplied", "designed", "manufactured", "produced"])

_TOKEN = re.compile(r"(?:\w\.){2,}(?:-\w+)*|\w+(?:['’\-]\w+)*")
_KINDS = ("person", "org", "metonym", "region", "agent", "country", "capital")


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
    return t


def tokenize(text: str) -> list[tuple[int, int, str, bool]]:
    """Tokens as (start, end, normalised form, written in capitals) — offsets into ``text``."""
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        out.append((m.start(), m.end(), _norm_token(raw), raw.isupper()))
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
    else:
        country = prefix
    skip = MINOR | RELIGIONS if prefix in GENERIC else MINOR  # "IMGMUSISI" is not a REL actor
    sector = next((s for s in segs if s in SECTORS and s not in skip), None)
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


class ActorDictionary:
    """All actor tables in one token index. Build with :meth:`load`; immutable afterwards."""

    def __init__(self, index: dict[tuple[str, ...], _Entry]) -> None:
        self._index = index
        self._maxlen: dict[str, int] = {}
        for key in index:
            if self._maxlen.get(key[0], 0) < len(key):
                self._maxlen[key[0]] = len(key)

    def __len__(self) -> int:
        return len(self._index)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> ActorDictionary:
        """Read and validate every table; raises ``DictionaryError(path, line, reason)``."""
        d = Path(data_dir) if data_dir is not None else DATA_DIR
        index: dict[tuple[str, ...], _Entry] = {}
        # earlier tables win: hand-written before derived, specific before generic
        readers = (
            ("people_extra.tsv", _read_people, False),
            ("org_aliases.tsv", _read_orgs, False),
            ("metonyms.tsv", _read_metonyms, False),
            ("actor_regions.tsv", _read_regions, False),
            ("agents_extra.tsv", _read_agents, False),
            ("countries.tsv", _read_countries, True),
            ("organisations.tsv", _read_orgs, True),
            ("people.tsv", _read_people, True),
            ("agents.tsv", _read_agents, True),
        )
        for name, reader, required in readers:
            path = d / name
            if not path.exists():
                if required:
                    raise DictionaryError(str(path), 0, "missing dictionary file")
                continue
            for alias, entry in reader(path):
                key = tuple(t[2] for t in tokenize(alias))
                if key and key not in index:
                    index[key] = entry
        return cls(index)

    # --- matching -------------------------------------------------------------------------

    def _matches(self, toks: list[tuple[int, int, str, bool]]) -> list[_Match]:
        out: list[_Match] = []
        norms = [t[2] for t in toks]
        n = len(toks)
        i = 0
        index, maxlen = self._index, self._maxlen
        while i < n:
            longest = maxlen.get(norms[i])
            if not longest:
                i += 1
                continue
            for size in range(min(longest, n - i), 0, -1):
                entry = index.get(tuple(norms[i : i + size]))
                if entry is None:
                    continue
                if entry.case_sensitive and not all(t[3] for t in toks[i : i + size]):
                    continue
                if (
                    entry.kind in ("country", "capital")
                    and i + size < n
                    and norms[i + size] in EQUIPMENT
                ):
                    continue
                out.append(_Match(i, i + size, entry))
                i += size
                break
            else:
                i += 1
        return out

    def _combine(
        self, text: str, matches: list[_Match], on: date | None, bare: bool = False
    ) -> Actor | None:
        """Merge the matches of one phrase into an actor: the first named entity gives the
        country or organisation, a person's dated role or an organisation's own sector beats a
        role word, which beats a capital's implied government (only when the capital stands
        alone: ``bare``). Of adjacent role words the last, the head noun, counts:
        "deputy foreign minister" is GOV, "opposition lawmaker" LEG."""
        if not matches:
            return None
        country = org = sector = code = None
        entries: list[str] = []
        ent_sector = ent_code = None
        agent_code = None
        implied = faith = None
        have_entity = False
        agent_end, head_open = -1, True
        for m in matches:
            e = m.entry
            if e.kind == "agent":
                if (e.code or "")[:3] in RELIGIONS:  # "Islamist", "Muslim": a qualifier
                    faith = faith or e.code
                elif agent_code is None:
                    agent_code, agent_end = e.code, m.end
                    entries.append(e.source)
                elif agent_end == m.start and head_open:
                    agent_code, agent_end = e.code, m.end  # the head noun of the run
                    entries[-1] = e.source
                else:
                    head_open = False
                continue
            if agent_code is not None:
                head_open = False
            if have_entity:
                # a later organ of the same state ("US State Department") still names the role
                if agent_code is None and e.country in (None, country) and e.kind != "person":
                    later = e.code if e.kind == "metonym" else split_code(e.code or "")[2]
                    if later:
                        agent_code = later[-3:] if e.kind == "metonym" else later
                        entries.append(e.source)
                continue
            have_entity = True
            entries.append(e.source)
            if e.kind == "person":
                role = _pick_role(e.roles, on)
                country, org, ent_sector = split_code(role.code)
                ent_code = role.code
            elif e.kind == "org":
                country, org = e.country, e.org
                _, _, ent_sector = split_code(e.code or "")
                ent_code = e.code
            elif e.kind == "region":
                org = e.org
            else:  # country, capital, metonym
                country = e.country
                if e.kind == "country" and e.code:
                    ent_code, ent_sector = e.code, split_code(e.code)[2]
                elif e.kind == "metonym" or (e.kind == "capital" and bare):
                    implied = e.code or "GOV"
        if agent_code is None and faith and not ent_code:
            agent_code = faith
        if ent_sector:
            sector, code = ent_sector, ent_code
        elif agent_code:
            sector = _sector(agent_code[:3])
            base = ent_code or country or org or ""
            code = base if base.endswith(agent_code) else base + agent_code
        else:
            sector = _sector(implied)
            code = ent_code or ((country or org or "") + (implied or "")) or None
        if country is None and org is None and sector is None:
            return None
        return Actor(
            text=text, country=country, org=org, sector=sector, code=code,
            entry=" + ".join(entries),
        )  # fmt: skip

    def resolve(self, text: str, *, on: date | None = None) -> Actor | None:
        """Resolve one noun phrase ("Turkish armed forces") to an ``Actor``, or ``None``."""
        toks = tokenize(text)
        matches = self._matches(toks)
        return self._combine(text, matches, on, bare=self._bare(toks, matches))

    @staticmethod
    def _bare(toks: list[tuple[int, int, str, bool]], matches: list[_Match]) -> bool:
        """True when the phrase is its matches plus articles only ("the Kremlin")."""
        covered = sum(m.end - m.start for m in matches)
        return covered + sum(1 for t in toks if t[2] in ("the", "a", "an")) >= len(toks)

    def find(self, text: str, *, on: date | None = None) -> list[tuple[int, int, Actor]]:
        """Every actor mention in ``text`` as (start, end, actor); adjacent matches
        ("Turkish" + "armed forces") form one mention, joined across "of"/"the" at most."""
        toks = tokenize(text)
        matches = self._matches(toks)
        groups: list[list[_Match]] = []
        for m in matches:
            if groups:
                prev = groups[-1][-1]
                gap = [toks[k][2] for k in range(prev.end, m.start)]
                if len(gap) <= 2 and all(g in ("of", "the") for g in gap):
                    groups[-1].append(m)
                    continue
            groups.append([m])
        out = []
        for g in groups:
            start, end = toks[g[0].start][0], toks[g[-1].end - 1][1]
            actor = self._combine(
                text[start:end], g, on, bare=self._bare(toks[g[0].start : g[-1].end], g)
            )
            if actor is not None:
                out.append((start, end, actor))
        return out


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
        yield alias, _Entry(k, iso3[:3], None, code, (), src, _cs(alias))


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
    for src, lineno, (org, kind, country, code, alias) in _rows(path, 5):
        _check_code(code, path, lineno)
        ctry = None if country == "-" else country
        if ctry is not None:
            _check_code(ctry, path, lineno)
        yield alias, _Entry("org", ctry, None if org == "-" else org, code, (), src, _cs(alias))


def _read_people(path: Path):
    for src, lineno, (alias, roles) in _rows(path, 2):
        yield alias, _Entry("person", None, None, None, _parse_roles(roles, str(path), lineno),
                            src, _cs(alias))  # fmt: skip


def _read_agents(path: Path):
    for src, lineno, (code, alias) in _rows(path, 2):
        _check_code(code, path, lineno)
        yield alias, _Entry("agent", None, None, code, (), src, _cs(alias))


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The packaged dictionary, loaded on first use and then shared."""
    return ActorDictionary.load()


def resolve_actor(text: str, date: date | None = None) -> Actor | None:
    """Resolve a phrase with the packaged dictionary (loaded once, on first call)."""
    return default_dictionary().resolve(text, on=date)
