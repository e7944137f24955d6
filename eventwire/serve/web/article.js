/* The article view: the article's text with the chosen event's evidence highlighted in place
 * (its sentence, and trigger, source, target, place and time spans in distinct colours), and
 * the other events of the article beside it.
 *
 * Spans are character offsets counted in code points (Python's), so the text is cut with
 * Array.from (code points), not with String.slice (UTF-16 units). Everything from the article is
 * inserted as text nodes: a title or body holding <script> shows those characters, runs nothing. */
"use strict";

(function () {
  const EW = window.EW;
  // When spans overlap, the colour of the first kind here wins.
  const KINDS = ["trigger", "source", "target", "place", "time"];

  function spansOf(mention) {
    const out = [];
    const s = mention.spans;
    if (s.sentence) out.push({ kind: "sentence", start: s.sentence[0], end: s.sentence[1] });
    for (const kind of ["trigger", "source", "target", "time"]) {
      if (s[kind]) out.push({ kind, start: s[kind][0], end: s[kind][1] });
    }
    for (const p of s.places || []) out.push({ kind: "place", start: p[0], end: p[1] });
    return out;
  }

  /* Fill ``container`` with ``text``, the spans of ``mentions`` wrapped in marks. */
  function highlight(container, text, mentions) {
    const chars = Array.from(text);
    const spans = mentions.flatMap(spansOf)
      .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(chars.length, s.end) }))
      .filter((s) => s.end > s.start);
    const cuts = new Set([0, chars.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    container.replaceChildren();
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      const piece = document.createTextNode(chars.slice(a, b).join(""));
      const here = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.kind);
      const kind = KINDS.find((k) => here.includes(k));
      let node = piece;
      if (kind) {
        node = document.createElement("mark");
        node.className = `k-${kind}`;
        node.dataset.kinds = here.filter((k) => k !== "sentence").join(" ");
        node.appendChild(piece);
      }
      if (here.includes("sentence")) {
        const wrap = document.createElement("span");
        wrap.className = "sentence";
        wrap.appendChild(node);
        node = wrap;
      }
      container.appendChild(node);
    }
  }

  /* Only http(s) links are links; anything else (javascript:, data:) is shown as text. */
  function safeLink(url) {
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (err) {
      return null;
    }
  }

  EW.ArticleView = class {
    constructor(onClose, onSelect) {
      this.panel = document.getElementById("article");
      this.onSelect = onSelect;
      document.getElementById("close-article").addEventListener("click", onClose);
      document.addEventListener("keydown", (e) => { if (e.key === "Escape") onClose(); });
    }

    hide() { this.panel.hidden = true; }

    draw(article, eventId) {
      this.panel.hidden = false;
      document.getElementById("article-title").textContent = article.title || "(no title)";
      const meta = document.getElementById("article-meta");
      meta.replaceChildren();
      meta.append([article.published, article.source].filter(Boolean).join(" · "));
      if (article.url) {
        meta.append(" · ");
        const href = safeLink(article.url);
        if (href) {
          const a = EW.el("a", { href, rel: "noopener noreferrer", target: "_blank" }, article.url);
          meta.appendChild(a);
        } else {
          meta.appendChild(EW.el("span", { class: "url" }, article.url));
        }
      }
      const chosen = article.mentions.filter((m) => m.event_id === eventId);
      const textBox = document.getElementById("article-text");
      highlight(textBox, article.text, chosen);
      const list = document.querySelector("#article-events ol");
      list.replaceChildren();
      const seen = new Set();
      for (const m of article.mentions) {
        if (seen.has(m.event_id)) continue;
        seen.add(m.event_id);
        const who = (c, o) => c || o || "?";
        const label = `${m.plover_type} (${m.cameo_code}) ${who(m.source_country, m.source_org)}` +
          ` → ${who(m.target_country, m.target_org)}` + (m.date_start ? `, ${m.date_start}` : "") +
          (m.event_modality !== "asserted" ? ` [${m.event_modality}]` : "");
        const item = EW.el("li", { "data-event": m.event_id }, label);
        item.classList.toggle("selected", m.event_id === eventId);
        item.addEventListener("click", () => this.onSelect(m.event_id));
        list.appendChild(item);
      }
      const first = textBox.querySelector("mark, .sentence");
      if (first) first.scrollIntoView({ block: "center" });
    }
  };
})();
