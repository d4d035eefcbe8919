"""The provincial portal at scale (issue 19 §3): its build, cold and warm, and its search
in Chromium over every member.

Usage::

    python benchmarks/portal_bench.py [--members 30] [--items 2000] [--work /work/bench/NAME]
        [--repeat 3] [--port 8765] [--out-json benchmarks/results-portal.json]

1. generates ``--members`` member sites of ``--items`` items each with
   ``benchmarks/generate.py`` (seed 100 + n, the site renamed 示例县NN人民政府), and
   builds each with search under ``http://127.0.0.1:PORT/mNN/`` into ``WORK/www/mNN``
   (kept between runs: a member already built there is reused);
2. writes a portal site over them (``WORK/portal-site``, members read from
   ``WORK/www/mNN``) and builds it three times: **cold** (its per-year cache removed),
   **warm** (nothing changed: every year from the cache) and **one member changed**
   (an item added to m01, m01 rebuilt, then the portal): wall time, CPU time of the
   build process (user+sys) and how many year files it read (entries it wrote to
   ``.govsite-cache/portal-years/``);
3. serves ``WORK/www`` on 127.0.0.1 and opens the portal's search page in Debian's
   Chromium with a cold cache (a fresh context per run) for a 文号 of one member and a
   common word: time from navigation start to the first result on screen (page clock,
   polled every animation frame), the time the page's merge of the members' bundles
   took (``govsitePortalEngine`` resolved), requests and bytes up to the first result
   and once the network has been quiet for a second.

Prints a Markdown table and writes the figures as JSON.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ENV = dict(os.environ, GOVSITE_TODAY="2026-11-20", GOVSITE_LANG="en", PYTHONPATH=str(ROOT))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


class Quiet(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".pagefind": "application/octet-stream", ".pf_meta": "application/octet-stream",
                      ".pf_index": "application/octet-stream", ".pf_fragment": "application/octet-stream"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def run(*args: str) -> dict[str, float]:
    """Run a command; its wall time and its CPU time (user+sys, children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(list(args), env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stdout}\n{done.stderr}")
    return {"wall_s": round(wall, 2), "cpu_s": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 2)}


def govsite(*args: str) -> dict[str, float]:
    return run(sys.executable, "-m", "govsite.cli", *args)


def member_name(n: int) -> str:
    return f"示例县{n:02d}人民政府"


def make_members(work: Path, count: int, items: int, origin: str) -> list[dict[str, str]]:
    members = []
    for n in range(1, count + 1):
        slug = f"m{n:02d}"
        src, out = work / "src" / slug, work / "www" / slug
        if not (src / ".benchmark-corpus.json").exists():
            run(sys.executable, str(HERE / "generate.py"), str(items), str(src), "--seed", str(100 + n))
            yaml_text = (src / "site.yaml").read_text(encoding="utf-8")
            (src / "site.yaml").write_text(yaml_text.replace("name: 示例县人民政府", f"name: {member_name(n)}", 1),
                                           encoding="utf-8")
        if not (out / ".govsite-manifest.json").exists():
            took = govsite("build", "--site", str(src), "--out", str(out), "--base-url", f"{origin}/{slug}/", "--quiet")
            print(f"built {slug}: {took['wall_s']} s", file=sys.stderr)
        members.append({"id": slug, "name": member_name(n), "base_url": f"{origin}/{slug}/", "output": str(out)})
    return members


def write_portal(site: Path, origin: str, members: list[dict[str, str]]) -> None:
    import yaml

    config = {"name": "示例市人民政府", "base_url": f"{origin}/portal/",
              "footer": {"host": "示例市人民政府办公室", "site_id_code": "9999990009", "icp": "测ICP备00000009号-1",
                         "psb": "测公网安备 99999909000009号"},
              "portal": {"title": "示例市政府信息公开平台", "members": members}}
    (site / "content/pages").mkdir(parents=True, exist_ok=True)
    (site / "site.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (site / "content/orgs.yaml").write_text(
        "- {id: szf, name: 示例市人民政府, code: 11999900MP00000103, kind: government}\n", encoding="utf-8")
    (site / "content/pages/about.md").write_text("---\ntitle: 关于本平台\n---\n示例市各县政府信息公开的统一入口。\n",
                                                encoding="utf-8")


def portal_build(site: Path, out: Path, label: str) -> dict[str, Any]:
    cache = site / ".govsite-cache/portal-years"
    before = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pickle")} if cache.is_dir() else {}
    took = govsite("build", "--site", str(site), "--out", str(out), "--quiet")
    after = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pickle")}
    took["years_read"] = sum(1 for name, mtime in after.items() if before.get(name) != mtime)
    took["label"] = label
    print(f"portal {label}: {took}", file=sys.stderr)
    return took


