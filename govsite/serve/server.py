"""``govsite serve``: build, serve on 127.0.0.1, watch the sources, rebuild and
reload the open pages (实时预览)."""
from __future__ import annotations

import functools
import os
import signal
import sys
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from govsite.pipeline.build import BuildResult
from govsite.pipeline.guard import check_output
from govsite.inspect.report_files import report_dir
from govsite.serve.builder import LiveBuilder
from govsite.serve.events import EventHub
from govsite.serve.live_handler import LiveHandler
from govsite.serve.watcher import SiteWatcher

HOST = "127.0.0.1"
_MAIN_PID = os.getpid()


class LiveServer:
    """The parts of a preview: builder, event hub, watcher and HTTP server. ``start``
    builds once (full, with the search index) and begins serving and watching."""

    def __init__(self, site: Path, out: Path, port: int = 8000, lang: str = "zh",
                 report: Callable[[BuildResult], None] | None = None, debounce: float = 0.15,
                 idle_full: float | None = None, force_out: bool = False,
                 waiting: Callable[[Path], None] | None = None) -> None:
        self.site, self.out = site.resolve(), out.resolve()
        self.hub = EventHub()
        kwargs = {} if idle_full is None else {"idle_full": idle_full}
        self.builder = LiveBuilder(self.site, self.out, self.hub, lang, report, force_out=force_out,
                                   waiting=waiting, **kwargs)
        self.watcher = SiteWatcher(self.site, self.out, self.builder.request, debounce)
        check_output(self.site, self.out, force_out)  # nothing is made in an output the build would refuse
        self.out.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(LiveHandler, directory=str(self.out), state=lambda: self.builder.state,
                                    hub=self.hub, lang=lang, report=report_dir(self.out))
        self.httpd = ThreadingHTTPServer((HOST, port), handler)
        self.httpd.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.httpd.server_address[1]}{self.builder.state.prefix}"

    def start(self) -> None:
        self.builder.build_now(quick=False)
        self.builder.start()
        self.watcher.start()

    def serve_forever(self) -> None:
        self.httpd.serve_forever(poll_interval=0.2)

    def shutdown(self) -> None:
        """Stop watching, let a running build finish, end the event streams, close the socket."""
        self.watcher.stop()
        self.builder.stop()
        self.hub.close()
        self.httpd.server_close()


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops the server like Ctrl+C; in a forked render worker it keeps its default meaning."""
    if os.getpid() != _MAIN_PID:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    raise KeyboardInterrupt


def run(site: Path, out: Path, port: int, lang: str, report: Callable[[BuildResult], None],
        force_out: bool = False, waiting: Callable[[Path], None] | None = None) -> None:
    """The ``serve`` command: runs until Ctrl+C (or SIGTERM)."""
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    server = LiveServer(site, out, port, lang, report, force_out=force_out, waiting=waiting)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.start()
        zh = f"预览：{server.url}（监视 content/、templates/、site.yaml 的变更；按 Ctrl+C 停止）"
        en = f"Serving {server.out} at {server.url}  (watching for changes; Ctrl+C to stop)"
        print(zh if lang == "zh" else en, flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        print("正在停止…" if lang == "zh" else "Stopping…", file=sys.stderr, flush=True)
    finally:
        server.shutdown()
