"""The search index after body edits made by a quick build that did not load the model
(:mod:`govsite.pipeline.edits`): the text shards that hold a rewritten page are
marked stale, as a quick build with the model marks them (:func:`indexer.run`), so
that the next full build re-indexes exactly those.

Which shard holds which page depends on every page of its year (a year above 1,000
pages is split), so it is taken from the model of the last page-by-page build
(:func:`page_shards`, kept in the edit record: ≈ 0.1 s of that build at 10,000
items, the shards being made once per model) rather than recomputed.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Iterable

from govsite.model.site_model import SiteModel
from govsite.search.docs import CORE, collect_shards
from govsite.search.indexer import STALE, STATE


def page_shards(model: SiteModel) -> dict[str, str]:
    """Output path of each page with text → the name of its text shard."""
    return {page: shard.name for shard in collect_shards(model) if not shard.is_title and shard.name != CORE for page in shard.pages}


def mark_stale(stage: Path, out: Path, shards: Iterable[str]) -> tuple[str, str, bool] | None:
    """Write the index state into ``stage`` with ``shards`` marked stale; returns its
    (path, manifest digest, rewritten?), or None when the output has no readable state."""
    try:
        old = (out / STATE).read_bytes()
        state = json.loads(old)
    except (OSError, ValueError):
        return None
    known = state.get("shards") if isinstance(state, dict) else None
    if not isinstance(known, dict):
        return None
    for name in shards:
        if name not in known:
            return None
        known[name] = STALE
    data = json.dumps(state, ensure_ascii=False, indent=0, sort_keys=True).encode("utf-8")
    if data == old:  # already stale: the staging folder holds the output's file
        return STATE, hashlib.sha1(data).hexdigest(), False
    target = stage / STATE
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.unlink(target)  # the staging folder may hold a link to the output's file: never written in place
    except FileNotFoundError:
        pass
    target.write_bytes(data)
    return STATE, hashlib.sha1(data).hexdigest(), True
