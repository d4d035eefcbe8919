"""Every link works when the site is served from the sub-path in base_url."""
from __future__ import annotations

import functools
import http.server
import os
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from govsite.pipeline.build import build
from govsite.serve import _Handler
from tests.conftest import SiteFolder


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") == "canonical"):
                self.links.append(a[key] or "")


@pytest.fixture
def served(site: SiteFolder):
    """Build with a sub-path base_url and serve output/ under that sub-path on 127.0.0.1."""
    site.write("content/attachments/fa.pdf", b"%PDF-1.4\n")
    site.write_item(6, attachments=[{"file": "attachments/fa.pdf"}])
    for n in range(10, 45):  # enough items for pagination
        site.write_item(n)
    result = build(site.root, base_url="https://www.test.gov.cn/county/xxgk/")
    assert result.ok, [p.format() for p in result.problems.items]
    handler = functools.partial(_Handler, directory=str(site.out), prefix="/county/xxgk/")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/county/xxgk/", site
    server.shutdown()


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_every_internal_link_resolves_under_the_sub_path(served) -> None:
    root, site = served
    host = urlsplit(root).netloc
    pages = [root + Path(dirpath, name).relative_to(site.out).as_posix()
             for dirpath, _d, names in os.walk(site.out) for name in names if name.endswith(".html")]
    broken: list[str] = []
    checked: dict[str, _Links | None] = {}
    for page in sorted(pages):
        status, body = fetch(page)
        assert status == 200, page
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            target = urljoin(page, link)
            if urlsplit(target).netloc != host or page.endswith("/404.html"):
                continue
            target_url, fragment = urldefrag(target)
            if target_url not in checked:
                code, data = fetch(target_url)
                doc = None
                if code == 200 and data.lstrip().startswith(b"<!DOCTYPE html>"):
                    doc = _Links()
                    doc.feed(data.decode("utf-8"))
                checked[target_url] = doc if code == 200 else False  # type: ignore[assignment]
            if checked[target_url] is False:
                broken.append(f"{page} -> {link}")
            elif fragment and checked[target_url] and fragment not in checked[target_url].ids:
                broken.append(f"{page} -> {link} (missing anchor)")
    assert len(checked) > 50
    assert broken == []


def test_404_page_links_are_rooted_at_the_sub_path(served) -> None:
    root, _site = served
    status, body = fetch(root + "no/such/page.html")
    assert status == 404
    html = body.decode("utf-8")
    assert 'href="/county/xxgk/assets/style.css"' in html
    assert 'href="/county/xxgk/"' in html


def test_canonical_is_absolute_with_the_sub_path(served) -> None:
    _root, site = served
    html = site.read_out("xxgk/xzfb/2025/00001.html")
    assert '<link rel="canonical" href="https://www.test.gov.cn/county/xxgk/xxgk/xzfb/2025/00001.html">' in html
