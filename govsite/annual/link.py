"""Phase 2 for annual reports: read the data files, link each to its report page, check.

Called by the pipeline right after :func:`govsite.model.site_model.build_model`
(:func:`govsite.pipeline.pages.load_and_validate`) and by ``govsite report annual``;
the model itself imports no feature. Problems go to the
site's :class:`~govsite.problems.ProblemLog`, so ``govsite check`` and
``govsite build`` report them like any other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from govsite.annual.checks import check_report
from govsite.annual.data import ANNUAL_DIR, AnnualData, read_data
from govsite.annual.sections import Narrative, split_sections
from govsite.annual.table2 import DocCounts, compute_table2, table2_digest
from govsite.content.reader import read_body
from govsite.problems import ProblemLog
from govsite.valuetext import choice_list

if TYPE_CHECKING:
    from govsite.model.linked import Item
    from govsite.model.site_model import SiteModel

_YEAR_FILE = re.compile(r"^(\d{4})\.yaml$")


@dataclass(eq=False)
class AnnualReport:
    """One organization's report on one year: its data, computed rows and page."""

    data: AnnualData
    table2: dict[str, DocCounts]
    table2_digest: str
    item: "Item | None" = None
    """The report page (an item); None until ``govsite report annual`` creates it."""
    narrative: Narrative | None = None


@dataclass(eq=False)
class AnnualIndex:
    """Every annual report of the site."""

    by_org_year: dict[tuple[str, int], AnnualReport] = field(default_factory=dict)
    by_item: dict[str, AnnualReport] = field(default_factory=dict)
    """Index number of the report page → report."""


def _data_files(model: "SiteModel", problems: ProblemLog) -> list[str]:
    base = model.root / ANNUAL_DIR
    if not base.is_dir():
        return []
    out = []
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(model.root).as_posix()
        if path.is_dir() or path.name.startswith("."):
            continue
        parts = path.relative_to(base).parts
        if len(parts) != 2 or not _YEAR_FILE.match(parts[1]):
            problems.error("E-ANNUAL-PATH", rel, None, None, rel, detail="文件名应为四位年份，如 2025.yaml / name it after the year")
            continue
        if parts[0] not in model.orgs:
            problems.error("E-REF-ORG", rel, None, None, parts[0],
                           allowed=choice_list((i, o.name) for i, o in model.orgs.items()))
            continue
        out.append(rel)
    return out


def link_annual(model: "SiteModel", problems: ProblemLog) -> AnnualIndex:
    """Read, link and cross-check every ``content/annual/<org>/<year>.yaml``."""
    index = AnnualIndex()
    read: list[AnnualData] = []
    for rel in _data_files(model, problems):
        local: list = []
        data = read_data(model.root, rel, local)
        problems.extend(local)
        if data is None:
            continue
        org_dir, year_file = rel.split("/")[-2:]
        if data.org != org_dir or str(data.year) != year_file[:4]:
            field_name = "org" if data.org != org_dir else "year"
            problems.error("E-ANNUAL-PATH", rel, data.line(field_name), field_name, getattr(data, field_name),
                           detail=f"文件中 org: {data.org}, year: {data.year}")
            continue
        read.append(data)
    for data in read:
        report = AnnualReport(data, compute_table2(model, data.org, data.year), table2_digest(model, data.org))
        index.by_org_year[(data.org, data.year)] = report
    for (org_id, year), report in sorted(index.by_org_year.items()):
        last = index.by_org_year.get((org_id, year - 1))
        check_report(report.data, last.data if last else None, problems)
        _link_page(model, report, problems)
        if report.item is not None:
            index.by_item[report.item.fm.index_no] = report
    return index


def _link_page(model: "SiteModel", report: AnnualReport, problems: ProblemLog) -> None:
    data = report.data
    if data.report is None:
        problems.warning("W-ANNUAL-NO-PAGE", data.source, data.line("report"), "report", f"{data.org} {data.year}",
                         org=data.org, year=data.year)
        return
    item = model.items_by_index.get(data.report)
    detail = ""
    if item is None:
        detail = "本站没有该索引号的信息 / no item has this index number"
    elif item.org.id != data.org:
        detail = f"该信息的发布机构为 {item.org.id}，应为 {data.org} / the item is issued by {item.org.id}"
    elif item.fm.genre != "年报":
        detail = f"该信息的体裁为 {item.fm.genre or '（空）'}，应为 年报 / its genre must be 年报"
    if item is None or detail:
        problems.error("E-ANNUAL-REPORT", data.source, data.line("report"), "report", data.report, detail=detail)
        return
    body, body_line = read_body((model.root / item.source).read_bytes())
    narrative = split_sections(body, body_line)
    for heading in narrative.missing():
        problems.error("E-ANNUAL-SECTION", item.source, body_line, "body", heading)
    report.item, report.narrative = item, narrative
