"""文号 and organization-code checks as the editor sees them: warnings with the fix, never blocking."""
from __future__ import annotations

import pytest
import yaml

from govsite.pipeline.build import build
from govsite.identifiers import uscc_check_char
from tests.conftest import ORGS, SiteFolder
from tests.content.problem_helpers import LINE, assert_clean, check, item, line_text, only

F4 = item(4)


# --- 13. 文号 -------------------------------------------------------------------------------

@pytest.mark.parametrize("doc_no", ["测政办发[2024]12号", "测政办发［2024］12号", "测政办发【2024】12号",
                                    "测政办发(2024)12号", "测政办发（2024）12号"])
def test_wrong_year_brackets_warn_with_the_fix(site: SiteFolder, doc_no: str) -> None:
    site.write_item(4, doc_no=doc_no)
    log = check(site)
    p = only(log, "W-DOCNO-BRACKET")
    assert p.severity.value == "warning"
    assert log.errors == []
    assert (p.file, p.line, p.field, p.value) == (F4, LINE["doc_no"], "doc_no", doc_no)
    assert line_text(site, p) == f"doc_no: {doc_no}"
    assert p.message() == f"文号 {doc_no} 的年份括号不规范，应使用六角括号〔〕：测政办发〔2024〕12号"
    assert p.message("en").endswith("use 〔〕: 测政办发〔2024〕12号")
    assert p.format().startswith(f"{F4}:4: 警告 W-DOCNO-BRACKET [doc_no]: ")


@pytest.mark.parametrize("doc_no, fix", [
    ("测政办发〔2024〕第012号", "测政办发〔2024〕12号"),
    ("测政办发〔2024〕012号", "测政办发〔2024〕12号"),
    ("测政办发〔2024〕第12号", "测政办发〔2024〕12号"),
])
def test_other_deviations_warn_with_a_suggestion(site: SiteFolder, doc_no: str, fix: str) -> None:
    site.write_item(4, doc_no=doc_no)
    log = check(site)
    p = only(log, "W-DOCNO-NUMBER")
    assert log.errors == []
    assert (p.line, p.field, p.value) == (LINE["doc_no"], "doc_no", doc_no)
    assert p.message() == f"文号 {doc_no} 的发文顺序号不规范（不加“第”字、不编虚位）；应为 {fix}"


@pytest.mark.parametrize("doc_no", ["关于印发实施方案的通知", "无", "测政办发2024年12号", "测政办发〔24〕12号"])
def test_free_text_doc_no_is_a_warning_never_an_error(site: SiteFolder, doc_no: str) -> None:
    site.write_item(4, doc_no=doc_no)
    log = check(site)
    p = only(log, "W-DOCNO-FORM")
    assert log.errors == []
    assert p.message() == f"文号 {doc_no} 不符合 GB/T 9704 规范形式“机关代字〔年份〕序号号”（如 示政办发〔2024〕12号）"
    assert p.message("en") == (f"document number {doc_no} is not in the GB/T 9704 form 代字〔YYYY〕N号 "
                               "(e.g. 示政办发〔2024〕12号)")
    result = build(site.root)
    assert result.ok                                  # a warning never stops the build


def test_docno_suggestion_in_english(site: SiteFolder) -> None:
    site.write_item(4, doc_no="测政办发〔2024〕第012号")
    msg = only(check(site), "W-DOCNO-NUMBER").message("en")
    assert msg == "document number 测政办发〔2024〕第012号: the serial takes no 第 and no leading zeros; use 测政办发〔2024〕12号"


@pytest.mark.parametrize("doc_no", ["测政办发〔2024〕12号", "测政办函〔2025〕1号", "测试县人民政府令第3号",
                                    "国务院令第711号", "国家金融监督管理总局令2023年第2号",
                                    "国家安全生产监督管理总局令（第88号）"])
def test_canonical_and_order_forms_are_clean(site: SiteFolder, doc_no: str) -> None:
    site.write_item(4, doc_no=doc_no)
    assert_clean(check(site))


def test_no_doc_no_is_fine(site: SiteFolder) -> None:
    site.write_item(4, doc_no=None)
    assert_clean(check(site))


# --- 14. organization codes ---------------------------------------------------------------

def _orgs_with(site: SiteFolder, code: str) -> None:
    orgs = [dict(o) for o in ORGS]
    orgs[1]["code"] = code
    site.write("content/orgs.yaml", yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False))


def test_uscc_check_digit_failure_is_a_warning_with_the_expected_code(site: SiteFolder) -> None:
    good = ORGS[1]["code"]
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    _orgs_with(site, bad)
    log = check(site)
    p = only(log, "W-ORG-CODE-CHECK")
    assert log.errors == []
    assert (p.file, p.line, p.field, p.value) == ("content/orgs.yaml", 9, "1.code", bad)
    assert line_text(site, p) == f"  code: {bad}"
    assert p.message() == f"机构代码 {bad} 校验位不正确（统一社会信用代码）；应为 {good}"
    assert p.message("en") == f"organization code {bad} fails its check digit (统一社会信用代码); expected {good}"


def test_org_code_check_digit_failure(site: SiteFolder) -> None:
    _orgs_with(site, "000014340")                      # real code is 000014349 (国务院办公厅)
    p = only(check(site), "W-ORG-CODE-CHECK")
    assert (p.line, p.value) == (9, "000014340")
    assert p.message() == "机构代码 000014340 校验位不正确（组织机构代码）；应为 000014349"


def test_placeholder_org_code_warns(site: SiteFolder) -> None:
    _orgs_with(site, "000000001")
    p = only(check(site), "W-ORG-CODE-CHECK")
    assert p.params["expected"] == "000000000"


@pytest.mark.parametrize("code", ["12345", "11999900MB0000020", "1199990OMB0000020J", "ABC-123", "6107280000"])
def test_malformed_org_code_is_an_error(site: SiteFolder, code: str) -> None:
    _orgs_with(site, code)
    log = check(site)
    p = only(log, "E-ORG-CODE-FORM")
    assert p.severity.value == "error"
    assert (p.file, p.line, p.field, p.value) == ("content/orgs.yaml", 9, "1.code", code)
    assert p.message() == f"机构代码 {code} 既不是18位统一社会信用代码，也不是9位组织机构代码"
    assert not build(site.root).ok


def test_valid_codes_are_clean(site: SiteFolder) -> None:
    body = "11441700007280420"
    assert uscc_check_char(body) == "Y"
    _orgs_with(site, body + "Y")
    # The items' 索引号 keep the old prefix: that is allowed (索引号 are stored, never recomputed).
    assert_clean(check(site))
    _orgs_with(site, "01527918X")
    assert_clean(check(site))
