"""The search page ``search/index.html``: Pagefind's Component UI over every shard.

The page loads Pagefind's own script from the site (``pagefind/pagefind-component-ui.js``)
and hands it, in a JSON block, the shard bundles to merge. Paths in the JSON are
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
from govsite.search.docs import CORE, SEARCH_PAGE, SHARD_FILTER, Shard, collect_shards
from govsite.search.records import LOOKUP_LANG



def search_config(shards: list[Shard], url) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """What the page passes to Pagefind, with paths relative to the page.

    Each merged bundle carries the hidden filter ``分片`` (its shard name; lookup
    records get their own value, listed in ``lookupShards``: the page leaves them out
    of every result list and searches them on their own for a whole 文号 or 索引号;
    a date-sorted walk of the shards, in the order of ``sortShards``, newest first,
    leaves them out too)."""
    merge: list[dict[str, Any]] = []
    for shard in shards:
        if shard.name != CORE:
            merge.append({"bundlePath": url(shard.folder), "mergeFilter": {SHARD_FILTER: shard.name}})
        if shard.lookups:
            merge.append({"bundlePath": url(shard.folder), "language": LOOKUP_LANG,
                          "mergeFilter": {SHARD_FILTER: f"{shard.name}-{LOOKUP_LANG}"}})
    core = next(s for s in shards if s.name == CORE)
    return {"bundlePath": url(core.folder), "baseUrl": url(""), "mergeIndex": merge,
            "shardFilter": SHARD_FILTER, "sortShards": [s.name for s in shards if s.name != CORE],
            "lookupShards": [f"{s.name}-{LOOKUP_LANG}" for s in shards if s.lookups]}


def plan(model: SiteModel, d: Digests) -> Iterator[PageSpec]:
    """Feature entry point: the search page depends on the site and the list of shards.

    Its digest also covers the index settings (Pagefind version, the code preparing
    its input): a no-change build stops before the post-render steps, so a stale
    search page is what makes an upgraded govsite re-index."""
    from govsite.search.indexer import settings_digest

    shards = collect_shards(model)
    layout = sha1(*(f"{s.name}:{bool(s.lookups)}" for s in shards), "lookups-apart")
    yield PageSpec(SEARCH_PAGE, "search.html", "search", (), sha1(d.site, layout, settings_digest()))


def ctx_search(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    from govsite.render.context import base_context

    ctx = base_context(model, spec, "站内搜索", [("站内搜索", spec.path)])
    config = search_config(collect_shards(model), ctx["url"])
    # JSON inside <script type="application/json">: "<" is escaped so no "</script>" can occur.
    ctx["search_config"] = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    ctx["meta"].update(ColumnName="站内搜索", ColumnType="站内搜索")
    return ctx


CONTEXTS = {"search": ctx_search}
