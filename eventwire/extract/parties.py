"""The other party of a verbal event when its object names none, and joint acts of two parties.

A mixin of `events.Extractor`. News often puts the thing handed over, withheld or fired in the
object slot and the party in a prepositional phrase: "granted asylum to Julian Assange", "gave
the Ivory Coast $5 million" (a dative), "provided $2 million in assistance to Fiji" (a phrase
inside the object), "fired shells at targets in Jericho". A coordinated subject with no other
party is a joint or mutual act ("the House and Senate failed to agree", "UK and EU negotiators
agreed a deal"), coded from the first conjunct to the second. A protest is aimed at whom its stated
purpose names ("a hunger strike to protest Germany's decision"), a threat at the party of its
condition or of the threatened act ("threatened to walk out unless Israel withdrew").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Token

from ..records import Actor, Span
from .arguments import THING_ENTRY
from .referents import ALLY_NOUNS, pair_named, possessor
from .syntax import first_child, prep_object

# Prepositions that introduce a party, most telling first ("in" names a place, so last).
PARTY_PREPS = ("to", "against", "on", "onto", "at", "upon", "with", "between", "toward", "towards", "into", "from", "for", "over", "in")
# Those that introduce what an act is aimed at even when it names no actor ("fired at targets").
# Prepositions of where an act is done, not whom to.
SETTING_PREPS = frozenset({"in", "from", "at", "inside", "near"})
AIM_PREPS = frozenset({"against", "at", "on", "onto", "upon", "toward", "towards", "into"})
NAMED_TYPES = frozenset({"GPE", "ORG", "NORP", "PERSON"})
# Verbs of bearing witness: their "before" phrase names whom the witness speaks to.
TESTIFYING = frozenset({"testify"})
WITNESS_PREPS = PARTY_PREPS + ("before",)
# Means of speaking at a distance: "by telephone with Xi" names Xi the party.
MEANS = frozenset({"phone", "telephone", "video", "videoconference", "link", "letter"})
# Verbs of coming and going: their "from" phrase is where one came from.
MOTION = frozenset("arrive come return leave go travel fly head depart".split())
# Setting captives free: "girls kidnapped by Boko Haram were released".
FREEING = frozenset({"release", "free"})
# Verbs whose "from" phrase is where one came from or was held, never a party.
FROM_NO_PARTY = MOTION | FREEING | {"rescue"}
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")
# Words that open a condition another party must meet ("unless Israel withdrew").
CONDITION_MARKS = frozenset({"unless", "if", "until"})
# Those that hold a refusal until another acts ("will not lift the embargo until Cuba ..."); "would
# not ... if" is a hypothetical, no refusal.
HOLDING_MARKS = frozenset({"unless", "until"})


def _phrases(head: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under a word, the dative first ("gave the Ivory Coast …")."""
    for child in head.children:
        if child.dep_ == "dative":
            yield "to", first_child(child, ("pobj",)) or child
        means = first_child(child, ("pobj",)) if child.dep_ == "prep" and child.lower_ in ("by", "over", "via") else None
        if means is not None and means.lemma_.lower() in MEANS:
            yield from _phrases(means)  # "spoke by telephone with Xi": the party the means reached
    # "testified before the Senate committee": whom a witness speaks to
    preps = WITNESS_PREPS if head.lemma_.lower() in TESTIFYING else PARTY_PREPS
    for child in head.children:
        # "called on Conyers to step aside" is parsed with "on" a particle holding the object
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            pobj = first_child(child, ("pobj",))
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                yield child.lower_, pobj
        elif child.dep_ in ("prep", "prt", "advmod") and child.lower_ == "out":
            # "pulled its troops out of Syria": whence, as "from"
            of = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = first_child(of, ("pobj",)) if of is not None else None
            if pobj is not None:
                yield "from", pobj


def party_phrases(verb: Token, obj: Token | None) -> list[tuple[str, Token]]:
    """Prepositional objects that may name the party of a verb: on the verb, on its object, on
    an infinitive it governs, and one level inside each of them, in order of preference."""
    heads = [verb] + ([obj] if obj is not None else [])
    heads += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    found: list[tuple[str, Token]] = []
    for head in heads:
        found.extend(_phrases(head))
        if head is obj:  # "$2 million in assistance to Fiji": a phrase inside the object's phrase
            for child in head.children:
                if child.dep_ == "prep":
                    inner = first_child(child, ("pobj",))
                    if inner is not None:
                        found.extend(_phrases(inner))
    # one level inside, and through the "of" of what is called for, as of an object ("called for
    # the suspension of cooperation with the United States": the party of the act it is about)
    inside = [pobj for _, pobj in found]
    inside += [o for p, pobj in found if p == "for" and (o := prep_object(pobj, ("of",))) is not None]
    nested = [(p, inner) for pobj in inside for p, inner in _phrases(pobj)]
    ranked = sorted(found, key=lambda item: WITNESS_PREPS.index(item[0]))
    return ranked + nested


