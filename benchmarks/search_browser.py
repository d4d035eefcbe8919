"""Search at query time, in real Chromium: first-query latency and what it downloads.

Usage::

    python benchmarks/search_browser.py [--corpus benchmarks/corpus/n10000-s1] [--built DIR]
        [--repeat R] [--out-json PATH]

Builds the corpus (``govsite build``, search included) under the sub-path
``https://www.example.gov.cn/xxgk-bench/`` into a scratch folder, or uses ``--built``
(an output built with that base_url), serves it on 127.0.0.1 and opens the search
page in Debian's Chromium (Playwright) with a cold cache for every query:

cold
    ``search/?q=…`` opened in a fresh browser context: page, Pagefind's runtime
    and WebAssembly, the title layer's entry and metadata, then the index chunks,
    filters and result fragments the query needs (and the text layer's, when the
    page consults it). Latency runs from navigation start to the first result link
    on screen (or to the "没有找到" summary when there is none); requests and bytes
    are counted up to that moment, and again once the network has been quiet for
    a second ("settled": the rest of the first page of results).
warm
    the next query typed into the same page, once the cold query has settled
    (runtime and metadata already loaded): from the input event to the first
    result link of the new result set. The page keeps the old links on screen
    while it searches (search.js), and two queries can have the same first
    result (a full title, then its 文号), so the new set is recognised by the
    summary (``#search-summary``: "找到 N 个 <query> 的相关结果", not "正在搜索 …")
    and by a result link that was not on the page before the query was typed.

Requests and bytes up to the first result are those the page started before that
frame (its resource timing), settled ones all that Playwright saw. Latency is read in
the page, on the page's own clock (``performance.now()``): cold
from navigation start, warm from the ``input`` event's time stamp, to the animation
frame in which the result set is first on screen (the predicate below runs in every
frame, polled by Playwright with ``raf``, and notes the time when it first holds).
Measured from Python instead, around ``page.goto`` and ``page.fill``, a warm query
also counted Playwright's own work (its fill injects and runs a script: 80–120 ms in
a trace at 10,000 items, before the page saw the input); that figure is kept as
``harness_ms``.

For each query it counts the requests and the bundles whose index chunks were
fetched (``titles`` or a text shard such as ``y2025``), sums the bytes: as stored
(Pagefind's own files are already gzip-compressed) and as sent by a host that
gzips text (HTML, JS, CSS, JSON, wasm; Pagefind's compressed files unchanged), and
checks the first result against the item the query was taken from. With
``--repeat R`` every cold and warm measurement is taken R times and the median
latency is reported (each run in a fresh browser context). Writes
``benchmarks/results-search-browser.json`` (or ``--out-json``) and prints a
Markdown table.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from govsite.pipeline.pages import load_and_validate  # noqa: E402
from tests.qr.qr_helpers import launch  # noqa: E402  (Debian Chromium with the project's flags)

BASE_PATH = "/xxgk-bench/"
BASE_URL = "https://www.example.gov.cn" + BASE_PATH
PRECOMPRESSED = (".pf_meta", ".pf_index", ".pf_filter", ".pf_fragment", ".pagefind")
KIB = 1024


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _inside(title: str) -> str:
    """Six characters copied from inside a title (not at a word start, as a citizen pastes)."""
    start = max(1, len(title) // 3)
    return title[start:start + 6]


def queries(site: Path) -> list[dict[str, object]]:
    """The benchmark queries, taken from the corpus itself, deterministically: kind, query,
    the URL of the item it was taken from (expected first, or in the top 3 for a title
    phrase), and how many item titles contain it."""
    model, problems = load_and_validate(site)
    assert model is not None and not problems.has_errors()
    items = sorted(model.items, key=lambda i: i.url)
    with_doc_no = [i for i in items if i.fm.doc_no]
    mid = with_doc_no[len(with_doc_no) // 2]
    other = items[len(items) // 3]
    titles = [i.fm.title for i in model.items]
    # a title phrase that at most 3 titles contain (the quality target's condition): the
    # first such among the items from ``other`` on
    runs = Counter(r for t in titles for r in {t[k:k + 6] for k in range(len(t) - 5)})
    start = len(items) // 3
    phrase_item = other
    for cand in items[start:] + items[:start]:
        if runs[_inside(cand.fm.title)] <= 3:
            phrase_item = cand
            break
    phrase = _inside(phrase_item.fm.title)
    pairs = [
        ("common word", "通知", None),
        ("title phrase", phrase, phrase_item.url),
        ("full title", mid.fm.title, mid.url),
        ("文号", mid.fm.doc_no or "", mid.url),
        ("索引号", other.fm.index_no, other.url),
        ("organization", other.org.name, None),
        ("two words", "财政 预算", None),
    ]
    return [{"kind": k, "query": q, "expected": url,
             "titles_containing": sum(all(w in t for w in q.split()) for t in titles)} for k, q, url in pairs]


def _sizes(out: Path, url: str) -> tuple[int, int]:
    """(bytes as stored, bytes sent by a gzip-enabled host) of one requested file."""
    path = unquote(urlsplit(url).path)
    rel = path[len(BASE_PATH):] if path.startswith(BASE_PATH) else path.lstrip("/")
    file = out / rel
    if rel == "" or rel.endswith("/"):
        file = file / "index.html"
    if not file.is_file():
        return 0, 0
    data = file.read_bytes()
    if file.name.endswith(PRECOMPRESSED):
        return len(data), len(data)
    return len(data), len(gzip.compress(data, 6, mtime=0))


def _shard(url: str) -> str | None:
    """The bundle whose index chunk a URL is: ``titles`` or a title tier
    (``pagefind/titles-2024/index/…``), or a text shard (``pagefind/text/y2023/index/…`` → y2023)."""
    parts = urlsplit(url).path[len(BASE_PATH):].split("/")
    if len(parts) >= 4 and parts[0] == "pagefind" and parts[1].startswith("titles") and parts[2] == "index":
        return parts[1]
    if len(parts) >= 5 and parts[:2] == ["pagefind", "text"] and parts[3] == "index":
        return parts[2]
    return None


def _summary(out: Path, urls: list[str], seconds: float) -> dict[str, object]:
    stored = sent = 0
    for url in urls:
        a, b = _sizes(out, url)
        stored += a
        sent += b
    shards = sorted({s for s in map(_shard, urls) if s})
    return {"ms": round(seconds * 1000), "requests": len(urls), "shards_with_chunks": len(shards),
            "bundles_with_chunks": shards, "kib_stored": round(stored / KIB), "kib_sent_gzip": round(sent / KIB)}


FIRST_LINK = "#search-list a.pf-result-link"
MARK_OLD = ("() => { for (const a of document.querySelectorAll('#search-list a.pf-result-link'))"
            " a.dataset.benchOld = '1'; }")
NEW_RESULTS = """(q) => {
  const s = document.querySelector('#search-summary');
  const text = s ? s.textContent.trim() : '';
  if (!text.includes(q) || text.startsWith('正在搜索')) return false;
  const a = document.querySelector('#search-list a.pf-result-link:not([data-bench-old])');
  const found = text.startsWith('没有找到') ? 'none' : a ? 'results' : false;
  if (found && window.__benchSeen === undefined) window.__benchSeen = performance.now();
  return found;
}"""
"""Finished when the summary names the query (not "正在搜索 …") and a result link that
was not there before the query is on screen, or when the summary says nothing was found;
notes the page's clock then (``__benchSeen``)."""
INPUT_CLOCK = ("performance.setResourceTimingBufferSize(10000);"
               "addEventListener('input', (e) => { window.__benchInput = e.timeStamp; }, true);")
