"""Member servers for the sync tests: each county on its own HTTP server on 127.0.0.1
(so that one can be stopped), optionally one that dies after serving some files."""
from __future__ import annotations

import functools
import socket
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.search.search_helpers import _QuietHandler


class MemberServer:
    """``root`` served on 127.0.0.1 at a free port (or ``port``), until :meth:`stop`."""

    def __init__(self, root: Path, handler: type[_QuietHandler] = _QuietHandler, port: int = 0) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(root)))
        self.port = self.server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def dying_handler(serve_files: int) -> type[_QuietHandler]:
    """A handler that serves the listing files (``.govsite-*``) and the first
    ``serve_files`` other files, then dies in the middle of every transfer: it sends a
    file's headers (its full length) and half of its bytes, and drops the connection."""
    lock = threading.Lock()
    served = [0]

    class Dying(_QuietHandler):
        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            path = Path(self.translate_path(self.path))
            if "/.govsite-" in self.path or not path.is_file():
                super().do_GET()
                return
            with lock:
                served[0] += 1
                alive = served[0] <= serve_files
            if alive:
                super().do_GET()
                return
            data = path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    return Dying
