"""The coding tables: CAMEO codes, the CAMEO → PLOVER crosswalk, and the verb/noun dictionaries.

Everything lives in plain-text TSVs under ``eventwire/data/`` so that users can read and extend
them without touching Python (see each file's header for where its facts come from):

    cameo_codes.tsv         CAMEO code → name, root, QuadClass, Goldstein
    cameo_plover.tsv        CAMEO → PLOVER type/mode/context (derived crosswalk)
    cameo_plover_extra.tsv  roots 01 (not events) and 02 (appeals → REQUEST), written by us
    plover_types.tsv        PLOVER types and their modes
    verbs.tsv               CAMEO.2.0 verb patterns, one row per (verb, pattern)
    verb_synsets.tsv        the synonym sets (&NAME) those patterns use
    triggers_extra.tsv      our nominal triggers, verb corrections and light verbs

``Ontology.load()`` reads and validates all of them once (a bad row raises ``DictionaryError``
naming file and line); lookups afterwards are dictionary hits, fast enough to run on every token.

Pattern matching: a pattern's words must all occur, in order, among the lemmas that follow the
verb in its clause (and, for words written before ``*``, among those before it). The pattern with
the most words wins; at equal length a row of our own table beats a CAMEO.2.0 row, then the
earlier row wins. With no pattern matching, the verb's default code applies. A matching code that
maps to no PLOVER type (01x statements, ``---``) means "not an event" and gives ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..tsv import Problems, is_float, read_rows

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_CODE_RE = re.compile(r"\d{2,4}")
_KINDS = ("noun", "verb", "light", "adj")


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """A CAMEO event code with its name, root, QuadClass (1-4) and Goldstein score (-10..10)."""

    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class Coding:
    """How one trigger is coded, and which dictionary row said so (for ``dict explain``)."""

    cameo_code: str
    plover_type: str
    plover_mode: str | None
    plover_context: str | None
    pattern: str
    # True for a CAMEO.2.0 verb's bare default code (no pattern word matched): the dictionary
    # then only knows the word ("give", "arrive"), not which event the clause reports.
    generic: bool = False


# A slot is one pattern word: any of its single-word alternatives, or one of its multi-word
# alternatives as consecutive lemmas. Stored as (single words, all first words, first word →
# multi-word alternatives) so that matching is one pass over the clause per slot.
Slot = tuple[frozenset[str], frozenset[str], dict[str, tuple[tuple[str, ...], ...]]]


def _slot(singles: set[str], multis: list[tuple[str, ...]]) -> Slot:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for m in multis:
        by_first.setdefault(m[0], []).append(m)
    firsts = frozenset(singles) | frozenset(by_first)
    return (frozenset(singles), firsts, {k: tuple(v) for k, v in by_first.items()})


@dataclass(slots=True)
class _Pattern:
    before: tuple[Slot, ...]
    after: tuple[Slot, ...]
    code: str
    where: str  # "verbs.tsv:123 urge * effort"
    rank: int  # higher wins: words, then our table, then earlier rows


@dataclass(slots=True)
class _Entry:
    """All patterns of one lemma (a verb, a phrasal verb "carry out", or a noun)."""

    default: _Pattern | None = None
    index: dict[str, list[_Pattern]] = field(default_factory=dict)  # first after-word → patterns
    before_only: list[_Pattern] = field(default_factory=list)
    patterns: list[_Pattern] = field(default_factory=list)

    def add(self, p: _Pattern) -> None:
        self.patterns.append(p)
        if p.after:
            for w in p.after[0][1]:
                self.index.setdefault(w, []).append(p)
        elif p.before:
            self.before_only.append(p)
        elif self.default is None or p.rank > self.default.rank:
            self.default = p


def _ancestors(code: str) -> list[str]:
    """``0871`` → 0871, 087, 08, 080: the code, its parents, then the root's general code."""
    out = [code[:n] for n in range(len(code), 1, -1)]
    out.append(code[:2] + "0")
    return out


