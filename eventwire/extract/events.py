"""Extract event mentions from parsed articles: trigger, who, whom, where, when, and how sure.

For every sentence worth reading (not keyword lines or photo captions), each token whose lemma is a
known trigger is coded (`code.code_trigger`); its source and target come from the parse (subject /
`by`-agent / possessor for the source, object / party preposition for the target), go through the
actor dictionary, and fall back on the article's memory (`Discourse`) for pronouns, definite
descriptions and anaphoric event nouns ("protest these violations" → whoever violated). Places are
the toponyms in the trigger's own clause; the date is the time phrase of the nearest clause,
resolved against the publication date, else the publication date itself (precision "published").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..annotate import AnnotatedArticle, Block
from ..code import COOPERATIVE, code_trigger, light_governor
from ..ontology import Coding, Ontology
from ..records import Actor, DateRange, Mention, Place, Span
from ..resolve.actors import ActorDictionary
from ..resolve.places import Gazetteer
from .arguments import (
    RECIPROCAL,
    REPORTING_VERBS,
    THING_ENTRY,
    complement_party,
    own_thing,
    reporter,
    thing,
)
from .circumstances import PlacesAndTimes
from .discourse import DOCUMENT_NOUNS, ORG_ANAPHORS, PERSONAL_PRONOUNS, PLURAL_PRONOUNS, Discourse
from .modality import modality
from .syntax import (
    RELATIVE_PRONOUNS,
    agent,
    ancestors_path,
    clause_tokens,
    direct_object,
    first_child,
    in_quotes,
    phrase_tokens,
    prep_object,
    relative_antecedent,
    subject,
    text_of,
)

HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
DOCUMENT_VERBS = frozenset({"issue", "release", "publish", "adopt", "sign"})
TARGET_NOUN_PREPS = ("on", "against", "at", "upon", "with", "toward", "towards", "over", "into", "to", "of")
RECIPIENT_PREPS = ("to", "on", "against", "from", "with", "into", "for", "in")
THING_PREPS = ("into", "against", "of", "on", "over", "upon", "toward", "towards")


@dataclass
class _Context:
    """Per-block state: where the block starts, what date the article bears, who is speaking."""

    block: Block
    published: date | None
    discourse: Discourse
    countries: tuple[str, ...]
    places: list[Place]
    speaker: tuple[Actor, Span] | None = None


class Extractor(PlacesAndTimes):
    """Turns `AnnotatedArticle`s into `Mention`s, with the dictionaries passed in."""

    def __init__(self, ontology: Ontology, actors: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.ontology = ontology
        self.actors = actors
        self.gazetteer = gazetteer

    # -- articles and sentences -------------------------------------------------------------
    def extract(self, annotated: AnnotatedArticle) -> list[Mention]:
        article = annotated.article
        discourse = Discourse()
        countries = self._article_countries(article.text)
        places: list[Place] = []
        mentions: list[Mention] = []
        for block, doc in zip(annotated.blocks, annotated.docs):
            if doc is None or block.kind not in ("title", "body"):
                continue
            ctx = _Context(block, article.published, discourse, countries, places)
            ctx.speaker = self._speaker(doc, ctx)
            for sent in doc.sents:
                mentions.extend(self._sentence(article.id, sent, ctx))
        return mentions

    def _article_countries(self, text: str) -> tuple[str, ...]:
        counts: dict[str, int] = {}
        for _, _, actor in self.actors.find(text):
            if actor.country:
                counts[actor.country] = counts.get(actor.country, 0) + 1
        return tuple(sorted(counts, key=lambda c: -counts[c]))

    def _sentence(self, article_id: str, sent: SpacySpan, ctx: _Context) -> Iterator[Mention]:
        base = ctx.block.start
        sent_span = Span(base + sent.start_char, base + sent.end_char)
        times = self._times(sent, ctx)
        self._note_documents(sent, ctx)
        found: list[Mention] = []
        for token in sent:
            if not self.ontology.is_trigger_lemma(token.lemma_.lower()):
                continue
            coding = code_trigger(token, self.ontology)
            if coding is None:
                continue
            mention = self._mention(article_id, token, coding, sent, sent_span, times, ctx)
            if mention is not None:
                found.append(mention)
                if mention.plover_type in HOSTILE_TYPES and mention.source and mention.source.key:
                    ctx.discourse.hostile_sources.append(mention.source)
        root_subject, _ = subject(sent.root)
        if root_subject is not None:
            actor, _ = self._actor(root_subject, ctx)
            ctx.discourse.mention(actor, as_subject=True)
        yield from found

    # -- one trigger ----------------------------------------------------------------------
    def _mention(
        self,
        article_id: str,
        trigger: Token,
        coding: Coding,
        sent: SpacySpan,
        sent_span: Span,
        times: list[tuple[set[int], Span, DateRange]],
        ctx: _Context,
    ) -> Mention | None:
        is_noun = trigger.pos_ == "NOUN"
        governor = light_governor(trigger) if is_noun else None
        if is_noun and governor is None:
            governor = self._frame_governor(trigger)
        if is_noun:
            if self._argument_of_same_event(trigger, coding):
                return None
            src_tok, tgt_tok = self._noun_arguments(trigger, governor)
            if src_tok is None and governor is None:
                return None  # a bare event noun refers to an event told elsewhere
        else:
            src_tok, passive = subject(trigger)
            obj = direct_object(trigger)
            if passive:
                src_tok, tgt_tok = agent(trigger), src_tok
            else:
                tgt_tok = obj
            if tgt_tok is None:
                tgt_tok = complement_party(trigger, src_tok)
            if tgt_tok is not None and self._is_event_noun(tgt_tok) and _same_type(
                self.ontology, tgt_tok, coding
            ):
                # "opened an investigation into X", "launched legal action against X": the verb
                # and its event noun tell one event, whose target is the noun's party
                party = prep_object(tgt_tok, THING_PREPS) or prep_object(trigger, THING_PREPS[:2])
                if party is not None:
                    tgt_tok = party
        source, source_span = self._actor(src_tok, ctx)
        target, target_span = self._actor(tgt_tok, ctx, as_target=True)
        if not is_noun and coding.plover_type == "CONSULT":
            partner_tok = prep_object(trigger, ("with",))
            if partner_tok is not None:  # "discussed Libya with Trump": the partner, not the topic
                found, found_span = self._actor(partner_tok, ctx, as_target=True)
                if found is not None and found.entry != THING_ENTRY:
                    target, target_span = found, found_span
        same = source is not None and target is not None and source.key and source.key == target.key
        if not is_noun and (
            target is None or target.entry == THING_ENTRY or own_thing(tgt_tok) or same
        ):
            # "returned artifacts to Italy", "sent troops to Mali", "withdrew its troops from
            # Gaza": what is handed over or moved is no party; the recipient is
            target, target_span = self._recipient(trigger, tgt_tok, ctx, target, target_span)
        partner = first_child(src_tok, ("conj",)) if src_tok is not None else None
        if partner is not None and coding.plover_type in RECIPROCAL and (
            target is None or target.entry == THING_ENTRY
        ):
            # "the US and China signed an agreement": a joint act, coded from the first to the
            # second party (PLOVER codes both as actors; a dyad keeps both)
            other, other_span = self._actor(partner, ctx, as_target=True)
            if other is not None and other.entry != THING_ENTRY:
                source, source_span = self._actor(src_tok, ctx, alone=True)
                target, target_span = other, other_span
        clause = clause_tokens(governor if governor is not None else trigger, self._is_event_noun)
        excluded = _token_ids(src_tok) | _token_ids(tgt_tok)
        places, place_spans = self._places(clause, excluded, ctx)
        if target is None and places and coding.plover_type in ("ASSAULT", "COERCE", "MOBILIZE"):
            target = self._place_as_target(places, source)
        if source is None and (target is None or target.key is None):
            # no one known on either side ("26 people were killed", "the bombing was condemned"):
            # nothing says who did what to whom
            return None
        if source is not None and target is not None and source.key and source.key == target.key:
            # a state acting on itself: fine between sectors (police arrest opposition), not
            # when both sides are the same actor ("Russia's buildup in Russia")
            if coding.plover_type in HOSTILE_TYPES and source.sector == target.sector:
                return None
        when, time_span = self._when(trigger, governor, clause, times, ctx)
        mood = modality(trigger, governor)
        if (mood in ("negated", "future") and coding.pattern.startswith("refused")) or (
            mood == "future" and coding.pattern.startswith("intent:")
        ):
            mood = "asserted"  # the refusal or the commitment itself is what happened
        attribution = self._attribution(trigger, ctx)
        base = ctx.block.start
        confidence = 0.4 + 0.2 * (source is not None) + 0.2 * (target is not None)
        confidence += 0.1 * (not is_noun) - 0.1 * (ctx.block.kind == "title")
        return Mention(
            article_id=article_id,
            sentence=sent_span,
            trigger=Span(base + trigger.idx, base + trigger.idx + len(trigger.text)),
            plover_type=coding.plover_type,
            plover_mode=coding.plover_mode,
            cameo_code=coding.cameo_code,
            source=source,
            target=target,
            source_span=source_span,
            target_span=target_span,
            places=tuple(places),
            place_spans=tuple(place_spans),
            when=when,
            time_span=time_span,
            modality=mood,
            attribution=attribution[0] if attribution else None,
            attribution_span=attribution[1] if attribution else None,
            sentence_kind=ctx.block.kind,
            confidence=round(min(confidence, 0.95), 3),
            pattern=coding.pattern,
        )

    def _frame_governor(self, noun: Token) -> Token | None:
        """The verb whose object an event noun is, when that verb tells no event of its own:
        "China reduced aid to Tajikistan", "USAID announced a suspension of aid" — the verb's
        subject is who acts."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB":
            return None
        if any(c.dep_ == "det" and c.lower_ in ("these", "those", "this", "that", "such") for c in noun.children):
            return None  # "explain these violations": an event told before, by someone else
        if self.ontology.is_trigger_lemma(verb.lemma_.lower()) and code_trigger(verb, self.ontology):
            return None
        return verb

    def _recipient(
        self,
        verb: Token,
        obj: Token | None,
        ctx: _Context,
        target: Actor | None,
        target_span: Span | None,
    ) -> tuple[Actor | None, Span | None]:
        """A named party in a prepositional phrase of the verb or of its object, if any."""
        heads = [verb, obj] + [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        for head in heads:
            if head is None:
                continue
            party = prep_object(head, RECIPIENT_PREPS)
            if party is None:
                continue
            named = party.pos_ == "PROPN" or party.ent_type_ in ("GPE", "ORG", "NORP")
            actor, span = self._actor(party, ctx)
            if actor is not None and (named or actor.key is not None):
                return actor, span
        return target, target_span

    def _noun_arguments(self, noun: Token, governor: Token | None) -> tuple[Token | None, Token | None]:
        """Source and target of an event noun: "Russia's airstrikes on Hama", "attacks by X"."""
        source = agent(noun) or first_child(noun, ("poss",))
        if source is None:
            for child in noun.children:
                if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
                    if self.actors.resolve(child.text) is not None:
                        source = child
                        break
        if source is None:
            source = prep_object(noun, ("from",))
        if governor is not None:
            gov_subject, passive = subject(governor)
            if gov_subject is not None and not passive:
                source = gov_subject
        target = prep_object(noun, TARGET_NOUN_PREPS)
        if target is None and governor is not None:
            target = prep_object(governor, TARGET_NOUN_PREPS)
        return source, target

    # -- actors ---------------------------------------------------------------------------
    def _actor(
        self,
        token: Token | None,
        ctx: _Context,
        *,
        as_target: bool = False,
        alone: bool = False,
    ) -> tuple[Actor | None, Span | None]:
        """The actor a noun phrase names; ``alone`` leaves out its conjuncts ("the US [and China]")."""
        if token is None:
            return None, None
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            token = relative_antecedent(token, self._is_event_noun)
        token = reporter(token)
        tokens = phrase_tokens(token)
        if alone:
            dropped = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
            tokens = [t for t in tokens if t.i not in dropped]
            while len(tokens) > 1 and tokens[-1].is_punct:
                tokens.pop()
        base = ctx.block.start
        span = Span(base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1].text))
        if token.pos_ == "NOUN" and self.ontology.code_noun(token.lemma_.lower()) is not None:
            # An event named as an argument ("protest these violations") stands for its agent.
            actor = self._event_agent(token, ctx, as_target=as_target)
            if actor is None and as_target:
                actor = thing(token, tokens)
            return actor, (span if actor is not None else None)
        actor = self.actors.resolve(text_of(tokens), on=ctx.published)
        if actor is not None and actor.key is None and (
            actor.sector in (None, "UNK") or self.actors.resolve(token.text) is None
        ):
            actor = None  # "military operations" names no one, though "military" is a sector word
        if actor is None or actor.key is None:
            found = self._antecedent(token, tokens, ctx, as_target=as_target)
            if found is not None:
                actor = _merge(actor, found, text_of(tokens))
        if actor is None:
            actor = self._unlisted(token, tokens, ctx)
        if actor is None and as_target:
            actor = thing(token, tokens)
        if actor is not None and actor.entry != THING_ENTRY:
            ctx.discourse.mention(actor)
        return actor, (span if actor is not None else None)

    def _unlisted(self, token: Token, tokens: list[Token], ctx: _Context) -> Actor | None:
        """A named actor missing from the dictionaries is still who acted: keep its name.

        A place name stands for its state ("attacks on Hama" hit Syria); any other proper name
        or named entity is kept unresolved (no country), so the event is not lost.
        """
        acronym = len(token.text) >= 2 and token.text.isupper() and token.text.isalpha()
        if token.pos_ != "PROPN" and token.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") and not acronym:
            return None  # an acronym ("ICE", "DHS") names an agency even when tagged as a noun
        text = text_of(tokens)
        if token.ent_type_ in ("GPE", "LOC"):
            place = self.gazetteer.resolve(token.text, countries=ctx.countries)
            if place is not None and place.country:
                return Actor(text=text, country=place.country, entry=f"place: {place.name}")
        if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"):
            return None
        return Actor(text=text, entry="unresolved name")

    def _antecedent(
        self, token: Token, tokens: list[Token], ctx: _Context, *, as_target: bool
    ) -> Actor | None:
        """Resolve pronouns, definite descriptions and event nouns against the article so far."""
        disc = ctx.discourse
        for tok in [token] + [t for t in tokens if t != token]:
            low, lemma = tok.lower_, tok.lemma_.lower()
            if low in PERSONAL_PRONOUNS:
                if low in ("we", "our", "us") and ctx.speaker and in_quotes(tok.sent, tok):
                    return ctx.speaker[0]
                return self._pronoun(tok, ctx, plural=low in PLURAL_PRONOUNS)
            if lemma in ORG_ANAPHORS and tok.pos_ in ("NOUN", "PROPN") and _definite(tok):
                found = disc.org_like(lemma)
                if found is not None:
                    return found
            if lemma in DOCUMENT_NOUNS:
                return disc.documents.get(lemma) or (ctx.speaker[0] if ctx.speaker else None)
        return None

    def _argument_of_same_event(self, noun: Token, coding: Coding) -> bool:
        """"targeted by their airstrikes", "airstrikes hit Homs": the verb already tells this event."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ in ("agent", "prep") and verb.lower_ == "by":
            verb = verb.head
        elif noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return False
        if verb.pos_ != "VERB" or not self.ontology.is_trigger_lemma(verb.lemma_.lower()):
            return False
        other = code_trigger(verb, self.ontology)
        return other is not None and other.plover_type == coding.plover_type

    def _is_event_noun(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and self.ontology.code_noun(token.lemma_.lower()) is not None

    def _event_agent(self, noun: Token, ctx: _Context, *, as_target: bool) -> Actor | None:
        """Who did the event a noun names: its own agent, else the last aggressor in the article."""
        own, recipient = self._noun_arguments(noun, None)
        coding = self.ontology.code_noun(noun.lemma_.lower())
        if as_target and coding is not None and coding.plover_type in COOPERATIVE:
            # "cut aid to Egypt", "suspended talks with Iran": the party is the recipient
            actor, _ = self._actor(recipient, ctx) if recipient is not None else (None, None)
            return actor
        if own is not None and own != noun:
            actor, _ = self._actor(own, ctx)
            if actor is not None:
                return actor
        return ctx.discourse.last_hostile_source() if as_target else None

    def _pronoun(self, pron: Token, ctx: _Context, *, plural: bool) -> Actor | None:
        """Subjects of the clauses above the pronoun, then noun phrases to its left, then the last
        sentence subject; "they" never picks a single person, "he"/"she" only a person."""
        personal = pron.lower_ in ("he", "him", "his", "she", "her")
        candidates: list[Token] = []
        own_clause = pron.head if pron.dep_ in ("nsubj", "nsubjpass") else None
        for ancestor, _ in ancestors_path(pron):
            if ancestor.pos_ in ("VERB", "AUX") and ancestor != own_clause:
                subj, _ = subject(ancestor)  # follows control: "urged Russia to cease its attacks"
                if subj is not None and subj.i < pron.i and subj != pron:
                    candidates.append(subj)
        candidates += [t for t in reversed(list(pron.sent[: pron.i - pron.sent.start]))
                       if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod")]
        for tok in candidates:
            if tok.lower_ in PERSONAL_PRONOUNS or not self._fits(tok, plural=plural, personal=personal):
                continue
            phrase = phrase_tokens(tok)
            actor = self.actors.resolve(text_of(phrase), on=ctx.published)
            if actor is not None and actor.key:
                return actor
            if self._is_event_noun(tok):
                own, _ = self._noun_arguments(tok, None)
                if own is not None and own != tok:
                    found = self.actors.resolve(text_of(phrase_tokens(own)), on=ctx.published)
                    if found is not None and found.key:
                        return found
        return ctx.discourse.last_subject()

    @staticmethod
    def _fits(tok: Token, *, plural: bool, personal: bool) -> bool:
        is_person = tok.ent_type_ == "PERSON"
        if personal:
            return is_person
        if plural:
            return not is_person and (tok.pos_ == "PROPN" or tok.tag_ in ("NNS", "NNPS"))
        return not is_person and tok.tag_ not in ("NNS", "NNPS")

    def _speaker(self, doc, ctx: _Context) -> tuple[Actor, Span] | None:
        """Who speaks a quotation in this paragraph: '"…," the statement read.'"""
        if '"' not in doc.text and "“" not in doc.text:
            return None
        for token in doc:
            if token.lemma_.lower() in REPORTING_VERBS and not in_quotes(token.sent, token):
                subj = first_child(token, ("nsubj",))
                if subj is not None:
                    actor, span = self._actor(subj, ctx)
                    if actor is not None and span is not None:
                        return actor, span
        return None

    def _attribution(self, trigger: Token, ctx: _Context) -> tuple[Actor, Span] | None:
        if ctx.speaker is not None and in_quotes(trigger.sent, trigger):
            return ctx.speaker
        for ancestor, child in ancestors_path(trigger):
            if child.dep_ == "ccomp" and ancestor.lemma_.lower() in REPORTING_VERBS:
                subj, _ = subject(ancestor)
                actor, span = self._actor(subj, ctx)
                if actor is not None and span is not None:
                    return actor, span
        return None

    def _note_documents(self, sent: SpacySpan, ctx: _Context) -> None:
        """Remember who issued a statement, so that "the statement read" speaks for them."""
        for token in sent:
            if token.lemma_.lower() in DOCUMENT_VERBS:
                obj = first_child(token, ("dobj",))
                if obj is not None and obj.lemma_.lower() in DOCUMENT_NOUNS:
                    subj, passive = subject(token)
                    actor, _ = self._actor(subj, ctx) if not passive else (None, None)
                    if actor is not None:
                        ctx.discourse.documents[obj.lemma_.lower()] = actor


def _token_ids(token: Token | None) -> set[int]:
    return {t.i for t in phrase_tokens(token)} if token is not None else set()


def _merge(own: Actor | None, found: Actor, text: str) -> Actor:
    """Keep the phrase's own sector ("their military") on the antecedent's country/org."""
    return Actor(
        text=text,
        country=found.country,
        org=found.org,
        sector=(own.sector if own and own.sector else found.sector),
        code=found.code,
        entry=f"antecedent: {found.text}",
    )


def _definite(noun: Token) -> bool:
    """"the alliance", "Allies", "its members": a description that points back; "other groups" does not."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "amod")}
    if words & {"other", "another", "some", "many", "several", "a", "an", "any"}:
        return False
    return bool(words & {"the", "this", "that", "these", "those"}) or noun.text[:1].isupper() or any(
        c.dep_ == "poss" for c in noun.children
    )


def _same_type(ontology: Ontology, noun: Token, coding: Coding) -> bool:
    """Whether an event noun tells the same kind of event as the verb that governs it."""
    own = ontology.code_noun(noun.lemma_.lower())
    return own is not None and own.plover_type == coding.plover_type
