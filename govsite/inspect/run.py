"""Run the inspection on a site model and summarise it for ``govsite check`` and
the ``_report`` page: findings grouped by family, the single-veto threshold lines
and the home page's freshness."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govsite.inspect.columns import HOME_DAYS, THRESHOLDS, veto_counts
from govsite.inspect.registry import FAMILIES, family_of, run_rules
from govsite.inspect.sources import set_planned_paths
from govsite.dates import BEIJING
from govsite.problems import Problem, ProblemLog


@dataclass
class Summary:
    """The headline figures of an inspection."""

    today: date
    counts: dict[str, int]
    """Findings per threshold key (see :data:`govsite.inspect.columns.THRESHOLDS`)."""
    home_newest: date | None
    families: dict[str, int] = field(default_factory=dict)
    since: str | None = None
    """The git revision of ``--since`` (only changed files' findings shown)."""

    @property
    def home_days(self) -> int | None:
        return (self.today - self.home_newest).days if self.home_newest else None

    @property
    def veto(self) -> bool:
        return any(self.counts[t.key] >= t.limit for t in THRESHOLDS) or not self.home_ok

    @property
    def home_ok(self) -> bool:
        return self.home_days is not None and self.home_days <= HOME_DAYS

    def lines(self, lang: str = "zh") -> list[str]:
        """The summary block of the text report."""
        zh = lang == "zh"
        out = [f"巡检日期 {self.today.isoformat()}" if zh else f"Inspection date {self.today.isoformat()}"]
        if self.since:
            out.append(f"仅检查自 {self.since} 以来变更的文件（全站规则照常运行）" if zh else
                       f"Only files changed since {self.since} (site-wide rules still run)")
        for t in THRESHOLDS:
            n = self.counts[t.key]
            mark = ("已达阈值" if zh else "threshold reached") if n >= t.limit else ("未达阈值" if zh else "below threshold")
            out.append(f"{t.label}：{n} 个（阈值 {t.limit} 个，{mark}）" if zh else
                       f"{t.label_en}: {n} (threshold {t.limit}, {mark})")
        if self.home_newest is None:
            out.append("首页：没有任何信息" if zh else "Home page: no items at all")
        elif self.home_days is not None and self.home_days < 0:
            ahead = -self.home_days
            out.append(
                f"首页最新信息 {self.home_newest.isoformat()} 晚于巡检日期 {self.today.isoformat()} {ahead} 天"
                "（发布日期在未来：请核对该信息的发布日期，或检查 GOVSITE_TODAY 的设置）" if zh else
                f"Home page newest entry {self.home_newest.isoformat()} is {ahead} day(s) after the inspection "
                f"date {self.today.isoformat()} (a publish date in the future: check that item's publish date, "
                "or GOVSITE_TODAY)")
        else:
            ok = self.home_ok
            out.append(
                f"首页最新信息 {self.home_newest.isoformat()}（{self.home_days} 天前，"
                + ("2周内有更新）" if ok else "超过2周未更新）") if zh else
                f"Home page newest entry {self.home_newest.isoformat()} ({self.home_days} days ago, "
                + ("updated within 2 weeks)" if ok else "not updated for over 2 weeks)"))
        out.append(("单项否决风险：有" if zh else "Single-veto risk (单项否决): YES") if self.veto else
                   ("单项否决风险：无" if zh else "Single-veto risk (单项否决): none"))
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.today.isoformat(),
            "since": self.since,
            "thresholds": [{"key": t.key, "label": t.label, "count": self.counts[t.key], "limit": t.limit,
                            "reached": self.counts[t.key] >= t.limit} for t in THRESHOLDS],
            "home_page": {"newest": self.home_newest.isoformat() if self.home_newest else None,
                          "days": self.home_days, "updated_within_2_weeks": self.home_ok},
            "veto_risk": self.veto,
            "families": self.families,
        }


def run_inspection(model: Any, problems: ProblemLog, today: date, planned: set[str] | None = None) -> None:
    """Add every rule's findings to ``problems``; ``planned`` reuses the build plan."""
    if planned:
        set_planned_paths(model, planned)
    run_rules(model, today, problems)


def summarise(model: Any, problems: ProblemLog, today: date, since: str | None = None) -> Summary:
    home = model.items[0].fm.publish_date.astimezone(BEIJING).date() if model.items else None
    families: dict[str, int] = {}
    for p in problems.items:
        fam = family_of_problem(p)
        families[fam] = families.get(fam, 0) + 1
    return Summary(today, veto_counts(problems), home, families, since)


def family_of_problem(p: Problem) -> str:
    """Report family; a footer field missing from site.yaml (E-MISSING) counts as footer."""
    if p.code == "E-MISSING" and (p.field or "").startswith("footer."):
        return "footer"
    return family_of(p.code)


def grouped(problems: ProblemLog) -> list[tuple[str, list[Problem]]]:
    """Findings by family, families in :data:`FAMILIES` order, empty ones left out."""
    groups: dict[str, list[Problem]] = {f: [] for f in FAMILIES}
    for p in problems.items:
        groups[family_of_problem(p)].append(p)
    return [(f, ps) for f, ps in groups.items() if ps]


def format_text(problems: ProblemLog, summary: Summary | None, lang: str = "zh") -> list[str]:
    """The human-readable report: each family with its count, then the summary (none
    when site.yaml is unusable and nothing could be inspected)."""
    out: list[str] = []
    for fam, items in grouped(problems):
        zh_label, en_label = FAMILIES[fam]
        out.append(f"== {zh_label}（{len(items)}）" if lang == "zh" else f"== {en_label} ({len(items)})")
        out += [p.format(lang) for p in items]
    if summary is not None:
        out.append("== 巡检汇总" if lang == "zh" else "== Summary")
        out += summary.lines(lang)
    else:
        out.append("未能巡检：site.yaml 有错误，请先修正" if lang == "zh" else
                   "Not inspected: site.yaml has errors; fix them first")
    out.append(f"共 {len(problems.errors)} 个错误，{len(problems.warnings)} 个警告" if lang == "zh" else
               f"{len(problems.errors)} error(s), {len(problems.warnings)} warning(s)")
    return out


def format_json(problems: ProblemLog, summary: Summary | None, lang: str = "zh") -> str:
    """``problems.to_json`` plus each finding's family and the summary (null when not inspected);
    the one W-EMPTY-COLUMN finding also lists the empty columns' ids (``columns``), which its
    message gives only as text."""
    payload = json.loads(problems.to_json(lang))
    for entry, p in zip(payload["problems"], problems.items):
        entry["family"] = family_of_problem(p)
        if p.code == "W-EMPTY-COLUMN":
            entry["columns"] = list(p.params.get("ids", ()))
    payload["summary"] = summary.as_json() if summary is not None else None
    return json.dumps(payload, ensure_ascii=False, indent=2)
