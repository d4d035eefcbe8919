"""Watching the site's sources (站点源文件) with watchdog, debounced.

Editors save in bursts (write a temp file, rename it over the original, touch a
backup), so events are coalesced: the callback runs once, ``delay`` seconds
after the last event of a burst.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from govsite.base.cache import CACHE_DIR
from govsite.model.loaded import SITE_FILE

WATCHED_DIRS = ("content", "templates", "static")
"""Folders the loader, the template environment and the asset planner read."""
WATCHED_FILES = (SITE_FILE,)
"""Files at the site root that the build reads (``urls.txt`` is written by the build: not watched)."""
_EDITOR_LITTER = ("~", ".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload")


class Debouncer:
    """Calls ``callback`` once, ``delay`` seconds after the last :meth:`trigger` of a burst."""

    def __init__(self, delay: float, callback: Callable[[], None]) -> None:
        self.delay = delay
        self._callback = callback
        self._cond = threading.Condition()
        self._deadline: float | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="govsite-debounce", daemon=True)
        self._thread.start()

    def trigger(self) -> None:
        with self._cond:
            self._deadline = time.monotonic() + self.delay
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._closed and (self._deadline is None or time.monotonic() < self._deadline):
                    wait = None if self._deadline is None else self._deadline - time.monotonic()
                    self._cond.wait(timeout=wait)
                if self._closed:
                    return
                self._deadline = None
            self._callback()


def is_source(site: Path, out: Path, path: str) -> bool:
    """Whether a changed file is one the build reads: under ``content/``,
    ``templates/`` or ``static/``, or ``site.yaml``; never the output folder,
    the read cache, hidden files or editors' temp and backup files."""
    try:
        rel = Path(path).resolve().relative_to(site)
    except ValueError:
        return False
    parts = rel.parts
    if not parts or Path(path).resolve().is_relative_to(out):
        return False
    name = parts[-1]
    if any(p.startswith(".") for p in parts) or name.endswith(_EDITOR_LITTER) or name == "4913":
        return False  # hidden files and folders (.govsite-cache, .git, .x.swp), vim's write probe "4913"
    if parts[0] == CACHE_DIR:
        return False
    return (len(parts) == 1 and name in WATCHED_FILES) or (len(parts) > 1 and parts[0] in WATCHED_DIRS)


class _Handler(FileSystemEventHandler):
    def __init__(self, site: Path, out: Path, on_change: Callable[[], None],
                 on_new_dir: Callable[[str], None]) -> None:
        self.site, self.out, self.on_change, self.on_new_dir = site, out, on_change, on_new_dir

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        created = Path(os.fsdecode(event.dest_path or event.src_path))
        if event.is_directory and created.parent == self.site and created.name in WATCHED_DIRS:
            self.on_new_dir(created.name)  # e.g. templates/ made while serving
            self.on_change()
            return
        paths = [os.fsdecode(event.src_path)] + ([os.fsdecode(event.dest_path)] if event.dest_path else [])
        if any(is_source(self.site, self.out, p) for p in paths):
            self.on_change()


class SiteWatcher:
    """A watchdog observer on the site folder that calls ``on_change`` (debounced)
    when a source file is created, changed, moved or deleted."""

    def __init__(self, site: Path, out: Path, on_change: Callable[[], None], delay: float = 0.15) -> None:
        self.site, self.out = site.resolve(), out.resolve()
        self.debouncer = Debouncer(delay, on_change)
        self.observer = Observer()
        self._handler = _Handler(self.site, self.out, self.debouncer.trigger, self._watch_dir)
        self._watched: set[str] = set()
        # The root non-recursively (site.yaml, and folders created later), each source folder recursively.
        self.observer.schedule(self._handler, str(self.site), recursive=False)
        for name in WATCHED_DIRS:
            if (self.site / name).is_dir():
                self._watch_dir(name)

    def _watch_dir(self, name: str) -> None:
        if name not in self._watched:
            self._watched.add(name)
            self.observer.schedule(self._handler, str(self.site / name), recursive=True)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        if self.observer.is_alive():
            self.observer.stop()
            self.observer.join(timeout=5)
        self.debouncer.close()
