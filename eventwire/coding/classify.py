"""Relation classification with known actors: what does the source do to the target?

When the two actors are given (as character spans), there is no need to recognise them: the event
is told by the words that connect them in the dependency tree. We walk from the target up to the
lowest common ancestor of the two actors and code the first trigger on the way — the most embedded
event that still governs the target ("sued the FBI", "condemned a court decision to …"), then the
ancestor itself, then the clauses above it. Coding goes through the same `code_trigger` as
extraction, so `eventwire dict explain` shows the same patterns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .code import code_trigger, recode
from .ontology import Coding, Ontology


@dataclass(frozen=True, slots=True)
class Classification:
    plover_type: str
    plover_mode: str | None
    cameo_code: str
    score: float
    trigger: tuple[int, int] | None = None  # character span of the word that decided
    pattern: str = ""


# CAMEO.2.0 gives many vague verbs the catch-all code of a root as their bare default: "give",
# "serve", "establish" → 060 (cooperate), "arrive", "join", "face" → 040 (consult), "back" → 050.
# Such a default says little about the relation; a more specific trigger on the path beats it.
WEAK_DEFAULTS = frozenset({"040", "050", "060"})
# ... and 060 ("engage in material cooperation") names no act at all: not even a last resort.
NO_FALLBACK = frozenset({"060"})


def classify_doc(
    doc: Doc,
    ontology: Ontology,
    source_span: tuple[int, int] | None,
    target_span: tuple[int, int] | None,
) -> Classification | None:
    """The coding of the relation between the two spans of a parsed sentence, or None."""
    source = _head(doc, source_span)
    target = _head(doc, target_span)
    fallback: tuple[int, Token, Coding] | None = None
    for rank, token in enumerate(_candidates(doc, source, target)):
        if not ontology.is_trigger_lemma(token.lemma_.lower()) or _describes_actor(
            token, source, source_span
        ):
            continue
        coding = code_trigger(token, ontology)
        if coding is None:
            continue
        if coding.generic and coding.cameo_code in WEAK_DEFAULTS:
            if fallback is None and coding.cameo_code not in NO_FALLBACK:
                fallback = (rank, token, coding)
            continue
        return _classification(rank, token, _for_target(coding, target, ontology))
    return _classification(*fallback) if fallback is not None else None


# Handing a person over to another state's courts: between the states it is judicial
# cooperation (CAMEO 063), but towards the person handed over it is legal action (PLOVER ACCUSE).
HANDING_OVER = frozenset({"extradite", "extradition", "deport", "deportation"})


def _for_target(coding: Coding, target: Token | None, ontology: Ontology) -> Coding:
    """The coding as seen from the target, when the target is the person acted upon."""
    if target is None or not coding.cameo_code.startswith("063"):
        return coding
    head = target.head
    if target.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif target.dep_ not in ("dobj", "nsubjpass"):
        return coding
    if head.lemma_.lower() not in HANDING_OVER:
        return coding
    return recode(ontology, coding, "115", "person handed over") or coding


def _classification(rank: int, token: Token, coding: Coding) -> Classification:
    score = max(0.3, 0.9 - 0.1 * rank) * (0.8 if coding.generic else 1.0)
    return Classification(
        coding.plover_type,
        coding.plover_mode,
        coding.cameo_code,
        round(score, 2),
        (token.idx, token.idx + len(token.text)),
        coding.pattern,
    )


def _describes_actor(
    token: Token, source: Token | None, source_span: tuple[int, int] | None
) -> bool:
    """Words that only describe an actor report no relation between the two: a participle
    used as an adjective ("the failed uprising", "captured former president Saddam Hussein",
    "a Russia-backed offensive"), or a word inside the source's own phrase ("the coalition
    fighting Houthi rebels"), unless it heads that phrase ("<s>Cuba's refusal</s> to engage")."""
    if token.dep_ == "amod" and token.tag_ in ("VBN", "VBD", "VBG"):
        return True
    if token.dep_ == "amod" and any(c.text == "-" for c in token.lefts):
        return True
    return (
        source_span is not None and token != source and source_span[0] <= token.idx < source_span[1]
    )


def _head(doc: Doc, span: tuple[int, int] | None) -> Token | None:
    if span is None:
        return None
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found.root if found is not None and len(found) else None


def _path_up(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head != path[-1]:
        path.append(path[-1].head)
    return path


# Verbs that hand the event to their complement: "ordered the arrest of B", "decided to lift
# sanctions on B", "voted to expel B".
DELEGATING = frozenset(
    {"order", "instruct", "direct", "authorize", "authorise", "allow", "permit", "decide", "vote"}
)

# Verbs of sending whose purpose clause tells what the envoys do ("sent experts to investigate").
SENDING = frozenset({"send", "dispatch"})
# Verbs that convey a text whose content is the event: "sent a letter threatening to cut
# funding", "issued a statement condemning the raid", "released a report criticising B".
CONVEYING = frozenset({"send", "issue", "publish", "release", "write", "deliver"})


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _candidates(doc: Doc, source: Token | None, target: Token | None) -> Iterator[Token]:
    """Tokens in the order they should be tried as the relation's trigger.

    The lowest common ancestor of the two actors first: it frames the relation ("rejected B's
    request", "agreed to withdraw from B", "accused B of attacks"). Below it, the path down to the
    target, nearest first; then the clauses above; then anything else, nearest the target first.
    A delegating verb ("ordered the arrest of B") yields to what it orders.
    """
    seen: set[int] = set()

    def fresh(tokens: list[Token]) -> Iterator[Token]:
        for tok in tokens:
            if tok.i not in seen:
                seen.add(tok.i)
                yield tok

    anchor = target or source
    if target is not None and source is not None:
        up_target = _path_up(target)
        up_source = {t.i for t in _path_up(source)}
        below: list[Token] = []
        for tok in up_target:
            below.append(tok)
            if tok.i in up_source:
                break
        lca = below[-1]
        down = list(reversed(below[1:-1]))
        verb = lca.lemma_.lower()
        if verb in DELEGATING or verb in SENDING or verb in CONVEYING:
            # "ordered the newspaper to suspend publication", "ordered them jailed", "sent a
            # team to Iran to investigate the crash", "sent a letter threatening to cut funds"
            ordered = [
                c
                for c in lca.children
                if c.pos_ == "VERB"
                and (
                    (verb in DELEGATING and c.dep_ in ("xcomp", "ccomp", "oprd"))
                    or (c.dep_ == "advcl" and verb in SENDING and _infinitive(c))
                    or (c.dep_ == "advcl" and verb in CONVEYING and c.tag_ == "VBG")
                )
            ]
            if verb in CONVEYING:
                ordered += [
                    c
                    for obj in lca.children
                    if obj.dep_ == "dobj"
                    for c in obj.children
                    if c.dep_ == "acl" and c.tag_ == "VBG"
                ]
            yield from fresh(down + ordered + [lca])
        else:
            yield from fresh([lca] + down)
        yield from fresh(below[:1])
        yield from fresh(_path_up(lca)[1:])
        yield from fresh(list(reversed(_path_up(source)[1:])))
    elif anchor is not None:
        yield from fresh(_path_up(anchor)[1:])
    rest = sorted(doc, key=lambda t: abs(t.i - anchor.i) if anchor is not None else t.i)
    yield from fresh([t for t in rest if t.pos_ in ("VERB", "NOUN")])
