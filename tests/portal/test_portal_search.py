"""统一检索 in Chromium: one query on the portal's search page finds a document of each
county (their search bundles merged at query time with the member filter), and a
result's link opens the county's own page."""
from __future__ import annotations

from tests.portal.portal_helpers import COUNTIES
from tests.search.search_helpers import record_requests


def _search(page, province, query: str):  # type: ignore[no-untyped-def]
    page.goto(f"{province.origin}/portal/portal/search/?q={query}")
    page.wait_for_function("document.getElementById('portal-search-summary').textContent.startsWith('找到')"
                           " || document.getElementById('portal-search-summary').textContent.startsWith('没有')",
                           timeout=20000)
    return page.locator("#portal-search-list .pf-result")


def test_one_query_finds_a_document_of_each_county(page, province) -> None:  # type: ignore[no-untyped-def]
    requests = record_requests(page)
    results = _search(page, province, "人民政府关于")
    texts = results.all_inner_texts()
    for county in COUNTIES:
        assert any(county.name in t for t in texts), (county.name, texts)
    assert requests.external() == []


def test_a_result_opens_the_county_own_page(page, province) -> None:  # type: ignore[no-untyped-def]
    results = _search(page, province, "山林防火")
    assert results.count() == 1
    link = results.first.locator("a")
    assert link.inner_text() == "西岭县人民政府关于山林防火的通告"
    link.click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{province.origin}/xiling/xxgk/")
    assert page.locator("h1").inner_text() == "西岭县人民政府关于山林防火的通告"


def test_the_member_filter_narrows_to_one_county(page, province) -> None:  # type: ignore[no-untyped-def]
    _search(page, province, "人民政府关于")
    page.get_by_label("南山县人民政府").check()
    page.wait_for_function("[...document.querySelectorAll('#portal-search-list .pf-result')]"
                           ".every(li => li.textContent.includes('南山县'))", timeout=20000)
    texts = page.locator("#portal-search-list .pf-result").all_inner_texts()
    assert texts and all("南山县人民政府" in t for t in texts)
    full_text = page.locator("#portal-search-fulltext a").first.get_attribute("href")
    assert full_text == f"{province.origin}/dongcheng/search/?q=%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C%E5%85%B3%E4%BA%8E"


def test_a_county_whose_search_files_do_not_answer_is_left_out_and_named(page, province) -> None:  # type: ignore[no-untyped-def]
    refused: list[str] = []

    def not_found(route) -> None:  # type: ignore[no-untyped-def]
        refused.append(route.request.url)
        route.fulfill(status=404, body="not found")

    page.route(f"{province.origin}/dongcheng/pagefind/**", not_found)
    texts = _search(page, province, "人民政府关于").all_inner_texts()
    assert refused, "the page never asked for 东城县's search files"
    assert any("西岭县人民政府" in t for t in texts) and any("南山县人民政府" in t for t in texts), texts
    assert not any("东城县" in t for t in texts), texts
    notice = page.locator("#portal-search-unavailable")
    notice.wait_for(state="visible", timeout=20000)
    assert notice.get_attribute("role") == "alert"
    assert notice.inner_text().startswith("以下成员网站的检索文件暂时无法读取，检索结果中不含其信息：")
    assert notice.locator("li").all_inner_texts() == ["东城县人民政府（可到其网站检索）"]
    assert notice.locator("a").get_attribute("href") == f"{province.origin}/dongcheng/search/"
    assert page.locator("#portal-search-summary").inner_text().startswith("找到")


def test_no_notice_when_every_county_answers(page, province) -> None:  # type: ignore[no-untyped-def]
    _search(page, province, "人民政府关于")
    assert page.locator("#portal-search-unavailable").is_hidden()


def test_members_are_merged_in_batches_and_a_first_page_is_shown_early(page, province) -> None:  # type: ignore[no-untyped-def]
    """With batches of one member and pages of one result (the page's own configuration,
    changed in flight), the newest county's result is shown before the others are merged,
    then the search over every county replaces it."""
    url = f"{province.origin}/portal/portal/search/"

    def small_batches(route) -> None:  # type: ignore[no-untyped-def]
        html = route.fetch().text()
        html = html.replace('"pageSize":10', '"pageSize":1,"batch":1', 1)
        route.fulfill(status=200, body=html, headers={"content-type": "text/html; charset=utf-8"})

    page.route(url + "*", small_batches)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.add_init_script("""window.__summaries = [];
      document.addEventListener('DOMContentLoaded', () => {
        const s = document.getElementById('portal-search-summary');
        new MutationObserver(() => window.__summaries.push(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});
      });""")
    page.goto(url + "?q=人民政府关于")
    page.wait_for_function("document.getElementById('portal-search-summary').textContent.startsWith('找到')", timeout=20000)
    summaries = page.evaluate("window.__summaries")
    early = [s for s in summaries if s.startswith("已找到")]
    assert early and early[0].endswith("，正在检索其余成员网站……"), summaries
    assert summaries.index(early[0]) < len(summaries) - 1
    texts = page.locator("#portal-search-list .pf-result").all_inner_texts()
    for county in COUNTIES:
        assert any(county.name in t for t in texts), (county.name, texts)
    entries = [u for u in asked if u.endswith("pagefind-entry.json")]
    # the newest county (西岭县, 2026-11-12) is merged first
    assert entries and "/xiling/" in next(u for u in entries if "/portal/" not in u), entries
