"""The portal's pages (平台页面), a feature module (see :mod:`govsite.render.registry`):
what a site with a ``portal:`` section adds to its own pages.

Outputs: ``portal/`` (最新信息 of all members), ``portal/members/``, ``portal/columns/``
and ``portal/columns/<id>/``, ``portal/themes/`` and ``portal/themes/<code>/``,
``portal/search/`` (统一检索), ``portal/dashboard/`` (更新监测), the Atom feed
``feeds/portal.xml`` and the search page's script ``assets/portal-search.js``. Every
page depends on the members as read (:attr:`Portal.digest`): they are a handful of
pages, and a member's change is rare news to all of them.
"""
from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any, Iterator

from govsite.base.digests import sha1
from govsite.model.site_model import SiteModel
from govsite.portal import views
from govsite.portal.feed import render_feed
from govsite.portal.link import Portal
from govsite.render.digests import Digests
from govsite.render.plan import PageSpec

SCRIPT = resources.files("govsite.portal").joinpath("portal-search.js")
MEMBER_FILTER = "站点"
"""The Pagefind filter each member's bundles are merged with (``mergeFilter``): its name."""


def plan(model: SiteModel, d: Digests) -> Iterator[PageSpec]:
    portal: Portal | None = model.portal
    if portal is None:
        return
    deps = sha1(d.site, portal.digest)
    yield PageSpec(views.LATEST_PATH, "portal_latest.html", "portal_latest", (), deps)
    yield PageSpec(views.MEMBERS_PATH, "portal_members.html", "portal_members", (), deps)
    yield PageSpec(views.COLUMNS_PATH, "portal_groups.html", "portal_columns", (), deps)
    for group in views.columns(portal):
        yield PageSpec(views.column_path(group.key), "portal_group.html", "portal_column", (group.key,), deps)
    yield PageSpec(views.THEMES_PATH, "portal_groups.html", "portal_themes", (), deps)
    for group in views.themes(portal):
        yield PageSpec(views.theme_path(group.key), "portal_group.html", "portal_theme", (group.key,), deps)
    yield PageSpec(views.SEARCH_PATH, "portal_search.html", "portal_search", (), deps)
    yield PageSpec(views.DASHBOARD_PATH, "portal_dashboard.html", "portal_dashboard", (), deps)
    yield PageSpec(views.FEED_PATH, "", "portal_feed", (), deps)
    yield PageSpec(views.SCRIPT_PATH, "", "portal_script", (), sha1(SCRIPT.read_text(encoding="utf-8")))


def _context(model: SiteModel, spec: Any, title: str, **extra: Any) -> dict[str, Any]:
    from govsite.render.context import base_context

    portal: Portal = model.portal
    parent = extra.pop("parent", None)
    crumbs = [(portal.config.title, views.LATEST_PATH)] + ([parent] if parent else [])
    crumbs += [(title, spec.path)] if spec.path != views.LATEST_PATH else []
    ctx = base_context(model, spec, title, crumbs, portal=portal, portal_nav=views.NAV, **extra)
    ctx["meta"].update(ColumnName=title, ColumnType="集约化平台")
    return ctx


def ctx_latest(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    portal: Portal = model.portal
    return _context(model, spec, portal.config.title, rows=portal.latest(portal.config.latest),
                    feed_path=views.FEED_PATH)


def ctx_members(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    return _context(model, spec, "按成员网站浏览")


def ctx_columns(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    groups = views.columns(model.portal)
    return _context(model, spec, "按栏目浏览", groups=groups, group_path=views.column_path, noun="栏目")


def ctx_themes(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    groups = views.themes(model.portal)
    return _context(model, spec, "按主题分类浏览", groups=groups, group_path=views.theme_path, noun="主题分类")


def ctx_column(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    group = next(g for g in views.columns(model.portal) if g.key == spec.args[0])
    return _context(model, spec, group.title, group=group, noun="栏目", parent=(views.COLUMNS_PATH, "按栏目浏览"))


def ctx_theme(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    group = next(g for g in views.themes(model.portal) if g.key == spec.args[0])
    return _context(model, spec, group.title, group=group, noun="主题分类", parent=(views.THEMES_PATH, "按主题分类浏览"))


def ctx_dashboard(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    from govsite.dates import today_beijing

    return _context(model, spec, "成员网站更新监测", today=today_beijing())


def ctx_search(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    portal: Portal = model.portal
    ctx = _context(model, spec, "统一检索")
    searchable = [m for m in portal.readable if m.site is not None and m.site.title_bundles]
    # merged in this order, in batches (portal-search.js): the members with the newest items first
    by_news = sorted(searchable, key=lambda m: m.health.newest or date.min, reverse=True)
    members = [{"id": m.id, "name": m.name, "baseUrl": m.base_url,
                "titles": [m.base_url + b for b in m.site.title_bundles],  # type: ignore[union-attr]
                "search": m.base_url + "search/"} for m in by_news]
    config = {"bundlePath": ctx["url"]("pagefind/"), "memberFilter": MEMBER_FILTER, "pageSize": 10, "members": members}
    # JSON inside <script type="application/json">: "<" is escaped so no "</script>" can occur.
    ctx["search_config"] = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    rows = {row["id"]: row for row in members}
    ctx["searchable"] = [rows[m.id] for m in searchable]  # the filter lists them in site.yaml's order
    ctx["member_filter"] = MEMBER_FILTER
    return ctx


def render_script(model: SiteModel, spec: PageSpec) -> str:
    return SCRIPT.read_text(encoding="utf-8")


CONTEXTS = {"portal_latest": ctx_latest, "portal_members": ctx_members, "portal_columns": ctx_columns,
            "portal_themes": ctx_themes, "portal_column": ctx_column, "portal_theme": ctx_theme,
            "portal_search": ctx_search, "portal_dashboard": ctx_dashboard}
RENDERERS = {"portal_feed": render_feed, "portal_script": render_script}
