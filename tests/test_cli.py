"""The govsite command line as an editor or IT staff uses it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from govsite.cli import main
from tests.conftest import OFFICE_CODE, SiteFolder

COMMANDS = [[], ["build"], ["check"], ["init"], ["new"], ["new", "item"], ["import"], ["import", "items"], ["serve"],
            ["publish"], ["ci-template"]]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "govsite")
def test_every_command_has_help(args: list[str]) -> None:
    result = CliRunner().invoke(main, args + ["--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    if args and args[0] in ("build", "check", "serve", "publish", "ci-template") or args == ["new", "item"] or args == ["import", "items"]:
        assert "--site" in result.output


def test_console_script_is_installed() -> None:
    out = subprocess.run([sys.executable, "-m", "govsite.cli", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "govsite" in out.stdout


@pytest.mark.parametrize("command", ["build", "check"])
def test_real_process_exits_with_its_code_and_full_output(site: SiteFolder, command: str) -> None:
    """``build`` and ``check`` end the process without interpreter teardown
    (govsite.cli.run): the exit code and every line written must survive that."""
    args = [sys.executable, "-m", "govsite.cli", command, "--site", str(site.root), "--lang", "en"]
    args += ["--quiet", "--no-search"] if command == "build" else ["--no-inspect"]
    ok = subprocess.run(args, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert ("Done:" if command == "build" else "Check passed") in ok.stdout
    site.write_item(2, publish_date="2024-02-30")
    bad = subprocess.run(args, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "00002.md" in bad.stdout + bad.stderr and "2024-02-30" in bad.stdout + bad.stderr
    if command == "build":
        assert bad.stderr.rstrip().endswith(f"the previous {site.root / 'output'} is unchanged.")


def test_a_failed_first_build_does_not_speak_of_a_previous_output(site: SiteFolder) -> None:
    site.write_item(2, publish_date="2024-02-30")
    bad = CliRunner().invoke(main, ["build", "--site", str(site.root), "--quiet"])
    assert bad.exit_code == 1
    assert f"构建失败：未写入任何文件（{site.root / 'output'} 尚不存在）。" in bad.output
    assert "保持不变" not in bad.output


def test_init_creates_a_site_that_builds_at_once(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "newsite"
    result = runner.invoke(main, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert f"已创建 {target / 'site.yaml'}" in result.output and "created" not in result.output  # Chinese throughout
    assert f"下一步：govsite check --site {target}" in result.output
    english = runner.invoke(main, ["init", str(tmp_path / "en"), "--lang", "en"])
    assert f"created {tmp_path / 'en' / 'site.yaml'}" in english.output and "已创建" not in english.output
    result = runner.invoke(main, ["check", "--site", str(target), "--strict", "--no-inspect"])
    assert result.exit_code == 0, result.output
    # A new site is valid, but the inspection sees its empty columns (warnings: exit 0 without --strict).
    result = runner.invoke(main, ["check", "--site", str(target)])
    assert result.exit_code == 0 and "W-EMPTY-COLUMN" in result.output, result.output
    result = runner.invoke(main, ["build", "--site", str(target), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (target / "output/index.html").is_file()
    assert (target / "output/xxgk/xxgkzn/index.html").is_file()


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code != 0 and "非空" in result.output


def test_build_summary_line_counts_and_time(site: SiteFolder) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["build", "--site", str(site.root), "--quiet"])
    assert first.exit_code == 0, first.output
    m = re.search(r"完成：写入 (\d+) 个文件，跳过 (\d+) 个未变更文件，删除 (\d+) 个，用时 [\d.]+ 秒$", first.output.strip())
    assert m and int(m[1]) > 0 and m[2] == "0" and m[3] == "0"
    second = runner.invoke(main, ["build", "--site", str(site.root), "--quiet", "--lang", "en"])
    m = re.search(r"Done: 0 written, (\d+) unchanged, 0 deleted in [\d.]+s$", second.output.strip())
    assert m and int(m[1]) > 0


def test_build_base_url_override(site: SiteFolder, tmp_path: Path) -> None:
    out = tmp_path / "preview"
    result = CliRunner().invoke(main, ["build", "--site", str(site.root), "--out", str(out), "--quiet",
                                       "--base-url", "http://127.0.0.1:9000/preview/"])
    assert result.exit_code == 0, result.output
    html = (out / "xxgk/xzfb/2025/00001.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="http://127.0.0.1:9000/preview/xxgk/xzfb/2025/00001.html">' in html


def test_failed_build_exits_1_and_says_nothing_was_written(site: SiteFolder) -> None:
    site.write_item(2, issuer="nobody")
    result = CliRunner().invoke(main, ["build", "--site", str(site.root), "--quiet"])
    assert result.exit_code == 1
    assert "content/items/xzfb/2025/00002.md:" in result.output
    assert "发布机构 nobody 不存在" in result.output
    assert "构建失败" in result.output
    assert not site.out.exists()


def test_new_item_assigns_the_next_index_number(site: SiteFolder) -> None:
    result = CliRunner().invoke(main, ["new", "item", "--site", str(site.root), "--org", "xzfb", "--column", "gfxwj",
                                       "--title", "关于做好冬季安全生产工作的通知", "--date", "2025-12-01"])
    assert result.exit_code == 0, result.output
    path = site.root / "content/items/xzfb/2025/00004.md"
    assert f"索引号 {OFFICE_CODE}/2025-00004" in result.output
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---")[1])
    assert front["index_no"] == f"{OFFICE_CODE}/2025-00004"
    assert front["title"] == "关于做好冬季安全生产工作的通知"
    assert front["columns"] == ["gfxwj"] and front["issuer"] == "xzfb"
    assert set(front) >= {"doc_no", "written_date", "publish_date", "theme", "genre", "disclosure_mode", "validity",
                          "keywords", "summary", "attachments"}
    check = CliRunner().invoke(main, ["check", "--site", str(site.root)])
    assert check.exit_code == 0, check.output
    # a second new item in the same year takes the next serial
    again = CliRunner().invoke(main, ["new", "item", "--site", str(site.root), "--org", "xzfb", "--column", "gfxwj",
                                      "--title", "第二份", "--date", "2025-12-02"])
    assert f"{OFFICE_CODE}/2025-00005" in again.output


def test_new_item_rejects_unknown_org_and_column(site: SiteFolder) -> None:
    runner = CliRunner()
    bad_org = runner.invoke(main, ["new", "item", "--site", str(site.root), "--org", "nope", "--column", "gfxwj", "--title", "T"])
    assert bad_org.exit_code != 0 and "nope" in bad_org.output and "xzfb" in bad_org.output
    bad_col = runner.invoke(main, ["new", "item", "--site", str(site.root), "--org", "xzfb", "--column", "nope", "--title", "T"])
    assert bad_col.exit_code != 0 and "栏目 nope 不存在" in bad_col.output
    assert "；gfxwj（行政法规、规章和规范性文件）；" in bad_col.output  # id（名称）, separated by ；
    assert "xzf（测试县人民政府）；xzfb（测试县人民政府办公室）" in bad_org.output


def test_new_item_takes_column_and_organisation_names(site: SiteFolder) -> None:
    """Issue 17 §4: the Chinese name works as well as the code (the name as a path too)."""
    result = CliRunner().invoke(main, ["new", "item", "--site", str(site.root), "--org", "测试县人民政府办公室",
                                       "--column", "行政法规、规章和规范性文件", "--title", "按名称创建", "--date", "2025-12-01"])
    assert result.exit_code == 0, result.output
    front = yaml.safe_load((site.root / "content/items/xzfb/2025/00004.md").read_text(encoding="utf-8").split("---")[1])
    assert front["columns"] == ["gfxwj"] and front["issuer"] == "xzfb"
    nested = CliRunner().invoke(main, ["new", "item", "--site", str(site.root), "--org", "xzfb",
                                       "--column", "法定主动公开内容/财政预算、决算信息", "--title", "路径", "--date", "2025-12-02"])
    assert nested.exit_code == 0, nested.output
    assert "- czzj" in (site.root / "content/items/xzfb/2025/00005.md").read_text(encoding="utf-8")


def test_check_reports_template_syntax_errors_without_building(site: SiteFolder) -> None:
    site.write("templates/item.html", "{% extends 'base.html' %}\n{% block main %}{% if %}{% endblock %}\n")
    result = CliRunner().invoke(main, ["check", "--site", str(site.root)])
    assert result.exit_code == 1
    assert "templates/item.html:2: 错误 E-TEMPLATE" in result.output
    assert not site.out.exists()


def test_list_shows_codes_with_names(site: SiteFolder) -> None:
    """Issue 17 §4: govsite list columns|themes|orgs|genres, from the site's own configuration."""
    def listed(kind: str) -> list[str]:
        result = CliRunner().invoke(main, ["list", kind, "--site", str(site.root)])
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    columns = listed("columns")
    assert columns[:4] == ["xxgkzn  政府信息公开指南", "xxgkzd  政府信息公开制度", "fdzdgknr  法定主动公开内容",
                           "  gfxwj  行政法规、规章和规范性文件"]
    assert "  czzj  财政预算、决算信息" in columns and columns[-1] == "zcjd  政策解读"
    themes = listed("themes")
    assert themes[0] == "1  国务院组织机构" and "2  综合政务" in themes and "  2.1  政务公开" in themes
    assert "4  财政、金融、审计" in themes and len([t for t in themes if not t.startswith(" ")]) == 22
    assert listed("orgs") == ["xzf  测试县人民政府", "xzfb  测试县人民政府办公室"]
    assert "通知" in listed("genres") and "命令（令）" in listed("genres")
    bad = CliRunner().invoke(main, ["list", "colums", "--site", str(site.root)])
    assert bad.exit_code != 0 and "columns" in bad.output


