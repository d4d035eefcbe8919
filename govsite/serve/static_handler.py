"""Serving the built output on 127.0.0.1 the way a host serves it under the
sub-path of ``base_url`` (e.g. ``/county/xxgk/``), with the site's 404 page."""
from __future__ import annotations

import http.server
from pathlib import Path


class PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from ``directory``; URLs under ``prefix`` map to its root."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".pagefind": "application/octet-stream", ".pf_meta": "application/octet-stream",
                      ".pf_index": "application/octet-stream", ".pf_fragment": "application/octet-stream"}

    def __init__(self, *args, prefix: str = "/", **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404:
            page = Path(self.directory) / "404.html"
            if page.is_file():
                self.send_body(404, page.read_bytes(), "text/html; charset=utf-8")
                return
        super().send_error(code, message, explain)

    def send_body(self, status: int, body: bytes, content_type: str, cache: str | None = None) -> None:
        """Send a complete response (headers and body; no body for HEAD)."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if cache:
            self.send_header("Cache-Control", cache)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
