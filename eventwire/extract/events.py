"""Extract event mentions from parsed articles: trigger, who, whom, where, when, and how sure.

For every sentence worth reading (not keyword lines or photo captions), each token whose lemma is a
known trigger is coded (`code.code_trigger`); its source and target come from the parse (subject /
`by`-agent / possessor for the source, object / party preposition for the target), go through the
actor dictionary, and fall back on the article's memory (`Discourse`) for pronouns, definite
descriptions and anaphoric event nouns ("protest these violations" → whoever violated). Places are
the toponyms in the trigger's own clause; the date is the time phrase of the nearest clause,
resolved against the publication date, else the publication date itself (precision "published").
A sentence's events are those of its main line: a subjectless participle or infinitive hanging off
it ("…, killing five") and a known event it reacts to ("condemned the attack") are part of the main
event, unless the sentence has no other; background clauses with their own subject are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..annotate import AnnotatedArticle, Block, split_blocks
from ..coding.code import (
    BACKING,
    KIN,
    attempted,
    code_trigger,
    coded,
    demanded_act,
    giver,
    judged_due,
    light_governor,
    measure_decided,
    recode,
    under_way,
)
from ..coding.ontology import Coding, Ontology
from ..coding.senses import epithet_of, labour_story, labour_strike
from ..records import Actor, Article, DateRange, Mention, Place, Span
from ..resolve.actors import ActorDictionary
from ..resolve.places import Gazetteer
from .arguments import (
    RECIPROCAL,
    REPORTING_VERBS,
    THING_ENTRY,
    complement_party,
    demand_parties,
    is_pronoun,
    own_thing,
    with_parties,
)
from .circumstances import PlacesAndTimes, locative
from .conventions import (
    ARRESTS,
    CHARGING,
    HELD_UNDER,
    OTHER_SIDE,
    PROTESTED_STATE,
    STATE_ACTS,
    VERDICTS,
    a_policy,
    a_proposal,
    answers,
    at_the_scene,
    home_addressee,
    home_country,
    implied_target,
    placed,
    plea_court,
    policy_author,
    procedure_holder,
    struck_state,
    told_deed,
    trying_court,
)
from .discourse import DOCUMENT_NOUNS, Discourse
from .gates import (
    APPEALING,
    DEPARTING,
    DESCRIBED,
    DOCUMENT_ENTRY,
    LETHAL,
    PROTESTERS,
    WEAPONS,
    armed,
    codable,
    decides,
    figure_of_force,
    intent_only,
    named,
    personal,
    politician,
    referent,
    self_loop,
    speaking_party,
    unarmed_quarrel,
)
from .modality import ahead, conditioned, headline_future, may_not_yet, modality
from .parties import FREEING, HOLDING_MARKS, Parties
from .referents import PERSON_ROLES, TARGET_NOUN_PREPS, Referents, pair_named, pair_phrase
from .syntax import (
    AUTHORED,
    agent,
    ancestors_path,
    clause_tokens,
    direct_object,
    first_child,
    for_clause,
    in_quotes,
    phrase_tokens,
    prep_object,
    relative_antecedent,
    subject,
    text_of,
    that_clause,
)

HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})
# Acts one party does alone, whoever does them with it: "China and Russia welcome the efforts",
# "Iran and Syria condemned the strike" are two praises or protests, not one party's at the other.
ONE_SIDED = frozenset({"ACCUSE", "REQUEST", "PROTEST", "THREATEN", "AID", "SANCTION", "MOBILIZE",
                       "CONCEDE", "RETREAT"})
# Acts aimed at whoever did a deed: the deed's agent is their target.
BLAMING = frozenset({"ACCUSE"})
# Verbs of force that two sides named together do to each other, whatever else they name
# ("clashed on the border", "exchanged fire", "fought a war").
FIGHTING_EACH_OTHER = frozenset({"clash", "skirmish", "exchange", "trade", "fight", "battle", "scuffle"})
# Verbs whose passive form states the subject's own stance: "is opposed to the plan".
STANCES = frozenset({"oppose"})
# Acts done in words, aimed at whom their words are about.
SAYING_TO = frozenset({"REQUEST", "THREATEN", "ACCUSE"})
# What two parties fail to reach together ("failed to agree", "failed to reach a deal").
AGREEING = frozenset("agree agreement reach deal accord compromise settlement consensus".split())
DOCUMENT_VERBS = frozenset({"issue", "release", "publish", "adopt", "sign"})
# Nouns for an effort toward, or a change to, the event named with them.
CARRIER_NOUNS = frozenset(
    "effort efforts package packages program programme programs suspension increase resumption "
    "cut cuts reduction halt expansion boost freeze round series wave".split()
)
MODIFIERS = frozenset({"compound", "amod", "nmod"})
# Nouns for what is said of someone, whose "that" clause names them ("allegations that Russia ...").
CLAIMS = frozenset({"allegation", "claim", "charge", "accusation", "report", "suspicion", "assertion"})
# What one raises or voices about a party ("raised questions about whether the FBI misled
# Congress"): the party the misgiving is about is the target.
MISGIVINGS = frozenset({"question", "doubt", "concern", "worry", "misgiving", "reservation"})
# Agreements whose violation by force is force ("violating the ceasefire agreement").
PACTS = frozenset({"agreement", "deal", "accord", "truce", "ceasefire", "cease-fire"})
THING_PREPS = ("into", "against", "of", "on", "over", "about", "upon", "toward", "towards")
# Verbs of being in a state of talks: "is in talks with the IMF" tells that its subject talks.
STATES_OF_BEING = frozenset({"be", "remain", "stay"})


# Politics uses most words of force as figures ("a legal battle", "attacked the FBI", "killed
# the bill"); these it does not: an ambush or a shooting is force whoever does it.
PHYSICAL = frozenset("ambush shoot stab bomb shell torture assassinate behead gun storm ransack loot torch".split())
# Places of armed men: an attack on one is force whoever does it ("attacked an army base").
ARMED_SITES = frozenset(
    "base airbase camp checkpoint outpost barracks garrison convoy patrol compound post position positions".split()
)
# Verbs of force that, between two unarmed sides of one state, are said in words.
VERBAL_ATTACKS = frozenset({"attack", "assail", "rip", "clash"})
# Rows that take their party from the clause, not from the article: a refusal of one's own act
# ("would not resign") is aimed at no one; what a thing should do or is said to be ("prices
# should fall": a forecast) asks or blames no state.
UNADDRESSED = ("refused:", "demand:", "claim:")


def _span_head(span: Span | None, sent: SpacySpan, ctx: _Context) -> Token | None:
    """The one word of a sentence that heads the words of ``span``, if one does."""
    if span is None:
        return None
    base = ctx.block.start
    inside = [t for t in sent if span.start <= base + t.idx < span.end]
    heads = [t for t in inside if t.head not in inside or t.head == t]
    return heads[0] if len(heads) == 1 else None


@dataclass
class _Context:
    """Per-block state: where the block starts, what date the article bears, who is speaking."""

    block: Block
    published: date | None
    discourse: Discourse
    countries: tuple[str, ...]
    places: list[Place]
    speaker: tuple[Actor, Span] | None = None
    dateline: tuple[Place, Span] | None = None  # where the article was filed ("MOSCOW (Reuters) -")
    home: str | None = None  # the country the article is about, when one clearly dominates
    labour: bool = False  # a story of workers' strikes (senses.labour_story)


class Extractor(Referents, Parties, PlacesAndTimes):
    """Turns `AnnotatedArticle`s into `Mention`s, with the dictionaries passed in."""

    def __init__(self, ontology: Ontology, actors: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.ontology = ontology
        self.actors = actors
        self.gazetteer = gazetteer

    # -- articles and sentences -------------------------------------------------------------
    def extract(self, annotated: AnnotatedArticle) -> list[Mention]:
        article = annotated.article
        discourse = Discourse()
        counts = self._article_countries(article, discourse)
        countries = tuple(counts)
        home = home_country(counts)
        places: list[Place] = []
        mentions: list[Mention] = []
        dateline: tuple[Place, Span] | None = None
        first_body = True
        labour = labour_story(annotated.docs)
        for block, doc in zip(annotated.blocks, annotated.docs):
            if doc is None or block.kind not in ("title", "body"):
                continue
            if block.kind == "body" and first_body:  # only the first paragraph opens with one
                dateline, first_body = self._dateline(doc, block, countries), False
                if dateline is not None:
                    home = home_country(counts, filed_in=dateline[0].country)
                if home is None and self._led_by_most_named(doc, article.published, counts):
                    home = countries[0]  # the most named state, and the subject of the lede
            ctx = _Context(block, article.published, discourse, countries, places)
            ctx.dateline, ctx.home, ctx.labour = dateline, home, labour
            ctx.speaker = self._speaker(doc, ctx)
            for sent in doc.sents:
                mentions.extend(self._sentence(article.id, sent, ctx))
        return mentions

    def _led_by_most_named(self, doc: Doc, published: date | None, counts: dict[str, int]) -> bool:
        """Whether the first sentence has the article's most named state (named twice or more)
        as its subject ("Kuwait today rejected Iranian charges ..."): a story shared between two
        states, led by the more named one, is told from its side."""
        ranked = list(counts)
        first = next(iter(doc.sents), None)
        if not ranked or counts[ranked[0]] < 2 or first is None:
            return False
        subj, passive = subject(first.root)
        if subj is None or passive:
            return False
        found = self.actors.resolve(text_of(phrase_tokens(subj)), on=published)
        return found is not None and not found.org and found.sector in (None, "GOV") and found.country == ranked[0]

    def _article_countries(self, article: Article, discourse: Discourse) -> dict[str, int]:
        """How often the article names each country (through any actor), most named first;
        read paragraph by paragraph, as the pre-filter already did (``find`` keeps those).
        The states named are noted in the discourse, where they were named."""
        counts: dict[str, int] = {}
        for block in split_blocks(article):
            for start, _, actor in self.actors.find(block.text):
                if actor.country:
                    counts[actor.country] = counts.get(actor.country, 0) + 1
                    if not actor.org:
                        discourse.states_named.append((block.start + start, actor))
        return dict(sorted(counts.items(), key=lambda item: -item[1]))

    def _sentence(self, article_id: str, sent: SpacySpan, ctx: _Context) -> Iterator[Mention]:
        base = ctx.block.start
        sent_span = Span(base + sent.start_char, base + sent.end_char)
        times = self._times(sent, ctx)
        self._note_documents(sent, ctx)
        self.note_people(sent, ctx)
        ctx.discourse.surnames.update(e[-1].lower_ for e in sent.ents if e.label_ == "PERSON" and len(e) > 1)
        told: list[tuple[Token, Mention]] = []
        for token in sent:
            if not self.ontology.is_trigger_lemma(token.lemma_.lower()) and not (
                # "I'm deeply troubled by the plan": a feeling word parsed as a passive verb
                token.tag_ == "VBN" and token.lower_ in self.ontology.adjectives()
            ):
                coding = None
            else:
                coding = code_trigger(token, self.ontology)
            if coding is not None and ctx.labour and _bare_strike(coding):
                coding = coded(self.ontology, "143", STORY_STRIKE)
            if coding is None and token.pos_ in ("VERB", "AUX"):
                coding = demanded_act(token, self.ontology)
            if coding is None:
                continue
            mention = self._mention(article_id, token, coding, sent, sent_span, times, ctx)
            if mention is not None:
                told.append((token, mention))
                told.extend((token, m) for m in self._conjoined_targets(mention, sent, ctx))
                told.extend((token, m) for m in self._conjoined_sources(mention, sent, ctx))
                if mention.plover_type in HOSTILE_TYPES and mention.source and mention.source.key:
                    ctx.discourse.hostile_sources.append(mention.source)
                    if token.lemma_.lower() in KIDNAPPING and mention.modality == "asserted":
                        ctx.discourse.captors.append(mention.source)
        found = with_parties(_without_framing(_main_clause(told, self._is_event_noun)))
        root_subject, _ = subject(sent.root)
        if root_subject is not None:
            actor, _ = self._actor(root_subject, ctx)
            # "Trump" and "the official" are one person, "Trump and Pence" are not ("they" may be them)
            one_person = not root_subject.conjuncts and (
                root_subject.ent_type_ == "PERSON"
                or (root_subject.tag_ == "NN" and root_subject.lemma_.lower() in PERSON_ROLES)
            )
            ctx.discourse.mention(actor, as_subject=True, person=one_person)
        yield from found

    def _conjoined_targets(self, mention: Mention, sent: SpacySpan, ctx: _Context) -> Iterator[Mention]:
        """One act done to each of several parties named together: "traveled to Ethiopia, South
        Sudan and Congo" is three visits, "accused Russia and Iran" two accusations. The
        mention found names the first; each other conjunct that names another state or
        organisation gets its own."""
        target, span = mention.target, mention.target_span
        if target is None or target.key is None or span is None:
            return
        head = _span_head(span, sent, ctx)
        if head is None:
            return
        pair = pair_named(head, ctx)
        if pair is not None:  # "called on both countries": the second of them
            source_country = mention.source.country if mention.source else None
            if source_country != pair[1].country and target.country != pair[1].country:
                yield replace(mention, target=pair[1], target_span=span)
            return
        # "negotiators from the US, Canada and Mexico met": the doer is listed with the targets
        found = self._listed_with(head, mention.source_span, ctx, as_target=True)
        source = mention.source.key if mention.source else None
        keys = [actor.key for actor, _ in found if actor is not None]
        if source is None or source == target.key or source in keys:
            return  # "collusion between the campaign and Russia": the doer is on the list
        for actor, own_span in _parties_of_own(found, {target.key}):
            yield replace(mention, target=actor, target_span=own_span)

    def _conjoined_sources(self, mention: Mention, sent: SpacySpan, ctx: _Context) -> Iterator[Mention]:
        """One act done by each of several parties named together: "France and Britain
        condemned the attack" is two condemnations. A joint act of the two ("the US and China
        signed an agreement") already names the second as its target."""
        source, span = mention.source, mention.source_span
        if source is None or source.key is None or span is None:
            return
        head = _span_head(span, sent, ctx)
        if head is None or pair_named(head, ctx) is not None:
            return
        found = self._listed_with(head, mention.target_span, ctx, as_target=False)
        target = mention.target.key if mention.target else None
        for actor, own_span in _parties_of_own(found, {source.key, target}):
            yield replace(mention, source=actor, source_span=own_span)

    def _listed_with(
        self, head: Token, other: Span | None, ctx: _Context, *, as_target: bool
    ) -> list[tuple[Actor | None, Span | None]]:
        """The actors of the words listed with ``head`` (its conjuncts), outside the other
        party's words; none for a longer list, a roll call ("the council's five permanent
        members")."""
        base = ctx.block.start
        conjuncts = [c for c in head.conjuncts if other is None or not other.start <= base + c.idx < other.end]
        if not conjuncts or len(head.conjuncts) > 3:
            return []
        return [self._actor(conj, ctx, as_target=as_target, alone=True) for conj in conjuncts]

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
        if trigger.lemma_.lower() == "demonstrate" and any(
            c.dep_ in ("dobj", "ccomp", "nsubjpass") for c in trigger.children
        ):
            # "demonstrates the US commitment", "demonstrated that ...", "was demonstrated by
            # our decision": shows, no protest
            return None
        if trigger.lemma_.lower() == "ask" and ((trigger.tag_ == "VBN" and trigger.dep_ in ("advcl", "acl")) or question(trigger)):
            # "Asked whether he backed Hatch, Trump said yes", "Brady, asked if it was true, ...",
            # "'Why now?' one aide asked": a question, no request
            return None
        if trigger.dep_ == "acl" and coding.pattern.startswith(("intent:want", "request:want")):
            return None  # "Russian citizens wanting to visit the US": who they are, no event
        # an epithet said of a subject ("said the plan was a disgrace") is read like a verb
        is_noun = trigger.pos_ == "NOUN" and not coding.pattern.startswith("claim:")
        unnamed_doer = False  # a passive act with no "by" phrase ("was arrested")
        judged_by: tuple[Actor, Span] | None = None  # who says a verdict is deserved
        told_party = False  # the target is the subject of a noun's "that" clause
        governor = light_governor(trigger) if is_noun else None
        if is_noun and governor is None:
            governor = self._frame_governor(trigger)
        carrier = _carrier(trigger) if is_noun and governor is None else None
        if carrier is not None:
            # "ended mediation efforts", "announced a suspension of aid to Egypt": the event
            # noun rides on a noun that a verb carries; that verb's subject is who acts
            governor = light_governor(carrier) or self._frame_governor(carrier)
        if is_noun:
            if self._argument_of_same_event(trigger, coding):
                return None
            src_tok, tgt_tok = self._noun_arguments(trigger, governor)
            if tgt_tok is None and coding.plover_type in SAYING_TO:
                # "renewed his warning that the era of patience with North Korea was over",
                # "a demand that Russia withdraw": as with the verb, whom the words are about
                tgt_tok = told_subject(trigger)
                told_party = tgt_tok is not None
            if carrier is not None and (src_tok is None or tgt_tok is None):
                own_src, own_tgt = self._noun_arguments(carrier, governor)
                if own_tgt == trigger:  # "a suspension of aid to Egypt": the party, not the aid
                    own_tgt = prep_object(carrier, tuple(p for p in TARGET_NOUN_PREPS if p != "of"))
                src_tok, tgt_tok = src_tok or own_src, tgt_tok or own_tgt
            if (
                governor is not None
                and governor.lemma_.lower() in UNDERGOING
                and trigger.lemma_.lower() in CHARGING
                and tgt_tok is None
            ):
                # "Zuma faces corruption charges": charges laid on the subject by the state's
                # authorities ("faces arrest", "faces sanctions" is what may come)
                src_tok, tgt_tok, unnamed_doer = None, src_tok, True
            if governor is not None and governor.lemma_.lower() in UNDERGOING and trigger.lemma_.lower() in CROWD_PROTESTS:
                src_tok, tgt_tok = None, src_tok  # "Honduras has faced violent protests": against it
            held = _held_under(trigger)
            if held is not None and tgt_tok is None:
                src_tok, tgt_tok = src_tok or held[0], held[1]
                unnamed_doer = src_tok is None
            if src_tok is None and governor is None and coding.plover_type == "CONSULT":
                src_tok = _party_to_talks(trigger, coding.cameo_code == "042")
                if src_tok is None and tgt_tok is None:
                    src_tok, tgt_tok = _talks_of_the_clause(trigger)
            crowd = src_tok is None and trigger.lemma_.lower() in CROWD_PROTESTS and not _in_protest(trigger)
            if crowd and trigger.lemma_.lower() == "rally" and self._rulers_rally(trigger, ctx):
                return None  # "Speaking at a rally in Ohio, Trump attacked ...": his own rally
            if src_tok is None and governor is None and not crowd and not unnamed_doer:
                return None  # a bare event noun refers to an event told elsewhere
        else:
            src_tok, passive = subject(trigger)
            if not passive and src_tok is not None and src_tok.lemma_.lower() in LAWS:
                return None  # "the Senate bill repeals the fine": what a law provides is no act (GUIDE)
            if coding.plover_type == "REQUEST" and src_tok is not None and src_tok.lemma_.lower() in POLICY_PAPERS:
                return None  # "a strategy that calls for a firmer line": what the paper sets out
            if not passive and src_tok is not None and _polled(src_tok):
                return None  # "32 percent of Americans support the plan": opinion a poll measured
            if passive and trigger.dep_ == "xcomp" and first_child(trigger, ("nsubjpass",)) is None:
                passive = False  # "Obama is scheduled to attend": the raised subject attends
            if not passive and any(c.dep_ == "auxpass" for c in trigger.children):
                passive = True  # "were jailed and were released by Putin": a passive conjunct
            stance = prep_object(trigger, ("to",)) if trigger.lemma_.lower() in STANCES else None
            if passive and stance is not None and agent(trigger) is None:
                passive = False  # "West Germany is opposed to the limits": a stance, no one opposes it
            obj = direct_object(trigger) or stance
            if obj is None and coding.pattern.startswith("construction: call X"):
                # "has called Trump a dotard", parsed with both as complements: the first is named
                obj = next((c for c in trigger.children if c.dep_ == "oprd"), None)
            if coding.pattern.startswith("feeling:"):
                # "it was concerned by the crackdown": the one concerned speaks, of the deed;
                # "disappointed the companies had not done more": of the clause's subject
                passive, obj = False, agent(trigger) or obj or prep_object(trigger, FELT_ABOUT) or _clause_subject(trigger)
                if obj is None:
                    return None  # "said he was delighted to be in Japan": about no one
            if passive:
                src_tok, tgt_tok = agent(trigger) or _captor(trigger, src_tok), src_tok
                if src_tok is None and judged_due(trigger):
                    # '"President Trump should be applauded for keeping his word," Grassley
                    # said': the speaker praises him; "should be condemned": condemns it (the
                    # speaker of a quotation told over several sentences, when this one names none)
                    said = demand_parties(trigger)
                    src_tok = said[0] if said is not None else None
                    judged_by = self._attribution(trigger, ctx) if said is None else None
                unnamed_doer = src_tok is None and judged_by is None
            elif coding.plover_type == "CONSULT" and trigger.lemma_.lower() in TOPIC_VERBS:
                # "China and Israel discussed Middle East peace": a topic, no party; "discussed
                # the resolution with Sisi": the parser may hang the party on the topic
                tgt_tok = prep_object(obj, ("with",)) if obj is not None else None
                if tgt_tok is not None and tgt_tok.lemma_.lower() in KIN:
                    return None  # "after discussing options with my family": private life
            else:
                tgt_tok = obj if obj is not None else _shared_object(trigger)
            if coding.plover_type == "REQUEST" and tgt_tok is None:
                # "called for the United States to withdraw", "asked for Park to receive a
                # 30-year sentence": asked of the clause's subject
                asking = next((c for c in trigger.children if for_clause(c)), None)
                tgt_tok = first_child(asking, ("nsubj",)) if asking is not None else None
            if coding.pattern.startswith("received:"):
                # "received a threat from Hamas": the giver acts on the one who receives
                received = obj if obj is not None else prep_object(trigger, ("under",))  # "came under fire"
                given = giver(trigger, received)
                if given is None and obj is not None and obj.lemma_.lower() in BACKING:
                    given = prep_object(obj, ("of",))  # "won the backing of Germany"
                src_tok, tgt_tok = given, src_tok
            if coding.pattern.startswith(("demand:", "claim:")):
                # "Russia said Sudan must return the helicopter": the speaker demands it of Sudan;
                # "Mattis said the Russians violated the treaty": he accuses them
                src_tok, tgt_tok = demand_parties(trigger) or (src_tok, tgt_tok)
            if tgt_tok is None:
                tgt_tok = complement_party(trigger, src_tok)
            if tgt_tok is None:
                tgt_tok = self._party_of_left_event(trigger)
            if tgt_tok is not None and trigger.lemma_.lower() not in COUNTERING and (
                (self._is_event_noun(tgt_tok) and _same_type(self.ontology, tgt_tok, coding))
                or (coding.plover_type in BLAMING and tgt_tok.lemma_.lower() in MISGIVINGS)
            ):
                # "opened an investigation into X", "launched legal action against X": the verb
                # and its event noun tell one event, whose target is the noun's party
                party = prep_object(tgt_tok, THING_PREPS) or prep_object(trigger, THING_PREPS[:2])
                if party is not None:
                    tgt_tok = party
        source, source_span = self._actor(src_tok, ctx)
        if source is None and judged_by is not None:
            source, source_span = judged_by
        if source is None and src_tok is not None:
            # "the Senate President's aide faulted …": who acted, though no dictionary names them
            source, source_span = self._actor(src_tok, ctx, as_target=True)
            if source is not None and src_tok.lemma_.lower() in AUTHORED:
                # "a report alleged that ...": a document speaks for its unnamed author; "a
                # foreign ministry statement described ...": for the author its words name
                author = self._document_author(src_tok, ctx)
                source = author or Actor(text=source.text, entry=DOCUMENT_ENTRY)
        if (
            not is_noun and coding.plover_type != "ASSAULT" and trigger.lemma_.lower() in FIGHTING
            and source is not None and source.sector in ARMED_SECTORS
        ):  # "UNITA has been fighting the government": armed men fight with arms, not words
            coding = recode(self.ontology, coding, "190", "armed: fight") or coding
        target, target_span = self._actor(tgt_tok, ctx, as_target=True)
        if trigger.lemma_.lower() in ARRIVING and source is not None:
            # "Russian troops arrive in Kazakhstan": forces that arrive are deployed, not visiting;
            # "Defense Secretary Jim Mattis flew into Seoul" (CAMEO's "fly into" is an air
            # deployment): a person travels
            person = src_tok is not None and src_tok.ent_type_ == "PERSON"
            if coding.plover_type == "CONSULT" and armed(source) and not person:
                coding = recode(self.ontology, coding, "150", "armed: arrival") or coding
            elif coding.plover_type == "MOBILIZE" and not armed(source) and person:
                coding = recode(self.ontology, coding, "042", "person: arrival") or coding
        if (
            trigger.lemma_.lower() in LEAVING and coding.plover_type == "CONSULT" and source is not None and armed(source)
            and not (src_tok is not None and src_tok.ent_type_ == "PERSON")
        ):
            # "the last German soldiers left Niger": forces that leave withdraw
            coding = recode(self.ontology, coding, "0874", "armed: departure") or coding
        if coding.plover_type in SENT_FORCES and source is not None and target is not None and _own_forces(source, target):
            # "Russia sent troops to help Kazakhstan's government": the forces are what is sent,
            # the one they help is whom it is done for
            target, target_span = self._actor(_helped(trigger), ctx)
        if coding.pattern.startswith("ordered: own forces"):
            target, target_span = None, None  # its forces are its own, no one else's
        if target is None and not is_noun and coding.pattern.startswith("construction: call X"):
            # "a reaction to what he called Saudi aggression", "what it described as a
            # provocation by NATO": the wrong named belongs to whoever is accused
            owner = self._owner(epithet_of(trigger), source, ctx)
            if owner is not None:
                target, target_span = owner
        fired = coding.plover_type == "ASSAULT" and tgt_tok is not None and tgt_tok.lower_ in WEAPONS
        if fired and target is not None and target.entry != THING_ENTRY:
            # "fired his rifles": a weapon is a thing of the doer's, never its owner as a target
            target = Actor(text=target.text, entry=THING_ENTRY)
        thrown = coding.plover_type == "ASSAULT" and (target is None or target.entry == THING_ENTRY)
        if not is_noun and thrown:  # "fired tear gas at opposition supporters": whom it was fired at
            found, found_span = self._actor(
                prep_object(trigger, ("at", "on", "upon", "into")), ctx, as_target=True
            )
            if found is not None and found.entry != THING_ENTRY:
                target, target_span = found, found_span
        laid_on = _imposed_on(tgt_tok) if tgt_tok is not None and target is not None and target.entry == THING_ENTRY else None
        if not is_noun and tgt_tok is not None and target is not None and (
            (self._is_event_noun(tgt_tok) and _same_actor(source, target))
            or (target.entry == THING_ENTRY and (laid_on is not None or (self._is_event_noun(tgt_tok) and _measure(self.ontology, tgt_tok))))
        ):
            # "lifted its blockade of Yemen", "completed its withdrawal from Iraq": the act
            # named by the object is the source's own; its target is that act's party, and so
            # is a measure's ("lifted sanctions on Cuba", "lifted travel bans placed on Venezuelan
            # officials"); one laid on a party of the source's own state is left alone
            _, party = self._noun_arguments(tgt_tok, None)
            party = party or laid_on
            found, found_span = self._actor(party, ctx, as_target=True)
            if found is not None and found.entry != THING_ENTRY and not _same_actor(source, found):
                target, target_span = found, found_span
        if not is_noun and coding.plover_type in RECIPROCAL:
            partner_tok = prep_object(trigger, ("with",)) or _partner_in_setting(trigger)
            if partner_tok is not None:  # "discussed Libya with Trump", "shared evidence with India"
                found, found_span = self._actor(partner_tok, ctx, as_target=True)
                if found is not None and found.entry != THING_ENTRY:
                    target, target_span = found, found_span
        # the object is the source's own ("Russia withdrew Russian troops from Syria"); words
        # addressed to another of its sides stay with them ("Trump urged Senate Republicans to
        # end the probe into Russia's meddling" is asked of the senators)
        same = (
            source is not None and target is not None and bool(source.key) and source.key == target.key
            and (coding.plover_type not in SAYING_TO or self_loop(source, target))
        )  # fmt: skip
        from_phrase = False
        if coding.plover_type in BLAMING and target is not None and target.entry == THING_ENTRY:
            # "investigating war crimes by Croatian extremists against civilians", "opened an
            # inquiry into killings committed by the police": blame falls on whoever did the
            # deed, not on its victims or on the body addressed
            owner = self._owner(tgt_tok, source, ctx)
            if owner is not None:
                target, target_span = owner
            elif told_deed(tgt_tok):
                # "EU leaders condemned the incident": the deed told before, by whoever did it
                doer = ctx.discourse.last_hostile_source()
                if doer is not None and not _same_actor(doer, source):
                    target, target_span = doer, None
        moved = _forces_moved(trigger, source, target)
        if (not is_noun or told_party or moved) and (
            target is None or target.entry == THING_ENTRY or own_thing(tgt_tok) or same or moved
        ):
            # "returned artifacts to Italy", "sent troops to Mali", "withdrew its troops from
            # Gaza": what is handed over or moved is no party; the recipient is
            before = (target, target_span)
            # forces moved are no party: where they go, or whom they are sent against, is
            target, target_span, from_phrase = self._recipient(
                trigger, tgt_tok, ctx, None if moved else target, None if moved else target_span
            )
            if moved and target is None:  # "offered to send soldiers to assist the Mozambican army"
                target, target_span = self._actor(_helped(trigger), ctx)
                if target is None:
                    target, target_span = before
            if before[0] is not None and source is not None and target is not None and self_loop(source, target):
                # "forced a plane to land in Minsk": the source's own capital is no party; the
                # thing acted on stays the target
                target, target_span, from_phrase = before[0], before[1], False
        if target is not None and target.entry == THING_ENTRY and not fired and (
            not is_noun or coding.plover_type in ("ASSAULT", "COERCE")
        ):
            # "rejected calls by Kofi Annan", "would not meet hostage-takers' demands", "fired on
            # Kampuchean guerrilla camps", "air strikes on areas controlled by the Houthis": the
            # thing acted on belongs to a party, who is the target
            owner = self._owner(tgt_tok, source, ctx)
            if owner is not None:
                target, target_span = owner
        if tgt_tok is not None and (source is None or src_tok is tgt_tok) and mutual(coding, trigger):
            pair = pair_named(tgt_tok, ctx)
            if pair is not None:  # "talks between the two countries", "trade talks with both sides"
                source, target = pair
                source_span, target_span = target_span, None
        elif source is not None and target is not None and source.country == target.country:
            head = _span_head(target_span, sent, ctx)
            pair = pair_named(head, ctx) if head is not None else None
            if pair is not None:  # "Pakistan rejected talks between the two neighbours": with the other
                target = pair[1]
        talks_between = src_tok is not None and self._talks(src_tok) and prep_object(src_tok, ("between",)) is not None
        if src_tok is not None and (
            target is None
            or talks_between  # "talks between the two countries reached a broad agreement"
            or (
                coding.plover_type in RECIPROCAL
                and (
                    target.entry == THING_ENTRY or from_phrase or _same_actor(source, target)
                    or not named(source)  # "negotiators from the US, Canada and Mexico met at a hotel"
                )
            )
            or (coding.plover_type == "REJECT" and target.entry == THING_ENTRY)
            # "Indian and Chinese troops clashed on the border", "Israel and Hamas traded fire"
            or (trigger.lemma_.lower() in FIGHTING_EACH_OTHER and target.entry == THING_ENTRY)
        ):
            # "the US and China signed an agreement", "the House and Senate failed to agree", "the
            # US and South Korea failed to reach agreement": a joint act (or a joint failure to
            # act), coded from the first to the second party (a dyad keeps both)
            joint = self._joint(src_tok, ctx)
            if joint is not None and (
                mutual(coding, trigger) or _same_actor(joint[0], joint[2]) or pair_phrase(src_tok) or _reciprocal(tgt_tok)
                or trigger.lemma_.lower() in FIGHTING_EACH_OTHER  # "traded accusations"
            ):
                # one party's praise or protest is still an act within its country when both
                # are of it ("Democrats and Republicans criticized"), never one at the other;
                # "the two leaders toasted their friendship" is between them
                source, source_span, target, target_span = joint
        if target is None:
            # "carried out a raid, targeting the commanders", "began a hunger strike, protesting the
            # law": a participle telling the same act names whom it is aimed at
            target, target_span = self._participle_target(governor if governor is not None else trigger, coding, ctx)
        refused_own = coding.plover_type == "REJECT" and own_thing(tgt_tok)
        if target is None or target.entry == THING_ENTRY or refused_own:
            # a protest is aimed at whom its stated purpose names; a threat at whom its
            # condition or threatened act names ("threatened to strike unless Israel withdrew")
            aim = None
            heads = [trigger] + ([governor] if governor is not None else [])
            if coding.plover_type == "PROTEST":
                aim = self._protest_aim(heads, source, ctx)
            elif coding.plover_type in ("ASSAULT", "COERCE") and target is not None:
                aim = self._protest_aim(heads, source, ctx, phrases=False)
            elif coding.plover_type == "THREATEN" and not is_noun:
                aim = self._threat_aim(trigger, source, ctx)
            elif coding.plover_type == "REJECT" and not is_noun:
                # "will not lift the embargo until Cuba undertakes reforms", "refused to
                # withdraw its troops until NATO halts its expansion": a refusal held until
                # another party acts is aimed at that party
                aim = self._condition_party(trigger, source, ctx, HOLDING_MARKS)
            if aim is not None:
                target, target_span = aim
        if (target is None or target.entry == THING_ENTRY) and source is not None and coding.plover_type in WARM:
            # "praised the exceptional relations binding the two countries", "called for the
            # strengthening of these relations": in a story of two states, relations are with the other
            other = _other_side(source.country, ctx) if _about_relations(trigger) else None
            if other is not None:
                target, target_span = Actor(text=other, country=other, code=other, entry=OTHER_PARTNER), None
        convened = coding.plover_type == "CONSULT" and _convened(trigger, src_tok, source)
        if convened and named(target):
            venue = prep_object(trigger, ("in", "at"))
            # a party found only where they met is none: "OPEC ministers gathered in Vienna"; a
            # thing is none ("the ministers were meeting to discuss a plan")
            convened = venue is not None and target_span is not None and target_span.start <= ctx.block.start + venue.idx < target_span.end
        if convened:
            target, target_span = None, None
        if convened and source is not None and not source.org:
            # "the state party's leadership met on Wednesday": a body of a state meeting with no
            # one else consults within that state ("EU foreign ministers met" within no one)
            target = Actor(text="its own state", country=source.country, code=source.country,
                           entry="implied: a body meeting within its state")  # fmt: skip
        # the event noun a light verb carries is this act, its places this act's ("carried out
        # strikes near Damascus"), and so is an attack in an attack ("fighting in a new
        # offensive in northern Iraq"); other event nouns have places of their own
        force = coding.plover_type == "ASSAULT"
        clause = clause_tokens(
            governor if governor is not None else trigger,
            lambda t: t != trigger and self._is_event_noun(t) and not (force and _same_type(self.ontology, t, coding)),
        )
        excluded = _token_ids(src_tok) | _token_ids(tgt_tok)
        if trigger.lemma_.lower() in ARRIVING:
            # "arrived from Helsinki": where a journey began is neither where the act took
            # place nor its party
            origin = prep_object(trigger, ("from",))
            excluded |= {t.i for t in origin.subtree} if origin is not None else set()
        places, place_spans = self._places(clause, excluded, ctx)
        # where the act fell ("east of Bahrain" says where the platform lies, off whose coast)
        own_places = [p for p, span in zip(places, place_spans) if not _reference_point(clause, span, ctx.block.start)]
        source = at_the_scene(source, places, acting=True)
        if coding.plover_type == "ASSAULT":  # the attacked are where the attack fell
            target = at_the_scene(target, places, acting=False)
        hostile = coding.plover_type in HOSTILE_TYPES
        # "told the summit in Vietnam": many parties meet there, not its host
        gathering = trigger.lemma_.lower() in GATHERINGS
        if places and not (gathering or convened) and (target is None or (hostile and target.entry == THING_ENTRY and not is_noun)):
            # force used in a foreign place is aimed at its state; so is a ceasefire declared or
            # aid provided there when the act names no other party
            found = self._place_as_target(places, source)
            if found is not None and not _reference_point(clause, place_spans[0], ctx.block.start):
                target, target_span = found, place_spans[0]
        if not places:
            # no place in the act's own clause: one named elsewhere in its sentence ("In Homs,
            # residents said jets bombed the market"), but not in the clauses below the act,
            # which tell other acts ("accused Russia of bombing Homs" did not happen in Homs);
            # else where the article was filed (a statement from Moscow is made in Moscow)
            below = {t.i for t in (governor if governor is not None else trigger).subtree}
            outside = [t for t in sent if t.i not in below]
            places, place_spans = self._places(outside, excluded, ctx, located=True)
        target = struck_state(coding.plover_type, placed(source, places), target, own_places) or target
        if not places and ctx.dateline is not None:
            places, place_spans = [ctx.dateline[0]], [ctx.dateline[1]]
        if source_span is not None and source_span == target_span:
            return None  # one phrase on both sides ("they said they must resign") is no dyad
        source, target = placed(source, places), placed(target, places)
        if source is None and unnamed_doer:
            source, source_span = self._implied_agent(trigger, coding, target, places, place_spans, ctx)
        if source is None and is_noun and crowd:
            source, source_span = _protesters(places, target, ctx), None
            if target is not None and target.sector is None and target.country == (source and source.country):
                target = replace(target, sector="GOV")  # "Honduras has faced protests": its government
        if coding.cameo_code == LABOUR_STRIKE and (source is None or source.sector in AUTHORITIES):
            # "the government has reported 70 strikes": those who report, ban or end a
            # strike are not its strikers, who are the workers of that country (so are the
            # "seamen" the actor tables list as sailors of a navy)
            source, source_span = _strikers(source, places, ctx), None
        if target is None or target.key is None:
            implied = implied_target(coding.plover_type, source, src_tok, tgt_tok)
            if implied is not None:
                target = implied
                named_state = self._government_named(sent, implied, ctx)
                if named_state is not None:  # "called off the strike after a pay accord with the Colombian government"
                    target, target_span = named_state
        if (target is None or target.key is None) and answers(coding.plover_type, tgt_tok):
            # "Russia has threatened retaliation": against whoever did the deed just told
            doer = ctx.discourse.last_hostile_source()
            if doer is not None and not _same_actor(doer, source):
                target, target_span = doer, None
        target = plea_court(trigger, source) or target
        court = trying_court(trigger, source)
        if court is not None:  # "Zuma appeared in court on corruption charges"
            if court.country is None:
                return None
            coding = coded(self.ontology, "115", "trial: appeared in court") or coding
            source, source_span, target, target_span = court, None, source, source_span
        target = _enemy(tgt_tok, source, target, ctx) or target
        if (target is None or target.entry == THING_ENTRY) and coding.plover_type in ("REQUEST", "THREATEN"):
            asked = [tgt_tok, prep_object(trigger, ("for",)), direct_object(trigger)]
            target = procedure_holder(asked, source, ctx.home) or target
        if (target is None or target.entry == THING_ENTRY) and coding.plover_type == "REQUEST":
            # "called for talks with Seoul": asked of the other side of the talks
            target = self._talks_partner(prep_object(trigger, ("for",)), source, ctx) or target
        if target is not None and target.entry == THING_ENTRY and coding.plover_type in VERDICTS | {"THREATEN"}:
            # "threatened to veto the bill": a threat to a policy is aimed at its authors
            target = policy_author(tgt_tok, ctx.home) or target
        if not coding.pattern.startswith(UNADDRESSED) and speaking_party(source):
            target = home_addressee(coding.plover_type, source, target, ctx.home) or target
        if coding.plover_type in DESCRIBED and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
            return None  # "a hospital supported by MSF", "a militia backed by Iran": who it is
        if coding.plover_type == "CONSULT" and coding.generic and trigger.lemma_.lower() in DEPARTING:
            return None  # "Haley left on a U.N. helicopter", "going to Congress": no meeting
        if coding.plover_type == "CONSULT" and trigger.lemma_.lower() in ARRIVING and (
            tgt_tok is not None and tgt_tok.lemma_.lower() in PROCEEDINGS
        ):
            return None  # "Zuma arrived at the high court": a party to a case, on no visit
        # "did not talk to reporters": declining to speak to the press is no refusal of talks
        unspoken = coding.pattern.startswith("refused:") and trigger.lemma_.lower() in ("talk", "speak", "meet")
        if (coding.plover_type == "CONSULT" or unspoken) and any(
            a is not None and a.sector == "MED" and a.entry != OTHER_SIDE for a in (source, target)
        ):
            return None  # "met reporters", "spoke to Reuters": talking to the press
        if (
            coding.plover_type == "CONSULT" and source is not None and source.sector in TRAVELLERS
            and trigger.lemma_.lower() in ARRIVING | DEPARTING
        ):
            return None  # "thousands of people have been leaving for Idlib", "migrants arrived": no visit
        if coding.plover_type == "CONSULT" and any(a is not None and a.sector == "COP" for a in (source, target)):
            return None  # "was met by police at the airport": police do not hold talks
        if (
            coding.plover_type == "ASSAULT" and (coding.cameo_code == "190" or trigger.lemma_.lower() in VERBAL_ATTACKS)
            and not _physical(trigger) and unarmed_quarrel(source, target)
        ):
            spoken = trigger.lemma_.lower() in VERBAL_ATTACKS
            if not spoken or (is_noun and not (source is not None and politician(source))):
                return None  # "a legal battle with lawmakers": a figure of speech, no act
            # "a tweet attacking them as weak on immigration", "Republicans' attacks on the
            # FBI": words, not force
            coding = recode(self.ontology, coding, "111", "verbal attack") or coding
        if coding.plover_type == "ASSAULT" and trigger.lemma_.lower() not in LETHAL and figure_of_force(
            source, target, person=src_tok is not None and src_tok.ent_type_ == "PERSON"
        ):
            return None  # "negotiators were hammering out a final version", "rushing to beat a deadline"
        if coding.pattern.startswith("feeling:") and coding.plover_type == "SUPPORT" and (
            target is None or target.entry == THING_ENTRY or (target.entry or "").startswith("implied:")
        ):
            return None  # "we are pleased with the progress we are making": approval of no one
        if trigger.lemma_.lower() == "sanction" and not is_noun and (target is None or target.entry == THING_ENTRY):
            return None  # "the council sanctioned the use of force": approved, no one penalised
        if coding.pattern in ("received: under fire", "received: under attack") and source is not None and armed(source):
            # "Afghan troops came under fire from Taliban militants": shots, not words
            coding = recode(self.ontology, coding, "190", "under fire from armed men") or coding
        if coding.plover_type == "ASSAULT" and trigger.lemma_.lower() == "raid" and source is not None and source.sector in ("COP", "JUD"):
            # "FBI agents raided Manafort's home": a police search, no armed attack (GUIDE: COERCE)
            coding = recode(self.ontology, coding, "1711", "police raid") or coding
        defended = trigger.lemma_.lower() == "defend" and coding.cameo_code == "074"
        if defended and source is not None and not armed(source):
            # "Trump defended Moore": words for him, not troops to protect him
            coding = recode(self.ontology, coding, "051", "defended in words") or coding
        ruled = source is not None and source.sector == "JUD" and a_policy(target)
        verdict = None
        pact = tgt_tok is not None and tgt_tok.lemma_.lower() in PACTS
        if coding.plover_type == "ASSAULT" and not is_noun and a_proposal(tgt_tok) and not pact:
            # "the administration has targeted the program", "attacked the bill": words
            coding = recode(self.ontology, coding, "111", "aimed at a proposal") or coding
            if target is not None and target.entry == THING_ENTRY:
                target = policy_author(tgt_tok, ctx.home) or target
        if coding.plover_type == "ASSAULT" and trigger.lemma_.lower() == "target":
            means = prep_object(trigger, ("with",))
            measure = None
            if means is not None and means.lower_ not in WEAPONS:
                measure = self.ontology.code_noun(means.lemma_.lower())
            if measure is not None:
                # "lawmakers target Myanmar's military with new sanctions": the sanctions are the act
                coding = recode(self.ontology, coding, measure.cameo_code, "target: with a measure") or coding
            elif src_tok is not None and (a_proposal(src_tok) or _measure(self.ontology, src_tok)):
                return None  # "the travel ban targeting six countries": the ban is told by its noun
        enacted = trigger.lemma_.lower() in ENACTING  # "approved a trade ban": its own measure
        if coding.plover_type == "COERCE" and (ruled or a_proposal(tgt_tok)) and not enacted:
            # "a federal judge blocked the ban": a court ruling against a policy rejects it;
            # "the parliamentarian barred Corker's proposal": blocking a proposal rejects it
            verdict = "120"
        elif ruled and (coding.plover_type == "CONCEDE" or trigger.lemma_.lower() == "uphold"):
            # "the Supreme Court allowed the ban to take effect", "an appeals court upheld the
            # ban": a ruling that lets a policy stand supports its authors
            verdict = "051"
        if verdict is not None:
            coding = recode(self.ontology, coding, verdict, "ruling") or coding
            if target is not None and target.entry == THING_ENTRY:
                # a court rules on its own state's policies
                state = source.country if ruled and source is not None else ctx.home
                target = policy_author(tgt_tok, state) or target
        if coding.plover_type == "AGREE" and decides(trigger, self.ontology) and target is not None:
            together = src_tok is not None and self._conjoined(src_tok) is not None
            if not together and target.entry != OTHER_SIDE and prep_object(trigger, ("with",)) is None:
                return None  # "the EU agreed to ban airlines": a decision, told by its act
        if _between_no_parties(coding, source, target):
            return None
        if is_noun and trigger.lemma_.lower() == "rally" and source is not None and source.sector in CAMPAIGNERS:
            return None  # "Speaking at a rally in Ohio, Trump attacked ...": a leader's rally, no protest
        if coding.plover_type == "MOBILIZE" and source is not None and target is not None and self_loop(source, target):
            target, target_span = None, None  # "conducted its sixth nuclear test": its own, aimed at no one
        if coding.plover_type == "ASSAULT" and (_mishap(src_tok) or _problem(tgt_tok)):
            return None  # "a derailment, which killed passengers", "to combat German propaganda efforts"
        weapon = src_tok is not None and src_tok.lemma_.lower() in WEAPONS
        lethal = trigger.lemma_.lower() in LETHAL or weapon  # "rockets struck the base"
        appeal = (
            coding.plover_type == "REQUEST" and not is_noun and trigger.lemma_.lower() in APPEALING
            and (target is None or target.entry == THING_ENTRY)
            and (speaking_party(source) or (source is not None and bool(source.org) and bool(source.key)))
        )  # fmt: skip
        if appeal:
            target, target_span = None, None  # "called for restraint": what is asked, of no one named
        if not codable(coding.plover_type, source, target, lethal=lethal, unaddressed=appeal or convened):
            return None
        when, time_span = self._when(trigger, governor, clause, times, ctx, lambda t: t != trigger and self._dated_apart(t))
        mood = modality(trigger, governor)
        if mood == "negated" and coding.pattern.startswith("refused") and may_not_yet(trigger):
            mood = "hypothetical"  # "Democrats may not agree to it": no refusal yet
        elif (mood in ("negated", "future") and coding.pattern.startswith(("refused", "warning"))) or (
            mood == "future" and coding.pattern.startswith("intent:") and not _scheduled(coding)
        ):
            mood = "asserted"  # the refusal or the commitment itself is what happened
        if mood in ("hypothetical", "future") and (coding.pattern.startswith(("demand:", "claim:")) or judged_due(trigger)):
            # the demand itself was made; so was the charge ("trying to undermine"), and the
            # verdict ("should be applauded")
            mood = "asserted"
        if mood == "negated" and coding.pattern.startswith("demand:") and any(c.dep_ == "neg" for c in trigger.children):
            mood = "asserted"  # "said its industry should not suffer more": a demand that it not
        if mood == "future" and coding.plover_mode == "investigate" and not is_noun:
            mood = "asserted"  # "the committee said it would investigate": an inquiry announced is opened
        if mood == "future" and coding.plover_type == "CONSULT" and under_way(trigger):
            mood = "asserted"  # "will wrap up his visit to Seoul": the visit is under way
        if mood == "future" and measure_decided(trigger, coding):
            mood = "asserted"  # "the EU has agreed to ban airlines": the measure is decided
        if mood == "asserted" and coding.plover_type == "AGREE" and attempted(trigger):
            mood = "future"  # "are racing to finalise a trade deal": no deal yet
        if mood == "asserted" and intent_only(coding, trigger, self._is_event_noun):
            mood = "future"  # "offered its response", "plans to seek funds": nothing agreed yet
        base = ctx.block.start
        said_when = ctx.block.text[time_span.start - base : time_span.end - base] if time_span else ""
        if mood == "asserted" and ahead(trigger, when, ctx.published, said_when):
            mood = "future"  # "Tillerson visits Europe next week": told in the present, not yet done
        if mood == "asserted" and ctx.block.kind == "title" and headline_future(trigger):
            mood = "future"  # "Russian envoy to inspect consulate": a headline's "to" is a "will"
        if mood != "negated" and conditioned(governor if governor is not None else trigger):
            # "if the state party tells officials it wants to withdraw its nominee": whatever
            # the clause says was done, it is only supposed
            mood = "hypothetical"
        attribution = self._attribution(trigger, ctx)
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

    def _implied_agent(
        self,
        verb: Token,
        coding: Coding,
        target: Actor | None,
        places: list[Place],
        place_spans: list[Span],
        ctx: _Context,
    ) -> tuple[Actor | None, Span | None]:
        """Who did a passive act the sentence gives no agent for, when the article says it.

        "soldiers were killed in a clash with China": the other party of the event it happened in.
        "Protasevich was arrested (in Minsk)": arrests, detentions and expulsions are done by the
        authorities of the state where they happen: the state the arrested are said to be in,
        else the place's state, else the target's, else the article's country.
        """
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "over"):
                # "was accused of misconduct by Leeann Tweeden": the agent, attached lower
                doer = prep_object(first_child(child, ("pobj", "pcomp")) or child, ("by",))
                found, span = self._actor(doer, ctx)
                if found is not None and named(found) and not _same_actor(found, target):
                    return found, span
            if child.dep_ == "prep" and child.lower_ == "with" and coding.plover_type == "ASSAULT":
                # "soldiers were killed in a face-off on Monday with Chinese troops"
                found, span = self._actor(first_child(child, ("pobj",)), ctx)
                if found is not None and found.key and armed(found) and not _same_actor(found, target):
                    return found, span
            if child.dep_ == "prep" and child.lower_ in ("in", "during"):
                noun = first_child(child, ("pobj",))
                if noun is None or not self._is_event_noun(noun):
                    continue
                party = prep_object(noun, ("with", "by"))
                found, span = self._actor(party, ctx)
                if found is not None and found.key and not _same_actor(found, target):
                    return found, span
        if verb.lemma_.lower() in FREEING and ctx.discourse.captors and target is not None:
            # "Boko Haram kidnapped 276 schoolgirls ... The 21 girls were freed on Thursday":
            # captives freed are freed by whoever the article says took them
            captor = ctx.discourse.captors[-1]
            if not _same_actor(captor, target):
                return captor, None
        if coding.plover_type == "ASSAULT" and verb.lemma_.lower() in NEUTRALIZING and ctx.home is not None:
            # "four PKK terrorists were neutralized in northern Iraq": the word of a state's own
            # military reports, for what its forces did
            return Actor(text="security forces", country=ctx.home, sector="MIL", code=ctx.home + "MIL",
                         entry="implied: the reporting state's forces"), None  # fmt: skip
        if coding.plover_type == "ASSAULT" and target is not None and target.sector == "MIL":
            # "43 Chinese soldiers have been killed": in a story of fighting between two states,
            # by the other one
            other = _other_side(target.country, ctx)
            if other is not None:
                return Actor(text="the other side", country=other, sector="MIL", code=other + "MIL",
                             entry="implied: the other side of the fighting"), None  # fmt: skip
        if target is None or (
            # "has been forced to cancel its tour": bare coercion (170) names no state act
            (coding.plover_type not in STATE_ACTS or coding.cameo_code == "170")
            and verb.lemma_.lower() not in ARRESTS | HELD_UNDER
        ):
            return None, None
        # "Canada said any French fishermen caught there would be arrested": an arrest a state
        # announces is its own
        announced = self._reporting_state(verb, ctx) if coding.pattern.startswith("intent:") else None
        # "Ho, of Hong Kong, was charged with bribery, U.S. prosecutors said": by the speakers
        charged = self._reporting_state(verb, ctx, officials=True) if verb.lemma_.lower() in CHARGING else None
        where = next((p.country for p in places if p.country and p.precision != "dateline"), None)
        # the place that says whose authorities acted is the words that name them ("was
        # detained in Niger"), when it says where the act was done ("charged over leaks about the
        # U.S. election" says nothing of who charged)
        where_span = next(
            (s for p, s in zip(places, place_spans) if p.country == where and self._locative_at(s, verb.doc, ctx.block.start)),
            None,
        )
        state = announced or charged or self._where_held(verb, ctx)
        span = where_span if state is None and where is not None else None
        state = state or where
        # else where the article last placed its story ("Seven men ... were arrested", in Haiti)
        told_in = next((p.country for p in reversed(ctx.places) if p.country and p.precision != "dateline"), None)
        state = state or target.country or ctx.home or told_in
        if state is None:
            return None, None
        return Actor(text="authorities", country=state, sector="COP", code=state + "COP", entry="implied: the state's authorities"), span

    @staticmethod
    def _locative_at(span: Span, doc: Doc, base: int) -> bool:
        """Whether the place named at ``span`` is where something is ("in Niger")."""
        words = doc.char_span(span.start - base, span.end - base, alignment_mode="expand")
        return words is not None and locative(words.root)

    def _government_named(self, sent: SpacySpan, implied: Actor, ctx: _Context) -> tuple[Actor, Span | None] | None:
        """The words of a sentence that name the government a protest is implied to be against
        ("... following a pay accord with the Colombian government"): its evidence."""
        if implied.entry != PROTESTED_STATE:
            return None
        for tok in sent:
            if tok.lemma_.lower() not in GOVERNMENT_WORDS or tok.pos_ != "NOUN":
                continue
            found, span = self._actor(tok, ctx, alone=True)
            if found is not None and found.key == implied.key and found.sector == "GOV":
                return found, span
        return None

    def _party_of_left_event(self, verb: Token) -> Token | None:
        """ "stayed away from the meeting with Trump", "pulled out of talks with the rebels":
        whom the event left was with."""
        heads = [verb, *(c for c in verb.children if c.lower_ in ("away", "out"))]
        left = next((p for h in heads if (p := prep_object(h, ("from", "of")))), None)
        if left is None or not self._is_event_noun(left):
            return None
        return prep_object(left, ("with", "between"))

    def _where_held(self, verb: Token, ctx: _Context) -> str | None:
        """The state a passive act's subject is said to be in ("a translator at the U.S.
        consulate in southern Turkey was arrested"): its authorities did it."""
        held = first_child(verb, ("nsubjpass",))
        if held is None:
            return None
        for tok in held.subtree:
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.pos_ == "PROPN":
                place = self.gazetteer.resolve(tok.text, countries=ctx.countries)
                if place is not None and place.country:
                    return place.country
        return None

    def _participle_target(
        self, head: Token, coding: Coding, ctx: _Context
    ) -> tuple[Actor | None, Span | None]:
        """The object of a subjectless participle adjunct that codes as the same type of act."""
        for child in head.children:
            if child.dep_ not in ("advcl", "xcomp", "conj") or child.tag_ != "VBG":
                continue
            if first_child(child, ("nsubj", "nsubjpass")) is not None:
                continue
            if not self.ontology.is_trigger_lemma(child.lemma_.lower()):
                continue
            other = code_trigger(child, self.ontology)
            obj = direct_object(child)
            if other is None or other.plover_type != coding.plover_type or obj is None:
                continue
            actor, span = self._actor(obj, ctx, as_target=True)
            if actor is not None:
                return actor, span
        return None, None

    def _dated_apart(self, noun: Token) -> bool:
        """An event set before or after another ("ahead of her visit to Moscow next week",
        "after the elections in May"): its time is its own, not that of the act it dates. An
        event the act happens in ("in their meeting on Monday") gives the act its day."""
        if noun.dep_ != "pobj" or not self._is_event_noun(noun):
            return False
        prep = noun.head
        if prep.lower_ == "of" and prep.head.lower_ in ("ahead", "prior"):
            return True
        return prep.lower_ in TEMPORAL_PREPS

    def _owner(
        self, thing_tok: Token | None, source: Actor | None, ctx: _Context
    ) -> tuple[Actor, Span | None] | None:
        """The party a thing acted on belongs to: its possessor, its `by`-agent, the object of
        its "of"/"from", or a modifier that names a known actor; never the source itself."""
        if thing_tok is None:
            return None
        deed = self.ontology.code_noun(thing_tok.lemma_.lower()) if thing_tok.pos_ == "NOUN" else None
        # "the arrests of American citizens": whom force is done to, never who did it
        patient = deed is not None and deed.plover_type in ("ASSAULT", "COERCE")
        of = None if patient else prep_object(thing_tok, ("of", "from"))
        candidates = [first_child(thing_tok, ("poss",)), agent(thing_tok), of]
        if thing_tok.lemma_.lower() in CLAIMS:
            # "investigating allegations that Russia sought to sway the vote": who the claim is about
            candidates.insert(0, told_subject(thing_tok))
        during = (
            prep_object(thing_tok, ("during", "in")) or prep_object(thing_tok.head, ("during",))
            if patient
            else None
        )
        if during is not None and during.pos_ == "NOUN":
            # "the killing of civilians during the Turkish military operations": their author
            candidates += [c for c in during.children if c.dep_ in ("amod", "compound", "poss")]
        # "an appeal filed by lawyers", "threats made by the government": a participle's agent
        candidates += [agent(c) for c in thing_tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        # "the responses she sent", "the plan Trump unveiled": who made the thing (the thing is
        # the clause's object; "a deal in which a Russian company bought ..." names no maker)
        candidates += [
            first_child(c, ("nsubj",)) for c in thing_tok.children
            if c.dep_ == "relcl" and not any(k.dep_ in ("dobj", "prep") for k in c.children)
        ]
        # "opened an inquiry into misconduct by Senator Hale": the parser hangs the deed's
        # "by" on the active verb, whose own doer is its subject
        verb = thing_tok.head.head if thing_tok.dep_ == "pobj" else thing_tok.head
        if verb.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in verb.children):
            candidates.append(agent(verb))
        candidates += [
            c for c in thing_tok.children
            if c.dep_ in ("compound", "amod", "nmod") and c.i < thing_tok.i and c.pos_ in ("PROPN", "ADJ", "NOUN")
        ]
        for tok in candidates:
            if tok is None or is_pronoun(tok) or self._signing_place(tok, thing_tok):
                continue
            actor, span = self._actor(tok, ctx, alone=True)
            named = tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            # "appeal filed by lawyers": people with a sector are a party; "military exercises" is not
            party = actor is not None and actor.sector not in (None, "UNK") and tok.dep_ not in MODIFIERS
            if actor is None or actor.entry == THING_ENTRY or (actor.key is None and not named and not party):
                continue
            if source is not None and source.key == actor.key and source.sector == actor.sector and not (
                # "the NAB said it backs Pai's plan": two people or bodies of one state are two
                personal(source) and personal(actor) and referent(source) != referent(actor)
            ):
                continue
            return actor, span
        return None

    def _document_author(self, document: Token, ctx: _Context) -> Actor | None:
        """Who a document's own words say put it out ("a foreign ministry statement")."""
        for child in document.children:
            if child.dep_ in ("compound", "nmod", "poss") and child.i < document.i:
                actor, _ = self._actor(child, ctx)
                if actor is not None and actor.key:
                    return actor
        return None

    def _frame_governor(self, noun: Token) -> Token | None:
        """The verb whose object an event noun is, when that verb tells no event of its own:
        "China reduced aid to Tajikistan", "USAID announced a suspension of aid" — the verb's
        subject is who acts."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "on" and labour_strike(noun):
            return verb.head  # "the seamen remained on strike"
        if noun.dep_ == "pobj" and verb.lower_ == "in" and verb.head.lemma_ in STATES_OF_BEING and self._talks(noun):
            return verb.head  # "Zambia is in talks with the IMF", "remained in negotiations"
        if noun.dep_ != "dobj" or verb.pos_ != "VERB":
            return None
        if any(c.dep_ == "det" and c.lower_ in ("these", "those", "this", "that", "such") for c in noun.children):
            return None  # "explain these violations": an event told before, by someone else
        if self.ontology.is_trigger_lemma(verb.lemma_.lower()) and code_trigger(verb, self.ontology):
            return None
        return verb

    def _rulers_rally(self, rally: Token, ctx: _Context) -> bool:
        """A rally that a head of government, an official or a party's candidate speaks at, to or
        travels to ("speaking at a rally in Ohio, Trump ...", "Trump told a rally"): a meeting with
        supporters, no protest."""
        if rally.dep_ not in ("pobj", "dobj") or (rally.dep_ == "pobj" and rally.head.lower_ not in ("at", "during", "to")):
            return False
        verb = rally.head
        while verb.pos_ != "VERB" and verb.head != verb:
            verb = verb.head  # "voiced support for Moore during a rally": up to the verb
        if verb.pos_ != "VERB":
            return False
        who, passive = subject(verb)
        passive = passive and verb.dep_ != "xcomp"  # "Trump is slated to travel to a rally"
        actor = self._actor(who, ctx)[0] if who is not None and not passive else None
        return actor is not None and actor.sector in CAMPAIGNERS

    def _talks_partner(self, talks: Token | None, source: Actor | None, ctx: _Context) -> Actor | None:
        """The other side of the talks a party calls for: "talks with South Korea", "talks
        between the two Koreas" (the one that is not the caller)."""
        if talks is None or source is None or not self._talks(talks):
            return None
        partner = prep_object(talks, ("with",))
        if partner is not None:
            return self._actor(partner, ctx)[0]
        between = prep_object(talks, ("between",))
        if between is None:
            return None
        pair = pair_named(between, ctx)
        sides = list(pair) if pair is not None else [self._actor(t, ctx, alone=True)[0] for t in (between, *between.conjuncts)]
        return next((a for a in sides if a is not None and a.key and a.country != source.country), None)

    def _talks(self, noun: Token) -> bool:
        """An event noun of meeting or talks ("talks", "negotiations", "contact with")."""
        after = [t.lemma_.lower() for t in noun.subtree if t.i > noun.i]
        coding = self.ontology.code_noun(noun.lemma_.lower(), after=after)
        return coding is not None and coding.plover_type == "CONSULT"

    def _speaker(self, doc, ctx: _Context) -> tuple[Actor, Span] | None:
        """Who speaks a quotation in this paragraph: '"…," the statement read.'"""
        text = ctx.block.text  # the doc's text, without rebuilding it from its tokens
        if '"' not in text and "“" not in text:
            return None
        for token in doc:
            if token.lemma_.lower() in REPORTING_VERBS and not in_quotes(token):
                subj = first_child(token, ("nsubj",))
                if subj is not None:
                    actor, span = self._actor(subj, ctx)
                    if actor is not None and span is not None:
                        return actor, span
        return None

    def _attribution(self, trigger: Token, ctx: _Context) -> tuple[Actor, Span] | None:
        if ctx.speaker is not None and in_quotes(trigger):
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


