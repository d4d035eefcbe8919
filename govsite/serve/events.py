"""The live-reload event stream (实时预览事件流): Server-Sent Events to every open page.

Each build sends one ``build`` event. Its data is JSON::

    {"generation": "<server id>:<n>", "ok": true, "changed": ["/county/xxgk/xxgk/...html", ...],
     "problems": ""}

``changed`` holds the URL paths the build wrote or deleted. ``problems`` is a
digest of a failed build's problem list (empty after a good build): an open
error page reloads only when the list it shows has changed. A new connection
first gets the current state, so a page that missed a build while its stream
was (re)connecting still notices it.
"""
from __future__ import annotations

import json
from io import BufferedIOBase
import queue
import threading
from dataclasses import dataclass, field
from typing import IO, Iterator

KEEPALIVE_SECONDS = 15.0
"""A comment line this often, so a closed tab is noticed (the write fails) and proxies keep the stream open."""


@dataclass(frozen=True)
class BuildEvent:
    """What one build did, as the pages see it."""

    generation: str
    ok: bool
    changed: tuple[str, ...] = field(default=())
    problems: str = ""
    """Digest of the failed build's problem lines; empty when the build was good."""

    def encode(self, name: str = "build") -> bytes:
        data = json.dumps({"generation": self.generation, "ok": self.ok, "changed": list(self.changed),
                           "problems": self.problems}, ensure_ascii=False)
        return f"event: {name}\ndata: {data}\n\n".encode("utf-8")


class EventHub:
    """Fans build events out to every connected page; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: set[queue.Queue[BuildEvent | None]] = set()
        self._closed = False

    @property
    def client_count(self) -> int:
        with self._lock:
            return len(self._clients)

    def publish(self, event: BuildEvent) -> None:
        with self._lock:
            for client in self._clients:
                client.put(event)

    def close(self) -> None:
        """End every stream (server shutdown)."""
        with self._lock:
            self._closed = True
            for client in self._clients:
                client.put(None)

    def stream(self, current: BuildEvent, keepalive: float = KEEPALIVE_SECONDS) -> Iterator[bytes]:
        """The bytes of one client's stream: the current state (``hello``), then each
        build, with keep-alive comments in between; ends when the hub closes."""
        client: queue.Queue[BuildEvent | None] = queue.Queue()
        with self._lock:
            if self._closed:
                return
            self._clients.add(client)
        try:
            yield b"retry: 500\n\n" + current.encode("hello")
            while True:
                try:
                    event = client.get(timeout=keepalive)
                except queue.Empty:
                    yield b": keep-alive\n\n"
                    continue
                if event is None:
                    return
                yield event.encode()
        finally:
            with self._lock:
                self._clients.discard(client)


def pump(chunks: Iterator[bytes], wfile: IO[bytes] | BufferedIOBase) -> None:
    """Write a stream to a client until it disconnects or the stream ends."""
    try:
        for chunk in chunks:
            wfile.write(chunk)
            wfile.flush()
    except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
        pass  # the tab was closed or reloaded
    finally:
        close = getattr(chunks, "close", None)
        if close:
            close()  # runs the generator's finally: unsubscribe
