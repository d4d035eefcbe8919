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


def test_item_with_attachments_and_interpretations_shows_both(a11y_site) -> None:
    """The page type the issue asks for: one policy page with its attachment list and its
    政策解读, each 解读 linking back to it (so axe checks both sections on one page)."""
    rel = a11y_site.pages["item_attachments_interpretations"]
    page = a11y_site.out / rel
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    attachments = soup.select("main section.attachments[aria-labelledby=attachments-title] li")
    assert attachments, f"{rel}: no attachment list"
    for li in attachments:
        link = li.find("a", href=True)
        assert link is not None and link.get_text().startswith("附件"), li
        assert (page.parent / link["href"]).resolve().is_file(), link["href"]
    related = soup.select_one("main section.related[aria-labelledby=related-title]")
    heading = related.find("h3", string="政策解读") if related else None
    assert heading is not None, f"{rel}: no 政策解读 in 相关信息"
    interpretations = heading.find_next_sibling("ul").select("li a[href]")
    assert interpretations, f"{rel}: the 政策解读 list is empty"
    for link in interpretations:
        target = (page.parent / link["href"]).resolve()
        target_soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        back = [p.find("a", href=True) for p in target_soup.select("main section.related p")
                if p.get_text().startswith("解读的文件")]
        assert back and (target.parent / back[0]["href"]).resolve() == page.resolve(), link["href"]