FRAMED = ("intent:", "refused:")
# Legislation: what it provides ("the bill repeals the fine", "the law bans ...") is not coded.
LAWS = frozenset({"bill", "law", "legislation", "act", "amendment", "provision", "statute"})
# Policy papers: what they call for is what they set out ("a South Asia strategy that calls for
# a firmer line toward Islamabad"), no request of anyone.
POLICY_PAPERS = frozenset({"plan", "strategy", "budget", "blueprint", "framework"})
# What a feeling a party states is about: "pleased with the responses she sent", "disappointed
# in the president", "concerned about the arrests", "proud of the troops".
FELT_ABOUT = ("of", "with", "about", "over", "at", "in")
# A bare "strike" in a story of workers' strikes (senses.labour_story), and the state's own
# people who only report, ban or end one.
STORY_STRIKE = "strike: in a story of workers' strikes"
LABOUR_STRIKE = "143"
AUTHORITIES = frozenset({"GOV", "COP", "MIL", "JUD", "LEG"})
# Meetings of many parties: where one is held names no party to it.
GATHERINGS = frozenset({"summit", "conference", "forum", "congress", "assembly", "convention"})
# Verbs whose subject undergoes the act their object names ("faces charges").
UNDERGOING = frozenset({"face"})
# Movements that are a visit by officials and a deployment by forces.
ARRIVING = frozenset({"arrive", "land", "enter", "travel", "fly", "visit"})
LEAVING = frozenset({"leave", "depart"})
# Words that name a state's government ("the Colombian government").
GOVERNMENT_WORDS = frozenset({"government", "authorities", "administration"})
# Verbs that lay a measure on someone: "an embargo placed on Zimbabwe".
IMPOSING = frozenset({"impose", "place", "slap", "levy", "put", "enforce"})
# People whose comings and goings are travel or flight, not visits between parties.
TRAVELLERS = frozenset({"CVL", "REF"})
# Where a case is heard: arriving there is no visit.
PROCEEDINGS = frozenset({"court", "courthouse", "courtroom", "tribunal", "hearing", "trial"})
# Occasions on which parties talk: "over lunch with Hatch", "at a dinner with Abe".
SETTINGS = frozenset({"lunch", "dinner", "breakfast", "meeting", "summit", "reception"})
# Verbs that put a measure in force: their object is the doer's own ban, not one it blocks.
ENACTING = frozenset({"approve", "adopt", "impose", "enact", "pass", "declare", "introduce", "order"})
# "fight" is words in CAMEO.2.0 ("fight the government": criticise); by armed men it is force.
# Police are left out (gates.ARMED has them): they "fight corruption" with words and courts.
FIGHTING = frozenset({"fight", "battle", "combat"})
ARMED_SECTORS = frozenset({"REB", "MIL", "INS", "IMG", "UAF"})
# Verbs of talking whose object is what is talked about; the party talked with is "with" or a
# joint subject.
TOPIC_VERBS = frozenset({"discuss", "debate"})
# Links under which a non-finite clause with no subject of its own hangs off the main line:
# "X attacked Y, killing Z" (advcl), "troops sent to capture Z" (acl), "by imposing sanctions"
# (pcomp); an infinitive governed by one of those (xcomp) belongs to it.
DEPENDENT_DEPS = frozenset({"advcl", "acl", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


# Protests told without who protests: "the protests that have spread across the country".
CROWD_PROTESTS = frozenset({"protest", "demonstration", "rally"})
# Those who hold rallies for their own rule, office or candidacy, which protest against no one.
CAMPAIGNERS = frozenset({"GOV", "ELI", "PTY"})
# Ills one fights, combats or tackles without force against anyone.
PROBLEMS = frozenset(
    "epidemic pandemic crisis propaganda corruption crime trafficking disease poverty addiction "
    "fraud misinformation disinformation bullying inflation pollution racism harassment abuse extremism "
    "radicalization radicalisation unemployment hunger".split()
)
# Accidents and disasters, which kill without attacking anyone.
MISHAPS = frozenset(
    "derailment crash accident collision storm hurricane typhoon cyclone tornado earthquake quake "
    "flood flooding landslide avalanche wildfire blaze fire heatwave drought famine epidemic outbreak "
    "damage overdose fentanyl heroin opioid".split()
)


def _between_no_parties(coding: Coding, source: Actor | None, target: Actor | None) -> bool:
    """Acts that pass for events but are not between two parties: commerce within one state
    (CAMEO 061 at home: "Boeing invests in R&D", "the company funded an NGO") and a tour of a
    continent ("his trip to Asia" visits no one state)."""
    if source is None or target is None:
        return False
    if coding.cameo_code == "061":
        return bool(source.country) and source.country == target.country
    return coding.cameo_code == "042" and (target.entry or "").startswith("actor_regions")


def _scheduled(coding: Coding) -> bool:
    """ "Trump will visit Japan", "they will meet the governor": a visit or meeting on the
    schedule, still to come, unlike one agreed to or offered ("agreed to meet")."""
    return coding.cameo_code == "036" and coding.pattern.startswith("intent:will")


# Shares of a public that a poll reports: "nearly half of Americans oppose the bill".
SHARES = frozenset({"percent", "%", "half", "majority", "third", "quarter", "most", "plurality"})
PUBLICS = frozenset({"voter", "people", "citizen", "respondent", "adult", "resident", "public", "americans"})


def _polled(subject_tok: Token) -> bool:
    """ "32 percent of Americans", "nearly half of voters": a share of a public, as polls
    report it (not "most of the rebels", who act)."""
    if subject_tok.lemma_.lower() not in SHARES:
        return False
    public = prep_object(subject_tok, ("of",))
    return public is not None and (public.ent_type_ == "NORP" or public.lemma_.lower() in PUBLICS)


# Force that meets another's attack: "repelled an Iranian attack on the peak" strikes Iran.
COUNTERING = frozenset({"repel", "repulse", "crush", "foil", "thwart", "rebuff", "counter", "defeat", "resist"})


# Taking captives, and setting them free: "girls kidnapped by Boko Haram were released".
KIDNAPPING = frozenset({"kidnap", "abduct"})  # whose doers the article's freed captives were freed by
CAPTURING = KIDNAPPING | {"seize", "capture", "hold", "take"}


# Acts whose object may be the forces sent rather than whom they are sent to.
SENT_FORCES = frozenset({"AID", "MOBILIZE", "COOPERATE"})
# Verbs and nouns of moving forces somewhere ("deployed troops to Syria", "the dispatch of troops").
MOVING_FORCES = frozenset(
    "send dispatch deploy redeploy deployment contribute commit station move airlift withdraw pull withdrawal "
    "mobilize mobilise amass mass".split()
)
HELPING = frozenset({"help", "assist", "support", "protect", "defend", "aid"})


def _own_forces(source: Actor, target: Actor) -> bool:
    """The target is the source's own armed forces ("sent its troops", "deployed troops")."""
    return armed(target) and not armed(source) and target.country is not None and target.country == source.country


def _forces_moved(trigger: Token, source: Actor | None, target: Actor | None) -> bool:
    """"deployed 400 soldiers to Mali", "sent its troops to Chad": forces named by what they
    are, which the act moves, are the mover's own and no party; where they go, or whom they
    help, is."""
    if trigger.lemma_.lower() not in MOVING_FORCES or target is None or not armed(target):
        return False
    unowned = target.country is None and target.org is None
    return unowned or (source is not None and not armed(source) and target.country == source.country)


def _helped(verb: Token) -> Token | None:
    """Whom a purpose clause says the act helps: "sent troops to help Kazakhstan's government"."""
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in HELPING:
            helped_act = first_child(clause, ("ccomp", "xcomp")) or clause  # "help Kazakhstan restore order"
            return first_child(clause, ("dobj",)) or first_child(helped_act, ("nsubj",))
    return None


def _captor(verb: Token, captives: Token | None) -> Token | None:
    """Who freed captives released with no agent named: whoever the sentence says took them
    ("schoolgirls kidnapped by Boko Haram have been released")."""
    if captives is None or verb.lemma_.lower() not in FREEING:
        return None
    return next(
        (a for c in captives.children
         if c.dep_ == "acl" and c.lemma_.lower() in CAPTURING and (a := agent(c)) is not None),
        None,
    )  # fmt: skip


def _held_under(noun: Token) -> tuple[Token | None, Token | None] | None:
    """Who holds and who is held "under" an act of the state's: "Musa is under investigation",
    "was placed under house arrest" (no one named holds him), "police placed Musa under arrest"."""
    prep = noun.head
    if noun.lemma_.lower() not in HELD_UNDER or noun.dep_ != "pobj" or prep.lower_ != "under":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    obj = direct_object(verb)
    if obj is not None:
        return subject(verb)[0], obj
    held, _ = subject(verb)
    return (prep_object(noun, ("by",)) or agent(verb), held) if held is not None else None


def _in_protest(noun: Token) -> bool:
    """ "suspended aid in protest at the harassment": the subject's own protest, no crowd's;
    "were worried about the protests": what a feeling or a word is about, not news of them."""
    if noun.dep_ != "pobj":
        return False
    if noun.head.lower_ in ("about", "over"):
        return True
    return noun.head.lower_ == "in" and not any(c.dep_ == "det" for c in noun.children)


def _protesters(places: list[Place], target: Actor | None, ctx: _Context) -> Actor | None:
    """Those protesting in a protest no one is named for: people of the state where it is, else
    of the state it faces, else of the article's country (GUIDE: protesters of a country are
    that country)."""
    country = (
        next((p.country for p in places if p.country and p.precision != "dateline"), None)
        or (target.country if target is not None else None)
        or ctx.home
    )
    if country is None:
        return None
    return Actor(text="the protesters", country=country, sector="OPP", code=country + "OPP",
                 entry="implied: the people of the place")  # fmt: skip


def _strikers(source: Actor | None, places: list[Place], ctx: _Context) -> Actor | None:
    """The workers on strike in a labour story: of the country of whoever reports the strike,
    or where it is, or the article's country."""
    country = (source and source.country) or next((p.country for p in places if p.country), None) or ctx.home
    if country is None:
        return None
    return Actor(text="the strikers", country=country, sector="LAB", code=country + "LAB",
                 entry="implied: the workers of a labour story")  # fmt: skip


def _bare_strike(coding: Coding) -> bool:
    """The "strike" no weapon word qualifies (the noun row's default, CAMEO 190), as the noun
    or carried by a light verb ("staged a strike")."""
    return coding.cameo_code == "190" and coding.pattern.split()[-1:] == ["STRIKE"]


def _shared_object(verb: Token) -> Token | None:
    """ "The UN hails and Washington has applauded the truce": a verb with no object of its own
    shares the object of the clause it is joined to."""
    partner = first_child(verb, ("conj",))
    if partner is None or partner.pos_ != "VERB" or any(c.dep_ in ("prep", "ccomp", "xcomp") for c in verb.children):
        return None
    if first_child(partner, ("nsubj",)) is None:
        return None  # "threatens and impedes the enjoyment": one subject, whose own verbs these are
    return first_child(partner, ("dobj",))


def _other_side(country: str | None, ctx: _Context) -> str | None:
    """Of the article's two most named states (not where it was filed: "NICOSIA -" files Gulf
    war news), the one ``country`` is not, when it is one of them."""
    filed_in = ctx.dateline[0].country if ctx.dateline is not None else None
    sides = [c for c in ctx.countries if c != filed_in][:2]
    if country is None or country not in sides or len(sides) < 2:
        return None
    return sides[1] if country == sides[0] else sides[0]


# Military reports' word for killing or capturing enemies, used of a state's own forces.
NEUTRALIZING = frozenset({"neutralize", "neutralise"})
# Words for the dealings between two states, and the cooperative acts said of them.
RELATION_NOUNS = frozenset({"relation", "relationship", "tie", "partnership", "friendship"})
WARM = frozenset({"SUPPORT", "REQUEST", "AGREE", "COOPERATE"})
OTHER_PARTNER = "implied: the other state of the relations"


def _about_relations(trigger: Token) -> bool:
    """The act is about relations ("praised the relations", "called for stronger ties")."""
    return any(t.lemma_.lower() in RELATION_NOUNS and t.i > trigger.i and t.dep_ in ("dobj", "pobj") for t in trigger.subtree)


def _enemy(tgt_tok: Token | None, source: Actor | None, target: Actor | None, ctx: _Context) -> Actor | None:
    """ "Iran said its forces killed 2,000 enemy soldiers": in a war between the article's two
    most named states, the enemy is the one the doer is not."""
    if tgt_tok is None or source is None:
        return None
    if not any(t.lower_ == "enemy" for t in phrase_tokens(tgt_tok)):
        return None
    other = _other_side(source.country, ctx)
    if other is None:
        return None
    sector = target.sector if target is not None else None
    return Actor(text=target.text if target is not None else tgt_tok.text, country=other, sector=sector,
                 code=other + (sector or ""), entry="implied: the doer's enemy")  # fmt: skip


# Verbs of a body coming together, and the words for a body that does.
CONVENING = frozenset({"meet", "convene", "gather", "huddle", "confer", "assemble"})
BODIES = frozenset({"leadership", "committee", "council", "cabinet", "board", "panel", "caucus", "parliament", "congress", "senate"})


def _convened(verb: Token, subj: Token | None, source: Actor | None) -> bool:
    """A body, or several of one side's people, meets with no one else named: "EU foreign
    ministers met in Brussels", "the party's leadership met" (not "Trump met on Monday")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CONVENING or subj is None or source is None or not source.key:
        return False
    if source.sector in PROTESTERS:
        return False  # "hundreds of South Koreans gathered outside the court": a crowd, no body
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in verb.children):
        return False  # a partner the target search did not resolve
    return subj.tag_ in ("NNS", "NNPS") or subj.lemma_.lower() in BODIES


def question(verb: Token) -> bool:
    """ "asked if it was true", "asked whether he would run", a bare "one aide asked": a
    question put, not an act asked for."""
    if any(c.dep_ in ("dobj", "dative", "xcomp") or for_clause(c) for c in verb.children):
        return False  # "asked Russia to leave", "asked for Congress to act"
    told = [c for c in verb.children if c.dep_ == "ccomp"]
    if not told:
        return not any(c.dep_ == "prep" for c in verb.children)  # "asked for help" asks for something
    return any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for c in told for m in c.children) or any(
        w.tag_ in ("WDT", "WP", "WRB") for c in told for w in c.children
    )


def told_subject(noun: Token) -> Token | None:
    """The subject of the "that" clause a noun of saying introduces, unless a pronoun."""
    told = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and that_clause(c)), None)
    subj = first_child(told, ("nsubj", "nsubjpass")) if told is not None else None
    return subj if subj is not None and not is_pronoun(subj) else None


def _mishap(subj: Token | None) -> bool:
    """ "the derailment of a train, which killed passengers": an accident kills, no one attacks."""
    if subj is not None and subj.lower_ in ("which", "that") and subj.head.dep_ == "relcl":
        subj = relative_antecedent(subj, _is_mishap)  # up from "a train" to "the derailment"
    return subj is not None and _is_mishap(subj)


def _is_mishap(noun: Token) -> bool:
    return noun.lemma_.lower() in MISHAPS


def _problem(obj: Token | None) -> bool:
    """ "to combat German propaganda efforts", "combating the opioid epidemic": an ill fought."""
    return obj is not None and bool(PROBLEMS.intersection(
        t.lemma_.lower() for t in (obj, *obj.lefts) if t == obj or t.dep_ == "compound"
    ))


def _physical(trigger: Token) -> bool:
    """Force by its very word or by what it falls on: "ambushed a convoy", "stormed the mayor's
    office" (not "stormed out of the meeting"), "attacked a checkpoint"."""
    lemma = trigger.lemma_.lower()
    site = first_child(trigger, ("dobj",))
    if site is not None and site.lemma_.lower() in ARMED_SITES:
        return True  # "attacked a police checkpoint in Kandahar"
    return lemma in PHYSICAL and (lemma != "storm" or first_child(trigger, ("dobj",)) is not None)


def _parties_of_own(
    found: list[tuple[Actor | None, Span | None]], seen: set[str | None]
) -> Iterator[tuple[Actor, Span | None]]:
    """The listed actors that are parties of their own: each named state or organisation once,
    none already a party of the act."""
    seen = set(seen)
    for actor, span in found:
        if actor is None or actor.key is None or actor.key in seen:
            continue
        if (actor.entry or "").startswith(("place:", "unresolved")):
            continue  # only a listed state or organisation is a party of its own
        seen.add(actor.key)
        yield actor, span


def _clause_subject(word: Token) -> Token | None:
    """The subject of the clause a word takes ("pleased [that] the agency had upgraded it")."""
    clause = first_child(word, ("ccomp",))
    return first_child(clause, ("nsubj", "nsubjpass")) if clause is not None else None


def _reciprocal(target: Token | None) -> bool:
    """ "accused each other", "blamed one another": whatever the act, the two sides do it to each other."""
    return target is not None and (
        (target.lower_ == "other" and any(c.lower_ == "each" for c in target.children))
        or (target.lower_ == "another" and any(c.lower_ == "one" for c in target.children))
    )


def mutual(coding: Coding, trigger: Token) -> bool:
    """Whether a coordinated subject may do the act to each other ("the US and China signed an
    agreement", "troops and rebels clashed"); praise is one-sided, signing (057) is not. A
    refusal is between them only when what failed is their agreement ("the US and South Korea
    failed to reach agreement"); "Russia and China vetoed the resolution" is both at a third."""
    if coding.plover_type == "REJECT":
        return coding.pattern.startswith("refused") and trigger.lemma_.lower() in AGREEING
    if coding.plover_type == "SUPPORT":
        return coding.cameo_code.startswith("057")
    if coding.plover_type == "RETREAT":
        return coding.cameo_code.startswith("0871")  # "Turkey and Russia announced a ceasefire"
    return coding.plover_type not in ONE_SIDED


def _carrier(noun: Token) -> Token | None:
    """The noun an event noun rides on: "mediation efforts", "a suspension of aid", "an increase
    in funding" — a word for an effort or a change to the event, never a thing of its own
    ("aid workers", "attack helicopters" carry no event)."""
    head = noun.head
    if noun.dep_ == "compound" and head.pos_ == "NOUN" and head.lower_ in CARRIER_NOUNS:
        return head
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in ("of", "in")
        and head.head.pos_ == "NOUN"
        and head.head.lower_ in CARRIER_NOUNS
    ):
        return head.head
    return None


def _dependent(token: Token, is_event_noun: Callable[[Token], bool]) -> bool:
    """Whether a trigger's clause is a subjectless participle or infinitive attached to the
    sentence's main line: its actor is the main clause's, and it tells how, why or with what
    result the main act was done, not a second piece of news. A background clause with its own
    subject ("after Turkish jets intercepted a plane", "a plane that had violated its airspace")
    tells an event of its own and is kept."""
    for node in [token] + [head for head, _ in ancestors_path(token)]:
        if node.dep_ in DEPENDENT_DEPS:
            if node.pos_ not in ("VERB", "AUX") or _besides(node) or _fronted(node):
                return False
            if node.dep_ == "pcomp" and node.head.lower_ == "on":
                return False  # "signed off Thursday on selling artillery": what was decided on
            if node.dep_ == "acl" and node.tag_ == "VBG" and _group(node.head) and not is_event_noun(node.head):
                return False  # "tear gas against protesters challenging Maduro's victory": theirs
            return not any(c.dep_ in SUBJECT_DEPS for c in node.children)
        if node.dep_ in ("relcl", "pobj", "appos") or any(c.dep_ in SUBJECT_DEPS for c in node.children):
            return False  # a clause or phrase with its own subject or head noun
    return False


def _group(noun: Token) -> bool:
    """People or a named party ("protesters", "gunmen", "Hamas"), who can act on their own."""
    return noun.tag_ in ("NNS", "NNPS", "NNP") or noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")


# Prepositions that place a meeting in the subject's day: "left Bonn after talks with Kohl".
TALKS_PREPS = frozenset({"after", "following", "during", "from"})
# Stretches of time filled with talks: "after a day of meetings with Bush".
SPELLS = frozenset({"day", "week", "round", "series", "couple"})


def _partner_in_setting(verb: Token) -> Token | None:
    """ "discusses a tax overhaul over lunch with Hatch", "talked at a dinner with Abe": the
    party met is named in the setting of the talk."""
    for tok in verb.subtree:
        if tok.lemma_.lower() in SETTINGS and tok.dep_ == "pobj" and tok.head.lower_ in ("over", "at", "during"):
            found = prep_object(tok, ("with",))
            if found is not None:
                return found
    return None


def _party_to_talks(noun: Token, visit: bool) -> Token | None:
    """ "Thatcher left Bonn after talks with Kohl", "had flown in from talks with Mitterrand",
    "in a trip to Morocco last week, Pruitt promoted": the subject of the clause the talks (or
    the visit) are placed in took part in them."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in SPELLS:
        head = noun.head.head  # "after a day of meetings with Bush": the meetings are the day's
        dets = [c for c in head.children if c.dep_ == "det"]
    else:
        head, dets = noun, [c for c in noun.children if c.dep_ == "det"]
    prep = head.head
    # "in a meeting with Yildirim, Pence voiced ...": one meeting held; "in the talks" may be
    # talks still to come
    held = prep.lower_ in ("in", "at", "on") and any(c.lower_ in ("a", "an") for c in dets)
    if head.dep_ != "pobj" or not (held or prep.lower_ in TALKS_PREPS):
        return None
    if prep_object(noun, ("to",) if visit else ("with",)) is None:
        return None  # "at talks in Geneva": with whom is not said
    if visit and first_child(noun, ("compound",)) is not None:
        return None  # "during a team trip to China", "a business trip": no one's state visit
    if prep.head.dep_ == "nsubj" and prep.i > 0 and prep.doc[prep.i - 1].text == ",":
        return prep.head  # "Pruitt, in a trip to Morocco last week, promoted": set off by commas
    if prep.head.pos_ not in ("VERB", "AUX"):
        return None
    subj, passive = subject(prep.head)
    return None if passive else subj


def _talks_of_the_clause(noun: Token) -> tuple[Token | None, Token | None]:
    """ "Trump told Xi on Thursday during talks in Beijing that ...": talks the clause's act is
    set in, with no party of their own, are between its subject and the party it addresses."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "during" or prep.head.pos_ != "VERB":
        return None, None
    subj, passive = subject(prep.head)
    other = first_child(prep.head, ("dobj", "dative")) or prep_object(prep.head, ("with",))
    if passive or subj is None or other is None or other.pos_ != "PROPN":
        return None, None
    return subj, other


def _fronted(clause: Token) -> bool:
    """ "Accusing the French of overfishing, Canada said ...": a participle that opens the
    sentence tells an act of the subject's of its own, not how the main act was done."""
    return clause.tag_ == "VBG" and clause.i == clause.sent.start and clause.head.i > clause.i


def _besides(clause: Token) -> bool:
    """ "praised China while also demanding that Beijing act": a second act of the same
    actor, told alongside the main one, not how or why it was done."""
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in ("while", "also", "besides")
        for c in clause.children
    )


