"""Dependency digests: what each output page is made from.

A page is re-rendered only when the digest of its inputs changes. Inputs are
named explicitly (Lektor-style): the item file, the rows of the items a listing
shows, the related items an item page links to, the templates and the config.
"""
from __future__ import annotations

from functools import cached_property
from typing import Iterable

from govsite.base.digests import EMPTY, sha1
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel


class Digests:
    """Memoised digests of model parts shared by many pages."""

    def __init__(self, model: SiteModel) -> None:
        self.model = model
        self._rows: dict[int, str] = {}

    @cached_property
    def site(self) -> str:
        """Everything every page shows: config (columns, footer, themes), orgs, catalogs, pages list."""
        m = self.model
        orgs = sha1(*(o.model_dump_json() for o in m.orgs.values()))
        cats = sha1(*(f"{c.id}:{c.domain}" for c in m.catalogs.values()))
        pages = sha1(*(f"{p.url}:{p.fm.title}" for p in m.pages))
        gazette = m.gazette.config.name if m.gazette else ""
        return sha1(m.config_digest, orgs, cats, pages, gazette)

    def row(self, item: Item) -> str:
        """What a listing row shows of an item."""
        key = id(item)
        found = self._rows.get(key)
        if found is None:
            fm = item.fm
            found = sha1(fm.index_no, fm.title, fm.doc_no, fm.publish_date.isoformat(), item.url, fm.validity.value,
                         item.theme_code, fm.genre, fm.written_date)
            self._rows[key] = found
        return found

    def rows(self, items: Iterable[Item]) -> str:
        return sha1(*(self.row(it) for it in items))

    def item_page(self, item: Item) -> str:
        related = [item.interprets, item.superseded_by, *item.interpretations, *item.supersedes]
        related_rows = self.rows(r for r in related if r is not None) if any(related) else EMPTY
        attachments = sha1(*(f"{a.source}:{a.size}:{a.title}" for a in item.attachments)) if item.attachments else EMPTY
        catalog = sha1(item.catalog[0].id, item.catalog[1].model_dump_json()) if item.catalog else ""
        gazette = self.model.gazette
        printed = sha1(*(f"{a.url}:{a.issue.label}" for a in gazette.articles_by_item.get(item.fm.index_no, []))) if gazette else ""
        return sha1(self.site, item.digest, related_rows, attachments, catalog, printed)
