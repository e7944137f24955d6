"""Hostile and huge inputs: long articles in windows, workers that die or overrun, Ctrl-C, and a
package whose public functions survive their submodules' imports (issue 15)."""

from __future__ import annotations

import importlib
import json
import multiprocessing as mp
import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import duckdb

from eventwire.pipeline import Pipeline
from eventwire.records import Article, Count, Mention, Span
from eventwire.run import run
from eventwire.windows import WINDOW_CHARS, shifted, windows

EVENT = "Turkish jets bombed Kurdish positions near Qamishli on Sunday, the army said."
QUIET = "The weather was mild and the markets were closed for a holiday."


def test_windows_cover_the_text_and_cut_at_paragraphs_sentences_or_spaces() -> None:
    paragraphs = "\n\n".join(["One two three. Four five six."] * 40)
    sentences = " ".join(["Rebels shelled Homs."] * 60)
    words = " ".join(["word"] * 300)
    for text in (paragraphs, sentences, words, "x" * 1000, "", "short"):
        cuts = windows(text, size=200)
        assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in pairwise(cuts))  # end to end: no gap, no overlap
        assert all(0 < end - start <= 200 for start, end in cuts if text)
    assert all(paragraphs[e - 2 : e] == "\n\n" for _, e in windows(paragraphs, size=200)[:-1])
    assert all(sentences[e - 2 : e] == ". " for _, e in windows(sentences, size=200)[:-1])
    assert all(words[e - 1] == " " for _, e in windows(words, size=200)[:-1])


def test_shifted_moves_every_span_of_a_mention() -> None:
    m = Mention("a", Span(0, 10), Span(2, 4), "ASSAULT", None, "190",
                place_spans=(Span(5, 6),), killed=Count(3, 3, Span(7, 8)))
    s = shifted(m, 100)
    assert (s.sentence, s.trigger, s.place_spans, s.killed) == (
        Span(100, 110), Span(102, 104), (Span(105, 106),), Count(3, 3, Span(107, 108)))
    assert s.id != m.id and shifted(m, 0) is m


