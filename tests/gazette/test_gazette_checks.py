"""govsite check on the gazette: coverage gaps, overdue issues, 应登尽登, numbering, dates, files."""
from __future__ import annotations

import re

from govsite.pipeline.build import build
from govsite.pipeline.pages import check_site
from govsite.problems import ProblemLog
from tests.conftest import OFFICE_CODE, SiteFolder
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue


def codes(log: ProblemLog) -> list[str]:
    return [p.code for p in log.items]


def only(log: ProblemLog, code: str):
    found = [p for p in log.items if p.code == code]
    assert len(found) == 1, [p.format() for p in log.items]
    return found[0]


def test_gap_in_irregular_numbering_is_reported_and_shown(site: SiteFolder) -> None:
    write_gazette(site, frequency="irregular", first_year=2026)
    for n in [*range(1, 7), *range(9, 15)]:
        write_issue(site, 2026, n, f"2026-{(n + 1) // 2:02d}-{5 if n % 2 else 20:02d}")
    log = check_site(site.root)
    gap = only(log, "W-GAZETTE-GAP")
    assert gap.message() == "2026年缺少 第7期、第8期，未在网上公开（公报数据库应覆盖创刊以来全部期次）"
    # Issue 17 §4: English throughout with --lang en.
    assert gap.message("en") == ("2026: issue(s) no. 7, no. 8 missing online "
                                 "(the archive must cover every issue since the first)")
    assert "W-GAZETTE-OVERDUE" not in codes(log), "irregular gazettes are never overdue"
    assert build(site.root).ok
    html = site.read_out("zfgb/coverage.html")
    assert "<strong>第7期、第8期</strong>" in html
    assert "缺少 2 期" in html
    assert "缺少 第7期、第8期" in site.read_out("zfgb/2026/index.html")


def test_monthly_past_year_must_be_complete_and_missing_years_are_listed(site: SiteFolder) -> None:
    write_gazette(site, first_year=2024, first_number=10)
    write_issue(site, 2024, 10, "2024-10-15")
    write_issue(site, 2024, 12, "2024-12-15")
    for n in range(1, 12):
        write_issue(site, 2026, n, f"2026-{n:02d}-15")
    log = check_site(site.root)
    gaps = sorted(p.message() for p in log.items if p.code == "W-GAZETTE-GAP")
    assert gaps == ["2024年缺少 第11期，未在网上公开（公报数据库应覆盖创刊以来全部期次）",
                    "2025年缺少 第1期、第2期、第3期、第4期、第5期、第6期、第7期、第8期、第9期、第10期、第11期、第12期，未在网上公开（公报数据库应覆盖创刊以来全部期次）"]
    assert build(site.root).ok
    html = site.read_out("zfgb/coverage.html")
    row = re.search(r"<th scope=\"row\">2025年</th>(.*?)</tr>", html, re.S).group(1)
    assert "<td>0</td>" in row and "<td>12</td>" in row


def test_overdue_next_issue(site: SiteFolder) -> None:
    write_gazette(site, first_year=2026)
    for n in range(1, 10):
        write_issue(site, 2026, n, f"2026-{n:02d}-15")
    log = check_site(site.root)  # today is pinned to 2026-11-20; 第9期 was 2026-09-15
    overdue = only(log, "W-GAZETTE-OVERDUE")
    assert overdue.message() == "下一期公报应不晚于 2026-10-16 出版，今天（2026-11-20）仍未上线；最近一期出版于 2026-09-15"
    assert build(site.root).ok
    assert "<strong>下一期已逾期：</strong>" in site.read_out("zfgb/coverage.html")


def test_unregistered_normative_document_is_a_warning_naming_the_item(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025, registration_days=30)
    write_issue(site, 2025, 1, "2025-01-10")
    site.write_item(5, genre="规范性文件", publish_date="2025-06-01 09:00", written_date="2025-05-20")
    log = check_site(site.root)
    p = only(log, "W-GAZETTE-UNREGISTERED")
    assert p.file == "content/items/xzfb/2025/00005.md"
    assert p.message() == (f"应登尽登：规章/规范性文件《测试县人民政府办公室关于第5项工作的通知》（索引号 {OFFICE_CODE}/2025-00005）"
                           "发布已超过 30 天，仍未刊登在任何一期政府公报中")


