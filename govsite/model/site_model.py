"""Phase 2 of a build: link what was read into one validated site model.

Resolves every reference (organizations, columns, themes, related items,
catalog rows, attachments), reports what points nowhere, and builds the indexes
that listing pages need. Nothing here renders or writes.
"""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from govsite.model.loaded import LoadedSite
from govsite.base.safepath import first_url_breaking, resolve_inside
from govsite.base.yamlsource import locate, split_front_matter
from govsite.identifiers import check_doc_no, check_org_code, index_template_regex
from govsite.dates import BEIJING
from govsite.model.catalog import Catalog
from govsite.model.column_lookup import ColumnLookup
from govsite.model.gazette_link import link_gazette
from govsite.model.gazette_model import GazetteModel
from govsite.model.linked import AttachmentFile, Item, Page
from govsite.model.item import ItemFrontMatter, Validity
from govsite.model.org import Organization
from govsite.model.page import PageFrontMatter
from govsite.model.site import SiteConfig
from govsite.model.taxonomy import Column, Taxonomy, walk_columns
from govsite.valuetext import choice_list
from govsite.problems import ProblemLog

RESERVED_SEGMENTS = {"theme", "year", "catalog", "files", "assets", "search", "page"}


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
    (:func:`govsite.pipeline.build.load_and_validate`): the model imports no feature."""

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


def today_beijing() -> date:
    """Today in China; ``GOVSITE_TODAY=YYYY-MM-DD`` pins it (tests, reproducible checks)."""
    pinned = os.environ.get("GOVSITE_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return datetime.now(BEIJING).date()


class _Lines:
    """Finds the line of a front-matter field, reading the file only when asked."""

    ALIASES = {"columns": "column"}
    """Fields that have a second accepted spelling."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, source: str, *path: object) -> int | None:
        try:
            text = (self.root / source).read_text(encoding="utf-8")
        except OSError:
            return None
        offset = 0
        if source.endswith(".md"):
            split = split_front_matter(text)
            if not split:
                return None
            text, offset = split[0], 1
        found = locate(text, tuple(path), offset, exact=True)
        if found is None and path and path[0] in self.ALIASES:
            found = locate(text, (self.ALIASES[path[0]],), offset, exact=True)
        return found if found is not None else locate(text, tuple(path), offset)


def build_model(loaded: LoadedSite) -> SiteModel | None:
    """Link and cross-validate; None when the configuration itself is unusable."""
    config = loaded.config
    if config is None:
        return None
    problems = loaded.problems
    line = _Lines(loaded.root)
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
    orgs = _link_orgs(loaded, columns, problems, line)
    orgs_unreadable = not loaded.orgs_readable
    catalogs, catalog_sources = _link_catalogs(loaded, orgs, problems, line)
    items = _link_items(loaded, config, taxonomy, orgs, columns, catalogs, problems, line, orgs_unreadable)
    pages, column_pages = _link_pages(loaded, config, orgs, columns, problems, line)
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


def _check_import_defaults(config: SiteConfig, problems: ProblemLog, line: _Lines) -> None:
    """``import_defaults.column`` must name a column (id or name), as ``--column-default`` must."""
    value = config.import_defaults.column
    if value and ColumnLookup.from_tree(config.columns).resolve(value)[0] is None:
        problems.error("E-REF-COLUMN", "site.yaml", line("site.yaml", "import_defaults", "column"),
                       "import_defaults.column", value, allowed=ColumnLookup.from_tree(config.columns).allowed())


def _org_choices(orgs: dict[str, Organization]) -> str:
    return choice_list((org_id, org.name) for org_id, org in orgs.items())


def _column_choices(columns: dict[str, Column]) -> str:
    return choice_list((col_id, col.title) for col_id, col in columns.items())


def _link_orgs(loaded: LoadedSite, columns: dict[str, Column], problems: ProblemLog, line: _Lines) -> dict[str, Organization]:
    orgs: dict[str, Organization] = {}
    src = "content/orgs.yaml"
    for org, index in loaded.orgs:
        if org.id in RESERVED_SEGMENTS:
            problems.error("E-RESERVED-ID", src, line(src, index, "id"), f"{index}.id", org.id,
                           allowed="、".join(sorted(RESERVED_SEGMENTS)))
            continue
        if org.id in orgs or org.id in columns:
            other = src if org.id in orgs else "site.yaml columns"
            problems.error("E-DUP-ID", src, line(src, index, "id"), f"{index}.id", org.id, other=other)
            continue
        orgs[org.id] = org
        check = check_org_code(org.code)
        if check.kind == "invalid":
            problems.error("E-ORG-CODE-FORM", src, line(src, index, "code"), f"{index}.code", org.code)
        elif not check.ok:
            kind = "统一社会信用代码" if check.kind == "uscc" else "组织机构代码"
            problems.warning("W-ORG-CODE-CHECK", src, line(src, index, "code"), f"{index}.code", org.code,
                             kind=kind, expected=check.expected)
    for org, index in loaded.orgs:
        if org.parent and org.parent not in orgs and orgs.get(org.id) is org:
            problems.error("E-REF-PARENT", src, line(src, index, "parent"), f"{index}.parent", org.parent,
                           allowed=_org_choices(orgs))
    return orgs


