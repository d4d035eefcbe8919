"""The portal's pages pass axe-core (WCAG 2.1 AA) in both themes, the search page with
results on screen: they reuse the theme's base layout (skip link, breadcrumbs,
<dl> metadata), as tests/a11y checks for an ordinary site."""
from __future__ import annotations

import pytest

from tests.a11y.browser_helpers import THEMES, describe, open_page, run_axe

PAGES = ("portal/", "portal/members/", "portal/columns/", "portal/columns/gfxwj/", "portal/themes/2/",
         "portal/dashboard/", "portal/search/?q=人民政府关于")


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("path", PAGES)
def test_portal_pages_have_no_axe_violations(page, province, path: str, theme: str) -> None:  # type: ignore[no-untyped-def]
    open_page(page, f"{province.origin}/portal/{path}", theme)
    if "search" in path:
        page.wait_for_selector("#portal-search-list li", timeout=20000)
    violations = run_axe(page)
    if theme == "care":
        violations += run_axe(page, rules=["color-contrast-enhanced"])
    assert not violations, f"{path} ({theme}):\n{describe(violations)}"


@pytest.mark.parametrize("theme", THEMES)
def test_the_notice_of_a_county_whose_search_does_not_answer_has_no_axe_violations(page, province, theme: str) -> None:  # type: ignore[no-untyped-def]
    page.route(f"{province.origin}/dongcheng/pagefind/**", lambda route: route.fulfill(status=404, body="not found"))
    open_page(page, f"{province.origin}/portal/portal/search/?q=人民政府关于", theme)
    page.wait_for_selector("#portal-search-unavailable li", timeout=20000)
    page.wait_for_selector("#portal-search-list li", timeout=20000)
    violations = run_axe(page)
    if theme == "care":
        violations += run_axe(page, rules=["color-contrast-enhanced"])
    assert not violations, f"search with 东城县 unavailable ({theme}):\n{describe(violations)}"
