"""The `eventwire` command end to end, on a real DuckDB file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
from click.testing import CliRunner

from eventwire.cli import cli

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def invoke(*args: str, input: bytes | None = None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def last_json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def test_run_bad_inputs_counts_add_up_and_rerun_adds_nothing(tmp_path):
    folder = tmp_path / "inputs"
    shutil.copytree(ROOT / "examples" / "bad-inputs", folder)
    shutil.copy(FIXTURES / "nato-russia-2015.txt", folder / "seed.txt")
    (folder / "huge.txt").write_text("Russia attacked. " * 400_000)  # 6.8 MB > 5 MB limit
    (folder / "cp1252.txt").write_bytes("Turkey\u2019s army shelled Kurdish positions.".encode("cp1252"))
    db = tmp_path / "events.duckdb"

    first = last_json(invoke("run", str(folder), "--db", str(db), "--published", "2015-10-05", "--json").output)
    assert first["inputs"] == first["articles"] + first["failures"]
    assert first["failures"] >= 6 and first["articles"] >= 8
    # every event found is stored; reports of one happening in two inputs fuse into one event
    assert 0 < first["events_added"] <= first["events"]

    second = last_json(invoke("run", str(folder), "--db", str(db), "--published", "2015-10-05", "--json").output)
    assert second["inputs"] == first["inputs"] and second["events_added"] == 0

    with duckdb.connect(str(db), read_only=True) as con:
        failures = dict(con.execute("select input_ref, reason from failures").fetchall())
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
        n_events = con.execute("select count(*) from events").fetchone()[0]
    assert n_articles == first["articles"] and n_events == first["events_added"]
    assert len(failures) == first["failures"]
    assert any("too large" in reason for reason in failures.values())
    assert any("binary" in reason for reason in failures.values())


def test_events_filters_and_exports(tmp_path):
    db = tmp_path / "e.duckdb"
    invoke("run", str(FIXTURES / "nato-russia-2015.txt"), "--db", str(db), "--published", "2015-10-05")
    rows = [json.loads(line) for line in invoke("events", "--db", str(db), "--actor", "RUS", "--type", "ASSAULT", "--json").output.splitlines()]
    assert rows and all(r["plover_type"] == "ASSAULT" for r in rows)
    assert all("RUS" in (r["source_country"], r["target_country"]) for r in rows)
    assert all(r["evidence"] for r in rows)
    since = invoke("events", "--db", str(db), "--since", "2015-10-05", "--json").output.splitlines()
    assert since and all(json.loads(line)["date_end"] >= "2015-10-05" for line in since)
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        invoke("export", "--db", str(db), "--format", fmt, "-o", str(out))
        assert out.stat().st_size > 0
    with duckdb.connect() as con:
        assert con.execute(f"select count(*) from '{tmp_path / 'events.parquet'}'").fetchall()[0][0] > 0


def test_extract_json_from_text():
    out = invoke("extract", "Turkish jets bombed Kurdish positions near Qamishli on Sunday.",
                 "--published", "2015-10-05", "--json").output
    events = [json.loads(line) for line in out.splitlines()]
    assert any(e["plover_type"] == "ASSAULT" and e["source"]["country"] == "TUR" for e in events)
    assert all(e["mentions"][0]["evidence"] for e in events)


def test_run_reads_stdin(tmp_path):
    db = tmp_path / "s.duckdb"
    out = invoke("run", "-", "--db", str(db), "--published", "2015-10-05", "--json",
                 input=b"Iraqi forces attacked Islamic State fighters in Mosul on Monday.\n").output
    summary = last_json(out)
    assert summary["inputs"] == 1 and summary["articles"] == 1 and summary["events"] >= 1


def test_evaluate_gold_json_contract():
    out = invoke("evaluate", str(FIXTURES / "seed_gold.jsonl"), "--format", "gold", "--json").output
    result = last_json(out)
    for key in ("required_recall", "precision", "f1", "forbidden_hits", "field_accuracy", "required", "matched", "predicted"):
        assert key in result
    assert set(result["field_accuracy"]) >= {"date", "location", "source_sector"}


def test_missing_database_is_one_clear_line(tmp_path):
    from eventwire.cli import main  # noqa: F401  (main wraps errors; the group raises them)
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code != 0
    assert "no database" in str(result.exception)


def test_dict_explain_names_the_pattern_and_the_entry():
    out = invoke("dict", "explain", "NATO urged Russia to stop bombing Aleppo.", "--published", "2015-10-05").output
    assert "urged" in out and "REQUEST" in out and ".tsv:" in out
    assert "requested" in out


def test_dict_check_passes_on_the_packaged_tables():
    assert "dictionaries OK" in invoke("dict", "check").output


def test_events_and_export_read_a_spark_parquet_folder(tmp_path):
    """`--db DIR` reads the folder `run --engine spark --out DIR` writes: same rows, same files."""
    db, folder = tmp_path / "e.duckdb", tmp_path / "spark-out"
    invoke("run", str(FIXTURES / "nato-russia-2015.txt"), "--db", str(db), "--published", "2015-10-05")
    folder.mkdir()
    with duckdb.connect(str(db), read_only=True) as con:  # the Spark engine's layout
        con.execute("COPY (SELECT *, coalesce(strftime(date_start, '%Y-%m-%d'), 'unknown') AS day "
                    f"FROM events) "
                    f"TO '{folder / 'events'}' (FORMAT parquet, PARTITION_BY (day))")
        for name in ("mentions", "articles", "failures"):
            (folder / name).mkdir()
            con.execute(f"COPY {name} TO '{folder / name / 'part-0.parquet'}' (FORMAT parquet)")
    for args in ((), ("--actor", "RUS", "--type", "ASSAULT"), ("--since", "2015-10-05", "--modality", "any")):
        want = invoke("events", "--db", str(db), "--json", *args).output
        assert want and invoke("events", "--db", str(folder), "--json", *args).output == want
    for fmt in ("jsonl", "csv"):
        invoke("export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / f"db.{fmt}"))
        invoke("export", "--db", str(folder), "--format", fmt, "-o", str(tmp_path / f"dir.{fmt}"))
        assert (tmp_path / f"dir.{fmt}").read_text() == (tmp_path / f"db.{fmt}").read_text()
