"""The store: eventwire's database (DuckDB), the only code that writes it, and its exports.

Example::

    from eventwire.store import Store
    with Store.open("events.duckdb") as store:
        counts = store.write_batch(articles, events, failures)
        rows = store.query_events(actor="RUS", since=date(2015, 10, 1))
        store.export("jsonl", "out/events.jsonl")

``Store.open(folder, read_only=True)`` reads the Parquet folder of a Spark run the same way
(``parquet_dir``).
"""

from .duckdb_store import Store, WriteCounts
from .export import FORMATS as EXPORT_FORMATS

__all__ = ["EXPORT_FORMATS", "Store", "WriteCounts"]
