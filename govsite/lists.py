"""``govsite list columns|themes|orgs|genres``: the codes an editor types, with their
Chinese names (栏目、主题分类、发布机构、体裁).

Column and theme codes (gfxwj, 10.3 …) are hard to find in site.yaml and the built-in
defaults (issue 17 §4); these lists come from the site's own configuration, so a
site that overrides the columns sees its own."""
from __future__ import annotations

from pathlib import Path

from govsite.content.loader import load_site
from govsite.model.taxonomy import walk_columns

KINDS = ("columns", "themes", "orgs", "genres")


def list_lines(site: Path, kind: str) -> list[str]:
    """One line per entry: code, two spaces, name; a child indented under its parent."""
    loaded = load_site(site.resolve())
    config = loaded.config
    if config is None:
        raise ValueError("site.yaml")
    if kind == "columns":
        depth: dict[str, int] = {}
        out = []
        for col, parent in walk_columns(config.columns):
            depth[col.id] = depth[parent.id] + 1 if parent is not None else 0
            out.append(f"{'  ' * depth[col.id]}{col.id}  {col.title}")
        return out
    if kind == "themes":
        return [line for top in config.themes
                for line in [f"{top.code}  {top.name}"] + [f"  {c.code}  {c.name}" for c in top.children]]
    if kind == "orgs":
        return [f"{org.id}  {org.name}" for org, _index in loaded.orgs]
    if kind == "genres":
        return list(config.genres)
    raise ValueError(kind)
