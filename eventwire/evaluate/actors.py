"""Score actor resolution on NGEC-style expectations (``eventwire evaluate --format actors``).

Why this shape: NGEC's actor tests give a phrase, sometimes a date and a context word, and the
expected country (ISO3, or ``IGO``/``UNO``/``EUR`` for international bodies) and role code
(``code_1``, with ``code_2`` as an accepted alternative). We score the two separately, because a
dictionary can know the country of a phrase without knowing the role, and report what we skip.

The expectations speak PLOVER's agent vocabulary, eventwire speaks CAMEO's (see
``resolve/actor_tables.py``). The two differ in a few codes, so an expected code is compared
through ``EXPECTED_SECTOR`` below — one table for the whole file, never a rule for one row.

Dates: a row's own ``date`` is used ("today" is the day of the run); a row without one is also
resolved as of today. The expectations were written years ago, so some office-holders have
changed office since; ``date_dependent_misses`` counts the misses that some other date (1 January
of each year since 2000) would have resolved as expected, to tell stale expectations from gaps.
Places: by default the packaged gazetteer backs the dictionary (``ActorDictionary.resolve``'s
``places``), as the pipeline can; ``with_places=False`` scores the dictionary alone.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventwire.evaluate._metrics import jsonl_records
from eventwire.records import Actor
from eventwire.resolve.actors import ActorDictionary, PlaceLookup, default_dictionary

# Expected (PLOVER agent) code → the eventwire sectors that mean the same. Codes not listed mean
# the same in both. ``None`` stands for "no sector": the phrase names no role.
EXPECTED_SECTOR: dict[str, frozenset[str | None]] = {
    "MED": frozenset({"HLH"}),  # PLOVER MED is medical; CAMEO's MED is the media
    "JRN": frozenset({"MED"}),  # journalists and news agencies: CAMEO MED
    "PRM": frozenset({"UAF"}),  # paramilitaries: CAMEO's unaligned armed forces
    "SOC": frozenset({"NGO", "HRI"}),  # civil society: CAMEO NGO / human-rights groups
    "UNK": frozenset({None}),  # "two men", "he": a person, role unknown
    "JNK": frozenset({None}),  # not an actor at all ("yesterday")
    "": frozenset({None}),  # a state or place as such, no sector
}
# PLOVER gives a religious group its faith (BUD, MUS, ...); eventwire's sector is REL and the
# faith is kept in the CAMEO code, so these are checked against the code's segments.
FAITHS = frozenset({"MUS", "CHR", "JEW", "BUD", "HIN", "CTH", "PRO", "SHI", "SUN"})

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%B %d %Y")


def parse_when(value: Any) -> date | None:
    """``"2015-10-05"``, ``"10 May 2015"``, ``"today"`` → a date; anything else → ``None``."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.lower() == "today":
        return date.today()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(
                text.title() if "%B" in fmt or "%b" in fmt else text, fmt
            ).date()
        except ValueError:
            continue
    return None


def _country_ok(expected: Any, actor: Actor | None) -> bool:
    got = actor.country if actor else None
    code = (actor.code or "") if actor else ""
    if isinstance(expected, dict) and "not" in expected:
        banned = expected["not"]
        banned = banned if isinstance(banned, list) else [banned]
        return got not in banned
    if expected in ("", None):
        return got is None
    if expected in ("IGO", "NGO", "IMG"):  # any international body of that kind
        return code.startswith(expected)
    if expected == "UNO":
        return actor is not None and (actor.org == "UN" or code.startswith("IGOUNO"))
    if expected == "EUR":
        return actor is not None and (actor.org in ("EU", "EUR") or code.startswith("IGOEUR"))
    return got == expected


def _code_matches(want: str, actor: Actor | None) -> bool:
    """Does one expected code (PLOVER vocabulary) describe ``actor``?"""
    got = actor.sector if actor else None
    code = (actor.code or "") if actor else ""
    if want in FAITHS:
        segs = {code[i : i + 3] for i in range(0, len(code), 3)}
        return got == "REL" and want in segs
    if want in ("NGO", "IGO"):  # an organisation of that kind, whatever its field
        return got == want or code.startswith(want)
    return got in EXPECTED_SECTOR.get(want, frozenset({want}))


