"""``govsite serve`` in a thread on a small site under a sub-path ``base_url``:
what the server answers, what it leaves on disk, the error page, the event
stream, one build at a time, and shutdown."""
from __future__ import annotations

import html
import http.client
import re
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from govsite.pipeline.build import build
from govsite.pipeline.pages import check_site, load_and_validate
from govsite.serve import builder as builder_module
from govsite.serve.server import LiveServer
from tests.conftest import SITE_YAML, SiteFolder, default_item, item_text
from tests.serve.serve_helpers import fetch, read_event

PREFIX = "/county/xxgk/"
SCRIPT = re.compile(rb'<script src="/__govsite/livereload.js" data-events="/__govsite/events" '
                    rb'data-generation="[0-9a-f]+:\d+" data-ok="(true|false)" data-problems="([0-9a-f]*)" '
                    rb'defer></script></body>')


@pytest.fixture
def sub_site(site: SiteFolder) -> SiteFolder:
    site.write("site.yaml", yaml.safe_dump({**SITE_YAML, "base_url": "https://www.test.gov.cn" + PREFIX},
                                           allow_unicode=True, sort_keys=False))
    return site


@pytest.fixture
def live(sub_site: SiteFolder) -> Iterator[LiveServer]:
    server = LiveServer(sub_site.root, sub_site.out, port=0, debounce=0.1, idle_full=3600)
    server.start()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.shutdown()


