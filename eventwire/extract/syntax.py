"""Small, reusable questions about a spaCy dependency parse.

Extraction asks the same things of every trigger: who is the subject (following conjunctions,
control verbs and relative clauses), what is the object, which tokens belong to this clause and
not to a clause inside it, and what noun phrase names an argument. Keeping them here keeps
`extract/__init__.py` about events, not about tree walking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "attr", "oprd"})
CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "parataxis", "acl", "xcomp", "csubj"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
# Modifiers that belong to a noun phrase naming an actor; prepositions other than "of" do not
# ("aircraft over the weekend that had violated Turkish airspace" names an aircraft, not Turkey).
NP_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nmod", "nummod", "appos", "case", "flat", "punct", "cc",
     "conj", "quantmod", "npadvmod", "advmod"}
)
# Prepositions that introduce the other party of an event: "met with", "call on", "attack against".
TARGET_PREPS = ("with", "on", "onto", "against", "at", "upon", "to", "toward", "towards", "into", "over", "about")


def _extraposed(verb: Token) -> bool:
    """An infinitive put after a copula with a dummy "it" ("it was important to meet Putin", "it
    had been a shock to meet Trump"): the copula's subject stands for the clause, no doer."""
    head = verb.head
    dummy = first_child(head, ("nsubj",))
    return to_infinitive(verb) and head.lemma_.lower() == "be" and dummy is not None and dummy.lower_ == "it"


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject token of a verb and whether it is a passive subject.

    Follows what English leaves implicit: a conjoined verb shares its head's subject ("met … and
    said"), a participle shares its governor's ("NATO issued a statement, urging Moscow"), and
    object control hands the object down ("urged Russia to cease": Russia ceases).
    """
    seen = 0
    active = False  # an active verb joined to a passive one: "Ryan was briefed and urged Franks"
    while verb is not None and seen < 8:
        seen += 1
        found = _own_subject(verb)
        if found is not None:
            return (found[0], False) if active else found
        if verb.dep_ == "relcl":
            return verb.head, False
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return _participle_subject(verb)
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            active = active or (seen == 1 and _active(verb))
            verb = verb.head.head if _misattached(verb) else verb.head
            continue
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head != verb:
            if _extraposed(verb):
                return None, False  # "it had been a shock to meet Trump": "it" is no one
            if verb.dep_ == "xcomp":
                obj = first_child(verb.head, ("dobj",))
                if obj is not None:
                    return obj, False
            if verb.dep_ == "ccomp" and not _perfect(verb):
                return None, False
            # "Democrats were united against the bill, calling it a giveaway": the one who calls
            # is the subject, whatever the voice of the verb the participle hangs on
            active = active or (seen == 1 and verb.dep_ == "advcl" and verb.tag_ == "VBG" and not _adverbial(verb))
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head
            continue
        if verb.dep_ == "acomp" and verb.head != verb:
            verb = verb.head  # "Israel was willing to withdraw": the copula's subject
            continue
        break
    return None, False


def _adverbial(participle: Token) -> bool:
    """ "after meeting Putin", "while visiting Kiev": a participle with its own marker."""
    return any(c.dep_ in ("mark", "prep") or c.lower_ in ("after", "before", "while", "when") for c in participle.lefts)


def _active(verb: Token) -> bool:
    """A finite verb is active, whatever the verb it is joined to: "was briefed on Tuesday and
    urged Franks to resign" (not the participle of "was arrested and charged", "was summoned and
    handed a note")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP")


def _perfect(verb: Token) -> bool:
    """ "Trump has several times contradicted Tillerson": the parser reads "has" as the verb and
    the participle as its complement; the subject of "has" is the participle's."""
    head = verb.head
    return (
        verb.tag_ in ("VBN", "VBD")
        and head.lemma_ == "have"
        and head.i < verb.i
        and first_child(head, ("dobj",)) is None
    )


