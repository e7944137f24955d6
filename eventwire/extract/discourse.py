"""What the article has said so far: the memory that resolves "They", "the alliance", "the statement".

News writes a name once and then refers back: "NATO issued a statement … 'Allies strongly protest
…,' the statement read. 'They call on the Russian Federation …'". Resolution here is deliberately
simple and local (salience = recency, with number and kind checks), which covers the patterns of
wire copy without a coreference model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Actor

# Definite descriptions that point back to an organisation, with the CAMEO code prefixes they fit.
ORG_ANAPHORS = {
    "alliance": ("IGO",),
    "ally": ("IGO",),
    "organization": ("IGO", "NGO"),
    "organisation": ("IGO", "NGO"),
    "bloc": ("IGO",),
    "body": ("IGO", "NGO"),
    "union": ("IGO",),
    "council": ("IGO",),
    "group": ("IMG", "REB", "INS", "NGO"),
    "militant": ("IMG", "REB", "INS"),
    "jihadist": ("IMG", "REB", "INS"),
    "coalition": (),  # "the coalition": the "Saudi-led coalition" named before, whatever its code
}
# Words for a document or utterance whose author speaks through it.
DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "report", "declaration", "letter"})
PERSONAL_PRONOUNS = frozenset({"they", "them", "their", "it", "its", "he", "him", "his", "she", "her", "we", "our", "us"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "our", "us"})


# Things a state owns that are attacked, seized or entered: named again as "the tanker".
HELD_THINGS = frozenset(
    "platform platforms ship ships vessel vessels tanker tankers boat boats plane planes aircraft "
    "jet jets airliner embassy consulate base bases airport port outpost facility convoy "
    "helicopter drone frigate destroyer warship submarine".split()
)


# How far back (characters, about two paragraphs) the two states "the two countries" means were named.
PAIR_REACH = 800


@dataclass
class Discourse:
    """Mutable, per-article memory; reset for every article."""

    actors: list[Actor] = field(default_factory=list)  # in order of mention
    # subjects of sentences, in order, and whether each names one person
    subjects: list[tuple[Actor, bool]] = field(default_factory=list)
    documents: dict[str, Actor] = field(default_factory=dict)  # "statement" -> NATO
    hostile_sources: list[Actor] = field(default_factory=list)  # agents of force events
    people: dict[str, Actor] = field(default_factory=dict)  # surname -> whom they act for
    # surnames of everyone the tagger named as a person so far ("Joe Barton" -> barton): a later
    # "Barton" that it takes for a town is still that person
    surnames: set[str] = field(default_factory=set)
    # every state or its people named in the article, by character offset, in order ("Greece
    # and Turkey": both, though the phrase is one argument)
    states_named: list[tuple[int, Actor]] = field(default_factory=list)
    # the words of each person named with a title and whom they act for ("crown prince mohammed
    # bin salman" -> SAU): "the crown prince" later is the one named so, when only one state's is
    titled: list[tuple[tuple[str, ...], Actor]] = field(default_factory=list)
    captors: list[Actor] = field(default_factory=list)  # who the article says kidnapped people

    def mention(self, actor: Actor | None, *, as_subject: bool = False, person: bool = False) -> None:
        if actor is None:
            return
        self.actors.append(actor)
        if as_subject:
            self.subjects.append((actor, person))

    def title_holder(self, words: tuple[str, ...]) -> Actor | None:
        """Whom "the crown prince" acts for: the state of the people named with that title
        before, when they are all of one state (with a US and a Turkish president named,
        "the president" is neither)."""
        found = {a.key: a for named, a in self.titled if _within(words, named)}
        return next(iter(found.values())) if len(found) == 1 else None

    def org_like(self, lemma: str) -> Actor | None:
        """The most recent organisation fitting a definite description ("the alliance")."""
        prefixes = ORG_ANAPHORS.get(lemma)
        if prefixes is None:
            return None
        if not prefixes:  # named by the same word before
            return next((a for a in reversed(self.actors) if a.key and lemma in a.text.lower()), None)
        for actor in reversed(self.actors):
            if actor.org and (actor.code or "").startswith(prefixes):
                return actor
        for actor in reversed(self.actors):
            if actor.org and not (actor.code or "").startswith(("IMG", "REB", "INS")):
                return actor if prefixes[0] == "IGO" else None
        return None

    def same_thing(self, noun: str) -> Actor | None:
        """A country's vessel, aircraft or post named again by its head noun: "an Iranian oil
        platform" ... "the platform" (what is attacked or seized there is that country's)."""
        if noun not in HELD_THINGS:
            return None
        for actor in reversed(self.actors):
            words = actor.text.lower().replace("-", " ").split()
            if actor.key and actor.sector is None and words and words[-1].strip(".,") == noun:
                return actor
        return None

    def same_group(self, noun: str) -> Actor | None:
        """A group named again by its head noun alone: "European Community industry ministers
        met ..." ... "the ministers were meeting" (the last group so named that had a state or
        organisation)."""
        for actor in reversed(self.actors):
            words = actor.text.lower().replace("-", " ").split()
            if actor.key and len(words) > 1 and words[-1].strip(".,") == noun:
                return actor
        return None

    def last_pair(self, before: int) -> tuple[Actor, Actor] | None:
        """The last two states the text named in the `PAIR_REACH` characters before offset
        ``before``, in order: whom "the two countries" or "both sides" means (from further
        back, "the two leaders" of a story that moved on are no longer those two)."""
        pair: list[Actor] = []
        for offset, actor in reversed(self.states_named):
            if offset < before - PAIR_REACH:
                break
            if offset < before and all(a.country != actor.country for a in pair):
                pair.insert(0, actor)
                if len(pair) == 2:
                    return pair[0], pair[1]
        return None

    def last_subject(self, *, person_ok: bool = True) -> Actor | None:
        """The last sentence's subject; without ``person_ok``, none if it named a person ("it"
        never means Trump)."""
        if not self.subjects:
            return None
        actor, person = self.subjects[-1]
        return None if person and not person_ok else actor

    def last_hostile_source(self) -> Actor | None:
        return self.hostile_sources[-1] if self.hostile_sources else None


def _within(words: tuple[str, ...], named: tuple[str, ...]) -> bool:
    """Whether ``words`` occur together, in order, among ``named``."""
    n = len(words)
    return n > 0 and any(named[i : i + n] == words for i in range(len(named) - n + 1))
