"""The dashboard in a real browser (Debian's chromium through Playwright) against `eventwire
serve` on the demo database. Every test also checks that no request left 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from hostile import XSS_TEXT, XSS_TITLE, XSS_URL


@pytest.fixture()
def page(browser, server: str) -> Iterator:
    """A fresh page that records (and blocks) every request to another host."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.off_host = []
    page.errors = []
    page.dialogs = []

    def route(r):
        if urlparse(r.request.url).hostname != "127.0.0.1":
            page.off_host.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    context.route("**/*", route)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    assert page.off_host == [], "requests left the host"
    assert page.errors == []
    context.close()


def _ready(page, before: str | None = None) -> None:
    """Wait until the four views have drawn (after ``before``'s generation, if given)."""
    page.wait_for_function(
        "b => document.body.dataset.ready && document.body.dataset.ready !== b",
        arg=before or "", timeout=30000)


def _timeline_total(page) -> int:
    titles = page.eval_on_selector_all("#timeline rect.bar title", "ts => ts.map(t => t.textContent)")
    return sum(int(t.rsplit(" ", 1)[1]) for t in titles)


def _places(page) -> dict[str, int]:
    items = page.eval_on_selector_all("#top-places li", "ls => ls.map(l => l.textContent)")
    out = {}
    for item in items:
        name, n = item.rsplit(" (", 1)
        out[name] = int(n.rstrip(")"))
    return out


def test_the_dashboard_shows_the_demo_and_filters_link_all_views(page, server: str,
                                                                 tmp_path: Path):
    page.goto(server + "/")
    _ready(page)
    total = httpx.get(server + "/api/events").json()["total"]
    rows = page.locator("#events tbody tr")
    assert rows.count() == total
    places = _places(page)
    assert {"Homs", "Idlib"} <= set(places)
    assert page.locator("#map .leaflet-interactive, #map .marker-cluster").count() > 0
    assert page.locator("#map svg path").count() > 100  # the Natural Earth country shapes
    timeline_all = _timeline_total(page)
    assert timeline_all > 0
    assert page.locator("#network g.node[data-actor=RUS]").count() == 1
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    for view in ("map-view", "timeline-view", "network-view", "table-view"):
        page.locator(f"#{view}").screenshot(path=str(tmp_path / f"{view}.png"))

    before = page.evaluate("document.body.dataset.ready")
    page.fill("#filters input[name=actor]", "RUS")
    page.click("#filters button[type=submit]")
    _ready(page, before)
    assert "actor=RUS" in page.url
    narrowed = rows.count()
    assert 0 < narrowed < total
    for row in page.eval_on_selector_all("#events tbody tr",
                                         "rs => rs.map(r => r.cells[3].textContent + ' ' + r.cells[4].textContent)"):
        assert "RUS" in row
    assert 0 < _timeline_total(page) < timeline_all
    narrowed_places = _places(page)
    assert sum(narrowed_places.values()) <= sum(places.values())
    assert set(narrowed_places) <= set(places)

    page.reload()  # the filters live in the URL
    _ready(page)
    assert page.input_value("#filters input[name=actor]") == "RUS" and rows.count() == narrowed


def test_clicking_an_event_highlights_its_evidence(page, server: str, tmp_path: Path):
    page.goto(server + "/?actor=RUS&type=ASSAULT")
    _ready(page)
    row = page.locator("#events tbody tr", has_text="Homs").first
    evidence = row.locator("td.evidence").inner_text()
    row.click()
    page.wait_for_selector("#article:not([hidden]) mark.k-trigger")
    assert "article=" in page.url and "event=" in page.url
    sentence = page.eval_on_selector_all(
        "#article-text .sentence", "ss => ss.map(s => s.textContent).join('')")
    assert sentence.strip() == evidence.strip()
    kinds = set(page.eval_on_selector_all("#article-text mark", "ms => ms.map(m => m.className)"))
    assert {"k-trigger", "k-source", "k-target"} <= kinds
    colours = {page.eval_on_selector(f"#article-text mark.{k}",
                                     "m => getComputedStyle(m).backgroundColor")
               for k in ("k-trigger", "k-source", "k-target")}
    assert len(colours) == 3
    assert page.locator("#article-events li").count() > 1
    assert page.locator("#article-events li.selected").count() == 1
    page.locator("#article").screenshot(path=str(tmp_path / "article.png"))


def test_hostile_article_text_is_shown_literally(page, server: str):
    found = httpx.get(server + "/api/events", params={"q": "warplanes", "modality": "any"}).json()
    event = next(e for e in found["events"] if "warplanes" in e["evidence"])
    page.goto(f"{server}/?article={event['article_id']}&event={event['id']}")
    page.wait_for_selector("#article:not([hidden]) mark.k-trigger")
    page.wait_for_timeout(300)  # give any injected handler its chance
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.inner_text("#article-title") == XSS_TITLE
    stored = httpx.get(f"{server}/api/articles/{event['article_id']}").json()["article"]["text"]
    assert stored.endswith(XSS_TEXT)  # ingest keeps the markup as text (title first)
    assert page.eval_on_selector("#article-text", "e => e.textContent") == stored
    assert page.eval_on_selector_all("#article img, #article script, #article-text a, "
                                     "#article-title *", "es => es.length") == 0
    meta = page.inner_text("#article-meta")
    assert XSS_URL in meta and "<i>Hostile Wire</i>" in meta
    assert page.eval_on_selector_all("a[href^='javascript']", "es => es.length") == 0


def test_brushing_the_timeline_sets_the_date_filter(page, server: str):
    page.goto(server + "/")
    _ready(page)
    box = page.locator("#timeline").bounding_box()
    before = page.evaluate("document.body.dataset.ready")
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.5, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.mouse.up()
    _ready(page, before)
    assert "since=" in page.url and "until=" in page.url
    since = page.input_value("#filters input[name=since]")
    assert since and since == httpx.URL(page.url).params["since"]


def test_api_docs_load_from_this_host(page, server: str):
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30000)
    assert page.locator(".swagger-ui .opblock").count() >= 8
