"""PLOVER export (JSON lines, the PLOVER manual's field names) and POLECAT export (the weekly TSV
release's 40 columns).

PLOVER (Open Event Data Alliance, PLOVER manual, chapter "Data Fields"): one JSON object per line
with ``id``, ``date``, ``enddate``, ``actor`` and ``recipient`` (lists of entity objects with
``code`` — ISO3 country, or IGO/UNO/EUR/NGO/IMG/MNC for organisations — ``sector`` and
``entity_text``), ``event`` (list), ``mode`` and ``context`` (lists; a negated, denied, future or
hypothetical event carries PLOVER's special context ``negation``/``future``/``hypothetical``),
``quad_code`` and ``event_scale`` (PLOVER's quad class and base score of the type),
``event_loc`` (GeoNames location: ``geonameid``, ``resolved_place``, ``lat``, ``lon``,
``province``, ``country_code`` ISO3, ``feature_class``, ``feature_code``, ``resolution`` 5
sub-city .. 1 country), ``event_text`` (the evidence sentence of each report), ``size``
(``dead``/``injured``: the most conservative reported figures), ``text_info`` (sentence number and
character offsets of the first report's sentence), ``cite_info`` (the first report's url, title,
outlet, language) and ``coder``. As the manual invites, eventwire adds named fields of its own:
``cameo_code``, ``confidence``, ``n_articles``, ``n_sources``. A field eventwire does not know is
``null``.

POLECAT (the Harvard Dataverse weekly files): tab-separated with a header row, the release's 40
columns in order; the ones the store cannot fill (COW codes, titles, Wikipedia ids, the story's
people/organisations/locations) are empty.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from .. import __version__
from ..errors import StorageError
from .export_codes import code_tables, reports_sql

CODER = f"eventwire {__version__}"

POLECAT_COLUMNS: list[str] = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
]  # fmt: skip

# PLOVER's special contexts for what did not (or not yet) happen (manual: "Special contexts").
_MODALITY_CONTEXT = (
    "CASE e.modality WHEN 'negated' THEN 'negation' WHEN 'denied' THEN 'negation' "
    "WHEN 'future' THEN 'future' WHEN 'hypothetical' THEN 'hypothetical' END"
)


def export_plover(
    con: duckdb.DuckDBPyConnection, where: str, params: list[object], path: Path
) -> int:
    """Write the events matching ``where`` as PLOVER JSON lines; returns the rows written."""
    return _copy(con, _plover_sql(where), params, path, "FORMAT json", "plover")


def export_polecat(
    con: duckdb.DuckDBPyConnection, where: str, params: list[object], path: Path
) -> int:
    """Write the events matching ``where`` as a POLECAT weekly TSV; returns the rows written."""
    options = "DELIMITER '\t', HEADER true, QUOTE '', ESCAPE ''"
    return _copy(con, _polecat_sql(where), params, path, options, "polecat")


def _copy(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: list[object],
    path: Path,
    options: str,
    fmt: str,
) -> int:
    target = "'" + str(path).replace("'", "''") + "'"
    try:
        with code_tables(con):
            row = con.execute(f"COPY ({sql}) TO {target} ({options})", params).fetchall()
    except duckdb.Error as exc:
        raise StorageError(f"cannot export {fmt} to {path}: {exc}") from exc
    return int(row[0][0]) if row else 0


def _code(side: str) -> str:
    """SQL: PLOVER's top-level actor code: ISO3 for a state actor, a non-state code for an
    organisation (from its CAMEO code's first three letters)."""
    country, org, code = (f"e.{side}_{f}" for f in ("country", "org", "code"))
    return f"""CASE
        WHEN {org} IS NULL THEN {country}
        WHEN {org} = 'UN' OR starts_with(coalesce({code}, ''), 'IGOUNO') THEN 'UNO'
        WHEN {org} = 'EU' THEN 'EUR'
        WHEN left({code}, 3) IN ('IGO', 'NGO', 'IMG', 'MNC', 'ISM') THEN left({code}, 3)
        ELSE coalesce({country}, 'IGO') END"""


def _entity(side: str) -> str:
    country, org, sector, text = (f"e.{side}_{f}" for f in ("country", "org", "sector", "text"))
    return f"""CASE WHEN {country} IS NULL AND {org} IS NULL THEN [] ELSE [
        struct_pack(code := {_code(side)}, sector := {sector}, entity_text := {text})] END"""


_PLACED = """placed AS (
    SELECT id, list_filter(places, lambda x: x.country IS NOT NULL)[1] AS p FROM sel
)"""

_RESOLUTION = """CASE p.precision WHEN 'site' THEN 5 WHEN 'city' THEN 4 WHEN 'dateline' THEN 4
    WHEN 'admin2' THEN 3 WHEN 'admin1' THEN 2 WHEN 'country' THEN 1 END"""


def _plover_sql(where: str) -> str:
    day = "coalesce(e.date_start, e.first_seen)"
    return f"""
WITH {reports_sql(where)},
{_PLACED},
texts AS (
    SELECT event_id, list(evidence ORDER BY rank) AS event_text FROM reports GROUP BY event_id
)
SELECT
    e.id AS id,
    strftime({day}, '%Y-%m-%d') AS date,
    CASE WHEN e.date_end IS NOT NULL AND e.date_end <> e.date_start
         THEN strftime(e.date_end, '%Y-%m-%d') END AS enddate,
    {_entity("source")} AS actor,
    {_entity("target")} AS recipient,
    [e.plover_type] AS event,
    list_filter([e.plover_mode], lambda x: x IS NOT NULL) AS mode,
    list_filter([e.plover_context, {_MODALITY_CONTEXT}], lambda x: x IS NOT NULL) AS context,
    pt.quad AS quad_code,
    pt.score AS event_scale,
    CASE WHEN p.name IS NOT NULL THEN struct_pack(
        geonameid := p.geonameid,
        resolved_place := p.name,
        lat := p.lat,
        lon := p.lon,
        province := CASE WHEN p.precision = 'admin1' THEN p.name ELSE p.admin1 END,
        country_code := p.country,
        feature_class := nullif(split_part(p.feature, '.', 1), ''),
        feature_code := nullif(split_part(p.feature, '.', 2), ''),
        resolution := {_RESOLUTION}) END AS event_loc,
    coalesce(t.event_text, []) AS event_text,
    CASE WHEN e.killed_low IS NOT NULL OR e.injured_low IS NOT NULL
         THEN struct_pack(dead := e.killed_low, injured := e.injured_low) END AS size,
    CASE WHEN r.event_id IS NOT NULL THEN struct_pack(
        sequence := r.sentence_no, start := r.sentence_start, "end" := r.sentence_end) END
        AS text_info,
    CASE WHEN r.event_id IS NOT NULL THEN struct_pack(
        corpus := 'eventwire', citation := r.input_ref, url := r.url, title := r.title,
        language := r.language, publication := r.article_source, coder := '{CODER}',
        codebook := 'PLOVER') END AS cite_info,
    '{CODER}' AS coder,
    e.cameo_code AS cameo_code,
    e.confidence AS confidence,
    e.n_articles AS n_articles,
    e.n_sources AS n_sources
FROM sel e
LEFT JOIN placed ON placed.id = e.id
LEFT JOIN _ew_plover pt ON pt.type = e.plover_type
LEFT JOIN reports r ON r.event_id = e.id AND r.rank = 1
LEFT JOIN texts t ON t.event_id = e.id
ORDER BY e.date_start NULLS LAST, e.id
"""


def _clean(expr: str) -> str:
    """TSV-safe text: tabs and line breaks become spaces (the release has no quoting)."""
    return f"regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g')"


def _polecat_side(side: str, label: str, names: str) -> str:
    country, org, sector, text = (f"e.{side}_{f}" for f in ("country", "org", "sector", "text"))
    return f""",
    {_clean(f"coalesce({org}, {names}.name, {text})")} AS "{label} Name",
    CASE WHEN {country} IS NULL AND {org} IS NULL THEN NULL ELSE {_code(side)} END
        AS "{label} Country",
    NULL AS "{label} COW",
    {sector} AS "Primary {label} Sector",
    {sector} AS "{label} Sectors",
    NULL AS "{label} Title",
    {_clean(text)} AS "{label} Name Raw",
    NULL AS "Wikipedia {label} ID\""""


def _polecat_sql(where: str) -> str:
    day = "coalesce(e.date_start, e.first_seen)"
    contexts = f"list_filter([e.plover_context, {_MODALITY_CONTEXT}], lambda x: x IS NOT NULL)"
    return f"""
WITH {reports_sql(where)},
{_PLACED}
SELECT
    e.id AS "Event ID",
    strftime({day}, '%Y-%m-%d') AS "Event Date",
    e.plover_type AS "Event Type",
    e.plover_mode AS "Event Mode",
    pt.score AS "Event Intensity",
    pt.quad AS "Quad Code",
    nullif(array_to_string({contexts}, ';'), '') AS "Contexts"
    {_polecat_side("source", "Actor", "c1")}
    {_polecat_side("target", "Recipient", "c2")},
    {_clean("p.name")} AS "Placename",
    CASE WHEN p.precision IN ('city', 'dateline', 'site') THEN {_clean("p.name")} END AS "City",
    CASE WHEN p.precision = 'admin2' THEN {_clean("p.name")} END AS "District",
    {_clean("CASE WHEN p.precision = 'admin1' THEN p.name ELSE p.admin1 END")} AS "Province",
    cp.name AS "Country",
    p.lat AS "Latitude",
    p.lon AS "Longitude",
    p.geonameid AS "GeoNames ID",
    {_clean("p.name")} AS "Raw Placename",
    p.feature AS "Feature Type",
    {_clean("r.article_source")} AS "Source",
    strftime(coalesce(r.published, e.first_seen), '%Y-%m-%d') AS "Publication Date",
    NULL AS "Story People",
    NULL AS "Story Organizations",
    NULL AS "Story Locations",
    r.language AS "Language",
    '{CODER}' AS "Version"
FROM sel e
LEFT JOIN placed ON placed.id = e.id
LEFT JOIN _ew_plover pt ON pt.type = e.plover_type
LEFT JOIN _ew_countries cp ON cp.iso3 = placed.p.country
LEFT JOIN _ew_countries c1 ON c1.iso3 = e.source_country
LEFT JOIN _ew_countries c2 ON c2.iso3 = e.target_country
LEFT JOIN reports r ON r.event_id = e.id AND r.rank = 1
ORDER BY e.date_start NULLS LAST, e.id
"""
