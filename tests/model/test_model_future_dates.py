"""发布日期 in the future: refused beyond ``options.future_publish_days`` (today pinned to 2026-11-20)."""
from __future__ import annotations

import os

import pytest
import yaml

from govsite.dates import today_beijing
from tests.conftest import SITE_YAML, SiteFolder
from tests.content.problem_helpers import LINE, assert_clean, check, find, item, line_text, only

F4 = item(4)


def _allowance(site: SiteFolder, days: int) -> None:
    config = {**SITE_YAML, "options": {"future_publish_days": days}}
    site.write("site.yaml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))


def test_today_is_pinned_for_tests() -> None:
    assert os.environ["GOVSITE_TODAY"] == "2026-11-20"
    assert today_beijing().isoformat() == "2026-11-20"


def test_tomorrow_is_refused_by_default(site: SiteFolder) -> None:
    site.write_item(4, publish_date="2026-11-21")
    log = check(site)
    p = only(log, "E-FUTURE-DATE")
    assert (p.file, p.line, p.field, p.value) == (F4, LINE["publish_date"], "publish_date", "2026-11-21 00:00")
    assert line_text(site, p) == "publish_date: '2026-11-21'"
    assert p.message() == "发布日期 2026-11-21 00:00 晚于今天 2026-11-20 超过允许的 0 天；请填写实际发布日期"
    assert p.message("en") == ("publish date 2026-11-21 00:00 is more than 0 days after today (2026-11-20); "
                               "use the actual publish date")
    assert p.severity.value == "error"


@pytest.mark.parametrize("value", ["2026-11-20", "2026-11-20 23:59", "2026-11-19 08:00"])
def test_today_and_the_past_are_fine(site: SiteFolder, value: str) -> None:
    site.write_item(4, publish_date=value)
    assert_clean(check(site))


def test_within_the_allowance_is_fine(site: SiteFolder) -> None:
    _allowance(site, 3)
    site.write_item(4, publish_date="2026-11-23 18:00")
    assert_clean(check(site))


def test_beyond_the_allowance(site: SiteFolder) -> None:
    _allowance(site, 3)
    site.write_item(4, publish_date="2026-11-24 08:00")
    p = only(check(site), "E-FUTURE-DATE")
    assert (p.file, p.line, p.value) == (F4, LINE["publish_date"], "2026-11-24 08:00")
    assert "超过允许的 3 天" in p.message()
    assert "more than 3 days after today (2026-11-20)" in p.message("en")


def test_beijing_time_decides_the_day(site: SiteFolder) -> None:
    """2026-11-20 20:00 UTC is already 2026-11-21 04:00 in Beijing: tomorrow, so refused."""
    site.write_item(4, publish_date="2026-11-20 20:00Z")
    site.write_item(5, publish_date="2026-11-20 15:00+00:00")   # 23:00 in Beijing: today
    log = check(site)
    assert [p.file for p in find(log, "E-FUTURE-DATE")] == [F4]


def test_negative_allowance_is_refused(site: SiteFolder) -> None:
    _allowance(site, -1)
    p = only(check(site), "E-PATTERN")
    assert (p.file, p.field, p.value) == ("site.yaml", "options.future_publish_days", -1)
    assert line_text(site, p).strip() == "future_publish_days: -1"


def test_negative_allowance_message_is_readable(site: SiteFolder) -> None:
    _allowance(site, -1)
    msg = only(check(site), "E-PATTERN").message()
    assert "{" not in msg and "ge" not in msg
