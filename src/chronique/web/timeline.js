// chronique — timeline.html: an axis (SVG), filters, a virtualised list of events and their detail.
// Every article string is written with textContent or as an SVG text node: never parsed as markup.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("donnees").textContent);
  const DAY = 86400000;
  const HOUR = 3600000;
  const ROW_HEIGHT = 56; // px, fixed: the list renders only the rows in view (5,000 events stay fast)
  const OVERSCAN = 8;
  const FORTNIGHT = 14 * DAY; // the axis around one key date: the week before and the week after
  const UNFACTUAL = new Set(DATA.unfactual);
  const MODALITIES = {
    asserted: "affirmé",
    reported: "rapporté",
    alleged: "allégué",
    planned: "prévu",
    question: "question",
    negated: "nié",
    hypothetical: "hypothèse",
  };
  const utc = { timeZone: "UTC" };
  // French writes the first of the month "1er" (as story.md and timeline.md do); Intl writes "1"
  function withFirst(options) {
    const intl = new Intl.DateTimeFormat("fr-FR", options);
    return {
      format: (date) =>
        intl
          .formatToParts(date)
          .map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value))
          .join(""),
    };
  }
  const fmtDay = withFirst({ ...utc, weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const fmtShortDay = withFirst({ ...utc, day: "numeric", month: "short", year: "numeric" });
  const fmtMonth = new Intl.DateTimeFormat("fr-FR", { ...utc, month: "long", year: "numeric" });
  const fmtTickMonth = new Intl.DateTimeFormat("fr-FR", { ...utc, month: "short" });
  const fmtTickDay = withFirst({ ...utc, weekday: "short", day: "numeric", month: "short" });
  const fmtNumber = new Intl.NumberFormat("fr-FR");

  const $ = (id) => document.getElementById(id);
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  const ms = (iso) => Date.parse(iso + "T00:00:00Z");

  // ---- events, in the order of the data (chronological) ----
  const events = DATA.events.map((e, index) => {
    const start = e.start ? ms(e.start) : NaN;
    const end = e.end ? ms(e.end) + DAY : start + DAY; // exclusive
    const sources = e.articles.map((i) => DATA.articles[i]);
    const words = [e.summary, e.speaker || "", ...e.actors, ...e.places, ...e.evidence, ...sources.map((s) => s.title || "")];
    return { ...e, index, t0: start, t1: end, sources, label: dateLabel(e), haystack: fold(words.join(" \u0001 ")) };
  });
  const dated = events.filter((e) => !Number.isNaN(e.t0));

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function dateLabel(e) {
    if (!e.start) return "date inconnue";
    const start = new Date(ms(e.start));
    const end = new Date(ms(e.end || e.start));
    if (e.grain === "day" || e.grain === "time" || e.grain === "part_of_day") return fmtDay.format(start);
    if (e.grain === "month") return fmtMonth.format(start);
    if (e.grain === "year") return String(start.getUTCFullYear());
    if (e.start === e.end) return fmtDay.format(start);
    return "du " + fmtShortDay.format(start) + " au " + fmtShortDay.format(end);
  }

  function shortLabel(e) {
    if (e.grain === "month") return fmtMonth.format(new Date(e.t0));
    if (e.grain === "year") return String(new Date(e.t0).getUTCFullYear());
    return fmtShortDay.format(new Date(e.t0));
  }

  // ---- filters ----
  const state = { text: "", actor: "", place: "", article: "", modality: "faits", from: null, to: null };
  function fillSelect(select, values) {
    for (const [value, label] of values) {
      const option = el("option", label);
      option.value = value;
      select.append(option);
    }
  }
  function counted(lists) {
    const counts = new Map();
    for (const list of lists) for (const item of new Set(list)) counts.set(item, (counts.get(item) || 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "fr"));
  }
  fillSelect($("f-acteur"), counted(events.map((e) => e.actors)).map(([v, n]) => [v, v + " (" + n + ")"]));
  fillSelect($("f-lieu"), counted(events.map((e) => e.places)).map(([v, n]) => [v, v + " (" + n + ")"]));
  fillSelect($("f-article"), DATA.articles.map((a, i) => [String(i), a.title || a.id]));
  fillSelect($("f-modalite"), [
    ["faits", "faits seulement (affirmés, rapportés, allégués, prévus)"],
    ["toutes", "toutes, y compris questions, négations, hypothèses (non factuelles)"],
    ...Object.entries(MODALITIES).map(([v, label]) => [v, (UNFACTUAL.has(v) ? "non factuel : " : "") + label]),
  ]);

  function matches(e, withPeriod) {
    if (state.modality === "faits" ? UNFACTUAL.has(e.modality) : state.modality !== "toutes" && e.modality !== state.modality) return false;
    if (state.actor && !e.actors.includes(state.actor)) return false;
    if (state.place && !e.places.includes(state.place)) return false;
    if (state.article && !e.articles.includes(Number(state.article))) return false;
    if (withPeriod && state.from !== null && (Number.isNaN(e.t0) || e.t1 <= state.from || e.t0 >= state.to)) return false;
    if (state.text) {
      for (const word of state.text.split(/\s+/)) if (word && !e.haystack.includes(word)) return false;
    }
    return true;
  }

  let shown = []; // the filtered events of the list
  let onAxis = []; // the same, without the period filter: the axis shows where they are
  let selected = -1; // position in `shown`

  function applyFilters() {
    onAxis = dated.filter((e) => matches(e, false));
    shown = events.filter((e) => matches(e, true));
    selected = Math.min(selected, shown.length - 1);
    $("compte").textContent = shown.length === 1 ? "1 événement" : fmtNumber.format(shown.length) + " événements";
    $("lignes").style.height = shown.length * ROW_HEIGHT + "px";
    scroller.scrollTop = firstInView() * ROW_HEIGHT;
    $("vide").hidden = shown.length > 0;
    $("vide").textContent = events.length ? "Aucun événement ne correspond à ces filtres." : "Aucun événement daté dans ces articles.";
    renderRows(true);
    drawAxis();
    if (selected < 0) showDetail(null);
  }
  let typing = 0;
  $("f-texte").addEventListener("input", (event) => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.text = fold(event.target.value.trim());
      applyFilters();
    }, 120);
  });
  for (const [id, key] of [["f-acteur", "actor"], ["f-lieu", "place"], ["f-article", "article"], ["f-modalite", "modality"]]) {
    $(id).addEventListener("change", (event) => {
      state[key] = event.target.value;
      applyFilters();
    });
  }
  $("filtres").addEventListener("submit", (event) => event.preventDefault());
  $("f-effacer").addEventListener("click", () => {
    $("filtres").reset();
    Object.assign(state, { text: "", actor: "", place: "", article: "", modality: "faits" });
    setPeriod(null, null);
  });
  $("f-periode-effacer").addEventListener("click", () => setPeriod(null, null));
  function setPeriod(from, to, label) {
    state.from = from;
    state.to = to;
    $("f-periode").hidden = from === null;
    $("f-periode-texte").textContent = from === null ? "" : "Période : " + label;
    applyFilters();
  }

  // ---- the list: only the rows in view are in the DOM ----
  const scroller = $("defilement");
  // Refilled, the list starts where the reader looks: at the first event that starts in the period filter
  // (a key date's or a clicked day's own events, the periods that contain it just above), else at the
  // earliest key date in the axis's view, else at the view's start (the list is in date order: older
  // background is above, a scroll away; undated events come last). Not at the view's start when a key date
  // is in view: the margin the axis keeps before the first key date holds the story's lesser days (one
  // article's aside, a prelude), and the list would open on them. Not at the first event that overlaps
  // them: a period begun years before ("de 2016 à 2019") would put the background back on top.
  function firstInView() {
    const from = state.from === null ? keyStartIn(view) : state.from;
    const position = shown.findIndex((e) => Number.isNaN(e.t0) || e.t0 >= from);
    return position < 0 ? shown.length : position;
  }
  const rows = $("lignes");
  let rendered = "";
  function renderRows(force) {
    const top = scroller.scrollTop;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(shown.length, Math.ceil((top + scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const key = first + ":" + last + ":" + selected;
    if (!force && key === rendered) return;
    rendered = key;
    const focused = rows.contains(document.activeElement) ? document.activeElement.dataset.position : null;
    const fragment = document.createDocumentFragment();
    for (let i = first; i < last; i++) fragment.append(row(shown[i], i));
    rows.replaceChildren(fragment);
    if (focused !== null) {
      // the focused row was replaced: focus its replacement, or the list if it scrolled out of view
      const again = rows.querySelector('button[data-position="' + focused + '"]');
      (again || scroller).focus({ preventScroll: true });
    }
  }
  function row(e, position) {
    const item = el("li", null, "ligne");
    item.style.top = position * ROW_HEIGHT + "px";
    const button = el("button", null, "evenement" + (position === selected ? " choisi" : ""));
    button.type = "button";
    button.dataset.position = String(position);
    button.setAttribute("aria-current", position === selected ? "true" : "false");
    const date = el("span", e.label, "date");
    const time = el("time");
    time.dateTime = e.start || "";
    time.append(date);
    button.append(time);
    if (e.modality !== "asserted") button.append(el("span", MODALITIES[e.modality] || e.modality, "modalite m-" + e.modality));
    if (e.nArticles > 1) button.append(el("span", e.nArticles + " articles", "nombre"));
    button.append(el("span", e.summary, "resume"));
    item.append(button);
    return item;
  }
  scroller.addEventListener("scroll", () => requestAnimationFrame(() => renderRows(false)));
  window.addEventListener("resize", () => {
    renderRows(true);
    drawAxis();
  });
  rows.addEventListener("click", (event) => {
    const button = event.target.closest("button.evenement");
    if (button) choose(Number(button.dataset.position), false);
  });
  scroller.addEventListener("keydown", (event) => {
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in moves) choose(Math.max(0, Math.min(shown.length - 1, selected + moves[event.key])), true);
    else if (event.key === "Home") choose(0, true);
    else if (event.key === "End") choose(shown.length - 1, true);
    else return;
    event.preventDefault();
  });
  function choose(position, focus) {
    if (position < 0 || position >= shown.length) return;
    selected = position;
    const top = position * ROW_HEIGHT;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
    renderRows(true);
    showDetail(shown[position]);
    if (focus) {
      const button = rows.querySelector('button[data-position="' + position + '"]');
      if (button) button.focus();
    }
  }

  // ---- one event's detail: date, summary, who, where, evidence, sources ----
  function details(e, heading) {
    const box = document.createDocumentFragment();
    box.append(el(heading, e.summary, "titre-evenement"));
    const facts = el("dl");
    const fact = (term, value) => {
      if (!value) return;
      facts.append(el("dt", term), el("dd", value));
    };
    fact("Date", e.label);
    fact("Modalité", (UNFACTUAL.has(e.modality) ? "non factuel : " : "") + (MODALITIES[e.modality] || e.modality));
    fact("Selon", e.speaker);
    fact("Acteurs", e.actors.join(" ; "));
    fact("Lieux", e.places.join(" ; "));
    if (e.firstReported) fact("Premier article", fmtDay.format(new Date(ms(e.firstReported))));
    box.append(facts);
    if (e.evidence.length) {
      box.append(el(heading === "h2" ? "h3" : "h4", e.evidence.length > 1 ? "Phrases" : "Phrase"));
      const quotes = el("ul", null, "phrases");
      for (const sentence of e.evidence) {
        const item = el("li");
        item.append(el("q", sentence));
        quotes.append(item);
      }
      box.append(quotes);
    }
    if (e.sources.length) {
      box.append(el(heading === "h2" ? "h3" : "h4", e.sources.length > 1 ? "Sources" : "Source"));
      const list = el("ul", null, "sources");
      for (const source of e.sources) list.append(sourceItem(source));
      box.append(list);
    }
    return box;
  }
  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }
  function sourceItem(source) {
    const item = el("li");
    const title = source.title || source.id;
    const url = source.url ? safeUrl(source.url) : null;
    if (url) {
      const link = el("a", title);
      link.href = url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      item.append(link, el("span", " — " + url, "url"));
    } else {
      item.append(el("cite", title));
      if (source.url) item.append(el("span", " — " + source.url, "url"));
    }
    return item;
  }
  function showDetail(e) {
    const aside = $("detail");
    if (!e) {
      aside.replaceChildren(el("p", "Choisissez un événement (flèches haut et bas, Entrée) pour lire ses phrases et ses sources.", "aide"));
      return;
    }
    aside.replaceChildren(details(e, "h2"));
  }

  // ---- the axis: ticks from years to hours, events counted per column, key dates marked ----
  const svg = $("frise");
  const NS = "http://www.w3.org/2000/svg";
  const span0 = dated.length ? [Math.min(...dated.map((e) => e.t0)), Math.max(...dated.map((e) => e.t1))] : [Date.UTC(2000, 0, 1), Date.UTC(2001, 0, 1)];
  const pad = Math.max(DAY, (span0[1] - span0[0]) * 0.04);
  const full = [span0[0] - pad, span0[1] + pad];
  // The story's key dates: the days story.md lists, DATA.keyDates of them (the run's number, --key-dates or
  // the story's default). Days with a fact hold ranks 1, 2, … before any day of questions or denials only,
  // so a fact ranked ≤ keyDates marks exactly story.md's days. One per day (its first, most important
  // event), by rank.
  const keyDates = [];
  for (const e of dated) {
    if (e.rank === null || e.rank > DATA.keyDates || UNFACTUAL.has(e.modality)) continue;
    if (!keyDates.some((k) => k.rank === e.rank)) keyDates.push(e);
  }
  keyDates.sort((a, b) => a.rank - b.rank);
  // The page opens on the story, not on its whole span: from the earliest key date to the latest, with a
  // twentieth of that span as a margin on each side (at least a day, so that the first and last key dates
  // are not on the frame's edges), never less than a fortnight (one key date alone shows the weeks around
  // it, as its button does) nor more than the whole span. Not the whole span: background dates ("1836, ce
  // monument construit", a plan for 2030) stretch it over centuries and leave the story a sliver. Not the
  // articles' publication span: a story told afterwards would open on an empty axis. Without key dates:
  // the whole span. "Tout voir" (key 0) shows the whole span; "Dates clés" (key 1) comes back here.
  function storyView() {
    if (!keyDates.length) return full.slice();
    const first = Math.min(...keyDates.map((e) => e.t0));
    const last = Math.max(...keyDates.map((e) => e.t0 + DAY));
    const margin = Math.max(DAY, (last - first) / 20);
    const span = Math.max(FORTNIGHT, last - first + 2 * margin);
    if (span >= full[1] - full[0]) return full.slice();
    const centre = (first + last) / 2;
    return [centre - span / 2, centre + span / 2];
  }
  function keyStartIn([from, to]) {
    const inView = keyDates.filter((e) => e.t0 >= from && e.t0 < to).map((e) => e.t0);
    return inView.length ? Math.min(...inView) : from;
  }
  const opened = storyView();
  let view = opened.slice();
  const MIN_SPAN = 6 * HOUR;
  const AXIS_HELP = "Frise chronologique : flèches gauche et droite pour se déplacer, + et − pour zoomer, 0 pour toute la période, 1 pour les dates clés";
  function yearsOf([from, to]) {
    const first = new Date(from).getUTCFullYear();
    const last = new Date(to - 1).getUTCFullYear();
    return first === last ? String(first) : first + " – " + last;
  }
  function svgEl(tag, attributes, text) {
    const node = document.createElementNS(NS, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  const STEPS = [
    // [unit, step, minimum span in ms for this step to be the finest shown]
    ["hour", 1], ["hour", 3], ["hour", 6], ["day", 1], ["day", 7], ["month", 1], ["month", 3], ["year", 1], ["year", 5], ["year", 10], ["year", 50],
  ];
  const UNIT_MS = { hour: HOUR, day: DAY, month: 30 * DAY, year: 365 * DAY };
  function ticks(width) {
    const span = view[1] - view[0];
    const [unit, step] = STEPS.find(([u, s]) => (UNIT_MS[u] * s * width) / span >= 70) || STEPS[STEPS.length - 1];
    const out = [];
    const d = new Date(view[0]);
    let t;
    if (unit === "year") t = Date.UTC(Math.floor(d.getUTCFullYear() / step) * step, 0, 1);
    else if (unit === "month") t = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / step) * step, 1);
    else if (unit === "day") t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    else t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Math.floor(d.getUTCHours() / step) * step);
    while (t <= view[1] && out.length < 400) {
      const date = new Date(t);
      let label;
      if (unit === "year") label = String(date.getUTCFullYear());
      else if (unit === "month") label = date.getUTCMonth() === 0 ? String(date.getUTCFullYear()) : fmtTickMonth.format(date);
      else if (unit === "day") label = fmtTickDay.format(date);
      else label = date.getUTCHours() === 0 ? fmtShortDay.format(date) : date.getUTCHours() + " h";
      out.push([t, label]);
      if (unit === "year") t = Date.UTC(date.getUTCFullYear() + step, 0, 1);
      else if (unit === "month") t = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step, 1);
      else t += UNIT_MS[unit] * step;
    }
    const names = { hour: "heures", day: step === 7 ? "semaines" : "jours", month: step === 3 ? "trimestres" : "mois", year: step === 1 ? "années" : "décennies" };
    $("echelle").textContent = "Échelle : " + names[unit];
    return out;
  }
  const LANES = 3; // rows of key-date labels, the first at y = 12, above the tallest bar (y ≥ 46)
  const GAP = 6; // px between two labels of a row
  let laneHeight = 0; // a label's box height (the font's), measured once it is drawn: rows never touch
  // Key-date labels never pile up: by rank, each takes the first of the LANES rows where it clears the
  // labels already placed; a label that no row can hold is left out at this zoom (its dashed line stays),
  // so the best ranks keep theirs. Zooming in makes room and brings labels back.
  function placeLabels(labels, width) {
    if (!laneHeight && labels.length) laneHeight = Math.ceil(labels[0].text.getBBox().height);
    const widths = labels.map(({ text }) => text.getComputedTextLength());
    const taken = Array.from({ length: LANES }, () => []);
    labels.forEach(({ px, text }, i) => {
      const w = widths[i];
      const end = px + 3 + w > width; // no room on the right of its line: the label ends at the line
      const left = end ? px - 3 - w : px + 3;
      const lane = left < 0 ? -1 : taken.findIndex((spans) => spans.every(([a, b]) => left + w + GAP <= a || b + GAP <= left));
      if (lane < 0) {
        text.remove();
        return;
      }
      taken[lane].push([left, left + w]);
      text.setAttribute("y", 12 + lane * (laneHeight || 14));
      if (end) {
        text.setAttribute("x", px - 3);
        text.setAttribute("text-anchor", "end");
      }
    });
  }
  function drawAxis() {
    const width = Math.max(200, svg.clientWidth || 800);
    const height = 130;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    const x = (t) => ((t - view[0]) / (view[1] - view[0])) * width;
    const base = 100;
    const children = [svgEl("line", { x1: 0, x2: width, y1: base, y2: base, class: "ligne-axe" })];
    const tickLabels = [];
    for (const [t, label] of ticks(width)) {
      const px = x(t);
      if (px < -1 || px > width + 1) continue;
      children.push(svgEl("line", { x1: px, x2: px, y1: base, y2: base + 6, class: "graduation" }));
      const text = svgEl("text", { x: px + 3, y: base + 20, class: "etiquette" }, label);
      children.push(text);
      tickLabels.push({ px, text });
    }
    // events per 4-px column: a bar whose height grows with the count (5,000 events are a few hundred bars)
    const column = 4;
    const counts = new Map();
    for (const e of onAxis) {
      if (e.t1 < view[0] || e.t0 > view[1]) continue;
      const middle = e.t1 - e.t0 > 2 * DAY ? e.t0 : (e.t0 + e.t1) / 2;
      const c = Math.floor(x(middle) / column);
      counts.set(c, (counts.get(c) || 0) + 1);
    }
    const most = Math.max(1, ...counts.values());
    for (const [c, n] of counts) {
      const h = 6 + (Math.log(1 + n) / Math.log(1 + most)) * 48;
      const bar = svgEl("rect", { x: c * column, y: base - h, width: column - 1, height: h, class: "barre" });
      bar.append(svgEl("title", {}, n + (n > 1 ? " événements" : " événement")));
      children.push(bar);
    }
    const labels = [];
    for (const e of keyDates) {
      const px = x(e.t0);
      if (px < 0 || px > width) continue;
      children.push(svgEl("line", { x1: px, x2: px, y1: 2, y2: base, class: "cle", "data-rang": e.rank }));
      labels.push({ px, text: svgEl("text", { x: px + 3, y: 12, class: "etiquette-cle", "data-rang": e.rank }, shortLabel(e)) });
    }
    // the labels after every line: their halo hides the other dates' lines that cross them
    svg.replaceChildren(svgEl("title", {}, AXIS_HELP), ...children, ...labels.map(({ text }) => text));
    // a tick's label that the right edge would cut ("jeu. 15 se") is left out; its tick stays
    for (const { px, text } of tickLabels) if (px + 3 + text.getComputedTextLength() > width) text.remove();
    placeLabels(labels, width);
  }
  function zoom(factor, centre) {
    const c = centre === undefined ? (view[0] + view[1]) / 2 : centre;
    const span = Math.min(full[1] - full[0], Math.max(MIN_SPAN, (view[1] - view[0]) * factor));
    view = [c - (c - view[0]) * (span / (view[1] - view[0])), 0];
    view[1] = view[0] + span;
    drawAxis();
  }
  function pan(fraction) {
    const shift = (view[1] - view[0]) * fraction;
    view = [view[0] + shift, view[1] + shift];
    drawAxis();
  }
  $("zoom-avant").addEventListener("click", () => zoom(0.5));
  $("zoom-arriere").addEventListener("click", () => zoom(2));
  function show(span) {
    view = span.slice();
    drawAxis();
  }
  $("zoom-tout").addEventListener("click", () => show(full));
  $("zoom-tout").title = "Toute la période, " + yearsOf(full) + " (touche 0)";
  $("zoom-recit").addEventListener("click", () => show(opened));
  $("zoom-recit").title = "De la première à la dernière date clé, " + yearsOf(opened) + " (touche 1)";
  $("zoom-recit").hidden = !keyDates.length;
  svg.addEventListener("keydown", (event) => {
    const actions = { "+": () => zoom(0.5), "=": () => zoom(0.5), "-": () => zoom(2), "0": () => show(full), "1": () => show(opened), ArrowLeft: () => pan(-0.2), ArrowRight: () => pan(0.2) };
    if (actions[event.key]) {
      actions[event.key]();
      event.preventDefault();
    }
  });
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    zoom(event.deltaY > 0 ? 1.25 : 0.8, view[0] + ((event.clientX - box.left) / box.width) * (view[1] - view[0]));
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (event) => {
    drag = { x: event.clientX, view: view.slice(), moved: false };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    if (Math.abs(dx) > 3) drag.moved = true;
    const shift = (dx / svg.getBoundingClientRect().width) * (drag.view[1] - drag.view[0]);
    view = [drag.view[0] - shift, drag.view[1] - shift];
    drawAxis();
  });
  svg.addEventListener("pointerup", (event) => {
    if (drag && !drag.moved) {
      // a click on the axis: the list shows the events of that day (or of that column's time)
      const box = svg.getBoundingClientRect();
      const t = view[0] + ((event.clientX - box.left) / box.width) * (view[1] - view[0]);
      const day = Math.floor(t / DAY) * DAY;
      setPeriod(day, day + DAY, fmtDay.format(new Date(day)));
    }
    drag = null;
  });

  // key dates: buttons that filter the list to the date and centre the axis on it
  const keyBox = $("dates-cles");
  if (keyDates.length) {
    keyBox.append(el("span", "Dates clés :", "intitule"));
    for (const e of [...keyDates].sort((a, b) => a.t0 - b.t0)) {
      const button = el("button", shortLabel(e), "date-cle");
      button.type = "button";
      button.title = e.label + " — " + e.summary;
      button.addEventListener("click", () => {
        const span = Math.min(view[1] - view[0], FORTNIGHT);
        view = [e.t0 - span / 2, e.t0 + span / 2];
        setPeriod(e.t0, e.t1, e.label);
      });
      keyBox.append(button);
    }
  }

  // ---- print: the whole filtered chronology, every event with its evidence and sources ----
  function fillPrint() {
    const list = $("impression");
    list.replaceChildren(...shown.map((e) => {
      const item = el("li");
      item.append(el("p", e.label, "date"), details(e, "h3"));
      return item;
    }));
  }
  window.addEventListener("beforeprint", fillPrint);
  window.matchMedia("print").addEventListener("change", (query) => {
    if (query.matches) fillPrint();
  });
  window.addEventListener("afterprint", () => $("impression").replaceChildren());

  const total = events.length;
  const hidden = events.filter((e) => UNFACTUAL.has(e.modality)).length;
  $("resume").textContent =
    fmtNumber.format(total) + (total === 1 ? " événement" : " événements") + " tirés de " + fmtNumber.format(DATA.articles.length) + (DATA.articles.length === 1 ? " article" : " articles") +
    (hidden ? " ; " + hidden + " non factuels (questions, négations, hypothèses) masqués par défaut : filtre « Modalité »." : ".");
  applyFilters();
  window.chroniqueReady = true;
})();
