// The page of `eventlint serve`: the journal's requests, newest first, live (server-sent events
// from /_eventlint/events). Everything a request brings is put in the page as text
// (textContent, attribute values), never as markup.
"use strict";

const SEVERITIES = ["error", "warning", "info"];
const entries = new Map(); // id -> {entry, item}
const seen = { vendor: new Set(), kind: new Set() };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function ruleLink(rule) {
  const link = el("a", "rule", rule);
  link.href = "/_eventlint/rules/" + rule.split("/").map(encodeURIComponent).join("/");
  link.title = "eventlint explain " + rule;
  link.dataset.rule = rule;
  return link;
}

function plural(n, one, many) {
  return n + " " + (n === 1 ? one : many);
}

// --- The list -------------------------------------------------------------------------------

function filters() {
  return {
    vendor: document.getElementById("filter-vendor").value,
    kind: document.getElementById("filter-kind").value,
    verdict: document.getElementById("filter-verdict").value,
  };
}

function keeps(entry, f) {
  return (!f.vendor || (entry.vendor || "(none)") === f.vendor)
    && (!f.kind || (entry.kind || "(none)") === f.kind)
    && (!f.verdict || entry.verdict === f.verdict);
}

function applyFilters() {
  const f = filters();
  let shown = 0;
  for (const { entry, item } of entries.values()) {
    const keep = keeps(entry, f);
    item.hidden = !keep;
    if (keep) shown += 1;
  }
  document.getElementById("count").textContent =
    shown === entries.size ? plural(entries.size, "request", "requests")
      : shown + " of " + plural(entries.size, "request", "requests");
  document.getElementById("empty").hidden = entries.size > 0;
}

function addOption(name, value) {
  if (seen[name].has(value)) return;
  seen[name].add(value);
  const select = document.getElementById("filter-" + name);
  const options = [...select.options].slice(1).map((o) => o.value);
  options.push(value);
  options.sort();
  const option = el("option", "", value);
  option.value = value;
  const before = [...select.options].slice(1).find((o) => o.value === options[options.indexOf(value) + 1]);
  select.insertBefore(option, before || null);
}

function summary(entry) {
  const button = el("button", "summary");
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  button.append(
    el("span", "verdict verdict-" + entry.verdict, entry.verdict),
    el("span", "id", "#" + entry.id),
    el("span", "method", entry.method),
    el("span", "path", entry.path),
    el("span", "vendor", entry.vendor || "no vendor"),
    el("span", "kind", entry.kind || "no kind"),
    el("span", "status", entry.status),
  );
  const counts = el("span", "counts");
  for (const [n, one, many, sev] of [
    [entry.errors, "error", "errors", "error"],
    [entry.warnings, "warning", "warnings", "warning"],
    [entry.infos, "info", "infos", "info"],
  ]) {
    if (n > 0) counts.append(el("span", "sev-" + sev, plural(n, one, many)));
  }
  if (!counts.childNodes.length) counts.textContent = "no findings";
  button.append(counts, el("time", "time", entry.time.replace("T", " ").replace("Z", " UTC")));
  if (entry.session) button.append(el("span", "session", "session " + entry.session));
  return button;
}

function add(entry) {
  if (entries.has(entry.id)) return;
  const item = el("li", "entry verdict-" + entry.verdict);
  item.dataset.id = entry.id;
  item.dataset.verdict = entry.verdict;
  item.dataset.vendor = entry.vendor || "";
  item.dataset.kind = entry.kind || "";
  const button = summary(entry);
  const detail = el("div", "detail");
  detail.hidden = true;
  button.addEventListener("click", () => toggle(entry.id, button, detail));
  item.append(button, detail);
  // Newest (highest id) first, whatever order the requests were recorded in.
  const list = document.getElementById("list");
  const after = [...list.children].find((li) => Number(li.dataset.id) < entry.id);
  list.insertBefore(item, after || null);
  entries.set(entry.id, { entry, item });
  addOption("vendor", entry.vendor || "(none)");
  addOption("kind", entry.kind || "(none)");
  applyFilters();
}

