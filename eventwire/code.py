"""Code a trigger: CAMEO code and PLOVER type/mode for one verb or event noun in its clause.

The dictionaries (`ontology.Ontology`, derived from the CAMEO verb dictionary plus the project's own
tables) know words; this module knows a few constructions that words alone get wrong:

- light verbs carry a nominal event ("carried out airstrikes", "expressed concern"): the noun is
  the event, the verb only lends it a subject, so the verb itself is not coded;
- naming a thing in scare quotes or with a hostile epithet is criticism ("called Russia's
  airstrikes 'curious'"), whereas plain "call" means nothing by itself;
- frames change what an event word means (`reframe`): stopping cooperation is a sanction ("cut
  aid", "suspension of talks"), stopping force is a ceasefire ("cessation of hostilities"),
  committing to cooperate is AGREE and to use force is THREATEN ("willing to withdraw", "vowed to
  strike"), and withheld cooperation is REJECT ("did not agree", "refused to meet").
"""

from __future__ import annotations

from spacy.tokens import Token

from .extract.syntax import clause_tokens, first_child
from .ontology import Coding, Ontology

LIGHT_VERBS = frozenset(
    "carry launch conduct stage mount express voice hold make issue lodge file wage unleash step "
    "intensify resume persist continue begin start undertake perform execute escalate".split()
)
# Verbs that report speech or link clauses: they carry no event of their own ("the statement
# added", "which have argued that", "which led to casualties").
NON_EVENT_VERBS = frozenset(
    "say add note argue claim stress insist state read write report announce explain".split()
)
NON_EVENT_PHRASES = frozenset({("lead", "to"), ("result", "in")})
HOSTILE_EPITHETS = frozenset(
    "curious irresponsible illegal unacceptable dangerous provocative reckless outrageous "
    "criminal barbaric shameful absurd aggressive unjustified unlawful illegitimate".split()
)


STOPPING = frozenset(
    "reduce cut suspend halt freeze stop end withhold cancel terminate slash scrap curtail "
    "suspension cessation reduction cancellation termination".split()
)
COMMITTING = frozenset(
    "willing ready prepared eager agree promise pledge offer vow commit volunteer".split()
)
REFUSING = frozenset({"refuse", "decline", "reject"})
# Granting what was asked: "accepted the demands of protesters" accedes to them (CONCEDE).
ACCEDING = frozenset({"accept", "meet", "grant", "heed", "satisfy", "fulfil", "fulfill"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
# What stopping each kind of event amounts to (CAMEO codes).
STOPPED = {"AID": "162", "COOPERATE": "161", "SUPPORT": "161", "CONSULT": "164",
           "ASSAULT": "0871", "COERCE": "0871", "MOBILIZE": "0874"}
# Committing to an event: intent to cooperate (03x) or a threat (13x).
INTENDED = {"AID": "033", "COOPERATE": "031", "CONSULT": "036", "SUPPORT": "032",
            "CONCEDE": "035", "RETREAT": "035", "AGREE": "030",
            "ASSAULT": "138", "COERCE": "137", "MOBILIZE": "138", "SANCTION": "130",
            "PROTEST": "133"}


def frame_of(token: Token) -> Token | None:
    """The word whose complement or object this event word is ("cut [aid]", "suspension of [talks]")."""
    head = token.head
    if head == token:
        return None
    if token.dep_ == "compound":  # "ended [mediation] efforts": the frame of the whole phrase
        return frame_of(head) or head
    if token.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp"):
        return head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("of", "on", "to", "in"):
        return head.head
    return None


def reframe(token: Token, coding: Coding, ontology: Ontology) -> Coding:
    """Recode an event word by the frame around it; the pattern says which frame fired."""
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children) and not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in token.children
    )  # "areas not controlled by ISIS" describes, it refuses nothing
    frame = frame_of(token)
    frame_lemma = frame.lemma_.lower() if frame is not None else ""
    code, why = None, ""
    if coding.plover_type in COOPERATIVE and (negated or frame_lemma in REFUSING):
        code, why = "120", "refused"
    elif frame_lemma in ACCEDING and coding.plover_type == "REQUEST" and token.pos_ == "NOUN":
        code, why = "083", f"accede:{frame_lemma}"
    elif frame_lemma in STOPPING and coding.plover_type in STOPPED:
        code, why = STOPPED[coding.plover_type], f"stop:{frame_lemma}"
    elif frame_lemma in COMMITTING and token.dep_ == "xcomp" and coding.plover_type in INTENDED:
        code, why = INTENDED[coding.plover_type], f"intent:{frame_lemma}"
    elif _obliged(token) and coding.plover_type not in ("REQUEST", "THREATEN"):
        # "Russia says Israel must end attacks": what one party says another must do is a demand
        code, why = "100", "demand:must"
    elif (_future(token) or (token.dep_ == "dobj" and _future(token.head))) and (
        coding.plover_type in INTENDED and coding.plover_type != "AGREE"
    ):  # "will extend the curfew", "would boycott the talks", "will hold a protest"
        # PLOVER codes announced future cooperation as AGREE, announced force as THREATEN
        code, why = INTENDED[coding.plover_type], "intent:will"
    if code is None:
        return coding
    info = ontology.plover(code)
    if info is None:
        return coding
    return Coding(code, info[0], info[1], info[2], f"{why}: {coding.pattern}")


REPORTING = frozenset("say state insist stress tell warn declare argue".split())


