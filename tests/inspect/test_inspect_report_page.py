"""The private report page ``output-report/index.html``: the check's findings in an accessible
table, beside the output and never inside it, never indexed, listed or searched, and rewritten
only when its content or day changes."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from govsite.pipeline.build import build
from govsite.pipeline.pages import load_and_validate
from govsite.pipeline.guard import OutputRefused
from govsite.dates import today_beijing
from govsite.search.docs import collect_shards
from tests.conftest import SiteFolder
from tests.inspect.inspect_helpers import write_site_yaml

REPORT = "_report/index.html"
"""Where the report used to be, inside the output."""


def report(site: SiteFolder) -> Path:
    return site.root / "output-report/index.html"


def read_report(site: SiteFolder) -> str:
    return report(site).read_text(encoding="utf-8")


def _site(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00", written_date="2026-11-18",
                    body="见[旧文](00009.html)。")


def test_report_page_shows_the_findings_in_an_accessible_table(site: SiteFolder) -> None:
    _site(site)
    assert build(site.root).ok
    soup = BeautifulSoup(read_report(site), "html.parser")
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
    html = read_report(site)
    assert "data-pagefind-body" not in html
    assert not (site.out / "_report").exists()
    for listing in ["sitemap.xml", "feeds/all.xml", "data/manifest.json"]:
        if (site.out / listing).is_file():
            assert "_report" not in site.read_out(listing), listing
    assert "_report" not in (site.root / "urls.txt").read_text(encoding="utf-8")
    model, _ = load_and_validate(site.root)
    assert not any(p.startswith("_report") for shard in collect_shards(model) for p in shard.pages)
    assert (site.out / "pagefind").is_dir()
    assert not any("_report" in p.relative_to(site.out).as_posix() for p in (site.out / "pagefind").rglob("*"))


def test_rebuild_on_the_same_day_writes_nothing_and_a_new_day_rewrites_only_the_report_and_build_date(site: SiteFolder,
                                                                                      monkeypatch) -> None:
    _site(site)
    assert build(site.root).ok
    first = report(site).stat()
    again = build(site.root)
    assert again.ok and again.written_paths == []
    assert report(site).stat().st_mtime_ns == first.st_mtime_ns and report(site).stat().st_ino == first.st_ino
    monkeypatch.setenv("GOVSITE_TODAY", "2026-11-21")
    assert today_beijing().isoformat() == "2026-11-21"
    next_day = build(site.root)
    # in the output only the build's date changed: data/site.json, which a provincial portal reads to
    # see that the site is still rebuilt daily (docs/portal.md), and its checksum in data/manifest.json
    assert next_day.ok and next_day.written_paths == ["data/manifest.json", "data/site.json"]
    assert "检查日期：2026年11月21日。" in BeautifulSoup(read_report(site), "html.parser").get_text()
    rewritten = report(site).stat()
    assert build(site.root).written_paths == []
    assert report(site).stat().st_mtime_ns == rewritten.st_mtime_ns


def test_report_changes_when_a_finding_is_fixed(site: SiteFolder) -> None:
    _site(site)
    assert build(site.root).ok
    site.write_item(1, columns=["gzdt"], publish_date="2026-11-18 09:00", written_date="2026-11-18", body="正文。")
    fixed = build(site.root)
    assert fixed.ok
    assert "E-LINK-BROKEN" not in read_report(site)
    assert re.search(r"共 0 个错误", read_report(site))


def test_a_quick_build_keeps_the_report_and_the_next_full_build_refreshes_it(site: SiteFolder) -> None:
    """Like the search index: the preview server's quick builds do not re-inspect the site."""
    _site(site)
    assert build(site.root).ok
    site.write_item(2, columns=["gzdt"], publish_date="2026-11-19 09:00", body="见[另一篇](00042.html)。")
    quick = build(site.root, quick=True)
    assert quick.ok and "00042.html" not in read_report(site)
    assert (site.root / "output-report/stale").is_file()
    full = build(site.root)
    assert full.ok and "00042.html" in read_report(site)
    assert not (site.root / "output-report/stale").exists()
    assert build(site.root).written_paths == []


# --- beside the output, never in it (issue 17 §3) -------------------------------------------

def test_the_report_is_beside_the_output_and_links_into_it(site: SiteFolder) -> None:
    """A plain copy of output/ never takes the report; opened from disk, its links reach the site."""
    _site(site)
    assert build(site.root).ok
    assert not any("_report" in p.relative_to(site.out).as_posix() or "巡检报告" in p.read_text(encoding="utf-8", errors="ignore")
                   for p in site.out.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".txt", ""))
    soup = BeautifulSoup(read_report(site), "html.parser")
    stylesheet = soup.find("link", rel="stylesheet")["href"]
    assert stylesheet == "../output/assets/style.css" and (report(site).parent / stylesheet).is_file()
    assert soup.find("a", attrs={"aria-current": "page"})["href"] == "./"


def test_an_older_output_loses_its_report_folder(site: SiteFolder) -> None:
    """An output built when the report was inside it: the next build takes _report/ out."""
    _site(site)
    assert build(site.root).ok
    (site.out / "_report").mkdir()
    (site.out / REPORT).write_text("<html>old report</html>", encoding="utf-8")
    manifest = site.out / ".govsite-manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        '"files": {\n', '"files": {\n"_report/index.html": "x",\n'), encoding="utf-8")
    (site.root / ".govsite-cache").joinpath("build-stamp.pickle").unlink(missing_ok=True)
    for stamp in (site.root / ".govsite-cache").glob("build-stamp.pickle.*"):
        stamp.unlink()
    rebuilt = build(site.root)
    assert rebuilt.ok and REPORT in rebuilt.deleted_paths
    assert not (site.out / "_report").exists() and report(site).is_file()


def test_a_folder_of_that_name_govsite_did_not_make_is_refused_and_left_alone(site: SiteFolder) -> None:
    _site(site)
    mine = site.root / "output-report"
    mine.mkdir()
    (mine / "index.html").write_text("my own notes", encoding="utf-8")
    try:
        build(site.root)
    except OutputRefused as exc:
        assert exc.kind == "report"
        assert exc.message("zh").startswith(f"{mine} 不是 govsite 生成的巡检报告目录（其中没有 .govsite-report）")
    else:
        raise AssertionError("the build wrote into a folder govsite did not make")
    assert [p.name for p in mine.iterdir()] == ["index.html"]
    assert (mine / "index.html").read_text(encoding="utf-8") == "my own notes"
    assert not site.out.exists()


def test_a_failed_build_keeps_the_previous_report(site: SiteFolder) -> None:
    _site(site)
    assert build(site.root).ok
    before = read_report(site)
    site.write_item(2, columns=["gzdt"], publish_date="2026-11-19 09:00", body="见[另一篇](00042.html)。")
    site.write_item(3, publish_date="2024-02-30")  # a validation error: nothing is built
    assert not build(site.root).ok
    assert read_report(site) == before
    assert sorted(p.name for p in report(site).parent.iterdir()) == [".govsite-report", "index.html"]
