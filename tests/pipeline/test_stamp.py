"""The build stamp: a build with nothing changed is answered without reading the
site, and every kind of change falls through to the incremental build."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

import pytest

from govsite.pipeline import pages as build_module
from govsite.pipeline.build import BuildResult, build
from govsite.pipeline.stamp import STAMP_FILE
from tests.pipeline.test_incremental import snapshot
from tests.conftest import SiteFolder

ITEM = "content/items/xzfb/2025/00002.md"


def backdate(root: Path, seconds: int = 60) -> None:
    """Make every file of the site older than the stamp's racy window."""
    then = time.time() - seconds
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            os.utime(os.path.join(dirpath, name), (then, then))


class Reads:
    """Counts how often a build reads the site (phase 1)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = build_module.load_and_validate

        def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(build_module, "load_and_validate", spy)


def stamps(site: SiteFolder) -> list[Path]:
    folder = site.root / Path(STAMP_FILE).parent
    return sorted(folder.glob(Path(STAMP_FILE).name + ".*")) if folder.is_dir() else []


@pytest.fixture
def stamped(site: SiteFolder) -> SiteFolder:
    """The test site, built once with old files: its build left a stamp."""
    backdate(site.root)
    first = build(site.root, quick=True)
    assert first.ok and first.written > 30
    assert len(stamps(site)) == 1
    return site


def test_unchanged_site_is_answered_without_reading_it(stamped: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = Reads(monkeypatch)
    before = snapshot(stamped.out)
    result = build(stamped.root, quick=True)
    assert reads.count == 0
    assert (result.written, result.deleted) == (0, 0) and result.unchanged == result.total > 30
    assert snapshot(stamped.out) == before


def test_warnings_are_shown_again(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    site.write_item(2, doc_no="测政办发[2025]2号")
    backdate(site.root)
    first = build(site.root, quick=True)
    reads = Reads(monkeypatch)
    second = build(site.root, quick=True)
    assert reads.count == 0
    shown = [p.format("en") for p in second.problems.items]
    assert shown == [p.format("en") for p in first.problems.items]
    assert any("W-DOCNO-BRACKET" in line and "00002.md" in line for line in shown)


def _same_size_edit(site: SiteFolder) -> None:
    path = site.root / ITEM
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("测政办发〔2025〕2号", "测政办发〔2025〕7号"), encoding="utf-8")
    backdate(site.root, 30)  # old enough to be trusted, but a different time


def _new_template(site: SiteFolder) -> None:
    site.write("templates/404.html", '{% extends "theme/404.html" %}{% block main %}<p>页面不存在（自定义）</p>{% endblock %}')
    backdate(site.root, 30)


def _new_static(site: SiteFolder) -> None:
    site.write("static/extra.css", "body{}\n")
    backdate(site.root, 30)


def _ledger_edit(site: SiteFolder) -> None:
    ledger = site.root / "urls.txt"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "/xxgk/old-page.html\n", encoding="utf-8")


def _output_file_deleted(site: SiteFolder) -> None:
    (site.out / "xxgk/xzfb/2025/00002.html").unlink()


def _site_yaml_touched(site: SiteFolder) -> None:
    path = site.root / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# 注释\n", encoding="utf-8")
    backdate(site.root, 30)


CHANGES: dict[str, Callable[[SiteFolder], None]] = {
    "item edited, same size": _same_size_edit,
    "template added": _new_template,
    "static file added": _new_static,
    "urls.txt edited": _ledger_edit,
    "output file deleted": _output_file_deleted,
    "site.yaml edited": _site_yaml_touched,
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_change_reads_the_site(stamped: SiteFolder, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    CHANGES[change](stamped)
    reads = Reads(monkeypatch)
    result = build(stamped.root, quick=True)
    assert reads.count == 1
    if change == "urls.txt edited":  # a published URL the site no longer answers
        assert [p.code for p in result.problems.errors] == ["E-URL-GONE"]
        assert "old-page.html" in result.problems.errors[0].format("en")
        return
    assert result.ok
    if change == "item edited, same size":
        assert "xxgk/xzfb/2025/00002.html" in result.written_paths
        assert "测政办发〔2025〕7号" in stamped.read_out("xxgk/xzfb/2025/00002.html")
    if change == "template added":
        assert "页面不存在（自定义）" in stamped.read_out("404.html")
    if change == "static file added":
        assert (stamped.out / "assets/extra.css").is_file()
    if change == "output file deleted":
        assert [p for p in result.written_paths if not p.startswith("_report/")] == ["xxgk/xzfb/2025/00002.html"]


def test_another_day_reads_the_site(stamped: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deadlines and the inspection report depend on the date."""
    monkeypatch.setenv("GOVSITE_TODAY", "2026-12-24")
    reads = Reads(monkeypatch)
    assert build(stamped.root, quick=True).ok and reads.count == 1


