"""Derive eventwire's actor tables (plain TSV) from the reference dictionaries.

Run from the repository root::

    .venv/bin/python scripts/build_actors.py [--reference /work/shared/reference]

It reads the Phoenix/PETRARCH actor and agent dictionaries (MIT licence, Open Event Data Alliance),
the GeoNames country table (CC BY 4.0), a country/nationality CSV and pycountry, and writes:

    eventwire/data/countries.tsv      iso3  kind  alias      (kind: name | adj | capital | alias)
    eventwire/data/organisations.tsv  org  kind  country  code  alias
    eventwire/data/people.tsv         alias  roles            (roles: CODE@start..end;CODE)
    eventwire/data/agents.tsv         code  alias

Hand-written tables (metonyms.tsv, actor_regions.tsv, org_aliases.tsv, people_extra.tsv,
agents_extra.tsv) live beside them and are never overwritten by this script. Why a script: the
facts come from upstream files whose formats are awkward to read at run time (multi-line blocks,
substitution sets, two-digit years); we read them once here and ship small flat tables.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from eventwire.resolve.actors import GENERIC, SECTORS, org_id_of

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "eventwire" / "data"

# A few Phoenix entries are stems rather than words; expand them to the word forms we match.
STEMS = {
    "minist": ["minister", "ministers", "ministry", "ministries"],
    "compan": ["company", "companies"],
}
# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"KSV": "XKX", "TMP": "TLS"}
# PLOVER's agents file reuses some three-letter segments with other meanings than CAMEO's (and
# Phoenix's): there MED is medical, JRN the media, PRM paramilitaries, SOC civil society. We ship
# one vocabulary, CAMEO's, so PLOVER segments are translated segment by segment on the way in.
PLOVER_TO_CAMEO = {"MED": "HLH", "JRN": "MED", "PRM": "UAF", "SOC": "NGO"}
HISTORIC = {"XKX", "SUN", "YUG", "DDR", "CSK", "SCG"}


def iso_code(code: str) -> str:
    """Rewrite a CAMEO code's country prefix to ISO 3166 (``KSVGOV`` → ``XKXGOV``)."""
    return CAMEO_TO_ISO.get(code[:3], code[:3]) + code[3:]


# Everyday short names and spellings that none of the sources lists (hand-written, MIT).
SHORT_NAMES = {
    "bosnia": ("BIH", "name"), "herzegovina": ("BIH", "name"), "bosnian": ("BIH", "adj"),
    "gaza": ("PSE", "alias"), "gaza strip": ("PSE", "alias"), "kiev": ("UKR", "capital"),
    "prishtina": ("XKX", "capital"), "the gambia": ("GMB", "name"), "türkiye": ("TUR", "name"),
    # the federation of 1945-1992 (ISO 3166-3 YUG), which Phoenix leaves out
    "yugoslavia": ("YUG", "name"), "yugoslav": ("YUG", "adj"), "yugoslavs": ("YUG", "adj"),
    "former yugoslav republic of macedonia": ("MKD", "name"),
}  # fmt: skip

SUBSTITUTIONS_RE = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
ROLE_RE = re.compile(r"\[([^\]]*)\]")
DATE_RE = re.compile(r"^(\d{6}|\d{8})$")


def parse_date(s: str) -> date | None:
    """Phoenix dates are YYMMDD or YYYYMMDD; two-digit years up to 30 are 20xx."""
    if not DATE_RE.match(s):
        return None
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        mm, dd = int(s[2:4]), int(s[4:6])
    else:
        year, mm, dd = int(s[:4]), int(s[4:6]), int(s[6:8])
    try:
        return date(year, max(mm, 1), max(dd, 1))
    except ValueError:
        return None


