"""Identifier rules against real examples (DOMAIN §2.3 组织机构代码/统一社会信用代码 and 索引号, §8.1 文号)."""
from __future__ import annotations

import re

import pytest

from govsite.identifiers import (
    SITE_ID_CODE,
    USCC_CHARS,
    check_doc_no,
    check_org_code,
    format_index_no,
    index_no_regex,
    index_template_regex,
    normalize_doc_no,
    org_code_check_char,
    uscc_check_char,
)

# --- organization codes ---------------------------------------------------------------------

REAL_ORG_CODES = ["000014349", "014416330", "01527918X", "011336909"]
"""组织机构代码 seen in real 索引号: 国务院办公厅, Taizhou (JS), Yunnan, Xianning (HB)."""

REAL_USCC = ["11441700007280420Y", "113708280043326001", "11341702486344515H", "113417030032499282"]
"""统一社会信用代码 seen in real 索引号: Guangdong, Shandong, Anhui ×2."""


@pytest.mark.parametrize("code", REAL_ORG_CODES)
def test_real_org_codes_are_valid(code: str) -> None:
    assert org_code_check_char(code[:8]) == code[8]
    assert check_org_code(code).kind == "org"
    assert check_org_code(code).ok
    assert check_org_code(code).expected is None


@pytest.mark.parametrize("code", REAL_USCC)
def test_real_uscc_are_valid(code: str) -> None:
    assert uscc_check_char(code[:17]) == code[17]
    result = check_org_code(code)
    assert (result.kind, result.ok, result.expected) == ("uscc", True, None)


@pytest.mark.parametrize("code", REAL_USCC)
def test_uscc_embeds_a_valid_org_code(code: str) -> None:
    """Characters 9–17 of a USCC are the organization's 组织机构代码 (GB 32100 structure)."""
    assert check_org_code(code[8:17]).ok


def test_party_and_government_codes_start_with_11() -> None:
    assert all(c.startswith("11") for c in REAL_USCC)


@pytest.mark.parametrize("placeholder, expected", [("000000001", "000000000"), ("035210000", "035210008")])
def test_placeholder_org_codes_fail_their_check_digit(placeholder: str, expected: str) -> None:
    result = check_org_code(placeholder)
    assert (result.kind, result.ok, result.expected) == ("org", False, expected)


def test_wrong_uscc_check_char_gives_the_expected_code() -> None:
    result = check_org_code("11441700007280420X")
    assert (result.kind, result.ok, result.expected) == ("uscc", False, "11441700007280420Y")


def test_org_code_check_char_ten_and_eleven() -> None:
    assert org_code_check_char("01527918") == "X"            # c = 10 → X
    assert org_code_check_char("00000000") == "0"            # c = 11 → 0


def test_org_code_letters_count_from_ten() -> None:
    # A=10 … : the check char of a body with letters must still be a digit or X.
    for body in ("MA000001", "ABCDEFGH", "12345ZZZ"):
        assert re.fullmatch(r"[0-9X]", org_code_check_char(body))


def test_uscc_check_char_is_from_the_alphabet() -> None:
    for body in ("91110000MA00000000"[:17], "11999900MB0000010", "00000000000000000"):
        assert uscc_check_char(body) in USCC_CHARS
    assert uscc_check_char("00000000000000000") == "0"
    assert not set("IOSVZ") & set(USCC_CHARS)


def test_codes_are_checked_case_and_space_insensitively() -> None:
    assert check_org_code(" 11441700007280420y ").ok
    assert check_org_code("01527918x").ok


@pytest.mark.parametrize("code", ["", "12345", "0000143490", "I1441700007280420Y", "11441700007280420", "6107280000",
                                  "0001434-9", "11441700007280420YY"])
def test_malformed_codes(code: str) -> None:
    assert check_org_code(code).kind == "invalid"
    assert not check_org_code(code).ok


def test_site_id_code_pattern() -> None:
    assert SITE_ID_CODE.match("4400000001")
    assert SITE_ID_CODE.match("bm01000001")
    assert not SITE_ID_CODE.match("12345")
    assert not SITE_ID_CODE.match("bm0100000")


# --- 索引号 templates ------------------------------------------------------------------------

DEFAULT = "{org.code}/{year}-{seq:05d}"


@pytest.mark.parametrize("template, code, year, month, seq, expected", [
    (DEFAULT, "000014349", 2018, 12, 222, "000014349/2018-00222"),
    (DEFAULT, "014416330", 2018, 1, 4736, "014416330/2018-04736"),
    (DEFAULT, "11441700007280420Y", 2021, 6, 50, "11441700007280420Y/2021-00050"),
    ("{org.code}/{year}{month:02d}-{seq:05d}", "11341702486344515H", 2021, 10, 13, "11341702486344515H/202110-00013"),
    ("{org.code}-{year}-{seq}", "01527918X", 2020, 3, 153077, "01527918X-2020-153077"),
    ("{org.id}/{year}-{seq:04d}", "000014349", 2017, 5, 168, "xzfb/2017-0168"),
    (DEFAULT, "000014349", 2018, 12, 123456, "000014349/2018-123456"),
])
def test_format_index_no(template: str, code: str, year: int, month: int, seq: int, expected: str) -> None:
    assert format_index_no(template, code, "xzfb", year, month, seq) == expected


