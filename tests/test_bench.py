"""`eventwire bench`: the keys it reports, on a tiny corpus (timings are not asserted)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import cli

KEYS = ("articles_per_s", "words_per_s", "events_per_s", "peak_rss_mb_per_worker",
        "stage_seconds", "spacy_words_per_s", "ratio_to_spacy")


def test_bench_reports_every_key(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [{"text": f"Russian jets struck rebel positions near Hama on day {i}.",
              "published": "2015-10-05"} for i in range(5)]
    corpus.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["bench", str(corpus), "--limit", "4", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    for key in KEYS:
        assert key in report
    assert report["articles"] == 4 and report["events"] > 0
    assert report["peak_rss_mb_per_worker"] > 0 and report["spacy_words_per_s"] > 0
    assert isinstance(report["stage_seconds"], dict)


def test_bench_reports_component_figures(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    text = ("NATO condemned Russia over the strikes. Turkey accused Russia of violating its airspace. "
            "Germany praised France for its restraint.")
    corpus.write_text(json.dumps({"text": text, "published": "2015-10-05"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["bench", str(corpus), "--no-spacy", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.strip().splitlines()[-1])
    assert report["classify"]["sentences"] >= 2 and report["classify"]["sentences_per_s"] > 0
    assert report["gazetteer"]["toponyms_per_s"] > 0 and report["gazetteer"]["load_seconds"] > 0
