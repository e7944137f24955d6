"""Local runner: bounded streaming, resume, and the pre-filter's selection of sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.annotate import Block, split_blocks
from eventwire.pipeline import Settings
from eventwire.prefilter import Prefilter
from eventwire.records import Article
from eventwire.run import process_batches, run

TEXTS = [
    (
        "Turkish jets bombed Kurdish positions near Qamishli on Sunday, the army said.\n"
        "The weather was mild. Markets were closed for a holiday."
    ),
    "NATO called on Russia to cease its airstrikes on Syrian rebels.",
    "Russian warplanes struck targets near Aleppo on Monday. Nothing else happened there.",
]


def _corpus(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(TEXTS):
            fh.write(json.dumps({"id": f"a{i}", "text": text, "published": "2015-10-05"}) + "\n")
        fh.write("{not json\n")
    return path


def test_resume_skips_stored_articles_and_keeps_the_counts(tmp_path: Path, db_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl")
    first = run([str(corpus)], db=db_path, batch_size=2)
    assert first.inputs == first.articles + first.failures == 4
    assert first.events > 0 and first.skipped == 0
    again = run([str(corpus)], db=db_path, batch_size=2, resume=True)
    assert again.inputs == again.articles + again.failures == 4
    assert again.skipped == 3 and again.events_added == 0 and again.mentions == 0


def test_workers_are_fed_a_bounded_number_of_batches() -> None:
    pulled: list[int] = []

    def batches():
        for i in range(12):
            pulled.append(i)
            yield [], [Article(id=f"x{i}", text="Rain fell on Tuesday.", input_ref=f"x:{i}")]

    results = process_batches(batches(), 2, Settings(prefilter=True))
    next(results)
    assert len(pulled) <= 5  # 2 × workers in flight, plus the one being handed out
    assert sum(1 for _ in results) == 11


def test_prefilter_keeps_candidate_sentences_with_exact_offsets(pipeline) -> None:
    pre = Prefilter(
        pipeline.nlp,
        pipeline.ontology.trigger_lemmas(),
        find_actors=pipeline.actors.find,
        is_place=lambda name: bool(pipeline.gazetteer.candidates(name)),
    )
    article = Article(id="p", text=TEXTS[0], input_ref="p")
    kept = pre.select(split_blocks(article))
    assert kept, "the bombing sentence is a candidate"
    for block in kept:
        assert article.text[block.start : block.start + len(block.text)] == block.text
    joined = " ".join(b.text for b in kept)
    assert "bombed" in joined and "weather" not in joined and "holiday" not in joined


def test_prefilter_keeps_the_sentence_a_pronoun_points_back_to(pipeline) -> None:
    pre = Prefilter(pipeline.nlp, ["condemn"], find_actors=pipeline.actors.find)
    text = "It rained. Officials from Turkey gathered in Ankara. They condemned the attack."
    kept = pre.select([Block(5, text, "body")])
    assert [(b.start, b.text) for b in kept] == [(16, text[11:])]


def test_the_pipelines_prefilter_keeps_sentences_of_code_constructions(pipeline) -> None:
    """'told X to act' and 'said Y should act' code through code.py constructions, not table rows."""
    text = "It rained. Trump told Sessions to recuse himself. Pelosi said Conyers should go."
    kept = " ".join(b.text for b in pipeline.prefilter.select([Block(0, text, "body")]))
    assert "Trump told" in kept and "Conyers should" in kept and "rained" not in kept


def test_the_pipelines_prefilter_skips_words_that_code_only_when_said(pipeline) -> None:
    """Stated feelings, verdicts and claimed wrongs ("grateful", "reckless", "fabricated") are
    events only in what a party says: without a saying word their sentence is not parsed."""
    text = "Residents were grateful. The decision was reckless. Senator Tom Hale said the decision was reckless."
    kept = " ".join(b.text for b in pipeline.prefilter.select([Block(0, text, "body")]))
    assert "Hale said" in kept and "Residents" not in kept and "The decision" not in kept


def test_prefilter_keeps_a_sentence_whose_only_actor_is_an_unlisted_name(pipeline) -> None:
    pre = Prefilter(pipeline.nlp, ["criticize"], find_actors=pipeline.actors.find)
    text = "It rained. Senator Tom Holloway spoke. Holloway criticized the tax plan. Taxes were criticized."
    kept = " ".join(b.text for b in pre.select([Block(0, text, "body")]))
    assert "Holloway criticized" in kept and "Taxes were" not in kept
    text = "Markets met on Monday. Monday criticized the tax plan."  # a day is no one's name
    assert not pre.select([Block(0, text, "body")])


@pytest.mark.parametrize("word,lemma", [("struck", "strike"), ("airstrikes", "airstrike"),
                                         ("condemning", "condemn"), ("urged", "urge")])
def test_prefilter_lemmas_cover_inflections(pipeline, word: str, lemma: str) -> None:
    pre = Prefilter(pipeline.nlp, [lemma])
    assert pre.is_candidate_word(word)


def test_prefilter_off_parses_every_block(pipeline) -> None:
    from eventwire.annotate import annotate

    article = Article(id="q", text=TEXTS[0], input_ref="q")
    (annotated,) = annotate([article], pipeline.nlp)
    assert all(doc is not None for doc in annotated.docs)
    assert len(annotated.blocks) == 2
