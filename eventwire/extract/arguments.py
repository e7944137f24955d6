"""Who an event is aimed at when the parse does not say it plainly.

Helpers for `events.Extractor`: things acted on that name no actor ("condemned the legislation"),
the actor's own forces ("withdrew its troops"), the party addressed by a clausal complement
("demanded that X step down"), the named reporter behind a pronoun ("Farc said it would ..."),
who demands what another party "must" do, and which acts of a sentence name both parties.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..coding.code import predicative
from ..records import Actor, Mention
from .discourse import PERSONAL_PRONOUNS
from .syntax import agent, first_child, first_conjunct, saying_verb, subject, text_of

REPORTING_VERBS = frozenset(
    "say read add state tell declare note write announce insist argue claim stress confirm reiterate "
    "repeat indicate tweet post".split()
)

THING_ENTRY = "unresolved phrase"
# The entry of a name no dictionary lists: someone who acts, of no known country or body.
UNLISTED = "unresolved name"
RECIPROCAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE"})


def is_pronoun(token: Token) -> bool:
    """A personal pronoun, not a name spelled like one ("US" is the United States, not "us")."""
    return token.lower_ in PERSONAL_PRONOUNS and (token.pos_ == "PRON" or not token.text.isupper())


def complement_party(verb: Token, source: Token | None) -> Token | None:
    """Whom an act with a clausal complement addresses: the complement's subject ("demanded
    that X step down", "found X guilty", "threatened that if X ..."), else the object of an
    infinitive ("refused to allow two airlines to land")."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "oprd"):
            subj = first_child(child, ("nsubj", "nsubjpass"))
            if subj is not None and subj != source and not is_pronoun(subj):
                return subj
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            obj = first_child(child, ("dobj",))
            if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                return obj
    return None


def reporter(token: Token) -> Token:
    """"Farc has said it will release X": the pronoun subject of a reported clause is the
    reporter when the reporter is named, so the event points at the name itself."""
    if token.lower_ not in ("it", "they", "he", "she") or token.dep_ not in ("nsubj", "nsubjpass"):
        return token
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return token
    named, passive = subject(clause.head)  # not a dateline the parser made the subject
    if passive or named is None or is_pronoun(named) or named.pos_ not in ("PROPN", "NOUN"):
        return token
    if token.lower_ == "it" and (named.tag_ in ("NNS", "NNPS") or named.ent_type_ == "PERSON"):
        # "Republicans voted for it, saying it would help businesses": "it" is the bill
        return token
    return named


def own_thing(token: Token | None) -> bool:
    """"its troops", "their borders": the actor's own forces or things, not another party."""
    return token is not None and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in token.children
    )


def thing(token: Token, tokens: list[Token]) -> Actor | None:
    """What a verbal act is aimed at when it names no actor ("condemned the legislation",
    "welcomed the decision"): the phrase is kept as the target, with no country, so the event
    records what was acted on. Pronouns and time phrases are no target."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("DATE", "TIME"):
        return None
    return Actor(text=text_of(tokens), entry=THING_ENTRY)


def demand_parties(verb: Token) -> tuple[Token, Token] | None:
    """Who demands and of whom, for "X said Y must V": the reporter and the reported subject."""
    clause = verb
    if verb.dep_ == "pobj" and verb.head.lower_ == "of" and verb.head.head.dep_ == "attr":
        clause = verb.head.head  # "said the launch was an act of aggression": the act is said of it
    if verb.dep_ == "amod" and verb.head.dep_ == "attr":
        clause = verb.head  # "said Trump was a dangerous man": the man he is said to be
    while (clause.dep_ in ("xcomp", "acomp", "attr") or predicative(clause)) and clause.head != clause:
        clause = clause.head  # "said the plan was a disgrace", "said Russia was behind it": up to the reported clause
    reported = first_conjunct(clause)  # "said the tariffs were lawful and objections were baseless"
    said = saying_verb(reported)
    if said is None:
        return None
    speaker, passive = subject(said)
    addressee = first_child(clause, ("nsubj", "nsubjpass"))
    if speaker is None or passive or addressee is None:
        return None
    doer = agent(verb) if verb.pos_ == "NOUN" else None
    return speaker, doer or addressee  # "said the launch was aggression by Iran": Iran's


def _is_party(actor: Actor | None) -> bool:
    return actor is not None and actor.entry != THING_ENTRY


def with_parties(coded: list[tuple[Token, Mention]]) -> list[Mention]:
    """When a sentence reports an act between two parties, leave out its other acts that name
    no party on one side ("X accused Y of violations, which it said raised tensions"): those
    are what the main act is about, or a side remark whose actor the sentence does not say,
    not a second piece of news. A sentence whose acts all lack a party keeps them all."""
    complete = [m for _, m in coded if _is_party(m.source) and _is_party(m.target)]
    if not any(m.modality == "asserted" for m in complete):
        return [m for _, m in coded]
    # an act told by a verb joined to the main one is news of its own ("Trump has eliminated
    # protections for Dreamers, but has asked Congress to act")
    joined = {c.i for t, m in coded if m in complete for c in t.conjuncts}
    return [
        m for t, m in coded
        if m in complete
        # a deployment or alert has no other side to name ("ordered its armed forces to defend ...")
        or (_is_party(m.source) and m.plover_type == "MOBILIZE")
        or (t.i in joined and m.source is not None and m.source.key is not None)
    ]