def test_index_no_regex_matches_one_org_and_period() -> None:
    rx = index_no_regex(DEFAULT, "000014349", "gwyb", 2018, 12)
    assert rx.match("000014349/2018-00222")["seq"] == "00222"
    assert rx.match("000014349/2018-1")["seq"] == "1"
    assert rx.match("000014349/2019-00222") is None
    assert rx.match("014416330/2018-00222") is None
    assert rx.match("000014349/2018-00222x") is None
    assert rx.match("x000014349/2018-00222") is None


def test_index_no_regex_round_trips_format_index_no() -> None:
    templates = [DEFAULT, "{org.code}/{year}{month:02d}-{seq:05d}", "{org.id}-{year}-{seq}", "{year}{month:02d}-{seq:06d}"]
    for template in templates:
        made = format_index_no(template, "11341702486344515H", "xzfb", 2021, 10, 13)
        m = index_no_regex(template, "11341702486344515H", "xzfb", 2021, 10).match(made)
        assert m and int(m["seq"]) == 13, template


def test_index_no_regex_month_matters_only_when_in_the_template() -> None:
    monthly = index_no_regex("{org.code}/{year}{month:02d}-{seq:05d}", "X1", "x", 2021, 10)
    assert monthly.match("X1/202110-00001")
    assert not monthly.match("X1/202111-00001")
    yearly = index_no_regex(DEFAULT, "X1", "x", 2021, 10)
    assert yearly.match("X1/2021-00001")


def test_index_no_regex_escapes_literals() -> None:
    rx = index_no_regex("{org.code}.{year}+{seq}", "A1", "x", 2024, 1)
    assert rx.match("A1.2024+7")
    assert not rx.match("A1x2024+7")


def test_index_template_regex_is_loose_over_orgs_and_years() -> None:
    rx = index_template_regex(DEFAULT)
    for value in ("000014349/2018-00222", "11441700007280420Y/2021-00050", "xzfgzbmzfb/2017-0168"):
        assert rx.match(value), value
    for value in ("20191202-189769", "000014349-2018-00222", "000014349/18-00222", "000014349/2018-"):
        assert not rx.match(value), value


def test_index_template_regex_with_padded_month() -> None:
    rx = index_template_regex("{org.code}/{year}{month:02d}-{seq:05d}")
    assert rx.match("11341702486344515H/202110-00013")
    assert not rx.match("11341702486344515H/20211-00013")


def test_index_template_regex_with_unpadded_month_spec() -> None:
    template = "{org.code}/{year}{month:d}-{seq}"
    made = format_index_no(template, "000014349", "x", 2024, 3, 7)
    assert index_template_regex(template).match(made)


# --- 文号 (GB/T 9704-2012 §7.2.5) -------------------------------------------------------------

@pytest.mark.parametrize("doc_no", [
    "国办发〔2017〕47号", "阳府办函〔2021〕9号", "汉政办通字〔2017〕168号", "国发〔2018〕43号", "示政办发〔2024〕12号",
    "  国发〔2018〕43号  ",
])
def test_canonical_doc_no(doc_no: str) -> None:
    assert check_doc_no(doc_no) is None
    assert normalize_doc_no(doc_no) == doc_no.strip()


@pytest.mark.parametrize("doc_no", ["国务院令第711号", "国家金融监督管理总局令2023年第2号", "国家安全生产监督管理总局令（第88号）",
                                    "示例县人民政府令第3号"])
def test_order_forms_are_accepted(doc_no: str) -> None:
    assert check_doc_no(doc_no) is None


@pytest.mark.parametrize("doc_no", [
    "国发[2018]43号", "国发［2018］43号", "国发【2018】43号", "国发（2018）43号", "国发(2018)43号", "国发〈2018〉43号",
    "国发{2018}43号", "国发[2018]第43号", "国发 [ 2018 ] 43 号", "国发[2018]043号",
])
def test_wrong_brackets_have_a_certain_fix(doc_no: str) -> None:
    finding = check_doc_no(doc_no)
    assert finding is not None
    assert (finding.kind, finding.fix) == ("bracket", "国发〔2018〕43号")
    assert normalize_doc_no(doc_no) == "国发〔2018〕43号"


@pytest.mark.parametrize("doc_no", ["国发〔2018〕043号", "国发〔2018〕第43号", "国发〔2018〕第043号", "国发〔2018〕 43 号"])
def test_padded_or_numbered_serial_is_a_number_finding_with_a_fix(doc_no: str) -> None:
    finding = check_doc_no(doc_no)
    assert finding is not None
    assert (finding.kind, finding.fix) == ("number", "国发〔2018〕43号")


@pytest.mark.parametrize("doc_no", ["无", "关于印发实施方案的通知", "国发〔18〕43号", "国发〔2018〕0号", "国发2018年43号", "〔2018〕43号"])
def test_other_forms_are_form_findings_without_a_fix(doc_no: str) -> None:
    finding = check_doc_no(doc_no)
    assert finding is not None
    assert (finding.kind, finding.fix) == ("form", None)
    assert normalize_doc_no(doc_no) == doc_no


def test_every_fix_is_itself_canonical() -> None:
    samples = ["国发[2018]43号", "国发【2018】第043号", "国发〔2018〕第012号", "国发（2018）7号"]
    for doc_no in samples:
        finding = check_doc_no(doc_no)
        assert finding and finding.fix and check_doc_no(finding.fix) is None, doc_no


def test_bracket_fix_with_serial_zero_is_not_offered() -> None:
    finding = check_doc_no("国发[2018]0号")
    assert finding is not None
    assert finding.fix is None or check_doc_no(finding.fix) is None
