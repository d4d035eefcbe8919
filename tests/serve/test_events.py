"""The event stream: the current state first, then each build; disconnects and
shutdown end a client's stream and unsubscribe it."""
from __future__ import annotations

import json
import threading

from govsite.serve.events import BuildEvent, EventHub, pump


def parse(chunk: bytes) -> tuple[str, dict]:
    lines = dict(line.split(": ", 1) for line in chunk.decode("utf-8").strip().splitlines())
    return lines["event"], json.loads(lines["data"])


def test_hello_then_builds_then_close() -> None:
    hub = EventHub()
    stream = hub.stream(BuildEvent("b:1", True))
    first = next(stream)
    assert first.startswith(b"retry: 500\n\n")
    assert parse(first[len(b"retry: 500\n\n"):]) == ("hello", {"generation": "b:1", "ok": True, "changed": [],
                                                                 "problems": ""})
    assert hub.client_count == 1
    hub.publish(BuildEvent("b:2", False, ("/x/一.html",), "0123456789ab"))
    assert parse(next(stream)) == ("build", {"generation": "b:2", "ok": False, "changed": ["/x/一.html"],
                                             "problems": "0123456789ab"})
    hub.close()
    assert list(stream) == []
    assert hub.client_count == 0


def test_keepalive_comment_when_quiet() -> None:
    hub = EventHub()
    stream = hub.stream(BuildEvent("b:1", True), keepalive=0.05)
    next(stream)
    assert next(stream) == b": keep-alive\n\n"
    stream.close()
    assert hub.client_count == 0


class ClosedTab:
    """A socket whose reader went away after the first write."""

    def __init__(self) -> None:
        self.writes = 0

    def write(self, data: bytes) -> None:
        self.writes += 1
        if self.writes > 1:
            raise BrokenPipeError

    def flush(self) -> None:
        pass


def test_a_disconnected_client_is_dropped() -> None:
    hub = EventHub()
    tab = ClosedTab()
    done = threading.Event()

    def serve() -> None:
        pump(hub.stream(BuildEvent("b:1", True)), tab)
        done.set()

    threading.Thread(target=serve, daemon=True).start()
    while hub.client_count == 0:
        pass
    hub.publish(BuildEvent("b:2", True))
    assert done.wait(2), "the handler returns once the write fails"
    assert hub.client_count == 0
    hub.publish(BuildEvent("b:3", True))  # nobody left; must not raise


def test_no_stream_after_shutdown() -> None:
    hub = EventHub()
    hub.close()
    assert list(hub.stream(BuildEvent("b:1", True))) == []
