/* govsite search page (站内搜索页): the page's own small UI over Pagefind's JS API.

   Why not Pagefind's Component UI: its script is 175 KB (200–300 ms of parsing on this
   2-core machine before Pagefind even starts), it asked for every filter file when it
   loaded, and the page had to replace its Pagefind instance through a property setter to
   keep a query typed during the load from searching an empty index. Here the page
   starts Pagefind (pagefind.js, its worker and wasm, the title layer) the moment this
   script runs in <head>, while the rest of the page is parsed; the filter pane is plain
   HTML written by the build with the site's counts; a result is drawn from its
   Pagefind fragment. What the query asks is search-engine.js.

   Without JavaScript the form still submits ?q= and the page offers browsing by
   column, year and theme. */
(function () {
  "use strict";
  var c = JSON.parse(document.getElementById("search-config").textContent);
  function abs(p) { return new URL(p, document.baseURI).pathname; }
  var PAGE = c.pageSize, WINDOW = c.resultWindow, DEBOUNCE_MS = 50;

  /* Pagefind's files (its WebAssembly, metadata, index chunks, fragments) are stored
     gzipped and Pagefind inflates them in JavaScript on the page's thread, unless they
     already start with its signature (a host that sent them with Content-Encoding: gzip
     and let the browser inflate them). The profile of a cold 文号 search at 10,000 items
     spent 115 ms of the page's thread in that inflater (fflate: inflt, bits16,
     gunzipSync), most of it on the WebAssembly. The browser's own gzip
     (DecompressionStream) does the same work natively, so Pagefind's fetches of its
     own files are answered inflated. Same bytes over the network; a host that already
     inflates, or a browser without DecompressionStream, is left as it is.

     Pagefind also asks for its files one after another: its entry file, then its
     metadata and WebAssembly, then the title layer's entry, then its metadata. Those
     five are asked for here, all at once, the moment this script runs (TAG is the
     cache-buster Pagefind puts on an entry file, given to it as metaCacheTag so that
     its request is the one already under way), and Pagefind's own requests are answered
     from them. */
  var TAG = String(Date.now());
  c.metaCacheTag = TAG;
  (function ownFetch() {
    if (typeof window.fetch !== "function") { return; }
    var plain = window.fetch, base = new URL(c.bundlePath, document.baseURI).href;
    var OWN = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;
    var native = typeof DecompressionStream !== "undefined";
    var early = {}, asked = {};
    function inflated(response) {
      if (!response.ok) { return response; }
      return response.arrayBuffer().then(function (buf) {
        var head = new Uint8Array(buf, 0, Math.min(2, buf.byteLength));
        if (head[0] !== 0x1f || head[1] !== 0x8b) { return new Response(buf, { status: response.status }); }
        return new Response(new Blob([buf]).stream().pipeThrough(new DecompressionStream("gzip")), { status: response.status });
      });
    }
    /* The runtime's own files (its entry, metadata and WebAssembly) are kept once
       fetched: the wide Pagefind instance of search-engine.js asks for them again. */
    var RUNTIME = /(pagefind-entry\.json|\.pf_meta|\.pagefind)$/, kept = {};
    window.fetch = function (input, init) {
      var url = typeof input === "string" ? input : input instanceof URL ? input.href : input && input.url;
      var u = null;
      try { u = new URL(url, document.baseURI); } catch (e) { /* not a URL of ours */ }
      var answer = u && !init && (early[u.href] || kept[u.href]);
      if (answer) { delete early[u.href]; } else { answer = plain.call(window, input, init); }
      if (u && !init && u.href.indexOf(base) === 0 && RUNTIME.test(u.pathname) && !kept[u.href]) {
        kept[u.href] = answer;
      }
      if (u && kept[u.href]) { answer = answer.then(function (r) { return r.clone(); }); }
      if (u) { asked[u.href] = true; }
      if (native && u && u.href.indexOf(base) === 0 && OWN.test(u.pathname)) { return answer.then(inflated); }
      return answer;
    };
    function get(href) {  /* unless Pagefind has asked for it already */
      if (!asked[href]) { early[href] = plain.call(window, href); }
      return early[href];
    }
    /* A bundle's entry file, then its metadata (and, for the runtime's own bundle, the
       WebAssembly it names), chosen as Pagefind chooses: the zxx index, which every
       bundle of govsite has. */
    function bundle(path, wasm) {
      var b = new URL(path, document.baseURI).href;
      var entryFile = get(b + "pagefind-entry.json?ts=" + TAG);
      if (!entryFile) { return; }
      entryFile.then(function (r) { return r.clone().json(); }).then(function (entry) {
        var index = (entry.languages || {}).zxx;
        if (!index) { return; }
        get(b + "pagefind." + index.hash + ".pf_meta");
        if (wasm) { get(b + "wasm." + (index.wasm || "unknown") + ".pagefind"); }
      }).catch(function () { /* Pagefind asks again and reports it */ });
    }
    bundle(c.bundlePath, true);
    var q = new URLSearchParams(location.search).get("q") || "";
    window.govsiteSearchEngine.firstTiers(c, q).forEach(function (t) { bundle(t.bundlePath, false); });
  })();

  /* Pagefind starts now: its runtime and wasm, and the newest title tier. The title layer
     runs on the page's thread (noWorker): a web worker cost one more script (41 KB) and
     its start-up before the first result, about 100 ms here, while a title search takes
     a few milliseconds. The text layer keeps its worker (search-engine.js). */
  var engine = import(abs(c.bundlePath) + "pagefind.js").then(function (pagefind) {
    return pagefind.options({ basePath: abs(c.bundlePath), baseUrl: abs(c.baseUrl), noWorker: true, metaCacheTag: TAG }).then(function () {
      return window.govsiteSearchEngine(c, pagefind);
    });
  });
  /* For tests and the benchmark: the engine the page uses (the same answers the list shows). */
  window.govsiteEngine = engine;

  var el = {}, latest = 0, current = null, shown = WINDOW, timer = null;
  var how = { order: "", scope: "" };

  function make(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }
  /* A result's address: only http(s) (a fragment is site content, semi-trusted). */
  function safeHref(url) {
    try {
      var u = new URL(url, document.baseURI);
      return u.protocol === "http:" || u.protocol === "https:" ? url : "#";
    } catch (e) { return "#"; }
  }
  function resultItem(d) {
    var meta = d.meta || {}, li = make("li", "pf-result"), card = make("div", "pf-result-card");
    var content = make("div", "pf-result-content"), title = make("p", "pf-result-title");
    if (meta.exact) { title.appendChild(make("span", "pf-exact", "【精确匹配】")); }
    var a = make("a", "pf-result-link", meta.title || d.url);
    a.href = safeHref(d.url);
    title.appendChild(a);
    content.appendChild(title);
    if (meta.date) {
      var line = make("p", "pf-result-meta");
      line.textContent = [meta.doc_no, meta.org].filter(Boolean).map(function (x) { return x + " · "; }).join("");
      /* date_text is the date as pages print it (2024年9月26日); date, ISO, is for machines. */
      var time = make("time", "", meta.date_text);
      time.setAttribute("datetime", meta.date);
      line.appendChild(time);
      if (meta.issue) { line.appendChild(document.createTextNode(" · " + meta.issue)); }
      content.appendChild(line);
      /* The excerpt is HTML made by search-engine.js from escaped text, with <mark>. */
      if (d.excerpt) { var p = make("p", "pf-result-excerpt"); p.innerHTML = d.excerpt; content.appendChild(p); }
    }
    card.appendChild(content);
    li.appendChild(card);
    return li;
  }
  /* The list grows a page at a time as its end scrolls near the screen (each result
     costs its fragment, a request: a phone that reads the first page loads 10, not 50),
     up to the window; 显示更多结果 widens the window. */
  var loading = false, NEAR = 400;
  function nearEnd() { return el.sentinel.getBoundingClientRect().top < innerHeight + NEAR; }
  function loadNext() {
    var r = current, mine = latest;
    if (!r || loading) { return; }
    var from = el.list.children.length, to = Math.min(from + PAGE, shown, r.results.length);
    if (from >= to) { return; }
    loading = true;
    Promise.all(r.results.slice(from, to).map(function (x) { return x.data(); })).then(function (ds) {
      loading = false;
      if (mine !== latest || current !== r) { return; }
      var frag = document.createDocumentFragment();
      ds.forEach(function (d) { frag.appendChild(resultItem(d)); });
      el.list.appendChild(frag);
      if (nearEnd()) { loadNext(); }
    }, function () { loading = false; });
  }
  function summary(r, term) {
    var n = r.results.length;
    return n ? "找到 " + n.toLocaleString("zh-CN") + " 个“" + term + "”的相关结果"
             : "没有找到与“" + term + "”相关的结果";
  }
  /* Draws an answer: its first page replaces the list in one step (with the count), the
     rest of the window follows. A fuller answer (.rest) replaces it in turn. */
  function show(r, term, mine) {
    if (mine !== latest) { return; }
    el.progress.hidden = !r.rest;
    var first = Math.min(PAGE, r.results.length);
    Promise.all(r.results.slice(0, first).map(function (x) { return x.data(); })).then(function (ds) {
      if (mine !== latest) { return; }
      current = r;
      var list = el.list.cloneNode(false);
      ds.forEach(function (d) { list.appendChild(resultItem(d)); });
      el.list.replaceWith(list);
      el.list = list;
      el.list.removeAttribute("aria-busy");
      el.summary.textContent = summary(r, term);
      el.empty.hidden = r.results.length > 0;
      el.more.hidden = r.results.length <= shown;
      el.fulltext.hidden = !(how.scope !== "text" && r.results.length > 0 && !r.fromText);
      loading = false;
      if (nearEnd()) { loadNext(); }
    });
    if (r.rest) { r.rest.then(function (next) { show(next, term, mine); }); }
  }
  function filters() {
    var out = {};
    el.filters.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      (out[box.name] = out[box.name] || { any: [] }).any.push(box.value);
    });
    return out;
  }
  function run() {
    clearTimeout(timer);
    var term = el.input.value.trim(), mine = ++latest;
    lastTerm = term;
    shown = WINDOW;
    el.ui.classList.toggle("search-has-query", !!term);
    var url = new URL(location.href);
    if (term) { url.searchParams.set("q", term); } else { url.searchParams.delete("q"); }
    history.replaceState(null, "", url);
    if (!term) {
      current = null;
      el.list.textContent = "";
      el.summary.textContent = "";
      el.empty.hidden = el.more.hidden = el.fulltext.hidden = el.progress.hidden = true;
      return;
    }
    el.summary.textContent = "正在搜索“" + term + "”……";
    el.list.setAttribute("aria-busy", "true");
    engine.then(function (e) { return e.search(term, { filters: filters() }, how); }).then(function (r) {
      show(r, term, mine);
    }, function (error) {
      if (mine === latest) { el.summary.textContent = "搜索出错，请稍后重试。"; }
      throw error;
    });
  }
  /* Typing: the first change after a pause searches at once (a paste, a word committed
     by the input method: the next query used to wait the whole debounce, 50 of its
     150 ms), the changes of a burst wait until it pauses, and the pinyin an input method
     shows while a word is being composed is not searched (compositionend searches the
     word; Chrome fires no input event after it, Firefox does: the same term is searched
     once). */
  var lastInput = 0, lastTerm = null;
  function soon(event) {
    if (event && event.isComposing) { return; }
    var term = el.input.value.trim(), now = Date.now(), pause = now - lastInput >= DEBOUNCE_MS;
    lastInput = now;
    clearTimeout(timer);
    if (term === lastTerm) { return; }
    if (pause) { run(); return; }
    timer = setTimeout(run, DEBOUNCE_MS);
    if (term) { engine.then(function (e) { e.preload(term); }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    ["ui", "form", "input", "summary", "progress", "list", "sentinel", "filters", "more", "fulltext", "empty"].forEach(function (k) {
      el[k] = document.getElementById("search-" + k);
    });
    var sort = document.getElementById("search-sort"), scope = document.getElementById("search-scope");
    el.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    el.input.addEventListener("input", soon);
    el.input.addEventListener("compositionend", soon);
    el.filters.addEventListener("change", run);
    sort.addEventListener("change", function () { how.order = sort.value; run(); });
    scope.addEventListener("change", function () { how.scope = scope.value; run(); });
    document.getElementById("search-fulltext-button").addEventListener("click", function () {
      scope.value = how.scope = "text";
      run();
      scope.focus();
    });
    document.getElementById("search-more-button").addEventListener("click", function () {
      if (!current) { return; }
      shown += WINDOW;
      el.more.hidden = current.results.length <= shown;
      loadNext();
    });
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { loadNext(); }
    }, { rootMargin: "0px 0px " + NEAR + "px 0px" }).observe(el.sentinel);
    var q = new URLSearchParams(location.search).get("q");
    if (q && q.trim()) { el.input.value = q; run(); }
  });
})();
