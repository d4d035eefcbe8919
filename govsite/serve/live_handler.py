"""The HTTP handler of ``govsite serve``: the built output under the ``base_url``
sub-path, the live-reload script and event stream under ``/__govsite/``, and
the error page for HTML while the last build failed.

The reload script is added to HTML *responses* only; files in ``output/`` are
never changed. The private inspection report, kept beside the output
(:mod:`govsite.inspect.report_files`), is shown at ``_report/`` under the sub-path,
its links (written to reach ``../output/`` from its folder) pointed at the site.
"""
from __future__ import annotations

import html
import os
import posixpath
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from govsite.inspect.page import REPORT_DIR, output_link_prefix
from govsite.inspect.report_files import PAGE as REPORT_PAGE
from govsite.serve.builder import LiveState
from govsite.serve.error_page import error_page, inject
from govsite.serve.events import EventHub, pump
from govsite.serve.static_handler import PrefixHandler

LIVE_PATH = "/__govsite/"
EVENTS_URL = LIVE_PATH + "events"
SCRIPT_URL = LIVE_PATH + "livereload.js"
SCRIPT_FILE = Path(__file__).with_name("livereload.js")
NO_STORE = "no-store"


def script_tag(state: LiveState) -> bytes:
    """The ``<script>`` added before ``</body>`` of every HTML response."""
    return (f'<script src="{SCRIPT_URL}" data-events="{EVENTS_URL}" '
            f'data-generation="{html.escape(state.event.generation)}" '
            f'data-ok="{"true" if state.event.ok else "false"}" '
            f'data-problems="{html.escape(state.event.problems)}" defer></script>').encode("utf-8")


class LiveHandler(PrefixHandler):
    """``state`` gives the current build state; ``hub`` the event stream; ``lang`` the error page's language."""

    def __init__(self, *args, state: Callable[[], LiveState], hub: EventHub, lang: str = "zh",  # type: ignore[no-untyped-def]
                 report: Path | None = None, **kwargs) -> None:
        self.state, self.hub, self.lang = state, hub, lang
        self.report = report
        """The report folder beside the output (None: no report route)."""
        super().__init__(*args, prefix=state().prefix, **kwargs)

    def log_message(self, format: str, *args) -> None:  # type: ignore[no-untyped-def]  # noqa: A002
        pass  # builds print their own summary; request lines would drown it

    def do_GET(self) -> None:
        self._route()

    def do_HEAD(self) -> None:
        self._route()

    def _route(self) -> None:
        current = self.state()
        self.prefix = current.prefix  # follows base_url edits in site.yaml
        url_path = unquote(urlsplit(self.path).path)
        if url_path == EVENTS_URL:
            self._events(current)
            return
        if url_path == SCRIPT_URL:
            self.send_body(200, SCRIPT_FILE.read_bytes(), "text/javascript; charset=utf-8", NO_STORE)
            return
        rel = url_path[len(current.prefix):] if url_path.startswith(current.prefix) else None
        if self.report is not None and rel is not None and (rel == REPORT_DIR.rstrip("/") or rel.startswith(REPORT_DIR)):
            self._report(rel, current)
            return
        target = self._html_target(url_path)
        if target is None:
            super().do_GET() if self.command == "GET" else super().do_HEAD()
            return
        tag = script_tag(current)
        if not current.event.ok:
            page = error_page(list(current.lines), current.errors, current.warnings, self.lang)
            self.send_body(500, inject(page, tag), "text/html; charset=utf-8", NO_STORE)
            return
        if os.path.isfile(target):
            self.send_body(200, inject(Path(target).read_bytes(), tag), "text/html; charset=utf-8", NO_STORE)
            return
        missing = Path(self.directory) / "404.html"
        body = missing.read_bytes() if missing.is_file() else b"<!DOCTYPE html><title>404</title><body><h1>404</h1></body>"
        self.send_body(404, inject(body, tag), "text/html; charset=utf-8", NO_STORE)

    def _report(self, rel: str, current: LiveState) -> None:
        """``_report/`` (or ``_report/index.html``): the report page from its folder, its links
        made relative to that URL; ``_report`` redirects there; anything else under it is 404."""
        assert self.report is not None
        if rel == REPORT_DIR.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", current.prefix + REPORT_DIR)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        tag = script_tag(current)
        page = self.report / REPORT_PAGE
        if not current.event.ok:
            body = error_page(list(current.lines), current.errors, current.warnings, self.lang)
            self.send_body(500, inject(body, tag), "text/html; charset=utf-8", NO_STORE)
        elif rel in (REPORT_DIR, REPORT_DIR + REPORT_PAGE) and page.is_file():
            into_output = ('="' + output_link_prefix(Path(self.directory).name)).encode("utf-8")
            html_bytes = page.read_bytes().replace(into_output, b'="../')
            self.send_body(200, inject(html_bytes, tag), "text/html; charset=utf-8", NO_STORE)
        else:
            self.send_error(404)

    def _html_target(self, url_path: str) -> str | None:
        """The output file of a page request (``x.html`` or a folder's ``index.html``), or None for
        anything else (assets, and folders without a trailing slash, which redirect first)."""
        translated = self.translate_path(url_path)
        if url_path.endswith("/"):
            return os.path.join(translated, "index.html")
        if posixpath.splitext(url_path)[1] in (".html", ".htm"):
            return translated
        return None

    def _events(self, current: LiveState) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", NO_STORE)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if self.command == "HEAD":
            return
        pump(self.hub.stream(current.event), self.wfile)
