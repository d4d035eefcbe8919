"""What the build writes for redirects: static pages at the old paths, the
``_redirects`` file and the nginx map, under a sub-path too; deterministic and
incremental."""
from __future__ import annotations

import functools
import http.server
import os
import threading
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

from govsite.pipeline.build import build
from govsite.serve import _Handler
from tests.conftest import SiteFolder
from tests.redirects.redirect_helpers import (BASE_URL, RedirectPage, build_ok, idx, is_redirect,
                                              netlify_rules, nginx_map, page_file)

REDIRECTS = f"""\
/art/2024/6/5/art_1_2.html: {idx(1)}
/zwgk/: xxgk/gfxwj/
/col/col123: xxgk/xxgkzn/
/module/show.jsp: xxgk/xzfb/2025/00002.html
"""


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_redirect_page_is_a_small_page_that_leads_to_the_new_one(site: SiteFolder) -> None:
    site.write("redirects.yaml", REDIRECTS)
    build_ok(site)
    page = RedirectPage(site.read_out("art/2024/6/5/art_1_2.html"))
    assert page.lang == "zh-CN"
    assert page.title == "页面已迁移 — 测试县人民政府"
    assert page.robots == "noindex"
    assert page.canonical == BASE_URL + "xxgk/xzfb/2025/00001.html"  # absolute
    assert page.refresh_url == "/xxgk/xzfb/2025/00001.html"
    assert page.links == [("/xxgk/xzfb/2025/00001.html", BASE_URL + "xxgk/xzfb/2025/00001.html")]  # visible link
    target = page_file(site.out, BASE_URL, urljoin(BASE_URL + "art/2024/6/5/art_1_2.html", page.refresh_url))
    assert target == site.out / "xxgk/xzfb/2025/00001.html" and not is_redirect(target)


def test_where_the_pages_are_written(site: SiteFolder) -> None:
    site.write("redirects.yaml", REDIRECTS)
    build_ok(site)
    assert (site.out / "art/2024/6/5/art_1_2.html").is_file()  # exactly that file
    assert (site.out / "zwgk/index.html").is_file()  # a folder path: index.html inside
    assert (site.out / "col/col123/index.html").is_file()  # no extension: served as a folder
    assert not (site.out / "module").exists()  # .jsp would not be served as HTML: server rules only
    assert ("/module/show.jsp", "/xxgk/xzfb/2025/00002.html", "301") in netlify_rules(site.out)


def test_an_old_path_that_is_not_utf8_gets_server_rules_only(site: SiteFolder) -> None:
    site.write_item(4, legacy_url="http://old.test.gov.cn/%D5%FE%B2%DF/a.html")  # GBK, as old CMSs wrote it
    build_ok(site)
    assert netlify_rules(site.out) == [("/%D5%FE%B2%DF/a.html", "/xxgk/xzfb/2025/00004.html", "301")]
    assert b'"/\xd5\xfe\xb2\xdf/a.html" "/xxgk/xzfb/2025/00004.html";' in (site.out / "redirects.nginx.conf").read_bytes()
    assert not [p for p in site.out.rglob("a.html")]  # no file name can hold it as text
    assert "/%D5%FE%B2%DF/a.html" in (site.root / "urls.txt").read_text(encoding="utf-8")


def test_redirects_file_and_nginx_map(site: SiteFolder) -> None:
    site.write("redirects.yaml", REDIRECTS)
    build_ok(site)
    assert site.read_out("_redirects").splitlines()[2:] == [
        "/art/2024/6/5/art_1_2.html /xxgk/xzfb/2025/00001.html 301",
        "/col/col123 /xxgk/xxgkzn/ 301",
        "/col/col123/ /xxgk/xxgkzn/ 301",
        "/module/show.jsp /xxgk/xzfb/2025/00002.html 301",
        "/zwgk /xxgk/gfxwj/ 301",
        "/zwgk/ /xxgk/gfxwj/ 301",
    ]
    conf = site.read_out("redirects.nginx.conf")
    assert "if ($govsite_redirect) { return 301 $govsite_redirect; }" in conf
    assert "map $uri $govsite_redirect {" in conf and conf.rstrip().endswith("}")
    assert nginx_map(site.out) == {
        "/art/2024/6/5/art_1_2.html": "/xxgk/xzfb/2025/00001.html",
        "/col/col123": "/xxgk/xxgkzn/",
        "/col/col123/": "/xxgk/xxgkzn/",
        "/module/show.jsp": "/xxgk/xzfb/2025/00002.html",
        "/zwgk": "/xxgk/gfxwj/",
        "/zwgk/": "/xxgk/gfxwj/",
    }
    assert '    default "";' in conf