def _link_catalogs(loaded: LoadedSite, orgs: dict[str, Organization], problems: ProblemLog, line: _Lines):
    catalogs: dict[str, Catalog] = {}
    sources: dict[str, str] = {}
    for catalog, src in loaded.catalogs:
        if catalog.id in catalogs:
            problems.error("E-DUP-ID", src, line(src, "id"), "id", catalog.id, other=sources[catalog.id])
            continue
        catalogs[catalog.id] = catalog
        sources[catalog.id] = src
        if catalog.owner not in orgs:
            problems.error("E-REF-ORG", src, line(src, "owner"), "owner", catalog.owner, allowed=_org_choices(orgs))
        seqs: set[int] = set()
        for i, entry in enumerate(catalog.entries):
            if entry.seq in seqs:
                problems.error("E-DUP-ID", src, line(src, "entries", i, "seq"), f"entries.{i}.seq", entry.seq, other=src)
            seqs.add(entry.seq)
            for lv in entry.level:
                if lv not in catalog.levels:
                    problems.error("E-ENUM", src, line(src, "entries", i, "level"), f"entries.{i}.level", lv,
                                   allowed="、".join(catalog.levels))
    return catalogs, sources


def item_url(config: SiteConfig, source: str) -> str:
    """Stable output path of an item: the file's path under content/items/."""
    rel = source[len("content/items/"):-len(".md")]
    return f"{config.section_path}/{rel}.html"


def _link_items(loaded, config, taxonomy, orgs, columns, catalogs, problems: ProblemLog, line: _Lines,
                orgs_unreadable: bool = False) -> list[Item]:
    """Resolve each item's references; when orgs.yaml itself is unreadable, its one
    error is reported instead of an E-REF-ORG for every item."""
    items: list[Item] = []
    by_index: dict[str, Item] = {}
    today = today_beijing()
    allowance = config.options.future_publish_days
    earliest = config.options.earliest_date
    index_rx = index_template_regex(config.index_no.template)
    for doc in loaded.items:
        fm: ItemFrontMatter = doc.front  # type: ignore[assignment]
        src = doc.source
        ok = True
        org = orgs.get(fm.issuer)
        if org is None:
            if not orgs_unreadable:
                problems.error("E-REF-ORG", src, line(src, "issuer"), "issuer", fm.issuer, allowed=_org_choices(orgs))
            ok = False
        co_orgs: list[Organization] = []
        for i, co_id in enumerate(fm.co_issuers):
            co = orgs.get(co_id)
            if co is None:
                if not orgs_unreadable:
                    problems.error("E-REF-ORG", src, line(src, "co_issuers", i), "co_issuers", co_id,
                                   allowed=_org_choices(orgs))
                ok = False
            elif co_id != fm.issuer and co not in co_orgs:
                co_orgs.append(co)
        for i, col in enumerate(fm.columns):
            if col not in columns:
                problems.error("E-REF-COLUMN", src, line(src, "columns", i), "columns", col,
                               allowed=_column_choices(columns))
                ok = False
        theme_code = None
        if fm.theme:
            theme_code = taxonomy.resolve_theme(fm.theme)
            if theme_code is None:
                problems.error("E-REF-THEME", src, line(src, "theme"), "theme", fm.theme,
                               allowed=choice_list((t.code, t.name) for t in taxonomy.themes))
        if fm.genre and fm.genre not in taxonomy.genres:
            problems.error("E-REF-GENRE", src, line(src, "genre"), "genre", fm.genre, allowed="、".join(taxonomy.genres))
        if fm.publish_date.astimezone(BEIJING).date() > today + timedelta(days=allowance):
            problems.error("E-FUTURE-DATE", src, line(src, "publish_date"), "publish_date",
                           fm.publish_date.strftime("%Y-%m-%d %H:%M"), today=today.isoformat(), days=allowance)
        for name, day in (("publish_date", fm.publish_date.astimezone(BEIJING).date()), ("written_date", fm.written_date)):
            if day is not None and day < earliest:
                problems.warning("W-DATE-EARLY", src, line(src, name), name, day.isoformat(), earliest=earliest.isoformat())
        if fm.written_date and fm.written_date > fm.publish_date.astimezone(BEIJING).date():
            problems.error("E-DATE-ORDER", src, line(src, "publish_date"), "publish_date",
                           fm.publish_date.date().isoformat(), other=f"成文日期 {fm.written_date.isoformat()}")
        if fm.effective_date and fm.expiry_date and fm.expiry_date < fm.effective_date:
            problems.error("E-DATE-ORDER", src, line(src, "expiry_date"), "expiry_date", fm.expiry_date.isoformat(),
                           other=f"生效日期 {fm.effective_date.isoformat()}")
        if fm.doc_no:
            finding = check_doc_no(fm.doc_no)
            if finding:
                code = {"bracket": "W-DOCNO-BRACKET", "number": "W-DOCNO-NUMBER", "form": "W-DOCNO-FORM"}[finding.kind]
                problems.warning(code, src, line(src, "doc_no"), "doc_no", fm.doc_no, fix=finding.fix)
        if not index_rx.match(fm.index_no):
            problems.warning("W-INDEX-FORMAT", src, line(src, "index_no"), "index_no", fm.index_no,
                             template=config.index_no.template)
        if fm.superseded_by and fm.validity is Validity.VALID:
            problems.error("E-SUPERSEDED-VALIDITY", src, line(src, "validity"), "validity", fm.superseded_by)
        attachments = []
        for i, att in enumerate(fm.attachments):
            path = resolve_inside(loaded.root / "content", att.file)
            if path is None:
                problems.error("E-PATH-ESCAPE", src, line(src, "attachments", i, "file"), f"attachments.{i}.file", att.file)
            elif not path.is_file():
                problems.error("E-ATTACHMENT-MISSING", src, line(src, "attachments", i, "file"), f"attachments.{i}.file", att.file)
            else:
                rel = path.relative_to((loaded.root / "content").resolve()).as_posix()
                bad = first_url_breaking(rel)  # published at files/<rel>
                if bad is not None:
                    problems.error("E-FILENAME", src, line(src, "attachments", i, "file"), f"attachments.{i}.file",
                                   att.file, chars=bad[1])
                attachments.append(AttachmentFile(rel, att.title or Path(rel).name, path.stat().st_size, f"files/{rel}"))
        if fm.index_no in by_index:
            problems.error("E-DUP-INDEX", src, line(src, "index_no"), "index_no", fm.index_no, other=by_index[fm.index_no].source)
            continue
        if not ok:
            continue
        item = Item(fm, src, doc.digest, item_url(config, src), org, theme_code, attachments, co_orgs)
        by_index[fm.index_no] = item
        items.append(item)
    _link_related(items, by_index, catalogs, problems, line)
    return items


