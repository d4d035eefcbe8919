"""sitemap.xml and robots.txt as a search engine reads them."""
from __future__ import annotations

import functools
import http.server
import threading
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from govsite.exports import sitemap
from govsite.serve import _Handler
from tests.conftest import SiteFolder
from tests.exports.exports_helpers import (BASE_URL, NS, build_ok, fill_site, html_pages, is_redirect_stub, listable_pages,
                                           page_url, sitemap_urls)


@pytest.fixture
def built(site: SiteFolder) -> SiteFolder:
    fill_site(site)
    build_ok(site)
    return site


def test_sitemap_lists_every_html_page_except_404_with_absolute_directory_urls(built: SiteFolder) -> None:
    urls = sitemap_urls(built.out)
    pages = listable_pages(built.out)
    assert "404.html" in html_pages(built.out)
    assert is_redirect_stub(built.out, "art/1.html")  # item 1's legacy_url on this host redirects to it
    assert set(urls) == {page_url(p) for p in pages}
    assert len(urls) == len(pages)  # each page once
    assert all(u.startswith(BASE_URL) for u in urls)
    assert BASE_URL in urls  # the home page as the folder URL, not …/index.html
    assert BASE_URL + "xxgk/gfxwj/" in urls and BASE_URL + "xxgk/xzfb/2025/00003.html" in urls
    assert BASE_URL + "zfgb/2025/01/1.html" in urls  # pages of other features are listed too
    assert not any(u.endswith("index.html") or "404" in u for u in urls)


def test_lastmod_comes_from_content_dates(built: SiteFolder) -> None:
    urls = sitemap_urls(built.out)
    # an item: its 发布日期 with the time it was published (Beijing)
    assert urls[BASE_URL + "xxgk/xzfb/2025/00003.html"] == "2025-03-05T09:00:00+08:00"
    assert urls[BASE_URL + "xxgk/xzf/2024/00011.html"] == "2024-12-31T23:59:30+08:00"
    # a repealed item links to its successor: the successor's date
    assert urls[BASE_URL + "xxgk/xzfb/2025/00002.html"] == "2025-03-05T09:00:00+08:00"
    # a policy links to its interpretation (2025-04-15) and the gazette issue that printed it (2025-05-20)
    assert urls[BASE_URL + "xxgk/xzfb/2025/00001.html"] == "2025-05-20"
    # listings and the home page: the newest item they show
    assert urls[BASE_URL] == "2025-04-15T10:30:00+08:00"
    assert urls[BASE_URL + "xxgk/tjxx/"] == "2024-12-31T23:59:30+08:00"
    assert urls[BASE_URL + "xxgk/year/2024/"] == "2024-12-31T23:59:30+08:00"
    assert urls[BASE_URL + "xxgk/theme/13/"] == "2024-12-31T23:59:30+08:00"
    # catalog: its review date or the newest item fulfilling one of its rows
    assert urls[BASE_URL + "xxgk/catalog/"] == "2025-02-10"
    assert urls[BASE_URL + "xxgk/catalog/zdjsxm/"] == "2025-03-03T09:00:00+08:00"
    # free pages: their `updated` date, or no lastmod at all (never the build time)
    assert urls[BASE_URL + "zhidu/"] == "2025-01-05T08:00:00+08:00"
    assert urls[BASE_URL + "xxgk/xxgkzn/"] is None
    assert urls[BASE_URL + "xxgk/jgzn/"] is None  # an empty column
    # gazette: the issue date
    assert urls[BASE_URL + "zfgb/2025/01/"] == "2025-05-20"
    assert urls[BASE_URL + "zfgb/"] == "2025-05-20"
    assert "2026-11-20" not in (built.out / "sitemap.xml").read_text(encoding="utf-8")


