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
  strike"), and withheld cooperation is REJECT ("did not agree", "refused to meet", "will not
  begin talks");
- material acts are recoded by what they are for and who does them (`_material`): troops on a
  peacekeeping mission are AID, armed forces seizing a place use force (ASSAULT), protesters
  damaging property riot (PROTEST), an object given back is RETREAT ("returned a statue to X");
- a verb can hand its event to a complement: "wants to attack" (a threat), "wants X to attack" (a
  request), "pressured X to call off the strike" (a demand), "convicted and sentenced to prison";
- pattern words are read as the clause's logical object: a passive subject counts ("inspectors
  were expelled"), adjunct events do not ("detained twelve men following a fire").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..extract.syntax import (
    clause_tokens,
    first_child,
    first_conjunct,
    for_clause,
    going_to,
    phrase_tokens,
    prep_object,
    saying_verb,
    text_of,
    to_infinitive,
)
from .ontology import Coding, Ontology
from .senses import (
    HOSTILE_EPITHETS,
    NAMING,
    POLICY_NOUNS,
    a_view,
    about,
    answered,
    armed_subject,
    called_a_thing,
    describes,
    dismissal,
    epithet_of,
    labour_strike,
    legal_appeal,
    named_as,
    no_comment,
    phone_call,
    rallied,
    reached_a_mark,
    territory,
    undone,
    visit_call,
)

LIGHT_VERBS = frozenset(
    "carry launch conduct stage mount express voice hold make issue lodge file wage unleash step "
    "intensify resume persist continue begin start undertake perform execute escalate join renew repeat "
    "reiterate restate reissue".split()
)
# Verbs whose "with" phrase is the act they report: "responded with demands that he quit",
# "came forward with allegations against him".
ANSWERING_WITH = frozenset({"respond", "react", "reply", "come"})
# Verbs that, with "ahead" or "forward", go on with the act of their "with" phrase.
ONWARD_VERBS = frozenset({"go", "press", "push", "move", "forge"})
# Verbs that report speech or link clauses: they carry no event of their own ("the statement
# added", "which have argued that", "which led to casualties").
NON_EVENT_VERBS = frozenset(
    "say add note argue claim stress insist state read write report announce explain".split()
)
NON_EVENT_PHRASES = frozenset({("lead", "to"), ("result", "in")})


