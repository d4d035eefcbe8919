"""Browser-free: every redirect the build writes (static page, _redirects rule,
nginx map entry) lands on a built page that is not itself a redirect."""
from __future__ import annotations

from urllib.parse import unquote, urljoin

import pytest

from tests.conftest import SiteFolder
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue
from tests.redirects.redirect_helpers import (RedirectPage, build_ok, follow, idx, is_redirect, netlify_rules,
                                              nginx_map, page_file)


def fill(site: SiteFolder) -> None:
    write_gazette(site, first_year=2025, frequency="irregular")
    write_article(site, write_issue(site, 2025, 1, "2025-01-15"), 1, body="正文。")
    site.write_item(4, legacy_url="http://old.test.gov.cn/art/2024/6/5/art_1_2.html",
                    previous_urls=["/xxgk/zhen/2024/00001.html", "http://www.zhen.gov.cn/col/col9/"])
    site.write("redirects.yaml", f"""\
/zwgk/: xxgk/gfxwj/
/zwgk/old.html: /zwgk/
/col/col123: {idx(1)}
/module/show.jsp: xxgk/xzfb/2025/00002.html
/政策 文件/通知.html: zfgb/2025/01/1.html
/gb/: zfgb/2025/01/
http://www.old.gov.cn/index.htm: /
/withdrawn.html: ~
""")


@pytest.mark.parametrize("base_url", ["https://www.test.gov.cn/", "https://www.test.gov.cn/county/xxgk/"])
def test_every_redirect_lands_on_a_built_page(site: SiteFolder, base_url: str) -> None:
    fill(site)
    build_ok(site, base_url=base_url)
    out = site.out
    base_path = "/" + base_url.split("/", 3)[3]
    pages = [p for p in out.rglob("*.htm*") if is_redirect(p)]
    assert len(pages) == 9  # every HTML-like old path (not .jsp, not the withdrawn one)
    for page in pages:
        rel = page.relative_to(out).as_posix()
        old_url = base_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        parsed = RedirectPage(page.read_text(encoding="utf-8"))
        first = page_file(out, base_url, urljoin(old_url, parsed.refresh_url))
        assert first is not None and not is_redirect(first), f"{rel} -> {parsed.refresh_url}"  # one hop
        assert parsed.canonical.startswith(base_url) and page_file(out, base_url, parsed.canonical) == first
        assert follow(out, base_url, old_url)[0] == first

    rules = netlify_rules(out)
    assert len(rules) == 14 and all(status == "301" for _o, _n, status in rules)
    for old, new, _status in rules:
        assert old.startswith(base_path) and new.startswith(base_path)
        target = page_file(out, base_url, base_url + new[len(base_path):].split("#")[0])
        assert target is not None and not is_redirect(target), new
    assert {(unquote(o), n) for o, n, _s in rules} == set(nginx_map(out).items())