def test_listing_page_lastmod_is_the_newest_item_on_that_page(site: SiteFolder) -> None:
    for n in range(10, 35):  # 25 more items in gfxwj: 28 in all, two pages of 20
        site.write_item(n, publish_date=f"2025-01-{n - 5:02d}", written_date="2025-01-01")
    build_ok(site)
    urls = sitemap_urls(site.out)
    assert urls[BASE_URL + "xxgk/gfxwj/"] == "2025-03-05T09:00:00+08:00"
    # page 2 starts with the 21st newest: after items 3, 2, 1 and 34…18 comes item 17 (2025-01-12)
    assert urls[BASE_URL + "xxgk/gfxwj/index_2.html"] == "2025-01-12"


def test_robots_allows_the_site_path_and_names_the_sitemap(built: SiteFolder) -> None:
    text = (built.out / "robots.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line]
    assert lines == ["User-agent: *", "Allow: /county/xxgk/", f"Sitemap: {BASE_URL}sitemap.xml"]


def test_robots_at_the_host_root(site: SiteFolder) -> None:
    build_ok(site, base_url="https://www.test.gov.cn")
    text = (site.out / "robots.txt").read_text(encoding="utf-8")
    assert "Allow: /\n" in text and "Sitemap: https://www.test.gov.cn/sitemap.xml\n" in text


def test_sitemap_is_split_into_an_index_above_the_limit(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    fill_site(site)
    monkeypatch.setattr(sitemap, "MAX_URLS", 7)
    build_ok(site)
    root = ET.parse(site.out / "sitemap.xml").getroot()
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    parts = [(s.findtext("sm:loc", namespaces=NS), s.findtext("sm:lastmod", namespaces=NS)) for s in root.findall("sm:sitemap", NS)]
    pages = listable_pages(site.out)
    assert len(parts) == -(-len(pages) // 7) >= 3
    seen: list[str] = []
    for number, (loc, lastmod) in enumerate(parts, 1):
        assert loc == f"{BASE_URL}sitemap-{number}.xml"
        urls = sitemap_urls(site.out, f"sitemap-{number}.xml")
        assert 1 <= len(urls) <= 7
        assert lastmod == max((m for m in urls.values() if m), default=None)  # the newest page of that part
        seen += urls
    assert sorted(seen) == sorted(page_url(p) for p in pages)

    # back under the limit: one urlset again, the parts are removed
    monkeypatch.setattr(sitemap, "MAX_URLS", 50_000)
    result = build_ok(site)
    assert ET.parse(site.out / "sitemap.xml").getroot().tag == f"{{{NS['sm']}}}urlset"
    assert not list(site.out.glob("sitemap-*.xml"))
    assert {p for p in result.deleted_paths if p.startswith("sitemap-")} == {f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)}


def test_every_sitemap_url_is_served(built: SiteFolder) -> None:
    """Fetch every listed URL from the output served under the sub-path."""
    handler = functools.partial(_Handler, directory=str(built.out), prefix="/county/xxgk/")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        local = f"http://127.0.0.1:{server.server_address[1]}/county/xxgk/"
        for loc in sitemap_urls(built.out):
            with urllib.request.urlopen(local + loc[len(BASE_URL):], timeout=5) as resp:
                assert resp.status == 200, loc
                assert b"<html" in resp.read(2000).lower(), loc
    finally:
        server.shutdown()


def test_special_characters_are_escaped(site: SiteFolder) -> None:
    build_ok(site, base_url="https://www.test.gov.cn/a&b/")
    text = (site.out / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://www.test.gov.cn/a&amp;b/" in text
    assert "https://www.test.gov.cn/a&b/" in sitemap_urls(site.out)


def test_renderer_without_a_plan_in_this_process_gives_the_same_file(built: SiteFolder) -> None:
    """A render worker that did not inherit the planned list plans again and writes the same bytes."""
    from govsite.pipeline.pages import load_and_validate
    from govsite.render.plan import PageSpec

    model, _ = load_and_validate(built.root, BASE_URL)
    assert model is not None
    text = sitemap.render_urlset(model, PageSpec("sitemap.xml", "", "exports_sitemap", (0,), ""))
    assert text == (built.out / "sitemap.xml").read_text(encoding="utf-8")
