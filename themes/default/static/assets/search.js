/* dossier search: runs entirely in the browser, from files on disk or any
   static host. The index (assets/search-index.js) is loaded by a script tag,
   so it works over file:// where fetch() is refused. Results are built with
   DOM nodes and textContent only: indexed text is never parsed as HTML. */
(function () {
  "use strict";

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function terms(q) {
    return fold(q).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
  }

  // Score a document: every term must occur somewhere; titles weigh most,
  // then tags (topics, names), then text. The last term may be a prefix.
  function score(doc, ts) {
    var t = fold(doc.t), g = fold(doc.g), x = fold(doc.x), total = 0;
    for (var i = 0; i < ts.length; i++) {
      var term = ts[i], last = i === ts.length - 1, s = 0;
      var re = new RegExp((last ? "(^|[^\\p{L}\\p{N}])" : "(^|[^\\p{L}\\p{N}])") + term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + (last ? "" : "($|[^\\p{L}\\p{N}])"), "u");
      if (re.test(t)) s += 10;
      if (re.test(g)) s += 4;
      if (re.test(x)) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    if (doc.k === "topic" || doc.k === "person" || doc.k === "organisation") total += 1;
    return total;
  }

  function snippet(text, ts) {
    var f = fold(text), at = -1;
    for (var i = 0; i < ts.length && at < 0; i++) at = f.indexOf(ts[i]);
    var start = Math.max(0, at - 60), end = Math.min(text.length, (at < 0 ? 0 : at) + 140);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  // Append `text` to `el`, wrapping occurrences of the terms in <mark>.
  function highlight(el, text, ts) {
    var f = fold(text), pos = 0;
    while (pos < text.length) {
      var best = -1, len = 0;
      for (var i = 0; i < ts.length; i++) {
        var at = f.indexOf(ts[i], pos);
        if (at >= 0 && (best < 0 || at < best)) { best = at; len = ts[i].length; }
      }
      if (best < 0) break;
      el.appendChild(document.createTextNode(text.slice(pos, best)));
      var m = document.createElement("mark");
      m.textContent = text.slice(best, best + len);
      el.appendChild(m);
      pos = best + len;
    }
    el.appendChild(document.createTextNode(text.slice(pos)));
  }

  function run(q, list, status) {
    var docs = window.DOSSIER_SEARCH || [];
    var ts = terms(q);
    while (list.firstChild) list.removeChild(list.firstChild);
    if (ts.length === 0) { status.textContent = "Type a word to search."; return; }
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var s = score(docs[i], ts);
      if (s > 0) hits.push([s, i]);
    }
    hits.sort(function (a, b) { return b[0] - a[0] || (docs[b[1]].d > docs[a[1]].d ? 1 : docs[b[1]].d < docs[a[1]].d ? -1 : a[1] - b[1]); });
    status.textContent = hits.length === 0 ? "No results for “" + q + "”." : hits.length + (hits.length === 1 ? " result" : " results") + " for “" + q + "”.";
    hits.slice(0, 100).forEach(function (h) {
      var d = docs[h[1]];
      var li = document.createElement("li");
      li.className = "entry";
      var h3 = document.createElement("h2");
      h3.className = "brief-title";
      var a = document.createElement("a");
      a.href = d.u;
      highlight(a, d.t, ts);
      h3.appendChild(a);
      li.appendChild(h3);
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = d.k + (d.d ? " · " + d.d : "") + (d.g ? " · " + d.g : "");
      li.appendChild(meta);
      if (d.x) {
        var p = document.createElement("p");
        highlight(p, snippet(d.x, ts), ts);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("search-page-q");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!input || !list || !status) return;
    var q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    run(q, list, status);
    input.addEventListener("input", function () { run(input.value, list, status); });
    input.focus();
  });
})();