STOPPING = frozenset(
    "reduce cut suspend halt cease freeze stop end withhold cancel terminate slash scrap curtail "
    "suspension cessation reduction cancellation termination".split()
)
COMMITTING = frozenset(
    "willing ready prepared eager agree promise pledge offer vow commit volunteer".split()
)
REFUSING = frozenset({"refuse", "decline", "reject", "fail"})
# Verbs of striving for an act not yet done.
ATTEMPTING = frozenset({"try", "attempt", "strive", "work", "struggle", "scramble", "race", "labor", "labour"})
# Proposing a measure against another party, or announcing plans for one, threatens it (CAMEO
# 13x): "proposed slapping tariffs on China", "announced plans to tax American products". A plan
# only reported ("Russia plans to strike") is a future act, not yet a threat.
PROPOSING = frozenset({"propose"})
PLANS = frozenset({"plan", "proposal"})
ANNOUNCING = frozenset({"announce", "unveil", "outline", "present", "reveal", "disclose", "submit"})
BOYCOTTING = frozenset({"boycott", "embargo"})
PRESSING = frozenset({"pressure", "press", "pressurise", "pressurize", "push", "challenge", "dare", "tell"})
ENCOURAGING = frozenset({"encourage", "invite", "lobby"})
# What a speaker says another is in a deed ("says Russia was involved in the attack"): a charge.
CULPABLE = frozenset({"responsible", "involved", "complicit", "behind"})
# Verdicts on what the subject did: "said Trump was wrong to fire Comey".
SAID_OF_SUBJECT = frozenset({"wrong", "mistaken", "right"})
# Who may be asked to act by name: "wants Britain to answer" ("wants the girls to rest" asks no one).
NAMED_PARTIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})
VERDICTS = frozenset({"convict", "find"})
# Wanting an act: one's own act is an intent ("wants to attack B": a threat), another party's act
# is a request ("wants A to attack B").
WANTING = frozenset({"want", "wish", "intend"})
# Receiving an act's object: the act is the giver's ("received aid from X": X aids; "drew
# criticism from Democrats", "faced criticism from Democrats": they criticise).
RECEIVING = frozenset({"receive", "draw", "face", "earn", "win"})
# What one "comes under" from another: words against it, or, from armed men, fire.
UNDERGONE = frozenset({"fire", "attack", "criticism", "scrutiny", "assault"})
# What a party receives or wins from another that no noun row codes on its own ("support for
# the bill" is an opinion): so received, it is the giver's backing of the receiver.
BACKING = frozenset({"support", "backing"})
WINNING = RECEIVING | frozenset({"win", "gain", "secure"})
SENTENCING = frozenset({"sentence", "jail", "imprison"})
# Granting what was asked: "accepted the demands of protesters" accedes to them (CONCEDE).
ACCEDING = frozenset({"accept", "meet", "grant", "heed", "satisfy", "fulfil", "fulfill"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
FORCE = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
# What stopping each kind of event amounts to (CAMEO codes).
STOPPED = {
    "AID": "162",
    "COOPERATE": "161",
    "SUPPORT": "161",
    "CONSULT": "164",
    "ASSAULT": "0871",
    "COERCE": "0871",
    "MOBILIZE": "0874",
}
# Committing to an event: intent to cooperate (03x) or a threat (13x).
INTENDED = {
    "AID": "033",
    "COOPERATE": "031",
    "CONSULT": "036",
    "SUPPORT": "032",
    "CONCEDE": "035",
    "RETREAT": "035",
    "AGREE": "030",
    "ASSAULT": "138",
    "COERCE": "137",
    "MOBILIZE": "138",
    "SANCTION": "130",
    "PROTEST": "133",
}


# Verbs whose negated future warns: "will not allow", "would not tolerate".
TOLERATING = frozenset({"allow", "permit", "tolerate", "let"})


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
    negated = _negated(token) or (
        # "will not begin talks", "did not hold a meeting": the negated light verb's event
        token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS and _negated(token.head)
    )
    frame = frame_of(token)
    frame_lemma = frame.lemma_.lower() if frame is not None else ""
    code, why = None, ""
    if negated and token.lemma_.lower() in TOLERATING and _future(token):
        # "the US will not allow Iran to choke off shipping", "would not tolerate a coup": a
        # warning of what the speaker would do, no refusal of anything asked
        code, why = "130", "warning: will not allow"
    elif coding.plover_type in COOPERATIVE and (
        (negated and token.lemma_.lower() not in OFFERS) or frame_lemma in REFUSING
    ):  # "did not offer any proposal" is no offer, and no refusal either
        code, why = "120", "refused"
    elif frame_lemma in ACCEDING and coding.plover_type == "REQUEST" and token.pos_ == "NOUN":
        code, why = "083", f"accede:{frame_lemma}"
    elif frame_lemma in STOPPING and coding.plover_type in STOPPED:
        code, why = STOPPED[coding.plover_type], f"stop:{frame_lemma}"
    elif _obliged(token) and coding.plover_type not in ("REQUEST", "THREATEN") and not judged_due(token):
        # "Russia says Israel must end attacks", "said the EU must be ready to mediate": what
        # one party says another must do is a demand ("Trump should be applauded" praises him)
        code, why = "100", "demand:must"
    elif frame_lemma in COMMITTING and token.dep_ == "xcomp" and coding.plover_type in INTENDED:
        if not measure_decided(token, coding):
            code, why = INTENDED[coding.plover_type], f"intent:{frame_lemma}"
    elif coding.plover_type in HOSTILE and (
        (frame_lemma in PROPOSING and token.dep_ == "xcomp" and not _hedged(frame))
        or (
            token.dep_ == "acl"
            and token.head.lemma_.lower() in PLANS
            and token.head.head.lemma_.lower() in ANNOUNCING
        )
    ):
        code, why = INTENDED[coding.plover_type], "intent:plan"
    elif token.lemma_.lower() in BOYCOTTING and _future(token) and not negated:
        # "said they will boycott the meeting": an announced boycott threatens one (CAMEO 1312)
        code, why = "1312", "intent:will"
    elif (_future(token) or (token.dep_ == "dobj" and _future(token.head)) or _future_with(token)) and (
        coding.plover_type in INTENDED and coding.plover_type != "AGREE" and not measure_decided(token, coding)
        and not (coding.plover_type == "CONSULT" and (_would(token) or under_way(token)))
    ):  # "will extend the curfew", "would boycott the talks", "will hold a protest"
        # PLOVER codes announced future cooperation as AGREE, announced force as THREATEN; a
        # meeting someone says "would" happen is hearsay of a plan, no meeting scheduled
        code, why = INTENDED[coding.plover_type], "intent:will"
    if code is None:
        return coding
    return recode(ontology, coding, code, why) or coding


def attempted(token: Token) -> bool:
    """ "trying to reach a deal", "racing to finalise a deal": the act is striven for, not done."""
    frame = frame_of(token)
    if token.dep_ == "dobj" and frame is not None and frame.dep_ == "xcomp":
        token, frame = frame, frame.head  # the deal is what the verb striven for makes
    return token.dep_ == "xcomp" and frame is not None and frame.lemma_.lower() in ATTEMPTING


def _future_with(token: Token) -> bool:
    """ "would go ahead with planned tariffs": the act of a future verb's "with" phrase."""
    if token.dep_ != "pobj" or token.head.lower_ != "with":
        return False
    verb = token.head.head
    return _going_ahead(verb) and _future(verb)


# Verbs that end what is under way: "will wrap up his visit to Seoul" is visiting now.
CONCLUDING = frozenset({"wrap", "conclude", "finish", "end", "complete", "wind"})


def under_way(token: Token) -> bool:
    """A meeting or visit that a future verb only ends: it is happening as the text is written."""
    verb = token.head if token.dep_ == "dobj" else token
    return verb.lemma_.lower() in CONCLUDING


def measure_decided(token: Token, coding: Coding) -> bool:
    """ "The European Union has agreed to ban airlines in Belarus", "the EPA announced it will
    bar certain scientists": a body agreeing, with no one else, to a measure against another, or
    announcing one, has decided it; the measure is the news, told as taken (agreeing with a
    party to act is a commitment to come)."""
    frame = frame_of(token)
    announced = frame is not None and frame.lemma_.lower() == "announce" and token.dep_ == "ccomp"
    return (
        frame is not None
        and (frame.lemma_.lower() in ("agree", "decide") or announced)
        and coding.plover_type in ("SANCTION", "COERCE")
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in frame.children)
    )


def coded(ontology: Ontology, code: str, why: str) -> Coding | None:
    """CAMEO `code` with its PLOVER type, `why` telling the construction that gave it; None when
    the code has no PLOVER type."""
    info = ontology.plover(code)
    return None if info is None else Coding(code, info[0], info[1], info[2], why)


def recode(ontology: Ontology, coding: Coding, code: str, why: str) -> Coding | None:
    """`coding` re-read as CAMEO `code` by a frame, the frame named before the pattern that
    matched."""
    return coded(ontology, code, f"{why}: {coding.pattern}")


REPORTING = frozenset(
    "say state insist stress tell warn declare argue announce reiterate add repeat emphasize emphasise "
    # a court's words: "the judge ruled that the administration must allow ..." (a demand),
    # "ruled that the ban was unconstitutional" (a charge)
    "rule".split()
)


# Words that start an event only through a construction of this module, not through a table
# row: the pre-filter (`prefilter.py`) keeps a sentence that has one with the words it needs
# ("told Russia *to* leave", "*said* the US should stay").
CONSTRUCTIONS: dict[str, list[tuple[frozenset[str], ...]]] = {
    "tell": [(frozenset({"to"}),), (frozenset({"phone", "telephone"}),)],
    "should": [(REPORTING,)],
    "must": [(REPORTING,)],
    # "the Senate confirmed Powell" (a named nominee): only where a confirming body is named
    "confirm": [(frozenset({"senate", "committee", "parliament", "lawmaker", "vote"}),)],
}


# Wrongs that are news only as what one party says another did ("Mattis said the Russians have
# violated the treaty", "claimed the agency misled Congress"): the saying is an accusation
# (CAMEO 112). Told by the journalist, or denied, they are no event of their own.
CLAIMED_WRONGS = frozenset(
    "violate breach flout lie cheat meddle mislead deceive collude betray rig obstruct err blunder "
    "abuse ignore undermine interfere hide conceal sabotage exploit manipulate discriminate smear defame "
    "politicize politicise weaponize weaponise squander fabricate falsify fail discredit slander".split()
)
# Deeds that are wrongs by what is done: "said Sessions committed perjury", "said Goodlatte was
# spreading lies" (CAMEO.2.0 codes "commit a crime" as violence, 180; a politician's is a charge).
FALSEHOODS = frozenset("lie falsehood misinformation disinformation propaganda untruth rumor rumour".split())
WRONG_BY_OBJECT = {
    "commit": frozenset(
        "perjury fraud treason crime offense offence felony misdemeanor misdemeanour misconduct "
        "wrongdoing violation infraction obstruction sedition bribery corruption".split()
    ),
    "spread": FALSEHOODS,
    "peddle": FALSEHOODS,
}
# What an office holder abuses: "abused the power given to her" is a wrong of office, no force.
OFFICE = frozenset("power authority office position trust privilege mandate".split())
# Of those, the words no verb table codes on their own: listed in triggers_extra.tsv only so
# that they start an event, they code none unless claimed.
ONLY_CLAIMED = frozenset(
    "lie cheat meddle mislead deceive collude rig err blunder hide conceal exploit manipulate discriminate "
    "smear defame politicize politicise weaponize weaponise squander fabricate falsify spread peddle discredit slander".split()
)
CLAIMING = REPORTING | frozenset("claim allege charge contend assert believe tweet write suggest complain".split())
# Nouns a party calls another's deed or policy ("said the plan was a disgrace"): triggers_extra.tsv
# lists them so that they start an event; only said of a subject do they code one.
EPITHET_NOUNS = frozenset(
    "disgrace insult travesty sham farce hoax scam outrage embarrassment tyranny abuse betrayal "
    "aggression provocation piracy giveaway handout boondoggle waste disaster catastrophe joke liar clown fraud failure "
    "mistake".split()
)


# Nouns that praise what they are said of ("said the deal was a breakthrough"); a "step" only
# with a word that says it is a good one ("an important step", "a step in the right direction").
PRAISE_NOUNS = frozenset("success victory achievement breakthrough milestone step".split())
GOOD_STEP = frozenset("good important positive great significant historic welcome right major".split())


def _praise_noun(noun: Token) -> bool:
    """A noun of praise ("a breakthrough"), a step only with its good word ("a good first step")."""
    lemma = noun.lemma_.lower()
    return lemma in PRAISE_NOUNS and (lemma != "step" or any(t.lower_ in GOOD_STEP for t in noun.subtree))


def claimed_wrong(token: Token) -> bool:
    """A wrong that a speaker says another party did: "X said Y violated the treaty"."""
    if token.lemma_.lower() == "fail" and _pronoun_doer(token):
        return False  # "the Air Force said it failed to provide the records": owning up, no charge
    return (token.lemma_.lower() in CLAIMED_WRONGS or wrong_by_object(token)) and said_of_another(token)


def wrong_by_object(token: Token) -> bool:
    """ "committed perjury", "spreading the same lies": a wrong named by the verb's object."""
    wrongs = WRONG_BY_OBJECT.get(token.lemma_.lower())
    obj = first_child(token, ("dobj",))
    return wrongs is not None and obj is not None and obj.lemma_.lower() in wrongs


def _pronoun_doer(token: Token) -> bool:
    doer = first_child(token, ("nsubj",))
    return doer is not None and doer.pos_ == "PRON"


# What a speaker says another will face, bear or pay: the speaker threatens it.
PENALTIES = frozenset("consequence price repercussion retaliation retribution punishment".split())
SUFFERING = frozenset({"face", "bear", "suffer", "pay", "reap"})


def penalty(token: Token) -> bool:
    """Facing, bearing or paying a penalty: "South Korea will face devastating consequences,
    KCNA said", "said the United States would pay a heavy price". Said of another, the speaker
    threatens the one who is to bear it."""
    obj = first_child(token, ("dobj",))
    if token.lemma_.lower() == "pay" and any(c.lower_ == "dearly" for c in token.children):
        return True  # "said South Korea would pay dearly"
    return token.lemma_.lower() in SUFFERING and obj is not None and obj.lemma_.lower() in PENALTIES


def said_of_another(token: Token) -> bool:
    """The verb tells, in a clause a speaker reports, what another party did or will do."""
    if token.pos_ != "VERB" or _negated(token):
        return False
    clause = token
    while (clause.dep_ in ("xcomp", "conj") or (clause.dep_ == "advcl" and to_infinitive(clause))) and clause.head != clause:
        clause = clause.head  # "said Y tried to mislead", "said Y lied and cheated", "working to discredit him"
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in CLAIMING:
        return False
    doer = first_child(clause, ("nsubj",))
    speaker = first_child(clause.head, ("nsubj",))
    return doer is not None and doer.lower_ not in ("i", "we") and (
        speaker is None or text_of(phrase_tokens(speaker)).lower() != text_of(phrase_tokens(doer)).lower()
    )  # "North Korea said South Korea would face ...": two parties, one head word


# Adjectives that state the subject's stand whether or not it is reported as said: "the
# Reagan administration is totally opposed to a securities tax".
STANCE_ADJECTIVES = frozenset({"opposed"})


def predicative(token: Token) -> bool:
    """A preposition said of a subject as an adjective is ("Russia was behind the attack")."""
    return token.pos_ == "ADP" and token.lower_ in CULPABLE and token.dep_ == "prep" and token.head.lemma_ == "be"


def stated_feeling(adjective: Token) -> bool:
    """A party's own word for how it takes a deed ("the UN said it was greatly concerned by
    the crackdown"): a stand it takes, unlike a mood the journalist describes ("are angry")."""
    if adjective.dep_ == "amod" and adjective.head.dep_ == "attr":
        adjective = adjective.head  # "said Trump was a dangerous man": what the noun is said to be
    clause = adjective.head if adjective.dep_ in ("acomp", "attr") or predicative(adjective) else adjective
    if _negated(clause) or _negated(adjective):
        return False
    clause = first_conjunct(clause)  # "said the tariffs were lawful and objections were baseless"
    said = saying_verb(clause)
    return said is not None and said.lemma_.lower() in CLAIMING


def _to_blame(token: Token) -> bool:
    """ "was to blame": the infinitive "blame" as what its subject is, with no one blamed."""
    return (
        token.lemma_.lower() == "blame"
        and token.dep_ == "xcomp"
        and token.head.lemma_.lower() == "be"
        and first_child(token, ("dobj",)) is None
    )


def _negated(token: Token) -> bool:
    """ "did not agree", "never met"; not "areas not controlled by ISIS", which describes."""
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children) and not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in token.children
    )