def test_registration_late_and_in_time(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025, registration_days=30)
    site.write_item(5, genre="规章", publish_date="2025-01-05 09:00", written_date="2025-01-01")
    site.write_item(6, genre="规范性文件", publish_date="2025-01-05 09:00", written_date="2025-01-01")
    early = write_issue(site, 2025, 1, "2025-01-04")
    write_article(site, early, 1, "x")
    in_time = write_issue(site, 2025, 2, "2025-01-20")
    write_article(site, in_time, 1, item=f"{OFFICE_CODE}/2025-00005")
    late = write_issue(site, 2025, 3, "2025-03-20")
    write_article(site, late, 1, item=f"{OFFICE_CODE}/2025-00006")
    log = check_site(site.root)
    p = only(log, "W-GAZETTE-LATE")
    assert p.value == f"{OFFICE_CODE}/2025-00006" and "2025年第3期" in p.message()
    assert "W-GAZETTE-UNREGISTERED" not in codes(log)


def test_documents_of_other_orgs_and_before_the_first_issue_are_exempt(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025, covers_orgs=["xzf"])
    write_issue(site, 2025, 1, "2025-01-10")
    site.write_item(5, genre="规范性文件", publish_date="2025-06-01 09:00")  # xzfb is not covered
    site.write_item(7, genre="规范性文件", issuer="xzf", publish_date="2025-01-02 09:00", written_date="2025-01-01")
    assert "W-GAZETTE-UNREGISTERED" not in codes(check_site(site.root))


def test_colliding_numbers_disordered_dates_and_missing_pdf(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025)
    write_issue(site, 2025, 1, "2025-01-15")
    write_issue(site, 2025, 2, "2025-01-10", pdf="gazette/2025/02/none.pdf")
    site.write("content/gazette/2025/03/issue.yaml", "year: 2025\nnumber: 2\ndate: 2025-03-15\n")
    log = check_site(site.root)
    order = only(log, "E-GAZETTE-ORDER")
    assert order.file == "content/gazette/2025/02/issue.yaml" and order.line == 3
    assert order.message() == "出版日期 2025-01-10 早于前一期 2025年第1期（2025-01-15）；各期出版日期应按期号先后排列"
    missing = only(log, "E-ATTACHMENT-MISSING")
    assert (missing.file, missing.field, missing.value) == ("content/gazette/2025/02/issue.yaml", "pdf", "gazette/2025/02/none.pdf")
    folder = only(log, "E-GAZETTE-FOLDER")
    assert folder.file == "content/gazette/2025/03/issue.yaml"
    assert "content/gazette/2025/02/issue.yaml" in folder.message()
    assert not build(site.root).ok


def test_article_with_item_and_its_own_text_is_two_copies(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025)
    folder = write_issue(site, 2025, 1, "2025-03-15")
    write_article(site, folder, 1, "又一份正文。\n", item=f"{OFFICE_CODE}/2025-00001")
    p = only(check_site(site.root), "E-GAZETTE-TWO-COPIES")
    assert p.line == 4 and "content/items/xzfb/2025/00001.md" in p.message()


def test_article_problems_unknown_section_item_org_and_orphans(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025)
    folder = write_issue(site, 2025, 1, "2025-03-15")
    write_article(site, folder, 1, "x", section="不存在的栏目")
    write_article(site, folder, 2, "", item="nope/2025-00001")
    write_article(site, folder, 3, "x", issuer="nobody")
    site.write("content/gazette/2025/misc.md", "---\ntitle: t\nsection: 县政府文件\n---\nx\n")
    log = check_site(site.root)
    assert only(log, "E-ENUM").message().startswith("值 不存在的栏目 不在允许范围内；允许的值：县政府令、县政府文件")
    assert only(log, "E-REF-ITEM").value == "nope/2025-00001"
    assert only(log, "E-REF-ORG").value == "nobody"
    assert only(log, "E-GAZETTE-ORPHAN").file == "content/gazette/2025/misc.md"


def test_gazette_files_without_gazette_yaml(site: SiteFolder) -> None:
    write_issue(site, 2025, 1, "2025-03-15")
    p = only(check_site(site.root), "E-MISSING")
    assert p.file == "content/gazette/gazette.yaml"
