"""Tools for the search tests: serve a built site on 127.0.0.1 under a sub-path, and
query its Pagefind index in Chromium through the search page's own search engine
(so a test sees what the page's list shows)."""
from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

SUB_PATH = "/county/xxgk/"
SUB_PATH_BASE = "https://www.example.gov.cn" + SUB_PATH


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".pagefind": "application/octet-stream", ".pf_meta": "application/octet-stream",
                      ".pf_index": "application/octet-stream", ".pf_fragment": "application/octet-stream"}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve(root: Path, handler: type[SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port) with ``handler``; yields the origin, e.g.
    http://127.0.0.1:8123."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class RequestLog:
    """Every URL the browser asked for, so a test can prove nothing left 127.0.0.1."""

    urls: list[str]

    def external(self) -> list[str]:
        return [u for u in self.urls if urlsplit(u).scheme not in ("data", "blob", "about")
                and urlsplit(u).hostname != "127.0.0.1"]


def record_requests(page) -> RequestLog:  # type: ignore[no-untyped-def]
    log = RequestLog([])
    page.context.on("request", lambda request: log.urls.append(request.url))
    return log


# The search page's own search engine (assets/search-engine.js, as the page's list uses
# it: lookup records left out, a whole 文号/索引号 first, nonsense Latin words finding
# nothing), with the page's 搜索范围 and 排序方式 as selected, exposed as
# window.govsiteSearch(term, options, limit) → {count, hits: [{url, title, doc_no, date,
# org, exact}]}; window.govsiteFilters() → {filter: {value: count}} as the page's filter
# pane shows them.
INIT_JS = """async () => {
  const engine = await window.govsiteEngine;
  await engine.ready;
  window.govsiteSearch = async (term, options, limit) => {
    const how = { order: document.getElementById("search-sort").value,
                  scope: document.getElementById("search-scope").value };
    let r = await engine.search(term, options || {}, how);
    while (r.rest) { r = await r.rest; }  // a first page from the newest tiers or shards; then all of them
    const top = await Promise.all(r.results.slice(0, limit || 10).map((x) => x.data()));
    return { count: r.results.length,
             hits: top.map((d) => ({ url: d.url, title: d.meta.title, doc_no: d.meta.doc_no || "",
                                     date: d.meta.date || "", org: d.meta.org || "", exact: !!d.meta.exact })) };
  };
  window.govsiteFilters = () => Object.fromEntries([...document.querySelectorAll(".pf-filter-group")].map((g) => [
    g.dataset.filterName,
    Object.fromEntries([...g.querySelectorAll("input[type=checkbox]")].map((box) => [
      box.value, Number(box.closest("label").querySelector(".pf-filter-checkbox-count").textContent.replace(/\\D/g, ""))]))]));
  return JSON.parse(document.getElementById("search-config").textContent).textShards.length;
}"""


def open_search_api(page, origin: str) -> None:  # type: ignore[no-untyped-def]
    """Open the search page and set up ``window.govsiteSearch`` on it."""
    page.goto(origin + SUB_PATH + "search/")
    page.evaluate(INIT_JS)


def search(page, term: str, options: dict[str, Any] | None = None, limit: int = 10) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return page.evaluate("([t, o, n]) => window.govsiteSearch(t, o, n)", [term, options or {}, limit])


def filters(page) -> dict[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    return page.evaluate("() => window.govsiteFilters()")


def site_path(url: str) -> str:
    """A result URL as an output path: /county/xxgk/xxgk/czj/2024/00001.html → xxgk/czj/2024/00001.html."""
    path = urlsplit(url).path
    assert path.startswith(SUB_PATH), f"result URL outside the site's sub-path: {url}"
    rel = path[len(SUB_PATH):]
    return rel + "index.html" if rel.endswith("/") or rel == "" else rel
