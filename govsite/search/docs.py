"""How the search index is laid out: the title layer in tiers, and full text by year.

The **title layer** (``pagefind/titles/``): one record per searchable page whose
words are the tokens (:mod:`govsite.search.tokens`) of its title, 文号, 索引号 and
issuing organisation, with the metadata a result shows, the filters and the date
sort key. Every query reads it. Up to
:attr:`govsite.model.site.Options.search_tier_pages` pages it is one bundle; above,
it is split into **tiers** of consecutive years (``pagefind/titles-2019-2021/``,
``pagefind/titles-2026/``; a year bigger than a tier in calendar parts,
``titles-2025-07``), newest first. Pagefind's metadata holds every page of a bundle
(838 KB for one title layer of 100,000 pages, read before any result), so the
search page reads the newest tier first, shows a first page of
results from it when it has one, and merges the older tiers after. Years are
grouped from the oldest, so new items change the newest tier only.

The **text layer** holds the full text of each page, tokenised the same way, in
one bundle per year (``pagefind/text/y2025/``): the search page reads it when the
title layer finds nothing, or when the citizen asks for a full-text search. A
year with more than :data:`MAX_SHARD_PAGES` pages is split into calendar ranges:
halves, then quarters, then months (``y2025-07`` holds July–December), and a month
that is still too big by a stable hash of the page path, so a page never moves
between parts unless its year is split finer, and the shards cover disjoint date
ranges, newest first (the page walks them in this order for a search sorted by
date: Pagefind sorts within one bundle). Free pages and column introductions join
the newest year. Splitting by year bounds the memory of each Pagefind run and
means a one-item edit re-indexes one year of text (and one title tier only if a
title-layer field changed).

Everything here is a pure function of the model, so the planner (the search page
lists the shards) and the post-render step agree.
"""
from __future__ import annotations

import weakref
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

from govsite.model.site_model import SiteModel
from govsite.search.fields import SearchDoc, collect_docs

MAX_SHARD_PAGES = 1000
"""Above this many pages in a year, the year is split: an edit rewrites its page's text
shard, about 3 ms a page (govsite's own writer; 2,500 when Pagefind's CLI indexed a
shard, whose start-up cost favoured fewer, larger runs). The text layer is read only
for a full-text search, which walks the shards newest first."""
CORE = "core"
"""Pagefind's runtime and a one-record placeholder index: the primary bundle of the
search page's Pagefind instances. Pagefind segments a query with ICU in the
primary's language (the page's ``zh-CN``) but in a merged bundle's own language,
so the real layers are merged in as ``zxx`` and the primary holds nothing to find."""
TITLES = "titles"
SEARCH_PAGE = "search/index.html"
BUNDLE_DIR = "pagefind"
"""Output prefix owned by the search step; the title layer lives here."""
TEXT_DIR = f"{BUNDLE_DIR}/text"
"""Where the text shards live, one folder each."""


def is_title_tier(name: str) -> bool:
    """``titles`` (the whole title layer) or a tier of it (``titles-2019-2021``)."""
    return name == TITLES or name.startswith(f"{TITLES}-")


def page_order(docs: list[SearchDoc]) -> list[SearchDoc]:
    """A bundle's pages in the order they are numbered: newest first (Pagefind lists
    results of equal relevance in page order), then by URL."""
    return sorted(sorted(docs, key=lambda d: d.url), key=lambda d: d.date, reverse=True)


@dataclass
class Shard:
    name: str
    docs: list[SearchDoc] = field(default_factory=list)

    @property
    def is_title(self) -> bool:
        return is_title_tier(self.name)

    @property
    def folder(self) -> str:
        """Output folder: ``pagefind/`` (runtime), ``pagefind/titles/`` (or a tier,
        ``pagefind/titles-2024/``) or ``pagefind/text/y2024/``."""
        if self.name == CORE:
            return f"{BUNDLE_DIR}/"
        if self.is_title:
            return f"{BUNDLE_DIR}/{self.name}/"
        return f"{TEXT_DIR}/{self.name}/"

    @property
    def years(self) -> tuple[int, int]:
        """The first and last year of its pages (0, 0 without dated pages)."""
        dated = [d.year for d in self.docs if d.year is not None]
        return (min(dated), max(dated)) if dated else (0, 0)

    @property
    def pages(self) -> list[str]:
        return [d.url for d in self.docs]


