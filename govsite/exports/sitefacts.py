"""``data/site.json`` (站点概况): what a provincial portal needs to know about this
site besides its items: the day of the build, the column tree with each column's
inspection type and update period, the first-level 主题分类 pages, and the 政府公报
coverage.

The per-year open data (``data/items-YYYY.json``) says which columns an item is in,
but not what the columns are; a portal (:mod:`govsite.portal`) needs both to apply
the same stale- and empty-column rules as ``govsite check`` to a member it only
knows from its published files. ``built`` is the build's date (Beijing); ``theme_top`` maps every 主题分类 code to its
first-level code (an item's ``theme`` in the open data may be second-level): today is
an input of every build (the build stamp has it), so the file is the same for the
same content on the same day, and a site rebuilt daily by its CI shows the portal
that it is alive even when nobody published anything.
"""
from __future__ import annotations

import json
from typing import Any, Iterator

from govsite import __version__
from govsite.base.digests import sha1
from govsite.base.urls import absolute_url
from govsite.dates import BEIJING, today_beijing
from govsite.exports.manifest import DATA_DIR
from govsite.model.gazette_model import GAZETTE_PATH
from govsite.model.site_model import SiteModel
from govsite.render.digests import Digests
from govsite.render.plan import PageSpec

SITE_FACTS_PATH = f"{DATA_DIR}/site.json"
FORMAT = "govsite-site-1"
"""The file's format name, read by the portal; bumped when a field changes meaning."""
KIND = "exports_site_facts"


def facts(model: SiteModel, built: str) -> dict[str, Any]:
    """The file's content, JSON-typed, in a fixed order."""
    cfg = model.config
    sec = cfg.section_path
    columns = []
    for col_id, col in model.columns.items():
        page = model.column_pages.get(col_id)
        updated = page.fm.updated if page is not None else None
        columns.append({
            "id": col_id,
            "title": col.title,
            "parent": model.column_parent.get(col_id),
            "type": col.type.value,
            "update_days": col.update_days,
            "url": absolute_url(cfg.base_url, f"{sec}/{col_id}/"),
            "has_page": page is not None,
            "page_updated": updated.astimezone(BEIJING).date().isoformat() if updated is not None else None,
        })
    themes = []
    for code in sorted(model.by_theme, key=int):
        themes.append({"code": code, "label": model.taxonomy.theme_label(code),
                       "url": absolute_url(cfg.base_url, f"{sec}/theme/{code}/")})
    tops = {code: (parent.code if parent else code) for code, (_node, parent) in model.taxonomy.theme_by_code.items()}
    return {"format": FORMAT, "generator": f"govsite {__version__}", "site": cfg.name, "base_url": cfg.base_url,
            "built": built, "section": sec, "columns": columns, "themes": themes, "theme_top": tops,
            "gazette": _gazette(model)}


def _gazette(model: SiteModel) -> dict[str, Any] | None:
    gazette = model.gazette
    if gazette is None:
        return None
    cov = gazette.coverage
    latest = gazette.latest
    return {
        "name": gazette.config.name,
        "url": absolute_url(model.config.base_url, f"{GAZETTE_PATH}/"),
        "coverage_url": absolute_url(model.config.base_url, f"{GAZETTE_PATH}/coverage.html"),
        "first_year": gazette.config.first_year,
        "issues": len(gazette.issues),
        "scan_only": sum(1 for issue in gazette.issues if issue.fm.scan_only),
        "missing": [[year, number] for year, number in cov.missing],
        "last_date": latest.fm.date.isoformat() if latest is not None else None,
        "next_due": cov.next_due.isoformat() if cov.next_due else None,
        "overdue": cov.overdue,
    }


def plan(model: SiteModel, d: Digests) -> Iterator[PageSpec]:
    """Feature entry point: one file, rewritten when the site or the day changes."""
    built = today_beijing().isoformat()
    text = json.dumps(facts(model, built), ensure_ascii=False, sort_keys=False)
    yield PageSpec(SITE_FACTS_PATH, "", KIND, (built,), sha1(FORMAT, text))  # the text is all it shows


def render(model: SiteModel, spec: PageSpec) -> str:
    return json.dumps(facts(model, spec.args[0]), ensure_ascii=False, indent=1) + "\n"


RENDERERS = {KIND: render}
