"""Tools for the serve tests: copy the demo site, start ``govsite serve`` as a
subprocess on a free port, and fetch pages from it."""
from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tests.conftest import REPO

SUB_PATH = "/county/xxgk/"
SUB_PATH_BASE = "https://www.example.gov.cn" + SUB_PATH
GOVSITE = Path(sys.executable).with_name("govsite")
URL_LINE = re.compile(r"预览：(http://127\.0\.0\.1:\d+/\S*?)（")


def copy_demo(target: Path, base_url: str = SUB_PATH_BASE) -> Path:
    """The demo site (repo root) copied to ``target`` with its ``base_url`` replaced."""
    target.mkdir(parents=True)
    for name in ("site.yaml", "urls.txt"):
        shutil.copy(REPO / name, target / name)
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, target / name)
    config = yaml.safe_load((target / "site.yaml").read_text(encoding="utf-8"))
    config["base_url"] = base_url
    (target / "site.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


@dataclass
class ServeProcess:
    """A running ``govsite serve``; its stdout and stderr are collected on threads."""

    proc: subprocess.Popen
    url: str = ""
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM (handled like Ctrl+C); returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)


def start_serve(site: Path, env: dict[str, str] | None = None, timeout: float = 600) -> ServeProcess:
    """Start ``govsite serve --site SITE --port 0`` and wait for the URL line it prints."""
    proc = subprocess.Popen([str(GOVSITE), "serve", "--site", str(site), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env={**os.environ, "GOVSITE_LANG": "zh", **(env or {})})
    served = ServeProcess(proc)
    ready = threading.Event()

    def read_stdout() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            served.stdout.append(line)
            found = URL_LINE.search(line)
            if found:
                served.url = found.group(1)
                ready.set()
        ready.set()

    def read_stderr() -> None:
        for line in proc.stderr:  # type: ignore[union-attr]
            served.stderr.append(line)

    threading.Thread(target=read_stdout, daemon=True).start()
    threading.Thread(target=read_stderr, daemon=True).start()
    ready.wait(timeout)
    if not served.url:
        served.stop()
        raise AssertionError("govsite serve did not start:\n" + "".join(served.stdout + served.stderr))
    return served


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of a GET, also for 4xx/5xx answers."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def open_events(url: str) -> http.client.HTTPResponse:
    """The live-reload event stream of the server at ``url``, after its ``hello``."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    conn.request("GET", "/__govsite/events")
    stream = conn.getresponse()
    assert read_event(stream)[0] == "hello"
    return stream


def read_event(stream: http.client.HTTPResponse) -> tuple[str, dict]:
    """The next event of a live-reload stream as (name, data); keep-alive comments are skipped."""
    fields: dict[str, str] = {}
    while True:
        line = stream.readline().decode("utf-8").rstrip("\n")
        if not line:
            if "event" in fields:
                return fields["event"], json.loads(fields["data"])
            continue
        if not line.startswith(":") and ": " in line:
            key, value = line.split(": ", 1)
            fields[key] = value
