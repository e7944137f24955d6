"""How event coders read whole articles: the conventions that give an act its parties.

A sentence rarely names everyone: "the Senate", "protesters" and "Gazelka" have no country word;
"was arrested" names no one who arrests; "Democrats opposed the bill" names no one the bill is
from. Coders fill these from the article (the news_dev GUIDE writes their conventions down):
the article's country, the place of the act, the authors of a policy, the state that protests
are against, the two sides of a truce.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..coding.senses import POLICY_NOUNS
from ..records import Actor, Place
from .arguments import RECIPROCAL, THING_ENTRY
from .referents import ARTICLE_COUNTRY, DOMESTIC_SECTORS, OTHER_SIDE, given_country
from .syntax import first_child

# Acts only a state's authorities do: an unnamed "was arrested", "were detained", "was expelled".
STATE_ACTS = frozenset({"COERCE", "SANCTION"})

# Done by a state's authorities even when no agent is named ("was arrested in Minsk", "was
# charged with spying"); an abduction is not: kidnappers are rarely the state.
# Legal charges among them are laid by the state whose prosecutors or officials report them.
CHARGING = frozenset({"charge", "indict", "prosecute"})
ARRESTS = frozenset({"arrest", "detain", "jail", "imprison", "expel", "deport", "seize"}) | CHARGING
# What one is held or looked into "under", by the state's authorities unless a "by" names
# someone else: "are under investigation", "was placed under house arrest".
HELD_UNDER = frozenset({"arrest", "detention", "custody", "investigation", "probe", "inquiry", "indictment", "surveillance"})

# Verdicts on a policy fall on its authors: criticising a bill is an accusation against the
# government or legislature that wrote it (news_dev GUIDE, "Legislation"); hailing a deal made in
# one country is aimed at its parties there.
VERDICTS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


# Acts that answer another's deed.
ANSWERS = frozenset(
    "retaliation retaliatory response reprisal reprisals revenge countermeasure countermeasures "
    "consequence consequences".split()
)

# What is proposed before it is decided: blocking one rejects it.
PROPOSALS = POLICY_NOUNS | frozenset(
    "proposal proposals amendment amendments provision provisions nomination motion resolution "
    "program programs programme programmes idea ideas stance stances freeze bid bids application "
    "applications request requests candidacy accession".split()
)

# Words for a deed that point back to one the article told ("condemned the incident").
DEED_NOUNS = frozenset({"incident", "incidents", "move", "action", "actions", "act", "provocation"})

POLICY_AUTHORS = "implied: the authors of the policy"

TRUCES = frozenset({"truce", "ceasefire", "cease-fire", "armistice"})

# Subjects that are two sides of one country's conflict ("Ethiopia's warring sides agreed").
SIDES = frozenset({"side", "party", "faction", "rival"})


def home_country(counts: dict[str, int], *, filed_in: str | None = None) -> str | None:
    """The country an article is about: named at least twice and half again as often as any
    other, or, for a story filed from one of its two most named countries ("MOSCOW (Reuters) -"),
    that country. Its officials, parties, courts, police and people need no country word ("the
    Senate", "protesters", "Gazelka"); a story shared between two states has none."""
    ranked = list(counts)
    if filed_in is not None and filed_in in ranked[:2]:
        return filed_in
    if not ranked or counts[ranked[0]] < 2:
        return None
    if len(ranked) > 1 and counts[ranked[0]] < 1.5 * counts[ranked[1]]:
        return None
    return ranked[0]


def placed(actor: Actor | None, places: list[Place]) -> Actor | None:
    """Police, protesters or officials of no named country, in a sentence that says where the
    act happened, are that place's ("a mob of protesters stormed the mayor's office in Almaty",
    "MOSCOW - police detained ..."), when the article has no country of its own to give them."""
    if actor is None or actor.key is not None or actor.sector not in DOMESTIC_SECTORS:
        return actor
    country = next((p.country for p in places if p.country), None)
    if country is None:
        return actor
    return given_country(actor, country, "place of the act")


def at_the_scene(actor: Actor | None, places: list[Place], *, acting: bool) -> Actor | None:
    """An actor the article's country was only guessed for, in an act the clause places in one
    other state, is that state's: in a Washington story, "security forces launched a crackdown
    in Rakhine state in Myanmar" is Myanmar's; in an Ankara story, "Kurdish positions near
    Qamishli" are in Syria. A doer must be police or forces (envoys and leaders travel)."""
    if actor is None or not (actor.entry or "").endswith(ARTICLE_GUESS):
        return actor
    if acting and actor.sector not in LOCAL_FORCES:
        return actor
    found = {p.country for p in places if p.country}
    if len(found) != 1 or actor.country in found:
        return actor
    unguessed = Actor(text=actor.text, sector=actor.sector, entry=(actor.entry or "").removesuffix(ARTICLE_GUESS))
    return given_country(unguessed, found.pop(), "place of the act")


ARTICLE_GUESS = " + " + ARTICLE_COUNTRY
LOCAL_FORCES = frozenset({"COP", "MIL", "SPY"})


def struck_state(plover_type: str, source: Actor | None, target: Actor | None, places: list[Place]) -> Actor | None:
    """An armed attack abroad that names no victim strikes the state where it fell: "Iranian
    troops are fighting in a new offensive, in northern Iraq" is an attack on Iraq, as coders
    read it. Only one foreign state among the places the act's own clause names will do (not
    the dateline, where a report was filed, nor a point the target lies "east of")."""
    if plover_type != "ASSAULT" or source is None or source.country is None:
        return None
    if target is not None and target.key is not None:
        return None
    if (source.entry or "").endswith(ARTICLE_GUESS):
        return None  # an actor of no stated country is no evidence of an attack abroad
    abroad = {p.country for p in places if p.country and p.country != source.country}
    if len(abroad) != 1:
        return None
    country = abroad.pop()
    return Actor(text=target.text if target else "the state", country=country,
                 entry="implied: the state where the attack fell")  # fmt: skip


PROTESTED_STATE = "implied: the state protested against"
# Protests their makers may end: "called off the strike", "ended their boycott".
PROTESTS_ENDED = frozenset({"strike", "protest", "protests", "boycott", "sit-in", "walkout", "demonstration", "blockade"})


def implied_target(
    plover_type: str, source: Actor | None, src_tok: Token | None, tgt_tok: Token | None
) -> Actor | None:
    """Whom an act with no named party is done to, when the doer says it.

    - A protest by a country's people with no stated aim is against their own state (coders
      read "protests spread across Kazakhstan" as KAZ -> KAZ); so is a complaint or rejection
      by its opposition or rebels ("the opposition complained"), and the end of their protest
      ("workers called off the strike") is yielded to it.
    - An agreement, talks or cooperation of a country's "warring sides" or "two parties" is
      between the two, both of that country; so is a truce or ceasefire agreed with a side the
      sentence does not name ("Ethiopia's Tigray agreed to a truce").
    """
    if source is None or source.country is None or source.org:
        return None
    # "France protested" (a state named as such) lodges a protest with another, not at itself
    state = src_tok is not None and src_tok.ent_type_ == "GPE"
    # "port workers called off a national strike": a protest ended is yielded to whom it was against
    ended = plover_type in ("CONCEDE", "RETREAT") and tgt_tok is not None and tgt_tok.lemma_.lower() in PROTESTS_ENDED
    dissent = (plover_type == "PROTEST" or ended) and source.sector not in ("GOV", "MIL", "COP") and not state
    if dissent or (plover_type in ("ACCUSE", "REJECT") and source.sector in ("OPP", "REB")):
        return Actor(text="the state", country=source.country, sector="GOV",
                     code=source.country + "GOV", entry=PROTESTED_STATE)  # fmt: skip
    sides = src_tok is not None and src_tok.lemma_.lower() in SIDES and src_tok.tag_ == "NNS"
    truce = tgt_tok is not None and tgt_tok.lemma_.lower() in TRUCES
    if plover_type in RECIPROCAL and (sides or (plover_type == "AGREE" and truce)):
        return Actor(text=source.text, country=source.country, entry=OTHER_SIDE)
    return None


def answers(plover_type: str, token: Token | None) -> bool:
    """A threat of an answer ("threatened retaliation", "vowed a response") is aimed at whoever
    the article has just told doing a hostile act."""
    return plover_type == "THREATEN" and token is not None and token.lemma_.lower() in ANSWERS


def plea_court(trigger: Token, source: Actor | None) -> Actor | None:
    """A guilty plea is made to the courts of the pleader's state, whatever it is about:
    "Flynn pleaded guilty to lying to the FBI about his contacts with Russia" is USA -> USA."""
    if trigger.lemma_.lower() != "plead" or source is None or source.country is None:
        return None
    return Actor(text="the court", country=source.country, sector="JUD",
                 code=source.country + "JUD", entry="implied: the court of the plea")  # fmt: skip


COURTS = frozenset({"court", "courthouse", "courtroom", "tribunal", "judge", "magistrate"})


def trying_court(trigger: Token, source: Actor | None) -> Actor | None:
    """A defendant's appearance in court is the state's case against them: "Zuma appeared in
    court on corruption charges" is the South African courts' charge (ACCUSE) against Zuma,
    not an arrest of anyone by Zuma. A defendant of no known state stands before no known court."""
    if trigger.lemma_.lower() != "appear":
        return None
    if not any(
        c.dep_ == "prep" and c.lower_ in ("in", "before") and (o := first_child(c, ("pobj",))) is not None
        and o.lemma_.lower() in COURTS
        for c in trigger.children
    ):  # fmt: skip
        return None
    country = source.country if source is not None else None
    return Actor(text="the court", country=country, sector="JUD",
                 code=country and country + "JUD", entry="implied: the court of the trial")  # fmt: skip


def policy_author(thing_tok: Token | None, home: str | None) -> Actor | None:
    """The state whose bill, law or policy an act is aimed at, when the article is about one
    state and the policy names no other owner ("Democrats opposed the bill")."""
    if thing_tok is None or home is None or thing_tok.lemma_.lower() not in POLICY_NOUNS:
        return None
    if any(c.dep_ == "poss" for c in thing_tok.children):
        return None  # "Trump's plan", "Britain's law": the owner says whose
    return Actor(text=thing_tok.text, country=home, sector="GOV", code=home + "GOV",
                 entry=POLICY_AUTHORS)  # fmt: skip


# What a state's own institutions hold or do: a call for one by a party of that state, or a
# threat of one, is aimed at that state ("lawmakers called for public hearings", "threatened to
# issue a subpoena").
PROCEDURES = frozenset(
    "hearing hearings investigation investigations inquiry probe review audit testimony subpoena "
    "subpoenas vote referendum election elections impeachment recount".split()
)
INSTITUTIONS = "implied: the state's institutions"


def procedure_holder(words: list[Token | None], source: Actor | None, home: str | None) -> Actor | None:
    """The state whose institutions would hold what a party of that state calls for or
    threatens, when the sentence names no one else."""
    if source is None or home is None or source.country != home or source.org:
        return None
    for word in words:
        if word is not None and word.lemma_.lower() in PROCEDURES:
            return Actor(text=word.text, country=home, sector="GOV", code=home + "GOV",
                         entry=INSTITUTIONS)  # fmt: skip
    return None


# Words a party of the article's state says about no one the sentence names are aimed at that
# state (news_dev GUIDE, "Domestic politics"): "the FBI had requested the materials from GSA
# staff", "Kaunda dismissed central bank statements", "Democrats called for bipartisan talks".
HOME_ADDRESSED = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT"})
AT_HOME = "implied: the article's state"


def home_addressee(plover_type: str, source: Actor | None, target: Actor | None, home: str | None) -> Actor | None:
    """The article's state as the one addressed, for words of one of its own parties with no
    named addressee. The caller passes only a party that speaks for itself (``gates.speaking_party``:
    "Democratic lawmakers", "the FBI", not "Washington") and leaves out a refusal of one's own
    act ("would not resign", aimed at no one)."""
    if plover_type not in HOME_ADDRESSED or home is None or source is None:
        return None
    if source.country != home or source.org:
        return None
    if target is not None and target.entry != THING_ENTRY:
        return None
    return Actor(text=target.text if target is not None else "the state", country=home, code=home,
                 entry=AT_HOME)  # fmt: skip


def a_proposal(token: Token | None) -> bool:
    """The word acted on is a proposal or a policy ("barred Corker's proposal", "blocked the
    bill"): force or restriction cannot be done to it, only rejection."""
    return token is not None and token.lemma_.lower() in PROPOSALS


def a_policy(target: Actor | None) -> bool:
    """The target is a policy or its authors, not people (a judge who orders an arrest coerces)."""
    return target is not None and target.entry in (THING_ENTRY, POLICY_AUTHORS)


def told_deed(token: Token | None) -> bool:
    """"the incident", "this move": a definite word for a deed the article has already told."""
    if token is None or token.lemma_.lower() not in DEED_NOUNS:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children)
