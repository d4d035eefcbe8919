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
from typing import Any, Iterable, Iterator

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


def year_records(model: SiteModel, year: int) -> Iterator[dict[str, Any]]:
    """The records of a year, one at a time: a year's file is written piece by piece
    (:func:`govsite.pipeline.render_pages.render_one`), so no year is held whole. At
    100,000 items a year's records, bodies included, were ≈ 60 MB and its JSON text as
    much again, in each worker that wrote one; at 1,000,000 items, ten times that."""
    for it in year_items(model, year):
        yield records.item_record(model, it, records.item_body(model, it))


def render_json(model: SiteModel, spec: PageSpec) -> Iterator[str]:
    """One JSON document; each item record on a line of its own (readable, diffable,
    and written by the C encoder: ``indent`` would use the pure-Python one)."""
    year = spec.args[0]
    head = {"site": model.config.name, "base_url": model.config.base_url, "year": year,
            "count": len(model.by_year.get(year, [])), "fields": list(records.COLUMNS)}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ',\n"items": [\n'
    for n, row in enumerate(year_records(model, year)):
        yield (",\n" if n else "") + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"


CSV_ROWS_PER_PIECE = 1000


def csv_pieces(header: tuple[str, ...], rows: Iterable[list[str]]) -> Iterator[bytes]:
    """UTF-8 with a byte-order mark (so Excel detects the encoding), CRLF line ends;
    :data:`CSV_ROWS_PER_PIECE` rows a piece."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    buf.write("\ufeff")
    writer.writerow(header)
    for n, row in enumerate(rows, 1):
        writer.writerow(row)
        if n % CSV_ROWS_PER_PIECE == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")


def csv_bytes(header: tuple[str, ...], rows: list[list[str]]) -> bytes:
    """The whole of :func:`csv_pieces` (a file small enough to hold)."""
    return b"".join(csv_pieces(header, rows))


def render_csv(model: SiteModel, spec: PageSpec) -> Iterator[bytes]:
    return csv_pieces(records.COLUMNS, (records.csv_row(r) for r in year_records(model, spec.args[0])))


def render_catalog(model: SiteModel, spec: PageSpec) -> bytes:
    rows = catalog_table.catalog_rows(model)
    return csv_bytes(catalog_table.COLUMNS, [[records.csv_cell(r[c]) for c in catalog_table.COLUMNS] for r in rows])


RENDERERS = {KIND_JSON: render_json, KIND_CSV: render_csv, KIND_CATALOG: render_catalog}


POST_RENDER = PostRender("open-data manifest", MANIFEST_PATH, write_manifest)
