"""The search index's state after body edits followed without the model
(:mod:`govsite.pipeline.edits`): the shards that hold a rewritten page are marked
stale in ``pagefind/govsite-shards.json``, written as the indexer writes it (sorted
keys, ``indent=0``), so that the next full build re-indexes exactly those. The
file's name, the mark and each page's shard come from the edit record
(:func:`govsite.search.edits.remember`), so this module imports nothing of
``govsite.search`` (whose package imports numpy: ≈ 0.1 s of a 0.5 s edit).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable

from govsite.pipeline.twin import fresh_path


def mark_stale(stage: Path, out: Path, rel: str, stale: str, shards: Iterable[str]) -> tuple[str, str, bool] | None:
    """Write the state ``rel`` into ``stage`` with ``shards`` marked ``stale``: (path,
    manifest digest, rewritten?); None when the output's state is unusable."""
    try:
        old = (out / rel).read_bytes()
        state = json.loads(old)
        known = state["shards"]
    except (KeyError, TypeError, OSError, ValueError):
        return None
    if not isinstance(known, dict):
        return None
    for name in shards:
        if name not in known:
            return None
        known[name] = stale
    data = json.dumps(state, ensure_ascii=False, indent=0, sort_keys=True).encode("utf-8")
    if data == old:  # already stale: the staging folder holds the output's file
        return rel, hashlib.sha1(data).hexdigest(), False
    fresh_path(str(stage / rel))
    (stage / rel).parent.mkdir(parents=True, exist_ok=True)
    (stage / rel).write_bytes(data)
    return rel, hashlib.sha1(data).hexdigest(), True
