"""The render phase with the main process as one of the renderers (issue 18, memory at scale)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from govsite.pipeline import render_pages
from govsite.pipeline.build import build
from tests.conftest import SiteFolder, tree


def _many_items(site: SiteFolder) -> None:
    for n in range(10, 110):  # enough pages for the worker pool
        site.write_item(n, publish_date=f"2025-{(n % 12) + 1:02d}-{(n % 27) + 1:02d} 09:00", written_date="2025-01-01")


def test_main_process_and_one_worker_render_the_pages_of_two_jobs(site: SiteFolder, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """``jobs=2``: the main process renders pages itself beside one forked worker (not two
    workers and an idle main process), and the output is byte-identical to a serial build."""
    _many_items(site)
    marks = tmp_path / "marks"
    marks.mkdir()
    real = render_pages.render_one

    def marked(spec: render_pages.PageSpec) -> tuple[str, str, str | None]:
        with open(marks / str(os.getpid()), "a", encoding="utf-8") as fh:  # a worker's list would be lost
            fh.write(spec.path + "\n")
        return real(spec)

    monkeypatch.setattr(render_pages, "render_one", marked)
    parallel = build(site.root, out=tmp_path / "parallel", jobs=2)
    monkeypatch.setattr(render_pages, "render_one", real)
    serial = build(site.root, out=tmp_path / "serial", jobs=1)
    assert parallel.ok and serial.ok
    by_process = {p.name: p.read_text(encoding="utf-8").split() for p in marks.iterdir()}
    assert len(by_process) == 2, by_process.keys()
    assert str(os.getpid()) in by_process and all(by_process.values())
    rendered = [path for paths in by_process.values() for path in paths]
    assert len(rendered) == len(set(rendered))  # no page rendered twice
    assert tree(tmp_path / "parallel") == tree(tmp_path / "serial")


def test_shared_chunks_hand_out_every_page_once() -> None:
    specs = [render_pages.PageSpec(f"p{n}.html", "item.html", "item", (n,), "") for n in range(10)]
    chunks = render_pages.SharedChunks(specs, 4)
    first = next(chunks)
    rest = list(chunks)
    assert [len(c) for c in [first, *rest]] == [4, 4, 2]
    assert [s.path for c in [first, *rest] for s in c] == [s.path for s in specs]
    assert list(chunks) == []


def test_streamed_year_files_are_written_only_when_they_change(site: SiteFolder, tmp_path: Path) -> None:
    """The open-data year files are written piece by piece: an unchanged one is left as it
    was, a changed one replaces it, no part file is left, and the bytes equal a fresh build's."""
    site.write_item(7, publish_date="2024-03-01 09:00", written_date="2024-02-01")
    assert build(site.root, jobs=1).ok
    site.write_item(2, title="修改后的标题")
    again = build(site.root, jobs=1)
    assert again.ok
    assert "data/items-2025.json" in again.written_paths and "data/items-2025.csv" in again.written_paths
    assert "data/items-2024.json" not in again.written_paths
    assert "修改后的标题" in site.read_out("data/items-2025.json")
    assert not list(site.out.rglob("*" + render_pages.STREAM_PART))
    fresh = build(site.root, out=tmp_path / "fresh", jobs=1)
    assert fresh.ok and tree(site.out) == tree(tmp_path / "fresh")
