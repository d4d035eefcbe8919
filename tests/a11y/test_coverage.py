"""No page type escapes the browser checks: every template that renders a page of the
demo build is the template of a checked page type (site_pages.PAGE_TYPES). A template
listed as pending fails here once it renders a page, until a page type checks it."""
from __future__ import annotations

from bs4 import BeautifulSoup

from tests.a11y.site_pages import LISTINGS, NOT_PAGES, PENDING


def test_every_page_template_is_checked(a11y_site) -> None:
    used: dict[str, str] = {}
    for path, template in sorted(a11y_site.templates.items()):
        used.setdefault(template, path)
    checked = {a11y_site.templates[path] for path in a11y_site.pages.values() if path in a11y_site.templates}
    unchecked = {t: p for t, p in used.items() if t not in checked and t not in PENDING and t not in NOT_PAGES}
    assert not unchecked, (f"templates render pages that no a11y page type checks: {unchecked}; "
                           "add a page type in tests/a11y/site_pages.py")
    built = {t: used[t] for t in PENDING if t in used}
    assert not built, f"pending page types are built now: {built}; move them from PENDING to PAGE_TYPES"
    assert "annual_report.html" in checked and "item.html" in checked and "search.html" in checked


def test_listing_page_types_have_pagination(a11y_site) -> None:
    for name in LISTINGS:
        soup = BeautifulSoup((a11y_site.out / a11y_site.pages[name]).read_text(encoding="utf-8"), "html.parser")
        pager = soup.select_one("main nav.pagination[aria-label]")
        assert pager is not None and pager.select_one("a[rel=next]") is not None, name
