"""The watcher: bursts of editor events become one rebuild; output, cache and
editor litter never trigger one."""
from __future__ import annotations

import threading
import time
from pathlib import Path

from govsite.serve.watcher import Debouncer, SiteWatcher, is_source


class Calls:
    def __init__(self) -> None:
        self.count = 0
        self.event = threading.Event()

    def __call__(self) -> None:
        self.count += 1
        self.event.set()


def test_debounce_coalesces_a_burst_into_one_call() -> None:
    calls = Calls()
    debouncer = Debouncer(0.15, calls)
    try:
        for _ in range(10):  # 10 events 20 ms apart: one burst
            debouncer.trigger()
            time.sleep(0.02)
        assert calls.count == 0, "nothing fires while the burst goes on"
        assert calls.event.wait(2)
        time.sleep(0.3)
        assert calls.count == 1
        calls.event.clear()
        debouncer.trigger()  # a later save is a new burst
        assert calls.event.wait(2)
        time.sleep(0.3)
        assert calls.count == 2
    finally:
        debouncer.close()


def test_sources_are_content_templates_static_and_site_yaml(tmp_path: Path) -> None:
    site, out = tmp_path, tmp_path / "output"
    yes = ["site.yaml", "content/orgs.yaml", "content/items/xzfb/2025/00001.md", "templates/item.html",
           "static/css/site.css"]
    no = ["output/index.html", ".govsite-cache/read.json", "urls.txt", "content/items/.00001.md.swp",
          "content/items/00001.md~", "content/items/4913", "notes.txt", ".git/index"]
    assert [p for p in yes if not is_source(site, out, str(site / p))] == []
    assert [p for p in no if is_source(site, out, str(site / p))] == []
    assert not is_source(site, tmp_path / "content" / "out", str(site / "content/out/x.html")), \
        "an --out folder inside content/ is not a source"


def test_editor_save_by_rename_triggers_one_rebuild_and_output_writes_none(tmp_path: Path) -> None:
    for folder in ("content/items", "templates", "output", ".govsite-cache"):
        (tmp_path / folder).mkdir(parents=True)
    item = tmp_path / "content/items/00001.md"
    item.write_text("old", encoding="utf-8")
    calls = Calls()
    watcher = SiteWatcher(tmp_path, tmp_path / "output", calls, delay=0.15)
    watcher.start()
    try:
        time.sleep(0.2)
        for n in range(20):  # a build writing its output and cache
            (tmp_path / "output" / f"{n}.html").write_text("x", encoding="utf-8")
            (tmp_path / ".govsite-cache" / f"{n}.json").write_text("x", encoding="utf-8")
        (tmp_path / "urls.txt").write_text("a.html\n", encoding="utf-8")
        time.sleep(0.6)
        assert calls.count == 0
        # An editor's save: swap file, write a temp file, rename it over the original.
        (tmp_path / "content/items/.00001.md.swp").write_text("swap", encoding="utf-8")
        temp = tmp_path / "content/items/00001.md.tmp"
        temp.write_text("new", encoding="utf-8")
        temp.replace(item)
        (tmp_path / "content/items/00001.md~").write_text("old", encoding="utf-8")
        assert calls.event.wait(3)
        time.sleep(0.5)
        assert calls.count == 1
        calls.event.clear()
        (tmp_path / "site.yaml").write_text("name: x\n", encoding="utf-8")
        assert calls.event.wait(3), "site.yaml is watched"
    finally:
        watcher.stop()


def test_a_templates_folder_made_while_serving_is_watched(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    calls = Calls()
    watcher = SiteWatcher(tmp_path, tmp_path / "output", calls, delay=0.1)
    watcher.start()
    try:
        (tmp_path / "templates").mkdir()
        assert calls.event.wait(3)
        time.sleep(0.3)
        calls.event.clear()
        (tmp_path / "templates" / "base.html").write_text("x", encoding="utf-8")
        assert calls.event.wait(3)
    finally:
        watcher.stop()