// --- One request, opened --------------------------------------------------------------------

async function toggle(id, button, detail) {
  const open = detail.hidden;
  detail.hidden = !open;
  button.setAttribute("aria-expanded", String(open));
  if (!open || detail.dataset.loaded) return;
  detail.dataset.loaded = "1";
  detail.textContent = "loading…";
  try {
    const response = await fetch("/_eventlint/requests/" + id);
    if (!response.ok) throw new Error((await response.json()).message || response.statusText);
    const record = await response.json();
    detail.textContent = "";
    render(record, detail);
  } catch (err) {
    detail.textContent = "This request could not be read: " + err.message;
    delete detail.dataset.loaded;
  }
}

// Byte offsets (UTF-8, as the server counts) into a text.
function bytesOf(text) {
  return new TextEncoder().encode(text);
}

// `text` in `pre`, the bytes of each mark highlighted with its diagnostic, and under the line
// where a mark ends its rule (a link to its documentation) and message, as the human report
// puts the label under the caret.
function marked(pre, text, marks, diagnostics) {
  const bytes = bytesOf(text);
  const decoder = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const m of marks) {
    cuts.add(Math.min(m.start, bytes.length));
    cuts.add(Math.min(m.end, bytes.length));
  }
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] === 10) cuts.add(i + 1);
  const points = [...cuts].sort((a, b) => a - b);
  let pending = [];
  const flush = () => {
    for (const m of pending) {
      const d = diagnostics[m.diagnostic];
      const label = el("span", "label sev-" + d.severity);
      label.dataset.diagnostic = m.diagnostic;
      label.append(el("span", "caret", "└─ "), el("span", "severity", d.severity + " "), ruleLink(d.rule), el("span", "message", " " + d.message));
      pre.append(label);
    }
    pending = [];
  };
  for (let i = 0; i < points.length; i += 1) {
    const from = points[i];
    for (const m of marks.filter((m) => m.start === m.end && Math.min(m.start, bytes.length) === from)) {
      const d = diagnostics[m.diagnostic];
      const spot = el("mark", "spot empty sev-" + d.severity);
      spot.dataset.diagnostic = m.diagnostic;
      spot.dataset.rule = d.rule;
      spot.title = d.rule + ": " + d.message;
      pre.append(spot);
      pending.push(m);
    }
    if (i + 1 === points.length) break;
    const to = points[i + 1];
    const piece = decoder.decode(bytes.subarray(from, to));
    const covering = marks.filter((m) => m.start < m.end && m.start <= from && m.end >= to);
    if (covering.length) {
      const worst = SEVERITIES.find((s) => covering.some((m) => diagnostics[m.diagnostic].severity === s)) || "info";
      const spot = el("mark", "spot sev-" + worst, piece);
      spot.dataset.diagnostic = covering.map((m) => m.diagnostic).join(" ");
      spot.dataset.rule = covering.map((m) => diagnostics[m.diagnostic].rule).join(" ");
      spot.title = covering.map((m) => diagnostics[m.diagnostic].rule + ": " + diagnostics[m.diagnostic].message).join("\n");
      pre.append(spot);
    } else {
      pre.append(document.createTextNode(piece));
    }
    pending.push(...marks.filter((m) => m.start < m.end && m.end > from && m.end <= to));
    if (bytes[to - 1] === 10) flush();
  }
  if (pending.length) {
    if (bytes.length && bytes[bytes.length - 1] !== 10) pre.append(document.createTextNode("\n"));
    flush();
  }
}