def _misattached(conj: Token) -> bool:
    """ "Moscow has said its missions are watched and has accused Washington": the parser hangs
    the second finite verb on the reported clause, whose passive subject is not its subject."""
    head = conj.head
    own = _own_subject(head)
    return (
        head.dep_ == "ccomp"
        and own is not None
        and own[1]
        and any(c.dep_ == "aux" for c in conj.children)
        and not any(c.dep_ == "auxpass" for c in conj.children)
        and first_child(conj, ("dobj",)) is not None
    )


# Documents that speak for their author: "a report accusing the army" accuses on behalf of
# whoever put the report out.
AUTHORED = frozenset(
    "report statement resolution lawsuit suit letter complaint bill motion petition communique "
    "communiqué declaration decision order ruling verdict decree memo document".split()
)
# Nouns of intent whose "to" act is their owner's: "China's plans to tax", "a bid to oust him".
WILLED = frozenset(
    "plan proposal effort bid attempt push move decision threat offer pledge promise vow "
    "intention".split()
)
# Verbs by which a party makes an intent its own ("announced plans to", "launched a bid to"); one
# that rejects or backs another's ("rejected a bid to oust him") does not.
OWNING = frozenset("announce unveil make launch have outline present submit reveal disclose".split())
DATELINE_MARKS = frozenset({"--", "—", "–", "―", "-", ":"})


def dateline_end(doc: Doc) -> int:
    """Index of the first token after a dateline that opens a text, else 0.

    Wire copy opens with where it was filed ("KABUL (Pajhwok) :", "BERLIN --", "Cebu City--",
    "SAN FRANCISCO - "), and the parser often makes that place the subject of the first verb.
    A dateline is an all-capitals word, or a parenthesised agency, or proper names only, before
    a dash; a colon counts only after an agency ("NATO: …" is a speaker, not a dateline).
    """
    if len(doc) < 4:
        return 0
    first = doc[0].text
    caps = len(first) >= 3 and first.isalpha() and first.isupper()
    agency, names_only = False, True
    for tok in doc[1 : min(len(doc), 16)]:
        text = tok.text
        if agency and len(text) > 1 and text.startswith(")"):
            text = text[1:]  # "KABUL (Pajhwok):" is tokenised with "):" as one token
        if text == "(":
            agency = True
        elif text in DATELINE_MARKS or text.startswith("--") or (
            text in ('"', "''") and agency and doc[tok.i - 1].text == ")"
        ):
            if (text == ":" and not agency) or (text == "-" and not doc[tok.i - 1].whitespace_):
                return 0  # "NATO: …" names a speaker; "UAE-based" is one word
            double = text != "-" and text != ":"
            if caps or agency or (double and names_only):
                end = tok.i + 1
                while end < len(doc) and doc[end].text in ('"', "''", "“", "-"):
                    end += 1
                return end if end < len(doc) - 2 else 0
            return 0
        elif tok.pos_ in ("VERB", "AUX"):
            return 0
        elif tok.pos_ not in ("PROPN", "PUNCT", "NUM"):
            names_only = False
    return 0


def in_dateline(token: Token) -> bool:
    return token.i < 16 and token.i < dateline_end(token.doc)


