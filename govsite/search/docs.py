"""What the search index contains and how it is sharded.

Every searchable page belongs to exactly one *shard*, a separate Pagefind bundle
that the search page merges at query time (``mergeIndex``). Shards are keyed by
year (an item's publish year, a gazette article's issue year), so a change to one
document re-indexes one year only. A year with more than :data:`MAX_SHARD_PAGES`
pages is split into calendar ranges: halves, then quarters, then months
(``y2025-07`` holds July–December), so a page never moves between parts unless its
year is split finer, and the shards cover disjoint date ranges, newest first. That
is what makes sorting by 发布日期 exact across shards: Pagefind sorts within one
bundle, and the search page walks the shards in this order (each merged bundle
carries a hidden filter ``分片`` with its name). A month with more than
:data:`MAX_SHARD_PAGES` pages is split further by a stable hash of the page path;
only then is the date order within that month approximate. Free pages and column
introductions join the newest year (Pagefind scores with per-bundle IDF, so a tiny
shard of their own would rank them badly). The ``core`` bundle holds only the
search page itself and Pagefind's runtime (``pagefind/pagefind.js``): it is the
primary bundle the others are merged into.

Besides the text, each shard has a second, tiny index of *lookup records*: one per
page with a 文号 or 索引号, written in the language ``zxx`` (no linguistic content) so
Pagefind neither segments it at build time nor in the browser. An exact 文号 typed
by a user stays one term there and matches that document's record only; see
:mod:`govsite.search.records`.

Everything here is a pure function of the model, so the planner (the search page
lists the shards) and the post-render step agree.
"""
from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass, field

from govsite.model.site_model import SiteModel

MAX_SHARD_PAGES = 2500
"""Above this many pages in a year, the year is split (memory and re-index time per shard)."""
CORE = "core"
SEARCH_PAGE = "search/index.html"
BUNDLE_DIR = "pagefind"
"""Output prefix owned by the search step; the core bundle lives here, others in sub-folders."""


@dataclass(frozen=True)
class Lookup:
    """The identifiers of one page, which must find it as the first result."""

    url: str
    """Output path of the page (the record is indexed at the same path, so it links there)."""
    title: str
    doc_no: str | None
    """文号"""
    index_no: str | None
    """索引号"""


@dataclass
class Shard:
    name: str
    pages: list[str] = field(default_factory=list)
    lookups: list[Lookup] = field(default_factory=list)

    @property
    def folder(self) -> str:
        """Output folder of the bundle, e.g. ``pagefind/`` or ``pagefind/y2024/``."""
        return f"{BUNDLE_DIR}/" if self.name == CORE else f"{BUNDLE_DIR}/{self.name}/"


SHARD_FILTER = "分片"
"""Hidden filter naming each merged bundle, for the search page's sort by date."""
_RANGES = (12, 6, 3, 1)
"""Months per part when a year is split: the whole year, halves, quarters, months."""


def _year_shards(name: str, pages: list[tuple[int, str]]) -> list[tuple[str, list[str]]]:
    """``pages`` as (month, path) → shards newest first: the whole year if it fits,
    else the coarsest calendar ranges (``y2025-07``: months 7–12) that fit."""
    for months in _RANGES:
        parts: dict[int, list[str]] = defaultdict(list)
        for month, path in pages:
            parts[(month - 1) // months * months + 1].append(path)
        if months == 1 or all(len(p) <= MAX_SHARD_PAGES for p in parts.values()):
            break
    if len(parts) == 1 and months == 12:
        return [(name, sorted(parts[1]))]
    out: list[tuple[str, list[str]]] = []
    for first in sorted(parts, reverse=True):
        out += _hashed(f"{name}-{first:02d}", sorted(parts[first]))
    return out


def _hashed(name: str, pages: list[str]) -> list[tuple[str, list[str]]]:
    """A month too big for one shard: 2, 4, 8… parts by a stable hash of the path."""
    count = 1
    while len(pages) > count * MAX_SHARD_PAGES:
        count *= 2
    if count == 1:
        return [(name, pages)]
    out: dict[str, list[str]] = defaultdict(list)
    for path in pages:
        out[f"{name}-{count}-{zlib.crc32(path.encode('utf-8')) % count}"].append(path)
    return sorted(out.items())


def collect_shards(model: SiteModel) -> list[Shard]:
    """Every shard with its pages and lookup records: core first, then newest dates first."""
    sec = model.config.section_path
    free = [p.url for p in model.pages if p.fm.column is None]
    free += [f"{sec}/{col_id}/index.html" for col_id in model.columns if col_id in model.column_pages]
    by_year: dict[int, list[tuple[int, str]]] = defaultdict(list)
    lookups: dict[str, Lookup] = {}
    for item in model.items:
        by_year[item.year].append((item.fm.publish_date.month, item.url))
        lookups[item.url] = Lookup(item.url, item.fm.title, item.fm.doc_no or None, item.fm.index_no)
    if model.gazette is not None:
        for issue in model.gazette.issues:
            for art in issue.articles:
                by_year[issue.fm.year].append((issue.fm.date.month, art.url))
                # A printed catalog item is found through its catalog page (the canonical
                # record); an article of its own is found through the article.
                if art.item is None and art.fm.doc_no:
                    lookups[art.url] = Lookup(art.url, art.fm.title, art.fm.doc_no, None)
    by_year[max(by_year, default=0)] += [(12, path) for path in free]
    shards = [Shard(CORE, [SEARCH_PAGE])]
    for year in sorted(by_year, reverse=True):
        for name, pages in _year_shards(f"y{year}", by_year[year]):
            shards.append(Shard(name, pages, [lookups[p] for p in pages if p in lookups]))
    return shards
