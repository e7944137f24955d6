"""How many people a violent event killed and injured, as its sentence reports it.

News gives casualty figures in a handful of shapes, and this module reads those shapes from the
words, not from the parse (figures sit in participles and appositions the parse often misplaces):

- a casualty verb and its figure: "killed at least 43", "killing five and wounding 12",
  "left 30 people dead", "claimed the lives of 12";
- a figure and what befell it: "two soldiers died", "dozens were wounded", "4 dead, 10 hurt",
  "five soldiers and three civilians were killed" (the figures add up);
- a toll: "the death toll rose to 30", "a death toll of more than 4,100";
- none at all: "no one was hurt", "there were no casualties" give 0.

A figure is a ``Count(low, high, span)``: ``low`` the most conservative figure the words allow,
``high`` the largest, or None when they set no bound. Exact figures give both; "at least N",
"more than N" and "over N" give ``low`` N (the reported floor, as ACLED codes it) and no
``high``; "up to N", "as many as N" and "fewer than N" give ``low`` 1 and ``high`` N;
approximations ("about N", "nearly N", "some N") give N for both, the report's best figure;
"between N and M" and "N to M" give the range. Vague words follow ACLED's codebook: "tens"
10, "dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1000, "several" 3 and "many" 10,
each with no upper bound; "a few" and "a handful" give 2.

Figures that are not casualties stay out: a figure must stand next to a casualty word, and
figures of dates, ages ("a 43-year-old"), distances and durations ("43 km", "two days") never
count; nor do figures inside "including ..." or "among them ...", which are part of a total
already read. When a sentence gives several figures for the dead, the first is its count: news
gives the total first and the details after.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import Count, Mention, Span
from .numbers import Tok, digits, phrase_at, quantity, tokens

# PLOVER types whose events can kill or injure (a protest dispersed by force, a raid, a riot).
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})

KILLED, INJURED = "killed", "injured"

_KILL_VERBS = frozenset(
    "kill killed killing kills slew slain slaying massacred massacring murdered murdering "
    "executed executing beheaded lynched slaughtered slaughtering".split()
)
_INJURE_VERBS = frozenset("wounded wounding wound wounds injured injuring injure injures".split())
_DEAD_WORDS = frozenset(
    "killed dead died die dies dying slain perished murdered executed massacred beheaded "
    "lynched slaughtered deaths fatalities bodies corpses".split()
)
_HURT_WORDS = frozenset("wounded injured hurt injuries hospitalised hospitalized wounds".split())
_AUX = frozenset(
    "was were are is have has had been being reportedly also later all allegedly "
    "confirmed reported said believed feared thought known".split()
)
_STOP = frozenset(
    "and or but , ; : . ( ) including among while whereas after before when as in on at "
    "by with from said says".split()
)
_PARTS = (
    "including",
    "among them",
    "among whom",
    "among the dead",
    "of whom",
    "of them",
    "mostly",
    "most of them",
    "among those",
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty figure read from a sentence: what befell whom, and where it is said."""

    role: str  # "killed" | "injured"
    count: Count


def _role_after(toks: Sequence[Tok], j: int) -> tuple[str | None, int]:
    """The casualty word that follows a figure and its noun ("soldiers were killed"), if any.

    Skips up to six words of the noun phrase ("members of the security forces") and an
    auxiliary ("were", "have been"); stops at a clause break. Returns (role, index after)."""
    skipped = 0
    aux = False
    while j < len(toks) and skipped <= 8:
        word = toks[j].low
        aux = aux or word in _AUX
        if (
            not aux
            and (word in _KILL_VERBS or word in _INJURE_VERBS)
            and _takes_object(toks, j + 1)
        ):
            return None, j  # "two gunmen killed a policeman": the figure counts the killers
        if word in ("lost", "lose", "losing") and j + 2 < len(toks) and toks[j + 2].low == "lives":
            return KILLED, j + 3
        if word == "shot" and j + 1 < len(toks) and toks[j + 1].low == "dead":
            return KILLED, j + 2
        if (word in _DEAD_WORDS or word in _HURT_WORDS) and _both_roles(toks, j):
            return None, j
        if word in _DEAD_WORDS:
            return KILLED, j + 1
        if word in _HURT_WORDS:
            return INJURED, j + 1
        if (
            word in ("suffered", "sustained")
            and j + 1 < len(toks)
            and toks[j + 1].low in ("injuries", "wounds", "burns")
        ):
            return INJURED, j + 2
        if word in _STOP and word != "of" or digits(word) is not None:
            return None, j
        if word == "," and skipped:
            return None, j
        skipped += 1
        j += 1
    return None, j


