"""govsite report annual: --init, page creation, rendering of a consistent report, and
each kind of inconsistency as an error naming the cell (file, line, field path)."""
from __future__ import annotations

import yaml
from bs4 import BeautifulSoup

from tests.annual.helpers import DATA, run, set_row, set_scalar
from tests.conftest import GOV_CODE, SiteFolder



def test_init_writes_every_cell_zero_with_chinese_labels(site: SiteFolder) -> None:
    result = run("report", "annual", "--site", str(site.root), "--org", "xzf", "--year", "2025", "--init")
    assert result.exit_code == 0, result.output
    text = (site.root / DATA).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    rows = data["table3"]["rows"]
    assert rows["办理结果"]["不予公开"]["属于国家秘密"] == {c: 0 for c in
                                                      ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]}
    assert data["table2"] == {"行政许可": 0, "行政处罚": 0, "行政强制": 0, "行政事业性收费": 0.0}
    assert data["table4"]["行政诉讼"]["复议后起诉"] == {"结果维持": 0, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 0}
    assert "# 3.危及“三安全一稳定”" in text and "本年收费金额（单位：万元）" in text
    again = run("report", "annual", "--site", str(site.root), "--org", "xzf", "--year", "2025", "--init")
    assert again.exit_code != 0 and "已存在" in again.output


def test_init_carries_last_years_pending_applications(site: SiteFolder) -> None:
    """Issue 17 §5: --init writes last year's 结转下年度 as this year's 上年结转 (and, until the
    editor enters this year's results, as its 结转下年度), so the next run passes E-ANNUAL-CARRY
    and E-ANNUAL-BALANCE instead of failing on a file of zeros."""
    assert run("report", "annual", "--site", str(site.root), "--org", "xzf", "--year", "2024", "--init").exit_code == 0
    last = site.root / "content/annual/xzf/2024.yaml"
    pending = {"自然人": 2, "商业企业": 1, "科研机构": 0, "社会公益组织": 0, "法律服务机构": 0, "其他": 0, "总计": 3}
    set_row(last, "结转下年度", list(pending.values()))
    set_row(last, "上年结转", list(pending.values()))  # last year balanced too: 0 new + 3 carried = 0 done + 3 pending
    result = run("report", "annual", "--site", str(site.root), "--org", "xzf", "--year", "2025", "--init")
    assert result.exit_code == 0, result.output
    assert "上年结转”取自 2024 年报告" in result.output
    rows = yaml.safe_load((site.root / DATA).read_text(encoding="utf-8"))["table3"]["rows"]
    assert rows["上年结转"] == pending and rows["结转下年度"] == pending and rows["本年新收"]["总计"] == 0
    check = run("check", "--site", str(site.root), "--no-inspect")
    assert "E-ANNUAL" not in check.output, check.output


def test_report_page_renders_the_tables(report_site: SiteFolder) -> None:
    data = yaml.safe_load((report_site.root / DATA).read_text(encoding="utf-8"))
    index_no = data["report"]
    assert index_no == f"{GOV_CODE}/2026-00001"  # a new 索引号 of the organization
    check = run("check", "--site", str(report_site.root))
    assert check.exit_code == 0, check.output
    build = run("build", "--site", str(report_site.root), "--quiet", "--no-search")
    assert build.exit_code == 0, build.output
    seq = index_no.rsplit("-", 1)[1]
    html = report_site.read_out(f"xxgk/xzf/2026/{seq}.html")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text() == "测试县人民政府2025年政府信息公开工作年度报告"
    assert [h.get_text() for h in soup.select(".annual-section > h2")] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    t3 = soup.find("table", id="t3")
    assert t3.caption.get_text() == "三、收到和处理政府信息公开申请情况"
    assert len(t3.tbody.find_all("tr")) == 25
    first = t3.tbody.find_all("tr")[0]
    assert first.th.get_text() == "一、本年新收政府信息公开申请数量"
    assert [td.get_text() for td in first.find_all("td")] == ["5", "2", "0", "1", "0", "0", "8"]
    cell = t3.find("th", string="4.保护第三方合法权益").find_next_sibling("td")
    assert cell.get_text() == "1"
    # The two-level header: a data cell names its row groups and both column levels.
    assert list(cell["headers"]) == ["t3-res", "t3-g0", cell.find_parent("tr").find("th", scope="row")["id"], "t3-app", "t3-c0"]
    legal = t3.find("th", id="t3-legal")
    assert legal.get_text() == "法人或其他组织" and legal["colspan"] == "5" and legal["scope"] == "colgroup"
    assert t3.find("th", id="t3-res")["rowspan"] == "22"
    t4 = soup.find("table", id="t4")
    assert [td.get_text() for td in t4.tbody.find_all("td")] == ["1", "1", "0", "0", "2"] + ["0"] * 5 + ["0", "0", "0", "1", "1"]
    assert t4.find("th", id="t4-b")["colspan"] == "10"
    t2 = soup.find("table", id="t2")
    row = t2.find("th", string="行政许可").find_parent("tr")
    assert row.td.get_text() == "37"
    assert t2.find("th", string="行政事业性收费").find_next_sibling("td").get_text() == "12.50"
    # Listed under the 年报 column and on the organization's page.
    link = f"../xzf/2026/{seq}.html"
    assert link in report_site.read_out("xxgk/xxgknb/index.html")
    assert f"2026/{seq}.html" in report_site.read_out("xxgk/xzf/index.html")


def _errors(site: SiteFolder, code: str) -> list[str]:
    result = run("check", "--site", str(site.root))
    assert result.exit_code == 1, result.output
    return [line for line in result.output.splitlines() if code in line]