def _link_related(items: list[Item], by_index: dict[str, Item], catalogs: dict[str, Catalog], problems: ProblemLog, line: _Lines) -> None:
    for item in items:
        fm, src = item.fm, item.source
        for field_name in ("interprets", "superseded_by"):
            ref = getattr(fm, field_name)
            if not ref:
                continue
            if ref == fm.index_no:
                problems.error("E-SELF-REF", src, line(src, field_name), field_name, ref)
                continue
            target = by_index.get(ref)
            if target is None:
                problems.error("E-REF-ITEM", src, line(src, field_name), field_name, ref)
            elif field_name == "interprets":
                item.interprets = target
                target.interpretations.append(item)
            else:
                item.superseded_by = target
                target.supersedes.append(item)
        if fm.catalog_entry:
            cat_id, _, seq = fm.catalog_entry.partition("#")
            catalog = catalogs.get(cat_id)
            entry = next((e for e in catalog.entries if str(e.seq) == seq), None) if catalog else None
            if catalog is None or entry is None:
                problems.error("E-REF-CATALOG", src, line(src, "catalog_entry"), "catalog_entry", fm.catalog_entry,
                               allowed="、".join(catalogs) or "（无）")
            else:
                item.catalog = (catalog, entry)
    for item in items:
        item.interpretations.sort(key=lambda it: it.sort_key)
        item.supersedes.sort(key=lambda it: it.sort_key)


def _link_pages(loaded, config, orgs, columns, problems: ProblemLog, line: _Lines):
    pages: list[Page] = []
    column_pages: dict[str, Page] = {}
    for doc in loaded.pages:
        fm: PageFrontMatter = doc.front  # type: ignore[assignment]
        src = doc.source
        stem = src[len("content/pages/"):-len(".md")]
        if fm.column and fm.column not in columns:
            problems.error("E-REF-COLUMN", src, line(src, "column"), "column", fm.column, allowed=_column_choices(columns))
            continue
        if fm.org and fm.org not in orgs:
            problems.error("E-REF-ORG", src, line(src, "org"), "org", fm.org, allowed=_org_choices(orgs))
            continue
        url = f"{config.section_path}/{fm.column}/index.html" if fm.column else f"{stem}/index.html"
        page = Page(fm, src, doc.digest, url)
        if fm.column:
            if fm.column in column_pages:
                problems.error("E-DUP-ID", src, line(src, "column"), "column", fm.column, other=column_pages[fm.column].source)
                continue
            column_pages[fm.column] = page
        pages.append(page)
    return pages, column_pages
