"""The page's fetch of Pagefind's files (search.js ``ownFetch``), in Chromium.

Pagefind's gzipped files are inflated by the browser, and the page still works where
that does not apply: a host that sends them with ``Content-Encoding: gzip`` (the
browser has already inflated them) and a browser without ``DecompressionStream``
(Pagefind's own inflater). Pagefind's start-up files are asked for once each, as the
page starts, and Pagefind's own requests are answered from those."""
from __future__ import annotations

from urllib.parse import quote

from tests.search.search_helpers import SUB_PATH, _QuietHandler, serve, site_path

RESULT = "#search-list li.pf-result a.pf-result-link"
QUERY = "示例县人民政府关于任免工作人员的通知"
PAGEFIND_FILES = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")


class _GzipEncodingHandler(_QuietHandler):
    """A host that serves Pagefind's files with ``Content-Encoding: gzip``."""

    def end_headers(self) -> None:
        if self.path.split("?")[0].endswith(PAGEFIND_FILES):
            self.send_header("Content-Encoding", "gzip")
        super().end_headers()


def _search(page, origin: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(origin + SUB_PATH + "search/?q=" + quote(QUERY))
    page.wait_for_selector(RESULT)
    return [site_path(h) for h in page.eval_on_selector_all(RESULT, "links => links.map(a => a.href)")]


def test_the_page_reads_pagefinds_files_inflated_by_the_browser(served_demo, page) -> None:
    """Every file Pagefind is handed has been inflated: the page's own fetch (what
    Pagefind calls) answers no gzip, while the network carried gzip."""
    found = _search(page, served_demo.origin)
    assert found
    handed = page.evaluate("""async () => {
        const r = await fetch(new URL("pagefind/wasm.unknown.pagefind", document.baseURI.replace(/search\\/.*$/, "")));
        const b = new Uint8Array(await r.arrayBuffer());
        return String.fromCharCode(...b.slice(0, 12)); }""")
    assert handed == "pagefind_dcd"  # inflated, with Pagefind's signature
    assert (served_demo.out / "pagefind/wasm.unknown.pagefind").read_bytes()[:2] == b"\x1f\x8b"  # stored gzipped


def test_pagefinds_start_up_files_are_asked_for_once_each(served_demo, page) -> None:
    """The runtime's entry, metadata and WebAssembly and the title layer's entry and
    metadata: one request each (Pagefind's own fetch took the page's early answer),
    the entry files with the page's cache-buster, and all of them before the first
    index chunk."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    assert _search(page, served_demo.origin)
    paths = [site_path(u.split("?")[0]) for u in requests]
    start = ["pagefind/pagefind-entry.json", "pagefind/wasm.unknown.pagefind", "pagefind/titles/pagefind-entry.json"]
    start += [p for p in paths if p.endswith(".pf_meta")]
    assert len([p for p in paths if p.endswith(".pf_meta")]) == 2  # the runtime's and the title layer's
    for path in start:
        assert paths.count(path) == 1, (path, paths)
    tags = {u.split("?ts=")[1] for u in requests if "pagefind-entry.json" in u}
    assert len(tags) == 1 and tags.pop().isdigit()
    first_chunk = next(i for i, p in enumerate(paths) if p.endswith(".pf_index"))
    assert all(paths.index(p) < first_chunk for p in start)


def test_a_host_that_sends_gzip_encoding_and_a_browser_without_decompression_stream(served_demo, page) -> None:
    with serve(served_demo.out.parent.parent, _QuietHandler) as plain_origin:
        expected = _search(page, plain_origin)
    with serve(served_demo.out.parent.parent, _GzipEncodingHandler) as origin:
        assert _search(page, origin) == expected
    page.add_init_script("delete window.DecompressionStream")
    with serve(served_demo.out.parent.parent, _QuietHandler) as origin:
        assert _search(page, origin) == expected