def parse_role(raw: str) -> tuple[str, str, str] | None:
    """``CODE``, ``CODE start-end``, ``CODE >start``, ``CODE <end`` → (code, start, end)."""
    parts = raw.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,15}", parts[0]):
        return None
    code = parts[0]
    start = end = ""
    if len(parts) > 1:
        spec = parts[1]
        if spec.startswith(">"):
            d = parse_date(spec[1:])
            start = d.isoformat() if d else ""
        elif spec.startswith("<"):
            d = parse_date(spec[1:])
            end = d.isoformat() if d else ""
        elif "-" in spec:
            a, _, b = spec.partition("-")
            da, db = parse_date(a), parse_date(b)
            start = da.isoformat() if da else ""
            end = db.isoformat() if db else ""
    return code, start, end


def clean_name(raw: str) -> str:
    """``NORTH_ATLANTIC_TREATY_ORGANIZATION_`` → ``north atlantic treaty organization``."""
    s = raw.strip().strip("+").strip()
    s = re.sub(r"\s+", "_", s)
    s = s.replace("_", " ").strip().lower()
    s = re.sub(r"\s+", " ", s)
    return s


def read_actor_blocks(path: Path) -> list[tuple[list[str], list[tuple[str, str, str]], bool, int]]:
    """Read a PETRARCH ``.actors`` file into (names, roles, from_countryinfo, line) blocks."""
    blocks: list[tuple[list[str], list[tuple[str, str, str]], bool, int]] = []
    names: list[str] = []
    roles: list[tuple[str, str, str]] = []
    ci = False
    start_line = 0

    def flush() -> None:
        if names and roles:
            blocks.append((list(names), list(roles), ci, start_line))

    for lineno, raw in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        comment = ""
        if "#" in raw:
            raw, _, comment = raw.partition("#")
        if not raw.strip():
            continue
        found = [parse_role(r) for r in ROLE_RE.findall(raw)]
        text = ROLE_RE.sub(" ", raw)
        found = [(iso_code(r[0]), r[1], r[2]) if r else r for r in found]
        stripped = text.strip()
        if raw[:1] in (" ", "\t") and not stripped.startswith("+"):
            roles.extend(r for r in found if r)
            continue
        if stripped.startswith("+"):
            for part in re.split(r"\s\+", stripped):
                n = clean_name(part)
                if n:
                    names.append(n)
            roles.extend(r for r in found if r)
            continue
        # a new entry
        flush()
        names, roles = [], []
        ci = "CountryInfo" in comment
        start_line = lineno
        n = clean_name(stripped)
        if n:
            names.append(n)
        roles.extend(r for r in found if r)
    flush()
    return blocks


def header(sources: str) -> str:
    return f"# derived from {sources} by scripts/build_actors.py (see NOTICE for licences)\n"


