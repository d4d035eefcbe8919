"""Helpers for the publish tests: a built site with an attachment, real rclone runs
through the command line, and the comparison of an output folder with a target."""
from __future__ import annotations

import os
import shutil
import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from govsite.cli import main
from govsite.publish.state import PENDING_FILE, STATE_FILE
from tests.conftest import SiteFolder, copy_demo_site, tree

RCLONE = shutil.which("rclone")
needs_rclone = pytest.mark.skipif(RCLONE is None, reason="rclone is not installed (scripts/test.sh installs it)")

OWN_FILES = {".govsite-manifest.json"}
"""Files of an output folder that are not published (the build's own bookkeeping)."""
TARGET_FILES = {STATE_FILE, PENDING_FILE}
"""Files govsite keeps on a target besides the site."""


def with_attachment(site: SiteFolder) -> SiteFolder:
    """The test site, its item 1 with a PDF attachment (a file of the first phase)."""
    site.write("content/attachments/2025/plan.pdf", b"%PDF-1.4\n% test attachment\n")
    site.write_item(1, attachments=[{"file": "attachments/2025/plan.pdf", "title": "工作方案（PDF）"}])
    return site


def withdraw_item(site: SiteFolder, n: int) -> str:
    """Delete item ``n`` and withdraw its URL on purpose (redirects.yaml); its page's output path."""
    (site.root / f"content/items/xzfb/2025/{n:05d}.md").unlink()
    page = f"xxgk/xzfb/2025/{n:05d}.html"
    site.write("redirects.yaml", f"/{page}: ~\n")
    return page


def build(site: SiteFolder) -> None:
    result = CliRunner().invoke(main, ["build", "--site", str(site.root), "--quiet", "--lang", "en"])
    assert result.exit_code == 0, result.output


def publish(site: SiteFolder, target: str | Path, *args: str) -> Result:
    """``govsite publish`` through click's runner (rclone runs for real)."""
    return CliRunner().invoke(main, ["publish", "--site", str(site.root), "--target", str(target), "--lang", "en",
                                     *args])


def published(site: SiteFolder, target: str | Path, *args: str) -> str:
    result = publish(site, target, *args)
    assert result.exit_code == 0, result.output
    return result.output


def site_files(out: Path) -> dict[str, bytes]:
    return {path: data for path, data in tree(out).items() if path not in OWN_FILES}


def target_files(target: Path) -> dict[str, bytes]:
    return {path: data for path, data in tree(target).items() if path not in TARGET_FILES}


def assert_identical(out: Path, target: Path) -> None:
    """Every file of the output is on the target, byte for byte, and nothing else of govsite's."""
    want, have = site_files(out), target_files(target)
    assert sorted(want) == sorted(have)
    assert [path for path in want if want[path] != have[path]] == []


def rclone_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fast failures: one try per rclone command (the default is 3). rclone's low-level
    retries stay as a user has them: they absorb a WebDAV server's transient 423 Locked
    when parallel uploads create the same new folder (seen in CI with them set to 1)."""
    monkeypatch.setenv("RCLONE_RETRIES", "1")
    monkeypatch.setenv("RCLONE_CONFIG", os.devnull)  # no user config: remotes come from the environment


def demo_copy(root: Path) -> SiteFolder:
    """A copy of the demo site (the repository root's site files), not built."""
    return SiteFolder(copy_demo_site(root))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int) -> None:
    """Until a server started by the test accepts connections on 127.0.0.1 (10 s at most)."""
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