class Ontology:
    """CAMEO/PLOVER tables plus the verb and noun dictionaries, loaded once and queried often."""

    def __init__(self) -> None:
        self._cameo: dict[str, CameoInfo] = {}
        self._crosswalk: dict[str, tuple[str, str | None, str | None] | None] = {}
        self._modes: dict[str, frozenset[str]] = {}
        self._synsets: dict[str, list[tuple[str, ...]]] = {}
        self._verbs: dict[str, _Entry] = {}
        self._nouns: dict[str, _Entry] = {}
        # adjectives a party says of itself ("said it was concerned by"): triggers_extra.tsv
        self._adjectives: dict[str, _Entry] = {}
        self._adjective_words: frozenset[str] = frozenset()
        self._multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # head → (rest, lemma)
        self._light: set[str] = set()
        self._triggers: frozenset[str] = frozenset()
        self._codings: dict[int, Coding | None] = {}
        self._plover_cache: dict[str, tuple[str, str | None, str | None] | None] = {}

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, data_dir: Path | None = None, *, problems: list[str] | None = None) -> Ontology:
        """Read and validate every table. With ``problems`` given, bad rows are listed there and
        skipped instead of raising ``DictionaryError``."""
        d = Path(data_dir) if data_dir is not None else DATA_DIR
        bad = Problems(problems)
        self = cls()
        self._load_plover_types(d / "plover_types.tsv", bad)
        self._load_cameo(d / "cameo_codes.tsv", bad)
        for name in ("cameo_plover.tsv", "cameo_plover_extra.tsv"):
            self._load_crosswalk(d / name, bad)
        self._load_synsets(d / "verb_synsets.tsv", bad)
        self._load_verbs(d / "verbs.tsv", bad)
        self._load_extra(d / "triggers_extra.tsv", bad)
        for entry in (*self._verbs.values(), *self._nouns.values(), *self._adjectives.values()):
            for lst in entry.index.values():
                lst.sort(key=lambda p: -p.rank)  # best first: matching stops at the first hit
        self._triggers = frozenset(self._trigger_words())
        self._adjective_words = frozenset(self._adjectives)
        return self

    def _load_plover_types(self, path: Path, bad: Problems) -> None:
        for no, (ptype, quad, score, needs, modes) in read_rows(
            path, ("type", "quad", "score", "requires_recipient", "modes"), bad
        ):
            if not re.fullmatch(r"[A-Z]+", ptype):
                bad(path, no, f"PLOVER type {ptype!r} is not an upper-case word")
            elif (
                quad not in ("1", "2", "3", "4")
                or needs not in ("yes", "no")
                or not is_float(score)
            ):
                bad(path, no, "quad must be 1-4, score a number, requires_recipient yes/no")
            else:
                self._modes[ptype] = frozenset(m for m in modes.split(";") if m)

    def _load_cameo(self, path: Path, bad: Problems) -> None:
        for no, (code, name, root, quad, gold) in read_rows(
            path, ("code", "name", "root", "quad_class", "goldstein"), bad
        ):
            if not _CODE_RE.fullmatch(code) or root != code[:2]:
                bad(path, no, f"bad CAMEO code {code!r} or root {root!r}")
            elif code in self._cameo:
                bad(path, no, f"duplicate CAMEO code {code}")
            elif quad not in ("1", "2", "3", "4") or not is_float(gold) or abs(float(gold)) > 10:
                bad(path, no, "quad_class must be 1-4 and goldstein a number in [-10, 10]")
            else:
                self._cameo[code] = CameoInfo(code, name, root, int(quad), float(gold))

    def _load_crosswalk(self, path: Path, bad: Problems) -> None:
        for no, (code, ptype, mode, context, _note) in read_rows(
            path, ("cameo_code", "plover_type", "mode", "context", "note"), bad
        ):
            if not _CODE_RE.fullmatch(code):
                bad(path, no, f"bad CAMEO code {code!r}")
            elif code in self._crosswalk:
                bad(path, no, f"CAMEO code {code} is already mapped")
            elif ptype and ptype not in self._modes:
                bad(path, no, f"unknown PLOVER type {ptype!r}")
            elif mode and mode not in self._modes[ptype]:
                bad(path, no, f"{mode!r} is not a mode of {ptype}")
            elif not ptype and (mode or context):
                bad(path, no, "mode or context given without a PLOVER type")
            else:
                self._crosswalk[code] = (ptype, mode or None, context or None) if ptype else None

    def _load_synsets(self, path: Path, bad: Problems) -> None:
        for no, (name, member, _line) in read_rows(path, ("name", "member", "source_line"), bad):
            words = tuple(member.split())
            if not re.fullmatch(r"&[A-Z0-9_]+", name) or not words:
                bad(path, no, f"synset name must look like &NAME and have a member: {name!r}")
            else:
                self._synsets.setdefault(name, []).append(words)

    def _slots(
        self,
        text: str,
        path: Path,
        no: int,
        bad: Problems,
        cache: dict[str, tuple[Slot, ...] | None],
    ) -> tuple[Slot, ...] | None:
        """Parse ``word a|b &NAME`` into slots (cached: many rows share a pattern)."""
        if text in cache:
            return cache[text]
        slots: list[Slot] = []
        for tok in text.split():
            if tok.startswith("&"):
                members = self._synsets.get(tok)
                if members is None:
                    bad(path, no, f"unknown synset {tok}")
                    cache[text] = None
                    return None
                slots.append(
                    _slot(
                        {m[0] for m in members if len(m) == 1}, [m for m in members if len(m) > 1]
                    )
                )
            elif all(a and a == a.lower() for a in tok.split("|")):
                slots.append(_slot(set(tok.split("|")), []))
            else:
                bad(path, no, f"pattern word {tok!r} must be lower-case lemmas (a|b) or &NAME")
                cache[text] = None
                return None
        cache[text] = tuple(slots)
        return cache[text]

    def _code_ok(self, code: str, path: Path, no: int, bad: Problems) -> bool:
        if code == "---" or (
            _CODE_RE.fullmatch(code) and (code in self._cameo or code in self._crosswalk)
        ):
            return True
        bad(path, no, f"unknown CAMEO code {code!r}")
        return False

    def _load_verbs(self, path: Path, bad: Problems) -> None:
        cache: dict[str, tuple[Slot, ...] | None] = {}
        for no, (lemma, before, after, code, _src) in read_rows(
            path, ("lemma", "before", "after", "code", "source_line"), bad
        ):
            if not lemma or lemma != lemma.lower():
                bad(path, no, f"lemma {lemma!r} must be lower-case")
                continue
            b, a = (
                self._slots(before, path, no, bad, cache),
                self._slots(after, path, no, bad, cache),
            )
            if b is None or a is None or not self._code_ok(code, path, no, bad):
                continue
            where = f"{path.name}:{no} {_show(before, lemma, after)}"
            self._add_verb(lemma, _Pattern(b, a, code, where, _rank(len(b) + len(a), 0, no)))

    def _load_extra(self, path: Path, bad: Problems) -> None:
        cache: dict[str, tuple[Slot, ...] | None] = {}
        likes: list[tuple[str, str, Path, int]] = []
        for no, (kind, lemma, before, after, code, like, _note) in read_rows(
            path, ("kind", "lemma", "before", "after", "code", "like", "note"), bad
        ):
            if kind not in _KINDS or not lemma or lemma != lemma.lower():
                bad(path, no, f"kind must be one of {'/'.join(_KINDS)} and lemma lower-case")
                continue
            if kind == "light":
                if code or before or after:
                    bad(path, no, "a light-verb row has only a lemma")
                else:
                    self._light.add(lemma)
                continue
            b, a = (
                self._slots(before, path, no, bad, cache),
                self._slots(after, path, no, bad, cache),
            )
            if b is None or a is None or not code or not self._code_ok(code, path, no, bad):
                if not code:
                    bad(path, no, "code is required for noun and verb rows")
                continue
            p = _Pattern(
                b,
                a,
                code,
                f"{path.name}:{no} {_show(before, lemma, after)}",
                _rank(len(b) + len(a), 1, no),
            )
            if kind == "noun":
                words = lemma.split()
                if len(words) > 1:  # "air strike": head noun last, the rest must precede it
                    pre = tuple(_slot({w}, []) for w in words[:-1])
                    p = _Pattern(
                        pre + b, a, code, p.where, _rank(len(pre) + len(b) + len(a), 1, no)
                    )
                self._nouns.setdefault(words[-1], _Entry()).add(p)
            elif kind == "adj":
                self._adjectives.setdefault(lemma, _Entry()).add(p)
            else:
                self._add_verb(lemma, p)
                if like:
                    likes.append((lemma, like, path, no))
        for lemma, like, lpath, no in likes:
            if like not in self._verbs:
                bad(lpath, no, f"'like' names {like!r}, which is not a verb in verbs.tsv")
                continue
            for p in self._verbs[like].patterns:
                if p.before or p.after:
                    self._verbs[lemma].add(p)

    def _add_verb(self, lemma: str, p: _Pattern) -> None:
        if lemma not in self._verbs:
            self._verbs[lemma] = _Entry()
            words = tuple(lemma.split())
            if len(words) > 1:
                self._multi.setdefault(words[0], []).append((words[1:], lemma))
        self._verbs[lemma].add(p)

    def _trigger_words(self) -> set[str]:
        out: set[str] = set()
        for table in (self._verbs, self._nouns, self._adjectives):
            for lemma, entry in table.items():
                if any(self._coding(p) is not None for p in entry.patterns):
                    out.add(lemma)
                    out.add(lemma.split()[0])
        for lemma in self._light:
            out.add(lemma)
            out.add(lemma.split()[0])
        return out

    # ------------------------------------------------------------------ code tables

    def cameo(self, code: str) -> CameoInfo:
        """Name, QuadClass and Goldstein of a CAMEO code; an unlisted code takes its nearest
        parent's values (``0871`` → ``087``). Raises ``KeyError`` for a code with no parent."""
        for c in _ancestors(code):
            info = self._cameo.get(c)
            if info is not None:
                return (
                    info
                    if c == code
                    else CameoInfo(code, info.name, info.root, info.quad_class, info.goldstein)
                )
        raise KeyError(f"unknown CAMEO code {code!r}")

    def plover(self, cameo_code: str) -> tuple[str, str | None, str | None] | None:
        """(type, mode, context) for a CAMEO code, from the nearest ancestor in the crosswalk;
        None when the code is not a PLOVER event (public statements, unknown codes)."""
        if cameo_code in self._plover_cache:
            return self._plover_cache[cameo_code]
        found = None
        if _CODE_RE.fullmatch(cameo_code):
            for c in _ancestors(cameo_code):
                if c in self._crosswalk:
                    found = self._crosswalk[c]
                    break
        self._plover_cache[cameo_code] = found
        return found

    def plover_modes(self) -> dict[str, frozenset[str]]:
        """Each PLOVER type with the modes it allows."""
        return dict(self._modes)

    def crosswalk_codes(self) -> frozenset[str]:
        """The CAMEO codes the crosswalk tables list (mapped to a type or to "not an event")."""
        return frozenset(self._crosswalk)

    # ------------------------------------------------------------------ triggers

    def is_trigger_lemma(self, lemma: str) -> bool:
        """Cheap pre-check: could this lemma start a codable event (verb, noun or light verb)?"""
        return lemma in self._triggers

    def trigger_lemmas(self) -> frozenset[str]:
        return self._triggers

    def trigger_requirements(
        self, *, saying: frozenset[str] = frozenset(), said_verbs: frozenset[str] = frozenset(),
        said_nouns: frozenset[str] = frozenset(), unsaid: frozenset[str] = frozenset(),
    ) -> dict[str, list[tuple[frozenset[str], ...]]]:
        """For each word that can start an event: what else its patterns need in the clause.

        One requirement per coded pattern, as a tuple of word sets of which each needs one member
        present (the pattern's before/after words, the rest of a phrasal verb "carry *out*"); an
        empty tuple means the word is an event on its own. Light verbs need nothing of their own:
        they code through an event noun, which has its own entry. The pre-filter uses this to ask,
        without a parse, whether any pattern could match in a sentence.

        Adjectives (but those in ``unsaid``), the verbs in ``said_verbs`` and the nouns in
        ``said_nouns`` code only as what a speaker says ("said the plan was reckless", "said
        Russia lied", "said the bill was a disaster"): they also need one of the ``saying`` words.
        """
        said_only = {id(self._verbs): said_verbs, id(self._nouns): said_nouns}
        out: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for table in (self._verbs, self._nouns, self._adjectives):
            for lemma, entry in table.items():
                words = lemma.split()
                key = words[0] if table is self._verbs else words[-1]
                rest = tuple(frozenset({w}) for w in words[1:]) if table is self._verbs else ()
                said = saying and (
                    key in said_only.get(id(table), frozenset()) or (table is self._adjectives and key not in unsaid)
                )
                for p in entry.patterns:
                    if self._coding(p) is not None:
                        slots = tuple(slot[1] for slot in (*p.before, *p.after))
                        out.setdefault(key, []).append(slots + rest + ((saying,) if said else ()))
        return out

    def code_verb(
        self,
        lemma: str,
        *,
        particles: Sequence[str] = (),
        after: Sequence[str] = (),
        before: Sequence[str] = (),
    ) -> Coding | None:
        """Code a verb from its lemma, its particles ("call *off*") and the lemmas that follow it
        in its clause (and optionally precede it). None: not an event verb, or no PLOVER event."""
        words = lemma.split()
        if not words:
            return None
        head = words[0]
        parts = tuple(words[1:]) + tuple(particles)
        after_t = tuple(after)
        if head in self._light or lemma in self._light:
            found = self._light_noun(after_t)
            if found is not None:
                return found
        for rest, key in self._multi.get(head, ()):
            seq = _consume(rest, parts, after_t)
            if seq is not None:
                if key in self._light:
                    found = self._light_noun(after_t)
                    if found is not None:
                        return found
                best = self._best(self._verbs[key], seq, before)
                if best is not None:
                    return self._coding(best)
        entry = self._verbs.get(head)
        if entry is None:
            return None
        best = self._best(entry, parts + after_t, before)
        return self._coding(best) if best is not None else None

    def code_noun(
        self, lemma: str, *, after: Sequence[str] = (), before: Sequence[str] = ()
    ) -> Coding | None:
        """Code an event noun ("airstrike", "incursion"); ``before`` are its modifiers ("air"
        strike), ``after`` the lemmas following it ("violation of *airspace*")."""
        words = lemma.replace("-", " ").split()
        if not words:
            return None
        entry = self._nouns.get(words[-1])
        if entry is None:
            return None
        best = None
        pre = tuple(words[:-1]) + tuple(before)
        post = tuple(after)
        for p in entry.patterns:
            if (
                (best is None or p.rank > best.rank)
                and _match(p.before, pre)
                and _match(p.after, post)
            ):
                best = p
        return self._coding(best) if best is not None else None

    def adjectives(self) -> frozenset[str]:
        """The adjectives with rows of their own (``code_adjective``)."""
        return self._adjective_words

    def code_adjective(self, lemma: str, *, after: Sequence[str] = ()) -> Coding | None:
        """Code an adjective a party says of itself ("concerned by the crackdown")."""
        entry = self._adjectives.get(lemma)
        if entry is None:
            return None
        best = None
        for p in entry.patterns:
            if (best is None or p.rank > best.rank) and _match(p.after, tuple(after)):
                best = p
        return self._coding(best) if best is not None else None

    def _light_noun(self, after: tuple[str, ...]) -> Coding | None:
        for i, w in enumerate(after):
            if w in self._nouns:
                found = self.code_noun(w, before=after[:i], after=after[i + 1 :])
                if found is not None:
                    return found
        return None

    def _best(self, entry: _Entry, seq: tuple[str, ...], before: Sequence[str]) -> _Pattern | None:
        best: _Pattern | None = None
        index = entry.index
        if seq and index:
            for w in set(seq):
                for p in index.get(w, ()):
                    if best is not None and p.rank <= best.rank:
                        break
                    if _match(p.after, seq) and (not p.before or _match(p.before, tuple(before))):
                        best = p
                        break
        if before:
            bt = tuple(before)
            for p in entry.before_only:
                if (best is None or p.rank > best.rank) and _match(p.before, bt):
                    best = p
        return best if best is not None else entry.default

    def _coding(self, p: _Pattern) -> Coding | None:
        key = id(p)
        if key in self._codings:
            return self._codings[key]
        out = None
        if p.code != "---":
            plover = self.plover(p.code)
            if plover is not None:
                generic = not p.before and not p.after and p.where.startswith("verbs.tsv:")
                out = Coding(p.code, plover[0], plover[1], plover[2], p.where, generic)
        self._codings[key] = out
        return out