_AFTER_PASSIVE = frozenset(
    "in on at by during near when after as while and or but , ; : . ) - yesterday today "
    "overnight earlier later so since".split()
)


def _takes_object(toks: Sequence[Tok], j: int) -> bool:
    """Whether a bare "killed" is active (an object follows) rather than a reduced passive."""
    if j < len(toks) and quantity(toks, j) is not None:
        return True  # "two bombers killed at least 10 people"
    return j < len(toks) and toks[j].low not in _AFTER_PASSIVE


def figures(sentence: str, base: int = 0) -> list[Figure]:
    """Every casualty figure the sentence reports (spans are offsets from ``base``)."""
    toks = tokens(sentence, base)
    found: list[Figure] = []
    used: set[int] = set()
    part_of = _parts(toks)
    found.extend(_zeros(toks))
    for i in range(len(toks)):
        if i in used or i in part_of:
            continue
        verb_role = _verb_role(toks, i)
        if verb_role is None and (k := _shot_dead(toks, i)) is not None:
            verb_role = (KILLED, k)
        if verb_role is not None:
            role, k = verb_role
            group = _group(toks, k, part_of)
            if group is not None:
                low, high, span, end = group
                if role == "left":  # "left 30 dead": the fate follows the figure
                    fate, _ = _role_after(toks, end)
                    if fate is None:
                        continue
                    role = fate
                found.append(Figure(role, Count(low, high, span)))
                used.update(range(k, end))
            continue
        toll = _toll(toks, i)
        if toll is not None:
            role, k = toll
            q = quantity(toks, k) if k < len(toks) else None
            if q is not None:
                low, high, first, n = q
                found.append(
                    Figure(role, Count(low, high, Span(toks[first].start, toks[k + n - 1].end)))
                )
                used.update(range(k, k + n))
            continue
        group = _group(toks, i, part_of, subject=True)
        if group is None:
            continue
        low, high, span, end = group
        after, _ = _role_after(toks, end)
        if after is not None:
            found.append(Figure(after, Count(low, high, span)))
            used.update(range(i, end))
    return found


def _both_roles(toks: Sequence[Tok], i: int) -> bool:
    """ "killed or wounded 26", "killing and wounding several", "were killed and injured": one
    figure for the dead and the hurt together, which is neither count."""
    verbs = _KILL_VERBS | _INJURE_VERBS | _DEAD_WORDS | _HURT_WORDS
    after = i + 2 < len(toks) and toks[i + 1].low in ("and", "or") and toks[i + 2].low in verbs
    before = i >= 2 and toks[i - 1].low in ("and", "or") and toks[i - 2].low in verbs
    return after or before


def _verb_role(toks: Sequence[Tok], i: int) -> tuple[str, int] | None:
    """A casualty verb at ``i`` taking a figure as its object: (role, index of the figure)."""
    word = toks[i].low
    if _both_roles(toks, i):
        return None
    if word in _KILL_VERBS:
        role = KILLED
    elif word in _INJURE_VERBS:
        role = INJURED
    elif word in ("left", "leaving", "leave", "leaves"):
        role = "left"  # "left 30 dead": the role comes after the figure
    elif word in ("claimed", "claiming", "claims", "claim") and i + 1 < len(toks):
        # "claimed 12 lives", "claiming the lives of 12"
        if (
            toks[i + 1].low == "the"
            and i + 3 < len(toks)
            and toks[i + 2].low == "lives"
            and toks[i + 3].low == "of"
        ):
            return KILLED, i + 4
        for j in range(i + 1, min(i + 6, len(toks))):
            if toks[j].low == "lives":
                return KILLED, i + 1
        return None
    else:
        return None
    k = i + 1
    if k < len(toks) and toks[k].low in ("off", "dead"):
        k += 1
    return role, k


