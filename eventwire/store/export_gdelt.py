"""GDELT 2.0 export: the Event table (61 columns) and the Mentions table (16 columns).

Both are what GDELT publishes every 15 minutes as ``*.export.CSV`` and ``*.mentions.CSV``:
tab-separated, no header row, one record per line, columns in the codebook's order (GDELT Event
Codebook V2.0 and its BigQuery schema ``gdelt-bq:gdeltv2.events`` / ``eventmentions``), so tools
that read GDELT files read these unchanged. Where eventwire knows less or differently than GDELT,
the field says so by its value, and docs/exports.md lists each case:

- ``NumMentions`` / ``NumSources`` / ``NumArticles`` are recounted over *all* stored reports of
  the event; GDELT freezes them at the 15 minutes in which it first saw the event.
- The geo ``*_CountryCode`` fields are FIPS 10-4 (Germany ``GM``), as in GDELT, from GeoNames'
  table (``data/country_codes.tsv``); ``*_ADM1Code`` is FIPS country + the GeoNames admin1 code
  (FIPS 10-4 for most countries, as GDELT's); ``*_FeatureID`` of a town is its *GeoNames* id
  (GDELT's is a GNS/GNIS id); ``*_ADM2Code`` is blank (no GAUL codes).
- ``AvgTone`` / ``MentionDocTone`` are blank: eventwire measures no tone.
- ``DATEADDED`` is the day of the event's first report at 00:00:00 (the store keeps dates).
- ``FractionDate`` follows GDELT's files, ``YYYY + ((MONTH-1)*30 + DAY)/365`` (the codebook's
  text says ``MONTH*30``, its data do not).
- Only events told as having happened (modality ``asserted``) are exported by default: GDELT has
  no modality, and a requested or denied attack is no attack.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import StorageError
from .export_codes import NUMERIC_ID, code_tables, reports_sql, url_host, yyyymmdd

# (name, DuckDB type) in the codebook's order; INTEGER in GDELT's schema is a 64-bit integer.
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "BIGINT"),
    ("SQLDATE", "INTEGER"),
    ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"),
    ("FractionDate", "DOUBLE"),
    *[
        (f"Actor{n}{field}", "VARCHAR")
        for n in (1, 2)
        for field in (
            "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
        )
    ],
    ("IsRootEvent", "INTEGER"),
    ("EventCode", "VARCHAR"),
    ("EventBaseCode", "VARCHAR"),
    ("EventRootCode", "VARCHAR"),
    ("QuadClass", "INTEGER"),
    ("GoldsteinScale", "DOUBLE"),
    ("NumMentions", "INTEGER"),
    ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"),
    ("AvgTone", "DOUBLE"),
    *[
        (f"{block}Geo_{field}", kind)
        for block in ("Actor1", "Actor2", "Action")
        for field, kind in (
            ("Type", "INTEGER"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"),
            ("ADM1Code", "VARCHAR"), ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"),
            ("Long", "DOUBLE"), ("FeatureID", "VARCHAR"),
        )
    ],
    ("DATEADDED", "BIGINT"),
    ("SOURCEURL", "VARCHAR"),
]

MENTION_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "BIGINT"),
    ("EventTimeDate", "BIGINT"),
    ("MentionTimeDate", "BIGINT"),
    ("MentionType", "INTEGER"),
    ("MentionSourceName", "VARCHAR"),
    ("MentionIdentifier", "VARCHAR"),
    ("SentenceID", "INTEGER"),
    ("Actor1CharOffset", "INTEGER"),
    ("Actor2CharOffset", "INTEGER"),
    ("ActionCharOffset", "INTEGER"),
    ("InRawText", "INTEGER"),
    ("Confidence", "INTEGER"),
    ("MentionDocLen", "INTEGER"),
    ("MentionDocTone", "DOUBLE"),
    ("MentionDocTranslationInfo", "VARCHAR"),
    ("Extras", "VARCHAR"),
]

# GDELT geo types: 1 country, 2 US state, 3 US city/landmark, 4 world city/landmark,
# 5 world state (ADM1). eventwire's place precision -> type (US or not).
_GEO_TYPE = """CASE
    WHEN {p}.precision = 'country' THEN 1
    WHEN {p}.precision = 'admin1' THEN CASE WHEN {p}.country = 'USA' THEN 2 ELSE 5 END
    ELSE CASE WHEN {p}.country = 'USA' THEN 3 ELSE 4 END