def _consume(
    rest: tuple[str, ...], particles: tuple[str, ...], after: tuple[str, ...]
) -> tuple[str, ...] | None:
    """Match the rest of a phrasal verb ("out" of "carry out") against the particles or the words
    right after the verb; returns the words left for patterns, or None."""
    if all(r in particles for r in rest):
        left = list(particles)
        for r in rest:
            left.remove(r)
        return tuple(left) + after
    n = len(rest)
    if after[:n] == rest:
        return particles + after[n:]
    return None


def _match(slots: tuple[Slot, ...], seq: tuple[str, ...]) -> bool:
    """Do the slots occur in ``seq`` in this order (each at the earliest place it can)?"""
    pos = 0
    n = len(seq)
    for singles, firsts, multis in slots:
        for i in range(pos, n):
            w = seq[i]
            if w not in firsts:
                continue
            if w in singles:
                pos = i + 1
                break
            for m in multis[w]:
                if seq[i : i + len(m)] == m:
                    pos = i + len(m)
                    break
            else:
                continue
            break
        else:
            return False
    return True


def _rank(words: int, ours: int, line: int) -> int:
    return words * 10_000_000 + ours * 1_000_000 + (999_999 - min(line, 999_999))


def _show(before: str, lemma: str, after: str) -> str:
    """The pattern as a reader writes it, the verb in capitals where CAMEO writes ``*``."""
    return " ".join(x for x in (before, lemma.upper(), after) if x)
