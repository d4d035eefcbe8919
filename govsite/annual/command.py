"""``govsite report annual``: create the data file (``--init``), create or refresh the page.

The report page is an item (体裁 年报, in the site's ``annual_report`` column) with
a new 索引号; its body holds the narrative sections. Refreshing adds any missing
section heading and re-runs every check of that report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from govsite.annual.data import data_path, read_data
from govsite.annual.layout import CARRIED_OUT
from govsite.annual.link import link_annual
from govsite.annual.sections import split_sections
from govsite.annual.template import init_text
from govsite.content.itemfile import assign_index_no, item_file_text, item_path, write_new_file
from govsite.content.loader import load_site
from govsite.content.reader import read_body
from govsite.dates import today_beijing
from govsite.model.site_model import SiteModel, build_model
from govsite.model.taxonomy import ColumnType, walk_columns
from govsite.problems import Problem
from govsite.years import annual_report_years


class ReportError(Exception):
    """The command cannot run; the message is bilingual (Chinese / English)."""


@dataclass
class ReportResult:
    """What the command did and what the checks of this report found."""

    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    table2: dict[str, tuple[int, int, int]] = field(default_factory=dict)


def _model(site: Path) -> tuple[SiteModel, list[Problem]]:
    loaded = load_site(site)
    model = build_model(loaded)
    if model is None:
        raise ReportError("site.yaml 无法读取，请先运行 govsite check / site.yaml is unusable: run govsite check")
    model.annual = link_annual(model, loaded.problems)
    return model, loaded.problems.items


def _check_org(model: SiteModel, org_id: str) -> None:
    if org_id not in model.orgs:
        raise ReportError(f"机构 {org_id} 不存在；已定义的机构：{'、'.join(model.orgs)} / no organization {org_id}")


def _check_year(year: int) -> None:
    """A year 2008…this year (:func:`govsite.years.annual_report_years`), before anything is read or written."""
    years = annual_report_years(today_beijing())
    if year not in years:
        raise ReportError(f"{years.message(year, 'zh')} / {years.message(year, 'en')}")


def init_data(site: Path, org_id: str, year: int) -> str:
    """Write the zero-filled data file; refuses to overwrite. Returns its path."""
    _check_year(year)
    site = site.resolve()
    model, _ = _model(site)
    _check_org(model, org_id)
    rel = data_path(org_id, year)
    try:
        write_new_file(site / rel, init_text(org_id, model.orgs[org_id].name, year, _carried_in(site, org_id, year)))
    except FileExistsError:
        raise ReportError(f"{rel} 已存在，未覆盖 / {rel} exists and was not overwritten") from None
    return rel


def _carried_in(site: Path, org_id: str, year: int) -> dict[str, int] | None:
    """Last year's 结转下年度 per column: this year's 上年结转 (table 3 row 二), which
    E-ANNUAL-CARRY requires to be equal. None when last year has no usable data file."""
    last = data_path(org_id, year - 1)
    if not (site / last).is_file():
        return None
    problems: list[Problem] = []
    data = read_data(site, last, problems)
    if data is None or CARRIED_OUT not in data.table3:
        return None
    return dict(data.table3[CARRIED_OUT])


def _annual_column(model: SiteModel) -> str:
    for col, _ in walk_columns(model.config.columns):
        if col.type is ColumnType.ANNUAL_REPORT:
            return col.id
    raise ReportError("site.yaml 中没有类型为 annual_report 的栏目（年报）/ no column of type annual_report")


def _set_report(site: Path, rel: str, index_no: str) -> None:
    """Point the data file at its page, keeping every comment of the file."""
    path = site / rel
    text = path.read_text(encoding="utf-8")
    line = f'report: "{index_no}"  # 报告页面的索引号'
    new, n = re.subn(r"^report:.*$", line, text, count=1, flags=re.M)
    if n == 0:
        new, n = re.subn(r"^(year:.*)$", lambda m: m.group(1) + "\n" + line, text, count=1, flags=re.M)
    path.write_text(new, encoding="utf-8")


def _create_page(site: Path, model: SiteModel, org_id: str, year: int) -> tuple[str, str]:
    from govsite.annual.sections import skeleton

    org = model.orgs[org_id]
    when = today_beijing()
    index_no, seq = assign_index_no(model.config, org, when, set(model.items_by_index))
    front = {
        "index_no": index_no,
        "title": f"{org.name}{year}年政府信息公开工作年度报告",
        "issuer": org_id,
        "written_date": when.isoformat(),
        "publish_date": f"{when.isoformat()} 09:00",
        "genre": "年报",
        "columns": [_annual_column(model)],
        "disclosure_mode": "主动公开",
        "validity": "有效",
        "keywords": ["政府信息公开", "年度报告", f"{year}年"],
        "summary": f"{org.name}{year}年政府信息公开工作总体情况、主动公开、依申请公开、行政复议和行政诉讼、存在的主要问题及改进情况。",
    }
    path = item_path(site, org_id, when.year, seq)
    write_new_file(path, item_file_text(front, skeleton(org.name, year)))
    return path.relative_to(site).as_posix(), index_no


def _refresh_page(site: Path, source: str) -> bool:
    """Append the section headings the body lacks; True when the file changed."""
    path = site / source
    text = path.read_text(encoding="utf-8")
    body, body_line = read_body(text.encode("utf-8"))
    missing = split_sections(body, body_line).missing()
    if not missing:
        return False
    path.write_text(text.rstrip("\n") + "\n\n" + "\n\n".join(f"## {h}" for h in missing) + "\n", encoding="utf-8")
    return True


def create_or_refresh(site: Path, org_id: str, year: int) -> ReportResult:
    """Create the report page (or refresh it) and check the report."""
    _check_year(year)
    site = site.resolve()
    model, _ = _model(site)
    _check_org(model, org_id)
    rel = data_path(org_id, year)
    if not (site / rel).is_file():
        raise ReportError(f"{rel} 不存在；请先运行 govsite report annual --org {org_id} --year {year} --init"
                          f" / {rel} does not exist: run with --init first")
    result = ReportResult()
    report = model.annual.by_org_year.get((org_id, year))
    if report is not None and report.item is not None:
        if _refresh_page(site, report.item.source):
            result.changed.append(report.item.source)
    elif report is not None and report.data.report is None:
        source, index_no = _create_page(site, model, org_id, year)
        _set_report(site, rel, index_no)
        result.created.append(source)
        result.changed.append(rel)
    model, problems = _model(site)
    report = model.annual.by_org_year.get((org_id, year))
    mine = {rel} | ({report.item.source} if report and report.item else set())
    result.problems = [p for p in problems if p.file in mine]
    if report is not None:
        result.table2 = {k: (v.issued, v.repealed, v.valid) for k, v in report.table2.items()}
    return result
