/* The four linked views of the dashboard: map, timeline, network and table.
 * Each takes the JSON of its API endpoint and draws it; none computes data of its own.
 * Text from the database is only ever put in the page as text (textContent, createTextNode),
 * never as HTML. Each view calls back (onFilter) when the user picks something in it. */
"use strict";

const EW = window.EW || (window.EW = {});
const SVG = "http://www.w3.org/2000/svg";

/* Colours of the PLOVER types: cooperation in greens and blues, conflict in oranges and reds. */
EW.TYPE_COLOURS = {
  AGREE: "#8fd19e", CONSULT: "#5fb878", SUPPORT: "#2f9e5a", CONCEDE: "#1f7a46",
  COOPERATE: "#6baed6", AID: "#3182bd", RETREAT: "#08519c", REQUEST: "#fdd49e",
  ACCUSE: "#fdbb84", REJECT: "#fc8d59", THREATEN: "#ef6548", PROTEST: "#d7301f",
  SANCTION: "#b30000", MOBILIZE: "#a05195", COERCE: "#7f0000", ASSAULT: "#3d0000",
  1: "#8fd19e", 2: "#3182bd", 3: "#fc8d59", 4: "#b30000",
};

function el(name, attrs, text) {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
function svg(name, attrs) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}
function titled(node, text) {
  const title = svg("title");
  title.textContent = text;
  node.appendChild(title);
  return node;
}
EW.el = el;

/* ---- map: Natural Earth countries (world-atlas, no tiles), places as clustered circles ---- */

EW.MapView = class {
  constructor(onFilter) {
    this.onFilter = onFilter;
    this.map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([30, 20], 2);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Natural Earth (world-atlas)");
    this.markers = L.markerClusterGroup({ maxClusterRadius: 30, showCoverageOnHover: false });
    this.map.addLayer(this.markers);
    fetch("/static/vendor/countries-110m.json").then((r) => r.json()).then((topo) => {
      const land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        style: { color: "#8a8a80", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 },
        interactive: false,
      }).addTo(this.map).bringToBack();
    });
  }

  draw(geojson) {
    this.markers.clearLayers();
    const bounds = [];
    const list = document.getElementById("top-places");
    list.replaceChildren();
    for (const f of geojson.features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const marker = L.circleMarker([lat, lon], {
        radius: 4 + Math.sqrt(p.n) * 2, color: "#7a1f1f", weight: 1,
        fillColor: "#d9534f", fillOpacity: 0.7,
      });
      marker.n = p.n;
      marker.bindTooltip(el("span", {}, `${p.name}: ${p.n} events`));
      marker.on("click", () => this.pick(lat, lon));
      this.markers.addLayer(marker);
      bounds.push([lat, lon]);
    }
    for (const f of geojson.features.slice(0, 9)) {
      const item = el("li", { title: "filter to this place" },
        `${f.properties.name} (${f.properties.n})`);
      const [lon, lat] = f.geometry.coordinates;
      item.addEventListener("click", () => this.pick(lat, lon));
      list.appendChild(item);
    }
    if (geojson.truncated) {
      list.appendChild(el("li", {}, `… ${geojson.total_places} places in all`));
    }
    if (bounds.length) this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
  }

  pick(lat, lon) {
    const d = 0.1;
    const bbox = [lon - d, lat - d, lon + d, lat + d].map((v) => v.toFixed(4));
    this.onFilter({ bbox: bbox.join(",") });
  }

  viewBox() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
      .map((v) => v.toFixed(4)).join(",");
  }
};

/* ---- timeline: bars per period stacked by type; dragging sets the date filter ---- */

const DAY = 86400000;
function utc(iso) { return Date.parse(iso + "T00:00:00Z"); }
function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
function periodEnd(start, interval) {
  const d = new Date(start);
  if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return start + (interval === "week" ? 7 : 1) * DAY;
}