END"""


def mentions_path(events_path: Path) -> Path:
    """Where the Mentions table goes beside the Event table: ``x.export.CSV`` ->
    ``x.mentions.CSV`` (GDELT's names), else ``name.tsv`` -> ``name.mentions.tsv``."""
    name = events_path.name
    if ".export." in name:
        return events_path.with_name(name.replace(".export.", ".mentions.", 1))
    return events_path.with_name(f"{events_path.stem}.mentions{events_path.suffix}")


def export_gdelt(
    con: duckdb.DuckDBPyConnection, where: str, params: list[object], path: Path
) -> tuple[int, Path]:
    """Write the Event table to ``path`` and the Mentions table beside it (``mentions_path``);
    returns (events written, the Mentions file)."""
    mentions = mentions_path(path)
    options = "DELIMITER '\t', HEADER false, QUOTE '', ESCAPE ''"
    try:
        with code_tables(con):
            row = con.execute(
                f"COPY ({_events_sql(where)}) TO {_quote(path)} ({options})", params
            ).fetchall()
            con.execute(
                f"COPY ({_mentions_sql(where)}) TO {_quote(mentions)} ({options})", params
            ).fetchall()
    except duckdb.Error as exc:
        raise StorageError(f"cannot export gdelt to {path}: {exc}") from exc
    return (int(row[0][0]) if row else 0), mentions


def _clean(expr: str) -> str:
    """A text field with tabs and line breaks turned into spaces: GDELT files are one record a
    line, tab-separated, and have no quoting."""
    return f"regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g')"


def _actor(n: int, side: str) -> str:
    """Actor{n}Code .. Actor{n}Type3Code from the store's ``{side}_*`` columns."""
    code, org, sector = f"e.{side}_code", f"e.{side}_org", f"e.{side}_sector"
    group = (
        f"CASE WHEN {org} IS NOT NULL AND {code} IS NOT NULL THEN right(CASE "
        f"WHEN {sector} IS NOT NULL AND ends_with({code}, {sector}) "
        f"THEN left({code}, length({code}) - length({sector})) ELSE {code} END, 3) END"
    )
    name = f"upper(coalesce({org}, c{n}.name, {_clean(f'e.{side}_text')}))"
    return f""",
    coalesce({code}, e.{side}_country) AS Actor{n}Code,
    CASE WHEN {code} IS NOT NULL OR {org} IS NOT NULL OR e.{side}_country IS NOT NULL
         THEN {name} END AS Actor{n}Name,
    e.{side}_country AS Actor{n}CountryCode,
    {group} AS Actor{n}KnownGroupCode,
    NULL AS Actor{n}EthnicCode, NULL AS Actor{n}Religion1Code, NULL AS Actor{n}Religion2Code,
    {sector} AS Actor{n}Type1Code, NULL AS Actor{n}Type2Code, NULL AS Actor{n}Type3Code"""


def _actor_geo(n: int) -> str:
    """Actor{n}Geo_*: the actor's country, at country level (GDELT's type 1), when known."""
    c = f"c{n}"
    return f""",
    CASE WHEN {c}.iso3 IS NOT NULL THEN 1 END AS Actor{n}Geo_Type,
    {c}.name AS Actor{n}Geo_FullName,
    {c}.fips AS Actor{n}Geo_CountryCode,
    {c}.fips AS Actor{n}Geo_ADM1Code,
    NULL AS Actor{n}Geo_ADM2Code,
    {c}.lat AS Actor{n}Geo_Lat,
    {c}.lon AS Actor{n}Geo_Long,
    {c}.fips AS Actor{n}Geo_FeatureID"""


def _action_geo() -> str:
    """ActionGeo_*: the event's first place that lies in a country."""
    full = (
        "concat_ws(', ', CASE WHEN p.precision <> 'country' THEN p.name END, "
        "CASE WHEN p.precision NOT IN ('country', 'admin1') THEN p.admin1 END, cp.name)"
    )
    adm1 = (
        "CASE WHEN p.precision <> 'country' AND cp.fips IS NOT NULL AND a1.code IS NOT NULL "
        "THEN cp.fips || a1.code END"
    )
    feature = (
        f"CASE WHEN p.precision = 'country' THEN cp.fips WHEN p.precision = 'admin1' "
        f"THEN coalesce({adm1}, cp.fips) ELSE CAST(p.geonameid AS VARCHAR) END"
    )
    return f""",
    CASE WHEN p.country IS NOT NULL THEN {_GEO_TYPE.format(p="p")} END AS ActionGeo_Type,
    CASE WHEN p.country IS NOT NULL THEN {_clean(full)} END AS ActionGeo_FullName,
    cp.fips AS ActionGeo_CountryCode,
    CASE WHEN p.precision = 'country' THEN cp.fips ELSE {adm1} END AS ActionGeo_ADM1Code,
    NULL AS ActionGeo_ADM2Code,
    p.lat AS ActionGeo_Lat,
    p.lon AS ActionGeo_Long,
    CASE WHEN p.country IS NOT NULL THEN {feature} END AS ActionGeo_FeatureID"""


def _events_sql(where: str) -> str:
    day = "coalesce(e.date_start, e.first_seen)"
    code = "e.cameo_code"
    return f"""
WITH {reports_sql(where)},
placed AS (
    SELECT id, list_filter(places, lambda x: x.country IS NOT NULL)[1] AS p FROM sel
)
SELECT
    {NUMERIC_ID.format(id="e.id")} AS GLOBALEVENTID,
    {yyyymmdd(day)} AS SQLDATE,
    CAST(strftime({day}, '%Y%m') AS INTEGER) AS MonthYear,
    year({day}) AS Year,
    round(year({day}) + ((month({day}) - 1) * 30 + day({day})) / 365, 4) AS FractionDate
    {_actor(1, "source")}
    {_actor(2, "target")},
    CASE WHEN r.sentence_kind = 'title' OR r.sentence_no <= 3 THEN 1 ELSE 0 END AS IsRootEvent,
    {code} AS EventCode,
    CASE WHEN length({code}) > 3 THEN left({code}, 3) ELSE {code} END AS EventBaseCode,
    left({code}, 2) AS EventRootCode,
    e.quad_class AS QuadClass,
    e.goldstein AS GoldsteinScale,
    coalesce(r.n_mentions, 0) AS NumMentions,
    e.n_sources AS NumSources,
    e.n_articles AS NumArticles,
    NULL::DOUBLE AS AvgTone
    {_actor_geo(1)}
    {_actor_geo(2)}
    {_action_geo()},
    CAST(strftime(coalesce(e.first_seen, r.published), '%Y%m%d') || '000000' AS BIGINT)
        AS DATEADDED,
    {_clean("coalesce(r.url, r.article_source, r.input_ref)")} AS SOURCEURL
FROM sel e
LEFT JOIN reports r ON r.event_id = e.id AND r.rank = 1
LEFT JOIN placed ON placed.id = e.id
LEFT JOIN _ew_countries c1 ON c1.iso3 = e.source_country
LEFT JOIN _ew_countries c2 ON c2.iso3 = e.target_country
LEFT JOIN _ew_countries cp ON cp.iso3 = placed.p.country
LEFT JOIN (SELECT iso3, name, min(code) AS code FROM _ew_admin1 GROUP BY ALL) a1
    ON a1.iso3 = placed.p.country AND a1.name = CASE WHEN placed.p.precision = 'admin1'
        THEN coalesce(placed.p.admin1, placed.p.name) ELSE placed.p.admin1 END
ORDER BY e.date_start NULLS LAST, e.id
"""


def _mentions_sql(where: str) -> str:
    added = (
        "CAST(strftime(coalesce(e.first_seen, first.published), '%Y%m%d') || '000000' AS BIGINT)"
    )
    return f"""
WITH {reports_sql(where)}
SELECT
    {NUMERIC_ID.format(id="e.id")} AS GLOBALEVENTID,
    {added} AS EventTimeDate,
    CAST(strftime(r.published, '%Y%m%d') || '000000' AS BIGINT) AS MentionTimeDate,
    CASE WHEN r.url IS NOT NULL THEN 1 ELSE 2 END AS MentionType,
    {_clean(f"coalesce(r.article_source, {url_host('r.url')})")} AS MentionSourceName,
    {_clean("coalesce(r.url, r.input_ref)")} AS MentionIdentifier,
    r.sentence_no AS SentenceID,
    coalesce(r.source_start, -1) AS Actor1CharOffset,
    coalesce(r.target_start, -1) AS Actor2CharOffset,
    r.trigger_start AS ActionCharOffset,
    1 AS InRawText,
    CAST(round(100 * coalesce(r.confidence, 0)) AS INTEGER) AS Confidence,
    r.n_chars AS MentionDocLen,
    NULL::DOUBLE AS MentionDocTone,
    '' AS MentionDocTranslationInfo,
    '' AS Extras
FROM sel e
JOIN reports r ON r.event_id = e.id
LEFT JOIN reports first ON first.event_id = e.id AND first.rank = 1
ORDER BY e.date_start NULLS LAST, e.id, r.rank
"""


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"