def _obliged(token: Token) -> bool:
    """An act someone reports that another party *must* do ("X said Y must disarm"), or how it
    must be ("said the opposition should be careful")."""
    if token.pos_ != "VERB" and not _copula(token):
        return False
    clause = token  # "said the EU must be ready to mediate": up to the reported clause
    while clause.dep_ in ("xcomp", "acomp") and clause.head != clause:
        clause = clause.head
    reported = first_conjunct(clause)  # "said he believed her accusers and that Moore should leave"
    if reported.dep_ != "ccomp" or reported.head.lemma_.lower() not in REPORTING or _negated(reported.head):
        return False  # "did not say Trump should resign" demands nothing
    if not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in clause.children):
        return False
    subj = first_child(clause, ("nsubj", "nsubjpass"))
    reporter = first_child(reported.head, ("nsubj",))
    if subj is None or subj.lower_ in ("we", "i"):
        return False  # "said we have to do better": a resolve, asked of no one else
    return reporter is None or reporter.lower_ != subj.lower_


def _copula(token: Token) -> bool:
    """ "be" joining a subject to what is said of it ("should be careful")."""
    return token.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "attr") for c in token.children)


def demanded_act(token: Token, ontology: Ontology) -> Coding | None:
    """ "Grassley told CNN the White House should reconsider": what a speaker says another party
    must or should do is a demand of it, whatever the act (CAMEO 100), even one no table codes."""
    if token.dep_ != "ccomp" or not _obliged(token):
        return None
    return coded(ontology, "100", "demand:must: any act")


def _hedged(token: Token | None) -> bool:
    """ "Tehran may be planning to attack": a plan only guessed at is no announced one."""
    return token is not None and any(
        c.dep_ == "aux" and c.lower_ in ("may", "might", "could", "would") for c in token.children
    )


def _future(token: Token) -> bool:
    if token.pos_ != "VERB":
        return False
    return going_to(token) or any(
        c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "would") for c in token.children
    )


def _would(token: Token) -> bool:
    """ "said they would continue their talks": a reported "will", not a schedule."""
    verb = token.head if token.dep_ == "dobj" else token
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children)


def carried_noun(verb: Token, ontology: Ontology) -> Token | None:
    """The event noun a light verb carries ("launched an offensive" → offensive), if any."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    obj = first_child(verb, ("dobj",))
    if obj is None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                obj = first_child(child, ("pobj",))
    if (
        obj is not None
        and obj.pos_ == "NOUN"
        and ontology.code_noun(obj.lemma_.lower()) is not None
    ):
        return obj
    return None


# Nouns that count or string together events: "carried out a series of raids", "launched a
# wave of attacks", "made dozens of requests" — the light verb carries the counted event.
COUNTING = frozenset(
    "series wave string spate round flurry number dozens dozen hundreds scores couple set".split()
)


# Words for a rise or fall of prices, which markets make and crowds do not.
MARKET_MOVES = frozenset({"rally", "slump", "surge", "rout"})
MARKETS = frozenset(
    "market stock share index indices indexes dollar euro yen sterling currency bond price "
    "oil gold futures equity treasury treasuries s&p dow nasdaq wall".split()
)


def _of_markets(token: Token) -> bool:
    """The rise or fall is of prices: a market word is its subject, modifier or "in"/"of"
    object, or the subject of the clause it is told in ("Wall Street's main indexes were little
    changed, taking a breather after a month-long rally")."""
    near = [c for c in token.children if c.dep_ in ("nsubj", "compound", "amod", "poss", "nmod")]
    near += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for g in c.children]
    for _, head in zip(range(6), token.ancestors):
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject not in near:
            near.append(subject)
            break
    words = {t.lemma_.lower() for n in near for t in n.subtree}
    return bool(words & MARKETS)


