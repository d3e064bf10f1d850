// Salvo's page: events table with filters, event view with claims and highlighted sources,
// a daily timeline and a map, all drawn as SVG by this file (no frameworks, no network but the API).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const WEAPONS = ["drone", "decoy", "missile", "cruise_missile", "ballistic_missile", "guided_bomb", "artillery", "any"];
const WEAPON_COLORS = {
  drone: "#e67e22", decoy: "#f5b041", missile: "#8e44ad", cruise_missile: "#2e86c1",
  ballistic_missile: "#c0392b", guided_bomb: "#16a085", artillery: "#7f8c8d", any: "#34495e", none: "#95a5a6",
};
const SIDE_COLORS = { RU: "#c0392b", UA: "#1f5fbf" };
const PAGE_SIZE = 50;

const state = { filters: {}, offset: 0, nextOffset: null, events: [], map: null };

// ---------------------------------------------------------------- helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(message, isError = false) {
  const s = document.getElementById("status");
  s.textContent = message;
  s.classList.toggle("error", isError);
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

function query(params) {
  const parts = [];
  for (const [k, v] of Object.entries(params)) {
    if (v !== "" && v !== null && v !== undefined) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

function sideBadge(side) {
  return el("span", { class: `side side-${side || "other"}`, text: side || "?" });
}

function headlineValue(event, quantity) {
  // An "any" (mixed) total wins over its parts, as in the store; null when nobody reported it.
  const rows = event.summary.filter((s) => s.quantity === quantity);
  if (!rows.length) return null;
  const total = rows.find((s) => !s.weapon || s.weapon === "any");
  return total ? total.headline : rows.reduce((n, s) => n + s.headline, 0);
}

function headline(event, quantity) {
  // Empty when nobody reported the quantity; launches and interceptions with their weapon classes.
  const rows = event.summary.filter((s) => s.quantity === quantity);
  const value = headlineValue(event, quantity);
  if (value === null) return "";
  const parts = rows.filter((s) => s.weapon && s.weapon !== "any");
  let text = String(value);
  if (parts.length > 1) text += ` (${parts.map((s) => `${s.weapon.replace(/_/g, " ")} ${s.headline}`).join(", ")})`;
  return rows.some((s) => s.conflict) ? `${text}*` : text;
}

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function placeNames(event) {
  return event.places.map((p) => p.name).join(", ");
}

// ---------------------------------------------------------------- filters and table

function readFilters() {
  const form = document.getElementById("filters");
  const data = new FormData(form);
  const filters = {};
  for (const [k, v] of data.entries()) if (String(v).trim() !== "") filters[k] = String(v).trim();
  return filters;
}

async function loadEvents() {
  setStatus("Loading…");
  try {
    const page = await api(`/api/events${query({ ...state.filters, limit: PAGE_SIZE, offset: state.offset })}`);
    state.events = page.events;
    state.nextOffset = page.next_offset;
    renderTable();
    loadMapEvents();
    const last = state.offset + page.events.length;
    setStatus(page.events.length ? `Events ${state.offset + 1}–${last}` : "No events match these filters.");
  } catch (error) {
    setStatus(`Could not load events: ${error.message}`, true);
  }
  try {
    let { since, until, place, attacker, weapon, min_killed, text } = state.filters;
    const caption = document.querySelector("#timeline-figure figcaption");
    caption.textContent = "Daily: launched vs intercepted by weapon class; killed and injured";
    if (!since && !until) {
      // Without a date filter, chart the 90 days up to the newest matching event: a daily chart of
      // years is unreadable, and the store would have to aggregate every event on each page load.
      const newest = state.events.map((e) => e.date).filter(Boolean).sort().pop();
      if (newest) {
        until = newest;
        since = addDays(newest, -89);
        caption.textContent += ` (${since} to ${until}; set dates to change)`;
      }
    }
    const stats = await api(`/api/stats/daily${query({ since, until, place, attacker, weapon, min_killed, text })}`);
    renderTimeline(stats.days, since, until);
  } catch (error) {
    setStatus(`Could not load the timeline: ${error.message}`, true);
  }
}

function renderTable() {
  const body = document.querySelector("#events-table tbody");
  body.replaceChildren();
  for (const event of state.events) {
    const row = el("tr", { "data-id": event.id, tabindex: "0" },
      el("td", { text: event.date || "—" }),
      el("td", { text: placeNames(event) || "—" }),
      el("td", {}, event.attacker ? sideBadge(event.attacker) : "—"),
      el("td", { class: "num", text: headline(event, "launched") }),
      el("td", { class: "num", text: headline(event, "intercepted") }),
      el("td", { class: "num", text: headline(event, "killed") }),
      el("td", { class: "num", text: headline(event, "injured") }),
      el("td", { class: "num", text: event.documents.length }));
    row.addEventListener("click", () => openEvent(event.id));
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") openEvent(event.id); });
    body.append(row);
  }
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = state.nextOffset === null;
  document.getElementById("page-info").textContent = state.events.length ? `page ${Math.floor(state.offset / PAGE_SIZE) + 1}` : "";
}

// ---------------------------------------------------------------- timeline

function renderTimeline(days, since, until) {
  const chart = document.getElementById("timeline");
  chart.replaceChildren();
  const W = 720, left = 44, right = 8, top = 20, launchH = 180, gap = 34, casualtyH = 90;
  const byDay = new Map();
  for (const d of days) {
    if (!byDay.has(d.date)) byDay.set(d.date, { weapons: {}, killed: 0, injured: 0 });
    const day = byDay.get(d.date);
    const key = d.weapon || "none";
    const w = day.weapons[key] || (day.weapons[key] = { launched: 0, intercepted: 0 });
    w.launched += d.launched;
    w.intercepted += d.intercepted;
    // Casualties carry no weapon class: they sit in the day's row without one, so a sum is exact.
    day.killed += d.killed;
    day.injured += d.injured;
  }
  const dates = [...byDay.keys()].sort();
  if (!dates.length) {
    chart.append(svg("text", { x: W / 2, y: 120, "text-anchor": "middle", class: "axis" }, "No daily figures for these filters"));
    renderLegend([]);
    return;
  }
  // The axis is calendar days, so quiet days show as gaps rather than vanishing.
  const first = since && since < dates[0] ? since : dates[0];
  const last = until && until > dates[dates.length - 1] ? until : dates[dates.length - 1];
  const dayIndex = (d) => Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86400000);
  const span = dayIndex(last) + 1;
  const plotW = W - left - right;
  const slot = plotW / span;
  const barW = Math.max(1, Math.min(14, slot / 2 - 1));
  let maxLaunch = 1, maxCas = 1;
  const used = new Set();
  for (const day of byDay.values()) {
    let l = 0, i = 0;
    for (const [k, w] of Object.entries(day.weapons)) { l += w.launched; i += w.intercepted; if (w.launched || w.intercepted) used.add(k); }
    maxLaunch = Math.max(maxLaunch, l, i);
    maxCas = Math.max(maxCas, day.killed, day.injured);
  }
  const yL = (v) => top + launchH - (v / maxLaunch) * launchH;
  const casTop = top + launchH + gap;
  const yC = (v) => casTop + casualtyH - (v / maxCas) * casualtyH;

  for (const [v, y] of [[0, yL(0)], [maxLaunch, yL(maxLaunch)], [Math.round(maxLaunch / 2), yL(Math.round(maxLaunch / 2))]]) {
    chart.append(svg("line", { x1: left, x2: W - right, y1: y, y2: y, class: "gridline" }));
    chart.append(svg("text", { x: left - 4, y: y + 3, "text-anchor": "end", class: "axis" }, v));
  }
  for (const [v, y] of [[0, yC(0)], [maxCas, yC(maxCas)]]) {
    chart.append(svg("line", { x1: left, x2: W - right, y1: y, y2: y, class: "gridline" }));
    chart.append(svg("text", { x: left - 4, y: y + 3, "text-anchor": "end", class: "axis" }, v));
  }
  chart.append(svg("text", { x: left, y: top - 8, class: "axis" }, "launched (left bar) · intercepted (right bar, darker)"));
  chart.append(svg("text", { x: left, y: casTop - 4, class: "axis" }, "killed (red) · injured (orange)"));

  const group = svg("g", { id: "timeline-bars" });
  dates.forEach((date) => {
    const index = dayIndex(date);
    const day = byDay.get(date);
    const x0 = left + index * slot + slot / 2 - barW - 0.5;
    let yl = yL(0), yi = yL(0);
    for (const k of [...WEAPONS, "none"]) {
      const w = day.weapons[k];
      if (!w) continue;
      if (w.launched) {
        const h = (w.launched / maxLaunch) * launchH;
        yl -= h;
        const r = svg("rect", { x: x0, y: yl, width: barW, height: h, fill: WEAPON_COLORS[k], "fill-opacity": 0.55, class: "bar launched" });
        r.append(svg("title", {}, `${date} ${k}: ${w.launched} launched`));
        group.append(r);
      }
      if (w.intercepted) {
        const h = (w.intercepted / maxLaunch) * launchH;
        yi -= h;
        const r = svg("rect", { x: x0 + barW + 1, y: yi, width: barW, height: h, fill: WEAPON_COLORS[k], class: "bar intercepted" });
        r.append(svg("title", {}, `${date} ${k}: ${w.intercepted} intercepted`));
        group.append(r);
      }
    }
    for (const [q, color, dx] of [["killed", "#c0392b", 0], ["injured", "#e67e22", barW + 1]]) {
      if (!day[q]) continue;
      const r = svg("rect", { x: x0 + dx, y: yC(day[q]), width: barW, height: yC(0) - yC(day[q]), fill: color, class: `bar ${q}` });
      r.append(svg("title", {}, `${date}: ${day[q]} ${q}`));
      group.append(r);
    }
  });
  chart.append(group);
  // Date labels: the first and last day and a few between, so they never collide.
  const step = Math.max(1, Math.ceil(span / 5));
  for (let index = 0; index < span; index += step) {
    chart.append(svg("text", { x: left + index * slot + slot / 2, y: casTop + casualtyH + 14, "text-anchor": "middle", class: "axis" }, addDays(first, index)));
  }
  if ((span - 1) % step > step / 2) {
    chart.append(svg("text", { x: left + (span - 1) * slot + slot / 2, y: casTop + casualtyH + 14, "text-anchor": "end", class: "axis" }, last));
  }
  renderLegend([...used]);
}

function renderLegend(weapons) {
  const legend = document.getElementById("timeline-legend");
  legend.replaceChildren();
  for (const w of weapons) {
    const item = el("span", { text: w === "none" ? "unspecified" : w.replace(/_/g, " ") });
    item.style.setProperty("--swatch", WEAPON_COLORS[w]);
    legend.append(item);
  }
}

// ---------------------------------------------------------------- map

async function loadMap() {
  try {
    state.map = await api("/static/ukraine-map.json");
  } catch (error) {
    setStatus(`Could not load the map outlines: ${error.message}`, true);
    return;
  }
  const map = document.getElementById("map");
  map.setAttribute("viewBox", `0 0 ${state.map.width} ${state.map.height}`);
  renderMap();
}

// The map shows every event of the filter, not just the table's page: pages of the largest
// size the API allows, up to MAP_LIMIT events.
const MAP_LIMIT = 5000;
async function loadMapEvents() {
  const filters = { ...state.filters };
  const events = [];
  try {
    let offset = 0;
    while (offset !== null && events.length < MAP_LIMIT) {
      const page = await api(`/api/events${query({ ...filters, limit: 500, offset })}`);
      events.push(...page.events);
      offset = page.next_offset;
    }
  } catch (error) {
    setStatus(`Could not load the map's events: ${error.message}`, true);
  }
  state.mapEvents = events;
  renderMap();
}

function project(lon, lat) {
  const p = state.map.projection;
  return [(lon - p.lon_min) * p.kx * p.scale, (p.lat_max - lat) * p.scale];
}

function renderMap() {
  if (!state.map) return;
  const map = document.getElementById("map");
  map.replaceChildren(
    svg("path", { d: state.map.oblasts, class: "map-oblasts" }),
    svg("path", { d: state.map.outline, class: "map-outline" }));
  const dots = svg("g", { id: "map-events" });
  const seen = new Map();
  for (const event of state.mapEvents || state.events) {
    // One dot per event, at the place that stands for it (a city attack at the city, not at
    // the country's centroid).
    const place = mapPlace(event);
    if (place) {
      const [x, y] = project(place.lon, place.lat);
      if (x < -20 || y < -20 || x > state.map.width + 20 || y > state.map.height + 20) continue;
      const key = `${x.toFixed(0)},${y.toFixed(0)}`;
      const entry = seen.get(key) || { x, y, events: [], place: place.name, harm: 0, side: event.attacker };
      entry.events.push(event);
      entry.harm += (headlineValue(event, "killed") || 0) + (headlineValue(event, "injured") || 0);
      seen.set(key, entry);
    }
  }
  for (const entry of seen.values()) {
    const r = 9 + Math.min(26, 3 * Math.sqrt(entry.events.length * 2 + entry.harm));
    const c = svg("circle", { cx: entry.x.toFixed(1), cy: entry.y.toFixed(1), r: r.toFixed(1), fill: SIDE_COLORS[entry.side] || "#7f8c8d", class: "map-event" });
    c.append(svg("title", {}, `${entry.place}: ${entry.events.length} event(s), ${entry.harm} killed or injured`));
    c.addEventListener("click", () => openEvent(entry.events[0].id));
    dots.append(c);
  }
  map.append(dots);
  renderMapLegend(seen.size);
}

function mapPlace(event) {
  const located = event.places.filter((p) => typeof p.lat === "number" && typeof p.lon === "number");
  const local = located.filter((p) => p.kind !== "country");
  const regions = new Set(local.map((p) => (p.kind === "region" ? p.name : p.admin1 || p.name)));
  if (local.length && regions.size === 1) return local.find((p) => p.kind === "city") || local[0];
  return located.find((p) => p.kind === "country") || local[0] || null;
}

function renderMapLegend(dots) {
  const legend = document.getElementById("map-legend");
  if (!legend) return;
  const count = (state.mapEvents || state.events).length;
  legend.replaceChildren(
    ...Object.entries(SIDE_COLORS).map(([side, color]) => {
      const item = el("span", { text: side === "RU" ? "attack by Russia" : "attack by Ukraine" });
      item.style.setProperty("--swatch", color);
      return item;
    }),
    el("span", { class: "legend-size", text: "larger dot: more events and more killed or injured" }),
    el("span", { class: "legend-count", text: `${count} event(s) of this filter at ${dots} place(s)` }));
}

// ---------------------------------------------------------------- event view

async function openEvent(id) {
  let detail;
  try {
    detail = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (error) {
    setStatus(`Could not load event ${id}: ${error.message}`, true);
    return;
  }
  const { event, sources } = detail;
  for (const row of document.querySelectorAll("#events-table tbody tr")) row.classList.toggle("selected", row.dataset.id === id);
  if (location.hash !== `#event=${encodeURIComponent(id)}`) history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
  document.getElementById("event-title").textContent = `${event.date || "undated"} — ${placeNames(event) || "place unknown"}`;
  const meta = document.getElementById("event-meta");
  meta.replaceChildren("Attacker: ", event.attacker ? sideBadge(event.attacker) : "unknown",
    event.targets.length ? ` · targets: ${event.targets.join(", ")}` : "", ` · ${event.documents.length} document(s) · id ${event.id}`);

  const summary = document.querySelector("#event-summary tbody");
  summary.replaceChildren(...event.summary.map((s) => el("tr", {},
    el("td", { text: s.quantity }), el("td", { text: s.weapon ? s.weapon.replace(/_/g, " ") : "" }),
    el("td", { class: "num", text: s.headline }), el("td", {}, sideBadge(s.headline_claimant || s.headlineClaimant)),
    el("td", { class: "num", text: s.minimum === s.maximum ? String(s.minimum) : `${s.minimum}–${s.maximum}` }),
    el("td", {}, s.conflict ? el("span", { class: "conflict", text: "sides disagree" }) : ""))));

  renderClaimsOverTime(event, sources);
  renderClaims(event);
  renderSentences(event, sources);
  const list = document.getElementById("sources");
  list.replaceChildren(...sources.map((s) => el("li", {},
    el("strong", { text: s.title || s.id }), ` (${[s.published, s.language].filter(Boolean).join(", ") || "undated"}) `,
    s.url && /^https?:\/\//.test(s.url) ? el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", text: "source" }) : "",
    " ", el("a", { href: `/api/documents/${encodeURIComponent(s.id)}`, text: "stored text (JSON)" }))));
  const view = document.getElementById("event-view");
  view.hidden = false;
  view.scrollIntoView({ block: "start" });
}

function renderClaims(event) {
  // One column per claimant side, so official and opposing figures read side by side.
  const bySide = new Map();
  for (const f of event.figures) {
    if (!bySide.has(f.claimant)) bySide.set(f.claimant, []);
    bySide.get(f.claimant).push(f);
  }
  const order = ["UA", "RU", "US", "media", "other"];
  const sides = [...bySide.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const claims = document.getElementById("claims");
  claims.replaceChildren(...sides.map((side) => el("div", { class: "claim-column", "data-side": side },
    el("h4", {}, sideBadge(side), side === "media" ? " media reports" : " claims"),
    el("ul", {}, ...bySide.get(side).map((f) => el("li", {},
      el("strong", { text: `${qualifierText(f.qualifier)}${f.value}` }), ` ${f.quantity}`,
      f.weapon ? ` ${f.weapon.replace(/_/g, " ")}` : "", f.model ? ` (${f.model})` : "",
      f.place ? ` in ${f.place}` : "", f.date ? ` on ${f.date}` : "",
      el("div", { class: "who", text: `${f.claimant_name || "unnamed source"} · ${f.document}` })))))));
}

// Per quantity, each distinct claim once (value, place, side) with the documents behind it, in
// the order documents were reported; a line drawn through the values when there are several.
function claimLines(event) {
  const rank = new Map(event.documents.map((d, i) => [d, i]));
  const figures = event.figures.map((f, i) => [f, i])
    .sort((a, b) => ((rank.get(a[0].document) ?? 1e9) - (rank.get(b[0].document) ?? 1e9)) || a[1] - b[1]).map((x) => x[0]);
  return event.summary.map((row) => {
    const claims = [];
    for (const f of figures) {
      const casualty = ["killed", "injured", "missing"].includes(row.quantity);
      if (f.quantity !== row.quantity || (!casualty && (f.weapon || null) !== (row.weapon || null))) continue;
      const same = claims.find((c) => c.value === f.value && c.place === f.place && c.claimant === f.claimant);
      if (same) { if (!same.documents.includes(f.document)) same.documents.push(f.document); }
      else claims.push({ value: f.value, place: f.place, claimant: f.claimant, documents: [f.document] });
    }
    return { row, claims };
  });
}

function renderClaimsOverTime(event, sources) {
  const published = new Map(sources.map((s) => [s.id, s.published]));
  const box = document.getElementById("claims-over-time");
  box.replaceChildren(el("p", { id: "headline-rule", class: "rule", text: HEADLINE_RULE }));
  for (const { row, claims } of claimLines(event)) {
    const label = `${row.quantity}${row.weapon ? ` (${row.weapon.replace(/_/g, " ")})` : ""}`;
    const values = claims.map((c) => c.value).filter((v, i, a) => i === 0 || a[i - 1] !== v);
    const item = el("div", { class: "claim-line", "data-quantity": row.quantity },
      el("h4", { text: `${label}: ${values.join(" → ")}` }));
    if (values.length > 1) item.append(sparkline(values));
    item.append(el("ul", {}, ...claims.map((c) => el("li", {},
      el("strong", { text: String(c.value) }), c.place ? ` in ${c.place}` : "", " ", sideBadge(c.claimant),
      el("span", { class: "who", text: ` ${c.documents.map((d) => (published.get(d) ? `${d} (${published.get(d)})` : d)).join(", ")}` })))));
    box.append(item);
  }
}

function sparkline(values) {
  const w = 220, h = 48, pad = 6;
  const max = Math.max(...values), min = Math.min(...values);
  const x = (i) => pad + (i * (w - 2 * pad)) / Math.max(1, values.length - 1);
  const y = (v) => h - pad - ((v - min) * (h - 2 * pad)) / Math.max(1, max - min);
  const chart = svg("svg", { class: "sparkline", width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": values.join(" to ") });
  chart.append(svg("polyline", { class: "claims-line", fill: "none", points: values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ") }));
  values.forEach((v, i) => {
    chart.append(svg("circle", { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 3 }));
  });
  return chart;
}

const HEADLINE_RULE = "Headline: the latest figure from the side that was attacked (its officials before outlets); "
  + "a nationwide total before a sum over places; \"sides disagree\" when official sides' latest figures differ.";

function qualifierText(q) {
  return { at_least: "≥ ", more_than: "> ", about: "~", almost: "almost ", up_to: "≤ " }[q] || "";
}

function renderSentences(event, sources) {
  // Figures from one sentence of one document share a quote with every number marked.
  const groups = new Map();
  for (const f of event.figures) {
    const key = `${f.document}\u0000${f.start}\u0000${f.sentence}`;
    if (!groups.has(key)) groups.set(key, { document: f.document, sentence: f.sentence, figures: [] });
    groups.get(key).figures.push(f);
  }
  const titles = new Map(sources.map((s) => [s.id, s.title || s.id]));
  const box = document.getElementById("sentences");
  box.replaceChildren(...[...groups.values()].map((g) => {
    const quote = el("blockquote", {});
    quote.append(...highlight(g.sentence, g.figures));
    quote.append(el("span", { class: "doc", text: `${titles.get(g.document) || g.document}` }));
    return quote;
  }));
}

const NUMBER_WORDS = {
  1: ["one", "a", "an", "ein", "eine", "einer", "один", "одна", "одну", "одного", "одна"],
  2: ["two", "zwei", "два", "дві", "двоє", "двох", "две", "двое"],
  3: ["three", "drei", "три", "троє", "трьох", "трое", "троих", "трёх"],
  4: ["four", "vier", "чотири", "четверо", "четыре"],
  5: ["five", "fünf", "п'ять", "п’ять", "пять", "пятеро", "п'ятеро"],
  6: ["six", "sechs", "шість", "шесть", "шестеро"],
  7: ["seven", "sieben", "сім", "семь"],
  8: ["eight", "acht", "вісім", "восемь"],
  9: ["nine", "neun", "дев'ять", "девять"],
  10: ["ten", "zehn", "десять"],
  11: ["eleven", "elf", "одинадцять", "одиннадцать"],
  12: ["twelve", "zwölf", "дванадцять", "двенадцать"],
};

/// Where a figure's number sits in its sentence: digits with any thousands separator, else a number word.
function findNumber(sentence, value, taken) {
  const digits = String(value);
  const sep = "[\\s\\u00a0\\u202f.,’']?";
  const pattern = new RegExp(`(?<![\\d.,])${digits.split("").join(sep)}(?![\\d])`, "g");
  for (const m of sentence.matchAll(pattern)) {
    if (!taken.some(([a, b]) => m.index < b && m.index + m[0].length > a)) return [m.index, m.index + m[0].length];
  }
  for (const word of NUMBER_WORDS[value] || []) {
    const re = new RegExp(`(?<![\\p{L}'’])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}'’])`, "giu");
    for (const m of sentence.matchAll(re)) {
      if (!taken.some(([a, b]) => m.index < b && m.index + m[0].length > a)) return [m.index, m.index + m[0].length];
    }
  }
  return null;
}

function highlight(sentence, figures) {
  const spans = [];
  for (const f of figures) {
    const at = findNumber(sentence, f.value, spans.map((s) => s.range));
    if (at) spans.push({ range: at, figure: f });
  }
  spans.sort((a, b) => a.range[0] - b.range[0]);
  const out = [];
  let pos = 0;
  for (const { range: [a, b], figure: f } of spans) {
    out.push(document.createTextNode(sentence.slice(pos, a)));
    const cls = f.claimant === "UA" ? "ukraine-claim" : f.claimant === "RU" ? "russia-claim" : null;
    out.push(el("mark", { class: cls, title: `${f.value} ${f.quantity}${f.weapon ? ` (${f.weapon})` : ""}, claimed by ${f.claimant_name || f.claimant}` }, sentence.slice(a, b)));
    pos = b;
  }
  out.push(document.createTextNode(sentence.slice(pos)));
  return out;
}

// ---------------------------------------------------------------- start

function start() {
  const weapon = document.querySelector("select[name=weapon]");
  for (const w of WEAPONS) weapon.append(el("option", { value: w, text: w.replace(/_/g, " ") }));
  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    state.filters = readFilters();
    state.offset = 0;
    loadEvents();
  });
  form.addEventListener("reset", () => setTimeout(() => { state.filters = {}; state.offset = 0; loadEvents(); }));
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); loadEvents(); });
  document.getElementById("next").addEventListener("click", () => { if (state.nextOffset !== null) { state.offset = state.nextOffset; loadEvents(); } });
  document.getElementById("close-event").addEventListener("click", () => {
    document.getElementById("event-view").hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
  });
  const ready = Promise.all([loadMap(), loadEvents()]);
  const match = /^#event=(.+)$/.exec(location.hash);
  if (match) ready.then(() => openEvent(decodeURIComponent(match[1])));
}

document.addEventListener("DOMContentLoaded", start);
