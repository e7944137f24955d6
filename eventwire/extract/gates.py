"""The precision gates a mention passes before it is coded as an event.

Whole-article evaluation (`eventwire evaluate`, news_dev) showed that most events a user saw were
wrong: nobody on either side, a state acting on itself, an intent coded as an agreement, a figure
of speech coded as force. Each gate here says why an act is not news as coded; each was measured
on the gold set by switching it off alone (README, "How it works"). `events.Extractor` calls them
once the act's actors are known.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..coding.ontology import Coding, Ontology
from ..records import Actor
from .arguments import THING_ENTRY, UNLISTED
from .conventions import OTHER_SIDE

DOCUMENT_ENTRY = "document"

# Force is news when only what it hit is named ("shelled the village", "raided the offices").
FORCE = frozenset({"ASSAULT", "COERCE"})

# Verbs that make an agreement ("issued a joint statement" publishes one); other verbs coded as
# an intent to cooperate (CAMEO 03) only announce one.
AGREEING = frozenset({"agree", "sign", "conclude", "reach", "strike", "ink", "seal", "accept", "issue", "release"})

# Sectors that bear arms: force between them and others is force, not a figure of speech.
ARMED = frozenset({"MIL", "COP", "REB", "SPY", "UAF", "INS", "CRM"})

# Verbs that offer or promise an act ("offered to hand over", "pledged to send"): the offer is
# an event (PLOVER AGREE), the act offered is not.
OFFERING = frozenset({"offer", "promise", "pledge", "vow", "commit", "volunteer", "undertake"})
# Help named by a word no event row codes: "pledged its support", "offered protection".
HELP_NOUNS = frozenset({"support", "help", "backing", "protection"})

# Ties a participle describes rather than reports ("a hospital supported by MSF").
DESCRIBED = frozenset({"SUPPORT", "AID", "COOPERATE"})

# What a document can do: say, ask, accuse, threaten, reject or back ("a report alleged").
VERBAL = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"})

# Verbs of going away or about: on their own (a dictionary default) they report no meeting.
DEPARTING = frozenset({"leave", "go", "come", "return", "head", "depart"})

# Violence that is news even when the report does not say who did it.
LETHAL = frozenset(
    "kill bomb shell shoot wound injure ambush massacre behead execute murder assassinate "
    "airstrike bombard".split()
)

# Weapons told as doers: their user is unnamed ("three rockets struck near the embassy").
WEAPONS = frozenset(
    "rocket rockets missile missiles bomb bombs shell shells mortar mortars drone drones grenade "
    "grenades mine mines explosive explosives device devices ied ieds airstrike airstrikes "
    "gun guns rifle rifles weapon weapons shot shots".split()
)

# Words for a person the article named before ("asking him to turn over documents").
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})

# Acts that need no one they are done to: a protest, a deployment, a withdrawal or resignation.
MONADIC = frozenset({"PROTEST", "MOBILIZE", "RETREAT"})


# Verbs of an appeal, which is news by its speaker alone when it names no one it is made of
# ("Hua Chunying called for restraint", "the ministry urged calm"): the gold's addressee is null.
APPEALING = frozenset({"call", "urge", "appeal", "demand", "press", "ask"})


def codable(
    plover_type: str, source: Actor | None, target: Actor | None, *, lethal: bool = False, unaddressed: bool = False
) -> bool:
    """The precision gates an act passes before it is coded: who did it, and to whom, are known.

    - The doer is known: "talks were held", "aid was sent" name no one (an implied agent,
      `_implied_agent`, may: "killed in a clash with China", "was arrested"). Only killing and
      bombing are news without their author, and then their victims are named ("twelve Malian
      soldiers were killed", "a bomb killed five civilians"; not "a legal battle with lawmakers").
    - An act done to someone names them, as a state or organisation: "offered its response",
      "funding was cut" say nothing about whom; a protest, a deployment or a withdrawal needs no one.
    - No self-loop: a state acting on itself is real between sectors (police arrest opposition
      leaders, Democrats accuse the President), not when both sides are one actor ("EU leaders
      condemned … in their meeting", "Belarus defended its action", "Japan promised Japan").
    - An act `unaddressed` by its nature needs only its doer: an appeal (see APPEALING) to no
      one named, an organisation's body meeting with no one else.
    """
    # a report or statement speaks for its author; it does not coerce, fight or give
    spoken = source is not None and source.entry == DOCUMENT_ENTRY and plover_type in VERBAL
    known_source = named(source) or spoken
    known_target = named(target)
    if not known_source:
        return lethal and plover_type == "ASSAULT" and named(target)
    alone = plover_type in MONADIC or (plover_type in FORCE and target is not None) or unaddressed
    if not known_target and not alone:
        return False
    if plover_type == "PROTEST" and source is not None and source.sector in PROTESTERS:
        return True  # "protesters took to the streets of Caracas": against their own rulers
    return not (known_target and self_loop(source, target))  # type: ignore[arg-type]


ENVOY_WORDS = ("diplomat", "ambassador", "envoy", "embassy", "consul", "chargé", "charge d")


def _envoys(actor: Actor) -> bool:
    text = actor.text.lower()
    return any(w in text for w in ENVOY_WORDS)


def named(actor: Actor | None) -> bool:
    """A side is known when it is a state or organisation, or named as a kind of actor
    ("refugees", "Kurdish militants") or by a name no dictionary lists ("Julian Assange");
    a phrase for a thing ("the letter", "funding") is not."""
    if actor is None or actor.entry == THING_ENTRY:
        return False
    return bool(actor.key or actor.sector not in (None, "UNK") or actor.entry == UNLISTED)


# Sectors of those who protest against their own state's rulers.
PROTESTERS = frozenset({"OPP", "CVL", "LAB", "EDU", "AGR"})


def self_loop(source: Actor, target: Actor) -> bool:
    """Both sides are one actor: same key, and the same sector, or the target is only a word
    pointing back to the source ("its", "the alliance") or the bare name of its own state (not
    when the source is its forces, police or courts, who act on places and people at home)."""
    if source.key is None or source.key != target.key or target.entry == OTHER_SIDE:
        return False
    if _envoys(target) and not _envoys(source):
        return True  # "expulsions of their diplomats from Russia": a state's envoys serve abroad
    if source.org is not None and source.org == target.org:
        return True  # "Stoltenberg held a meeting of the alliance's Council": an organisation has no sides
    if source.sector == target.sector and (source.sector is None or bare(target)):
        # "Feinstein wrote to Phares, asking him …": two people of one state are two sides
        return not (personal(source) and personal(target) and referent(source) != referent(target))
    if referent(target) == referent(source):
        return True  # "Belarusian authorities defended their action": "their" is the source
    if armed(source) or source.sector == "JUD":
        return False  # police storm a camp in Calais, a court summons a magistrate of Islamabad
    return target.sector is None and (target.entry or "").startswith(("countries.tsv", "place:"))


def personal(actor: Actor) -> bool:
    """A person: named in the people tables, by a name no dictionary lists, or "he"/"she"."""
    entry = actor.entry or ""
    if "people" in entry or UNLISTED in entry:
        return True
    return entry.startswith("antecedent: ") and actor.text.lower() in PERSONAL_PRONOUNS


def bare(actor: Actor) -> bool:
    """Named only by its state, capital or seat of power ("Washington", "the White House")."""
    return (actor.entry or "").startswith(("countries.tsv", "metonyms.tsv", "place:")) and "+" not in (actor.entry or "")


def speaking_party(actor: Actor | None) -> bool:
    """One of a state's or organisation's own parties, who may speak to no one named ("Democratic
    lawmakers", "the FBI", "Pakistan's foreign ministry"): known, with a sector, and not the state
    itself named by its capital or seat ("Washington", "the Pentagon")."""
    return actor is not None and actor.key is not None and actor.sector is not None and not bare(actor)


def referent(actor: Actor) -> str:
    """The words an actor was first named by: a pronoun or description stands for its antecedent."""
    entry = actor.entry or ""
    return entry.removeprefix("antecedent: ") if entry.startswith("antecedent: ") else actor.text


def unarmed_quarrel(source: Actor | None, target: Actor | None) -> bool:
    """Two sides of one state, neither armed: force "not specified" (CAMEO 190: "fight",
    "battle", "blast", "attack") between a president and lawmakers is a figure of speech."""
    if source is None or target is None or not source.country or source.country != target.country:
        return False
    if (target.entry or "").startswith("place"):
        return False  # "attacked an army base in western Afghanistan": force used at a place
    # a party or lawmakers "attacking the FBI" use words: they command no force against it
    return not armed(source) and (politician(source) or not armed(target))


# Sectors whose "attacks" on their own state's bodies are words: parties, lawmakers, judges,
# the press.
POLITICAL = frozenset({"PTY", "LEG", "JUD", "MED"})


# Sectors that command no force: their "attacks" on things are figures of speech.
UNARMED_SECTORS = POLITICAL | frozenset({"BUS", "ELI", "EDU", "NGO", "HRI", "LAB"})


def figure_of_force(source: Actor | None, target: Actor | None, *, person: bool) -> bool:
    """Force said of lawmakers, parties, judges, the press, business or a named official acting
    on no one named ("negotiators were hammering out a final version", "rushing to beat a
    deadline"): words for politics, not an attack. ``person``: the source is a person's name."""
    if source is None or armed(source) or not (target is None or target.entry == THING_ENTRY):
        return False
    return source.sector in UNARMED_SECTORS or (source.sector == "GOV" and (personal(source) or person))


def politician(actor: Actor) -> bool:
    return actor.sector in POLITICAL


def armed(actor: Actor) -> bool:
    code = actor.code or ""
    return actor.sector in ARMED or code.startswith(("IMG", "REB", "INS", "UAF"))


def intent_only(coding: Coding, trigger: Token, is_act: Callable[[Token], bool]) -> bool:
    """CAMEO 03 codes an intent to cooperate ("offered its response", "plans", "wants",
    "reiterated plans"): an act to come, not an agreement made. Verbs that make an agreement
    ("agreed", "signed", "reached a deal"), a named intent pattern, and an offer or promise of
    an act ("offered to hand over the suspects", "promised to continue aid", "pledged aid to
    Syria", "offered its support": PLOVER AGREE, the offer itself is the event) report one;
    ``is_act`` tells an object that names an act."""
    if not coding.cameo_code.startswith("03") or trigger.pos_ != "VERB":
        return False
    if trigger.lemma_.lower() in AGREEING or coding.pattern.startswith("intent:"):
        return False
    offers_an_act = trigger.lemma_.lower() in OFFERING and any(
        (c.dep_ == "xcomp" and c.pos_ == "VERB") or (c.dep_ == "dobj" and _an_act(c, is_act))
        for c in trigger.children
    )
    return not offers_an_act


def _an_act(thing: Token, is_act: Callable[[Token], bool]) -> bool:
    """ "aid", "its support", "$10 million (in aid)": what is offered is an act or money."""
    return is_act(thing) or thing.lemma_.lower() in HELP_NOUNS or thing.ent_type_ == "MONEY"


def decides(trigger: Token, ontology: Ontology) -> bool:
    """"agreed to ban airlines", "agreed to send troops": "agree" with an act of its own to do
    is a decision to act, coded by that act, not an agreement with whom the act is aimed at."""
    return trigger.pos_ == "VERB" and trigger.lemma_.lower() in ("agree", "decide") and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and ontology.is_trigger_lemma(c.lemma_.lower())
        for c in trigger.children
    )