def _going_ahead(verb: Token) -> bool:
    """ "proceeded with", "went ahead with", "pressed forward with": going on with an act."""
    if verb.lemma_.lower() == "proceed":
        return True
    return verb.lemma_.lower() in ONWARD_VERBS and any(c.lower_ in ("ahead", "forward") for c in verb.children)


def giver(verb: Token, thing: Token | None) -> Token | None:
    """Who gives what a party receives: the "from" phrase of the verb or of the thing."""
    return prep_object(verb, ("from",)) or (prep_object(thing, ("from",)) if thing is not None else None)


def light_governor(noun: Token) -> Token | None:
    """The light verb carrying this event noun, if the noun is its object."""
    for _ in range(2):  # "made dozens of freedom of information requests"
        of = noun.head
        if noun.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN":
            break
        noun = of.head
        if noun.lemma_.lower() in COUNTING:
            break
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "expressed its total rejection and strong condemnation": both carried
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "with":
        head = head.head
        if head.lemma_.lower() in ANSWERING_WITH or _going_ahead(head):
            # "responded with demands", "came forward with allegations", "would go ahead
            # with planned tariffs": the "with" phrase is the act
            return head
    elif noun.dep_ != "dobj":
        return None
    return head if head.lemma_.lower() in LIGHT_VERBS else None


# Prepositions that attach another event or a time to the clause ("detained 18 people following
# a fire", "arrested journalists during a demonstration"): their words are no pattern words.
ADJUNCT_PREPS = frozenset("following after before amid despite during since until".split())


def _pattern_words(token: Token) -> list[str]:
    """The lemmas a dictionary pattern is matched against: what follows the trigger in its
    clause, without adjunct phrases and time phrases, the logical object of a passive verb first ("inspectors
    were expelled" reads as "expelled inspectors"); "according to" names a source, its
    "accord" is no agreement."""
    skip: set[int] = set()
    for child in token.children:
        adjunct = child.dep_ == "prep" and child.lower_ in ADJUNCT_PREPS
        # "testimony he gave this week": a time phrase is no object; a span of time counted
        # out is ("gave the junta one week to ...")
        timed = child.dep_ in ("npadvmod", "tmod") and first_child(child, ("nummod",)) is None
        # "telephoned Iran's foreign minister on Monday": "on Monday" is no "telephone on"
        dated = child.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in child.children)
        if (adjunct or timed or dated) and child.i > token.i:
            skip.update(t.i for t in child.subtree)
    words = [
        t.lower_ if t.lower_ == "according" else t.lemma_.lower()
        for t in clause_tokens(token)
        if t.i > token.i and t.i not in skip
    ][:12]
    marks = [m for m in map(_clause_mark, token.children) if m is not None and m not in words]
    words = [*marks, *words][:12]
    if token.pos_ == "VERB":
        subj = first_child(token, ("nsubjpass",))
        if subj is None and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.i < token.i:
            subj = token.head  # "a report released on Wednesday" reads as "released a report"
        if subj is not None and subj.i < token.i:
            words = [
                *(c.lemma_.lower() for c in subj.lefts if c.dep_ == "compound"),
                subj.lemma_.lower(),
                *words,
            ][:12]
    return words


def _clause_mark(child: Token) -> str | None:
    """The word that brings in a clause the trigger governs, which patterns name though the
    clause has events of its own: "renewed his call *for* Moore to step aside", "Democrats' push
    *to* resolve the issue"."""
    if for_clause(child):
        return "for"
    if child.dep_ == "acl" and child.head.pos_ == "NOUN" and to_infinitive(child):
        return "to"
    return None


# What a speaker may say a policy does to people.
HARMING = frozenset("hurt harm damage undermine destroy devastate cripple punish gut endanger jeopardize jeopardise".split())


def _policy_harm(verb: Token) -> bool:
    """A policy a speaker says harms someone ("said the plan would hurt the middle class",
    "saying the bill will gut protections")."""
    subj = first_child(verb, ("nsubj",))
    return subj is not None and subj.lemma_.lower() in POLICY_NOUNS and stated_feeling(verb)


def _warned_of_a_state(warning: Token) -> bool:
    """A warning whose "that" clause says what is or was so ("warned that the theft is a
    problem"), with no modal, future or condition ("warned that it would retaliate if ..."),
    told to no one in particular."""
    clause = first_child(warning, ("ccomp",))
    if clause is None or clause.i < warning.i:
        return False
    finite = [clause] + [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if not any(t.tag_ in ("VBZ", "VBP", "VBD") for t in finite):
        return False
    if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lemma_ == "go") for c in clause.children):
        return False  # "warned that it will retaliate", "warned it was going to act"
    if any(t.dep_ == "aux" and t.lower_ == "to" for t in clause.subtree):
        return False  # "warned that Russia was ready to respond": what is to come
    marks = {t.lower_ for t in clause.subtree if t.dep_ == "mark"}
    # a warning told to its party ("warned Pyongyang that its military was no match for ...")
    # stays a threat to it
    addressed = first_child(warning, ("dobj", "dative", "prep")) is not None
    return not marks & {"if", "unless", "should"} and not addressed


# Votes on a person put forward for an office, and the words for such a person.
CONFIRMING = frozenset({"confirm", "approve"})
NOMINEES = frozenset("nominee nomination pick appointee official choice candidate".split())


def _nominee(named: Token | None) -> bool:
    """A person, or a word for one put forward for an office ("the nominee", "the agency's
    third high-level official"); not a thing approved ("approved the deal")."""
    return named is not None and (named.ent_type_ == "PERSON" or named.lemma_.lower() in NOMINEES)


# Courts one "moves" (South Asian English for petitioning one).
COURTS = frozenset({"court", "tribunal", "bench"})

# Words that make a rally a candidate's or a party's meeting with voters, not a protest.
CAMPAIGNING = frozenset({"campaign", "election", "reelection", "re-election", "fundraising", "victory", "political"})

# Verbs that hand a protest to a government: "lodged a protest with Japan" complains to it.
LODGING = frozenset({"lodge", "file", "register", "submit", "deliver", "send", "issue"})