def _shot_dead(toks: Sequence[Tok], i: int) -> int | None:
    """ "shot dead three men": the index of the figure, if any."""
    if i + 1 < len(toks) and toks[i].low == "shot" and toks[i + 1].low == "dead":
        return i + 2
    return None


_TOLL_VERBS = frozenset(
    "to at of reached hit is was stands stood passed exceeded topped climbed rose".split()
)


def _toll(toks: Sequence[Tok], i: int) -> tuple[str, int] | None:
    """ "the death toll rose to", "a death toll of", "the number of dead reached": (role, k)."""
    word = toks[i].low
    role = None
    if word == "toll" and i > 0 and toks[i - 1].low in ("death", "casualty", "fatality"):
        role = KILLED if toks[i - 1].low != "casualty" else None
    elif word == "toll" and i > 0 and toks[i - 1].low in ("injury",):
        role = INJURED
    elif word == "number" and i + 2 < len(toks) and toks[i + 1].low == "of":
        nxt = toks[i + 2].low
        role = KILLED if nxt in _DEAD_WORDS else INJURED if nxt in _HURT_WORDS else None
        if role is None and nxt == "people" and i + 3 < len(toks):
            after = toks[i + 3].low
            role = KILLED if after in _DEAD_WORDS else INJURED if after in _HURT_WORDS else None
    if role is None:
        return None
    for k in range(i + 1, min(i + 8, len(toks))):
        if toks[k].low in _TOLL_VERBS and quantity(toks, k + 1) is not None:
            return role, k + 1
        if toks[k].low in (".", ";"):
            break
    return None


def _group(
    toks: Sequence[Tok], i: int, part_of: set[int], *, subject: bool = False
) -> tuple[int, int | None, Span, int] | None:
    """Figures joined by "and" ("five soldiers and three civilians"): summed, with one span."""
    q = quantity(toks, i)
    if q is None or i in part_of:
        return None
    low, high, first, n = q
    opens = i == 0 or toks[i - 1].low in (",", ";", ".", "and", "when", "after", "as", "while")
    if subject and toks[first].low in ("a", "an") and n == 1 and not opens:
        return None  # "a soldier was killed" opens a clause; "in a clash" does not
    end = i + n
    end = _skip_noun(toks, end)
    last = end
    while end + 1 < len(toks) and toks[end].low in ("and", ","):
        nxt = quantity(toks, end + 1)
        if nxt is None or end + 1 in part_of:
            break
        stop = _skip_noun(toks, end + 1 + nxt[3])
        role, _ = _role_after(toks, stop)
        if not subject and role is not None:
            break  # "killed 3 and 12 were wounded": the 12 tell their own fate
        low += nxt[0]
        high = None if high is None or nxt[1] is None else high + nxt[1]
        end = last = stop
    span = Span(toks[first].start, toks[i + n - 1].end)  # the number words, not the qualifier
    return low, high, span, last


def _skip_noun(toks: Sequence[Tok], j: int) -> int:
    """Past the noun a figure counts ("people", "Afghan soldiers", "of them"), up to 5 words."""
    k = j
    while k < len(toks) and k - j < 5:
        word = toks[k].low
        if (
            word in _STOP
            or word in _AUX
            or word in _DEAD_WORDS
            or word in _HURT_WORDS
            or word in _KILL_VERBS
            or word in _INJURE_VERBS
            or not word[0].isalpha()
        ):
            break
        if word in ("lost", "shot", "suffered", "sustained"):
            break
        k += 1
    if (
        k < len(toks)
        and toks[k].low == "of"
        and k + 1 < len(toks)
        and toks[k + 1].low in ("them", "the", "those")
    ):
        k = _skip_noun(toks, k + 2)
    return k


def _parts(toks: Sequence[Tok]) -> set[int]:
    """Token indices inside "including ...", "among them ..." (parts of a total)."""
    inside: set[int] = set()
    for i in range(len(toks)):
        n = phrase_at(toks, i, _PARTS)
        if not n:
            continue
        j = i + n
        while j < len(toks) and toks[j].low not in (".", ";", "while", "whereas") and j - i < 12:
            if toks[j].low in _KILL_VERBS or toks[j].low in _INJURE_VERBS:
                break
            if (
                toks[j].low in ("and",)
                and j + 1 < len(toks)
                and (toks[j + 1].low in _KILL_VERBS or toks[j + 1].low in _INJURE_VERBS)
            ):
                break
            if (
                toks[j].low in ("were", "was")
                and j + 1 < len(toks)
                and toks[j + 1].low in (_HURT_WORDS | _DEAD_WORDS)
            ):
                break
            inside.add(j)
            j += 1
    return inside


