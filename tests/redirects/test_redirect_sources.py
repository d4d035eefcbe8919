"""Every way an old path gets a redirect: redirects.yaml (paths, full URLs, 索引号
and gazette targets, chains), legacy_url recorded by ``govsite import``, and an
item's previous_urls. Each old URL is followed the way a browser would."""
from __future__ import annotations

import textwrap

from click.testing import CliRunner

from govsite.cli import main
from tests.conftest import SiteFolder
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue
from tests.redirects.redirect_helpers import (BASE_URL, RedirectPage, build_ok, codes, follow, idx, netlify_rules,
                                              nginx_map)


def test_redirects_yaml_paths_and_full_urls_lead_to_their_pages(site: SiteFolder) -> None:
    site.write("redirects.yaml", textwrap.dedent(f"""\
        # old path: new page
        old/notice.html: xxgk/xzfb/2025/00001.html
        /art/2024/6/5/art_1_2.html: {idx(2)}
        http://www.old-county.gov.cn/col/col123/index.html: /xxgk/gfxwj/
        /zwgk/: xxgk/xxgkzn/
        """))
    build_ok(site)
    out = site.out
    landed = {old: follow(out, BASE_URL, BASE_URL + old)[0].relative_to(out).as_posix() for old in
              ("old/notice.html", "art/2024/6/5/art_1_2.html", "col/col123/index.html", "zwgk/")}
    assert landed == {
        "old/notice.html": "xxgk/xzfb/2025/00001.html",
        "art/2024/6/5/art_1_2.html": "xxgk/xzfb/2025/00002.html",  # a 索引号 target
        "col/col123/index.html": "xxgk/gfxwj/index.html",  # the old host is dropped: path only
        "zwgk/": "xxgk/xxgkzn/index.html",
    }
    assert "第2项工作" in (out / landed["art/2024/6/5/art_1_2.html"]).read_text(encoding="utf-8")
    assert ("/col/col123/index.html", "/xxgk/gfxwj/", "301") in netlify_rules(out)
    assert not any("old-county" in p.as_posix() for p in out.rglob("*"))


def test_full_url_under_the_base_path_loses_that_prefix(site: SiteFolder) -> None:
    cfg = (site.root / "site.yaml").read_text(encoding="utf-8")
    site.write("site.yaml", cfg.replace("https://www.test.gov.cn/", "https://www.test.gov.cn/county/"))
    site.write("redirects.yaml", "http://www.test.gov.cn/county/old/a.html: xxgk/gfxwj/\n"
                                 "http://legacy.test.gov.cn/b.html: xxgk/gfxwj/\n")
    build_ok(site)
    assert (site.out / "old/a.html").is_file() and (site.out / "b.html").is_file()
    assert sorted(netlify_rules(site.out)) == [("/county/b.html", "/county/xxgk/gfxwj/", "301"),
                                               ("/county/old/a.html", "/county/xxgk/gfxwj/", "301")]


def test_chains_collapse_and_anchors_are_kept(site: SiteFolder) -> None:
    site.write("redirects.yaml", "a.html: b.html\nb.html: c/\nc/: xxgk/xxgkzn/\nd.html: xxgk/xxgkzn/#part-2\n")
    build_ok(site)
    for old in ("a.html", "b.html", "c/"):
        page = RedirectPage(site.read_out(old + ("index.html" if old.endswith("/") else "")))
        assert page.refresh_url == "/xxgk/xxgkzn/", old  # straight to the final page, no hops
    assert RedirectPage(site.read_out("d.html")).refresh_url == "/xxgk/xxgkzn/#part-2"
    assert nginx_map(site.out)["/a.html"] == "/xxgk/xxgkzn/"


def test_chinese_and_spaces_mean_one_path_however_written(site: SiteFolder) -> None:
    site.write("redirects.yaml", "/政策 文件/通知 1.html: xxgk/gfxwj/\n")
    build_ok(site)
    encoded = "/%E6%94%BF%E7%AD%96%20%E6%96%87%E4%BB%B6/%E9%80%9A%E7%9F%A5%201.html"
    assert (site.out / "政策 文件/通知 1.html").is_file()  # servers decode the URL before finding the file
    assert netlify_rules(site.out) == [(encoded, "/xxgk/gfxwj/", "301")]
    assert nginx_map(site.out) == {"/政策 文件/通知 1.html": "/xxgk/gfxwj/"}  # nginx matches the decoded $uri
    assert encoded + "\n" in (site.root / "urls.txt").read_text(encoding="utf-8")
    file, _url = follow(site.out, BASE_URL, BASE_URL + encoded[1:])
    assert file == site.out / "xxgk/gfxwj/index.html"
    first = {p.relative_to(site.out).as_posix(): p.read_bytes() for p in site.out.rglob("*") if p.is_file()}

    # the same path percent-encoded (lower-case hex, as some old systems wrote it) builds the same bytes
    site.write("redirects.yaml", encoded.lower() + ": xxgk/gfxwj/\n")
    build_ok(site)
    again = {p.relative_to(site.out).as_posix(): p.read_bytes() for p in site.out.rglob("*") if p.is_file()}
    assert again == first
    # … and it is the same old path: a second entry with another target is a duplicate
    site.write("redirects.yaml", f"/政策 文件/通知 1.html: xxgk/gfxwj/\n{encoded}: xxgk/xxgkzn/\n")
    assert [c[:3] for c in codes(site)] == [("E-REDIRECT-DUP", "redirects.yaml", 2)]


