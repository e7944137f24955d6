"""ACLED export: one CSV row per event with an ACLED category, in ACLED's 31 columns and order.

Columns and codes follow the ACLED Codebook (the current export, since the 2023 column changes):
``event_id_cnty`` (country ISO3 + the same number as GDELT's GLOBALEVENTID), ``event_date`` with
``time_precision`` (1 the day was reported; 2 a span of up to a week -> its middle day; 3 a
longer span -> its middle day), ``disorder_type`` from the event type, actors named the way ACLED
names them where the store says enough ("Military Forces of Russia", "Civilians (Syria)", else
the organisation or the country), ``inter1``/``inter2`` as text (ACLED's default today) from the
actor's sector, ``interaction`` ordered by ACLED's numeric actor codes, ``iso`` numeric, place
names with ``geo_precision`` (1 a town or site, 2 a district or a site placed near a town, 3 a
province or country), ``source`` (the reports' outlets, ``; ``-separated), ``notes`` (the evidence
sentence of the first report), ``fatalities`` (the event's most conservative figure, ``killed_low``;
0 when none was reported, as ACLED codes unknowns) and ``timestamp`` (Unix time of the event's
newest report, for incremental syncs).

Only events that have an ACLED ``event_type`` are rows: ACLED codes political violence,
demonstrations and strategic developments, not meetings or statements. Left blank because the
store does not know them: ``assoc_actor_*``, ``region``, ``admin2``/``admin3`` (unless the place
is a district), ``source_scale``, ``tags``. ACLED splits multi-day events into one row per day;
eventwire keeps one event and says how precise its date is.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import StorageError
from .export_codes import NUMERIC_ID, code_tables, reports_sql, url_host

COLUMNS: list[tuple[str, str]] = [
    ("event_id_cnty", "VARCHAR"),
    ("event_date", "DATE"),
    ("year", "INTEGER"),
    ("time_precision", "INTEGER"),
    ("disorder_type", "VARCHAR"),
    ("event_type", "VARCHAR"),
    ("sub_event_type", "VARCHAR"),
    ("actor1", "VARCHAR"),
    ("assoc_actor_1", "VARCHAR"),
    ("inter1", "VARCHAR"),
    ("actor2", "VARCHAR"),
    ("assoc_actor_2", "VARCHAR"),
    ("inter2", "VARCHAR"),
    ("interaction", "VARCHAR"),
    ("civilian_targeting", "VARCHAR"),
    ("iso", "INTEGER"),
    ("region", "VARCHAR"),
    ("country", "VARCHAR"),
    ("admin1", "VARCHAR"),
    ("admin2", "VARCHAR"),
    ("admin3", "VARCHAR"),
    ("location", "VARCHAR"),
    ("latitude", "DOUBLE"),
    ("longitude", "DOUBLE"),
    ("geo_precision", "INTEGER"),
    ("source", "VARCHAR"),
    ("source_scale", "VARCHAR"),
    ("notes", "VARCHAR"),
    ("fatalities", "INTEGER"),
    ("tags", "VARCHAR"),
    ("timestamp", "BIGINT"),
]

# ACLED's actor types with their legacy numeric codes, which order an ``interaction``.
INTER_CODES = {
    "State forces": 1,
    "Rebel group": 2,
    "Political militia": 3,
    "Identity militia": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}
_STATE = ("GOV", "MIL", "COP", "SPY", "JUD", "LEG")
_CIVILIAN = ("CVL", "REF", "EDU", "MED", "JRN", "BUS", "LAB", "AGR", "REL", "SOC", "ELI")
_MILITIA = ("PRM", "UAF", "OPP", "PTY", "CRM")


def export_acled(
    con: duckdb.DuckDBPyConnection, where: str, params: list[object], path: Path
) -> int:
    """Write the events matching ``where`` that have an ACLED type to ``path`` as ACLED CSV
    (header row, comma-separated); returns the rows written."""
    sql = _sql(f"({where}) AND acled_event_type IS NOT NULL")
    try:
        with code_tables(con):
            row = con.execute(
                f"COPY ({sql}) TO '{_escape(path)}' (HEADER, DELIMITER ',')", params
            ).fetchall()
    except duckdb.Error as exc:
        raise StorageError(f"cannot export acled to {path}: {exc}") from exc
    return int(row[0][0]) if row else 0


def _sql_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _inter(side: str, first: bool) -> str:
    """SQL: ACLED's actor type (text) of the event's ``side`` (source or target)."""
    country, org, sector, code = (f"e.{side}_{f}" for f in ("country", "org", "sector", "code"))
    # the first side of a protest or riot is the crowd, unless the store says it is the state
    not_state = f"coalesce({sector}, '') NOT IN ({_sql_list(_STATE)})"
    crowd = (
        f"WHEN e.acled_event_type = 'Protests' AND {not_state} THEN 'Protesters' "
        f"WHEN e.acled_event_type = 'Riots' AND {not_state} THEN 'Rioters' "
        if first
        else ""
    )
    return f"""CASE
        WHEN {country} IS NULL AND {org} IS NULL THEN NULL
        WHEN starts_with(coalesce({code}, ''), 'IGO') OR starts_with(coalesce({code}, ''), 'NGO')
            THEN 'External/Other forces'
        {crowd}
        WHEN {sector} = 'REB' OR starts_with(coalesce({code}, ''), 'IMG') THEN 'Rebel group'
        WHEN {sector} IN ({_sql_list(_MILITIA)}) THEN 'Political militia'
        WHEN {sector} IN ({_sql_list(_CIVILIAN)}) THEN 'Civilians'
        WHEN {sector} IN ({_sql_list(_STATE)}) OR ({sector} IS NULL AND {org} IS NULL) THEN
            CASE WHEN p.country IS NOT NULL AND {country} <> p.country
                 THEN 'External/Other forces' ELSE 'State forces' END
        END"""


def _actor(side: str, names: str, first: bool) -> str:
    """SQL: the actor's name in ACLED's style where the sector says which body it is."""
    country, org, sector, text = (f"e.{side}_{f}" for f in ("country", "org", "sector", "text"))
    not_state = f"coalesce({sector}, '') NOT IN ({_sql_list(_STATE)})"
    where = f"coalesce({names}.name, cp.name, '')"
    crowd = (
        f"WHEN e.acled_event_type = 'Protests' AND {not_state} THEN 'Protesters (' || {where} "
        f"|| ')' WHEN e.acled_event_type = 'Riots' AND {not_state} THEN 'Rioters (' || {where} "
        f"|| ')' "
        if first
        else ""
    )
    return f"""CASE
        WHEN {country} IS NULL AND {org} IS NULL THEN NULL
        WHEN {org} IS NOT NULL THEN {org}
        {crowd}
        WHEN {sector} = 'MIL' THEN 'Military Forces of ' || {names}.name
        WHEN {sector} = 'COP' THEN 'Police Forces of ' || {names}.name
        WHEN {sector} = 'GOV' THEN 'Government of ' || {names}.name
        WHEN {sector} = 'CVL' THEN 'Civilians (' || {names}.name || ')'
        ELSE coalesce({names}.name, {text})
        END"""


def _sql(where: str) -> str:
    span = "date_diff('day', e.date_start, coalesce(e.date_end, e.date_start))"
    order = " ".join(f"WHEN '{name}' THEN {code}" for name, code in INTER_CODES.items())
    return f"""
