"""Phase 2, the site's tree (站点结构): organizations, standard catalogs and free pages,
what every item refers to, with the segments no id may take.

Each reference that points nowhere is a problem with the file, line and the ids
allowed; :mod:`govsite.model.site_model` calls these before the items.
"""
from __future__ import annotations

from govsite.identifiers import check_org_code
from govsite.model.catalog import Catalog
from govsite.model.linked import Page
from govsite.model.loaded import LoadedSite
from govsite.model.org import Organization
from govsite.model.site import SiteConfig
from govsite.model.source_lines import SourceLines
from govsite.model.taxonomy import Column
from govsite.problems import ProblemLog
from govsite.valuetext import choice_list

RESERVED_SEGMENTS = {"theme", "year", "catalog", "files", "assets", "search", "page"}


def org_choices(orgs: dict[str, Organization]) -> str:
    return choice_list((org_id, org.name) for org_id, org in orgs.items())


def column_choices(columns: dict[str, Column]) -> str:
    return choice_list((col_id, col.title) for col_id, col in columns.items())


def link_orgs(loaded: LoadedSite, columns: dict[str, Column], problems: ProblemLog, line: SourceLines) -> dict[str, Organization]:
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
                           allowed=org_choices(orgs))
    return orgs


def link_catalogs(loaded: LoadedSite, orgs: dict[str, Organization], problems: ProblemLog,
                  line: SourceLines) -> tuple[dict[str, Catalog], dict[str, str]]:
    catalogs: dict[str, Catalog] = {}
    sources: dict[str, str] = {}
    for catalog, src in loaded.catalogs:
        if catalog.id in catalogs:
            problems.error("E-DUP-ID", src, line(src, "id"), "id", catalog.id, other=sources[catalog.id])
            continue
        catalogs[catalog.id] = catalog
        sources[catalog.id] = src
        if catalog.owner not in orgs:
            problems.error("E-REF-ORG", src, line(src, "owner"), "owner", catalog.owner, allowed=org_choices(orgs))
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


def link_pages(loaded: LoadedSite, config: SiteConfig, orgs: dict[str, Organization], columns: dict[str, Column],
               problems: ProblemLog, line: SourceLines) -> tuple[list[Page], dict[str, Page]]:
    pages: list[Page] = []
    column_pages: dict[str, Page] = {}
    for doc in loaded.pages:
        fm = doc.front
        src = doc.source
        stem = src[len("content/pages/"):-len(".md")]
        if fm.column and fm.column not in columns:
            problems.error("E-REF-COLUMN", src, line(src, "column"), "column", fm.column, allowed=column_choices(columns))
            continue
        if fm.org and fm.org not in orgs:
            problems.error("E-REF-ORG", src, line(src, "org"), "org", fm.org, allowed=org_choices(orgs))
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
