/* The dashboard: one filter bar, four linked views, the article view.
 * The URL's query string holds the state (filters, sort, open article), so a view can be shared
 * and the back button works; every change goes through go(), which rewrites the URL and redraws
 * all views from the API with the same filters. */
"use strict";

(function () {
  const EW = window.EW;
  const FILTERS = ["actor", "source", "target", "type", "since", "until", "q", "modality", "bbox"];
  const STATE = [...FILTERS, "sort", "article", "event"];
  const PAGE = 50;
  const form = document.getElementById("filters");
  const status = document.getElementById("status");
  let state = {};
  let cursors = [null]; // cursor of each page shown so far (for "previous")
  let page = 0;
  let lastPage = null;
  let generation = 0; // drops answers to superseded requests

  function readURL() {
    const p = new URLSearchParams(location.search);
    const s = {};
    for (const k of STATE) if (p.get(k)) s[k] = p.get(k);
    return s;
  }

  function filterQuery(extra) {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (state[k]) p.set(k, state[k]);
    for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined) p.set(k, v);
    return p;
  }

  async function getJSON(path, params) {
    const r = await fetch(`${path}?${params}`);
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.error || `${path}: HTTP ${r.status}`);
    return body;
  }

  /* Change the state (null or "" removes a key), push it to the URL and redraw. */
  function go(change, { push = true, views = true } = {}) {
    const next = { ...state };
    for (const [k, v] of Object.entries(change)) {
      if (v === null || v === undefined || v === "") delete next[k]; else next[k] = v;
    }
    state = next;
    if (push) {
      const p = new URLSearchParams();
      for (const k of STATE) if (state[k]) p.set(k, state[k]);
      history.pushState(null, "", p.toString() ? `?${p}` : location.pathname);
    }
    if (views) { cursors = [null]; page = 0; refresh(); }
    showArticle();
  }

  function fillForm() {
    for (const k of ["actor", "source", "target", "type", "since", "until", "q"]) {
      form.elements[k].value = state[k] || "";
    }
    form.elements.modality.value = state.modality || "asserted";
    document.getElementById("bbox-note").textContent = state.bbox ? `in ${state.bbox}` : "";
    document.getElementById("to-view").textContent = state.bbox ? "any place" : "filter to view";
    document.getElementById("download").href = `/api/export?${filterQuery({ format: "csv" })}`;
  }

  async function refresh() {
    fillForm();
    const mine = ++generation;
    status.textContent = "loading…";
    const q = filterQuery();
    const jobs = [
      getJSON("/api/places", q).then((d) => mine === generation && map.draw(d)),
      getJSON("/api/timeline", q).then((d) => mine === generation && timeline.draw(d)),
      getJSON("/api/network", q).then((d) => mine === generation && network.draw(d)),
      loadPage(mine),
    ];
    const results = await Promise.allSettled(jobs);
    if (mine !== generation) return;
    const failed = results.filter((r) => r.status === "rejected").map((r) => r.reason.message);
    status.textContent = failed.length ? [...new Set(failed)].join("; ") : "";
    document.body.dataset.ready = String(mine);
  }

  async function loadPage(mine) {
    const q = filterQuery({ limit: PAGE, sort: state.sort || "date", cursor: cursors[page] });
    const d = await getJSON("/api/events", q);
    if (mine !== generation) return;
    lastPage = d;
    table.draw(d, state.sort || "date", page * PAGE);
    document.getElementById("prev").disabled = page === 0;
    document.getElementById("next").disabled = !d.cursor;
  }

  async function turn(step) {
    if (step > 0) {
      if (!lastPage || !lastPage.cursor) return;
      cursors[page + 1] = lastPage.cursor;
    }
    page = Math.max(0, page + step);
    try { await loadPage(generation); } catch (err) { status.textContent = err.message; }
  }

  async function showArticle() {
    if (!state.article) { articleView.hide(); return; }
    try {
      const d = await getJSON(`/api/articles/${encodeURIComponent(state.article)}`, "");
      articleView.draw(d.article, state.event);
      document.body.dataset.article = state.article;
    } catch (err) {
      status.textContent = err.message;
    }
  }

  const map = new EW.MapView((change) => go(change));
  const timeline = new EW.TimelineView((change) => go(change));
  const network = new EW.NetworkView((change) => go(change));
  const table = new EW.TableView((sort) => go({ sort }),
    (article, event) => go({ article, event }, { views: false }));
  const articleView = new EW.ArticleView(() => go({ article: "", event: "" }, { views: false }),
    (event) => go({ event }, { views: false }));

  for (const t of Object.keys(EW.TYPE_COLOURS).filter((k) => isNaN(Number(k)))) {
    form.elements.type.appendChild(EW.el("option", { value: t }, t));
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const change = {};
    for (const k of ["actor", "source", "target", "type", "since", "until", "q"]) {
      change[k] = form.elements[k].value.trim();
    }
    const modality = form.elements.modality.value;
    change.modality = modality === "asserted" ? "" : modality;
    go(change);
  });
  document.getElementById("clear").addEventListener("click", () => {
    const change = {};
    for (const k of FILTERS) change[k] = "";
    go(change);
  });
  document.getElementById("to-view").addEventListener("click", () => {
    go({ bbox: state.bbox ? "" : map.viewBox() });
  });
  document.getElementById("prev").addEventListener("click", () => turn(-1));
  document.getElementById("next").addEventListener("click", () => turn(1));
  window.addEventListener("popstate", () => {
    state = readURL();
    cursors = [null];
    page = 0;
    refresh();
    showArticle();
  });

  state = readURL();
  refresh();
  showArticle();
})();
