"""Pre-filter: send to the parser only the sentences that could hold an event.

Parsing is nearly all of the pipeline's time, and most sentences of a news article contain no
word that the ontology codes as an event. Extraction only ever starts from a token whose lemma is a
trigger lemma (`Ontology.trigger_lemmas`), so a sentence none of whose words *could* lemmatise to
one can yield no mention; skipping it costs only the context it would have given later sentences
(the antecedent of a pronoun, for example).

The check is cheap: spaCy's tokenizer (no statistical model), punctuation-based sentence
boundaries (spaCy's rule `Sentencizer`), and for each distinct lowercase word the set of lemmas
the model's rule lemmatizer could give it under any part of speech (its own exception and suffix
tables), cached. That set is a superset of what the parser-based lemma will be, so a candidate
sentence is never missed because of a tagging choice.

Selection works on `annotate.Block`s: a parsed block (title or body) becomes the runs of
consecutive candidate sentences, each a smaller block with its own offset into the article, so
evidence offsets stay exact. Two context rules keep what extraction reads beyond a sentence:
a paragraph that quotes someone is kept whole when it has a candidate (its speaker is often named
in a sentence without a trigger: '"…," the statement read.'), and a candidate sentence that
opens with a pronoun or a definite description keeps the sentence before it (its antecedent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Span as SpacySpan

from .annotate import Block
from .extract.discourse import DOCUMENT_NOUNS, ORG_ANAPHORS, PERSONAL_PRONOUNS

# Finds actor phrases in a text: `ActorDictionary.find`, (start, end, actor) per phrase.
ActorFinder = Callable[[str], Sequence[tuple[int, int, object]]]
# Does a capitalised word name a place? (`Gazetteer.candidates` is non-empty.)
PlaceTest = Callable[[str], bool]

PARSED_KINDS = ("title", "body")
POS_TABLES = ("verb", "noun", "adj", "adv")
QUOTES = ('"', "“", "”")
# Words that make a sentence lean on the one before it.
ANAPHORIC = frozenset(
    ["he", "she", "it", "they", "them", "his", "her", "its", "their", "this", "these", "those", "the", "such", "we", "our"]
)


REFERRING = PERSONAL_PRONOUNS | frozenset(ORG_ANAPHORS) | DOCUMENT_NOUNS | frozenset(
    {"alliances", "allies", "organizations", "organisations", "groups", "militants", "jihadists"}
)


class Prefilter:
    """Decides which parts of each block are worth parsing, for one spaCy model and ontology."""

    def __init__(
        self,
        nlp: Language,
        trigger_lemmas: Iterable[str],
        *,
        find_actors: ActorFinder | None = None,
        is_place: PlaceTest | None = None,
    ) -> None:
        self.find_actors = find_actors
        self.is_place = is_place
        self._places: dict[str, bool] = {}
        self.tokenizer = nlp.tokenizer
        self.sentencizer = Sentencizer()
        self.triggers = frozenset(lemma.lower() for lemma in trigger_lemmas)
        tables = _lemma_tables(nlp)
        self._rules = [tables[0].get(pos, []) for pos in POS_TABLES]
        self._exceptions = [tables[1].get(pos, {}) for pos in POS_TABLES]
        self._cache: dict[str, bool] = {}
        self.sentences_seen = 0
        self.sentences_kept = 0

    # -- words -----------------------------------------------------------------------------
    def lemmas(self, word: str) -> set[str]:
        """Every lemma the rule lemmatizer could give `word` under a verb/noun/adj/adv tag."""
        low = word.lower()
        out = {low}
        for rules, exceptions in zip(self._rules, self._exceptions, strict=True):
            out.update(exceptions.get(low, ()))
            for old, new in rules:
                if low.endswith(old):
                    form = low[: len(low) - len(old)] + new
                    if form:
                        out.add(form)
        return out

    def is_candidate_word(self, word: str) -> bool:
        hit = self._cache.get(word)
        if hit is None:
            hit = not self.triggers.isdisjoint(self.lemmas(word))
            self._cache[word] = hit
        return hit

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
        keep = [any(self.is_candidate_word(t.lower_) for t in s) for s in sents]
        if self.find_actors is not None and any(keep):
            spans = [(a, b) for a, b, _ in self.find_actors(block.text)]
            keep = [k and self._has_argument(s, spans) for k, s in zip(keep, sents, strict=True)]
        self.sentences_seen += len(sents)
        if not any(keep):
            return []
        if any(q in block.text for q in QUOTES) or all(keep):
            self.sentences_kept += len(sents)
            return [block]
        for i in range(len(sents) - 1, 0, -1):
            if keep[i] and sents[i][0].lower_ in ANAPHORIC:
                keep[i - 1] = True
        self.sentences_kept += sum(keep)
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


    def _has_argument(self, sent: SpacySpan, actor_spans: list[tuple[int, int]]) -> bool:
        """Could extraction find a source or target here: an actor phrase, a word that refers
        back to one, or a place (a place can stand for the target of an attack)?"""
        lo, hi = sent.start_char, sent.end_char
        if any(a < hi and b > lo for a, b in actor_spans):
            return True
        for token in sent:
            low = token.lower_
            if low in REFERRING:
                return True
            if self.is_place is not None and token.i > sent.start and token.text[:1].isupper():
                hit = self._places.get(token.text)
                if hit is None:
                    hit = self._places[token.text] = self.is_place(token.text)
                if hit:
                    return True
        return False


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
