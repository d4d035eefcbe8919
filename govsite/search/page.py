"""The search page ``search/index.html``: Pagefind's Component UI over the title layer.

The page loads Pagefind's own script from the site (``pagefind/pagefind-component-ui.js``)
and hands it, in a JSON block, the title layer and the text shards. Paths in the JSON are
relative to the page, so the site works under any sub-path; the page's small inline
script only turns them into absolute paths (Pagefind loads merged bundles from a
web worker, where relative paths would resolve against the worker's script),
passes them to ``PagefindComponents.configureInstance`` and starts the search given
as ``?q=`` (the header search box submits there).
"""
from __future__ import annotations

import json
from typing import Any, Iterator

from govsite.model.site_model import SiteModel
from govsite.render.digests import Digests, sha1
from govsite.render.plan import PageSpec
from govsite.search.docs import BUNDLE_DIR, CORE, SEARCH_PAGE, SHARD_FILTER, Shard, collect_shards
from govsite.search.route import ROUTE_BUCKETS, ROUTE_DIR, routed


PAGE_SIZE = 10
"""A first page of results (the identifier check and the 全文 ordering look at this many)."""
RESULT_WINDOW = 50
"""Results the list shows at first and adds per 显示更多结果 (its component makes a
placeholder element per result, which cost 4 s for 2,728 results)."""

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
    route = {"path": url(f"{ROUTE_DIR}/"), "buckets": ROUTE_BUCKETS} if routed(tiers) else None
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
    ctx["result_window"] = RESULT_WINDOW
    return ctx


CONTEXTS = {"search": ctx_search}
