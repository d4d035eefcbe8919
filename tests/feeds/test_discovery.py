"""Feed discovery links on every page, the 订阅 page and its footer link, and a
sub-path base_url served over HTTP."""
from __future__ import annotations

import functools
import http.server
import os
import re
import threading
import urllib.request

import feedparser

from govsite.serve import _Handler
from tests.conftest import SiteFolder
from tests.feeds.feed_helpers import build_ok, feed_files, feed_links, parse, resolve
from tests.feeds.test_feed_content import rich_site

SITE = "测试县人民政府"


def discovered(site: SiteFolder, page: str) -> list[tuple[str, str]]:
    """(title, output path of the feed) for each discovery link on a page; each feed must exist."""
    out = []
    for title, href in feed_links(site.read_out(page)).discovery:
        target = resolve(page, href)
        assert (site.out / target).is_file(), (page, href)
        out.append((title, target))
    return out


def test_discovery_links_per_page(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    latest = (f"{SITE} 最新信息", "feeds/latest.xml")
    expected = {
        "index.html": [latest],
        "xxgk/index.html": [latest],
        "404.html": [latest],
        "subscribe/index.html": [latest],
        "xxgk/gfxwj/index.html": [latest, (f"{SITE} 行政法规、规章和规范性文件", "feeds/column/gfxwj.xml")],
        "xxgk/fdzdgknr/index.html": [latest, (f"{SITE} 法定主动公开内容", "feeds/column/fdzdgknr.xml")],
        "xxgk/xxgkzn/index.html": [latest],  # a column with no items has no feed
        "xxgk/xzfb/index.html": [latest, ("测试县人民政府办公室 公开信息", "feeds/org/xzfb.xml")],
        "xxgk/theme/index.html": [latest],
        "xxgk/theme/3/index.html": [latest, (f"{SITE} 主题分类：国民经济管理、国有资产监管", "feeds/theme/3.xml")],
        "xxgk/year/2025/index.html": [latest],
        "xxgk/xzfb/2025/00005.html": [latest, (f"{SITE} 办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
                                               "feeds/column/xzxk.xml"),
                                      ("测试县人民政府办公室 公开信息", "feeds/org/xzfb.xml")],
        "xxgk/xzfb/2025/00004.html": [latest, (f"{SITE} 政策解读", "feeds/column/zcjd.xml"),
                                      (f"{SITE} 公开信息", "feeds/org/xzf.xml")],
    }
    for page, feeds in expected.items():
        assert discovered(site, page) == feeds, page


def test_discovery_titles_are_the_feed_titles(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    seen: set[str] = set()
    for dirpath, _dirs, names in os.walk(site.out):
        for name in names:
            if name.endswith(".html"):
                page = os.path.relpath(os.path.join(dirpath, name), site.out).replace(os.sep, "/")
                for title, target in discovered(site, page):
                    assert parse(site.out, target).feed.title == title, (page, target)
                    seen.add(target)
    assert seen == set(feed_files(site.out))  # every feed is advertised somewhere


def test_empty_org_page_has_only_the_site_feed(site: SiteFolder) -> None:
    build_ok(site)
    assert discovered(site, "xxgk/xzf/index.html") == [(f"{SITE} 最新信息", "feeds/latest.xml")]


def test_subscribe_page_lists_every_feed_grouped(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    html = site.read_out("subscribe/index.html")
    assert "<title>订阅 — 测试县人民政府</title>" in html
    assert "<h1>订阅</h1>" in html and "RSS" in html and "如何订阅" in html
    anchors = [resolve("subscribe/index.html", href) for href in feed_links(html).anchors]
    assert sorted(anchors) == feed_files(site.out)
    for rel in anchors:
        assert f"<code class=\"page-url\">https://www.test.gov.cn/{rel}</code>" in html
    headings = re.findall(r'<h2 id="feeds-\d+">(.*?)</h2>', html)
    assert headings == ["全站", "按机构", "按栏目", "按主题"]
    assert ">行政法规、规章和规范性文件<" not in html  # child columns are labelled with their parent
    assert ">法定主动公开内容 › 行政法规、规章和规范性文件<" in html


def test_footer_links_to_the_subscribe_page(site: SiteFolder) -> None:
    build_ok(site)
    for page in ("index.html", "xxgk/xzfb/2025/00001.html", "xxgk/gfxwj/index.html"):
        html = site.read_out(page)
        footer = html[html.index('<footer class="site-footer">'):]
        hrefs = re.findall(r'<a href="([^"]+)">订阅', footer)
        assert [resolve(page, h) for h in hrefs] == ["subscribe/index.html"], page
    assert '<a href="/subscribe/">订阅' in site.read_out("404.html")


def test_feeds_under_a_sub_path_base_url_resolve_over_http(site: SiteFolder) -> None:
    rich_site(site)
    base = "https://www.test.gov.cn/county/xxgk/"
    build_ok(site, base_url=base)
    handler = functools.partial(_Handler, directory=str(site.out), prefix="/county/xxgk/")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    local = f"http://127.0.0.1:{server.server_address[1]}/county/xxgk/"
    try:
        checked = 0
        for rel in feed_files(site.out):
            with urllib.request.urlopen(local + rel, timeout=5) as resp:
                parsed = feedparser.parse(resp.read())
            assert not parsed.bozo
            assert parsed.feed.id == base + rel
            hrefs = [link.href for link in parsed.feed.links] + [e.link for e in parsed.entries]
            hrefs += [e.author_detail.href for e in parsed.entries]
            for href in hrefs:
                assert href.startswith(base), href
                with urllib.request.urlopen(local + href[len(base):], timeout=5) as resp:
                    assert resp.status == 200
                    checked += 1
        assert checked > 20
        # the discovery link on a page under the sub-path reaches the feed
        html = site.read_out("xxgk/gfxwj/index.html")
        href = dict((t, h) for t, h in feed_links(html).discovery)[f"{SITE} 行政法规、规章和规范性文件"]
        with urllib.request.urlopen(urllib.request.urljoin(local + "xxgk/gfxwj/", href), timeout=5) as resp:
            assert feedparser.parse(resp.read()).feed.id == base + "feeds/column/gfxwj.xml"
    finally:
        server.shutdown()
        server.server_close()
