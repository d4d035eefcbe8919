"""A static preview server on 127.0.0.1 that mimics a host serving the site
under the sub-path of ``base_url``."""
from __future__ import annotations

import functools
import http.server
from pathlib import Path


def serve_output(site: Path, out: Path, port: int) -> None:
    from govsite.content.loader import load_config
    from govsite.problems import ProblemLog

    config, _ = load_config(site.resolve(), ProblemLog())
    prefix = config.base_path if config else "/"
    handler = functools.partial(_Handler, directory=str(out.resolve()), prefix=prefix)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving {out} at http://127.0.0.1:{port}{prefix}  (Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


class _Handler(http.server.SimpleHTTPRequestHandler):
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
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)
