"""The gazette feed: one entry per issue, newest first, linking the issue page."""
from __future__ import annotations

from tests.conftest import SiteFolder
from tests.feeds.feed_helpers import build_ok, feed_files, feed_links, parse, resolve, url_to_file
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue

BASE = "https://www.test.gov.cn/"


def gazette_site(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025)
    for n in (1, 2, 3):
        folder = write_issue(site, 2025, n, f"2025-{n:02d}-20")
        write_article(site, folder, 1, f"第{n}期正文。\n", title=f"第{n}期首篇<文章>")
        write_article(site, folder, 2, title=f"第{n}期次篇")


def test_gazette_feed_lists_issues_newest_first(site: SiteFolder) -> None:
    gazette_site(site)
    build_ok(site)
    parsed = parse(site.out, "feeds/gazette.xml")
    assert parsed.feed.title == "测试县人民政府公报"
    assert {link.rel: link.href for link in parsed.feed.links}["alternate"] == BASE + "zfgb/"
    entries = parsed.entries
    assert [e.title for e in entries] == [f"测试县人民政府公报 2025年第{n}期" for n in (3, 2, 1)]
    assert [e.link for e in entries] == [BASE + f"zfgb/2025/{n:02d}/" for n in (3, 2, 1)]
    for e in entries:
        assert url_to_file(site.out, BASE, e.link).is_file()
        assert e.author == "测试县人民政府"
    assert entries[0].published == "2025-03-20T00:00:00+08:00"
    assert entries[0].id == "tag:www.test.gov.cn,2025:/gazette/2025/03"
    assert entries[0].summary == "2025年第3期，共2篇：第3期首篇<文章>；第3期次篇"
    assert parsed.feed.updated == entries[0].updated


def test_new_issue_rewrites_only_the_gazette_feed(site: SiteFolder) -> None:
    gazette_site(site)
    build_ok(site)
    folder = write_issue(site, 2025, 4, "2025-04-20")
    write_article(site, folder, 1, "第4期正文。\n")
    result = build_ok(site)
    assert {p for p in result.written_paths if p.startswith("feeds/")} == {"feeds/gazette.xml"}
    assert parse(site.out, "feeds/gazette.xml").entries[0].link == BASE + "zfgb/2025/04/"


def test_article_title_change_rewrites_the_gazette_feed(site: SiteFolder) -> None:
    gazette_site(site)
    build_ok(site)
    write_article(site, "content/gazette/2025/01", 2, title="改过的标题")
    result = build_ok(site)
    assert {p for p in result.written_paths if p.startswith("feeds/")} == {"feeds/gazette.xml"}
    assert "改过的标题" in parse(site.out, "feeds/gazette.xml").entries[2].summary


def test_gazette_pages_advertise_the_gazette_feed(site: SiteFolder) -> None:
    gazette_site(site)
    build_ok(site)
    for page in ("zfgb/index.html", "zfgb/2025/index.html", "zfgb/2025/02/index.html", "zfgb/2025/02/1.html",
                 "zfgb/coverage.html"):
        links = feed_links(site.read_out(page)).discovery
        assert [resolve(page, href) for _t, href in links] == ["feeds/latest.xml", "feeds/gazette.xml"], page
        assert links[1][0] == "测试县人民政府公报"
    html = site.read_out("subscribe/index.html")
    assert "政府公报</h2>" in html
    assert BASE + "feeds/gazette.xml" in html


def test_no_gazette_no_gazette_feed(site: SiteFolder) -> None:
    build_ok(site)
    assert "feeds/gazette.xml" not in feed_files(site.out)
    assert "政府公报</h2>" not in site.read_out("subscribe/index.html")
