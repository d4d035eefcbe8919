"""``govsite publish`` to a local folder, with the real rclone: byte-identical after a
publish, nothing transferred the second time, only what an edit changed, deletions
last, the private report and files outside the output never published, and a
publish that fails half-way completed by the next one."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govsite.publish.local import output_files
from govsite.publish.errors import PublishError
from govsite.publish.run import publish as run_publish
from govsite.publish.state import PENDING_FILE, STATE_FILE, read_published
from govsite.publish.target import parse_target
from tests.conftest import REPO, SiteFolder
from tests.publish.publish_helpers import (assert_identical, build, needs_rclone, publish, published, rclone_env,
                                           site_files, target_files, with_attachment, withdraw_item)

pytestmark = needs_rclone


@pytest.fixture
def built(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> SiteFolder:
    rclone_env(monkeypatch)
    with_attachment(site)
    build(site)
    return site


def run(site: SiteFolder, target: Path, **kw):  # type: ignore[no-untyped-def]
    return run_publish(site.out, parse_target(str(target), "--target", Path.cwd()), **kw)


def test_publish_copies_every_file_and_a_second_publish_transfers_nothing(built: SiteFolder, tmp_path: Path) -> None:
    target = tmp_path / "www"
    first = published(built, target)
    assert_identical(built.out, target)
    count = len(site_files(built.out))
    assert f"Published to {target}: {count} uploaded, 0 deleted, 0 unchanged" in first
    record = json.loads((target / STATE_FILE).read_text(encoding="utf-8"))
    assert record["generator"] == "govsite" and len(record["files"]) == count
    assert not (target / PENDING_FILE).exists()

    again = run(built, target)
    assert again.plan.empty and again.copied == 0 and again.plan.by_record
    assert f"is up to date: nothing to upload or delete ({count} unchanged)" in published(built, target)


def test_an_edit_uploads_only_the_changed_files_in_phase_order(built: SiteFolder, tmp_path: Path) -> None:
    target = tmp_path / "www"
    published(built, target)
    before = site_files(built.out)
    built.write_item(2, title="测试县人民政府办公室关于第2项工作的通知（修订）")
    build(built)
    after = site_files(built.out)
    changed = sorted(p for p in after if before.get(p) != after[p])
    phases: list[tuple[str, int]] = []
    result = run(built, target, progress=lambda phase, n: phases.append((phase, n)))
    assert sorted(result.plan.uploads) == changed  # by checksum: exactly the files whose bytes changed
    assert result.copied == len(changed)  # what rclone reports it copied
    assert "xxgk/xzfb/2025/00002.html" in changed and "files/attachments/2025/plan.pdf" not in changed
    order = [phase for phase, _n in phases]
    assert order == sorted(order, key=["files", "pages", "listings", "feeds", "search", "delete"].index)
    assert order.index("pages") < order.index("listings") < order.index("feeds") < order.index("search")
    assert_identical(built.out, target)


def test_a_removed_page_is_deleted_last(built: SiteFolder, tmp_path: Path) -> None:
    target = tmp_path / "www"
    published(built, target)
    gone = withdraw_item(built, 3)
    build(built)
    assert not (built.out / gone).exists() and (target / gone).exists()
    dry = published(built, target, "--dry-run")
    on_target = set(target_files(target))
    assert f"6. deletion of removed files: delete {len(on_target - set(site_files(built.out)))}: " in dry
    assert (target / gone).exists()  # a dry run changes nothing
    phases: list[str] = []
    result = run(built, target, progress=lambda phase, n: phases.append(phase))
    assert phases[-1] == "delete" and gone in result.plan.deletions
    assert result.deleted == len(result.plan.deletions)  # what rclone reports it deleted
    assert set(result.plan.deletions) == on_target - set(site_files(built.out))
    assert not (target / gone).exists()
    assert_identical(built.out, target)


def test_files_on_the_target_that_govsite_did_not_publish_are_left_alone(built: SiteFolder, tmp_path: Path) -> None:
    target = tmp_path / "www"
    (target / "other-system").mkdir(parents=True)
    (target / "other-system/keep.html").write_text("not ours", encoding="utf-8")
    dry = published(built, target, "--dry-run")
    assert "1 other file(s) on the target were not published by govsite and are left alone: other-system/keep.html" in dry
    published(built, target)
    withdraw_item(built, 3)
    build(built)
    published(built, target)
    assert (target / "other-system/keep.html").read_text(encoding="utf-8") == "not ours"
    assert not (target / "xxgk/xzfb/2025/00003.html").exists()


def test_the_private_report_and_files_added_by_hand_are_never_published(built: SiteFolder, tmp_path: Path) -> None:
    report = built.root / "output-report"
    assert (report / "index.html").is_file()  # the build wrote its private report beside the output
    (built.out / "_report").mkdir()
    (built.out / "_report/index.html").write_text("private", encoding="utf-8")  # an older build's place for it
    (built.out / "notes.txt").write_text("dropped here by hand", encoding="utf-8")
    target = tmp_path / "www"
    published(built, target)
    names = target_files(target)
    assert not any(path.startswith("_report") for path in names) and "notes.txt" not in names
    assert ".govsite-manifest.json" not in names
    assert not any("report" in path.split("/")[0] for path in names)


def test_a_symlink_in_the_output_is_refused_and_nothing_is_published(built: SiteFolder, tmp_path: Path) -> None:
    page = built.out / "xxgk/xzfb/2025/00001.html"
    page.unlink()
    page.symlink_to("/etc/hostname")
    target = tmp_path / "www"
    result = publish(built, target)
    assert result.exit_code == 2
    assert "xxgk/xzfb/2025/00001.html" in result.output and "is a symlink" in result.output
    assert not target.exists()
    folder = built.out / "files/attachments"
    os.rename(folder, tmp_path / "elsewhere")
    folder.symlink_to(tmp_path / "elsewhere")  # a folder reached through a link: also refused
    with pytest.raises(PublishError) as exc:
        output_files(built.out)
    assert exc.value.code == "E-PUBLISH-FILE"


def test_an_output_that_govsite_did_not_build_is_refused(site: SiteFolder, tmp_path: Path) -> None:
    (site.out).mkdir()
    (site.out / "index.html").write_text("hand-made", encoding="utf-8")
    result = publish(site, tmp_path / "www")
    assert result.exit_code == 2
    assert "is not an output folder built by govsite" in result.output and "run govsite build" in result.output


def _block(target: Path, path: str) -> None:
    """Make ``path`` impossible to write on a local target, whoever runs the test (root
    ignores permissions): a folder with a file in it stands where the file must go."""
    blocked = target / path
    blocked.unlink()
    blocked.mkdir()
    (blocked / "x").write_text("x", encoding="utf-8")


def test_a_publish_that_fails_in_a_phase_leaves_a_consistent_target_and_the_next_completes(
        built: SiteFolder, tmp_path: Path) -> None:
    target = tmp_path / "www"
    published(built, target)
    old_listing = (target / "xxgk/gfxwj/index.html").read_bytes()
    built.write("content/attachments/2025/plan.pdf", b"%PDF-1.4\n% revised attachment, longer\n")
    built.write_item(2, title="测试县人民政府办公室关于第2项工作的通知（修订）")
    build(built)
    _block(target, "xxgk/xzfb/2025/00002.html")
    failed = publish(built, target)
    assert failed.exit_code == 2
    assert "publishing failed at the step “pages”" in failed.output and "00002.html" in failed.output
    # The new attachment is there (files phase), the listings still old: a consistent mix.
    assert (target / "files/attachments/2025/plan.pdf").read_bytes() == (built.out / "files/attachments/2025/plan.pdf").read_bytes()
    assert (target / "xxgk/gfxwj/index.html").read_bytes() == old_listing
    assert (target / PENDING_FILE).exists()
    record = read_published(parse_target(str(target), "--target", Path.cwd()))
    assert "xxgk/xzfb/2025/00002.html" in record.pending
    # The blocker removed, the next publish completes the target.
    blocker = target / "xxgk/xzfb/2025/00002.html"
    (blocker / "x").unlink()
    blocker.rmdir()
    published(built, target)
    assert_identical(built.out, target)
    assert not (target / PENDING_FILE).exists()


def test_a_publish_killed_half_way_is_completed_by_the_next(built: SiteFolder, tmp_path: Path) -> None:
    target = tmp_path / "www"
    args = [sys.executable, "-m", "govsite.cli", "publish", "--site", str(built.root), "--target", str(target)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 30
    while not (target / PENDING_FILE).exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)  # govsite and its rclone, mid-upload
    proc.wait()
    assert (target / PENDING_FILE).exists() and not (target / STATE_FILE).exists()  # it did stop half-way
    published(built, target)
    assert_identical(built.out, target)
    assert not (target / PENDING_FILE).exists()


def test_an_output_rebuilt_back_after_a_failed_publish_is_still_completed(built: SiteFolder, tmp_path: Path) -> None:
    """The record says A, a failed publish uploaded part of B, the output went back to A:
    the paths of the unfinished publish are uploaded again, whatever the record says."""
    target = tmp_path / "www"
    published(built, target)
    original = (built.root / "content/items/xzfb/2025/00002.md").read_bytes()
    built.write_item(2, title="测试县人民政府办公室关于第2项工作的通知（修订）")
    build(built)
    _block(target, "xxgk/gfxwj/index.html")  # pages are uploaded, listings fail
    assert publish(built, target).exit_code == 2
    (target / "xxgk/gfxwj/index.html/x").unlink()
    (target / "xxgk/gfxwj/index.html").rmdir()
    (built.root / "content/items/xzfb/2025/00002.md").write_bytes(original)
    build(built)
    dry = published(built, target, "--dry-run")
    assert "the previous publish did not finish" in dry
    published(built, target)
    assert_identical(built.out, target)


def test_dry_run_shows_counts_and_first_paths_of_each_phase(built: SiteFolder, tmp_path: Path) -> None:
    target = tmp_path / "www"
    out = published(built, target, "--dry-run")
    assert "Publish plan:" in out and "no publish record on the target" in out
    for n, name in enumerate(["files (assets, attachments, data)", "pages", "listings and home page",
                              "feeds and sitemap", "search index", "deletion of removed files"], 1):
        assert f"  {n}. {name}: " in out
    count = len([p for p in site_files(built.out) if p.startswith(("assets/", "files/", "data/")) and p != "data/manifest.json"])
    assert f"  1. files (assets, attachments, data): upload {count}: assets/" in out
    assert not target.exists()
    zh = publish(built, target, "--dry-run")
    assert zh.exit_code == 0


def test_publish_in_chinese_by_default(built: SiteFolder, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from govsite.cli import main

    result = CliRunner().invoke(main, ["publish", "--site", str(built.root), "--target", str(tmp_path / "www")])
    assert result.exit_code == 0, result.output
    assert "已发布到" in result.output and "上传" in result.output