def test_build_says_what_check_would_report_and_where(site: SiteFolder) -> None:
    """Issue 17 §3: a good build names the number of problems govsite check reports (its
    inspection rules too) and how to see them; the counts are check's own."""
    check = CliRunner().invoke(main, ["check", "--site", str(site.root)])
    errors, warnings = map(int, re.search(r"共 (\d+) 个错误，(\d+) 个警告", check.output).groups())
    assert warnings > 0, check.output  # the small test site has empty columns
    result = CliRunner().invoke(main, ["build", "--site", str(site.root), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (f"巡检：govsite check 会报告 {errors} 个错误、{warnings} 个警告（构建时的校验问题加上栏目更新、时限、链接等巡检规则）；运行 govsite check 查看，"
            f"或打开 {site.root.resolve() / 'output-report/index.html'}（内部页面，在输出目录之外，不会随 output/ 发布）"
            ) in result.output
    assert not (site.root / "output/_report").exists()
    english = CliRunner().invoke(main, ["build", "--site", str(site.root), "--quiet", "--lang", "en"])
    assert f"Inspection: govsite check reports {errors} error(s) and {warnings} warning(s)" in english.output
    site.write_item(1, body="改过的正文。")
    quick = CliRunner().invoke(main, ["build", "--site", str(site.root), "--quiet", "--no-search"])
    assert quick.exit_code == 0 and "巡检：" not in quick.output, "a quick build left the report stale: no old counts"


def test_a_build_with_nothing_to_do_is_answered_before_click(site: SiteFolder, tmp_path: Path) -> None:
    """``govsite build`` with nothing changed prints what the click command prints (the
    warnings, the summary) without importing click, the model or Jinja (govsite.cli)."""
    import os
    import time

    site.write_item(2, doc_no="测政办发[2025]2号")  # a warning, shown again by every build
    then = time.time() - 60
    for dirpath, _dirs, names in os.walk(site.root):
        for name in names:
            os.utime(os.path.join(dirpath, name), (then, then))
    args = [sys.executable, "-X", "importtime", "-m", "govsite.cli", "build", "--site", str(site.root), "--lang", "en",
            "--no-search", "--quiet"]
    first = subprocess.run(args, capture_output=True, text=True)
    second = subprocess.run(args, capture_output=True, text=True)
    assert first.returncode == second.returncode == 0, second.stderr
    imported = {line.rpartition("|")[2].strip() for line in second.stderr.splitlines() if line.startswith("import time:")}
    assert imported and not imported & {"click", "pydantic", "jinja2", "govsite.model.site_model", "govsite.cli_group"}
    assert "click" in {line.rpartition("|")[2].strip() for line in first.stderr.splitlines()}
    said = [line for line in second.stderr.splitlines() if not line.startswith("import time:")]
    assert said == [line for line in first.stderr.splitlines() if not line.startswith("import time:")]
    assert any("W-DOCNO-BRACKET" in line for line in said)
    assert re.fullmatch(r"Done: 0 written, (\d+) unchanged, 0 deleted in [\d.]+s", second.stdout.splitlines()[-1])
    assert first.stdout.splitlines()[-1].startswith("Done: ")
    assert second.stdout.splitlines()[:-1] == first.stdout.splitlines()[:-1], "the inspection notice, as click's"
    again = subprocess.run([args[0]] + args[3:] + ["--bogus"], capture_output=True, text=True)
    assert again.returncode == 2 and "No such option '--bogus'" in again.stderr, "an unusual command line goes to click"
