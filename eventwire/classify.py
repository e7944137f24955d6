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

from .code import code_trigger
from .ontology import Ontology


@dataclass(frozen=True, slots=True)
class Classification:
    plover_type: str
    plover_mode: str | None
    cameo_code: str
    score: float
    trigger: tuple[int, int] | None = None  # character span of the word that decided
    pattern: str = ""


def classify_doc(
    doc: Doc,
    ontology: Ontology,
    source_span: tuple[int, int] | None,
    target_span: tuple[int, int] | None,
) -> Classification | None:
    """The coding of the relation between the two spans of a parsed sentence, or None."""
    source = _head(doc, source_span)
    target = _head(doc, target_span)
    for rank, token in enumerate(_candidates(doc, source, target)):
        if not ontology.is_trigger_lemma(token.lemma_.lower()):
            continue
        coding = code_trigger(token, ontology)
        if coding is None:
            continue
        score = max(0.3, 0.9 - 0.1 * rank)
        return Classification(
            coding.plover_type,
            coding.plover_mode,
            coding.cameo_code,
            round(score, 2),
            (token.idx, token.idx + len(token.text)),
            coding.pattern,
        )
    return None


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
        if lca.lemma_.lower() in DELEGATING:
            # "ordered the newspaper to suspend publication", "ordered them jailed"
            ordered = [
                c for c in lca.children
                if c.dep_ in ("xcomp", "ccomp", "oprd") and c.pos_ == "VERB"
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
