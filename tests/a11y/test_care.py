"""关怀版 (elderly and low-vision mode) in Chromium: larger text, taller lines, a large
cursor, wider spacing, Pagefind's search results and filters at least as large as the
body text; the choice persists across pages through localStorage, and without
JavaScript the #care link still works. (AAA contrast in 关怀版 on every page
type: test_axe.py.)"""
from __future__ import annotations

from typing import Any

from tests.a11y.browser_helpers import CARE_KEY, open_page, show_search_results

STYLES_JS = """() => {
  const px = (v) => parseFloat(v);
  const root = getComputedStyle(document.documentElement);
  const para = document.querySelector('main .body p') || document.querySelector('main p');
  const p = getComputedStyle(para);
  const link = document.querySelector('main a');
  const nav = getComputedStyle(document.querySelector('.main-nav ul'));
  const pager = document.querySelector('.pagination ul');
  return {
    rootFont: px(root.fontSize), paraFont: px(p.fontSize), paraLineHeight: px(p.lineHeight),
    bodyLineHeight: px(getComputedStyle(document.body).lineHeight) / px(getComputedStyle(document.body).fontSize),
    cursor: root.cursor, linkCursor: getComputedStyle(link).cursor,
    navGap: px(nav.columnGap), navRowGap: px(nav.rowGap),
    pagerGap: pager ? px(getComputedStyle(pager).columnGap) : null,
    care: document.documentElement.classList.contains('care'),
    toggle: document.getElementById('care-toggle').textContent.trim(),
  };
}"""


def styles(page) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return page.evaluate(STYLES_JS)


def assert_care_styles(care: dict[str, Any], standard: dict[str, Any]) -> None:
    """What 关怀版 must change, measured against the standard theme of the same page."""
    assert care["rootFont"] >= 1.5 * standard["rootFont"] - 0.01, (care, standard)
    assert care["paraFont"] >= 1.5 * standard["paraFont"] - 0.01, (care, standard)
    assert care["paraLineHeight"] / care["paraFont"] >= 1.5, care
    assert care["bodyLineHeight"] >= 1.5, care
    assert "cursor-care.svg" in care["cursor"] and "cursor-care.svg" not in standard["cursor"], (care, standard)
    assert "cursor-care-link.svg" in care["linkCursor"], care
    assert care["navGap"] > standard["navGap"] and care["navRowGap"] > standard["navRowGap"], (care, standard)
    if standard["pagerGap"] is not None:
        assert care["pagerGap"] > standard["pagerGap"], (care, standard)


def test_care_mode_styles_on_a_listing_with_pagination(page, a11y_site) -> None:
    url = a11y_site.url(a11y_site.pages["column_listing"])
    open_page(page, url, "standard")
    standard = styles(page)
    assert standard["pagerGap"] is not None and not standard["care"] and standard["toggle"] == "关怀版"
    open_page(page, url, "care")
    care = styles(page)
    assert care["care"] and care["toggle"] == "标准版"
    assert_care_styles(care, standard)


def test_care_cursor_files_are_served_from_the_site(page, a11y_site) -> None:
    for name in ("cursor-care.svg", "cursor-care-link.svg"):
        response = page.request.get(a11y_site.url("assets/" + name))
        assert response.ok and response.headers["content-type"].startswith("image/svg+xml"), name
        assert b'width="48"' in response.body()


def test_care_choice_persists_across_pages_and_switches_back(page, a11y_site) -> None:
    open_page(page, a11y_site.url(a11y_site.pages["item_attachments"]), "standard")
    standard = styles(page)
    page.click("#care-toggle")
    assert page.evaluate(f"localStorage.getItem('{CARE_KEY}')") == "1"
    assert page.url.endswith(".html"), "with JavaScript the switch does not navigate to #care"
    page.click(".breadcrumbs a >> nth=0")  # a plain link to another page
    page.wait_for_load_state("load")
    page.wait_for_function("document.documentElement.classList.contains('care')")
    assert styles(page)["toggle"] == "标准版"
    page.goto(a11y_site.url(a11y_site.pages["item_attachments"]))
    page.wait_for_function("document.documentElement.classList.contains('care')")
    assert_care_styles(styles(page), standard)
    page.click("#care-toggle")
    assert page.evaluate(f"localStorage.getItem('{CARE_KEY}')") is None
    assert styles(page)["rootFont"] == standard["rootFont"] and styles(page)["toggle"] == "关怀版"
    page.goto(a11y_site.url("index.html"))
    page.wait_for_load_state("load")
    assert not styles(page)["care"]


def test_switching_off_after_opening_the_care_address_leaves_care_mode(page, a11y_site) -> None:
    url = a11y_site.url(a11y_site.pages["item_repealed"])
    open_page(page, url, "standard")
    standard = styles(page)
    open_page(page, url, "care")
    page.click("#care-toggle")
    after = styles(page)
    assert not after["care"] and after["rootFont"] == standard["rootFont"], "the #care target must not keep it on"
    assert "#care" not in page.url
    page.reload()
    assert not styles(page)["care"]


