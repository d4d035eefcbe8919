"""Stale and empty columns (不更新栏目、空白栏目) and the home page (首页不更新),
against the single-veto thresholds of the 2019 inspection indicators (DOMAIN §5.2)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from govsite.inspect.registry import rule
from govsite.dates import BEIJING
from govsite.model.taxonomy import ColumnType
from govsite.problems import ProblemLog
from govsite.valuetext import choice_list

HOME_DAYS = 14
"""The home page must show new information within 2 weeks."""

KIND_LABELS: dict[ColumnType, str] = {
    ColumnType.NEWS: "动态、要闻类",
    ColumnType.NOTICE_POLICY: "通知公告、政策文件类",
    ColumnType.PERSONNEL_PLAN: "人事、规划计划类",
    ColumnType.INTERPRETATION: "政策解读",
    ColumnType.ANNUAL_REPORT: "年报",
}

VETO_CLASSES = {ColumnType.NEWS, ColumnType.NOTICE_POLICY}
"""Columns counted by the first 栏目不更新 threshold (2 weeks / 6 months)."""


@dataclass(frozen=True)
class Threshold:
    """One single-veto threshold of the 栏目不更新 / 空白栏目 indicators."""

    key: str
    label: str
    label_en: str
    limit: int


THRESHOLDS = (
    Threshold("stale_news_policy", "动态要闻类（2周）和通知公告、政策文件类（6个月）栏目未更新",
              "news (2 weeks) and notice/policy (6 months) columns not updated", 5),
    Threshold("stale_all", "应更新栏目未更新", "should-update columns not updated", 10),
    Threshold("empty", "空白栏目", "empty columns", 5),
)


def _newest(model: Any, col_id: str) -> date | None:
    """Newest visible date in a column: its newest item, or its page's 最后更新."""
    dates: list[date] = []
    items = model.by_column.get(col_id)
    if items:
        dates.append(items[0].fm.publish_date.astimezone(BEIJING).date())
    page = model.column_pages.get(col_id)
    if page is not None and page.fm.updated is not None:
        dates.append(page.fm.updated.astimezone(BEIJING).date())
    return max(dates) if dates else None


def column_states(model: Any, today: date) -> list[tuple[Any, str, date | None, int]]:
    """(column, "fresh"|"stale"|"empty", newest date, days since) for every
    should-update column (one with an update period) that is a leaf, or has items of its own."""
    out: list[tuple[Any, str, date | None, int]] = []
    for col_id, col in model.columns.items():
        period = col.effective_update_days
        if period is None:
            continue
        newest = _newest(model, col_id)
        if newest is None:
            if not col.children and col_id not in model.column_pages:
                out.append((col, "empty", None, 0))
            continue
        days = (today - newest).days
        out.append((col, "stale" if days > period else "fresh", newest, days))
    return out


def veto_counts(problems: ProblemLog) -> dict[str, int]:
    """How many findings count towards each threshold of :data:`THRESHOLDS`."""
    stale = [p for p in problems.items if p.code == "W-STALE-COLUMN"]
    return {
        "stale_news_policy": sum(1 for p in stale if p.params.get("veto_class")),
        "stale_all": len(stale),
        "empty": sum(int(p.params.get("count", 1)) for p in problems.items if p.code == "W-EMPTY-COLUMN"),
    }


EMPTY = next(t for t in THRESHOLDS if t.key == "empty")


@rule("W-STALE-COLUMN", family="columns", site_wide=True,
      codes=("W-STALE-COLUMN", "W-EMPTY-COLUMN", "W-HOME-STALE", "W-VETO-RISK"))
def stale_and_empty_columns(model: Any, today: date, problems: ProblemLog) -> None:
    """Every stale column, all empty columns in one finding (a new site has a dozen, and the
    list says no more than the count), the home page, and each stale-column veto threshold
    reached (the empty-column finding names its own threshold)."""
    log = ProblemLog()
    empty: list[Any] = []
    for col, state, newest, days in column_states(model, today):
        kind = KIND_LABELS.get(col.type, "应更新栏目")
        if state == "stale" and newest is not None:
            log.warning("W-STALE-COLUMN", "site.yaml", None, "columns", col.id, title=col.title,
                        newest=newest.isoformat(), days=days, period=col.effective_update_days, kind=kind,
                        veto_class=col.type in VETO_CLASSES)
        elif state == "empty":
            empty.append(col)
    if empty:
        log.warning("W-EMPTY-COLUMN", "site.yaml", None, "columns", tuple(c.id for c in empty), count=len(empty),
                    columns=choice_list((c.id, c.title) for c in empty), limit=EMPTY.limit,
                    ids=tuple(c.id for c in empty))
    if model.items:
        newest = model.items[0].fm.publish_date.astimezone(BEIJING).date()
        days = (today - newest).days
        if days > HOME_DAYS:
            log.warning("W-HOME-STALE", "site.yaml", None, None, newest.isoformat(), days=days)
    counts = veto_counts(log)
    for t in THRESHOLDS:
        if t is not EMPTY and counts[t.key] >= t.limit:
            log.warning("W-VETO-RISK", "site.yaml", None, None, t.label, count=counts[t.key], limit=t.limit)
    problems.extend(log.items)
