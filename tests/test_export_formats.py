"""The standard exports read back with their *published* column lists.

The column lists below are written here from the public specifications (GDELT Event Codebook
V2.0 and its BigQuery schema; the PLOVER manual's data fields; the POLECAT weekly release header;
the ACLED codebook), independently of eventwire's own lists, so a test fails if the export drifts
from the specification rather than from itself.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from stored_events import TEXT1, TEXT2, as_spark_output, write_sample

import eventwire
from eventwire.cli import cli
from eventwire.records import Article
from eventwire.store import Store

# GDELT 2.0 Event table, 61 columns; BigQuery types INTEGER (64-bit), FLOAT, STRING.
I, F, S = "BIGINT", "DOUBLE", "VARCHAR"
GDELT_EVENT = [
    ("GLOBALEVENTID", I), ("SQLDATE", I), ("MonthYear", I), ("Year", I), ("FractionDate", F),
    ("Actor1Code", S), ("Actor1Name", S), ("Actor1CountryCode", S), ("Actor1KnownGroupCode", S),
    ("Actor1EthnicCode", S), ("Actor1Religion1Code", S), ("Actor1Religion2Code", S),
    ("Actor1Type1Code", S), ("Actor1Type2Code", S), ("Actor1Type3Code", S),
    ("Actor2Code", S), ("Actor2Name", S), ("Actor2CountryCode", S), ("Actor2KnownGroupCode", S),
    ("Actor2EthnicCode", S), ("Actor2Religion1Code", S), ("Actor2Religion2Code", S),
    ("Actor2Type1Code", S), ("Actor2Type2Code", S), ("Actor2Type3Code", S),
    ("IsRootEvent", I), ("EventCode", S), ("EventBaseCode", S), ("EventRootCode", S),
    ("QuadClass", I), ("GoldsteinScale", F), ("NumMentions", I), ("NumSources", I),
    ("NumArticles", I), ("AvgTone", F),
    ("Actor1Geo_Type", I), ("Actor1Geo_FullName", S), ("Actor1Geo_CountryCode", S),
    ("Actor1Geo_ADM1Code", S), ("Actor1Geo_ADM2Code", S), ("Actor1Geo_Lat", F),
    ("Actor1Geo_Long", F), ("Actor1Geo_FeatureID", S),
    ("Actor2Geo_Type", I), ("Actor2Geo_FullName", S), ("Actor2Geo_CountryCode", S),
    ("Actor2Geo_ADM1Code", S), ("Actor2Geo_ADM2Code", S), ("Actor2Geo_Lat", F),
    ("Actor2Geo_Long", F), ("Actor2Geo_FeatureID", S),
    ("ActionGeo_Type", I), ("ActionGeo_FullName", S), ("ActionGeo_CountryCode", S),
    ("ActionGeo_ADM1Code", S), ("ActionGeo_ADM2Code", S), ("ActionGeo_Lat", F),
    ("ActionGeo_Long", F), ("ActionGeo_FeatureID", S),
    ("DATEADDED", I), ("SOURCEURL", S),
]  # fmt: skip
GDELT_MENTIONS = [
    ("GLOBALEVENTID", I), ("EventTimeDate", I), ("MentionTimeDate", I), ("MentionType", I),
    ("MentionSourceName", S), ("MentionIdentifier", S), ("SentenceID", I),
    ("Actor1CharOffset", I), ("Actor2CharOffset", I), ("ActionCharOffset", I), ("InRawText", I),
    ("Confidence", I), ("MentionDocLen", I), ("MentionDocTone", F),
    ("MentionDocTranslationInfo", S), ("Extras", S),
]  # fmt: skip
ACLED = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
    "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region "
    "country admin1 admin2 admin3 location latitude longitude geo_precision source source_scale "
    "notes fatalities tags timestamp"
).split()
POLECAT = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
]  # fmt: skip
PLOVER_REQUIRED = {"id", "date", "actor", "event"}
PLOVER_FIELDS = {
    "id", "date", "enddate", "actor", "recipient", "event", "mode", "context", "quad_code",
    "event_scale", "event_loc", "event_text", "size", "text_info", "cite_info", "coder",
}  # fmt: skip


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The sample database exported once in every standard format through the CLI."""
    folder = tmp_path_factory.mktemp("export")
    db = write_sample(folder / "events.duckdb")
    outputs = {
        "gdelt": folder / "20151005000000.export.CSV",
        "acled": folder / "acled.csv",
        "plover": folder / "plover.jsonl",
        "polecat": folder / "polecat.txt",
    }
    for fmt, path in outputs.items():
        result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt,
                                          "-o", str(path)])
        assert result.exit_code == 0, result.output
    return db, outputs


