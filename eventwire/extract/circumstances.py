"""Where and when an event happened: the places in the trigger's clause, the time phrase nearest it.

A mixin of `events.Extractor` (it needs the gazetteer the extractor holds); kept apart so that the
extractor module stays about who did what to whom.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Actor, DateRange, Place, Span
from ..resolve.actors import ActorDictionary
from ..resolve.dates import find_time_expressions, resolve_time
from ..resolve.places import Gazetteer
from .syntax import DATELINE_MARKS, ancestors_path, clause_tokens, dateline_end, in_dateline

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Sectors of those who act where they are (police, courts, officials): a place names their state.
LOCAL_SECTORS = frozenset({"COP", "JUD", "GOV"})


DATELINE = "dateline"  # the precision of a place taken from the article's dateline


class PlacesAndTimes:
    """Places and times of a mention; `ctx` is the extractor's per-block context."""

    gazetteer: Gazetteer
    actors: ActorDictionary

    # -- places ---------------------------------------------------------------------------
    def _places(
        self, clause: list[Token], excluded: set[int], ctx: Any, *, located: bool = False
    ) -> tuple[list[Place], list[Span]]:
        """Places named in ``clause``; with ``located``, only those a locative phrase gives as
        where something is ("in Homs", "near the Homs border"), not "U.S. history" or "its
        Russia probe" — for places taken from outside the act's own clause."""
        places: list[Place] = []
        spans: list[Span] = []
        seen: set[int] = set()
        base = ctx.block.start
        for tok in clause:
            if tok.i in excluded or tok.i in seen:
                continue
            if tok.ent_type_ not in PLACE_LABELS:
                country = self._mistagged_country(tok)
                if country is not None:  # "was detained in Niger", tagged as a person
                    seen.add(tok.i)
                    places.append(country)
                    spans.append(Span(base + tok.idx, base + tok.idx + len(tok.text)))
                    ctx.places.append(country)
                continue
            if in_dateline(tok):
                continue  # where the report was filed: the dateline fallback, not the act's place
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is None or (located and not locative(ent.root)):
                continue
            seen.update(range(ent.start, ent.end))
            found = [(ent.text, ent.start, ent.end, ent.start_char, ent.end_char)]
            # "Hama, Homs, and Idlib": the tagger often misses the last conjuncts.
            for conj in ent.root.conjuncts:
                if conj.i not in seen and conj.pos_ == "PROPN" and conj.i not in excluded:
                    seen.add(conj.i)
                    found.append((conj.text, conj.i, conj.i + 1, conj.idx, conj.idx + len(conj.text)))
            container = self._container(ent, seen)
            for name, start, end, start_char, end_char in found:
                nxt = tok.doc[end].lemma_.lower() if end < len(tok.doc) else None
                hint = nxt if nxt in ("province", "governorate", "state", "region", "district") else None
                if container is not None and start == ent.start:
                    name = f"{name}, {container}"  # "Parkland, Florida": the town in Florida
                place = self.gazetteer.resolve(
                    name, countries=ctx.countries, near=ctx.places[-5:], hint=hint
                )
                if place is None:
                    continue
                places.append(place)
                spans.append(Span(base + start_char, base + end_char))
                ctx.places.append(place)
        return places, spans

    def _mistagged_country(self, tok: Token) -> Place | None:
        """A country's one-word name in a locative phrase that the tagger took for a date or a
        person ("in Niger", "to Mali"); a word of a longer name ("Chad Wolf") is not one."""
        doc = tok.doc
        alone = all(not (0 <= i < len(doc)) or doc[i].pos_ != "PROPN" for i in (tok.i - 1, tok.i + 1))
        if tok.pos_ != "PROPN" or not alone or not locative(tok):
            return None
        named = self.actors.resolve(tok.text)  # kept from call to call, unlike the gazetteer's reading
        if named is None or named.country is None or named.sector is not None or named.org is not None:
            return None
        place = self.gazetteer.resolve(tok.text)
        return place if place is not None and place.precision == "country" and place.name == tok.text else None

    def _container(self, ent: SpacySpan, seen: set[int]) -> str | None:
        """The province or country that places ``ent`` ("Parkland, Florida", "Kafr Nabl,
        Idlib"), marked as seen; None for a list ("Hama, Homs, and Idlib")."""
        doc = ent.doc
        comma = ent.end
        if comma + 1 >= len(doc) or doc[comma].text != ",":
            return None
        outer = next((e for e in doc.ents if e.start == comma + 1), None)
        if outer is None or outer.label_ not in PLACE_LABELS:
            return None
        after = [t for t in doc[outer.end : outer.end + 2] if t.text != ","]
        if after and (after[0].lower_ in ("and", "or") or after[0].pos_ == "PROPN"):
            return None  # the list goes on
        if not self.gazetteer.contains(outer.text, ent.text):
            return None
        seen.update(range(outer.start, outer.end))
        return outer.text

    def _dateline(
        self, doc: Doc, block: Any, countries: tuple[str, ...]
    ) -> tuple[Place, Span] | None:
        """The place a text was filed from ("MOSCOW (Reuters) -", "ALLENDALE, N.J. --"), if it
        opens with a dateline the gazetteer can read."""
        end = dateline_end(doc)
        if not end:
            return None
        marks = (t.i for t in doc[:end] if t.text in DATELINE_MARKS or t.text[:2] in ("(", "--"))
        stop = next(marks, end)  # "MOSCOW (Reuters) -", "BERLIN --": the words before the mark
        if stop == 0:
            return None
        words = doc[:stop]
        place = self.gazetteer.resolve(words.text.strip(" ,"), countries=countries)
        if place is None or place.precision == "site":
            return None
        # precision "dateline", like a date's "published": where the report was filed, not a
        # place the text gives for the act (fusion ignores it)
        place = replace(place, precision=DATELINE)
        return place, Span(block.start + words.start_char, block.start + words.end_char)

    def _place_as_target(self, places: list[Place], source: Actor | None) -> Actor | None:
        """Force used *in* or *on* a foreign place is directed at the state it lies in."""
        place = places[0]
        if place.country is None or (source is not None and source.country == place.country):
            return None
        if source is not None and source.key is None and source.sector in LOCAL_SECTORS:
            return None  # "officials in Canada expelled a former guard": the place's own, acting there
        return Actor(text=place.name, country=place.country, entry="place of the event")

    # -- time -----------------------------------------------------------------------------
    def _times(self, sent: SpacySpan, ctx: Any) -> list[tuple[set[int], Span, DateRange]]:
        if ctx.published is None:
            return []
        out = []
        base = ctx.block.start + sent.start_char
        for start, end in find_time_expressions(sent.text):
            when = resolve_time(sent.text[start:end], ctx.published)
            if when is None:
                continue
            char_span = sent.char_span(start, end, alignment_mode="expand")
            tokens = {t.i for t in char_span} if char_span is not None else set()
            if _bounds_a_thing(tokens, sent.doc):
                continue  # "suspended the talks until March": when the span ends, no act's day
            out.append((tokens, Span(base + start, base + end), when))
        return out

    def _when(
        self,
        trigger: Token,
        governor: Token | None,
        clause: list[Token],
        times: list[tuple[set[int], Span, DateRange]],
        ctx: Any,
        dated_apart: Callable[[Token], bool] | None = None,
    ) -> tuple[DateRange | None, Span | None]:
        """The time phrase of the trigger's own clause, else of the clauses above it, but never
        one of an event dated apart (``dated_apart``): "talks with Kohl ahead of her visit to
        Moscow next week" were not held next week."""
        times = [t for t in times if not _dates_another_noun(t[0], trigger)]
        if times:
            ids = {t.i for t in clause}
            for tokens, span, when in times:
                if tokens & ids:
                    return when, span
            start = governor if governor is not None else trigger
            for ancestor, _ in ancestors_path(start):
                ids = {t.i for t in clause_tokens(ancestor, dated_apart)}
                for tokens, span, when in times:
                    if tokens & ids:
                        return when, span
        if ctx.published is None:
            return None, None
        return DateRange(ctx.published, ctx.published, "published"), None