def _main_clause(
    coded: list[tuple[Token, Mention]], is_event_noun: Callable[[Token], bool]
) -> list[tuple[Token, Mention]]:
    """Leave out the events of dependent participles and infinitives ("X stormed a base,
    killing five officers", "staging a sit-in", "to denounce their refusal") when the sentence
    reports a main event; when it reports none, they are all it has and are kept. An act asked
    for or only possible is no main event: "issued a statement calling for Franks to resign"
    reports the call, not a resignation."""
    acts = {token.i for token, _ in coded}
    main = [
        (token, mention)
        for token, mention in coded
        if not _dependent(token, is_event_noun) and not _theme(token, acts)
    ]
    return main if any(m.modality == "asserted" for _, m in main) else coded


def _theme(token: Token, acts: set[int]) -> bool:
    """"condemned the terrorist attack on a church", "denounced the detentions", "said the
    requests were inappropriate": an event noun that is the object of another event's verb, or
    the subject of a charge, is what that event is about, an event already known (not
    introduced with "a"/"an"), not the news of the sentence."""
    if token.pos_ != "NOUN" or any(c.lower_ in ("a", "an") for c in token.children):
        return False
    if token.dep_ == "nsubj":
        # "said Trump's requests were inappropriate": the deed a charge is made of
        return any(c.i in acts and c.dep_ in ("acomp", "attr") for c in token.head.children)
    return token.dep_ == "dobj" and token.head.i in acts


