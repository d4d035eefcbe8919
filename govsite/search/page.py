"""The search page ``search/index.html``: the site's own small UI over Pagefind's JS API.

The page loads ``assets/search-engine.js`` (what a query asks Pagefind) and
``assets/search.js`` (the form, the result list), and hands them, in a JSON block,
the title layer and the text shards. Paths in the JSON are relative to the page, so
the site works under any sub-path; the scripts turn them into absolute paths (Pagefind
loads merged bundles from a web worker, where relative paths would resolve against
the worker's script). The filter pane is plain HTML from :func:`filter_groups`. The
search given as ``?q=`` (the header search box submits there) starts at once.

Pagefind's Component UI was used before (issue 4); its 175 KB script cost 200–300 ms
of parsing before Pagefind started on this 2-core machine (docs/performance.md).
"""
from __future__ import annotations

import json
from typing import Any, Iterator

from govsite.model.site_model import SiteModel
from govsite.base.digests import sha1
from govsite.render.digests import Digests
from govsite.render.plan import PageSpec
from govsite.search.docs import BUNDLE_DIR, CORE, SEARCH_PAGE, SHARD_FILTER, Shard, collect_shards
from govsite.search.route import RARE_PAGES, ROUTE_DIR, bucket_count, routed


PAGE_SIZE = 10
"""A first page of results (the identifier check and the 全文 ordering look at this many)."""
RESULT_WINDOW = 50
"""Results the list shows at first and adds per 显示更多结果 (each costs its fragment,
a request)."""
FILTER_ORDER = ("类型", "发布机构", "年份", "主题分类", "体裁", "有效性")
"""The filter pane's groups in this order (others after them, by name)."""

def filter_totals(shards: list[Shard]) -> dict[str, dict[str, int]]:
    """{filter: {value: pages}} over the whole site, for the filter pane.

    The page hands these to the pane itself instead of letting Pagefind read its
    filter files at start: at 10,000 items those were 6 requests and 126 KiB before
    the first result, at 100,000 items 1.5 MB. Pagefind still reads a filter's file
    when a search uses it."""
    totals: dict[str, dict[str, int]] = {}
    for doc in (d for s in shards if s.is_title for d in s.docs):
        for name, value in doc.filters.items():
            values = totals.setdefault(name, {})
            values[value] = values.get(value, 0) + 1
    return {name: dict(sorted(values.items())) for name, values in sorted(totals.items())}


def filter_groups(totals: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    """The filter pane's groups: [{name, values: [(value, pages)]}], without the hidden
    shard filter; years newest first, other values by page count (then by value)."""
    names = sorted((n for n in totals if n != SHARD_FILTER),
                   key=lambda n: (FILTER_ORDER.index(n) if n in FILTER_ORDER else len(FILTER_ORDER), n))
    groups = []
    for name in names:
        values = totals[name].items()
        ordered = sorted(values, reverse=True) if name == "年份" else sorted(values, key=lambda v: (-v[1], v[0]))
        groups.append({"name": name, "values": ordered})
    return groups


def search_config(shards: list[Shard], url) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """What the page passes to Pagefind, with paths relative to the page: the runtime
    (``bundlePath``), the title layer's tiers and the text shards, newest first,
    each merged with the filter ``分片`` set to its name (a tier also gives its
    years, for a 文号 or 索引号 that names one), the tiers' route map
    (:mod:`govsite.search.route`, or None), and the filter pane's values with
    their counts."""
    tiers = [s for s in shards if s.is_title]
    titles = [{"name": s.name, "bundlePath": url(s.folder), "years": list(s.years)} for s in tiers]
    text = [{"name": s.name, "bundlePath": url(s.folder)} for s in shards if s.name != CORE and not s.is_title]
    route = {"path": url(f"{ROUTE_DIR}/"), "buckets": bucket_count(tiers), "rare": RARE_PAGES} if routed(tiers) else None
    return {"bundlePath": url(f"{BUNDLE_DIR}/"), "titles": titles, "baseUrl": url(""), "textShards": text,
            "shardFilter": SHARD_FILTER, "pageSize": PAGE_SIZE, "resultWindow": RESULT_WINDOW,
            "filters": filter_totals(shards), "route": route}


def plan(model: SiteModel, d: Digests) -> Iterator[PageSpec]:
    """Feature entry point: the search page depends on the site and the list of shards.

    Its digest also covers the index settings (Pagefind version, the code preparing
    its input): a no-change build stops before the post-render steps, so a stale
    search page is what makes an upgraded govsite re-index."""
    from govsite.search.indexer import settings_digest

    shards = collect_shards(model)
    layout = sha1(*(s.name for s in shards), "title-and-text-layers", json.dumps(filter_totals(shards), ensure_ascii=False))
    yield PageSpec(SEARCH_PAGE, "search.html", "search", (), sha1(d.site, layout, settings_digest()))


def ctx_search(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    from govsite.render.context import base_context

    ctx = base_context(model, spec, "站内搜索", [("站内搜索", spec.path)])
    config = search_config(collect_shards(model), ctx["url"])
    # JSON inside <script type="application/json">: "<" is escaped so no "</script>" can occur.
    ctx["search_config"] = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    ctx["meta"].update(ColumnName="站内搜索", ColumnType="站内搜索")
    ctx["filter_groups"] = filter_groups(config["filters"])
    return ctx


CONTEXTS = {"search": ctx_search}
