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

Places are optional: ``resolve(text, places=gazetteer)`` asks a gazetteer about the phrase's
capitalised words that no entry matched, but only when the dictionary found no state or
organisation ("Rakhine rebels" → MMR, "Mariupol" → UKR). The dictionary stays the authority;
the gazetteer only fills the country it could not give.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

from eventwire.errors import DictionaryError
from eventwire.records import Actor, Place
from eventwire.resolve.actor_tables import (
    COMPASS,
    DATA_DIR,
    EQUIPMENT,
    FAITH_LEADERS,
    FORMER,
    GENERIC,
    MILITARY_TITLES,
    OUTSIDERS,
    RELIGIONS,
    SECTORS,
    VAGUE,
    _Entry,
    _Match,
    _pick_role,
    _read_agents,
    _read_countries,
    _read_metonyms,
    _read_orgs,
    _read_people,
    _read_regions,
    _sector,
    add_titles,
    org_id_of,
    split_code,
    tokenize,
)

__all__ = [
    "GENERIC", "SECTORS", "ActorDictionary", "PlaceLookup", "default_dictionary", "org_id_of",
    "resolve_actor", "split_code", "tokenize",
]  # fmt: skip


# Prepositions that put a phrase's head inside the place named after them ("a market in Kabul").
LOCATIVE = frozenset({"in", "near", "outside", "at"})
# Sectors that name an office; "former" before them makes the holder an ex-official (ELI).
OFFICES = frozenset({"GOV", "MIL", "SPY", "COP", "LEG", "JUD"})
# Words written before a surname that are no first name ("Mr Putin", "Sen. McCain").
HONORIFICS = frozenset(
    "mr mrs ms miss dr sir lord lady dame sheikh king queen prince princess emir sultan president "
    "premier chancellor minister secretary senator sen rep gov governor judge justice mayor pope".split()
)
# Words before a surname that are no first name of someone else: honorifics and ranks.
NOT_FIRST_NAMES = HONORIFICS | MILITARY_TITLES
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "in", "of", "at", "on", "from", "to", "and", "or", "for", "by", "with",
     "near", "after", "before", "as", "since"}
)  # fmt: skip