def code_trigger(token: Token, ontology: Ontology, *, ordered: bool = False) -> Coding | None:
    """The coding of a trigger token, or None when it reports no codable event (``ordered``:
    code it as the act an ordering verb orders, which it is not on its own)."""
    lemma = token.lemma_.lower()
    after = _pattern_words(token)
    if token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        return None  # "riot police", "protest leaders", "peace envoy": a kind of actor, not an event
    if legal_appeal(token):  # "appealed the ruling", "filed its notice of appeal"
        return coded(ontology, "115", f"appeal: {lemma} against a ruling")
    if lemma in MARKET_MOVES and _of_markets(token):
        return None  # "a month-long rally in stocks", "the S&P 500 rallied": prices, not people
    if lemma == "protest" and token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in LODGING:
        return coded(ontology, "114", f"lodged: {token.head.lemma_.lower()} a protest")  # with a government, not in the street
    if token.pos_ == "NOUN" and lemma in EPITHET_NOUNS:
        # "said the plan was a disgrace": the speaker's charge; an insult told any other way
        # is no event of its own
        said = token
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ("act", "form"):
            said = token.head.head  # "said the launch was an act of aggression"
        if said.dep_ != "attr" or not stated_feeling(said):
            return None
        return coded(ontology, "111", f"claim: {lemma} said of another")
    if token.pos_ == "NOUN" and lemma in PRAISE_NOUNS:
        # "said the department's guidance is a good first step": the speaker's praise of it; a
        # success or a step told any other way is no event of its own
        if token.dep_ == "attr" and _praise_noun(token) and stated_feeling(token):
            return coded(ontology, "051", f"claim: {lemma} said of another")
        return None
    if lemma == "rally" and token.pos_ == "NOUN" and any(c.lemma_.lower() in CAMPAIGNING for c in token.lefts):
        return None  # "told campaign rallies in New Jersey": a candidate's meeting, no protest
    if lemma == "tour" and token.pos_ == "NOUN" and not _of_a_place(token):
        return None  # "a tour of duty", "a tour of the plant": no visit to a country or a town
    if token.pos_ == "NOUN":
        # the noun's own modifiers decide its kind ("air strike", "suicide attack", "war games")
        before = [c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
        if labour_strike(token):
            before.append("labour")  # "the seamen's strike", "remained on strike"
        coding = ontology.code_noun(lemma, after=after, before=before)
        if coding is None or (lemma in STATEMENTS and first_child(token, ("acl",)) is not None):
            return None  # "a joint statement criticising the violations": what it says is the act
        framed = reframe(token, coding, ontology)
        if framed is coding and answered(token):
            return None  # "refused a request": the refusal is the event ("accepted demands" is one)
        return _material(token, lemma, framed, ontology)
    if token.pos_ == "ADJ" or predicative(token) or (
        # ("is opposed to" parsed as a passive verb is read as the verb "oppose", events.STANCES)
        token.tag_ == "VBN" and token.lower_ in ontology.adjectives() and token.lower_ not in STANCE_ADJECTIVES
    ):
        # "said it was concerned by the crackdown", parsed as an adjective or a passive
        if not stated_feeling(token) and not (token.lower_ in STANCE_ADJECTIVES and token.dep_ == "acomp"):
            return None
        found = ontology.code_adjective(token.lower_, after=after)
        if found is None:
            return None
        # "said it was concerned by X": the speaker's feeling about X; "claimed the cuts were
        # unconstitutional": the speaker's charge against the subject (events.py reads both)
        kind = "claim" if token.lower_ in HOSTILE_EPITHETS | CULPABLE | SAID_OF_SUBJECT else "feeling"
        return Coding(found.cameo_code, found.plover_type, found.plover_mode,
                      found.plover_context, f"{kind}: {found.pattern}")  # fmt: skip
    if token.pos_ != "VERB" or token.lower_ == "according":
        return None  # "according to officials" names a source, it reports no accord
    if lemma in NON_EVENT_VERBS or carried_noun(token, ontology) is not None:
        return None
    if lemma in ("recognize", "recognise") and first_child(token, ("ccomp",)) is not None:
        return None  # "we recognize that weakness is the path to conflict": granting a point
    if lemma == "fail" and not any(c.dep_ in ("xcomp", "dobj") for c in token.children):
        return None  # "in the end, the caucus failed": a failure is no refusal of anything
    if labour_strike(token):  # "workers walked out", "miners struck for higher wages"
        return coded(ontology, "143", f"strike: {lemma} by workers")
    if _to_blame(token):
        # "the Kremlin said Washington was to blame for the delay": the speaker blames, as with
        # "said Russia was responsible"; the journalist's own "X is to blame" charges no one
        return coded(ontology, "112", "claim: to blame") if stated_feeling(token.head) else None
    if lemma == "explore" and not any(
        c.dep_ == "dobj" and ontology.code_noun(c.lemma_.lower()) is not None for c in token.children
    ):
        return None  # "exploring write-in options", "would explore fundraising": weighing choices, no inquiry
    if lemma in RELEASING and (obj := first_child(token, ("dobj",))) is not None and obj.lemma_.lower() in PUBLISHED:
        return None  # "released a white paper", "released the video": published, no one freed
    if lemma == "move" and COURTS.intersection(after):
        # "Tamil Nadu moved the Supreme Court to initiate contempt proceedings": petitioned it
        # ("moved the case to a federal court" is no petition)
        obj = first_child(token, ("dobj",))
        return coded(ontology, "020", "petition: moved the court") if obj is not None and obj.lemma_.lower() in COURTS else None
    if lemma == "tell" and _by_phone(token):
        # "Lavrov told Tillerson by phone on Thursday it was unacceptable ...": a telephone call
        return coded(ontology, "041", "construction: tell X by phone (a call)")
    if lemma == "press" and _pressed_party(token):
        return coded(ontology, "020", "construction: press X on Y (urge)")
    helped = first_child(token, ("dobj",)) if lemma in PROVIDING else None
    if helped is not None and helped.lemma_.lower() in KIN:
        return None  # "was able to support his family and help his parents": private life
    if rallied(token):  # "supporters of Park gathered outside the court"
        return coded(ontology, "141", f"rally: {lemma} by supporters")
    abused = first_child(token, ("dobj",)) if lemma == "abuse" else None
    if abused is not None and abused.lemma_.lower() in OFFICE and not claimed_wrong(token):
        return None  # told by the journalist, a charge no one is named as making
    if lemma in HARMING and _policy_harm(token):
        # "said Trump's tax plan would hurt working families": a charge against its authors,
        # not a threat of the plan's own
        return coded(ontology, "111", f"claim: {lemma} (a policy's harm) said of another")
    if lemma == "warn" and _warned_of_a_state(token):
        # "warned that intellectual property theft by China is a national security problem":
        # a charge about what is so, where a threat says what will come
        return coded(ontology, "111", "warning: of what is so")
    if penalty(token):  # "said the US would pay a heavy price"; "farmers faced the consequences"
        return coded(ontology, "130", f"claim: {lemma} a penalty, said of another") if said_of_another(token) else None
    if claimed_wrong(token):
        own = ontology.code_verb(lemma, after=after)
        if (abused is not None and abused.lemma_.lower() in OFFICE) or wrong_by_object(token):
            own = None  # "the judge said the president abused her power": a charge, no force
        # "violated the ceasefire" (armed force) stays the deed, whoever reports it
        if own is None or own.plover_type not in FORCE:
            return coded(ontology, "112", f"claim:{lemma} said of another")
    if lemma == "fire" and any(c.lemma_.lower() == "test" and c.i == token.i - 2 for c in token.children):
        return coded(ontology, "150", "test-fire")  # "test-fired its new missiles": a weapons test
    if lemma in ONLY_CLAIMED or dismissal(token) or a_view(token) or reached_a_mark(token):
        return None
    if describes(token) or about(token) or no_comment(token) or undone(token) or (not ordered and _ordered_act(token, ontology)):
        return None
    if lemma in ORDERING:
        obj = first_child(token, ("dobj",))
        if obj is not None and obj.pos_ == "NOUN" and ontology.code_noun(obj.lemma_.lower()):
            return None  # "ordered the arrest of B": the noun is the event, with our subject
        found = _ordering(token, ontology)
        if found is not None:
            return found
    if lemma in VERDICTS:
        for conj in token.children:
            if conj.dep_ == "conj" and conj.lemma_.lower() in SENTENCING:
                found = code_trigger(conj, ontology)
                if found is not None:
                    return found  # "convicted X and sentenced him to seven years in prison"
    if lemma == "help" and any(
        c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and _hostile_act(code_trigger(c, ontology))
        for c in token.children
    ):
        return None  # "officials who helped probe the campaign": the act helped with is the event
    if lemma == "help" and first_child(token, ("dobj",)) is None and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and first_child(c, ("nsubj",)) is None and not to_infinitive(c)
        for c in token.children
    ):
        # "helped unite a fractured opposition": a hand in an outcome, aid to no one ("helping
        # to integrate refugees" is still aid to them)
        return None
    if lemma in CONFIRMING and _nominee(first_child(token, ("dobj",))):
        # "the Senate confirmed Powell", "approved Susan Bodine to become ...", "confirmed the
        # agency's third high-level official": approving a nominee supports him (news_dev GUIDE)
        return coded(ontology, "051", "construction: confirm a nominee")
    if lemma in WINNING:
        obj = first_child(token, ("dobj",))
        noun = obj.lemma_.lower() if obj is not None and obj.pos_ == "NOUN" else ""
        if noun in BACKING:
            told = ontology.code_noun("endorsement")  # "received strong backing from the US"
        else:
            told = ontology.code_noun(noun) if noun and lemma in RECEIVING else None
        if told is not None and lemma == "face" and told.plover_type != "ACCUSE":
            told = None  # "faces sanctions", "faces arrest": what may come (events.UNDERGOING)
        given = giver(token, obj)
        if told is not None and lemma != "receive" and noun not in BACKING and given is None:
            told = None  # "is facing lawsuits": the noun tells the act, its giver unnamed
        if told is not None:
            # "received a bomb threat from Hamas", "received military aid from the US": the
            # noun's act, done by the giver (events.py swaps the sides)
            return Coding(told.cameo_code, told.plover_type, told.plover_mode, told.plover_context,
                          f"received: {told.pattern}")  # fmt: skip
    if lemma == "come":
        under = prep_object(token, ("under",))
        if under is not None and under.lemma_.lower() in UNDERGONE and giver(token, under) is not None:
            # "came under fire from Democrats", "has come under criticism from Iran": the
            # giver's criticism (events.py swaps the sides; force only from armed givers)
            return coded(ontology, "111", f"received: under {under.lemma_.lower()}")
    if lemma in WANTING:
        wanted = _wanted(token, ontology)
        if wanted is not None:
            return wanted
    if (
        lemma in REFUSING
        and first_child(token, ("dobj",)) is None
        and any(c.dep_ == "xcomp" and _refusable(code_trigger(c, ontology)) for c in token.children)
    ):
        return None  # "refused to meet B": the refused act, reframed, is the event
    if lemma in PRESSING | ENCOURAGING and any(
        c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and to_infinitive(c)
        and not (lemma == "invite" and _meeting(c, ontology))
        for c in token.children
    ):  # "pressuring the workers to call off the strike" asks them to act; "encourages
        # Ukraine to repeal the law", "invited Turkey to take the dispute to court" appeal to it
        # ("invited Turkey to visit Athens" stays an invitation)
        found = coded(ontology, "020" if lemma in ENCOURAGING else "100", f"construction: {lemma} X to act")
        if found is not None:
            return found
    if lemma in ("call", "phone", "telephone") and not any(
        (c.dep_ == "prt" or (c.dep_ == "prep" and c.i == token.i + 1))
        and c.lower_ in ("on", "for", "off", "upon")
        for c in token.children
    ):  # "called X on Tuesday" is no "call on"
        purpose = [
            c
            for c in token.children
            if c.dep_ in ("xcomp", "advcl")
            and c.pos_ == "VERB"
            and to_infinitive(c)
        ]
        if purpose and for_clause(purpose[0]):
            # "called for Barton to step down": a call for another's act asks it of them
            found = coded(ontology, "020", "construction: call for X to act")
            if found is not None:
                return found
        if purpose and code_trigger(purpose[0], ontology) is not None:
            return None  # "called Erdogan to apologise": the apology is the event
        if lemma == "call" and phone_call(token):
            found = coded(ontology, "041", "construction: call X (by phone)")
            if found is not None:
                return found
    if lemma == "call" and visit_call(token):
        found = coded(ontology, "042", "construction: call on X (a visit)")
        if found is not None:
            return found
    epithet = epithet_of(token)
    if epithet is not None and any(t.lower_ in PRAISE_WORDS for t in epithet.subtree):
        return coded(ontology, "051", f"construction: call X '{epithet.text}' (praise)")
    if epithet is not None:
        return coded(ontology, "111", f"construction: call X '{epithet.text}'")
    if (lemma in NAMING and named_as(token)) or (lemma == "call" and called_a_thing(token)):
        # "called the ambassador a friend", "a move it called historic", "called the report troubling"
        return None
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.dep_ == "prep" and nxt.head == token:
        particles.append(nxt.lower_)
    if any((lemma, p) in NON_EVENT_PHRASES for p in particles):
        return None
    coding = ontology.code_verb(lemma, particles=particles, after=after)
    predicate = first_child(token, ("oprd", "acomp"))
    if coding is not None and lemma in LIGHT_VERBS and predicate is not None and carried_noun(token, ontology) is None:
        # "held Russia responsible for the attack": the light verb carries no event noun of its
        # own object; its predicate pattern ("hold responsible") is the act
        word = predicate.lemma_.lower()
        coding = ontology.code_verb(lemma, particles=particles, after=after[: after.index(word) + 1] if word in after else after)
    if coding is not None and lemma in LIGHT_VERBS and coding.pattern.split()[-1].lower() in EPITHET_NOUNS:
        return None  # "undertook an act of aggression": an epithet is a claim only when said of a deed
    if coding is None or coding.plover_type == "CONSULT":  # "returned to Brazil" is travel
        coding = _given_back(token, lemma, ontology) or coding
    if coding is not None and coding.cameo_code == "043" and lemma in PRAISING:
        # CAMEO.2.0 gives each verb of praise a "to" pattern (hosting a visit) that any later
        # "to" matches: "commended both parties for their commitment to peace" is praise
        coding = recode(ontology, coding, "051", "praise, no visit hosted") or coding
    if coding is not None and coding.generic and lemma == "defend" and not _forces_subject(token):
        # CAMEO.2.0's bare "defend" is military protection (074): "Trump defended Roy Moore"
        coding = recode(ontology, coding, "052", "defend verbally") or coding
    if coding is None or coding.generic:  # CAMEO.2.0's bare "leave" is a visit (040)
        coding = _forces_leaving(token, lemma, ontology) or coding
    if coding is not None and coding.generic:  # CAMEO.2.0's bare "search" is an inquiry (090)
        coding = _searched(token, lemma, ontology) or coding
    if coding is None:
        return None
    if (
        lemma == "agree"
        and coding.cameo_code == "050"
        and any(c.dep_ == "xcomp" and to_infinitive(c) for c in token.children)
    ):  # "agreed with B to exchange technology" commits to an act: AGREE, not support of a view
        coding = recode(ontology, coding, "030", "agree to act") or coding
    if coding.plover_type == "AGREE" and coding.cameo_code.startswith("03"):
        held = ontology.code_verb(lemma, particles=particles, after=[])
        if held is not None and held.plover_type == "CONSULT":
            # "met with Republican leaders", "met with Macron at the summit": CAMEO's "meet with
            # leaders" and "meet at" patterns code an intent to meet, but a meeting told is held
            # (one still to come is told by its frame: "will meet", "agreed to meet")
            coding = held
    if coding.plover_type != "ASSAULT" and armed_subject(token):
        physical = ontology.code_verb(lemma, particles=particles, after=[])
        if physical is not None and physical.plover_type == "ASSAULT":
            coding = Coding(
                physical.cameo_code,
                physical.plover_type,
                physical.plover_mode,
                physical.plover_context,
                f"weapon subject: {physical.pattern}",
            )
    found = _material(token, lemma, reframe(token, coding, ontology), ontology)
    if found.generic and found.cameo_code in VAGUE_DEFAULTS:
        return None  # "gave a speech", "served as minister", "linked to": no act named
    return found


