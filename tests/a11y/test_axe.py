"""axe-core (WCAG 2.0/2.1 A and AA rules) on every page type of the demo site, in the
standard theme and in 关怀版, with zero violations; in 关怀版 also axe's AAA rule
color-contrast-enhanced (text contrast at least 7:1, 4.5:1 for large text)."""
from __future__ import annotations

import pytest

from tests.a11y.browser_helpers import THEMES, describe, open_page, run_axe, show_search_results
from tests.a11y.site_pages import PAGE_TYPES


def prepare(page, a11y_site, page_type: str, theme: str) -> None:  # type: ignore[no-untyped-def]
    """Open one page type in one theme, with search results showing on the search page
    (and, on the item with attachments and 政策解读, both sections on screen)."""
    open_page(page, a11y_site.url(a11y_site.pages[page_type]), theme)
    if page_type == "search_results":
        assert show_search_results(page) >= 1
    if page_type == "item_attachments_interpretations":
        assert page.locator("main section.attachments li a").first.is_visible()
        assert page.locator("main section.related h3", has_text="政策解读").is_visible()
        assert page.locator("main section.related h3:has-text('政策解读') + ul a").first.is_visible()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_wcag21_aa_has_no_violations(page, a11y_site, page_type: str, theme: str) -> None:
    prepare(page, a11y_site, page_type, theme)
    violations = run_axe(page)
    if theme == "care":
        violations += run_axe(page, rules=["color-contrast-enhanced"])
    assert not violations, f"{page_type} ({a11y_site.pages[page_type]}, {theme}):\n{describe(violations)}"


def test_axe_reports_a_violation_on_a_broken_page(page, a11y_site) -> None:
    """The check can fail: a page with an unlabelled input and low-contrast text."""
    open_page(page, a11y_site.url("index.html"), "standard")
    page.evaluate("""() => {
      document.querySelector('main').insertAdjacentHTML('afterbegin',
        '<input type="text"><p style="color:#bbb;background:#fff">浅色文字</p>');
    }""")
    ids = {v["id"] for v in run_axe(page)}
    assert {"label", "color-contrast"} <= ids, ids
    page.evaluate("""() => document.querySelector('main').insertAdjacentHTML('afterbegin',
        '<p style="color:#767676;background:#fff">4.5:1 is AA, not AAA</p>')""")
    assert [v["id"] for v in run_axe(page, rules=["color-contrast-enhanced"])] == ["color-contrast-enhanced"]
