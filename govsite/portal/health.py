"""Whether a member site is alive and up to date (成员网站健康状况): the rows of the
portal's "never stale" dashboard (不断更监测).

The stale and empty columns, the home page and the single-veto thresholds are not
judged here: :func:`govsite.inspect.columns.stale_and_empty_columns`, the rule that
``govsite check`` runs on a site's own model, runs on the member as read from its
published files (:class:`~govsite.portal.published.MemberSite` has the attributes the
rule reads), and its findings are sorted into the row. So a county sees on the
portal exactly what its own ``govsite check`` would tell it on the same day.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govsite.dates import BEIJING
from govsite.inspect.columns import EMPTY, stale_and_empty_columns
from govsite.portal.published import MemberSite
from govsite.problems import ProblemLog

STATUS_LABELS = {
    "ok": "正常",
    "stale": "未按期更新",
    "risk": "有单项否决风险",
    "late": "未按时构建",
    "missing": "无法读取",
    "unreadable": "无法读取",
    "merged": "已撤并",
}
"""Dashboard status of a member (its text is what the page shows)."""


@dataclass(frozen=True)
class StaleColumn:
    """A column the rule found not updated within its period (栏目不更新)."""

    id: str
    title: str
    url: str
    newest: date
    days: int
    period: int


@dataclass
class Health:
    """One member's row of the dashboard."""

    status: str
    built: date | None = None
    build_days: int | None = None
    newest: date | None = None
    """Date of its most recent item."""
    stale: list[StaleColumn] = field(default_factory=list)
    empty: list[tuple[str, str, str]] = field(default_factory=list)
    """(id, title, url) of each empty column (空白栏目)."""
    home_days: int | None = None
    """Days since the newest item when over the home page's 2 weeks (首页不更新), else None."""
    vetoes: list[tuple[str, int, int]] = field(default_factory=list)
    """(threshold, count, limit) of each single-veto threshold reached (单项否决风险)."""
    gazette: dict[str, Any] | None = None
    problem: str = ""
    """Why the member could not be read (its warning's text)."""

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def judge(member: MemberSite, today: date, stale_build_days: int) -> Health:
    """The row of a member that could be read."""
    log = ProblemLog()
    stale_and_empty_columns(member, today, log)
    health = Health("ok", built=member.built, build_days=(today - member.built).days, gazette=member.gazette)
    if member.items:
        health.newest = member.items[0].publish_date.astimezone(BEIJING).date()
    for p in log.items:
        if p.code == "W-STALE-COLUMN":
            health.stale.append(StaleColumn(p.value, p.params["title"], member.column_urls.get(p.value, ""),
                                            date.fromisoformat(p.params["newest"]), p.params["days"], p.params["period"]))
        elif p.code == "W-EMPTY-COLUMN":
            health.empty = [(c, member.columns[c].title, member.column_urls.get(c, "")) for c in p.params["ids"]]
            if len(health.empty) >= EMPTY.limit:
                health.vetoes.append((EMPTY.label, len(health.empty), EMPTY.limit))
        elif p.code == "W-HOME-STALE":
            health.home_days = p.params["days"]
        elif p.code == "W-VETO-RISK":
            health.vetoes.append((p.value, p.params["count"], p.params["limit"]))
    if health.stale or health.home_days is not None:
        health.status = "stale"
    elif health.vetoes:
        health.status = "risk"
    elif health.build_days is not None and health.build_days > stale_build_days:
        health.status = "late"
    return health
