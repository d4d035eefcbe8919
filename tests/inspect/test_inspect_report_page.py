"""The private report page ``_report/index.html``: the check's findings in an accessible
table, never indexed, listed or searched, and rewritten only when its content or day changes."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from govsite.build.build import build, load_and_validate
from govsite.model.site_model import today_beijing
from govsite.search.docs import collect_shards
from tests.conftest import SiteFolder
from tests.inspect.inspect_helpers import write_site_yaml

REPORT = "_report/index.html"


def _site(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00", written_date="2026-11-18",
                    body="见[旧文](00009.html)。")


def test_report_page_shows_the_findings_in_an_accessible_table(site: SiteFolder) -> None:
    _site(site)
    assert build(site.root).ok
    soup = BeautifulSoup(site.read_out(REPORT), "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    assert soup.h1.get_text() == "巡检报告"
    assert "检查日期：2026年11月20日" in soup.get_text()  # the date people read; the meta keeps ISO
    assert soup.find("time")["datetime"] == "2026-11-20"
    table = soup.find("table", class_="report")
    assert table.caption.get_text().startswith("巡检发现的问题")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["级别", "类别", "代码", "文件", "行", "说明"]
    assert {th["scope"] for th in table.thead.find_all("th")} == {"col"}
    rows = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]
    assert all(tr.th["scope"] == "row" for tr in table.tbody.find_all("tr"))
    assert ["错误", "链接与附件", "E-LINK-BROKEN", "content/items/xzfb/2025/00001.md", "13",
            "正文链接 00009.html 指向本站不存在的页面或文件（解析为 /xxgk/xzfb/2025/00009.html）"] in rows
    assert any(r[2] == "W-EMPTY-COLUMN" and "人事信息" in r[5] for r in rows)
    summary = [li.get_text() for li in soup.find("ul", class_="report-summary").find_all("li")]
    assert "单项否决风险：无" in summary and any(s.startswith("空白栏目：2 个") for s in summary)


def test_report_is_not_listed_searched_or_recorded(site: SiteFolder) -> None:
    _site(site)
    assert build(site.root).ok
    html = site.read_out(REPORT)
    assert "data-pagefind-body" not in html
    for listing in ["sitemap.xml", "feeds/all.xml", "data/manifest.json"]:
        if (site.out / listing).is_file():
            assert "_report" not in site.read_out(listing), listing
    assert "_report" not in (site.root / "urls.txt").read_text(encoding="utf-8")
    model, _ = load_and_validate(site.root)
    assert not any(p.startswith("_report") for shard in collect_shards(model) for p in shard.pages)
    assert (site.out / "pagefind").is_dir()
    assert not any("_report" in p.relative_to(site.out).as_posix() for p in (site.out / "pagefind").rglob("*"))


def test_rebuild_on_the_same_day_writes_nothing_and_a_new_day_rewrites_only_the_report(site: SiteFolder,
                                                                                      monkeypatch) -> None:
    _site(site)
    assert build(site.root).ok
    again = build(site.root)
    assert again.ok and again.written_paths == []
    monkeypatch.setenv("GOVSITE_TODAY", "2026-11-21")
    assert today_beijing().isoformat() == "2026-11-21"
    next_day = build(site.root)
    assert next_day.written_paths == [REPORT]
    assert "检查日期：2026年11月21日。" in BeautifulSoup(site.read_out(REPORT), "html.parser").get_text()
    assert build(site.root).written_paths == []


def test_report_changes_when_a_finding_is_fixed(site: SiteFolder) -> None:
    _site(site)
    assert build(site.root).ok
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00", written_date="2026-11-18", body="正文。")
    fixed = build(site.root)
    assert REPORT in fixed.written_paths
    assert "E-LINK-BROKEN" not in site.read_out(REPORT)
    assert re.search(r"共 0 个错误", site.read_out(REPORT))


def test_a_quick_build_keeps_the_report_and_the_next_full_build_refreshes_it(site: SiteFolder) -> None:
    """Like the search index: the preview server's quick builds do not re-inspect the site."""
    _site(site)
    assert build(site.root).ok
    site.write_item(2, columns=["gzdt"], publish_date="2026-11-19 09:00", body="见[另一篇](00042.html)。")
    quick = build(site.root, quick=True)
    assert quick.ok and "00042.html" not in site.read_out(REPORT)
    assert (site.out / "_report/stale").is_file()
    full = build(site.root)
    assert full.ok and "00042.html" in site.read_out(REPORT)
    assert not (site.out / "_report/stale").exists()
    assert build(site.root).written_paths == []
