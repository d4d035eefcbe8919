"""The output's twin (govsite/pipeline/twin.py): the previous output kept beside the
output and brought up to date by the next build, instead of linking every file anew.
Every incremental output must equal a cold build's, and the output must never be
written in place."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from govsite.pipeline import output as output_mod
from govsite.pipeline import twin
from govsite.pipeline.build import build
from tests.conftest import SiteFolder, tree


def folders(root: Path) -> set[str]:
    return {os.path.relpath(d, root) for d, _dirs, _names in os.walk(root)}


def cold(site: SiteFolder, tmp_path: Path, name: str) -> Path:
    """The same site built from nothing into its own folder."""
    copy = tmp_path / f"cold-{name}"
    shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns("output", ".output.*", ".govsite-cache"))
    assert build(copy, quick=True).ok
    return copy / "output"


def same_as_cold(site: SiteFolder, tmp_path: Path, name: str) -> None:
    reference = cold(site, tmp_path, name)
    got, want = tree(site.out), tree(reference)
    assert sorted(got) == sorted(want)
    assert [p for p in want if got[p] != want[p]] == []
    assert folders(site.out) == folders(reference), "no empty folder is left behind"


def test_edits_through_the_twin_match_a_cold_build(site: SiteFolder, tmp_path: Path) -> None:
    assert build(site.root, quick=True).ok
    kept = twin.twin_dir(site.out)
    assert not kept.exists()  # the first build had no previous output to keep
    site.write_item(2, title="第一次修改的标题")
    assert build(site.root, quick=True).ok
    assert kept.is_dir()
    assert twin.read_journal(kept, site.out) is not None
    same_as_cold(site, tmp_path, "1")
    # A new item in a new folder, then its removal: its folders go with it.
    site.write_item(9, rel="content/items/xzfb/2024/00009.md", publish_date="2024-03-04 09:00",
                    written_date="2024-03-01", index_no="11999921014372155A/2024-00009")
    assert build(site.root, quick=True).ok
    same_as_cold(site, tmp_path, "2")
    (site.root / "content/items/xzfb/2024/00009.md").unlink()
    site.write("redirects.yaml", "/xxgk/xzfb/2024/00009.html: ~\n")  # a published URL goes with a record of why
    result = build(site.root, quick=True)
    assert result.ok, [p.format() for p in result.problems.items]
    assert "xxgk/xzfb/2024/00009.html" in result.deleted_paths
    same_as_cold(site, tmp_path, "3")
    site.write_item(3, title="第三项的新标题")
    assert build(site.root).ok  # a full build (search index and report) through the twin too
    assert "第三项的新标题" in site.read_out("xxgk/xzfb/2025/00003.html")


def test_an_edit_shares_unchanged_files_and_keeps_the_old_page_in_the_twin(site: SiteFolder) -> None:
    assert build(site.root, quick=True).ok
    site.write_item(2, title="旧标题二")
    assert build(site.root, quick=True).ok
    site.write_item(2, title="新标题二")
    result = build(site.root, quick=True)
    assert result.ok and "xxgk/xzfb/2025/00002.html" in result.written_paths
    kept = twin.twin_dir(site.out)
    assert "旧标题二" in (kept / "xxgk/xzfb/2025/00002.html").read_text(encoding="utf-8")
    assert "新标题二" in site.read_out("xxgk/xzfb/2025/00002.html")
    unchanged = "xxgk/xzfb/2025/00001.html"
    assert os.stat(site.out / unchanged).st_ino == os.stat(kept / unchanged).st_ino
    assert set(result.written_paths) <= set(twin.read_journal(kept, site.out) or [])


def test_a_failed_build_through_the_twin_leaves_the_output(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    assert build(site.root, quick=True).ok
    site.write_item(2, title="第二次构建")
    assert build(site.root, quick=True).ok
    assert twin.twin_dir(site.out).is_dir()
    before = tree(site.out)
    inodes = {p: os.stat(site.out / p).st_ino for p in before}
    site.write_item(2, title="不会发布的标题")
    site.write_item(1, title="也不会发布")

    def boom(self: output_mod.Staging) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output_mod.Staging, "commit", boom)
    with pytest.raises(KeyboardInterrupt):
        build(site.root, quick=True)
    assert tree(site.out) == before, "pages rendered into the adopted twin must not reach the output"
    assert {p: os.stat(site.out / p).st_ino for p in before} == inodes
    assert not output_mod.staging_dir(site.out).exists()
    monkeypatch.undo()
    assert build(site.root, quick=True).ok
    assert "不会发布的标题" in site.read_out("xxgk/xzfb/2025/00002.html")


def test_a_twin_of_another_output_state_is_not_used(site: SiteFolder, tmp_path: Path) -> None:
    """A journal that does not name the output's manifest (another build, a restored
    backup) makes the twin unusable: it is removed and the build links anew."""
    assert build(site.root, quick=True).ok
    site.write_item(2, title="甲")
    assert build(site.root, quick=True).ok
    kept = twin.twin_dir(site.out)
    (kept / "xxgk/xzfb/2025/00001.html").unlink()  # the twin no longer matches what its journal says
    manifest = site.out / ".govsite-manifest.json"
    manifest.write_bytes(manifest.read_bytes())  # a new inode and time: not the manifest the journal names
    site.write_item(3, title="乙")
    assert build(site.root, quick=True).ok
    same_as_cold(site, tmp_path, "x")


def test_a_foreign_folder_with_the_twin_name_is_refused(site: SiteFolder) -> None:
    from govsite.pipeline.guard import OutputRefused

    assert build(site.root, quick=True).ok
    mine = twin.twin_dir(site.out)
    mine.mkdir()
    (mine / "notes.txt").write_text("not govsite's", encoding="utf-8")
    site.write_item(2, title="新")
    with pytest.raises(OutputRefused):
        build(site.root, quick=True)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "not govsite's"
