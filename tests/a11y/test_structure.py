"""Every built HTML page of the demo site (not only one per type): language, landmarks,
skip link first, title, heading order, breadcrumbs, pagination, data tables,
metadata list, attachment labels and validity banners (issue 5, "What every page
must do"). Read from the build output with BeautifulSoup."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SITE_NAME = "示例县人民政府"
FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]"
ATTACHMENT = re.compile(r"^附件\d+：.+（(PDF|DOCX?|XLSX?|WPS|OFD|ZIP|RAR|TXT|JPG|PNG|CSV)，\d+(\.\d+)? (B|KB|MB|GB)）$")


def site_pages(out: Path) -> list[tuple[str, BeautifulSoup]]:
    pages = []
    for file in sorted(out.rglob("*.html")):
        rel = file.relative_to(out).as_posix()
        if rel.startswith(("pagefind/", "_report/")):
            continue
        html = file.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:  # redirect stubs of moved URLs
            continue
        pages.append((rel, BeautifulSoup(html, "html.parser")))
    return pages


@pytest.fixture(scope="module")
def pages(a11y_site) -> list[tuple[str, BeautifulSoup]]:
    found = site_pages(a11y_site.out)
    assert len(found) > 200
    return found


def problems_of(rel: str, soup: BeautifulSoup) -> list[str]:
    """Everything wrong with one page, as readable lines."""
    bad: list[str] = []
    if soup.html.get("lang") != "zh-CN":
        bad.append("html lang is not zh-CN")
    for selector in ("header.site-header", "nav.main-nav[aria-label]", "main#main", "footer.site-footer",
                     "form[role=search]"):
        if len(soup.select(selector)) != 1:
            bad.append(f"not exactly one {selector}")
    first = soup.body.select_one(FOCUSABLE)
    if first is None or "skip-link" not in first.get("class", []) or first.get("href") != "#main":
        bad.append(f"first focusable element is not the skip link to #main: {first}")
    title = soup.title.get_text() if soup.title else ""
    h1s = soup.select("main h1")
    if len(h1s) != 1:
        bad.append(f"{len(h1s)} h1 in main")
    if rel == "index.html":
        if title != SITE_NAME:
            bad.append(f"home title {title!r}")
    elif not (title.endswith(" — " + SITE_NAME) and len(title) > len(SITE_NAME) + 3):
        bad.append(f"title {title!r} is not 'page — {SITE_NAME}'")
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            bad.append(f"heading levels jump h{before} → h{after}: {levels}")
            break
    crumbs = soup.select("nav.breadcrumbs a")
    if crumbs and (crumbs[-1].get("aria-current") != "page" or any(a.get("aria-current") for a in crumbs[:-1])):
        bad.append("breadcrumbs: only the last link carries aria-current=page")
    for pager in soup.select("nav.pagination"):
        if not pager.get("aria-label"):
            bad.append("pagination nav without aria-label")
        for a in pager.select("a"):
            text = a.get_text()
            if ("下一" in text and "next" not in a.get("rel", [])) or ("上一" in text and "prev" not in a.get("rel", [])):
                bad.append(f"pagination link {text!r} without rel prev/next")
    for table in soup.select("main table"):
        wrap = table.find_parent("div", class_="table-wrap")
        if table.caption is None and table.find_parent(class_="body"):
            # Markdown bodies have no caption syntax: the renderer labels the region instead.
            if wrap is None or wrap.get("role") != "region" or not wrap.get("aria-label"):
                bad.append(f"Markdown table outside a labelled region: {str(table)[:80]}")
        elif table.caption is None or not table.caption.get_text(strip=True):
            bad.append(f"table without caption: {str(table)[:80]}")
        if not table.select("th") or any(th.get("scope") not in ("col", "row", "colgroup", "rowgroup")
                                         for th in table.select("th")):
            bad.append(f"table {table.caption.get_text() if table.caption else ''!r}: a th without scope")
    validity = soup.select_one(".metadata dt:-soup-contains('有效性') + dd")
    if soup.select_one("article.item"):
        if soup.select_one("article.item dl.summary-list") is None:
            bad.append("item metadata is not a <dl>")
        state = validity.get_text() if validity else ""
        if state in ("废止", "失效"):
            banner = soup.select_one("section.notice-banner[role=region][aria-labelledby]")
            if banner is None or f"已{state}" not in banner.get_text():
                bad.append(f"{state} item without a region banner that says so in words")
    for li in soup.select("section.attachments li"):
        text = li.get_text().strip()
        if not ATTACHMENT.match(text):
            bad.append(f"attachment does not name its type and size: {text!r}")
    return bad


def test_every_page_keeps_the_structure(pages) -> None:
    found = {rel: problems_of(rel, soup) for rel, soup in pages}
    failing = {rel: p for rel, p in found.items() if p}
    report = "\n".join(f"{rel}:\n  " + "\n  ".join(p) for rel, p in list(failing.items())[:15])
    assert not failing, f"{len(failing)} of {len(pages)} pages:\n{report}"


def test_checks_cover_the_features_they_check(pages) -> None:
    """The structure test above is only as good as the pages it saw."""
    joined = [soup for _rel, soup in pages]
    assert sum(bool(s.select("nav.pagination a[rel=next]")) for s in joined) >= 3
    assert sum(bool(s.select("section.attachments li")) for s in joined) >= 3
    assert sum(bool(s.select("section.notice-banner[role=region]")) for s in joined) >= 2
    assert sum(len(s.select("main table")) for s in joined) >= 50


def test_a_broken_page_is_reported() -> None:
    """The checker itself finds what it must: no skip link, a bad title, an h1→h3 jump,
    a table without caption, an attachment without its size."""
    soup = BeautifulSoup(
        '<html lang="en"><head><title>x</title></head><body><a href="/">home</a><main id="main"><h1>t</h1><h3>s</h3>'
        "<table><tr><th>a</th></tr></table><article class=item><section class=attachments><ul><li>附件1：a.pdf</li>"
        "</ul></section></article></main></body></html>", "html.parser")
    text = "\n".join(problems_of("xxgk/a.html", soup))
    for expected in ("lang", "skip link", "title 'x'", "h1 → h3", "without caption", "without scope",
                     "not a <dl>", "type and size", "not exactly one header.site-header"):
        assert expected in text, (expected, text)