# CAMEO.2.0 gives vague verbs ("give", "serve", "link", "lead", "establish") the catch-all
# "engage in material cooperation" as their bare default: with no pattern word matched the
# dictionary knows the word, not an event, so none is coded (classification skips it too).
VAGUE_DEFAULTS = frozenset({"060"})


# Moving forces somewhere: what the forces are for decides the event.
DEPLOYING = frozenset(
    "send dispatch deploy station arrive serve participate contribute deployment dispatch "
    "arrival contingent".split()
)
# Words naming armed forces: their seizing or taking over of places or ships is force (ASSAULT),
# where police or officials seizing goods is a confiscation (COERCE).
ARMED = frozenset(
    "army military troop soldier force marine fighter militant rebel insurgent militia navy "
    "guard commando gunman jihadist taliban".split()
)
SEIZING = frozenset({"seize", "take", "capture", "overrun", "occupy", "liberate", "retake", "recapture"})
# Giving something back to its owner ("returned a manuscript to Italy") is a material concession.
GIVING_BACK = frozenset({"return", "repatriate", "restitute"})


def _material(token: Token, lemma: str, coding: Coding, ontology: Ontology) -> Coding:
    """Recode material acts by what they are for or who does them (PLOVER codebook):
    forces sent on a peacekeeping mission are aid (AID peacekeeping), armed forces seizing a
    place use force (ASSAULT), giving an object back is RETREAT (return)."""
    code, why = None, ""
    if lemma in DEPLOYING and coding.plover_type in ("MOBILIZE", "COOPERATE", "CONSULT", "AID"):
        if any(t.lemma_.lower().startswith("peacekeep") for t in token.sent):
            code, why = "074", "peacekeeping"
    elif lemma in SEIZING and coding.plover_type == "COERCE" and coding.plover_mode == "seize":
        subj = first_child(token, ("nsubj",))
        agent = _passive_agent(token)
        actor = subj if subj is not None else agent
        if (actor is not None and _armed(actor)) or territory(token):
            code, why = "190", "armed seizure"
    if (
        code is None
        and coding.plover_type in ("ASSAULT", "COERCE")
        and coding.cameo_code[:2] in ("17", "18")  # not fighting with weapons (19x, 20x)
        and _by_rioters(token)
    ):
        code, why = "145", "riot"
    if code is None:
        return _plover_named(lemma, coding)
    return recode(ontology, coding, code, why) or coding


