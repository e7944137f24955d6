"""Modality: did the text report that the event happened?

News is full of events that did not happen: demanded ("urged Russia to cease its attacks"),
negated ("did not target Da'esh"), planned or threatened ("will strike"), conditional ("if
they attack"), denied ("denied shelling the town"). Coding them as facts is the commonest
complaint about event coders, so every mention gets one of `records.MODALITIES`, decided from
the dependency path between the trigger and the top of its sentence.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from ..records import DateRange
from .arguments import REPORTING_VERBS
from .syntax import ancestors_path, first_conjunct, for_clause, going_to, that_clause, to_infinitive

REQUEST_VERBS = frozenset(
    "urge call ask demand request appeal press push encourage implore beg order instruct "
    "tell invite exhort petition lobby".split()
)
# Verbs that put an act forward: what they propose in the subjunctive ("that X meet Y") is asked for.
SUGGESTING = frozenset({"suggest", "recommend"})  # "proposed slapping tariffs" is an intent (code.py)
# Nouns that say an event is missing: "the lack of a meeting"; "no sign of troops".
LACKING = frozenset({"lack", "absence"})
TRACES = frozenset({"sign", "trace", "evidence", "indication"})
# Prepositions that date a clause against another: what they govern happened.
WHEN_PREPS = frozenset({"after", "before", "during", "since", "until", "following", "upon", "while"})
FUTURE_VERBS = frozenset(
    "plan intend threaten want hope seek prepare aim vow promise pledge expect consider propose "
    "decide agree offer schedule try attempt refuse likely unlikely poised due ready willing "
    "prepared eager keen".split()
)
# Nouns of striving whose "to" act is not yet done ("efforts to end the war").
INTENT_NOUNS = frozenset("effort bid proposal push readiness willingness intention plea".split())
# Nouns whose "for"/"of" event is feared, foreseen, alleged or made an excuse of, not told as
# done ("a campaign marred by allegations of intimidation": the charge is news, the deed is not).
UNREAL_NOUNS = frozenset(
    "pretext excuse justification risk fear danger possibility prospect threat warning plan "
    "preparation opportunity chance allegation accusation claim rumour rumor suspicion".split()
)
# Nouns of leave or room to act, whose "to" act may or may not follow.
LEAVE_NOUNS = frozenset("time right power ability authority permission option freedom".split())
DENY_VERBS = frozenset("deny reject dismiss refute".split())
# Verbs that keep an act from happening: "barred X from entering", "stopped them from leaving".
# What one was unable to do did not happen ("fail" is a refusal in CAMEO: code.py REFUSING).
FAILING = frozenset({"unable", "incapable"})
PREVENT_VERBS = frozenset("bar ban prevent stop block prohibit forbid keep restrain preclude".split())
PERMIT_VERBS = frozenset({"allow", "permit", "let"})
# Verbs whose object happened whether or not they succeed: "failed to stop the attack".
UNDOING = PREVENT_VERBS | frozenset({"halt", "end", "cease", "avert", "contain", "repel", "deter"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Words of a time phrase that look forward from the day of writing.
FORWARD = frozenset({"next", "tomorrow", "coming", "upcoming", "later"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "'d"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# A past-tense clause these introduce tells what has happened, whatever its main clause says
# will happen: "will resume funding after Trump endorsed him" asserts the endorsement.
DONE_MARKS = frozenset({"after", "because", "since", "when", "as"})
# The complement slots through which a governing verb scopes over an embedded event.
SCOPE_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "conj", "advcl", "acl"})


def _subjunctive(verb: Token) -> bool:
    """ "that the White House meet Democrats", "that talks should resume": a bare or "should" verb."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return (verb.tag_ == "VB" and not auxiliaries - {"should", "be"}) or "should" in auxiliaries


