"""Search at query time, in real Chromium: first-query latency and what it downloads.

Usage::

    python benchmarks/search_browser.py [--corpus benchmarks/corpus/n10000-s1] [--built DIR]

Builds the corpus (``govsite build``, search included) under the sub-path
``https://www.example.gov.cn/xxgk-bench/`` into a scratch folder, or uses ``--built``
(an output built with that base_url), serves it on 127.0.0.1 and opens the search
page in Debian's Chromium (Playwright) with a cold cache for every query:

cold
    ``search/?q=…`` opened in a fresh browser context: page, Pagefind's runtime
    and WebAssembly, every shard's entry and metadata, then the index chunks,
    filters and result fragments the query needs. Latency runs from navigation
    start to the first result link on screen.
warm
    the next query typed into the same page (runtime and metadata already
    loaded): from filling the input to the first result link of the new query.

For each query it counts the requests and the shards whose index chunks were
fetched, and sums the bytes: as stored (Pagefind's own files are already
gzip-compressed) and as sent by a host that gzips text (HTML, JS, CSS, JSON,
wasm; Pagefind's compressed files unchanged). Writes
``benchmarks/results-search-browser.json`` and prints a Markdown table.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from govsite.build.build import load_and_validate  # noqa: E402
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


def queries(site: Path) -> list[tuple[str, str]]:
    """(kind, query) pairs taken from the corpus itself, deterministically."""
    model, problems = load_and_validate(site)
    assert model is not None and not problems.has_errors()
    items = sorted(model.items, key=lambda i: i.url)
    with_doc_no = [i for i in items if i.fm.doc_no]
    mid = with_doc_no[len(with_doc_no) // 2]
    other = items[len(items) // 3]
    return [
        ("common word", "通知"),
        ("title phrase", _inside(other.fm.title)),
        ("full title", mid.fm.title),
        ("文号", mid.fm.doc_no or ""),
        ("索引号", other.fm.index_no),
        ("organization", other.org.name),
        ("two words", "财政 预算"),
    ]


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
    """The bundle whose index chunk a URL is: ``titles`` (``pagefind/titles/index/…``) or
    a text shard (``pagefind/text/y2023/index/…`` → y2023)."""
    parts = urlsplit(url).path[len(BASE_PATH):].split("/")
    if len(parts) >= 4 and parts[:3] == ["pagefind", "titles", "index"]:
        return "titles"
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
            "kib_stored": round(stored / KIB), "kib_sent_gzip": round(sent / KIB)}


def measure(out: Path, origin: str, pairs: list[tuple[str, str]]) -> list[dict[str, object]]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, object]] = []
    first_link = "pagefind-results a.pf-result-link"
    with sync_playwright() as pw:
        browser = launch(pw)
        for n, (kind, query) in enumerate(pairs):
            context = browser.new_context(locale="zh-CN")
            page = context.new_page()
            urls: list[str] = []
            page.on("request", lambda r: urls.append(r.url))
            start = time.perf_counter()
            page.goto(f"{origin}{BASE_PATH}search/?q={quote(query)}")
            page.wait_for_selector(first_link, timeout=120_000)
            cold = _summary(out, urls, time.perf_counter() - start)
            # The next query on the same page: a different one, so nothing is cached for it.
            next_query = pairs[(n + 1) % len(pairs)][1]
            urls.clear()
            before = page.eval_on_selector(first_link, "a => a.href")
            start = time.perf_counter()
            page.fill("pagefind-input input", next_query)
            page.wait_for_function(
                "(before) => { const a = document.querySelector('pagefind-results a.pf-result-link');"
                " return a && a.href !== before; }", arg=before, timeout=120_000)
            warm = _summary(out, urls, time.perf_counter() - start)
            results = page.eval_on_selector("pagefind-summary", "e => e.textContent.trim()")
            rows.append({"kind": kind, "query": query, "summary": results, "cold": cold,
                         "warm": {**warm, "query": next_query}})
            context.close()
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "n10000-s1")
    parser.add_argument("--built", type=Path, default=None, help=f"an output already built with --base-url {BASE_URL}")
    args = parser.parse_args()
    os.environ.setdefault("GOVSITE_TODAY", "2026-11-20")
    site = args.corpus.resolve()
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
            rows = measure(out, f"http://127.0.0.1:{server.server_address[1]}", queries(site))
        finally:
            server.shutdown()
        shards = json.loads((out / "pagefind" / "govsite-shards.json").read_text(encoding="utf-8"))
    model, _ = load_and_validate(site)
    result = {"corpus": site.name, "items": len(model.items) if model else None,
              "text_shards": len(shards["shards"]) - 2, "queries": rows}  # "core" is the runtime, then "titles"
    (HERE / "results-search-browser.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n",
                                                      encoding="utf-8")
    print("| query | kind | cold ms | cold requests | shards with chunks | cold KiB stored / gzip | warm ms | warm KiB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        c, w = r["cold"], r["warm"]
        print(f"| {r['query']} | {r['kind']} | {c['ms']} | {c['requests']} | {c['shards_with_chunks']} | "
              f"{c['kib_stored']} / {c['kib_sent_gzip']} | {w['ms']} | {w['kib_stored']} |")


if __name__ == "__main__":
    main()
