"""Bulk open data: ``data/items-YYYY.json`` and ``.csv`` per 发布日期 year,
``data/catalog.csv`` and ``data/manifest.json`` (see docs/open-data.md).

The data files are planned like pages, each with the digest of what it
contains, so an edit rewrites only its year's two files. ``manifest.json``
lists their sizes and SHA-256, which are known only once they are written: it
is a post-render step (:mod:`govsite.exports.manifest`) that reads them from
the staging folder.
"""
from __future__ import annotations

import csv
import io
import json
import weakref
from typing import Any, Iterator

from govsite.exports import catalog_table, records
from govsite.exports.manifest import DATA_DIR, MANIFEST_PATH, write_manifest
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel
from govsite.base.digests import sha1
from govsite.render.digests import Digests
from govsite.render.plan import PageSpec
from govsite.render.registry import PostRender

FORMAT = "opendata-3"
"""Bumped when a file format changes, so every data file is rewritten."""
KIND_JSON, KIND_CSV, KIND_CATALOG = "exports_items_json", "exports_items_csv", "exports_catalog_csv"


def year_items(model: SiteModel, year: int) -> list[Item]:
    """A year's items in a stable order: by 发布日期, then 索引号."""
    return sorted(model.by_year.get(year, []), key=lambda it: (it.fm.publish_date, it.fm.index_no))


def plan(model: SiteModel, d: Digests) -> Iterator[PageSpec]:
    """Feature entry point (see :mod:`govsite.render.registry`)."""
    base = model.config.base_url
    for year in sorted(model.by_year):
        deps = sha1(FORMAT, base, model.config.name, *(records.item_digest_part(model, it) for it in year_items(model, year)))
        yield PageSpec(f"{DATA_DIR}/items-{year}.json", "", KIND_JSON, (year,), deps)
        yield PageSpec(f"{DATA_DIR}/items-{year}.csv", "", KIND_CSV, (year,), deps)
    if model.catalogs:
        yield PageSpec(f"{DATA_DIR}/catalog.csv", "", KIND_CATALOG, (),
                       sha1(FORMAT, base, model.config.section_path, catalog_table.catalog_digest(model)))


_cache: tuple[Any, tuple, list[dict[str, Any]]] = (None, (), [])


def year_records(model: SiteModel, year: int) -> list[dict[str, Any]]:
    """The records of a year (kept for the second of its two files)."""
    global _cache
    ref, key, found = _cache
    if ref is not None and ref() is model and key == (year,):
        return found
    found = [records.item_record(model, it, records.item_body(model, it)) for it in year_items(model, year)]
    _cache = (weakref.ref(model), (year,), found)
    return found


def render_json(model: SiteModel, spec: PageSpec) -> str:
    """One JSON document; each item record on a line of its own (readable, diffable,
    and written by the C encoder: ``indent`` would use the pure-Python one)."""
    year = spec.args[0]
    rows = year_records(model, year)
    head = {"site": model.config.name, "base_url": model.config.base_url, "year": year, "count": len(rows),
            "fields": list(records.COLUMNS)}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ',\n"items": [']
    lines.append(",\n".join(json.dumps(row, ensure_ascii=False) for row in rows))
    lines.append("]}\n")
    return "\n".join(lines)


def csv_bytes(header: tuple[str, ...], rows: list[list[str]]) -> bytes:
    """UTF-8 with a byte-order mark (so Excel detects the encoding), CRLF line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def render_csv(model: SiteModel, spec: PageSpec) -> bytes:
    rows = year_records(model, spec.args[0])
    return csv_bytes(records.COLUMNS, [records.csv_row(r) for r in rows])


def render_catalog(model: SiteModel, spec: PageSpec) -> bytes:
    rows = catalog_table.catalog_rows(model)
    return csv_bytes(catalog_table.COLUMNS, [[records.csv_cell(r[c]) for c in catalog_table.COLUMNS] for r in rows])


RENDERERS = {KIND_JSON: render_json, KIND_CSV: render_csv, KIND_CATALOG: render_catalog}


POST_RENDER = PostRender("open-data manifest", MANIFEST_PATH, write_manifest)