function render(record, detail) {
  const diagnostics = record.diagnostics;
  const marks = record.marks || [];
  const head = el("pre", "head");
  head.setAttribute("aria-label", "Request line and headers");
  const lineMarks = marks.filter((m) => m.part === "line");
  marked(head, record.line + "\n", lineMarks, diagnostics);
  record.headers.forEach((h, index) => {
    const own = marks.filter((m) => m.part === "header" && m.header === index);
    const line = el("span", "header");
    marked(line, h.name + ": " + h.value + "\n", own, diagnostics);
    head.append(line);
  });
  detail.append(el("h3", "", "Request"), head);

  const body = record.body;
  const bodyMarks = marks.filter((m) => m.part === "body");
  const title = el("h3", "");
  if (!body) {
    title.textContent = "No body";
    detail.append(title);
  } else {
    title.textContent = "Body (" + plural(body.size, "byte", "bytes")
      + (body.truncated ? "; the first " + document.body.dataset.bodyKept + " kept" : "") + ")";
    detail.append(title);
    if (body.text === null) {
      detail.append(el("p", "note", "Its text was dropped to keep the journal's bodies within its limit."));
    } else {
      const pre = el("pre", "body");
      pre.setAttribute("aria-label", "Body");
      marked(pre, body.text, bodyMarks, diagnostics);
      detail.append(pre);
      if (body.truncated) detail.append(el("p", "note", "The rest of the body was not kept; findings past it are listed below, unmarked."));
    }
  }

  const list = el("ul", "diagnostics");
  diagnostics.forEach((d, index) => {
    const item = el("li", "diagnostic sev-" + d.severity);
    item.dataset.diagnostic = index;
    item.append(el("span", "severity", d.severity), " ", ruleLink(d.rule), el("span", "message", " " + d.message));
    const where = [];
    if (d.part) where.push(d.part + (d.name ? " " + d.name : ""));
    if (d.pointer) where.push(d.pointer);
    if (where.length) item.append(el("span", "where", " (" + where.join(", ") + ")"));
    if (!marks.some((m) => m.diagnostic === index)) item.append(el("span", "where", " (not marked: past the part of the body kept)"));
    if (d.help) item.append(el("div", "help", d.help));
    if (d.note) item.append(el("div", "note", d.note));
    list.append(item);
  });
  detail.append(el("h3", "", diagnostics.length ? plural(diagnostics.length, "finding", "findings") : "No findings"));
  if (diagnostics.length) detail.append(list);
}

// --- Rule documentation ---------------------------------------------------------------------

async function showRule(link) {
  const panel = document.getElementById("doc");
  const text = document.getElementById("doc-text");
  document.getElementById("doc-title").textContent = link.dataset.rule;
  text.textContent = "loading…";
  panel.hidden = false;
  try {
    const response = await fetch(link.getAttribute("href"));
    text.textContent = response.ok ? await response.text() : "No documentation for this rule (" + response.status + ").";
  } catch (err) {
    text.textContent = "The documentation could not be read: " + err.message;
  }
  document.getElementById("doc-close").focus();
}

// --- Start ----------------------------------------------------------------------------------

function start() {
  document.body.dataset.bodyKept = document.querySelector(".about").dataset.bodyKept;
  for (const id of ["filter-vendor", "filter-kind", "filter-verdict"]) {
    document.getElementById(id).addEventListener("change", applyFilters);
  }
  document.getElementById("filters").addEventListener("submit", (e) => e.preventDefault());
  document.addEventListener("click", (e) => {
    const link = e.target.closest && e.target.closest("a.rule");
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    showRule(link);
  }, true);
  document.getElementById("doc-close").addEventListener("click", () => {
    document.getElementById("doc").hidden = true;
  });
  const status = document.getElementById("status");
  const events = new EventSource("/_eventlint/events");
  events.addEventListener("open", () => {
    status.textContent = "live";
    status.className = "status live";
  });
  events.addEventListener("error", () => {
    status.textContent = "disconnected: reconnecting…";
    status.className = "status down";
  });
  events.addEventListener("reset", (e) => {
    // A reset forgot requests: the page forgets them too.
    const held = new Set(JSON.parse(e.data).ids);
    for (const [id, { item }] of entries) {
      if (!held.has(id)) {
        item.remove();
        entries.delete(id);
      }
    }
    applyFilters();
  });
  events.addEventListener("request", (e) => {
    try {
      add(JSON.parse(e.data));
    } catch (err) {
      console.error("eventlint: an event the page cannot read", err);
    }
  });
  applyFilters();
}

document.addEventListener("DOMContentLoaded", start);
