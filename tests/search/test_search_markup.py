"""Content is semi-trusted: markup in a title, a 文号 or a body reaches the search page
only as text (issue 16; the page draws results itself, tests/search/test_search_page.py).
Built with search, served on 127.0.0.1 and searched in Chromium: the title and the 文号
are shown character for character, no handler runs, and the full-text excerpt is text
with only the page's own <mark>."""
from __future__ import annotations

from urllib.parse import quote

from govsite.pipeline.build import build
from tests.conftest import SiteFolder
from tests.search.search_helpers import serve

TITLE = '测试县人民政府关于<img src=x onerror="window.pwned=1">标记测试的通知'
DOC_NO = '测政办发〔2025〕<b onmouseover="window.pwned=2">9</b>号'
BODY = '标记测试正文：<a href="javascript:window.pwned=3">点此</a>与 <svg onload="window.pwned=4"> 都只是文字。'


def test_markup_in_content_is_text_in_search_results(site: SiteFolder, page) -> None:  # type: ignore[no-untyped-def]
    site.write_item(1, title=TITLE, doc_no=DOC_NO, body=BODY)
    result = build(site.root)
    assert result.ok, result.problems
    with serve(site.out) as origin:
        page.goto(origin + "/search/?q=" + quote("标记测试"))
        link = page.locator("#search-list a.pf-result-link").first
        link.wait_for()
        assert link.inner_text() == TITLE
        assert page.locator("#search-list .pf-result-meta").first.inner_text().startswith(DOC_NO + " · ")
        assert page.locator("#search-list img, #search-list b, #search-list svg").count() == 0
        link.hover()
        page.select_option("#search-scope", "text")
        page.wait_for_selector("#search-list .pf-result-excerpt")
        excerpt = page.locator("#search-list .pf-result-excerpt").first
        assert "标记测试" in excerpt.inner_text().replace(" ", "")
        assert excerpt.evaluate("e => [...e.querySelectorAll('*')].every(x => x.tagName === 'MARK')")
        assert page.locator("#search-list a[href^='javascript']").count() == 0
        assert page.evaluate("() => window.pwned") is None
