"""Deadline rule (时限): last year's annual report must be out by the legal date.

《条例》第四十九条: departments (政府部门) publish last year's report by 31 January,
people's governments at each level (人民政府, also 乡镇、街道) by 31 March. From the
day after, a missing report is a warning ``W-ANNUAL-MISSING`` on the organization
in ``content/orgs.yaml``. A 政府办公室 is covered by its government's report.

A report counts as published when the organization has a report built from a data
file (``content/annual/<org>/<year>.yaml`` with its page), or any item it issued
with 体裁 年报 whose title names the year's 年度报告 (reports kept as plain items,
e.g. imported from an old CMS).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from govsite.base.yamlsource import YamlError, locate, parse_yaml
from govsite.inspect.registry import rule
from govsite.model.org import OrgKind
from govsite.problems import ProblemLog

ORGS_FILE = "content/orgs.yaml"
DEADLINES: dict[OrgKind, tuple[int, int, str, str]] = {
    OrgKind.DEPARTMENT: (1, 31, "政府部门", "government department"),
    OrgKind.OTHER: (1, 31, "政府部门", "government department"),
    OrgKind.GOVERNMENT: (3, 31, "人民政府", "people's government"),
    OrgKind.TOWNSHIP: (3, 31, "人民政府", "people's government"),
}
"""Organization kind → (month, day, Chinese and English label) of the deadline for last year's report."""


def published(model: Any, org_id: str, year: int) -> bool:
    """Has ``org_id`` published its report on ``year``?"""
    annual = model.annual
    report = annual.by_org_year.get((org_id, year)) if annual is not None else None
    if report is not None and report.item is not None:
        return True
    return any(it.fm.genre == "年报" and f"{year}年" in it.fm.title and "年度报告" in it.fm.title
               for it in model.by_org.get(org_id, []))


def _org_positions(model: Any) -> tuple[str, dict[str, int]]:
    """The text of orgs.yaml and each organization's index in it."""
    try:
        text = (model.root / ORGS_FILE).read_text(encoding="utf-8")
        entries = parse_yaml(text)  # refuses anchors and aliases, like the loader
    except (OSError, UnicodeDecodeError, YamlError):
        return "", {}
    if not isinstance(entries, list):
        return text, {}
    return text, {e["id"]: i for i, e in enumerate(entries)
                  if isinstance(e, dict) and isinstance(e.get("id"), str)}  # `id: []` is an E-TYPE, not a key


@rule("W-ANNUAL-MISSING", family="annual", site_wide=True)
def annual_report_missing(model: Any, today: date, problems: ProblemLog) -> None:
    """Warn for each organization whose report on last year is overdue."""
    year = today.year - 1
    orgs_text, positions = _org_positions(model)
    for org in model.orgs.values():
        rule_for = DEADLINES.get(org.kind)
        if rule_for is None:
            continue
        month, day, label, label_en = rule_for
        deadline = date(today.year, month, day)
        if today <= deadline or published(model, org.id, year):
            continue
        index = positions.get(org.id)
        line = locate(orgs_text, (index, "id")) if index is not None else None
        problems.warning("W-ANNUAL-MISSING", ORGS_FILE, line, f"{index}.id" if index is not None else "id", year, org=org.name, org_id=org.id, kind_zh=label, kind_en=label_en,
                         deadline=deadline.isoformat())