def test_gazette_permalinks_are_targets(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025, frequency="irregular")
    folder = write_issue(site, 2025, 1, "2025-01-15")
    write_article(site, folder, 1, body="公报文章正文。")
    site.write("redirects.yaml", "/gb/2025-1.html: zfgb/2025/01/\n/gb/2025-1-1.html: /zfgb/2025/01/1.html\n")
    build_ok(site)
    assert follow(site.out, BASE_URL, BASE_URL + "gb/2025-1.html")[0] == site.out / "zfgb/2025/01/index.html"
    article, _ = follow(site.out, BASE_URL, BASE_URL + "gb/2025-1-1.html")
    assert article == site.out / "zfgb/2025/01/1.html" and "公报文章正文" in article.read_text(encoding="utf-8")


def test_legacy_url_recorded_by_import_redirects_to_the_item(site: SiteFolder, tmp_path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "title,issuer,publish_date,column,body_md,url\n"
        "关于春节值班的通知,xzfb,2025-01-27,gfxwj,正文。,http://old.test.gov.cn/art/2025/1/27/art_1.html\n"
        "关于旧系统页面的通知,xzfb,2025-01-28,gfxwj,正文。,http://old.test.gov.cn/show.asp?id=12\n",
        encoding="utf-8")
    run = CliRunner().invoke(main, ["import", "items", str(export), "--site", str(site.root)])
    assert run.exit_code == 0, run.output
    imported = sorted((site.root / "content/items/xzfb/2025").glob("*.md"))[-2:]
    assert "legacy_url: http://old.test.gov.cn/art/2025/1/27/art_1.html" in imported[0].read_text(encoding="utf-8")
    result = build_ok(site)
    page, _ = follow(site.out, BASE_URL, BASE_URL + "art/2025/1/27/art_1.html")
    assert "关于春节值班的通知" in page.read_text(encoding="utf-8")
    assert page.relative_to(site.out).as_posix() == "xxgk/xzfb/2025/" + imported[0].stem + ".html"
    # a query string cannot be redirected by a static site: a warning, no rule
    [warning] = [p for p in result.problems.items if p.code == "W-REDIRECT-QUERY"]
    assert (warning.file, warning.field) == (imported[1].relative_to(site.root).as_posix(), "legacy_url")
    assert warning.line is not None and "legacy_url" in imported[1].read_text(encoding="utf-8").splitlines()[warning.line - 1]
    assert not any("show.asp" in old for old, _new, _s in netlify_rules(site.out))


def test_legacy_url_equal_to_the_new_url_needs_no_redirect(site: SiteFolder) -> None:
    site.write_item(4, legacy_url="http://www.test.gov.cn/xxgk/xzfb/2025/00004.html")
    build_ok(site)
    assert netlify_rules(site.out) == []


def test_previous_urls_redirect_to_the_item(site: SiteFolder) -> None:
    site.write_item(4, rel="content/items/xzf/2025/00104.md",
                    previous_urls=["/xxgk/zhen/2024/00007.html", "http://www.zhen.gov.cn/art/2019/3/1/art_9_1.html"])
    site.write_item(5, rel="content/items/xzf/2025/00105.md", previous_urls="xxgk/zhen/2024/00008.html")  # one string
    build_ok(site)
    for old, new in (("xxgk/zhen/2024/00007.html", "xxgk/xzf/2025/00104.html"),
                     ("art/2019/3/1/art_9_1.html", "xxgk/xzf/2025/00104.html"),
                     ("xxgk/zhen/2024/00008.html", "xxgk/xzf/2025/00105.html")):
        page, url = follow(site.out, BASE_URL, BASE_URL + old)
        assert page == site.out / new and url == BASE_URL + new, old
    assert nginx_map(site.out)["/xxgk/zhen/2024/00008.html"] == "/xxgk/xzf/2025/00105.html"
