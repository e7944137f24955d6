"""`eventwire serve`: a read-only JSON API and a dashboard over an eventwire database.

    from eventwire.serve import serve
    serve("events.duckdb")          # http://127.0.0.1:8000/  (API docs at /docs)

Modules: ``app`` (the application, errors → HTTP), ``api`` (the endpoints), ``filters`` (query
parameters → the store's filters), ``db`` (read-only access, time limits, busy file),
``exports`` (streamed downloads), ``web/`` (the page), ``generate`` and ``bench`` (a database of a
million events and the latency benchmark over it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def serve(
    path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    time_limit: float = 10.0,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the database at ``path`` until interrupted. Binds to ``host`` (loopback unless
    told otherwise: the API has no authentication). ``announce`` gets a line saying where, once
    the database has been opened and checked."""
    import uvicorn

    from .app import create_app, missing_vendor_files

    app = create_app(path, time_limit=time_limit)
    if announce is not None:
        shown = f"[{host}]" if ":" in host else host
        announce(f"serving {path} read-only at http://{shown}:{port}/ (API docs at /docs)")
        if missing_vendor_files():
            announce("the dashboard's libraries are missing: run `make web` (the API works)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


__all__ = ["serve"]