class Parties:
    """Party finding for the extractor; `_actor` comes from `referents.Referents`."""

    _actor: Any

    def _recipient(
        self,
        verb: Token,
        obj: Token | None,
        ctx: Any,
        target: Actor | None,
        target_span: Span | None,
    ) -> tuple[Actor | None, Span | None, bool]:
        """A named party in a prepositional phrase of the verb or of its object, else what the
        act is aimed at ("fired at targets"), else the target as it was; and whether it changed."""
        aimed: Token | None = None
        # "was detained in Niger", "were expelled from Mali": a passive's subject is whom
        # the act is done to; where it is done is no party
        patient = obj is not None and obj.dep_ == "nsubjpass" and obj.head == verb
        for prep, party in party_phrases(verb, obj):
            if patient and prep in SETTING_PREPS:
                continue
            if self._in_setting(party, verb):
                continue  # "detained two suspects in the bombing against the motorcade": the bombing's party
            if prep in ("in", "for") and self._is_event_noun(party):  # type: ignore[attr-defined]
                # "condemned the incident in their meeting": the setting, not a party; "mobilized
                # troops for the war against Iraq": the party is the war's
                continue
            if prep == "from" and verb.lemma_.lower() in FROM_NO_PARTY:
                continue  # "arrived from Vietnam", "freed Glas from prison": where one came from is no party
            named = party.pos_ == "PROPN" or party.ent_type_ in NAMED_TYPES
            actor, span = self._actor(party, ctx)
            # "provided food aid to refugees": people named by what they are count as a party
            people = (
                prep not in ("in", "from", "for", "over")
                and actor is not None
                and actor.entry != THING_ENTRY
                and actor.sector not in (None, "UNK")
            )
            if actor is not None and (named or actor.key is not None or people):
                return actor, span, True
            if aimed is None and prep in AIM_PREPS and party.pos_ == "NOUN":
                aimed = party
        if target is None and aimed is not None:
            actor, span = self._actor(aimed, ctx, as_target=True)
            if actor is not None:
                return actor, span, True
        return target, target_span, False

    def _in_setting(self, party: Token, verb: Token) -> bool:
        """Whether a phrase lies inside an event the act is set in ("detained two suspects in
        the bombing against X", "during talks with Y"), whose party it names ("$50 billion in duties
        on foreign steel" is the act's own measure)."""
        for ancestor in party.ancestors:
            if ancestor == verb:
                return False
            if (
                ancestor.dep_ == "pobj" and ancestor.head.lower_ in ("in", "during", "after")
                and ancestor.head.head == verb and self._is_event_noun(ancestor)  # type: ignore[attr-defined]
            ):
                return True
        return False

    def _conjoined(self, src_tok: Token) -> tuple[Token, Token] | None:
        """The two parties of a coordinated subject: "the US and China", "UK and EU negotiators"."""
        partner = first_child(src_tok, ("conj",))
        if partner is not None:
            return src_tok, partner
        origin = prep_object(src_tok, ("from",))
        if origin is not None and src_tok.tag_ == "NNS" and (partner := first_child(origin, ("conj",))) is not None:
            return origin, partner  # "negotiators from the United States, Canada and Mexico met"
        for child in src_tok.children:
            if src_tok.lemma_.lower() in ALLY_NOUNS and possessor(child):
                continue  # "Greece and Turkey's NATO allies" are neither
            if child.dep_ in MODIFIER_DEPS and child.i < src_tok.i:
                partner = first_child(child, ("conj",))
                if partner is not None and partner.i < src_tok.i:
                    return child, partner
        return None

    def _joint(
        self, src_tok: Token, ctx: Any
    ) -> tuple[Actor, Span | None, Actor, Span | None] | None:
        """Source and target of a joint act of a coordinated subject, when both name parties;
        talks act through their parties ("talks between the two countries reached a deal")."""
        between = prep_object(src_tok, ("between",))
        if between is not None and self._talks(src_tok):  # type: ignore[attr-defined]
            src_tok = between
        named = pair_named(src_tok, ctx)
        if named is not None:  # "the two countries have been discussing a package"
            source, source_span = self._actor(src_tok, ctx)
            return (source, source_span, named[1], None) if source is not None else None
        sent_by = prep_object(src_tok, ("from", "of"))
        named = pair_named(sent_by, ctx) if sent_by is not None else None
        if named is not None:  # "officials from both countries began talks": the two states
            return named[0], self._actor(src_tok, ctx)[1], named[1], None
        pair = self._conjoined(src_tok)
        if pair is None:
            return None
        first, second = pair
        other, other_span = self._actor(second, ctx, as_target=True)
        if other is None or other.entry == THING_ENTRY:
            return None
        source, source_span = self._actor(first, ctx, alone=True)
        if source is None:
            return None
        return source, source_span, other, other_span

    # -- whom a protest or a threat is aimed at ----------------------------------------------
    def _aimed_party(
        self, token: Token | None, source: Actor | None, ctx: Any, *, things: bool = False
    ) -> tuple[Actor, Span | None] | None:
        """A party named by a phrase: the phrase itself when it names one, else the owner of
        the thing it names ("Sweden's decision", "violations by the army"). With ``things``,
        what an act is aimed at is kept even when it names no party ("against the new law")."""
        if token is None or token.pos_ not in ("NOUN", "PROPN"):
            return None
        actor, span = self._actor(token, ctx, as_target=True)
        if actor is not None and actor.entry != THING_ENTRY and not _same(source, actor):
            return actor, span
        if actor is not None and source is not None and actor.sector and source.sector not in (None, actor.sector):
            return actor, span  # "miners protested against the Polish government": one state's two sides
        owner = self._owner(token, source, ctx)  # type: ignore[attr-defined]
        inner = prep_object(token, ("of",))
        if owner is None and inner is not None and inner.pos_ == "NOUN":
            # "the return of property seized by the army": the owner of what the act is about
            owner = self._owner(inner, source, ctx)  # type: ignore[attr-defined]
        if owner is not None:
            return owner
        if things and actor is not None:
            return actor, span
        return None

    def _protest_aim(
        self, heads: list[Token], source: Actor | None, ctx: Any, *, phrases: bool = True
    ) -> tuple[Actor, Span | None] | None:
        """Whom a protest is aimed at when its own words name no one: the party of the act it
        is staged for ("began a hunger strike to protest against the deportations by Germany",
        "demonstrated, demanding independence from Iraq") or, with ``phrases``, of "in protest
        against X". Force used for a purpose is aimed the same way ("opened fire to disperse
        the demonstrators")."""
        children = [c for head in heads for c in head.children]
        for child in children:
            if child.dep_ == "acl" and child.head.pos_ != "NOUN":
                continue
            if child.dep_ in ("advcl", "xcomp", "conj", "acl") and child.pos_ == "VERB":
                if first_child(child, ("nsubj", "nsubjpass")) is not None:
                    continue
                if not phrases and child.tag_ != "VB":
                    continue  # force: only an infinitive states its aim ("killing five" is its result)
                found = self._aimed_party(first_child(child, ("dobj",)), source, ctx)
                for _, party in _phrases(child):
                    found = found or self._aimed_party(party, source, ctx)
                if found is not None:
                    return found
            if phrases and child.dep_ == "prep" and child.lower_ in ("in", "against"):
                pobj = first_child(child, ("pobj",))
                if pobj is None:
                    continue
                if child.lower_ == "against":
                    found = self._aimed_party(pobj, source, ctx, things=True)
                else:  # "in protest at/against/over X", "in opposition to X"
                    inner = prep_object(pobj, ("against", "at", "over", "to", "of"))
                    found = self._aimed_party(inner, source, ctx, things=True)
                if found is not None:
                    return found
        return None

    def _condition_party(
        self, verb: Token, source: Actor | None, ctx: Any, marks: frozenset[str] = CONDITION_MARKS
    ) -> tuple[Actor, Span | None] | None:
        """The party of a condition set on an act or on a refusal: "unless Israel withdrew",
        "if the US deploys missiles", "until Cuba undertakes reforms"."""
        clauses = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        for clause in clauses:
            for child in clause.children:
                if child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in marks for m in child.children
                ):
                    found = self._aimed_party(first_child(child, ("nsubj",)), source, ctx)
                    if found is not None:
                        return found
        return None

    def _threat_aim(
        self, verb: Token, source: Actor | None, ctx: Any
    ) -> tuple[Actor, Span | None] | None:
        """Whom a threat is aimed at: the party of the condition set ("threatened to walk out
        unless Israel withdrew", "if the US deploys missiles"), else the party of the
        threatened act ("threatened to shell Iraqi towns", "to impose curbs on Moscow")."""
        found = self._condition_party(verb, source, ctx)
        if found is not None:
            return found
        clauses = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        for clause in clauses[1:]:
            found = self._aimed_party(first_child(clause, ("dobj",)), source, ctx)
            for _, party in _phrases(clause):
                found = found or self._aimed_party(party, source, ctx)
            if found is not None:
                return found
        return None


def _same(one: Actor | None, other: Actor | None) -> bool:
    return one is not None and other is not None and bool(one.key) and one.key == other.key
