"""The page types of the built demo site that the accessibility tests visit, each
found in the build output from the site model (so a changed demo still gives a
page of each type, or a clear failure naming the type that is missing), and the
check that no page type is left out: every template that renders a page of the demo
must be the template of a checked page type, unless it is listed as pending."""
from __future__ import annotations

import re
from pathlib import Path

from govsite.model.site_model import SiteModel

PAGE_TYPES = [
    "home", "section_home", "guide_page", "column_listing", "org_listing", "theme_listing", "theme_index",
    "year_index", "item_attachments", "item_interpretations", "item_attachments_interpretations",
    "interpretation", "item_repealed", "catalog_index", "catalog_table", "gazette_home", "gazette_coverage",
    "gazette_year", "gazette_issue", "gazette_article", "gazette_scan_only_issue", "annual_report",
    "search_results", "subscribe", "not_found", "inspection_report",
]
"""Every page type checked in the browser (axe in both themes, AAA contrast in 关怀版,
360 px and 200 % zoom)."""

LISTINGS = ("column_listing", "org_listing", "theme_listing")
"""Page types that must show a pagination <nav> (the demo is built with a small page size)."""

PENDING: dict[str, str] = {}
"""Templates of page types that are planned but not built by the demo yet → why. The
coverage test fails once one of them renders a page, until a page type checks it.
Empty now: the annual report (annual_report.html) and the inspection report
(_report/, issue 6) were pending and are page types above."""

NOT_PAGES = {"redirect.html": "a moved URL's stub: meta refresh and one link, no site chrome"}
"""Templates that render no page a reader stays on."""


def _report_pages(out: Path) -> list[str]:
    """The inspection report, beside the output (``<out>-report/``): its path from ``out``."""
    return [f"../{out.name}-report/{p.name}" for p in sorted(out.with_name(out.name + "-report").glob("*.html"))]


_TABLE_2 = re.compile(r"<caption>[^<]*主动公开政府信息情况")


def _annual_report_pages(out: Path) -> list[str]:
    """Generated 年度报告 pages: the ones with table 二 as a real captioned table."""
    return [p.relative_to(out).as_posix() for p in sorted(out.rglob("*.html"))
            if not p.relative_to(out).as_posix().startswith("_report/")
            and _TABLE_2.search(p.read_text(encoding="utf-8"))]


def _first(paths: list[str], what: str) -> str:
    assert paths, f"the demo site has no {what}"
    return paths[0]


def _paged(out: Path, section: str, ids: list[str], what: str) -> str:
    """The first page of the first listing among ``ids`` that has a second page."""
    return _first([f"{section}/{i}/index.html" for i in ids if (out / section / i / "index_2.html").is_file()],
                  f"{what} listing with more than one page")


def find_pages(model: SiteModel, out: Path) -> dict[str, str]:
    """Output path (relative to ``out``) of one page of each of ``PAGE_TYPES``."""
    section = model.config.section_path
    by_size = lambda groups: sorted(groups, key=lambda k: (-len(groups[k]), k))  # noqa: E731
    gazette = model.gazette
    assert gazette is not None and gazette.issues, "the demo site has no gazette issues"
    issues = sorted(gazette.issues, key=lambda i: i.url)
    text_issues = [i for i in issues if not i.fm.scan_only and i.articles]
    pages = {
        "home": "index.html",
        "section_home": f"{section}/index.html",
        "guide_page": _first([p.url for p in sorted(model.column_pages.values(), key=lambda p: p.url)],
                             "column page written in Markdown (指南, 制度…)"),
        "column_listing": _paged(out, section, by_size(model.by_column), "column"),
        "org_listing": _paged(out, section, by_size(model.by_org), "organization"),
        "theme_listing": _paged(out, f"{section}/theme", by_size(model.by_theme), "theme"),
        "theme_index": f"{section}/theme/index.html",
        "year_index": f"{section}/year/index.html",
        # An item with attachments (the keyboard, 关怀版 and print tests use it too), one
        # with 政策解读 and no attachments, one with both (an attachment list and a 相关信息
        # section listing its 解读: in the demo the same page as item_attachments), and
        # the 政策解读 itself (it links back to its policy).
        "item_attachments": _first([it.url for it in model.items if it.attachments], "item with attachments"),
        "item_interpretations": _first([it.url for it in model.items if it.interpretations and not it.attachments],
                                       "item with interpretations and no attachments"),
        "item_attachments_interpretations": _first(
            [it.url for it in model.items if it.attachments and it.interpretations],
            "item with both attachments and interpretations (政策解读)"),
        "interpretation": _first([it.url for it in model.items if it.interprets], "政策解读 item"),
        "item_repealed": _first([it.url for it in model.items if it.fm.validity.value == "废止"], "废止 item"),
        "catalog_index": f"{section}/catalog/index.html",
        "catalog_table": _first([f"{section}/catalog/{cid}/index.html" for cid in sorted(model.catalogs)],
                                "standard catalog"),
        "gazette_home": "zfgb/index.html",
        "gazette_coverage": "zfgb/coverage.html",
        "gazette_year": _first(sorted({i.url.rsplit("/", 2)[0] + "/index.html" for i in issues}), "gazette year"),
        "gazette_issue": _first([i.url for i in text_issues], "gazette issue with articles"),
        "gazette_article": _first([a.url for i in text_issues for a in i.articles], "gazette article"),
        "gazette_scan_only_issue": _first([i.url for i in issues if i.fm.scan_only], "scan-only gazette issue"),
        "annual_report": _first(_annual_report_pages(out), "generated annual report (table 二 with a caption)"),
        "search_results": "search/index.html",
        "subscribe": "subscribe/index.html",
        "not_found": "404.html",
        "inspection_report": _first(_report_pages(out), "inspection report (<output>-report/)"),
    }
    assert list(pages) == PAGE_TYPES
    for name, rel in pages.items():
        assert (out / rel).is_file(), f"{name}: {rel} is not in the build output"
    return pages