def read_gdelt(path, columns):
    """Read a GDELT file the way GDELT users load it into DuckDB: tab-separated, no header,
    no quoting, the published names and types."""
    spec = "{" + ", ".join(f"'{n}': '{t}'" for n, t in columns) + "}"
    con = duckdb.connect()
    rel = con.sql(
        f"SELECT * FROM read_csv('{path}', delim='\t', header=false, quote='', escape='', "
        f"auto_detect=false, columns={spec})"
    )
    return rel.columns, [str(t) for t in rel.types], [dict(zip(rel.columns, r)) for r in rel.fetchall()]


def test_gdelt_event_table_loads_with_the_published_columns_and_types(exported):
    _, out = exported
    names, types, rows = read_gdelt(out["gdelt"], GDELT_EVENT)
    assert len(names) == 61 and names == [n for n, _ in GDELT_EVENT]
    assert types == [t for _, t in GDELT_EVENT]
    by_code = {r["EventCode"]: r for r in rows}
    assert set(by_code) == {"195", "1382", "042", "141"}  # the negated attack is left out
    visit = by_code["042"]  # a CAMEO code with its leading zero, and its parents as strings
    assert (visit["EventBaseCode"], visit["EventRootCode"]) == ("042", "04")
    assert (by_code["1382"]["EventBaseCode"], by_code["1382"]["EventRootCode"]) == ("138", "13")
    # FIPS 10-4, not ISO: Germany GM, Turkey TU, Syria SY; ADM1 = FIPS country + admin1 code
    assert (visit["Actor1Geo_CountryCode"], visit["Actor2Geo_CountryCode"]) == ("GM", "TU")
    assert (visit["ActionGeo_Type"], visit["ActionGeo_CountryCode"], visit["ActionGeo_ADM1Code"],
            visit["ActionGeo_FeatureID"]) == (4, "TU", "TU68", "323786")
    assert by_code["141"]["ActionGeo_ADM1Code"] == "GM16"
    strike = by_code["195"]
    assert (strike["SQLDATE"], strike["MonthYear"], strike["Year"]) == (20151003, 201510, 2015)
    assert strike["FractionDate"] == round(2015 + (9 * 30 + 3) / 365, 4)
    assert (strike["Actor1Code"], strike["Actor1CountryCode"], strike["Actor1Type1Code"],
            strike["Actor2Code"]) == ("RUSMIL", "RUS", "MIL", "SYRCVL")
    assert (strike["ActionGeo_FullName"], strike["ActionGeo_CountryCode"],
            strike["ActionGeo_ADM1Code"]) == ("Hama, Hama, Syria", "SY", "SY10")
    # recounted over all reports (two articles), not frozen at the first sighting
    assert (strike["NumMentions"], strike["NumArticles"], strike["NumSources"]) == (2, 2, 2)
    assert strike["IsRootEvent"] == 1 and by_code["141"]["IsRootEvent"] == 0
    assert strike["AvgTone"] is None
    assert (strike["DATEADDED"], strike["SOURCEURL"]) == (20151005000000,
                                                          "https://www.example.org/syria/1")


