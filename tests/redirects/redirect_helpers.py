"""Helpers for the redirect tests: build, read redirect pages and rule files as
a browser or server would, and follow a redirect to the page it lands on."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from govsite.pipeline.build import BuildResult, build
from govsite.pipeline.pages import check_site
from tests.conftest import OFFICE_CODE, SiteFolder

BASE_URL = "https://www.test.gov.cn/"


def idx(n: int) -> str:
    """索引号 of item ``n`` of the test site."""
    return f"{OFFICE_CODE}/2025-{n:05d}"


def build_ok(site: SiteFolder, **kw) -> BuildResult:  # type: ignore[no-untyped-def]
    result = build(site.root, **kw)
    assert result.ok, [p.format("en") for p in result.problems.items]
    return result


def codes(site: SiteFolder) -> list[tuple[str, str, int | None, str | None, str]]:
    """(code, file, line, field, value) of every problem ``govsite check`` reports."""
    return [(p.code, p.file, p.line, p.field, str(p.value)) for p in check_site(site.root).items]


class RedirectPage(HTMLParser):
    """What a browser reads from a redirect page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang = ""
        self.refresh = ""
        self.canonical = ""
        self.robots = ""
        self.title = ""
        self.links: list[tuple[str, str]] = []
        self._in: str | None = None
        self._href = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.refresh = a.get("content", "")
        elif tag == "meta" and a.get("name") == "robots":
            self.robots = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href", "")
        elif tag in ("title", "a"):
            self._in, self._href = tag, a.get("href", "")
            if tag == "a":
                self.links.append((self._href, ""))

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "a":
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    @property
    def refresh_url(self) -> str:
        """The URL of ``content="0; url=…"`` as browsers parse it."""
        m = re.fullmatch(r"\s*0\s*;\s*url=(.+)", self.refresh, re.I)
        assert m, self.refresh
        return m.group(1).strip()


def page_file(out: Path, base_url: str, url: str) -> Path | None:
    """The output file a static server answers ``url`` with, if the URL is under base_url."""
    if not url.startswith(base_url):
        return None
    rel = unquote(urlsplit(url).path[len(urlsplit(base_url).path):])
    path = out / rel
    if rel == "" or rel.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def is_redirect(path: Path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


def follow(out: Path, base_url: str, old_url: str, limit: int = 5) -> tuple[Path, str]:
    """Follow meta refreshes from ``old_url`` (absolute) to a page that is not a
    redirect; returns (its file, its URL)."""
    url = old_url
    for _ in range(limit):
        file = page_file(out, base_url, url)
        assert file is not None, f"{url} is not a built page"
        if not is_redirect(file):
            return file, url
        url = urljoin(url, RedirectPage(file.read_text(encoding="utf-8")).refresh_url)
    raise AssertionError(f"more than {limit} redirects from {old_url}")


def netlify_rules(out: Path) -> list[tuple[str, str, str]]:
    lines = (out / "_redirects").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


def nginx_map(out: Path) -> dict[str, str]:
    """The ``map $uri $govsite_redirect`` entries (decoded key → value)."""
    text = (out / "redirects.nginx.conf").read_text(encoding="utf-8")
    body = text[text.index("map $uri $govsite_redirect {") :]
    pairs = re.findall(r'^\s*"((?:[^"\\]|\\.)*)"\s+"((?:[^"\\]|\\.)*)";\s*$', body, re.M)
    return dict(pairs)
