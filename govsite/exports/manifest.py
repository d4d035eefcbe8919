"""``data/manifest.json``: every data file with its URL, size and SHA-256.

Sizes and checksums describe the bytes actually published, so this runs as a
post-render step on the complete staging folder. A data file that this build
did not rewrite keeps the checksum recorded in the previous manifest (its bytes
are the same file, hard-linked), so an incremental build hashes only what
changed. Unchanged manifest bytes are linked, not rewritten.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govsite.checksums import file_digest
from govsite.model.site_model import SiteModel
from govsite.base.digests import sha1
from govsite.render.registry import PostRenderContext
from govsite.base.urls import absolute_url

DATA_DIR = "data"
MANIFEST_PATH = f"{DATA_DIR}/manifest.json"
CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json"


@dataclass(frozen=True)
class DataFile:
    """One published data file."""

    path: str
    media_type: str
    records: int
    year: int | None = None


def data_files(model: SiteModel) -> list[DataFile]:
    """Every data file of the site, sorted by path (the manifest's order)."""
    files = []
    for year, items in model.by_year.items():
        files.append(DataFile(f"{DATA_DIR}/items-{year}.csv", CSV_TYPE, len(items), year))
        files.append(DataFile(f"{DATA_DIR}/items-{year}.json", JSON_TYPE, len(items), year))
    if model.catalogs:
        rows = sum(len(c.entries) for c in model.catalogs.values())
        files.append(DataFile(f"{DATA_DIR}/catalog.csv", CSV_TYPE, rows))
    files.append(DataFile(f"{DATA_DIR}/site.json", JSON_TYPE, 1))  # 站点概况 (exports/sitefacts.py): one record, the site
    return sorted(files, key=lambda f: f.path)




def _previous(out: Path) -> dict[str, dict[str, Any]]:
    """path → entry of the previous build's manifest (empty if unreadable)."""
    try:
        data = json.loads((out / MANIFEST_PATH).read_text(encoding="utf-8"))
        return {e["path"]: e for e in data["files"] if isinstance(e, dict) and "path" in e}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def manifest_bytes(model: SiteModel, stage: Path, changed: set[str], previous: dict[str, dict[str, Any]]) -> bytes:
    base = model.config.base_url
    listed = []
    for f in data_files(model):
        size = (stage / f.path).stat().st_size
        old = previous.get(f.path, {})
        reuse = f.path not in changed and old.get("size") == size and isinstance(old.get("sha256"), str)
        listed.append({
            "path": f.path,
            "url": absolute_url(base, f.path),
            "media_type": f.media_type,
            "year": f.year,
            "records": f.records,
            "size": size,
            "sha256": old["sha256"] if reuse else file_digest(stage / f.path),
        })
    payload = {"site": model.config.name, "base_url": base, "files": listed}
    return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_manifest(ctx: PostRenderContext) -> dict[str, str]:
    """Post-render step: write (or link, when unchanged) data/manifest.json."""
    data = manifest_bytes(ctx.model, ctx.stage, ctx.changed, _previous(ctx.out))
    target = ctx.stage / MANIFEST_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    old = ctx.out / MANIFEST_PATH
    try:
        same = old.stat().st_size == len(data) and old.read_bytes() == data
    except OSError:
        same = False
    if same:
        try:
            os.link(old, target)
        except OSError:
            shutil.copy2(old, target)
    else:
        target.write_bytes(data)
    return {MANIFEST_PATH: sha1("manifest", data)}