def test_a_site_without_redirects_gets_empty_rule_files(site: SiteFolder) -> None:
    build_ok(site)
    assert netlify_rules(site.out) == []
    assert "map $uri $govsite_redirect {" in site.read_out("redirects.nginx.conf")


SUB = "https://www.test.gov.cn/county/xxgk/"


def test_sub_path_base_url(site: SiteFolder) -> None:
    site.write("redirects.yaml", REDIRECTS)
    build_ok(site, base_url=SUB)
    page = RedirectPage(site.read_out("art/2024/6/5/art_1_2.html"))
    assert page.refresh_url == "/county/xxgk/xxgk/xzfb/2025/00001.html"
    assert page.canonical == SUB + "xxgk/xzfb/2025/00001.html"
    assert ("/county/xxgk/art/2024/6/5/art_1_2.html", "/county/xxgk/xxgk/xzfb/2025/00001.html", "301") in netlify_rules(site.out)
    assert nginx_map(site.out)["/county/xxgk/zwgk/"] == "/county/xxgk/xxgk/gfxwj/"

    # served under the sub-path on 127.0.0.1, the old URL leads to the item
    handler = functools.partial(_Handler, directory=str(site.out), prefix="/county/xxgk/")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        root = f"http://127.0.0.1:{server.server_address[1]}/county/xxgk/"
        for old, title in (("art/2024/6/5/art_1_2.html", "第1项工作"), ("zwgk/", "规范性文件"), ("col/col123/", "政府信息公开指南")):
            with urllib.request.urlopen(root + old, timeout=5) as resp:
                refresh = RedirectPage(resp.read().decode("utf-8")).refresh_url
            with urllib.request.urlopen(urljoin(root + old, refresh), timeout=5) as resp:
                assert resp.status == 200 and title in resp.read().decode("utf-8"), old
    finally:
        server.shutdown()


def test_output_is_deterministic(site: SiteFolder, tmp_path: Path) -> None:
    site.write("redirects.yaml", REDIRECTS + "/政策/通知 1.html: xxgk/gfxwj/\n")
    site.write_item(4, legacy_url="http://old.test.gov.cn/art/9.html", previous_urls=["/xxgk/zhen/2025/00001.html"])
    first = build(site.root, out=tmp_path / "a", jobs=1)
    second = build(site.root, out=tmp_path / "b", jobs=4)
    assert first.ok and second.ok
    a, b = outputs(tmp_path / "a"), outputs(tmp_path / "b")
    mine = {p for p in a if p in ("_redirects", "redirects.nginx.conf") or b'http-equiv="refresh"' in a[p]}
    assert mine == {"_redirects", "redirects.nginx.conf", "art/9.html", "xxgk/zhen/2025/00001.html",
                    "art/2024/6/5/art_1_2.html", "zwgk/index.html", "col/col123/index.html", "政策/通知 1.html"}
    assert {p: a[p] for p in mine} == {p: b.get(p) for p in mine}


def test_incremental_builds_rewrite_only_what_a_redirect_shows(site: SiteFolder) -> None:
    site.write("redirects.yaml", REDIRECTS)
    build_ok(site)
    again = build_ok(site)
    assert (again.written, again.deleted) == (0, 0)
    redirect_outputs = {"art/2024/6/5/art_1_2.html", "zwgk/index.html", "col/col123/index.html", "new.html",
                        "_redirects", "redirects.nginx.conf"}

    def mine(paths: list[str]) -> set[str]:
        """Redirect outputs and content pages written (other features may add their own files)."""
        return {p for p in paths if p in redirect_outputs or p.startswith("xxgk/")}

    site.write("redirects.yaml", REDIRECTS.replace("/zwgk/: xxgk/gfxwj/", "/zwgk/: xxgk/xxgkzn/"))
    changed = build_ok(site)
    assert mine(changed.written_paths) == {"zwgk/index.html", "_redirects", "redirects.nginx.conf"}
    assert RedirectPage(site.read_out("zwgk/index.html")).refresh_url == "/xxgk/xxgkzn/"

    site.write_item(2, title="标题改了，网址不变")  # the target's title is not shown on a redirect page
    changed = build_ok(site)
    assert "xxgk/xzfb/2025/00002.html" in changed.written_paths
    assert not mine(changed.written_paths) & redirect_outputs

    site.write("redirects.yaml", REDIRECTS.replace("/zwgk/: xxgk/gfxwj/", "/zwgk/: xxgk/xxgkzn/") + "/new.html: xxgk/\n")
    added = build_ok(site)
    assert mine(added.written_paths) == {"new.html", "_redirects", "redirects.nginx.conf"}
    assert os.path.isfile(site.out / "new.html")