def test_gdelt_mentions_table_has_one_row_per_report_with_offsets(exported):
    _, out = exported
    events = {r["EventCode"]: r["GLOBALEVENTID"] for r in read_gdelt(out["gdelt"], GDELT_EVENT)[2]}
    mentions_file = out["gdelt"].with_name("20151005000000.mentions.CSV")
    names, types, rows = read_gdelt(mentions_file, GDELT_MENTIONS)
    assert names == [n for n, _ in GDELT_MENTIONS] and types == [t for _, t in GDELT_MENTIONS]
    strike = [r for r in rows if r["GLOBALEVENTID"] == events["195"]]
    assert len(strike) == 2 and {r["GLOBALEVENTID"] for r in rows} == set(events.values())
    web, local = sorted(strike, key=lambda r: r["MentionTimeDate"])
    assert (web["MentionType"], web["MentionSourceName"], web["MentionIdentifier"]) == (
        1, "Reuters", "https://www.example.org/syria/1")
    assert (local["MentionType"], local["MentionSourceName"], local["MentionIdentifier"]) == (
        2, None, "notes/b2.txt")
    assert web["EventTimeDate"] == local["EventTimeDate"] == 20151005000000
    assert (web["MentionTimeDate"], local["MentionTimeDate"]) == (20151005000000, 20151007000000)
    # character offsets point at the words in the article; -1 where there is no actor span
    assert TEXT1[web["ActionCharOffset"]:].startswith("struck")
    assert TEXT1[web["Actor1CharOffset"]:].startswith("Russian jets")
    assert TEXT1[web["Actor2CharOffset"]:].startswith("civilians")
    assert local["Actor2CharOffset"] == -1 and TEXT2[local["ActionCharOffset"]:].startswith("struck")
    assert (web["SentenceID"], local["SentenceID"]) == (2, 1)  # the title is sentence 1
    assert (web["Confidence"], web["MentionDocLen"], web["InRawText"]) == (62, len(TEXT1), 1)
    visit = next(r for r in rows if r["GLOBALEVENTID"] == events["042"])
    assert visit["SentenceID"] == 4


def test_acled_csv_has_the_codebook_columns_and_codes(exported):
    _, out = exported
    with out["acled"].open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ACLED
        rows = {r["event_type"]: r for r in reader}
    assert set(rows) == {"Explosions/Remote violence", "Protests"}  # only ACLED-typed events
    strike, rally = rows["Explosions/Remote violence"], rows["Protests"]
    assert strike["event_id_cnty"].startswith("SYR") and strike["event_id_cnty"][3:].isdigit()
    assert (strike["event_date"], strike["time_precision"]) == ("2015-10-03", "1")
    assert strike["fatalities"] == "12"  # "dozens" -> 12: the most conservative report
    assert (strike["sub_event_type"], strike["disorder_type"]) == (
        "Air/drone strike", "Political violence")
    assert (strike["actor1"], strike["inter1"]) == ("Military Forces of Russia",
                                                    "External/Other forces")
    assert (strike["actor2"], strike["inter2"]) == ("Civilians (Syria)", "Civilians")
    assert strike["interaction"] == "Civilians-External/Other forces"
    assert strike["civilian_targeting"] == "Civilians targeted"
    assert (strike["iso"], strike["country"], strike["admin1"], strike["location"]) == (
        "760", "Syria", "Hama", "Hama")
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == (
        "35.1318", "36.7578", "1")
    assert strike["notes"] == "Russian jets struck a market in Hama on Saturday, killing dozens of civilians."
    assert strike["source"] == "Reuters"
    assert strike["timestamp"] == "1444176000"  # 2015-10-07, the newest report
    # a month-long date: precision 3, the middle of the span
    assert (rally["event_date"], rally["time_precision"]) == ("2015-10-16", "3")
    assert (rally["actor1"], rally["inter1"], rally["interaction"], rally["fatalities"]) == (
        "Protesters (Germany)", "Protesters", "Protesters only", "0")
    assert (rally["disorder_type"], rally["iso"]) == ("Demonstrations", "276")


