"""What a quick build that follows body edits without the model
(:mod:`govsite.pipeline.edits`) needs to know of the search index: the state file,
its stale mark, and the text shard of each page. The build marks the shards of the
pages it rewrote stale, as a quick build with the model does (:func:`indexer.run`),
so that the next full build re-indexes exactly those.

Which shard holds which page depends on every page of its year (a year above 1,000
pages is split), so it is taken from the model of the last page-by-page build and
kept in the edit record (the shards are made once per model, so this costs that
build a dictionary). The fast path itself imports nothing of ``govsite.search``:
the package imports the indexer, and with it numpy (≈ 0.1 s).
"""
from __future__ import annotations

from typing import Any

from govsite.model.site_model import SiteModel
from govsite.search.docs import CORE, collect_shards
from govsite.search.indexer import STALE, STATE


def remember(model: SiteModel) -> dict[str, Any]:
    """The state file's path, its stale mark, and each page's text shard."""
    pages = {page: shard.name for shard in collect_shards(model)
             if not shard.is_title and shard.name != CORE for page in shard.pages}
    return {"state": STATE, "stale": STALE, "pages": pages}
