/* dossier search: full text, in the browser, from files on disk or any
   static host. The index is split into small script files under
   assets/search/ (see src/render/search.rs): a manifest, term shards and
   chunks of result summaries. A query loads only the shards of its words and
   the chunks of the results it shows. Script tags, not fetch(), so that it
   works over file://. Results are built with DOM nodes and textContent only:
   indexed text is never parsed as HTML. */
(function () {
  "use strict";

  var KINDS = { b: "brief", s: "source", t: "topic", e: "person or organisation" };
  var ORDER = { t: 0, e: 1, b: 2, s: 3 };
  // search.html is at the site's root: paths from the root are relative to it.
  var base = "";
  var shards = {}, chunks = {}, waiting = {};

  window.dossierSearch = {
    shard: function (key, terms) { shards[key] = terms; },
    chunk: function (key, docs) { chunks[key] = docs; }
  };

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function hex(s) {
    var out = "", bytes = new TextEncoder().encode(s);
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return out;
  }

  // Load a script once; resolves when it ran (or failed: a missing file is no hits).
  function load(path) {
    if (!waiting[path]) {
      waiting[path] = new Promise(function (resolve) {
        var s = document.createElement("script");
        s.src = base + path;
        s.onload = s.onerror = function () { resolve(); };
        document.head.appendChild(s);
      });
    }
    return waiting[path];
  }

  function meta() { return window.DOSSIER_SEARCH_INDEX; }

  // The query's terms as the index has them; the last may be a prefix.
  function terms(q) {
    var stop = meta().stop;
    return fold(q).split(/[^\p{L}\p{N}]+/u).filter(function (t) {
      return Array.from(t).length >= 2 && stop.indexOf(t) < 0;
    });
  }

  // The shard keys that may hold `term` (all of them that extend it, for a prefix).
  function keysFor(term, prefix) {
    var all = meta().shards, chars = Array.from(term), out = [];
    var two = chars.slice(0, 2).join(""), three = chars.slice(0, 3).join("");
    if (all.indexOf(three) >= 0 && chars.length >= 3) return [three];
    if (all.indexOf(two) >= 0) out.push(two);
    if (prefix && chars.length === 2) {
      all.forEach(function (k) { if (k.length > 2 && k.indexOf(two) === 0) out.push(k); });
    }
    return out;
  }

  // kind -> Map(doc -> strong) for one term (or every term it begins, for a prefix).
  function postings(term, prefix) {
    var found = {};
    keysFor(term, prefix).forEach(function (key) {
      var shard = shards[key] || {};
      Object.keys(shard).forEach(function (t) {
        if (t === term || (prefix && t.indexOf(term) === 0)) {
          shard[t].split(";").forEach(function (part) {
            var kind = part.charAt(0), doc = 0, m = found[kind] || (found[kind] = new Map());
            part.slice(2).split(",").forEach(function (p) {
              var strong = p.charAt(p.length - 1) === "*";
              doc += parseInt(strong ? p.slice(0, -1) : p, 36);
              m.set(doc, (m.get(doc) || false) || strong);
            });
          });
        }
      });
    });
    return found;
  }

  // Every document with all the terms, scored: 10 per term in its title or
  // tags, 1 per term in its text; topics and names before articles.
  function hits(ts) {
    var scores = null;
    ts.forEach(function (t, i) {
      var p = postings(t, i === ts.length - 1), next = {};
      Object.keys(p).forEach(function (kind) {
        p[kind].forEach(function (strong, doc) {
          var key = kind + doc, before = scores ? scores[key] : 0;
          if (scores && before === undefined) return;
          next[key] = before + (strong ? 10 : 1);
        });
      });
      scores = next;
    });
    return Object.keys(scores || {}).map(function (key) {
      return { kind: key.charAt(0), doc: parseInt(key.slice(1), 10), score: scores[key] };
    }).sort(function (a, b) {
      return b.score - a.score || ORDER[a.kind] - ORDER[b.kind] || b.doc - a.doc;
    });
  }

  // Append `text` to `el`, wrapping words that begin with a term in <mark>.
  function highlight(el, text, ts) {
    var f = fold(text), pos = 0;
    while (pos < text.length) {
      var best = -1, len = 0;
      for (var i = 0; i < ts.length; i++) {
        var at = f.indexOf(ts[i], pos);
        if (at >= 0 && (best < 0 || at < best)) { best = at; len = ts[i].length; }
      }
      if (best < 0 || f.length !== text.length) break;
      el.appendChild(document.createTextNode(text.slice(pos, best)));
      var m = document.createElement("mark");
      m.textContent = text.slice(best, best + len);
      el.appendChild(m);
      pos = best + len;
    }
    el.appendChild(document.createTextNode(text.slice(pos)));
  }

  function show(list, found, ts) {
    found.forEach(function (h) {
      var d = (chunks[h.kind + "-" + Math.floor(h.doc / meta().chunk)] || [])[h.doc % meta().chunk];
      if (!d) return;
      var li = document.createElement("li");
      li.className = "entry";
      var h2 = document.createElement("h2");
      h2.className = "brief-title";
      var a = document.createElement("a");
      a.href = base + d.u;
      highlight(a, d.t, ts);
      h2.appendChild(a);
      li.appendChild(h2);
      var meta_ = document.createElement("p");
      meta_.className = "meta";
      meta_.textContent = KINDS[h.kind] + (d.d ? " · " + d.d : "") + (d.g ? " · " + d.g : "");
      li.appendChild(meta_);
      if (d.x) {
        var p = document.createElement("p");
        highlight(p, d.x, ts);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  var latest = 0;
  function run(q, list, status) {
    var mine = ++latest;
    var ts = terms(q);
    if (ts.length === 0) {
      while (list.firstChild) list.removeChild(list.firstChild);
      status.textContent = Array.from(q.trim()).length === 1 ? "Type one more letter." : "Type a word to search.";
      return;
    }
    var keys = [];
    ts.forEach(function (t, i) { keys = keys.concat(keysFor(t, i === ts.length - 1)); });
    Promise.all(keys.map(function (k) { return load("assets/search/t-" + hex(k) + ".js"); })).then(function () {
      var found = hits(ts), top = found.slice(0, 50), need = {};
      top.forEach(function (h) { need[h.kind + "-" + Math.floor(h.doc / meta().chunk)] = true; });
      return Promise.all(Object.keys(need).map(function (c) { return load("assets/search/" + c + ".js"); }))
        .then(function () { return [found, top]; });
    }).then(function (r) {
      if (mine !== latest) return;
      while (list.firstChild) list.removeChild(list.firstChild);
      var n = r[0].length;
      status.textContent = n === 0 ? "No results for “" + q + "”." :
        n + (n === 1 ? " result" : " results") + " for “" + q + "”" + (n > r[1].length ? ", the best " + r[1].length + " shown." : ".");
      show(list, r[1], ts);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("search-page-q");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!input || !list || !status || !meta()) return;
    var q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    run(q, list, status);
    input.addEventListener("input", function () { run(input.value, list, status); });
    input.focus();
  });
})();