def change_member(work: Path, origin: str) -> None:
    """Add one item of 2026 to m01 (a copy of its newest, retitled) and rebuild m01."""
    src = work / "src" / "m01"
    items = sorted(p for p in (src / "content/items").glob("*/2026/*.md") if p.stem != "09999")
    text = items[-1].read_text(encoding="utf-8").replace(f"2026-{items[-1].stem}", "2026-09999", 1)
    stamp = time.strftime("%H%M%S")
    items[-1].with_name("09999.md").write_text(text.replace("title: ", f"title: 补充通知{stamp}：", 1), encoding="utf-8")
    govsite("build", "--site", str(src), "--out", str(work / "www/m01"), "--base-url", f"{origin}/m01/", "--quiet")


MERGED = """(() => { let engine;
  Object.defineProperty(window, 'govsitePortalEngine', { configurable: true, get() { return engine; },
    set(value) { engine = value; value.then(() => { window.__merged = performance.now(); }); } });
})();"""
"""Notes the moment the page's merge of the members' bundles is done (portal-search.js sets the promise)."""

FIRST = """() => {
  const list = document.getElementById('portal-search-list');
  const summary = document.getElementById('portal-search-summary').textContent;
  if (!window.__first && (list.querySelector('a') || summary.startsWith('没有'))) { window.__first = performance.now(); }
  return !!window.__first;
}"""


def measure_query(browser, origin: str, query: str, timeout_ms: int) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.add_init_script(MERGED)
    page.goto(f"{origin}/portal/portal/search/?q={quote(query)}")
    page.wait_for_function(FIRST, polling="raf", timeout=timeout_ms)
    first = page.evaluate("window.__first")
    merged = page.evaluate("window.govsitePortalEngine.then(() => window.__merged)")
    timing = page.evaluate("""(t) => { const r = performance.getEntriesByType('resource').filter(e => e.startTime <= t);
        return [r.length + 1, r.reduce((s, e) => s + e.encodedBodySize, 0)]; }""", first)
    last = -1
    while len(urls) != last:
        last = len(urls)
        page.wait_for_timeout(1000)
    settled = page.evaluate("""() => { const r = performance.getEntriesByType('resource');
        return [r.length + 1, r.reduce((s, e) => s + e.encodedBodySize, 0)]; }""")
    summary = page.locator("#portal-search-summary").inner_text()
    top = page.locator("#portal-search-list .pf-result").first.inner_text() if page.locator("#portal-search-list a").count() else ""
    context.close()
    return {"first_ms": round(first), "merged_ms": round(merged), "requests_first": timing[0],
            "bytes_first": timing[1], "requests_settled": settled[0], "bytes_settled": settled[1],
            "summary": summary, "top": top.split("\n")[0]}


def browser_figures(origin: str, queries: dict[str, str], repeat: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    found: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        for label, query in queries.items():
            runs = [measure_query(browser, origin, query, 120_000) for _ in range(repeat)]
            found[label] = {"query": query, "runs": runs,
                            "first_ms_median": statistics.median(r["first_ms"] for r in runs),
                            "merged_ms_median": statistics.median(r["merged_ms"] for r in runs)}
            print(f"{label} {query}: {found[label]['first_ms_median']} ms, {runs[0]}", file=sys.stderr)
        browser.close()
    return found


def a_doc_no(out: Path) -> str:
    items = json.loads((out / "data/items-2026.json").read_text(encoding="utf-8"))["items"]
    return next(it["doc_no"] for it in items if it.get("doc_no"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=30)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=Path("/work/bench/portal"))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out-json", type=Path, default=HERE / "results-portal.json")
    args = parser.parse_args()
    work = args.work.resolve()
    (work / "www").mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(Quiet, directory=str(work / "www")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{args.port}"
    try:
        members = make_members(work, args.members, args.items, origin)
        site, out = work / "portal-site", work / "www" / "portal"
        write_portal(site, origin, members)
        shutil.rmtree(site / ".govsite-cache", ignore_errors=True)
        builds = [portal_build(site, out, "cold"), portal_build(site, out, "warm, nothing changed")]
        change_member(work, origin)
        builds.append(portal_build(site, out, "warm, one member changed"))
        queries = {"文号": a_doc_no(work / "www" / f"m{(args.members + 1) // 2:02d}"), "common word": "通知"}
        search = browser_figures(origin, queries, args.repeat)
    finally:
        server.shutdown()
    result = {"members": args.members, "items": args.items, "load": os.getloadavg(), "builds": builds, "search": search}
    args.out_json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\n{args.members} members × {args.items} items, load {os.getloadavg()[0]:.1f}\n")
    print("| portal build | wall s | CPU s | year files read |\n|---|---|---|---|")
    for b in builds:
        print(f"| {b['label']} | {b['wall_s']} | {b['cpu_s']} | {b['years_read']} |")
    print("\n| query | first result ms (median) | merge done ms | requests to first | KB to first | requests settled |\n|---|---|---|---|---|---|")
    for label, s in search.items():
        r = s["runs"][0]
        print(f"| {label} {s['query']} | {s['first_ms_median']} | {s['merged_ms_median']} | {r['requests_first']} | "
              f"{r['bytes_first'] // 1024} | {r['requests_settled']} |")


if __name__ == "__main__":
    main()