def _bounds_a_thing(tokens: set[int], doc: Doc) -> bool:
    """ "certified his re-election for a term until 2031", "suspended the talks until March": a
    time that ends a span, not the day of the act."""
    return any(doc[i].lower_ in ("until", "till") or doc[i].head.lower_ in ("until", "till") for i in tokens)


def _dates_another_noun(tokens: set[int], trigger: Token) -> bool:
    """ "rejected a suggestion that he delay next year's cut": a possessive time dates its own
    noun (the cut), not an act further up (the rejection); "Tuesday's attack" dates the attack,
    and the act it is the subject or object of ("Tuesday's attack killed 29")."""
    doc = trigger.doc
    heads = [doc[i] for i in tokens if doc[i].head.i not in tokens]
    return any(h.dep_ == "poss" and trigger.i not in (h.head.i, h.head.head.i) for h in heads)


# Prepositions that say where something is or happens.
LOCATIVE_PREPS = frozenset(
    "in at near outside inside around across throughout within into from on off along".split()
)


# Nouns a place name may modify and still say where ("the Homs countryside", "Idlib province").
PLACE_NOUNS = frozenset(
    "province governorate state region district city town village capital countryside suburb "
    "suburbs outskirts border area territory coast port airport base camp county neighborhood "
    "neighbourhood municipality prefecture oblast".split()
)


def locative(token: Token) -> bool:
    """Is ``token`` (a place name's head) in a locative phrase: the object of "in", "near", ...,
    itself ("in Homs"), through a list or apposition, or through a place noun it modifies ("in
    the Homs countryside") — not "in U.S. history"?"""
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    if token.dep_ in ("compound", "amod", "nmod", "poss"):
        if token.head.lemma_.lower() not in PLACE_NOUNS:
            return False
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS
