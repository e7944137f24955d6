"""Word senses that decide whether a trigger tells an event at all, read from the parse.

Split from `code.py` (which decides *which* event): a participle that only describes a noun
("a man suspected of fraud"), a naming verb with a predicate ("called X a friend" is no event,
"called X a liar" is criticism), a weapon as the subject of a verb ("shells hit the town"
uses force, whatever the verb's verbal sense would say), and what kind of "call" a call is
(a phone call, a courtesy visit).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..extract.syntax import first_child, prep_object, to_infinitive

HOSTILE_EPITHETS = frozenset(
    "curious irresponsible illegal unacceptable dangerous provocative reckless outrageous "
    "criminal barbaric shameful absurd aggressive unjustified unlawful illegitimate stupid "
    "murderer liar terrorist traitor thug dictator tyrant racist fascist corrupt hypocrite "
    "hypocritical unconstitutional invalid insulting disgraceful disgrace farce sham fraud "
    "ridiculous baseless groundless lie hostile undemocratic inhumane cruel disaster scam hoax "
    "insult dishonest incompetent unfit unfair weak harmful unfriendly destabilizing destabilising counterproductive "
    "phony terrible horrible awful disastrous pathetic dumb foolish insane crazy unconscionable "
    "indefensible cynical shameless despicable unworthy "
    # acts named as wrongs: "what he called Saudi aggression", "described it as a provocation"
    "aggression provocation interference meddling blackmail piracy propaganda intimidation "
    "harassment occupation genocide massacre terrorism tyranny abuse betrayal "
    # harm named: "called the staff cuts a risk to national security", "called it a mistake"
    "mistake risk threat danger failure catastrophe "
    # bias and waste charged: "argued that Mueller is biased", "called the plan a giveaway"
    "bias biased partisan giveaway handout boondoggle waste ignorant misguided flawed "
    # words of dismay and contempt: "called the allegations extremely troubling", "a dotard"
    "troubling disturbing alarming deplorable appalling despicable reprehensible offensive "
    "unethical inappropriate misleading false fake bogus nonsense dotard clown coward bully "
    "preposterous ludicrous laughable unjust discriminatory unfounded unwarranted abhorrent egregious "
    "inexcusable heinous senseless shortsighted xenophobic".split()
)
# What a government or legislature puts in place: a verdict on one falls on its authors
# (extract/conventions.py), and so does the harm a speaker says it will do (code.py).
POLICY_NOUNS = frozenset(
    "bill bills law laws legislation policy policies plan measure measures budget ban order "
    "decree reform reforms regulation regulations rule rules overhaul agreement deal accord "
    "truce ceasefire ruling verdict judgment decision nomination nominee appointment proposal "
    "proposals program programme initiative tax taxes tariff tariffs elimination repeal veto "
    "rollback reversal".split()
)
# Verbs that name or describe someone ("called X a liar", "described X as Y"): with a
# complement they characterise, which is criticism when hostile and no event otherwise.
NAMING = frozenset({"call", "describe", "brand", "label", "term", "dub", "dismiss", "deride"})
# Weapons and the forces that carry them: as the subject of "hit" or "strike" they use force
# ("air strikes hit the enclave for a sixth day" is no criticism, whatever "hit for" says).
WEAPONS = frozenset(
    "fire gunfire shell shelling artillery rocket missile bomb bomber mortar drone jet warplane "
    "aircraft helicopter gunship tank warship airstrike strike raid attack bombardment "
    "explosion blast grenade bullet".split()
)


# What a gun fires: "fired rockets", "fired shots", "fired tear gas". Any other object of
# "fire" is a person dismissed ("has fired critics within the government"), no use of force.
FIRED = WEAPONS | frozenset(
    "shot round salvo volley barrage ammunition projectile torpedo gun rifle weapon flare "
    "cannon gas pellet".split()
)
AIMED_AT = frozenset({"at", "on", "upon", "into", "toward", "towards"})


# Those who down tools, and what they strike for: "the seamen's strike", "a strike by miners",
# "a strike over pay" are protests, where a bare "strike" is an attack.
WORKERS = frozenset(
    "worker employee staff miner seaman docker dockworker teacher nurse doctor driver trucker "
    "pilot union unionist labourer laborer peasant".split()
)
PAY = frozenset("pay wage salary pension bonus raise".split())


def labour_strike(token: Token) -> bool:
    """A strike of workers, not of weapons: "remained on strike", "the seamen's strike", "a
    strike by dockers over pay", "workers walked out", "miners struck for higher wages"."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        subj = first_child(token, ("nsubj",))
        out = any(c.dep_ in ("prt", "advmod") and c.lower_ == "out" for c in token.children)
        downed = lemma == "strike" or (lemma == "walk" and out)
        return downed and subj is not None and subj.lemma_.lower() in WORKERS
    if lemma not in ("strike", "walkout"):
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "on" and token.head.head.pos_ in ("VERB", "AUX"):
        return True  # "remained on strike", "are on strike"
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.lemma_.lower() in WORKERS:
            return True
        if child.dep_ == "acl":  # "the strike, called by leftist unions"
            child = next((c for c in child.children if c.dep_ == "agent"), child)
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "of", "for", "over"):
            obj = first_child(child, ("pobj",))
            if obj is not None and obj.lemma_.lower() in WORKERS | PAY:
                return True
    return False


