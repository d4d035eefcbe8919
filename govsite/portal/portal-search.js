/* govsite portal search (统一检索): one query over every member site's search index.

   Each member publishes its own search bundles (govsite/search/: the title layer holds
   the bigrams of every page's title and organisation and its whole 文号 and 索引号, in the
   language zxx). This page merges the title layer of each member into one Pagefind
   instance at query time (Pagefind's JS API, mergeIndex), with the mergeFilter
   {站点: member name}: one filter narrows the search to chosen members, and every search
   sets it, so the portal's own placeholder bundle (its primary, which makes Pagefind
   segment nothing) is never a result. The query is turned into bigrams exactly as
   govsite/search/tokens.py does (and search-engine.js, the ordinary search page), each
   space-separated part searched as an exact phrase of its bigrams, results intersected;
   a query that looks like a 文号 or 索引号 is looked up first as its whole key. Full text
   stays on each member's own search page, linked with the query under the results.

   A member whose bundle cannot be read (its server down, its files missing, no CORS) is
   left out and the others still answer; the page names it above the results.

   Merged bundles are fetched from the members' own addresses: a member on another host
   must allow the portal's origin (CORS) for its /pagefind/ files (docs/portal.md). */
(function () {
  "use strict";
  var c = JSON.parse(document.getElementById("portal-search-config").textContent);
  var FILTER = c.memberFilter, PAGE = c.pageSize;
  var base = new URL(c.bundlePath, document.baseURI);
  var names = c.members.map(function (m) { return m.name; });

  /* The query's words as the sites' own search pages make them (search-engine.js). */
  var words = window.govsiteSearchEngine.words;
  var key = words.key, parts = words.parts, phrase = words.phrase, looksLikeIdentifier = words.looksLikeIdentifier;

  /* Members whose search files could not be read: left out, and named to the citizen
     (#portal-search-unavailable) so that an empty answer is not taken for "no such document". */
  var unavailable = [];
  var engine = import(base.pathname + "pagefind.js").then(function (pagefind) {
    return pagefind.options({ basePath: base.pathname, noWorker: true }).then(function () { return pagefind; });
  });
  window.govsitePortalEngine = engine;

  /* The members' title bundles are merged in batches, as a search needs them: the newest
     tier of each member first, members in the order the build wrote them (newest item
     first), then their older tiers. A search is answered as soon as the bundles merged
     so far give a first page (or find a whole 文号 or 索引号); the rest are merged after
     it and the same search over all of them then replaces it on screen. With 30 members
     of 2,000 items, merging every member first took 160-179 requests before a first
     result, batches 39-107 (docs/performance.md, "The provincial portal"). */
  var BATCH = c.batch || 6;
  var units = [], depth = 0;
  c.members.forEach(function (m) { depth = Math.max(depth, m.titles.length); });
  for (var tier = 0; tier < depth; tier++) {
    c.members.forEach(function (m) { if (m.titles[tier]) { units.push({ m: m, bundle: m.titles[tier] }); } });
  }
  var merging = {};
  function mergeUnit(pagefind, u) {
    if (!merging[u.bundle]) {
      var f = {}; f[FILTER] = u.m.name;
      /* Pagefind's mergeIndex does not reject when a bundle cannot be read: it keeps a
         broken index that makes every later search fail. So the entry file is read first. */
      merging[u.bundle] = fetch(u.bundle + "pagefind-entry.json").then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function () {
        return pagefind.mergeIndex(u.bundle, { baseUrl: u.m.baseUrl, language: "zxx", mergeFilter: f });
      }).catch(function () { if (unavailable.indexOf(u.m) < 0) { unavailable.push(u.m); } showUnavailable(); });
    }
    return merging[u.bundle];
  }
  function mergeAll(pagefind, list) { return Promise.all(list.map(function (u) { return mergeUnit(pagefind, u); })); }

  function intersect(all) {
    if (all.length === 1) { return all[0].results; }
    var seen = all.map(function (r) { var ids = {}; r.results.forEach(function (x) { ids[x.id] = true; }); return ids; });
    return all[0].results.filter(function (x) { return seen.every(function (ids) { return ids[x.id]; }); });
  }
  function search(api, term, filters) {
    var options = { filters: filters }, k = key(term);
    var first = looksLikeIdentifier(k) ? api.search('"' + k + '"', options) : Promise.resolve({ results: [] });
    return first.then(function (whole) {
      if (whole.results.length) { return whole.results; }
      return Promise.all(parts(term).map(function (words) { return api.search(phrase(words), options); })).then(intersect);
    });
  }
  function memberOf(url) {
    var best = null;
    c.members.forEach(function (m) { if (url.indexOf(m.baseUrl) === 0 && (!best || m.baseUrl.length > best.baseUrl.length)) { best = m; } });
    return best;
  }
  function safeHref(url) {
    try { var u = new URL(url, document.baseURI); return u.protocol === "http:" || u.protocol === "https:" ? url : "#"; }
    catch (e) { return "#"; }
  }
  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }
  function resultItem(d) {
    var meta = d.meta || {}, li = make("li", "pf-result"), title = make("p", "pf-result-title");
    var a = make("a", "pf-result-link", meta.title || d.url);
    a.href = safeHref(d.url);
    title.appendChild(a);
    li.appendChild(title);
    var m = memberOf(d.url), line = make("p", "pf-result-meta");
    line.textContent = [m ? m.name : "", meta.doc_no, meta.org].filter(Boolean).join(" · ");
    if (meta.date) {
      var time = make("time", "", meta.date_text || meta.date);
      time.setAttribute("datetime", meta.date);
      line.appendChild(document.createTextNode(" · "));
      line.appendChild(time);
    }
    li.appendChild(line);
    return li;
  }

  function showUnavailable() {
    var box = document.getElementById("portal-search-unavailable");
    if (!box || !unavailable.length) { return; }
    var list = box.querySelector("ul");
    list.textContent = "";
    unavailable.forEach(function (m) {
      var li = make("li"), a = make("a", "", m.name);
      a.href = safeHref(m.search);
      li.appendChild(a);
      li.appendChild(document.createTextNode("（可到其网站检索）"));
      list.appendChild(li);
    });
    box.hidden = false;
  }

  var latest = 0, el = {};
  function chosen() {
    var any = [];
    el.filters.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) { any.push(box.value); });
    var f = {}; f[FILTER] = { any: any.length ? any : names };
    return f;
  }
  function run() {
    var term = el.input.value.trim(), mine = ++latest;
    var url = new URL(location.href);
    if (term) { url.searchParams.set("q", term); } else { url.searchParams.delete("q"); }
    history.replaceState(null, "", url);
    el.fulltext.hidden = !term;
    el.fulltext.querySelectorAll("a[data-search]").forEach(function (a) { a.href = a.dataset.search + (term ? "?q=" + encodeURIComponent(term) : ""); });
    if (!term) { el.list.textContent = ""; el.summary.textContent = ""; return; }
    el.summary.textContent = "正在搜索“" + term + "”……";
    var filters = chosen(), wanted = filters[FILTER].any, whole = looksLikeIdentifier(key(term));
    var todo = units.filter(function (u) { return wanted.indexOf(u.m.name) >= 0; });
    function show(results, complete) {
      return Promise.all(results.slice(0, 5 * PAGE).map(function (x) { return x.data(); })).then(function (ds) {
        if (mine !== latest) { return; }
        var list = el.list.cloneNode(false);
        ds.forEach(function (d) { list.appendChild(resultItem(d)); });
        el.list.replaceWith(list);
        el.list = list;
        el.summary.textContent = !results.length ? "没有找到与“" + term + "”相关的结果"
          : (complete ? "找到 " : "已找到 ") + results.length + " 个“" + term + "”的相关结果"
            + (complete ? "" : "，正在检索其余成员网站……");
      });
    }
    function step(api, start) {
      var end = Math.min(start + BATCH, todo.length);
      return mergeAll(api, todo.slice(start, end)).then(function () {
        if (mine !== latest) { return; }
        return search(api, term, filters).then(function (results) {
          if (end >= todo.length) { return show(results, true); }
          if (results.length < PAGE && !(whole && results.length)) { return step(api, end); }
          return show(results, false).then(function () {
            return mergeAll(api, todo.slice(end)).then(function () {
              if (mine !== latest) { return; }
              return search(api, term, filters).then(function (all) { return show(all, true); });
            });
          });
        });
      });
    }
    engine.then(function (api) { return step(api, 0); })
      .catch(function () { if (mine === latest) { el.summary.textContent = "搜索出错，请稍后重试。"; } });
  }
  document.addEventListener("DOMContentLoaded", function () {
    ["form", "input", "summary", "list", "filters", "fulltext"].forEach(function (k) { el[k] = document.getElementById("portal-search-" + k); });
    el.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    el.filters.addEventListener("change", run);
    var q = new URLSearchParams(location.search).get("q");
    if (q && q.trim()) { el.input.value = q; run(); }
  });
})();
