"""Stale and empty columns, the home page, and the single-veto thresholds (DOMAIN §5.2)."""
from __future__ import annotations

from tests.conftest import SiteFolder
from tests.inspect.inspect_helpers import COLUMNS, found, inspect, run, write_site_yaml

# Today is 2026-11-20 (tests/conftest.py).


def _fresh_site(site: SiteFolder) -> None:
    """Every should-update column has a recent item."""
    write_site_yaml(site)
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00")
    site.write_item(2, columns=["gfxwj"], publish_date="2026-06-01 09:00")
    site.write_item(3, columns=["rsxx"], publish_date="2025-12-01 09:00")
    site.write_item(4, columns=["zcjd"], publish_date="2026-10-01 09:00")


def test_fresh_columns_give_no_column_findings(site: SiteFolder) -> None:
    _fresh_site(site)
    log = inspect(site)
    assert [p for p in log.items if p.code in ("W-STALE-COLUMN", "W-EMPTY-COLUMN", "W-HOME-STALE", "W-VETO-RISK")] == []


def test_news_column_older_than_two_weeks_is_stale(site: SiteFolder) -> None:
    _fresh_site(site)
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-05 09:00")   # 15 days
    site.write_item(5, columns=["gfxwj"], publish_date="2026-11-19 09:00")  # keeps the home page fresh
    [stale] = found(inspect(site), "W-STALE-COLUMN")
    assert stale.value == "gzdt"
    assert stale.format() == ("site.yaml: 警告 W-STALE-COLUMN [columns]: 栏目“工作动态”（gzdt）不更新：最新信息日期 2026-11-05，"
                              "已 15 天未更新，超过更新周期 14 天（动态、要闻类）")


def test_each_type_uses_its_period_and_a_column_may_override_it(site: SiteFolder) -> None:
    _fresh_site(site)
    site.write_item(2, columns=["gfxwj"], publish_date="2026-05-20 09:00")  # 184 days > 183
    site.write_item(3, columns=["rsxx"], publish_date="2025-11-19 09:00")   # 366 days > 365
    assert sorted(p.value for p in found(inspect(site), "W-STALE-COLUMN")) == ["gfxwj", "rsxx"]
    columns = [dict(c, update_days=400) if c["id"] == "rsxx" else c for c in COLUMNS]
    write_site_yaml(site, columns=columns)
    assert [p.value for p in found(inspect(site), "W-STALE-COLUMN")] == ["gfxwj"]


def test_empty_leaf_columns_are_reported_but_static_and_page_columns_are_not(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00")
    for n in (2, 3):
        (site.root / f"content/items/xzfb/2025/{n:05d}.md").unlink()
    log = inspect(site)
    assert sorted(p.value for p in found(log, "W-EMPTY-COLUMN")) == ["gfxwj", "rsxx", "zcjd"]
    assert "xxgkzn" not in [p.value for p in log.items]  # a 指南 column has no update period
    site.write("content/pages/rsxx.md", "---\ntitle: 人事信息\ncolumn: rsxx\nupdated: 2026-11-01\n---\n正文。\n")
    assert sorted(p.value for p in found(inspect(site), "W-EMPTY-COLUMN")) == ["gfxwj", "zcjd"]


def test_veto_thresholds_and_home_page_in_the_summary(site: SiteFolder) -> None:
    columns = [{"id": f"dt{n}", "title": f"动态{n}", "type": "news"} for n in range(5)]
    columns += [{"id": f"kong{n}", "title": f"空白{n}", "type": "notice_policy"} for n in range(5)]
    write_site_yaml(site, columns=columns)
    for n in range(5):
        site.write_item(n + 1, columns=[f"dt{n}"], publish_date="2026-10-01 09:00")
    log = inspect(site)
    assert len(found(log, "W-STALE-COLUMN")) == 5 and len(found(log, "W-EMPTY-COLUMN")) == 5
    assert sorted(p.value for p in found(log, "W-VETO-RISK")) == sorted(
        ["动态要闻类（2周）和通知公告、政策文件类（6个月）栏目未更新", "空白栏目"])
    assert [p.value for p in found(log, "W-HOME-STALE")] == ["2026-10-01"]
    out = run(site).output
    assert "动态要闻类（2周）和通知公告、政策文件类（6个月）栏目未更新：5 个（阈值 5 个，已达阈值）" in out
    assert "应更新栏目未更新：5 个（阈值 10 个，未达阈值）" in out
    assert "空白栏目：5 个（阈值 5 个，已达阈值）" in out
    assert "首页最新信息 2026-10-01（50 天前，超过2周未更新）" in out
    assert "单项否决风险：有" in out


def test_summary_without_risk(site: SiteFolder) -> None:
    _fresh_site(site)
    out = run(site).output
    assert "首页最新信息 2026-11-18（2 天前，2周内有更新）" in out
    assert "单项否决风险：无" in out


def test_a_newest_entry_after_the_inspection_date_is_said_plainly(site: SiteFolder) -> None:
    """Issue 17 §4: not "-3 天前" but what is wrong and what to check."""
    _fresh_site(site)
    site.write_item(5, columns=["gzdt"], publish_date="2026-11-23 09:00")
    out = run(site).output
    assert ("首页最新信息 2026-11-23 晚于巡检日期 2026-11-20 3 天（发布日期在未来：请核对该信息的发布日期，"
            "或检查 GOVSITE_TODAY 的设置）") in out, out
    assert "天前" not in out
    english = run(site, "--lang", "en").output
    assert "Home page newest entry 2026-11-23 is 3 day(s) after the inspection date 2026-11-20" in english
