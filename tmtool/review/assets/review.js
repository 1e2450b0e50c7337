
// tmtool review page: one row per bead; edits are splices of the row list, so undo and redo
// are the same splice backwards and forwards. Every text goes in with textContent.
(() => {
  "use strict";
  const DATA = JSON.parse(document.getElementById("review-data").textContent);
  const SIDES = { s: DATA.src, t: DATA.tgt };
  const OTHER = { s: "t", t: "s" };
  const ROLE = { s: "source", t: "target" };
  const PAGE_SIZE = 100;
  const CONTEXT = 2;
  const HISTORY_LIMIT = 500;
  const $ = (id) => document.getElementById(id);

  const makeRow = (s, t, sc, st, ed, tu) => ({ s, t, sc, st, ed: !!ed, tu: !!tu });
  const state = {
    rows: DATA.beads.map((b) => makeRow(b[0], b[1], b[2], b[3] === "c" ? "confirmed" : "auto")),
    undo: [], redo: [], threshold: DATA.threshold, all: false,
    cur: 0, side: "s", k: 0, page: 0,
  };
  let view = [];

  // ---- what a row is -----------------------------------------------------------------
  const isOneOne = (r) => r.s.length === 1 && r.t.length === 1;
  const isWeak = (r) => r.sc === null || r.sc < state.threshold;
  const needsReview = (r) => r.st === "auto" && (r.ed || isWeak(r) || !isOneOne(r));
  const shown = (r) => needsReview(r) || r.tu;
  const band = (r) => {
    if (r.st === "confirmed") return "bc";
    if (r.sc === null) return "bn";
    return r.sc >= 0.95 ? "b4" : r.sc >= 0.8 ? "b3" : r.sc >= 0.5 ? "b2" : r.sc >= 0.2 ? "b1" : "b0";
  };
  const edited = (s, t) => makeRow(s, t, null, "confirmed", true, true);
  const withSide = (r, side, list) => (side === "s" ? edited(list, r.t) : edited(r.s, list));

  // ---- the view: weak and non-1:1 rows with context, or all rows; paged ---------------
  function computeView() {
    const rows = state.rows;
    const n = rows.length;
    view = [];
    if (state.all) {
      for (let i = 0; i < n; i++) view.push(i);
      return;
    }
    const mark = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (!shown(rows[i])) continue;
      for (let d = -CONTEXT; d <= CONTEXT; d++) if (i + d >= 0 && i + d < n) mark[i + d] = 1;
    }
    for (let i = 0; i < n; i++) if (mark[i]) view.push(i);
  }

  function viewPosition(row) {
    let lo = 0;
    let hi = view.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (view[mid] < row) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function placeCursor() {
    state.cur = Math.max(0, Math.min(state.cur, state.rows.length - 1));
    if (!view.length) return;
    const at = Math.min(viewPosition(state.cur), view.length - 1);
    if (view[at] !== state.cur) selectRow(view[at]);
    state.page = Math.floor(at / PAGE_SIZE);
  }

  // ---- drawing --------------------------------------------------------------------------
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(op, label, title, side) {
    const node = el("button", null, label);
    node.type = "button";
    node.dataset.op = op;
    node.title = title;
    node.setAttribute("aria-label", title);
    if (side) node.dataset.side = side;
    return node;
  }

  function segmentNode(side, position, k, selected) {
    const node = el("span", selected ? "seg selected" : "seg");
    node.dataset.side = side;
    node.dataset.k = String(k);
    node.appendChild(el("span", "segno", String(SIDES[side].ids[position])));
    const seg = SIDES[side].segs[position];
    if (typeof seg === "string") {
      node.appendChild(document.createTextNode(seg));
    } else {
      for (const part of seg) {
        node.appendChild(typeof part === "string" ? document.createTextNode(part) : el("span", "tag", part[0]));
      }
    }
    return node;
  }

  function sideCell(r, side, current) {
    const td = el("td", "side " + (side === "s" ? "src" : "tgt"));
    td.lang = SIDES[side].lang;
    const moves = el("span", "move");
    moves.appendChild(button("up", "\u2191", `Move the first ${ROLE[side]} sentence up into the row above (u)`, side));
    moves.appendChild(button("down", "\u2193", `Move the last ${ROLE[side]} sentence down into the row below (d)`, side));
    td.appendChild(moves);
    r[side].forEach((position, k) => {
      td.appendChild(segmentNode(side, position, k, current && state.side === side && state.k === k));
    });
    if (!r[side].length) td.appendChild(el("span", "none", "(unpaired)"));
    return td;
  }

  function statusText(r) {
    if (r.st === "confirmed") return r.ed ? "edited \u2713" : "confirmed";
    if (r.st === "rejected") return "rejected";
    return r.ed ? "edited" : "";
  }

  function rowNode(i) {
    const r = state.rows[i];
    const current = i === state.cur;
    const classes = ["row", "st-" + r.st];
    if (!isOneOne(r)) classes.push(r.s.length && r.t.length ? "multi" : "unpaired");
    if (isWeak(r)) classes.push("weak");
    if (r.ed) classes.push("edited");
    if (current) classes.push("current");
    const tr = el("tr", classes.join(" "));
    tr.dataset.row = String(i);
    const num = el("td", "num", String(i + 1));
    num.appendChild(el("span", "shape", `${r.s.length}-${r.t.length}`));
    num.appendChild(el("span", "status", statusText(r)));
    const score = el("td", "score");
    score.appendChild(el("div", "band " + band(r)));
    score.appendChild(el("span", "value", r.sc === null ? "\u2013" : r.sc.toFixed(2)));
    const acts = el("td", "acts");
    acts.appendChild(button("confirm", r.st === "confirmed" ? "\u2713 Unconfirm" : "\u2713 Confirm", "Confirm this row (c)"));
    acts.appendChild(button("reject", r.st === "rejected" ? "\u2717 Unreject" : "\u2717 Reject", "Reject this row (r)"));
    acts.appendChild(button("merge", "Merge \u2193", "Merge with the next row (m)"));
    acts.appendChild(button("split", "Split", "Split before the selected sentence (s)"));
    acts.appendChild(button("unpair", "Unpair", "Mark the selected sentence unpaired, 1-0 or 0-1 (x)"));
    tr.append(num, score, sideCell(r, "s", current), sideCell(r, "t", current), acts);
    return tr;
  }

  function gapNode(count) {
    const tr = el("tr", "gap");
    const td = el("td", null, `\u2026 ${count} row${count === 1 ? "" : "s"} not shown: nothing to review there (a shows all rows) \u2026`);
    td.colSpan = 5;
    tr.appendChild(td);
    return tr;
  }

  // The focused button of a row, as (op, side), so a redraw can give focus back to that
  // button of the current row: a keyboard user stays where they were.
  function focusedRowButton() {
    const active = document.activeElement;
    if (!active || !active.dataset || !active.dataset.op || !$("rows-body").contains(active)) return null;
    return { op: active.dataset.op, side: active.dataset.side || "" };
  }

  function refocus(focus) {
    if (!focus) return;
    const side = focus.side ? `[data-side="${focus.side}"]` : "";
    const target = document.querySelector(`tr.row.current button[data-op="${focus.op}"]${side}`);
    if (target) target.focus({ preventScroll: true });
  }

  function render() {
    const focus = focusedRowButton();
    computeView();
    placeCursor();
    const pages = Math.max(1, Math.ceil(view.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * PAGE_SIZE;
    const end = Math.min(view.length, start + PAGE_SIZE);
    const frag = document.createDocumentFragment();
    let previous = start > 0 ? view[start - 1] : -1;
    for (let p = start; p < end; p++) {
      if (view[p] > previous + 1) frag.appendChild(gapNode(view[p] - previous - 1));
      frag.appendChild(rowNode(view[p]));
      previous = view[p];
    }
    if (end === view.length && previous < state.rows.length - 1) {
      frag.appendChild(gapNode(state.rows.length - 1 - previous));
    }
    $("rows-body").replaceChildren(frag);
    $("page-info").textContent = `page ${state.page + 1} of ${pages} \u00b7 rows shown ${view.length} of ${state.rows.length}`;
    $("prev-page").disabled = state.page === 0;
    $("next-page").disabled = state.page >= pages - 1;
    $("undo").disabled = !state.undo.length;
    $("redo").disabled = !state.redo.length;
    $("show-all").checked = state.all;
    $("threshold").value = String(state.threshold);
    $("threshold-value").textContent = state.threshold.toFixed(2);
    renderCounts();
    const current = document.querySelector("tr.row.current");
    // the sticky bar covers the top of the window: a row scrolled up into view goes below it
    document.documentElement.style.scrollPaddingTop = `${$("bar").offsetHeight + 4}px`;
    if (current && current.scrollIntoView) current.scrollIntoView({ block: "nearest" });
    refocus(focus);
  }

  function renderCounts() {
    let review = 0;
    let confirmed = 0;
    let rejected = 0;
    for (const r of state.rows) {
      if (needsReview(r)) review++;
      if (r.st === "confirmed") confirmed++;
      if (r.st === "rejected") rejected++;
    }
    $("counts").textContent = `${state.rows.length} rows \u00b7 ${review} to review \u00b7 ${confirmed} confirmed \u00b7 ${rejected} rejected`;
  }

  function say(text) {
    $("message").textContent = text;
  }

  // ---- edits: every change is a splice, kept for undo ------------------------------------
  function change(at, count, added) {
    const kept = added.filter((r) => r.s.length || r.t.length);
    const removed = state.rows.slice(at, at + count);
    state.rows.splice(at, count, ...kept);
    state.undo.push({ at, removed, added: kept, cur: state.cur });
    if (state.undo.length > HISTORY_LIMIT) state.undo.shift();
    state.redo = [];
    say("");
    afterChange();
  }

  // Undo puts back what a change removed; redo does the change again.
  function replay(backwards) {
    const from = backwards ? state.undo : state.redo;
    const entry = from.pop();
    if (!entry) return say(backwards ? "Nothing to undo." : "Nothing to redo.");
    const [out, back] = backwards ? [entry.added, entry.removed] : [entry.removed, entry.added];
    state.rows.splice(entry.at, out.length, ...back);
    (backwards ? state.redo : state.undo).push(entry);
    selectRow(entry.cur);
    say(backwards ? "Undone." : "Redone.");
    afterChange();
  }

  const undo = () => replay(true);
  const redo = () => replay(false);

  function afterChange() {
    autosave();
    render();
  }

  function moveUp(i, side) {
    const r = state.rows[i];
    if (i === 0) return say("The first row has no row above.");
    if (!r[side].length) return say(`This row has no ${ROLE[side]} sentence to move.`);
    const above = state.rows[i - 1];
    change(i - 1, 2, [withSide(above, side, above[side].concat([r[side][0]])), withSide(r, side, r[side].slice(1))]);
  }

  function moveDown(i, side) {
    const r = state.rows[i];
    if (i === state.rows.length - 1) return say("The last row has no row below.");
    if (!r[side].length) return say(`This row has no ${ROLE[side]} sentence to move.`);
    const below = state.rows[i + 1];
    const last = r[side][r[side].length - 1];
    change(i, 2, [withSide(r, side, r[side].slice(0, -1)), withSide(below, side, [last].concat(below[side]))]);
  }

  function merge(i) {
    if (i === state.rows.length - 1) return say("The last row has no next row to merge with.");
    const a = state.rows[i];
    const b = state.rows[i + 1];
    change(i, 2, [edited(a.s.concat(b.s), a.t.concat(b.t))]);
  }

  function split(i, side, k) {
    const r = state.rows[i];
    if (r[side].length < 2) {
      if (r[OTHER[side]].length < 2) return say("Nothing to split: one sentence a side (x marks one unpaired).");
      side = OTHER[side];
      k = 1;
    }
    const mine = r[side];
    const other = r[OTHER[side]];
    const cut = Math.max(1, Math.min(k, mine.length - 1));
    const otherCut = Math.max(0, Math.min(other.length, Math.round((cut * other.length) / mine.length)));
    const part = (m, o) => (side === "s" ? edited(m, o) : edited(o, m));
    change(i, 1, [part(mine.slice(0, cut), other.slice(0, otherCut)), part(mine.slice(cut), other.slice(otherCut))]);
  }

  function unpair(i, side, k) {
    const r = state.rows[i];
    const mine = r[side];
    if (!mine.length) return say(`This row has no ${ROLE[side]} sentence.`);
    k = Math.max(0, Math.min(k, mine.length - 1));
    if (mine.length === 1 && !r[OTHER[side]].length) return say("That sentence is already unpaired.");
    if (k !== 0 && k !== mine.length - 1) {
      return say("Only the first or last sentence of a side can be unpaired; split the row first.");
    }
    const alone = side === "s" ? edited([mine[k]], []) : edited([], [mine[k]]);
    const rest = withSide(r, side, mine.filter((_, index) => index !== k));
    change(i, 1, k === 0 ? [alone, rest] : [rest, alone]);
  }

  function setStatus(i, status) {
    const r = state.rows[i];
    const next = r.st === status ? "auto" : status;
    change(i, 1, [makeRow(r.s, r.t, r.sc, next, r.ed, true)]);
    if (next === "auto" && r.ed) {
      say(`Row ${i + 1} is left to the aligner again: --apply may pair it differently (c confirms it).`);
    }
  }

  // ---- the cursor: a row and a selected sentence ----------------------------------------
  function selectRow(i) {
    state.cur = Math.max(0, Math.min(i, state.rows.length - 1));
    const r = state.rows[state.cur];
    state.side = r && !r.s.length ? "t" : "s";
    state.k = 0;
  }

  function selectSentence(delta) {
    const r = state.rows[state.cur];
    const count = r.s.length + r.t.length;
    const flat = Math.max(0, Math.min(count - 1, (state.side === "s" ? state.k : r.s.length + state.k) + delta));
    state.side = flat < r.s.length ? "s" : "t";
    state.k = flat < r.s.length ? flat : flat - r.s.length;
    render();
  }

  function stepRow(delta) {
    const at = viewPosition(state.cur) + delta;
    if (at < 0 || at >= view.length) return say(delta > 0 ? "This is the last row shown." : "This is the first row shown.");
    selectRow(view[at]);
    render();
  }

  function nextWeak(delta) {
    const rows = state.rows;
    for (let i = state.cur + delta; i >= 0 && i < rows.length; i += delta) {
      if (needsReview(rows[i])) {
        selectRow(i);
        say("");
        return render();
      }
    }
    say(delta > 0 ? "No row to review below this one." : "No row to review above this one.");
  }

  function turnPage(delta) {
    const pages = Math.max(1, Math.ceil(view.length / PAGE_SIZE));
    const page = Math.max(0, Math.min(pages - 1, state.page + delta));
    if (page === state.page) return;
    selectRow(view[page * PAGE_SIZE]);
    render();
  }

  function showAll(all) {
    state.all = all;
    autosave();
    render();
  }

  // ---- saving -------------------------------------------------------------------------------
  function decisions() {
    const ids = (side, positions) => positions.map((p) => SIDES[side].ids[p]);
    const out = [];
    const seen = new Set();
    for (const r of state.rows) {
      if (r.st === "auto") continue;
      const d = { src: ids("s", r.s), tgt: ids("t", r.t), status: r.st };
      seen.add(JSON.stringify([d.src, d.tgt]));
      out.push(d);
    }
    for (const [src, tgt] of DATA.rejected) {
      if (!seen.has(JSON.stringify([src, tgt]))) out.push({ src, tgt, status: "rejected" });
    }
    return out;
  }

  function logText() {
    const head = {
      tmtool_review: 1, tmtool: DATA.tmtool, src: DATA.src.name, tgt: DATA.tgt.name,
      src_sha256: DATA.src.sha256, tgt_sha256: DATA.tgt.sha256,
      src_segments: DATA.src.segs.length, tgt_segments: DATA.tgt.segs.length,
    };
    const lines = decisions().map((d) => "  " + JSON.stringify(d));
    return JSON.stringify(head).slice(0, -1) + ', "decisions": [\n' + lines.join(",\n") + (lines.length ? "\n" : "") + "]}\n";
  }

  function download() {
    const name = DATA.name + ".review.json";
    const text = logText();
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = el("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    const count = decisions().length;
    say(`Saved ${count} decision${count === 1 ? "" : "s"} as ${name}; apply them with tmtool align --apply ${name}.`);
  }

  // Autosave keeps the rows as runs of untouched beads ([first bead, count]) and the rows
  // that changed (5-item arrays), so what a review stores grows with its edits, not with the
  // document: the browser's storage for file:// pages is one quota (about 5 MB) for them all.
  const packRow = (r) => [r.s, r.t, r.sc, r.st[0], (r.ed ? 1 : 0) | (r.tu ? 2 : 0)];
  const STATUS = { a: "auto", c: "confirmed", r: "rejected" };
  const unpackRow = (p) => makeRow(p[0], p[1], p[2], STATUS[p[3]], p[4] & 1, p[4] & 2);
  const packEntry = (e) => [e.at, e.removed.map(packRow), e.added.map(packRow), e.cur];
  const unpackEntry = (p) => ({ at: p[0], removed: p[1].map(unpackRow), added: p[2].map(unpackRow), cur: p[3] });
  const firstBead = new Map(DATA.beads.map((b, k) => [`${b[0]}|${b[1]}`, k]));

  function packRows(rows) {
    const out = [];
    for (const r of rows) {
      const k = r.tu || r.ed ? undefined : firstBead.get(`${r.s}|${r.t}`);
      const last = out[out.length - 1];
      if (k === undefined) out.push(packRow(r));
      else if (last && last.length === 2 && last[0] + last[1] === k) last[1]++;
      else out.push([k, 1]);
    }
    return out;
  }

  function unpackRows(packed) {
    const rows = [];
    for (const p of packed) {
      if (p.length !== 2) {
        rows.push(unpackRow(p));
        continue;
      }
      for (let k = p[0]; k < p[0] + p[1]; k++) {
        const b = DATA.beads[k];
        rows.push(makeRow(b[0], b[1], b[2], b[3] === "c" ? "confirmed" : "auto"));
      }
    }
    return rows;
  }

  function autosave() {
    const snapshot = {
      v: 2, t: Date.now(), rows: packRows(state.rows), undo: state.undo.map(packEntry),
      redo: state.redo.map(packEntry), threshold: state.threshold, all: state.all, cur: state.cur,
    };
    try {
      store(JSON.stringify(snapshot));
    } catch (error) {
      say(`This browser did not keep your work (${error.name}); save your decisions now.`);
    }
  }

  // Full storage: the oldest autosaves of other reviews make room, one at a time.
  function store(text) {
    for (;;) {
      try {
        return localStorage.setItem(DATA.key, text);
      } catch (error) {
        if (error.name !== "QuotaExceededError" || !dropOldestOtherReview()) throw error;
      }
    }
  }

  function dropOldestOtherReview() {
    let oldest = null;
    let oldestTime = Infinity;
    for (let k = 0; k < localStorage.length; k++) {
      const key = localStorage.key(k);
      if (!key.startsWith("tmtool-review/") || key === DATA.key) continue;
      let time = 0;
      try { time = Number(JSON.parse(localStorage.getItem(key)).t) || 0; } catch (error) { time = 0; }
      if (time < oldestTime) [oldest, oldestTime] = [key, time];
    }
    if (oldest === null) return false;
    localStorage.removeItem(oldest);
    say("The browser's storage was full: the oldest work kept for another review was dropped to keep this one.");
    return true;
  }

  function coversAll(rows) {
    for (const side of ["s", "t"]) {
      let next = 0;
      for (const r of rows) for (const p of r[side]) if (p !== next++) return false;
      if (next !== SIDES[side].segs.length) return false;
    }
    return true;
  }

  // The work kept in this browser for this page: true when there was some and it fits.
  function restore() {
    let snapshot = null;
    let rows = null;
    let undo = null;
    let redo = null;
    try {
      snapshot = JSON.parse(localStorage.getItem(DATA.key) || "null");
      if (!snapshot || (snapshot.v !== 1 && snapshot.v !== 2)) return false;
      rows = unpackRows(snapshot.rows);
      if (!coversAll(rows)) throw new Error("rows do not cover the documents");
      undo = snapshot.undo.map(unpackEntry);
      redo = snapshot.redo.map(unpackEntry);
    } catch (error) {
      say("Work kept in this browser did not fit these documents; it was set aside.");
      return false;
    }
    Object.assign(state, { rows, undo, redo, threshold: Number(snapshot.threshold), all: !!snapshot.all });
    selectRow(Number(snapshot.cur) || 0);
    return true;
  }

  // The same page open in two tabs: each takes up the other's changes as they are saved.
  function onStorage(event) {
    if (event.key !== DATA.key || event.newValue === null) return;
    if (restore()) {
      say("Updated with the changes made in this review's other tab.");
      render();
    }
  }

  // ---- input ------------------------------------------------------------------------------
  function act(op, i, side, k) {
    switch (op) {
      case "up": return moveUp(i, side);
      case "down": return moveDown(i, side);
      case "merge": return merge(i);
      case "split": return split(i, side, k);
      case "unpair": return unpair(i, side, k);
      case "confirm": return setStatus(i, "confirmed");
      case "reject": return setStatus(i, "rejected");
      default: return undefined;
    }
  }

  function onRowsClick(event) {
    const tr = event.target.closest("tr.row");
    if (!tr) return;
    const i = Number(tr.dataset.row);
    const opButton = event.target.closest("button[data-op]");
    const seg = event.target.closest(".seg");
    if (i !== state.cur) selectRow(i);
    if (seg) {
      state.side = seg.dataset.side;
      state.k = Number(seg.dataset.k);
    }
    if (opButton) {
      const side = opButton.dataset.side || state.side;
      return act(opButton.dataset.op, i, side, opButton.dataset.side ? 0 : state.k);
    }
    render();
  }

  const KEYS = {
    n: () => nextWeak(1), p: () => nextWeak(-1),
    ArrowDown: () => stepRow(1), ArrowUp: () => stepRow(-1), j: () => stepRow(1), k: () => stepRow(-1),
    ArrowRight: () => selectSentence(1), ArrowLeft: () => selectSentence(-1),
    u: () => moveUp(state.cur, state.side), d: () => moveDown(state.cur, state.side),
    m: () => merge(state.cur), s: () => split(state.cur, state.side, state.k),
    x: () => unpair(state.cur, state.side, state.k),
    c: () => setStatus(state.cur, "confirmed"), r: () => setStatus(state.cur, "rejected"),
    z: undo, y: redo, a: () => showAll(!state.all),
    PageDown: () => turnPage(1), PageUp: () => turnPage(-1),
  };

  function keyBelongsTo(target, key) {
    // a focused slider keeps its arrow keys; a focused checkbox or button needs no letters
    if (!target || target.tagName !== "INPUT") return false;
    if (target.type === "checkbox") return false;
    if (target.type === "range") return /^(Arrow|Page|Home|End)/.test(key);
    return true;
  }

  const ROW_KEYS = new Set(["u", "d", "m", "s", "x", "c", "r", "ArrowRight", "ArrowLeft"]);

  function onKey(event) {
    if (keyBelongsTo(event.target, event.key)) return;
    if (event.ctrlKey || event.metaKey) {
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) undo();
      else if (key === "y" || (key === "z" && event.shiftKey)) redo();
      else return;
      event.preventDefault();
      return;
    }
    if (event.altKey || !state.rows.length) return;
    const handler = KEYS[event.key];
    if (!handler) return;
    event.preventDefault();
    if (ROW_KEYS.has(event.key) && view[viewPosition(state.cur)] !== state.cur) {
      return say("No row is selected on this page: press n for the next row to review, or a to show all rows.");
    }
    handler();
  }

  function start() {
    document.title = `Review: ${DATA.src.name} + ${DATA.tgt.name}`;
    $("title").textContent = document.title;
    $("src-head").textContent = `${DATA.src.name} (${DATA.src.lang})`;
    $("tgt-head").textContent = `${DATA.tgt.name} (${DATA.tgt.lang})`;
    selectRow(0);
    if (restore()) {
      say(`Resumed your review from this browser's storage (${state.undo.length} change${state.undo.length === 1 ? "" : "s"}).`);
    }
    const first = state.rows.findIndex(needsReview);
    if (!state.undo.length && first >= 0) selectRow(first);
    $("rows-body").addEventListener("click", onRowsClick);
    document.addEventListener("keydown", onKey);
    window.addEventListener("storage", onStorage);
    $("prev-weak").addEventListener("click", () => nextWeak(-1));
    $("next-weak").addEventListener("click", () => nextWeak(1));
    $("undo").addEventListener("click", undo);
    $("redo").addEventListener("click", redo);
    $("save").addEventListener("click", download);
    $("prev-page").addEventListener("click", () => turnPage(-1));
    $("next-page").addEventListener("click", () => turnPage(1));
    $("show-all").addEventListener("change", (event) => showAll(event.target.checked));
    $("threshold").addEventListener("input", (event) => {
      state.threshold = Number(event.target.value);
      autosave();
      render();
    });
    render();
    document.body.getBoundingClientRect(); // lays the first page out now, so "ready" includes layout
    document.documentElement.dataset.ready = String(performance.now());
  }

  start();
})();