def unpeopled(ref: Path) -> frozenset[str]:
    """ISO3 codes of the lands GeoNames' countryInfo.txt lists with neither people nor a
    capital (a missing population alone is a gap in the data: Eritrea)."""
    out = set()
    for line in (ref / "geonames" / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 8:
            continue
        if cols[7].strip() in ("", "0") and not cols[5].strip():
            out.add(cols[1])
    return frozenset(out)


def build_countries(ref: Path, phoenix_blocks: list) -> dict[str, tuple[str, str]]:
    """alias → (iso3, kind). Best kind wins; ambiguous aliases of equal kind keep the first."""
    rank = {"name": 0, "adj": 1, "capital": 2, "alias": 3}
    unpeopled_codes = unpeopled(ref)
    table: dict[str, tuple[str, str]] = {}
    clash: set[str] = set()

    def add(alias: str, iso3: str, kind: str) -> None:
        alias = re.sub(r"\s+", " ", alias.strip().lower())
        if len(alias) < 2:
            return
        old = table.get(alias)
        if old is None or rank[kind] < rank[old[1]]:
            table[alias] = (iso3, kind)
        elif old[0] != iso3 and rank[kind] == rank[old[1]]:
            clash.add(alias)

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                add(v, c.alpha_3, "name")
                if "," in v:  # "Korea, Republic of" → "Republic of Korea"
                    a, _, b = v.partition(",")
                    add(f"{b.strip()} {a.strip()}", c.alpha_3, "name")
    with open(ref / "countries.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso3 = row["CCA3"].strip()
            add(row["Name"], iso3, "name")
            for adj in row["Nationality"].split(","):
                if adj.strip():
                    add(adj, iso3, "adj")
    for line in (ref / "geonames" / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) > 5 and cols[5].strip() and re.fullmatch(r"[A-Z]{3}", cols[1]):
            add(cols[5], cols[1], "capital")
            add(cols[4], cols[1], "name")
    for names, roles, _ci, _ln in phoenix_blocks:
        codes = [r[0] for r in roles]
        if all(len(c) == 3 for c in codes) and not _ci:
            iso3 = codes[0]
            if iso3 not in HISTORIC and not pycountry.countries.get(alpha_3=iso3):
                continue
            for n in names:
                if not n.startswith("'"):  # "'Nam": slang a tokenizer reads as "NAM", an acronym
                    add(n, iso3, "alias")
    for alias, (iso3, kind) in SHORT_NAMES.items():
        add(alias, iso3, kind)
    for alias in clash:
        iso3, kind = table[alias]
        if kind == "alias":  # an ambiguous city/province name is not a country signal
            del table[alias]
    # Lands without people are no state an actor can belong to (Antarctica, Bouvet Island):
    # GeoNames gives them no population and no capital. They stay places for the gazetteer.
    for alias in [a for a, (iso3, _kind) in table.items() if iso3 in unpeopled_codes]:
        del table[alias]
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=Path("/work/shared/reference"))
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args(argv)
    ref: Path = args.reference
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    phx = ref / "phoenix"

    country_blocks = read_actor_blocks(phx / "Phoenix.Countries.actors.txt")
    intl_blocks = read_actor_blocks(phx / "Phoenix.International.actors.txt")
    mil_blocks = read_actor_blocks(phx / "Phoenix.MilNonState.actors.txt")

    # countries.tsv
    countries = build_countries(ref, country_blocks)
    with open(out / "countries.tsv", "w", encoding="utf-8") as f:
        f.write(
            header(
                "pycountry (ISO 3166, LGPL), countries.csv, GeoNames countryInfo.txt (CC BY 4.0) "
                "and Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance)"
            )
        )
        f.write("# iso3\tkind\talias\n")
        f.writelines(
            f"{iso3}\t{kind}\t{alias}\n"
            for alias, (iso3, kind) in sorted(countries.items(), key=lambda kv: (kv[1], kv[0]))
        )

    # organisations.tsv and people.tsv
    orgs: dict[str, tuple[str, str, str, str]] = {}
    people: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for blocks in (country_blocks, intl_blocks, mil_blocks):
        for names, roles, ci, _ln in blocks:
            roles = [r for r in roles if r[0] != "---"]
            if not roles:
                continue
            dated = any(r[1] or r[2] for r in roles)
            codes = [r[0] for r in roles]
            if dated and not ci and codes[0][:3] in GENERIC | {c[:3] for c in codes if len(c) == 3}:
                # a dated group or state, not a person: keep its most recent code, undated
                latest = max(roles, key=lambda r: (r[1], r[2] or "9999"))
                roles, dated, codes = [(latest[0], "", "")], False, [latest[0]]
            if not dated and not ci:
                code = codes[0]
                if len(code) == 3 and code not in GENERIC:
                    continue  # a plain country block: handled in countries.tsv
                prefix = code[:3]
                org = org_id_of(code) or ""
                if prefix in GENERIC:
                    kind = prefix
                    segs = [code[i : i + 3] for i in range(3, len(code), 3)]
                    country = next(
                        (
                            s
                            for s in segs
                            if s not in SECTORS and pycountry.countries.get(alpha_3=s)
                        ),
                        "",
                    )
                else:  # a state organ; Phoenix's "KKL" and region prefixes name no state
                    known = prefix in HISTORIC or pycountry.countries.get(alpha_3=prefix)
                    kind, country = "STATE", prefix if known else ""
                for n in names:
                    if n not in orgs and len(n) >= 2:
                        orgs[n] = (org, kind, country, code)
            else:
                for n in names:
                    if len(n.split()) < 1 or len(n) < 3:
                        continue
                    for r in roles:
                        if r not in people[n]:
                            people[n].append(r)

    with open(out / "organisations.tsv", "w", encoding="utf-8") as f:
        f.write(
            header(
                "Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt and the "
                "institution entries of Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance)"
            )
        )
        f.write("# org\tkind\tcountry\tcode\talias   (org '-' = an organ of a state)\n")
        for alias, (org, kind, country, code) in sorted(orgs.items(), key=lambda kv: kv[1][3]):
            f.write(f"{org or '-'}\t{kind}\t{country or '-'}\t{code}\t{alias}\n")

    with open(out / "people.tsv", "w", encoding="utf-8") as f:
        f.write(
            header(
                "person entries of Phoenix.Countries.actors.txt and Phoenix.International.actors.txt "
                "(MIT, Open Event Data Alliance)"
            )
        )
        f.write(
            "# alias\troles (CODE@start..end; empty bound = open; a role without dates is the default)\n"
        )
        for alias in sorted(people):
            rs = ";".join(f"{c}@{s}..{e}" if (s or e) else c for c, s, e in people[alias])
            f.write(f"{alias}\t{rs}\n")

    # agents.tsv
    agents: dict[str, str] = {}
    read_agents(phx / "Phoenix.agents.txt", agents)
    read_agents(ref / "PLOVER_agents.txt", agents, PLOVER_TO_CAMEO)
    with open(out / "agents.tsv", "w", encoding="utf-8") as f:
        f.write(header("Phoenix.agents.txt and PLOVER_agents.txt (MIT, Open Event Data Alliance)"))
        f.write("# code\talias\n")
        for alias, code in sorted(agents.items(), key=lambda kv: (kv[1], kv[0])):
            f.write(f"{code}\t{alias}\n")

    sizes = {p.name: p.stat().st_size for p in sorted(out.glob("*.tsv"))}
    print(
        f"countries={len(countries)} organisations={len(orgs)} people={len(people)} "
        f"agents={len(agents)} bytes={sum(sizes.values())}",
        file=sys.stderr,
    )
    return 0


def plural(word: str) -> str:
    """Regular English plural of the last word (PETRARCH generated these automatically)."""
    if re.search(r"(ies|[^su]s)$", word) or word.endswith("men"):
        return word  # already plural: "countries", "forces"
    if word.endswith("man"):
        return word[:-3] + "men"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def read_agents(
    path: Path, agents: dict[str, str], translate: dict[str, str] | None = None
) -> None:
    """Read an agents file: ``PHRASE {plurals} [~CODE]`` with ``!SET!`` substitutions;
    ``translate`` rewrites the file's three-letter segments into CAMEO's."""
    subs: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = SUBSTITUTIONS_RE.match(line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = re.search(r"\[~([A-Z]+)\]", line)
        if not cm:
            continue
        code = cm.group(1)
        if translate:
            code = "".join(
                translate.get(code[i : i + 3], code[i : i + 3]) for i in range(0, len(code), 3)
            )
        body = line[: cm.start()].strip()
        explicit: list[str] | None = None
        bm = re.search(r"\{([^}]*)\}", body)
        if bm:
            explicit = [clean_name(w) for w in bm.group(1).split() if w.strip()]
            body = body[: bm.start()].strip()
        forms = [body]
        sm = re.search(r"!(\w+)!", body)
        if sm and sm.group(1) in subs:
            forms = [body.replace(sm.group(0), s) for s in subs[sm.group(1)]]
        for form in forms:
            name = clean_name(form)
            if not name:
                continue
            words = name.split()
            variants = [name]
            if words[-1] in STEMS:
                variants = [" ".join(words[:-1] + [w]) for w in STEMS[words[-1]]]
            elif explicit is None and not sm:
                variants.append(" ".join(words[:-1] + [plural(words[-1])]))
            elif explicit:
                variants.extend(explicit)
            for v in variants:
                agents.setdefault(v, code)


if __name__ == "__main__":
    raise SystemExit(main())
