"""The portal's listings (平台汇总), grouped from the members as read: by member, by
column and by 主题分类. Every row links to the member's own page (its column page,
its theme page, its item page): the portal lists, it never copies a member's pages.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from govsite.dates import BEIJING
from govsite.portal.link import Member, Portal

PORTAL_DIR = "portal"
LATEST_PATH = f"{PORTAL_DIR}/index.html"
MEMBERS_PATH = f"{PORTAL_DIR}/members/index.html"
COLUMNS_PATH = f"{PORTAL_DIR}/columns/index.html"
THEMES_PATH = f"{PORTAL_DIR}/themes/index.html"
SEARCH_PATH = f"{PORTAL_DIR}/search/index.html"
DASHBOARD_PATH = f"{PORTAL_DIR}/dashboard/index.html"
FEED_PATH = "feeds/portal.xml"
SCRIPT_PATH = "assets/portal-search.js"

NAV = ((LATEST_PATH, "最新信息"), (MEMBERS_PATH, "按成员网站"), (COLUMNS_PATH, "按栏目"), (THEMES_PATH, "按主题分类"),
       (SEARCH_PATH, "统一检索"), (DASHBOARD_PATH, "更新监测"))
"""The portal's own navigation, in the order its pages are shown."""


@dataclass(frozen=True)
class Row:
    """One member's line in a column's or a theme's listing."""

    member: Member
    title: str
    """The member's own name of the column or theme."""
    url: str
    """The member's page of it."""
    count: int
    newest: date | None
    stale: bool = False


@dataclass(frozen=True)
class Group:
    """A column or a theme, with the members that have it."""

    key: str
    title: str
    rows: list[Row]


def column_path(col_id: str) -> str:
    return f"{PORTAL_DIR}/columns/{col_id}/index.html"


def theme_path(code: str) -> str:
    return f"{PORTAL_DIR}/themes/{code}/index.html"


def _day(member: Member, items: list) -> date | None:  # type: ignore[type-arg]
    return items[0].publish_date.astimezone(BEIJING).date() if items else None


def columns(portal: Portal) -> list[Group]:
    """Each column id of any readable member (in the order members list them), with the
    members that have it: their name for it, their page, its item count and newest date."""
    order: list[str] = []
    rows: dict[str, list[Row]] = {}
    for m in portal.readable:
        assert m.site is not None
        stale = {c.id for c in m.health.stale}
        for col_id, col in m.site.columns.items():
            if col_id not in rows:
                order.append(col_id)
                rows[col_id] = []
            items = m.site.by_column.get(col_id, [])
            rows[col_id].append(Row(m, col.title, m.site.column_urls[col_id], len(items), _day(m, items), col_id in stale))
    return [Group(c, rows[c][0].title, rows[c]) for c in order]


def themes(portal: Portal) -> list[Group]:
    """Each first-level 主题分类 any readable member has a page for (by code, numerically)."""
    rows: dict[str, list[Row]] = {}
    for m in portal.readable:
        assert m.site is not None
        for code, label, url in m.site.themes:
            items = [it for it in m.site.items if it.theme == code]
            rows.setdefault(code, []).append(Row(m, label, url, len(items), _day(m, items)))
    keys = sorted(rows, key=lambda c: (len(c), c))
    return [Group(c, rows[c][0].title, rows[c]) for c in keys]