def modality(trigger: Token, governor: Token | None = None) -> str:
    """Classify the trigger's modality; `governor` is a light verb carrying a nominal trigger."""
    for tok in (trigger, governor):
        if tok is None:
            continue
        if _negated(tok):
            return "negated"
        own = _own_modality(tok)
        if own:
            return own
    start = governor if governor is not None else trigger
    if _told_subject(start):
        return "asserted"
    if _imperative(start):
        return "requested"  # '"Withdraw your troops," Putin told Ukraine', "Resign now, Frank tells Oyegun"
    for ancestor, child in ancestors_path(start):
        lemma = ancestor.lemma_.lower()
        if child.dep_ not in SCOPE_DEPS:
            continue
        if child.dep_ == "advcl" and child.tag_ == "VBD" and any(
            c.dep_ == "mark" and c.lower_ in DONE_MARKS for c in child.children
        ):
            return "asserted"
        if ancestor.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ == "of" and (
            lemma in LACKING or (lemma in TRACES and _negated(ancestor))
        ):
            return "negated"  # "the lack of a bilateral meeting", "no sign of troops"
        if ancestor.pos_ == "NOUN" and child.dep_ == "prep" and lemma in UNREAL_NOUNS:
            return "hypothetical"  # "a pretext for South African attacks", "fears of a war"
        if ancestor.pos_ == "NOUN" and child.dep_ in ("acl", "ccomp") and that_clause(child):
            # "his offer that the two countries meet", "the demand that troops withdraw": the
            # content of a proposal or a demand is not done
            if lemma in REQUEST_VERBS:
                return "requested"
            if lemma in FUTURE_VERBS or lemma in INTENT_NOUNS:
                return "future"
        if ancestor.pos_ == "NOUN" and child.dep_ == "acl" and to_infinitive(child):
            # "the Russian request to meet Skripal", "a plan to visit Beijing", "efforts to end
            # the war": the act is asked for or meant, not done ("the decision to withdraw" is)
            if lemma in REQUEST_VERBS:
                return "requested"
            if lemma in FUTURE_VERBS or lemma in INTENT_NOUNS:
                return "future"
            if lemma in UNREAL_NOUNS or lemma in LEAVE_NOUNS:
                return "hypothetical"  # "time to appeal her ruling", "the right to strike"
        if going_to(child):
            return "future"  # "he's going to resign"
        if lemma in FAILING and child.dep_ == "xcomp":
            return "negated"  # "was unable to contact him": not done
        if lemma == "fail" and child.dep_ == "xcomp" and child != trigger and child.lemma_.lower() not in UNDOING:
            # "failed to produce a deal": not made ("failed to reach a deal" is itself a refusal,
            # code.py; "failed to stop the attack" tells the attack)
            return "negated"
        if lemma in SUGGESTING and (child.dep_ == "xcomp" or (child.dep_ == "ccomp" and _subjunctive(child))):
            return "requested"  # "suggested that the White House meet Democrats" (not "the data suggest that ...")
        if lemma in REQUEST_VERBS and (child.dep_ in ("xcomp", "ccomp", "prep", "pcomp", "dobj") or for_clause(child)):
            if child.dep_ == "dobj" and child.pos_ in ("PROPN", "PRON"):
                continue  # "urged Russia": Russia is the addressee, not the act
            if child.dep_ == "prep" and child.lower_ in WHEN_PREPS:
                continue  # "told reporters after meeting Merkel": the meeting was held
            if lemma == "tell" and child.dep_ == "ccomp":
                continue  # '"I assured him," he told reporters': telling what was done reports it
            return "requested"
        if lemma in ("cease", "stop", "halt", "end") and (
            child.dep_ in ("dobj", "xcomp", "pcomp") and ancestor != trigger
        ):
            # "cease its attacks" asserts past attacks but requests their end; the attack itself
            # is presupposed, not reported here.
            return "requested" if _under_request(ancestor) else "asserted"
        if lemma in PERMIT_VERBS and child.dep_ in ("xcomp", "ccomp") and _negated(ancestor):
            return "negated"  # "will not allow Iran to use missiles": kept from happening
        if lemma in PREVENT_VERBS and child.dep_ == "prep" and child.lower_ == "from":
            return "negated"  # "would bar the US from supplying assistance": kept from happening
        if lemma in FUTURE_VERBS and child.dep_ in ("xcomp", "ccomp"):
            return "future"
        if lemma in DENY_VERBS and child.dep_ in ("ccomp", "xcomp", "dobj", "pcomp"):
            return "denied"
        if child.dep_ in ("ccomp", "advcl", "xcomp") and (_negated(ancestor) or _own_modality(ancestor)):
            state = "negated" if _negated(ancestor) else _own_modality(ancestor)
            if state in ("hypothetical", "future"):
                return state
    if trigger.tag_ == "VBG" and trigger.dep_ in ("csubj", "nsubj", "csubjpass"):
        return "hypothetical"  # "defeating ISIS is a priority" states a goal, not an event
    return "asserted"


