"""Personal data in published text: ID numbers, mobiles, bank cards, names next to them.
The full number never appears in any output."""
from __future__ import annotations

import json

from govsite.pipeline.build import build
from govsite.inspect.pii import ID_CHECK, ID_WEIGHTS, find_personal_data, luhn_ok
from tests.conftest import SiteFolder
from tests.inspect.inspect_helpers import found, inspect, run, write_site_yaml


def id_number(first17: str) -> str:
    """A 居民身份证号 with its GB 11643 check character."""
    return first17 + ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS)) % 11]


ID = id_number("11010119900307123")          # → 110101199003071233
CARD = next(c for c in (f"622202123456789{d}" for d in range(10)) if luhn_ok(c))
MOBILE = "13812345678"
ITEM1 = "content/items/xzfb/2025/00001.md"


def _leaky_site(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write_item(1, body=f"第一段。\n\n申请人张三，身份证号{ID}。\n\n联系电话：{MOBILE}\n\n退款账户 {CARD} 。")


def test_id_mobile_and_card_are_errors_with_masked_values(site: SiteFolder) -> None:
    _leaky_site(site)
    log = inspect(site)
    got = [(p.code, p.file, p.line, p.value) for p in log.items if p.code.startswith("E-PII")]
    assert got == [("E-PII-ID", ITEM1, 15, "110101********1233"), ("E-PII-MOBILE", ITEM1, 17, "138****5678"),
                   ("E-PII-BANKCARD", ITEM1, 19, CARD[:4] + "********" + CARD[-4:])]
    assert found(log, "E-PII-ID")[0].message().startswith("正文含疑似居民身份证号 110101********1233（附近有姓名 张*）")


def test_no_output_ever_shows_the_full_numbers(site: SiteFolder) -> None:
    _leaky_site(site)
    text = run(site)
    assert text.exit_code == 1
    data = run(site, "--format", "json")
    english = run(site, "--lang", "en")
    result = build(site.root)
    page = (site.root / "output-report/index.html").read_text(encoding="utf-8")
    assert "110101********1233" in page and "138****5678" in page
    for output in (text.output, data.output, english.output, page):
        for secret in (ID, MOBILE, CARD, "张三"):
            assert secret not in output
    assert result.ok  # the build itself goes on; check (and CI) fails
    assert {p["code"] for p in json.loads(data.output)["problems"]} >= {"E-PII-ID", "E-PII-MOBILE", "E-PII-BANKCARD"}


def test_numbers_that_fail_their_check_are_not_reported() -> None:
    bad_id = ID[:-1] + ("0" if ID[-1] != "0" else "1")
    bad_card = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)
    text = f"身份证 {bad_id}；卡 {bad_card}；座机 0000-1234567；日期 20250305；12位 138123456789；文号 2025-00001"
    assert list(find_personal_data(text, set())) == []


def test_public_numbers_allow_list(site: SiteFolder) -> None:
    write_site_yaml(site, inspection={"public_numbers": ["138-1234-5678"]})
    site.write_item(1, body=f"政务服务热线（手机）：{MOBILE}")
    assert [p for p in inspect(site).items if p.code.startswith("E-PII")] == []


def test_identifier_fields_are_not_personal_data(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write_item(1, index_no=f"{ID}/2025-00001")   # a 索引号 made from a code, not published text
    assert [p for p in inspect(site).items if p.code.startswith("E-PII")] == []
    site.write_item(1, title=f"关于{MOBILE}的通知")
    assert [p.line for p in found(inspect(site), "E-PII-MOBILE")] == [3]