def test_a_long_article_is_read_in_windows_with_exact_offsets(pipeline: Pipeline) -> None:
    paragraph = " ".join([EVENT, QUIET] * 20)
    text = "\n".join([paragraph] * (2 * WINDOW_CHARS // len(paragraph) + 2))
    assert len(text) > 2 * WINDOW_CHARS
    result = pipeline.process_batch([Article(id="long", text=text, input_ref="long.txt")])
    assert not result.failures
    note = result.articles[0].note
    assert note is not None and note.startswith("parsed in 3 windows") and "not parsed" not in note
    mentions = [m for e in result.events for m in e.mentions]
    sentences = text.count(EVENT)
    assert len({m.sentence for m in mentions}) == sentences  # one event in every such sentence
    assert {text[m.trigger.start : m.trigger.end] for m in mentions} == {"bombed"}
    assert {text[m.sentence.start : m.sentence.end] for m in mentions} == {EVENT}

    capped = Pipeline(pipeline.nlp, pipeline.ontology, pipeline.actors, pipeline.gazetteer,
                      replace(pipeline.settings, max_chars=WINDOW_CHARS + 1000),
                      pipeline.confidence)
    short = capped.process_batch([Article(id="long", text=text, input_ref="long.txt")])
    note = short.articles[0].note or ""
    assert note.startswith("parsed in 2 windows") and f"-{len(text)} not parsed" in note
    assert short.articles[0].text == text  # stored whole, read in part
    assert 0 < short.mentions < result.mentions


def _corpus(path: Path, n: int, extra: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"{EVENT} {QUIET} Report {i}.\n{QUIET} Police arrested {i + 2} men in Homs."
            fh.write(json.dumps({"id": f"a{i}", "text": text, "published": "2015-10-05"}) + "\n")
        for text in extra or []:
            fh.write(json.dumps({"id": "big", "text": text, "published": "2015-10-05"}) + "\n")
        fh.write("{not json\n")
    return path


def _stored(db: Path) -> tuple[int, list[tuple[str, str, str]]]:
    con = duckdb.connect(str(db), read_only=True)
    articles = con.execute("SELECT count(*) FROM articles").fetchone()
    failures = con.execute("SELECT input_ref, stage, reason FROM failures ORDER BY 1").fetchall()
    con.close()
    return (articles[0] if articles else 0), failures


def _kill_workers_once(killed: list[int]) -> Callable[[object], None]:
    """A progress hook that kills every worker process when the first batch is stored."""

    def kill(summary: object) -> None:
        if not killed:
            for child in mp.active_children():
                os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
                killed.append(child.pid)  # type: ignore[arg-type]

    return kill


def test_a_worker_killed_mid_batch_costs_nothing(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 12)
    killed: list[int] = []  # after the first batch is stored, the other worker is inside its batch
    db = tmp_path / "k.duckdb"
    summary = run([str(corpus)], db=db, workers=2, batch_size=3, progress=_kill_workers_once(killed))
    assert killed and summary.workers_replaced >= 1
    assert summary.inputs == summary.articles + summary.failures == 13
    assert summary.articles == 12 and summary.failures == 1  # the line that is not JSON
    assert _stored(db) == (12, [(f"{corpus}:13", "ingest", _stored(db)[1][0][2])])


def test_a_worker_killed_while_idle_blames_no_article(tmp_path: Path) -> None:
    # the first article is slow, so the other worker has done the three read after it and both
    # wait, idle, when it is stored; each is then handed an article before its death is seen
    slow = " ".join([EVENT, QUIET] * 150)
    rows = [slow] + [f"{EVENT} Report {i}." for i in range(7)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(rows)))
    killed: list[int] = []
    db = tmp_path / "i.duckdb"
    summary = run([str(corpus)], db=db, workers=2, batch_size=1, progress=_kill_workers_once(killed))
    assert killed and summary.workers_replaced >= 1
    assert (summary.articles, summary.failures) == (8, 0)
    assert _stored(db) == (8, [])


def test_an_article_over_the_time_limit_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    big = " ".join([EVENT, QUIET] * 4000)  # ~570,000 characters: far more than 4 s of parsing
    corpus = _corpus(tmp_path / "c.jsonl", 5, extra=[big])
    db = tmp_path / "t.duckdb"
    summary = run([str(corpus)], db=db, workers=2, batch_size=3, time_limit=4)
    assert summary.inputs == summary.articles + summary.failures == 7
    articles, failures = _stored(db)
    assert articles == 5
    assert (f"{corpus}:6", "worker", "timed out after 4 s") in failures


def test_public_functions_work_twice_in_one_process(tmp_path: Path) -> None:
    import eventwire

    corpus = _corpus(tmp_path / "c.jsonl", 2)
    for round_ in range(2):
        for name in ("eventwire.run", "eventwire.extract", "eventwire.extract.events"):
            importlib.import_module(name)  # what a pipeline build or a user's import does
        events = eventwire.extract(EVENT, published="2015-10-05")
        assert [e.cameo_code[:2] for e in events] == ["19"]
        assert eventwire.classify("NATO urged Russia to stop.", (0, 4), (11, 17)) is not None
        actor = eventwire.resolve_actor("Turkish jets")
        assert actor is not None and actor.country == "TUR"
        summary = eventwire.run([str(corpus)], db=tmp_path / f"r{round_}.duckdb", workers=1)
        assert summary.articles == 2
    public = [n for n in eventwire.__all__ if not n.startswith("_")]
    assert all(callable(getattr(eventwire, n)) for n in public)


def test_ctrl_c_stops_after_the_batch_and_prints_the_command_that_resumes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 12)
    db = tmp_path / "c.duckdb"
    eventwire = str(Path(sys.executable).with_name("eventwire"))
    command = [eventwire, "run", str(corpus), "--db", str(db), "--workers", "1",
               "--batch-size", "2", "--json"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not db.exists() and time.monotonic() < deadline:  # the run has started
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Stopped after" in err and "--resume" in err
    again = err.strip().splitlines()[-1].strip()
    assert shlex.split(again)[1:] == [*command[1:], "--resume"]
    articles, _ = _stored(db)
    assert 0 < articles < 12  # stopped early, after a whole batch
    out = subprocess.run([eventwire, *shlex.split(again)[1:]], capture_output=True, text=True,
                         check=True)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert summary["inputs"] == summary["articles"] + summary["failures"] == 13
    assert _stored(db)[0] == 12


def test_default_workers_is_the_usable_cores() -> None:
    from eventwire.workers import usable_cores

    assert usable_cores() == len(os.sched_getaffinity(0)) >= 1
