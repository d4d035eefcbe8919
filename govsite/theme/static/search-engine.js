/* govsite search engine (检索): what the search page asks Pagefind, and in which order.
   Pagefind runs the index; this file decides the queries. The site's words are indexed as
   overlapping bigrams (govsite/search/tokens.py, in the language zxx), so a query is
   turned into the same bigrams here and searched as a Pagefind exact phrase ("示政 政办 办发 …"):
   every bigram a whole word, in a row, no fall-back to a shorter prefix. Parts of the
   query separated by spaces must all match (one search each, results intersected).
   Two layers: the title layer (title, 文号, 索引号, organisation of every page; one bundle,
   or tiers of consecutive years on a big site) answers every query; the text layer (full
   text, one bundle per year) is read only when the title layer finds nothing or when the
   citizen chooses 全文. The primary bundle of each Pagefind instance is a placeholder
   (Pagefind segments a query with ICU in the primary's language); the layers are merged
   as zxx with the hidden filter 分片, which every search sets.

   govsiteSearchEngine(config, pagefind) → {ready, search(term, options, how)}: ``pagefind``
   is Pagefind's JS API (pagefind.js); ``how`` is {order: "" | "asc" | "desc", scope: "" | "text"}.
   search() resolves to Pagefind's answer, possibly with .rest: a promise of the complete
   answer when a first page came from the newest tiers or text shards. */
