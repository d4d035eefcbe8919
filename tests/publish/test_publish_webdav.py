"""``govsite publish`` to a real WebDAV server (``rclone serve webdav``, started by the
test on 127.0.0.1 with a user and password), the remote configured only through
``RCLONE_CONFIG_*`` environment variables, as a CI secret would: the demo site is
byte-identical on the server after a publish, a second publish transfers nothing, an
edit uploads only what changed, and a failure mid-way is completed by the next publish."""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from govsite.publish.run import publish as run_publish
from govsite.publish.state import STATE_FILE
from govsite.publish.target import parse_target
from tests.conftest import SiteFolder
from tests.publish.publish_helpers import (RCLONE, assert_identical, build, demo_copy, free_port, needs_rclone,
                                           publish, published, rclone_env, site_files, wait_for_port)

pytestmark = needs_rclone

REMOTE = "gsdav"
USER, PASSWORD = "xxgk", "webdav-test-secret"


@pytest.fixture
def webdav(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A WebDAV server over a folder; the remote ``gsdav:`` points at it."""
    assert RCLONE is not None
    served = tmp_path / "served"
    served.mkdir()
    port = free_port()
    proc = subprocess.Popen([RCLONE, "serve", "webdav", str(served), "--addr", f"127.0.0.1:{port}",
                             "--user", USER, "--pass", PASSWORD, "--config", "/dev/null", "-q"])
    wait_for_port(port)
    rclone_env(monkeypatch)
    obscured = subprocess.run([RCLONE, "obscure", PASSWORD], capture_output=True, text=True, check=True).stdout.strip()
    prefix = f"RCLONE_CONFIG_{REMOTE.upper()}_"
    monkeypatch.setenv(prefix + "TYPE", "webdav")
    monkeypatch.setenv(prefix + "URL", f"http://127.0.0.1:{port}/")
    monkeypatch.setenv(prefix + "VENDOR", "other")
    monkeypatch.setenv(prefix + "USER", USER)
    monkeypatch.setenv(prefix + "PASS", obscured)
    yield served
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def demo(tmp_path: Path) -> SiteFolder:
    """A copy of the demo site (the repository root), built."""
    site = demo_copy(tmp_path / "demo")
    build(site)
    return site


def test_demo_site_on_webdav_byte_identical_then_nothing_then_only_the_edit(demo: SiteFolder, webdav: Path) -> None:
    target = f"{REMOTE}:xxgk"
    first = published(demo, target)
    assert_identical(demo.out, webdav / "xxgk")
    assert (webdav / "xxgk" / STATE_FILE).is_file()
    assert "Published to gsdav:xxgk:" in first

    again = run_publish(demo.out, parse_target(target, "--target", Path.cwd()))
    assert again.plan.empty and again.copied == 0  # a second publish transfers nothing

    before = site_files(demo.out)
    item = next((demo.root / "content/items/czj/2025").glob("*.md"))
    item.write_text(item.read_text(encoding="utf-8").replace("\n---\n", "\n---\n本文已修订。\n\n", 1), encoding="utf-8")
    build(demo)
    after = site_files(demo.out)
    changed = sorted(path for path in after if before.get(path) != after[path])
    edit = run_publish(demo.out, parse_target(target, "--target", Path.cwd()))
    assert sorted(edit.plan.uploads) == changed and edit.copied == len(changed)
    assert len(changed) < len(after) // 4  # the page, its search shard, feeds: not the site
    assert_identical(demo.out, webdav / "xxgk")


def test_a_publish_that_fails_mid_way_on_webdav_is_completed_by_the_next(demo: SiteFolder, webdav: Path) -> None:
    target = f"{REMOTE}:xxgk"
    published(demo, target)
    item = next((demo.root / "content/items/czj/2025").glob("*.md"))
    item.write_text(item.read_text(encoding="utf-8").replace("\n---\n", "\n---\n本文已修订。\n\n", 1), encoding="utf-8")
    build(demo)
    page = next(p for p in site_files(demo.out) if p.startswith("xxgk/czj/2025/") and
                (demo.out / p).read_bytes() != (webdav / "xxgk" / p).read_bytes())
    blocked = webdav / "xxgk" / page  # a folder where the page must go: the server refuses the upload
    blocked.unlink()
    (blocked / "x").mkdir(parents=True)
    failed = publish(demo, target)
    assert failed.exit_code == 2 and "publishing failed at the step “pages”" in failed.output
    (blocked / "x").rmdir()
    blocked.rmdir()
    published(demo, target)
    assert_identical(demo.out, webdav / "xxgk")


def test_a_refused_login_names_the_phase_and_never_shows_the_password(demo: SiteFolder, webdav: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(f"RCLONE_CONFIG_{REMOTE.upper()}_USER", "nobody")  # like an expired key
    failed = publish(demo, f"{REMOTE}:xxgk")
    assert failed.exit_code == 2
    assert "publishing failed at the step “reading the target”" in failed.output
    assert PASSWORD not in failed.output
    assert list(webdav.iterdir()) == []


def test_a_read_only_server_fails_naming_the_phase_and_rclone_s_message(demo: SiteFolder, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert RCLONE is not None
    served = tmp_path / "ro"
    served.mkdir()
    port = free_port()
    proc = subprocess.Popen([RCLONE, "serve", "webdav", str(served), "--addr", f"127.0.0.1:{port}", "--read-only",
                             "--config", "/dev/null", "-q"])
    try:
        wait_for_port(port)
        rclone_env(monkeypatch)
        monkeypatch.setenv("RCLONE_CONFIG_RODAV_TYPE", "webdav")
        monkeypatch.setenv("RCLONE_CONFIG_RODAV_URL", f"http://127.0.0.1:{port}/")
        result = publish(demo, "rodav:xxgk")
        assert result.exit_code == 2
        assert "publishing failed at the step" in result.output and "rclone exit code" in result.output
        assert "run govsite publish again" in result.output
        assert list(served.iterdir()) == []
    finally:
        proc.terminate()
        proc.wait(timeout=10)