def _obliged(token: Token) -> bool:
    """An act someone reports that another party *must* do ("X said Y must disarm")."""
    if token.pos_ != "VERB" or token.dep_ != "ccomp" or token.head.lemma_.lower() not in REPORTING:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in token.children):
        return False
    subj = first_child(token, ("nsubj", "nsubjpass"))
    reporter = first_child(token.head, ("nsubj",))
    return subj is not None and (reporter is None or reporter.lower_ != subj.lower_)


def _future(token: Token) -> bool:
    if token.pos_ != "VERB":
        return False
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "would") for c in token.children
    )


def carried_noun(verb: Token, ontology: Ontology) -> Token | None:
    """The event noun a light verb carries ("launched an offensive" → offensive), if any."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    obj = first_child(verb, ("dobj",))
    if obj is None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                obj = first_child(child, ("pobj",))
    if obj is not None and obj.pos_ == "NOUN" and ontology.code_noun(obj.lemma_.lower()) is not None:
        return obj
    return None


def light_governor(noun: Token) -> Token | None:
    """The light verb carrying this event noun, if the noun is its object."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "with":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.lemma_.lower() in LIGHT_VERBS else None


def code_trigger(token: Token, ontology: Ontology) -> Coding | None:
    """The coding of a trigger token, or None when it reports no codable event."""
    lemma = token.lemma_.lower()
    after = [t.lemma_.lower() for t in clause_tokens(token) if t.i > token.i][:12]
    if token.pos_ == "NOUN":
        # the noun's own modifiers decide its kind ("air strike", "suicide attack", "war games")
        before = [c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
        coding = ontology.code_noun(lemma, after=after, before=before)
        return reframe(token, coding, ontology) if coding is not None else None
    if token.pos_ != "VERB":
        return None
    if lemma in NON_EVENT_VERBS or carried_noun(token, ontology) is not None:
        return None
    if lemma in REFUSING and any(
        c.dep_ == "xcomp" and code_trigger(c, ontology) is not None for c in token.children
    ):
        return None  # "refused to meet B": the refused act, reframed, is the event
    if lemma in ("call", "phone", "telephone") and not any(
        (c.dep_ == "prt" or (c.dep_ == "prep" and c.i == token.i + 1))
        and c.lower_ in ("on", "for", "off", "upon")
        for c in token.children
    ):  # "called X on Tuesday" is no "call on"
        purpose = [
            c for c in token.children
            if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
        if purpose and ontology.is_trigger_lemma(purpose[0].lemma_.lower()):
            return None  # "called Erdogan to apologise": the apology is the event
        if lemma == "call" and _phone_call(token):
            info = ontology.plover("041")
            if info is not None:
                return Coding("041", info[0], info[1], info[2], "construction: call X (by phone)")
    if lemma == "call" and _visit_call(token):
        info = ontology.plover("042")
        if info is not None:
            return Coding("042", info[0], info[1], info[2], "construction: call on X (a visit)")
    epithet = _characterisation(token)
    if epithet is not None:
        info = ontology.plover("111")
        if info is None:
            return None
        return Coding("111", info[0], info[1], info[2], f"construction: call X '{epithet}'")
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.dep_ == "prep" and nxt.head == token:
        particles.append(nxt.lower_)
    if any((lemma, p) in NON_EVENT_PHRASES for p in particles):
        return None
    coding = ontology.code_verb(lemma, particles=particles, after=after)
    return reframe(token, coding, ontology) if coding is not None else None


def _phone_call(verb: Token) -> bool:
    """"called his counterpart on Tuesday": a person called, with no complement, is a phone call
    (not "called X a liar", "called X to apologise", "called for", "called off")."""
    obj = first_child(verb, ("dobj",))
    if obj is None or obj.pos_ not in ("PROPN", "NOUN") or first_child(verb, ("nsubjpass",)):
        return False
    return not any(
        c.dep_ in ("oprd", "xcomp", "ccomp", "advcl", "prt") for c in verb.children
    ) and not any(c.dep_ in ("oprd", "xcomp", "acl", "appos") for c in obj.children if c.pos_ != "PROPN")


def _visit_call(verb: Token) -> bool:
    """"called on the President" with nothing requested is a courtesy visit; "called on X to
    cease" or "called on X for restraint" is a request and stays with the dictionaries."""
    on = [c for c in verb.children if c.lower_ in ("on", "upon") and c.dep_ in ("prt", "prep")]
    if not on or on[0].i != verb.i + 1:
        return False
    for tok in verb.subtree:
        if tok.dep_ in ("xcomp", "advcl", "acl", "ccomp") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in tok.children
        ):
            return False
        if tok.lower_ in ("for", "to") and tok.dep_ in ("prep", "aux"):
            return False
    return True


def _characterisation(verb: Token) -> str | None:
    """"X called Y 'Z'" / "described Y as Z": criticism when Z is quoted or a hostile epithet."""
    if verb.lemma_.lower() not in ("call", "describe", "brand", "label", "term", "dub"):
        return None
    if first_child(verb, ("dobj", "nsubjpass")) is None:
        return None
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.pos_ not in ("ADJ", "NOUN"):
            continue
        if tok.dep_ not in ("oprd", "xcomp", "ccomp", "acomp", "pobj", "amod", "attr"):
            continue
        quoted = tok.i > 0 and tok.doc[tok.i - 1].text in ('"', "“", "'", "‘")
        if quoted or tok.lemma_.lower() in HOSTILE_EPITHETS:
            return tok.text
    return None