def _without_framing(coded: list[tuple[Token, Mention]]) -> list[tuple[Token, Mention]]:
    """Drop a framing verb whose complement tells the same event: in "agreed to share
    information" and "refused to meet the envoy" the complement, recoded by its frame
    (intent, refusal), is the event with its own party; the frame verb alone would repeat it,
    whatever type its own pattern gives it ("agreed on 18 September to lift a blockade")."""
    framed = {
        token.head.i
        for token, mention in coded
        if token.dep_ == "xcomp" and mention.pattern.startswith(FRAMED)
    }
    return [(token, m) for token, m in coded if token.i not in framed]


def _same_actor(one: Actor | None, other: Actor | None) -> bool:
    return one is not None and other is not None and bool(one.key) and one.key == other.key


def _token_ids(token: Token | None) -> set[int]:
    return {t.i for t in phrase_tokens(token)} if token is not None else set()


# Prepositions that set an event before or after another.
TEMPORAL_PREPS = frozenset({"before", "after", "following", "since", "until", "ahead"})


def _measure(ontology: Ontology, noun: Token) -> bool:
    """A word for a restriction or a sanction ("the sanctions", "the embargo"), not an attack."""
    own = ontology.code_noun(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    return own is not None and own.plover_type in ("COERCE", "SANCTION")


def _imposed_on(measure: Token) -> Token | None:
    """Whom or where a measure was laid on, by the participle that tells it ("an embargo
    placed on Zimbabwe", "a curfew imposed in the northern provinces")."""
    laid = next((c for c in measure.children if c.dep_ == "acl" and c.lemma_.lower() in IMPOSING), None)
    return prep_object(laid, ("on", "against", "in")) if laid is not None else None


def _same_type(ontology: Ontology, noun: Token, coding: Coding) -> bool:
    """Whether an event noun tells the same kind of event as the verb that governs it."""
    own = ontology.code_noun(noun.lemma_.lower())
    return own is not None and own.plover_type == coding.plover_type


COMPASS = frozenset(
    "east west north south northeast northwest southeast southwest eastern western northern southern".split()
)


def _reference_point(clause: list[Token], span: Span, base: int) -> bool:
    """A place named only to say where something lies from it ("the platform 120 miles east of
    Bahrain", "a tanker off Oman"): the act is not aimed at its state."""
    tok = next((t for t in clause if base + t.idx == span.start), None)
    if tok is None or tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ == "off" or (prep.lower_ == "of" and prep.head.lower_ in COMPASS)
