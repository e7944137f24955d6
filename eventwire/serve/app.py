"""The web application: the JSON API, its OpenAPI docs, and the dashboard page.

``create_app(path)`` builds it over a DuckDB file or a Spark Parquet folder, opened read-only.
Errors become answers here, in one place: a bad parameter is a 422 naming it, a missing event a
404, a busy database or a query past its time limit a 503 saying what to do; anything else from
the database is a 503 too, never a 500 with a traceback.

The dashboard's own files live in ``web/``; the libraries it uses (Leaflet, the Natural Earth
country shapes of world-atlas, Swagger UI for ``/docs``) are npm packages that ``make web``
copies into ``web/vendor/`` (git-ignored). Every page is served with a Content-Security-Policy
that allows nothing but this host, so even a slip in rendering article text could run no script.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import ConfigError, StorageError
from .api import router
from .db import Database, DatabaseBusy, QueryTimeout
from .filters import BadParameter

WEB = Path(__file__).resolve().parent / "web"
VENDOR = WEB / "vendor"
VENDOR_FILES = ("leaflet.js", "leaflet.css", "leaflet.markercluster.js", "MarkerCluster.css",
                "MarkerCluster.Default.css", "topojson-client.min.js", "countries-110m.json",
                "swagger-ui-bundle.js", "swagger-ui.css")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")


def missing_vendor_files() -> list[str]:
    """The dashboard's library files not yet copied from npm (``make web`` copies them)."""
    return [name for name in VENDOR_FILES if not (VENDOR / name).is_file()]


def create_app(path: str | Path, *, time_limit: float = 10.0, idle_close: float = 2.0) -> FastAPI:
    """The app over the database at ``path`` (DuckDB file or Parquet folder), read-only.

    Raises StorageError now when the database cannot be opened (missing, not eventwire's)."""
    db = Database(path, time_limit=time_limit, idle_close=idle_close)
    db.check()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db.start()
        try:
            yield
        finally:
            db.stop()

    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political events coded from news (PLOVER + CAMEO), read-only. Country "
        "codes are ISO 3166-1 alpha-3. Every list endpoint takes the same filters.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    app.include_router(router)
    _errors(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        if request.url.path != "/docs":  # Swagger UI starts itself with an inline script
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="eventwire API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        missing = missing_vendor_files()
        if missing:
            return PlainTextResponse(
                "The dashboard's libraries are missing (" + ", ".join(missing) + "): run "
                "`make web` in the eventwire checkout. The API works: see /docs.",
                status_code=503,
            )
        return FileResponse(WEB / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    return app


def _problem(status: int, name: str | None, message: str, headers: dict | None = None) -> JSONResponse:
    detail = [{"loc": ["query", name] if name else [], "msg": message}]
    return JSONResponse({"error": message, "detail": detail}, status_code=status, headers=headers)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = str(exc.detail)
        return JSONResponse({"error": message, "detail": message}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> JSONResponse:
        return _problem(422, exc.name, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        lines = []
        for e in errors:
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path"))
            lines.append(f"{where}: {e.get('msg', 'invalid')}")
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in errors]
        return JSONResponse({"error": "; ".join(lines), "detail": detail}, status_code=422)

    @app.exception_handler(ConfigError)
    async def config(request: Request, exc: ConfigError) -> JSONResponse:
        return _problem(422, None, str(exc))

    @app.exception_handler(DatabaseBusy)
    async def busy(request: Request, exc: DatabaseBusy) -> JSONResponse:
        return _problem(503, None, str(exc), {"Retry-After": "2"})

    @app.exception_handler(QueryTimeout)
    async def slow(request: Request, exc: QueryTimeout) -> JSONResponse:
        return _problem(503, None, str(exc))

    @app.exception_handler(StorageError)
    async def storage(request: Request, exc: StorageError) -> JSONResponse:
        return _problem(503, None, f"the database cannot answer: {exc}")

    @app.exception_handler(duckdb.Error)
    async def database(request: Request, exc: duckdb.Error) -> JSONResponse:
        return _problem(503, None, f"the database cannot answer: {exc}")
