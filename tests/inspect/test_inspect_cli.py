"""``govsite check`` as a user runs it: grouped text, JSON, exit codes, ``--since REV``
in a real git repository, and the shipped pre-commit hook."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OFFICE_CODE, REPO, SiteFolder
from tests.inspect.inspect_helpers import run, write_site_yaml

HOOK = REPO / "scripts/pre-commit"


def _site_with_findings(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00", written_date="2026-11-18",
                    body="见[旧文](00009.html)。")
    site.write_item(2, columns=["gfxwj"], publish_date="2026-06-01 09:00", written_date="2026-06-01",
                    doc_no="测政办发[2025]2号")


def _annual(output: str) -> int:
    """Findings of the annual-report rule (another feature's rule; counted, not asserted here)."""
    return output.count("W-ANNUAL-MISSING")


def test_text_report_groups_findings_and_ends_with_the_summary(site: SiteFolder) -> None:
    _site_with_findings(site)
    result = run(site)
    assert result.exit_code == 1  # E-LINK-BROKEN is an error
    lines = result.output.splitlines()
    heads = [ln for ln in lines if ln.startswith("== ") and not ln.startswith("== 年度报告")]
    assert heads == ["== 栏目更新（1）", "== 索引号与文号（1）", "== 链接与附件（1）", "== 巡检汇总"]
    assert lines[lines.index("== 链接与附件（1）") + 1].startswith(
        "content/items/xzfb/2025/00001.md:13: 错误 E-LINK-BROKEN [body]: 正文链接 00009.html")
    assert lines[-1] == f"共 1 个错误，{2 + _annual(result.output)} 个警告"
    assert "巡检日期 2026-11-20" in lines


def test_english_report(site: SiteFolder) -> None:
    _site_with_findings(site)
    out = run(site, "--lang", "en").output
    assert "== Links and attachments (1)" in out and "== Summary" in out
    assert "Single-veto risk (单项否决): none" in out
    assert out.strip().endswith(f"1 error(s), {2 + _annual(out)} warning(s)")


def test_json_report_has_findings_families_and_summary(site: SiteFolder) -> None:
    _site_with_findings(site)
    result = run(site, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert (data["errors"], data["warnings"]) == (1, 2 + _annual(result.output))
    link = next(p for p in data["problems"] if p["code"] == "E-LINK-BROKEN")
    assert link == {"code": "E-LINK-BROKEN", "severity": "error", "file": "content/items/xzfb/2025/00001.md",
                    "line": 13, "field": "body", "value": "00009.html", "family": "links",
                    "message": "正文链接 00009.html 指向本站不存在的页面或文件（解析为 /xxgk/xzfb/2025/00009.html）"}
    summary = data["summary"]
    assert summary["date"] == "2026-11-20" and summary["veto_risk"] is False
    assert summary["home_page"] == {"newest": "2026-11-18", "days": 2, "updated_within_2_weeks": True}
    assert [(t["key"], t["count"], t["limit"]) for t in summary["thresholds"]] == [
        ("stale_news_policy", 0, 5), ("stale_all", 0, 10), ("empty", 2, 5)]


def test_warnings_exit_0_unless_strict(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00")
    assert run(site).exit_code == 0          # empty columns are warnings
    assert run(site, "--strict").exit_code == 1
    assert run(site, "--no-inspect", "--strict").exit_code == 0


# --- --since REV in a real git repository -------------------------------------------------

def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(site: SiteFolder) -> SiteFolder:
    """The site in a git repository: two items with a broken link each, committed."""
    write_site_yaml(site)
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00", body="见[旧文](00009.html)。")
    site.write_item(2, body="见[旧文](00008.html)。")
    site.write_item(3, body="正文。")
    git(site.root, "init", "-q")
    git(site.root, "add", ".")
    git(site.root, "commit", "-q", "-m", "init")
    return site


def test_since_reports_only_changed_and_untracked_files(repo: SiteFolder) -> None:
    repo.write_item(3, body="见[新文](00007.html)。")                       # changed, not staged
    repo.write_item(4, body="手机 13812345678")                             # untracked
    result = run(repo, "--since", "HEAD")
    files = {ln.split(":")[0] for ln in result.output.splitlines()
             if ln.startswith("content/") and "W-ANNUAL-MISSING" not in ln}  # a site-wide rule of another feature
    assert files == {"content/items/xzfb/2025/00003.md", "content/items/xzfb/2025/00004.md"}
    assert "仅检查自 HEAD 以来变更的文件（全站规则照常运行）" in result.output
    assert "W-EMPTY-COLUMN" in result.output      # site-wide rules still run
    assert result.exit_code == 1
    full = run(repo)
    assert "content/items/xzfb/2025/00001.md" in full.output and "content/items/xzfb/2025/00002.md" in full.output


def test_since_keeps_errors_a_change_causes_elsewhere(repo: SiteFolder) -> None:
    repo.write_item(2, body="正文。", interprets=f"{OFFICE_CODE}/2025-00003")
    git(repo.root, "commit", "-q", "-am", "2 interprets 3")
    (repo.root / "content/items/xzfb/2025/00003.md").unlink()   # the only change: a deletion
    out = run(repo, "--since", "HEAD").output
    assert "content/items/xzfb/2025/00002.md:12: 错误 E-REF-ITEM [interprets]" in out  # unchanged file, still shown
    assert "00009.html" not in out                               # an old inspection finding elsewhere is not


def test_since_with_a_bad_revision_is_a_clear_error(repo: SiteFolder) -> None:
    result = run(repo, "--since", "no-such-rev")
    assert result.exit_code != 0
    assert "--since no-such-rev" in result.output and "no-such-rev" in result.output


def test_since_outside_a_git_repository(site: SiteFolder) -> None:
    write_site_yaml(site)
    result = run(site, "--since", "HEAD")
    assert result.exit_code != 0 and "--since HEAD" in result.output


# --- the pre-commit hook ------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
def test_pre_commit_hook_blocks_a_commit_with_an_error_and_lets_a_clean_one_through(repo: SiteFolder) -> None:
    hook = repo.root / ".git/hooks/pre-commit"
    shutil.copy(HOOK, hook)
    hook.chmod(0o755)
    bindir = repo.root.parent / "bin"
    bindir.mkdir()
    (bindir / "govsite").write_text(f"#!/bin/sh\nexec {sys.executable} -m govsite.cli \"$@\"\n", encoding="utf-8")
    (bindir / "govsite").chmod(0o755)
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}", "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}

    def commit(message: str) -> subprocess.CompletedProcess:
        subprocess.run(["git", "add", "."], cwd=repo.root, check=True, env=env)
        return subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo.root, capture_output=True, text=True,
                              env=env)

    repo.write_item(5, body="申请人联系电话 13812345678")
    blocked = commit("leak")
    assert blocked.returncode != 0
    shown = blocked.stdout + blocked.stderr  # git passes the hook's output on to stderr
    assert "content/items/xzfb/2025/00005.md:13: 错误 E-PII-MOBILE" in shown and "138****5678" in shown
    assert "13812345678" not in shown
    assert "提交已取消" in shown
    assert git(repo.root, "log", "--oneline").count("\n") == 1
    repo.write_item(5, body="正文。")
    ok = commit("clean")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert git(repo.root, "log", "--oneline").count("\n") == 2
