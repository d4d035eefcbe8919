"""Output guarantees: determinism and an atomic swap that never leaves half a site."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from govsite.pipeline import output as output_mod
from govsite.pipeline.build import build
from tests.conftest import SiteFolder, tree



def test_two_clean_builds_are_byte_identical(site: SiteFolder, tmp_path: Path) -> None:
    site.write("content/attachments/a.pdf", b"%PDF-1.4 test\n")
    site.write_item(5, attachments=[{"file": "attachments/a.pdf", "title": "实施方案"}])
    copy = tmp_path / "copy"
    shutil.copytree(site.root, copy)
    os.utime(copy / "content/attachments/a.pdf", (1, 1))  # different mtimes must not matter
    assert build(site.root, jobs=2).ok
    assert build(copy, jobs=1).ok
    first, second = tree(site.out), tree(copy / "output")
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_validation_error_leaves_previous_output_untouched(site: SiteFolder) -> None:
    build(site.root)
    before = tree(site.out)
    site.write_item(2, publish_date="2025-02-30")
    result = build(site.root)
    assert not result.ok
    assert tree(site.out) == before
    assert not output_mod.staging_dir(site.out).exists()


def test_render_error_leaves_previous_output_untouched(site: SiteFolder) -> None:
    build(site.root)
    before = tree(site.out)
    site.write("templates/item.html", "{% extends 'base.html' %}{% block main %}{{ no_such_variable }}{% endblock %}")
    result = build(site.root)
    assert not result.ok
    assert any(p.code == "E-TEMPLATE" and "no_such_variable" in p.message() for p in result.problems.items)
    assert tree(site.out) == before
    assert not output_mod.staging_dir(site.out).exists()


def test_interrupted_swap_keeps_previous_output(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    build(site.root)
    before = tree(site.out)
    site.write_item(2, title="修改后的标题")

    def boom(self: output_mod.Staging) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output_mod.Staging, "commit", boom)
    with pytest.raises(KeyboardInterrupt):
        build(site.root)
    assert tree(site.out) == before
    assert not output_mod.staging_dir(site.out).exists()


def test_failed_second_rename_puts_the_previous_output_back(site: SiteFolder,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Without renameat2 the swap is two renames; when the second fails, the
    previous output is renamed back instead of leaving no output at all."""
    build(site.root)
    before = tree(site.out)
    site.write_item(2, title="修改后的标题")
    monkeypatch.setattr(output_mod, "_exchange", lambda a, b: False)
    real_rename = os.rename

    def rename(src: object, dst: object) -> None:
        if str(src).endswith(".staging"):
            raise OSError(28, "No space left on device", str(src))
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(output_mod.os, "rename", rename)
    with pytest.raises(OSError):
        build(site.root)
    assert tree(site.out) == before
    assert not output_mod.staging_dir(site.out).exists()


def test_leftover_staging_from_a_killed_build_is_cleaned(site: SiteFolder) -> None:
    build(site.root)
    stale = output_mod.staging_dir(site.out)
    (stale / "junk").mkdir(parents=True)  # as a build killed while rendering leaves it: marked as govsite's
    (stale / output_mod.STAGING_MARK).touch()
    site.write_item(2, title="新标题")
    assert build(site.root).ok
    assert not stale.exists()
    assert "新标题" in site.read_out("xxgk/xzfb/2025/00002.html")


def test_swap_result_has_new_and_carried_files(site: SiteFolder) -> None:
    build(site.root)
    site.write_item(7)
    assert build(site.root).ok
    assert (site.out / "xxgk/xzfb/2025/00007.html").is_file()
    assert (site.out / "xxgk/xzfb/2025/00001.html").is_file()
    assert (site.out / "assets/style.css").is_file()


def test_out_option_builds_elsewhere(site: SiteFolder, tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert build(site.root, out=out).ok
    assert (out / "index.html").is_file() and not site.out.exists()


def test_parallel_and_serial_builds_are_byte_identical(site: SiteFolder, tmp_path: Path) -> None:
    for n in range(10, 110):  # enough pages for the worker pool
        site.write_item(n, publish_date=f"2025-{(n % 12) + 1:02d}-{(n % 27) + 1:02d} 09:00", written_date="2025-01-01")
    progress: list[tuple[str, int, int]] = []
    parallel = build(site.root, out=tmp_path / "parallel", jobs=2, progress=lambda *a: progress.append(a))
    serial = build(site.root, out=tmp_path / "serial", jobs=1)
    assert parallel.ok and serial.ok
    assert parallel.total > 64
    assert tree(tmp_path / "parallel") == tree(tmp_path / "serial")
    pages = [p for p in progress if p[0] == "render"]
    # Rendered: every output except copied assets and what post-render steps write
    # (the search index, the open-data manifest, the inspection report) and the build manifest.
    post = ("pagefind/", "assets/", "data/manifest.json", "_report/", ".govsite-manifest.json")
    rendered = [s for s in tree(tmp_path / "parallel") if not s.startswith(post)]
    assert pages[-1][1] == pages[-1][2] == len(rendered)


def test_previous_output_is_removed_in_the_background(site: SiteFolder) -> None:
    """The swap hands the previous output to a detached remover: the build does not
    wait for it, nothing of it stays behind, and the next build clears leftovers."""
    import time

    from govsite.pipeline.build import build

    assert build(site.root, quick=True).ok
    site.write_item(2, title="后台删除旧输出的测试标题")
    assert build(site.root, quick=True).ok
    assert "后台删除旧输出的测试标题" in site.read_out("xxgk/xzfb/2025/00002.html")
    assert not output_mod.staging_dir(site.out).exists()
    deadline = time.monotonic() + 10
    while list(site.root.glob(".output.trash-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(site.root.glob(".output.trash-*")), "the previous output was not removed"
    leftover = site.root / ".output.trash-1-2"  # as if the machine stopped mid-removal
    (leftover / "xxgk").mkdir(parents=True)
    (leftover / "xxgk/index.html").write_text("旧", encoding="utf-8")
    site.write_item(3, title="再构建一次")
    assert build(site.root, quick=True).ok
    assert not leftover.exists()
