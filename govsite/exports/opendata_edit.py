"""Open data after a body edit, without the model (:mod:`govsite.pipeline.edits`).

An item's body reaches its year's ``items-YYYY.json`` and ``.csv`` only as the
record's ``body_md``; every other field comes from the front matter, which such an
edit leaves as it was. So the year's files are not made again from every record of
the year (12,500 bodies read from disk at 100,000 items): the item's line of the
JSON file is parsed, given the new body and dumped again, and its CSV row is
replaced by the new one. The record's place in both files is its place in the
year's order (by 发布日期, then 索引号), which the edit cannot change. Any doubt
(the line is not the item's, its CSV row is not found exactly once) returns None,
and the build takes the page-by-page way. ``data/manifest.json`` is the previous
one with the size and SHA-256 of the rewritten files.
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from govsite.base.digests import sha1
from govsite.checksums import file_digest
from govsite.exports import records
from govsite.exports.manifest import DATA_DIR, MANIFEST_PATH
from govsite.exports.opendata import FORMAT
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel


def _csv_text(row: list[str]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(row)
    return buf.getvalue().encode("utf-8")


def _replace(stage: Path, rel: str, data: bytes) -> None:
    target = stage / rel
    try:
        os.unlink(target)  # never written in place: the staging folder may hold the output's file
    except FileNotFoundError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def year_digest(model: SiteModel, parts: list[str]) -> str:
    """The year files' plan digest (as :func:`govsite.exports.opendata.plan` makes it)."""
    return sha1(FORMAT, model.config.base_url, model.config.name, *parts)


def follow_body(model: SiteModel, item: Item, year: int, position: int, source: Path,
                stage: Path) -> dict[str, bool] | None:
    """Give the year's files of ``item`` its new body, reading them from ``source``
    (the output, or the staging folder after an earlier edit of the same year) and
    writing into ``stage``. Returns {path: rewritten?}, or None when unsure."""
    json_rel, csv_rel = f"{DATA_DIR}/items-{year}.json", f"{DATA_DIR}/items-{year}.csv"
    try:
        json_lines = (source / json_rel).read_bytes().split(b"\n")
        csv_data = (source / csv_rel).read_bytes()
    except OSError:
        return None
    line_no = position + 2  # the head, then '"items": [', then one record a line
    if line_no >= len(json_lines) - 2:
        return None
    line = json_lines[line_no]
    comma = line.endswith(b",")
    try:
        old = json.loads(line[:-1] if comma else line)
    except ValueError:
        return None
    if not isinstance(old, dict) or old.get("index_no") != item.fm.index_no or "body_md" not in old:
        return None
    new = dict(old, body_md=records.item_body(model, item))
    if new == old:
        return {json_rel: False, csv_rel: False}
    old_row, new_row = _csv_text(records.csv_row(old)), _csv_text(records.csv_row(new))
    if csv_data.count(old_row) != 1:
        return None
    json_lines[line_no] = json.dumps(new, ensure_ascii=False).encode("utf-8") + (b"," if comma else b"")
    _replace(stage, json_rel, b"\n".join(json_lines))
    _replace(stage, csv_rel, csv_data.replace(old_row, new_row))
    return {json_rel: True, csv_rel: True}


def follow_manifest(out: Path, stage: Path, rewritten: set[str]) -> bytes | None:
    """``data/manifest.json`` with the size and checksum of the rewritten data files."""
    try:
        payload = json.loads((out / MANIFEST_PATH).read_text(encoding="utf-8"))
        files = payload["files"]
        listed = {e["path"]: e for e in files}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for rel in rewritten:
        entry = listed.get(rel)
        if entry is None:
            return None
        entry["size"] = (stage / rel).stat().st_size
        entry["sha256"] = file_digest(stage / rel)
    data = (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    _replace(stage, MANIFEST_PATH, data)
    return data


def manifest_digest(data: bytes) -> str:
    return sha1("manifest", data)