EW.TimelineView = class {
  constructor(onFilter) {
    this.onFilter = onFilter;
    this.svg = document.getElementById("timeline");
    this.svg.addEventListener("dblclick", () => this.onFilter({ since: "", until: "" }));
    this.svg.addEventListener("mousedown", (e) => this.startBrush(e));
  }

  draw(data) {
    const box = this.svg.getBoundingClientRect();
    const W = Math.max(box.width, 200), H = Math.max(box.height, 120);
    const m = { l: 36, r: 8, t: 8, b: 22 };
    this.svg.replaceChildren();
    this.svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const counts = data.counts;
    const legend = document.getElementById("timeline-legend");
    legend.replaceChildren();
    if (!counts.length) {
      const t = svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" });
      t.textContent = "no dated events";
      this.svg.appendChild(t);
      this.scale = null;
      return;
    }
    const periods = new Map();
    for (const c of counts) {
      const p = periods.get(c.period) || [];
      p.push(c);
      periods.set(c.period, p);
    }
    const starts = [...periods.keys()].map(utc);
    const x0 = Math.min(...starts);
    const x1 = Math.max(...starts.map((s) => periodEnd(s, data.interval)));
    let top = 0;
    for (const p of periods.values()) top = Math.max(top, p.reduce((a, c) => a + c.n, 0));
    const x = (ms) => m.l + ((ms - x0) / (x1 - x0)) * (W - m.l - m.r);
    const y = (n) => H - m.b - (n / top) * (H - m.t - m.b);
    this.scale = { x0, x1, left: m.l, width: W - m.l - m.r, W, H, m };
    const keys = new Set();
    for (const [period, parts] of periods) {
      const s = utc(period);
      const left = x(s), width = Math.max(1, x(periodEnd(s, data.interval)) - left - 1);
      let base = 0;
      for (const c of parts) {
        keys.add(c.key);
        const rect = svg("rect", {
          class: "bar", x: left, width, y: y(base + c.n), height: y(base) - y(base + c.n),
          fill: EW.TYPE_COLOURS[c.key] || "#999",
        });
        titled(rect, `${period} (${data.interval}): ${c.key} ${c.n}`);
        this.svg.appendChild(rect);
        base += c.n;
      }
    }
    const axis = (text, ax, ay, anchor) => {
      const t = svg("text", { x: ax, y: ay, "text-anchor": anchor });
      t.textContent = text;
      this.svg.appendChild(t);
    };
    axis(iso(x0), m.l, H - 6, "start");
    axis(iso(x1 - DAY), W - m.r, H - 6, "end");
    axis(String(top), m.l - 4, m.t + 10, "end");
    axis("0", m.l - 4, H - m.b, "end");
    for (const k of keys) {
      const item = el("span", {}, String(k));
      const swatch = el("i");
      swatch.style.background = EW.TYPE_COLOURS[k] || "#999";
      item.prepend(swatch);
      legend.appendChild(item);
    }
  }

  toDate(clientX) {
    const s = this.scale;
    const box = this.svg.getBoundingClientRect();
    const px = ((clientX - box.left) / box.width) * s.W;
    const f = Math.min(1, Math.max(0, (px - s.left) / s.width));
    return s.x0 + f * (s.x1 - s.x0);
  }

  startBrush(e) {
    if (!this.scale) return;
    e.preventDefault();
    const s = this.scale;
    const box = this.svg.getBoundingClientRect();
    const toPx = (cx) => ((cx - box.left) / box.width) * s.W;
    const startX = e.clientX;
    const rect = svg("rect", { class: "brush", y: s.m.t, height: s.H - s.m.t - s.m.b,
      x: toPx(startX), width: 0 });
    this.svg.appendChild(rect);
    const move = (ev) => {
      const a = toPx(Math.min(startX, ev.clientX)), b = toPx(Math.max(startX, ev.clientX));
      rect.setAttribute("x", a);
      rect.setAttribute("width", b - a);
    };
    const up = (ev) => {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", up);
      if (Math.abs(ev.clientX - startX) < 4) { rect.remove(); return; }
      const a = this.toDate(Math.min(startX, ev.clientX));
      const b = this.toDate(Math.max(startX, ev.clientX));
      this.onFilter({ since: iso(a), until: iso(Math.max(a, b - 1)) });
    };
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up);
  }
};

/* ---- network: actors on a circle, busiest first; edges curved source → target ---- */