def _hyphen_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The same alias written with hyphens for spaces or spaces for hyphens."""
    out = []
    if any("-" in t for t in key):
        out.append(tuple(p for t in key for p in t.split("-") if p))
    if 1 < len(key) <= 3 and all(t.isalpha() for t in key):
        out.append(("-".join(key),))
    return out


class PlaceLookup(Protocol):
    """What the place fallback needs: ``eventwire.resolve.places.Gazetteer`` fits."""

    def resolve(self, name: str, *, countries: Sequence[str] = ()) -> Place | None: ...

    def candidates(self, name: str) -> list[Place]: ...


def _place_runs(
    toks: list[tuple[int, int, str, bool]], text: str, matches: list[_Match]
) -> list[tuple[int, int]]:
    """Token spans of capitalised words that no dictionary entry covers ("Rakhine" in
    "Rakhine rebels", "Puerto Penasco" in "Searchers of Puerto Penasco"). Function words and
    acronyms end a run, so "The" never starts one."""
    covered: set[int] = set()
    for m in matches:
        covered.update(range(m.start, m.end))
    runs: list[tuple[int, int]] = []
    start = None
    for k, tok in enumerate(toks):
        name_like = (
            k not in covered
            and text[tok[0]].isupper()
            and not (tok[3] and tok[1] - tok[0] > 1)  # "SONNA": an acronym names a body
            and tok[2] not in _FUNCTION_WORDS
            and not tok[2].isdigit()
        )
        if name_like and start is None:
            start = k
        elif not name_like and start is not None:
            runs.append((start, k))
            start = None
    if start is not None:
        runs.append((start, len(toks)))
    return runs


def _run_place(
    toks: list[tuple[int, int, str, bool]], text: str, run: tuple[int, int], places: PlaceLookup
) -> tuple[int, int, Place] | None:
    """The place a run names: the whole run, else its longest tail of two or more words
    ("... Alliance Northern Territory"). A one-word tail is never tried on its own, and a run
    must be a place name as a whole, not hold one: a surname that is also a town ("Feliciano
    Valencia") must not give a country."""
    a, b = run
    for start in range(a, b - 1 if b - a > 1 else b):
        name = text[toks[start][0] : toks[b - 1][1]]
        if not places.candidates(name):
            continue
        place = places.resolve(name)
        if place is not None and place.country:
            return start, b, place
    return None


# How many paragraphs' actor mentions `ActorDictionary.find` keeps (a batch of articles' worth).
FOUND_KEPT = 4096


# How many phrase resolutions an ActorDictionary keeps before starting over.
RESOLVED_KEPT = 50_000

_K = TypeVar("_K")
_V = TypeVar("_V")


def _kept(cache: dict[_K, _V], key: _K, limit: int, compute: Callable[[], _V]) -> _V:
    """The answer kept for ``key``, computed the first time; the cache starts over when full."""
    if key not in cache:
        if len(cache) >= limit:
            cache.clear()
        cache[key] = compute()
    return cache[key]


class ActorDictionary:
    """All actor tables in one token index. Build with :meth:`load`; immutable afterwards."""

    def __init__(self, index: dict[tuple[str, ...], _Entry]) -> None:
        self._index = index
        self._found: dict[str, list[tuple[int, int, Actor]]] = {}
        # the same phrases come back in every article ("the White House", "Democrats"):
        # their resolutions, kept until the table grows past RESOLVED_KEPT
        self._resolved: dict[tuple[str, date | None], Actor | None] = {}
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
                if entry.kind != "agent":  # "Nagorno-Karabakh" and "Nagorno Karabakh" alike
                    for variant in _hyphen_variants(key):
                        index.setdefault(variant, entry)
        return cls(index)

    # --- matching -------------------------------------------------------------------------

    def _matches(self, toks: list[tuple[int, int, str, bool]], text: str) -> list[_Match]:
        """Longest matches left to right. Guards keep names apart: a person's name that runs on
        into another capitalised word ("Mohammed Hussein Roble") or one word of it after an unknown
        first name ("Redwan Hussein") is someone else, and a city
        standing for its country after an unknown capitalised word ("Feliciano Valencia") is a
        surname."""
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
                if entry.kind == "org" and size == 1 and norms[i].isalpha() and text[toks[i][0]].islower():
                    continue  # "a temporary amnesty" is no Amnesty: names are written with capitals
                if (
                    entry.kind in ("country", "capital")
                    and i + size < n
                    and norms[i + size] in EQUIPMENT
                ):
                    continue
                if (
                    entry.kind == "person"
                    and i + size < n
                    and self._name_word(toks, text, i + size)
                ):
                    continue
                if (
                    entry.kind == "person" and size == 1 and i > 0 and (not out or out[-1].end < i)
                    and norms[i - 1] not in NOT_FIRST_NAMES and self._name_word(toks, text, i - 1)
                ):
                    continue  # "Redwan Hussein" is not King Hussein: a first name no alias knows
                if entry.kind == "region" and norms[i] in COMPASS and self._country_at(norms, i + size):
                    continue  # "western Cambodia" is part of Cambodia, not the West
                if (
                    (entry.place or entry.kind == "capital")
                    and i > 0
                    and (not out or out[-1].end < i)
                    and self._name_word(toks, text, i - 1)
                ):
                    continue
                out.append(_Match(i, i + size, entry))
                i += size
                break
            else:
                i += 1
        return add_titles(toks, text, out)

    def _country_at(self, norms: list[str], k: int) -> bool:
        """A country's name starts at token ``k``."""
        if k >= len(norms):
            return False
        longest = self._maxlen.get(norms[k], 0)
        return any(
            (found := self._index.get(tuple(norms[k : k + size]))) is not None and found.kind == "country"
            for size in range(1, longest + 1)
        )

    def _name_word(self, toks: list[tuple[int, int, str, bool]], text: str, k: int) -> bool:
        """Token ``k`` looks like part of a proper name that no alias starts with."""
        norm = toks[k][2]
        if not (text[toks[k][0]].isupper() and norm.isalpha()) or norm in _FUNCTION_WORDS:
            return False
        norms = [t[2] for t in toks[k : k + self._maxlen.get(norm, 0)]]
        return not any(tuple(norms[:size]) in self._index for size in range(1, len(norms) + 1))

    def _combine(
        self,
        text: str,
        matches: list[_Match],
        on: date | None,
        bare: bool = False,
        former: bool = False,
        of_at: int | None = None,
        toks: Sequence[tuple[int, int, str, bool]] = (),
    ) -> Actor | None:
        """Merge the matches of one phrase into an actor: the first named entity gives the
        country or organisation, a person's dated role or an organisation's own sector beats a
        role word, which beats a capital's implied government (only when the capital stands
        alone: ``bare``). Of adjacent role words the last, the head noun, counts:
        "deputy foreign minister" is GOV, "opposition lawmaker" LEG. Vague words ("group",
        "members") give no sector; ``former`` turns an office into ELI ("a former CIA official").
        An office title before a person the table calls a former office-holder (ELI) is
        believed: the text says what they were when it was written. A role word before "of"
        (token ``of_at``) is a post in the body named after it, whose
        role word then wins: "President of the Chadian Human Rights League" is HRI."""
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
                if (e.code or "")[:3] in VAGUE:
                    continue
                if (e.code or "")[:3] in RELIGIONS:  # "Islamist", "Muslim": a qualifier
                    faith = faith or e.code
                elif agent_code is None:
                    agent_code, agent_end = e.code, m.end
                    entries.append(e.source)
                elif agent_end == m.start and head_open:
                    agent_code, agent_end = e.code, m.end  # the head noun of the run
                    entries[-1] = e.source
                elif (
                    of_at is not None
                    and agent_end <= of_at < m.start
                    and toks[agent_end - 1][2] not in OUTSIDERS
                ):
                    agent_code, agent_end = e.code, m.end  # the body the post belongs to
                    entries.append(e.source)
                    of_at, head_open = None, True
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
                ent_code = _pick_role(e.roles, on).code if e.roles else e.code
                _, _, ent_sector = split_code(ent_code or "")
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
        elif (
            faith
            and not ent_code
            and agent_code in ("CVL", "GOV")
            and 0 < agent_end <= len(toks)
            and toks[agent_end - 1][2] in FAITH_LEADERS
        ):
            agent_code = "REL" + faith  # "a Jewish community leader" is a religious figure
        titled = (
            ent_sector == "ELI"
            and agent_code is not None
            and not former
            and (split_code(agent_code)[2] or _sector(agent_code[:3])) in OFFICES
        )
        if titled:
            # "Prime Minister Scott Morrison": the writer gives the office held when they
            # wrote, which beats our table's "former office-holder" for an unknown date
            ent_sector, ent_code = None, None
        if ent_sector:
            sector, code = ent_sector, ent_code
        elif agent_code:
            sector = split_code(agent_code)[2] or _sector(agent_code[:3])
            base = ent_code or country or org or ""
            code = base if base.endswith(agent_code) else base + agent_code
        else:
            sector = _sector(implied)
            code = ent_code or ((country or org or "") + (implied or "")) or None
        if country is None and org is None and sector is None:
            return None
        if former and sector in OFFICES:
            sector = "ELI"
            code = (country or org or "") + "ELI"
        return Actor(
            text=text, country=country, org=org, sector=sector, code=code,
            entry=" + ".join(entries),
        )  # fmt: skip

    def resolve(
        self, text: str, *, on: date | None = None, places: PlaceLookup | None = None
    ) -> Actor | None:
        """Resolve one noun phrase ("Turkish armed forces") to an ``Actor``, or ``None``.

        ``places`` (a gazetteer) is asked only when no entry names a state or organisation:
        a place among the phrase's unmatched capitalised words gives the country, and a phrase
        that is nothing but a place below country level ("Mariupol") is its civilians (CVL)."""
        if places is None:
            return _kept(self._resolved, (text, on), RESOLVED_KEPT, lambda: self._resolve(text, on=on, places=None))
        return self._resolve(text, on=on, places=places)

    def _resolve(self, text: str, *, on: date | None, places: PlaceLookup | None) -> Actor | None:
        toks = tokenize(text)
        matches = self._matches(toks, text)
        former = bool(matches) and any(
            t[2] in FORMER for t in toks[: max(m.start for m in matches)]
        )
        bare = self._bare(toks, matches)
        of_at = next((k for k, t in enumerate(toks) if t[2] == "of"), None)
        actor = self._combine(text, matches, on, bare=bare, former=former, of_at=of_at, toks=toks)
        if (
            actor is not None
            and actor.sector is None
            and actor.country
            and len(matches) == 1
            and (matches[0].entry.kind == "capital" or matches[0].entry.place)
            and matches[0].start > 0
            and toks[matches[0].start - 1][2] in LOCATIVE
        ):
            # "an amusement park in Kabul": something in a city that names no role is that
            # city's civilians, as the city alone is ("Kabul" → AFG CVL)
            actor = Actor(text, actor.country, None, "CVL", f"{actor.country}CVL", actor.entry)
        if places is None or (actor is not None and actor.org is not None):
            return actor
        if actor is not None and actor.country is not None:
            return self._bare_city(actor, text, toks, matches, bare, places)
        return self._with_place(actor, text, toks, matches, places)

    @staticmethod
    def _bare_city(
        actor: Actor,
        text: str,
        toks: list[tuple[int, int, str, bool]],
        matches: list[_Match],
        bare: bool,
        places: PlaceLookup,
    ) -> Actor:
        """A city alias standing alone ("Sydney") is, like a gazetteer city, its civilians —
        but only when the gazetteer agrees it is a place below country level in that country
        (the alias table also holds misspelt country names, which stay sectorless)."""
        if not (bare and actor.sector is None and len(matches) == 1 and matches[0].entry.place):
            return actor
        place = places.resolve(text, countries=(actor.country,) if actor.country else ())
        if place is None or place.country != actor.country or place.precision == "country":
            return actor
        code = f"{actor.country}CVL"
        return Actor(actor.text, actor.country, None, "CVL", code, actor.entry)

    def _with_place(
        self,
        actor: Actor | None,
        text: str,
        toks: list[tuple[int, int, str, bool]],
        matches: list[_Match],
        places: PlaceLookup,
    ) -> Actor | None:
        """Fill the country from the first unmatched run of capitalised words that the
        gazetteer knows; keep the dictionary's role ("Rakhine rebels" → MMR + REB)."""
        for run in _place_runs(toks, text, matches):
            found = _run_place(toks, text, run, places)
            if found is None:
                continue
            a, b, place = found
            country = place.country or ""
            only_place = all(a <= k < b or t[2] in ("the", "a", "an") for k, t in enumerate(toks))
            entry = f"place:{place.name}" + (f"#{place.geonameid}" if place.geonameid else "")
            in_place = a > 0 and toks[a - 1][2] in LOCATIVE and b == len(toks)
            if actor is None:
                if (only_place or in_place) and place.precision != "country":
                    return Actor(text, country, None, "CVL", f"{country}CVL", entry)
                return Actor(text, country, None, None, country, entry)
            code = actor.code or ""
            return Actor(
                text, country, None, actor.sector,
                code if code.startswith(country) else country + code,
                f"{actor.entry} + {entry}" if actor.entry else entry,
            )  # fmt: skip
        return actor

    @staticmethod
    def _bare(toks: list[tuple[int, int, str, bool]], matches: list[_Match]) -> bool:
        """True when the phrase is its matches plus articles only ("the Kremlin")."""
        covered = sum(m.end - m.start for m in matches)
        return covered + sum(1 for t in toks if t[2] in ("the", "a", "an")) >= len(toks)

    def find(self, text: str, *, on: date | None = None) -> list[tuple[int, int, Actor]]:
        """Every actor mention in ``text`` as (start, end, actor); adjacent matches
        ("Turkish" + "armed forces") form one mention, joined across "of"/"the" at most.

        The pre-filter and the extractor both scan each paragraph of an article, one after the
        other: the answers for the last paragraphs seen are kept (``FOUND_KEPT``)."""
        if on is None:
            found = _kept(self._found, text, FOUND_KEPT, lambda: self._find(text, on=None))
            return list(found)
        return self._find(text, on=on)

    def _find(self, text: str, *, on: date | None) -> list[tuple[int, int, Actor]]:
        toks = tokenize(text)
        matches = self._matches(toks, text)
        groups: list[list[_Match]] = []
        for m in matches:
            if groups:
                prev = groups[-1][-1]
                gap = [toks[k][2] for k in range(prev.end, m.start)]
                # "DHAKA (Reuters) - Myanmar": a dateline, its agency and the lede's first
                # name are three mentions, not one
                broken = any(c in BREAKS for c in text[toks[prev.end - 1][1] : toks[m.start][0]])
                if len(gap) <= 2 and all(g in ("of", "the") for g in gap) and not broken:
                    groups[-1].append(m)
                    continue
            groups.append([m])
        out = []
        for g in groups:
            start, end = toks[g[0].start][0], toks[g[-1].end - 1][1]
            before = toks[max(0, g[0].start - 2) : g[-1].start]
            of_at = next((k for k in range(g[0].start, g[-1].end) if toks[k][2] == "of"), None)
            actor = self._combine(
                text[start:end], g, on, bare=self._bare(toks[g[0].start : g[-1].end], g),
                former=any(t[2] in FORMER for t in before), of_at=of_at, toks=toks,
            )  # fmt: skip
            if actor is not None:
                out.append((start, end, actor))
        return out


# Punctuation that ends a mention: words on either side name different actors.
BREAKS = frozenset("()-–—,;:")


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The packaged dictionary, loaded on first use and then shared."""
    return ActorDictionary.load()


def resolve_actor(
    text: str, date: date | None = None, *, places: PlaceLookup | None = None
) -> Actor | None:
    """Resolve a phrase with the packaged dictionary (loaded once, on first call); pass a
    gazetteer as ``places`` to let places name the country the dictionary does not know."""
    return default_dictionary().resolve(text, on=date, places=places)
