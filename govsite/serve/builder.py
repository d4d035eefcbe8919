"""Rebuilding while serving (实时预览的重新构建): one build at a time, quick
(search index left for later) on each change, a full build once the editor has
been idle for a while, and the result published to the open pages."""
from __future__ import annotations

import hashlib
import os
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from govsite.pipeline.build import BuildResult, build
from govsite.pipeline.guard import OutputRefused
from govsite.content.loader import load_config
from govsite.problems import ProblemLog
from govsite.serve.error_page import problem_lines
from govsite.serve.events import BuildEvent, EventHub

IDLE_FULL_BUILD_SECONDS = 20.0
"""After a quick build, the search index is brought up to date once no change came for this long."""


@dataclass(frozen=True)
class LiveState:
    """What the server shows now."""

    event: BuildEvent
    prefix: str
    """The sub-path of ``base_url`` the site is served under, e.g. ``/county/xxgk/``."""
    lines: tuple[str, ...] = field(default=())
    """Problems of the last build as ``govsite check`` prints them (shown on the error page when it failed)."""
    errors: int = 0
    warnings: int = 0


class LiveBuilder:
    """Runs builds of ``site`` into ``out`` on one thread; :meth:`request` asks for one more."""

    def __init__(self, site: Path, out: Path, hub: EventHub, lang: str = "zh",
                 report: Callable[[BuildResult], None] | None = None,
                 idle_full: float | None = IDLE_FULL_BUILD_SECONDS, force_out: bool = False,
                 waiting: Callable[[Path], None] | None = None) -> None:
        self.site, self.out, self.hub, self.lang = site.resolve(), out.resolve(), hub, lang
        self.force_out = force_out
        """--force-out: the first build may replace a foreign folder; later builds find their own output."""
        self.waiting = waiting
        self.report = report or (lambda result: None)
        self.idle_full = idle_full
        self.boot = os.urandom(4).hex()
        self.builds = 0
        self._cond = threading.Condition()
        self._requested = False
        self._closed = False
        self._index_stale = False
        """A quick build changed pages: the search index is behind (brought up to date when idle, if the site builds)."""
        self._busy = False
        self._broken = False
        """The last build failed: no idle full build until a good one (it would fail the same way)."""
        self.state = LiveState(BuildEvent(f"{self.boot}:0", True), self._read_prefix("/"))
        self._thread = threading.Thread(target=self._loop, name="govsite-build", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def request(self) -> None:
        """Ask for a build; a request during a build makes exactly one more build after it."""
        with self._cond:
            self._requested = True
            self._cond.notify()

    def stop(self) -> None:
        """Let a running build finish, then end the thread."""
        with self._cond:
            self._closed = True
            self._cond.notify()
        if self._thread.is_alive():
            self._thread.join()

    def idle(self) -> bool:
        """No build running and none asked for."""
        with self._cond:
            return not self._busy and not self._requested

    def build_now(self, quick: bool) -> LiveState:
        """Build once on the calling thread (the first build, before serving)."""
        with self._cond:
            self._busy = True
        try:
            return self._build(quick)
        finally:
            with self._cond:
                self._busy = False

    def _loop(self) -> None:
        while True:
            with self._cond:
                stale = self._index_stale and not self._broken
                timeout = self.idle_full if stale else None
                if not self._requested and not self._closed:
                    self._cond.wait(timeout=timeout)
                if self._closed:
                    return
                quick = self._requested
                if not quick and not stale:
                    continue
                self._requested = False
                self._busy = True
            try:
                self._build(quick=quick)
            finally:
                with self._cond:
                    self._busy = False

    def _build(self, quick: bool) -> LiveState:
        try:
            result = build(self.site, out=self.out, quick=quick, force_out=self.force_out, waiting=self.waiting)
        except OutputRefused as exc:  # the folder changed under the preview (checked at start)
            return self._publish(False, quick, [], [exc.message(self.lang)], errors=1, warnings=0)
        except Exception:  # noqa: BLE001 - a bug in a build step must not stop the preview
            crash = traceback.format_exc()
            print(crash, flush=True)
            return self._publish(False, quick, [], [crash], errors=1, warnings=0)
        self.report(result)
        problems = result.problems
        return self._publish(result.ok, quick, result.written_paths + result.deleted_paths,
                             problem_lines(problems, self.lang), len(problems.errors), len(problems.warnings))

    def _publish(self, ok: bool, quick: bool, changed: list[str], lines: list[str], errors: int,
                 warnings: int) -> LiveState:
        with self._cond:
            if ok and changed and quick:
                self._index_stale = True
            elif ok and not quick:
                self._index_stale = False
            self._broken = not ok
            self.builds += 1
            generation = f"{self.boot}:{self.builds}"
        prefix = self._read_prefix(self.state.prefix) if ok else self.state.prefix
        digest = "" if ok else hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()[:12]
        event = BuildEvent(generation, ok, tuple(prefix + p for p in changed), digest)
        self.state = LiveState(event, prefix, tuple(lines), errors, warnings)
        self.hub.publish(event)
        return self.state

    def _read_prefix(self, fallback: str) -> str:
        config, _ = load_config(self.site, ProblemLog())
        return config.base_path if config else fallback