"""Installed in every page: room for every request's timing, and the time stamp of the
latest input event (a typed query)."""
PAGE_MS = "() => [window.__benchSeen, window.__benchInput]"
STARTED = """([from, to]) => performance.getEntriesByType('resource')
  .filter(e => e.startTime >= from && e.startTime <= to).map(e => e.name)"""
"""The requests the page started between two times of its clock (resource timing): those
up to the first result on screen are what it cost; a request started after that frame
(the rest of the answer, begun once the first page is painted) is not, although
Playwright may report it before Python sees the result."""


def _settle(page, urls: list[str], quiet: float = 1.0, limit: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until no request has started for ``quiet`` seconds (at most ``limit``); through
    Playwright, which delivers the request events while it waits."""
    deadline = time.perf_counter() + limit
    seen, since = len(urls), time.perf_counter()
    while time.perf_counter() < deadline:
        page.wait_for_timeout(100)
        if len(urls) != seen:
            seen, since = len(urls), time.perf_counter()
        elif time.perf_counter() - since >= quiet:
            return


def _state(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The summary and the first ten result links on screen (path below the base, title)."""
    summary = page.eval_on_selector("#search-summary", "e => e.textContent.trim()")
    links = page.eval_on_selector_all(
        FIRST_LINK + ":not([data-bench-old])",
        "as => as.slice(0, 10).map(a => [new URL(a.href).pathname, a.textContent.trim()])")
    return {"summary": summary, "top": [[p.removeprefix(BASE_PATH), t] for p, t in links]}


def _rank(top: list[list[str]], expected: str | None) -> int | None:
    """1-based rank of the expected item among the first results; 0 when it is not there."""
    if expected is None:
        return None
    for n, (path, _title) in enumerate(top, 1):
        if path == expected:
            return n
    return 0


TIMEOUT_MS = 120_000


def _wait(page, query: str, timeout_ms: int) -> str:  # type: ignore[no-untyped-def]
    """Wait for the result set of ``query``: "results", "none", or "timeout" (recorded, not raised;
    the latency is then the timeout, a lower bound)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        return str(page.wait_for_function(NEW_RESULTS, arg=query, timeout=timeout_ms, polling="raf").json_value())
    except PlaywrightTimeout:
        return "timeout"


def measure_one(browser, origin: str, out: Path, query: str, next_query: str,  # type: ignore[no-untyped-def]
                next_expected: str | None, expected: str | None, timeout_ms: int = TIMEOUT_MS) -> dict[str, object]:
    context = browser.new_context(locale="zh-CN")
    context.add_init_script(INPUT_CLOCK)
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    try:
        start = time.perf_counter()
        page.goto(f"{origin}{BASE_PATH}search/?q={quote(query)}")
        found = _wait(page, query, timeout_ms)
        harness = time.perf_counter() - start
        seen, _ = page.evaluate(PAGE_MS)
        cold_first = [page.url] + page.evaluate(STARTED, [0, seen]) if seen is not None else list(urls)
        cold = {**_summary(out, cold_first, seen / 1000 if seen is not None else harness), "harness_ms": round(harness * 1000)}
        _settle(page, urls)
        settled = _summary(out, urls, 0)
        state = _state(page)
        # The next query on the same page, typed once the first has settled.
        page.evaluate(MARK_OLD)
        page.evaluate("() => { delete window.__benchSeen; }")
        urls.clear()
        start = time.perf_counter()
        page.fill("#search-input", next_query)
        next_found = _wait(page, next_query, timeout_ms)
        harness = time.perf_counter() - start
        seen, typed = page.evaluate(PAGE_MS)
        in_page = (seen - typed) / 1000 if seen is not None and typed is not None else harness
        warm_urls = page.evaluate(STARTED, [typed, seen]) if seen is not None and typed is not None else urls
        warm = {**_summary(out, warm_urls, in_page), "harness_ms": round(harness * 1000)}
        next_state = _state(page)
    finally:
        context.close()
    return {
        "found": found, "summary": state["summary"], "first": state["top"][0] if state["top"] else None,
        "expected_rank": _rank(state["top"], expected), "top": state["top"],
        "cold": cold, "cold_settled": {k: v for k, v in settled.items() if k != "ms"},
        "cold_urls": [urlsplit(u).path for u in cold_first],
        "warm": {**warm, "query": next_query, "found": next_found, "summary": next_state["summary"],
                 "first": next_state["top"][0] if next_state["top"] else None,
                 "expected_rank": _rank(next_state["top"], next_expected)},
    }


def _median(values: list[float]) -> float:
    return statistics.median(values)


def measure(out: Path, origin: str, cases: list[dict[str, object]], repeat: int = 1,
            timeout_ms: int = TIMEOUT_MS) -> list[dict[str, object]]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, object]] = []
    with sync_playwright() as pw:
        browser = launch(pw)
        for n, case in enumerate(cases):
            nxt = cases[(n + 1) % len(cases)]  # a different query, so nothing is cached for it
            runs = [measure_one(browser, origin, out, str(case["query"]), str(nxt["query"]),
                                nxt["expected"], case["expected"], timeout_ms)  # type: ignore[arg-type]
                    for _ in range(repeat)]
            cold_ms = [r["cold"]["ms"] for r in runs]  # type: ignore[index]
            warm_ms = [r["warm"]["ms"] for r in runs]  # type: ignore[index]
            row = dict(runs[0])
            # the run with the (lower) median latency carries the request figures
            row["cold"] = dict(sorted((r["cold"] for r in runs), key=lambda c: c["ms"])[(len(runs) - 1) // 2])  # type: ignore
            row["warm"] = dict(sorted((r["warm"] for r in runs), key=lambda c: c["ms"])[(len(runs) - 1) // 2])  # type: ignore
            row["cold"]["ms"], row["cold"]["ms_runs"] = round(_median(cold_ms)), cold_ms
            row["warm"]["ms"], row["warm"]["ms_runs"] = round(_median(warm_ms)), warm_ms
            for phase in ("cold", "warm"):
                row[phase]["harness_ms"] = round(_median([r[phase]["harness_ms"] for r in runs]))  # type: ignore[index]
            row["timeouts"] = [r["found"] for r in runs].count("timeout") + [r["warm"]["found"] for r in runs].count("timeout")  # type: ignore[index]
            rows.append({**case, **row})
            print(f"  {case['kind']:<13} cold {row['cold']['ms']:>6} ms {cold_ms} (harness {row['cold']['harness_ms']})"
                  f"  warm {row['warm']['ms']:>6} ms {warm_ms} (harness {row['warm']['harness_ms']})"
                  f"  {row['summary']}", file=sys.stderr)
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "n10000-s1")
    parser.add_argument("--built", type=Path, default=None, help=f"an output already built with --base-url {BASE_URL}")
    parser.add_argument("--repeat", type=int, default=1, help="cold and warm runs per query; the median is reported")
    parser.add_argument("--out-json", type=Path, default=HERE / "results-search-browser.json")
    parser.add_argument("--timeout", type=float, default=TIMEOUT_MS / 1000,
                        help="seconds to wait for a result set; a timeout is recorded (as that latency) and the run goes on")
    args = parser.parse_args()
    os.environ.setdefault("GOVSITE_TODAY", "2026-11-20")
    site = args.corpus.resolve()
    cases = queries(site)
    with tempfile.TemporaryDirectory(prefix="search-browser-") as tmp_name:
        root = Path(tmp_name)
        out = root / BASE_PATH.strip("/")
        if args.built:
            out.symlink_to(args.built.resolve(), target_is_directory=True)
        else:
            subprocess.run([sys.executable, "-m", "govsite.cli", "build", "--site", str(site), "--out", str(out),
                            "--base-url", BASE_URL, "--quiet"], check=True)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            rows = measure(out, f"http://127.0.0.1:{server.server_address[1]}", cases, args.repeat, round(args.timeout * 1000))
        finally:
            server.shutdown()
        shards = json.loads((out / "pagefind" / "govsite-shards.json").read_text(encoding="utf-8"))
        title_tiers = [s for s in shards["shards"] if s.startswith("titles")]
        text_shards = [s for s in shards["shards"] if s != "core" and s not in title_tiers]
        sizes = {name: round(sum(f.stat().st_size for f in (out / "pagefind" / sub).rglob("*") if f.is_file()) / KIB)
                 for name, sub in [(t, t) for t in title_tiers] + [(t, f"text/{t}") for t in text_shards]}
    model, _ = load_and_validate(site)
    gazette_articles = 0
    if (site / "content" / "gazette").is_dir():
        gazette_articles = sum(1 for _ in (site / "content" / "gazette").rglob("*.md"))
    result = {"corpus": site.name, "items": len(model.items) if model else None, "gazette_articles": gazette_articles,
              "title_tiers": title_tiers, "text_shards": len(text_shards), "text_shard_names": text_shards, "bundle_kib": sizes,
              "repeat": args.repeat, "timeout_s": args.timeout, "loadavg_1m_at_end": round(os.getloadavg()[0], 2), "queries": rows}
    args.out_json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{site.name}: {result['items']} items, {gazette_articles} gazette articles, {len(text_shards)} text shards")
    print("| kind | query | results | first = expected | cold ms | cold requests | cold KiB stored / gzip "
          "| settled requests | settled KiB stored / gzip | bundles with chunks | warm ms | warm requests |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|---|---:|---:|")
    for r in rows:
        c, st, w = r["cold"], r["cold_settled"], r["warm"]
        print(f"| {r['kind']} | {r['query']} | {r['summary']} | {r['expected_rank']} | {c['ms']} | {c['requests']} | "
              f"{c['kib_stored']} / {c['kib_sent_gzip']} | {st['requests']} | {st['kib_stored']} / {st['kib_sent_gzip']} | "
              f"{' '.join(c['bundles_with_chunks'])} | {w['ms']} | {w['requests']} |")


if __name__ == "__main__":
    main()
