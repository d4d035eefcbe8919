"""关怀版 (elderly and low-vision mode) in Chromium: larger text, taller lines, a large
cursor, wider spacing; the choice persists across pages through localStorage, and
without JavaScript the #care link still works. (AAA contrast in 关怀版 on every page
type: test_axe.py.)"""
from __future__ import annotations

from typing import Any

from tests.a11y.browser_helpers import CARE_KEY, open_page

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
