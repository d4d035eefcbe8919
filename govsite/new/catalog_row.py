"""``govsite new catalog-row --catalog ID …``: append a row to a 基层政务公开标准目录.

The row gets the next 序号 and is checked against the catalog row model (channel
vocabulary, 公开对象, 公开方式, the catalog's 公开层级) before anything is written. It
is appended as text at the end of the ``entries:`` list, so the file's comments
and layout stay as they were.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from govsite.content.loader import load_site
from govsite.model.catalog import CHANNELS, CatalogEntry
from govsite.newitem import NewItemError

OPTIONS = {"channels": "channel"}
"""Row field → its command-line option, where they differ."""
ALLOWED = {"audience": "全社会、特定群体", "mode": "主动、依申请", "stage": "决策、执行、管理、服务、结果"}
"""What a field allows, for the error message."""
_TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*:", re.M)


def _entry_fields(seq: int, row: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {"seq": seq}
    fields.update({k: v for k, v in row.items() if v not in (None, "", [], ())})
    return fields


def _append(text: str, entry: dict[str, Any]) -> str | None:
    """``text`` with ``entry`` added to its ``entries:`` list, or None when the list
    is not the file's last top-level key (then a text append would land elsewhere)."""
    start = re.search(r"^entries:[ \t]*(#.*)?$", text, re.M)
    if start is None or _TOP_KEY.search(text, start.end()):
        return None
    first = re.search(r"^([ \t]*)- ", text[start.end():], re.M)
    indent = first.group(1) if first else "  "
    block = yaml.dump([entry], allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
    rows = block.rstrip("\n").split("\n")  # leaf lists in flow style, like the rest of the file
    lines = [indent + line for line in rows]
    return text.rstrip("\n") + "\n" + "\n".join(lines) + "\n"


def append_row(site: Path, catalog_id: str, row: dict[str, Any]) -> tuple[str, int]:
    """Validate and append the row; returns (catalog file, its 序号)."""
    site = site.resolve()
    loaded = load_site(site)
    found = {c.id: (c, src) for c, src in loaded.catalogs}
    if catalog_id not in found:
        raise NewItemError("E-REF-CATALOG", value=catalog_id, allowed="、".join(found) or "（无）")
    catalog, src = found[catalog_id]
    seq = max((e.seq for e in catalog.entries), default=0) + 1
    orgs = {o.id: o for o, _ in loaded.orgs}
    if not row.get("subject") and catalog.owner in orgs:
        row["subject"] = orgs[catalog.owner].name
    fields = _entry_fields(seq, row)
    bad_channels = [c for c in fields.get("channels", []) if c not in CHANNELS]
    if bad_channels:
        raise NewItemError("E-IMPORT-OPTION", field="channel", value=bad_channels[0], allowed="、".join(CHANNELS))
    try:
        CatalogEntry.model_validate(fields)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        name = str(err["loc"][0]) if err["loc"] else "channels"
        raise NewItemError("E-IMPORT-OPTION", field=OPTIONS.get(name, name.replace("_", "-")), value=err.get("input"),
                           allowed=ALLOWED.get(name, err["msg"])) from None
    bad_levels = [lv for lv in fields.get("level", []) if lv not in catalog.levels]
    if bad_levels:
        raise NewItemError("E-IMPORT-OPTION", field="level", value=bad_levels[0], allowed="、".join(catalog.levels))
    path = site / src
    text = path.read_text(encoding="utf-8")
    new = _append(text, fields)
    if new is None:
        raise NewItemError("E-NEW-CATALOG-LAYOUT", value=src)
    path.write_text(new, encoding="utf-8")
    return src, seq