def _imperative(verb: Token) -> bool:
    """A verb in the imperative: the bare form opening its clause with no subject or auxiliary
    ("Resign now", '"Withdraw your troops," he said'). What one is told to do is asked for."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "advcl"):
        return False
    if verb.dep_ == "advcl" and verb.i > verb.head.i:
        return False  # a quote the model hangs off its reporting verb comes before it
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark") for c in verb.children):
        return False
    first = next((t for t in verb.subtree if not t.is_punct and not t.is_quote), None)
    return first is verb


def _negated(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "no"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and _nobody(child):
            return True
    return False


def _nobody(subject: Token) -> bool:
    """A subject that denies the act had a doer: "no minister challenged", "none of them",
    "nobody", "no one" (not "no fewer than twenty", where "no" bounds a number)."""
    if subject.lower_ in ("none", "nobody", "noone"):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _own_modality(tok: Token) -> str | None:
    for child in tok.children:
        word = child.lower_
        if child.dep_ in ("aux", "auxpass"):
            if word in FUTURE_AUX:
                return "future"
            if word in ("would", "'d") and _reported(tok) and not _conditional(tok):
                return "future"  # "said it would allow inspectors": a reported "will"
            if word in HYPOTHETICAL_AUX:
                return "hypothetical"
        if child.dep_ == "mark" and word in CONDITIONAL_MARKS:
            return "hypothetical"
    if tok.dep_ == "advcl":
        for child in tok.children:
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return "hypothetical"
    return None


def conditioned(tok: Token) -> bool:
    """The token is told inside an "if" or "unless" clause, at any depth ("if the party tells
    officials that it wants to withdraw")."""
    return any(child.dep_ == "advcl" and _conditional(child) for _, child in ancestors_path(tok))


def _reported(tok: Token) -> bool:
    """The clause reported by a verb of saying ("Iraq said it would ..."), or a clause
    coordinated with one ("said it would prohibit aid and would deny visas")."""
    tok = first_conjunct(tok)
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING_VERBS


def _conditional(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children)


def _under_request(tok: Token) -> bool:
    for ancestor, child in ancestors_path(tok):
        if ancestor.lemma_.lower() in REQUEST_VERBS and child.dep_ in ("xcomp", "ccomp", "pcomp", "prep"):
            return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in REQUEST_VERBS


# Times later on the publication day itself: "travels to Italy this evening", "meets him tonight".
LATER_TODAY = ("tonight", "this evening", "later today")


def ahead(verb: Token, when: DateRange | None, published: date | None, words: str) -> bool:
    """The act's time phrase looks forward and the act is not done yet: its date lies wholly
    after the article's ("next week", "tomorrow", "in the coming days"), or a present-tense act
    is set later on the day of publication ("Funaro, who travels to Italy this evening"). A
    weekday or a month alone is not enough: the date resolver may place "on Tuesday" or "in
    December" on the wrong side of publication."""
    said = " ".join(words.lower().split())
    present = verb.tag_ in ("VBZ", "VBP") or (
        verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re") for c in verb.children)
    )
    if present and any(w in said for w in LATER_TODAY):
        return True
    if when is None or published is None or when.start <= published:
        return False
    return any(w in FORWARD for w in said.split())


def may_not_yet(verb: Token) -> bool:
    """A modal of possibility on a negated verb: "may not agree" refuses nothing yet."""
    return any(c.dep_ == "aux" and c.lower_ in ("may", "might", "should") for c in verb.children)


def headline_future(verb: Token) -> bool:
    """A headline infinitive that is no one's complement ("Envoy to inspect consulate"), or one
    a headline reports ("Baldrige says U.S. to impose sanctions"): saying is no asking, so the
    "to" of what is said is a "will" too."""
    if not to_infinitive(verb):
        return False
    if verb.dep_ in ("ROOT", "acl", "relcl", "advcl"):
        return True
    return verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in ("say", "see", "expect")



def _told_subject(noun: Token) -> bool:
    """ "hoped Britain's condemnation of Trump would not harm ties": an event named with "the"
    or an owner as the subject of a clause is one already told; what the clause hopes or
    fears is about its effects."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in noun.children)
    )