def test_stored_choice_applies_on_first_load(browser, a11y_site) -> None:
    context = browser.new_context(locale="zh-CN")
    try:
        context.add_init_script(f"localStorage.setItem('{CARE_KEY}', '1')")
        page = context.new_page()
        page.goto(a11y_site.url(a11y_site.pages["gazette_article"]))
        page.wait_for_function("document.documentElement.classList.contains('care')")
        assert styles(page)["rootFont"] >= 24
    finally:
        context.close()


def test_care_link_works_without_javascript(browser, a11y_site) -> None:
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    try:
        page = context.new_page()
        url = a11y_site.url(a11y_site.pages["column_listing"])
        page.goto(url)
        standard = styles(page)
        assert not standard["care"]
        page.click("#care-toggle")  # a plain link to this page's #care target
        assert page.url == url + "#care"
        care = styles(page)
        assert not care["care"], "no script ran"
        assert_care_styles(care, standard)
        page.goto(a11y_site.url("index.html"))
        assert styles(page)["rootFont"] == standard["rootFont"], "without JavaScript the choice is per page"
    finally:
        context.close()


def test_prefers_contrast_more_darkens_secondary_text(page, a11y_site) -> None:
    open_page(page, a11y_site.url(a11y_site.pages["column_listing"]), "standard")
    muted = "getComputedStyle(document.querySelector('.pager-status')).color"
    before = page.evaluate(muted)
    page.emulate_media(contrast="more")
    assert page.evaluate(muted) == "rgb(26, 26, 26)" != before


SEARCH_TEXT_JS = """() => {
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const shown = (el) => el.getClientRects().length > 0;
  const parts = {
    excerpt: '.pf-result-excerpt', title: '.pf-result-title a.pf-result-link', meta: '.pf-result-meta',
    summary: '.pf-summary', filterGroup: '.pf-filter-group-title', filterLabel: '.pf-filter-checkbox',
    filterCount: '.pf-filter-checkbox-count',
  };
  const out = { body: size(document.body) };
  for (const [name, selector] of Object.entries(parts)) {
    const el = [...document.querySelectorAll(selector)].find(shown);
    out[name] = el ? size(el) : null;
    out[name + '_lh'] = el ? parseFloat(getComputedStyle(el).lineHeight) / size(el) : null;
  }
  return out;
}"""
"""Computed font sizes (px) of the text of the search page's UI (the first one shown of each
part) and of the page's body text."""

SEARCH_TEXT = ("excerpt", "title", "meta", "summary", "filterGroup", "filterLabel", "filterCount")


def _open_first_filter_group(page) -> None:  # type: ignore[no-untyped-def]
    # Open the first filter group to show its checkbox labels (again if Pagefind redraws the pane).
    page.wait_for_function("""() => {
      const group = document.querySelector('details.pf-filter-group');
      if (group && !group.open) group.querySelector('summary').click();
      return [...document.querySelectorAll('.pf-filter-checkbox')].some(l => l.getClientRects().length);
    }""", polling=250, timeout=20000)


def _search_text_sizes(page, a11y_site, theme: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    # The filter pane's counts are the whole site's (govsite/search/page.py filter_totals): shown
    # before a query, hidden while results are shown, so they are measured before one.
    open_page(page, a11y_site.url("search/"), theme)
    _open_first_filter_group(page)
    before = page.evaluate(SEARCH_TEXT_JS)
    open_page(page, a11y_site.url(a11y_site.pages["search_results"]), theme)
    page.select_option("#search-scope", "text")  # excerpts come from the full text
    assert show_search_results(page) >= 1
    page.wait_for_selector(".pf-result-excerpt")
    _open_first_filter_group(page)
    sizes = page.evaluate(SEARCH_TEXT_JS)
    assert sizes["filterCount"] is None, f"{theme}: whole-site filter counts shown beside a query's results"
    sizes["filterCount"], sizes["filterCount_lh"] = before["filterCount"], before["filterCount_lh"]
    missing = [name for name in SEARCH_TEXT if sizes[name] is None]
    assert not missing, f"{theme}: no visible {missing} on the search page"
    return sizes


def test_care_mode_enlarges_the_search_results_and_filters(page, a11y_site) -> None:
    """关怀版's 150 % applies to the search page's text too: the result excerpt, title and meta line,
    the result count and the filter labels are at least 1.5 times their standard size and
    never smaller than the 关怀版 body text (150 % of the standard base text)."""
    standard = _search_text_sizes(page, a11y_site, "standard")
    care = _search_text_sizes(page, a11y_site, "care")
    assert care["body"] >= 1.5 * standard["body"] - 0.01, (care, standard)
    too_small = {name: (standard[name], care[name]) for name in SEARCH_TEXT
                 if care[name] < 1.5 * standard[name] - 0.01 or care[name] < care["body"] - 0.01}
    assert not too_small, (f"关怀版 search text smaller than 150 % of the standard size or than the "
                           f"{care['body']} px body text, as (standard px, care px): {too_small}")
    # 关怀版 promises a line height of at least 1.5; Pagefind's own titles use 1.4.
    tight = {name: care[name + "_lh"] for name in SEARCH_TEXT if not (care[name + "_lh"] or 0) >= 1.5 - 0.01}
    assert not tight, f"关怀版 search text with a line height below 1.5 (ratio of font size): {tight}"
