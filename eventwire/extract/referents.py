"""Who a noun phrase names: dictionary actors, pronouns, definite descriptions and event nouns.

A mixin of `events.Extractor` (it needs the ontology, the actor dictionary and the gazetteer the
extractor holds), kept apart so that the extractor module stays about events. ``_actor`` answers
for one argument token: the actor and the character span of the words that name it. An event
named as an argument ("refused a request from Modi", "protest these violations") stands for a
party of that event, and the span then points at the words naming that party when they are in
the sentence, so that the evidence shows who, not what.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..coding.code import COOPERATIVE, LIGHT_VERBS, code_trigger
from ..coding.ontology import Coding, Ontology
from ..records import Actor, Span
from ..resolve.actors import ActorDictionary
from ..resolve.places import Gazetteer
from .arguments import REPORTING_VERBS, THING_ENTRY, UNLISTED, is_pronoun, reporter, thing
from .discourse import DOCUMENT_NOUNS, ORG_ANAPHORS, PERSONAL_PRONOUNS, PLURAL_PRONOUNS
from .syntax import (
    RELATIVE_PRONOUNS,
    agent,
    ancestors_path,
    first_child,
    in_dateline,
    in_quotes,
    phrase_tokens,
    prep_object,
    relative_antecedent,
    subject,
    text_of,
    to_infinitive,
)

# The speaker's own words for themselves, in a quotation or a reported clause.
FIRST_PERSON = frozenset({"i", "me", "my", "we", "our", "us"})
TARGET_NOUN_PREPS = ("on", "against", "at", "upon", "with", "between", "toward", "towards", "over", "into", "to", "of")


class Referents:
    """Actor resolution for the extractor; ``ctx`` is its per-block context."""

    ontology: Ontology
    actors: ActorDictionary
    gazetteer: Gazetteer

    def _noun_arguments(self, noun: Token, governor: Token | None) -> tuple[Token | None, Token | None]:
        """Source and target of an event noun: "Russia's airstrikes on Hama", "attacks by X"."""
        owner = first_child(noun, ("poss",))
        if owner is not None and owner.ent_type_ in ("DATE", "TIME"):
            owner = None  # "Monday's U.S. attack", "last year's election": when, not who
        source = agent(noun) or owner
        between = prep_object(noun, ("between",))
        if source is None and between is not None and between.conjuncts:
            # "a meeting between Libya's foreign minister and Tillerson", "clashes between X and Y"
            return between, between.conjuncts[0]
        if source is None and between is not None and pair_phrase(between):
            return between, between  # "talks between the two countries": both (`pair_named`)
        if source is None:
            # "a trade ban imposed by Australian unions", "the attack carried out by X"
            source = next(
                (a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and (a := agent(c)) is not None and not self._is_event_noun(a)),
                None,
            )  # fmt: skip
        if source is None:
            for child in noun.children:
                if (
                    child.dep_ in ("amod", "compound", "nmod")
                    and child.i < noun.i
                    and not in_dateline(child)
                    and not self._signing_place(child, noun)
                    and self.actors.resolve(_modifier_text(child)) is not None
                ):
                    source = child
                    break
        if source is None:
            source = prep_object(noun, ("from",))
        own = source
        if governor is not None:
            gov_subject, passive = subject(governor)
            if gov_subject is not None and not passive:
                if own is not None and own.dep_ == "poss" and self._asked_of(noun, governor):
                    # "Britain is considering Russia's request": Russia asks it of Britain
                    return own, prep_object(noun, ("to",)) or gov_subject
                source = gov_subject
        preps = TARGET_NOUN_PREPS + (("for",) if self._favour(noun) else ())
        target = prep_object(noun, preps)
        if target is None and governor is not None:
            target = prep_object(governor, preps)
            if target == noun:  # "remained on strike": the event, not its party
                target = None
        if target is None and own is not None and source is not own and own.dep_ != "amod" and not is_pronoun(own):
            # "the government accepted the demands by protesters": whose demands; "Trump renewed
            # his warning", "Merkel issued her warning": the doer's own words
            target = own
        return source, target

    def _favour(self, noun: Token) -> bool:
        """A noun of favour shown to someone, whose "for" phrase names them ("admiration for
        Xi", "praise for the FBI"); any other noun's "for" is what is asked or why ("calls for
        talks", "sanctions for the annexation")."""
        coding = self.ontology.code_noun(noun.lemma_.lower())
        return coding is not None and coding.plover_type == "SUPPORT"

    def _asked_of(self, noun: Token, governor: Token) -> bool:
        """A request named with its maker's possessive, taken up by another party's verb
        ("considering Russia's request"), not made by the verb's subject ("made its request")."""
        coding = self.ontology.code_noun(noun.lemma_.lower())
        return (
            coding is not None
            and coding.plover_type == "REQUEST"
            and governor.lemma_.lower() not in LIGHT_VERBS
        )

    def _signing_place(self, word: Token, head: Token) -> bool:
        """ "the Minsk agreements", "a 1956 Geneva Convention": a town naming a treaty is where
        it was made, not a party to it ("the Iran nuclear deal" names one)."""
        if head.lemma_.lower() not in TREATY_NOUNS or word.dep_ not in ("compound", "nmod", "amod"):
            return False
        place = self.gazetteer.resolve(word.text)
        return place is not None and place.precision == "city"

    # -- actors ---------------------------------------------------------------------------
    def _actor(
        self,
        token: Token | None,
        ctx: Any,
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
        first_listed = _listed(token)
        if first_listed is not None:  # "four countries, including the United States and Britain"
            return self._actor(first_listed, ctx, as_target=as_target, alone=True)
        tokens = phrase_tokens(token)
        if alone:
            dropped = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
            tokens = [t for t in tokens if t.i not in dropped]
            while len(tokens) > 1 and tokens[-1].is_punct:
                tokens.pop()
        base = ctx.block.start
        span = Span(base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1].text))
        if _state_of_affairs(token):
            return (thing(token, tokens), span) if as_target else (None, None)
        if any(self._signing_place(t, token) for t in token.children):
            return (thing(token, tokens) if as_target else None), (span if as_target else None)
        if token.pos_ == "NOUN" and self.ontology.code_noun(token.lemma_.lower()) is not None:
            # An event named as an argument ("protest these violations") stands for its agent;
            # when that agent is named in the sentence, the span is its name.
            actor, own_span = self._event_agent(token, ctx, as_target=as_target)
            if actor is None and as_target:
                actor = thing(token, tokens)
            return actor, (own_span or span if actor is not None else None)
        pair = pair_named(token, ctx)
        if pair is not None:  # "the two countries": the first of them (its partner: `pair_named`)
            return pair[0], span
        named = tokens
        if token.lemma_.lower() in ALLY_NOUNS:
            # "Turkey's NATO allies", "Russia's partners": others than the state whose they are
            owners = {t.i for c in token.children if possessor(c) for t in c.subtree}
            named = [t for t in tokens if t.i not in owners]
            if owners and self.actors.resolve(text_of(named), on=ctx.published) is None:
                # "Assad's allies": whoever they are, no one the article names here
                return (thing(token, tokens), span) if as_target else (None, None)
        actor = _named_before(named, ctx) or self.actors.resolve(text_of(named), on=ctx.published)
        if actor is not None and _common_group(token):
            # "a group of seven senators" is no Group of Seven: the senators act
            actor, _ = self._actor(prep_object(token, ("of",)), ctx)
            if actor is not None and actor.entry != THING_ENTRY:
                return actor, span
        if actor is not None and _first_name(named, actor):
            actor = None  # "Chad Wolf", "Victoria Nuland", "Stanley Simon": a person, not a state
        if actor is not None and token.lower_ in PEOPLE_ONLY_AS_NOUNS and (
            token.pos_ == "ADJ" or (token.dep_ == "pobj" and token.head.lower_ == "in")
        ):
            actor = None  # "public opinion", "banned in public": no one's; "the public" is the people
        if actor is not None and actor.country in NAMESAKE_STATES:
            actor = _namesake_state(actor, tokens, ctx)
        if actor is not None and actor.sector == "ELI":
            # "former Nigerian president Olusegun Obasanjo", named before as the AU's envoy:
            # a former office holder acts for whom the article has him act, not his old state
            actor = _named_before(_name_words(tokens), ctx) or actor
        titled = token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "") and token.i > tokens[0].i
        if actor is not None and actor.key is None and actor.sector not in (None, "UNK") and titled:
            # "Senator John Hale", "House Speaker Paul Ryan": a person no table lists, whose
            # title says their office
            actor = Actor(text=actor.text, sector=actor.sector, code=actor.code, entry=f"{actor.entry} + {UNLISTED}")
        elif actor is not None and actor.key is None and (
            actor.sector in (None, "UNK") or not self._names_role(_head_word(token))
        ):
            actor = None  # "military operations" names no one, though "military" is a sector word
        if actor is None or actor.key is None:
            actor = self._acting_for(token, ctx) or actor
        if actor is None or actor.key is None:
            # "Its main purpose was supporting ...", "our decision demonstrated ...": a thing
            # of someone's does not act; as an object it stands for its owner ("its decision")
            owned_thing = actor is None and token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass")
            found = self._antecedent(token, tokens, ctx, as_target=as_target, owned_thing=owned_thing)
            if found is not None:
                # "to thank him", "renewed its commitment to support": who is meant, where the
                # sentence names them ("his party" is a body of its own, told by its own words;
                # "test-fired its missiles": a thing acted on stays the thing)
                owner = None if as_target else _possessor_pronoun(token)
                pronoun = token if len(tokens) == 1 and is_pronoun(token) else owner
                if pronoun is not None and actor is None:
                    span = _named_earlier(pronoun, found, base) or span
                actor = _merge(actor, found, text_of(tokens))
        if (actor is None or actor.key is None) and token.pos_ == "NOUN":
            # "the chairman of the caucus, Representative Cedric Richmond": who the apposition names
            appos = next((c for c in token.children if c.dep_ == "appos"), None)
            if appos is not None and any(c.dep_ == "neg" and c.i < appos.i for c in token.children):
                appos = None  # "blamed his predecessors, not China": not the one meant
            named_by = self._actor(appos, ctx, alone=True)[0] if appos is not None else None
            if named_by is not None and named_by.key and named_by.entry != THING_ENTRY:
                actor = named_by
        if actor is None:
            actor = self._unlisted(token, tokens, ctx)
        if actor is not None and actor.key is None:
            actor = self._kin(actor, tokens, ctx) or self._described(actor, token, ctx)
        if actor is not None and actor.key is None and actor.sector and _by_title(tokens):
            # "Crown Prince Mohammed Bin Salman" ... "the crown prince": the one named so
            # (one of the article's own state is that state's, as `_at_home` has it anyway)
            holder = ctx.discourse.title_holder(tuple(t.lower_ for t in tokens[1:]))
            if holder is not None and holder.country != getattr(ctx, "home", None):
                actor = _merge(actor, holder, text_of(tokens))
        if actor is not None and actor.key is None:
            actor = _at_home(actor, token, ctx)
        if actor is not None and actor.key is None and actor.sector in DOMESTIC_SECTORS:
            actor = self._speakers_own(actor, token, ctx)
        if actor is None and as_target:
            actor = thing(token, tokens)
        if actor is not None and actor.entry != THING_ENTRY:
            ctx.discourse.mention(actor)
            _remember_people(tokens, actor, ctx)
        return actor, (span if actor is not None else None)

    def note_people(self, sent: SpacySpan, ctx: Any) -> None:
        """Remember whom a person named with their country or office acts for, though no event
        takes the phrase as its party ("his dismissal of North Korean leader Kim Jong Un as a
        'rocket man'"): "Kim" alone is theirs later on."""
        for ent in sent.ents:
            if ent.label_ != "PERSON" or ent.root.lower_ in ctx.discourse.people:
                continue
            tokens = phrase_tokens(ent.root)
            if tokens[0].i >= ent.start:
                continue  # a bare name says nothing of whom its bearer acts for
            actor = self.actors.resolve(text_of(tokens), on=ctx.published)
            if actor is not None and actor.key is not None:
                _remember_people(tokens, actor, ctx)

    def _acting_for(self, token: Token, ctx: Any) -> Actor | None:
        """Who people or an office named by what they work for act for: "Mueller's team",
        "Moore's campaign", "Congress members", "lawyers from Facebook", "members of the Senate
        intelligence panel". The body or person is the actor, as coders read them; the word
        alone ("negotiators", "the team") names no one."""
        if token.lemma_.lower() not in AGENTS_OF:
            return None
        owner = next((c for c in token.children if possessor(c)), None)
        if owner is None:
            owner = prep_object(token, ("of", "from", "for"))
        if owner is None and token.lemma_.lower() in GROUPS:
            owner = prep_object(token, ("in",))  # "a bipartisan group in the House"
        if owner is None:
            owner = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if owner is None:
            return None
        found, _ = self._actor(owner, ctx)
        if found is None or found.key is None or found.entry == THING_ENTRY:
            return None
        return Actor(
            text=text_of(phrase_tokens(token)), country=found.country, org=found.org, sector=found.sector,
            code=found.code, entry=f"{found.entry} + acting for {found.text}",
        )

    def _described(self, actor: Actor, token: Token, ctx: Any) -> Actor:
        """ "Occidental, a U.S.-owned firm": a name no dictionary lists takes the country its
        apposition gives it."""
        for child in token.children:
            if child.dep_ != "appos":
                continue
            words = phrase_tokens(child)
            texts = [text_of(words)] + [
                t.text.rsplit("-", 1)[0] for t in words if t.text.rsplit("-", 1)[-1].lower() in HOMED
            ]
            for text in texts:
                found = self.actors.resolve(text, on=ctx.published)
                if found is not None and found.country and not found.org:
                    return given_country(actor, found.country, "apposition")
        return actor

    def _speakers_own(self, actor: Actor, token: Token, ctx: Any) -> Actor:
        """ "Chad said today troops killed 1,269 Libyan soldiers": forces, police or officials of
        no named country, in what a state says, are that state's (in a story of two states,
        which has no country of its own to give them)."""
        state = self._reporting_state(token, ctx)
        return given_country(actor, state, "the speaker's own") if state else actor

    def _reporting_state(self, token: Token, ctx: Any, *, officials: bool = False) -> str | None:
        """The state (named, or its government) whose statement the token's clause reports;
        with ``officials``, also its prosecutors, police or officials ("U.S. prosecutors said")."""
        for ancestor, child in ancestors_path(token):
            if child.dep_ == "ccomp" and ancestor.lemma_.lower() in REPORTING_VERBS:
                # the subject nearest the verb: a dateline may parse as one too
                speaker = max(
                    (c for c in ancestor.children if c.dep_ == "nsubj" and c.i < ancestor.i),
                    key=lambda c: c.i,
                    default=None,
                )
                # a state, or an organ a state owns by name ("Chad's military high command")
                owned = speaker is not None and any(
                    c.dep_ == "poss" and c.ent_type_ == "GPE" for c in speaker.children
                )
                if speaker is None or (speaker.pos_ != "PROPN" and not officials and not owned):
                    return None
                found = self.actors.resolve(text_of(phrase_tokens(speaker)), on=ctx.published)
                sectors = (None, "GOV", "JUD", "COP") if officials else (None, "GOV", "MIL")
                if found is None or not found.country or found.sector not in sectors:
                    return None
                return found.country
        return None

    def _names_role(self, head: Token) -> bool:
        """Whether a phrase's head names who someone is: alone ("police") or with the words
        that qualify it ("grand jury", "the governor's office"); "military operations" does not."""
        if self.actors.resolve(head.text) is not None:
            return True
        left = [c for c in head.lefts if c.dep_ in ("compound", "amod", "poss")]
        if not left:
            return False
        if any(c.dep_ == "poss" for c in left):  # "the governor's office": the governor's own body
            return True
        if head.lemma_.lower() in COLLECTIVES:
            return True  # "business groups", "the business lobby": a body of those its words name
        words = [t for c in left for t in c.subtree if t.dep_ != "det"]
        # "grand jury" names a body only as a whole; "military exercises" is the military's thing
        return (
            self.actors.resolve(text_of([*words, head])) is not None
            and self.actors.resolve(text_of(words)) is None
        )

    def _kin(self, actor: Actor, tokens: list[Token], ctx: Any) -> Actor | None:
        """ "Donald Trump Jr.": a known person's namesake son is of their country, holds none of
        their offices."""
        words = [t for t in tokens if not t.is_punct]
        if len(words) < 3 or words[-1].lower_.rstrip(".") not in ("jr", "sr"):
            return None
        parent = self.actors.resolve(text_of(words[:-1]), on=ctx.published)
        if parent is None or parent.country is None or parent.org:
            return None
        return given_country(Actor(text=actor.text, entry=actor.entry), parent.country, "family name")

    def _unlisted(self, token: Token, tokens: list[Token], ctx: Any) -> Actor | None:
        """A named actor missing from the dictionaries is still who acted: keep its name.

        A place name stands for its state ("attacks on Hama" hit Syria); any other proper name
        or named entity is kept unresolved (no country), so the event is not lost.
        """
        acronym = len(token.text) >= 2 and token.text.isupper() and token.text.isalpha()
        if token.pos_ != "PROPN" and token.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") and not acronym:
            return None  # an acronym ("ICE", "DHS") names an agency even when tagged as a noun
        text = text_of(tokens)
        surname = len(tokens) == 1 and token.lower_ in ctx.discourse.surnames
        if token.ent_type_ in ("GPE", "LOC") and not surname:
            place = self.gazetteer.resolve(token.text, countries=ctx.countries)
            if place is not None and place.country:
                return Actor(text=text, country=place.country, entry=f"place: {place.name}")
        if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"):
            return None
        if any(t.lower_ in NOT_ACTORS for t in tokens):
            return None  # "Hurricane Maria", "the Pensacola Bay Center": no one who acts
        return Actor(text=text, entry=UNLISTED)

    def _antecedent(
        self, token: Token, tokens: list[Token], ctx: Any, *, as_target: bool, owned_thing: bool = False
    ) -> Actor | None:
        """Resolve pronouns, definite descriptions and event nouns against the article so far;
        with ``owned_thing`` a possessive ("its purpose") names no actor."""
        disc = ctx.discourse
        for tok in [token] + [t for t in tokens if t != token]:
            low, lemma = tok.lower_, tok.lemma_.lower()
            if owned_thing and tok.dep_ == "poss" and tok.head == token:
                continue
            if low in FIRST_PERSON and tok.pos_ == "PRON":
                # '"I support the president's decision," Schumer said': the one who says it
                speaker = self._quote_speaker(tok, ctx)
                if speaker is not None or low not in PERSONAL_PRONOUNS:
                    return speaker  # an "I" with no speaker is no one; "we" may be an antecedent
            if is_pronoun(tok):
                return self._pronoun(tok, ctx, plural=low in PLURAL_PRONOUNS)
            if lemma in ORG_ANAPHORS and tok.pos_ in ("NOUN", "PROPN") and _definite(tok):
                found = disc.org_like(lemma)
                if found is not None:
                    return found
            if lemma in DOCUMENT_NOUNS:
                return disc.documents.get(lemma) or (ctx.speaker[0] if ctx.speaker else None)
            if tok == token and tok.pos_ == "NOUN" and _definite(tok):
                found = disc.same_thing(tok.lower_)
                if found is not None:
                    return found
            if tok == token and tok.tag_ == "NNS" and _the_only(tok):
                found = disc.same_group(tok.lower_)  # "the ministers": those named before
                if found is not None:
                    return found
        return None

    def _quote_speaker(self, pronoun: Token, ctx: Any) -> Actor | None:
        """Who "I" or "we" is: the subject of the saying verb whose words they are in this
        sentence, else the paragraph's speaker of a quotation."""
        for ancestor, child in ancestors_path(pronoun):
            if child.dep_ in ("ccomp", "parataxis") and ancestor.lemma_.lower() in REPORTING_VERBS:
                said_by, passive = subject(ancestor)
                if said_by is not None and not passive and said_by.lower_ not in FIRST_PERSON:
                    return self._actor(said_by, ctx)[0]
        return ctx.speaker[0] if ctx.speaker and in_quotes(pronoun) else None

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

    def _event_agent(
        self, noun: Token, ctx: Any, *, as_target: bool
    ) -> tuple[Actor | None, Span | None]:
        """Who did the event a noun names, and where the sentence names them: its own agent,
        else the last aggressor in the article (named elsewhere: no span)."""
        own, recipient = self._noun_arguments(noun, None)
        coding = self.ontology.code_noun(noun.lemma_.lower())
        if as_target and coding is not None and coding.plover_type in COOPERATIVE:
            # "cut aid to Egypt", "suspended talks with Iran": the party is the recipient
            return self._actor(recipient, ctx) if recipient is not None else (None, None)
        if own is not None and own != noun:
            actor, span = self._actor(own, ctx)
            if actor is not None:
                return actor, span
        return (ctx.discourse.last_hostile_source() if as_target else None), None

    def _pronoun(self, pron: Token, ctx: Any, *, plural: bool) -> Actor | None:
        """Subjects of the clauses above the pronoun, then noun phrases to its left, then the last
        sentence subject; "they" never picks a single person, "he"/"she" only a person."""
        personal = pron.lower_ in ("he", "him", "his", "she", "her")
        candidates: list[Token] = []
        own_clause = pron.head if pron.dep_ in ("nsubj", "nsubjpass") else None
        for ancestor, _ in ancestors_path(pron):
            if ancestor.pos_ in ("VERB", "AUX") and ancestor != own_clause:
                subj, _ = subject(ancestor)  # follows control: "urged Russia to cease its attacks"
                if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and ancestor.dep_ == "relcl":
                    subj = relative_antecedent(subj, self._is_event_noun)  # "North Korea, which conducted its test"
                if subj is not None and subj.i < pron.i and subj != pron:
                    candidates.append(subj)
        governing = set(candidates)
        candidates += [t for t in reversed(list(pron.sent[: pron.i - pron.sent.start]))
                       if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod")]
        # "McConnell said he believed Moore's accusers and joined senators in urging him to
        # quit": "him" is not who urges, or English would say "himself"
        # ("the Chamber of Commerce backed it": "it" is not the Chamber, or English would say "itself")
        mate = self._clause_mate(pron, ctx) if personal or pron.lower_ in ("it", "them") else None
        called: list[Token] = []
        if mate is not None:
            # "Baker called Miyazawa to warn him": whom the clause above acts on comes first
            called = [o for a, _ in ancestors_path(pron) if a.pos_ == "VERB" and a != pron.head
                      and (o := first_child(a, ("dobj",))) is not None and o.pos_ == "PROPN" and o.i < pron.i] if personal else []
            candidates = called + [t for t in candidates if text_of(phrase_tokens(t)) != mate]
        for tok in candidates:
            # "Iran's foreign minister said ... what he called aggression": a clause's subject
            # named by office is a person too
            role = personal and tok in governing and tok.tag_ == "NN" and tok.lemma_.lower() in PERSON_ROLES
            surname = tok.pos_ == "PROPN" and tok.lower_ in ctx.discourse.surnames  # "Moore's"
            fits = self._fits(tok, plural=plural, personal=personal)
            if is_pronoun(tok) or not (role or fits or (personal and surname) or tok in called):
                continue
            phrase = phrase_tokens(tok)
            named = _named_before(phrase, ctx) if personal else None  # "Miyazawa": named before by title
            actor = named or self.actors.resolve(text_of(phrase), on=ctx.published)
            if actor is not None and actor.key:
                return actor
            if mate is not None and personal and actor is None:
                # "believed Moore's accusers and joined senators in urging him to quit": the
                # person named, though no table lists him
                return _at_home(Actor(text=text_of(phrase), entry=UNLISTED), tok, ctx)
            if self._is_event_noun(tok):
                own, _ = self._noun_arguments(tok, None)
                if own is not None and own != tok:
                    found = self.actors.resolve(text_of(phrase_tokens(own)), on=ctx.published)
                    if found is not None and found.key:
                        return found
        # "saying it would help businesses": "it" is no person; "they" no single person
        last = ctx.discourse.last_subject(person_ok=personal)
        return None if last is not None and last.text == mate else last

    def _clause_mate(self, pron: Token, ctx: Any) -> str | None:
        """Who the subject of the verb whose object the pronoun is names ("urged him", "attacked
        it"): an object pronoun never means them."""
        mate = _clause_mate_subject(pron)
        if mate is None or not is_pronoun(mate):
            return None if mate is None else text_of(phrase_tokens(mate))
        found = self._pronoun(mate, ctx, plural=mate.lower_ in PLURAL_PRONOUNS)
        return None if found is None else found.text

    @staticmethod
    def _fits(tok: Token, *, plural: bool, personal: bool) -> bool:
        is_person = tok.ent_type_ == "PERSON"
        if personal:
            return is_person
        if plural:
            return not is_person and (tok.pos_ == "PROPN" or tok.tag_ in ("NNS", "NNPS"))
        return not is_person and tok.tag_ not in ("NNS", "NNPS")


# "a U.S.-owned firm", "a London-based group": the first part says where the firm is from.
HOMED = frozenset({"owned", "based", "registered", "flagged", "headquartered", "listed"})

# Offices held by one person: "he" or "she" may refer to "the foreign minister".
PERSON_ROLES = frozenset(
    "minister president premier chancellor spokesman spokeswoman spokesperson official senator "
    "congressman congresswoman lawmaker governor mayor ambassador envoy diplomat general commander "
    "leader secretary chief judge prosecutor attorney adviser advisor aide king queen prince emir "
    "director chairman chairwoman negotiator".split()
)

# Documents two or more parties make, often named after the town they were made in.
TREATY_NOUNS = frozenset(
    "agreement accord treaty convention protocol pact deal declaration memorandum format process".split()
)

# Head nouns that only count or group the people named by their "of" phrase.
QUANTITY_NOUNS = frozenset(
    "thousands hundreds dozens tens millions scores group groups members number crowd crowds mob mobs "
    "band bands contingent delegation hundred thousand dozen million".split()
)


def _head_word(token: Token) -> Token:
    """"Thousands of textile workers", "a group of protesters": the word that says who they are
    is the object of "of", not the count or collective that heads the phrase; in "attorneys
    general" or "inspectors general" it is the noun before the title's "general"."""
    noun = first_child(token, ("compound",)) if token.lower_ == "general" else None
    if noun is not None:
        return noun
    seen = 0
    while (token.lower_ in QUANTITY_NOUNS or token.like_num) and seen < 3:
        inner = prep_object(token, ("of",))
        if inner is None:
            break
        token, seen = inner, seen + 1
    return token


# Sectors of a country's own people and institutions: with no country word, they are the
# article's country ("the Senate", "police", "protesters", "the opposition").
# Words that make a name a storm or a building, never an actor.
NOT_ACTORS = frozenset(
    "hurricane storm typhoon cyclone tornado center centre hall arena stadium hotel airport "
    "building museum park square street avenue bridge".split()
)

DOMESTIC_SECTORS = frozenset(
    {"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "OPP", "PTY", "REB", "CVL", "BUS", "MED", "EDU",
     "LAB", "ELI", "HLH", "AGR", "REF", "CRM", "MOD", "RAD", "JRN"}
)  # fmt: skip


def _modifier_text(modifier: Token) -> str:
    """A modifier of an event noun as a name: the word itself, with the leader that makes
    a coalition someone's ("a Saudi-led coalition air strike"), or with the capitalised words
    of its name ("a North Korean call for talks")."""
    led = modifier.lower_ == "led" or any(c.lower_.endswith("-led") for c in modifier.children)
    words = list(modifier.subtree)
    named = len(words) > 1 and all(w.text[:1].isupper() for w in words)
    return text_of(words) if led or named else modifier.text


# Why an actor was given the article's country: a guess, which the act's place may overrule.
ARTICLE_COUNTRY = "article country"


def _common_group(noun: Token) -> bool:
    """ "a group of seven senators": the common noun "group" (not the "Group of Seven") with
    the people in it."""
    return noun.lower_ in ("group", "groups") and noun.text.islower() and prep_object(noun, ("of",)) is not None


def _possessor_pronoun(noun: Token) -> Token | None:
    """The pronoun that owns a thing ("its commitment"), whose antecedent acts through it."""
    return next((c for c in noun.children if c.dep_ == "poss" and is_pronoun(c)), None)


def _named_earlier(pronoun: Token, found: Actor, base: int) -> Span | None:
    """Where the sentence names a pronoun's antecedent before it ("to thank him" after "Bolivian
    President Luis Arce"): the words a reader looks for, as the evidence."""
    sent = pronoun.sent
    end = pronoun.idx - sent.start_char
    while found.text and (start := sent.text.rfind(found.text, 0, end)) >= 0:
        end = start
        # whole words only ("he" is no name inside "the"), a name and not another pronoun, and
        # not the dateline ("WASHINGTON (Reuters) - ... it would be absurd")
        words = sent.doc.char_span(sent.start_char + start, sent.start_char + start + len(found.text))
        if words is None or any(in_dateline(t) for t in words) or all(is_pronoun(t) for t in words):
            continue
        start += base + sent.start_char
        return Span(start, start + len(found.text))
    return None


def _state_of_affairs(noun: Token) -> bool:
    """"a state of emergency", "a state of siege": a condition, not a state ("the State of
    Israel" names one)."""
    condition = prep_object(noun, ("of",)) if noun.lower_ == "state" else None
    return condition is not None and condition.pos_ == "NOUN"


def _by_title(tokens: list[Token]) -> bool:
    """ "the crown prince", "the foreign minister": a person named by title alone."""
    return len(tokens) > 1 and tokens[0].lower_ == "the" and all(
        t.pos_ in ("NOUN", "PROPN", "ADJ") and t.ent_type_ not in ("PERSON", "GPE", "NORP") for t in tokens[1:]
    )


def _at_home(actor: Actor, token: Token, ctx: Any) -> Actor:
    """An official, body or person with no country of their own belongs to the article's
    country, when the article has one (coders read "the prime minister" and "Gazelka" so)."""
    home = getattr(ctx, "home", None)
    if home is None or actor.org or actor.entry == THING_ENTRY:
        return actor
    # a name that is no known place: a person, a party, an agency ("Gazelka", "Republicans", "HHS")
    named = actor.entry == UNLISTED
    if actor.sector not in DOMESTIC_SECTORS and not named:
        return actor
    return given_country(actor, home, ARTICLE_COUNTRY)


# Countries named like a state of another country: the state's country, and the name.
NAMESAKE_STATES = {"GEO": ("USA", "georgia")}


def _namesake_state(actor: Actor, tokens: list[Token], ctx: Any) -> Actor:
    """"Congressman John Lewis of Georgia", "the Georgia Democrat": in an article about the United
    States, Georgia is its state, not the country in the Caucasus."""
    country, name = NAMESAKE_STATES[actor.country or ""]
    if getattr(ctx, "home", None) != country or name not in (t.lower_ for t in tokens):
        return actor
    return given_country(Actor(text=actor.text, sector=actor.sector, entry=actor.entry), country,
                         f"{name} is a state of {country}")  # fmt: skip


def given_country(actor: Actor, country: str, why: str) -> Actor:
    """The actor with a country the text implies; its entry says why ("+ article country")."""
    return Actor(
        text=actor.text,
        country=country,
        sector=actor.sector,
        code=country + (actor.sector or ""),
        entry=f"{actor.entry} + {why}",
    )


def _person_names(tokens: list[Token]) -> list[str]:
    """Surnames of the people a phrase names ("African Union envoy Olusegun Obasanjo": obasanjo):
    the last word of each PERSON entity, or, when the tagger found none, a phrase that ends in
    a two-word proper name ("... envoy Olusegun Obasanjo")."""
    found = [t.lower_ for t in tokens if t.ent_type_ == "PERSON" and t.ent_iob_ in ("B", "I")
             and (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_type_ != "PERSON")]  # fmt: skip
    if found or len(tokens) < 2:
        return found
    last, before = tokens[-1], tokens[-2]
    # not a body ("the US Army", "the Indian Navy"), whose last word is no one's surname
    named = last.pos_ == before.pos_ == "PROPN" and last.ent_type_ not in ("GPE", "NORP", "LOC")
    return [last.lower_] if named and last.lower_ not in BODIES else []


# Head nouns for a body of people: what their modifier names is its members, not its thing.
COLLECTIVES = frozenset("group lobby association coalition".split())
# The last words of the names of bodies: "the US Army", "the Kenyan Navy", "the Federal Police".
BODIES = frozenset(
    "army navy police force forces guard guards ministry department party council court agency "
    "office service command corps assembly parliament congress senate committee commission union "
    "bank front movement".split()
)


def _remember_people(tokens: list[Token], actor: Actor, ctx: Any) -> None:
    """Note whom each person named with a title or body acts for, the first time they are named."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head == t]
    if not actor.key or any(c.dep_ == "conj" for h in heads for c in h.children):
        return  # "the Nigerian administration and Boko Haram": the actor is the first one's
    names = _person_names(tokens)
    for name in names:
        ctx.discourse.people.setdefault(name, actor)
    if names:
        ctx.discourse.titled.append((tuple(t.lower_ for t in tokens if not t.is_punct), actor))
    if actor.country in FAMILY_NAME_FIRST:
        # "Chinese President Xi Jinping" ... "Xi wanted": the family name comes first
        for tok in tokens:
            named = tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B"
            if named and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
                ctx.discourse.people.setdefault(tok.lower_, actor)


# States whose people's names are written family name first in English-language news.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK"})


def _named_before(tokens: list[Token], ctx: Any) -> Actor | None:
    """A person named again by name alone acts for whom they acted when first named: the
    African Union's envoy Obasanjo stays the AU's, not the country he once led."""
    words = [t for t in tokens if not t.is_punct and t.dep_ != "det"]
    if not words:
        return None
    # "Page was questioned": a surname the tagger took for a common noun, capitalised
    known = len(words) == 1 and words[0].text[:1].isupper() and words[0].lower_ in ctx.discourse.people
    if not known and any(t.ent_type_ != "PERSON" and t.pos_ != "PROPN" for t in words):
        return None
    return ctx.discourse.people.get(words[-1].lower_)


def _first_name(tokens: list[Token], actor: Actor) -> bool:
    """A state found only in a person's name, where its word is a first name ("Chad Wolf",
    "Victoria Nuland"): the phrase is one person's name of two words or more, and the state was
    matched alone (no title or body with it)."""
    words = [t for t in tokens if not t.is_punct and t.dep_ != "det"]
    one_person = len(words) >= 2 and all(t.ent_type_ == "PERSON" for t in words) and (
        sum(t.ent_iob_ == "B" for t in words) == 1
    )
    return one_person and (actor.entry or "").startswith("countries.tsv") and "+" not in (actor.entry or "")


def _name_words(tokens: list[Token]) -> list[Token]:
    """The proper name that ends a phrase ("former Nigerian president [Olusegun Obasanjo]")."""
    words: list[Token] = []
    for tok in reversed(tokens):
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "NORP"):
            break
        words.insert(0, tok)
    return words


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


# People and offices who act for the body or person named with them ("Mueller's team", "Congress
# members", "lawyers from Facebook").
AGENTS_OF = frozenset(
    "member staff staffer team office campaign aide lawyer attorney negotiator representative "
    "spokesman spokeswoman spokesperson delegation envoy official adviser advisor "
    # "a bipartisan group of senators", "a coalition of Republican lawmakers": the people in it
    "group coalition".split()
)
GROUPS = frozenset({"group", "coalition"})
# Words for the friends of a party, who are not that party ("Turkey's NATO allies").
ALLY_NOUNS = frozenset({"ally", "partner", "friend", "neighbour", "neighbor", "backer", "patron"})
# Role words that name people as nouns only ("called on the public", not "public opinion").
PEOPLE_ONLY_AS_NOUNS = frozenset({"public"})
# Words for the two parties of a story, named together ("the two countries", "both sides").
PAIR_NOUNS = frozenset(
    "countries nations states governments sides leaders neighbours neighbors capitals presidents "
    "ministers premiers".split()
)
# Plural words for states that a list names one by one ("four countries, including ...").
STATE_GROUPS = frozenset({"country", "nation", "state", "government", "power", "ally", "member"})
# A state's diplomats at an organisation, named by the organisation ("the U.N. mission of X").
MISSIONS = frozenset({"mission", "delegation"})


def _listed(token: Token) -> Token | None:
    """The first state of the list that names a group of states, or the first named party of
    any group's list: "at least four countries, including the United States, Soviet Union,
    Britain and China", "challengers, including the state of Hawaii", "the U.N. missions of
    Uruguay and Malaysia" (the others are the list's conjuncts, each a party of its own:
    `_conjoined_targets`)."""
    if token.lemma_.lower() in MISSIONS:
        # "the U.N. missions of Uruguay and Malaysia": their diplomats, not the U.N.
        envoys_of = prep_object(token, ("of",))
        return envoys_of if envoys_of is not None and envoys_of.ent_type_ == "GPE" else None
    if token.tag_ not in ("NNS", "NNPS"):
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("including", "like"):
            listed = prep_object(token, (child.lower_,))
            # any other group acts through the named parties it lists: "challengers, including
            # the state of Hawaii and the ACLU" (not "weapons, including rockets")
            if token.lemma_.lower() in STATE_GROUPS or (
                listed is not None and any(t.pos_ == "PROPN" for t in listed.subtree)
            ):
                return listed
    return None


def pair_phrase(token: Token) -> bool:
    """ "the two countries", "both sides": a phrase for the two parties of a story. Not "both
    sides of the aisle" (of one house), nor "two countries" with no article (any two)."""
    if token.lower_ not in PAIR_NOUNS or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    words = [c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet", "amod")]
    return "both" in words or ("the" in words and "two" in words)


# The party facing the source in a conflict within one state ("Ethiopia's warring sides").
OTHER_SIDE = "implied: the other side"


def pair_named(token: Token, ctx: Any) -> tuple[Actor, Actor] | None:
    """The two states a `pair_phrase` names: the last two the article named before it."""
    if not pair_phrase(token):
        return None
    pair = ctx.discourse.last_pair(ctx.block.start + token.idx)
    text = text_of(phrase_tokens(token))
    home = getattr(ctx, "home", None)
    if pair is None and home is not None and token.lemma_.lower() in ("side", "party"):
        # "the two sides signed a peace deal" in a story of one state's civil war: both its own
        side = Actor(text=text, country=home, code=home, entry="implied: a side of the article's state")
        return side, Actor(text=text, country=home, code=home, entry=OTHER_SIDE)
    if pair is None:
        return None
    return _merge(None, pair[0], text), _merge(None, pair[1], text)


def possessor(modifier: Token) -> bool:
    """ "Russia's", "Greece and Turkey's" (which the parser may hang as a name modifier)."""
    return modifier.dep_ == "poss" or any(t.dep_ == "case" and t.lower_ in ("'s", "'", "’s") for t in modifier.subtree)


def _the_only(noun: Token) -> bool:
    """ "the ministers", "these officials": a plural named by "the" and its head noun alone."""
    return bool(list(noun.children)) and all(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children)


def _definite(noun: Token) -> bool:
    """"the alliance", "Allies", "its members": a description that points back; "other groups" does not."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "amod")}
    if words & {"other", "another", "some", "many", "several", "a", "an", "any"}:
        return False
    return bool(words & {"the", "this", "that", "these", "those"}) or noun.text[:1].isupper() or any(
        c.dep_ == "poss" for c in noun.children
    )


def _clause_mate_subject(pron: Token) -> Token | None:
    """The subject of the verb whose object the pronoun is ("urged him to quit", "attacked it"):
    an object pronoun never means it."""
    verb = pron.head
    if pron.dep_ == "nsubj" and verb.dep_ in ("xcomp", "ccomp") and to_infinitive(verb):
        verb = verb.head  # "urging him to quit": "him" is the object of "urging"
    elif pron.dep_ not in ("dobj", "dative"):
        return None
    subj, passive = subject(verb)
    return None if passive else subj