# What the workers' side of a dispute is called; and the words that make a strike an armed one.
LABOUR_WORDS = WORKERS | PAY | frozenset({"striker", "walkout", "labour", "labor", "wage"})
ARMED_STRIKES = frozenset("air drone missile military rocket artillery nuclear preemptive retaliatory".split())


def labour_story(docs: Iterable[Doc | None]) -> bool:
    """An article about workers downing tools, where a bare "strike" is theirs: "the
    government has reported 70 strikes", "the strike was illegal" in a story of seamen and
    their unions. Two words of work or pay, and no strike by weapons anywhere in it."""
    labour = 0
    for doc in docs:
        for token in doc or ():
            lemma = token.lemma_.lower()
            if lemma == "airstrike" or (
                lemma == "strike" and any(c.lemma_.lower() in ARMED_STRIKES for c in token.lefts)
            ):
                return False
            labour += lemma in LABOUR_WORDS
    return labour >= 2


# Who gathers to make a point: "supporters of Park gathered outside the court" is a rally,
# where "people gathered" may be anything.
RALLIERS = frozenset("supporter protester protestor demonstrator activist opponent".split())
GATHERING = frozenset({"gather", "assemble", "congregate", "converge", "rally"})


def rallied(verb: Token) -> bool:
    """ "Hundreds of supporters of the former president gathered outside the court"."""
    subj = first_child(verb, ("nsubj",))
    if subj is not None and subj.lemma_.lower() in ("hundred", "thousand", "dozen"):
        subj = prep_object(subj, ("of",)) or subj  # "hundreds of supporters"
    return verb.lemma_.lower() in GATHERING and subj is not None and subj.lemma_.lower() in RALLIERS


# What a court decides, which a party appeals against.
RULINGS = frozenset("ruling verdict judgment judgement decision sentence conviction order acquittal".split())


def legal_appeal(token: Token) -> bool:
    """An appeal to a higher court, not a plea: "appealed the ruling", "filed its notice of
    appeal", "an appeal against the verdict" — a legal challenge (ACCUSE), not a request."""
    if token.lemma_.lower() in ("file", "lodge"):
        # "filed its notice of appeal" ("filed an appeal" is a light verb and its noun)
        obj = first_child(token, ("dobj",))
        appeal = prep_object(obj, ("of",)) if obj is not None and obj.lemma_.lower() == "notice" else None
        return appeal is not None and appeal.lemma_.lower() == "appeal"
    if token.lemma_.lower() != "appeal":
        return False
    decided = [first_child(token, ("dobj",)), prep_object(token, ("against",))]
    if any(d is not None and d.lemma_.lower() in RULINGS for d in decided):
        return True
    if token.pos_ != "NOUN":
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "notice":
        return True  # "filed its notice of appeal"
    return token.dep_ == "dobj" and head.lemma_.lower() in ("file", "lodge")


def dismissal(verb: Token) -> bool:
    """ "Trump fired Comey", "fired critics": a dismissal, not shooting ("fired on the crowd",
    "fired rockets at Israel")."""
    obj = first_child(verb, ("dobj",))
    return (
        verb.lemma_.lower() == "fire"
        and obj is not None
        and obj.lemma_.lower() not in FIRED
        and not any(c.dep_ == "prep" and c.lower_ in AIMED_AT for c in verb.children)
    )


def reached_a_mark(verb: Token) -> bool:
    """ "until the manufacturer hits 200,000 vehicles sold", "unemployment hit 10 percent": a
    figure reached, no blow struck (the idioms, "hit a record", are rows of triggers_extra.tsv)."""
    obj = first_child(verb, ("dobj",))
    if verb.lemma_.lower() != "hit" or obj is None:
        return False
    sold = any(c.dep_ == "acl" and c.tag_ == "VBN" for c in obj.children)  # "200,000 vehicles sold"
    return obj.like_num or obj.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or (
        sold and any(c.dep_ == "nummod" for c in obj.children)
    )


