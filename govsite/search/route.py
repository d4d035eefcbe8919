"""Which title tiers can hold a phrase: a small map of govsite's own beside Pagefind's.

With the title layer in tiers (:mod:`govsite.search.docs`), a query that finds fewer
than a page of results in its first tier used to read every tier: a title phrase
that 3 titles hold took 69 requests and 1.6 MB at 100,000 items (8 tiers), most of
it the tiers' metadata files (105 KB each). The route map says, for every bigram and
every trigram of the title layer's words (three characters in a row of a field's
word characters, as the page folds them), which tiers hold it, as a bitmask (bit
*i*: the *i*-th tier, newest first), split into :func:`bucket_count` JSON files by a
hash of the gram (FNV-1a over its UTF-16 code units, computed the same way in
``search-engine.js``).

When a query's first tier gives less than a page of results, the search page
reads the files of up to 3 grams of each part of the query (first, middle, last:
trigrams, or the bigram of a two-character part). A page that holds a phrase holds
every gram of it, so only the tiers set in all their masks can hold a match, and
the page reads just those. Bigrams alone did not narrow the benchmark's rare phrase
at 100,000 items (于持续优化人: every bigram is in 7 or 8 of the 8 tiers, since the
synthetic titles of every year come from one pool of patterns); its trigram 优化人
is in 3 (measured over the corpus: docs/performance.md). The map is a superset test,
never a miss: when it names no tier (the words are in another order, or a word is
not a title word), the page reads the tiers as before.

**Rare grams name their pages.** A gram that at most :data:`RARE_PAGES` pages of the
title layer hold is written with those pages instead of a mask: each as
``"bit:fragment"`` (its tier and the name of its Pagefind fragment, without the
``zxx_`` prefix). A title that holds a phrase holds every gram of it, so the pages
of the phrase's rare grams, intersected, are every page that can hold it; the
search page reads their fragments, keeps those whose title or organisation holds
every part of the query (a field's word characters in a row, exactly what the
phrase search of its bigrams matches), and has its complete title-layer answer
without Pagefind: no tier's metadata (105 KB each at 100,000 items), no index
chunk. The benchmark's rare phrase 于持续优化人 at 100,000 items had read 3 tiers
after the newest: 43 requests and 606 KiB before its first result
(docs/performance.md).
"""
from __future__ import annotations

import json

from govsite.search.docs import BUNDLE_DIR, Shard, page_order
from govsite.search.fields import SearchDoc
from govsite.search.records import identifier_words
from govsite.search.tokens import fnv1a, tokens_and_words

ROUTE = "route"
ROUTE_DIR = f"{BUNDLE_DIR}/{ROUTE}"
MIN_BUCKETS, MAX_BUCKETS = 32, 1024
DOCS_PER_BUCKET = 400
"""A file of the map per 400 title-layer pages (a power of two, 32 to 1,024): the
grams grow with the titles, and a query reads at most 3 files per part."""
RARE_PAGES = 8
"""A gram held by at most this many title-layer pages is written with their fragments."""
MAX_ROUTED_TIERS = 31
"""The page combines masks with JavaScript's 32-bit operators: above this, no map."""


def bucket_count(tiers: list[Shard]) -> int:
    """How many files the map of ``tiers`` is split into."""
    pages = sum(len(t.docs) for t in tiers)
    count = MIN_BUCKETS
    while count < MAX_BUCKETS and count * DOCS_PER_BUCKET < pages:
        count *= 2
    return count


def _trigrams(words: list[str]) -> set[str]:
    """Trigrams of a field's word characters, from its bigram words in order."""
    return {a + b[1] for a, b in zip(words, words[1:]) if len(a) == 2 and len(b) == 2}


def doc_grams(doc: SearchDoc) -> set[str]:
    """The bigram words of ``doc``'s title-layer record (records.record) and the
    trigrams of each field's (and each identifier's leading letters')."""
    grams: set[str] = set()
    for field in doc.fields:
        words = tokens_and_words(field)[1]
        grams.update(w for w in words if len(w) == 2)
        grams.update(_trigrams(words))
    for identifier in doc.identifiers:
        words = [w for w in identifier_words(identifier)[1:] if len(w) == 2]  # word characters only
        grams.update(words)
        grams.update(_trigrams(words))
    return grams


def routed(tiers: list[Shard]) -> bool:
    """Is there a map: more than one tier, and few enough for 32-bit masks."""
    return 1 < len(tiers) <= MAX_ROUTED_TIERS


def route_files(tiers: list[Shard], fragments: dict[str, list[str]]) -> dict[str, bytes]:
    """Output path → bytes of every file of the map ({} when the layer is not routed).
    ``fragments``: each tier's fragment names (``zxx_1a2b3c4``) in page order, as its
    metadata file lists them (the docs' order: :func:`govsite.search.docs.page_order`)."""
    if not routed(tiers):
        return {}
    masks: dict[str, int] = {}
    pages: dict[str, list[str]] = {}
    for bit, tier in enumerate(tiers):
        names = fragments[tier.name]
        if len(names) != len(tier.docs):
            raise ValueError(f"{tier.name}: {len(names)} fragments for {len(tier.docs)} pages")
        for doc, name in zip(page_order(tier.docs), names):
            page = f"{bit}:{name.partition('_')[2]}"
            for gram in doc_grams(doc):
                masks[gram] = masks.get(gram, 0) | (1 << bit)
                held = pages.setdefault(gram, [])
                if len(held) <= RARE_PAGES:
                    held.append(page)
    count = bucket_count(tiers)
    buckets: list[dict[str, int | list[str]]] = [{} for _ in range(count)]
    for gram, mask in masks.items():
        held = pages[gram]
        buckets[fnv1a(gram) % count][gram] = held if len(held) <= RARE_PAGES else mask
    return {f"{ROUTE_DIR}/{i:02d}.json": json.dumps(b, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
            for i, b in enumerate(buckets)}
