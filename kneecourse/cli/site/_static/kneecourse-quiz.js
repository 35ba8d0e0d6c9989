/* Self-checks and predictions on the course site, without a kernel.
 * Every text shown here was written into the page by the course's own checker
 * (kneecourse.selfcheck.questions): this script only chooses which one to show. */
(function () {
  "use strict";
  var memory = {};
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { memory[key] = value; }
  }
  function recall(key) {
    try { var v = window.localStorage.getItem(key); if (v !== null) { return v; } } catch (e) { /* private mode */ }
    return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
  }
  // numbers as people type them: the rule of kneecourse.selfcheck.numbers.parse_number, with the unit's
  // spellings (longest first) that the page carries in data-spellings
  function number(text, spellings) {
    var s = String(text).trim().toLowerCase().replace(/\u2212/g, "-").replace(/\u00a0/g, " ");
    var list = spellings || [];
    for (var i = 0; i < list.length; i++) {
      if (list[i] && s.slice(-list[i].length) === list[i]) { s = s.slice(0, -list[i].length).trim(); break; }
    }
    if (s.indexOf(",") >= 0 && s.indexOf(".") < 0) {
      if (s.split(",").length !== 2) { return null; }
      s = s.replace(",", ".");
    }
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(s)) { return null; }
    var x = parseFloat(s);
    return isFinite(x) ? x : null;
  }
  function spellingsOf(form) {
    try { return JSON.parse(form.dataset.spellings || "[]"); } catch (e) { return []; }
  }
  window.kneecourseNumber = number;
  function shown(x) { return String(parseFloat(x.toPrecision(6))); }
  function say(el, text, ok) {
    el.textContent = text;
    el.classList.remove("kc-right", "kc-wrong");
    if (ok !== undefined) { el.classList.add(ok ? "kc-right" : "kc-wrong"); }
  }

  function quiz(form) {
    var out = form.querySelector(".kc-feedback");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (form.dataset.kind === "choice") {
        var picked = form.querySelector("input[type=radio]:checked");
        if (!picked) { say(out, "Choose an answer first."); return; }
        say(out, picked.dataset.feedback, picked.dataset.correct === "true");
      } else {
        var box = form.querySelector("input[type=text]");
        var x = number(box.value, spellingsOf(form));
        if (x === null) { say(out, "Type a number in " + form.dataset.unit + " (like 6.2 or 6,2)."); return; }
        var a = parseFloat(form.dataset.answer), tol = parseFloat(form.dataset.tolerance);
        var verdict = Math.abs(x - a) <= tol ? "right" : (x > a ? "high" : "low");
        say(out, form.dataset[verdict].split("{x}").join(shown(x)), verdict === "right");
      }
    });
    var hint = form.querySelector(".kc-hint");
    if (hint) { hint.addEventListener("click", function () { say(out, hint.dataset.hint); }); }
  }

  function predict(form) {
    var out = form.querySelector(".kc-feedback");
    var before = recall(form.dataset.key);
    if (before !== null) { say(out, "Saved earlier: " + before + "."); }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var x = number(form.querySelector("input[type=text]").value, spellingsOf(form));
      if (x === null) { say(out, "Type a number first."); return; }
      store(form.dataset.key, shown(x));
      say(out, form.dataset.saved.split("{x}").join(shown(x)), true);
    });
  }

  function reveal(box) {
    var out = box.querySelector(".kc-feedback");
    box.querySelector("button").addEventListener("click", function () {
      var p = recall(box.dataset.key);
      if (p === null) { say(out, box.dataset.none, false); return; }
      var d = parseFloat(p) - parseFloat(box.dataset.model);
      var off = (d >= 0 ? "+" : "") + String(parseFloat(d.toPrecision(3)));
      say(out, box.dataset.compared.split("{x}").join(p).split("{d}").join(off), true);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form.kc-quiz"), quiz);
    Array.prototype.forEach.call(document.querySelectorAll("form.kc-predict"), predict);
    Array.prototype.forEach.call(document.querySelectorAll(".kc-reveal"), reveal);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
