"""The confidence model: reading its table, its features, fitting and cross-validating it, and the
``--min-confidence`` filter of `events`, `export` and ``eventwire.extract``."""

from __future__ import annotations

import json
import random
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.coding.ontology import DATA_DIR, Ontology
from eventwire.confidence import (
    MODEL_FILE,
    ConfidenceModel,
    check_min_confidence,
    combine,
    features,
    trigger_kinds,
)
from eventwire.dictcheck import CODING_TABLES, check_dictionaries
from eventwire.errors import ConfigError, DictionaryError
from eventwire.evaluate.calibrate import (
    Data,
    Sample,
    calibration_table,
    fit,
    fold_of,
    report,
    write_model,
)
from eventwire.fusion.fuse import fuse
from eventwire.records import Actor, DateRange, Mention, Place, Span
from eventwire.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "nato-russia-2015.txt"

NATO = Actor("NATO", org="NATO", code="IGOWSTNAT", entry="org_aliases.tsv:4")
RUSGOV = Actor("Moscow", country="RUS", sector="GOV", code="RUSGOV", entry="countries.tsv:3959")
THEY = Actor("they", country="RUS", entry="antecedent: the Kremlin")
NOBODY = Actor("protesters", sector="CVL", entry="unresolved phrase")
HAMA = Place("Hama", 170017, 35.13, 36.75, country="SYR")


def mention(**fields: object) -> Mention:
    base: dict[str, object] = {
        "article_id": "a1",
        "sentence": Span(0, 40),
        "trigger": Span(5, 10),
        "plover_type": "REQUEST",
        "plover_mode": None,
        "cameo_code": "020",
        "source": NATO,
        "target": RUSGOV,
        "when": DateRange(date(2015, 10, 5), date(2015, 10, 5)),
        "pattern": "triggers_extra.tsv:169 URGE",
    }
    base.update(fields)
    return Mention(**base)  # type: ignore[arg-type]


def invoke(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


# ---------------------------------------------------------------- the packaged model


def test_packaged_model_gives_probabilities_that_rise_with_better_evidence() -> None:
    model = ConfidenceModel.load()
    good = mention()  # NATO urged Russia: both sides known by name
    no_target = mention(target=NOBODY)  # a target with no country or organisation
    neither = mention(source=None, target=None)
    ps = [model.probability(m) for m in (good, no_target, neither)]
    assert all(0.0 < p < 1.0 for p in ps)
    assert ps[0] > ps[1] > ps[2]


def test_features_read_the_mention_record() -> None:
    kinds = trigger_kinds()
    on = features(mention(source=THEY, places=(HAMA,), pattern="demand: verbs.tsv:23087 CALL on"), kinds)
    assert "source_via=antecedent" in on and "target_via=dict" in on
    assert "placed" in on and "target_known" in on and "source_known" in on
    assert "family=demand" in on and "trigger=verb" in on and "pattern_specific" in on
    assert "date=day" in on and "type=REQUEST" in on and "sentence=body" in on
    assert "same_key" in features(mention(source=THEY), kinds)
    noun_line = next(no for no, kind in kinds.items() if kind == "noun")
    assert "trigger=noun" in features(mention(pattern=f"triggers_extra.tsv:{noun_line} X"), kinds)
    bare = features(mention(source=None, target=None, when=None, pattern="construction: x"), kinds)
    assert {"source_via=none", "target_via=none", "date=none", "trigger=other"} <= set(bare)
    assert "source_known" not in bare and "pattern_specific" not in bare


def test_unknown_category_values_fall_back_to_other() -> None:
    model = ConfidenceModel({"type=other": -1.0, "type=REQUEST": 1.0}, 0.0)
    assert model.score(["type=SOMETHING_NEW"]) == -1.0
    assert model.score(["type=REQUEST", "no_such_flag"]) == 1.0


def test_event_confidence_is_the_noisy_or_of_its_mentions() -> None:
    assert combine([0.5, 0.5]) == 0.75
    assert combine([0.6]) == 0.6
    assert combine([0.9, 0.9, 0.9]) == 0.99  # capped
    two = [mention(confidence=0.5), mention(trigger=Span(20, 25), confidence=0.5)]
    (event,) = fuse(two, Ontology.load())
    assert event.confidence == 0.75


# ---------------------------------------------------------------- a bad table


def test_bad_table_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "confidence.tsv"
    path.write_text(
        "# a model\nfeature\tweight\nbias\t0.1\nsource_known\tlots\n", encoding="utf-8"
    )
    with pytest.raises(DictionaryError) as err:
        ConfidenceModel.load(path)
    assert err.value.line == 4 and f"{path}:4:" in str(err.value)
    path.write_text(
        "feature\tweight\n"
        "source_known\t0.5\n"
        "colour=red\t1\n"  # 3: unknown category
        "sparkle\t1\n"  # 4: unknown flag
        "source_known\t0.2\n"  # 5: twice
        "type=\t0.1\n"  # 6: no value
        "placed\tinf\n",  # 7: not finite
        encoding="utf-8",
    )
    problems: list[str] = []
    ConfidenceModel.load(path, problems=problems)
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7, 0)]
    assert "no 'bias' row" in problems[-1]
    with pytest.raises(DictionaryError, match="cannot read"):
        ConfidenceModel.load(tmp_path / "missing.tsv")