def describes(verb: Token) -> bool:
    """A past participle that only describes a noun playing a part in another clause, with no
    doer named: "arrested a man suspected of fraud", "the leader of a network linked to
    al-Qaeda", "lifted restrictions imposed on him". It tells what the noun is, not an event of
    this sentence; a headline ("Ten soldiers killed in Donetsk"), an existential ("there were
    ten soldiers killed"), a named doer ("a man arrested by police") or a progressive ("diplomats
    being expelled") still tells one."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj")
        and not any(c.dep_ in ("agent", "auxpass") for c in verb.children)
    )  # "diplomats being expelled from the US" is happening, not a description


# Verbs that, qualifying a noun, say what it is about: "talks dealing with arms sales".
TOPIC_VERBS = frozenset({"deal", "concern", "relate", "regard", "touch"})


def about(verb: Token) -> bool:
    """ "talks dealing with Egypt's tank plant", "a bill concerning refugees": a participle that
    gives a noun its topic, no dealings of anyone's."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.lemma_.lower() in TOPIC_VERBS


# What one declines to do for a reporter: "declined to comment", "refused to say whether".
NO_COMMENT = frozenset({"comment", "elaborate", "say", "specify", "give", "identify", "name"})
DECLINING = frozenset({"decline", "refuse"})


# Verbs that propose an act in the subjunctive ("suggested that Russia withdraw") and put
# forward a view in the indicative ("suggested there could have been more Russian content").
SUGGESTING = frozenset({"suggest"})
INDICATIVE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
SPECULATING = frozenset({"could", "might", "may", "would", "have", "has", "had", "was", "were", "is", "are"})


def a_view(verb: Token) -> bool:
    """ "suggested the companies had not done enough", "suggested there could have been far
    more": what is put forward is a view of what is or was, no request of anyone."""
    if verb.lemma_.lower() not in SUGGESTING:
        return False
    told = first_child(verb, ("ccomp",))
    if told is None:
        return False
    auxes = [c.lower_ for c in told.children if c.dep_ in ("aux", "auxpass")]
    if "should" in auxes:
        return False  # "suggested that talks should resume": a proposal
    return told.tag_ in INDICATIVE_TAGS or any(a in SPECULATING for a in auxes)


def no_comment(verb: Token) -> bool:
    """ "X declined to comment", "declined comment", "refused to be identified": a source
    turning down a reporter, no rejection of anyone's (GUIDE: an event needs a target)."""
    if verb.lemma_.lower() not in DECLINING:
        return False
    obj = first_child(verb, ("dobj",))
    if obj is not None and obj.lemma_.lower() in ("comment", "details"):
        return True
    done = first_child(verb, ("xcomp",))
    return done is not None and done.lemma_.lower() in NO_COMMENT and not any(
        c.dep_ == "dobj" and c.lemma_.lower() not in ("details", "detail") for c in done.children
    )


def armed_subject(verb: Token) -> bool:
    """Whether the verb's subject is a weapon or an attack ("shells hit", "air strikes pounded")."""
    subj = first_child(verb, ("nsubj",))
    return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in WEAPONS


def named_as(verb: Token) -> bool:
    """ "called X a Y", "a move it called unconstitutional": a naming verb with a predicate
    complement (not "called X to apologise", not "called for")."""
    return any(
        c.dep_ in ("oprd", "ccomp", "acomp", "attr")
        or (c.dep_ == "xcomp" and not to_infinitive(c))
        for c in verb.children
    ) and not any(
        c.dep_ == "prt" or (c.dep_ == "prep" and c.i == verb.i + 1) for c in verb.children
    )


def _hostile(tok: Token) -> bool:
    """A hostile epithet, or an "anti-" word ("calling it anti-people")."""
    if tok.lemma_.lower() in HOSTILE_EPITHETS or tok.lower_.startswith("anti-"):
        return True
    doc = tok.doc
    return tok.i > 1 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "anti"


QUOTES = ('"', "“", "'", "‘")


def epithet_of(verb: Token) -> Token | None:
    """The quoted or hostile word a naming verb puts on its object ("called it 'blackmail'",
    "what he called Saudi aggression", "described Y as Z"): criticism, or praise when its words
    praise (code.py PRAISE_WORDS); it may name whose wrong it is."""
    if verb.lemma_.lower() not in NAMING:
        return None
    named = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "has called Trump a dotard": the parser may give the one named and the name both as oprd
    named = named or [c for c in verb.children if c.dep_ == "oprd"][:-1]
    if not named and verb.dep_ != "relcl":
        return None
    for tok in verb.subtree:
        participle = tok.tag_ == "VBN" and tok.dep_ == "oprd"  # "called Trump 'mentally deranged'"
        if tok.i <= verb.i or (tok.pos_ not in ("ADJ", "NOUN") and not participle):
            continue
        # "called the government's order "tyranny"": the parser may glue the thing named onto
        # a quoted epithet, which it then takes for the object
        glued = tok.dep_ == "dobj" and tok.head == verb and any(c.dep_ in ("nmod", "compound") for c in tok.children)
        if tok.dep_ not in ("oprd", "xcomp", "ccomp", "acomp", "pobj", "amod", "attr") and not glued:
            continue
        # "called Trump 'mentally deranged'": the quote may open the word's phrase
        quoted = any(i > 0 and tok.doc[i - 1].text in QUOTES for i in (tok.i, tok.left_edge.i)) or (
            tok.left_edge.text in QUOTES
        )
        if (glued and quoted and _hostile(tok)) or (not glued and (quoted or _hostile(tok))):
            return tok
    return None