def _bare_participle(verb: Token) -> bool:
    """A past participle standing alone, with no auxiliary and no object ("two journalists
    detained in a raid", a headline): passive in sense, whatever subject the parser gave it."""
    if verb.tag_ != "VBN" or verb.lower_ == verb.lemma_.lower():
        return False  # "activists set off on a march": "set" is as likely the past tense
    return not any(c.dep_ in ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp", "prt") for c in verb.children)


def _own_subject(verb: Token) -> tuple[Token, bool] | None:
    """The verb's own subject child; a dateline parsed as a subject gives way to the real one."""
    found: list[tuple[Token, bool]] = []
    # "Collins is opposed to the plan": the parser may hang the subject on the auxiliary
    auxiliaries = [g for c in verb.children if c.dep_ in ("aux", "auxpass") for g in c.children]
    for child in [*verb.children, *auxiliaries]:
        if child.dep_ in SUBJECTS:
            found.append((child, False))
        elif child.dep_ in PASSIVE_SUBJECTS:
            found.append((child, True))
    if not found:
        return None
    if _bare_participle(verb) and not found[0][1]:
        # a headline's "Two Turkish journalists detained in Istanbul raid", or "killing soldiers
        # with dozens feared captured" misparsed as "soldiers ... captured": a past participle
        # with no auxiliary and no object tells what was done to its subject
        found[0] = (found[0][0], True)
    if not in_dateline(found[0][0]):
        return found[0]
    for item in found[1:]:
        if not in_dateline(item[0]):
            return item
    end = dateline_end(verb.doc)
    # the phrase right after the dateline, hung off it by the parser: its highest noun
    best: Token | None = None
    for tok in verb.doc[end : verb.i]:
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and (tok.head.i < end or tok.head == verb):
            best = tok
            break
    return (best, found[0][1]) if best is not None else found[0]


def _participle_subject(verb: Token) -> tuple[Token | None, bool]:
    """Who does what a participle says of a noun: the noun itself ("protesters demanding
    reforms"), its author for a document ("put out a report accusing the army"), and for a past
    participle the noun is what the act befell ("people killed by the militia")."""
    noun = verb.head
    if verb.tag_ == "VBN":
        return noun, True
    willed = noun.lemma_.lower() in WILLED and to_infinitive(verb)
    if willed:
        owner = first_child(noun, ("poss",))
        if owner is not None:
            return owner, False
    if willed and noun.head.lemma_.lower() not in OWNING:
        return noun, False
    if willed or noun.lemma_.lower() in AUTHORED:
        governor = noun.head
        if noun.dep_ == "pobj" and governor.dep_ == "prep":
            governor = governor.head
        if governor.pos_ in ("VERB", "AUX") and governor != noun:
            found, passive = subject(governor)
            return (found, False) if found is not None and not passive else (None, False)
        return None, False
    return noun, False


def agent(verb: Token) -> Token | None:
    """The `by`-agent of a passive verb or of an event noun ("attacks by the Russian Air Force")."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            obj = first_child(child, ("pobj",))
            if obj is not None:
                return obj
    return None


def first_child(token: Token, deps: Iterable[str]) -> Token | None:
    wanted = tuple(deps)
    for child in token.children:
        if child.dep_ in wanted:
            return child
    return None


def direct_object(verb: Token) -> Token | None:
    """The object of a verb: its direct object, else the object of a party-introducing preposition."""
    obj = first_child(verb, ("dobj",))
    if obj is not None:
        return obj
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            pobj = first_child(child, ("pobj",))
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
        if child.dep_ == "dative":
            return first_child(child, ("pobj",)) or child
    return None


def prep_object(token: Token, preps: Iterable[str]) -> Token | None:
    """Object of one of `preps` under `token`, looking through "with regard to X" and the like."""
    wanted = tuple(preps)
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in wanted:
            continue
        pobj = first_child(child, ("pobj",))
        clause = first_child(child, ("pcomp",))
        if pobj is None and clause is not None:
            # "questions about whether the FBI had misled Congress": the clause's subject
            pobj = first_child(clause, ("nsubj", "nsubjpass"))
        if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
            continue
        if pobj.lemma_.lower() in ("regard", "respect", "relation"):
            inner = prep_object(pobj, ("to",))
            if inner is not None:
                return inner
        return pobj
    return None


def clause_tokens(trigger: Token, stop: Callable[[Token], bool] | None = None) -> list[Token]:
    """The trigger's subtree without the clauses embedded in it (they have their own events), and
    without the subtrees of tokens for which `stop` is true (event nouns with events of their own)."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            if stop is not None and stop(child):
                continue
            if child.dep_ == "conj" and child.pos_ == "VERB" and tok == trigger:
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without relative clauses or other PPs."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in NP_DEPS:
                if child.dep_ == "conj" and tok != head:
                    continue
                if child.dep_ == "appos" and any(c.dep_ == "neg" and c.i < child.i for c in tok.children):
                    continue  # "blamed his predecessors, not China": China is who was not blamed
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of" or child.dep_ == "pobj" and tok.dep_ == "prep":
                stack.append(child)
    if head.i < 16 and out and min(t.i for t in out) < head.i:
        end = dateline_end(head.doc)
        if end and head.i >= end:
            out = [t for t in out if t.i >= end]  # "BELGRADE, Serbia - Dozens of students"
    return sorted(out, key=lambda t: t.i)


def first_conjunct(token: Token) -> Token:
    """The first of coordinated words, which holds their shared attachment: "said the tariffs
    were lawful and objections were baseless" reports both through "lawful"'s clause."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def to_infinitive(verb: Token) -> bool:
    """A "to" infinitive ("urged Russia *to cease*", "a plan *to visit*")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def for_clause(clause: Token) -> bool:
    """A "for X to act" clause ("called *for the US to withdraw*"): what is asked of X."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)


def going_to(verb: Token) -> bool:
    """ "is going *to impose* sanctions": a future told without "will"."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() == "go" and head.tag_ == "VBG" and to_infinitive(verb)


def text_of(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def ancestors_path(token: Token) -> Iterator[tuple[Token, Token]]:
    """Yield (ancestor, child-on-the-path) pairs from the token up to the root."""
    child = token
    while child.head != child:
        yield child.head, child
        child = child.head


def in_quotes(token: Token) -> bool:
    """Whether a token sits inside a quotation within its paragraph (odd number of quotes before it).

    The parity of every token is computed once per doc and kept in `doc.user_data`: `doc.text`
    and `token.sent` both walk the whole doc, too slow to ask for every trigger."""
    doc = token.doc
    parity = doc.user_data.get(_QUOTE_PARITY)
    if parity is None:
        parity = []
        inside = False
        for t in doc:
            parity.append(inside)
            if (t.text.count('"') + t.text.count("“") + t.text.count("”")) % 2:
                inside = not inside
        doc.user_data[_QUOTE_PARITY] = parity
    return bool(parity[token.i])


_QUOTE_PARITY = "eventwire.quote_parity"


def relative_antecedent(pronoun: Token, is_event_noun) -> Token:
    """What a relative pronoun stands for.

    spaCy attaches a relative clause to the nearest noun, which is often wrong in news: in
    "intercepted an aircraft over the weekend that had violated …" the clause belongs to the
    aircraft, and in "attacks … on Hama, Homs, and Idlib, which led to casualties" to the attacks.
    """
    head = pronoun.head.head if pronoun.head.dep_ == "relcl" else pronoun.head
    walker = head
    for _ in range(6):  # up through coordinations and prepositions to an event noun
        if walker.pos_ == "NOUN" and is_event_noun(walker):
            return walker
        if walker.dep_ in ("conj", "pobj", "prep", "appos") and walker.head != walker:
            walker = walker.head
            continue
        break
    if head.ent_type_ in ("DATE", "TIME"):
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        obj = first_child(verb, ("dobj",))
        if obj is not None:
            return obj
    return head


# What a party says something in: "said in a statement that the guidance is a good first step".
WRITINGS = frozenset({"statement", "letter", "interview", "tweet", "post", "email", "release"})


def that_clause(verb: Token) -> bool:
    """A clause brought in by "that" ("the offer that they meet"), not a relative one."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def said_in(clause: Token) -> Token | None:
    """The saying verb of a "that" clause the parser hangs on the statement it was said in
    ("said in a statement that ...") rather than on the verb."""
    statement = clause.head
    if clause.dep_ != "acl" or statement.lemma_.lower() not in WRITINGS or statement.dep_ != "pobj":
        return None
    if not that_clause(clause):
        return None
    said = statement.head.head
    return said if said.pos_ == "VERB" else None


def saying_verb(clause: Token) -> Token | None:
    """The verb a reported clause is said by: its head, for a complement ("said the plan was
    reckless"), or the verb of the statement it is said in (`said_in`)."""
    return clause.head if clause.dep_ == "ccomp" else said_in(clause)