(function () {
  "use strict";
  /* A query's word characters (tokens.WORD_CHAR in Python), folded as the index folds them. */
  var WORD = /[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
  function chars(s) { return s.normalize("NFKC").toLowerCase().match(WORD) || []; }
  function key(term) { return chars(term).join(""); }
  /* A part of the query (no spaces) → its bigrams (tokens.bigrams in Python); a single
     character stays alone. */
  function bigrams(cs) {
    if (cs.length === 1) { return cs; }
    var out = [];
    for (var i = 0; i + 1 < cs.length; i++) { out.push(cs[i] + cs[i + 1]); }
    return out;
  }
  function parts(term) { return term.split(/\s+/).map(chars).filter(function (p) { return p.length; }).map(bigrams); }
  function phrase(words) { return words.length === 1 && words[0].length === 1 ? words[0] : '"' + words.join(" ") + '"'; }
  function looksLikeIdentifier(k) {
    /* Digits alone only when long: a year is not an identifier, an 18-digit 统一社会信用代码 in a 索引号 is. */
    return k.length >= 5 && /[0-9]/.test(k) && (/[^0-9]/.test(k) || k.length >= 12);
  }
  window.govsiteSearchEngine = function (c, pagefind) {
    function abs(p) { return new URL(p, document.baseURI).pathname; }
    var SHARD = c.shardFilter, PAGE = c.pageSize;
    var textNames = c.textShards.map(function (s) { return s.name; });
    var tierNames = c.titles.map(function (t) { return t.name; });
    var order = "", scope = "", textApi = null;
    function withShard(options, value) {
      var f = Object.assign({}, options && options.filters);
      if (!f[SHARD]) { f[SHARD] = value; }
      return Object.assign({}, options, { filters: f });
    }
    /* Results that every search of a list has, ranked by their summed score (or in the
       date order Pagefind gave each of them). */
    function intersect(all, options) {
      if (all.length === 1) { return all[0]; }
      var smallest = all.reduce(function (a, b) { return a.results.length <= b.results.length ? a : b; });
      var scores = {}, seen = all.map(function (r) {
        var ids = {};
        r.results.forEach(function (x) { ids[x.id] = true; scores[x.id] = (scores[x.id] || 0) + x.score; });
        return ids;
      });
      var kept = smallest.results.filter(function (x) { return seen.every(function (ids) { return ids[x.id]; }); });
      if (!options.sort || !Object.keys(options.sort).length) {
        kept.sort(function (a, b) { return scores[b.id] - scores[a.id]; });
      }
      return Object.assign({}, smallest, { results: kept });
    }
    /* One part: its bigrams as an exact phrase; a long part (an organisation, a whole
       title) as its first and last 4 bigrams (5 characters each), both as phrases: each
       distinct bigram costs an index chunk (a request), and two runs of 5 characters at
       the ends of a title of 9 or more are as selective as the whole of it.
       When no page has that (words typed in another order, or a word left out:
       政务公开工作要点2026, 东湖镇防汛预案), each bigram is searched alone and the
       bigrams no page has are dropped, if those left still cover every character of the
       part: a page must then have all of them. A bigram of a nonsense word is on no
       page, so the nonsense finds nothing. */
    var LONG = 8, END = 4;
    /* The exact phrases a part is searched as first (its index chunks). */
    function partPhrases(words) {
      return words.length <= LONG ? [phrase(words)] : [phrase(words.slice(0, END)), phrase(words.slice(-END))];
    }
    function searchPart(api, words, options) {
      var exact = Promise.all(partPhrases(words).map(function (p) { return api.search(p, options); }))
        .then(function (found) { return intersect(found, options); });
      return exact.then(function (r) {
        if (r.results.length || words.length < 3) { return r; }
        return Promise.all(words.map(function (w) { return api.search('"' + w + '"', options); })).then(function (each) {
          function has(i) { return i >= 0 && i < words.length && each[i].results.length > 0; }
          for (var ch = 0; ch <= words.length; ch++) {  /* character ch is in bigrams ch-1 and ch */
            if (!has(ch - 1) && !has(ch)) { return r; }
          }
          var relaxed = intersect(each.filter(function (x) { return x.results.length; }), options);
          return Object.assign({}, relaxed, { relaxed: true });
        });
      });
    }
    /* Every part must match: one search each, results intersected. */
    function allParts(api, qs, options) {
      return Promise.all(qs.map(function (words) { return searchPart(api, words, options); })).then(function (all) {
        return Object.assign(intersect(all, options), { relaxed: all.some(function (r) { return r.relaxed; }) });
      });
    }
    function noExcerpt(x) {
      return Object.assign({}, x, { data: function () { return x.data().then(function (d) { return Object.assign({}, d, { excerpt: "" }); }); } });
    }
    /* A query that looks like an identifier (digits and letters or Chinese characters):
       its key (identifier_key in Python) is one word of the title layer when it is a whole
       文号 or 索引号; else a prefix of one (淮府办〔2024〕), checked on the best result,
       since Pagefind would fall back to a shorter prefix. */
    function identifierWhole(api, term, options) {
      var k = key(term);
      if (!looksLikeIdentifier(k)) { return Promise.resolve(null); }
      return api.search('"' + k + '"', options).then(function (whole) {
        if (!whole.results.length) { return null; }
        whole.whole = true;
        return whole;
      });
    }
    /* The prefix check reads the best result's fragment; it runs beside the bigram search
       (titleSearchIn), not before it: a title phrase with digits (村局2020) looks like an
       identifier, and checking first cost it a fragment and a search in a row (about
       100 ms of a 470 ms first result at 10,000 items). */
    /* Only a key of an identifier's form is checked as a prefix: a 索引号's start (letters
       and digits) or a 文号's (代字, then digits: 示审批发2019, 淮府办20241). Pagefind's
       prefix search falls back to a shorter prefix when no word has the whole one, and a
       title with digits (关于做好2023年校园…) fell back to 关于, on every page: 1.2 s of
       Pagefind's WebAssembly at 100,000 items. */
    var PREFIX_FORM = /^([0-9a-z]+|[\u3400-\u9fff]{1,12}[0-9]+号?)$/;
    function identifierPrefix(api, term, options) {
      var k = key(term);
      if (!looksLikeIdentifier(k) || !PREFIX_FORM.test(k)) { return Promise.resolve(null); }
      return api.search(k, options).then(function (prefix) {
        if (!prefix.results.length) { return null; }
        return prefix.results[0].data().then(function (d) {
          var ids = [d.meta.doc_no || "", d.meta.index_no || ""].map(key);
          return ids.some(function (x) { return x.indexOf(k) === 0; }) ? prefix : null;
        });
      });
    }
    /* A query that is a whole title or a whole organisation name (records.field_words):
       looked up as one word, one index chunk, instead of the 6–8 chunks of its bigrams.
       An organisation is one the filter pane lists; a title is any query of TITLE_KEY_MIN
       or more characters (a copied title; spaces and punctuation do not count). */
    var TITLE_KEY_MIN = 10;
    var orgKeys = {};
    Object.keys((c.filters || {})["发布机构"] || {}).forEach(function (name) { orgKeys[key(name)] = name; });
    function hex8(n) {  /* tokens.field_word: 8 hex digits written a–p */
      return ("0000000" + n.toString(16)).slice(-8).replace(/./g, function (d) { return String.fromCharCode(97 + parseInt(d, 16)); });
    }
    function fieldWord(term) {
      var k = key(term);
      if (orgKeys[k]) { return { word: "qo" + hex8(fnv(k)), field: "org", key: k }; }
      /* A title with digits looks like an identifier too (关于2019年第3季度…的通报): it is
         looked up both ways; a whole 文号 or 索引号 found first answers alone. */
      return k.length >= TITLE_KEY_MIN ? { word: "qt" + hex8(fnv(k)), field: "title", key: k } : null;
    }
    /* The pages whose whole title or organisation is the query: an organisation's newest
       first (tier by tier: Pagefind sorts within one bundle), a title's checked against the
       query (two titles may share the word's hash). Null when there are none. */
    function fieldSearch(api, term, options) {
      var f = fieldWord(term);
      if (!f) { return Promise.resolve(null); }
      var q = '"' + f.word + '"';
      var found = f.field === "org"
        ? Promise.all(tiersOf(api, options).map(function (n) {
            var o = Object.assign({}, options, { filters: Object.assign({}, options.filters), sort: { date: "desc" } });
            o.filters[SHARD] = n;
            return api.search(q, o);
          })).then(joined)
        : api.search(q, options).then(function (r) {
            var head = r.results.slice(0, PAGE);
            return Promise.all(head.map(function (x) { return x.data(); })).then(function (ds) {
              r.results = head.filter(function (x, i) { return key(ds[i].meta.title || "") === f.key; });
              return r;
            });
          });
      return found.then(function (r) { return r.results.length ? r : null; });
    }
    /* The tier names a title search's options filter on (merged so far, newest first). */
    function tiersOf(api, options) {
      var any = options.filters[SHARD] && options.filters[SHARD].any, merged = mergedIn(api);
      return any ? tierNames.filter(function (n) { return any.indexOf(n) >= 0 && merged[n]; }) : [options.filters[SHARD]];
    }
    /* One search of the title tiers merged so far: relevance over all of them, or, sorted
       by date, tier by tier (disjoint years, newest first: Pagefind sorts within one bundle). */
    function titleSearch(api, qs, options, term, complete, only) {
      if (!order) {
        var names = only ? only.map(function (t) { return t.name; }) : tierNames;
        return titleSearchIn(api, qs, withShard(options, { any: names }), term, complete);
      }
      var o = withShard(options, "");
      if (!o.filters["类型"]) { o.filters["类型"] = { any: ["信息公开", "政府公报"] }; }  /* pages have no date */
      var names = order === "asc" ? tierNames.slice().reverse() : tierNames;
      return Promise.all(names.map(function (n) {
        var f = Object.assign({}, o.filters); f[SHARD] = n;
        return titleSearchIn(api, qs, Object.assign({}, o, { filters: f, sort: { date: order } }), term, true);
      })).then(joined);
    }
    function joined(all) {
      var first = all[0];
      first.results = [].concat.apply([], all.map(function (r) { return r.results; }));
      return first;
    }
    /* The title layer's answer; unless ``complete``, a whole-title or whole-organisation
       match alone (.partial), when there is one: the bigram search that completes it
       (pages that have the query inside a longer title) follows as .rest. */
    function titleSearchIn(api, qs, o, term, complete) {
      return identifierWhole(api, term, o).then(function (whole) {
        /* A whole 文号 or 索引号: its documents are the answer (its bigrams would only add
           work: a 索引号 has 25 of them, mostly digits that many titles have). */
        if (whole) { return whole; }
        var prefix = identifierPrefix(api, term, o);
        return (order ? Promise.resolve(null) : fieldSearch(api, term, o)).then(function (fields) {
          if (fields && !complete) { fields.partial = true; return fields; }
          return Promise.all([prefix, allParts(api, qs, o)]).then(function (x) { return [x[0] || fields, x[1]]; });
        });
      }).then(function (both) {
        if (!Array.isArray(both)) { both.results = both.results.map(noExcerpt); return both; }
        var ids = both[0], r = both[1];
        if (ids) {
          var seen = {};
          ids.results.forEach(function (x) { seen[x.id] = true; });
          r = Object.assign({}, r.results.length ? r : ids, { results: ids.results.concat(r.results.filter(function (x) { return !seen[x.id]; })) });
        }
        r.results = r.results.map(noExcerpt);
        return r;
      });
    }
    /* The text layer: a second Pagefind module (its own URL, so its own worker and
       instance), made when first needed, with every text shard merged in. */
    function textInstance() {
      if (!textApi) {
        textApi = import(abs(c.bundlePath) + "pagefind.js?text").then(function (mod) {
          return mod.options({ basePath: abs(c.bundlePath), baseUrl: abs(c.baseUrl), metaCacheTag: c.metaCacheTag }).then(function () { return mod; });
        });
      }
      return textApi;
    }
    /* Text shards are merged newest first, as a search needs them (mergeText(inst, n):
       the newest n). */
    var mergedText = {};
    function mergeText(inst, count) {
      return Promise.all(c.textShards.slice(0, count).map(function (s) {
        if (!mergedText[s.name]) {
          var m = {}; m[SHARD] = s.name;
          mergedText[s.name] = inst.mergeIndex(abs(s.bundlePath), { language: "zxx", baseUrl: abs(c.baseUrl), mergeFilter: m });
        }
        return mergedText[s.name];
      }));
    }
    /* A text result's excerpt, rebuilt from its tokens (tokens.decode in Python): each
       token's first character and the separator it carries; matched bigrams marked. */
    function esc(s) { return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
    function excerpt(content, locations) {
      var words = content.split(/\s+/).filter(Boolean), hit = {};
      locations.forEach(function (l) { hit[l] = true; if (words[l] && words[l].length > 1) { hit[l + 1] = true; } });
      var first = locations.length ? Math.min.apply(null, locations) : 0;
      var start = Math.max(0, first - 12), end = Math.min(words.length, start + 60), out = [];
      for (var i = start; i < end; i++) {
        var w = words[i], last = w.length > 1 && /[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/.test(w);
        var ch = w.charAt(0), rest = last ? w.slice(1, -1).replace(/\u00b7/g, " ") : w.slice(1);
        out.push((hit[i] ? "<mark>" + esc(ch) + "</mark>" : esc(ch)) + esc(rest));
      }
      return (start > 0 ? "…" : "") + out.join("") + (end < words.length ? "…" : "");
    }
    function withExcerpt(x) {
      return Object.assign({}, x, { data: function () {
        return x.data().then(function (d) { return Object.assign({}, d, { excerpt: excerpt(d.content || "", d.locations || []) }); });
      } });
    }
    /* Full text, newest years first: the newest shard, then twice as many each round,
       until a first page of results (10) is found; that page is answered at once, with
       .rest: the search over every shard (as for the title tiers). A 30-year archive's
       full-text query so reads the recent years before its first page, not all 30. */
    function textSearch(api, qs, options) {
      var all = textNames.length;
      return textInstance().then(function (inst) {
        if (order) {
          /* Sorted by date: Pagefind sorts within one bundle, so walk the shards (disjoint
             date ranges, newest first) and join their lists. */
          var names = order === "asc" ? textNames.slice().reverse() : textNames;
          return mergeText(inst, all).then(function () {
            return Promise.all(names.map(function (n) {
              return allParts(inst, qs, Object.assign(withShard(options, n), { sort: { date: order } }));
            }));
          }).then(joined);
        }
        function round(count) {
          return mergeText(inst, count).then(function () {
            return allParts(inst, qs, withShard(options, { any: textNames }));
          }).then(function (r) {
            if (count >= all) { return r; }
            if (r.results.length >= PAGE) { r.rest = later(r, function () { return round(all); }); return r; }
            return round(count * 2);
          });
        }
        return round(Math.min(2, all));
      }).then(function (r) { return also(r, function (x) { x.results = x.results.map(withExcerpt); return x; }); });
    }
    /* f applied to a first answer and, when it has one, to its complete version (.rest). */
    function also(r, f) {
      var rest = r.rest;
      delete r.rest;
      return Promise.resolve(f(r)).then(function (x) {
        if (rest) { x.rest = rest.then(function (complete) { return also(complete, f); }); }
        return x;
      });
    }
    function urlOf(x) { return x.data().then(function (d) { return d.url; }); }
    /* Text results (a superset) with the title layer's few results first, in their order:
       their text-layer twins are found by URL among the first text results, 30 at a time
       (a title weighs most in the text layer, so they are near the top). */
    function titlesFirst(titles, text) {
      return Promise.all(titles.results.slice(0, PAGE).map(urlOf)).then(function (urls) {
        var twins = {}, found = 0;
        function scan(from) {
          var batch = text.results.slice(from, from + 3 * PAGE);
          return Promise.all(batch.map(urlOf)).then(function (got) {
            got.forEach(function (u, i) { if (urls.indexOf(u) >= 0) { twins[text.results[from + i].id] = urls.indexOf(u); found++; } });
            if (found < urls.length && from + batch.length < text.results.length && from < 10 * PAGE) { return scan(from + batch.length); }
          });
        }
        return scan(0).then(function () {
          var first = text.results.filter(function (x) { return x.id in twins; });
          first.sort(function (a, b) { return twins[a.id] - twins[b.id]; });
          text.results = first.concat(text.results.filter(function (x) { return !(x.id in twins); }));
          return text;
        });
      });
    }
    function labelled(x) {
      return Object.assign({}, x, { data: function () {
        return x.data().then(function (d) { return Object.assign({}, d, { meta: Object.assign({}, d.meta, { exact: "精确匹配" }) }); });
      } });
    }
    /* Only a whole 文号 or 索引号 is an exact match (a prefix such as 示政办 is not): among
       the first page of results, those whose identifier is the query are moved to the
       top and labelled 【精确匹配】. */
    function exactFirst(result, term) {
      var k = key(term);
      if (k.length < 4 || !/[0-9]/.test(k) || order) { return Promise.resolve(result); }
      var head = result.results.slice(0, PAGE);
      return Promise.all(head.map(function (x) { return x.data(); })).then(function (ds) {
        var exact = [], rest = [];
        head.forEach(function (x, i) {
          var ids = [ds[i].meta.doc_no || "", ds[i].meta.index_no || ""].map(key);
          (ids.indexOf(k) >= 0 ? exact : rest).push(x);
        });
        result.results = exact.map(labelled).concat(rest, result.results.slice(PAGE));
        return result;
      });
    }
    /* The title layer's tiers (newest first) are merged into Pagefind as they are needed:
       first the tiers of the years a query names (a 文号 淮府办〔2019〕3号 or a 索引号
       …/2019-00016: the tier of 2019), else the newest; the rest once a search needs them.
       A search whose first page of results those tiers fill (or that finds a whole 文号 or
       索引号) is answered at once, with .rest: the same search over every tier, started
       once the first page is loaded (so that its downloads do not delay the first page),
       which replaces it on screen when it is ready. Each tier costs its metadata file
       (about 8 KB per 1,000 pages) and an index chunk per bigram. */
    var merges = [];
    /* The tiers merged into one Pagefind instance so far (name → its merge). */
    function mergedIn(api) {
      for (var i = 0; i < merges.length; i++) { if (merges[i].api === api) { return merges[i].tiers; } }
      merges.push({ api: api, tiers: {} });
      return merges[merges.length - 1].tiers;
    }
    function mergeTiers(api, tiers) {
      var merged = mergedIn(api);
      return Promise.all(tiers.map(function (t) {
        if (!merged[t.name]) {
          var m = {}; m[SHARD] = t.name;
          merged[t.name] = api.mergeIndex(abs(t.bundlePath), { baseUrl: abs(c.baseUrl), language: "zxx", mergeFilter: m, metaCacheTag: c.metaCacheTag });
        }
        return merged[t.name];
      }));
    }
    /* Two instances of Pagefind hold the tiers: the page's own (``pagefind``) the tiers a
       first page comes from (the newest, those a query's year names, those the route map
       names), and a wide one every tier, for complete answers. Pagefind searches every
       bundle merged into an instance, whatever the filter: with every tier merged into
       one instance, a next query's first page (from the newest tier alone) read an index
       chunk of each of the 8 tiers of 100,000 items and scored all their pages (通知:
       27,045), 378 ms. The wide instance is made when a complete answer is first needed
       (after the first page is on screen); its runtime files come from the page's memory
       (search.js), not the network. A site of one tier, or a Pagefind without
       createInstance, uses one instance. */
    var wideApi = null;
    function wide() {
      if (!wideApi) {
        wideApi = c.titles.length > 1 && typeof pagefind.createInstance === "function"
          ? pagefind.createInstance({ basePath: abs(c.bundlePath), baseUrl: abs(c.baseUrl), noWorker: true, metaCacheTag: c.metaCacheTag })
          : pagefind;
      }
      return wideApi;
    }
    function firstTiers(term) { return window.govsiteSearchEngine.firstTiers(c, term); }
    /* f() once the first page of r is loaded and on screen: after the next frame is
       painted (a task queued from requestAnimationFrame runs after the paint), or after
       200 ms where no frame comes (a hidden tab). A fixed 50 ms used to start the rest
       before the first page was painted on a busy 2-core machine, so its downloads
       competed with the first page's. */
    function later(r, f) {
      return Promise.all(r.results.slice(0, PAGE).map(function (x) { return x.data(); })).then(function () {
        return new Promise(function (done) {
          requestAnimationFrame(function () { setTimeout(done, 0); });
          setTimeout(done, 200);
        });
      }).then(f);
    }
    /* The route map (govsite/search/route.py): the tiers that hold every probed gram
       of every part (its first, middle and last trigram; a two-character part's
       bigram), or null when the map cannot tell. */
    function fnv(w) {
      var h = 0x811c9dc5;
      for (var i = 0; i < w.length; i++) { h = Math.imul(h ^ w.charCodeAt(i), 0x01000193) >>> 0; }
      return h;
    }
    var routeFiles = {};
    /* A gram's entry in the map: a mask of tiers, or (a rare gram) its pages as
       "bit:fragment"; 0 when no title has it, null when the map cannot be read. */
    function routeEntry(w) {
      var b = fnv(w) % c.route.buckets, name = (b < 10 ? "0" : "") + b + ".json";
      if (!routeFiles[b]) {
        routeFiles[b] = fetch(abs(c.route.path) + name).then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; });
      }
      return routeFiles[b].then(function (m) { return m ? (m[w] || 0) : null; });
    }
    function maskOf(entry) {
      return Array.isArray(entry) ? entry.reduce(function (a, p) { return a | (1 << parseInt(p, 10)); }, 0) : entry;
    }
    /* The grams of the query the map is asked about: of every part, its first, middle and
       last trigram (a two-character part: its bigram). Not for a 文号 or 索引号: their
       whole keys and digits are not in the map (their year names their tier, firstTiers). */
    function probesOf(qs, term) {
      if (!c.route || looksLikeIdentifier(key(term))) { return []; }
      var probes = [];
      qs.forEach(function (words) {
        if (words[0].length < 2) { return; }  /* a single character: no bigram */
        var grams = words.length < 2 ? words : words.slice(1).map(function (w, i) { return words[i] + w.charAt(1); });
        [grams[0], grams[grams.length >> 1], grams[grams.length - 1]].forEach(function (w) { if (probes.indexOf(w) < 0) { probes.push(w); } });
      });
      return probes;
    }
    function routeEntries(qs, term) {
      var probes = probesOf(qs, term);
      if (!probes.length) { return Promise.resolve(null); }
      return Promise.all(probes.map(routeEntry)).then(function (entries) {
        return entries.some(function (e) { return e === null; }) ? null : entries;
      });
    }
    /* The tiers that hold every probed gram, or null when the map cannot tell. */
    function routedTiers(qs, term) {
      return routeEntries(qs, term).then(function (entries) {
        if (!entries) { return null; }
        var mask = entries.reduce(function (a, e) { return a & maskOf(e); }, -1);
        var tiers = c.titles.filter(function (t, i) { return mask & (1 << i); });
        return tiers.length ? tiers : null;
      });
    }
    /* A title-layer page read from its fragment (what Pagefind's result.data() gives). */
    function fragment(posting) {
      var at = posting.indexOf(":"), tier = c.titles[parseInt(posting, 10)];
      var url = abs(tier.bundlePath) + "fragment/zxx_" + posting.slice(at + 1) + ".pf_fragment";
      return fetch(url).then(function (r) {
        if (!r.ok) { throw new Error(url + ": " + r.status); }
        return r.arrayBuffer();
      }).then(function (buf) {
        var head = new Uint8Array(buf, 0, Math.min(2, buf.byteLength));
        if (head[0] !== 0x1f || head[1] !== 0x8b) { return buf; }
        return new Response(new Blob([buf]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
      }).then(function (buf) {
        var d = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, SIGNATURE_LENGTH)));
        d.url = (abs(c.baseUrl) + "/" + d.url).replace(/\/+/g, "/");  /* as Pagefind joins baseUrl and a fragment's url */
        d.excerpt = "";
        return d;
      });
    }
    var SIGNATURE_LENGTH = "pagefind_dcd".length;
    /* A page passes the citizen's filters ({name: {any: [...]}}, the shard filter aside). */
    function passes(d, filters) {
      return Object.keys(filters || {}).every(function (name) {
        var want = filters[name], has = (d.filters || {})[name] || [];
        if (name === SHARD || !want) { return true; }
        var any = typeof want === "string" ? [want] : (want.any || []);
        return !any.length || has.some(function (v) { return any.indexOf(v) >= 0; });
      });
    }
    /* The complete title-layer answer from the pages of the query's rare grams
       (route.py: a rare gram names its pages), or null when no probed gram is rare or
       no page holds every part (the search of the tiers then decides, relaxed included).
       A page is kept when its title or organisation holds every part, as the phrase
       search of the part's bigrams matches; title matches first, then organisation
       matches, each newest first (sorted by date when asked). */
    function rarePages(qs, term, options) {
      if (!c.route || !c.route.rare || typeof DecompressionStream === "undefined") { return Promise.resolve(null); }
      return routeEntries(qs, term).then(function (entries) {
        var lists = (entries || []).filter(Array.isArray);
        if (!lists.length) { return null; }
        var pages = lists.reduce(function (a, l) { return a.filter(function (p) { return l.indexOf(p) >= 0; }); });
        if (!pages.length) { return null; }
        var keys = qs.map(function (words) { return words.length === 1 ? words[0] : words[0] + words.slice(1).map(function (w) { return w.charAt(1); }).join(""); });
        /* Sorted by date, pages without a date are left out, as titleSearch does. */
        var filters = Object.assign({}, options.filters);
        if (order && !filters["类型"]) { filters["类型"] = { any: ["信息公开", "政府公报"] }; }
        return Promise.all(pages.map(fragment)).then(function (ds) {
          var found = [];
          ds.forEach(function (d, i) {
            var title = key((d.meta || {}).title || ""), org = key((d.meta || {}).org || "");
            var inTitle = keys.every(function (k) { return title.indexOf(k) >= 0; });
            if (!inTitle && !keys.every(function (k) { return title.indexOf(k) >= 0 || org.indexOf(k) >= 0; })) { return; }
            if (!passes(d, filters)) { return; }
            found.push({ id: "rare:" + pages[i], score: inTitle ? 2 : 1, date: (d.meta || {}).date || "", data: function () { return Promise.resolve(d); } });
          });
          if (!found.length) { return null; }
          found.sort(function (a, b) {
            if (order) { var by = a.date < b.date ? -1 : a.date > b.date ? 1 : 0; return order === "asc" ? by : -by; }
            return b.score - a.score;  /* stable: pages keep the map's order, newest first */
          });
          return { results: found, filters: {}, totalFilters: {}, unfilteredResultCount: found.length, rare: true };
        });
      }).catch(function () { return null; });
    }
    /* The route map's files are read while the first tiers are merged (their metadata
       decoded), not before: waiting for the map first added its round trip to every
       query that has no rare gram (the organisation at 100,000 items: 509 → 676–701 ms
       on a quiet machine). A rare answer still reads no index chunk. */
    function titleLayer(api, qs, options, term) {
      var merging = order || scope === "text" ? Promise.resolve() : mergeTiers(api, firstTiers(term));
      return rarePages(qs, term, options).then(function (rare) {
        return rare || merging.then(function () { return tierLayer(api, qs, options, term); });
      });
    }
    function tierLayer(api, qs, options, term) {
      function search(complete, only) { return titleSearch(api, qs, options, term, complete, only); }
      function everyTier() {
        var all = wide();
        return mergeTiers(all, c.titles).then(function () { return titleSearch(all, qs, options, term, true); });
      }
      /* Less than a page from the first tiers: the route map may name the only tiers
         that can hold the phrase; their exact answer is complete (an empty or relaxed one
         is not: the relaxed search over every tier decides). */
      function routedOrEvery() {
        return routedTiers(qs, term).then(function (tiers) {
          if (!tiers || tiers.length === c.titles.length) { return everyTier(); }
          return mergeTiers(api, tiers).then(function () { return search(true, tiers); }).then(function (x) { return x.results.length && !x.relaxed ? x : everyTier(); });
        });
      }
      /* Sorted by date, or for the full-text search: the complete title answer. */
      if (order || scope === "text") { return routedOrEvery(); }
      var first = firstTiers(term);
      return mergeTiers(api, first).then(function () { return search(false, first); }).then(function (r) {
        if (r.partial) { r.rest = later(r, everyTier); return r; }
        if (first.length === c.titles.length) { return r; }
        if (r.results.length >= PAGE || (r.whole && r.results.length)) {
          r.rest = later(r, everyTier);
          return r;
        }
        return routedOrEvery();
      });
    }
    function govSearch(api, term, options) {
      var qs = parts(term || "");
      if (!qs.length) { return api.search(term, withShard(options, { any: tierNames })); }
      options = options || {};
      return titleLayer(api, qs, options, term).then(function (titles) {
        /* A first page from the newest title tiers is shown as it is (it has results); the
           text layer is for the complete title answer. */
        return titles.rest ? also(titles, function (t) { return afterTitles(api, qs, options, term, t); })
                           : afterTitles(api, qs, options, term, titles);
      }).then(function (r) { return also(r, function (x) { return exactFirst(x, term); }); });
    }
    function afterTitles(api, qs, options, term, titles) {
      /* The text layer costs a request or more per year: read it when asked (全文) or
         when the title layer has nothing at all. */
      if (scope !== "text" && titles.results.length > 0) { return Promise.resolve(titles); }
      return textSearch(api, qs, options).then(function (text) {
        return also(text, function (t) { t.fromText = true; return order ? t : titlesFirst(titles, t); });
      });
    }
    /* A site of one title bundle merges it at once; tiers are merged by the first search. */
    var ready = mergeTiers(pagefind, c.titles.length === 1 ? c.titles : []);
    return {
      ready: ready,
      /* While the citizen is still typing: fetch the index chunks the query's first
         searches will need (the title tiers merged so far), so that they are in when the
         search starts. */
      preload: function (term) {
        routeEntries(parts(term || ""), term || "");  /* the map's files, for rarePages */
        ready.then(function () {
          /* A 文号 or 索引号 is looked up as one key first (identifierWhole): its bigrams
             are read only if the key is not found. */
          var k = key(term || ""), f = fieldWord(term || "");
          if (f) { pagefind.preload('"' + f.word + '"', { filters: {} }); }
          if (looksLikeIdentifier(k)) { pagefind.preload('"' + k + '"', { filters: {} }); return; }
          if (f) { return; }
          parts(term || "").forEach(function (words) {
            partPhrases(words).forEach(function (p) { pagefind.preload(p, { filters: {} }); });
          });
        });
      },
      search: function (term, options, how) {
        order = (how && how.order) || "";
        scope = (how && how.scope) || "";
        return ready.then(function () { return govSearch(pagefind, term, options || {}); });
      }
    };
  };
  /* The title tiers a query's first search merges: those of the years it names (a 文号
     淮府办〔2019〕3号 or a 索引号 …/2019-00016: the tier of 2019), else the newest. Also
     used by search.js, which asks for their files as the page starts. */
  /* How a query is turned into words, for the portal's search page too (one tokeniser
     on every page, the same as tokens.py's). */
  window.govsiteSearchEngine.words = { chars: chars, key: key, bigrams: bigrams, parts: parts, phrase: phrase,
                                       looksLikeIdentifier: looksLikeIdentifier };
  window.govsiteSearchEngine.firstTiers = function (c, term) {
    var years = (key(term).match(/(19|20)[0-9]{2}/g) || []).map(Number);
    var named = c.titles.filter(function (t) {
      return years.some(function (y) { return y >= t.years[0] && y <= t.years[1]; });
    });
    return named.length ? named : c.titles.slice(0, 1);
  };
})();
