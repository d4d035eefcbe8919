"""A slice of a site for a body edit (:mod:`govsite.pipeline.edits`): the
configuration, organizations, free pages, catalogs and gazette settings, which every
page may show, and only the named item files; no read cache.

Reading the whole site costs ≈ 1.1 s at 10,000 items and ≈ 10 s at 100,000, most of
it the read cache of every item; an item page needs, of the items, only itself and
those it links to. Read here on demand, the few site-wide files cost a few ms.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from govsite.content.loader import _load_catalogs, _load_docs, _load_gazette, _load_orgs, load_config
from govsite.model.item import ItemFrontMatter
from govsite.model.loaded import ITEMS_DIR, PAGES_DIR, LoadedSite
from govsite.model.page import PageFrontMatter
from govsite.problems import ProblemLog


def load_slice(root: Path, base_url: str | None, items: list[str], issues: tuple[str, ...] = ()) -> LoadedSite | None:
    """The site-wide files, the item files ``items`` (paths like
    ``content/items/xzfb/2025/00002.md``) and the gazette issue folders ``issues``
    (``content/gazette/2017/19``: its issue.yaml and articles); None when the
    configuration cannot be read."""
    problems = ProblemLog()
    config, config_digest = load_config(root, problems, base_url)
    if config is None:
        return None
    site = LoadedSite(root, config, config_digest, problems=problems)
    allow_html = config.options.allow_html
    _load_orgs(site)
    wanted = set(items)
    found = [(rel, entry) for rel, entry in _item_entries(root, items) if rel in wanted]
    site.items = _load_docs(site, ITEMS_DIR, ItemFrontMatter, allow_html, None, found)
    site.pages = _load_docs(site, PAGES_DIR, PageFrontMatter, allow_html, None)
    _load_catalogs(site)
    in_issues = [(rel, entry) for rel, entry in _item_entries(root, [f"{folder}/" for folder in issues])
                 if rel.endswith((".md", "/issue.yaml")) and not rel.rpartition("/")[2].startswith(".")]
    _load_gazette(site, allow_html, None, sorted(in_issues, key=lambda found: found[0]))
    return site


def _item_entries(root: Path, items: list[str]) -> Iterator[tuple[str, os.DirEntry]]:
    """Directory entries of the files in the folders of the named files: one listing per
    folder, not a walk of ``content/``."""
    folders = sorted({rel.rpartition("/")[0] for rel in items})
    for folder in folders:
        prefix = folder + "/"
        try:
            with os.scandir(root / folder) as it:
                for entry in it:
                    if entry.is_file():
                        yield prefix + entry.name, entry
        except OSError:
            continue
