"""What a citizen sees on the search page in Chromium (issue 16): one result per page
and a count of distinct pages (lookup records are never results), 【精确匹配】 only for
a whole 文号 or 索引号 however its brackets and spaces are typed (never for a prefix),
identifiers shown exactly as published, and a nonsense Latin word finding nothing,
with help on what to do instead."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from tests.search.search_helpers import SUB_PATH, open_search_api, search

RESULT = "#search-list li.pf-result a.pf-result-link"
EXACT_DOC = "xxgk/xzfb/2024/00005.html"
"""示政办发〔2024〕12号, 索引号 11999921014372235X/2024-00005."""
INDEX_DOC = "xxgk/yjglj/2025/00001.html"
"""索引号 11999921014373625T/2025-00001, 示应急发〔2025〕4号."""


def _open(page, served_demo, query: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served_demo.root_url + "search/?q=" + quote(query))
    page.wait_for_function("() => /找到|没有找到|未找到/.test(document.querySelector('#search-summary').textContent)")


def _shown(page) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    page.wait_for_selector(RESULT)
    return page.eval_on_selector_all("#search-list li.pf-result:has(a.pf-result-link)", """items => items.map(li => ({
        href: li.querySelector("a.pf-result-link").getAttribute("href"),
        title: li.querySelector("a.pf-result-link").textContent.trim(),
        label: (li.querySelector(".pf-exact") || {textContent: ""}).textContent.trim(),
        meta: (li.querySelector(".pf-result-meta") || {textContent: ""}).textContent.trim()}))""")


def _count(page) -> int:  # type: ignore[no-untyped-def]
    text = page.inner_text("#search-summary")
    number = re.search(r"([\d,]+)\s*个", text)
    assert number, text
    return int(number.group(1).replace(",", ""))


@pytest.mark.parametrize("query", ["示政办发〔2024〕12号", "示政办", "11999921014373625T/2025-00001", "通知"])
def test_count_is_the_number_of_distinct_pages(served_demo, page, query) -> None:
    _open(page, served_demo, query)
    shown = _count(page)
    open_search_api(page, served_demo.origin)
    found = search(page, query, limit=10000)
    urls = [h["url"] for h in found["hits"]]
    assert len(urls) == len(set(urls)) == found["count"] == shown, (query, shown, found["count"])
    assert not any(h["title"].startswith("【精确匹配】") for h in found["hits"])


@pytest.mark.parametrize("query", ["示政办发〔2024〕12号", "示政办发[2024]12号", "示政办发 ［2024］ 12号",
                                   "示政办发 2024 12号", "11999921014372235X/2024-00005", "11999921014372235X／2024－00005"])
def test_whole_identifier_is_labelled_exact_and_first(served_demo, page, query) -> None:
    _open(page, served_demo, query)
    results = _shown(page)
    assert results[0]["href"] == SUB_PATH + EXACT_DOC
    assert results[0]["label"] == "【精确匹配】"
    assert results[0]["title"] == "示例县人民政府办公室关于印发示例县城区临时占道经营管理暂行办法的通知"
    assert [r["label"] for r in results[1:]] == [""] * (len(results) - 1)
    assert page.locator(".pf-exact").count() == 1


@pytest.mark.parametrize("query", ["示政办", "示政办发", "示政办发〔2024〕1", "11999921014372235X"])
def test_a_prefix_is_not_labelled_exact(served_demo, page, query) -> None:
    _open(page, served_demo, query)
    if _count(page):
        _shown(page)
    assert page.locator(".pf-exact").count() == 0
    assert "精确匹配" not in page.inner_text("main")


def test_identifiers_are_shown_as_published(served_demo, page) -> None:
    _open(page, served_demo, "11999921014373625T/2025-00001")
    results = _shown(page)
    first = results[0]
    assert first["href"] == SUB_PATH + INDEX_DOC and first["label"] == "【精确匹配】"
    assert first["title"] == "示例县应急管理局2025年度安全生产监督检查计划"
    assert first["meta"].startswith("示应急发〔2025〕4号 · 示例县应急管理局 · ")
    text = page.inner_text("#search-list")
    assert "／" not in text and "－" not in text
    # The page it leads to has the 索引号 exactly as typed.
    page.goto(served_demo.origin + first["href"])
    assert "11999921014373625T/2025-00001" in page.inner_text("main")


@pytest.mark.parametrize("query", ["xqzvbnmq", "xqzvbnmq 通知"])
def test_nonsense_latin_query_finds_nothing_and_says_what_to_do(served_demo, page, query) -> None:
    _open(page, served_demo, query)
    page.wait_for_selector("#search-empty", state="visible")
    assert page.locator(RESULT).count() == 0
    assert "没有找到" in page.inner_text("#search-summary")
    help_text = page.inner_text("#search-empty")
    for hint in ("错别字", "减少关键词", "年份", "发布机构"):
        assert hint in help_text
    links = page.eval_on_selector_all("#search-empty a", "as => as.map(a => new URL(a.href).pathname)")
    assert SUB_PATH + "xxgk/year/" in links
    # A search that finds something hides the help again.
    page.fill("#search-input", "森林防火期")
    page.wait_for_selector(RESULT)
    page.wait_for_selector("#search-empty", state="hidden")