SHARD_FILTER = "分片"
"""Filter naming each merged text shard, for the search page's walk in date order."""
_RANGES = (12, 6, 3, 1)
"""Months per part when a year is split: the whole year, halves, quarters, months."""


def _year_shards(name: str, pages: list[tuple[int, str]], cap: int | None = None) -> list[tuple[str, list[str]]]:
    """``pages`` as (month, path) → shards newest first: the whole year if it fits
    in ``cap`` pages (default :data:`MAX_SHARD_PAGES`), else the coarsest calendar
    ranges (``y2025-07``: months 7–12) that fit."""
    cap = MAX_SHARD_PAGES if cap is None else cap
    for months in _RANGES:
        parts: dict[int, list[str]] = defaultdict(list)
        for month, path in pages:
            parts[(month - 1) // months * months + 1].append(path)
        if months == 1 or all(len(p) <= cap for p in parts.values()):
            break
    if len(parts) == 1 and months == 12:
        return [(name, sorted(parts[1]))]
    out: list[tuple[str, list[str]]] = []
    for first in sorted(parts, reverse=True):
        out += _hashed(f"{name}-{first:02d}", sorted(parts[first]), cap)
    return out


def _hashed(name: str, pages: list[str], cap: int) -> list[tuple[str, list[str]]]:
    """A month too big for one shard: 2, 4, 8… parts by a stable hash of the path."""
    count = 1
    while len(pages) > count * cap:
        count *= 2
    if count == 1:
        return [(name, pages)]
    out: dict[str, list[str]] = defaultdict(list)
    for path in pages:
        out[f"{name}-{count}-{zlib.crc32(path.encode('utf-8')) % count}"].append(path)
    return sorted(out.items())


def _title_tiers(by_year: dict[int, list[tuple[int, str]]], cap: int) -> list[tuple[str, list[str]]]:
    """The title layer's tiers, newest first: one (``titles``) when every page fits in
    ``cap``; else consecutive years grouped from the oldest up to ``cap`` pages, and a
    year bigger than ``cap`` on its own, in calendar parts."""
    if sum(len(pages) for pages in by_year.values()) <= cap:
        return [(TITLES, sorted(p for pages in by_year.values() for _, p in pages))]
    tiers: list[tuple[str, list[str]]] = []
    group: list[int] = []

    def close() -> None:
        if group:
            span = f"{group[0]}" if len(group) == 1 else f"{group[0]}-{group[-1]}"
            tiers.append((f"{TITLES}-{span}", sorted(p for y in group for _, p in by_year[y])))
            group.clear()

    for year in sorted(by_year):
        size = len(by_year[year])
        if size > cap:
            close()
            tiers += reversed(_year_shards(f"{TITLES}-{year}", by_year[year], cap))
            continue
        if group and sum(len(by_year[y]) for y in group) + size > cap:
            close()
        group.append(year)
    close()
    return tiers[::-1]


_SHARDS: weakref.WeakKeyDictionary[SiteModel, list[Shard]] = weakref.WeakKeyDictionary()
"""Each model's shards, made once: the planner (the search page lists them) and the
post-render step both ask (0.3 s at 10,000 items, each time)."""


def collect_shards(model: SiteModel) -> list[Shard]:
    """The runtime, the title layer's tiers, then the text shards: newest dates first.
    The model is complete when a build first asks (it is not changed afterwards)."""
    found = _SHARDS.get(model)
    if found is None:
        found = _SHARDS[model] = _collect_shards(model)
    return found


def _collect_shards(model: SiteModel) -> list[Shard]:
    docs = collect_docs(model)
    by_url = {d.url: d for d in docs}
    by_year: dict[int, list[tuple[int, str]]] = defaultdict(list)
    dated = [d for d in docs if d.year is not None]
    newest = max((d.year for d in dated if d.year is not None), default=0)
    for doc in docs:
        by_year[doc.year if doc.year is not None else newest].append((doc.month, doc.url))
    shards = [Shard(CORE)]
    order = {d.url: i for i, d in enumerate(docs)}
    for name, pages in _title_tiers(by_year, model.config.options.search_tier_pages):
        if pages:  # a site with nothing to find yet has no title bundle (and its search page finds nothing)
            shards.append(Shard(name, [by_url[p] for p in sorted(pages, key=order.__getitem__)]))
    for year in sorted(by_year, reverse=True):
        for name, pages in _year_shards(f"y{year}", by_year[year]):
            shards.append(Shard(name, [by_url[p] for p in pages]))
    return shards
