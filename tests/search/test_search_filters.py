"""Filters and sorting through Pagefind's JS API in real Chromium (issue 4): 发布机构,
主题分类, 体裁, 年份, 有效性 and 类型 narrow the results to what they name, and results
sort by 发布日期."""
from __future__ import annotations

from tests.search.search_helpers import filters, open_search_api, search, site_path

FILTERS = ("发布机构", "主题分类", "体裁", "年份", "有效性", "类型")


def _paths(found) -> list[str]:  # type: ignore[no-untyped-def]
    return [site_path(h["url"]) for h in found["hits"]]


def test_every_filter_is_offered_with_counts(served_demo, page) -> None:
    open_search_api(page, served_demo.origin)
    offered = filters(page)
    assert set(FILTERS) <= set(offered), offered.keys()
    assert offered["类型"].keys() >= {"信息公开", "政府公报", "页面"}
    assert offered["有效性"].keys() >= {"有效", "废止", "失效", "已修改"}
    assert offered["有效性"]["废止"] == 2
    assert "示例县东湖镇人民政府" in offered["发布机构"]
    assert {"2024", "2025", "2026"} <= offered["年份"].keys()
    assert offered["体裁"]["规范性文件"] >= 5
    # 主题分类 offers the first level only (综合政务, 财政、金融、审计, …).
    assert "综合政务" in offered["主题分类"] and len(offered["主题分类"]) <= 22


def test_filters_narrow_results_to_what_they_name(served_demo, page) -> None:
    open_search_api(page, served_demo.origin)
    by_org = search(page, "公示", {"filters": {"发布机构": "示例县市场监督管理局"}}, limit=50)
    assert by_org["count"] >= 3
    assert {h["org"] for h in by_org["hits"]} == {"示例县市场监督管理局"}

    gazette = search(page, "通知", {"filters": {"类型": "政府公报"}}, limit=100)
    assert gazette["count"] >= 20 and all(p.startswith("zfgb/") for p in _paths(gazette))
    items = search(page, "通知", {"filters": {"类型": "信息公开"}}, limit=100)
    assert items["count"] >= 20 and all(p.startswith("xxgk/") for p in _paths(items))

    repealed = search(page, "办法", {"filters": {"有效性": "废止"}}, limit=50)
    assert set(_paths(repealed)) == {"xxgk/xzf/2024/00001.html", "xxgk/xzfb/2024/00005.html"}

    by_year = search(page, "统计公报", {"filters": {"年份": "2025"}}, limit=50)
    assert _paths(by_year)[0] == "xxgk/tjj/2025/00001.html"
    assert all(h["date"].startswith("2025-") for h in by_year["hits"])

    genre = search(page, "管理办法", {"filters": {"体裁": "规范性文件"}}, limit=50)
    assert genre["count"] >= 3
    assert "xxgk/czj/2025/00005.html" in _paths(genre) and "xxgk/tjj/2026/00001.html" not in _paths(genre)

    combined = search(page, "通知", {"filters": {"类型": "政府公报", "年份": "2024"}}, limit=50)
    assert combined["count"] >= 3 and all(p.startswith("zfgb/2024/") for p in _paths(combined))


def test_results_sort_by_publish_date_in_either_scope(served_demo, page) -> None:
    """The page's 排序方式: newest or oldest first, over the title layer (one bundle,
    sorted by Pagefind) and over the full text (the year shards walked in date order)."""
    open_search_api(page, served_demo.origin)
    relevance = search(page, "通知", limit=500)
    for scope in ("", "text"):
        page.select_option("#search-scope", scope)
        for order in ("desc", "asc"):
            page.select_option("#search-sort", order)
            found = search(page, "通知", limit=500)
            dates = [h["date"] for h in found["hits"]]
            assert len(dates) >= 20 and all(dates), (scope, order)  # undated pages are left out
            assert dates == sorted(dates, reverse=order == "desc"), (scope, order)
            assert len(set(_paths(found))) == found["count"] == len(dates)
            if scope == "text":
                assert found["count"] >= relevance["count"]  # the text layer holds every title match too
    # The pane's values come from the page's configuration: the hidden shard filter is not among them.
    assert "分片" not in filters(page)
