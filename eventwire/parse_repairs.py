"""Repairs of parses the English model gets wrong in a way news text makes common.

A wire story puts the day between a verb and its infinitive: "China vowed on Friday to fight the
U.S.", "the LNA agreed on 18 September to lift a blockade", "Turkey threatened Tuesday to
expel ten envoys". The model then reads the infinitive as an adverbial clause of purpose
(``advcl``), not as the verb's complement (``xcomp``), as it does without the date ("China vowed
to fight the U.S."), so every rule that reads a vow, a refusal or an agreement through its
complement misses it, and the vowed act is told as done. `ParseRepairs` relabels such an
infinitive ``xcomp``: only after a verb that takes an infinitive complement, with nothing but a
time phrase between the two and no object (after an object the infinitive may state a purpose:
"sent troops on Monday to help").

It also hangs a "that" clause on the proposal it states ("studying the offer by Greece that the
two countries meet"), where the model hangs it on the verb, so that the proposed meeting is read
as proposed, not held.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .extract.syntax import that_clause

TIMES = frozenset({"DATE", "TIME"})
# Verbs that take an infinitive as their complement; after any other verb the infinitive states
# a purpose ("Avril resigned yesterday to allow elections").
CONTROL_VERBS = frozenset(
    "vow pledge promise threaten agree refuse decline decide offer try attempt seek plan aim "
    "intend want hope expect fail vote move begin start continue prepare resolve undertake "
    "choose opt volunteer demand ask".split()
)
OBJECTS = frozenset({"dobj", "dative", "ccomp"})


def _time_word(token: Token) -> bool:
    """A word of a time phrase: "on Friday", "Tuesday", "late on 18 September"."""
    return token.ent_type_ in TIMES or (
        token.dep_ == "prep" and any(c.ent_type_ in TIMES for c in token.children)
    )


def _dated_complement(verb: Token) -> bool:
    """ "vowed on Friday *to fight*": an infinitive parsed as a clause of purpose, set apart from
    its verb by a time phrase alone."""
    head = verb.head
    if verb.dep_ != "advcl" or head.lemma_.lower() not in CONTROL_VERBS or head.i >= verb.i:
        return False
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    if any(c.dep_ in OBJECTS for c in head.children):
        return False
    between = head.doc[head.i + 1 : to.i]
    return len(between) > 0 and all(_time_word(t) for t in between)


# Nouns whose "that" clause is what they propose or ask: "the offer by Greece that the two
# countries meet" (the model hangs the clause on the verb that takes the offer).
PROPOSALS = frozenset("offer proposal suggestion demand request call plan idea proposition".split())


def _proposal_content(clause: Token) -> Token | None:
    """The proposal noun a "that" clause parsed as its verb's complement belongs to: the verb's
    object, between the verb and the clause ("studying the offer by Greece that they meet")."""
    verb = clause.head
    if clause.dep_ != "ccomp" or clause.i < verb.i:
        return None
    if not that_clause(clause):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    return obj if obj is not None and obj.lemma_.lower() in PROPOSALS else None


class ParseRepairs:
    """A pipeline step after the model's own: relabels dated infinitive complements, and hangs
    the content of a proposal on its noun."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.dep_ == "advcl" and _dated_complement(token):
                token.dep_ = "xcomp"
            elif token.dep_ == "ccomp" and (noun := _proposal_content(token)) is not None:
                token.head, token.dep_ = noun, "acl"
        return doc


@Language.factory("eventwire_parse_repairs")
def _make_parse_repairs(nlp: Language, name: str) -> ParseRepairs:
    return ParseRepairs()


def use_parse_repairs(nlp: Language) -> Language:
    """Add `ParseRepairs` as the last step of a model that parses (once)."""
    if "parser" in nlp.pipe_names and "eventwire_parse_repairs" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_parse_repairs", last=True)
    return nlp
