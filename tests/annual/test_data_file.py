"""The data file's own problems: where it lives, what its report points at, a report
without a page yet, unknown or missing keys, and messages in English."""
from __future__ import annotations

import re

from tests.annual.helpers import DATA, run
from tests.conftest import OFFICE_CODE, SiteFolder


def _check(site: SiteFolder, *extra: str) -> list[str]:
    return run("check", "--site", str(site.root), *extra).output.splitlines()


def _replace(site: SiteFolder, rel: str, old: str, new: str) -> int:
    path = site.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_data_without_a_page_is_a_warning_naming_the_command(site: SiteFolder) -> None:
    assert run("report", "annual", "--site", str(site.root), "--org", "xzf", "--year", "2025", "--init").exit_code == 0
    lines = [line for line in _check(site) if "W-ANNUAL-NO-PAGE" in line]
    assert lines == [f"{DATA}:6: 警告 W-ANNUAL-NO-PAGE [report]: xzf 2025 年度报告数据尚无报告页面；"
                     "请运行 govsite report annual --org xzf --year 2025 生成"]


def test_report_must_be_an_annual_report_item_of_the_organization(report_site: SiteFolder) -> None:
    line = _replace(report_site, DATA, "report: ", f'report: "{OFFICE_CODE}/2025-00001"  # ')
    errors = [e for e in _check(report_site) if "E-ANNUAL-REPORT" in e]
    assert len(errors) == 1 and errors[0].startswith(f"{DATA}:{line}: 错误 E-ANNUAL-REPORT [report]")
    assert "该信息的发布机构为 xzfb，应为 xzf" in errors[0]


def test_org_inside_the_file_must_match_its_folder(report_site: SiteFolder) -> None:
    line = _replace(report_site, DATA, "org: xzf", "org: xzfb")
    errors = [e for e in _check(report_site) if "E-ANNUAL-PATH" in e]
    assert len(errors) == 1 and errors[0].startswith(f"{DATA}:{line}: 错误 E-ANNUAL-PATH [org]")
    assert "content/annual/<机构id>/<四位年份>.yaml" in errors[0]


def test_a_file_named_otherwise_is_refused(report_site: SiteFolder) -> None:
    report_site.write("content/annual/xzf/2025-draft.yaml", "org: xzf\n")
    assert any(e.startswith("content/annual/xzf/2025-draft.yaml: 错误 E-ANNUAL-PATH") for e in _check(report_site))


def test_unknown_and_missing_keys_are_named_with_their_line(report_site: SiteFolder) -> None:
    line = _replace(report_site, DATA, "    上年结转:", "    上年结余:")
    out = _check(report_site)
    unknown = [e for e in out if "E-UNKNOWN-FIELD" in e]
    missing = [e for e in out if "E-MISSING" in e]
    assert unknown and unknown[0].startswith(f"{DATA}:{line}: 错误 E-UNKNOWN-FIELD [table3.rows.上年结余]")
    assert "本年新收、上年结转、办理结果、结转下年度" in unknown[0]
    # a missing row is reported on the line of its parent (rows:, two lines up)
    assert missing == [f"{DATA}:{line - 2}: 错误 E-MISSING [table3.rows.上年结转]: 缺少必填字段 table3.rows.上年结转"]


def test_messages_in_english(report_site: SiteFolder) -> None:
    path = report_site.root / DATA
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(行政复议: \{结果维持: )1", r"\g<1>4", text), encoding="utf-8")
    errors = [e for e in _check(report_site, "--lang", "en") if "E-ANNUAL-T4-SUM" in e]
    assert len(errors) == 1 and "error E-ANNUAL-T4-SUM [table4.行政复议.总计]" in errors[0]
    assert "table 4 table4.行政复议.总计 is 2 but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 5" in errors[0]


def test_report_command_help() -> None:
    result = run("report", "annual", "--help")
    assert result.exit_code == 0 and "--init" in result.output and "--site" in result.output