def _zeros(toks: Sequence[Tok]) -> list[Figure]:
    """ "no one was hurt", "nobody was killed", "there were no casualties": 0."""
    out: list[Figure] = []
    for i, tok in enumerate(toks):
        word = tok.low
        if word in ("nobody", "none") or (
            word == "no" and i + 1 < len(toks) and toks[i + 1].low in ("one", "-")
        ):
            j = i + 1 + (word == "no") + (i + 2 < len(toks) and toks[i + 1].low == "-")
            role, end = _role_after(toks, j)
            if role is not None:
                out.append(Figure(role, Count(0, 0, Span(tok.start, toks[end - 1].end))))
        elif word == "no" and i + 1 < len(toks):
            nxt = toks[i + 1].low
            if (
                i > 1
                and toks[i - 1].low in ("of",)
                and toks[i - 2].low in ("reports", "report", "word")
            ):
                continue
            if i > 0 and toks[i - 1].low in ("with",):
                continue  # "with no immediate word"
            j = i + 1 + (nxt in ("immediate", "reported", "further", "other"))
            if j >= len(toks):
                continue
            noun = toks[j].low
            span = Span(tok.start, toks[j].end)
            if noun in ("casualties", "casualty"):
                out += [Figure(KILLED, Count(0, 0, span)), Figure(INJURED, Count(0, 0, span))]
            elif noun in ("deaths", "fatalities", "dead", "death"):
                out.append(Figure(KILLED, Count(0, 0, span)))
            elif noun in ("injuries", "injury", "injured", "wounded"):
                out.append(Figure(INJURED, Count(0, 0, span)))
            elif noun in ("one", "lives") and j + 1 < len(toks):
                continue
        elif word == "killing" and i + 1 < len(toks) and toks[i + 1].low in ("no", "nobody"):
            out.append(Figure(KILLED, Count(0, 0, Span(tok.start, toks[i + 1].end))))
    return out


# A sentence without any of these stems reports no casualties (a cheap test before reading it).
_ANY_CASUALTY = re.compile(
    r"kill|dead|die|death|wound|injur|hurt|slain|slew|massacr|murder|execut|behead|lynch|"
    r"slaughter|perish|lives|toll|casualt|fatalit|bodies|corpses|hospitali",
    re.IGNORECASE,
)


def casualties(sentence: str, base: int = 0) -> tuple[Count | None, Count | None]:
    """(killed, injured) reported by one sentence; None where it gives no figure."""
    if not _ANY_CASUALTY.search(sentence):
        return None, None
    by_role: dict[str, list[Count]] = {KILLED: [], INJURED: []}
    for fig in figures(sentence, base):
        by_role[fig.role].append(fig.count)
    return _first(by_role[KILLED]), _first(by_role[INJURED])


def _first(counts: list[Count]) -> Count | None:
    """The sentence's first figure for a role: news gives the total first and details after
    ("two were killed and four wounded in separate attacks: a policeman in ...")."""
    return min(counts, key=lambda c: c.span.start if c.span else 0) if counts else None


def with_casualties(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions, violent ones with the killed and injured counts their sentence reports.

    Each sentence is read once; every violent mention told in it gets its figures (the main
    event of a sentence carries the "..., killing five" that hangs off it)."""
    read: dict[Span, tuple[Count | None, Count | None]] = {}
    out = []
    for mention in mentions:
        if mention.plover_type not in VIOLENT_TYPES:
            out.append(mention)
            continue
        sent = mention.sentence
        if sent not in read:
            read[sent] = casualties(sent.of(text), sent.start)
        killed, injured = read[sent]
        out.append(
            replace(mention, killed=killed, injured=injured) if killed or injured else mention
        )
    return out


__all__ = ["VIOLENT_TYPES", "Figure", "casualties", "figures", "with_casualties"]