# Things that are named, never phoned: "calling the latest news report 'extremely troubling'".
UNCALLABLE = frozenset(
    "report statement letter plan decision move bill law vote ruling proposal idea allegation "
    "claim deal policy news article story election result".split()
)


def called_a_thing(verb: Token) -> bool:
    """ "calling the latest news report 'extremely troubling'": a thing called something."""
    obj = first_child(verb, ("dobj",))
    return obj is not None and obj.lemma_.lower() in UNCALLABLE


def phone_call(verb: Token) -> bool:
    """ "called his counterpart on Tuesday": a person called, with no complement, is a phone call
    (not "called X a liar", "called X to apologise", "called for", "called off", nor a thing
    called something, even where the parser loses the complement)."""
    obj = first_child(verb, ("dobj",))
    if obj is None or obj.pos_ not in ("PROPN", "NOUN") or first_child(verb, ("nsubjpass",)):
        return False
    if obj.lemma_.lower() in UNCALLABLE or epithet_of(verb) is not None:
        return False  # "called the government's order "tyranny"": named, not phoned
    return not any(
        c.dep_ in ("oprd", "xcomp", "ccomp", "prt")
        # "called X a liar" is no call; "called X on Friday, discussing …" or "… to explain" is
        or (c.dep_ == "advcl" and c.tag_ not in ("VBG", "VB"))
        for c in verb.children
    ) and not any(
        c.dep_ in ("oprd", "xcomp", "acl", "appos") for c in obj.children if c.pos_ != "PROPN"
    )


def visit_call(verb: Token) -> bool:
    """ "called on the President" with nothing requested is a courtesy visit; "called on X to
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


# Verbs that answer something asked or offered: their object ("refused a request", "spurned
# offers of talks", "dismissed allegations") is what is answered, and the answer is the event.
RESPONDING = frozenset(
    "refuse reject decline deny dismiss spurn rebuff accept approve grant heed answer "
    "rebut".split()
)
# Verbs that undo an earlier act: what they undo is presupposed history, not news of this
# sentence ("freed a journalist who had been sentenced", "returned bases it had seized").
UNDOING = frozenset(
    "free release return pardon acquit repatriate restore lift overturn quash reverse "
    "exonerate".split()
)


def answered(noun: Token) -> bool:
    """A request, offer or charge that another verb answers ("refused a request by the
    President", "spurned offers for peace talks", "dismissed allegations of abuse"): the
    answer (REJECT, YIELD) is the event; the thing answered is its object, not a second event."""
    tok = noun
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # "offers [for [talks]]": climb to the noun the verb takes
    return (
        tok.dep_ in ("dobj", "nsubjpass")
        and tok.head.pos_ == "VERB"
        and tok.head.lemma_.lower() in RESPONDING
    )


def undone(verb: Token) -> bool:
    """A relative clause telling what was done to a party that the main verb now undoes
    ("freed a US diplomat it arrested", "released the ship it seized", "pardoned X, who was
    convicted last month"): the earlier act is presupposed history, not this sentence's event."""
    if verb.dep_ not in ("relcl", "acl") or verb.tag_ not in ("VBD", "VBN"):
        return False  # "released a statement criticising X" tells this sentence's act
    noun = verb.head
    governor = noun.head
    while noun.dep_ in ("conj", "appos") and governor.pos_ in ("NOUN", "PROPN"):
        noun, governor = governor, governor.head
    return (
        noun.dep_ in ("dobj", "nsubjpass")
        and governor.pos_ == "VERB"
        and governor.lemma_.lower() in UNDOING
    )


# Nouns naming land or installations: taking them is taking territory (CAMEO 19x fighting),
# where seizing goods, ships or money stays a confiscation.
TERRITORY = frozenset(
    "territory land region province district town city village area enclave peninsula island "
    "field oilfield base airport airbase port border outpost stronghold capital".split()
)


def territory(verb: Token) -> bool:
    """Whether the verb's object is a place: a named country or region ("seized Crimea") or
    land and installations ("seized large oil fields", "captured the air base")."""
    obj = first_child(verb, ("dobj", "nsubjpass"))
    if obj is None:
        return False
    if obj.pos_ == "PROPN":
        return obj.ent_type_ in ("GPE", "LOC", "FAC")
    return obj.pos_ == "NOUN" and obj.lemma_.lower() in TERRITORY
