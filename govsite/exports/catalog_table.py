"""``data/catalog.csv``: every row of every 基层政务公开标准目录 (DOMAIN §4.3).

One line per catalog row with the catalog's own fields repeated, so the file
can be filtered by 领域. The ■/□ 公开渠道和载体 become the list of selected
channels, and the √ columns (公开对象, 公开方式, 公开层级) the list of ticked values.
"""
from __future__ import annotations

from typing import Any

from govsite.model.catalog import Catalog, CatalogEntry
from govsite.model.site_model import SiteModel
from govsite.base.urls import absolute_url

COLUMNS: tuple[str, ...] = (
    "catalog", "domain", "owner", "owner_name", "version", "last_reviewed", "levels", "seq", "stage",
    "item_l1", "item_l2", "content", "basis", "time_limit", "subject", "channels", "channels_other",
    "audience", "mode", "level", "items", "page_url",
)
"""CSV header: catalog fields, then the row's fields (model names), then the 索引号
of the items that fulfil the row and the catalog page."""


def catalog_rows(model: SiteModel) -> list[dict[str, Any]]:
    """All rows, by catalog id then 序号."""
    rows: list[dict[str, Any]] = []
    sec = model.config.section_path
    for cat_id in sorted(model.catalogs):
        catalog = model.catalogs[cat_id]
        page = absolute_url(model.config.base_url, f"{sec}/catalog/{cat_id}/index.html")
        for entry in sorted(catalog.entries, key=lambda e: e.seq):
            rows.append(_row(model, catalog, entry, page))
    return rows


def _row(model: SiteModel, catalog: Catalog, entry: CatalogEntry, page: str) -> dict[str, Any]:
    owner = model.orgs.get(catalog.owner)
    linked = model.by_catalog_entry.get((catalog.id, entry.seq), [])
    return {
        "catalog": catalog.id,
        "domain": catalog.domain,
        "owner": catalog.owner,
        "owner_name": owner.name if owner else "",
        "version": catalog.version,
        "last_reviewed": catalog.last_reviewed.isoformat() if catalog.last_reviewed else "",
        "levels": list(catalog.levels),
        "seq": entry.seq,
        "stage": entry.stage.value if entry.stage else "",
        "item_l1": entry.item_l1,
        "item_l2": entry.item_l2,
        "content": entry.content,
        "basis": entry.basis,
        "time_limit": entry.time_limit,
        "subject": entry.subject,
        "channels": list(entry.channels),
        "channels_other": entry.channels_other,
        "audience": [a.value for a in entry.audience],
        "mode": [m.value for m in entry.mode],
        "level": list(entry.level),
        "items": sorted(it.fm.index_no for it in linked),
        "page_url": page,
    }


def catalog_digest(model: SiteModel) -> str:
    """Everything :func:`catalog_rows` reads besides ``base_url`` and ``section_path``."""
    from govsite.base.digests import sha1

    parts = []
    for cat_id in sorted(model.catalogs):
        catalog = model.catalogs[cat_id]
        owner = model.orgs.get(catalog.owner)
        links = sorted(f"{seq}:{it.fm.index_no}" for (cid, seq), its in model.by_catalog_entry.items()
                       if cid == cat_id for it in its)
        parts.append(sha1(catalog.model_dump_json(), owner.name if owner else "", *links))
    return sha1(*parts)