# Acts the PLOVER codebook names under another type than the CAMEO crosswalk gives their code:
# resigning is RETREAT (mode resign), where 083x "accede to demands for change in leadership" is
# CONCEDE (news_dev's guide codes resignations RETREAT). Sanctions stay the crosswalk's COERCE
# (163), as PLV's gold codes them, though the guide says SANCTION.
PLOVER_NAMED = {"resign": ("083", "RETREAT", "resign"), "quit": ("083", "RETREAT", "resign"),
                "step": ("083", "RETREAT", "resign")}  # fmt: skip


def _plover_named(lemma: str, coding: Coding) -> Coding:
    """The codebook's type for `coding`, by the trigger's word ("stepped down": RETREAT)."""
    named = PLOVER_NAMED.get(lemma)
    if named is None or not coding.cameo_code.startswith(named[0]):
        return coding
    return Coding(coding.cameo_code, named[1], named[2], coding.plover_context,
                  f"PLOVER {named[1].lower()}: {coding.pattern}")  # fmt: skip


# Releasing what is published is no release of anyone ("released a white paper on religion").
RELEASING = frozenset({"release", "publish", "issue"})
PUBLISHED = frozenset(
    "paper report statement video footage data figure list document book letter transcript email "
    "photo photograph image picture result recording tape memo text detail information name "
    "record file study survey poll map guideline rule regulation".split()
)
# Offers and promises: one not made is simply not made.
OFFERS = frozenset({"offer", "promise", "pledge", "vow", "propose"})
# What two parties publish together ("issued a joint statement"): agreed words.
STATEMENTS = frozenset({"statement", "declaration", "communique", "communiqué"})
# One's own people, whom supporting or helping is no political act.
KIN = frozenset(
    "family parent mother father son daughter child wife husband brother sister relative".split()
)
PROVIDING = frozenset({"support", "help", "aid", "assist", "feed"})
RIOTERS = frozenset("protester protestor rioter demonstrator mob".split())


def _by_rioters(token: Token) -> bool:
    """Damage or beatings done by protesters are a violent protest (CAMEO 145): "the building
    was demolished by a protestor"."""
    doers = [first_child(token, ("nsubj",)), _passive_agent(token)]
    return any(d is not None and d.lemma_.lower() in RIOTERS for d in doers)


def _wanted(verb: Token, ontology: Ontology) -> Coding | None:
    for comp in verb.children:
        if comp.dep_ not in ("xcomp", "ccomp") or comp.pos_ != "VERB":
            continue
        inner = code_trigger(comp, ontology)
        party = first_child(comp, ("nsubj",))
        if inner is None and party is not None and party.ent_type_ in NAMED_PARTIES and to_infinitive(comp):
            # "wants Britain to answer its questions": asked of Britain, whatever the act
            return coded(ontology, "020", "request:want X to act")
        if inner is None:
            continue
        if party is not None:
            code, why = "020", "request:want"
        elif inner.plover_type in INTENDED:
            code, why = INTENDED[inner.plover_type], "intent:want"
        else:
            return inner  # "want to investigate" is still an investigation
        found = recode(ontology, inner, code, why)
        if found is not None:
            return found
    return None


def _meeting(verb: Token, ontology: Ontology) -> bool:
    """ "to visit Athens", "to attend the summit": a meeting the invitation is to."""
    coding = code_trigger(verb, ontology)
    return coding is not None and coding.plover_type == "CONSULT"


def _armed(actor: Token) -> bool:
    words = [actor, *(c for c in actor.children if c.dep_ in ("compound", "amod"))]
    return any(w.lemma_.lower() in ARMED for w in words)


def _passive_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return first_child(child, ("pobj",))
    return None


def _given_back(verb: Token, lemma: str, ontology: Ontology) -> Coding | None:
    """ "returned a silver pendant to Russian authorities": a thing given back (a direct object,
    or the subject of a passive), not a person travelling back ("returned to Brazil")."""
    if lemma not in GIVING_BACK:
        return None
    thing = first_child(verb, ("dobj", "nsubjpass"))
    if thing is None or thing.pos_ not in ("NOUN", "PROPN") or thing.lower_ in ("fire", "home"):
        return None
    return coded(ontology, "0842", f"construction: {lemma} X (give back)")


def _of_a_place(noun: Token) -> bool:
    """ "a tour of the United States": the noun's "of" names a state, a region or a town."""
    place = prep_object(noun, ("of",))
    return place is not None and place.ent_type_ in ("GPE", "LOC")