EW.NetworkView = class {
  constructor(onFilter) {
    this.onFilter = onFilter;
    this.svg = document.getElementById("network");
  }

  draw(data) {
    const box = this.svg.getBoundingClientRect();
    const W = Math.max(box.width, 200), H = Math.max(box.height, 120);
    this.svg.replaceChildren();
    this.svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const defs = svg("defs");
    for (const [id, colour] of [["coop", "#2a9d4b"], ["conf", "#d1495b"]]) {
      const marker = svg("marker", { id: `arrow-${id}`, viewBox: "0 0 10 10", refX: 10, refY: 5,
        markerUnits: "userSpaceOnUse", markerWidth: 9, markerHeight: 9, orient: "auto" });
      marker.appendChild(svg("path", { d: "M0,0L10,5L0,10z", fill: colour }));
      defs.appendChild(marker);
    }
    this.svg.appendChild(defs);
    const nodes = [...data.nodes].sort((a, b) => (b.in + b.out) - (a.in + a.out)).slice(0, 40);
    if (!nodes.length) {
      const t = svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" });
      t.textContent = "no dyads";
      this.svg.appendChild(t);
      return;
    }
    const cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 40;
    const pos = new Map();
    nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      pos.set(n.id, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a, n });
    });
    const radius = (n) => 4 + Math.sqrt(n.in + n.out);
    const maxN = Math.max(...data.edges.map((e) => e.n));
    for (const e of data.edges) {
      const s = pos.get(e.source), t = pos.get(e.target);
      if (!s || !t || s === t) continue;
      const coop = (e.goldstein ?? 0) >= 0;
      // bend to the right of the direction, so A→B and B→A are two arcs
      const mx = (s.x + t.x) / 2 + (t.y - s.y) * 0.15, my = (s.y + t.y) / 2 - (t.x - s.x) * 0.15;
      const dx = t.x - mx, dy = t.y - my, len = Math.hypot(dx, dy) || 1;
      const r = radius(t.n) + 2;
      const path = svg("path", {
        class: "edge", d: `M${s.x},${s.y} Q${mx},${my} ${t.x - (dx / len) * r},${t.y - (dy / len) * r}`,
        stroke: coop ? "#2a9d4b" : "#d1495b", "stroke-opacity": 0.65,
        "stroke-width": 1 + 5 * Math.sqrt(e.n / maxN),
        "marker-end": `url(#arrow-${coop ? "coop" : "conf"})`,
        "data-source": e.source, "data-target": e.target,
      });
      const g = e.goldstein === null ? "?" : e.goldstein.toFixed(1);
      titled(path, `${e.source} → ${e.target}: ${e.n} events, mean Goldstein ${g} ` +
        `(${e.cooperation} cooperation, ${e.conflict} conflict)`);
      path.addEventListener("click", () => this.onFilter({ source: e.source, target: e.target,
        actor: "" }));
      this.svg.appendChild(path);
    }
    for (const { x, y, a, n } of pos.values()) {
      const g = svg("g", { class: "node", "data-actor": n.id });
      g.appendChild(svg("circle", { cx: x, cy: y, r: radius(n), fill: "#34495e" }));
      const label = svg("text", { x: x + Math.cos(a) * (radius(n) + 4),
        y: y + Math.sin(a) * (radius(n) + 4) + 4,
        "text-anchor": Math.cos(a) < -0.2 ? "end" : Math.cos(a) > 0.2 ? "start" : "middle" });
      label.textContent = n.id;
      g.appendChild(label);
      titled(g, `${n.id}: ${n.out} as source, ${n.in} as target`);
      g.addEventListener("click", () => this.onFilter({ actor: n.id, source: "", target: "" }));
      this.svg.appendChild(g);
    }
    if (data.truncated) {
      const t = svg("text", { x: 4, y: H - 4 });
      t.textContent = `busiest ${data.edges.length} of ${data.total_dyads} dyads`;
      this.svg.appendChild(t);
    }
  }
};

/* ---- table: one page of events; headers sort, rows open the article view ---- */

EW.TableView = class {
  constructor(onSort, onOpen) {
    this.onOpen = onOpen;
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      th.addEventListener("click", () => {
        const key = th.dataset.sort;
        onSort(this.sort === key ? `-${key}` : key);
      });
    }
  }

  draw(page, sort, offset) {
    this.sort = sort;
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      th.classList.toggle("asc", sort === th.dataset.sort);
      th.classList.toggle("desc", sort === `-${th.dataset.sort}`);
    }
    const body = document.querySelector("#events tbody");
    body.replaceChildren();
    for (const e of page.events) {
      const when = e.date_start === e.date_end || !e.date_end ? (e.date_start || "")
        : `${e.date_start}…${e.date_end}`;
      const places = (e.places || []).map((p) => p.name).join(", ");
      const row = el("tr", { "data-event": e.id });
      const cells = [when, e.plover_type, e.cameo_code, e.source_country || e.source_org || "",
        e.target_country || e.target_org || "", places, e.evidence || "",
        e.confidence === null ? "" : e.confidence.toFixed(2), e.n_articles];
      cells.forEach((c, i) => row.appendChild(el("td", i === 6 ? { class: "evidence" } : {}, c)));
      row.addEventListener("click", () => this.onOpen(e.article_id, e.id));
      body.appendChild(row);
    }
    const total = page.total.toLocaleString("en");
    document.getElementById("total").textContent = `(${total})`;
    document.getElementById("range").textContent = page.count
      ? `${offset + 1}–${offset + page.count} of ${total}` : "no events";
  }
};
