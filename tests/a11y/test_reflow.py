"""Reflow in Chromium (WCAG 1.4.10, 1.4.4): on a 360 px wide phone and at 200 % browser
zoom (a 1280 px window zoomed to 200 % lays out as 640 CSS px at device scale 2) no page
type scrolls sideways, in either theme. Wide data tables scroll inside their own
focusable, labelled region instead."""
from __future__ import annotations

import pytest

from tests.a11y.browser_helpers import THEMES, horizontal_overflow, open_page, show_search_results
from tests.a11y.site_pages import PAGE_TYPES

VIEWPORTS = {
    "phone-360": ({"width": 360, "height": 740}, 1),
    "zoom-200": ({"width": 640, "height": 400}, 2),
}

# Tables wider than the page: each must sit in a focusable region with an accessible name.
TABLE_REGIONS_JS = """() => [...document.querySelectorAll('main table')].map((t) => {
  const wrap = t.closest('.table-wrap');
  return { caption: t.caption ? t.caption.textContent.trim() : null,
           wide: t.getBoundingClientRect().width > document.documentElement.clientWidth,
           region: !!wrap && wrap.getAttribute('role') === 'region' && wrap.tabIndex === 0 && !!wrap.getAttribute('aria-label'),
           scrolls: !!wrap && wrap.scrollWidth > wrap.clientWidth };
})"""


@pytest.fixture(params=list(VIEWPORTS), scope="module")
def viewport(request, browser):  # type: ignore[no-untyped-def]
    size, scale = VIEWPORTS[request.param]
    context = browser.new_context(locale="zh-CN", viewport=size, device_scale_factor=scale)
    yield request.param, context
    context.close()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_horizontal_page_scroll(viewport, a11y_site, page_type: str, theme: str) -> None:
    name, context = viewport
    page = context.new_page()
    try:
        open_page(page, a11y_site.url(a11y_site.pages[page_type]), theme)
        if page_type == "search_results":
            show_search_results(page)
        overflow = horizontal_overflow(page)
        assert overflow is None, f"{page_type} ({a11y_site.pages[page_type]}) scrolls sideways at {name}, {theme}: {overflow}"
        for table in page.evaluate(TABLE_REGIONS_JS):
            if table["wide"] or table["scrolls"]:
                assert table["region"], f"{page_type}: wide table {table['caption']!r} is not in a focusable labelled region"
    finally:
        page.close()


@pytest.mark.parametrize("theme", THEMES)
def test_search_excerpts_wrap_on_a_phone(viewport, a11y_site, theme: str) -> None:
    """A search result's excerpt is the reader's context: on a narrow screen it wraps
    onto more lines instead of being cut off with an ellipsis after a few characters."""
    name, context = viewport
    page = context.new_page()
    try:
        open_page(page, a11y_site.url(a11y_site.pages["search_results"]), theme)
        page.select_option("#search-scope", "text")  # excerpts come from the full text
        show_search_results(page)
        page.wait_for_selector(".pf-result-excerpt")
        excerpts = page.evaluate("""() => [...document.querySelectorAll('.pf-result-excerpt')]
          .filter((el) => el.textContent.trim().length > 0).slice(0, 5).map((el) => {
            const style = getComputedStyle(el);
            return { text: el.textContent.trim(), whiteSpace: style.whiteSpace, cut: el.scrollWidth > el.clientWidth + 1,
                     lines: Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight)) };
          })""")
    finally:
        page.close()
    assert excerpts, f"{name}/{theme}: no excerpt shown"
    cut = [e for e in excerpts if e["whiteSpace"] == "nowrap" or e["cut"]]
    assert not cut, f"{name}/{theme}: excerpts cut off instead of wrapping: {cut}"
    if name == "phone-360" and theme == "care":  # 24 px text: no excerpt fits on one line
        assert all(e["lines"] >= 2 for e in excerpts), f"{name}/{theme}: excerpts on one line: {excerpts}"
