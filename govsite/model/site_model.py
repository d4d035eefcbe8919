"""Phase 2 of a build: link what was read into one validated site model.

Resolves every reference (organizations, columns, themes, related items,
catalog rows, attachments), reports what points nowhere, and builds the indexes
that listing pages need. Nothing here renders or writes. This module holds the
site model and the order of the linking; the tree (:mod:`~govsite.model.link_tree`),
the items (:mod:`~govsite.model.link_items`) and the gazette
(:mod:`~govsite.model.gazette_link`) are linked in their own modules.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from govsite.dates import today_beijing
from govsite.model.catalog import Catalog
from govsite.model.column_lookup import ColumnLookup
from govsite.model.gazette_link import link_gazette
from govsite.model.gazette_model import GazetteModel
from govsite.model.link_items import link_items
from govsite.model.link_tree import RESERVED_SEGMENTS, link_catalogs, link_orgs, link_pages
from govsite.model.linked import Item, Page
from govsite.model.loaded import LoadedSite
from govsite.model.org import Organization
from govsite.model.site import SiteConfig
from govsite.model.source_lines import SourceLines
from govsite.model.taxonomy import Column, Taxonomy, walk_columns
from govsite.problems import ProblemLog


@dataclass(eq=False)
class SiteModel:
    """The validated site: configuration, lookups and listing indexes."""

    root: Path
    config: SiteConfig
    config_digest: str
    taxonomy: Taxonomy
    orgs: dict[str, Organization]
    columns: dict[str, Column]
    column_parent: dict[str, str | None]
    items: list[Item]
    """Newest first."""
    items_by_index: dict[str, Item]
    pages: list[Page]
    column_pages: dict[str, Page]
    catalogs: dict[str, Catalog]
    catalog_sources: dict[str, str]
    by_column: dict[str, list[Item]]
    """Items of a column and of all its descendants, newest first."""
    by_org: dict[str, list[Item]]
    by_theme: dict[str, list[Item]]
    """By first-level theme code."""
    by_year: dict[int, list[Item]]
    by_catalog_entry: dict[tuple[str, int], list[Item]]
    gazette: "GazetteModel | None" = None
    """The 政府公报 archive, when the site has one."""
    annual: Any = None
    """Annual reports (政府信息公开工作年度报告), linked by the pipeline after this model
    (:func:`govsite.pipeline.pages.load_and_validate`): the model imports no feature."""
    portal: Any = None
    """A portal's members as read from their published output (:mod:`govsite.portal`),
    linked by the pipeline like ``annual``; None on an ordinary site."""

    def org_column_counts(self, org_id: str) -> dict[str, int]:
        """How many of an organization's items each column holds (its page's column
        list; every page of its listing shows it)."""
        return self._org_column_counts.get(org_id) or dict.fromkeys(self.columns, 0)

    @cached_property
    def _org_column_counts(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for org_id, items in self.by_org.items():
            per_column = counts[org_id] = dict.fromkeys(self.columns, 0)
            for item in items:
                for col in set(item.fm.columns):
                    if col in per_column:
                        per_column[col] += 1
        return counts


def build_model(loaded: LoadedSite) -> SiteModel | None:
    """Link and cross-validate; None when the configuration itself is unusable."""
    config = loaded.config
    if config is None:
        return None
    problems = loaded.problems
    line = SourceLines(loaded.root)
    taxonomy = Taxonomy(config.themes, config.genres)

    columns: dict[str, Column] = {}
    column_parent: dict[str, str | None] = {}
    for col, parent in walk_columns(config.columns):
        if col.id in RESERVED_SEGMENTS:
            problems.error("E-RESERVED-ID", "site.yaml", line("site.yaml", "columns"), "columns.id", col.id,
                           allowed="、".join(sorted(RESERVED_SEGMENTS)))
            continue
        if col.id in columns:
            problems.error("E-DUP-ID", "site.yaml", line("site.yaml", "columns"), "columns.id", col.id, other="site.yaml")
            continue
        columns[col.id] = col
        column_parent[col.id] = parent.id if parent else None

    _check_import_defaults(config, problems, line)
    orgs = link_orgs(loaded, columns, problems, line)
    orgs_unreadable = not loaded.orgs_readable
    catalogs, catalog_sources = link_catalogs(loaded, orgs, problems, line)
    items = link_items(loaded, config, taxonomy, orgs, columns, catalogs, problems, line, orgs_unreadable)
    pages, column_pages = link_pages(loaded, config, orgs, columns, problems, line)
    gazette = link_gazette(loaded, orgs, {it.fm.index_no: it for it in items}, problems, line, today_beijing())

    items.sort(key=lambda it: it.sort_key)
    by_column: dict[str, list[Item]] = defaultdict(list)
    by_org: dict[str, list[Item]] = defaultdict(list)
    by_theme: dict[str, list[Item]] = defaultdict(list)
    by_year: dict[int, list[Item]] = defaultdict(list)
    by_entry: dict[tuple[str, int], list[Item]] = defaultdict(list)
    for item in items:
        seen: set[str] = set()
        for col_id in item.fm.columns:
            current: str | None = col_id
            while current and current not in seen:
                seen.add(current)
                by_column[current].append(item)
                current = column_parent.get(current)
        by_org[item.org.id].append(item)
        if item.theme_code:
            by_theme[taxonomy.theme_top(item.theme_code).code].append(item)
        by_year[item.year].append(item)
        if item.catalog:
            by_entry[(item.catalog[0].id, item.catalog[1].seq)].append(item)
    model = SiteModel(
        loaded.root, config, loaded.config_digest, taxonomy, orgs, columns, column_parent, items,
        {it.fm.index_no: it for it in items}, pages, column_pages, catalogs, catalog_sources,
        dict(by_column), dict(by_org), dict(by_theme), dict(by_year), dict(by_entry), gazette,
    )
    return model


def _check_import_defaults(config: SiteConfig, problems: ProblemLog, line: SourceLines) -> None:
    """``import_defaults.column`` must name a column (id or name), as ``--column-default`` must."""
    value = config.import_defaults.column
    if value and ColumnLookup.from_tree(config.columns).resolve(value)[0] is None:
        problems.error("E-REF-COLUMN", "site.yaml", line("site.yaml", "import_defaults", "column"),
                       "import_defaults.column", value, allowed=ColumnLookup.from_tree(config.columns).allowed())


