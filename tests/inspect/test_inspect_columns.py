"""Stale and empty columns, the home page, and the single-veto thresholds (DOMAIN §5.2)."""
from __future__ import annotations

import json

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
    [empty] = found(inspect(site), "W-EMPTY-COLUMN")
    assert empty.value == ("gfxwj", "rsxx", "zcjd")  # a 指南 column (xxgkzn) has no update period
    site.write("content/pages/rsxx.md", "---\ntitle: 人事信息\ncolumn: rsxx\nupdated: 2026-11-01\n---\n正文。\n")
    [empty] = found(inspect(site), "W-EMPTY-COLUMN")
    assert empty.value == ("gfxwj", "zcjd")


def test_empty_columns_are_one_line_with_their_count_and_what_they_mean_once_published(site: SiteFolder) -> None:
    """Issue 17 §3: a new site has a dozen empty columns; one line says how many, which, and
    that five of them fail a published site outright; the summary and JSON keep the count."""
    write_site_yaml(site)
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00")
    for n in (2, 3):
        (site.root / f"content/items/xzfb/2025/{n:05d}.md").unlink()
    result = run(site)
    lines = [ln for ln in result.output.splitlines() if "W-EMPTY-COLUMN" in ln]
    assert lines == ["site.yaml: 警告 W-EMPTY-COLUMN [columns]: 3 个空白栏目（没有任何信息，也没有栏目页面）："
                     "gfxwj（规范性文件）；rsxx（人事信息）；zcjd（政策解读）。网站发布后，空白栏目达到 5 个即单项否决；"
                     "发布前请为这些栏目添加信息或栏目页面"]
    assert "== 栏目更新（1）" in result.output and "空白栏目：3 个（阈值 5 个，未达阈值）" in result.output
    english = run(site, "--lang", "en").output
    assert ("3 empty column(s) (空白栏目: no items and no page): gfxwj（规范性文件）；rsxx（人事信息）；zcjd（政策解读）. "
            "Once the site is published, 5 or more empty columns fail the inspection outright (单项否决)") in english
    data = json.loads(run(site, "--format", "json").output)
    [entry] = [p for p in data["problems"] if p["code"] == "W-EMPTY-COLUMN"]
    assert entry["columns"] == ["gfxwj", "rsxx", "zcjd"] and entry["severity"] == "warning"
    assert [t["count"] for t in data["summary"]["thresholds"] if t["key"] == "empty"] == [3]


def test_veto_thresholds_and_home_page_in_the_summary(site: SiteFolder) -> None:
    columns = [{"id": f"dt{n}", "title": f"动态{n}", "type": "news"} for n in range(5)]
    columns += [{"id": f"kong{n}", "title": f"空白{n}", "type": "notice_policy"} for n in range(5)]
    write_site_yaml(site, columns=columns)
    for n in range(5):
        site.write_item(n + 1, columns=[f"dt{n}"], publish_date="2026-10-01 09:00")
    log = inspect(site)
    assert len(found(log, "W-STALE-COLUMN")) == 5
    [empty] = found(log, "W-EMPTY-COLUMN")
    assert empty.params["count"] == 5 and "5 个空白栏目" in empty.message() and "达到 5 个即单项否决" in empty.message()
    assert [p.value for p in found(log, "W-VETO-RISK")] == ["动态要闻类（2周）和通知公告、政策文件类（6个月）栏目未更新"]
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