def _sector_ok(exp: dict[str, Any], actor: Actor | None) -> bool:
    want = exp["code_1"]
    if isinstance(want, dict) and "not" in want:
        banned = want["not"]
        banned = banned if isinstance(banned, list) else [banned]
        return not any(_code_matches(b, actor) for b in banned)
    accepted = [c for c in (want, exp.get("code_2")) if isinstance(c, str)]
    return any(_code_matches(c, actor) for c in accepted)


def _probe_dates(today: date) -> list[date]:
    return [date(y, 1, 1) for y in range(2000, today.year + 1)]


def evaluate_actors(
    path: Path,
    dictionary: ActorDictionary | None = None,
    places: PlaceLookup | None = None,
    *,
    with_places: bool = True,
    today: date | None = None,
) -> dict[str, Any]:
    """Country and sector accuracy of ``ActorDictionary.resolve`` over a JSONL file.

    ``places`` defaults to the packaged gazetteer (loaded here, about a second) unless
    ``with_places`` is False; ``today`` (default: the real day) is what "today" and rows
    without a date mean."""
    d = dictionary or default_dictionary()
    if places is None and with_places:
        from eventwire.resolve.places import Gazetteer  # loaded only when actors are scored

        places = Gazetteer.load()
    lookup = places if with_places else None
    today = today or date.today()
    n = n_country = n_sector = ok_country = ok_sector = skipped = stale = 0
    misses: list[dict[str, Any]] = []
    for lineno, row in jsonl_records(Path(path), "actor expectations file"):
        text, exp = row.get("actor"), row.get("expected") or {}
        if not isinstance(text, str) or not ({"country", "code_1"} & exp.keys()):
            skipped += 1  # wiki look-ups and list tests are not actor resolution
            continue
        if exp.get("code_1") == "????":
            exp = {k: v for k, v in exp.items() if k != "code_1"}
        n += 1
        when = row.get("date")
        on = parse_when(when) if when is not None else None
        if isinstance(when, str) and when.strip().lower() == "today":
            on = today
        actor = _resolve(d, text, on or today, row.get("context"), lookup)
        row_ok = True
        if "country" in exp:
            n_country += 1
            good = _country_ok(exp["country"], actor)
            ok_country += good
            row_ok &= good
        if "code_1" in exp:
            n_sector += 1
            good = _sector_ok(exp, actor)
            ok_sector += good
            row_ok &= good
            if not good and any(
                _sector_ok(exp, _resolve(d, text, probe, row.get("context"), lookup))
                for probe in _probe_dates(today)
            ):
                stale += 1
        if not row_ok:
            misses.append({"line": lineno, "actor": text, "expected": exp,
                           "got": None if actor is None else
                           {"country": actor.country, "org": actor.org, "sector": actor.sector,
                            "code": actor.code, "entry": actor.entry}})  # fmt: skip
    return {
        "country_accuracy": ok_country / n_country if n_country else 0.0,
        "sector_accuracy": ok_sector / n_sector if n_sector else 0.0,
        "n": n,
        "n_country": n_country,
        "n_sector": n_sector,
        "skipped": skipped,
        "as_of": today.isoformat(),
        "date_dependent_misses": stale,
        "misses": misses,
    }


def _resolve(
    d: ActorDictionary, text: str, on: date, context: Any, places: PlaceLookup | None
) -> Actor | None:
    """One row's actor; a context phrase ("Kosovo") lends its country when the phrase has none."""
    actor = d.resolve(text, on=on, places=places)
    if isinstance(context, str) and context.strip() and (actor is None or not actor.country):
        hint = d.resolve(context, places=places)
        if hint is not None and hint.country and not (actor and actor.org):
            base = actor or Actor(text=text)
            actor = Actor(base.text, hint.country, base.org, base.sector, base.code, base.entry)
    return actor
