"""Page weight (issue 5): the HTML, CSS and JavaScript an item page loads, without
the search index (pagefind/) and images, is at most 60 KB (60,000 bytes) uncompressed.

Checked statically for every item page of the demo (the page plus the stylesheets
and scripts it links, and the stylesheets they @import), and in Chromium for the
heaviest one: the sum of the response bodies of every document, stylesheet and
script request, which must also equal the static figure."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from govsite.pipeline.pages import load_and_validate
from tests.conftest import REPO
from tests.search.search_helpers import SUB_PATH, SUB_PATH_BASE

BUDGET = 60_000
"""Bytes of HTML + CSS + JS per item page."""

COUNTED = {"document", "stylesheet", "script"}
"""Playwright resource types that count; images, fonts and fetches of the index do not."""

_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""")


class _Assets(HTMLParser):
    """The stylesheets and external scripts a page links."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.hrefs.append(a["href"] or "")
        elif tag == "script" and a.get("src"):
            self.hrefs.append(a["src"] or "")


def _counted(url: str) -> bool:
    return not urlsplit(url).path.startswith(SUB_PATH + "pagefind/")


def static_weight(out: Path, rel: str) -> dict[str, int]:
    """Site-relative URL path → bytes, for an output page and everything it makes the
    browser load as stylesheet or script (outside pagefind/)."""
    base = "http://site" + SUB_PATH
    sizes: dict[str, int] = {}
    todo = [(urljoin(base, rel), "document")]
    while todo:
        url, kind = todo.pop()
        path = urlsplit(url).path
        if path in sizes or not _counted(url):
            continue
        assert path.startswith(SUB_PATH), f"{rel} loads {url} from outside the site"
        data = (out / path[len(SUB_PATH):]).read_bytes()
        sizes[path] = len(data)
        if kind == "document":
            parser = _Assets()
            parser.feed(data.decode("utf-8"))
            todo += [(urljoin(url, href), "asset") for href in parser.hrefs]
        elif path.endswith(".css"):
            todo += [(urljoin(url, href), "asset") for href in _IMPORT.findall(data.decode("utf-8"))]
    return sizes


@pytest.fixture(scope="module")
def item_weights(a11y_site) -> dict[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    """Every item page of the demo (from the site model) → its static weight."""
    model, _problems = load_and_validate(REPO, SUB_PATH_BASE)
    assert model is not None and len(model.items) >= 80
    return {it.url: static_weight(a11y_site.out, it.url) for it in model.items}


def test_every_item_page_is_within_the_budget(item_weights, capsys) -> None:
    totals = {url: sum(sizes.values()) for url, sizes in item_weights.items()}
    heaviest = max(totals, key=lambda u: (totals[u], u))
    with capsys.disabled():
        print(f"\npage weight: {len(totals)} item pages, heaviest {heaviest} {totals[heaviest]:,} bytes "
              f"(HTML + CSS + JS, budget {BUDGET:,}): " + ", ".join(f"{p} {n:,}" for p, n in item_weights[heaviest].items()))
    assert [u for u, n in totals.items() if n > BUDGET] == []
    assert all(any(p.endswith(".css") for p in sizes) for sizes in item_weights.values()), "the stylesheet counts"


def test_heaviest_item_page_in_chromium(item_weights, a11y_site, browser, capsys) -> None:  # type: ignore[no-untyped-def]
    """What the browser really fetches: every request answered, the counted bodies summed."""
    heaviest = max(item_weights, key=lambda u: (sum(item_weights[u].values()), u))
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(a11y_site.url(heaviest))
    page.wait_for_load_state("networkidle")
    counted = {urlsplit(r.url).path: len(r.body()) for r in responses
               if r.request.resource_type in COUNTED and _counted(r.url)}
    kinds = {r.request.resource_type for r in responses}
    statuses = {r.url: r.status for r in responses if r.status >= 400}
    context.close()
    total = sum(counted.values())
    with capsys.disabled():
        print(f"\npage weight in Chromium: {heaviest} {total:,} bytes over {len(counted)} requests "
              f"(resource types seen: {', '.join(sorted(kinds))})")
    assert statuses == {}
    assert counted == item_weights[heaviest], "the browser loads exactly what the static check counts"
    assert total <= BUDGET
