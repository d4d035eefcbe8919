"""Which title tiers can hold a phrase: a small map of govsite's own beside Pagefind's.

With the title layer in tiers (:mod:`govsite.search.docs`), a query that finds fewer
than a page of results in its first tier used to read every tier: a title phrase
that 3 titles hold took 69 requests and 1.6 MB at 100,000 items (8 tiers), most of
it the tiers' metadata files. The route map says, for every bigram word of the
title layer, which tiers hold it, as a bitmask (bit *i*: the *i*-th tier, newest
first), split into :data:`ROUTE_BUCKETS` JSON files by a hash of the bigram
(FNV-1a over its UTF-16 code units, computed the same way in ``search.html``).

When a query's first tier gives less than a page of results, the search page
reads the files of up to 3 bigrams of each part of the query (first, middle, last).
A page that holds a phrase holds every bigram of it, so only the tiers set in all
their masks can hold a match, and the page reads just those. On the synthetic
100,000-item corpus the benchmark's rare phrase is not narrowed (every year's titles
come from one pool of patterns, so its bigrams are in every tier); the tiered demo
test shows a phrase that is.
The map is a superset test, never a miss: when it names no tier (the words are in
another order, or a word is not a title word), the page reads the tiers as before.
"""
from __future__ import annotations

import json

from govsite.search.docs import BUNDLE_DIR, Shard
from govsite.search.fields import SearchDoc
from govsite.search.records import identifier_words
from govsite.search.tokens import fnv1a, tokens_and_words

ROUTE = "route"
ROUTE_DIR = f"{BUNDLE_DIR}/{ROUTE}"
ROUTE_BUCKETS = 32
"""Files of the map: about 40 KB each (15 KB sent by a gzip host) at 100,000 items."""
MAX_ROUTED_TIERS = 31
"""The page combines masks with JavaScript's 32-bit operators: above this, no map."""


def doc_bigrams(doc: SearchDoc) -> set[str]:
    """The bigram words of ``doc``'s title-layer record (records.record)."""
    words = {w for f in doc.fields for w in tokens_and_words(f)[1]}
    words.update(w for i in doc.identifiers for w in identifier_words(i))  # word characters only
    return {w for w in words if len(w) == 2}


def routed(tiers: list[Shard]) -> bool:
    """Is there a map: more than one tier, and few enough for 32-bit masks."""
    return 1 < len(tiers) <= MAX_ROUTED_TIERS


def route_files(tiers: list[Shard]) -> dict[str, bytes]:
    """Output path → bytes of every file of the map ({} when the layer is not routed)."""
    if not routed(tiers):
        return {}
    buckets: list[dict[str, int]] = [{} for _ in range(ROUTE_BUCKETS)]
    for bit, tier in enumerate(tiers):
        for doc in tier.docs:
            for word in doc_bigrams(doc):
                bucket = buckets[fnv1a(word) % ROUTE_BUCKETS]
                bucket[word] = bucket.get(word, 0) | (1 << bit)
    return {f"{ROUTE_DIR}/{i:02d}.json": json.dumps(b, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
            for i, b in enumerate(buckets)}