def test_dict_check_reports_a_bad_confidence_table(tmp_path: Path) -> None:
    for name in CODING_TABLES:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    assert check_dictionaries(tmp_path) == []
    with (tmp_path / "confidence.tsv").open("a", encoding="utf-8") as f:
        f.write("nonsense\t1\n")
    problems = check_dictionaries(tmp_path)
    assert len(problems) == 1 and "confidence.tsv:" in problems[0]
    assert "unknown feature 'nonsense'" in problems[0]


def test_min_confidence_must_be_between_0_and_1() -> None:
    assert check_min_confidence(None) is None
    assert check_min_confidence(0) == 0.0 and check_min_confidence(1) == 1.0
    for bad in (-0.1, 1.5, float("nan"), "high"):
        with pytest.raises(ConfigError, match="from 0 to 1"):
            check_min_confidence(bad)  # type: ignore[arg-type]


# ---------------------------------------------------------------- fitting


def synthetic(n_articles: int = 40, per_article: int = 8, seed: int = 7) -> Data:
    """Mentions whose chance of acceptance is set by two features: a known target helps a lot, a
    pronoun source hurts; the PLOVER type is noise."""
    rng = random.Random(seed)
    samples = []
    for a in range(n_articles):
        for i in range(per_article):
            known = rng.random() < 0.6
            pronoun = rng.random() < 0.3
            chance = 0.15 + 0.6 * known - 0.1 * pronoun
            row = ["type=" + rng.choice(["ACCUSE", "ASSAULT", "CONSULT"])]
            row += ["target_known"] if known else []
            row += ["source_via=" + ("antecedent" if pronoun else "dict")]
            samples.append(Sample(f"art{a}", a * per_article + i, tuple(row), rng.random() < chance))
    return Data(samples, [s.accepted for s in samples], n_articles)


def test_fit_recovers_a_known_ordering() -> None:
    data = synthetic()
    model = fit([s.indicators for s in data.samples], [s.accepted for s in data.samples], 1.0)
    w = model.weights
    assert w["target_known"] > 1.0
    assert w["source_via=antecedent"] < w["source_via=dict"]
    assert abs(w["type=ACCUSE"]) < w["target_known"] / 2
    best = model.probability_of(["target_known", "source_via=dict", "type=ACCUSE"])
    worst = model.probability_of(["source_via=antecedent", "type=ACCUSE"])
    assert 0.6 < best < 0.9 and 0.01 < worst < 0.3


def test_rare_category_values_are_merged_into_other() -> None:
    rows = [("type=ASSAULT",)] * 10 + [("type=THREATEN",)] * 2
    model = fit(rows, [True, False] * 6, 1.0)
    assert "type=THREATEN" not in model.weights and "type=other" in model.weights


def test_cross_validation_by_article_beats_the_base_rate_and_is_calibrated() -> None:
    result = report(synthetic(), folds=5)
    ev = result["events"]
    assert ev["n"] == 320 and result["folds"] == 5
    assert ev["brier"] < ev["brier_base_rate"] and ev["log_loss"] < ev["log_loss_base_rate"]
    assert sum(row["n"] for row in ev["calibration"]) == ev["n"]
    for row in ev["calibration"]:
        if row["n"] >= 40:
            assert abs(row["mean_confidence"] - row["accepted"]) < 0.15, row
    assert len({fold_of(f"art{a}", 5) for a in range(40)}) == 5
    assert fold_of("art1", 5) == fold_of("art1", 5)


def test_default_cross_validation_leaves_one_article_out() -> None:
    result = report(synthetic(n_articles=12))
    assert result["cross_validation"] == "leaving one article out" and result["folds"] == 12
    assert result["events"]["brier"] < result["events"]["brier_base_rate"]


def test_calibration_table_bins() -> None:
    rows = calibration_table([0.1, 0.15, 0.5, 1.0], [False, True, True, True], bins=5)
    assert rows == [
        {"bin": "0.0-0.2", "n": 2, "mean_confidence": 0.125, "accepted": 0.5},
        {"bin": "0.4-0.6", "n": 1, "mean_confidence": 0.5, "accepted": 1.0},
        {"bin": "0.8-1.0", "n": 1, "mean_confidence": 1.0, "accepted": 1.0},
    ]


def test_written_model_reads_back(tmp_path: Path) -> None:
    result = {**report(synthetic(), folds=5), "paths": ["gold.jsonl"]}
    path = write_model(result, tmp_path / "confidence.tsv")
    text = path.read_text(encoding="utf-8")
    assert "eventwire calibrate gold.jsonl --write" in text and "Brier" in text
    again = ConfidenceModel.load(path)
    assert again.weights == result["model"].weights and again.bias == result["model"].bias


