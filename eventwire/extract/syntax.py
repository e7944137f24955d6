"""Small, reusable questions about a spaCy dependency parse.

Extraction asks the same things of every trigger: who is the subject (following conjunctions,
control verbs and relative clauses), what is the object, which tokens belong to this clause and
not to a clause inside it, and what noun phrase names an argument. Keeping them here keeps
`extract/__init__.py` about events, not about tree walking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "attr", "oprd"})
CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "parataxis", "acl", "xcomp", "csubj"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
# Modifiers that belong to a noun phrase naming an actor; prepositions other than "of" do not
# ("aircraft over the weekend that had violated Turkish airspace" names an aircraft, not Turkey).
NP_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nmod", "nummod", "appos", "case", "flat", "punct", "cc",
     "conj", "quantmod", "npadvmod", "advmod"}
)
# Prepositions that introduce the other party of an event: "met with", "call on", "attack against".
TARGET_PREPS = ("with", "on", "against", "at", "upon", "to", "toward", "towards", "into", "over", "about")


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject token of a verb and whether it is a passive subject.

    Follows what English leaves implicit: a conjoined verb shares its head's subject ("met … and
    said"), a participle shares its governor's ("NATO issued a statement, urging Moscow"), and
    object control hands the object down ("urged Russia to cease": Russia ceases).
    """
    seen = 0
    while verb is not None and seen < 8:
        seen += 1
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return child, False
            if child.dep_ in PASSIVE_SUBJECTS:
                return child, True
        if verb.dep_ == "relcl":
            return verb.head, False
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head != verb:
            if verb.dep_ == "xcomp":
                obj = first_child(verb.head, ("dobj",))
                if obj is not None:
                    return obj, False
            if verb.dep_ == "ccomp":
                return None, False
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head
            continue
        if verb.dep_ == "acomp" and verb.head != verb:
            verb = verb.head  # "Israel was willing to withdraw": the copula's subject
            continue
        break
    return None, False


def agent(verb: Token) -> Token | None:
    """The `by`-agent of a passive verb or of an event noun ("attacks by the Russian Air Force")."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            obj = first_child(child, ("pobj",))
            if obj is not None:
                return obj
    return None


def first_child(token: Token, deps: Iterable[str]) -> Token | None:
    wanted = tuple(deps)
    for child in token.children:
        if child.dep_ in wanted:
            return child
    return None


def direct_object(verb: Token) -> Token | None:
    """The object of a verb: its direct object, else the object of a party-introducing preposition."""
    obj = first_child(verb, ("dobj",))
    if obj is not None:
        return obj
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            pobj = first_child(child, ("pobj",))
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
        if child.dep_ == "dative":
            return first_child(child, ("pobj",)) or child
    return None


def prep_object(token: Token, preps: Iterable[str]) -> Token | None:
    """Object of one of `preps` under `token`, looking through "with regard to X" and the like."""
    wanted = tuple(preps)
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in wanted:
            continue
        pobj = first_child(child, ("pobj",))
        if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
            continue
        if pobj.lemma_.lower() in ("regard", "respect", "relation"):
            inner = prep_object(pobj, ("to",))
            if inner is not None:
                return inner
        return pobj
    return None


def clause_tokens(trigger: Token, stop: Callable[[Token], bool] | None = None) -> list[Token]:
    """The trigger's subtree without the clauses embedded in it (they have their own events), and
    without the subtrees of tokens for which `stop` is true (event nouns with events of their own)."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            if stop is not None and stop(child):
                continue
            if child.dep_ == "conj" and child.pos_ == "VERB" and tok == trigger:
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without relative clauses or other PPs."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in NP_DEPS:
                if child.dep_ == "conj" and tok != head:
                    continue
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of" or child.dep_ == "pobj" and tok.dep_ == "prep":
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def text_of(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def ancestors_path(token: Token) -> Iterator[tuple[Token, Token]]:
    """Yield (ancestor, child-on-the-path) pairs from the token up to the root."""
    child = token
    while child.head != child:
        yield child.head, child
        child = child.head


def in_quotes(sentence: SpacySpan, token: Token) -> bool:
    """Whether a token sits inside a quotation within its paragraph (odd number of quotes before it)."""
    doc = token.doc
    before = doc.text[: token.idx]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


def relative_antecedent(pronoun: Token, is_event_noun) -> Token:
    """What a relative pronoun stands for.

    spaCy attaches a relative clause to the nearest noun, which is often wrong in news: in
    "intercepted an aircraft over the weekend that had violated …" the clause belongs to the
    aircraft, and in "attacks … on Hama, Homs, and Idlib, which led to casualties" to the attacks.
    """
    head = pronoun.head.head if pronoun.head.dep_ == "relcl" else pronoun.head
    walker = head
    for _ in range(6):  # up through coordinations and prepositions to an event noun
        if walker.pos_ == "NOUN" and is_event_noun(walker):
            return walker
        if walker.dep_ in ("conj", "pobj", "prep", "appos") and walker.head != walker:
            walker = walker.head
            continue
        break
    if head.ent_type_ in ("DATE", "TIME"):
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        obj = first_child(verb, ("dobj",))
        if obj is not None:
            return obj
    return head
