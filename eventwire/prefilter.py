"""Pre-filter: send to the parser only the sentences that could hold an event.

Parsing is nearly all of the pipeline's time, and many sentences of a news article contain no
word that the ontology codes as an event. Extraction only ever starts from a token whose lemma is a
trigger lemma, and a trigger codes only through one of its patterns, whose other words ("say" needs
"apprehension", "carry" needs "out") must be in the clause (`Ontology.trigger_requirements`). A
sentence in which no pattern could find all its words can yield no mention; skipping it costs
only the context it would have given later sentences (the antecedent of a pronoun, for example).

The check is cheap: spaCy's tokenizer (no statistical model), punctuation-based sentence
boundaries (spaCy's rule `Sentencizer`), and for each distinct lowercase word the set of lemmas
the model's rule lemmatizer could give it under any part of speech (its own exception and suffix
tables), cached. That set is a superset of what the parser-based lemma will be, so a candidate
sentence is never missed because of a tagging choice.

Selection works on `annotate.Block`s: a parsed block (title or body) becomes the runs of
consecutive candidate sentences, each a smaller block with its own offset into the article, so
evidence offsets stay exact. Two context rules keep what extraction reads beyond a sentence:
a candidate sentence that quotes someone keeps the sentences on either side (its speaker is often
named in a sentence without a trigger: '"…," the statement read.'), and a candidate sentence that
opens with a pronoun or a definite description keeps the sentence before it (its antecedent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Span as SpacySpan

from .annotate import Block
from .extract.discourse import DOCUMENT_NOUNS, ORG_ANAPHORS, PERSONAL_PRONOUNS
from .extract.referents import PAIR_NOUNS

# Finds actor phrases in a text: `ActorDictionary.find`, (start, end, actor) per phrase.
ActorFinder = Callable[[str], Sequence[tuple[int, int, object]]]
# Does a capitalised word name a place? (`Gazetteer.candidates` is non-empty.)
PlaceTest = Callable[[str], bool]
# Trigger lemma → the word sets each of its patterns needs (`Ontology.trigger_requirements`).
Requirements = Mapping[str, Sequence[tuple[frozenset[str], ...]]]

PARSED_KINDS = ("title", "body")
POS_TABLES = ("verb", "noun", "adj", "adv")
QUOTES = ('"', "“", "”")
# Words that make a sentence lean on the one before it.
ANAPHORIC = frozenset(
    ["he", "she", "it", "they", "them", "his", "her", "its", "their", "this", "these", "those", "the", "such", "we", "our"]
)


REFERRING = PERSONAL_PRONOUNS | frozenset(ORG_ANAPHORS) | DOCUMENT_NOUNS | frozenset(
    {"alliances", "allies", "organizations", "organisations", "groups", "militants", "jihadists", "sides", "parties"}
)


class Prefilter:
    """Decides which parts of each block are worth parsing, for one spaCy model and ontology."""

    def __init__(
        self,
        nlp: Language,
        triggers: Requirements | Iterable[str],
        *,
        find_actors: ActorFinder | None = None,
        is_place: PlaceTest | None = None,
    ) -> None:
        """`triggers`: requirements per trigger lemma, or plain lemmas that need nothing else."""
        self.find_actors = find_actors
        self.is_place = is_place
        self._places: dict[str, bool] = {}
        self.tokenizer = nlp.tokenizer
        self.sentencizer = Sentencizer()
        if not isinstance(triggers, Mapping):
            triggers = {lemma: [()] for lemma in triggers}
        self.requirements = {lemma.lower(): list(reqs) for lemma, reqs in triggers.items()}
        # words that are an event on their own: one look-up settles most sentences
        self.standalone = frozenset(k for k, reqs in self.requirements.items() if () in reqs)
        self.triggers = frozenset(self.requirements)
        tables = _lemma_tables(nlp)
        self._rules = [tables[0].get(pos, []) for pos in POS_TABLES]
        self._exceptions = [tables[1].get(pos, {}) for pos in POS_TABLES]
        self._cache: dict[str, frozenset[str]] = {}
        self.sentences_seen = 0
        self.sentences_kept = 0

    # -- words -----------------------------------------------------------------------------
    def lemmas(self, word: str) -> frozenset[str]:
        """Every lemma the rule lemmatizer could give `word` under a verb/noun/adj/adv tag."""
        low = word.lower()
        found = self._cache.get(low)
        if found is not None:
            return found
        out = {low}
        for rules, exceptions in zip(self._rules, self._exceptions, strict=True):
            out.update(exceptions.get(low, ()))
            for old, new in rules:
                if low.endswith(old):
                    form = low[: len(low) - len(old)] + new
                    if form:
                        out.add(form)
        found = self._cache[low] = frozenset(out)
        return found

    def is_candidate_word(self, word: str) -> bool:
        """Could this word lemmatise to a trigger (whatever else its patterns need)?"""
        return not self.triggers.isdisjoint(self.lemmas(word))

    def is_candidate(self, words: Iterable[str]) -> bool:
        """Could some pattern find all its words among these (a sentence's lowercase words)?"""
        present: set[str] = set()
        for word in words:
            present |= self.lemmas(word)
        if not self.standalone.isdisjoint(present):
            return True
        for lemma in present.intersection(self.requirements):
            for needs in self.requirements[lemma]:
                if all(not alternatives.isdisjoint(present) for alternatives in needs):
                    return True
        return False

    # -- blocks ----------------------------------------------------------------------------
    def select(self, blocks: Sequence[Block]) -> list[Block]:
        """The blocks to annotate: unparsed kinds as they are, parsed kinds cut to candidates."""
        out: list[Block] = []
        for block in blocks:
            if block.kind not in PARSED_KINDS:
                out.append(block)
            else:
                out.extend(self._cut(block))
        return out

    def _cut(self, block: Block) -> list[Block]:
        doc = self.sentencizer(self.tokenizer(block.text))
        sents = list(doc.sents)
        keep = [self.is_candidate(t.lower_ for t in s) for s in sents]
        if self.find_actors is not None and any(keep):
            spans = [(a, b) for a, b, _ in self.find_actors(block.text)]
            names = _names(sents)
            keep = [
                k and self._has_argument(s, spans, names) for k, s in zip(keep, sents, strict=True)
            ]
        self.sentences_seen += len(sents)
        if not any(keep):
            return []
        context = list(keep)
        for i, sent in enumerate(sents):
            if not keep[i]:
                continue
            quotes = _quotes(block.text[sent.start_char : sent.end_char])
            if i > 0 and (quotes or sent[0].lower_ in ANAPHORIC):
                context[i - 1] = True
            if i + 1 < len(sents) and quotes:
                context[i + 1] = True
        keep = context
        self.sentences_kept += sum(keep)
        if all(keep):
            return [block]
        runs: list[Block] = []
        i = 0
        while i < len(sents):
            if not keep[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(sents) and keep[j + 1]:
                j += 1
            start, end = sents[i].start_char, sents[j].end_char
            runs.append(Block(block.start + start, block.text[start:end], block.kind))
            i = j + 1
        return runs

    def _has_argument(
        self, sent: SpacySpan, actor_spans: list[tuple[int, int]], names: set[str]
    ) -> bool:
        """Could extraction find a source or target here: an actor phrase, a word that refers
        back to one or to the story's two parties, a capitalised name (listed or not), or a place
        (a place can stand for the target of an attack)?"""
        lo, hi = sent.start_char, sent.end_char
        if any(a < hi and b > lo for a, b in actor_spans):
            return True
        for token in sent:
            low = token.lower_
            if low in REFERRING:
                return True
            if low in PAIR_NOUNS and token.i > sent.start and token.nbor(-1).lower_ in ("two", "both"):
                return True  # "the two countries reached a broad agreement": the story's two states
            if token.text in names:
                # a name no dictionary lists ("Schumer slammed the plan") is still who acted:
                # extraction keeps it, with the article's country
                return True
            if self.is_place is not None and token.i > sent.start and token.text[:1].isupper():
                hit = self._places.get(token.text)
                if hit is None:
                    hit = self._places[token.text] = self.is_place(token.text)
                if hit:
                    return True
        return False


# Capitalised words that name a day or month, not anyone who acts.
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)


def _names(sents: list[SpacySpan]) -> set[str]:
    """Capitalised words met inside a sentence of the block ("Senator Chuck Schumer"): names,
    which count as a possible actor wherever they recur, a sentence's first word included
    ("Schumer slammed the plan"), where capitals alone say nothing ("Markets were closed")."""
    return {
        t.text
        for s in sents
        for t in s[1:]
        if t.text[:1].isupper() and t.is_alpha and not t.is_stop and len(t) > 1
        and t.lower_ not in CALENDAR
    }


def _quotes(text: str) -> bool:
    return any(q in text for q in QUOTES)


def _lemma_tables(nlp: Language) -> tuple[dict[str, list[list[str]]], dict[str, dict[str, list[str]]]]:
    """(suffix rules, exceptions) by part of speech, from the model's rule lemmatizer if any."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}, {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None:
        return {}, {}
    # spaCy's lookup tables hash their keys: ask them by name, never iterate them
    rules_table = lookups.get_table("lemma_rules", {})
    exc_table = lookups.get_table("lemma_exc", {})
    rules = {pos: rules_table.get(pos, []) for pos in POS_TABLES}
    exceptions = {pos: exc_table.get(pos, {}) for pos in POS_TABLES}
    return rules, exceptions
