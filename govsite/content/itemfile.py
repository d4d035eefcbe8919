"""Writing item files: front matter in a fixed field order, and 索引号 assignment.

Used by ``govsite new item`` and ``govsite import items``, so both produce the
same file shape.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from govsite.base.yamlsource import dump_yaml
from govsite.identifiers import format_index_no, index_no_regex
from govsite.model.item import ITEM_FIELDS
from govsite.model.org import Organization
from govsite.model.site import SiteConfig


def item_file_text(front: dict[str, Any], body: str) -> str:
    """A complete item file: ``---`` YAML header in model field order, then the body."""
    ordered = {k: front[k] for k in ITEM_FIELDS if k in front}
    ordered.update({k: v for k, v in front.items() if k not in ordered})
    return "---\n" + dump_yaml(ordered) + "---\n" + body.rstrip("\n") + "\n"


def next_seq(config: SiteConfig, org: Organization, when: date, existing: Iterable[str]) -> int:
    """The next free serial for ``org`` in the period of ``when``."""
    rx = index_no_regex(config.index_no.template, org.code, org.id, when.year, when.month)
    used = [int(m["seq"]) for m in map(rx.match, existing) if m]
    return max(used, default=0) + 1


def assign_index_no(config: SiteConfig, org: Organization, when: date, existing: set[str]) -> tuple[str, int]:
    """A new unique 索引号 from the site template; returns (index_no, seq)."""
    seq = next_seq(config, org, when, existing)
    while True:
        index_no = format_index_no(config.index_no.template, org.code, org.id, when.year, when.month, seq)
        if index_no not in existing:
            return index_no, seq
        seq += 1


def item_path(root: Path, org_id: str, year: int, seq: int, taken: set[Path] | None = None) -> Path:
    """content/items/<org>/<year>/<seq:05d>.md, with a suffix if that file exists
    or is in ``taken`` (paths a batch has planned but not written yet)."""
    taken = taken or set()
    folder = root / "content" / "items" / org_id / str(year)
    path = folder / f"{seq:05d}.md"
    n = 2
    while path.exists() or path in taken:
        path = folder / f"{seq:05d}-{n}.md"
        n += 1
    return path


def write_new_file(path: Path, text: str) -> None:
    """Create ``path`` with its full content at once; never overwrite.

    The text goes to a temp file first, then ``os.link`` publishes it under the
    final name, which fails if the name exists (no check-then-replace race)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    try:
        os.link(tmp, path)
    finally:
        tmp.unlink()