WITH {reports_sql(where)},
placed AS (
    SELECT id, list_filter(places, lambda x: x.country IS NOT NULL)[1] AS p FROM sel
), sources AS (
    SELECT event_id,
           string_agg(DISTINCT coalesce(article_source, {url_host("url")}), '; '
                      ORDER BY coalesce(article_source, {url_host("url")})) AS source
    FROM reports GROUP BY event_id
), base AS (
    SELECT e.*, p, cp.name AS country_name, cp.iso_numeric,
        CASE WHEN e.date_start IS NULL THEN NULL
             WHEN {span} = 0 AND e.date_precision = 'day' THEN 1
             WHEN {span} <= 7 THEN 2 ELSE 3 END AS time_precision,
        CASE WHEN e.date_start IS NULL THEN NULL
             WHEN {span} = 0 THEN e.date_start
             ELSE e.date_start + CAST({span} // 2 AS INTEGER) END AS event_day,
        {_actor("source", "c1", first=True)} AS actor1,
        {_inter("source", first=True)} AS inter1,
        {_actor("target", "c2", first=False)} AS actor2,
        {_inter("target", first=False)} AS inter2,
        regexp_replace(trim(r.evidence), '\\s+', ' ', 'g') AS notes,
        s.source
    FROM sel e
    LEFT JOIN placed ON placed.id = e.id
    LEFT JOIN _ew_countries cp ON cp.iso3 = placed.p.country
    LEFT JOIN _ew_countries c1 ON c1.iso3 = e.source_country
    LEFT JOIN _ew_countries c2 ON c2.iso3 = e.target_country
    LEFT JOIN reports r ON r.event_id = e.id AND r.rank = 1
    LEFT JOIN sources s ON s.event_id = e.id
)
SELECT
    coalesce(p.country, 'XXX') || CAST({NUMERIC_ID.format(id="id")} AS VARCHAR) AS event_id_cnty,
    event_day AS event_date,
    year(event_day) AS year,
    time_precision,
    CASE acled_event_type
        WHEN 'Protests' THEN CASE WHEN acled_sub_event_type = 'Excessive force against protesters'
                                  THEN 'Political violence; Demonstrations' ELSE 'Demonstrations' END
        WHEN 'Riots' THEN CASE WHEN acled_sub_event_type = 'Violent demonstration'
                               THEN 'Demonstrations' ELSE 'Political violence' END
        WHEN 'Strategic developments' THEN 'Strategic developments'
        ELSE 'Political violence' END AS disorder_type,
    acled_event_type AS event_type,
    acled_sub_event_type AS sub_event_type,
    actor1,
    NULL AS assoc_actor_1,
    inter1,
    actor2,
    NULL AS assoc_actor_2,
    inter2,
    CASE WHEN inter1 IS NULL THEN NULL
         WHEN inter2 IS NULL THEN inter1 || ' only'
         WHEN (CASE inter1 {order} END) <= (CASE inter2 {order} END) THEN inter1 || '-' || inter2
         ELSE inter2 || '-' || inter1 END AS interaction,
    CASE WHEN inter2 = 'Civilians' AND acled_event_type IN
              ('Violence against civilians', 'Explosions/Remote violence', 'Battles', 'Riots')
         THEN 'Civilians targeted' END AS civilian_targeting,
    iso_numeric AS iso,
    NULL AS region,
    country_name AS country,
    CASE WHEN p.precision = 'admin1' THEN p.name ELSE p.admin1 END AS admin1,
    CASE WHEN p.precision = 'admin2' THEN p.name END AS admin2,
    NULL AS admin3,
    p.name AS location,
    round(p.lat, 4) AS latitude,
    round(p.lon, 4) AS longitude,
    CASE WHEN p.name IS NULL THEN NULL
         WHEN p.precision IN ('city', 'dateline') THEN 1
         WHEN p.precision = 'site' THEN CASE WHEN p.feature = 'S.CONTEXT' THEN 2 ELSE 1 END
         WHEN p.precision = 'admin2' THEN 2
         ELSE 3 END AS geo_precision,
    source,
    NULL AS source_scale,
    notes,
    coalesce(killed_low, 0) AS fatalities,
    NULL AS tags,
    CAST(epoch(CAST(coalesce(last_seen, first_seen) AS TIMESTAMP)) AS BIGINT) AS timestamp
FROM base
ORDER BY date_start NULLS LAST, id
"""


def _escape(path: Path) -> str:
    return str(path).replace("'", "''")
