"""Keyboard use in Chromium: Tab from the top of a page reaches the skip link first,
then the main navigation, the search box, the content links and the pagination, in
that order; every focused element shows a focus ring of at least 3:1 against what is
behind it. Header controls between these (site name, 关怀版 switch, search button)
and the breadcrumbs may come in between: the order asserted is a subsequence."""
from __future__ import annotations

from typing import Any

import pytest

from tests.a11y.browser_helpers import THEMES, contrast, open_page, parse_rgb

# What the focused element is, and what its focus ring looks like against the colour
# just outside the ring (the element found there, or its nearest ancestor with a
# background colour).
FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const kind = el.classList.contains('skip-link') ? 'skip'
    : el.closest('nav.main-nav') ? 'nav'
    : el.id === 'site-search' ? 'search'
    : el.closest('nav.pagination') ? 'pagination'
    : el.closest('main') ? 'content'
    : el.id === 'care-toggle' ? 'care' : 'other';
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const reach = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) + 10;
  const x = Math.min(Math.max(r.right + reach, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  let behind = document.elementsFromPoint(x, y).find((e) => e !== el && !el.contains(e) && !e.contains(el)) || el.parentElement;
  let bg = 'rgba(0, 0, 0, 0)';
  for (let e = behind; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') { bg = c; break; }
  }
  if (bg === 'rgba(0, 0, 0, 0)') bg = 'rgb(255, 255, 255)';
  return { kind, tag: el.tagName.toLowerCase(), text: (el.textContent || el.value || '').trim().slice(0, 30),
           href: el.getAttribute('href'), outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
           outlineColor: s.outlineColor, boxShadow: s.boxShadow, background: bg,
           inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth };
}"""


def ring_contrast(focus: dict[str, Any]) -> float:
    """Best contrast of the focus ring (outline, box-shadow colours) against the background."""
    back, _alpha = parse_rgb(focus["background"])
    ratios = []
    if focus["outlineStyle"] != "none" and focus["outlineWidth"] >= 2:
        ratios.append(contrast(parse_rgb(focus["outlineColor"])[0], back))
    if focus["boxShadow"] != "none":
        for part in focus["boxShadow"].split("rgb")[1:]:
            ratios.append(contrast(parse_rgb("rgb" + part)[0], back))
    return max(ratios, default=0.0)


def tab_through(page, limit: int = 120) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Press Tab from the top of the page until the pagination (or ``limit`` presses)."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUSED_JS)
        if focus is None:
            break
        stops.append(focus)
        if focus["kind"] == "pagination":
            break
    return stops


def first_index(stops: list[dict[str, Any]], kind: str) -> int:
    found = [i for i, s in enumerate(stops) if s["kind"] == kind]
    assert found, f"Tab never reached {kind}: {[(s['kind'], s['text']) for s in stops]}"
    return found[0]


def assert_visible_focus(stops: list[dict[str, Any]]) -> None:
    for stop in stops:
        assert stop["inViewport"], f"focused element is off screen: {stop}"
        ratio = ring_contrast(stop)
        assert ratio >= 3, f"focus ring contrast {ratio:.2f}:1 < 3:1 for {stop}"


@pytest.mark.parametrize("theme", THEMES)
def test_tab_order_on_an_item_page(page, a11y_site, theme: str) -> None:
    open_page(page, a11y_site.url(a11y_site.pages["item_attachments"]), theme)
    stops = tab_through(page, limit=60)
    assert stops[0]["kind"] == "skip" and stops[0]["href"] == "#main", stops[0]
    order = [first_index(stops, k) for k in ("skip", "nav", "search", "content")]
    assert order == sorted(order), [(s["kind"], s["text"]) for s in stops]
    assert not any(s["kind"] == "nav" for s in stops[order[2]:]), "the main navigation is one block before the search box"
    assert_visible_focus(stops)


@pytest.mark.parametrize("theme", THEMES)
def test_tab_order_reaches_pagination_after_content(page, a11y_site, theme: str) -> None:
    open_page(page, a11y_site.url(a11y_site.pages["column_listing"]), theme)
    stops = tab_through(page)
    order = [first_index(stops, k) for k in ("skip", "nav", "search", "content", "pagination")]
    assert order == sorted(order), [(s["kind"], s["text"]) for s in stops]
    assert stops[-1]["kind"] == "pagination" and stops[-1]["text"] in ("1", "2", "下一页"), stops[-1]
    assert_visible_focus(stops)


def test_skip_link_moves_focus_to_the_main_content(page, a11y_site) -> None:
    open_page(page, a11y_site.url(a11y_site.pages["item_attachments"]), "standard")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')"), "the next Tab stays in the main content"


def test_care_switch_works_from_the_keyboard(page, a11y_site) -> None:
    open_page(page, a11y_site.url(a11y_site.pages["item_attachments"]), "standard")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "care-toggle":
            break
    else:
        pytest.fail("Tab never reached the 关怀版 switch")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.classList.contains('care')")
    assert page.evaluate("document.activeElement.id") == "care-toggle", "focus stays on the switch"
    page.keyboard.press("Enter")
    assert not page.evaluate("document.documentElement.classList.contains('care')")


def test_search_box_submits_from_the_keyboard(page, a11y_site) -> None:
    open_page(page, a11y_site.url(a11y_site.pages["item_attachments"]), "standard")
    page.focus("#site-search")
    page.keyboard.type("通知")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_selector(".pf-result-link", timeout=20000)