# Words of praise a speaker may put in quotes ("called the bill an 'important step'"); any other
# quoted word a naming verb puts on someone is read as criticism.
PRAISE_WORDS = PRAISE_NOUNS | frozenset(
    "win friend partner ally hero contributor "
    "pillar champion leader model important historic great good excellent productive positive "
    "constructive fantastic tremendous wonderful terrific remarkable outstanding successful fair brave "
    "courageous leading key valuable".split()
)
# Verbs of praise ("welcomed Putin to the Kremlin" does host a visit).
PRAISING = frozenset(
    "acclaim admire applaud celebrate commend compliment congratulate extol hail honor honour praise "
    "salute".split()
)
# Verdicts a speaker may say someone deserves ("should be applauded", "must be condemned"):
# saying so passes the verdict, it asks no one to act.
DESERVED = PRAISING | frozenset({"condemn", "denounce", "criticize", "criticise"})


def judged_due(verb: Token) -> bool:
    """ "should be applauded", "must be condemned": praise or blame said to be deserved (not
    "the EPA should praise the farmers", a demand of the EPA)."""
    return (
        verb.lemma_.lower() in DESERVED
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in verb.children)
    )


# Leaving a place: by armed forces, a withdrawal ("the last US troops left Afghanistan").
LEAVING_PLACE = frozenset({"leave", "exit", "vacate", "quit"})
PLACE_NOUNS = frozenset("country city town village base region area territory province zone capital".split())


def _forces_leaving(verb: Token, lemma: str, ontology: Ontology) -> Coding | None:
    """ "US troops left Afghanistan", "Israeli forces have begun leaving Gaza": armed forces
    leaving a place withdraw from it (CAMEO 0874); anyone else leaving only travels."""
    if lemma not in LEAVING_PLACE:
        return None
    subj = first_child(verb, ("nsubj",))
    if subj is None and verb.dep_ == "xcomp":  # "began leaving", "started to leave"
        subj = first_child(verb.head, ("nsubj",))
    place = first_child(verb, ("dobj",))
    if subj is None or subj.lemma_.lower() not in ARMED or place is None:
        return None
    if place.ent_type_ not in ("GPE", "LOC", "FAC") and place.lemma_.lower() not in PLACE_NOUNS:
        return None
    return coded(ontology, "0874", f"construction: forces {lemma} X (a withdrawal)")


def _forces_subject(verb: Token) -> bool:
    """ "troops defended the city": the subject is armed forces."""
    subj = first_child(verb, ("nsubj",))
    return subj is not None and _armed(subj)


# What officers stop and search by force: vehicles and vessels (not "searched for the plane").
# Premises searched for evidence stay an inquiry (CAMEO 090), as PLV codes them.
SEARCHED = frozenset("plane aircraft airliner jet ship vessel tanker boat car vehicle truck".split())


def _searched(verb: Token, lemma: str, ontology: Ontology) -> Coding | None:
    """ "British officers searched an Aeroflot plane", "the coast guard searched the tanker": a
    search of a vehicle or a vessel is a coercive act (COERCE), not an inquiry."""
    thing = first_child(verb, ("dobj", "nsubjpass"))
    if lemma != "search" or thing is None or thing.lemma_.lower() not in SEARCHED:
        return None
    return coded(ontology, "1711", "construction: search a vehicle or a vessel")


# Those a source talks to for a news story: telling them is no consultation.
PRESS = frozenset("reuters afp ap reporter journalist correspondent newspaper agency media press".split())


def _by_phone(verb: Token) -> bool:
    """ "told Tillerson by phone", "told him in a telephone call": words said over the phone to
    someone other than the press ("told Reuters by telephone" is an interview)."""
    told = first_child(verb, ("dobj", "dative"))
    if told is None or told.lower_ in PRESS or told.lemma_.lower() in PRESS:
        return False
    for prep in verb.children:
        means = first_child(prep, ("pobj",)) if prep.dep_ == "prep" and prep.lower_ in ("by", "over", "in") else None
        if means is not None and (
            means.lemma_.lower() in ("phone", "telephone")
            or any(c.lemma_.lower() in ("phone", "telephone") for c in means.children if c.dep_ in ("compound", "amod"))
        ):
            return True
    return False


def _pressed_party(verb: Token) -> bool:
    """ "McConnell pressed Trump on the debt ceiling": a named party pressed is urged (CAMEO.2.0's
    "press on" is an armed advance, "troops pressed on toward Kyiv")."""
    obj = first_child(verb, ("dobj",))
    return obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"))


def _hostile_act(coding: Coding | None) -> bool:
    """A coded act that is no help given ("helped probe", "helped attack"); helping to feed or
    resettle people is aid itself."""
    return coding is not None and coding.plover_type not in COOPERATIVE


def _refusable(coding: Coding | None) -> bool:
    """An act whose refusal `reframe` codes as a rejection (cooperation refused); refusing
    anything else ("refused X to extend the mandate") is itself the event."""
    return coding is not None and coding.plover_type in COOPERATIVE


# Verbs whose event is what they order or decide: "ordered the arrest of B" (the arrest is the
# event noun), "ordered the newspaper to suspend publication", "ordered them jailed", "decided
# to lift sanctions on B". The orderer does the ordered act (PLOVER codes the act itself).
ORDERING = frozenset({"order", "instruct", "direct", "authorize", "authorise", "decide", "vote"})
OBJECT_CONTROL = frozenset({"order", "instruct", "direct", "authorize", "authorise"})


def _complements(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd") and c.pos_ == "VERB"]


# Those a state expels by ordering them to leave, and the leaving.
EXPELLED = frozenset(
    {"diplomat", "ambassador", "envoy", "attache", "attaché", "consul", "chargé", "troop", "force", "soldier", "peacekeeper"}
)
LEAVING = frozenset({"leave", "depart", "go", "quit", "exit"})


def _ordering(verb: Token, ontology: Ontology) -> Coding | None:
    """The ordered act's coding, as done by the one who orders it, if there is one."""
    lemma = verb.lemma_.lower()
    obj = first_child(verb, ("dobj",))
    if lemma == "order" and obj is not None and obj.lemma_.lower() in ARMED and any(
        c.dep_ == "poss" for c in obj.children
    ) and _complements(verb):
        # "Sri Lanka ordered its armed forces to defend its waters": its own forces readied;
        # "ordered his troops to leave Syria": withdrawn
        out = any(c.lemma_.lower() in LEAVING | {"withdraw", "return"} for c in _complements(verb))
        found = coded(ontology, "0874", "ordered: own forces out") if out else coded(ontology, "150", "ordered: own forces readied")
        if found is not None:
            return found
    foreign = obj is not None and obj.lemma_.lower() in EXPELLED and not any(c.dep_ == "poss" for c in obj.children)
    if foreign and any(c.lemma_.lower() in LEAVING for c in _complements(verb)):
        # "ordered the French ambassador to leave", "ordered French troops to leave": an
        # expulsion ("ordered its troops to leave" withdraws them: the loop below)
        return coded(ontology, "166", "ordered: envoys or forces to leave")
    for comp in _complements(verb):
        inner = code_trigger(comp, ontology, ordered=True)
        # "decided to lift", "ordered them jailed", "ordered the paper to close"; not
        # "ordered to withdraw" with no one ordered, where the order itself is the demand
        if inner is not None and (
            lemma not in OBJECT_CONTROL or obj is not None or comp.dep_ == "oprd"
        ):
            return Coding(
                inner.cameo_code,
                inner.plover_type,
                inner.plover_mode,
                inner.plover_context,
                f"ordered: {inner.pattern}",
            )
    return None


def _ordered_act(verb: Token, ontology: Ontology) -> bool:
    """The complement of an ordering verb that has its own object ("ordered the paper to
    close"): the order verb tells that event, with the orderer as its source."""
    head = verb.head
    return (
        verb.dep_ in ("xcomp", "ccomp", "oprd")
        and head.lemma_.lower() in OBJECT_CONTROL
        and first_child(head, ("dobj",)) is not None
    )
