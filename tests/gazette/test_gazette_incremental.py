"""Incremental builds reach into the gazette: only pages that show a change are rewritten."""
from __future__ import annotations

from govsite.pipeline.build import build
from tests.conftest import OFFICE_CODE, SiteFolder, written_groups
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue


def setup_site(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025)
    for n in (1, 2, 3):
        folder = write_issue(site, 2025, n, f"2025-{n:02d}-20")
        write_article(site, folder, 1, f"第{n}期正文。\n")
    write_article(site, "content/gazette/2025/03", 2, item=f"{OFFICE_CODE}/2025-00001")
    assert build(site.root).ok


def test_article_body_change_rewrites_only_that_article(site: SiteFolder) -> None:
    setup_site(site)
    path = site.root / "content/gazette/2025/02/1.md"
    path.write_text(path.read_text(encoding="utf-8") + "补充一句。\n", encoding="utf-8")
    written = written_groups(build(site.root).written_paths)
    assert written["pages"] == {"zfgb/2025/02/1.html"}
    assert written["search"] == {"y2025"}
    assert not (written["feeds"] or written["data"] or written["other"])


def test_article_title_change_rewrites_its_tables_of_contents(site: SiteFolder) -> None:
    setup_site(site)
    path = site.root / "content/gazette/2025/03/1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("第1篇文章", "新的标题"), encoding="utf-8")
    written = written_groups(build(site.root).written_paths)
    assert written["pages"] == {"zfgb/2025/03/1.html", "zfgb/2025/03/index.html", "zfgb/index.html"}
    assert written["feeds"] == {"feeds/gazette.xml"}
    # A title is in the title layer and the year's text: both are re-indexed, nothing else.
    assert {"y2025", "titles"} <= written["search"] <= {"y2025", "titles", "govsite-shards.json"}


def test_linked_item_change_rewrites_the_article_that_shows_its_text(site: SiteFolder) -> None:
    setup_site(site)
    path = site.root / "content/items/xzfb/2025/00001.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n修订后的条文。\n", encoding="utf-8")
    result = build(site.root)
    assert written_groups(result.written_paths)["pages"] == {"xxgk/xzfb/2025/00001.html", "zfgb/2025/03/2.html"}
    assert "修订后的条文。" in site.read_out("zfgb/2025/03/2.html")


def test_new_issue_updates_neighbours_year_home_and_coverage(site: SiteFolder) -> None:
    setup_site(site)
    folder = write_issue(site, 2025, 4, "2025-04-20")
    write_article(site, folder, 1, "第4期正文。\n")
    written = written_groups(build(site.root).written_paths)
    # data/site.json carries the gazette coverage (for a portal), and data/manifest.json its checksum
    assert written["feeds"] == {"feeds/gazette.xml"} and written["data"] == {"sitemap.xml", "data/site.json", "data/manifest.json"}
    assert written["pages"] == {
        "zfgb/2025/04/index.html", "zfgb/2025/04/1.html",  # the new pages
        "zfgb/2025/03/index.html",  # its previous issue now links forward
        "zfgb/2025/index.html", "zfgb/index.html", "zfgb/coverage.html",
        "search/index.html",  # its filter pane counts the new article (search/page.py filter_totals)
    }
