// kneecourse explorers drawn in the browser.
//
// The kernel sends the fixed layer of a figure as an image and the changing artists as frames (paths and
// texts in the figure's pixels, see kneecourse/views/scene.py). For the control being moved the browser
// draws from a table of frames over the control's range, computed by the course's models at the other
// controls' current values, so a drag is drawn at display rate without a round trip; the kernel learns
// the value a few times a second and on release, and stays the source of truth for the explorer's state.
//
// The same module runs on the course website without a kernel (a "static model" holds the tables for
// moving one control at a time from the shown state).

const FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif";
const SEND_EVERY_MS = 1000; // during a long drag the kernel hears the value this often
const SETTLE_MS = 250; // and once more when the control has been still this long (a key burst, a release)
const EPS = 1e-9;
const NAV_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown", " "]);

function bytesOf(b) {
  if (!b) return new Uint8Array(0);
  if (b instanceof Uint8Array) return b;
  if (b instanceof ArrayBuffer) return new Uint8Array(b);
  if (ArrayBuffer.isView(b)) return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return new Uint8Array(0);
}

function typed(Kind, b) {
  const u8 = bytesOf(b);
  const copy = u8.slice(); // aligned copy
  return new Kind(copy.buffer, 0, copy.byteLength / Kind.BYTES_PER_ELEMENT);
}

/** A packed frame table (header JSON + verts, codes, paths buffers) made ready to draw. */
export function decodeTable(header, verts, codes, paths) {
  return {
    ...header,
    verts: typed(Int16Array, verts),
    codes: typed(Uint8Array, codes),
    paths: typed(Int32Array, paths),
    cache: new Map(),
  };
}

function path2d(table, id) {
  let p = table.cache.get(id);
  if (p) return p;
  p = new Path2D();
  const P = table.paths, V = table.verts, C = table.codes, q = table.quantum;
  const style = P[4 * id], v0 = P[4 * id + 1], n = P[4 * id + 2], c0 = P[4 * id + 3];
  const x = (k) => V[2 * (v0 + k)] / q, y = (k) => V[2 * (v0 + k) + 1] / q;
  if (c0 < 0) {
    p.moveTo(x(0), y(0));
    for (let k = 1; k < n; k++) p.lineTo(x(k), y(k));
  } else {
    for (let k = 0; k < n; k++) {
      const code = C[c0 + k];
      if (code === 1) p.moveTo(x(k), y(k));
      else if (code === 2) p.lineTo(x(k), y(k));
      else if (code === 3) { p.quadraticCurveTo(x(k), y(k), x(k + 1), y(k + 1)); k += 1; }
      else if (code === 4) { p.bezierCurveTo(x(k), y(k), x(k + 1), y(k + 1), x(k + 2), y(k + 2)); k += 2; }
      else if (code === 79) p.closePath();
    }
  }
  p.style = style;
  table.cache.set(id, p);
  return p;
}

const CAPS = { butt: "butt", round: "round", projecting: "square" };

/** Paint frame `i` of `table` over `background` (an ImageBitmap or null) on a 2D context in figure pixels. */
export function paintFrame(ctx, table, i, background, width, height) {
  const f = table.frames[i];
  ctx.clearRect(0, 0, width, height);
  if (background) ctx.drawImage(background, 0, 0, width, height);
  else { ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, width, height); }
  for (const id of f.paths) {
    const p = path2d(table, id);
    const st = table.styles[p.style];
    ctx.save();
    if (st.clip) { ctx.beginPath(); ctx.rect(st.clip[0], st.clip[1], st.clip[2], st.clip[3]); ctx.clip(); }
    if (st.fill) { ctx.fillStyle = st.fill; ctx.fill(p); }
    if (st.stroke) {
      ctx.strokeStyle = st.stroke;
      ctx.lineWidth = st.lw;
      ctx.lineCap = CAPS[st.cap] || "butt";
      ctx.lineJoin = st.join === "miter" ? "miter" : st.join;
      ctx.setLineDash(st.dash);
      ctx.lineDashOffset = st.offset || 0;
      ctx.stroke(p);
    }
    ctx.restore();
  }
  for (const id of f.texts) {
    const [s, x, y, angle, text] = table.texts[id];
    const st = table.styles[s];
    ctx.save();
    if (st.clip) { ctx.beginPath(); ctx.rect(st.clip[0], st.clip[1], st.clip[2], st.clip[3]); ctx.clip(); }
    ctx.font = `${st.font} ${FONT_FAMILY}`;
    ctx.fillStyle = st.color;
    ctx.textBaseline = "alphabetic";
    ctx.textAlign = "left";
    ctx.translate(x, y);
    if (angle) ctx.rotate((-angle * Math.PI) / 180);
    ctx.fillText(text, 0, 0);
    ctx.restore();
  }
}

