"""W-ANNUAL-MISSING: last year's report overdue after 31 January (departments) or
31 March (governments), reported by govsite check on the organization's entry."""
from __future__ import annotations

import pytest
import yaml

from tests.annual.helpers import consistent, run
from tests.conftest import ORGS, SiteFolder, item_text, uscc

DEPT_CODE = uscc("11999900MB000003" + "0")


@pytest.fixture
def dept_site(site: SiteFolder) -> SiteFolder:
    orgs = ORGS + [{"id": "jyj", "name": "测试县教育局", "code": DEPT_CODE, "kind": "department", "parent": "xzf"}]
    site.write("content/orgs.yaml", yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False))
    return site


def _missing(site: SiteFolder, today: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> list[str]:
    monkeypatch.setenv("GOVSITE_TODAY", today)
    result = run("check", "--site", str(site.root), *args)
    return [line for line in result.output.splitlines() if "W-ANNUAL-MISSING" in line]


def test_department_is_warned_from_1_february(dept_site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _missing(dept_site, "2026-01-31", monkeypatch) == []
    warned = _missing(dept_site, "2026-02-01", monkeypatch)
    lines = (dept_site.root / "content/orgs.yaml").read_text(encoding="utf-8").split("\n")
    line = lines.index("- id: jyj") + 1
    assert warned == [f"content/orgs.yaml:{line}: 警告 W-ANNUAL-MISSING [2.id]: 测试县教育局 的 2025 年政府信息公开工作年度报告尚未发布；"
                      "政府部门应于 2026-01-31 前公布上一年度报告（《条例》第四十九条）。网站发布后，检查会发现本站缺少该报告："
                      "发布前请用 govsite report annual --org jyj --year 2025 --init 编制，或导入原网站已发布的报告"]
    # Issue 17 §4: English throughout with --lang en (the organisation's own name stays as published).
    [english] = _missing(dept_site, "2026-02-01", monkeypatch, "--lang", "en")
    assert english.endswith("测试县教育局 has not published its 2025 annual report; a government department must "
                            "publish last year's report by 2026-01-31 (Regulations Art. 49). Once the site is published, "
                            "an inspection finds it missing here: before publishing, prepare it with govsite report "
                            "annual --org jyj --year 2025 --init, or import the report published on the old site")


def test_government_is_warned_from_1_april_and_office_never(dept_site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    dept_site.write("content/items/jyj/2026/00001.md", item_text(
        index_no=f"{DEPT_CODE}/2026-00001", title="测试县教育局2025年政府信息公开工作年度报告", issuer="jyj",
        publish_date="2026-01-20 09:00", genre="年报", columns=["xxgknb"]))
    assert _missing(dept_site, "2026-03-31", monkeypatch) == []
    warned = _missing(dept_site, "2026-04-01", monkeypatch)
    assert len(warned) == 1 and "测试县人民政府 的 2025 年" in warned[0] and "人民政府应于 2026-03-31 前" in warned[0]
    assert not any("测试县人民政府办公室" in w for w in warned)


def test_a_report_from_a_data_file_counts(dept_site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVSITE_TODAY", "2026-03-20")
    root = str(dept_site.root)
    assert run("report", "annual", "--site", root, "--org", "xzf", "--year", "2025", "--init").exit_code == 0
    consistent(dept_site.root / "content/annual/xzf/2025.yaml")
    assert run("report", "annual", "--site", root, "--org", "xzf", "--year", "2025").exit_code == 0
    warned = _missing(dept_site, "2026-04-02", monkeypatch)
    assert not any("测试县人民政府 的" in w for w in warned), warned
    assert any("测试县教育局 的 2025 年" in w for w in warned)