def item_url(site: SiteFolder, source: str) -> str:
    model, _ = load_and_validate(site.root.resolve())
    return next(it.url for it in model.items if it.source == source)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_serves_the_sub_path_on_127_0_0_1_with_the_script_only_in_responses(live: LiveServer,
                                                                            sub_site: SiteFolder) -> None:
    assert live.httpd.server_address[0] == "127.0.0.1"
    assert live.url.startswith("http://127.0.0.1:") and live.url.endswith(PREFIX)
    rel = item_url(sub_site, "content/items/xzfb/2025/00001.md")
    status, headers, body = fetch(live.url + rel)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert len(SCRIPT.findall(body)) == 1 and body.rstrip().endswith(b"</html>")
    assert "第1项工作".encode() in body
    on_disk = (sub_site.out / rel).read_bytes()
    assert b"__govsite" not in on_disk and SCRIPT.sub(b"</body>", body) == on_disk
    status, headers, script = fetch(live.url.split(PREFIX)[0] + "/__govsite/livereload.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and b"EventSource" in script
    status, _, body = fetch(live.url)  # the home page: a folder's index.html
    assert status == 200 and SCRIPT.search(body)
    status, _, body = fetch(live.url + "no/such/page.html")
    assert status == 404 and SCRIPT.search(body)


def test_the_inspection_report_is_served_at_report_from_beside_the_output(live: LiveServer,
                                                                         sub_site: SiteFolder) -> None:
    """Issue 17 §3: the report is no longer in output/, but serve shows it at the same URL,
    its links pointing at the served site."""
    assert not (sub_site.out / "_report").exists()
    on_disk = (sub_site.root / "output-report/index.html").read_bytes()
    assert b'href="../output/assets/style.css"' in on_disk
    status, headers, body = fetch(live.url + "_report/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8" and SCRIPT.search(body)
    assert "巡检报告".encode() in body and b'href="../assets/style.css"' in body and b"../output/" not in body
    assert fetch(live.url + "_report/index.html")[2] == body
    status, _, css = fetch(live.url + "assets/style.css")  # where the served report's stylesheet link resolves
    assert status == 200 and css
    assert fetch(live.url + "_report/.govsite-report")[0] == 404
    connection = http.client.HTTPConnection(*live.httpd.server_address[:2])
    connection.request("GET", PREFIX + "_report")
    moved = connection.getresponse()
    assert moved.status == 301 and moved.getheader("Location") == PREFIX + "_report/"
    connection.close()


def test_output_is_byte_identical_to_a_plain_build(live: LiveServer, sub_site: SiteFolder, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    assert build(sub_site.root, out=plain).ok
    served = tree(sub_site.out)
    assert served == tree(plain)
    assert [p for p, data in served.items() if b"__govsite" in data] == []


def test_a_save_sends_the_changed_paths_and_an_error_shows_the_check_messages(live: LiveServer,
                                                                             sub_site: SiteFolder) -> None:
    rel = item_url(sub_site, "content/items/xzfb/2025/00002.md")
    port = live.httpd.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/__govsite/events")
    stream = conn.getresponse()
    assert stream.headers["Content-Type"] == "text/event-stream; charset=utf-8"
    name, hello = read_event(stream)
    assert name == "hello" and hello["ok"] is True

    sub_site.write_item(2, body="改过的正文，第二版。")
    name, event = read_event(stream)
    assert name == "build" and event["ok"] is True and event["generation"] != hello["generation"]
    assert PREFIX + rel in event["changed"]
    assert "改过的正文，第二版。" in fetch(live.url + rel)[2].decode()

    # Broken input: a date that is not a date, with markup in the bad value.
    sub_site.write("content/items/xzfb/2025/00002.md",
                   item_text(**default_item(2, publish_date="<script>alert(1)</script>")))
    name, event = read_event(stream)
    assert name == "build" and event == {**event, "ok": False, "changed": []}
    assert re.fullmatch("[0-9a-f]{12}", event["problems"]), event
    status, _, body = fetch(live.url + rel)
    page = body.decode()
    assert status == 500 and "<h1>构建失败：站点内容有错误</h1>" in page
    assert SCRIPT.search(body).group(2).decode() == event["problems"], "the error page knows the list it shows"
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    expected = [p.format("zh") for p in check_site(sub_site.root).items]
    assert any(re.match(r"content/items/xzfb/2025/00002\.md:\d+: 错误 ", line) for line in expected)
    assert all(f"<li><code>{html.escape(line)}</code></li>" in page for line in expected)
    assert fetch(live.url + "index.html")[0] == 500, "every page shows the error while the build is broken"
    css = next(p for p in tree(sub_site.out) if p.endswith(".css"))
    assert fetch(live.url + css)[0] == 200, "assets keep coming from the last good output"

    # Saved again with the same mistake: the same list (an open error page stays put);
    # a second mistake changes the list (the page reloads to show it).
    broken = event["problems"]
    sub_site.write("content/items/xzfb/2025/00002.md",
                   item_text(**default_item(2, publish_date="<script>alert(1)</script>")) + "\n")
    name, event = read_event(stream)
    assert name == "build" and event["ok"] is False and event["problems"] == broken
    sub_site.write("content/items/xzfb/2025/00003.md", item_text(**default_item(3, publish_date="2025-13-01")))
    name, event = read_event(stream)
    assert name == "build" and event["ok"] is False and event["problems"] not in ("", broken)
    sub_site.write_item(3)
    name, event = read_event(stream)
    assert name == "build" and event["ok"] is False and event["problems"] == broken

    sub_site.write_item(2, body="修好了。")
    name, event = read_event(stream)
    assert name == "build" and event["ok"] is True and event["problems"] == ""
    status, _, body = fetch(live.url + rel)
    assert status == 200 and "修好了。" in body.decode() and "构建失败" not in body.decode()
    conn.close()


def test_one_build_at_a_time_and_one_more_after_changes_during_a_build(monkeypatch, sub_site: SiteFolder) -> None:
    running = threading.Event()
    release = threading.Event()
    calls: list[bool] = []
    overlap: list[int] = []
    active = [0]
    real_build = builder_module.build

    def slow_build(site, out=None, quick=False, **options):  # type: ignore[no-untyped-def]
        active[0] += 1
        overlap.append(active[0])
        calls.append(quick)
        if len(calls) == 1:
            running.set()
            release.wait(10)
        try:
            return real_build(site, out=out, quick=quick)
        finally:
            active[0] -= 1

    monkeypatch.setattr(builder_module, "build", slow_build)
    hub = builder_module.EventHub()
    builder = builder_module.LiveBuilder(sub_site.root, sub_site.out, hub, idle_full=3600)
    builder.start()
    try:
        builder.request()
        assert running.wait(10)
        for _ in range(5):  # five saves while the first build runs
            builder.request()
        release.set()
        deadline = time.monotonic() + 30
        while not builder.idle() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        assert builder.idle() and calls == [True, True] and max(overlap) == 1
        assert builder.state.event.generation.endswith(":2")
    finally:
        builder.stop()


def test_the_idle_full_build_waits_for_a_site_that_builds(monkeypatch, sub_site: SiteFolder) -> None:
    """After a quick build the search index is brought up to date when the editor is idle,
    but not while the site is broken: that build would fail the same way and reload every
    open error page by itself."""
    calls: list[bool] = []
    real_build = builder_module.build

    def counting_build(site, out=None, quick=False, **options):  # type: ignore[no-untyped-def]
        calls.append(quick)
        return real_build(site, out=out, quick=quick)

    def settle(seconds: float = 1.5) -> None:
        deadline = time.monotonic() + 60
        while not builder.idle() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(seconds)  # several idle periods
        assert builder.idle()

    monkeypatch.setattr(builder_module, "build", counting_build)
    builder = builder_module.LiveBuilder(sub_site.root, sub_site.out, builder_module.EventHub(), idle_full=0.2)
    builder.start()
    try:
        builder.request()
        settle()
        assert calls == [True, False], "a quick build that wrote pages, then one full build"
        sub_site.write_item(2, publish_date="not a date")
        builder.request()
        settle()
        assert calls == [True, False, True] and not builder.state.event.ok
        sub_site.write_item(2, body="修好了。")
        builder.request()
        settle()
        assert calls == [True, False, True, True, False] and builder.state.event.ok
    finally:
        builder.stop()


def test_shutdown_ends_event_streams_and_closes_the_port(sub_site: SiteFolder) -> None:
    server = LiveServer(sub_site.root, sub_site.out, port=0)
    server.start()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.httpd.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/__govsite/events")
    stream = conn.getresponse()
    assert read_event(stream)[0] == "hello"
    server.httpd.shutdown()
    server.shutdown()
    assert stream.read() == b"", "the stream ends (no hang) on shutdown"
    assert not server.watcher.observer.is_alive()
    with pytest.raises(ConnectionRefusedError):
        http.client.HTTPConnection("127.0.0.1", port, timeout=5).request("GET", "/")