def test_calibrate_command_on_gold_files(tmp_path: Path) -> None:
    # an invented article whose gold accepts only the request, so the other events are rejected
    text = (
        "NATO urged Russia to stop its airstrikes in Syria on Monday. "
        "Turkish jets bombed Kurdish positions near Qamishli on Sunday. "
        "France criticised Germany over the plan."
    )
    gold = {"id": "invented", "published": "2015-10-05", "text": text, "events": [
        {"evidence": "NATO urged Russia", "type": ["REQUEST"], "source": "NATO", "target": "RUS"}
    ]}
    small = tmp_path / "gold.jsonl"
    small.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    out = tmp_path / "model.tsv"
    golds = [str(FIXTURES / "seed_gold.jsonl"), str(small)]
    result = json.loads(
        invoke("calibrate", *golds, "--folds", "2", "--to", str(out), "--json")
        .output.strip()
        .splitlines()[-1]
    )
    assert result["articles"] == 2 and result["folds"] == 2
    assert 0 < result["events"]["accepted"] < result["events"]["n"]
    for level in ("events", "mentions"):
        assert {"brier", "log_loss", "brier_base_rate", "log_loss_base_rate", "calibration"} <= set(
            result[level]
        )
    assert "bias" in result["weights"]
    assert ConfidenceModel.load(out).bias == result["weights"]["bias"]
    assert MODEL_FILE.read_text(encoding="utf-8").startswith("# Confidence model")
    table = invoke("calibrate", *golds, "--folds", "2").output
    assert "Brier" in table and "base rate" in table
    one_kind = CliRunner().invoke(cli, ["calibrate", golds[0]])
    assert one_kind.exit_code != 0 and "both kinds" in str(one_kind.exception)


# ---------------------------------------------------------------- filtering


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("confidence") / "seed.duckdb"
    invoke("run", str(SEED), "--db", str(db), "--published", "2015-10-05")
    return db


def _confidences(output: str) -> list[float]:
    return [json.loads(line)["confidence"] for line in output.splitlines()]


def test_events_min_confidence(seed_db: Path) -> None:
    every = _confidences(invoke("events", "--db", str(seed_db), "--json").output)
    assert len(every) >= 5 and all(0.0 < c < 1.0 for c in every)
    threshold = sorted(every)[len(every) // 2]
    kept = _confidences(
        invoke("events", "--db", str(seed_db), "--json", "--min-confidence", str(threshold)).output
    )
    assert kept == [c for c in every if c >= threshold] and len(kept) < len(every)
    assert not invoke("events", "--db", str(seed_db), "--min-confidence", "1", "--json").output
    result = CliRunner().invoke(cli, ["events", "--db", str(seed_db), "--min-confidence", "1.5"])
    assert result.exit_code != 0 and "from 0 to 1" in str(result.exception)


def test_export_min_confidence_from_duckdb_and_parquet_folder(seed_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "spark-out"
    folder.mkdir()
    with duckdb.connect(str(seed_db), read_only=True) as con:  # the layout a Spark run writes
        every = [r[0] for r in con.execute("SELECT confidence FROM events").fetchall()]
        con.execute(
            "COPY (SELECT *, coalesce(strftime(date_start, '%Y-%m-%d'), 'unknown') AS day "
            f"FROM events) TO '{folder / 'events'}' (FORMAT parquet, PARTITION_BY (day))"
        )
        for name in ("mentions", "articles", "failures"):
            (folder / name).mkdir()
            con.execute(f"COPY {name} TO '{folder / name / 'part-0.parquet'}' (FORMAT parquet)")
    threshold = sorted(every)[len(every) // 2]
    want = sum(c >= threshold for c in every)
    assert 0 < want < len(every)
    for db in (seed_db, folder):
        for fmt in ("jsonl", "csv", "parquet"):
            out = tmp_path / f"{db.name}.{fmt}"
            invoke("export", "--db", str(db), "--format", fmt, "-o", str(out),
                   "--min-confidence", str(threshold))
            with duckdb.connect() as con:
                reader = {"jsonl": "read_json_auto", "csv": "read_csv_auto"}.get(fmt, "read_parquet")
                got = [r[0] for r in con.execute(f"SELECT confidence FROM {reader}('{out}')").fetchall()]
            assert len(got) == want and min(got) >= threshold, (db, fmt)
    with Store.open(folder, read_only=True) as parquet, Store.open(seed_db, read_only=True) as store:
        assert parquet.query_events(min_confidence=threshold) == store.query_events(
            min_confidence=threshold
        )
        with pytest.raises(ConfigError):
            store.export("csv", tmp_path / "x.csv", min_confidence=-1)


def test_extract_min_confidence() -> None:
    import eventwire

    text = SEED.read_text(encoding="utf-8")
    every = eventwire.extract(text, published="2015-10-05")
    assert every and all(0.0 < e.confidence < 1.0 for e in every)
    threshold = sorted(e.confidence for e in every)[len(every) // 2]
    kept = eventwire.extract(text, published="2015-10-05", min_confidence=threshold)
    assert [e.id for e in kept] == [e.id for e in every if e.confidence >= threshold]
    with pytest.raises(ConfigError):
        eventwire.extract(text, min_confidence=2)
    assert callable(eventwire.extract)  # not replaced by the sub-package eventwire.extract
