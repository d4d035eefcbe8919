"""``<lastmod>`` of a page: the newest content date it shows, never the build time.

Each kind of page has a rule (an item: its 发布日期 and the dates of the related
items and gazette issues it links to; a listing page: the newest item on that
page; a gazette issue: its date, or the next issue's once it links forward; a
free page: its ``updated`` date). A page of a kind without a rule gets no
``<lastmod>`` (the element is optional in the sitemap protocol).
"""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Callable, Iterable, Optional

from govsite.dates import BEIJING
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel
from govsite.render.plan import PageSpec

Stamp = Optional[datetime]


def at_midnight(day: date) -> datetime:
    """A calendar date as the start of that day in Beijing."""
    return datetime(day.year, day.month, day.day, tzinfo=BEIJING)


def newest(stamps: Iterable[Stamp]) -> Stamp:
    found = [s for s in stamps if s is not None]
    return max(found) if found else None


@lru_cache(maxsize=65536)
def w3c(stamp: datetime) -> str:
    """W3C Datetime: ``2025-03-02`` for a whole day, else ``2025-03-02T09:30:00+08:00``."""
    t = stamp.astimezone(BEIJING)
    day = f"{t.year:04d}-{t.month:02d}-{t.day:02d}"
    if (t.hour, t.minute, t.second) == (0, 0, 0):
        return day
    return f"{day}T{t.hour:02d}:{t.minute:02d}:{t.second:02d}+08:00"


class LastModified:
    """Computes ``lastmod`` for the pages of one model."""

    def __init__(self, model: SiteModel) -> None:
        self.model = model
        self.size = model.config.options.page_size
        self.latest_item: Stamp = model.items[0].fm.publish_date if model.items else None
        self.pages = {p.source: p for p in model.pages}
        gazette = model.gazette
        self.issues = {(i.fm.year, i.slug): i for i in gazette.issues} if gazette else {}
        self.rules: dict[str, Callable[[PageSpec], Stamp]] = {
            "home": self._latest,
            "section": self._latest,
            "theme_index": self._latest,
            "year_index": self._latest,
            "column": self._column,
            "org": lambda s: self._chunk(model.by_org.get(s.args[0], []), s.args[1]),
            "theme": lambda s: self._chunk(model.by_theme.get(s.args[0], []), s.args[1]),
            "year": lambda s: self._chunk(model.by_year.get(s.args[0], []), s.args[1]),
            "catalog_index": lambda s: newest(self._reviewed(c) for c in model.catalogs.values()),
            "catalog": self._catalog,
            "item": lambda s: self.item(model.items_by_index[s.args[0]]),
            "page": lambda s: self.pages[s.args[0]].fm.updated,
            "gazette_home": self._gazette_latest,
            "gazette_coverage": self._gazette_latest,
            "gazette_year": self._gazette_year,
            "gazette_issue": lambda s: self._issue(s.args[0], s.args[1]),
            "gazette_article": self._article,
        }

    def __call__(self, spec: PageSpec) -> Stamp:
        rule = self.rules.get(spec.kind)
        return rule(spec) if rule else None

    # --- the 政府信息公开 section ---------------------------------------------------

    def _latest(self, spec: PageSpec) -> Stamp:
        return self.latest_item

    def _chunk(self, items: list[Item], number: int) -> Stamp:
        """Listings are newest first: the first row of the page is its newest item."""
        chunk = items[(number - 1) * self.size : number * self.size]
        return chunk[0].fm.publish_date if chunk else None

    def _column(self, spec: PageSpec) -> Stamp:
        col_id, number = spec.args
        stamp = self._chunk(self.model.by_column.get(col_id, []), number)
        page = self.model.column_pages.get(col_id)
        return newest([stamp, page.fm.updated if page and number == 1 else None])

    @staticmethod
    def _reviewed(catalog) -> Stamp:  # type: ignore[no-untyped-def]
        return at_midnight(catalog.last_reviewed) if catalog.last_reviewed else None

    def _catalog(self, spec: PageSpec) -> Stamp:
        cat_id = spec.args[0]
        linked = (it.fm.publish_date for (cid, _), its in self.model.by_catalog_entry.items() if cid == cat_id for it in its)
        return newest([self._reviewed(self.model.catalogs[cat_id]), *linked])

    def item(self, item: Item) -> datetime:
        """Its 发布日期, or later: the date a related item or a gazette issue that
        printed it was published (the page links to them)."""
        related = [item.interprets, item.superseded_by, *item.interpretations, *item.supersedes]
        gazette = self.model.gazette
        printed = gazette.articles_by_item.get(item.fm.index_no, []) if gazette is not None else []
        if not printed and related == [None, None]:
            return item.fm.publish_date
        stamps: list[Stamp] = [item.fm.publish_date, *(r.fm.publish_date for r in related if r is not None)]
        stamps += [at_midnight(a.issue.fm.date) for a in printed]
        return newest(stamps)  # type: ignore[return-value]

    # --- the gazette ------------------------------------------------------------------

    def _gazette_latest(self, spec: PageSpec) -> Stamp:
        return newest(at_midnight(i.fm.date) for i in self.issues.values())

    def _gazette_year(self, spec: PageSpec) -> Stamp:
        return newest(at_midnight(i.fm.date) for (year, _), i in self.issues.items() if year == spec.args[0])

    def _issue(self, year: int, slug: str) -> Stamp:
        """Its date, or the next issue's: the page links forward once that appears."""
        issue = self.issues.get((year, slug))
        if issue is None:
            return None
        return newest([at_midnight(issue.fm.date), at_midnight(issue.next.fm.date) if issue.next else None])

    def _article(self, spec: PageSpec) -> Stamp:
        year, slug, number = spec.args
        issue = self.issues.get((year, slug))
        if issue is None:
            return None
        article = next((a for a in issue.articles if a.number == number), None)
        item = article.item if article else None
        return newest([at_midnight(issue.fm.date), self.item(item) if item else None])