def test_row_total_must_equal_the_applicant_columns(report_site: SiteFolder) -> None:
    line = set_row(report_site.root / DATA, "予以公开", [3, 1, 0, 1, 0, 0, 6])
    errors = _errors(report_site, "E-ANNUAL-ROW-SUM")
    assert errors == [f"{DATA}:{line}: 错误 E-ANNUAL-ROW-SUM [table3.rows.办理结果.予以公开.总计]: 表三 "
                      f"table3.rows.办理结果.予以公开.总计 为 6，但本行各申请人之和（自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他）为 5；总计应等于各申请人之和"]


def test_total_must_equal_the_sum_of_outcome_rows(report_site: SiteFolder) -> None:
    set_row(report_site.root / DATA, "重复申请", [1, 0, 0, 0, 0, 0, 1])
    line = next(i for i, l in enumerate((report_site.root / DATA).read_text(encoding="utf-8").split("\n"), 1)
                if l.startswith("      总计:"))
    errors = _errors(report_site, "E-ANNUAL-SUM")
    assert any(e.startswith(f"{DATA}:{line}: 错误 E-ANNUAL-SUM [table3.rows.办理结果.总计.自然人]") and "为 5，但（一）至（六）各项办理结果之和为 6" in e
               for e in errors), errors
    assert any("[table3.rows.办理结果.总计.总计]" in e for e in errors)


def test_new_plus_carried_must_equal_done_plus_carried_forward(report_site: SiteFolder) -> None:
    line = set_row(report_site.root / DATA, "结转下年度", [2, 0, 0, 0, 0, 0, 2])
    errors = _errors(report_site, "E-ANNUAL-BALANCE")
    natural = [e for e in errors if e.startswith(f"{DATA}:{line}: 错误 E-ANNUAL-BALANCE [table3.rows.结转下年度.自然人]")]
    assert len(natural) == 1 and "本年新收 5 + 上年结转 1 = 6，而办理结果总计 5 + 结转下年度 2 = 7" in natural[0]
    assert len(errors) == 2  # 自然人 and 总计; the other columns still balance


def test_carried_over_must_equal_last_years_carried_forward(report_site: SiteFolder) -> None:
    root = str(report_site.root)
    assert run("report", "annual", "--site", root, "--org", "xzf", "--year", "2024", "--init").exit_code == 0
    last = report_site.root / "content/annual/xzf/2024.yaml"
    set_row(last, "本年新收", [3, 0, 0, 0, 0, 0, 3])
    set_row(last, "予以公开", [1, 0, 0, 0, 0, 0, 1])
    set_row(last, "总计", [1, 0, 0, 0, 0, 0, 1])
    out_line = set_row(last, "结转下年度", [2, 0, 0, 0, 0, 0, 2])
    this_line = next(i for i, l in enumerate((report_site.root / DATA).read_text(encoding="utf-8").split("\n"), 1)
                     if l.strip().startswith("上年结转:"))
    errors = _errors(report_site, "E-ANNUAL-CARRY")
    assert any(e.startswith(f"{DATA}:{this_line}: 错误 E-ANNUAL-CARRY [table3.rows.上年结转.自然人]") and
               f"为 1，但上一年度报告（content/annual/xzf/2024.yaml:{out_line}）" in e and "为 2" in e for e in errors), errors


def test_table4_totals_must_equal_their_four_cells(report_site: SiteFolder) -> None:
    line = set_row(report_site.root / DATA, "未经复议直接起诉", [1, 0, 0, 0, 0])
    errors = _errors(report_site, "E-ANNUAL-T4-SUM")
    assert errors == [f"{DATA}:{line}: 错误 E-ANNUAL-T4-SUM [table4.行政诉讼.未经复议直接起诉.总计]: 表四 "
                      f"table4.行政诉讼.未经复议直接起诉.总计 为 0，但结果维持、结果纠正、其他结果、尚未审结四项之和为 1；总计应等于四项之和"]


def test_a_bad_cell_is_named_with_what_is_allowed(report_site: SiteFolder) -> None:
    line = set_scalar(report_site.root / DATA, "行政处罚", "-3")
    errors = _errors(report_site, "E-ANNUAL-CELL")
    assert errors == [f"{DATA}:{line}: 错误 E-ANNUAL-CELL [table2.行政处罚]: 年报数据单元格 table2.行政处罚 的值 -3 无效；应为不小于 0 的整数"]


def test_build_refuses_an_inconsistent_report(report_site: SiteFolder) -> None:
    set_row(report_site.root / DATA, "予以公开", [3, 1, 0, 1, 0, 0, 6])
    result = run("build", "--site", str(report_site.root), "--quiet", "--no-search")
    assert result.exit_code == 1 and "E-ANNUAL-ROW-SUM" in result.output


def test_missing_narrative_section_is_an_error_and_refresh_restores_it(report_site: SiteFolder) -> None:
    index_no = yaml.safe_load((report_site.root / DATA).read_text(encoding="utf-8"))["report"]
    page = report_site.root / f"content/items/xzf/2026/{index_no.rsplit('-', 1)[1]}.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## 五、存在的主要问题及改进情况", "## 存在的问题"), encoding="utf-8")
    errors = _errors(report_site, "E-ANNUAL-SECTION")
    assert len(errors) == 1 and "“## 五、存在的主要问题及改进情况”" in errors[0]
    refresh = run("report", "annual", "--site", str(report_site.root), "--org", "xzf", "--year", "2025")
    assert refresh.exit_code == 0, refresh.output
    assert "已更新" in refresh.output and page.read_text(encoding="utf-8").rstrip().endswith("## 五、存在的主要问题及改进情况")
    assert "检查通过：报告数据符合勾稽关系，报告页面完整。" in refresh.output