function decimals(step) {
  const s = String(step);
  return s.includes("e-") ? Number(s.split("e-")[1]) : (s.split(".")[1] || "").length;
}

function formatValue(c, v) {
  if (c.kind === "checkbox") return v ? "on" : "off";
  if (c.kind !== "range") {
    const k = c.positions.findIndex((p) => p === v);
    return k >= 0 ? c.labels[k] : String(v);
  }
  const m = /\.(\d+)f/.exec(c.fmt || "");
  const digits = m ? Number(m[1]) : decimals(c.step);
  return Number(v).toFixed(digits);
}

/** The row of a control's table for value `v`. */
export function positionOf(c, v) {
  if (c.kind === "range") return Math.max(0, Math.min(c.n - 1, Math.round((v - c.min) / c.step)));
  const k = c.positions.findIndex((p) => p === v);
  return k < 0 ? 0 : k;
}

export function valueAt(c, i) {
  if (c.kind === "range") return Number((c.min + i * c.step).toFixed(10)); // as the kernel's grid: round(v, 10)
  return c.positions[i];
}

function same(a, b) {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a));
  return a === b;
}

function render({ model, el }) {
  const spec = model.get("spec");
  const byName = Object.fromEntries(spec.controls.map((c) => [c.name, c]));
  const W = spec.width, H = spec.height;
  let values = { ...model.get("values") };
  const tables = {}; // control -> {basis, table}
  const wanted = {}; // control -> basis JSON last asked for
  const backgrounds = new Map(); // layout id -> ImageBitmap (or a promise)
  let active = null; // the control being moved in the browser
  let shown = null; // [table, row] on the canvas
  let shownFor = null, drawnFor = null; // the control values of the frame asked for, and of the one drawn
  let lastSent = 0, sendTimer = null, finalTimer = null, playTimer = null;

  const root = document.createElement("div");
  // a tall drawing keeps the controls beside it on every projector (TALL_ASPECT in views/style.py)
  root.className = "kc-live" + (spec.projector ? " kc-live-projector" : "") + (W / H < 1.25 ? " kc-live-tall" : "");
  root.setAttribute("data-lm-suppress-shortcuts", "true");
  // arrow keys move the controls, not the notebook's cells: the notebook never hears them from here
  root.addEventListener("keydown", (ev) => { if (NAV_KEYS.has(ev.key)) ev.stopPropagation(); });
  const panel = document.createElement("div");
  panel.className = "kc-live-panel";
  const stage = document.createElement("div");
  stage.className = "kc-live-stage";
  const canvas = document.createElement("canvas");
  canvas.className = "kc-live-figure";
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", spec.alt || "figure");
  canvas.style.aspectRatio = `${W} / ${H}`;
  canvas.style.maxWidth = `${W}px`;
  // the smallest text of the drawing (px at its own size): what it is on screen follows the canvas's width
  canvas.dataset.width = String(W);
  if (spec.text_px) canvas.dataset.textPx = String(spec.text_px);
  const readout = document.createElement("div");
  readout.className = "kc-live-readout";
  readout.setAttribute("role", "status");
  readout.setAttribute("aria-live", "polite");
  const note = document.createElement("div");
  note.className = "kc-live-note";
  note.hidden = true;
  // over the drawing while it is not yet of the controls' values (the kernel is still drawing them), so a
  // frame never passes for the slider's value when it is not
  const busy = document.createElement("div");
  busy.className = "kc-live-busy";
  busy.setAttribute("aria-hidden", "true");

  const inputs = {};
  const shownValue = {};
  for (const c of spec.controls) {
    const row = document.createElement("div");
    row.className = "kc-live-control";
    row.dataset.control = c.name;
    const id = `kc-${Math.random().toString(36).slice(2)}-${c.name}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = c.label;
    let input;
    if (c.kind === "range") {
      input = document.createElement("input");
      input.type = "range";
      input.min = 0;
      input.max = c.n - 1;
      input.step = 1;
    } else if (c.kind === "checkbox") {
      input = document.createElement("input");
      input.type = "checkbox";
    } else {
      input = document.createElement("select");
      c.labels.forEach((text, k) => {
        const o = document.createElement("option");
        o.value = String(k);
        o.textContent = text;
        input.appendChild(o);
      });
    }
    input.id = id;
    input.className = "kc-live-input";
    const out = document.createElement("output");
    out.htmlFor = id;
    out.className = "kc-live-value";
    shownValue[c.name] = out;
    inputs[c.name] = input;
    if (c.kind === "checkbox") { row.append(input, label); row.classList.add("kc-live-check"); }
    else row.append(label, out, input);
    if (c.play) {
      const btn = document.createElement("button");
      btn.type = "button";
      btn.className = "kc-live-play";
      btn.textContent = "▶ play";
      btn.setAttribute("aria-label", `play: ${c.label}`);
      btn.addEventListener("click", () => togglePlay(c, btn));
      row.appendChild(btn);
    }
    const ask = () => want(c.name);
    row.addEventListener("pointerenter", ask);
    row.addEventListener("focusin", ask);
    row.addEventListener("pointerdown", ask);
    input.addEventListener("input", () => moved(c, false));
    input.addEventListener("change", () => moved(c, true));
    input.addEventListener("blur", () => { if (active === c.name) active = null; });
    panel.appendChild(row);
  }
  panel.appendChild(readout);
  panel.appendChild(note);
  stage.appendChild(canvas);
  stage.appendChild(busy);
  if (spec.caption) {
    const cap = document.createElement("p");
    cap.className = "kc-live-caption";
    cap.innerHTML = `<i>Try this:</i> ${spec.caption}`;
    stage.appendChild(cap);
  }
  root.append(panel, stage);
  el.appendChild(root);

  // direct manipulation: drag across the drawing (or use the arrow keys on it) to move one control
  const dragged = spec.drag && byName[spec.drag.control];
  if (dragged) {
    canvas.tabIndex = 0;
    canvas.classList.add("kc-live-draggable");
    canvas.setAttribute("aria-label", `${spec.alt || "figure"} Drag across it, or use the arrow keys, to change ${dragged.label}.`);
    let start = null;
    const step = (k) => {
      const input = inputs[dragged.name];
      const i = Math.max(0, Math.min(dragged.n - 1, Number(input.value) + k));
      if (String(i) === input.value) return;
      input.value = String(i);
      moved(dragged, false);
    };
    canvas.addEventListener("pointerenter", () => want(dragged.name));
    canvas.addEventListener("focus", () => want(dragged.name));
    canvas.addEventListener("pointerdown", (ev) => {
      want(dragged.name);
      start = { x: ev.clientX, y: ev.clientY, i: Number(inputs[dragged.name].value) };
      canvas.setPointerCapture(ev.pointerId);
    });
    canvas.addEventListener("pointermove", (ev) => {
      if (!start) return;
      const px = (spec.drag.axis === "y" ? start.y - ev.clientY : ev.clientX - start.x) * (spec.drag.sign || 1);
      const perStep = (canvas.getBoundingClientRect().width || W) / Math.max(40, dragged.n * 1.5);
      const i = Math.max(0, Math.min(dragged.n - 1, start.i + Math.round(px / perStep)));
      if (String(i) !== inputs[dragged.name].value) { inputs[dragged.name].value = String(i); moved(dragged, false); }
    });
    const end = () => { if (start) { start = null; moved(dragged, true); } };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    canvas.addEventListener("keydown", (ev) => {
      const k = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 }[ev.key];
      if (k === undefined) return;
      ev.preventDefault();
      step(k);
    });
  }

  function setInputs(skip) {
    for (const c of spec.controls) {
      if (c.name === skip) continue;
      const v = values[c.name], input = inputs[c.name];
      if (c.kind === "checkbox") input.checked = !!v;
      else input.value = String(positionOf(c, v));
      shownValue[c.name].textContent = formatValue(c, v);
    }
  }

  function inputValue(c) {
    const input = inputs[c.name];
    if (c.kind === "checkbox") return input.checked;
    return valueAt(c, Number(input.value));
  }

  function basisOf(name) {
    const b = {};
    for (const c of spec.controls) if (c.name !== name) b[c.name] = values[c.name];
    return b;
  }

  function validTable(name) {
    const t = tables[name];
    if (!t) return null;
    for (const [k, v] of Object.entries(t.basis)) if (!same(values[k], v)) return null;
    return t.table;
  }

  /** The row of the control's table for its value: a coarse table (every k-th position) draws the nearest. */
  function rowOf(name) {
    const t = tables[name], i = positionOf(byName[name], values[name]);
    const stride = (t && t.stride) || 1;
    const row = Math.min(t.table.frames.length - 1, Math.round(i / stride));
    readout.classList.toggle("kc-live-approx", row * stride !== i);
    return row;
  }

  function want(name) {
    if (validTable(name)) return;
    const basis = JSON.stringify(basisOf(name));
    if (wanted[name] === basis) return;
    wanted[name] = basis;
    model.send({ kind: "want", control: name });
  }

  function sendSet(final) {
    clearTimeout(sendTimer);
    sendTimer = null;
    if (final) { clearTimeout(finalTimer); finalTimer = null; }
    lastSent = performance.now();
    model.send({ kind: "set", values: { ...values }, final, tabled: !!(active && validTable(active)) });
  }

  /** Is the drawing of the controls' values? If not, say so over it (updating, or cannot be drawn). */
  function markStale() {
    const stale = !drawnFor || spec.controls.some((c) => !same(drawnFor[c.name], values[c.name]));
    root.classList.toggle("kc-live-stale", stale);
    busy.textContent = root.classList.contains("kc-live-invalid") ? "not drawn: see the message" : "updating…";
    canvas.setAttribute("aria-busy", String(stale));
  }

  let painting = false;
  function paint(table, i, forValues) {
    shown = [table, i];
    shownFor = { ...forValues };
    if (painting) return;
    painting = true;
    requestAnimationFrame(() => {
      painting = false;
      const [t, k] = shown;
      draw(t, k);
    });
  }

  function draw(table, i) {
    const f = table.frames[i];
    if (!f) return;
    if (window.kneecourseFrames) window.kneecourseFrames.push([performance.now(), spec.name, i]);
    if (f.error) {
      readout.innerHTML = `<span class="kc-live-error">⚠ ${f.error}</span>`;
      root.classList.add("kc-live-invalid");
      markStale();
      return;
    }
    root.classList.remove("kc-live-invalid");
    drawnFor = shownFor;
    markStale();
    const ctx = canvas.getContext("2d");
    const scale = canvas.width / W;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    const bg = backgrounds.get(f.layout);
    paintFrame(ctx, table, i, bg instanceof ImageBitmap ? bg : null, W, H);
    // the words the drawing shows (its labels and values) as drawn: what a check of the drawing reads
    canvas.dataset.texts = f.texts.map((id) => table.texts[id][4]).join(" · ");
    if (f.readout !== undefined) readout.innerHTML = f.readout;
    canvas.dataset.frames = String(Number(canvas.dataset.frames || 0) + 1);
    if (!(bg instanceof ImageBitmap) && bg && bg.then) bg.then(() => { if (shown && shown[0] === table) paint(table, shown[1], shownFor); });
  }

  function addBackground(id, bytes) {
    if (backgrounds.has(id)) return;
    const p = createImageBitmap(new Blob([bytesOf(bytes)], { type: "image/png" })).then((bmp) => {
      backgrounds.set(id, bmp);
      return bmp;
    });
    backgrounds.set(id, p);
  }

  function moved(c, final) {
    values[c.name] = inputValue(c);
    shownValue[c.name].textContent = formatValue(c, values[c.name]);
    active = final && c.kind !== "range" ? null : c.name;
    const t = validTable(c.name);
    if (t) paint(t, rowOf(c.name), values);
    else { want(c.name); markStale(); }
    if (model.static) { model.staticMoved(c.name, values, note, setInputs); return; }
    // the kernel hears the value a few times a second, and for certain once the control is still
    clearTimeout(finalTimer);
    finalTimer = setTimeout(() => sendSet(true), final && c.kind !== "range" ? 0 : SETTLE_MS);
    if (!final && !sendTimer) {
      const wait = Math.max(0, SEND_EVERY_MS - (performance.now() - lastSent));
      sendTimer = setTimeout(() => sendSet(false), wait);
    }
  }

  function togglePlay(c, btn) {
    if (playTimer) { clearInterval(playTimer); playTimer = null; btn.textContent = "▶ play"; return; }
    want(c.name);
    let i = positionOf(c, values[c.name]);
    if (i >= c.n - 1) i = 0;
    btn.textContent = "❚❚ pause";
    playTimer = setInterval(() => {
      if (!validTable(c.name) || tables[c.name].stride > 1) return; // wait for the whole table
      inputs[c.name].value = String(i);
      active = c.name;
      moved(c, i >= c.n - 1);
      i += 1;
      if (i >= c.n) { clearInterval(playTimer); playTimer = null; btn.textContent = "▶ play"; active = null; }
    }, c.play.interval || 60);
  }

  function showKernelFrame() {
    const packed = model.get("frame");
    if (!packed || !packed.frames) return;
    addBackground(model.get("layout"), model.get("background"));
    const t = decodeTable(packed, packed.verts, packed.codes, packed.paths);
    if (!active || !validTable(active)) paint(t, 0, model.get("values"));
  }

  function sizeCanvas() {
    const css = canvas.getBoundingClientRect().width || W;
    const dpr = window.devicePixelRatio || 1;
    const px = Math.max(1, Math.round(css * dpr));
    if (canvas.width !== px) {
      canvas.width = px;
      canvas.height = Math.round((px * H) / W);
      if (shown) draw(shown[0], shown[1]);
    }
  }

  model.on("msg:custom", (msg, buffers) => {
    if (msg.kind !== "table") return;
    const [verts, codes, paths, ...pngs] = buffers;
    (msg.backgrounds || []).forEach((id, k) => addBackground(id, pngs[k]));
    const had = tables[msg.control];
    const stride = msg.stride || 1;
    if (had && had.stride < stride && JSON.stringify(had.basis) === JSON.stringify(msg.basis)) return; // finer already
    tables[msg.control] = { basis: msg.basis, stride, table: decodeTable(msg.header, verts, codes, paths) };
    delete wanted[msg.control];
    root.dataset.tables = Object.keys(tables).join(" ");
    root.dataset.whole = Object.keys(tables).filter((k) => tables[k].stride === 1).join(" ");
    if (active === msg.control && validTable(active)) paint(tables[active].table, rowOf(active), values);
  });
  model.on("change:frame", showKernelFrame);
  model.on("change:values", () => {
    const v = model.get("values");
    for (const k of Object.keys(v)) if (k !== active) values[k] = v[k];
    setInputs(active);
  });
  model.on("change:readout", () => {
    if (active && validTable(active)) return;
    const text = model.get("readout") || "";
    readout.innerHTML = text;
    // the kernel could not draw these values (its message says why): the drawing is of the last ones it could
    root.classList.toggle("kc-live-invalid", text.includes("⚠"));
    markStale();
  });

  setInputs(null);
  readout.innerHTML = model.get("readout") || "";
  if (model.static) model.staticInit({ tables, addBackground, decodeTable });
  new ResizeObserver(sizeCanvas).observe(canvas);
  sizeCanvas();
  showKernelFrame();
  return () => { clearInterval(playTimer); clearTimeout(sendTimer); clearTimeout(finalTimer); };
}

export default { render };