def test_other_base_url_or_output_reads_the_site(stamped: SiteFolder, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    reads = Reads(monkeypatch)
    other = build(stamped.root, base_url="https://staging.example.gov.cn/xxgk/", out=tmp_path / "preview", quick=True)
    assert other.ok and reads.count == 1 and other.written > 30
    assert "https://staging.example.gov.cn/xxgk/" in (tmp_path / "preview/index.html").read_text(encoding="utf-8")
    # The default output keeps its own stamp: answered again without reading.
    assert build(stamped.root, quick=True).written == 0 and reads.count == 1


def test_files_edited_just_now_are_not_trusted(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit in the same clock tick as a build could keep size and time: a build
    that saw files younger than the racy window leaves no stamp."""
    assert build(site.root, quick=True).ok
    assert stamps(site) == []
    reads = Reads(monkeypatch)
    assert build(site.root, quick=True).written == 0 and reads.count == 1


def test_a_failed_build_removes_the_stamp(stamped: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    good = (stamped.root / ITEM).read_text(encoding="utf-8")
    stamped.write(ITEM, good.replace("title:", "title: [未闭合", 1))
    backdate(stamped.root, 30)
    failed: BuildResult = build(stamped.root, quick=True)
    assert not failed.ok and stamps(stamped) == []
    stamped.write(ITEM, good)
    backdate(stamped.root, 20)
    reads = Reads(monkeypatch)
    assert build(stamped.root, quick=True).ok and reads.count == 1


def test_a_full_build_catches_up_after_quick_ones(stamped: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stamp of a quick build does not answer a full build that owes the search index."""
    reads = Reads(monkeypatch)
    full = build(stamped.root)
    assert full.ok and reads.count == 1
    assert any(p.startswith("pagefind/") for p in full.written_paths)
    assert build(stamped.root).written == 0 and reads.count == 1  # now stamped as a full build


def test_same_tick_same_size_edit_is_not_missed(site: SiteFolder) -> None:
    """An edit that keeps the file's size and modification time (same clock tick)
    right after a build is still seen: fresh files are neither cached nor stamped."""
    path = site.root / ITEM
    assert build(site.root, quick=True).ok
    st = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("测政办发〔2025〕2号", "测政办发〔2025〕7号"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    result = build(site.root, quick=True)
    assert "xxgk/xzfb/2025/00002.html" in result.written_paths
    assert "测政办发〔2025〕7号" in site.read_out("xxgk/xzfb/2025/00002.html")


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")
def test_a_site_with_symlinked_inputs_is_always_read(site: SiteFolder, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    """A symlink's target can change without the link changing: such sites get no stamp."""
    shared = site.root / "shared-pages"
    shared.mkdir()
    (shared / "zhinan.md").write_text((site.root / "content/pages/zhinan.md").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    (site.root / "content/pages/zhinan.md").unlink()
    os.symlink(shared / "zhinan.md", site.root / "content/pages/zhinan.md")
    backdate(site.root)
    assert build(site.root, quick=True).ok
    assert stamps(site) == []
    (shared / "zhinan.md").write_text((shared / "zhinan.md").read_text(encoding="utf-8").replace("指南正文。", "新的指南正文。"),
                                      encoding="utf-8")
    backdate(site.root, 30)
    reads = Reads(monkeypatch)
    result = build(site.root, quick=True)
    assert reads.count == 1 and result.ok
    assert "新的指南正文。" in site.read_out("xxgk/xxgkzn/index.html")


@pytest.mark.parametrize("recent", [True, False], ids=["folders-just-written", "folders-older"])
def test_a_removed_output_file_is_seen_from_its_folder(stamped: SiteFolder, monkeypatch: pytest.MonkeyPatch,
                                                       recent: bool) -> None:
    """The stamp checks the output's folders, not each file: a folder's time (or, for a
    folder written just before the stamp, its names) shows that a file went."""
    from govsite.pipeline import stamp

    if not recent:
        monkeypatch.setattr(stamp, "RACY_NS", 0)  # no folder is too new to be trusted by its time
    build(stamped.root, base_url="https://example.gov.cn/other/", quick=True)
    build(stamped.root, quick=True)  # the stamp of this output, with its folders
    recorded = stamp.read_stamp(stamped.root, stamped.out)
    assert recorded is not None and recorded.folders
    assert bool(recorded.listed) == recent
    page = stamped.out / "xxgk/xzfb/2025/00002.html"
    page.unlink()
    reads = Reads(monkeypatch)
    result = build(stamped.root, quick=True)
    assert reads.count == 1 and page.is_file()
    assert result.written == 1