def test_acled_weekend_is_time_precision_two(tmp_path):
    # the airspace violation (3-4 Oct) has no ACLED type in the sample: give it one here
    copy = write_sample(tmp_path / "copy.duckdb")
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE events SET acled_event_type = 'Strategic developments', "
                    "acled_sub_event_type = 'Other' WHERE id = 'ev_violate'")
    with Store.open(copy, read_only=True) as store:
        store.export("acled", tmp_path / "a.csv", since=date(2015, 10, 2), until=date(2015, 10, 4))
    rows = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    row = next(r for r in rows if r["event_type"] == "Strategic developments")
    assert (row["event_date"], row["time_precision"], row["disorder_type"]) == (
        "2015-10-03", "2", "Strategic developments")
    assert (row["inter1"], row["inter2"], row["interaction"]) == (
        "State forces", "State forces", "State forces-State forces")
    assert row["event_id_cnty"].startswith("XXX")  # no place: no country to name it by


def test_plover_json_lines_use_the_manual_field_names(exported, tmp_path):
    db, out = exported
    records = [json.loads(line) for line in out["plover"].read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4
    for rec in records:
        assert PLOVER_REQUIRED <= set(rec) and PLOVER_FIELDS <= set(rec)
        assert isinstance(rec["event"], list) and isinstance(rec["actor"], list)
        date.fromisoformat(rec["date"])
    strike = next(r for r in records if r["id"] == "ev_strike")
    assert strike["actor"] == [{"code": "RUS", "sector": "MIL", "entity_text": "Russian jets"}]
    assert strike["recipient"][0]["code"] == "SYR"
    assert (strike["event"], strike["quad_code"], strike["event_scale"]) == (["ASSAULT"], 4, -9.0)
    loc = strike["event_loc"]
    assert (loc["geonameid"], loc["country_code"], loc["province"], loc["resolution"],
            loc["feature_class"], loc["feature_code"]) == (170017, "SYR", "Hama", 4, "P", "PPLA")
    assert strike["size"] == {"dead": 12, "injured": 70}
    assert strike["event_text"][0].startswith("Russian jets struck") and len(strike["event_text"]) == 2
    assert strike["text_info"]["sequence"] == 2
    start, end = strike["text_info"]["start"], strike["text_info"]["end"]
    assert TEXT1[start:end] == strike["event_text"][0]
    assert strike["cite_info"]["url"] == "https://www.example.org/syria/1"
    visit = next(r for r in records if r["id"] == "ev_visit")
    assert (visit["mode"], visit["event_loc"]["country_code"]) == (["visit"], "TUR")
    violate = next(r for r in records if r["id"] == "ev_violate")
    assert (violate["date"], violate["enddate"], violate["event_loc"]) == (
        "2015-10-03", "2015-10-04", None)
    # DuckDB reads the file as JSON lines too
    n = duckdb.sql(f"SELECT count(*) FROM read_json('{out['plover']}', format='newline_delimited')")
    assert n.fetchall() == [(4,)]
    # with every modality, the negated attack carries PLOVER's special context "negation"
    with Store.open(db, read_only=True) as store:
        store.export("plover", tmp_path / "all.jsonl", modality="any")
    every = [json.loads(x) for x in (tmp_path / "all.jsonl").read_text().splitlines()]
    denied = next(r for r in every if r["id"] == "ev_denied")
    assert denied["context"] == ["negation"] and len(every) == 5


def test_polecat_tsv_has_the_release_header(exported):
    _, out = exported
    with out["polecat"].open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == POLECAT
        rows = {r["Event ID"]: r for r in reader}
    assert set(rows) == {"ev_strike", "ev_violate", "ev_visit", "ev_rally"}
    strike = rows["ev_strike"]
    assert (strike["Event Date"], strike["Event Type"], strike["Quad Code"]) == (
        "2015-10-03", "ASSAULT", "4")
    assert (strike["Actor Name"], strike["Actor Country"], strike["Primary Actor Sector"],
            strike["Actor Name Raw"]) == ("Russia", "RUS", "MIL", "Russian jets")
    assert (strike["Placename"], strike["Province"], strike["Country"], strike["GeoNames ID"],
            strike["Publication Date"]) == ("Hama", "Hama", "Syria", "170017", "2015-10-05")


def test_plain_formats_still_export_and_take_the_event_filters(exported, tmp_path):
    db, _ = exported
    with Store.open(db, read_only=True) as store:
        assert store.export("jsonl", tmp_path / "all.jsonl") == 5  # every modality, as before
        assert store.export("csv", tmp_path / "rus.csv", actor="RUS", modality="asserted") == 2
        assert store.export("parquet", tmp_path / "e.parquet", type="ASSAULT") == 2
        assert store.export("gdelt", tmp_path / "g.tsv", type="19") == 1
    assert (tmp_path / "g.mentions.tsv").exists()


def test_spark_parquet_folder_exports_the_same_files(exported, tmp_path):
    db, _ = exported
    folder = as_spark_output(db, tmp_path / "spark-out")
    for fmt in ("gdelt", "acled", "plover", "polecat"):
        with Store.open(db, read_only=True) as store:
            store.export(fmt, tmp_path / f"db.{fmt}")
        with Store.open(folder, read_only=True) as parquet:
            parquet.export(fmt, tmp_path / f"pq.{fmt}")
        assert (tmp_path / f"pq.{fmt}").read_bytes() == (tmp_path / f"db.{fmt}").read_bytes(), fmt
    assert (tmp_path / "pq.mentions.gdelt").read_bytes() == (tmp_path / "db.mentions.gdelt").read_bytes()


def test_country_code_table_maps_iso_to_fips():
    codes = {}
    for line in (Path(eventwire.__file__).parent / "data" / "country_codes.tsv").read_text().splitlines():
        if line and not line.startswith("#") and not line.startswith("iso2"):
            iso2, iso3, numeric, fips, _ = line.split("\t")
            codes[iso3] = (iso2, numeric, fips)
    # the trap: FIPS 10-4 differs from ISO alpha-2 for many countries
    assert codes["DEU"] == ("DE", "276", "GM") and codes["CHL"] == ("CL", "152", "CI")
    assert codes["GBR"][2] == "UK" and codes["RUS"][2] == "RS" and codes["ETH"][1] == "231"
    assert len(codes) > 240


def test_events_of_the_real_pipeline_export_as_gdelt(pipeline, tmp_path):
    """The demo article through the real pipeline and store: every asserted event is one GDELT
    row, and every report's offsets point into the article."""
    text = (Path(__file__).parent.parent / "examples" / "demo" / "nato-russia-2015.txt").read_text()
    article = Article(Article.make_id(text, None), text, published=date(2015, 10, 5),
                      source="Newsweek", input_ref="nato-russia-2015.txt")
    result = pipeline.process_batch([article])
    db = tmp_path / "demo.duckdb"
    with Store.open(db) as store:
        store.write_batch(result.articles, result.events, result.failures)
        stored = store.query_events(modality="asserted")
        assert store.export("gdelt", tmp_path / "demo.export.CSV") == len(stored) > 5
    _, _, rows = read_gdelt(tmp_path / "demo.export.CSV", GDELT_EVENT)
    assert sorted(r["EventCode"] for r in rows) == sorted(e["cameo_code"] for e in stored)
    assert all(r["SQLDATE"] and r["EventRootCode"] == r["EventCode"][:2] for r in rows)
    _, _, mentions = read_gdelt(tmp_path / "demo.mentions.CSV", GDELT_MENTIONS)
    assert {m["GLOBALEVENTID"] for m in mentions} == {r["GLOBALEVENTID"] for r in rows}
    for m in mentions:
        assert 0 <= m["ActionCharOffset"] < len(text) and m["SentenceID"] >= 1
        assert m["MentionSourceName"] == "Newsweek" and m["MentionDocLen"] == len(text)
