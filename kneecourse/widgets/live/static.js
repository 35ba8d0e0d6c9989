// On a page without a kernel (the course website): each explorer's data is in the page, as the kernel
// would have sent it — the fixed layers, the frame shown, and a table of frames for every control at
// the shown state. One control at a time can move from that state; moving a second needs the live course.

function fromBase64(text) {
  const bin = atob(text || "");
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function staticModel(data) {
  const listeners = {};
  const initial = { ...data.values };
  const emit = (event, ...args) => (listeners[event] || []).forEach((cb) => cb(...args));
  return {
    static: true,
    get(key) {
      if (key === "frame") {
        const f = data.frame;
        return { ...f, verts: fromBase64(f.verts), codes: fromBase64(f.codes), paths: fromBase64(f.paths) };
      }
      if (key === "background") return fromBase64(data.backgrounds[String(data.layout)]);
      return data[key];
    },
    on(event, cb) { (listeners[event] = listeners[event] || []).push(cb); },
    send(msg) {
      const t = msg && msg.kind === "want" && data.tables[msg.control];
      if (!t) return;
      const buffers = [t.verts, t.codes, t.paths, ...t.backgrounds.map((id) => data.backgrounds[String(id)])];
      setTimeout(() => emit("msg:custom", { kind: "table", control: msg.control, basis: t.basis, header: t.header,
                                            backgrounds: t.backgrounds }, buffers.map(fromBase64)), 0);
    },
    staticInit() {},
    staticMoved(name, values, note, setInputs) {
      const away = Object.keys(initial).filter((k) => values[k] !== initial[k]);
      const root = note.closest(".kc-live");
      for (const row of root.querySelectorAll(".kc-live-control")) {
        const locked = away.length > 0 && !away.includes(row.dataset.control);
        row.querySelectorAll("input, select").forEach((el) => { el.disabled = locked; });
        row.classList.toggle("kc-live-locked", locked);
      }
      note.hidden = away.length === 0;
      if (note.hidden) return;
      note.textContent = "This page has no running Python: it moves one control at a time from the state it " +
        "was built in. To move two at once, open the live course with a launch button at the top of the page. ";
      const back = document.createElement("button");
      back.type = "button";
      back.className = "kc-live-reset";
      back.textContent = "back to the start";
      back.addEventListener("click", () => {
        Object.assign(values, initial);
        setInputs(null);
        this.staticMoved(name, values, note, setInputs);
        emit("change:frame");
        emit("change:readout");
      });
      note.appendChild(back);
    },
  };
}

for (const holder of document.querySelectorAll("script.kc-live-data:not([data-started])")) {
  holder.dataset.started = "true";
  const data = JSON.parse(holder.textContent);
  const host = document.getElementById(holder.dataset.host);
  if (!host) continue;
  const still = host.querySelector("img");
  const el = document.createElement("div");
  host.appendChild(el);
  try {
    render({ model: staticModel(data), el });
    if (still) still.hidden = true;
  } catch (err) {
    el.remove();
    console.error("kneecourse: the explorer could not start here", err);
  }
}
